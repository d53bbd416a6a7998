import Foundation
import GRDB
import Testing

@testable import ScorecardKit

@Suite("Drafts and sign-off in a database file")
struct StoreSignOffTests {
    static let today = StoreRecordTests.today

    @Test("a recorded value is a draft: --published does not show it until it is signed off, and its history says by whom")
    func draftUntilPublished() throws {
        let (store, path) = try StoreFixture.importedStore()
        let published = try SQLiteStore(path: path, publishedOnly: true)
        let before = try published.loadCouncil()
        let index = try #require(before.measureIndex(code: "KBI-01"))
        let imported = before.observations[index].last
        #expect(imported?.isDraft == false, "imported values are published")

        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "91", by: "kate"), today: Self.today)
        let seenByOwner = try store.loadCouncil().observations[index].last
        #expect(seenByOwner?.period == .month(2024, 11) && seenByOwner?.value == 91 && seenByOwner?.isDraft == true)
        #expect(try published.loadCouncil().observations[index].last == imported, "members do not see the draft")
        #expect(try published.loadRecentCouncil(periods: 4).observations[index].last?.period == imported?.period)
        #expect(try store.drafts().map(\.measureCode) == ["KBI-01"])
        #expect(try store.drafts().first?.changedBy == "kate")

        let outcome = try store.publish(PublishSelection(measures: ["KBI-01"]), by: "olu")
        #expect(outcome.published.map(\.observation.value) == [91])
        let seenByMember = try published.loadCouncil().observations[index].last
        #expect(seenByMember?.value == 91 && seenByMember?.isDraft == false)
        let history = try store.revisions(measure: "KBI-01", period: .month(2024, 11))
        #expect(history.last?.signedOff?.by == "olu")
        #expect(try store.drafts().isEmpty)
        #expect(try store.publish(.all, by: "olu").published.isEmpty, "nothing is signed off twice")
    }

    /// The imported test council with these values (measure, period, value) recorded by kate, as drafts.
    static func store(drafting entries: [(String, String, String)]) throws -> SQLiteStore {
        let (store, _) = try StoreFixture.importedStore()
        for (measure, period, value) in entries {
            _ = try store.record(ValueEntry(measure: measure, period: period, value: value, by: "kate"), today: Self.today)
        }
        return store
    }

    @Test("a revised draft is published as its latest version; only the selected period is signed off")
    func selection() throws {
        let store = try Self.store(drafting: [("KBI-01", "2024-11", "80"), ("KBI-01", "2024-11", "81"), ("KBI-01", "2024-10", "70")])
        let outcome = try store.publish(PublishSelection(period: .month(2024, 11), measures: ["kbi-01"]), by: "olu")
        #expect(outcome.published.map(\.observation.value) == [81])
        #expect(try store.drafts().map(\.observation.value) == [70])
        let unknown = try store.publish(PublishSelection(measures: ["NOPE-1"]), by: "olu")
        #expect(unknown.unknownMeasures == ["NOPE-1"] && unknown.published.isEmpty)
        #expect(try store.drafts().count == 1, "a selection naming no measure signs nothing off")
    }

    @Test("a draft left on a measure a re-import removed is neither listed nor signed off, and its code is unknown to publish")
    func draftOnRemovedMeasure() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-03", period: "2024-11", value: "5", by: "kate"), today: Self.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "91", by: "kate"), today: Self.today)
        let newer = try StoreFixture.councilWithoutKBI03()
        #expect(try store.importCouncil(newer, by: "import", progress: nil).measuresRemoved == 1)

        #expect(try store.drafts().map(\.measureCode) == ["KBI-01"])
        let removed = try store.publish(PublishSelection(measures: ["KBI-03"]), by: "olu")
        #expect(removed.unknownMeasures == ["KBI-03"] && removed.published.isEmpty)
        #expect(try store.publish(.all, by: "olu").published.map(\.measureCode) == ["KBI-01"])
        #expect(try store.revisions(measure: "KBI-03", period: .month(2024, 11)).last?.signedOff == nil)
    }

    @Test("publish --period of a quarter or a year signs off the drafts of the months within it, and no others")
    func periodCoversItsMonths() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "80", by: "kate"), today: Self.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "70", by: "kate"), today: Self.today)
        let q2 = try store.publish(PublishSelection(period: .quarter(2024, 2)), by: "olu")
        #expect(q2.published.isEmpty, "October and November are in Q3")
        let q3 = try store.publish(PublishSelection(period: .quarter(2024, 3)), by: "olu")
        #expect(q3.published.map(\.observation.period) == [.month(2024, 10), .month(2024, 11)])
        #expect(try store.drafts().isEmpty)
    }

    @Test("publish --period of a month's last day signs off the drafts of every period ending that day, whatever its kind")
    func periodsEndingOnADay() throws {
        let store = try Self.store(drafting: [("KBI-01", "2024-08", "80"), ("KBI-01", "2024-09", "81"), ("KBM-01", "2024/25 Q2", "47")])
        let day = try #require(CivilDate(year: 2024, month: 9, day: 30))
        let ended = try store.publish(PublishSelection(endingOn: day), by: "olu")
        #expect(Set(ended.published.map(\.observation.period)) == [.month(2024, 9), .quarter(2024, 2)])
        #expect(try store.drafts().map(\.observation.period) == [.month(2024, 8)], "August ended another day")
    }

    @Test("an import refused when the measure's new limits refuse a value the database keeps, naming it; nothing written")
    func keptValueOutsideNewLimits() throws {
        let (store, path) = try StoreFixture.importedStore()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        // A new maximum of 80, and the files give only the latest value (within it): the database keeps the others,
        // August's 84 among them.
        council.measures[m].maximum = 80
        var latest = try #require(council.observations[m].last)
        latest.value = 79
        council.observations[m] = ObservationSeries([latest])
        let refused = try #require(throws: StoreError.self) { try store.importCouncil(council, by: "import", progress: nil) }
        #expect(refused.description.hasPrefix("KBI-01 "), "\(refused)")
        #expect(refused.description.contains("keeps a value in the database that the measure as the files now define it refuses"))
        #expect(refused.description.contains("above this measure's maximum of 80"), "\(refused)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing written")
        // Within the limits, the same import is taken.
        council.measures[m].maximum = 100
        #expect(try store.importCouncil(council, by: "import", progress: nil).notInFile > 0)
    }

    @Test("a measure the files now write in another case keeps its values: renamed, not removed and added")
    func reimportInAnotherCase() throws {
        let (store, _) = try StoreFixture.importedStore()
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        let held = council.observations[m].count
        council.measures[m].code = "kbi-01"
        let summary = try store.importCouncil(council, by: "import", progress: nil)
        #expect(summary.measuresAdded == 0 && summary.measuresRemoved == 0 && summary.measuresRenamed == 1)
        #expect(summary.added == 0, "the values are the same ones")
        #expect(summary.changedAnything, "a rename is a change, said as one")
        let reloaded = try store.loadCouncil()
        let index = try #require(reloaded.measures.firstIndex { $0.code == "kbi-01" })
        #expect(reloaded.observations[index].count == held && reloaded.measures.count == council.measures.count)
        #expect(ImportDiff.codeRenames(["kbi-01", "KBI-02", "New"], held: ["KBI-01", "KBI-02"]).map { [$0.from, $0.to] } == [["KBI-01", "kbi-01"]])
        #expect(ImportDiff.codeRenames(["kbi-01"], held: ["KBI-01", "Kbi-01"]).isEmpty, "held twice in other cases: neither is taken")
    }

    @Test("a re-import of the same files keeps drafts recorded since; files that changed a value since replace its draft, and say so")
    func reimportReplacesDrafts() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-08", value: "80", by: "kate"), today: Self.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "70", by: "kate"), today: Self.today)
        // The same files: August's 91.5 is what the last import gave, so Kate's draft of 80 stands.
        let same = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        #expect(same.revised == 0 && same.recordedKept == 1 && same.draftsReplaced == 0)
        #expect(same.draftsKept == 1 && same.notInFile == 0, "the draft for a period the files do not give is kept, and counted as a draft")
        #expect(try store.drafts().map(\.observation.value) == [80, 70])
        // Files whose August changed since: theirs replaces the draft.
        let csv = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%", with: "KBI-01,2024-08,93")
        let changed = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: csv)).load(), by: "import", progress: nil)
        #expect(changed.revised == 1 && changed.draftsReplaced == 1 && changed.recordedKept == 0)
        #expect(changed.replacedValues == [ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 8), recorded: 80, files: 93, wasDraft: true)])
        #expect(try store.drafts().map(\.observation.value) == [70])
    }

    @Test("a value held from before files were read to 15 digits (8.139999999999999) is the same files' 8.14: a correction since stands")
    func heldBeforeFifteenDigits() throws {
        let (store, _) = try StoreFixture.importedStore()
        // As an earlier version held it: the file's text read to its last digit.
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        var series = Array(council.observations[m])
        let august = try #require(series.firstIndex { $0.period == .month(2024, 8) })
        series[august].value = 8.139999999999999
        council.observations[m] = ObservationSeries(series)
        _ = try store.importCouncil(council, by: "import", progress: nil)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-08", value: "8.2", by: "kate"), today: Self.today)
        _ = try store.publish(PublishSelection(period: .month(2024, 8)), by: "olu")
        // The same files, read now: 8.14.
        let csv = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%", with: "KBI-01,2024-08,8.139999999999999")
        let again = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: csv)).load(), by: "import", progress: nil)
        #expect(again.recordedKept == 1 && again.revised == 0 && again.signedOffReplaced == 0)
        let loaded = try store.loadCouncil()
        #expect(loaded.observations[m].first { $0.period == .month(2024, 8) }?.value == 8.2)
    }

    @Test("a draft over a signed-off value stands when the files give that value (the database's own export, edited), and goes when they change it")
    func draftOverSignedOffValueStands() throws {
        let (store, _) = try StoreFixture.importedStore()
        // October, which the files do not give: 25 recorded and signed off, then corrected to 2.5 (a draft).
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "25", by: "kate"), today: Self.today)
        _ = try store.publish(PublishSelection(period: .month(2024, 10)), by: "olu")
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "2.5", note: "Corrected typo", by: "kate"), today: Self.today)
        // The export (drafts left out) gives the signed-off 25: imported back, it leaves the correction awaiting sign-off.
        let exported = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%,,,", with: "KBI-01,2024-08,91.5%,,,\nKBI-01,2024-10,25,,,")
        let same = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: exported)).load(), by: "import", progress: nil)
        #expect(same.recordedKept == 1 && same.revised == 0 && same.draftsReplaced == 0)
        #expect(try store.drafts().map(\.observation.value) == [2.5])
        #expect(try store.drafts().first?.observation.note == "Corrected typo")
        // Files giving another figure for October replace the draft, as files that changed a value do.
        let changed = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%,,,", with: "KBI-01,2024-08,91.5%,,,\nKBI-01,2024-10,26,,,")
        let replaced = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: changed)).load(), by: "import", progress: nil)
        #expect(replaced.revised == 1 && replaced.draftsReplaced == 1)
        #expect(try store.drafts().isEmpty)
    }

    @Test("a draft the files give exactly stays a draft, and is counted and named: members see the figure before it until it is signed off")
    func draftAsFilesNamed() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-08", value: "93", by: "kate"), today: Self.today)
        let csv = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%,,,", with: "KBI-01,2024-08,93,,,")
        let summary = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: csv)).load(), by: "import", progress: nil)
        #expect(summary.draftsAsFiles == 1 && summary.revised == 0)
        #expect(summary.draftsAsFilesNamed == [ImportSummary.DraftAsFiles(code: "KBI-01", period: .month(2024, 8), value: 93)])
        #expect(try store.drafts().map(\.observation.value) == [93])
    }

    @Test("a value signed off in Scorecard for a period no import gave, replaced by files that give it, is counted and named")
    func recordedWithoutImportReplacedIsNamed() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "kate"), today: Self.today)
        _ = try store.publish(PublishSelection(period: .month(2024, 10)), by: "olu")
        let csv = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%,,,", with: "KBI-01,2024-08,91.5%,,,\nKBI-01,2024-10,93,,,")
        let summary = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: csv)).load(), by: "import", progress: nil)
        // It was only "1 revised": which figure changed was not said.
        #expect(summary.revised == 1 && summary.signedOffReplaced == 1)
        #expect(summary.replacedValues == [ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 10), recorded: 88, files: 93, wasDraft: false)])
    }

    @Test("a value recorded and signed off since the last import survives an import of the same files, and is replaced by files that changed it")
    func reimportKeepsSignedOffCorrections() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-08", value: "88", by: "kate"), today: Self.today)
        _ = try store.publish(PublishSelection(period: .month(2024, 8)), by: "olu")
        let same = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        #expect(same.recordedKept == 1 && same.revised == 0 && !same.changedAnything)
        let kbi01 = try #require(try store.loadCouncil().observations.first { $0.contains { $0.period == .month(2024, 8) && $0.value == 88 } })
        #expect(!kbi01.isEmpty, "the signed-off correction stands")
        // Files that changed only the row's commentary: the figure decides, and the correction stands.
        let noted = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%,,,", with: "KBI-01,2024-08,91.5%,,Checked by audit,")
        let commentary = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: noted)).load(), by: "import", progress: nil)
        #expect(commentary.recordedKept == 1 && commentary.revised == 0)
        let csv = StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%", with: "KBI-01,2024-08,93")
        let changed = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: csv)).load(), by: "import", progress: nil)
        #expect(changed.revised == 1 && changed.recordedKept == 0 && changed.signedOffReplaced == 1)
        #expect(changed.replacedValues == [ImportSummary.ReplacedValue(code: "KBI-01", period: .month(2024, 8), recorded: 88, files: 93, wasDraft: false)])
        let after = try store.loadCouncil()
        let index = try #require(after.measureIndex(code: "KBI-01"))
        #expect(after.observations[index].first { $0.period == .month(2024, 8) }?.value == 93)
    }

    @Test("drafts written by hand for a period that makes no sense (a quarter of a monthly measure, a month not yet ended) are neither listed nor signed off")
    func draftsOfNonsensePeriods() throws {
        let (store, path) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "91", by: "kate"), today: Self.today)
        let queue = try DatabaseQueue(path: path)
        let nonsense = [Period.quarter(2024, 2), .month(2027, 8), .month(8333, 4)]
        try queue.write { db in
            for period in nonsense {
                try db.execute(
                    sql: """
                        INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, draft, changed_by, changed_at, source)
                        SELECT id, ?, ?, 50, 1, 'joe', '2026-01-01 00:00:00.000', 'record' FROM measure WHERE code = 'KBI-01'
                        """,
                    arguments: [period.kind.rawValue, period.ordinal])
            }
        }
        try queue.close()
        #expect(try store.drafts(endedBy: Self.today).map(\.observation.period) == [.month(2024, 11)])
        #expect(try store.drafts().map(\.observation.period).sorted() == [.month(2024, 11), .month(2027, 8), .month(8333, 4)],
                "without a date, only the quarter of a monthly measure is left out")
        let outcome = try store.publish(PublishSelection(endedBy: Self.today), by: "olu")
        #expect(outcome.published.map(\.observation.period) == [.month(2024, 11)])
        #expect(try store.drafts().map(\.observation.period).sorted() == [.month(2027, 8), .month(8333, 4)], "they stay drafts")
    }

    @Test("--published writes nothing, and the file refuses to change a signed-off value or its sign-off")
    func publishedOnlyAndAppendOnly() throws {
        let (store, path) = try StoreFixture.importedStore()
        let published = try SQLiteStore(path: path, publishedOnly: true)
        #expect(throws: StoreError.showingPublishedOnly) {
            try published.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "1", by: "x"), today: Self.today)
        }
        #expect(throws: StoreError.showingPublishedOnly) { try published.publish(.all, by: "x") }
        #expect(!published.access.canRecord && published.access.seesPublishedOnly)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "5", by: "kate"), today: Self.today)
        _ = try store.publish(.all, by: "olu")
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE observation_revision SET value = 6") } }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE observation_revision SET published_by = 'mallory' WHERE published_by IS NOT NULL") }
        }
    }

    @Test("a sign-off is a change a watcher's mark reports")
    func signOffIsAChange() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "5", by: "kate"), today: Self.today)
        let mark = try store.changeMark()
        _ = try store.publish(.all, by: "olu")
        let changes = try store.changes(since: mark)
        #expect(changes.measures == ["KBI-01"])
    }
}

@Suite("Drafts in status reports")
struct StatusDraftTests {
    @Test("status says which judged value is a draft, and that a --published report holds published figures only")
    func draftInStatus() throws {
        let (store, path) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "95", by: "kate"), today: StoreRecordTests.today)
        let asAt = Period.quarter(2024, 2)
        let council = try store.loadCouncil()
        let report = StatusReport(council: council, evaluation: Evaluation(council: council, asAt: asAt, today: StoreRecordTests.today))
        let record = try #require(report.measures.first { $0.code == "KBI-01" })
        #expect(record.value == 95 && record.draft)
        #expect(report.figures == "all")
        #expect(report.csv.split(separator: "\r\n").first?.contains(",draft,") == true)

        let published = try SQLiteStore(path: path, publishedOnly: true).loadCouncil()
        let members = StatusReport(
            council: published, evaluation: Evaluation(council: published, asAt: asAt, today: StoreRecordTests.today), publishedOnly: true)
        let seen = try #require(members.measures.first { $0.code == "KBI-01" })
        #expect(seen.value != 95 && !seen.draft)
        #expect(members.figures == "published")
    }
}
