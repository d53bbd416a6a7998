import ArgumentParser
import Foundation
import ScorecardKit
import Testing

@testable import scorecard

@Suite("The command line prints no control characters from data, the database or arguments")
struct OutputHygieneTests {
    static let today = CivilDate(year: 2026, month: 11, day: 24) ?? CivilDate(dayNumber: 0)

    /// The hostile council, loaded and judged.
    static func loaded() throws -> (Council, Evaluation, String) {
        let dir = try HostileCouncil.write()
        let council = try CouncilDirectory(path: dir).load()
        return (council, council.evaluate(asAt: council.defaultReportingPeriod(today: today), today: today), dir)
    }

    @Test("the hostile council loads with its escape sequences intact: the data are kept as given")
    func dataKept() throws {
        let (council, _, _) = try Self.loaded()
        #expect(council.plan.council.contains("\u{1B}]0;pwned\u{07}\u{1B}[2J\u{7F}\u{9B}31m"))
        #expect(council.observations.joined().contains { $0.note?.contains(HostileCouncil.attack) == true })
    }

    @Test("check's summary shows the names with their controls replaced")
    func check() throws {
        let (council, evaluation, dir) = try Self.loaded()
        let text = CheckSummary(council: council, evaluation: evaluation, path: dir + "/\u{1B}[2J").text
        #expect(!holdsControl(text), "\(text)")
        #expect(text.hasPrefix("Fernley\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J\u{FFFD}\u{FFFD}31m Borough Council: "))
        #expect(text.contains("the data files are valid"))
    }

    @Test("alerts as text show titles, units and reasons with their controls replaced, one alert to three lines")
    func alertsText() throws {
        let (council, evaluation, _) = try Self.loaded()
        #expect(!evaluation.alerts.isEmpty)
        let text = AlertsCommand.text(council: council, evaluation: evaluation)
        #expect(!holdsControl(text))
        #expect(text.contains("]0;pwned"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 1 + 3 * evaluation.alerts.count)
    }

