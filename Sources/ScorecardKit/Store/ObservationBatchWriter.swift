import GRDB

/// Appends observations to `observation_revision`, ``CouncilImport/rowsPerInsert`` rows per `INSERT`, all
/// made by the same person at the same time from an import. Rows are written in the order they are appended.
struct ObservationBatchWriter {
    private let many: RawStatement
    private let one: RawStatement
    /// The rows bound to `many` and not yet written.
    private var waiting: [(Int64, Observation)] = []

    init(db: Database, by: String, at: String) throws {
        many = try RawStatement(db, sql: CouncilImport.insertObservationsSQL(rows: CouncilImport.rowsPerInsert))
        one = try RawStatement(db, sql: CouncilImport.insertObservationsSQL(rows: 1))
        for statement in [many, one] {
            statement.bind(1, by)
            statement.bind(2, at)
            statement.bind(3, RevisionSource.import.rawValue)
        }
        waiting.reserveCapacity(CouncilImport.rowsPerInsert)
    }

    /// Adds one observation of the measure with database id `id`, writing a full batch when there is one.
    mutating func append(_ id: Int64, _ observation: Observation) throws {
        CouncilImport.bind(many, row: waiting.count, id, observation)
        waiting.append((id, observation))
        if waiting.count == CouncilImport.rowsPerInsert {
            try many.execute()
            waiting.removeAll(keepingCapacity: true)
        }
    }

    /// Writes the rows of the last, partial batch, one by one and in order.
    mutating func finish() throws {
        for (id, observation) in waiting {
            CouncilImport.bind(one, row: 0, id, observation)
            try one.execute()
        }
        waiting.removeAll()
    }
}
