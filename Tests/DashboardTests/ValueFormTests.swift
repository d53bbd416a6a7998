import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// The form `e` opens: the period it opens on, typing, saving, and what it refuses.
///
/// The small council is judged on 24 November 2024. KBI-01 (monthly, a percentage to 1 decimal place) has
/// values up to Sep 2024 (86.0%, with commentary); Oct 2024 has ended and has no value, so it is due.
@Suite("The value form")
struct ValueFormTests {
    /// Opens KBI-01's measure screen and its form.
    static func edit(_ session: inout TestSession) {
        session.send(.open, .open, .moveDown, .open, .edit)
    }

    static func form(_ state: AppState) -> ValueForm? {
        guard case .editing(let form) = state.mode else { return nil }
        return form
    }

    @Test("e on a period row chosen below the newest opens that period, to correct it; on the newest, the period due")
    func opensOnChosenPeriod() throws {
        var (session, _, _) = try LiveDataTests.session()
        session.send(.open, .open, .moveDown, .open)
        session.tick()
        guard case .measure = session.state.current.route else { Issue.record("not on a measure"); return }
        let rows = session.model.rows(for: session.state.current, asAt: session.state.asAt, scope: session.state.scope)
        guard rows.count > 1, case .period(let second) = rows[1] else { Issue.record("no period rows: \(rows)"); return }
        session.send(.moveDown, .edit)
        #expect(Self.form(session.state)?.period == second.description)
        session.send(.cancel, .moveUp, .edit)
        #expect(Self.form(session.state)?.period == "2024-10", "the period due, October, on the newest row")
    }

