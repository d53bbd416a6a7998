import GRDB

/// The framework as the store holds it: the plan, the measures in the framework (with their current
/// targets), and each measure's row id.
struct FrameworkRows {
    var plan: CouncilPlan
    var measures: [Measure]
    /// The row id of each measure, at the measure's index.
    var measureIDs: [Int64]

    /// Reads the framework; `nil` when the store holds no council yet.
    static func read(_ db: Database) throws -> FrameworkRows? {
        guard let council = try Row.fetchOne(db, sql: "SELECT name, plan_title, reporting_period FROM council") else {
            return nil
        }
        var priorities: [Priority] = []
        var priorityIndex: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, code, title, lead, description FROM priority ORDER BY position") {
            priorityIndex[row[0]] = priorities.count
            priorities.append(Priority(code: row[1], title: row[2], lead: row[3], description: row[4]))
        }
        var planIndex: [Int64: (priority: Int, plan: Int)] = [:]
        let plans = try Row.fetchAll(
            db, sql: "SELECT d.id, d.priority_id, d.code, d.title, d.owner FROM delivery_plan d JOIN priority p ON p.id = d.priority_id ORDER BY p.position, d.position")
        for row in plans {
            guard let p = priorityIndex[row[1]] else { continue }
            planIndex[row[0]] = (p, priorities[p].plans.count)
            priorities[p].plans.append(DeliveryPlan(code: row[2], title: row[3], owner: row[4]))
        }
        for row in try Row.fetchAll(db, sql: "SELECT delivery_plan_id, title, owner, due, status, percent_complete FROM action ORDER BY delivery_plan_id, position") {
            guard let (p, d) = planIndex[row[0]] else { continue }
            let due = (row[3] as String?).flatMap { CivilDate(parsing: $0) }
            let progress = Action.Progress(rawValue: row[4]) ?? .notStarted
            priorities[p].plans[d].actions.append(
                Action(title: row[1], owner: row[2], due: due, progress: progress, percentComplete: row[5]))
        }

        var measures: [Measure] = []
        var measureIDs: [Int64] = []
        var indexByID: [Int64: Int] = [:]
        // A schema-1 file opened read-only (so not migrated) has no limits.
        let limits = try db.columns(in: "measure").contains { $0.name == "minimum" } ? "minimum, maximum" : "NULL, NULL"
        let measureRows = try Row.fetchCursor(db, sql: """
            SELECT id, priority_id, delivery_plan_id, code, title, description, methodology, source, owner, service,
                   team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance, lag_days, profile,
                   \(limits)
            FROM measure WHERE position IS NOT NULL ORDER BY position
            """)
        while let row = try measureRows.next() {
            let id: Int64 = row[0]
            let index = measures.count
            if let planID: Int64 = row[2], let (p, d) = planIndex[planID] {
                priorities[p].plans[d].measures.append(index)
            } else if let priorityID: Int64 = row[1], let p = priorityIndex[priorityID] {
                priorities[p].measures.append(index)
            }
            let frequency = Frequency(rawValue: row[14]) ?? .monthly
            measures.append(
                Measure(
                    code: row[3], title: row[4], description: row[5], methodology: row[6], source: row[7],
                    owner: row[8], service: row[9], team: row[10], tier: Tier(rawValue: row[11]) ?? .kbi,
                    unit: MeasureUnit(row[12]), decimals: row[13], frequency: frequency,
                    polarity: StoredText.polarity(row[15], band: row[16]),
                    lifecycle: MeasureLifecycle(rawValue: row[17]) ?? .active, cumulative: row[18],
                    targets: TargetSchedule(profile: StoredText.profile(row[21])),
                    tolerance: StoredText.tolerance(row[19]), lagDays: row[20], minimum: row[22], maximum: row[23]))
            measureIDs.append(id)
            indexByID[id] = index
        }
        for (key, value) in try currentTargets(db) {
            guard let index = indexByID[key.measureID] else { continue }
            measures[index].targets.byPeriod[key.period] = value
        }
        let reportingPeriod = (council[2] as String?).flatMap { Period(parsing: $0) }
        let plan = CouncilPlan(council: council[0], title: council[1], reportingPeriod: reportingPeriod, priorities: priorities)
        return FrameworkRows(plan: plan, measures: measures, measureIDs: measureIDs)
    }

    /// Every measure's current framework targets (removed ones left out).
    static func currentTargets(_ db: Database) throws -> [StoreKey: Double] {
        var targets: [StoreKey: Double] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT measure_id, period_kind, period_ordinal, value FROM target_revision ORDER BY id")
        while let row = try rows.next() {
            guard let key = StoreKey(measureID: row[0], kind: row[1], ordinal: row[2]) else { continue }
            targets[key] = row[3]
        }
        return targets
    }
}

/// A (measure row, period) pair: the key of a value or a target.
struct StoreKey: Hashable {
    var measureID: Int64
    var period: Period

    init(measureID: Int64, period: Period) {
        self.measureID = measureID
        self.period = period
    }

    init?(measureID: Int64, kind: Int, ordinal: Int) {
        guard let kind = Period.Kind(rawValue: kind) else { return nil }
        self.init(measureID: measureID, period: Period(kind: kind, ordinal: ordinal))
    }
}
