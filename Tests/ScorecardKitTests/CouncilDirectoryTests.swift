import Foundation
import TestScratch
import Testing

@testable import ScorecardKit

/// The small test council's files, and a way to load a copy of them with changes.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/small").path

    static var framework: String { (try? String(contentsOfFile: directory + "/framework.yaml", encoding: .utf8)) ?? "" }
    static var observations: [UInt8] { [UInt8](FileManager.default.contents(atPath: directory + "/observations.csv") ?? Data()) }

    /// Writes the two files to a new temporary directory and returns its path.
    static func write(framework: String = framework, observations: [UInt8] = observations) throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(framework.utf8).write(to: URL(fileURLWithPath: dir + "/framework.yaml"))
        try Data(observations).write(to: URL(fileURLWithPath: dir + "/observations.csv"))
        return dir
    }

    /// Loads files with the given CSV text (UTF-8) and returns the first problem reported.
    static func firstError(csv: String) throws -> DataFileError? {
        firstError(try write(observations: Array(csv.utf8)))
    }

    static func firstError(framework: String) throws -> DataFileError? {
        firstError(try write(framework: framework))
    }

    static func firstError(_ dir: String) -> DataFileError? {
        do {
            _ = try CouncilDirectory(path: dir).load()
            return nil
        } catch let error as DataLoadError {
            return error.errors.first
        } catch {
            return nil
        }
    }
}

@Suite("Loading a council's data files")
struct CouncilDirectoryTests {
    @Test("a framework.yaml target keyed by the day a year ends is that year's target")
    func targetKeyedByDate() throws {
        let framework = Fixture.framework
        // OUT-01 is annual: 31 March 2024 ends its 2023/24.
        let yearKey = try #require(framework.range(of: "2023/24: 1.2"), "the fixture keys an annual target by its year")
        let dated = framework.replacingCharacters(in: yearKey, with: "\"31/03/2024\": 1.2")
        let before = try FrameworkFile(file: "framework.yaml").read(framework).measures.map(\.targets)
        #expect(try FrameworkFile(file: "framework.yaml").read(dated).measures.map(\.targets) == before)
    }

    @Test("a polarity in a council's own words: smaller is better is lower, data only is none")
    func polarityWords() throws {
        let polarity = try #require(Fixture.framework.range(of: "polarity: lower"), "the fixture has a lower-is-better measure")
        for (written, expected) in [("Smaller is better", Polarity.lowerIsBetter), ("Data only", .none), ("N/A", .none), ("Maximise", .higherIsBetter)] {
            let framework = Fixture.framework.replacingCharacters(in: polarity, with: "polarity: \(written)")
            let measures = try FrameworkFile(file: "framework.yaml").read(framework).measures
            #expect(measures.first { $0.code == "OUT-01" }?.polarity == expected, "\(written)")
        }
    }

    @Test("a frequency in a council's own words: yearly or financial year is annual")
    func frequencyWords() throws {
        let annual = try #require(Fixture.framework.range(of: "frequency: annual"), "the fixture has an annual measure")
        for (written, expected) in [("Yearly", Frequency.annual), ("financial year", .annual), ("Annual", .annual)] {
            let framework = Fixture.framework.replacingCharacters(in: annual, with: "frequency: \(written)")
            let measures = try FrameworkFile(file: "framework.yaml").read(framework).measures
            #expect(measures.first { $0.code == "OUT-01" }?.frequency == expected, "\(written)")
        }
    }

    @Test("a reporting period given as the date a quarter ends is that quarter; another date is its month")
    func reportingPeriodAsDate() throws {
        for (written, expected) in [("30/09/2024", Period.quarter(2024, 2)), ("2025-03-31", .quarter(2024, 4)), ("2024-08-31", .month(2024, 8))] {
            let framework = Fixture.framework.replacingOccurrences(of: "reporting_period: 2024/25 Q2", with: "reporting_period: \"\(written)\"")
            #expect(framework != Fixture.framework)
            #expect(try FrameworkFile(file: "framework.yaml").read(framework).plan.reportingPeriod == expected, "\(written)")
        }
    }

