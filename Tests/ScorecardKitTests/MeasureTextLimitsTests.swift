import Foundation
import Testing

@testable import ScorecardKit

/// A measure's title and texts are refused past their limits, naming the line and field, when the files are read:
/// a title of a million characters was taken, and the council could then not be exported as a workbook.
@Suite struct MeasureTextLimitsTests {
    @Test func aTitleOverItsLimitIsRefusedWithItsLineAndField() throws {
        let long = String(repeating: "x", count: Measure.longestTitle + 1)
        let table = TablesFixture.measures.replacingOccurrences(of: "Affordable homes delivered", with: long)
        let errors = TablesFixture.errors(try TablesFixture.directory(["measures.csv": table]))
        let error = try #require(errors.first)
        #expect(error.line == 2 && error.field == " Title", "\(String(reflecting: error.field))")
        #expect(error.message == "the title is 1,001 characters long: at most 1,000")
        let fits = TablesFixture.measures.replacingOccurrences(of: "Affordable homes delivered", with: String(long.dropLast()))
        #expect(TablesFixture.errors(try TablesFixture.directory(["measures.csv": fits])).isEmpty)
    }

    @Test func aMethodologyOverItsLimitIsRefusedInAFramework() throws {
        let long = String(repeating: "y", count: Measure.longestText + 1)
        let table = TablesFixture.measures.replacingOccurrences(of: ",Completions,", with: ",\(long),")
        let errors = TablesFixture.errors(try TablesFixture.directory(["measures.csv": table]))
        let error = try #require(errors.first)
        #expect(error.line == 2 && error.message == "the methodology is 20,001 characters long: at most 20,000", "\(error)")
    }
}
