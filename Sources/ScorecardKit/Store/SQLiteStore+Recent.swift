import GRDB

extension SQLiteStore {
    public func loadRecentCouncil(periods: Int) throws -> Council {
        try readingSafely { db in
            guard let framework = try FrameworkRows.read(db) else { throw StoreError.empty(path: path) }
            let loaded = try MeasureHistoryReader(db).read(framework.measureIDs, recent: max(1, periods))
            return Council(
                plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations),
                loaded: LoadedHistory(loadedFrom: loaded.map(\.loadedFrom), firstPeriod: loaded.map(\.firstPeriod)))
        }
    }

    public func observations(ofMeasures codes: [String], recent: Int?) throws -> [MeasureObservations] {
        try readingSafely { db in
            let lookup = try RawStatement(db, sql: "SELECT id FROM measure WHERE code = ?")
            var ids: [Int64] = []
            for code in codes {
                lookup.bind(1, code)
                var id: Int64 = -1
                try lookup.forEachRow { id = Int64(lookup.int(0)) }
                ids.append(id)
            }
            return try MeasureHistoryReader(db).read(ids, recent: recent.map { max(1, $0) }).map {
                MeasureObservations(observations: $0.observations, loadedFrom: $0.loadedFrom)
            }
        }
    }

    public func changeMark() throws -> ChangeMark {
        try readingSafely { db in try Self.mark(db) }
    }

    public func changes(since mark: ChangeMark) throws -> StoreChanges {
        try readingSafely { db in
            let now = try Self.mark(db)
            let codes = try String.fetchSet(
                db,
                sql: """
                    SELECT DISTINCT m.code FROM observation_revision r JOIN measure m ON m.id = r.measure_id
                    WHERE r.id > ?
                    """,
                arguments: [mark.observationRevision])
            return StoreChanges(
                mark: now, measures: codes,
                frameworkChanged: now.framework != mark.framework || now.targetRevision != mark.targetRevision)
        }
    }

    private static func mark(_ db: Database) throws -> ChangeMark {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT coalesce(max(id), 0) FROM observation_revision),
                       (SELECT coalesce(max(id), 0) FROM target_revision),
                       (SELECT coalesce(changed_at, '') || ' ' || coalesce(changed_by, '') FROM council)
                """)
        return ChangeMark(
            observationRevision: row?.lenient(0) ?? 0, targetRevision: row?.lenient(1) ?? 0, framework: row?.lenient(2) ?? "")
    }

    /// Reads in one transaction, reporting a damaged file as ``StoreError/damaged(path:problem:)``.
    func readingSafely<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw StoreError.damaged(path: path, problem: error.message ?? "\(error.resultCode)")
        }
    }
}

/// Reads measures' current observations one measure at a time, through the index on (measure, period, id):
/// the latest `recent` revisions of each (newest first, so a measure costs the same however long its
/// history), or all of them.
struct MeasureHistoryReader {
    /// What was read for one measure.
    struct Loaded {
        var observations: [Observation]
        /// The earliest period read when earlier revisions exist; `nil` when all were read.
        var loadedFrom: Period?
        /// The earliest period with any revision.
        var firstPeriod: Period?
    }

    let db: Database

    init(_ db: Database) {
        self.db = db
    }

    func read(_ ids: [Int64], recent: Int?) throws -> [Loaded] {
        let columns = "period_kind, period_ordinal, value, target, note, quality"
        let latest = try RawStatement(
            db,
            sql: """
                SELECT \(columns) FROM observation_revision WHERE measure_id = ?
                ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT ?
                """)
        let first = try RawStatement(
            db,
            sql: """
                SELECT period_kind, period_ordinal FROM observation_revision WHERE measure_id = ?
                ORDER BY period_kind, period_ordinal LIMIT 1
                """)
        var result: [Loaded] = []
        result.reserveCapacity(ids.count)
        for id in ids {
            // Newest first: the first revision met for a period is its current one.
            var newestFirst: [Observation] = []
            var rows = 0
            latest.bind(1, Int(id))
            latest.bind(2, recent ?? -1)
            try latest.forEachRow {
                rows += 1
                guard let period = Period(kindValue: latest.int(0), ordinal: latest.int(1)),
                    newestFirst.last?.period != period
                else { return }
                newestFirst.append(
                    Observation(
                        period: period, value: latest.double(2), target: latest.double(3), note: latest.string(4),
                        quality: latest.string(5).flatMap(DataQuality.init(rawValue:))))
            }
            let observations = Array(newestFirst.reversed())
            guard let recent, rows >= recent, let from = observations.first?.period else {
                result.append(Loaded(observations: observations, loadedFrom: nil, firstPeriod: observations.first?.period))
                continue
            }
            first.bind(1, Int(id))
            var firstPeriod = from
            try first.forEachRow {
                if let period = Period(kindValue: first.int(0), ordinal: first.int(1)) { firstPeriod = period }
            }
            // Nothing earlier after all: the measure's whole history was read.
            result.append(Loaded(observations: observations, loadedFrom: firstPeriod < from ? from : nil, firstPeriod: firstPeriod))
        }
        return result
    }
}
