import Foundation
import ScorecardKit

/// The data behind the dashboard: the council, its evaluations (one per reporting period, computed once
/// and kept), and each screen's list of rows (kept per screen, period and filter).
///
/// Judging happens here, once per data change and period, never per keystroke or frame.
public final class DashboardModel {
    public private(set) var council: Council
    /// The day due dates are checked against.
    public let today: CivilDate
    /// The reporting periods `[` and `]` can reach.
    public private(set) var periods: ClosedRange<Period>
    private var evaluations: [Period: Evaluation] = [:]
    private var rowCache: [RowKey: [RowID]] = [:]
    /// Where the data lives, when it can change and be recorded into; `nil` for files opened read-only.
    let store: (any CouncilStore)?
    private let watcher: (any ChangeWatcher)?
    /// Who records values from this dashboard.
    public let user: String
    private var revisionCache: [RevisionKey: [Revision]] = [:]
    private var historyCache: [Int: [PeriodJudgement]] = [:]
    private var targetCache: [TargetKey: [Double?]] = [:]

    private struct TargetKey: Hashable {
        var measure: Int
        var periods: [Period]
    }

    private struct RevisionKey: Hashable {
        var measure: String
        var period: Period
    }

    private struct RowKey: Hashable {
        var route: Route
        var asAt: Period
        var filter: String
        var scope: String
    }

    /// A model over data that does not change (files opened read-only).
    public init(council: Council, today: CivilDate) {
        self.council = council
        self.today = today
        self.periods = Self.periodRange(council: council, today: today)
        self.store = nil
        self.watcher = nil
        self.user = ""
    }

    /// A model over a store: it notices changes made by other processes, and values can be recorded as `user`.
    public init(store: any CouncilStore, today: CivilDate, user: String) throws {
        let watcher = try store.makeChangeWatcher()
        _ = try watcher.hasChanged()
        let council = try store.loadCouncil()
        self.council = council
        self.today = today
        self.periods = Self.periodRange(council: council, today: today)
        self.store = store
        self.watcher = watcher
        self.user = user
    }

    /// Whether values can be recorded from the dashboard.
    public var canRecord: Bool { store.map { !$0.isReadOnly } ?? false }

    /// Whether the data comes with its history of revisions (it does from a store, not from files).
    public var hasHistory: Bool { store != nil }

    /// When another process (or this one) last changed the data, if known.
    public var lastChanged: Date? { watcher?.lastChangedAt }

    /// Replaces the data; everything is re-judged lazily.
    public func replace(_ council: Council) {
        self.council = council
        periods = Self.periodRange(council: council, today: today)
        evaluations.removeAll()
        rowCache.removeAll()
        revisionCache.removeAll()
        historyCache.removeAll()
        targetCache.removeAll()
    }

    /// Reloads the data if the store changed since the last look (a few microseconds when it did not).
    /// Returns the council as it was before, when it changed.
    public func reloadIfChanged() throws -> Council? {
        guard let store, let watcher, try watcher.hasChanged() else { return nil }
        let previous = council
        replace(try store.loadCouncil())
        return previous
    }

    /// Records a value (checked first: nothing is written when it is wrong) and reloads the data.
    public func record(_ entry: ValueEntry) throws -> RecordOutcome {
        guard let store else { throw DashboardError.readOnly }
        let outcome = try store.record(entry, today: today)
        _ = try reloadIfChanged()
        return outcome
    }

    /// A value's revisions, oldest first (empty for read-only files).
    public func revisions(of measure: Int, in period: Period) throws -> [Revision] {
        guard let store else { return [] }
        let key = RevisionKey(measure: council.measures[measure].code, period: period)
        if let cached = revisionCache[key] { return cached }
        let revisions = try store.revisions(measure: key.measure, period: period)
        revisionCache[key] = revisions
        return revisions
    }

    /// Every period of measure `m` with a value, newest first, each judged: computed once per data change, not
    /// per frame.
    public func periodHistory(of m: Int) -> [PeriodJudgement] {
        if let cached = historyCache[m] { return cached }
        let history = council.history(ofMeasure: m)
        if historyCache.count > 256 { historyCache.removeAll() }
        historyCache[m] = history
        return history
    }

    /// The target in force for measure `m` in each of `periods` (a chart's), computed once per data change.
    public func targets(of m: Int, in periods: [Period]) -> [Double?] {
        let key = TargetKey(measure: m, periods: periods)
        if let cached = targetCache[key] { return cached }
        let targets = periods.map { council.target(ofMeasure: m, in: $0) }
        if targetCache.count > 256 { targetCache.removeAll() }
        targetCache[key] = targets
        return targets
    }

