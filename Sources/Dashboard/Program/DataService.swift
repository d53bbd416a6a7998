import Foundation
import ScorecardKit

/// Performs the dashboard's effects on its data, and notices changes made elsewhere: the one place that
/// reads and writes the store and judges. Each change makes a new ``DashboardModel`` for the UI.
///
/// It opens with only the latest ``recentObservations`` observations of each measure, enough to judge
/// almost every measure and draw its trend; a measure's whole history is loaded when its screen opens, and
/// more of it whenever judging at an earlier period needs it. A change made elsewhere re-reads and re-judges
/// only the measures it touched.
///
/// Not thread-safe: one thread uses it at a time (``DataWorker``'s queue, once the dashboard runs).
public final class DataService {
    /// How many of each measure's latest observations are read to open the dashboard.
    public static let recentObservations = 28
    /// The widest trend a list draws, in periods: each measure keeps at least that much before the period it
    /// is judged at.
    static let trendPeriods = 24
    /// How many periods beyond those needed are read when more of a measure's history is needed: a year's, so
    /// that stepping further back (`[`) needs another read only once a year. Each read makes every measure
    /// read a new array (the old one is held until the screen takes the new model), so fewer, larger steps
    /// keep the peak down.
    static func extraObservations(_ kind: Period.Kind) -> Int { kind.perYear }
    /// How many reporting periods stay judged by default (the latest asked for are kept).
    public static let judgedPeriodsKept = 4
    /// How many reporting periods stay judged here.
    let keptPeriods: Int

    /// The data now, as the UI was last given it.
    public internal(set) var data: DashboardData
    /// The model over ``data`` last handed out.
    public private(set) var current: DashboardModel
    let store: (any CouncilStore)?
    let watcher: (any ChangeWatcher)?
    var mark: ChangeMark?
    /// Whether the last refresh failed (its problem is on the status line until one succeeds).
    var refreshFailed: Bool { failedRefreshes > 0 }
    /// How many refreshes in a row have failed (a lost connection being tried again): the worker waits longer
    /// between them (``DataWorker/pollDelay(afterFailures:)``).
    public internal(set) var failedRefreshes = 0
    /// Whether a change was noticed that could not be read (a lost connection, a role taken away): read again at
    /// every poll until it is, rather than forgotten once the watcher has told of it.
    var changeUnread = false
    /// The meeting this dashboard presents or follows, and where it stands (see `DataService+Meeting`).
    var meeting: MeetingLink?
    /// What the screen shows, as the UI last said: each new model is prepared for it.
    public private(set) var focus: ViewFocus?
    /// The screen and model whose list of alerts had every commentary it shows read at the last look: nothing
    /// to look for again until either changes.
    var commentaryComplete: (focus: ViewFocus, model: Int)?
    /// How many models have been handed out: a new number for each.
    private(set) var published = 0
    /// The lists of the last model handed out, and what they were worked out from.
    private var lastLists: (lists: DashboardModel.Lists, basis: ListBasis)?

    /// Takes note of what the screen shows, for the models made from now on.
    public func show(_ focus: ViewFocus) {
        self.focus = focus
    }
    /// The periods judged, the most recently asked for last.
    private var judgedOrder: [Period] = []
    /// How many rows of each measure's history the last read of earlier history asked for (see
    /// ``shortHistories(in:)``); forgotten when the council is read again.
    var rowsAsked: [Int: Int] = [:]

