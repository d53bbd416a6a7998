import Foundation
import GRDB

extension SQLiteStore {
    /// Imports `council` in one transaction; `accept`, given what the import would change, may throw to undo it all.
    public func importCouncil(
        _ council: Council, by: String, progress: ImportProgress? = nil, accept: ((ImportSummary) throws -> Void)? = nil
    ) throws -> ImportSummary {
        let at = StoreTime.text(clock())
        return try writeTransaction { db in
            var run = CouncilImport(db: db, council: council, by: by, at: at, progress: progress)
            let summary = try run.run()
            try accept?(summary)
            return summary
        }
    }
}

/// One import, inside its transaction: the framework first, then the targets, then the values.
struct CouncilImport {
    let db: Database
    let council: Council
    let by: String
    /// The time every revision is stamped with, as stored.
    let at: String
    let progress: ImportProgress?
    var summary = ImportSummary()

    init(db: Database, council: Council, by: String, at: String, progress: ImportProgress?) {
        self.db = db
        self.council = council
        self.by = by
        self.at = at
        self.progress = progress
    }

    /// Each measure's row id, once ``run()`` has written the framework.
    private(set) var measureIDs: [Int64] = []

    mutating func run() throws -> ImportSummary {
        let held = try String.fetchAll(db, sql: "SELECT code FROM measure")
        for rename in ImportDiff.codeRenames(council.measures.map(\.code), held: held) {
            try db.execute(sql: "UPDATE measure SET code = ? WHERE code = ?", arguments: [rename.to, rename.from])
            summary.measuresRenamed += 1
        }
        let existing = try FrameworkRows.read(db)
        if let held = existing?.plan.council, held != council.plan.council { summary.councilReplaced = held }
        for changed in ImportDiff.frequencyChanges(council, existing: existing) {
            let count = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM observation_revision WHERE measure_id = ? AND period_kind <> ?",
                arguments: [changed.id, changed.now.periodKind.rawValue]) ?? 0
            if count > 0 { throw StoreError.frequencyChanged(code: changed.code, held: changed.held, now: changed.now, count: count) }
        }
        let measureIDs: [Int64]
        if let existing, existing.plan == council.plan, existing.measures == council.measures {
            measureIDs = existing.measureIDs
        } else {
            summary.frameworkChanged = true
            (summary.planChanged, summary.measuresChanged) = ImportDiff.frameworkDifferences(council, existing: existing)
            measureIDs = try writeFramework()
            try writeTargets(measureIDs: measureIDs)
        }
        self.measureIDs = measureIDs
        try writeObservations(measureIDs: measureIDs)
        return summary
    }

    /// Appends every row `next` hands over (each with its measure's index), in that order, until it returns
    /// nil: the values of a council read while the database is written, into a new, empty store.
    mutating func appendStreamed(_ next: () throws -> [(measure: Int, observation: Observation)]?) throws {
        var writer = try ObservationBatchWriter(db: db, by: by, at: at)
        while let rows = try next() {
            for (measure, observation) in rows { try writer.append(measureIDs[measure], observation) }
            summary.added += rows.count
            streamed?(summary.added)
        }
        try writer.finish()
    }

    /// Binds one observation's seven parameters, as row `row` of an ``insertObservationsSQL(rows:)`` statement.
    static func bind(_ statement: RawStatement, row: Int, _ id: Int64, _ observation: Observation) {
        let first = Int32(2 + 7 * row)
        statement.bind(first, Int(id))
        statement.bind(first + 1, observation.period.kind.rawValue)
        statement.bind(first + 2, observation.period.ordinal)
        statement.bind(first + 3, observation.value)
        statement.bind(first + 4, observation.target)
        statement.bind(first + 5, observation.note)
        statement.bind(first + 6, staticText: observation.quality?.staticCString)
    }

    /// Called with the number of rows appended so far by ``appendStreamed(_:)``.
    var streamed: ((Int) -> Void)?

    // MARK: The framework

    /// Replaces the plan and upserts the measures by code; returns each measure's row id.
    private mutating func writeFramework() throws -> [Int64] {
        var wasInFramework: [String: Bool] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, position IS NOT NULL FROM measure") {
            wasInFramework[row.text(0)] = row.lenient(1) ?? false
        }
        try db.execute(sql: """
            UPDATE measure SET position = NULL, priority_id = NULL, delivery_plan_id = NULL;
            DELETE FROM action;
            DELETE FROM delivery_plan;
            DELETE FROM priority;
            """)
        let plan = council.plan
        try db.execute(
            sql: """
                INSERT INTO council (id, name, plan_title, reporting_period, changed_by, changed_at) VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, plan_title = excluded.plan_title,
                  reporting_period = excluded.reporting_period, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """,
            arguments: [plan.council, plan.title, plan.reportingPeriod?.description, by, at])

        // Where each measure hangs: (priority row id, delivery plan row id).
        var placement = [(Int64, Int64?)](repeating: (0, nil), count: council.measures.count)
        for (p, priority) in plan.priorities.enumerated() {
            try db.execute(
                sql: "INSERT INTO priority (position, code, title, lead, description) VALUES (?, ?, ?, ?, ?)",
                arguments: [p, priority.code, priority.title, priority.lead, priority.description])
            let priorityID = db.lastInsertedRowID
            for m in priority.measures { placement[m] = (priorityID, nil) }
            for (d, deliveryPlan) in priority.plans.enumerated() {
                try db.execute(
                    sql: "INSERT INTO delivery_plan (priority_id, position, code, title, owner) VALUES (?, ?, ?, ?, ?)",
                    arguments: [priorityID, d, deliveryPlan.code, deliveryPlan.title, deliveryPlan.owner])
                let planID = db.lastInsertedRowID
                for m in deliveryPlan.measures { placement[m] = (priorityID, planID) }
                for (a, action) in deliveryPlan.actions.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO action (delivery_plan_id, position, title, owner, due, status, percent_complete)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            planID, a, action.title, action.owner, action.due?.description, action.progress.rawValue,
                            action.percentComplete,
                        ])
                }
            }
        }

        let upsert = try db.makeStatement(sql: """
            INSERT INTO measure (code, position, priority_id, delivery_plan_id, title, description, methodology, source,
              owner, service, team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance,
              lag_days, profile, minimum, maximum, small_numbers, comparators)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (code) DO UPDATE SET position = excluded.position, priority_id = excluded.priority_id,
              delivery_plan_id = excluded.delivery_plan_id, title = excluded.title, description = excluded.description,
              methodology = excluded.methodology, source = excluded.source, owner = excluded.owner,
              service = excluded.service, team = excluded.team, tier = excluded.tier, unit = excluded.unit,
              decimals = excluded.decimals, frequency = excluded.frequency, polarity = excluded.polarity,
              band = excluded.band, status = excluded.status, cumulative = excluded.cumulative,
              tolerance = excluded.tolerance, lag_days = excluded.lag_days, profile = excluded.profile,
              minimum = excluded.minimum, maximum = excluded.maximum, small_numbers = excluded.small_numbers,
              comparators = excluded.comparators
            RETURNING id
            """)
        var ids: [Int64] = []
        ids.reserveCapacity(council.measures.count)
        for (index, m) in council.measures.enumerated() {
            let arguments: StatementArguments = [
                m.code, index, placement[index].0, placement[index].1, m.title, m.description, m.methodology, m.source,
                m.owner, m.service, m.team, m.tier.rawValue, m.unit.name, m.decimals, m.frequency.rawValue,
                m.polarity.keyword, StoredText.band(m.polarity), m.lifecycle.rawValue, m.cumulative,
                StoredText.text(m.tolerance), m.lagDays, StoredText.text(m.targets.profile), m.minimum, m.maximum,
                StoredText.text(m.smallNumbers), StoredText.text(m.comparators),
            ]
            guard let id = try Int64.fetchOne(upsert, arguments: arguments) else {
                throw DatabaseError(message: "measure \(m.code) was not saved")
            }
            ids.append(id)
            // New to the framework, or brought back after a re-import removed it (its history kept).
            switch wasInFramework.removeValue(forKey: m.code) {
            case nil: summary.measuresAdded += 1
            case false?: summary.measuresBack += 1
            case true?: break
            }
        }
        summary.removedMeasures = wasInFramework.filter(\.value).keys.sorted()
        return ids
    }

    /// Records a revision for each framework target added, changed or removed.
    private mutating func writeTargets(measureIDs: [Int64]) throws {
        var current = try FrameworkRows.currentTargets(db)
        let changes = ImportDiff.targetChanges(
            council, measureIDs: measureIDs, current: &current, approvedSinceImport: try FrameworkRows.approvedSinceImport(db),
            summary: &summary)

        // Several rows per INSERT, as for the values; `?1` and `?2` are who and when.
        func insertSQL(rows: Int) -> String {
            let values = (0..<rows).map { row in
                let first = 3 + 4 * row
                return "(" + (first..<first + 4).map { "?\($0)" }.joined(separator: ", ") + ", ?1, ?2)"
            }
            return """
                INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, changed_by, changed_at)
                VALUES \(values.joined(separator: ", "))
                """
        }
        let many = try RawStatement(db, sql: insertSQL(rows: Self.rowsPerInsert))
        let one = try RawStatement(db, sql: insertSQL(rows: 1))
        for statement in [many, one] {
            statement.bind(1, by)
            statement.bind(2, at)
        }
        func bind(_ statement: RawStatement, row: Int, _ change: (StoreKey, Double?)) {
            let first = Int32(3 + 4 * row)
            statement.bind(first, Int(change.0.measureID))
            statement.bind(first + 1, change.0.period.kind.rawValue)
            statement.bind(first + 2, change.0.period.ordinal)
            statement.bind(first + 3, change.1)
        }
        let whole = changes.count / Self.rowsPerInsert * Self.rowsPerInsert
        for start in stride(from: 0, to: whole, by: Self.rowsPerInsert) {
            for row in 0..<Self.rowsPerInsert { bind(many, row: row, changes[start + row]) }
            try many.execute()
        }
        for change in changes[whole...] {
            bind(one, row: 0, change)
            try one.execute()
        }
    }

    // MARK: The values

    /// How many rows one `INSERT` of observations writes: stepping one statement per row costs about as much
    /// as SQLite's own work of inserting the row.
    static let rowsPerInsert = 256

    /// `INSERT INTO observation_revision ... VALUES` with `rows` rows of seven parameters each (from `?2`);
    /// `?1` is the import batch, shared by every row (which says who imported them and when).
    static func insertObservationsSQL(rows: Int) -> String {
        let values = (0..<rows).map { row in
            let first = 2 + 7 * row
            return "(" + (first..<first + 7).map { "?\($0)" }.joined(separator: ", ") + ", ?1)"
        }
        return """
            INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, note, quality,
              import_batch)
            VALUES \(values.joined(separator: ", "))
            """
    }

    /// Appends a revision for each observation that is new or differs from the store's current one.
    private mutating func writeObservations(measureIDs: [Int64]) throws {
        var writer = try ObservationBatchWriter(db: db, by: by, at: at)
        // An empty store takes the fast path: nothing to compare against.
        var (current, lastImported, signedOffBeneath, recorded) =
            try Bool.exists(db, "SELECT 1 FROM observation_revision") ? try currentObservations() : ([:], [:], [:], [])
        try ImportDiff.forEachChangedObservation(
            council, measureIDs: measureIDs, current: &current, lastImported: lastImported, signedOffBeneath: signedOffBeneath,
            recorded: recorded, summary: &summary, progress: progress
        ) {
            try writer.append($0, $1)
        }
        try writer.finish()
    }

    /// The store's current observation of every (measure, period); where that is a value recorded since the last
    /// import, the observation that import gave; where it is a draft, the signed-off one beneath it; and the keys
    /// whose current observation was recorded, not imported (see
    /// ``ImportDiff/forEachChangedObservation(_:measureIDs:current:lastImported:signedOffBeneath:recorded:summary:progress:_:)``).
    private func currentObservations() throws -> (
        current: [StoreKey: Observation], lastImported: [StoreKey: Observation], signedOffBeneath: [StoreKey: Observation],
        recorded: Set<StoreKey>
    ) {
        var current: [StoreKey: Observation] = [:]
        var lastImported: [StoreKey: Observation] = [:]
        var signedOffBeneath: [StoreKey: Observation] = [:]
        // The keys whose latest revision is recorded, not imported (few: imports write most values).
        var recorded = Set<StoreKey>()
        let statement = try RawStatement(db, sql: """
            SELECT measure_id, period_kind, period_ordinal, value, target, note, quality, draft, import_batch IS NOT NULL
            FROM observation_revision ORDER BY id
            """)
        try statement.forEachRow {
            guard let key = StoreKey(measureID: Int64(statement.int(0)), kind: statement.int(1), ordinal: statement.int(2))
            else { return }
            var observation = statement.observation(key.period, columnsFrom: 3)
            observation.isDraft = statement.int(7) != 0
            if statement.int(8) != 0 {
                if recorded.remove(key) != nil { lastImported[key] = nil }
            } else if recorded.insert(key).inserted, let beneath = current[key] {
                lastImported[key] = beneath
            }
            if observation.isDraft {
                if let beneath = current[key], !beneath.isDraft { signedOffBeneath[key] = beneath }
            } else if !signedOffBeneath.isEmpty {
                signedOffBeneath[key] = nil
            }
            current[key] = observation
        }
        return (current, lastImported, signedOffBeneath, recorded)
    }
}

extension SQLiteStore {
    /// Loads and checks a council's data files, then imports them into the database at `databasePath`
    /// (created when missing).
    ///
    /// The files are checked completely before the database is opened, so a bad file leaves the database
    /// exactly as it was, byte for byte (and does not create it).
    /// - Throws: ``DataLoadError`` naming the file, line and field of each problem.
    public static func importDirectory(
        _ directory: CouncilDirectory, into databasePath: String, by: String, progress: ImportProgress? = nil
    ) throws -> ImportSummary {
        let council = try directory.load()
        return try SQLiteStore.importCouncil(council, into: databasePath, by: by, progress: progress)
    }
}
