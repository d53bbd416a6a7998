import Foundation
import Testing

@testable import ScorecardKit

@Suite("measures.csv: one row per measure")
struct MeasuresTableTests {
    @Test("every field is read as framework.yaml reads it, with headings in any case and spacing")
    func fields() throws {
        let council = try CouncilDirectory(path: try TablesFixture.directory()).load()
        #expect(council.plan.council == "Testshire District Council")
        #expect(council.measures.map(\.code) == ["KBM-01", "KBI-01", "KBI-02", "OUT-01"])
        let homes = council.measures[0]
        #expect(homes.title == "Affordable homes delivered")
        #expect(homes.tier == .kbm && homes.frequency == .quarterly && homes.cumulative)
        #expect(homes.tolerance == .percent(10))
        #expect(homes.methodology == "Completions" && homes.owner == "Jane Smith")
        #expect(homes.targets.profile == [15, 40, 65, 100])
        #expect(homes.targets.byPeriod == [.financialYear(2024): 120, .financialYear(2025): 150, .quarter(2024, 1): 20])
        let planning = council.measures[1]
        #expect(planning.unit.isPercentage && planning.decimals == 1 && planning.tolerance == .absolute(2))
        let sickness = council.measures[2]
        #expect(sickness.polarity == .lowerIsBetter && sickness.lagDays == 20 && sickness.maximum == 30)
        // The plan's default tolerance applies where the row gives none.
        #expect(sickness.tolerance == .percent(5))
        #expect(council.measures[3].polarity == .withinBand(halfWidth: 0.5) && council.measures[3].tier == .outcome)
    }

    @Test("a priority or delivery plan named by code or title is created as met, a title getting a made-up code")
    func placement() throws {
        let council = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let priorities = council.plan.priorities
        #expect(priorities.map(\.code) == ["P1", "P2"])
        #expect(priorities.map(\.title) == ["P1", "A well-run council"])
        #expect(priorities[0].plans.map(\.code) == ["DP-01"])
        #expect(priorities[1].plans.map(\.code) == ["DP-02"] && priorities[1].plans[0].title == "Resources Plan")
        #expect(priorities[0].measures == [3])
        #expect(priorities[0].plans[0].measures == [0, 1])
        #expect(council.locations[2] == MeasureLocation(priority: 1, plan: 0))
    }

    @Test("a plain list of indicators, with no priority or delivery plan column, sits under one priority")
    func placeless() throws {
        let dir = try TablesFixture.directory([
            "measures.csv": "code,title,frequency\nK1,First,monthly\nK2,Second,quarterly\n", "observations.csv": "measure,period,value\n",
        ])
        let council = try CouncilDirectory(path: dir).load()
        #expect(council.plan.priorities.map(\.title) == ["All measures"])
        #expect(council.plan.priorities[0].measures == [0, 1])
    }

    @Test("a note under the table or a heading over a group of rows is named as such, in measures.csv and observations.csv")
    func noteRows() throws {
        func problem(_ files: [String: String]) throws -> DataFileError? {
            do {
                _ = try CouncilDirectory(path: try TablesFixture.directory(files)).load()
                return nil
            } catch let error as DataLoadError {
                return error.errors.first
            }
        }
        let measures = "code,title,frequency\nK1,First,monthly\n,,\"Targets agreed by Cabinet, March 2025\"\n"
        let note = try #require(try problem(["measures.csv": measures, "observations.csv": "measure,period,value\n"]))
        #expect(note.line == 3 && note.field == "frequency")
        #expect(note.message.hasPrefix("the row holds only \"Targets agreed by Cabinet, March 2025\": a note, or a heading"))
        let values = "measure,period,value\nK1,2024-08,200\nNotes:,,\nCustomer and Corporate,,\n"
        let heading = try #require(try problem(["measures.csv": "code,title,frequency\nK1,First,monthly\n", "observations.csv": values]))
        #expect(heading.line == 3 && heading.message.hasPrefix("the row holds only \"Notes:\""))
        // A value alone is a row missing its code, not a note.
        let value = try #require(try problem(["measures.csv": "code,title,frequency\nK1,First,monthly\n", "observations.csv": "measure,period,value\n,,45\n"]))
        #expect(value.message == "the measure code is empty")
        // A code alone is still a row of the table, missing its values or unknown.
        let unknown = try #require(try problem(["measures.csv": "code,title,frequency\nK1,First,monthly\n", "observations.csv": "measure,period,value\nK9,,\n"]))
        #expect(unknown.message.hasPrefix("unknown measure code \"K9\""))
    }

