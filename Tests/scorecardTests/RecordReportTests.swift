import Foundation
import ScorecardKit
import TestScratch
import Testing

@testable import scorecard

/// What `scorecard record` says it did.
@Suite struct RecordReportTests {
    static func revised(from old: Observation, to new: Observation) -> String {
        RecordCommand.report(
            .revised(Revision(measureCode: "KBI-01", observation: new, changedBy: "kate", changedAt: Date(), source: .record, replaced: old)),
        )
    }

    @Test("a revision says what it changed: the value it replaced, or the same value with its commentary or quality")
    func saysWhatChanged() {
        let period = Period.month(2024, 10)
        let before = Observation(period: period, value: 27, note: "Two vacancies", quality: .provisional)
        var cleared = before
        cleared.note = nil
        #expect(Self.revised(from: before, to: cleared) == "KBI-01 Oct 2024: recorded 27 (the same value; commentary removed).")
        var validated = before
        validated.quality = .validated
        #expect(Self.revised(from: before, to: validated) == "KBI-01 Oct 2024: recorded 27 (the same value; quality validated).")
        var newer = before
        newer.value = 30
        newer.note = "Filled"
        #expect(Self.revised(from: before, to: newer) == "KBI-01 Oct 2024: recorded 30 (replacing 27; commentary changed).")
        #expect(RecordCommand.text(1234.5) == "1,234.5" && RecordCommand.text(12_345) == "12,345" && RecordCommand.text(0.125) == "0.125")
    }

    @Test("a percentage from 0.1 to below 1 is noted as a fraction maybe meant for a percentage, not as a decimals matter")
    func fractionNoted() {
        func note(_ value: Double, decimals: Int = 0, unit: String = "%") -> String? {
            var revision = Revision(
                measureCode: "KBI-034", observation: Observation(period: .month(2026, 11), value: value), changedBy: "kate", changedAt: Date(),
                source: .record, replaced: nil)
            revision.unit = MeasureUnit(unit)
            revision.decimals = decimals
            return RecordCommand.finerThanShownNote(.added(revision))
        }
        #expect(note(0.79) == "Note: 0.79% is under 1%: if 79% was meant (a spreadsheet keeps percentages as fractions), record 79 for it")
        #expect(note(89.5) == "Note: 89.5% shows, and is judged, as 90% (KBI-034 is given to whole numbers)")
        #expect(note(0.79, unit: "days") == "Note: 0.79 days shows, and is judged, as 1 day (KBI-034 is given to whole numbers)")
        #expect(note(0.05, decimals: 2) == nil && note(79) == nil)
    }

