import GRDB

/// Each measure's latest revisions, kept in the file by every write (schema 8), so that the dashboard opens by
/// reading one short row a measure instead of an index scan of each measure's history (at 10,000 measures
/// 115 ms of a 250 ms launch went to that scan; at 50,000, 0.58 s).
///
/// `recent_revisions` holds, per measure, its latest ``kept`` revisions newest first (by period, then
/// revision) as a blob of fixed-size entries, drafts included and marked, and the measure's earliest period.
/// `recent_revisions_mark` holds the newest revision id and sign-off number they were made at. Every write
/// transaction ends with ``catchUp(_:)``, which makes them again for every measure with a revision or a
/// sign-off since the mark, whoever wrote it. A reader uses them only when the mark is the file's newest
/// revision and sign-off, so a file changed by anything that did not keep them (an older Scorecard, a hand
/// edit) is read from the revisions as before, never from stale rows.
enum RecentRevisions {
    /// How many revisions are kept a measure: the dashboard opens with 28.
    static let kept = 32

    /// Bytes an entry takes: kind (1), ordinal (4, little-endian), flags (1: value, target, draft), value and
    /// target (8 each, the bits of a `Double`, little-endian).
    static let entrySize = 22

    /// The tables (migration v8).
    static let schema: [String] = [
        """
        CREATE TABLE recent_revisions (
          measure_id INTEGER PRIMARY KEY,
          revisions BLOB NOT NULL,
          first_kind INTEGER,
          first_ordinal INTEGER
        )
        """,
        "CREATE TABLE recent_revisions_mark (observation_revision INTEGER NOT NULL, sign_off INTEGER NOT NULL)",
        "INSERT INTO recent_revisions_mark VALUES (0, 0)",
    ]

    /// The newest revision id and sign-off number a file holds, or those the kept revisions were made at.
    struct Mark: Equatable {
        var revision: Int
        var signOff: Int
    }

