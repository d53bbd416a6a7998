import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Only signed-off rows, when reads are limited to them (a member's login is limited by the database itself).
    var publishedFilter: String { publishedOnly ? "AND published_at IS NOT NULL" : "" }

    public func loadCouncil() throws -> Council {
        guard let framework = try PostgresFramework.read(session) else { throw PostgresStoreError.failed(Self.noCouncil) }
        try checkCodes(of: framework)
        let loaded = try observations(ofMeasureIDs: framework.measureIDs, recent: nil)
        return Council(plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations))
    }

    /// Reads on three connections at once, in one snapshot: the framework on a second connection and the
    /// targets on a third while this one reads each measure's recent values and first period (at 10,000
    /// measures on 2 cores, each of the three takes 0.1-0.2 s; the server's work and the client's decoding
    /// overlap).
    public func loadRecentCouncil(periods: Int) throws -> Council {
        let recent = max(1, periods)
        return try session.snapshotTransaction { snapshot in
            let framework = sideRead(snapshot) { try PostgresFramework.readWithoutTargets($0) }
            let targets = sideRead(snapshot) { try PostgresFramework.currentTargetsByMeasure($0) }
            let collector = LatestFirstCollector(detailed: false)
            let read = Result {
                try session.forEachRow(recentRevisions(of: "measure m", recent: recent, where: "WHERE m.position IS NOT NULL")) {
                    try collector.takeArrays($0)
                }
            }
            let targetsRead = Result { try targets.wait() }
            let frameworkRead = Result { try framework.wait() }
            // This read's own error first: the other two fail with it, as the snapshot they share ends.
            try read.get()
            guard var framework = try frameworkRead.get() else { throw PostgresStoreError.failed(Self.noCouncil) }
            try checkCodes(of: framework)
            framework.setTargets(try targetsRead.get())
            let loaded = framework.measureIDs.map { collector.loaded(id: $0, recent: recent, first: collector.first(id: $0)) }
            return Council(
                plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations),
                loaded: LoadedHistory(
                    loadedFrom: loaded.map(\.loadedFrom), firstPeriod: loaded.map(\.firstPeriod), detailed: loaded.map(\.isDetailed)))
        }
    }

    /// What `body` reads on a connection of its own in the snapshot `snapshot` exported by this one.
    private func sideRead<Value>(_ snapshot: String, _ body: @escaping @Sendable (PostgresSession) throws -> Value) -> BackgroundRead<Value> {
        let location = session.location
        return BackgroundRead {
            let side = try PostgresSession(location)
            defer { side.close() }
            return try side.inSnapshot(snapshot) { try body(side) }
        }
    }

    /// Refuses a framework holding a measure code twice (changed by hand with SQL: the import refuses one).
    private func checkCodes(of framework: FrameworkRows) throws {
        if let code = framework.repeatedCode {
            throw PostgresStoreError.failed(
                "the database holds the measure code \(code.terminalSafe.excerpt()) twice (changed by hand with SQL): an officer re-imports the council's files to set it right")
        }
    }

    static let noCouncil = "the database holds no council yet: an officer imports one with `scorecard import DIR --database URL`"

    public func observations(ofMeasures codes: [String], recent: Int?, detailed: Bool) throws -> [MeasureObservations] {
        let rows = try session.rows("SELECT code, id FROM measure WHERE code = ANY(\(codes))")
        var idByCode: [String: Int64] = [:]
        for row in rows {
            let (code, id) = try row.decode((String, Int64).self)
            idByCode[code] = id
        }
        return try observations(ofMeasureIDs: codes.map { idByCode[$0] ?? -1 }, recent: recent.map { max(1, $0) }, detailed: detailed).map {
            MeasureObservations(observations: $0.observations, loadedFrom: $0.loadedFrom, isDetailed: $0.isDetailed)
        }
    }

    /// What was read of one measure.
    struct Loaded {
        var observations: [Observation] = []
        var loadedFrom: Period?
        var firstPeriod: Period?
        var isDetailed: Bool
    }

    /// The current observations of the measures with row ids `ids` (in that order): every one with commentary
    /// and quality, or the latest `recent` revisions of each (one index scan a measure), with commentary and
    /// quality when `detailed`, else values and targets only.
    func observations(ofMeasureIDs ids: [Int64], recent: Int?, detailed: Bool = false) throws -> [Loaded] {
        guard let recent else {
            let whole = WholeHistoryCollector()
            try session.forEachRow(wholeHistory(ofMeasureIDs: ids)) { try whole.take($0) }
            return ids.map {
                let observations = whole.observations(id: $0)
                return Loaded(observations: observations, firstPeriod: observations.first?.period, isDetailed: true)
            }
        }
        let collector = LatestFirstCollector(detailed: detailed)
        if detailed {
            try session.forEachRow("""
                SELECT m.id, r.period_kind, r.period_ordinal, r.value, r.target, r.note, r.quality, r.draft
                FROM unnest(\(ids)::bigint[]) AS m(id)
                CROSS JOIN LATERAL (
                  SELECT period_kind, period_ordinal, value, target, note, quality, published_at IS NULL AS draft
                  FROM revision o
                  WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                  ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(recent)) r
                """) { try collector.take($0) }
        } else {
            try session.forEachRow(recentRevisions(of: "unnest('{\(ids.map(String.init).joined(separator: ","))}'::bigint[]) AS m(id)", recent: recent)) {
                try collector.takeArrays($0)
            }
        }
        return try loaded(ids: ids, recent: recent, collector: collector)
    }

    /// Every revision of the measures `ids` as rows of arrays, in the form `WholeHistoryCollector` reads: a
    /// measure's recorded revisions aggregated into one row, its `imported_values` rows as they are. So neither
    /// the server nor postgres-nio handles a row a value (1.2M of them at 10,000 measures).
    func wholeHistory(ofMeasureIDs ids: [Int64]) -> PostgresQuery {
        """
        SELECT o.measure_id, NULL::bigint, array_agg(o.id), array_agg(o.period_kind), array_agg(o.period_ordinal),
               array_agg(o.value), array_agg(o.target),
               array_agg(CASE o.quality WHEN 'provisional' THEN 1 WHEN 'estimated' THEN 2 WHEN 'validated' THEN 3 ELSE 0 END),
               array_agg(o.published_at IS NULL), NULL::integer[], array_agg(o.note)
        FROM observation_revision o WHERE o.measure_id = ANY(\(ids)::bigint[]) \(unescaped: publishedFilter)
        GROUP BY o.measure_id
        UNION ALL
        SELECT v.measure_id, v.batch_id, NULL::bigint[], v.kinds, v.ordinals, v.vals, v.targets, v.qualities, NULL::boolean[],
               v.note_at, v.notes
        FROM imported_values v WHERE v.measure_id = ANY(\(ids)::bigint[])
        """
    }

    /// What `collector` gathered of the latest `recent` revisions of measures `ids`, with the earliest period of
    /// those of which as many were read (so that the caller knows earlier history exists), read here unless the
    /// rows carried it.
    private func loaded(ids: [Int64], recent: Int, collector: LatestFirstCollector) throws -> [Loaded] {
        let full = Array(Set(ids.filter { collector.rowCount(id: $0) >= recent && collector.first(id: $0) == nil }))
        var firsts: [Int64: Period] = [:]
        if !full.isEmpty {
            firsts = try Self.firstPeriods(session, query: """
                SELECT m.id, f.period_kind, f.period_ordinal FROM unnest(\(full)::bigint[]) AS m(id)
                CROSS JOIN LATERAL (
                  SELECT period_kind, period_ordinal FROM revision o WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                  ORDER BY period_kind, period_ordinal LIMIT 1) f
                """)
        }
        return ids.map { collector.loaded(id: $0, recent: recent, first: firsts[$0] ?? collector.first(id: $0)) }
    }

    /// How many of each measure's latest revisions `recent_revisions` keeps (see `PostgresSchema`).
    static let keptRecentRevisions = 32

    /// The latest `recent` revisions of each measure `m` of `source` (a `FROM` item), in the form of
    /// `recentArrays`: from `recent_revisions`, one row a measure, when it keeps as many (the row with drafts
    /// where the reader may see it and wants drafts, else the published one), else from the revisions.
    func recentRevisions(of source: String, recent: Int, where condition: String = "") -> PostgresQuery {
        guard recent <= Self.keptRecentRevisions else { return Self.recentArrays(of: source, recent: recent, filter: publishedFilter, where: condition) }
        return """
            SELECT m.id, r.ids[1:\(recent)], r.kinds[1:\(recent)], r.ordinals[1:\(recent)], r.vals[1:\(recent)],
                   r.targets[1:\(recent)], r.drafts[1:\(recent)], r.first_kind, r.first_ordinal
            FROM \(unescaped: source)
            LEFT JOIN LATERAL (
              SELECT * FROM recent_revisions v WHERE v.measure_id = m.id \(unescaped: publishedOnly ? "AND NOT v.with_drafts" : "")
              ORDER BY v.with_drafts DESC LIMIT 1
            ) r ON true
            \(unescaped: condition)
            """
    }

    /// The latest `recent` revisions of each measure `m` of `source` (a `FROM` item) as one row per measure:
    /// (id, ids, kinds, ordinals, values, targets, drafts), each a one-dimensional array, newest first, then the
    /// kind and ordinal of the measure's earliest period when `recent` revisions were read (so that earlier
    /// history may exist), else NULLs. Rows of arrays because postgres-nio's cost is per row and per cell
    /// (measured at 10,000 measures: 272,000 rows of scalars took the client about 0.5 s, 10,000 rows of arrays a
    /// fraction of it).
    ///
    /// Not through the view `revision`, which unnests and sorts every element (40 revisions of 10,000 measures:
    /// 1.9 s; 0.3 s when every value was a revision row). A measure whose only revisions are one `imported_values`
    /// row (`s`) takes the row's first `recent` elements (newest first) and its last (the earliest period): 0.35-0.6 s.
    /// Any other (`r`): its recorded revisions by an index scan and the first `recent` elements of each of its
    /// rows, sorted; the general case alone took 0.8-1.0 s. The arrays are built from one sorted subquery, so
    /// their elements line up; the reader does not rely on their order beyond that.
    static func recentArrays(of source: String, recent: Int, filter: String, where condition: String = "") -> PostgresQuery {
        """
        SELECT m.id,
               CASE WHEN s.measure_id IS NULL THEN r.ids
                    ELSE array_fill(s.batch_id, ARRAY[least(\(recent), cardinality(s.kinds))::integer]) END,
               CASE WHEN s.measure_id IS NULL THEN r.kinds ELSE s.kinds[1:\(recent)] END,
               CASE WHEN s.measure_id IS NULL THEN r.ordinals ELSE s.ordinals[1:\(recent)] END,
               CASE WHEN s.measure_id IS NULL THEN r.vals ELSE s.vals[1:\(recent)] END,
               CASE WHEN s.measure_id IS NULL THEN r.targets ELSE s.targets[1:\(recent)] END,
               CASE WHEN s.measure_id IS NULL THEN r.drafts
                    ELSE array_fill(false, ARRAY[least(\(recent), cardinality(s.kinds))::integer]) END,
               CASE WHEN s.measure_id IS NULL THEN f.period_kind
                    WHEN cardinality(s.kinds) >= \(recent) THEN s.kinds[cardinality(s.kinds)] END,
               CASE WHEN s.measure_id IS NULL THEN f.period_ordinal
                    WHEN cardinality(s.kinds) >= \(recent) THEN s.ordinals[cardinality(s.ordinals)] END
        FROM \(unescaped: source)
        LEFT JOIN LATERAL (
          SELECT i.measure_id, i.batch_id, i.kinds, i.ordinals, i.vals, i.targets FROM imported_values i
          WHERE i.measure_id = m.id
            AND NOT EXISTS (SELECT FROM observation_revision o WHERE o.measure_id = m.id \(unescaped: filter))
            AND NOT EXISTS (SELECT FROM imported_values j WHERE j.measure_id = m.id AND (j.batch_id, j.chunk) <> (i.batch_id, i.chunk))
        ) s ON true
        LEFT JOIN LATERAL (
          SELECT count(*) AS n, array_agg(id) AS ids, array_agg(period_kind) AS kinds, array_agg(period_ordinal) AS ordinals,
                 array_agg(value) AS vals, array_agg(target) AS targets, array_agg(draft) AS drafts
          FROM (
            SELECT * FROM (
              (SELECT o.id, o.period_kind, o.period_ordinal, o.value, o.target, o.published_at IS NULL AS draft
               FROM observation_revision o WHERE o.measure_id = m.id \(unescaped: filter)
               ORDER BY o.period_kind DESC, o.period_ordinal DESC, o.id DESC LIMIT \(recent))
              UNION ALL
              SELECT i.batch_id, e.period_kind, e.period_ordinal, e.value, e.target, false
              FROM imported_values i
              CROSS JOIN LATERAL unnest(i.kinds[1:\(recent)], i.ordinals[1:\(recent)], i.vals[1:\(recent)], i.targets[1:\(recent)])
                AS e(period_kind, period_ordinal, value, target)
              WHERE i.measure_id = m.id) u
            ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(recent)) latest
          WHERE s.measure_id IS NULL
        ) r ON true
        LEFT JOIN LATERAL (
          SELECT * FROM (
            (SELECT o.period_kind, o.period_ordinal FROM observation_revision o
             WHERE r.n >= \(recent) AND o.measure_id = m.id \(unescaped: filter)
             ORDER BY o.period_kind, o.period_ordinal LIMIT 1)
            UNION ALL
            SELECT i.kinds[cardinality(i.kinds)], i.ordinals[cardinality(i.ordinals)] FROM imported_values i
            WHERE r.n >= \(recent) AND i.measure_id = m.id) x
          ORDER BY period_kind, period_ordinal LIMIT 1
        ) f ON true
        \(unescaped: condition)
        """
    }

    /// The earliest period of each measure a query of (measure id, kind, ordinal) names: an index seek each.
    static func firstPeriods(_ session: PostgresSession, query: PostgresQuery) throws -> [Int64: Period] {
        var result: [Int64: Period] = [:]
        for row in try session.rows(query) {
            let cells = row.makeRandomAccess()
            guard let id = try BinaryCell.integer(cells[0]), let kind = try BinaryCell.integer(cells[1]),
                let ordinal = try BinaryCell.integer(cells[2])
            else { continue }
            result[Int64(id)] = Period(kindValue: kind, ordinal: ordinal)
        }
        return result
    }
}

