import GRDB

extension SQLiteStore {
    /// Reads the framework on this connection while the targets and each measure's recent values are read on two
    /// others (at 50,000 measures each of the three takes 0.1-0.2 s); what another connection read is used only
    /// if it saw the same data (the same change mark, and the same measures), else it is read again here.
    public func loadRecentCouncil(periods: Int) throws -> Council {
        let recent = max(1, periods)
        let publishedOnly = showsPublishedOnly
        let targets = readAside { db in try FrameworkRows.currentTargetsByMeasure(db) }
        let values = readAside { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM measure WHERE position IS NOT NULL ORDER BY position")
            return (ids: ids, loaded: try MeasureHistoryReader(db, publishedOnly: publishedOnly).read(ids, recent: recent))
        }
        return try readingSafely { db in
            let mark = try mark(db)
            guard var framework = try FrameworkRows.readWithoutTargets(db) else { throw StoreError.empty(path: path) }
            try checkFramework(framework)
            let loaded: [MeasureHistoryReader.Loaded]
            if let aside = try? values.wait(), aside.mark == mark, aside.value.ids == framework.measureIDs {
                loaded = aside.value.loaded
            } else {
                loaded = try MeasureHistoryReader(db, publishedOnly: publishedOnly).read(framework.measureIDs, recent: recent)
            }
            if let aside = try? targets.wait(), aside.mark == mark {
                framework.setTargets(aside.value)
            } else {
                framework.setTargets(try FrameworkRows.currentTargetsByMeasure(db))
            }
            return Council(
                plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations),
                loaded: LoadedHistory(
                    loadedFrom: loaded.map(\.loadedFrom), firstPeriod: loaded.map(\.firstPeriod), detailed: loaded.map(\.isDetailed)))
        }
    }

    /// What `body` reads, with the change mark it saw, on a read-only connection of its own on a thread of its own.
    private func readAside<Value>(_ body: @escaping @Sendable (Database) throws -> Value) -> BackgroundRead<(mark: ChangeMark, value: Value)> {
        let readPath = readPath
        return BackgroundRead {
            let side = try DatabaseQueue(path: readPath, configuration: Self.configuration(readonly: true))
            defer { try? side.close() }
            return try side.read { db in (mark: try self.mark(db), value: try body(db)) }
        }
    }

    public func observations(ofMeasures codes: [String], recent: Int?, detailed: Bool) throws -> [MeasureObservations] {
        try readingSafely { db in
            let lookup = try RawStatement(db, sql: "SELECT id FROM measure WHERE code = ?")
            var ids: [Int64] = []
            for code in codes {
                lookup.bind(1, code)
                var id: Int64 = -1
                try lookup.forEachRow { id = Int64(lookup.int(0)) }
                ids.append(id)
            }
            return try MeasureHistoryReader(db, publishedOnly: showsPublishedOnly)
                .read(ids, recent: recent.map { max(1, $0) }, detailed: detailed || recent == nil).map(\.measureObservations)
        }
    }

    public func changeMark() throws -> ChangeMark {
        try readingSafely { db in try mark(db) }
    }

    public func changes(since mark: ChangeMark) throws -> StoreChanges {
        try readingSafely { db in
            let now = try self.mark(db)
            let codes = try String.fetchSet(
                db,
                sql: """
                    SELECT m.code FROM observation_revision r JOIN measure m ON m.id = r.measure_id WHERE r.id > ?
                    UNION
                    SELECT m.code FROM observation_revision r JOIN measure m ON m.id = r.measure_id WHERE r.sign_off > ?
                    \(hasTargetProposals ? "UNION SELECT m.code FROM target_proposal p JOIN measure m ON m.id = p.measure_id WHERE p.id > ?" : "")
                    """,
                arguments: [mark.observationRevision, mark.signOff] + (hasTargetProposals ? [mark.targetProposal] : []))
            return StoreChanges(
                mark: now, measures: codes,
                frameworkChanged: now.framework != mark.framework || now.targetRevision != mark.targetRevision)
        }
    }

    func mark(_ db: Database) throws -> ChangeMark {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT coalesce(max(id), 0) FROM observation_revision),
                       (SELECT coalesce(max(id), 0) FROM target_revision),
                       (SELECT coalesce(changed_at, '') || ' ' || coalesce(changed_by, '') FROM council),
                       (SELECT coalesce(max(sign_off), 0) FROM observation_revision WHERE sign_off IS NOT NULL),
                       \(hasTargetProposals ? "(SELECT coalesce(max(id), 0) FROM target_proposal)" : "0")
                """)
        return ChangeMark(
            observationRevision: row?.lenient(0) ?? 0, targetRevision: row?.lenient(1) ?? 0, framework: row?.lenient(2) ?? "",
            signOff: row?.lenient(3) ?? 0, targetProposal: row?.lenient(4) ?? 0)
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

/// Reads measures' current observations: the values and targets of the latest `recent` revisions of each
/// (from the rows ``RecentRevisions`` keeps when they are up to date, else one measure at a time through the
/// index on (measure, period, id), newest first, from the index alone, so a measure costs the same however long
/// its history), or all of them with their commentary and quality.
struct MeasureHistoryReader {
    /// What was read for one measure.
    struct Loaded {
        var observations: ObservationSeries
        /// The earliest period read when earlier revisions exist; `nil` when all were read.
        var loadedFrom: Period?
        /// The earliest period with any revision.
        var firstPeriod: Period?
        var isDetailed: Bool

        var measureObservations: MeasureObservations {
            MeasureObservations(observations: observations, loadedFrom: loadedFrom, isDetailed: isDetailed)
        }
    }

    let db: Database
    /// Whether to read only signed-off versions (what a member sees).
    let publishedOnly: Bool

    init(_ db: Database, publishedOnly: Bool) {
        self.db = db
        self.publishedOnly = publishedOnly
    }

    /// The observations of measures `ids`: every one, or the latest `recent`; with commentary and quality when
    /// `detailed` (the whole history always is).
    func read(_ ids: [Int64], recent: Int?, detailed: Bool = false) throws -> [Loaded] {
        let detailed = detailed || recent == nil
        // Without detail, only columns the index holds: no look-up of the row itself.
        let columns = detailed
            ? "period_kind, period_ordinal, value, target, note, quality, draft" : "period_kind, period_ordinal, value, target, draft"
        let draftColumn: Int32 = detailed ? 6 : 4
        let latest = try RawStatement(
            db,
            sql: """
                SELECT \(columns) FROM observation_revision WHERE measure_id = ? \(publishedOnly ? "AND draft = 0" : "")
                ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT ?
                """)
        var result: [Loaded] = []
        result.reserveCapacity(ids.count)
        // The kept latest revisions (``RecentRevisions``), when they are up to date and hold what is asked;
        // else, or for a measure they hold too little of, the index.
        let kept = detailed ? nil : try recent.flatMap { try RecentRevisions.read(db, ids: ids, recent: $0, publishedOnly: publishedOnly) }
        // Read once, on the first measure that has earlier observations.
        var firstByID: [Int64: Period]?
        func firstPeriods() throws -> [Int64: Period] {
            if let firstByID { return firstByID }
            // A few measures (a refresh): a seek each; many (opening): one pass over the measures.
            let found = try Self.firstPeriods(db, of: ids.count < 64 ? ids : nil)
            firstByID = found
            return found
        }
        for (index, id) in ids.enumerated() {
            if let loaded = kept?[index] {
                result.append(loaded)
                continue
            }
            // Newest first: the first revision met for a period is its current one.
            var newestFirst: [Observation] = []
            newestFirst.reserveCapacity(recent ?? 16)
            var rows = 0
            latest.bind(1, Int(id))
            latest.bind(2, recent ?? -1)
            try latest.forEachRow {
                rows += 1
                guard let period = Period(kindValue: latest.int(0), ordinal: latest.int(1)),
                    newestFirst.last?.period != period
                else { return }
                var observation = latest.observation(period, columnsFrom: 2, detailed: detailed)
                observation.isDraft = latest.int(draftColumn) != 0
                newestFirst.append(observation)
            }
            result.append(try Loaded(newestFirst: newestFirst, rows: rows, recent: recent, isDetailed: detailed) { try firstPeriods()[id] })
        }
        return result
    }

    /// The earliest period with a revision of each measure in `ids` (of every measure when `nil`), by measure
    /// row id: an index seek a measure.
    static func firstPeriods(_ db: Database, of ids: [Int64]?) throws -> [Int64: Period] {
        let first = "FROM observation_revision WHERE measure_id = m.id ORDER BY period_kind, period_ordinal LIMIT 1"
        let statement = try RawStatement(
            db, sql: "SELECT id, (SELECT period_kind \(first)), (SELECT period_ordinal \(first)) FROM measure m \(ids == nil ? "" : "WHERE id = ?")")
        var result: [Int64: Period] = [:]
        func collect() throws {
            try statement.forEachRow {
                guard let kind = statement.integer(1), let ordinal = statement.integer(2),
                    let period = Period(kindValue: kind, ordinal: ordinal)
                else { return }
                result[Int64(statement.int(0))] = period
            }
        }
        guard let ids else {
            try collect()
            return result
        }
        for id in ids {
            statement.bind(1, Int(id))
            try collect()
        }
        return result
    }
}

extension MeasureHistoryReader.Loaded {
    /// What was read of a measure from its current observations newest first, having read `rows` of its
    /// revisions when asked for the latest `recent` (`nil`: all). When as many were read as asked for,
    /// earlier ones may exist: `first` gives the measure's earliest period (asked only then).
    init(newestFirst: [Observation], rows: Int, recent: Int?, isDetailed: Bool, first: () throws -> Period?) rethrows {
        observations = ObservationSeries(newestFirst.reversed())
        self.isDetailed = isDetailed
        guard let recent, rows >= recent, let from = observations.first?.period else {
            firstPeriod = observations.first?.period
            return
        }
        let firstPeriod = try first() ?? from
        self.firstPeriod = firstPeriod
        // Nothing earlier after all: the measure's whole history was read.
        loadedFrom = firstPeriod < from ? from : nil
    }
}
