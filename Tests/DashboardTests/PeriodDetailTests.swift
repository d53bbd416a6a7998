import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// Enter on a period of the measure screen: the whole commentary, wrapped, and every revision, scrollable.
@Suite("A period in full")
struct PeriodDetailTests {
    /// A commentary far longer than any table cell: 40 numbered sentences.
    static let longNote = (1...40).map { "Sentence \($0) of the commentary explains the figure." }.joined(separator: " ")

    /// A session with KBI-01's September 2024 given ``longNote``, and that period's detail open.
    static func longNoteOpen() throws -> TestSession {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "86", note: longNote, by: "officer"), today: TestCouncil.today)
        session.tick()
        session.send(.open, .open, .moveDown, .open, .open)
        return session
    }

    @Test("the whole commentary is shown wrapped, and scrolls to its last word")
    func fullCommentary() throws {
        var session = try Self.longNoteOpen()
        #expect(session.state.mode == .history(.month(2024, 9), scroll: 0))
        var screen = session.screen(width: 80, height: 24)
        #expect(screen.contains("Sentence 1 of the commentary"))
        #expect(!screen.contains("Sentence 40 of"))
        // Scrolling past the end stops at the last page, where the last sentence shows.
        for _ in 0..<100 {
            session.send(.moveDown)
            _ = session.screen(width: 80, height: 24)
        }
        screen = session.screen(width: 80, height: 24)
        #expect(screen.contains("40 of the commentary explains the figure."))
        #expect(screen.contains("History, newest first"))
        #expect(screen.contains("Staff vacancies; two posts filled in October,"), "the older revision's own commentary")
        guard case .history(_, let scroll) = session.state.mode else {
            Issue.record("the detail closed")
            return
        }
        session.send(.moveUp)
        #expect(session.state.mode == .history(.month(2024, 9), scroll: scroll - 1), "one line up from the last page, not from 100 down")
        session.send(.back)
        #expect(session.state.mode == .browsing)
    }

    @Test("PgDn and PgUp move the detail by its own page, not the list's beneath it")
    func pagesByTheDetail() throws {
        var session = try Self.longNoteOpen()
        func shownLines() throws -> (first: Int, last: Int) {
            let screen = session.screen(width: 80, height: 24)
            let match = try #require(screen.firstMatch(of: /(\d+)-(\d+) of \d+ lines/), "\(screen)")
            return (Int(match.1) ?? 0, Int(match.2) ?? 0)
        }
        let first = try shownLines()
        #expect(first.first == 1 && first.last > 10)
        session.send(.pageDown)
        #expect(try shownLines().first == first.last + 1, "the next page starts after the last line shown")
        session.send(.pageUp)
        #expect(try shownLines() == first)
    }

    @Test("a draft says so in the detail's heading, as the table's Quality column does")
    func draftInHeading() throws {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "86", quality: "validated", by: "officer"), today: TestCouncil.today)
        session.tick()
        session.send(.open, .open, .moveDown, .open, .open)
        let screen = session.screen(width: 100, height: 30)
        let heading = try #require(screen.split(separator: "\n").first { $0.contains("│ 86.0% against") })
        #expect(heading.contains("Validated") && heading.contains("Draft, not signed off"))
    }

    @Test("every revision is listed with who made it, what it replaced and its own commentary")
    func revisions() throws {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "87.5", note: "Corrected after audit", by: "auditor"), today: TestCouncil.today)
        session.tick()
                session.send(.open, .open, .moveDown, .open, .open)
        let screen = session.screen(width: 100, height: 30)
        #expect(screen.contains("87.5% against 90.0%"))
        #expect(screen.contains("auditor  87.5% (was 86.0%)"))
        #expect(screen.contains("Corrected after audit"))
        // Who made each in a column: the figures start together.
        #expect(screen.contains("test     86.0% (new); imported"), "an imported value says so: published as imported")
        #expect(screen.contains("auditor  87.5% (was 86.0%)") && !screen.contains("(was 86.0%); imported"))
        // The newest revision's commentary is the one shown above; the older one shows its own.
        #expect(screen.contains("Staff vacancies; two posts filled in October,"))
        #expect(screen.contains("backlog cleared by December"))
    }

    @Test("the targets judging the period are listed too: its year's, imported and then approved, with who proposed it")
    func targetHistory() throws {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92.5", by: "kate"))
        _ = try store.publish(.all, by: "olu")
        session.tick()
        session.send(.open, .open, .moveDown, .open, .open)
        let screen = session.screen(width: 100, height: 40)
        #expect(screen.contains("Targets, newest first"), "\(screen)")
        let lines = screen.split(separator: "\n")
        let approved = try #require(lines.firstIndex { $0.contains("olu   92.5% for 2024/25 (was 90.0%); proposed by kate") }, "\(screen)")
        let imported = try #require(lines.firstIndex { $0.contains("90.0% for 2024/25 (new)") }, "\(screen)")
        #expect(approved < imported, "newest first")
    }

    @Test("a cumulative measure's month without a target of its own says which share of the year's target judges it")
    func yearShareSaid() {
        var measure = Measure(code: "KBM-01", title: "Affordable homes delivered", unit: MeasureUnit("homes"), decimals: 0)
        measure.cumulative = true
        measure.targets = TargetSchedule(byPeriod: [.financialYear(2026): 195], profile: [10, 40, 70, 100])
        #expect(PeriodDetailView.yearShare(of: measure, in: .quarter(2026, 2)) == "Judged against 40% of 2026/27's 195 homes, the share due by Q2 2026/27.")
        // By months, a quarter's share spread evenly: May is two thirds of the way to Q1's 10%.
        #expect(PeriodDetailView.yearShare(of: measure, in: .month(2026, 5)) == "Judged against 6.7% of 2026/27's 195 homes, the share due by May 2026.")
        #expect(PeriodDetailView.yearShare(of: measure, in: .financialYear(2026)) == nil, "the year is judged against its own")
        measure.targets[.quarter(2026, 2)] = 80
        #expect(PeriodDetailView.yearShare(of: measure, in: .quarter(2026, 2)) == nil, "a target of the quarter's own")
        measure.cumulative = false
        #expect(PeriodDetailView.yearShare(of: measure, in: .quarter(2026, 3)) == nil, "not cumulative: the year's target itself")
    }

    @Test("each version shows its figure as recorded (the measure's decimals showed 86.04 and 86.0 alike); one of quality alone says so")
    func revisionsTellTheChange() throws {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "86.04", by: "auditor"), today: TestCouncil.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "86.04", quality: "validated", by: "auditor"), today: TestCouncil.today)
        session.tick()
        session.send(.open, .open, .moveDown, .open, .open)
        let screen = session.screen(width: 100, height: 30)
        #expect(screen.contains("auditor  86.04% (was 86.0%)"), "\(screen)")
        #expect(screen.contains("auditor  86.04%, its quality now validated"), "\(screen)")
        #expect(!screen.contains("86.0% (was 86.0%)"))
    }
}