/// Gathers each measure's observations from rows newest first (by measure, then period, then revision, all
/// descending), keeping the first revision met of each period: its current one. Rows arrive one at a time on
/// SwiftNIO's thread while the caller waits, so the state needs no lock.
private final class LatestFirstCollector: @unchecked Sendable {
    private var newestFirst: [Int64: [Observation]] = [:]
    /// The rows read of each measure, revisions of the same period included.
    private var rowCounts: [Int64: Int] = [:]
    /// The earliest period of each measure whose rows of arrays carried it.
    private var firsts: [Int64: Period] = [:]
    /// Whether the rows carry commentary and quality.
    private let detailed: Bool

    init(detailed: Bool) {
        self.detailed = detailed
    }

    /// A row of (measure id, kind, ordinal, value, target, note, quality, draft).
    func take(_ row: PostgresRow) throws {
        var cells = row.makeIterator()
        func next() throws -> PostgresCell {
            guard let cell = cells.next() else { throw PostgresStoreError.failed("the server sent a row too short") }
            return cell
        }
        guard let id = try BinaryCell.integer(try next()).map(Int64.init), let kind = try BinaryCell.integer(try next()),
            let ordinal = try BinaryCell.integer(try next()), let period = Period(kindValue: kind, ordinal: ordinal)
        else { return }
        let value = try BinaryCell.double(try next()), target = try BinaryCell.double(try next())
        let note = try BinaryCell.text(try next()), quality = try BinaryCell.text(try next())
        let draft = try BinaryCell.bool(try next()) ?? false
        var observations = newestFirst[id] ?? []
        newestFirst[id] = nil
        add(id: id, period: period, value: value, target: target, note: note, quality: quality, draft: draft, to: &observations)
        newestFirst[id] = observations
    }

