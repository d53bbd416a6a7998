import Foundation
import ScorecardKit

/// One snapshot of the data behind the dashboard, as the screens and ``AppState``'s update read it: a
/// ``DashboardData`` that does not change, with each screen's list of rows worked out on first use and kept.
///
/// Judging never happens here: the evaluations and judged histories come ready from ``DataService``, which
/// makes a new model each time the data changes (the app loop swaps it in).
public final class DashboardModel: Hashable, @unchecked Sendable {
    /// The data, which never changes once the model is made.
    public let data: DashboardData
    /// The reporting periods `[` and `]` can reach.
    public let periods: ClosedRange<Period>
    /// Rows and chart targets worked out for this snapshot, kept while it is current. Only the thread that
    /// owns the model (the UI's) reads it; that is why the class is `@unchecked Sendable`: it crosses threads
    /// once, from the data service to the UI, and is never touched by the service again.
    var rowCache: [RowKey: [RowID]] = [:]
    private var targetCache: [TargetKey: [Double?]] = [:]
    var searchTextCache: [RowKey: SearchTexts] = [:]
    var summaryCache: [RowKey: MeasureListSummary] = [:]
    var alertCountCache: [Period: [(rule: Alert.Rule, count: Int)]] = [:]
    var factCache: [Period: [MeasureFacts]] = [:]
    /// The periods judged by ``evaluation(at:)`` itself, which the data service had not.
    private var judgedHere: [Period: Evaluation] = [:]

    private struct TargetKey: Hashable {
        var measure: Int
        var periods: [Period]
    }

    struct RowKey: Hashable {
        var route: Route
        var asAt: Period
        var filter: String
        var scope: MeasureScope
    }

    public init(_ data: DashboardData) {
        self.data = data
        self.periods = Self.periodRange(council: data.council, today: data.today)
        self.codeWidth = min(12, max(8, data.council.measures.reduce(0) { max($0, $1.code.utf8.count) }))
        var draftIndex: [DraftKey: Int] = [:]
        for (index, draft) in data.drafts.enumerated() {
            draftIndex[DraftKey(code: draft.measureCode, period: draft.observation.period)] = index
        }
        self.draftIndex = draftIndex
        var proposalIndex: [DraftKey: Int] = [:]
        for (index, proposal) in data.targetProposals.enumerated() {
            proposalIndex[DraftKey(code: proposal.measureCode, period: proposal.period)] = index
        }
        self.proposalIndex = proposalIndex
    }

    /// The width of the tables' Code column: the longest measure code, from 8 to 12 columns (`RB-KPI-001` and
    /// `RB-KPI-002` both showed as `RB-KPI-…` in 8).
    public let codeWidth: Int

    /// Where each draft is in ``drafts``, by measure code and period: the sign-off list looks one up per row drawn.
    private let draftIndex: [DraftKey: Int]
    /// Where each proposal is in ``targetProposals``, by measure code and period.
    private let proposalIndex: [DraftKey: Int]

    private struct DraftKey: Hashable {
        var code: String
        var period: Period
    }

    /// A model over data that does not change, judged as at every reporting period `[` `]` reach and with
    /// every measure's history judged: everything at once, for tests.
    public convenience init(council: Council, today: CivilDate) {
        var data = DashboardData(council: council, today: today)
        let range = Self.periodRange(council: council, today: today)
        for ordinal in range.lowerBound.ordinal...range.upperBound.ordinal {
            let period = Period(kind: range.lowerBound.kind, ordinal: ordinal)
            data.evaluations[period] = council.evaluate(asAt: period, today: today)
        }
        for m in council.measures.indices { data.histories[m] = council.history(ofMeasure: m) }
        self.init(data)
    }

    public static func == (a: DashboardModel, b: DashboardModel) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var council: Council { data.council }
    /// The day due dates are checked against.
    public var today: CivilDate { data.today }
    /// Whether values can be recorded from the dashboard.
    public var canRecord: Bool { data.canRecord }
    /// Whether a value of measure `m` may be recorded here (an owner's own measures only).
    public func canRecord(measure m: Int) -> Bool {
        data.canRecord && (data.recordable.map { $0.contains(council.measures[m].code) } ?? true)
    }
    /// The codes of the measures this login may record, when the store limits them (an owner's); `nil` for all.
    public var recordable: Set<String>? { data.recordable }
    /// Why values cannot be recorded here.
    public var readOnlyReason: String { data.readOnlyReason }
    /// Whether only published values are shown (a member, or `--published`).
    public var seesPublishedOnly: Bool { data.seesPublishedOnly }
    /// Whether small numbers are withheld (a meeting's screens; see ``DashboardData/withholdsSmallNumbers``).
    public var withholdsSmallNumbers: Bool { data.withholdsSmallNumbers }
    /// Whether drafts can be signed off here.
    public var canSignOff: Bool { data.canSignOff }
    /// The drafts awaiting sign-off that this user may see.
    public var drafts: [Draft] { data.drafts }