    @Test("alerts as JSON escape every control, and a program reading them gets the values exactly")
    func alertsJSON() throws {
        let (council, evaluation, _) = try Self.loaded()
        let json = try AlertReport(council: council, evaluation: evaluation).json()
        #expect(!holdsControl(json))
        #expect(json.contains("\\u001b]0;pwned\\u0007\\u001b[2J\\u007f\\u009b31m"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(decoded?["council"] as? String == council.plan.council)
        let first = (decoded?["alerts"] as? [[String: Any]])?.first
        let measure = council.measures[try #require(evaluation.alerts.first).measure]
        #expect(first?["title"] as? String == measure.title)
    }

    @Test("status as a table, JSON and CSV shows every measure with controls replaced or escaped")
    func status() throws {
        let (council, evaluation, _) = try Self.loaded()
        let report = StatusReport(council: council, evaluation: evaluation)
        let table = StatusCommand.table(report, council: council, evaluation: evaluation)
        #expect(!holdsControl(table))
        #expect(table.split(separator: "\n").count > council.measures.count)
        let json = try JSONText.encode(report)
        #expect(!holdsControl(json))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((decoded?["measures"] as? [Any])?.count == council.measures.count)
        let csv = Console.safeDocument( report.csv)
        #expect(!csv.unicodeScalars.contains { $0.isTerminalControl && $0 != "\n" && $0 != "\r" })
        #expect(csv.hasPrefix("code,title,tier,priority,delivery_plan,"))
    }

    @Test("status --csv keeps its line breaks but not a lone carriage return, which would overwrite the line on a terminal")
    func loneCarriageReturn() {
        let csv = "code,commentary\r\nKBI-1,\"a\r fake\nline\r\nend\"\r\n"
        #expect(Console.safeDocument( csv) == "code,commentary\r\nKBI-1,\"a  fake\nline\r\nend\"\r\n")
        // A tab is data a terminal shows harmlessly: kept (it was lost as a replacement character).
        #expect(Console.safeDocument("code,commentary\r\nKBI-1,col1\tcol2\u{1B}\r\n") == "code,commentary\r\nKBI-1,col1\tcol2\u{FFFD}\r\n")
    }

    @Test("import reports the council's name and the database path with their controls replaced")
    func importReport() throws {
        let (council, _, dir) = try Self.loaded()
        let path = dir + "/db\u{1B}[2J.sqlite"
        let summary = try SQLiteStore.importCouncil(council, into: path, by: "test")
        let text = ImportCommand.report(summary, council: council, path: path)
        #expect(!holdsControl(text))
        #expect(text.contains("db\u{FFFD}[2J.sqlite"))
    }

    @Test("import's report says what it kept when nothing changed, and counts one measure as one")
    func importReportWording() throws {
        let (council, _, _) = try Self.loaded()
        var kept = ImportSummary()
        kept.unchanged = 88
        kept.notInFile = 2
        #expect(
            ImportCommand.report(kept, council: council, path: "t.sqlite")
                == "Nothing changed: t.sqlite already holds these files (88 observations), and keeps 2 values the files do not hold.")
        kept.recordedKept = 4
        #expect(ImportCommand.report(kept, council: council, path: "t.sqlite").hasPrefix("Nothing changed: t.sqlite already holds these files (92 observations)"))
        // Drafts the files do not hold are said to be those, not every draft (those recorded over what the files give
        // are among the values recorded in Scorecard).
        kept.draftsKept = 3
        #expect(ImportCommand.report(kept, council: council, path: "t.sqlite").hasSuffix("2 values the files do not hold, 3 drafts the files do not hold, awaiting sign-off."))
        var one = ImportSummary()
        one.frameworkChanged = true
        one.added = 1
        one.measuresAdded = 1
        one.removedMeasures = ["KBI-99"]
        var single = council
        single.measures = Array(council.measures.prefix(1))
        #expect(ImportCommand.report(one, council: single, path: "t.sqlite").contains("framework: 1 measure (1 new, 1 removed, its values kept in the history)"))
        #expect(ImportCommand.report(one, council: single, path: "t.sqlite").hasSuffix(
            "    removed: KBI-99 (no longer on any screen; importing files that hold it again brings back its values, drafts included)"))
        var replaced = ImportSummary()
        replaced.revised = 2
        replaced.signedOffReplaced = 1
        replaced.draftsReplaced = 1
        replaced.replacedValues = [
            ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 8), recorded: 88, files: 93, wasDraft: false),
            ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 9), recorded: 80, files: nil, wasDraft: true),
        ]
        #expect(ImportCommand.report(replaced, council: council, path: "t.sqlite").contains(
            "\n    KBI-01 Aug 2024: 88 signed off in Scorecard, now 93 from the files\n    KBI-01 Sep 2024: 80 a draft awaiting sign-off, now no value from the files"))
        // The same figure, the files' commentary or quality beside it: said so, not "88, now 88".
        replaced.replacedValues = [ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 8), recorded: 88, files: 88, wasDraft: true)]
        #expect(ImportCommand.report(replaced, council: council, path: "t.sqlite").hasSuffix(
            "\n    KBI-01 Aug 2024: 88 a draft awaiting sign-off, now signed off as the files give it, with their commentary, quality or target\n    and 1 more value"))
        // A draft the files give exactly stays a draft, and members see the figure before it: said, and named.
        var asFiles = ImportSummary()
        asFiles.unchanged = 88
        asFiles.draftsAsFiles = 1
        asFiles.draftsAsFilesNamed = [ImportSummary.DraftAsFiles(code: "KBI-01", period: .month(2024, 9), value: 3290)]
        #expect(ImportCommand.report(asFiles, council: council, path: "t.sqlite") == "Nothing changed: t.sqlite already holds these files "
            + "(88 observations). 1 draft awaiting sign-off is as the files give it: members see the figure before it until it is signed off "
            + "(`scorecard publish`).\n    KBI-01 Sep 2024: 3,290, a draft as the files give it")
        #expect(
            ImportCommand.report(replaced, council: council, path: "t.sqlite").contains(
                "2 revised (1 of them a draft awaiting sign-off, replaced by the files' signed-off value; "
                    + "1 of them a value signed off in Scorecard since the last import, replaced by the files' changed figure)"))
        var approval = ImportSummary()
        approval.frameworkChanged = true
        approval.targetsChanged = 2
        let code = try #require(council.measures.first { $0.unit.name.contains("%") }?.code)
        approval.replacedApprovals = [.init(code: code, period: .financialYear(2024), approved: 92.5, files: 95)]
        let text = ImportCommand.report(approval, council: council, path: "t.sqlite")
        #expect(
            text.contains(
                "targets: 0 added, 2 changed, 0 removed (1 of them a target approved in Scorecard since the last import, which the files changed since: theirs stands)"))
        // Named, with the figures as the measure shows them (this council's units carry controls: replaced).
        let measure = try #require(council.measures.first { $0.code == code })
        #expect(!holdsControl(text))
        #expect(text.hasSuffix(
            "\n    \(code) 2024/25: \(measure.formatTarget(92.5).terminalSafe) approved in Scorecard, now \(measure.formatTarget(95).terminalSafe) from the files"),
            "\(text)")
    }

    @Test("record's report quotes a code as a short, safe excerpt")
    func recordReport() {
        let code = "KBI-01" + HostileCouncil.attack + String(repeating: "x", count: 100_000)
        let text = RecordCommand.report(.unchanged(measureCode: code, period: .month(2024, 5)))
        #expect(!holdsControl(text))
        #expect(text.utf8.count < 200)
    }

    /// Arguments whose error message echoes a value: `{}` stands for an escape sequence and 100,000 characters.
    static let echoingArguments = [
        ["check", "--bogus{}"],
        ["alerts", "data", "--period", "Q9{}"],
        ["check", "--today", "{}"],
    ]

    @Test("an error echoing an argument is made safe and cut short", arguments: echoingArguments)
    func argumentErrors(_ template: [String]) throws {
        let long = HostileCouncil.attack + String(repeating: "x", count: 100_000)
        let arguments = template.map { $0.replacingOccurrences(of: "{}", with: long) }
        var message = ""
        do {
            var command = try Scorecard.parseAsRoot(arguments)
            if let alerts = command as? AlertsCommand {
                _ = try alerts.judgement.resolvedPeriod(for: try CouncilDirectory(path: HostileCouncil.sample).load(), today: Self.today)
            } else if let check = command as? CheckCommand {
                _ = try check.judgement.resolvedToday()
            }
            try command.validate()
            Issue.record("expected an error for \(template)")
        } catch {
            message = Scorecard.message(for: error)
        }
        #expect(!message.isEmpty)
        #expect(!holdsControl(message), "\(message.prefix(400))")
        let lines = message.split(separator: "\n")
        #expect(lines.allSatisfy { $0.unicodeScalars.count <= Scorecard.messageLineLimit + 1 })
        #expect(message.utf8.count < 2_000)
    }

    @Test("help is printed whole")
    func help() {
        do {
            var command = try Scorecard.parseAsRoot(["check", "--help"])
            try command.run()
            Issue.record("expected help")
        } catch {
            #expect(Scorecard.exitCode(for: error).isSuccess)
            #expect(Scorecard.message(for: error).contains("USAGE: scorecard check"))
        }
    }

    @Test("the console makes every line safe and keeps the line breaks between them")
    func console() {
        #expect(Console.safe("one\u{1B}[2J\ntwo\u{07}\n") == "one\u{FFFD}[2J\ntwo\u{FFFD}\n")
    }
}

