import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Only signed-off rows, when reads are limited to them (a member's login is limited by the database itself).
    var publishedFilter: String { publishedOnly ? "AND published_at IS NOT NULL" : "" }

    public func loadCouncil() throws -> Council {
        guard let framework = try PostgresFramework.read(session) else { throw PostgresStoreError.failed(Self.noCouncil) }
        let loaded = try observations(ofMeasureIDs: framework.measureIDs, recent: nil)
        return Council(plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations))
    }

    /// Reads on two connections at once, in one snapshot: the framework and each measure's first period on a
    /// second connection while this one reads the recent values (measured at 10,000 measures on 2 cores: 0.85 s
    /// to open rather than 1.07 s one after the other; the framework's decoding competes for the same cores).
    public func loadRecentCouncil(periods: Int) throws -> Council {
        let recent = max(1, periods)
        return try session.snapshotTransaction { snapshot in
            let side = SideRead(location: session.location, snapshot: snapshot, publishedFilter: publishedFilter)
            side.start()
            let collector = LatestFirstCollector(detailed: false)
            let read = Result {
                try session.forEachRow("""
                    SELECT m.id, r.period_kind, r.period_ordinal, r.value, r.target, NULL::text, NULL::text, r.draft
                    FROM measure m
                    CROSS JOIN LATERAL (
                      SELECT period_kind, period_ordinal, value, target, published_at IS NULL AS draft FROM observation_revision o
                      WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                      ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(recent)) r
                    WHERE m.position IS NOT NULL
                    """
                ) { try collector.take($0) }
            }
            let (framework, firsts) = try side.wait()
            try read.get()
            guard let framework else { throw PostgresStoreError.failed(Self.noCouncil) }
            let loaded = framework.measureIDs.map { collector.loaded(id: $0, recent: recent, first: firsts[$0]) }
            return Council(
                plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations),
                loaded: LoadedHistory(
                    loadedFrom: loaded.map(\.loadedFrom), firstPeriod: loaded.map(\.firstPeriod), detailed: loaded.map(\.isDetailed)))
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
        let collector = LatestFirstCollector(detailed: detailed || recent == nil)
        let query: PostgresQuery
        if let recent, detailed {
            query = """
                SELECT m.id, r.period_kind, r.period_ordinal, r.value, r.target, r.note, r.quality, r.draft
                FROM unnest(\(ids)::bigint[]) AS m(id)
                CROSS JOIN LATERAL (
                  SELECT period_kind, period_ordinal, value, target, note, quality, published_at IS NULL AS draft
                  FROM observation_revision o
                  WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                  ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(recent)) r
                """
        } else if let recent {
            query = """
                SELECT m.id, r.period_kind, r.period_ordinal, r.value, r.target, NULL::text, NULL::text, r.draft
                FROM unnest(\(ids)::bigint[]) AS m(id)
                CROSS JOIN LATERAL (
                  SELECT period_kind, period_ordinal, value, target, published_at IS NULL AS draft FROM observation_revision o
                  WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                  ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT \(recent)) r
                """
        } else {
            query = """
                SELECT measure_id, period_kind, period_ordinal, value, target, note, quality, published_at IS NULL
                FROM observation_revision WHERE measure_id = ANY(\(ids)::bigint[]) \(unescaped: publishedFilter)
                ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC
                """
        }
        try session.forEachRow(query) { try collector.take($0) }
        guard let recent else { return ids.map { collector.loaded(id: $0, recent: nil, first: nil) } }
        let full = Array(Set(ids.filter { collector.rowCount(id: $0) >= recent }))
        var firsts: [Int64: Period] = [:]
        if !full.isEmpty {
            firsts = try Self.firstPeriods(session, query: """
                SELECT m.id, f.period_kind, f.period_ordinal FROM unnest(\(full)::bigint[]) AS m(id)
                CROSS JOIN LATERAL (
                  SELECT period_kind, period_ordinal FROM observation_revision o WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                  ORDER BY period_kind, period_ordinal LIMIT 1) f
                """)
        }
        return ids.map { collector.loaded(id: $0, recent: recent, first: firsts[$0]) }
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
        rowCounts[id, default: 0] += 1
        guard newestFirst[id]?.last?.period != period else { return }
        var observation = Observation(
            period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
        observation.isDraft = draft
        newestFirst[id, default: []].append(observation)
    }

    func rowCount(id: Int64) -> Int { rowCounts[id] ?? 0 }

    /// What was read of measure `id`: all of it, or (with `recent`) the latest that many revisions, earlier ones
    /// existing when as many rows were read and `first` (its earliest period) is earlier.
    func loaded(id: Int64, recent: Int?, first: Period?) -> PostgresStore.Loaded {
        let observations = Array((newestFirst[id] ?? []).reversed())
        var loaded = PostgresStore.Loaded(observations: observations, firstPeriod: observations.first?.period, isDetailed: detailed)
        if let recent, rowCount(id: id) >= recent, let from = observations.first?.period, let first {
            loaded.firstPeriod = first
            loaded.loadedFrom = first < from ? from : nil
        }
        return loaded
    }
}

/// The framework and each measure's first period, read on a second connection in the snapshot `snapshot`
/// exported by the first, on a thread of its own.
private final class SideRead: @unchecked Sendable {
    // @unchecked: `outcome` is written by the thread before `done` is signalled and read after it is waited for.
    private let location: PostgresLocation
    private let snapshot: String
    private let publishedFilter: String
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<(PostgresFramework?, [Int64: Period]), Error> = .failure(PostgresStoreError.failed("not read"))

    init(location: PostgresLocation, snapshot: String, publishedFilter: String) {
        self.location = location
        self.snapshot = snapshot
        self.publishedFilter = publishedFilter
    }

    func start() {
        Thread.detachNewThread { [self] in
            outcome = Result {
                let side = try PostgresSession(location)
                defer { side.close() }
                return try side.inSnapshot(snapshot) {
                    let framework = try PostgresFramework.read(side)
                    let firsts = try PostgresStore.firstPeriods(side, query: """
                        SELECT m.id, f.period_kind, f.period_ordinal FROM measure m
                        CROSS JOIN LATERAL (
                          SELECT period_kind, period_ordinal FROM observation_revision o WHERE o.measure_id = m.id \(unescaped: publishedFilter)
                          ORDER BY period_kind, period_ordinal LIMIT 1) f
                        WHERE m.position IS NOT NULL
                        """)
                    return (framework, firsts)
                }
            }
            done.signal()
        }
    }

    func wait() throws -> (PostgresFramework?, [Int64: Period]) {
        done.wait()
        return try outcome.get()
    }
}