    /// The draft of measure `m` for `period`, if it awaits sign-off.
    public func draft(measure m: Int, period: Period) -> Draft? {
        let code = council.measures[m].code
        return draftIndex[DraftKey(code: code, period: period)].map { data.drafts[$0] }
    }
    /// The target proposals awaiting approval that this user may see.
    public var targetProposals: [TargetProposal] { data.targetProposals }

    /// The proposed target of measure `m` for `period`, if it awaits approval.
    public func targetProposal(measure m: Int, period: Period) -> TargetProposal? {
        let code = council.measures[m].code
        return proposalIndex[DraftKey(code: code, period: period)].map { data.targetProposals[$0] }
    }
    /// Whether the data comes with its history of revisions (it does from a store, not from files).
    public var hasHistory: Bool { data.hasHistory }
    /// When another process (or this one) last changed the data, if known.
    public var lastChanged: Date? { data.lastChanged }
    /// Who records values from this dashboard.
    public var user: String { data.user }

    /// Whether the council has been judged as at `period`.
    public func isJudged(at period: Period) -> Bool { data.evaluations[period] != nil }

    /// The council judged as at `period`. The app only ever shows a period once it is judged (and the data
    /// service keeps the period on screen judged); should one not be (the service let it go while a run of `[`
    /// `]` raced its judging), it is judged here once for this model, never stood in for by another period's
    /// figures, and the app asks the service for it again. (Judged again for every row drawn, each key took
    /// seconds at 20,000 measures.)
    public func evaluation(at period: Period) -> Evaluation {
        if let judged = data.evaluations[period] ?? judgedHere[period] { return judged }
        let judged = council.evaluate(asAt: period, today: today)
        judgedHere[period] = judged
        return judged
    }

    /// A value's revisions, oldest first: `nil` until loaded (and empty for files, which keep none).
    public func revisions(of measure: Int, in period: Period) -> [Revision]? {
        guard hasHistory else { return [] }
        return data.revisions[DashboardData.RevisionKey(measure: measure, period: period)]
    }

    /// The revisions of the targets judging a period (its own, and a month's or quarter's financial year's),
    /// oldest first: `nil` until loaded with the value's (``revisions(of:in:)``), and empty for files.
    public func targetRevisions(of measure: Int, in period: Period) -> [TargetRevision]? {
        guard hasHistory else { return [] }
        return data.targetRevisions[DashboardData.RevisionKey(measure: measure, period: period)]
    }

    /// Every period of measure `m` with a value, newest first, each judged; `nil` until its whole history is
    /// loaded.
    public func periodHistory(of m: Int) -> [PeriodJudgement]? {
        data.histories[m]
    }

    /// The target in force for measure `m` in each of `periods` (a chart's): a look-up in its schedule, kept.
    public func targets(of m: Int, in periods: [Period]) -> [Double?] {
        let key = TargetKey(measure: m, periods: periods)
        if let cached = targetCache[key] { return cached }
        let targets = periods.map { council.target(ofMeasure: m, in: $0) }
        if targetCache.count > 256 { targetCache.removeAll() }
        targetCache[key] = targets
        return targets
    }

    /// The quarters from the first with data to the latest that has ended by `today`, always including the
    /// council's default reporting period.
    static func periodRange(council: Council, today: CivilDate) -> ClosedRange<Period> {
        let reporting = council.defaultReportingPeriod(today: today)
        let kind = reporting.kind
        let first = council.firstObservedPeriod.map { Period.containing($0.endDate, kind: kind) } ?? reporting
        let last = max(reporting, Period.latestEnded(kind: kind, by: today))
        return min(first, reporting)...last
    }

    // MARK: Rows

