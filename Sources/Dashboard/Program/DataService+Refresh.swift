import ScorecardKit

extension DataService {
    /// Looks for changes made by any process since the last look (a few microseconds when there are none)
    /// and takes them in: the new data as an action, or nothing when nothing changed.
    public func refresh() -> [AppAction] {
        // The texts a filter searches, made here once after the first frame rather than before it (every model
        // shares them: no new model is needed for them).
        _ = data.measureTexts.texts(of: data.council)
        return refreshData() + loadCommentaryOnShow() + pollMeeting()
    }

    /// How many rows of a list of alerts, centred on the selected one, have their commentary read (in one look:
    /// each look that reads some makes a new model, and at 50,000 measures a model's lists take about 9 MB, so
    /// a window read 60 at a time held several at once): whatever a tall screen shows around the selection, and
    /// more.
    static let commentaryWindow = 200

    /// Reads the commentary of the measures whose alerts the screen shows (the Council Plan's worst, or the rows of
    /// an alerts list on screen and the page below) and has not read yet: the dashboard opens
    /// with values only, and an exception is read with its commentary. The same part of each history is read
    /// again, now in detail (not the whole history, and not for the rows never scrolled to: an alerts list of a
    /// large council names thousands of measures). Answers with the new data, or nothing.
    func loadCommentaryOnShow() -> [AppAction] {
        guard let store, let focus, let entry = focus.entries.last, let period = focus.periods.last,
            let evaluation = data.evaluations[period]
        else { return [] }
        if let done = commentaryComplete, done.focus == focus, done.model == published { return [] }
        let council = data.council
        let alerted: [Int]
        switch entry.route {
        case .plan: alerted = evaluation.alerts.prefix(20).map(\.measure)
        case .alerts, .exceptions:
            // The list as the screen has it (a model of this thread's own: the UI's is not touched here).
            let rows = DashboardModel(data).rows(for: entry, asAt: period, scope: focus.scope)
            // Around the selection (the scroll is known only once drawn): whatever screen shows it is in here.
            let first = max(0, min(entry.selection, rows.count) - Self.commentaryWindow / 2)
            alerted = rows[first..<min(rows.count, first + Self.commentaryWindow)].compactMap { row in
                switch row {
                case .alert(let m, _), .measure(let m): m
                default: nil
                }
            }
        default: return []
        }
        var seen = Set<Int>()
        let wanted = alerted.filter { !council.hasCommentary(ofMeasure: $0) && seen.insert($0).inserted }
        guard !wanted.isEmpty else {
            commentaryComplete = (focus, published)
            return []
        }
        do {
            // As many observations as are held (or the whole history where it is held), with commentary.
            var byCount: [Int?: [Int]] = [:]
            for m in wanted {
                let count = council.hasWholeHistory(ofMeasure: m) || council.loaded?.loadedFrom[m] == nil
                    ? nil : max(Self.recentObservations, council.observations[m].count)
                byCount[count, default: []].append(m)
            }
            for (count, measures) in byCount {
                let loaded = try store.observations(ofMeasures: measures.map { council.measures[$0].code }, recent: count, detailed: true)
                for (m, observations) in zip(measures, loaded) { data.council.replaceObservations(ofMeasure: m, with: observations) }
                withholdSmallNumbers(ofMeasures: measures)
            }
            data.evaluations = data.evaluations.mapValues { $0.rejudging(wanted, in: data.council) }
            return [.dataChanged(publish())]
        } catch {
            return [.failed("\(StoreError.plain(error))")]
        }
    }

    private func refreshData() -> [AppAction] {
        do {
            guard let watcher else { return recovering() }
            let changed = try watcher.hasChanged()
            guard changed || changeUnread else { return recovering() }
            changeUnread = true
            data.lastChanged = watcher.lastChangedAt
            // A commit that changed none of the council's data (a presenter's view, say) needs no new model.
            let taken = try takeInChanges()
            changeUnread = false
            guard taken != nil else { return recovering() }
            failedRefreshes = 0
            return [.dataChanged(publish())]
        } catch {
            // The status line keeps saying so until the change is read: the figures on screen are out of date.
            failedRefreshes += 1
            return [.failed("\(StoreError.plain(error))")]
        }
    }

    /// After a refresh that brought nothing new: `.recovered` once, when the one before it failed (the status
    /// line's problem is over), else nothing.
    private func recovering() -> [AppAction] {
        guard refreshFailed else { return [] }
        failedRefreshes = 0
        return [.recovered]
    }

