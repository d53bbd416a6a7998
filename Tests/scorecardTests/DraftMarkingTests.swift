import Foundation
import ScorecardKit
import Testing
import Dashboard
import DashboardTesting

@testable import scorecard

/// A judgement built on a draft says so wherever owners and officers read it, and a member's says whose
/// figures they are.
@Suite("Drafts marked in status and alerts")
struct DraftMarkingTests {
    /// The sample database with KBI-002 (long-term empty homes, lower is better, target 550 in Sep 2026)
    /// recorded at 600 as a draft: off track, where its published 504 is on track.
    static func withDraft() throws -> String {
        let path = try SampleDatabaseTests.path()
        let today = try SampleDatabaseTests.day("2026-11-24")
        try DatabaseOptions.createFromSample(at: path, today: today)
        _ = try SQLiteStore(path: path).record(ValueEntry(measure: "KBI-002", period: "2026-09", value: "600", by: "kate"), today: today)
        return path
    }

    static func judged(_ path: String, published: Bool) throws -> (Council, Evaluation) {
        let council = try SQLiteStore(path: path, publishedOnly: published).loadCouncil()
        return (council, council.evaluate(asAt: .quarter(2026, 2), today: try SampleDatabaseTests.day("2026-11-24")))
    }

    @Test("the status table marks the draft value and counts it; a member's table says published figures")
    func statusTable() throws {
        let path = try Self.withDraft()
        let (council, evaluation) = try Self.judged(path, published: false)
        let table = StatusCommand.table(StatusReport(council: council, evaluation: evaluation), council: council, evaluation: evaluation)
        let line = try #require(table.split(separator: "\n").first { $0.hasPrefix("KBI-002 ") })
        #expect(line.contains("Off track") && line.contains("600 (draft)"))
        #expect(table.contains("; 1 measure judged on a draft awaiting sign-off"))
        #expect(!table.split(separator: "\n")[0].contains("published figures"))

        let (shown, judged) = try Self.judged(path, published: true)
        let published = StatusCommand.table(
            StatusReport(council: shown, evaluation: judged, publishedOnly: true), council: shown, evaluation: judged, publishedOnly: true)
        #expect(published.split(separator: "\n")[0].hasSuffix("as at Q2 2026/27 (published figures)"))
        let publishedLine = try #require(published.split(separator: "\n").first { $0.hasPrefix("KBI-002 ") })
        #expect(publishedLine.contains("On track") && publishedLine.contains("504") && !published.contains("draft"))
    }

    @Test("an alert raised on a draft says so in text and JSON; a member's alerts say published figures")
    func alerts() throws {
        let path = try Self.withDraft()
        let (council, evaluation) = try Self.judged(path, published: false)
        let text = AlertsCommand.text(council: council, evaluation: evaluation)
        #expect(text.contains("Off track in Sep 2026: 600 against a target of 550, 50 over. (draft: not yet signed off)"))
        let json = try JSONSerialization.jsonObject(with: Data(try AlertReport(council: council, evaluation: evaluation).json().utf8)) as? [String: Any]
        #expect(json?["figures"] as? String == "all")
        let alerts = try #require(json?["alerts"] as? [[String: Any]])
        #expect(alerts.filter { $0["draft"] as? Bool == true }.compactMap { $0["measure"] as? String } == ["KBI-002"])
        #expect(alerts.allSatisfy { $0["draft"] is Bool })

        let (shown, judged) = try Self.judged(path, published: true)
        let member = try JSONSerialization.jsonObject(
            with: Data(try AlertReport(council: shown, evaluation: judged, publishedOnly: true).json().utf8)) as? [String: Any]
        #expect(member?["figures"] as? String == "published")
        #expect((member?["alerts"] as? [[String: Any]])?.contains { $0["measure"] as? String == "KBI-002" } == false)
        #expect(AlertsCommand.text(council: shown, evaluation: judged, publishedOnly: true).split(separator: "\n")[0].hasSuffix("(published figures)"))
    }
}

