import GRDB

extension SQLiteStore {
    /// Refuses a framework holding a measure code twice, or a field no data file could have made (a file
    /// changed by hand).
    func checkFramework(_ framework: FrameworkRows) throws {
        if let code = framework.repeatedCode {
            throw StoreError.inconsistent(path: path, problem: "the measure code \(code.terminalSafe.excerpt()) is held twice")
        }
        if let field = framework.unreadableField {
            throw StoreError.inconsistent(path: path, problem: "\(field), which Scorecard never writes")
        }
    }

    public func loadCouncil() throws -> Council {
        do {
            return try queue.read { db in
                guard let framework = try FrameworkRows.read(db) else { throw StoreError.empty(path: path) }
                try checkFramework(framework)
                let observations = try Self.currentObservations(db, measureIDs: framework.measureIDs, publishedOnly: showsPublishedOnly)
                return Council(plan: framework.plan, measures: framework.measures, observations: observations)
            }
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            throw StoreError.damaged(path: path, problem: error.message ?? "\(error.resultCode)")
        }
    }

    /// Each measure's current observations, at the measure's index, sorted by period (with `publishedOnly`,
    /// the latest signed-off version of each).
    ///
    /// Reads the revision table once in row order (the fastest scan there is) and keeps the latest revision of
    /// each period: a later revision of a period replaces the earlier one.
    static func currentObservations(_ db: Database, measureIDs: [Int64], publishedOnly: Bool) throws -> [[Observation]] {
        // Row ids are dense in any database Scorecard made, so an array indexed by id is the fastest lookup; ids
        // far beyond the count (a file made by hand) fall back to a dictionary.
        let denseLimit = Int64(measureIDs.count) * 4 + 1024
        let dense = measureIDs.allSatisfy { $0 >= 0 && $0 < denseLimit }
        var indexByID = [Int](repeating: -1, count: dense ? Int(measureIDs.max() ?? 0) + 1 : 0)
        var sparse: [Int: Int] = [:]
        for (index, id) in measureIDs.enumerated() {
            if dense { indexByID[Int(id)] = index } else { sparse[Int(id)] = index }
        }
        var result = [[Observation]](repeating: [], count: measureIDs.count)
        var needsTidying = [Bool](repeating: false, count: measureIDs.count)
        let statement = try RawStatement(db, sql: """
            SELECT measure_id, period_kind, period_ordinal, value, target, note, quality, draft
            FROM observation_revision \(publishedOnly ? "WHERE draft = 0" : "") ORDER BY id
            """)
        try statement.forEachRow {
            let id = statement.int(0)
            let found = dense ? (id >= 0 && id < indexByID.count ? indexByID[id] : -1) : sparse[id] ?? -1
            guard found >= 0, let period = Period(kindValue: statement.int(1), ordinal: statement.int(2)) else { return }
            let index = found
            if let last = result[index].last, !(last.period < period) { needsTidying[index] = true }
            var observation = statement.observation(period, columnsFrom: 3)
            observation.isDraft = statement.int(7) != 0
            result[index].append(observation)
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