    /// Reads what changed since the last mark: the measures with new values are read again (as much of their
    /// history as was loaded) and judged again at every period judged so far; a changed framework reads the
    /// council again and judges those periods afresh. Returns the measures judged again (every one, when
    /// the framework changed); `nil` when nothing changed.
    @discardableResult
    func takeInChanges() throws -> [Int]? {
        guard let store, let mark else { return nil }
        let changes = try store.changes(since: mark)
        self.mark = changes.mark
        if let watcher {
            // Polled here too: after this dashboard's own save the watcher had not looked yet, and the status
            // line's "updated" stayed at the save before (the refresh after it found nothing new to show).
            _ = try watcher.hasChanged()
            data.lastChanged = watcher.lastChangedAt
        }
        guard !changes.isEmpty else { return nil }
        // The list awaiting sign-off is short (a partial index finds it): read again on every change.
        if !data.seesPublishedOnly { try Self.readAwaitingSignOff(into: &data, from: store) }
        if changes.frameworkChanged {
            return try reloadEverything(from: store)
        }
        let changed = changes.measures.compactMap { data.council.measureIndex(code: $0) }.sorted()
        // Each read again as it was held: its whole history, or its recent part (with commentary if it had it).
        let whole = changed.filter { data.council.hasWholeHistory(ofMeasure: $0) }
        let recent = changed.filter { !data.council.hasWholeHistory(ofMeasure: $0) }
        let commented = recent.filter { data.council.hasCommentary(ofMeasure: $0) }
        let plain = recent.filter { !data.council.hasCommentary(ofMeasure: $0) }
        let reads: [([Int], Int?, Bool)] = [(whole, nil, true), (commented, Self.recentObservations, true), (plain, Self.recentObservations, false)]
        for (measures, count, detailed) in reads where !measures.isEmpty {
            let loaded = try store.observations(
                ofMeasures: measures.map { data.council.measures[$0].code }, recent: count, detailed: detailed)
            for (m, observations) in zip(measures, loaded) {
                data.council.replaceObservations(ofMeasure: m, with: observations)
            }
            withholdSmallNumbers(ofMeasures: measures)
        }
        for (period, evaluation) in data.evaluations {
            var rejudged = evaluation.rejudging(changed, in: data.council)
            try completeHistory(of: &rejudged)
            data.evaluations[period] = rejudged
        }
        for m in changed {
            if data.histories[m] != nil {
                try loadHistory(of: m)
            }
        }
        data.revisions = data.revisions.filter { !changed.contains($0.key.measure) }
        data.targetRevisions = data.targetRevisions.filter { !changed.contains($0.key.measure) }
        return changed
    }

    /// After the framework changed: the council read again, and every period judged so far judged again.
    private func reloadEverything(from store: any CouncilStore) throws -> [Int] {
        let periods = Array(data.evaluations.keys)
        // The measures whose screens were open, by code: read again below, so that a screen on one keeps its
        // selected period (its rows were gone while the state was mapped, and the selection went to the first).
        let opened = data.histories.keys.compactMap { data.council.measures.indices.contains($0) ? data.council.measures[$0].code : nil }
        data.council = try store.loadRecentCouncil(periods: Self.recentObservations)
        try Self.withholdSmallNumbers(in: &data, store: store)
        // A new framework may give an owner other measures (by owner or service).
        data.recordable = try store.recordableMeasureCodes()
        rowsAsked = [:]
        data.measureTexts = MeasureTexts()
        data.evaluations = [:]
        data.histories = [:]
        data.revisions = [:]
        data.targetRevisions = [:]
        for period in periods { try judge(period) }
        try loadHistories(of: opened.compactMap { data.council.measureIndex(code: $0) })
        return Array(data.council.measures.indices)
    }

    /// ``loadHistory(of:)`` for several measures at once: their whole histories in one read.
    private func loadHistories(of measures: [Int]) throws {
        guard let store, !measures.isEmpty else { return }
        let partial = measures.filter { !data.council.hasWholeHistory(ofMeasure: $0) }
        if !partial.isEmpty {
            let loaded = try store.observations(ofMeasures: partial.map { data.council.measures[$0].code }, recent: nil)
            for (m, observations) in zip(partial, loaded) { data.council.replaceObservations(ofMeasure: m, with: observations) }
            withholdSmallNumbers(ofMeasures: partial)
        }
        data.evaluations = data.evaluations.mapValues { $0.rejudging(partial, in: data.council, keepingOutlooksOf: measures) }
        for m in measures { data.histories[m] = data.council.history(ofMeasure: m) }
    }

    /// The drafts and proposed targets awaiting sign-off (short lists: partial indexes find them).
    static func readAwaitingSignOff(into data: inout DashboardData, from store: any CouncilStore) throws {
        data.drafts = try store.drafts(endedBy: data.today)
        data.targetProposals = try store.targetProposals()
    }
}