/// What `scorecard target` says when a proposal changes nothing.
@Suite("Target proposals that change nothing")
struct UnchangedTargetTests {
    @Test("removing a month's target it never had says the year's target judges it; a target already standing says so")
    func unchangedWording() {
        #expect(
            TargetCommand.unchanged(code: "KBI-001", period: "2026-08", target: "none")
                == "KBI-001 Aug 2026: unchanged (the period has no target of its own to remove, or its removal is already proposed; without one it is judged against its financial year's target, when the year has one).")
        #expect(TargetCommand.unchanged(code: "KBI-001", period: "2027/28", target: " None ") == "KBI-001 2027/28: unchanged (the period has no target to remove, or its removal is already proposed).")
        #expect(
            TargetCommand.unchanged(code: "CS02a", period: "2026/27 Q2", target: "80")
                == "CS02a Q2 2026/27: unchanged (this target is already what stands or is proposed).")
        // A quarter's last day, for a quarterly measure, is the quarter, as the proposal read it.
        #expect(
            TargetCommand.unchanged(code: "CS02a", period: "30/09/2026", kind: .quarter, target: "80")
                == "CS02a Q2 2026/27: unchanged (this target is already what stands or is proposed).")
    }

    @Test("a month's target proposed where it has none of its own says which year's target judges it until then")
    func standingNamesTheYear() {
        #expect(TargetCommand.standing("95.0%") == "currently 95.0%")
        #expect(TargetCommand.standing(nil) == "no target is set for that period itself yet")
        #expect(
            TargetCommand.standing(nil, year: (.financialYear(2026), "97.9%"))
                == "no target is set for that period itself yet; until one is, its year's target, 97.9% for 2026/27, judges it")
        // A cumulative measure's quarter is judged against its share of the year's: 65% of 205 is 133.25 by Q3.
        var measure = Measure(code: "KBM-01", title: "Homes", decimals: 2, frequency: .quarterly, cumulative: true)
        measure.targets = TargetSchedule(byPeriod: [.financialYear(2026): 205])
        measure.targets.profile = [15, 40, 65, 100]
        let share = TargetCommand.share(of: measure, in: .quarter(2026, 3))
        #expect(share == "65% of it, 133.25, the share due by Q3 2026/27")
        #expect(TargetCommand.standing(nil, year: (.financialYear(2026), "205"), share: share).hasSuffix("205 for 2026/27, judges it: 65% of it, 133.25, the share due by Q3 2026/27"))
        measure.cumulative = false
        #expect(TargetCommand.share(of: measure, in: .quarter(2026, 3)) == nil)
    }

    @Test("a year's target proposed names the periods whose values came with targets of their own")
    func yearLeavesRowTargets() {
        #expect(TargetCommand.ownTargets([]) == "")
        #expect(TargetCommand.ownTargets([.quarter(2026, 1)])
            == " Q1 2026/27 was given a target of its own with its value, which judges it whatever the year's target.")
        #expect(TargetCommand.ownTargets([.month(2026, 4), .month(2026, 5), .month(2026, 9)])
            == " Apr 2026, May 2026 and Sep 2026 were given targets of their own with their values, which judge them whatever the year's target.")
    }
}

/// `import --replace` of another council.
@Suite("Replacing another council")
struct ReplacingCouncilTests {
    @Test("an import replacing another council is refused when a measure it names keeps values the files do not hold")
    func refusedWhenValuesWouldMix() throws {
        let accept = ImportCommand.replacing("Fernley Borough Council", by: "Ashcombe District Council", at: "c.sqlite")
        var summary = ImportSummary()
        summary.councilReplaced = "Fernley Borough Council"
        try accept(summary)
        summary.measuresKeepingValues = ["OUT-01", "KBM-01", "KBM-02", "KBM-03"]
        summary.notInFile = 43
        summary.draftsKept = 1
        do {
            try accept(summary)
            Issue.record("accepted values of another council")
        } catch let failure as CommandFailure {
            #expect(failure.description.hasPrefix(
                "c.sqlite holds Fernley Borough Council, and the files are Ashcombe District Council: their measures OUT-01, KBM-01, KBM-02 and 1 more hold 43 published values there that the files do not"))
            #expect(failure.description.split(separator: "\n").allSatisfy { $0.count <= Scorecard.messageLineLimit })
        }
    }

    @Test("an import that finds another council loaded since the command looked (two at once) is refused, --replace or not")
    func refusedWhenAnotherImportCameFirst() throws {
        var summary = ImportSummary()
        // Into a database that held no council, or the files' own: accepted.
        try ImportCommand.replacing(nil, by: "Ashcombe District Council", at: "c.sqlite")(summary)
        summary.councilReplaced = "Hart District Council"
        for allowed in [nil, "Fernley Borough Council"] {
            do {
                try ImportCommand.replacing(allowed, by: "Ashcombe District Council", at: "c.sqlite")(summary)
                Issue.record("replaced a council loaded meanwhile")
            } catch let failure as CommandFailure {
                #expect(failure.description == "c.sqlite now holds Hart District Council: another import loaded it while this one read "
                    + "the files (Ashcombe District Council); nothing was imported. To replace it, import again with --replace")
            }
        }
    }
}