    @Test("e on the newest row with nothing due opens that row's period (recorded beyond the period judged), not the judged one")
    func nothingDueOpensTheNewestRow() throws {
        var (session, store, _) = try LiveDataTests.session()
        // October recorded: as at Q2 2024/25 (September judged), nothing is due until November ends.
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "deputy"), today: TestCouncil.today)
        session.tick()
        session.send(.open, .open, .moveDown, .open)
        session.tick()
        let rows = session.model.rows(for: session.state.current, asAt: session.state.asAt, scope: session.state.scope)
        guard case .period(let newest)? = rows.first else { Issue.record("no period rows: \(rows)"); return }
        #expect(newest == .month(2024, 10))
        session.send(.edit)
        // It opened September's, and saving would have replaced September's value.
        #expect(Self.form(session.state)?.period == "2024-10")
    }

    @Test("0.79 typed for 79% is asked about once, as far from the series; not again as a matter of decimals")
    func fractionAskedOnce() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("0.79")
        session.send(.submit)
        let asked = try #require(Self.form(session.state)?.errors[.value])
        #expect(!asked.contains("shows, and is judged"), "\(asked)")
        session.send(.submit)
        #expect(session.state.mode == .browsing, "saved at the second Enter: \(String(describing: Self.form(session.state)?.errors))")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [0.79])
    }

    @Test("a value with more decimals than the measure shows is said as it will show before it is saved")
    func finerThanShown() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("86.25")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "86.25% shows, and is judged, as 86.3% (KBI-01 is given to 1 decimal): Enter again to save it")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
        session.send(.submit)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [86.25])
    }

    @Test("a value recorded by someone else while the form is open is asked about before it is replaced")
    func recordedMeanwhile() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        #expect(Self.form(session.state)?.period == "2024-10")
        session.type("24")
        // A deputy records October from the command line meanwhile; the dashboard takes it in.
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "22", note: "entered by deputy", by: "deputy"),
                             today: TestCouncil.today)
        session.tick()
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "Oct 2024 was recorded meanwhile (22.0% now): Enter again to replace it")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [22])
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [22, 24])
    }

    @Test("e opens on the period now due, with the value, commentary and quality empty")
    func opensOnDuePeriod() throws {
        var (session, _, _) = try LiveDataTests.session()
        Self.edit(&session)
        let form = try #require(Self.form(session.state))
        #expect(form.period == "2024-10")
        #expect(form.value == "")
        #expect(form.note == "")
        #expect(form.quality == "")
        #expect(form.focus == .value)
    }

    @Test("typing 31 over a value of 29 saves 31")
    func typingReplaces() throws {
        var (session, store, _) = try LiveDataTests.session()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "29", note: "Old note", quality: "validated", by: "a"),
                             today: TestCouncil.today)
        session.tick()
        Self.edit(&session)
        // Nothing is due now, so the form opens on the newest row's period, October's 29 (it opened the judged
        // September's, and ← → stepped to October).
        let form = try #require(Self.form(session.state))
        #expect(form.period == "2024-10")
        #expect(form.value == "")
        session.type("31")
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        let revisions = try store.revisions(measure: "KBI-01", period: .month(2024, 10))
        #expect(revisions.map(\.observation.value) == [29, 31])
        // The old commentary and quality belonged to 29: the new value has neither.
        #expect(revisions.last?.observation.note == nil)
        #expect(revisions.last?.observation.quality == nil)
        #expect(session.state.message == "Saved KBI-01 Oct 2024: 31.0% (was 29.0%)")
        // The same value again with a commentary: it says what changed, not "31.0% (was 31.0%)".
        session.send(.edit)
        session.send(.previousField, .clearField)
        session.type("2024-10")
        session.send(.nextField)
        session.type("31")
        session.send(.nextField)
        session.type("Two late returns")
        session.send(.submit)
        #expect(session.state.message == "Saved KBI-01 Oct 2024: 31.0%, with new commentary")
        // A value with more decimals than the measure shows is said as saved, not rounded (31.25, not 31.3): the form
        // asks about 31.25 shown as 31.3, then saves.
        session.send(.edit)
        #expect(Self.form(session.state)?.period == "2024-10")
        session.type("31.25")
        session.send(.submit, .submit)
        #expect(session.state.message == "Saved KBI-01 Oct 2024: 31.25% (was 31.0%)")
    }

    @Test("the form shows what is recorded for the period beside the empty value field")
    func showsRecordedValue() throws {
        var (session, _, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField, .previousPeriod)
        #expect(Self.form(session.state)?.period == "2024-09")
        let screen = session.screen()
        #expect(screen.contains("Now 86.0%: a new value replaces it"))
        session.send(.nextPeriod)
        let due = session.screen()
        #expect(due.contains("Nothing for Oct 2024 yet; previous 86.0% in Sep 2024"))
        // A value recorded here awaits sign-off, and the form says so when it opens on it again.
        session.send(.nextField)
        session.type("31")
        session.send(.submit)
        session.send(.edit, .previousField, .nextPeriod)
        #expect(Self.form(session.state)?.period == "2024-10")
        #expect(session.screen().contains("Now 31.0% (a draft, not signed off): a new value replaces it"))
    }

    @Test("← → on the period field step through ended periods and stop at the latest")
    func periodStepping() throws {
        var (session, _, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField)
        session.send(.previousPeriod, .previousPeriod)
        #expect(Self.form(session.state)?.period == "2024-08")
        session.send(.nextPeriod, .nextPeriod, .nextPeriod)
        #expect(Self.form(session.state)?.period == "2024-10")
        #expect(session.state.message == "Oct 2024 is the latest period that has ended")
    }

    @Test("typing into the period the form suggests replaces it; once typed, typing goes on from what is there")
    func typingReplacesTheSuggestedPeriod() throws {
        var (session, _, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField)
        session.type("2024-0")
        #expect(Self.form(session.state)?.period == "2024-0")
        session.type("7")
        #expect(Self.form(session.state)?.period == "2024-07")
        session.send(.previousPeriod)
        #expect(Self.form(session.state)?.period == "2024-06")
        session.type("2024-05")
        #expect(Self.form(session.state)?.period == "2024-05", "a period stepped to is replaced too")
        // A date typed is read as saving reads it: its month, from which ← steps.
        session.send(.previousPeriod)
        session.type("31/07/2024")
        #expect(Self.form(session.state)?.parsedPeriod == .month(2024, 7))
        session.send(.previousPeriod)
        #expect(Self.form(session.state)?.period == "2024-06")
    }

    @Test("a period that has not ended is refused, and nothing is written")
    func futurePeriodRefused() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField, .clearField)
        session.type("2024-11")
        session.send(.nextField)
        session.type("88")
        session.send(.submit)
        let form = try #require(Self.form(session.state))
        #expect(form.errors[.period] == "Nov 2024 has not ended yet (it ends on 30 November 2024): a value can be recorded only for a period that has ended")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 11)).isEmpty)
    }

    @Test("a percentage over 100 is refused, naming the limit")
    func rangeChecked() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("150")
        session.send(.submit)
        let form = try #require(Self.form(session.state))
        #expect(form.errors[.value]?.hasPrefix("150.0% is above this measure's maximum of 100.0%") == true)
        session.send(.clearField)
        session.type("-5")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value]?.hasPrefix("-5.0% is below this measure's minimum of 0.0%") == true)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
    }

    @Test("a value ten times the previous one asks for Enter again before it is saved")
    func farFromSeriesConfirms() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("8.6")
        session.send(.submit)
        let form = try #require(Self.form(session.state))
        #expect(form.errors[.value] == "8.6% is at most a tenth of 86.0% in Sep 2024: Enter again to save it")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [8.6])
    }

    @Test("- over a period's value asks for Enter again, then withdraws it: a revision with no value, kept in the history")
    func withdrawAsksFirst() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        // To September, which holds 86.0%.
        while Self.form(session.state)?.focus != .period { session.send(.previousField) }
        session.send(.previousPeriod)
        #expect(Self.form(session.state)?.period == "2024-09")
        while Self.form(session.state)?.focus != .value { session.send(.nextField) }
        session.type("-")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "- withdraws Sep 2024's value, 86.0% (kept in its history): Enter again to withdraw it")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1, "nothing written yet")
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        let revisions = try store.revisions(measure: "KBI-01", period: .month(2024, 9))
        #expect(revisions.map(\.observation.value) == [86, nil])
        #expect(revisions.last?.observation.isDraft == true)
    }

    @Test("a year-to-date value is compared within its financial year, else with the same period a year before")
    func yearToDateComparedWithinItsYear() throws {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        council.measures[m].cumulative = true
        council.observations[m] = ObservationSeries([
            Observation(period: .month(2024, 1), value: 1000), Observation(period: .month(2024, 2), value: 1100),
            Observation(period: .month(2024, 3), value: 1210),
        ])
        // April's total restarts: not compared with March's 1,210 (every April asked "at most a tenth").
        #expect(AppState.comparable(m, before: .month(2024, 4), in: council) == nil)
        council.observations[m] = ObservationSeries([Observation(period: .month(2023, 4), value: 90)] + Array(council.observations[m]))
        #expect(AppState.comparable(m, before: .month(2024, 4), in: council)?.period == .month(2023, 4))
        council.observations[m] = ObservationSeries(Array(council.observations[m]) + [Observation(period: .month(2024, 4), value: 105)])
        #expect(AppState.comparable(m, before: .month(2024, 5), in: council).map { [$0.period.description, "\($0.value)"] } == ["2024-04", "105.0"])
        // Not year to date: the previous value, whatever its year.
        council.measures[m].cumulative = false
        #expect(AppState.comparable(m, before: .month(2024, 4), in: council)?.value == 1210)
    }

    @Test("the question about a value is asked again after another field's problem took its place, not taken as answered")
    func askedAgainAfterAnotherProblem() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("8.6")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value]?.hasSuffix("Enter again to save it") == true)
        // To the quality field: a bad quality is refused, and the value's question is out of sight.
        while Self.form(session.state)?.focus != .quality { session.send(.nextField) }
        session.type("final")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.quality] != nil && Self.form(session.state)?.errors[.value] == nil)
        session.send(.clearField)
        session.type("validated")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value]?.hasSuffix("Enter again to save it") == true)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
        session.send(.submit)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [8.6])
    }

    @Test("0 after a value that was not asks for Enter again (0 is often typed for 'not known yet'); then it is saved")
    func zeroConfirms() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("0")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "0 after 86.0% in Sep 2024: Enter again to save it (a value not known yet is not recorded)")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [0])
        // Written with the measure's unit, as the screen shows it, a value is asked about alike: KBI-02 is in
        // days (8.25 in Sep 2024), and 0.5 days is less than a tenth of it.
        session.send(.startJump)
        session.type("KBI-02")
        session.send(.submit, .edit)
        session.type("0.5 days")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value]?.contains("Enter again to save it") == true)
    }

    @Test("a value exactly a tenth of the value it replaces (a lost digit) asks for Enter again; the value replaced is the measure")
    func extraZeroConfirms() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField, .previousPeriod, .nextField)
        session.type("8.6")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "8.6% is at most a tenth of 86.0%, the value it replaces: Enter again to save it")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1, "nothing saved yet")
        // The next question in turn, not the save: September's 86.0% is signed off.
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "Sep 2024's 86.0% is signed off: Enter again to replace it (with a draft awaiting sign-off)")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1, "nothing saved yet")
        // More than a tenth is a value, not a slip: only replacing a signed-off value is asked about.
        session.send(.clearField)
        session.type("9")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "Sep 2024's 86.0% is signed off: Enter again to replace it (with a draft awaiting sign-off)")
        session.send(.submit)
        #expect(session.state.mode == .browsing)
    }

    @Test("a period before the measure's first value asks for Enter again before it is saved")
    func periodBeforeTheSeriesConfirms() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField, .clearField)
        session.type("2020-01")
        session.send(.nextField)
        session.type("86")
        session.send(.submit)
        let form = try #require(Self.form(session.state))
        #expect(form.errors[.period]?.hasPrefix("Jan 2020 is before this measure's first value (") == true)
        #expect(form.focus == .period)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2020, 1)).isEmpty)
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2020, 1)).map(\.observation.value) == [86])
    }

    @Test("a field takes so much and no more: keys beyond are dropped, a paste is cut, and the form says so")
    func fieldsHaveLimits() throws {
        var (session, _, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.nextField)
        session.send(.paste(String(repeating: "word ", count: 10_000)))
        var form = try #require(Self.form(session.state))
        #expect(form.note.count == ValueForm.limit(of: .note))
        #expect(form.errors[.note] == "At most 20,000 characters here: the paste was cut")
        // Characters, not bytes: 15,000 accented letters (30,000 bytes) are taken whole, and 20,000 of them too.
        var (accented, _, _) = try LiveDataTests.session()
        Self.edit(&accented)
        accented.send(.nextField)
        accented.send(.paste(String(repeating: "é", count: 15_000)))
        var welsh = try #require(Self.form(accented.state))
        #expect(welsh.note.count == 15_000 && welsh.errors[.note] == nil)
        accented.send(.paste(String(repeating: "ŵ", count: 6_000)))
        welsh = try #require(Self.form(accented.state))
        #expect(welsh.note.count == 20_000 && welsh.errors[.note] == "At most 20,000 characters here: the paste was cut")
        session.send(.previousField)
        for _ in 0..<300 { session.send(.type("9")) }
        form = try #require(Self.form(session.state))
        #expect(form.value.count == ValueForm.limit(of: .value))
    }

    @Test("a bad value is shown in place and nothing is written")
    func validation() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.type("86x")
        session.send(.submit)
        #expect(Self.form(session.state)?.errors[.value] == "\"86x\" is not a number")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
    }

    @Test("a saved value shows at once, judged again, with its history kept")
    func save() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.previousField, .previousPeriod, .nextField)
        session.type("91")
        session.send(.nextField)
        session.type("Backlog cleared")
        session.send(.nextField)
        session.type("validated")
        session.send(.submit)
        // September's 86.0% is signed off (members see it): replacing it is asked about first, with nothing saved.
        #expect(Self.form(session.state)?.errors[.value] == "Sep 2024's 86.0% is signed off: Enter again to replace it (with a draft awaiting sign-off)")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1)
        session.send(.submit)
        #expect(session.state.mode == .browsing)
        #expect(session.state.message == "Saved KBI-01 Sep 2024: 91.0% (was 86.0%)")
        #expect(session.state.current.route == .measure(2))
        #expect(session.model.evaluation(at: session.state.asAt).measures[2].status == .onTrack)
        let revisions = try store.revisions(measure: "KBI-01", period: .month(2024, 9))
        #expect(revisions.map(\.observation.value) == [86, 91])
        #expect(revisions.last?.changedBy == "cllr.test")
        #expect(revisions.last?.observation.note == "Backlog cleared")
        #expect(revisions.last?.observation.quality == .validated)
    }

    @Test("Esc cancels the form without writing; with something typed, it asks for Esc again first, as Ctrl-C does")
    func cancel() throws {
        var (session, store, _) = try LiveDataTests.session()
        Self.edit(&session)
        session.send(.cancel)
        #expect(session.state.mode == .browsing, "nothing typed: Esc closes at once")
        session.send(.edit, .type("9"), .nextField, .type("A"), .cancel)
        guard case .editing(let form) = session.state.mode else {
            Issue.record("Esc threw away what was typed without asking")
            return
        }
        #expect(form.value == "9" && form.note == "A")
        #expect(session.state.message?.hasPrefix("Esc again to discard what you typed") == true)
        // Any other key goes on editing, and forgets the question.
        session.send(.type("B"), .cancel)
        guard case .editing(let again) = session.state.mode else {
            Issue.record("Esc after another key closed the form unasked")
            return
        }
        #expect(again.note == "AB")
        // Enter just after the question saves nothing: whoever pressed Esc meant to leave.
        session.send(.submit)
        #expect(session.state.message?.hasPrefix("Still editing") == true)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)
        guard case .editing = session.state.mode else {
            Issue.record("Enter after Esc's question closed the form")
            return
        }
        session.send(.cancel, .cancel)
        #expect(session.state.mode == .browsing && session.state.message == "Nothing was saved")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty)

        session.send(.edit, .type("9"), .quit)
        #expect(!session.state.quitting, "Ctrl-C with something typed asks first")
        #expect(session.state.message?.hasPrefix("Ctrl-C again quits, losing what you typed") == true)
        session.send(.quit)
        #expect(session.state.quitting)
    }

    @Test("a database that cannot be written opens read-only and says so when asked to record")
    func readOnlyDatabase() throws {
        let (_, path) = try LiveDataTests.store()
        guard getuid() != 0 else { return }  // Permissions do not bind root.
        chmod(path, 0o444)
        defer { chmod(path, 0o644) }
        let store = try SQLiteStore(path: path)
        #expect(store.isReadOnly)
        var session = try TestSession(store: store, user: "someone")
        Self.edit(&session)
        #expect(session.state.mode == .browsing)
        #expect(session.state.message == DashboardError.readOnly.description)
        session.send(.open)
    }
}
