import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// "My measures" in a narrow window: the due dates keep what they say.
@Suite struct MyMeasuresNarrowTests {
    @Test("below 80 columns the trend gives way and due dates lose their year, not their day (cut to `14…` they told nothing)")
    func dueDatesReadable() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showMyMeasures, model: model)
        let narrow = DashboardView.screenText(state, model: model, width: 60, height: 18).split(separator: "\n").map(String.init)
        let header = try #require(narrow.first { $0.hasPrefix("Code") })
        #expect(header.hasSuffix("Due") && !header.contains("Trend"), "\(header)")
        let dated = narrow.filter { $0.range(of: #"\d{1,2} [A-Z][a-z]{2}$"#, options: .regularExpression) != nil }
        #expect(!dated.isEmpty, "\(narrow.joined(separator: "\n"))")
        let wide = DashboardView.screenText(state, model: model, width: 100, height: 30)
        #expect(wide.contains("Trend") && wide.contains("Next due"))
        #expect(wide.range(of: #"\d{1,2} [A-Z][a-z]{2} \d{4}"#, options: .regularExpression) != nil)
    }
}
