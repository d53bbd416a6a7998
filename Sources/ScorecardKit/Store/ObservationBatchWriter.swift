import GRDB

/// Appends observations to `observation_revision`, ``CouncilImport/rowsPerInsert`` rows per `INSERT`, all
/// made by the same person at the same time from an import: one `import_batch` row, written with the first
/// value, says who and when for all of them. Rows are written in the order they are appended.
struct ObservationBatchWriter {
    private let db: Database
    private let by: String
    private let at: String
    private let many: RawStatement
    private let one: RawStatement
    /// Whether the import's batch row is written (and bound to both statements).
    private var batchBegun = false
    /// The rows bound to `many` and not yet written.
    private var waiting: [(Int64, Observation)] = []

    init(db: Database, by: String, at: String) throws {
        self.db = db
        self.by = by
        self.at = at
        many = try RawStatement(db, sql: CouncilImport.insertObservationsSQL(rows: CouncilImport.rowsPerInsert))
        one = try RawStatement(db, sql: CouncilImport.insertObservationsSQL(rows: 1))
        waiting.reserveCapacity(CouncilImport.rowsPerInsert)
    }

    /// Adds one observation of the measure with database id `id`, writing a full batch when there is one.
    mutating func append(_ id: Int64, _ observation: Observation) throws {
        if !batchBegun { try beginBatch() }
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

    /// Writes the import's batch row (an import that changes no value writes none).
    private mutating func beginBatch() throws {
        try db.execute(sql: "INSERT INTO import_batch (imported_by, imported_at) VALUES (?, ?)", arguments: [by, at])
        let batch = Int(db.lastInsertedRowID)
        for statement in [many, one] { statement.bind(1, batch) }
        batchBegun = true
    }
}
