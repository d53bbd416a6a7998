import Foundation

/// The council's performance judged as at one reporting period: every measure's status, direction of
/// travel and alerts, and the roll-ups of every delivery plan, priority and the whole plan.
///
/// An evaluation is computed once per data change or change of reporting period, and is then only read:
/// screens and commands never judge a measure themselves.
public struct Evaluation: Sendable {
    /// The reporting period the figures are "as at".
    public let asAt: Period
    /// The day against which due dates are checked.
    public let today: CivilDate
    /// Each measure's judgement, at the measure's index in ``Council/measures`` (in chunks: an evaluation
    /// judged again for a few measures shares the rest with the one before).
    public let measures: ChunkedArray<MeasureEvaluation>
    /// Each priority's roll-up, its own measures and delivery plans included.
    public let priorities: [RollUp]
    /// The roll-up of the measures hanging directly off each priority.
    public let priorityMeasures: [RollUp]
    /// Each delivery plan's roll-up, as `plans[priority][plan]`.
    public let plans: [[RollUp]]
    /// The whole Council Plan's roll-up.
    public let whole: RollUp
    /// Every alert, worst first.
    public let alerts: [Alert]

    /// Measures whose judgement looked before the part of their history the council holds (see
    /// ``LoadedHistory``), by index, each with how far back it looked: their figures are provisional until
    /// judged again with that much more of their history (``rejudging(_:in:keepingOutlooksOf:)``). Always empty
    /// for a council holding every value.
    public let needsEarlierHistory: [Int: EarlierHistory]
    /// How many measures were judged to make this evaluation (every one at first; only those asked for by
    /// ``rejudging(_:in:keepingOutlooksOf:)``): judging happens once per data change, and only for what
    /// changed.
    public let judgedCount: Int
    /// The measures whose judgements keep their chart and forecast.
    public let outlooks: Outlooks

    /// Which measures' judgements keep their chart and forecast (``MeasureEvaluation/processControl``,
    /// ``MeasureEvaluation/forecast``); the others keep only what a list shows of them
    /// (``MeasureEvaluation/process``). Both are worked out for every measure either way (the alerts rest on
    /// them): this only says what is kept.
    public enum Outlooks: Sendable, Equatable {
        /// Every measure's: for a report or a command.
        case all
        /// Only these measures': for a dashboard, the measures whose screens were opened.
        case of(Set<Int>)

        /// Whether measure `m`'s judgement keeps its chart and forecast.
        public func includes(_ m: Int) -> Bool {
            switch self {
            case .all: true
            case .of(let measures): measures.contains(m)
            }
        }

        /// These and `more`.
        func adding(_ more: some Sequence<Int>) -> Outlooks {
            switch self {
            case .all: .all
            case .of(let measures): .of(measures.union(more))
            }
        }
    }

    /// Judges every measure of `council` as at `asAt`, checking due dates against `today`, keeping the charts and
    /// forecasts of the measures `outlooks` names.
    ///
    /// A large council is judged in parallel, a slice of its measures on each core: measures are judged
    /// independently, and opening the dashboard waits for all of them. With `parallel` false it is judged on the
    /// calling thread alone: a dashboard judging in the background leaves the other cores to the keys.
    public init(council: Council, asAt: Period, today: CivilDate, parallel: Bool = true, outlooks: Outlooks = .all) {
        let count = council.measures.count
        let slices = count < 4096 || !parallel ? 1 : max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let judged = SliceResults<(measures: ChunkedArray<MeasureEvaluation>, needsEarlier: [Int: EarlierHistory])>(count: slices)
        let ranges = ChunkedArray<MeasureEvaluation>.chunkAlignedRanges(count: count, parts: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var needsEarlier: [Int: EarlierHistory] = [:]
            let measures = ChunkedArray(ranges[slice].lazy.map { index in
                Self.judge(index, in: council, asAt: asAt, today: today, outlooks: outlooks, needsEarlier: &needsEarlier)
            })
            judged.set(slice, (measures, needsEarlier))
        }
        let parts = judged.values
        self.init(council: council, asAt: asAt, today: today, measures: ChunkedArray(concatenating: parts.map(\.measures)),
                  needsEarlierHistory: parts.reduce(into: [:]) { $0.merge($1.needsEarlier) { a, _ in a } }, judgedCount: count,
                  outlooks: outlooks)
    }

