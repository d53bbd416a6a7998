import GRDB

extension SQLiteStore {
    public func loadCouncil() throws -> Council {
        try queue.read { db in
            guard let framework = try FrameworkRows.read(db) else { throw StoreError.empty(path: path) }
            let observations = try Self.currentObservations(db, measureIDs: framework.measureIDs)
            return Council(plan: framework.plan, measures: framework.measures, observations: observations)
        }
    }

    /// Each measure's current observations, at the measure's index, sorted by period.
    ///
    /// Reads the revision table once in row order (the fastest scan there is) and keeps the latest revision of
    /// each period: a later revision of a period replaces the earlier one.
    static func currentObservations(_ db: Database, measureIDs: [Int64]) throws -> [[Observation]] {
        var indexByID = [Int](repeating: -1, count: Int(measureIDs.max() ?? 0) + 1)
        for (index, id) in measureIDs.enumerated() { indexByID[Int(id)] = index }
        var result = [[Observation]](repeating: [], count: measureIDs.count)
        var needsTidying = [Bool](repeating: false, count: measureIDs.count)
        let statement = try RawStatement(db, sql: """
            SELECT measure_id, period_kind, period_ordinal, value, target, note, quality
            FROM observation_revision ORDER BY id
            """)
        try statement.forEachRow {
            let id = statement.int(0)
            guard id < indexByID.count, case let index = indexByID[id], index >= 0,
                let kind = Period.Kind(rawValue: statement.int(1))
            else { return }
            let period = Period(kind: kind, ordinal: statement.int(2))
            if let last = result[index].last, !(last.period < period) { needsTidying[index] = true }
            result[index].append(
                Observation(
                    period: period, value: statement.double(3), target: statement.double(4), note: statement.string(5),
                    quality: statement.string(6).flatMap(DataQuality.init(rawValue:))))
        }
        for index in result.indices where needsTidying[index] {
            result[index] = latestByPeriod(result[index])
        }
        return result
    }

    /// Sorts by period, keeping only the last (latest) of observations with the same period.
    static func latestByPeriod(_ observations: [Observation]) -> [Observation] {
        let ordered = observations.enumerated().sorted { a, b in
            a.element.period != b.element.period ? a.element.period < b.element.period : a.offset < b.offset
        }
        var result: [Observation] = []
        result.reserveCapacity(ordered.count)
        for (_, observation) in ordered {
            if result.last?.period == observation.period { result[result.count - 1] = observation } else { result.append(observation) }
        }
        return result
    }
}