    @Test("the test council loads, with spreadsheet quirks: BOM, CRLF, quoted commas and line breaks, 1,234 and %")
    func loads() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        #expect(council.plan.council == "Testshire District Council")
        #expect(council.plan.reportingPeriod == .quarter(2024, 2))
        #expect(council.measures.map(\.code) == ["OUT-01", "KBM-01", "KBI-01", "KBI-02", "KBI-03"])
        #expect(council.observationCount == 8)
        let calls = try #require(council.measureIndex(code: "KBI-03"))
        #expect(council.observations[calls].map(\.value) == [1234, 1410])
        let planning = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.observations[planning][0].value == 91.5)
        #expect(council.observations[planning][1].note == "Staff vacancies; two posts filled in October,\nbacklog cleared by December")
        let homes = council.measures[try #require(council.measureIndex(code: "KBM-01"))]
        #expect(homes.tolerance == .percent(10))
        #expect(homes.targets.profile == [15, 40, 65, 100])
        #expect(council.measures[planning].tolerance == .absolute(2))
        // The plan's default tolerance applies where a measure gives none.
        #expect(council.measures[0].tolerance == .percent(5))
        #expect(council.measures[0].polarity == .lowerIsBetter)
        #expect(council.plan.priorities[0].measures == [0])
        #expect(council.locations[planning] == MeasureLocation(priority: 0, plan: 0))
        #expect(council.plan.priorities[0].plans[0].actions[0].due == CivilDate(year: 2025, month: 3, day: 31))
    }

    static let header = "measure,period,value,target,note,quality\n"

    /// Malformed observation files: (description, CSV text, line, field, words the message contains).
    static let badObservations: [(String, String, Int, String?, String)] = [
        ("unknown measure", header + "KBI-01,2024-08,90,,,\nKBM-99,2024/25 Q1,5,,,\n", 3, "measure", "unknown measure code \"KBM-99\""),
        ("a byte-order mark where two files were joined", header + "KBI-01,2024-08,90,,,\n\u{FEFF}KBI-01,2024-09,91,,,\n", 3, "measure",
         "unknown measure code \"KBI-01\" with an invisible character (U+FEFF) in it, which makes it another code: delete the character"),
        ("empty measure code", header + ",2024-08,90,,,\n", 2, "measure", "the measure code is empty"),
        ("bad period", header + "KBI-01,2024/26,90,,,\n", 2, "period", "\"2024/26\" is not a period"),
        ("month 13", header + "KBI-01,2024-13,90,,,\n", 2, "period", "is not a period"),
        ("a slip of the year", header + "KBI-01,1025-01,90,,,\n", 2, "period", "\"1025-01\" is not a period"),
        ("quarter for a monthly measure", header + "KBI-01,2024/25 Q1,90,,,\n", 2, "period", "KBI-01 is reported monthly; \"2024/25 Q1\" is a quarter"),
        ("month for a quarterly measure", header + "KBM-01,2024-06,90,,,\n", 2, "period", "is reported quarterly"),
        ("month for an annual measure", header + "OUT-01,2024-06,1,,,\n", 2, "period", "is reported annually (by financial year)"),
        ("value not a number", header + "KBI-01,2024-08,ninety,,,\n", 2, "value", "\"ninety\" is not a number"),
        ("European decimal comma", header + "KBI-01,2024-08,\"90,5\",,,\n", 2, "value", "\"90,5\" is not a number"),
        ("target not a number", header + "KBI-01,2024-08,90,high,,\n", 2, "target", "\"high\" is not a number"),
        ("bad quality", header + "KBI-01,2024-08,90,,,final\n", 2, "quality", "\"final\" is not a data quality"),
        ("duplicate measure and period", header + "KBI-01,2024-08,90,,,\nKBI-01,Aug 2024,91,,,\n", 3, "period", "KBI-01 Aug 2024 is given twice (first on line 2)"),
        ("ragged row, too few", header + "KBI-01,2024-08,90\n", 2, nil, "the row has 3 fields; the header has 6"),
        ("ragged row, one field", header + "KBI-01\n", 2, nil, "the row has 1 field; the header has 6"),
        ("ragged row, too many", header + "KBI-01,2024-08,90,,,,extra\n", 2, nil, "the row has 7 fields"),
        ("unknown column", "measure,period,vaule\nKBI-01,2024-08,90\n", 1, "vaule", "unknown column"),
        ("missing value column", "measure,period\nKBI-01,2024-08\n", 1, "value", "the required column is missing"),
        ("column twice", "measure,period,value,value\n", 1, "value", "the column appears twice"),
        ("percentage over 100", header + "KBI-01,2024-08,150,,,\n", 2, "value", "KBI-01: 150.0% is above this measure's maximum of 100.0% (a percentage"),
        ("negative percentage", header + "KBI-01,2024-08,-0.5,,,\n", 2, "value", "-0.5% is below this measure's minimum of 0.0%"),
        ("negative count", header + "KBI-03,2024-08,-3,,,\n", 2, "value", "KBI-03: -3 is below this measure's minimum of 0 (a count"),
        ("value out of range", header + "KBI-02,2024-08,-1e19,,,\n", 2, "value", "-1e+19 is out of range"),
        ("target out of range", header + "KBI-02,2024-08,1,1e300,,\n", 2, "target", "1e+300 is out of range"),
        ("NUL in a note", header + "KBI-02,2024-08,1,,\"a\u{0}b\",\n", 2, "note", "the commentary contains a NUL character"),
        ("unterminated quote", header + "KBI-01,2024-08,90,,\"never closed,\nKBI-01,2024-09,90,,,\n", 2, nil, "a quoted field is never closed"),
        ("text after closing quote", header + "KBI-01,2024-08,90,,\"note\"x,\n", 2, nil, "unexpected text after a closing quote"),
        ("stray quote", header + "KBI-01,2024-08,9\"0,,,\n", 2, nil, "a quote inside an unquoted field"),
        ("line count after a quoted line break", header + "KBI-01,2024-08,90,,\"two\nlines\",\nKBI-01,2024-13,90,,,\n", 4, "period", "is not a period"),
    ]

    @Test("a malformed observations file names the file, line and field", arguments: badObservations)
    func badObservationsFile(_ bad: (String, String, Int, String?, String)) throws {
        let error = try #require(try Fixture.firstError(csv: bad.1), "\(bad.0): expected an error")
        #expect(error.file.hasSuffix("/observations.csv"), "\(bad.0)")
        #expect(error.line == bad.2, "\(bad.0)")
        #expect(error.field == bad.3, "\(bad.0)")
        #expect(error.message.contains(bad.4), "\(bad.0): \(error.message)")
    }

    @Test("a code written in another case is the framework's measure, as `record` takes it")
    func codeInAnotherCase() throws {
        let dir = try Fixture.write(observations: Array((Self.header + "kbi-01,2024-08,90,,,\nKbm-01,2024/25 Q1,5,,,\n").utf8))
        let council = try CouncilDirectory(path: dir).load()
        let planning = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.observations[planning].map(\.value) == [90])
        let homes = try #require(council.measureIndex(code: "KBM-01"))
        #expect(council.observations[homes].map(\.value) == [5])
        #expect(try Fixture.firstError(csv: Self.header + "KBI-01,2024-08,90,,,\nkbi-01,Aug 2024,91,,,\n")?.message
            .contains("KBI-01 Aug 2024 is given twice (first on line 2)") == true)
    }

    @Test("invalid UTF-8 names its line")
    func invalidUTF8() throws {
        let bytes = Array((Self.header + "KBI-01,2024-08,90,,ok,\nKBI-01,2024-09,90,,").utf8) + [0xFF, 0xFE] + Array(",\n".utf8)
        let error = try #require(Fixture.firstError(try Fixture.write(observations: bytes)))
        #expect(error.line == 3)
        #expect(error.message.contains("not valid UTF-8"))
    }

    @Test("an empty observations file says what it needs")
    func emptyFile() throws {
        let error = try #require(try Fixture.firstError(csv: ""))
        #expect(error.message.contains("needs a header row"))
    }

    @Test("several problems are all reported, in line order")
    func manyErrors() throws {
        let dir = try Fixture.write(observations: Array((Self.header + "KBX,2024-08,1,,,\nKBI-01,2024-08,x,,,\n").utf8))
        #expect(throws: DataLoadError.self) { try CouncilDirectory(path: dir).load() }
        do {
            _ = try CouncilDirectory(path: dir).load()
        } catch let error as DataLoadError {
            #expect(error.errors.map(\.line) == [2, 3])
        }
    }

    /// Replaces the first occurrence of `old` in the fixture's framework.
    static func framework(replacing old: String, with new: String) -> String {
        guard let range = Fixture.framework.range(of: old) else { return "<\(old) not found in the fixture>" }
        return Fixture.framework.replacingCharacters(in: range, with: new)
    }

    /// Malformed framework files: (description, YAML text, line, field, words the message contains).
    static let badFrameworks: [(String, String, Int?, String?, String)] = [
        ("bad frequency", framework(replacing: "frequency: quarterly", with: "frequency: fortnightly"), 31, "frequency", "\"fortnightly\" is not one of monthly, quarterly, annual, calendar-year"),
        ("rolling frequency", framework(replacing: "frequency: quarterly", with: "frequency: Rolling 12 months"), 31, "frequency",
         "\"Rolling 12 months\" is not one of monthly, quarterly, annual, calendar-year: a rolling 12 months' figure is given each month, so write monthly"),
        ("bad polarity", framework(replacing: "polarity: lower\n        targets", with: "polarity: up\n        targets"), 18, "polarity", "\"up\" is not a polarity"),
        ("misspelt key", framework(replacing: "owner: Jane Smith", with: "ower: Jane Smith"), 28, "ower", "unknown key in measure KBM-01"),
        ("misspelt top-level key", framework(replacing: "reporting_period:", with: "reportng_period:"), 4, "reportng_period",
         "unknown key in the framework (did you mean reporting_period?)"),
        ("duplicate measure code", framework(replacing: "code: KBI-03", with: "code: KBI-01"), 65, "code", "measure code KBI-01 is used twice (first on line 37)"),
        ("target for the wrong kind of period", framework(replacing: "targets: {2024/25: 90}", with: "targets: {2024/25 Q1: 90}"), 43, "targets", "a target for a quarter (\"2024/25 Q1\") does not apply"),
        ("target not a number", framework(replacing: "2024/25: 120", with: "2024/25: lots"), 35, "targets", "the target for 2024/25 is not a number"),
        ("one year's target written two ways", framework(replacing: "targets: {2024/25: 90}", with: "targets: {2024/25: 90, 2024-25: 95}"), 43, "targets",
         "a target for 2024/25 appears twice (as \"2024/25\" and \"2024-25\")"),
        ("tolerance not a number", framework(replacing: "tolerance: 10%", with: "tolerance: ten"), 33, "tolerance", "is not a tolerance"),
        ("profile that falls", framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: [100, 50, 20, 10]"), 36, "profile", "it must never fall"),
        ("profile of zeros", framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: [0, 0, 0, 0]"), 36, "profile", "must end above 0"),
        ("code too long to type or index", framework(replacing: "code: KBI-03", with: "code: KBI-03" + String(repeating: "X", count: 60)), 65, "code", "characters long: at most 64"),
        ("owner too long to grant", framework(replacing: "owner: Jane Smith", with: "owner: " + String(repeating: "Jane Smith ", count: 30)), 28, "owner", "characters long: at most 300"),
        ("profile ending beyond the year's target", framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: [15, 40, 65, 1000]"), 36, "profile", "this one ends at 1000: a slip for 100?"),
        ("profile written as fractions", framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: [0.15, 0.4, 0.65, 1]"), 36, "profile", "ends at 1: written as fractions?"),
        ("negative band", framework(replacing: "frequency: monthly\n            polarity: none", with: "frequency: monthly\n            polarity: band\n            band: -5"), 69, "band", "0 or more"),
        ("profile of the wrong length", framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: [50, 100]"), 36, "profile", "one percentage per quarter"),
        ("missing title", framework(replacing: "            title: Calls to the contact centre\n", with: ""), 65, "title", "measure KBI-03 needs a title"),
        ("missing frequency", framework(replacing: "frequency: monthly\n            polarity: none", with: "polarity: none"), 65, "frequency", "measure KBI-03 needs a frequency"),
        ("bad action date", framework(replacing: "due: 2025-03-31", with: "due: 2025-02-30"), 47, "due", "\"2025-02-30\" is not a date"),
        ("percent complete out of range", framework(replacing: "complete: 60", with: "complete: 160"), 49, "complete", "a whole number from 0 to 100"),
        ("bad reporting period", framework(replacing: "reporting_period: 2024/25 Q2", with: "reporting_period: Q2"), 4, "reporting_period", "\"Q2\" is not a period"),
        ("YAML syntax error", framework(replacing: "title: Homes and places", with: "title: [Homes and places"), 10, "title", "not valid YAML"),
        ("a tab indenting a list", framework(replacing: "  - code: P1", with: "\t- code: P1"), 8, nil,
         "a tab at column 1; YAML is indented with spaces, not tabs: replace the tab with spaces"),
        ("a tab within a mapping's indentation", framework(replacing: "    title: Homes and places", with: "    \ttitle: Homes and places"), 9, nil,
         "a tab at column 5; YAML is indented with spaces, not tabs: replace the tab with spaces"),
        ("key given twice", framework(replacing: "decimals: 2", with: "decimals: 2\n            decimals: 3"), nil, "decimals", "the key appears twice"),
        ("target out of range", framework(replacing: "2024/25: 120", with: "2024/25: 1e19"), 35, "targets", "the target for 2024/25: 1e+19 is out of range"),
        ("target in another unit", framework(replacing: "2024/25: 120", with: "2024/25: 120 weeks"), 35, "targets", "\"120 weeks\" is written in weeks"),
        ("min above max", framework(replacing: "frequency: monthly\n            polarity: none", with: "frequency: monthly\n            polarity: none\n            min: 10\n            max: 5"), 70, "max", "max (5) is below min (10)"),
        ("min not a number", framework(replacing: "frequency: monthly\n            polarity: none", with: "frequency: monthly\n            polarity: none\n            min: low"), 69, "min", "\"low\" is not a number"),
        ("no council name", framework(replacing: "council: Testshire District Council\n", with: ""), 2, "council", "the framework needs a council"),
    ]

    @Test("a malformed framework names the file, line and field", arguments: badFrameworks)
    func badFramework(_ bad: (String, String, Int?, String?, String)) throws {
        let error = try #require(try Fixture.firstError(framework: bad.1), "\(bad.0): expected an error")
        #expect(error.file.hasSuffix("/framework.yaml"), "\(bad.0)")
        if let line = bad.2 { #expect(error.line == line, "\(bad.0)") } else { #expect(error.line != nil, "\(bad.0)") }
        #expect(error.field == bad.3, "\(bad.0)")
        #expect(error.message.contains(bad.4), "\(bad.0): \(error.message)")
    }

    @Test("a missing framework file is named")
    func missingFramework() throws {
        let dir = try Fixture.write()
        try FileManager.default.removeItem(atPath: dir + "/framework.yaml")
        let error = try #require(Fixture.firstError(dir))
        #expect(error.file == dir + "/framework.yaml")
        #expect(error.message.contains("no such file"))
    }
}

@Suite("Every problem of a framework in one run, and hints for YAML mistakes")
struct FrameworkProblemsTests {
    static func errors(_ framework: String) throws -> [DataFileError] {
        let dir = try Fixture.write(framework: framework)
        do {
            _ = try CouncilDirectory(path: dir).load()
            return []
        } catch let error as DataLoadError {
            return error.errors
        }
    }

    @Test("problems in different measures, plans, actions and the plan itself are all reported, in line order")
    func allInOneRun() throws {
        var framework = CouncilDirectoryTests.framework(replacing: "frequency: quarterly", with: "frequency: fortnightly")
        framework = framework.replacingOccurrences(of: "complete: 60", with: "complete: 160")
        framework = framework.replacingOccurrences(of: "reporting_period: 2024/25 Q2", with: "reporting_period: Q2")
        framework = framework.replacingOccurrences(of: "polarity: none", with: "polarity: none\n            colour: blue")
        let errors = try Self.errors(framework)
        #expect(errors.map(\.line) == [4, 31, 49, 69])
        #expect(errors.map(\.field) == ["reporting_period", "frequency", "complete", "colour"])
    }

    @Test("a YAML syntax error names the field and says how to quote the value",
          arguments: [
            ("title: %Homes", "title", "put it in quotes: title: \"%Homes\""),
            ("title: Rate: homes", "title", "put it in quotes: title: \"Rate: homes\""),
            ("unit: %", "unit", "put it in quotes: unit: \"%\""),
            ("title: @home", "title", "put it in quotes: title: \"@home\""),
          ])
    func quotingHint(_ bad: (String, String, String)) throws {
        let framework = CouncilDirectoryTests.framework(
            replacing: "title: Calls to the contact centre", with: bad.0)
        let error = try #require(try Fixture.firstError(framework: framework))
        #expect(error.line == 66)
        #expect(error.field == bad.1)
        #expect(error.message.hasPrefix("not valid YAML: "))
        #expect(error.message.hasSuffix(bad.2), "\(error.message)")
    }
}