    /// This evaluation with measures `changed` judged again on `council` (the same framework, with new values
    /// for them), and every roll-up and alert recounted; the other measures' judgements are kept. The measures
    /// `keepingOutlooksOf` names keep their charts and forecasts from now on (judged again if they did not).
    public func rejudging(_ changed: some Sequence<Int>, in council: Council, keepingOutlooksOf more: [Int] = []) -> Evaluation {
        let added = more.filter { !self.outlooks.includes($0) }
        let kept = self.outlooks.adding(added)
        var measures = self.measures
        var needsEarlier = needsEarlierHistory
        var judged = Set<Int>()
        for index in [changed.map { $0 }, added].joined() where measures.indices.contains(index) && judged.insert(index).inserted {
            needsEarlier[index] = nil
            measures[index] = Self.judge(index, in: council, asAt: asAt, today: today, outlooks: kept, needsEarlier: &needsEarlier)
        }
        return Evaluation(council: council, asAt: asAt, today: today, measures: measures,
                          needsEarlierHistory: needsEarlier, judgedCount: judged.count, outlooks: kept)
    }

    private static func judge(
        _ index: Int, in council: Council, asAt: Period, today: CivilDate, outlooks: Outlooks,
        needsEarlier: inout [Int: EarlierHistory]
    ) -> MeasureEvaluation {
        let judgement = MeasureJudgement(
            measure: council.measures[index], observations: council.observations[index], index: index,
            loadedFrom: council.loaded?.loadedFrom[index])
        let evaluation = judgement.evaluate(asAt: asAt, today: today, keepingOutlook: outlooks.includes(index))
        if let need = judgement.reach.need { needsEarlier[index] = need }
        return evaluation
    }

    /// Rolls the measures' judgements up the plan.
    private init(
        council: Council, asAt: Period, today: CivilDate, measures: ChunkedArray<MeasureEvaluation>,
        needsEarlierHistory: [Int: EarlierHistory], judgedCount: Int, outlooks: Outlooks
    ) {
        self.asAt = asAt
        self.outlooks = outlooks
        self.today = today
        self.measures = measures
        self.needsEarlierHistory = needsEarlierHistory
        self.judgedCount = judgedCount

        var plans: [[RollUp]] = []
        var priorities: [RollUp] = []
        var priorityMeasures: [RollUp] = []
        var whole = RollUp()
        for priority in council.plan.priorities {
            var own = RollUp()
            for m in priority.measures { own.count(measures[m]) }
            var total = own
            var planRollUps: [RollUp] = []
            for plan in priority.plans {
                var rollUp = RollUp()
                for m in plan.measures { rollUp.count(measures[m]) }
                rollUp.actions = plan.actions.count
                rollUp.overdueActions = plan.actions.filter { $0.isOverdue(asAt: asAt, today: today) }.count
                planRollUps.append(rollUp)
                total.add(rollUp)
            }
            plans.append(planRollUps)
            priorityMeasures.append(own)
            priorities.append(total)
            whole.add(total)
        }
        self.plans = plans
        self.priorities = priorities
        self.priorityMeasures = priorityMeasures
        self.whole = whole
        self.alerts = Alert.sortedWorstFirst(measures.flatMap(\.alerts))
    }
}

extension Council {
    /// The period reports are made for by default: the framework's `reporting_period` (unless it has not begun by
    /// `today`: a slip of the year, 2028/29 for 2026/27, judged every measure overdue for months to come), or else
    /// the latest financial quarter with data (the quarter in which the latest value's period ends), but never one
    /// that has not ended by `today`; with no data at all, the latest quarter that has ended.
    public func defaultReportingPeriod(today: CivilDate) -> Period {
        if let period = plan.reportingPeriod, period.startDate <= today { return period }
        let latestEnded = Period.latestEnded(kind: .quarter, by: today)
        let latestData = observations.lazy.compactMap { $0.last(where: { $0.value != nil })?.period.endDate }.max()
        guard let latestData else { return latestEnded }
        return min(Period.containing(latestData, kind: .quarter), latestEnded)
    }

    /// Judges the council as at `asAt` (see ``Evaluation``), on every core unless `parallel` is false, keeping the
    /// charts and forecasts of the measures `outlooks` names.
    public func evaluate(asAt: Period, today: CivilDate, parallel: Bool = true, outlooks: Evaluation.Outlooks = .all) -> Evaluation {
        Evaluation(council: self, asAt: asAt, today: today, parallel: parallel, outlooks: outlooks)
    }
}

/// One result per slice of work done in parallel, each slice setting its own.
final class SliceResults<Value>: @unchecked Sendable {
    // @unchecked: each slice writes only its own element, under `lock`; values are read once all are done.
    private let lock = NSLock()
    private var results: [Value?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func set(_ slice: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        results[slice] = value
    }

    /// Every slice's result, in order.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return results.compactMap { $0 }
    }
}
