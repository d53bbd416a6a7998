import GRDB

/// The framework as a store holds it (SQLite's or PostgreSQL's): the plan, the measures in the framework (with
/// their current targets), and each measure's row id.
package struct FrameworkRows {
    package var plan: CouncilPlan
    package var measures: [Measure]
    /// The row id of each measure, at the measure's index.
    package var measureIDs: [Int64]

    package init(plan: CouncilPlan, measures: [Measure], measureIDs: [Int64]) {
        self.plan = plan
        self.measures = measures
        self.measureIDs = measureIDs
    }

    /// A measure code the framework holds more than once, or `nil`: the files refuse one, so only a database
    /// changed by hand holds it, and a council read from it would show the measure twice.
    package var repeatedCode: String? {
        var seen = Set<String>()
        return measures.first { !seen.insert($0.code).inserted }?.code
    }

    /// The first field of a measure's row that no data file could have written (`frequency "fortnightly"`,
    /// `decimals 1000`), as `measure M-NUM: frequency "fortnightly"`; `nil` when every field is one Scorecard
    /// writes. Read as a default instead, the measure was judged as another (quarterly values of a measure taken
    /// for monthly showed as no data), so a store refuses the database instead (``SQLiteStore/checkFramework(_:)``).
    package var unreadableField: String?

    /// Reads the framework; `nil` when the store holds no council yet.
    static func read(_ db: Database) throws -> FrameworkRows? {
        guard var framework = try readWithoutTargets(db) else { return nil }
        framework.setTargets(try currentTargetsByMeasure(db))
        return framework
    }

    /// Reads the framework, every measure's targets left empty (see ``setTargets(_:)``); `nil` when the store
    /// holds no council yet.
    static func readWithoutTargets(_ db: Database) throws -> FrameworkRows? {
        guard let council = try Row.fetchOne(db, sql: "SELECT name, plan_title, reporting_period FROM council") else {
            return nil
        }
        var priorities: [Priority] = []
        var priorityIndex: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, code, title, lead, description FROM priority ORDER BY position") {
            guard let id: Int64 = row.lenient(0) else { continue }
            priorityIndex[id] = priorities.count
            priorities.append(Priority(code: row.text(1), title: row.text(2), lead: row.text(3), description: row.text(4)))
        }
        var planIndex: [Int64: (priority: Int, plan: Int)] = [:]
        let plans = try Row.fetchAll(
            db, sql: "SELECT d.id, d.priority_id, d.code, d.title, d.owner FROM delivery_plan d JOIN priority p ON p.id = d.priority_id ORDER BY p.position, d.position")
        for row in plans {
            guard let id: Int64 = row.lenient(0), let priorityID: Int64 = row.lenient(1), let p = priorityIndex[priorityID] else { continue }
            planIndex[id] = (p, priorities[p].plans.count)
            priorities[p].plans.append(DeliveryPlan(code: row.text(2), title: row.text(3), owner: row.text(4)))
        }
        for row in try Row.fetchAll(db, sql: "SELECT delivery_plan_id, title, owner, due, status, percent_complete FROM action ORDER BY delivery_plan_id, position") {
            guard let planID: Int64 = row.lenient(0), let (p, d) = planIndex[planID] else { continue }
            let due = (row.lenient(3) as String?).flatMap { CivilDate(parsing: $0) }
            let progress = Action.Progress(rawValue: row.text(4)) ?? .notStarted
            let complete = min(100, max(0, row.lenient(5) ?? 0))
            priorities[p].plans[d].actions.append(
                Action(title: row.text(1), owner: row.text(2), due: due, progress: progress, percentComplete: complete))
        }

        // Made at their size: growing an array of 50,000 measures copied it again and again.
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM measure") ?? 0
        var measures: [Measure] = []
        var measureIDs: [Int64] = []
        measures.reserveCapacity(count)
        measureIDs.reserveCapacity(count)
        // A file of an older schema opened read-only (so not migrated) has no limits (schema 1) or small numbers (before 5).
        let columns = Set(try db.columns(in: "measure").map(\.name))
        let limits = columns.contains("minimum") ? "minimum, maximum" : "NULL, NULL"
        let smallNumbers = columns.contains("small_numbers") ? "small_numbers" : "NULL"
        let comparators = columns.contains("comparators") ? "comparators" : "NULL"
        // Read through SQLite's C interface: a large council has tens of thousands of measures, and opening the
        // dashboard waits for them. Texts that measures share are held once.
        var texts = TextInterner()
        let measureRows = try RawStatement(db, sql: """
            SELECT id, priority_id, delivery_plan_id, code, title, description, methodology, source, owner, service,
                   team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance, lag_days, profile,
                   \(limits), \(smallNumbers), \(comparators)
            FROM measure WHERE position IS NOT NULL ORDER BY position
            """)
        var unreadableField: String?
        try measureRows.forEachRow {
            let row = measureRows
            guard let id = row.integer(0).map(Int64.init) else { return }
            if unreadableField == nil, let field = Self.unreadableField(of: row) {
                unreadableField = "measure \(row.text(3).terminalSafe.excerpt()): \(field)"
            }
            let index = measures.count
            if let planID = row.integer(2).map(Int64.init), let (p, d) = planIndex[planID] {
                priorities[p].plans[d].measures.append(index)
            } else if let priorityID = row.integer(1).map(Int64.init), let p = priorityIndex[priorityID] {
                priorities[p].measures.append(index)
            }
            let frequency = Frequency(rawValue: row.text(14)) ?? .monthly
            // Each field within what the data files allow, so that a file edited by hand cannot break the arithmetic.
            measures.append(
                Measure(
                    code: row.text(3), title: row.text(4), description: texts.intern(row.text(5)),
                    methodology: texts.intern(row.text(6)), source: texts.intern(row.text(7)), owner: texts.intern(row.text(8)),
                    service: texts.intern(row.text(9)), team: texts.intern(row.text(10)), tier: Tier(rawValue: row.text(11)) ?? .kbi,
                    unit: MeasureUnit(texts.intern(row.text(12))), decimals: min(6, max(0, row.integer(13) ?? 0)), frequency: frequency,
                    polarity: StoredText.polarity(row.text(15), band: row.double(16)),
                    lifecycle: MeasureLifecycle(rawValue: row.text(17)) ?? .active, cumulative: row.double(18).map { $0 != 0 } ?? false,
                    targets: TargetSchedule(profile: StoredText.profile(row.optionalText(21))),
                    tolerance: StoredText.tolerance(row.optionalText(19)), lagDays: min(3660, max(0, row.integer(20) ?? 0)),
                    minimum: row.double(22), maximum: row.double(23),
                    smallNumbers: StoredText.smallNumbers(row.optionalText(24))))
            measures[measures.count - 1].comparators = StoredText.comparators(row.optionalText(25))
            measureIDs.append(id)
        }
        let reportingPeriod = (council.lenient(2) as String?).flatMap { Period(parsing: $0) }
        let plan = CouncilPlan(council: council.text(0), title: council.text(1), reportingPeriod: reportingPeriod, priorities: priorities)
        var framework = FrameworkRows(plan: plan, measures: measures, measureIDs: measureIDs)
        framework.unreadableField = unreadableField
        return framework
    }

    /// The first field of a measure row (as read by ``readWithoutTargets(_:)``) holding what no data file could
    /// have made, said with what it holds; `nil` when there is none.
    private static func unreadableField(of row: RawStatement) -> String? {
        // As held: text quoted, a number as it is, NULL as empty.
        func shown(_ index: Int32) -> String {
            if let text = row.optionalText(index) { return "\"\(text.terminalSafe.excerpt(40))\"" }
            return row.integer(index).map(String.init) ?? row.double(index).map { "\($0)" } ?? "empty"
        }
        if Tier(rawValue: row.text(11)) == nil { return "tier \(shown(11))" }
        guard let decimals = row.integer(13), (0...6).contains(decimals) else { return "decimals \(shown(13))" }
        if Frequency(rawValue: row.text(14)) == nil { return "frequency \(shown(14))" }
        if !["higher", "lower", "band", "none"].contains(row.text(15)) { return "polarity \(shown(15))" }
        if row.text(15) == "band", !(row.double(16).map { $0.isFinite && $0 >= 0 && $0 <= ValueLimits.sane } ?? false) {
            return "band \(shown(16))"
        }
        if MeasureLifecycle(rawValue: row.text(17)) == nil { return "status \(shown(17))" }
        if let tolerance = row.optionalText(19) {
            let figure = StoredText.tolerance(tolerance).map { tolerance -> Double in
                switch tolerance {
                case .percent(let p): p
                case .absolute(let a): a
                }
            }
            guard let figure, figure.isFinite, figure >= 0, figure <= ValueLimits.sane else { return "tolerance \(shown(19))" }
        }
        guard let lag = row.integer(20), (0...3660).contains(lag) else { return "lag_days \(shown(20))" }
        for (index, name) in [(Int32(22), "minimum"), (23, "maximum")] where row.optionalText(index) != nil || row.double(index) != nil {
            guard let limit = row.double(index), ValueLimits.insanity(of: limit) == nil else { return "\(name) \(shown(index))" }
        }
        return nil
    }

    /// Gives each measure its current targets, by measure row id (as either store reads them; an empty table
    /// leaves the measure's as they were).
    package mutating func setTargets(_ byMeasure: [Int64: TargetSchedule]) {
        for (index, id) in measureIDs.enumerated() {
            guard let schedule = byMeasure[id], !schedule.isEmpty else { continue }
            let profile = measures[index].targets.profile
            measures[index].targets = schedule
            measures[index].targets.profile = profile
        }
    }

    /// Every measure's current framework targets by measure row id (removed ones left out; no profiles).
    static func currentTargetsByMeasure(_ db: Database) throws -> [Int64: TargetSchedule] {
        // Every revision in the order made: the last of a (measure, period) is its current target (none if
        // removed). A run of one measure's revisions (an import writes each measure's together) is gathered and
        // then applied to that measure's schedule at once.
        var byMeasure: [Int64: TargetSchedule] = [:]
        var runID: Int64?
        var run: [(Period, Double?)] = []
        func endRun() {
            guard let id = runID else { return }
            var schedule = byMeasure.removeValue(forKey: id) ?? TargetSchedule()
            schedule.reserveCapacity(schedule.entries.count + run.count)
            for (period, value) in run { schedule[period] = value }
            if !schedule.isEmpty { byMeasure[id] = schedule }
            run.removeAll(keepingCapacity: true)
        }
        let targets = try RawStatement(db, sql: "SELECT measure_id, period_kind, period_ordinal, value FROM target_revision ORDER BY id")
        try targets.forEachRow {
            guard let id = targets.integer(0).map(Int64.init), let kind = targets.integer(1), let ordinal = targets.integer(2),
                let period = Period(kindValue: kind, ordinal: ordinal)
            else { return }
            if id != runID {
                endRun()
                runID = id
            }
            run.append((period, targets.double(3)))
        }
        endRun()
        return byMeasure
    }

    /// The targets approved in Scorecard since the last import (each key whose latest revision approved a
    /// proposal), each with the value the last import gave (`nil` when it gave none, or removed it).
    static func approvedSinceImport(_ db: Database) throws -> [StoreKey: Double?] {
        guard try db.columns(in: "target_revision").contains(where: { $0.name == "proposal_id" }) else { return [:] }
        var approved: [StoreKey: Double?] = [:]
        let rows = try RawStatement(db, sql: ImportDiff.approvedSinceImportSQL(revisions: "target_revision"))
        try rows.forEachRow {
            guard let id = rows.integer(0).map(Int64.init), let kind = rows.integer(1), let ordinal = rows.integer(2),
                let key = StoreKey(measureID: id, kind: kind, ordinal: ordinal)
            else { return }
            approved[key] = rows.double(3)
        }
        return approved
    }

    /// Every measure's current framework targets (removed ones left out).
    static func currentTargets(_ db: Database) throws -> [StoreKey: Double] {
        var targets: [StoreKey: Double] = [:]
        for (id, schedule) in try currentTargetsByMeasure(db) {
            for entry in schedule.entries { targets[StoreKey(measureID: id, period: entry.period)] = entry.value }
        }
        return targets
    }
}

/// A (measure row, period) pair: the key of a value or a target, in either store.
package struct StoreKey: Hashable {
    package var measureID: Int64
    package var period: Period

    package init(measureID: Int64, period: Period) {
        self.measureID = measureID
        self.period = period
    }

    package init?(measureID: Int64, kind: Int, ordinal: Int) {
        guard let period = Period(kindValue: kind, ordinal: ordinal) else { return nil }
        self.init(measureID: measureID, period: period)
    }
}