@Suite("Bidirectional overrides and non-finite numbers in output")
struct BidiAndInfinityTests {
    @Test("a right-to-left override cannot reorder what the terminal shows")
    func bidi() {
        #expect("KBI\u{202E}lairotcip".terminalSafe == "KBI\u{FFFD}lairotcip")
        #expect("a\u{2066}b\u{2069}".terminalSafe == "a\u{FFFD}b\u{FFFD}")
    }

    @Test("status --json writes a non-finite value from a database edited by hand as null")
    func infinityAsNull() throws {
        let council = try CouncilDirectory(path: HostileCouncil.sample).load()
        let evaluation = council.evaluate(asAt: .quarter(2026, 2), today: OutputHygieneTests.today)
        var report = StatusReport(council: council, evaluation: evaluation)
        report.measures[0].value = .infinity
        report.measures[0].target = -.infinity
        let json = try JSONText.encode(report)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let first = (decoded?["measures"] as? [[String: Any]])?.first
        #expect(first?["value"] is NSNull)
        #expect(first?["target"] is NSNull)
    }
}

@Suite("Escapes that read back exactly")
struct ExactEscapeTests {
    @Test("JSON escapes DEL and the wide controls, and keeps every other character, of one byte to four, as it is")
    func jsonEscapesOnlyControls() throws {
        let title = "£5\u{7F}x\u{2028}y\u{61C}z é 😀 ✓"
        let json = try JSONText.encode(["title": title])
        #expect(json.contains("£5\\u007fx\\u2028y\\u061cz é 😀 ✓"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["title"] == title)
    }

    @Test("JSON escapes a bidirectional override as \\u202e, which reads back as itself")
    func jsonEscape() throws {
        let json = try JSONText.encode(["title": "A\u{202E}B\u{9B}C"])
        #expect(json.contains("A\\u202eB\\u009bC"))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]
        #expect(decoded?["title"] == "A\u{202E}B\u{9B}C")
    }
}