    /// The rows of `entry`'s screen as at `asAt`, filtered by the entry's filter.
    public func rows(for entry: NavigationEntry, asAt: Period, scope: MeasureScope) -> [RowID] {
        let key = RowKey(route: entry.route, asAt: asAt, filter: entry.filter, scope: scope)
        if let cached = rowCache[key] { return cached }
        let needle = entry.filter.lowercased()
        var rows: [RowID]
        if needle.isEmpty {
            rows = allRows(for: entry.route, asAt: asAt, scope: scope)
        } else {
            rows = self.rows(for: NavigationEntry(entry.route), asAt: asAt, scope: scope)
            let wanted = SearchText(needle)
            if rows.allSatisfy(\.isMeasure) {
                // A list of measures: each measure's text is made once for the framework, its status label apart.
                // A letter typed onto a filter searches only the rows its shorter filter kept (ASCII only: a text
                // matching "abc" matches "ab", which lower-casing some scripts' letters by position would break).
                let shorter = RowKey(route: entry.route, asAt: asAt, filter: String(entry.filter.dropLast()), scope: scope)
                if entry.filter.utf8.count > 1, entry.filter.utf8.allSatisfy({ $0 < 0x80 }), let kept = rowCache[shorter] {
                    rows = kept
                }
                let texts = data.measureTexts.texts(of: council)
                let facts = measureFacts(asAt: asAt)
                let statusMatches = Status.allCases.map { SearchText($0.label).contains(wanted) }
                // A long list is searched in one pass over every text; a short one text by text.
                let matched = rows.count >= texts.count / 8 ? texts.matching(wanted) : nil
                rows = rows.filter { row in
                    guard case .measure(let m) = row else { return false }
                    return (matched?[m] ?? texts.contains(wanted, at: m)) || statusMatches[facts[m].status.rawValue]
                }
            } else {
                // Each row's text is made once per list; every letter typed then only searches it.
                let matched = searchTexts(of: entry.route, asAt: asAt, scope: scope).matching(wanted)
                rows = zip(rows, matched).filter(\.1).map(\.0)
            }
        }
        if rowCache.count > 256 { rowCache.removeAll() }
        rowCache[key] = rows
        return rows
    }

    /// Whether measure `m` is within `level`: its priority or delivery plan, or for ``AlertsLevel/mine`` one of the
    /// measures My measures lists.
    func isMeasure(_ m: Int, in level: AlertsLevel, scope: MeasureScope) -> Bool {
        level == .mine ? isMine(m, scope: scope) : level.contains(council.locations[m])
    }

    /// Whether My measures lists measure `m` (not retired): the owner, service, team or delivery plan owner asked for;
    /// a meeting's presenter's own; with neither, those an owner's login may record (any other login's: all).
    private func isMine(_ m: Int, scope: MeasureScope) -> Bool {
        let measure = council.measures[m]
        guard measure.lifecycle != .retired else { return false }
        // A meeting's presenter's own measures, as its login may record them.
        if let codes = scope.codes { return codes.contains(measure.code) }
        let needle = scope.name.lowercased()
        // Without --owner or --service, an owner's login sees the measures the database lets it record.
        guard !needle.isEmpty else { return data.recordable?.contains(measure.code) ?? true }
        let planOwner = council.locations[m].plan.map { council.plan.priorities[council.locations[m].priority].plans[$0].owner } ?? ""
        return [measure.owner, measure.service, measure.team, planOwner].contains { $0.lowercased().contains(needle) }
    }