    /// A service over a store: it opens with the recent part of each measure's history, and values can be
    /// recorded as `user` unless the store is read-only. `withholdingSmallNumbers` for a meeting's screens (see
    /// ``withholdSmallNumbers(in:store:)``).
    public init(
        store: any CouncilStore, today: CivilDate, user: String, withholdingSmallNumbers: Bool = false,
        keptPeriods: Int = DataService.judgedPeriodsKept
    ) throws {
        self.keptPeriods = max(1, keptPeriods)
        let watcher = try store.makeChangeWatcher()
        _ = try watcher.hasChanged()
        mark = try store.changeMark()
        var data = DashboardData(council: try store.loadRecentCouncil(periods: Self.recentObservations), today: today)
        let access = store.access
        data.canRecord = access.canRecord
        // An owner's measures, even where this dashboard records nothing (presenting, --published): `m` lists them.
        data.recordable = try store.recordableMeasureCodes()
        data.canSignOff = access.canSignOff
        data.seesPublishedOnly = access.seesPublishedOnly
        data.withholdsSmallNumbers = withholdingSmallNumbers
        try Self.withholdSmallNumbers(in: &data, store: store)
        data.readOnlyReason = Self.readOnlyReason(access, store: store)
        if !access.seesPublishedOnly { try Self.readAwaitingSignOff(into: &data, from: store) }
        data.hasHistory = true
        // A shared store records its login, whatever name the client gives.
        data.user = access.recordsAs ?? user
        data.lastChanged = watcher.lastChangedAt
        self.data = data
        self.current = DashboardModel(data)
        self.store = store
        self.watcher = watcher
    }

    /// Why `store` takes no values from this user, in a sentence.
    static func readOnlyReason(_ access: StoreAccess, store: any CouncilStore) -> String {
        if access.role == .member { return "Members see published figures only and cannot record values" }
        if access.seesPublishedOnly { return "Published figures only (--published): nothing can be recorded" }
        // A database file this login cannot write (its permissions): that, not "give --database", which it was.
        if store.isReadOnly, let file = store as? SQLiteStore {
            return "\(file.path.terminalSafe) is read-only here: nothing can be recorded or signed off"
        }
        return DashboardError.readOnly.description
    }

    /// A service over data that does not change (files opened read-only).
    public init(council: Council, today: CivilDate) {
        keptPeriods = Self.judgedPeriodsKept
        data = DashboardData(council: council, today: today)
        current = DashboardModel(data)
        store = nil
        watcher = nil
    }

    /// The council as loaded so far.
    public var council: Council { data.council }

    /// Judges the council as at `period` and returns the model for the first frame.
    public func start(asAt period: Period) throws -> DashboardModel {
        try judge(period)
        return publish()
    }

    /// Performs `effect` and returns the actions that answer it.
    public func perform(_ effect: AppEffect) -> [AppAction] {
        do {
            switch effect {
            case .judge(let period):
                // Also asked for a period judged already (the screen moved to it at once): kept judged from now on.
                try judge(period)
            case .loadHistory(let m):
                try loadHistory(of: m)
            case .loadRevisions(let m, let period):
                try loadRevisions(of: m, in: period)
            case .save(let entry):
                return save(entry)
            case .publish(let selections):
                return signOff(selections)
            case .shareView(let view):
                try shareView(view)
                return []
            case .writeReport(let scope, let period):
                do {
                    return [.reportWritten(path: try writeReport(scope, asAt: period))]
                } catch {
                    return [.reportFailed("\(StoreError.plain(error))")]
                }
            }
            return [.dataChanged(publish())]
        } catch {
            return [.failed("\(StoreError.plain(error))")]
        }
    }

    /// A new model over the data as it is now, starting from the last one's lists wherever they still hold.
    func publish() -> DashboardModel {
        current = DashboardModel(data)
        if let lastLists { current.adopt(lastLists.lists, periods: lastLists.basis.periodsHolding(for: data)) }
        published += 1
        if var focus {
            focus.periods += judgedOrder.suffix(1)
            current.prepare(for: focus)
        }
        // Read here, before the model is handed over: from then on only the UI's thread touches it.
        lastLists = (current.lists, ListBasis(data))
        return current
    }

    // MARK: Judging

    /// Judges the council as at `period` (once: a period already judged is kept), reading more of a
    /// measure's history wherever judging it, or drawing its trend, needs it.
    func judge(_ period: Period) throws {
        judgedOrder.removeAll { $0 == period }
        judgedOrder.append(period)
        // The oldest asked for goes, but never the period on screen (a run of `[` asks for several before the
        // screen moves).
        let shown = Set(focus?.periods ?? [])
        if judgedOrder.count > keptPeriods, let oldest = judgedOrder.firstIndex(where: { !shown.contains($0) }) {
            data.evaluations[judgedOrder.remove(at: oldest)] = nil
        }
        guard data.evaluations[period] == nil else { return }
        // The first judging, before the first frame, takes every core; later ones run on this (background) thread
        // alone, so that a key pressed meanwhile is drawn at once.
        // Charts and forecasts are kept only for the measures whose screens were opened (see `loadHistory(of:)`).
        var evaluation = data.council.evaluate(
            asAt: period, today: data.today, parallel: data.evaluations.isEmpty, outlooks: .of(Set(data.histories.keys)))
        try completeHistory(of: &evaluation)
        data.evaluations[period] = evaluation
    }