    @Test("a value added before the measure's first value is noted (a slip of the year), and one within its history is not")
    func beforeTheFirstValue() throws {
        let today = try #require(CivilDate(year: 2026, month: 12, day: 6))
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-record-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(try DataLocation.sample(today: today), by: "import", progress: nil)
        let first = try #require(try store.observations(ofMeasures: ["KBI-001"], recent: nil, detailed: false).first?.observations.first?.period)
        let slip = try store.record(ValueEntry(measure: "KBI-001", period: "1990-01", value: "50", by: "kate"), today: today)
        guard case .added(let revision) = slip else {
            Issue.record("expected a value added, got \(slip)")
            return
        }
        #expect(RecordCommand.beforeSeriesNote(revision, store: store) == "Note: Jan 1990 is before KBI-001's first value (\(first.label)): it "
            + "starts the measure's history and process-control chart there; if the year is a slip, withdraw it "
            + "(`scorecard record KBI-001 1990-01 -`) and record the value for the right period")
        // Withdrawn, as the note says: a revision with no value, said so.
        let withdrawn = try store.record(ValueEntry(measure: "KBI-001", period: "1990-01", value: "-", by: "kate"), today: today)
        #expect(RecordCommand.report(withdrawn).hasPrefix("KBI-001 Jan 1990: value withdrawn (replacing 50)."), "\(RecordCommand.report(withdrawn))")
        // The 50 was a draft: members never saw it (they were told they saw it until the withdrawal was signed off).
        #expect(RecordCommand.report(withdrawn).hasSuffix("members never saw the value withdrawn, a draft too, and see what was signed off before it, if anything."))
        #expect(try store.record(ValueEntry(measure: "KBI-001", period: "1990-01", value: "n/a", by: "kate"), today: today)
            == .unchanged(measureCode: "KBI-001", period: .month(1990, 1)), "withdrawn already")
        #expect(try store.record(ValueEntry(measure: "KBI-001", period: "1980-01", value: "-", by: "kate"), today: today)
            == .unchanged(measureCode: "KBI-001", period: .month(1980, 1)), "no value to withdraw")
        let within = try store.record(ValueEntry(measure: "KBI-001", period: first.next.next.description, value: "50", by: "kate"), today: today)
        switch within {
        case .added(let revision), .revised(let revision): #expect(RecordCommand.beforeSeriesNote(revision, store: store) == nil)
        case .unchanged: Issue.record("expected a value recorded")
        }
        // A percentage is said as the dashboard shows it, to the decimals that show it whole.
        let percent = try store.record(ValueEntry(measure: "KBI-003", period: "2026-09", value: "52", by: "kate"), today: today)
        #expect(RecordCommand.report(percent).contains(": recorded 52.0% (replacing "), "\(RecordCommand.report(percent))")
        let finer = try store.record(ValueEntry(measure: "KBI-003", period: "2026-09", value: "52.25", by: "kate"), today: today)
        #expect(RecordCommand.report(finer).contains(": recorded 52.25% (replacing 52.0%)"), "\(RecordCommand.report(finer))")
        // More decimals than the measure shows: noted, as the form asks.
        #expect(RecordCommand.finerThanShownNote(finer) == "Note: 52.25% shows, and is judged, as 52.3% (KBI-003 is given to 1 decimal)")
        #expect(RecordCommand.finerThanShownNote(percent) == nil)
    }

    @Test("a target approved for a period whose value carries its own says that one still judges it")
    func approvedButCarried() {
        let proposal = TargetProposal(
            measureCode: "KBI-01", period: .month(2024, 8), value: 80, current: nil, proposedBy: "kate", proposedAt: Date(), carriedTarget: 83)
        let text = PublishCommand.report(PublishOutcome(published: [], approvedTargets: [proposal], unknownMeasures: []), selection: .all)
        #expect(text.contains("KBI-01 Aug 2024: 80 (none was set for that period itself; proposed by kate); but the period's row in the "
            + "council's files gives a target of its own, 83, which still judges it: change it in the files"), "\(text)")
    }

    @Test("publish says each figure with its measure's unit, as the dashboard shows it")
    func publishedWithUnits() {
        let draft = Draft(
            measureCode: "KBI-01", observation: Observation(period: .month(2026, 10), value: 54), changedBy: "kate", changedAt: Date(), publishedValue: nil)
        let proposal = TargetProposal(measureCode: "KBI-01", period: .financialYear(2026), value: 60, current: 100, proposedBy: "kate", proposedAt: Date())
        let measure = Measure(code: "KBI-01", title: "Calls answered", unit: MeasureUnit("%"), decimals: 1)
        let outcome = PublishOutcome(published: [draft], approvedTargets: [proposal], unknownMeasures: [])
        let text = PublishCommand.report(outcome, selection: .all, measures: ["KBI-01": measure])
        #expect(text.contains("KBI-01 Oct 2026: 54.0% (recorded by kate)") && text.contains("KBI-01 2026/27: 60.0% (was 100.0%; proposed by kate)"), "\(text)")
        #expect(PublishCommand.report(outcome, selection: .all).contains("KBI-01 Oct 2026: 54 (recorded by kate)"), "without the measure, as typed")
    }

    @Test("commentary longer than the value form takes is refused, naming its length and the limit")
    func commentaryLimit() throws {
        let council = try CouncilDirectory(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScorecardKitTests/Fixtures/small").path).load()
        let long = String(repeating: "x", count: ValueEntry.noteLimit + 1)
        let error = try #require(throws: ValueEntryError.self) {
            try ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", note: long, by: "a")
                .validated(in: council, today: CivilDate(year: 2024, month: 11, day: 24)!)
        }
        #expect(error.problems.map(\.field) == [.note])
        #expect(error.problems.first?.message.hasPrefix("the commentary is 20,001 characters long: at most 20,000") == true)
        // Counted in characters, not bytes: 15,000 accented letters (30,000 bytes) are taken.
        let accented = String(repeating: "é", count: 15_000)
        #expect(throws: Never.self) {
            try ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", note: accented, by: "a")
                .validated(in: council, today: CivilDate(year: 2024, month: 11, day: 24)!)
        }
    }
}