/// Negative values given to `record` and `target` as they are written.
@Suite("Negative values on the command line")
struct NegativeNumberArgumentsTests {
    @Test("a negative value is taken as the value, wherever the options are; an option's own value stays with it")
    func arranged() {
        #expect(NegativeNumberArguments.arranged(["record", "KBM-36", "2026/27 Q2", "-120", "--database", "c.sqlite"])
            == ["record", "KBM-36", "2026/27 Q2", "--database", "c.sqlite", "--", "-120"])
        #expect(NegativeNumberArguments.arranged(["target", "KBM-36", "2026/27", "-£1,200.5"]) == ["target", "KBM-36", "2026/27", "--", "-£1,200.5"])
        #expect(NegativeNumberArguments.arranged(["record", "KBM-36", "2026-09", "5", "--note", "-5"]) == ["record", "KBM-36", "2026-09", "5", "--note=-5"])
        #expect(NegativeNumberArguments.arranged(["record", "KBM-36", "2026-09", "5", "--note", "--quality", "provisional"])
            == ["record", "KBM-36", "2026-09", "5", "--note", "--quality", "provisional"], "an option is no note")
        #expect(NegativeNumberArguments.arranged(["record", "KBM-36", "2026-09", "-1e2", "--note", "- improved"])
            == ["record", "KBM-36", "2026-09", "--note=- improved", "--", "-1e2"])
        // Given with -- already, or another command: as it is.
        #expect(NegativeNumberArguments.arranged(["record", "--database", "c.sqlite", "KBM-36", "2026-09", "--", "-5"])
            == ["record", "--database", "c.sqlite", "KBM-36", "2026-09", "--", "-5"])
        #expect(NegativeNumberArguments.arranged(["status", "-5"]) == ["status", "-5"])
        // With its unit, as the screen shows it (`-5x` too: record reads it, or refuses it in words).
        for word in ["-120", "-4.5%", "-.5", "-£75", "-5 days", "-£5k", "-3.5days", "-5x"] {
            #expect(NegativeNumberArguments.isNegativeNumber(word), "\(word)")
        }
        for word in ["-h", "--by", "-", "-£", "-e5", "-x5"] { #expect(!NegativeNumberArguments.isNegativeNumber(word), "\(word)") }
    }

    @Test("parsed, the value is the negative number")
    func parsed() throws {
        let command = try Scorecard.parseAsRoot(NegativeNumberArguments.arranged(["record", "KBM-36", "2026/27 Q2", "-120", "--database", "c.sqlite"]))
        let record = try #require(command as? RecordCommand)
        #expect(record.value == "-120")
        #expect(record.measure == "KBM-36")
    }
}

/// A first word that is no command.
@Suite("Unknown commands")
struct UnknownCommandTests {
    static let names = Scorecard.configuration.subcommands.map { $0._commandName }

    @Test("a slip of a command's name suggests it; options, help and the commands themselves are left to the parser")
    func suggestions() throws {
        #expect(try #require(UnknownCommand(["stauts"], names: Self.names)).description == "stauts is not a scorecard command: did you mean `scorecard status`?")
        #expect(UnknownCommand(["Alerts", "--json"], names: Self.names)?.suggestion == "alerts")
        #expect(UnknownCommand(["rep"], names: Self.names)?.suggestion == "report")
        #expect(UnknownCommand(["frobnicate"], names: Self.names)?.description == "frobnicate is not a scorecard command (`scorecard --help` lists them)")
        for arguments in [["status"], ["--data", "x"], ["help", "status"], [], ["db", "init"]] {
            #expect(UnknownCommand(arguments, names: Self.names) == nil, "\(arguments)")
        }
    }
}

/// Who a change is recorded as made by, from the environment.
@Suite("The login name recorded")
struct LoginNameTests {
    @Test("a login name from the environment is stored without control characters, as --by must be")
    func cleaned() {
        #expect(DatabaseOptions.cleanedName("bad\u{1B}]0;PWN\u{07}\u{1B}[31mname") == "bad]0;PWN[31mname")
        #expect(DatabaseOptions.cleanedName(" kate\n") == "kate")
        #expect(DatabaseOptions.cleanedName(String(repeating: "a", count: 500)).count == DatabaseOptions.longestAuthor)
    }
}

/// The benchmark's trace of keys.
@Suite("Tracing keys")
struct TracingTerminalTests {
    @Test("a key handled with others waiting is traced as drawn by the frame after them all; one drawing nothing as not drawn")
    func keysWaitingShareAFrame() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trace-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let base = TestTerminal(size: Size(width: 20, height: 2), keys: [.character("a"), .character("b"), nil, .character("z"), nil, .character("q")])
        do {
            let terminal = TracingTerminal(base, trace: Trace(path: path))
            var text = ""
            EventLoop.run(on: terminal, render: { size in
                var buffer = ScreenBuffer(size: size)
                buffer.write(text, x: 0, y: 0)
                return buffer
            }) { event in
                guard case .key(.character(let c)) = event else { return .proceed(redraw: false) }
                if c == "q" { return .quit }
                if c == "z" { return .proceed(redraw: false) }
                text.append(c)
                return .proceed(redraw: true)
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("key ") }
        #expect(lines.map { $0.split(separator: " ")[1] + " " + $0.split(separator: " ")[3] } == ["a 0", "b 1", "z 0"])
    }
}
