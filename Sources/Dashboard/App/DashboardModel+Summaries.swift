import ScorecardKit

/// A measure as a list's summary counts it: its status, its alerts, and whether a value is due within 14 days.
struct MeasureFacts: Sendable {
    var status: Status
    var alerts: UInt32
    var isDueSoon: Bool
    /// Whether the value it wants next was due before today and is not in.
    var isLate: Bool
}

/// What a list of measures shows above its rows: how they stand, and how many are due soon.
public struct MeasureListSummary: Sendable {
    /// The measures listed, in order.
    public var measures: [Int]
    /// Their statuses counted.
    public var rollUp: RollUp
    /// How many have a value due in the next 14 days.
    public var dueSoon: Int
    /// How many have a value that was due before today and is not in.
    public var late: Int
}

extension DashboardModel {
    /// The summary of `entry`'s list of measures as at `asAt`: counted once per list and snapshot, not per frame.
    public func measureSummary(for entry: NavigationEntry, asAt: Period, scope: MeasureScope) -> MeasureListSummary {
        let key = RowKey(route: entry.route, asAt: asAt, filter: entry.filter, scope: scope)
        if let cached = summaryCache[key] { return cached }
        let measures = rows(for: entry, asAt: asAt, scope: scope).compactMap { row -> Int? in
            if case .measure(let m) = row { m } else { nil }
        }
        var rollUp = RollUp()
        var dueSoon = 0, late = 0
        let facts = measureFacts(asAt: asAt)
        for m in measures {
            let fact = facts[m]
            rollUp.count(status: fact.status, alerts: Int(fact.alerts))
            if fact.isDueSoon { dueSoon += 1 }
            if fact.isLate { late += 1 }
        }
        let summary = MeasureListSummary(measures: measures, rollUp: rollUp, dueSoon: dueSoon, late: late)
        if summaryCache.count > 64 { summaryCache.removeAll() }
        summaryCache[key] = summary
        return summary
    }

    /// When measure `m`'s next value is due, judged as at `asAt`: the due date of the period it wants next
    /// (``Council/nextPeriod(forMeasure:judged:today:)``, as `status` gives it). Worked out for the rows drawn
    /// only: held for every measure of a large council, the dates took 0.8 MB a period and model.
    public func nextDue(of m: Int, asAt: Period) -> CivilDate? {
        let judged = evaluation(at: asAt).measures
        return judged.indices.contains(m) ? nextDue(of: m, judged: judged[m]) : nil
    }

    private func nextDue(of m: Int, judged: MeasureEvaluation) -> CivilDate? {
        council.nextPeriod(forMeasure: m, judged: judged.period, today: today).map(council.measures[m].dueDate)
    }

    /// What a list's summary counts of each measure as at `asAt`, taken out of the judgements once per snapshot and
    /// period: a filter typed into a list of 50,000 measures counts its rows again with each letter.
    func measureFacts(asAt: Period) -> [MeasureFacts] {
        if let cached = factCache[asAt] { return cached }
        let judged = evaluation(at: asAt).measures
        let facts = council.measures.indices.map { m in
            let due = nextDue(of: m, judged: judged[m])
            return MeasureFacts(
                status: judged[m].status, alerts: UInt32(clamping: judged[m].alerts.count),
                isDueSoon: due.map { $0.dayNumber - today.dayNumber <= 14 && $0 >= today } ?? false,
                isLate: due.map { $0 < today } ?? false)
        }
        if factCache.count > 8 { factCache.removeAll() }
        factCache[asAt] = facts
        return facts
    }

    /// How many alerts of each rule there are as at `asAt`, in the rules' order (rules with none left out).
    public func alertCounts(asAt: Period) -> [(rule: Alert.Rule, count: Int)] {
        if let cached = alertCountCache[asAt] { return cached }
        var counts: [Alert.Rule: Int] = [:]
        for alert in evaluation(at: asAt).alerts { counts[alert.rule, default: 0] += 1 }
        let ordered = Alert.Rule.allCases.compactMap { rule in counts[rule].map { (rule: rule, count: $0) } }
        alertCountCache[asAt] = ordered
        return ordered
    }
}

/// What the screen shows now, as far as the data is concerned: the screens walked through (with their
/// filters), the reporting period (and one being judged) and the scope of "my measures".
public struct ViewFocus: Hashable, Sendable {
    public var entries: [NavigationEntry]
    public var periods: [Period]
    public var scope: MeasureScope
    /// Whether a filter is being typed (or kept) on the current list: its rows' texts are then wanted.
    public var searching: Bool

    public init(_ state: AppState) {
        entries = state.stack
        periods = [state.asAt] + (state.pendingPeriod.map { [$0] } ?? [])
        scope = state.scope
        searching = state.mode == .filtering || !state.current.filter.isEmpty
    }
}

extension DashboardModel {
    /// Works out, ahead of the UI, what showing `focus` on this data needs: each level's rows, a list's
    /// summary, the alert counts, the list of "my measures", and the texts a filter on the current list searches. The data service does this before handing a new model over, so that
    /// taking in new data costs the UI thread next to nothing.
    public func prepare(for focus: ViewFocus) {
        for period in focus.periods where isJudged(at: period) {
            _ = alertCounts(asAt: period)
            // "My measures" too, wherever the user is: the longest list, one key (m) away.
            for entry in focus.entries + [NavigationEntry(.myMeasures)] {
                _ = rows(for: entry, asAt: period, scope: focus.scope)
                switch entry.route {
                case .myMeasures, .deliveryPlan, .priority: _ = measureSummary(for: entry, asAt: period, scope: focus.scope)
                default: break
                }
            }
            // The texts a filter searches, when one is on or the list is long: after new data arrives, the next
            // letter typed does not wait for them. Lists of measures share the framework's texts, made once.
            if let current = focus.entries.last,
                case let all = rows(for: NavigationEntry(current.route), asAt: period, scope: focus.scope),
                !all.allSatisfy(\.isMeasure), focus.searching || (1000...20_000).contains(all.count)
            {
                _ = searchTexts(of: current.route, asAt: period, scope: focus.scope)
            }
        }
    }
}