    private func allRows(for route: Route, asAt: Period, scope: MeasureScope) -> [RowID] {
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
            // An earlier reporting period (`[`) lists the periods up to its end, as its headline and chart stop
            // there; the latest lists every period recorded, months since its quarter ended included.
            guard let history = periodHistory(of: m) else { return [] }
            let shown = asAt < periods.upperBound ? history.filter { $0.period.endDate <= asAt.endDate } : history
            // The periods overdue (the judged one and those missing before it) have rows of their own, as the
            // headline names them, though nothing is recorded for them.
            let recorded = Set(history.map(\.period))
            let overdue = evaluation(at: asAt).measures[m].alerts.first { $0.rule == .overdue }.map { alert in
                (0..<alert.run).map { alert.period.advanced(by: -$0) }.filter { !recorded.contains($0) }
            } ?? []
            guard !overdue.isEmpty else { return shown.map { .period($0.period) } }
            return (shown.map(\.period) + overdue).sorted(by: >).map { .period($0) }
        case .exceptions(let level):
            let judged = evaluation(at: asAt).measures
            return council.agendaOrder.filter { isMeasure($0, in: level, scope: scope) && !judged[$0].alerts.isEmpty }
                .map { .measure($0) }
        case .search(let text):
            return measures(matchingText: text).map { .measure($0) }
        case .alerts(.all):
            return evaluation(at: asAt).alerts.map { .alert(measure: $0.measure, rule: $0.rule) }
        case .alerts(let level):
            // A level's exceptions in the order its committee takes them: the measures as the plan lists them.
            let judged = evaluation(at: asAt).measures
            return council.agendaOrder.filter { isMeasure($0, in: level, scope: scope) }
                .flatMap { m in judged[m].alerts.map { RowID.alert(measure: m, rule: $0.rule) } }
        case .myMeasures:
            // Statuses taken out once: sorting tens of thousands of measures compares them a million times.
            let statuses = evaluation(at: asAt).measures.map(\.status)
            return council.measures.indices
                .filter { isMine($0, scope: scope) }
                .sorted { a, b in statuses[a] != statuses[b] ? statuses[a] < statuses[b] : a < b }
                .map { .measure($0) }
        case .signOff:
            return data.drafts.compactMap { draft in
                council.measureIndex(code: draft.measureCode).map { .draft(measure: $0, period: draft.observation.period) }
            } + data.targetProposals.compactMap { proposal in
                council.measureIndex(code: proposal.measureCode).map { .targetProposal(measure: $0, period: proposal.period) }
            }
        }
    }

    /// The text a filter is matched against for each row of `route`'s unfiltered list, made once per list.
    func searchTexts(of route: Route, asAt: Period, scope: MeasureScope) -> SearchTexts {
        let key = RowKey(route: route, asAt: asAt, filter: "", scope: scope)
        if let cached = searchTextCache[key] { return cached }
        let evaluation = evaluation(at: asAt)
        let rows = rows(for: NavigationEntry(route), asAt: asAt, scope: scope)
        // In one buffer: a council's list of alerts has tens of thousands of rows, an array each took twice the room.
        let texts = SearchTexts(count: rows.count) { searchParts(for: rows[$0], in: evaluation) }
        if searchTextCache.count > 16 { searchTextCache.removeAll() }
        searchTextCache[key] = texts
        return texts
    }

    /// The texts a filter is matched against for a row, joined by spaces.
    private func searchParts(for row: RowID, in evaluation: Evaluation) -> [String] {
        let plan = council.plan
        switch row {
        case .priority(let p):
            let priority = plan.priorities[p]
            return [priority.code, priority.title, priority.lead]
        case .deliveryPlan(let p, let d):
            let deliveryPlan = plan.priorities[p].plans[d]
            return [deliveryPlan.code, deliveryPlan.title, deliveryPlan.owner]
        case .measure(let m):
            let measure = council.measures[m]
            let status = evaluation.measures[m].status.label
            return [measure.code, measure.title, measure.owner, measure.service, measure.team, status]
        case .alert(let m, let rule):
            let measure = council.measures[m]
            return [measure.code, measure.title, rule.label, measure.owner]
        case .period(let period):
            return [period.label]
        case .draft(let m, let period):
            let measure = council.measures[m]
            let draft = self.draft(measure: m, period: period)
            return [measure.code, measure.title, period.label, draft?.changedBy ?? "", measure.owner]
        case .targetProposal(let m, let period):
            let measure = council.measures[m]
            let proposal = targetProposal(measure: m, period: period)
            return [measure.code, measure.title, period.label, "target", proposal?.proposedBy ?? "", measure.owner]
        }
    }

    /// The index of the measure whose code is `code` (in any case), or of the only one whose code starts with it.
    /// The measures whose code starts with `text` or whose title holds each of its words (letter case aside),
    /// in the plan's order.
    public func measures(matchingText text: String) -> [Int] {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return [] }
        // Each word at the start of a word of the title, as the list filter matches: "rough" finds "Rough
        // sleepers", not "brought" or "Borough-wide".
        let words = wanted.split(separator: " ").map { SearchText(String($0)) }
        return council.agendaOrder.filter { m in
            let measure = council.measures[m]
            if measure.code.lowercased().hasPrefix(wanted) { return true }
            let title = SearchText(measure.title)
            return words.allSatisfy { title.contains($0) }
        }
    }

    public func measure(matching code: String) -> Int? {
        let wanted = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard !wanted.isEmpty else { return nil }
        let codes = council.measures.map { $0.code.uppercased() }
        if let exact = codes.firstIndex(of: wanted) { return exact }
        let prefixed = codes.indices.filter { codes[$0].hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
