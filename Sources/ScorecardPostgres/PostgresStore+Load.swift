import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Only signed-off rows, when reads are limited to them (a member's login is limited by the database itself).
    var publishedFilter: String { publishedOnly ? "AND published_at IS NOT NULL" : "" }

    public func loadCouncil() throws -> Council {
        guard let framework = try PostgresFramework.read(session) else { throw PostgresStoreError.failed("the database holds no council yet: an officer imports one with `scorecard import DIR --database URL`") }
        let loaded = try observations(ofMeasureIDs: framework.measureIDs, recent: nil)
        return Council(plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations))
    }

    public func loadRecentCouncil(periods: Int) throws -> Council {
        guard let framework = try PostgresFramework.read(session) else { throw PostgresStoreError.failed("the database holds no council yet: an officer imports one with `scorecard import DIR --database URL`") }
        let loaded = try observations(ofMeasureIDs: framework.measureIDs, recent: max(1, periods))
        return Council(
            plan: framework.plan, measures: framework.measures, observations: loaded.map(\.observations),
            loaded: LoadedHistory(
                loadedFrom: loaded.map(\.loadedFrom), firstPeriod: loaded.map(\.firstPeriod), detailed: loaded.map(\.isDetailed)))
    }

    public func observations(ofMeasures codes: [String], recent: Int?) throws -> [MeasureObservations] {
        let rows = try session.rows("SELECT code, id FROM measure WHERE code = ANY(\(codes))")
        var idByCode: [String: Int64] = [:]
        for row in rows {
            let (code, id) = try row.decode((String, Int64).self)
            idByCode[code] = id
        }
        return try observations(ofMeasureIDs: codes.map { idByCode[$0] ?? -1 }, recent: recent.map { max(1, $0) }).map {
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
    /// and quality, or the values and targets of the latest `recent` revisions of each (one index scan a measure).
    func observations(ofMeasureIDs ids: [Int64], recent: Int?) throws -> [Loaded] {
        let collector = LatestFirstCollector(ids: ids)
        let query: PostgresQuery
        if let recent {
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
        let newestFirst = collector.newestFirst
        let rowCounts = collector.rowCounts
        let detailed = recent == nil
        var result = newestFirst.map { Loaded(observations: Array($0.reversed()), firstPeriod: $0.last?.period, isDetailed: detailed) }
        guard let recent else { return result }
        let full = ids.indices.filter { rowCounts[$0] >= recent }
        guard !full.isEmpty else { return result }
        // The earliest period of each measure that may have more: an index seek each.
        let firsts = try session.rows("""
            SELECT m.id, f.period_kind, f.period_ordinal FROM unnest(\(full.map { ids[$0] })::bigint[]) AS m(id)
            CROSS JOIN LATERAL (
              SELECT period_kind, period_ordinal FROM observation_revision o WHERE o.measure_id = m.id \(unescaped: publishedFilter)
              ORDER BY period_kind, period_ordinal LIMIT 1) f
            """)
        var firstByID: [Int64: Period] = [:]
        for row in firsts {
            let (id, kind, ordinal) = try row.decode((Int64, Int, Int).self)
            firstByID[id] = Period(kindValue: kind, ordinal: ordinal)
        }
        for index in full {
            guard let from = result[index].observations.first?.period, let first = firstByID[ids[index]] else { continue }
            result[index].firstPeriod = first
            result[index].loadedFrom = first < from ? from : nil
        }
        return result
    }
}

/// Gathers each measure's observations from rows newest first (by measure, then period, then revision, all
/// descending), keeping the first revision met of each period: its current one. Rows arrive one at a time on
/// SwiftNIO's thread while the caller waits, so the state needs no lock.
private final class LatestFirstCollector: @unchecked Sendable {
    private let indexByID: [Int64: [Int]]
    private(set) var newestFirst: [[Observation]]
    /// The rows read of each measure, revisions of the same period included.
    private(set) var rowCounts: [Int]

    init(ids: [Int64]) {
        var indexByID: [Int64: [Int]] = [:]
        for (index, id) in ids.enumerated() { indexByID[id, default: []].append(index) }
        self.indexByID = indexByID
        newestFirst = [[Observation]](repeating: [], count: ids.count)
        rowCounts = [Int](repeating: 0, count: ids.count)
    }

    /// A row of (measure id, kind, ordinal, value, target, note, quality, draft).
    func take(_ row: PostgresRow) throws {
        let (id, kind, ordinal, value, target, note, quality, draft) = try row.decode(
            (Int64, Int, Int, Double?, Double?, String?, String?, Bool).self)
        guard let indexes = indexByID[id], let period = Period(kindValue: kind, ordinal: ordinal) else { return }
        for index in indexes {
            rowCounts[index] += 1
            guard newestFirst[index].last?.period != period else { continue }
            var observation = Observation(
                period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
            observation.isDraft = draft
            newestFirst[index].append(observation)
        }
    }
}
