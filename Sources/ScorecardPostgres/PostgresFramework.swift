import Foundation
import PostgresNIO
import ScorecardKit

/// Reads the framework as the shared store holds it (the PostgreSQL counterpart of the SQLite store's reader,
/// into the same ``FrameworkRows``).
enum PostgresFramework {
    /// Reads the framework; `nil` when the store holds no council yet.
    static func read(_ session: PostgresSession) throws -> FrameworkRows? {
        guard var framework = try readWithoutTargets(session) else { return nil }
        framework.setTargets(try currentTargetsByMeasure(session))
        return framework
    }

    /// Reads the framework with no targets (`read` adds them); `nil` when the store holds no council yet.
    static func readWithoutTargets(_ session: PostgresSession) throws -> FrameworkRows? {
        guard let council = try session.rows("SELECT name, plan_title, reporting_period FROM council").first else { return nil }
        let (name, title, reporting) = try council.decode((String, String, String?).self)
        var priorities: [Priority] = []
        var priorityIndex: [Int64: Int] = [:]
        for row in try session.rows("SELECT id, code, title, lead, description FROM priority ORDER BY position") {
            let (id, code, title, lead, description) = try row.decode((Int64, String, String, String, String).self)
            priorityIndex[id] = priorities.count
            priorities.append(Priority(code: code, title: title, lead: lead, description: description))
        }
        var planIndex: [Int64: (priority: Int, plan: Int)] = [:]
        let plans = try session.rows("""
            SELECT d.id, d.priority_id, d.code, d.title, d.owner FROM delivery_plan d JOIN priority p ON p.id = d.priority_id
            ORDER BY p.position, d.position
            """)
        for row in plans {
            let (id, priorityID, code, title, owner) = try row.decode((Int64, Int64, String, String, String).self)
            guard let p = priorityIndex[priorityID] else { continue }
            planIndex[id] = (p, priorities[p].plans.count)
            priorities[p].plans.append(DeliveryPlan(code: code, title: title, owner: owner))
        }
        let actions = try session.rows(
            "SELECT delivery_plan_id, title, owner, due, status, percent_complete FROM action ORDER BY delivery_plan_id, position")
        for row in actions {
            let (planID, title, owner, due, status, complete) = try row.decode((Int64, String, String, String?, String, Int).self)
            guard let (p, d) = planIndex[planID] else { continue }
            priorities[p].plans[d].actions.append(
                Action(
                    title: title, owner: owner, due: due.flatMap { CivilDate(parsing: $0) },
                    progress: Action.Progress(rawValue: status) ?? .notStarted, percentComplete: min(100, max(0, complete))))
        }

        var measures: [Measure] = []
        var measureIDs: [Int64] = []
        // Texts that measures share are held once.
        var texts = TextInterner()
        let measureRows = try session.rows("""
            SELECT id, priority_id, delivery_plan_id, code, title, description, methodology, source, owner, service,
                   team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance, lag_days, profile,
                   minimum, maximum, small_numbers, comparators
            FROM measure WHERE position IS NOT NULL ORDER BY position
            """)
        for row in measureRows {
            let cells = row.makeRandomAccess()
            guard let id = try BinaryCell.integer(cells[0]).map(Int64.init) else { continue }
            let index = measures.count
            if let planID = try BinaryCell.integer(cells[2]).map(Int64.init), let (p, d) = planIndex[planID] {
                priorities[p].plans[d].measures.append(index)
            } else if let priorityID = try BinaryCell.integer(cells[1]).map(Int64.init), let p = priorityIndex[priorityID] {
                priorities[p].measures.append(index)
            }
            func text(_ column: Int) throws -> String { try BinaryCell.text(cells[column]) ?? "" }
            let frequency = Frequency(rawValue: try text(14)) ?? .monthly
            measures.append(
                Measure(
                    code: try text(3), title: try text(4), description: texts.intern(try text(5)),
                    methodology: texts.intern(try text(6)), source: texts.intern(try text(7)), owner: texts.intern(try text(8)),
                    service: texts.intern(try text(9)), team: texts.intern(try text(10)),
                    tier: Tier(rawValue: try text(11)) ?? .kbi, unit: MeasureUnit(texts.intern(try text(12))),
                    decimals: min(6, max(0, try BinaryCell.integer(cells[13]) ?? 0)), frequency: frequency,
                    polarity: StoredText.polarity(try text(15), band: try BinaryCell.double(cells[16])),
                    lifecycle: MeasureLifecycle(rawValue: try text(17)) ?? .active,
                    cumulative: try BinaryCell.bool(cells[18]) ?? false,
                    targets: TargetSchedule(profile: StoredText.profile(try BinaryCell.text(cells[21]))),
                    tolerance: StoredText.tolerance(try BinaryCell.text(cells[19])),
                    lagDays: min(3660, max(0, try BinaryCell.integer(cells[20]) ?? 0)),
                    minimum: try BinaryCell.double(cells[22]), maximum: try BinaryCell.double(cells[23]),
                    smallNumbers: StoredText.smallNumbers(try BinaryCell.text(cells[24]))))
            measures[measures.count - 1].comparators = StoredText.comparators(try BinaryCell.text(cells[25]))
            measureIDs.append(id)
        }
        let plan = CouncilPlan(
            council: name, title: title, reportingPeriod: reporting.flatMap { Period(parsing: $0) }, priorities: priorities)
        return FrameworkRows(plan: plan, measures: measures, measureIDs: measureIDs)
    }