    @Test("priorities defined in framework.yaml are found by code or title, in any case")
    func framework() throws {
        let plan = TablesFixture.plan + """
            priorities:
              - code: P1
                title: Homes and places
                lead: Cllr Patel
                plans:
                  - code: DP-01
                    title: Housing Delivery Plan
                    owner: Director of Place
              - code: P2
                title: A Well-Run Council

            """
        let council = try CouncilDirectory(path: try TablesFixture.directory(["framework.yaml": plan])).load()
        #expect(council.plan.priorities.map(\.code) == ["P1", "P2"])
        #expect(council.plan.priorities[0].lead == "Cllr Patel")
        #expect(council.plan.priorities[0].plans[0].owner == "Director of Place")
        #expect(council.plan.priorities[1].plans.map(\.title) == ["Resources Plan"])
    }

    @Test("the words councils use for frequency and polarity; a target of n/a is no target")
    func words() throws {
        let table = "code,title,frequency,polarity,priority,target 2024/25\nK1,T,Annually,Higher is better,P1,n/a\nK2,U,Quarterly,Low,P1,5\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"])).load()
        #expect(council.measures.map(\.frequency) == [.annual, .quarterly])
        #expect(council.measures.map(\.polarity) == [.higherIsBetter, .lowerIsBetter])
        #expect(council.measures[0].targets.byPeriod.isEmpty)
    }

    @Test("a title above the headings (a sheet saved as CSV) is skipped, as a workbook's sheet's is; errors keep their lines")
    func titleAbove() throws {
        let table = "Measures list\nRun 12/11/2026,,,,\ncode,title,frequency,priority,target 2024/25\nK1,T,monthly,P1,5\nK2,U,quarterly,P1,x\n"
        let errors = try TablesFixture.errors(try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"]))
        #expect(errors.map(\.line) == [5] && errors.first?.field == "target 2024/25")
        let fixed = table.replacingOccurrences(of: ",x\n", with: ",6\n")
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": fixed, "observations.csv": "measure,period,value\n"])).load()
        #expect(council.measures.map(\.code) == ["K1", "K2"])
        // A first row of several cells is the headings, misnamed or not: not skipped.
        let misnamed = "Measure code,title,frequency,priority\ncode,title,frequency,priority\n"
        let unknown = try TablesFixture.errors(try TablesFixture.directory(["measures.csv": misnamed]))
        #expect(unknown.first?.line == 1 && unknown.first?.field == "Measure code")
    }

    @Test("every unknown column is named at once, each with the column it seems meant for")
    func everyUnknownColumn() throws {
        let table = "code,title,frequency,priority,ownr,tagret 2024/25,colour\nK1,T,monthly,P1,Jo,5,red\n"
        let errors = try TablesFixture.errors(try TablesFixture.directory(["measures.csv": table]))
        #expect(errors.map(\.field) == ["ownr", "tagret 2024/25", "colour"])
        #expect(errors.map(\.message).prefix(2).map { $0.hasPrefix("unknown column: did you mean") } == [true, true])
        #expect(errors.last?.message == "unknown column")
    }

    /// Changes to the measures table, and the problem each gives: (what, table, line, field, words).
    static let bad: [(String, String, Int, String?, String)] = [
        ("unknown column", "code,title,frequency,priority,colour\nK1,T,monthly,P1,red\n", 1, "colour", "unknown column"),
        ("misspelt target", "code,title,frequency,priority,tagret 2024/25\nK1,T,monthly,P1,3\n", 1, "tagret 2024/25", "unknown column: did you mean target 2024/25?"),
        ("misspelt column", "code,title,frequency,priority,ownr\nK1,T,monthly,P1,Jo\n", 1, "ownr", "unknown column: did you mean owner?"),
        ("target without a period", "code,title,frequency,priority,target\nK1,T,monthly,P1,3\n", 1, "target", "a target column names its year"),
        ("target heading not a period", "code,title,frequency,priority,target 2024/26\n", 1, "target 2024/26", "\"2024/26\" is not a period"),
        ("missing required column", "code,frequency,priority\nK1,monthly,P1\n", 1, "title", "the required column is missing"),
        ("column twice", "code,title,Title,frequency\n", 1, "Title", "the column appears twice"),
        ("bad number", "code,title,frequency,priority,decimals\nK1,T,monthly,P1,two\n", 2, "decimals", "\"two\" is not a whole number"),
        ("bad target", "code,title,frequency,priority,target 2024/25\nK1,T,monthly,P1,lots\n", 2, "target 2024/25", "the target for 2024/25 is not a number"),
        ("target for the wrong period", "code,title,frequency,priority,target 2024-05\nK1,T,quarterly,P1,4\n", 2, "target 2024-05", "a target for a month"),
        ("bad frequency", "code,title,frequency,priority\nK1,T,weekly,P1\n", 2, "frequency", "\"weekly\" is not one of"),
        ("duplicate code", "code,title,frequency,priority\nK1,T,monthly,P1\nK1,U,monthly,P1\n", 3, "code", "measure code K1 is used twice (first on line 2)"),
        ("codes differing in case", "code,title,frequency,priority\nKBI-04,T,monthly,P1\nKbi-04,U,monthly,P1\n", 3, "code", "measure code Kbi-04 is KBI-04 in another case"),
        ("escape in a code", "code,title,frequency,priority\nK\u{1B}[2J1,T,monthly,P1\n", 2, "code", "holds a control character, an invisible character or a line break"),
        ("zero-width space in a code", "code,title,frequency,priority\nM1,T,monthly,P1\nM1\u{200B},U,monthly,P1\n", 3, "code", "holds a control character, an invisible character"),
        ("soft hyphen in a code", "code,title,frequency,priority\nK\u{00AD}1,T,monthly,P1\n", 2, "code", "an invisible character"),
        ("target beyond the limits", "code,title,frequency,priority,unit,target 2024/25\nK1,T,monthly,P1,%,150\n", 2, "target 2024/25", "above this measure's maximum of 100%"),
        ("no priority", "code,title,frequency,priority\nK1,T,monthly,\n", 2, "priority", "needs a priority or a delivery plan"),
        ("unknown plan alone", "code,title,frequency,delivery_plan\nK1,T,monthly,DP-9\n", 2, "delivery_plan", "delivery plan \"DP-9\" is not in the framework"),
        ("value under no heading", "code,title,frequency,,priority\nK1,T,monthly,x,P1\n", 2, nil, "a value in column 4, which has no heading"),
        ("NUL in a title", "code,title,frequency,priority\nK1,a\u{0}b,monthly,P1\n", 2, "title", "NUL character"),
        ("ragged row", "code,title,frequency,priority\nK1,T,monthly\n", 2, nil, "the row has 3 fields; the header has 4"),
        ("profile of a non-cumulative measure", "code,title,frequency,priority,profile\nK1,T,quarterly,P1,10;20;30;100\n", 2, "profile", "a profile is for cumulative"),
        ("min above max", "code,title,frequency,priority,min,max\nK1,T,monthly,P1,5,1\n", 2, "max", "max (1) is below min (5)"),
        ("a profile of 6 for a monthly measure", "code,title,frequency,cumulative,priority,profile\nK1,T,monthly,yes,P1,10;20;40;60;80;100\n", 2, "profile",
         "one percentage per month (12) or per quarter (4), and this one has 6"),
    ]

    @Test("a tolerance as councils write it: ±5%, 5 %, +/- 3, 2pp (percentage points, a figure)")
    func tolerancesAsWritten() throws {
        let table = "code,title,frequency,priority,unit,tolerance\nK1,T,monthly,P1,%,±5%\nK2,T,monthly,P1,%,5 %\nK3,T,monthly,P1,number,+/- 3\n"
            + "K4,T,monthly,P1,%,2pp\nK5,T,monthly,P1,%,2 percentage points\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"])).load()
        #expect(council.measures.map(\.tolerance) == [.percent(5), .percent(5), .absolute(3), .absolute(2), .absolute(2)])
    }

    @Test("a monthly measure's profile by quarter spreads each quarter's share over its months (10/30/60/100: May 6.67%, August 23.33%)")
    func quarterlyProfileOfAMonthlyMeasure() throws {
        let table = "code,title,frequency,cumulative,priority,profile,target 2024/25\nK1,T,monthly,yes,P1,10;30;60;100,1200\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\nK1,2024-08,200\n"])).load()
        let targets = council.measures[0].targets
        #expect(targets.profile == [10, 30, 60, 100])
        // 1,200 x 10% x 2/3 = 80 by May; x (10% + 20% x 2/3) = 280 by August; 120 by June, 360 by September, 1,200 by March.
        let byMonth = [(2024, 5), (2024, 6), (2024, 8), (2024, 9), (2025, 3)].map { targets.target(for: .month($0.0, $0.1), cumulative: true) ?? 0 }
        #expect(byMonth.map { ($0 * 1000).rounded() / 1000 } == [80, 120, 280, 360, 1200])
        // Forecast on that profile: 200 by August is 200 / 23.33% = 857.1 by the year's end.
        let forecast = try #require(council.evaluate(asAt: .quarter(2024, 2), today: CivilDate(year: 2024, month: 12, day: 1) ?? CivilDate(dayNumber: 0)).measures[0].forecast)
        #expect(forecast.method == .profile && (forecast.value * 10).rounded() / 10 == 857.1)
    }

    @Test("a target column headed with the day a quarter or year ends is that quarter's or year's target for such a measure")
    func targetColumnsDatedByTheirEnd() throws {
        let table = "code,title,frequency,priority,Target 30/06/2024,Target 31/03/2025\nQ-01,Q,quarterly,P1,10,\nA-01,A,annual,P1,,5\nM-01,M,monthly,P1,,7\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"])).load()
        #expect(council.measures.map(\.targets.byPeriod) == [[.quarter(2024, 1): 10], [.financialYear(2024): 5], [.month(2025, 3): 7]])
    }

    @Test("a profile written with slashes (25/50/75/100), as a council may in a sheet, is read as with ; or ,")
    func profileWithSlashes() throws {
        let table = "code,title,frequency,cumulative,priority,profile\nK1,T,quarterly,yes,P1,25/50/75/100\nK2,U,quarterly,yes,P1,25%/50%/75%/100%\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"])).load()
        #expect(council.measures.map(\.targets.profile) == [[25, 50, 75, 100], [25, 50, 75, 100]])
    }

    @Test("a mistake in measures.csv names the file, line and field", arguments: bad)
    func mistakes(_ bad: (String, String, Int, String?, String)) throws {
        let dir = try TablesFixture.directory(["measures.csv": bad.1, "observations.csv": "measure,period,value\n"])
        let error = try #require(TablesFixture.errors(dir).first, "\(bad.0)")
        #expect(error.file.hasSuffix("/measures.csv"), "\(bad.0)")
        #expect(error.line == bad.2, "\(bad.0)")
        #expect(error.field == bad.3, "\(bad.0)")
        #expect(error.message.contains(bad.4), "\(bad.0): \(error.message)")
    }

    @Test("every bad row is reported in one run")
    func everyRow() throws {
        let table = "code,title,frequency,priority\nK1,T,weekly,P1\nK2,,monthly,P1\nK3,T,monthly,P1\n"
        let errors = TablesFixture.errors(try TablesFixture.directory(["measures.csv": table, "observations.csv": "measure,period,value\n"]))
        #expect(errors.map(\.line) == [2, 3])
    }

    @Test("measures in framework.yaml and a measures.csv as well is an error naming both")
    func both() throws {
        let plan = TablesFixture.plan + "priorities:\n  - code: P1\n    title: Homes\n    measures:\n      - code: X\n        title: X\n        frequency: monthly\n"
        let error = try #require(TablesFixture.errors(try TablesFixture.directory(["framework.yaml": plan])).first)
        #expect(error.file.hasSuffix("/framework.yaml") && error.line == 10 && error.field == "measures", "\(error)")
        #expect(error.message.contains("measures.csv as well as here"))
    }

    @Test("a directory with measures.csv still needs framework.yaml for the council's name")
    func needsFramework() throws {
        let dir = try TablesFixture.directory()
        try FileManager.default.removeItem(atPath: dir + "/framework.yaml")
        let error = try #require(TablesFixture.errors(dir).first)
        #expect(error.file.hasSuffix("/framework.yaml") && error.message.contains("naming at least the council and its plan"))
    }
}
