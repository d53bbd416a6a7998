import Foundation
import GRDB
import Testing

@testable import ScorecardKit

/// The latest revisions each write keeps (`recent_revisions`) give the dashboard exactly what reading the
/// revisions gives, and are never used once anything else has changed the file.
@Suite("Kept recent revisions in a database file")
struct RecentRevisionsTests {
    static let today = StoreRecordTests.today

    /// What opening with the latest `periods` revisions reads: observations (values, targets, drafts) and how
    /// much of each history is held.
    static func opened(_ store: SQLiteStore, periods: Int) throws -> [String] {
        let council = try store.loadRecentCouncil(periods: periods)
        return council.observations.enumerated().map { m, list in
            let held = list.map { "\($0.period) \($0.value.map { String($0) } ?? "-") \($0.target.map { String($0) } ?? "-") \($0.isDraft)" }
            let extent = council.loaded.map { "from \($0.loadedFrom[m]?.description ?? "all") first \($0.firstPeriod[m]?.description ?? "none")" } ?? "whole"
            return held.joined(separator: ", ") + " | " + extent
        }
    }

    /// The same read from the revisions themselves: the kept rows made unusable by moving their mark.
    static func openedFromRevisions(_ path: String, publishedOnly: Bool = false, periods: Int) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        let mark = try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM recent_revisions_mark") }
        try queue.write { try $0.execute(sql: "UPDATE recent_revisions_mark SET observation_revision = -1") }
        defer { try? queue.write { try $0.execute(sql: "UPDATE recent_revisions_mark SET observation_revision = ?", arguments: [mark?[0]]) } }
        return try opened(SQLiteStore(path: path, publishedOnly: publishedOnly), periods: periods)
    }

    @Test("after an import, drafts, a revision and a sign-off, opening gives what the revisions give, for each reader")
    func sameAsTheRevisions() throws {
        let (store, path) = try StoreFixture.importedStore()
        let published = try SQLiteStore(path: path, publishedOnly: true)
        for periods in [1, 4, 28, 32] {
            #expect(try Self.opened(store, periods: periods) == (try Self.openedFromRevisions(path, periods: periods)))
        }
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "91", by: "kate"), today: Self.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "92", by: "kate"), today: Self.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "80", by: "kate"), today: Self.today)
        for periods in [1, 4, 28] {
            #expect(try Self.opened(store, periods: periods) == (try Self.openedFromRevisions(path, periods: periods)))
            #expect(try Self.opened(published, periods: periods) == (try Self.openedFromRevisions(path, publishedOnly: true, periods: periods)))
        }
        let index = try #require(try store.loadCouncil().measureIndex(code: "KBI-01"))
        #expect(try Self.opened(store, periods: 4)[index].contains("2024-11 92.0 - true"))
        #expect(!(try Self.opened(published, periods: 4)[index].contains("true")))

        _ = try store.publish(PublishSelection(measures: ["KBI-01"]), by: "olu")
        #expect(try Self.opened(published, periods: 4)[index].contains("2024-11 92.0 - false"))
        #expect(try Self.opened(published, periods: 4) == (try Self.openedFromRevisions(path, publishedOnly: true, periods: 4)))
        // More than are kept: read from the revisions, the same answer.
        #expect(try Self.opened(store, periods: 40) == (try Self.openedFromRevisions(path, periods: 40)))
    }

    @Test("opening reads the kept rows, not the revisions, while they are up to date")
    func keptRowsAreRead() throws {
        let (store, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM recent_revisions") } ?? 0 > 0)
        // Emptied by hand, mark untouched: opening shows what they hold.
        try queue.write { try $0.execute(sql: "UPDATE recent_revisions SET revisions = x''") }
        #expect(try store.loadRecentCouncil(periods: 4).observations.allSatisfy(\.isEmpty))
        // The next write catches up only the measures it changed; the mark moves.
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-11", value: "91", by: "kate"), today: Self.today)
        let council = try store.loadRecentCouncil(periods: 4)
        let index = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.observations[index].last?.value == 91)
    }

    @Test("a value written by something that does not keep them is read from the revisions, never hidden by stale rows")
    func writtenElsewhere() throws {
        let (store, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        let id = try #require(try queue.read { try Int64.fetchOne($0, sql: "SELECT id FROM measure WHERE code = 'KBI-01'") })
        try queue.write {
            try $0.execute(
                sql: """
                    INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, changed_by, changed_at, source)
                    VALUES (?, 0, ?, 77, 'sqlite3', '2026-01-01 00:00:00.000', 'record')
                    """,
                arguments: [id, Period.month(2024, 12).ordinal])
        }
        let council = try store.loadRecentCouncil(periods: 4)
        let index = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.observations[index].last?.period == .month(2024, 12))
        #expect(council.observations[index].last?.value == 77)
        // The next write through the store catches up every measure changed since the mark, that one included.
        _ = try store.record(ValueEntry(measure: "KBM-01", period: "2024/25 Q2", value: "5", by: "kate"), today: Self.today)
        #expect(try Self.opened(store, periods: 4) == (try Self.openedFromRevisions(path, periods: 4)))
    }

    @Test("kept rows edited by hand into nonsense are read without a crash")
    func hostileRows() throws {
        let (store, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        // A short blob, a blob of 0xFF (kind 255: no period), and one of a partial entry.
        try queue.write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT measure_id FROM recent_revisions ORDER BY measure_id LIMIT 3")
            let blobs: [[UInt8]] = [[1, 2, 3], Array(repeating: 0xFF, count: 44), Array(repeating: 0, count: 30)]
            for (id, blob) in zip(ids, blobs) {
                try db.execute(sql: "UPDATE recent_revisions SET revisions = ? WHERE measure_id = ?", arguments: [Data(blob), id])
            }
        }
        let council = try store.loadRecentCouncil(periods: 28)
        #expect(council.observations.count == council.measures.count)
        #expect(council.observations.allSatisfy { list in list.allSatisfy { $0.period.ordinal >= 0 } })
    }
}