    /// A row of `PostgresStore.recentArrays`: (measure id, ids, kinds, ordinals, values, targets, drafts).
    func takeArrays(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        guard cells.count == 9 else { throw PostgresStoreError.failed("the server sent a row of the wrong length") }
        guard let id = try BinaryCell.integer(cells[0]).map(Int64.init) else { return }
        let ids = try BinaryCell.integers(cells[1]), kinds = try BinaryCell.integers(cells[2])
        let ordinals = try BinaryCell.integers(cells[3]), values = try BinaryCell.doubles(cells[4])
        let targets = try BinaryCell.doubles(cells[5]), drafts = try BinaryCell.bools(cells[6])
        let count = ids.count
        guard [kinds.count, ordinals.count, values.count, targets.count, drafts.count].allSatisfy({ $0 == count }) else {
            throw PostgresStoreError.failed("the server sent arrays of different lengths")
        }
        var revisions: [(revision: Int, period: Period, index: Int)] = []
        revisions.reserveCapacity(count)
        for index in 0..<count {
            guard let revision = ids[index], let kind = kinds[index], let ordinal = ordinals[index],
                let period = Period(kindValue: kind, ordinal: ordinal)
            else { continue }
            revisions.append((revision, period, index))
        }
        // Newest first: by period, then revision, both descending (the order the subquery sorted them in).
        let newestFirstOrder: ((revision: Int, period: Period, index: Int), (revision: Int, period: Period, index: Int)) -> Bool = {
            $0.period != $1.period ? $0.period > $1.period : $0.revision > $1.revision
        }
        if !zip(revisions, revisions.dropFirst()).allSatisfy({ newestFirstOrder($0, $1) }) {
            revisions.sort(by: newestFirstOrder)
        }
        var observations = newestFirst[id] ?? []
        newestFirst[id] = nil
        observations.reserveCapacity(observations.count + revisions.count)
        for revision in revisions {
            let index = revision.index
            add(
                id: id, period: revision.period, value: values[index], target: targets[index], note: nil, quality: nil,
                draft: drafts[index] ?? false, to: &observations)
        }
        rowCounts[id, default: 0] += count - revisions.count
        newestFirst[id] = observations
        if let kind = try BinaryCell.integer(cells[7]), let ordinal = try BinaryCell.integer(cells[8]) {
            firsts[id] = Period(kindValue: kind, ordinal: ordinal)
        }
    }