    /// Reads more history for the measures whose judgement looked before what is loaded, or whose trend
    /// starts before it, and judges them again; until none does.
    func completeHistory(of evaluation: inout Evaluation) throws {
        guard let store else { return }
        for round in 0..<4 {
            let wanted = shortHistories(in: evaluation)
            guard !wanted.isEmpty else { return }
            // After a few rounds, the whole history of whatever still needs more.
            let whole = round == 3
            var byCount: [Int?: [Int]] = [:]
            for (m, count) in wanted { byCount[whole ? nil : count, default: []].append(m) }
            for (count, measures) in byCount {
                let loaded = try store.observations(ofMeasures: measures.map { data.council.measures[$0].code }, recent: count)
                for (m, observations) in zip(measures, loaded) {
                    data.council.replaceObservations(ofMeasure: m, with: observations)
                    rowsAsked[m] = count
                }
                withholdSmallNumbers(ofMeasures: measures)
            }
            evaluation = evaluation.rejudging(wanted.keys.sorted(), in: data.council)
        }
    }

    /// The measures of `evaluation` that need more of their history, each with how many rows to read: as far
    /// back as its judgement and its trend looked, and a year more (a judgement that cannot say how far it
    /// looked gets twice what it has).
    ///
    /// The store counts rows, revisions included, so a measure whose values were corrected holds fewer periods
    /// than it read rows: a measure read before is never asked for less than that read and a year more, so
    /// that each round reaches further back.
    private func shortHistories(in evaluation: Evaluation) -> [Int: Int] {
        guard let loaded = data.council.loaded else { return [:] }
        var wanted: [Int: Int] = [:]
        func want(_ m: Int, _ count: Int) {
            let kind = data.council.measures[m].frequency.periodKind
            let further = (rowsAsked[m] ?? Self.recentObservations) + Self.extraObservations(kind)
            wanted[m] = max(wanted[m] ?? 0, count, further)
        }
        for (m, need) in evaluation.needsEarlierHistory {
            let held = data.council.observations[m]
            if case .from(let first) = need, let latest = held.last?.period, latest.kind == first.kind {
                // Counting periods, not values: a gap only makes it read a little further back.
                want(m, latest.ordinal - first.ordinal + 1 + Self.extraObservations(first.kind))
            } else {
                want(m, max(Self.recentObservations, held.count * 2))
            }
        }
        for (m, from) in loaded.loadedFrom.enumerated() {
            guard let from else { continue }
            let kind = data.council.measures[m].frequency.periodKind
            let end = evaluation.measures[m].period ?? Period.containing(evaluation.asAt.endDate, kind: kind)
            let trendStart = end.advanced(by: 1 - Self.trendPeriods)
            guard trendStart.kind == from.kind, trendStart < from else { continue }
            let latest = data.council.observations[m].last?.period ?? end
            want(m, max(0, latest.ordinal - trendStart.ordinal) + 1 + Self.extraObservations(kind))
        }
        return wanted
    }

    // MARK: A measure's history

    /// Reads measure `m`'s whole history, if it is not all loaded, and judges each of its periods; its
    /// judgements keep its chart and forecast from now on (its screen draws them; a list needs neither).
    func loadHistory(of m: Int) throws {
        guard data.council.measures.indices.contains(m) else { return }
        var changed: [Int] = []
        if let store, !data.council.hasWholeHistory(ofMeasure: m) {
            let loaded = try store.observations(ofMeasures: [data.council.measures[m].code], recent: nil)
            data.council.replaceObservations(
                ofMeasure: m, with: loaded.first ?? MeasureObservations(observations: [], loadedFrom: nil, isDetailed: true))
            withholdSmallNumbers(ofMeasures: [m])
            // The same figures, now with the judged period's commentary and quality.
            changed = [m]
        }
        data.evaluations = data.evaluations.mapValues { evaluation in
            changed.isEmpty && evaluation.outlooks.includes(m)
                ? evaluation : evaluation.rejudging(changed, in: data.council, keepingOutlooksOf: [m])
        }
        data.histories[m] = data.council.history(ofMeasure: m)
    }