    /// The council judged as at `period`, computed on first use.
    public func evaluation(at period: Period) -> Evaluation {
        if let cached = evaluations[period] { return cached }
        let evaluation = council.evaluate(asAt: period, today: today)
        evaluations[period] = evaluation
        return evaluation
    }

    /// The quarters from the first with data to the latest that has ended by `today`, always including the
    /// council's default reporting period.
    static func periodRange(council: Council, today: CivilDate) -> ClosedRange<Period> {
        let reporting = council.defaultReportingPeriod(today: today)
        let kind = reporting.kind
        let first = council.observations.compactMap { $0.first?.period }.min()
            .map { Period.containing($0.endDate, kind: kind) } ?? reporting
        let last = max(reporting, Period.latestEnded(kind: kind, by: today))
        return min(first, reporting)...last
    }

    // MARK: Rows

    /// The rows of `entry`'s screen as at `asAt`, filtered by the entry's filter.
    public func rows(for entry: NavigationEntry, asAt: Period, scope: String) -> [RowID] {
        let key = RowKey(route: entry.route, asAt: asAt, filter: entry.filter, scope: scope)
        if let cached = rowCache[key] { return cached }
        var rows = allRows(for: entry.route, asAt: asAt, scope: scope)
        let needle = entry.filter.lowercased()
        if !needle.isEmpty {
            rows = rows.filter { searchText(for: $0, asAt: asAt).lowercased().contains(needle) }
        }
        if rowCache.count > 256 { rowCache.removeAll() }
        rowCache[key] = rows
        return rows
    }

    private func allRows(for route: Route, asAt: Period, scope: String) -> [RowID] {
        let plan = council.plan
        switch route {
        case .plan:
            return plan.priorities.indices.map { .priority($0) }
        case .priority(let p):
            let priority = plan.priorities[p]
            return priority.plans.indices.map { .deliveryPlan(priority: p, plan: $0) } + priority.measures.map { .measure($0) }
        case .deliveryPlan(let p, let d):
            return plan.priorities[p].plans[d].measures.map { .measure($0) }
        case .measure(let m):
            return council.observations[m].reversed().map { .period($0.period) }
        case .alerts:
            return evaluation(at: asAt).alerts.map { .alert(measure: $0.measure, rule: $0.rule) }
        case .myMeasures:
            let evaluation = evaluation(at: asAt)
            let needle = scope.lowercased()
            return council.measures.indices
                .filter { m in
                    let measure = council.measures[m]
                    guard measure.lifecycle != .retired else { return false }
                    let planOwner = council.locations[m].plan.map { council.plan.priorities[council.locations[m].priority].plans[$0].owner } ?? ""
                    return needle.isEmpty
                        || [measure.owner, measure.service, measure.team, planOwner].contains { $0.lowercased().contains(needle) }
                }
                .sorted { a, b in
                    let (sa, sb) = (evaluation.measures[a].status, evaluation.measures[b].status)
                    return sa != sb ? sa < sb : a < b
                }
                .map { .measure($0) }
        }
    }

    /// The text a filter is matched against for a row.
    func searchText(for row: RowID, asAt: Period) -> String {
        let plan = council.plan
        switch row {
        case .priority(let p):
            let priority = plan.priorities[p]
            return "\(priority.code) \(priority.title) \(priority.lead)"
        case .deliveryPlan(let p, let d):
            let deliveryPlan = plan.priorities[p].plans[d]
            return "\(deliveryPlan.code) \(deliveryPlan.title) \(deliveryPlan.owner)"
        case .measure(let m):
            let measure = council.measures[m]
            let status = evaluation(at: asAt).measures[m].status.label
            return "\(measure.code) \(measure.title) \(measure.owner) \(measure.service) \(measure.team) \(status)"
        case .alert(let m, let rule):
            let measure = council.measures[m]
            return "\(measure.code) \(measure.title) \(rule.label) \(measure.owner)"
        case .period(let period):
            return period.label
        }
    }

    /// The index of the measure whose code is `code` (in any case), or of the only one whose code starts with it.
    public func measure(matching code: String) -> Int? {
        let wanted = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard !wanted.isEmpty else { return nil }
        let codes = council.measures.map { $0.code.uppercased() }
        if let exact = codes.firstIndex(of: wanted) { return exact }
        let prefixed = codes.indices.filter { codes[$0].hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
