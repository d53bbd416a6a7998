import Foundation
import PostgresNIO
import ScorecardKit

/// The framework as the shared store holds it: the plan, the measures in the framework (with their current
/// targets), and each measure's row id (the PostgreSQL counterpart of the SQLite store's reader).
struct PostgresFramework {
    var plan: CouncilPlan
    var measures: [Measure]
    /// The row id of each measure, at the measure's index.
    var measureIDs: [Int64]

    /// Reads the framework; `nil` when the store holds no council yet.
    static func read(_ session: PostgresSession) throws -> PostgresFramework? {
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
        var indexByID: [Int64: Int] = [:]
        let measureRows = try session.rows("""
            SELECT id, priority_id, delivery_plan_id, code, title, description, methodology, source, owner, service,
                   team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance, lag_days, profile,
                   minimum, maximum
            FROM measure WHERE position IS NOT NULL ORDER BY position
            """)
        for row in measureRows {
            let cells = row.makeRandomAccess()
            let id = try cells[0].decode(Int64.self)
            let index = measures.count
            if let planID = try cells[2].decode(Int64?.self), let (p, d) = planIndex[planID] {
                priorities[p].plans[d].measures.append(index)
            } else if let priorityID = try cells[1].decode(Int64?.self), let p = priorityIndex[priorityID] {
                priorities[p].measures.append(index)
            }
            func text(_ column: Int) throws -> String { try cells[column].decode(String?.self) ?? "" }
            let frequency = Frequency(rawValue: try text(14)) ?? .monthly
            measures.append(
                Measure(
                    code: try text(3), title: try text(4), description: try text(5), methodology: try text(6),
                    source: try text(7), owner: try text(8), service: try text(9), team: try text(10),
                    tier: Tier(rawValue: try text(11)) ?? .kbi, unit: MeasureUnit(try text(12)),
                    decimals: min(6, max(0, try cells[13].decode(Int?.self) ?? 0)), frequency: frequency,
                    polarity: StoredText.polarity(try text(15), band: try cells[16].decode(Double?.self)),
                    lifecycle: MeasureLifecycle(rawValue: try text(17)) ?? .active,
                    cumulative: try cells[18].decode(Bool?.self) ?? false,
                    targets: TargetSchedule(profile: StoredText.profile(try cells[21].decode(String?.self))),
                    tolerance: StoredText.tolerance(try cells[19].decode(String?.self)),
                    lagDays: min(3660, max(0, try cells[20].decode(Int?.self) ?? 0)),
                    minimum: try cells[22].decode(Double?.self), maximum: try cells[23].decode(Double?.self)))
            measureIDs.append(id)
            indexByID[id] = index
        }
        for (key, value) in try currentTargets(session) {
            guard let index = indexByID[key.measureID] else { continue }
            measures[index].targets.byPeriod[key.period] = value
        }
        let plan = CouncilPlan(
            council: name, title: title, reportingPeriod: reporting.flatMap { Period(parsing: $0) }, priorities: priorities)
        return PostgresFramework(plan: plan, measures: measures, measureIDs: measureIDs)
    }

    /// Every measure's current framework targets (removed ones left out).
    static func currentTargets(_ session: PostgresSession) throws -> [StoreKey: Double] {
        var targets: [StoreKey: Double] = [:]
        let rows = try session.rows("""
            SELECT DISTINCT ON (measure_id, period_kind, period_ordinal) measure_id, period_kind, period_ordinal, value
            FROM target_revision ORDER BY measure_id, period_kind, period_ordinal, id DESC
            """)
        for row in rows {
            let (id, kind, ordinal, value) = try row.decode((Int64, Int, Int, Double?).self)
            guard let value, let key = StoreKey(measureID: id, kind: kind, ordinal: ordinal) else { continue }
            targets[key] = value
        }
        return targets
    }
}