    /// Counts one revision of measure `id` and keeps it if it is the first met of its period (the current one).
    private func add(
        id: Int64, period: Period, value: Double?, target: Double?, note: String?, quality: String?, draft: Bool,
        to observations: inout [Observation]
    ) {
        rowCounts[id, default: 0] += 1
        guard observations.last?.period != period else { return }
        var observation = Observation(
            period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
        observation.isDraft = draft
        observations.append(observation)
    }

    func rowCount(id: Int64) -> Int { rowCounts[id] ?? 0 }

    /// The earliest period of measure `id`, when its rows carried it.
    func first(id: Int64) -> Period? { firsts[id] }

    /// What was read of measure `id`: its latest `recent` revisions, earlier ones existing when as many rows were
    /// read and `first` (its earliest period) is earlier.
    func loaded(id: Int64, recent: Int, first: Period?) -> PostgresStore.Loaded {
        let observations = Array((newestFirst[id] ?? []).reversed())
        var loaded = PostgresStore.Loaded(observations: observations, firstPeriod: observations.first?.period, isDetailed: detailed)
        if rowCount(id: id) >= recent, let from = observations.first?.period, let first {
            loaded.firstPeriod = first
            loaded.loadedFrom = first < from ? from : nil
        }
        return loaded
    }
}
