import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// The Council Plan's footer: the selected priority's lead and description in the rows left at the bottom.
@Suite struct PlanFooterTests {
    @Test("a lead or description too long for the footer ends in … at a word, not cut mid-word as if it ended there")
    func footerEndsInAnEllipsis() throws {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        council.plan.priorities[0].lead = "Cllr Susan Patel, Leader of the Council and Cabinet Member for Finance and Resources"
        council.plan.priorities[0].description = String(repeating: "A council that lives within its means and listens to residents. ", count: 6)
        let model = DashboardModel(council: council, today: TestCouncil.today)
        let text = DashboardView.screenText(TestCouncil.state(model), model: model, width: 60, height: 18)
        let lines = text.split(separator: "\n").map(String.init)
        let lead = try #require(lines.first { $0.hasPrefix("Lead: ") })
        #expect(lead.trimmingCharacters(in: .whitespaces) == "Lead: Cllr Susan Patel, Leader of the Council and Cabinet…")
        let description = try #require(lines.last { $0.hasPrefix("A council") })
        #expect(description.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(description)")
        #expect(TextFit.continued("listens to residents and makes it easy to", toWidth: 60, ellipsis: "…") == "listens to residents and makes it easy to…")
        #expect(TextFit.continued("listens to residents and makes", toWidth: 30, ellipsis: "…") == "listens to residents and…")
    }
}