    /// Each measure's current targets (the latest revision of each period, none where it was removed), by
    /// measure row id: a row of arrays a measure, because 92,715 rows of scalars took the client 0.2 s at
    /// 10,000 measures.
    static func currentTargetsByMeasure(_ session: PostgresSession) throws -> [Int64: TargetSchedule] {
        let targets = TargetCollector()
        // A measure whose only targets are one import's row: that row as it is (its removals are NULL elements,
        // left out as they are read). The rest, the latest of each period: sorting every element of every
        // measure's row took 55 ms at 10,000 measures; this 7 ms.
        try session.forEachRow("""
            WITH several AS MATERIALIZED (
              SELECT measure_id FROM imported_targets GROUP BY measure_id HAVING count(*) > 1
              UNION SELECT measure_id FROM target_revision)
            SELECT t.measure_id, t.kinds, t.ordinals, t.vals FROM imported_targets t
            WHERE NOT EXISTS (SELECT FROM several s WHERE s.measure_id = t.measure_id)
            UNION ALL
            SELECT measure_id, array_agg(period_kind), array_agg(period_ordinal), array_agg(value)
            FROM (
              SELECT DISTINCT ON (measure_id, period_kind, period_ordinal) measure_id, period_kind, period_ordinal, value
              FROM target_history WHERE measure_id = ANY (ARRAY(SELECT measure_id FROM several))
              ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC
            ) current WHERE value IS NOT NULL GROUP BY measure_id
            """
        ) { try targets.take($0) }
        return targets.byMeasure
    }

    /// The targets approved in Scorecard since the last import, each with the value the last import gave (`nil`
    /// when it gave none, or removed it); see ``ImportDiff/targetChanges(_:measureIDs:current:approvedSinceImport:summary:)``.
    static func approvedSinceImport(_ session: PostgresSession) throws -> [StoreKey: Double?] {
        var approved: [StoreKey: Double?] = [:]
        for row in try session.rows(PostgresQuery(unsafeSQL: ImportDiff.approvedSinceImportSQL(revisions: "target_history"))) {
            let (id, kind, ordinal, value) = try row.decode((Int64, Int16, Int32, Double?).self)
            guard let key = StoreKey(measureID: id, kind: Int(kind), ordinal: Int(ordinal)) else { continue }
            approved[key] = value
        }
        return approved
    }

    /// Every measure's current framework targets (removed ones left out), by measure and period.
    static func currentTargets(_ session: PostgresSession) throws -> [StoreKey: Double] {
        var targets: [StoreKey: Double] = [:]
        for (id, schedule) in try currentTargetsByMeasure(session) {
            for entry in schedule.entries { targets[StoreKey(measureID: id, period: entry.period)] = entry.value }
        }
        return targets
    }
}

/// Each measure's current framework targets, from rows of (measure id, kinds, ordinals, values). Rows arrive
/// one at a time on SwiftNIO's thread while the caller waits, so the state needs no lock.
private final class TargetCollector: @unchecked Sendable {
    /// By measure row id: each period's target.
    private(set) var byMeasure: [Int64: TargetSchedule] = [:]

    func take(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        guard cells.count == 4 else { throw PostgresStoreError.failed("the server sent a row of the wrong length") }
        guard let id = try BinaryCell.integer(cells[0]) else { return }
        let kinds = try BinaryCell.integers(cells[1]), ordinals = try BinaryCell.integers(cells[2])
        let values = try BinaryCell.doubles(cells[3])
        guard kinds.count == ordinals.count, kinds.count == values.count else {
            throw PostgresStoreError.failed("the server sent arrays of different lengths")
        }
        var schedule = TargetSchedule()
        schedule.reserveCapacity(kinds.count)
        for ((kind, ordinal), value) in zip(zip(kinds, ordinals), values) {
            guard let kind, let ordinal, let value, let period = Period(kindValue: kind, ordinal: ordinal) else { continue }
            schedule[period] = value
        }
        byMeasure[Int64(id)] = schedule
    }
}