    /// The newest revision id and sign-off number in the file.
    static func currentMark(_ db: Database) throws -> Mark {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT coalesce(max(id), 0) FROM observation_revision),
                       (SELECT coalesce(max(sign_off), 0) FROM observation_revision WHERE sign_off IS NOT NULL)
                """)
        return Mark(revision: row?.lenient(0) ?? 0, signOff: row?.lenient(1) ?? 0)
    }

    /// The mark the kept revisions were made at; `nil` in a file without them (an older schema).
    static func storedMark(_ db: Database) throws -> Mark? {
        guard try db.tableExists("recent_revisions_mark"),
            let row = try Row.fetchOne(db, sql: "SELECT observation_revision, sign_off FROM recent_revisions_mark LIMIT 1")
        else { return nil }
        return Mark(revision: row.lenient(0) ?? -1, signOff: row.lenient(1) ?? -1)
    }

    /// Makes the kept revisions again for every measure with a revision or a sign-off since the stored mark
    /// (every measure, the first time), and moves the mark. Runs inside the caller's write transaction.
    static func catchUp(_ db: Database) throws {
        guard let stored = try storedMark(db) else { return }
        let now = try currentMark(db)
        guard now != stored else { return }
        let measureIDs: [Int64]
        if stored == Mark(revision: 0, signOff: 0) {
            measureIDs = try Int64.fetchAll(db, sql: "SELECT id FROM measure")
        } else {
            measureIDs = try Int64.fetchAll(
                db,
                sql: """
                    SELECT measure_id FROM observation_revision WHERE id > ?
                    UNION SELECT measure_id FROM observation_revision WHERE sign_off > ?
                    """,
                arguments: [stored.revision, stored.signOff])
        }
        try make(db, measureIDs: measureIDs)
        try db.execute(
            sql: "UPDATE recent_revisions_mark SET observation_revision = ?, sign_off = ?", arguments: [now.revision, now.signOff])
    }

    /// Makes the kept revisions of `measureIDs` from the revisions (the index on (measure, period, id) carries
    /// everything read, so no table row is looked up).
    private static func make(_ db: Database, measureIDs: [Int64]) throws {
        let latest = try RawStatement(
            db,
            sql: """
                SELECT period_kind, period_ordinal, value, target, draft FROM observation_revision WHERE measure_id = ?
                ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(kept)
                """)
        let first = try RawStatement(
            db, sql: "SELECT period_kind, period_ordinal FROM observation_revision WHERE measure_id = ? ORDER BY period_kind, period_ordinal LIMIT 1")
        let save = try RawStatement(
            db, sql: "INSERT OR REPLACE INTO recent_revisions (measure_id, revisions, first_kind, first_ordinal) VALUES (?, ?, ?, ?)")
        var blob: [UInt8] = []
        blob.reserveCapacity(kept * entrySize)
        for id in measureIDs {
            blob.removeAll(keepingCapacity: true)
            latest.bind(1, Int(id))
            try latest.forEachRow {
                encode(
                    kind: latest.integer(0), ordinal: latest.integer(1), value: latest.double(2), target: latest.double(3),
                    draft: latest.int(4) != 0, into: &blob)
            }
            var firstKind: Int?
            var firstOrdinal: Int?
            first.bind(1, Int(id))
            try first.forEachRow {
                firstKind = first.integer(0)
                firstOrdinal = first.integer(1)
            }
            save.bind(1, Int(id))
            save.bind(2, blob: blob)
            save.bind(3, firstKind.map(Double.init))
            save.bind(4, firstOrdinal.map(Double.init))
            try save.execute()
        }
    }

    /// Appends one entry. A kind or ordinal that no period has (a file edited by hand) is written as kind 255,
    /// which a reader skips, as the live read skips a row whose period it cannot make.
    private static func encode(kind: Int?, ordinal: Int?, value: Double?, target: Double?, draft: Bool, into blob: inout [UInt8]) {
        let valid = kind.map { (0...254).contains($0) } == true && ordinal.map { Int32(exactly: $0) != nil } == true
        blob.append(valid ? UInt8(kind ?? 255) : 255)
        withUnsafeBytes(of: Int32(valid ? ordinal ?? 0 : 0).littleEndian) { blob.append(contentsOf: $0) }
        blob.append((value != nil ? 1 : 0) | (target != nil ? 2 : 0) | (draft ? 4 : 0))
        withUnsafeBytes(of: (value ?? 0).bitPattern.littleEndian) { blob.append(contentsOf: $0) }
        withUnsafeBytes(of: (target ?? 0).bitPattern.littleEndian) { blob.append(contentsOf: $0) }
    }

    /// The latest `recent` revisions of measures `ids` (in that order) as the live read would give them, from
    /// the kept revisions; `nil` when they cannot be used (an older file, changes since the mark, or more than
    /// ``kept`` asked for). A measure's entry is `nil` when they do not hold enough of it: published values
    /// only, and drafts among its latest revisions.
    static func read(_ db: Database, ids: [Int64], recent: Int, publishedOnly: Bool) throws -> [MeasureHistoryReader.Loaded?]? {
        guard recent <= kept, let stored = try storedMark(db), stored == (try currentMark(db)) else { return nil }
        var result: [MeasureHistoryReader.Loaded?] = []
        result.reserveCapacity(ids.count)
        // No row: the measure has no revision (any would have been kept).
        let none = MeasureHistoryReader.Loaded(observations: [], loadedFrom: nil, firstPeriod: nil, isDetailed: false)
        if ids.count > 64 {
            // Many (opening): one pass over the table.
            let rows = try RawStatement(db, sql: "SELECT measure_id, revisions, first_kind, first_ordinal FROM recent_revisions")
            var byID: [Int64: MeasureHistoryReader.Loaded?] = [:]
            byID.reserveCapacity(ids.count)
            try rows.forEachRow {
                byID[Int64(rows.int(0))] = decode(rows, recent: recent, publishedOnly: publishedOnly)
            }
            for id in ids { result.append(byID[id] ?? none) }
        } else {
            let row = try RawStatement(db, sql: "SELECT measure_id, revisions, first_kind, first_ordinal FROM recent_revisions WHERE measure_id = ?")
            for id in ids {
                var loaded: MeasureHistoryReader.Loaded?? = nil
                row.bind(1, Int(id))
                try row.forEachRow { loaded = decode(row, recent: recent, publishedOnly: publishedOnly) }
                result.append(loaded ?? none)
            }
        }
        return result
    }

    /// One row of `recent_revisions` (measure, blob, first kind, first ordinal) as the live read gives it.
    private static func decode(_ row: RawStatement, recent: Int, publishedOnly: Bool) -> MeasureHistoryReader.Loaded? {
        row.withBlob(1) { bytes -> MeasureHistoryReader.Loaded? in
            let count = bytes.count / entrySize
            var newestFirst: [Observation] = []
            newestFirst.reserveCapacity(min(count, recent))
            var rows = 0
            for entry in 0..<count where rows < recent {
                let at = entry * entrySize
                let flags = bytes[at + 5]
                let draft = flags & 4 != 0
                if publishedOnly, draft { continue }
                rows += 1
                let ordinal = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 1, as: Int32.self)))
                guard let period = Period(kindValue: Int(bytes[at]), ordinal: ordinal), newestFirst.last?.period != period else { continue }
                let value = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 6, as: UInt64.self)))
                let target = Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at + 14, as: UInt64.self)))
                var observation = Observation(period: period, value: flags & 1 != 0 ? value : nil, target: flags & 2 != 0 ? target : nil)
                observation.isDraft = draft
                newestFirst.append(observation)
            }
            // Published values only, and the kept revisions ran out before `recent` of them: earlier ones may be
            // published too; the live read finds them.
            if rows < recent, count >= kept { return nil }
            return MeasureHistoryReader.Loaded(newestFirst: newestFirst, rows: rows, recent: recent, isDetailed: false) {
                row.integer(2).flatMap { kind in row.integer(3).flatMap { Period(kindValue: kind, ordinal: $0) } }
            }
        }
    }
}
