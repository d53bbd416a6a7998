/// A summary of the measures beneath a delivery plan, a priority or the whole plan.
///
/// The roll-up rule: every measure is counted once, under the delivery plan or priority it hangs from,
/// and every level adds up the levels beneath it (a priority = its own measures + its delivery plans; the
/// plan = its priorities). Retired measures are left out of ``measures`` and of every count but
/// ``retired``. No single colour is derived for a level: members see the counts, so one red among forty
/// greens is neither hidden nor exaggerated.
public struct RollUp: Sendable, Equatable {
    /// Measures counted, by status (indexed by `Status.rawValue`).
    public private(set) var counts: [Int]
    /// The number of alerts on the measures beneath.
    public var alerts: Int
    /// Actions beneath that are past their due date and not completed.
    public var overdueActions: Int
    /// Actions beneath.
    public var actions: Int

    public init() {
        counts = Array(repeating: 0, count: Status.allCases.count)
        alerts = 0
        overdueActions = 0
        actions = 0
    }

    /// The number of measures with `status`.
    public subscript(status: Status) -> Int {
        counts[status.rawValue]
    }

    /// Measures counted, retired ones excepted.
    public var measures: Int { counts.reduce(0, +) - self[.retired] }

    /// Measures that could be judged against a target (on track, within tolerance or off track).
    public var judged: Int { self[.onTrack] + self[.withinTolerance] + self[.offTrack] }

    /// Counts one measure's judgement and its alerts.
    public mutating func count(_ evaluation: MeasureEvaluation) {
        count(status: evaluation.status, alerts: evaluation.alerts.count)
    }

    /// Counts one measure of `status` with `alerts` alerts (read from a judgement in place, not copied out: a
    /// list of 50,000 measures is counted again whenever a filter changes it).
    public mutating func count(status: Status, alerts: Int) {
        counts[status.rawValue] += 1
        self.alerts += alerts
    }

    /// Counts a measure counted as `status` as not judged instead, and `alerts` fewer alerts: a public report
    /// gives no status that rests on a withheld value, nor alerts that would give one away.
    public mutating func withhold(status: Status, alerts: Int) {
        counts[status.rawValue] -= 1
        counts[Status.notJudged.rawValue] += 1
        self.alerts -= alerts
    }

    /// Adds another roll-up's counts to this one.
    public mutating func add(_ other: RollUp) {
        for i in counts.indices { counts[i] += other.counts[i] }
        alerts += other.alerts
        overdueActions += other.overdueActions
        actions += other.actions
    }
}
