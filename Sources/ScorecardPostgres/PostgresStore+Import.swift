import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Brings the database in line with `council` in one transaction, as the SQLite store does; every row
    /// goes in by COPY (into a temporary table, then one `INSERT ... SELECT`: COPY cannot write into a table
    /// with row-level security). Imported values are published: the officer importing them signs them off.
    /// Changes are recorded as made by the login (`current_user`); `by` is not used, as the database knows who it is.
    public func importCouncil(_ council: Council, by: String, progress: ImportProgress?) throws -> ImportSummary {
        if publishedOnly, access.role != .member { throw StoreError.showingPublishedOnly }
        guard access.role == .officer, access.canSignOff else {
            throw StoreError.notPermitted(
                "\(login) is \(access.role == .member ? "a member" : "an owner"): only the performance team's officers import; nothing was imported")
        }
        return try session.transaction {
            var summary = ImportSummary()
            let existing = try PostgresFramework.read(session)
            let measureIDs: [Int64]
            if let existing, existing.plan == council.plan, existing.measures == council.measures {
                measureIDs = existing.measureIDs
            } else {
                summary.frameworkChanged = true
                measureIDs = try writeFramework(council, summary: &summary)
                try writeTargets(council, measureIDs: measureIDs, summary: &summary)
            }
            try writeObservations(council, measureIDs: measureIDs, summary: &summary, progress: progress)
            return summary
        }
    }

    /// Replaces the plan and upserts the measures by code; returns each measure's row id.
    private func writeFramework(_ council: Council, summary: inout ImportSummary) throws -> [Int64] {
        var wasInFramework: [String: Bool] = [:]
        for row in try session.rows("SELECT code, position IS NOT NULL FROM measure") {
            let (code, inFramework) = try row.decode((String, Bool).self)
            wasInFramework[code] = inFramework
        }
        try session.execute("UPDATE measure SET position = NULL, priority_id = NULL, delivery_plan_id = NULL WHERE position IS NOT NULL")
        for table in ["action", "delivery_plan", "priority"] {
            try session.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(table)"))
        }
        let plan = council.plan
        try session.execute("""
            INSERT INTO council (id, name, plan_title, reporting_period, changed_by, changed_at)
            VALUES (1, \(plan.council), \(plan.title), \(plan.reportingPeriod?.description), current_user, now())
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, plan_title = excluded.plan_title,
              reporting_period = excluded.reporting_period, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """)
        var placement = [(Int64, Int64?)](repeating: (0, nil), count: council.measures.count)
        var priorities = CopyText(), plans = CopyText(), actions = CopyText()
        var planID: Int64 = 0, actionID: Int64 = 0
        for (p, priority) in plan.priorities.enumerated() {
            let priorityID = Int64(p + 1)
            for value in [priority.code, priority.title, priority.lead, priority.description] as [String] { priorities.append(value) }
            priorities.append(priorityID)
            priorities.append(p)
            priorities.endRow()
            for m in priority.measures { placement[m] = (priorityID, nil) }
            for (d, deliveryPlan) in priority.plans.enumerated() {
                planID += 1
                plans.append(planID)
                plans.append(priorityID)
                plans.append(d)
                for value in [deliveryPlan.code, deliveryPlan.title, deliveryPlan.owner] { plans.append(value) }
                plans.endRow()
                for m in deliveryPlan.measures { placement[m] = (priorityID, planID) }
                for (a, action) in deliveryPlan.actions.enumerated() {
                    actionID += 1
                    actions.append(actionID)
                    actions.append(planID)
                    actions.append(a)
                    for value in [action.title, action.owner, action.due?.description, action.progress.rawValue] { actions.append(value) }
                    actions.append(action.percentComplete)
                    actions.endRow()
                }
            }
        }
        try session.copy(into: "priority", columns: ["code", "title", "lead", "description", "id", "position"], text: priorities.buffer)
        try session.copy(into: "delivery_plan", columns: ["id", "priority_id", "position", "code", "title", "owner"], text: plans.buffer)
        try session.copy(
            into: "action", columns: ["id", "delivery_plan_id", "position", "title", "owner", "due", "status", "percent_complete"],
            text: actions.buffer)

        let columns = [
            "code", "position", "priority_id", "delivery_plan_id", "title", "description", "methodology", "source", "owner",
            "service", "team", "tier", "unit", "decimals", "frequency", "polarity", "band", "status", "cumulative", "tolerance",
            "lag_days", "profile", "minimum", "maximum", "small_numbers", "comparators",
        ]
        var measures = CopyText()
        for (index, m) in council.measures.enumerated() {
            measures.append(m.code)
            measures.append(index)
            measures.append(placement[index].0)
            measures.append(placement[index].1.map { String($0) })
            for value in [m.title, m.description, m.methodology, m.source, m.owner, m.service, m.team, m.tier.rawValue, m.unit.name] {
                measures.append(value)
            }
            measures.append(m.decimals)
            measures.append(m.frequency.rawValue)
            measures.append(m.polarity.keyword)
            measures.append(StoredText.band(m.polarity))
            measures.append(m.lifecycle.rawValue)
            measures.append(m.cumulative ? "t" : "f")
            measures.append(StoredText.text(m.tolerance))
            measures.append(m.lagDays)
            measures.append(StoredText.text(m.targets.profile))
            measures.append(m.minimum)
            measures.append(m.maximum)
            measures.append(StoredText.text(m.smallNumbers))
            measures.append(StoredText.text(m.comparators))
            measures.endRow()
        }
        try session.execute("CREATE TEMPORARY TABLE import_measure (LIKE measure INCLUDING DEFAULTS) ON COMMIT DROP")
        try session.execute("ALTER TABLE import_measure DROP COLUMN id")
        try session.copy(into: "import_measure", columns: columns, text: measures.buffer)
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let list = columns.joined(separator: ", ")
        let rows = try session.rows(PostgresQuery(unsafeSQL: """
            INSERT INTO measure (\(list)) SELECT \(list) FROM import_measure
            ON CONFLICT (code) DO UPDATE SET \(updates)
            RETURNING code, id
            """))
        var idByCode: [String: Int64] = [:]
        for row in rows {
            let (code, id) = try row.decode((String, Int64).self)
            idByCode[code] = id
        }
        var ids: [Int64] = []
        ids.reserveCapacity(council.measures.count)
        for m in council.measures {
            guard let id = idByCode[m.code] else { throw PostgresStoreError.failed("measure \(m.code) was not saved") }
            ids.append(id)
            if wasInFramework.removeValue(forKey: m.code) == nil { summary.measuresAdded += 1 }
        }
        summary.measuresRemoved = wasInFramework.values.filter { $0 }.count
        return ids
    }

    /// Records a revision for each framework target added, changed or removed.
    private func writeTargets(_ council: Council, measureIDs: [Int64], summary: inout ImportSummary) throws {
        var current = try PostgresFramework.currentTargets(session)
        var rows = CopyText()
        for (key, value) in ImportDiff.targetChanges(council, measureIDs: measureIDs, current: &current, summary: &summary) {
            rows.append(key.measureID)
            rows.append(key.period.kind.rawValue)
            rows.append(key.period.ordinal)
            rows.append(value)
            rows.endRow()
        }
        guard rows.rows > 0 else { return }
        try session.execute("""
            CREATE TEMPORARY TABLE import_target (measure_id bigint, period_kind smallint, period_ordinal integer,
              value double precision, position bigserial) ON COMMIT DROP
            """)
        try session.copy(into: "import_target", columns: ["measure_id", "period_kind", "period_ordinal", "value"], text: rows.buffer)
        try session.execute("""
            INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value)
            SELECT measure_id, period_kind, period_ordinal, value FROM import_target ORDER BY position
            """)
    }

    /// Appends a published revision for each observation that is new or differs from the current one.
    private func writeObservations(
        _ council: Council, measureIDs: [Int64], summary: inout ImportSummary, progress: ImportProgress?
    ) throws {
        let comparing = try session.rows("SELECT EXISTS (SELECT 1 FROM observation_revision)").first?.decode(Bool.self) ?? false
        var current: [StoreKey: Observation] = [:]
        if comparing {
            let rows = try session.rows("""
                SELECT DISTINCT ON (measure_id, period_kind, period_ordinal) measure_id, period_kind, period_ordinal,
                       value, target, note, quality
                FROM observation_revision ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC
                """)
            for row in rows {
                let (id, kind, ordinal, value, target, note, quality) = try row.decode(
                    (Int64, Int, Int, Double?, Double?, String?, String?).self)
                guard let key = StoreKey(measureID: id, kind: kind, ordinal: ordinal) else { continue }
                current[key] = Observation(
                    period: key.period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
            }
        }
        var rows = CopyText()
        ImportDiff.forEachChangedObservation(council, measureIDs: measureIDs, current: &current, summary: &summary, progress: progress) { id, observation in
            rows.append(id)
            rows.append(observation.period.kind.rawValue)
            rows.append(observation.period.ordinal)
            rows.append(observation.value)
            rows.append(observation.target)
            rows.append(observation.note)
            rows.append(observation.quality?.rawValue)
            rows.endRow()
        }
        if rows.rows > 0 {
            let columns = ["measure_id", "period_kind", "period_ordinal", "value", "target", "note", "quality"]
            try session.execute("""
                CREATE TEMPORARY TABLE import_observation (measure_id bigint, period_kind smallint, period_ordinal integer,
                  value double precision, target double precision, note text, quality text) ON COMMIT DROP
                """)
            try session.copy(into: "import_observation", columns: columns, text: rows.buffer)
            let list = columns.joined(separator: ", ")
            try session.execute(PostgresQuery(unsafeSQL: """
                INSERT INTO observation_revision (\(list), source, published_by, published_at)
                SELECT \(list), 'import', current_user, now() FROM import_observation
                """))
        }
    }
}