    /// Reads the revisions of measure `m`'s value for `period`, and of the targets that judge it (the period's
    /// own, and a month's or quarter's financial year's).
    func loadRevisions(of m: Int, in period: Period) throws {
        guard let store, data.council.measures.indices.contains(m) else { return }
        let key = DashboardData.RevisionKey(measure: m, period: period)
        if data.revisions.count > 256 {
            data.revisions.removeAll()
            data.targetRevisions.removeAll()
        }
        let code = data.council.measures[m].code
        let judging = period.kind == .month || period.kind == .quarter ? [period, period.financialYear] : [period]
        data.targetRevisions[key] = try store.targetRevisions(measure: code).filter { judging.contains($0.period) }
        data.revisions[key] = try store.revisions(measure: code, period: period)
    }

    // MARK: Saving

    /// Records a value, then takes in the change (and any other made meanwhile). Only the record's own failure is
    /// "not saved": once it is written, a refresh that fails says so apart.
    private func save(_ entry: ValueEntry) -> [AppAction] {
        guard let store, data.canRecord else { return [.saveFailed(data.readOnlyReason)] }
        let outcome: RecordOutcome
        do {
            outcome = try store.record(entry, today: data.today)
        } catch let error as ValueEntryError {
            return [.saveRefused(error.problems)]
        } catch StoreError.outcomeUnknown(let problem) {
            return [.saveUncertain(problem)]
        } catch {
            return [.saveFailed("\(StoreError.plain(error))")]
        }
        let measure = data.council.measureIndex(code: entry.measure).map { data.council.measures[$0] }
        let summary = measure.map { outcome.summary(measure: $0) } ?? "Saved \(entry.measure)"
        return saved(summary)
    }

    /// Signs drafts off (each selection in turn), then takes in the change. Only the sign-off's own failure is
    /// "not signed off": once it is written, a refresh that fails says so apart.
    private func signOff(_ selections: [PublishSelection]) -> [AppAction] {
        guard let store, data.canSignOff else { return [.signOffFailed("only the performance team's officers sign values off and approve targets")] }
        var (values, targets) = (0, 0)
        do {
            for selection in selections {
                let outcome = try store.publish(selection, by: data.user)
                values += outcome.published.count
                targets += outcome.approvedTargets.count
            }
        } catch StoreError.outcomeUnknown(let problem) {
            // The screen shows, once the store answers again, whether it was.
            return [.saved(summary: "Perhaps signed off: \(problem); the list shows what is still waiting once the server answers", publish())]
        } catch {
            let problem = "\(StoreError.plain(error))"
            // Each period's selection is its own transaction: those signed off before the failure stay so.
            guard values + targets > 0 else { return [.signOffFailed(problem)] }
            let what = signOffCount(values: values, "value", targets: targets, "target")
            return saved("Signed off \(what) (members now see \(values + targets == 1 ? "it" : "them")), then stopped: \(problem)")
        }
        let count = values + targets
        let what = signOffCount(values: values, "value", targets: targets, "target")
        let summary = count == 0
            ? "Nothing was signed off: the drafts had changed"
            : "Signed off \(what): members now see \(count == 1 ? "it" : "them")"
        return saved(summary)
    }

    /// The answer to a write that succeeded: the change taken in, or, when the store cannot be read just after
    /// it, the write said done and the reading's failure with it.
    private func saved(_ summary: String) -> [AppAction] {
        do {
            _ = try takeInChanges()
        } catch {
            return [.saved(summary: summary, publish()), .failed("\(StoreError.plain(error))")]
        }
        return [.saved(summary: summary, publish())]
    }
}
