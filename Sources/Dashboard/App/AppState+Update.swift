import ScorecardKit
import ScorecardReports

extension AppState {
    /// Applies an action to the state, given the data on screen, and returns the effects it asks for: the
    /// same state, action and data always give the same new state and effects. Nothing is read from or
    /// written to the store here, and nothing is judged: effects do that, and answer with actions.
    ///
    /// An action bringing new data (``AppAction/newModel``) is applied with the model it replaces; the
    /// caller makes the new one current afterwards.
    @discardableResult
    public mutating func apply(_ action: AppAction, model: DashboardModel) -> [AppEffect] {
        guard case .presenting = meeting else { return applyOwn(action, model: model) }
        // A presenter shares every change of view (on the data the view is read with).
        let before = sharedView(model: model)
        var effects = applyOwn(action, model: model)
        let after = sharedView(model: action.newModel ?? model)
        if after != before { effects.append(.shareView(after)) }
        return effects
    }

    private mutating func applyOwn(_ action: AppAction, model: DashboardModel) -> [AppEffect] {
        if let meetingEffects = applyMeeting(action, model: model) { return meetingEffects }
        if let answer = applyAnswer(action, model: model) { return answer }
        message = nil
        let selectionMoved = signOffSelectionMoved
        signOffSelectionMoved = false
        let allAsked = signOffAllAsked
        signOffAllAsked = nil
        if selectionMoved, action == .publishSelected, current.route == .signOff, case .browsing = mode {
            message = "The row you had selected was signed off elsewhere, and the selection moved: p again signs off the one selected now"
            return []
        }
        if action == .quit {
            // Ctrl-C in a form with something typed asks first (a commentary of several paragraphs was lost).
            if case .editing(var form) = mode, form.holdsTyping, !form.isSaving, form.discardAsked != .interrupt {
                form.discardAsked = .interrupt
                mode = .editing(form)
                message = "Ctrl-C again quits, losing what you typed"
                return []
            }
            quitting = true
            return []
        }
        switch mode {
        case .help(let scroll):
            scrollHelp(from: scroll, action)
            return []
        case .history(let period, let scroll):
            scrollDetail(period, from: scroll, action)
            return []
        case .editing(let form):
            return applyForm(action, form: form, model: model)
        case .jumping(let code):
            return applyJump(action, code: code, model: model)
        case .filtering:
            if applyFilterTyping(action, model: model) { return [] }
        case .browsing:
            break
        }
        return browse(action, signOffAllAsked: allAsked, model: model)
    }

    /// Moving about the lists: arrows, Enter, Esc and the keys that open screens. `signOffAllAsked`: the rows the
    /// key before, a `P`, asked to sign off.
    private mutating func browse(_ action: AppAction, signOffAllAsked allAsked: [RowID]?, model: DashboardModel) -> [AppEffect] {
        let rows = model.rows(for: current, asAt: asAt, scope: scope)
        switch action {
        case .moveUp: select(current.selection - 1, count: rows.count)
        case .moveDown: select(current.selection + 1, count: rows.count)
        case .pageUp: select(current.selection - max(1, pageSize), count: rows.count)
        case .pageDown: select(current.selection + max(1, pageSize), count: rows.count)
        case .first: select(0, count: rows.count)
        case .last: select(rows.count - 1, count: rows.count)
        case .open:
            guard rows.indices.contains(current.selection) else { return [] }
            return open(rows[current.selection], model: model)
        case .back:
            if !current.filter.isEmpty {
                current.filter = ""
                reanchor(rows.indices.contains(current.selection) ? rows[current.selection] : nil, model: model)
            } else if !pop() {
                message = "At the top: press q to quit"
            } else if case .measure(let m) = current.route {
                // Back to a measure whose history new data dropped while a list was on top of it (an import, a
                // target approved): read again, or its screen said "Loading…" for ever.
                return Self.historyNeeded(for: m, model: model)
            }
        case .showAlerts: showAlerts(model: model)
        case .showMyMeasures: show(.myMeasures)
        case .showSignOff:
            guard !model.seesPublishedOnly else {
                message = "Published figures only: there are no drafts to see here"
                return []
            }
            show(.signOff)
        case .publishSelected, .publishAll:
            return publish(all: action == .publishAll, asked: allAsked, rows: rows, model: model)
        case .previousPeriod, .nextPeriod:
            return changePeriod(by: action == .previousPeriod ? -1 : 1, model: model)
        case .startFilter:
            // A new filter, as `/` starts a new search elsewhere (`/rough` after `/zzzz` filtered for "zzzzrough").
            if !current.filter.isEmpty {
                current.filter = ""
                reanchor(rows.indices.contains(current.selection) ? rows[current.selection] : nil, model: model)
            }
            mode = .filtering
        case .startJump: mode = .jumping("")
        case .nextMatch, .previousMatch:
            guard !current.filter.isEmpty else {
                message = "No filter: press / to filter this list"
                return []
            }
            guard !rows.isEmpty else { return [] }
            let step = action == .nextMatch ? 1 : rows.count - 1
            current.selection = (current.selection + step) % rows.count
        case .toggleHelp: mode = .help(scroll: 0)
        case .edit: return startEditing(rows: rows, model: model)
        case .showHistory:
            guard rows.indices.contains(current.selection), case .period(let period) = rows[current.selection] else {
                message = "H shows a value's history: open a measure and select one of its periods"
                return []
            }
            return showHistory(period, model: model)
        case .quit: quitting = true
        case .writeReport: return writeReport(model: model)
        case .nextException, .previousException: return stepException(forward: action == .nextException, model: model)
        case .showExceptions:
            switch current.route {
            case .priority(let p): show(.exceptions(.priority(p)))
            case .deliveryPlan(let p, let d): show(.exceptions(.deliveryPlan(priority: p, plan: d)))
            case .measure(let m):
                let location = model.council.locations[m]
                show(.exceptions(location.plan.map { .deliveryPlan(priority: location.priority, plan: $0) } ?? .priority(location.priority)))
            case .myMeasures: show(.exceptions(.mine))
            case .exceptions(.priority), .exceptions(.deliveryPlan), .exceptions(.mine): current = NavigationEntry(.exceptions(.all))
            default: show(.exceptions(.all))
            }
        case .rejoin, .presenterMoved, .meetingEnded, .meetingResumed, .followersCounted: break
        case .type, .paste, .deleteBackward, .submit, .cancel, .nextField, .previousField, .clearField: break
        case .dataChanged, .saved, .saveRefused, .saveFailed, .saveUncertain, .reportWritten, .reportFailed, .failed, .signOffFailed, .recovered: break
        }
        return []
    }

    // MARK: Moving

    private mutating func select(_ index: Int, count: Int) {
        current.selection = count == 0 ? 0 : min(max(index, 0), count - 1)
    }

    private mutating func open(_ row: RowID, model: DashboardModel) -> [AppEffect] {
        switch row {
        case .priority(let p): push(NavigationEntry(.priority(p)))
        case .deliveryPlan(let p, let d): push(NavigationEntry(.deliveryPlan(priority: p, plan: d)))
        case .measure(let m):
            // A measure found by searching opens in its place in the plan.
            if case .search = current.route { return openInPlace(measure: m, model: model) }
            push(NavigationEntry(.measure(m)))
            return Self.historyNeeded(for: m, model: model)
        case .alert(let m, _):
            // On top of the alerts, so that Esc comes back to the same alert.
            push(NavigationEntry(.measure(m)))
            return Self.historyNeeded(for: m, model: model)
        case .period(let period): return showHistory(period, model: model)
        case .draft(let m, _), .targetProposal(let m, _): return openInPlace(measure: m, model: model)
        }
        return []
    }

    /// Signing off the selected draft or proposed target, or every one the sign-off list shows (filtered or not).
    /// `asked`: the rows the key before, a `P`, asked to sign off.
    private mutating func publish(all: Bool, asked: [RowID]?, rows: [RowID], model: DashboardModel) -> [AppEffect] {
        // Who may not sign off is told so wherever they press it (a member was told to press s, then p).
        guard model.canSignOff else {
            if let atMeeting = followersPlace {
                message = "\(atMeeting): nothing can be signed off here"
            } else if !model.canRecord, !model.seesPublishedOnly {
                // Nothing can be written here at all (a file only readable): that, not who signs off.
                message = model.readOnlyReason
            } else {
                message = "Only the performance team's officers sign values off and approve targets"
            }
            return []
        }
        guard current.route == .signOff else {
            message = "Press s for the values awaiting sign-off, then p to sign one off"
            return []
        }
        let chosen = all ? rows : rows.indices.contains(current.selection) ? [rows[current.selection]] : []
        let drafts: [(Int, Period)] = chosen.compactMap {
            guard case .draft(let m, let period) = $0 else { return nil }
            return (m, period)
        }
        let proposals: [(Int, Period)] = chosen.compactMap {
            guard case .targetProposal(let m, let period) = $0 else { return nil }
            return (m, period)
        }
        guard !drafts.isEmpty || !proposals.isEmpty else {
            message = "Nothing awaits sign-off"
            return []
        }
        if all, asked != chosen {
            signOffAllAsked = chosen
            message = "P again signs off the \(signOffCount(values: drafts.count, "value", targets: proposals.count, "target")) listed"
            return []
        }
        message = "Signing off \(signOffCount(values: drafts.count, "value", targets: proposals.count, "target"))…"
        // One selection per period and kind, so a draft of one period never signs off another's, nor a value a
        // target; all in one effect, so that one message says what was signed off.
        func selections(_ chosen: [(Int, Period)], values: Bool) -> [PublishSelection] {
            let byPeriod = Dictionary(grouping: chosen, by: \.1)
            return byPeriod.keys.sorted().map { period in
                PublishSelection(
                    period: period, measures: byPeriod[period, default: []].map { model.council.measures[$0.0].code },
                    values: values, targets: !values, endedBy: model.today,
                    // Exactly the revisions on screen: one recorded since is not what the officer approved.
                    seen: Set(byPeriod[period, default: []].compactMap { m, period in
                        values
                            ? model.draft(measure: m, period: period).map(SeenRevision.init(draft:))
                            : model.targetProposal(measure: m, period: period).map(SeenRevision.init(proposal:))
                    }))
            }
        }
        return [.publish(selections(drafts, values: true) + selections(proposals, values: false))]
    }

    /// The next or previous measure with an alert, in the plan's order (a priority's own measures, then each
    /// delivery plan's), opened in its place; from a measure, the one after it; from elsewhere, the first (or last)
    /// within the priority or delivery plan on screen, else the plan's.
    private mutating func stepException(forward: Bool, model: DashboardModel) -> [AppEffect] {
        let judged = model.evaluation(at: asAt).measures
        let order = model.council.agendaOrder
        // From My measures (its list, alerts or exceptions), and on from a measure of them, only theirs.
        let mine: Bool
        switch current.route {
        case .myMeasures, .alerts(.mine), .exceptions(.mine): mine = true
        case .measure(let m): mine = myExceptionOpened == m
        default: mine = false
        }
        myExceptionOpened = nil
        let agenda = order.filter { !judged[$0].alerts.isEmpty && (!mine || model.isMeasure($0, in: .mine, scope: scope)) }
        guard !agenda.isEmpty else {
            message = "Nothing\(mine ? " of my measures" : "") needs attention as at \(asAt.label)"
            return []
        }
        var rank = [Int](repeating: 0, count: order.count)
        for (i, measure) in order.enumerated() where rank.indices.contains(measure) { rank[measure] = i }
        /// The next (previous) exception after (before) measure `m` in the plan's order.
        func beyond(_ m: Int) -> Int? {
            let here = rank[m]
            return forward ? agenda.firstIndex { rank[$0] > here } : agenda.lastIndex { rank[$0] < here }
        }
        /// The first (last) exception within `level`, else the plan's first (last).
        func within(_ level: AlertsLevel) -> Int? {
            let found = forward
                ? agenda.firstIndex { level.contains(model.council.locations[$0]) }
                : agenda.lastIndex { level.contains(model.council.locations[$0]) }
            return found ?? (forward ? 0 : agenda.count - 1)
        }
        let rows = model.rows(for: current, asAt: asAt, scope: scope)
        let selected = rows.indices.contains(current.selection) ? rows[current.selection] : nil
        let position: Int?
        switch (current.route, selected) {
        case (.measure(let m), _):
            position = beyond(m)
        case (.exceptions, .measure(let m)?), (.search, .measure(let m)?), (.myMeasures, .measure(let m)?),
             (.priority, .measure(let m)?), (.deliveryPlan, .measure(let m)?), (_, .alert(let m, _)?):
            // From a list, the selected measure first when it needs attention, else the next after it.
            position = agenda.firstIndex(of: m) ?? beyond(m)
        // Where the chair is: the priority or delivery plan selected, else the one on screen.
        case (_, .priority(let p)?):
            position = within(.priority(p))
        case (_, .deliveryPlan(let p, let d)?):
            position = within(.deliveryPlan(priority: p, plan: d))
        case (.priority(let p), _):
            position = within(.priority(p))
        case (.deliveryPlan(let p, let d), _):
            position = within(.deliveryPlan(priority: p, plan: d))
        default:
            position = forward ? 0 : agenda.count - 1
        }
        guard let position else {
            message = forward ? "That was the last exception (X goes back)" : "That was the first exception"
            // Still walking My measures: x again stays at their last, not on into the plan's.
            if mine, case .measure(let m) = current.route { myExceptionOpened = m }
            return []
        }
        let m = agenda[position]
        let effects = openInPlace(measure: m, model: model)
        if mine { myExceptionOpened = m }
        message = "Exception \(position + 1) of \(agenda.count)\(mine ? " of my measures" : ""): \(judged[m].alerts[0].rule.label)"
        return effects
    }

    /// Writing the report of the screen's part of the plan, as judged at the reporting period on screen.
    private mutating func writeReport(model: DashboardModel) -> [AppEffect] {
        let scope: ReportScope
        switch current.route {
        case .plan: scope = .wholePlan
        case .priority(let p): scope = .priorities([p])
        case .deliveryPlan(let p, let d): scope = .deliveryPlan(priority: p, plan: d)
        case .measure(let m): scope = .measure(m)
        case .alerts, .myMeasures, .signOff, .search, .exceptions:
            message = "Open the plan, a priority, a delivery plan or a measure to write its report (r)"
            return []
        }
        message = "Writing the report…"
        return [.writeReport(scope, asAt: asAt)]
    }

    /// Loading a measure's whole history, unless it is loaded already.
    static func historyNeeded(for m: Int, model: DashboardModel) -> [AppEffect] {
        model.periodHistory(of: m) == nil ? [.loadHistory(measure: m)] : []
    }

    /// `a`: the alerts of the priority or delivery plan on screen (a measure's, on its screen), or of My measures;
    /// on a level's alerts, every alert; else every alert.
    private mutating func showAlerts(model: DashboardModel) {
        let level: AlertsLevel
        switch current.route {
        case .priority(let p): level = .priority(p)
        case .deliveryPlan(let p, let d): level = .deliveryPlan(priority: p, plan: d)
        case .measure(let m):
            let location = model.council.locations[m]
            level = location.plan.map { .deliveryPlan(priority: location.priority, plan: $0) } ?? .priority(location.priority)
        case .alerts(.priority), .alerts(.deliveryPlan), .alerts(.mine):
            // Widen to the whole plan, in place.
            current = NavigationEntry(.alerts(.all))
            return
        case .myMeasures: level = .mine
        case .plan, .alerts(.all), .signOff, .search, .exceptions: level = .all
        }
        show(.alerts(level))
    }

    private mutating func show(_ route: Route) {
        guard current.route != route else { return }
        if let index = stack.firstIndex(where: { $0.route == route }) {
            replaceStack(Array(stack[...index]))
        } else {
            push(NavigationEntry(route))
        }
    }

    /// Opens a measure where it sits in the tree: plan, priority, delivery plan, measure, each with the
    /// way down selected, so going back walks up the tree.
    @discardableResult
    mutating func openInPlace(measure m: Int, model: DashboardModel) -> [AppEffect] {
        let location = model.council.locations[m]
        let p = location.priority
        var entries = [NavigationEntry(.plan, selection: p)]
        let priorityEntry = NavigationEntry(.priority(p))
        let priorityRows = model.rows(for: priorityEntry, asAt: asAt, scope: scope)
        if let d = location.plan {
            entries.append(NavigationEntry(.priority(p), selection: priorityRows.firstIndex(of: .deliveryPlan(priority: p, plan: d)) ?? 0))
            let planEntry = NavigationEntry(.deliveryPlan(priority: p, plan: d))
            let planRows = model.rows(for: planEntry, asAt: asAt, scope: scope)
            entries.append(NavigationEntry(planEntry.route, selection: planRows.firstIndex(of: .measure(m)) ?? 0))
        } else {
            entries.append(NavigationEntry(.priority(p), selection: priorityRows.firstIndex(of: .measure(m)) ?? 0))
        }
        entries.append(NavigationEntry(.measure(m)))
        replaceStack(entries)
        return Self.historyNeeded(for: m, model: model)
    }

    // MARK: Periods

    /// Moves the reporting period by `step` quarters: at once when that period is judged already, else once
    /// it is (meanwhile the screen stays as it is and says it is judging; keys go on working).
    private mutating func changePeriod(by step: Int, model: DashboardModel) -> [AppEffect] {
        let from = pendingPeriod ?? asAt
        let target = from.advanced(by: step)
        guard model.periods.contains(target) else {
            message = step < 0 ? "No earlier data than \(from.label)" : "\(target.label) has not ended yet: \(from.label) is the latest reporting period"
            return []
        }
        guard model.isJudged(at: target) else {
            pendingPeriod = target == asAt ? nil : target
            return pendingPeriod.map { [.judge($0)] } ?? []
        }
        pendingPeriod = nil
        moveReportingPeriod(to: target, model: model)
        // Told, so that the data service keeps it judged while it judges others (it judges nothing for it).
        return [.judge(target)]
    }

    /// Makes `target` (judged) the reporting period, keeping the selected row where it can.
    mutating func moveReportingPeriod(to target: Period, model: DashboardModel) {
        let rows = model.rows(for: current, asAt: asAt, scope: scope)
        let selected = rows.indices.contains(current.selection) ? rows[current.selection] : nil
        asAt = target
        reanchor(selected, model: model)
    }

    /// Keeps `row` selected in the current list if it is still there; otherwise keeps the position.
    private mutating func reanchor(_ row: RowID?, model: DashboardModel) {
        let rows = model.rows(for: current, asAt: asAt, scope: scope)
        if let row, let index = rows.firstIndex(of: row) {
            current.selection = index
        } else {
            select(current.selection, count: rows.count)
        }
    }

    /// After the data changed: every level keeps its selected row where it can, else its position.
    public mutating func reanchorAll(previous: [RowID?], model: DashboardModel) {
        for level in stack.indices {
            let rows = model.rows(for: stack[level], asAt: asAt, scope: scope)
            if level < previous.count, let row = previous[level], let index = rows.firstIndex(of: row) {
                stack[level].selection = index
            } else {
                if level == stack.count - 1, stack[level].route == .signOff, level < previous.count, previous[level] != nil, !rows.isEmpty {
                    signOffSelectionMoved = true
                }
                stack[level].selection = rows.isEmpty ? 0 : min(stack[level].selection, rows.count - 1)
            }
        }
    }

    /// The selected row of every level, to find again after the data changes.
    public func selectedRows(model: DashboardModel) -> [RowID?] {
        stack.map { entry in
            let rows = model.rows(for: entry, asAt: asAt, scope: scope)
            return rows.indices.contains(entry.selection) ? rows[entry.selection] : nil
        }
    }

    // MARK: Recording values

    /// The measure `e` records for: the measure on screen, or the selected measure of a list.
    private func measureToEdit(rows: [RowID]) -> Int? {
        if case .measure(let m) = current.route { return m }
        guard rows.indices.contains(current.selection) else { return nil }
        switch rows[current.selection] {
        case .measure(let m), .alert(let m, _): return m
        default: return nil
        }
    }

    /// Where a follower of a meeting is, said before what it may not do there: "Following Cabinet", or "Cabinet:
    /// browsing on your own" once it moved away from the presenter (it said "Following" then too).
    private var followersPlace: String? {
        guard case .following(let name, let following, _, _) = meeting else { return nil }
        return following ? "Following \(name)" : "\(name): browsing on your own"
    }

    private mutating func startEditing(rows: [RowID], model: DashboardModel) -> [AppEffect] {
        guard model.canRecord else {
            message = followersPlace.map { "\($0): nothing can be recorded here" } ?? model.readOnlyReason
            return []
        }
        guard let m = measureToEdit(rows: rows) else {
            message = "Select a measure to record its value"
            return []
        }
        guard model.canRecord(measure: m) else {
            let measure = model.council.measures[m]
            message = "\(measure.code) is not one of \(model.user)'s measures (its owner is \(measure.owner)): "
                + "an owner records values only for the measures they own"
            return []
        }
        if let problem = model.council.measures[m].lifecycle.recordingProblem(code: model.council.measures[m].code) {
            message = problem
            return []
        }
        let judged = model.evaluation(at: asAt).measures[m]
        let latestEnded = Period.latestEnded(kind: model.council.measures[m].frequency.periodKind, by: model.today)
        let due = model.council.periodDue(forMeasure: m, judged: judged.period, today: model.today)
        var period = due ?? judged.period.map { min($0, latestEnded) } ?? latestEnded
        // On the measure's screen, a period row chosen below the first, or a recorded one other than the newest (the
        // first a filter leaves), is the period to record: `e` on October's row is correcting October, not adding
        // the period due. The first row, the newest or an overdue one, opens the period due (the first missing);
        // with none due, the first row itself (November's, recorded beyond the period judged, opened September's,
        // and saving replaced September's draft).
        let history = model.periodHistory(of: m) ?? []
        if case .measure = current.route, rows.indices.contains(current.selection), case .period(let chosen) = rows[current.selection],
            current.selection > 0 || due == nil || (chosen != history.first?.period && history.contains { $0.period == chosen }),
            chosen.kind == latestEnded.kind, chosen <= latestEnded
        {
            period = chosen
        }
        var form = ValueForm(measure: m, period: period, latestEnded: latestEnded)
        form.seen = Self.seenRecord(form, model: model)
        mode = .editing(form)
        // The form compares the value with the one before and shows what a period holds: from the whole history.
        return Self.historyNeeded(for: m, model: model)
    }

    private mutating func applyForm(_ action: AppAction, form: ValueForm, model: DashboardModel) -> [AppEffect] {
        var form = form
        guard !form.isSaving else {
            // The store has not answered yet (another program writing to the database holds it): say why the keys
            // wait, rather than swallowing Esc and q without a word.
            if action == .cancel || action == .type("q") || action == .quit {
                message = "Still saving: the database has not answered yet (another program's write, or the server is slow); the form closes when it answers"
            }
            return []
        }
        let asked = form.discardAsked
        form.discardAsked = nil
        switch action {
        case .type(let c): form.type(c)
        case .paste(let text): form.paste(text)
        case .deleteBackward: form.deleteBackward()
        case .clearField: form.clear()
        case .nextField, .moveDown: form.move(by: 1)
        case .previousField, .moveUp: form.move(by: -1)
        case .previousPeriod, .nextPeriod:
            guard form.focus == .period else {
                message = "Tab to the period field to choose another period with ← →"
                break
            }
            if !form.stepPeriod(by: action == .previousPeriod ? -1 : 1) {
                message = "\(form.latestEnded.label) is the latest period that has ended"
            }
        case .cancel:
            if form.holdsTyping, asked != .escape {
                form.discardAsked = .escape
                mode = .editing(form)
                message = "Esc again to discard what you typed"
                return []
            }
            mode = .browsing
            message = "Nothing was saved"
            return []
        case .submit:
            // Enter just after Esc asked: whoever pressed Esc meant to leave, so it saves nothing (it saved).
            if asked == .escape {
                message = "Still editing: Enter saves what you typed, Esc twice leaves without saving"
                break
            }
            return save(form, model: model)
        default: break
        }
        // Another period chosen: what it holds now is what the form saw of it.
        if form.parsedPeriod != form.seen?.period { form.seen = Self.seenRecord(form, model: model) }
        mode = .editing(form)
        return []
    }

    /// What the form's period holds now, as the form shows it.
    static func seenRecord(_ form: ValueForm, model: DashboardModel) -> ValueForm.SeenRecord? {
        guard let period = form.parsedPeriod else { return nil }
        let observation = model.council.observations[form.measure].last { $0.period == period }
        return ValueForm.SeenRecord(period: period, recorded: observation != nil, value: observation?.value)
    }

    /// Checks the form and asks for the value to be saved (or for Enter again, when it looks like a slip).
    private mutating func save(_ form: ValueForm, model: DashboardModel) -> [AppEffect] {
        let measure = model.council.measures[form.measure]
        let entry = form.entry(code: measure.code, by: model.user)
        // Recorded by someone else while the form was open: said before it is replaced (a deputy's value and
        // commentary were replaced unasked).
        if let seen = form.seen, let now = Self.seenRecord(form, model: model), seen.period == now.period, seen != now {
            var form = form
            form.seen = now
            let what = now.value.map { "\(measure.formatAsRecorded($0))" } ?? "no value"
            form.errors = [.value: "\(now.period.label) was recorded meanwhile (\(what) now): Enter again to replace it"]
            form.focus = .value
            mode = .editing(form)
            return []
        }
        // Each question in turn, one an Enter: the second Enter saved past those not yet shown (a signed-off value
        // replaced by a value ten times it, said only as ten times).
        let questions: [(ValueForm.Field, String?)] = [
            (.period, beforeSeries(form, model: model)), (.value, withdrawal(form, model: model)), (.value, farFromSeries(form, model: model)),
            (.value, replacingSignedOff(form, model: model)), (.value, finerThanShown(form, model: model)),
        ]
        if (try? entry.validated(in: model.council, today: model.today)) != nil,
            let (field, warning) = questions.lazy.compactMap({ field, question in question.map { (field, $0) } }).first(where: { !form.asked.contains($0.1) })
        {
            var form = form
            form.asked.insert(warning)
            form.errors = [field: warning]
            form.focus = field
            mode = .editing(form)
            return []
        }
        var saving = form
        saving.isSaving = true
        saving.errors = [:]
        mode = .editing(saving)
        message = "Saving…"
        return [.save(entry)]
    }

    /// Shows the store's refusal beside the fields at fault.
    mutating func refuse(_ problems: [ValueEntryError.Problem], form: ValueForm) {
        var form = form
        form.isSaving = false
        form.errors = [:]
        // The question about the value (ten times the last one, say) gives way to these problems: once they are
        // put right, it is asked again rather than taken as answered while it was out of sight.
        form.asked = []
        // Nothing is being saved now: the problems beside their fields say why.
        if message == "Saving…" { message = nil }
        for problem in problems {
            if let field = ValueForm.Field.allCases.first(where: { $0.entryField == problem.field }) {
                form.errors[field] = form.errors[field] ?? problem.message
            } else {
                message = problem.message
            }
        }
        if let first = ValueForm.Field.allCases.first(where: { form.errors[$0] != nil }) { form.focus = first }
        mode = .editing(form)
    }

    /// A warning when the period is before the measure's first value (1900/01 Q1 typed for 2021/22 Q1 was saved,
    /// and the reporting period could then be stepped back to 1900), asking for Enter again to save it. Only
    /// with the measure's whole history at hand: its recent part alone does not say where it begins.
    private func beforeSeries(_ form: ValueForm, model: DashboardModel) -> String? {
        guard let period = form.parsedPeriod, model.council.hasWholeHistory(ofMeasure: form.measure),
            let first = model.council.observations[form.measure].first(where: { $0.value != nil })?.period,
            period.endDate < first.startDate
        else { return nil }
        return "\(period.label) is before this measure's first value (\(first.label)): Enter again to save it"
    }

    /// A warning when the value typed is a mark for no figure (`-`, `n/a`) over the period's value: it withdraws
    /// that value, which asks for Enter again, as a slip would.
    private func withdrawal(_ form: ValueForm, model: DashboardModel) -> String? {
        guard NumberParser.isNoValue(form.value), let period = form.parsedPeriod,
            let value = model.council.observations[form.measure].first(where: { $0.period == period })?.value
        else { return nil }
        let measure = model.council.measures[form.measure]
        return "\(form.value.trimmingCharacters(in: .whitespaces)) withdraws \(period.label)'s value, \(measure.formatAsRecorded(value)) (kept in its history): Enter again to withdraw it"
    }

    /// A warning when the typed value has more decimals than the measure shows (27.5 of whole days): it is kept as
    /// typed, but shown, and judged, rounded.
    private func finerThanShown(_ form: ValueForm, model: DashboardModel) -> String? {
        let measure = model.council.measures[form.measure]
        guard let value = NumberParser.parse(form.value) ?? measure.unit.parseAsShown(form.value) else { return nil }
        // A value far from the series (0.79 typed for 79%) was asked about already: more decimals would not mend it.
        guard farFromSeries(form, model: model) == nil else { return nil }
        return measure.finerThanShown(value).map { $0 + ": Enter again to save it" }
    }

    /// A warning when the typed value replaces a signed-off value with another figure: members see that value, and
    /// the form may be on another period than the one meant, so it asks for Enter again (a draft is replaced unasked).
    private func replacingSignedOff(_ form: ValueForm, model: DashboardModel) -> String? {
        let measure = model.council.measures[form.measure]
        guard let period = form.parsedPeriod, let value = NumberParser.parse(form.value) ?? measure.unit.parseAsShown(form.value),
            let existing = model.council.observations[form.measure].last(where: { $0.period == period }), !existing.isDraft,
            let signedOff = existing.value, measure.asShown(signedOff) != measure.asShown(value)
        else { return nil }
        return "\(period.label)'s \(measure.formatAsRecorded(signedOff)) is signed off: Enter again to replace it (with a draft awaiting sign-off)"
    }

    /// A warning when the typed value is ten times or more larger or smaller than the value it replaces, or, for a
    /// period without one, the measure's previous value (a slipped decimal point or an extra digit: 360 for 36,
    /// exactly ten times, was saved unasked), or 0 after a value that was not, asking for Enter again to save it.
    private func farFromSeries(_ form: ValueForm, model: DashboardModel) -> String? {
        let measure = model.council.measures[form.measure]
        // Read as the store reads it: a value written with the measure's own unit (`0 days`) is asked about too.
        guard let period = form.parsedPeriod, let value = NumberParser.parse(form.value) ?? measure.unit.parseAsShown(form.value) else { return nil }
        // 0 after a value that was not: often typed for "not known yet", which is no value to record.
        if value == 0 {
            guard let (previousPeriod, previous) = model.council.previousValue(ofMeasure: form.measure, before: period), previous != 0 else {
                return nil
            }
            return "0 after \(measure.format(previous)) in \(previousPeriod.label): Enter again to save it (a value not known yet is not recorded)"
        }
        let basis: (value: Double, named: String)
        if let replaced = model.council.observations[form.measure].first(where: { $0.period == period })?.value, replaced != 0 {
            basis = (replaced, "\(measure.format(replaced)), the value it replaces")
        } else if let (previousPeriod, previous) = Self.comparable(form.measure, before: period, in: model.council), previous != 0 {
            basis = (previous, "\(measure.format(previous)) in \(previousPeriod.label)")
        } else {
            return nil
        }
        // Ten times, give or take binary fractions (50.4 against 504 is a tenth).
        let ratio = abs(value / basis.value)
        let larger = ratio >= 10 * (1 - 1e-9)
        guard larger || ratio <= 0.1 * (1 + 1e-9) else { return nil }
        let size = larger ? "at least 10 times" : "at most a tenth of"
        // The value as typed, with the decimals that show it (-0.5 of a measure of whole £k was "-£1k").
        let typed = measure.formatAsRecorded(value)
        return "\(typed) is \(size) \(basis.named): Enter again to save it"
    }

    /// The value a new one for `period` is compared with: the measure's previous value; for a year-to-date
    /// measure, only one of the same financial year (its total restarts each April: April's 105 after March's
    /// 1,210 is no slip), else the same period a year before.
    static func comparable(_ m: Int, before period: Period, in council: Council) -> (period: Period, value: Double)? {
        guard let previous = council.previousValue(ofMeasure: m, before: period) else { return nil }
        guard council.measures[m].cumulative, previous.period.financialYearStart != period.financialYearStart else { return previous }
        let yearBefore = period.sameLastYear
        return council.observations[m].first { $0.period == yearBefore }?.value.map { (yearBefore, $0) }
    }

    private mutating func showHistory(_ period: Period, model: DashboardModel) -> [AppEffect] {
        guard model.hasHistory else {
            message = "A value's history is kept in the database: open it with scorecard --database PATH"
            return []
        }
        mode = .history(period, scroll: 0)
        guard case .measure(let m) = current.route, model.revisions(of: m, in: period) == nil else { return [] }
        return [.loadRevisions(measure: m, period: period)]
    }

    /// Scrolls an open period's detail (the renderer keeps it within the text), or closes it.
    /// Scrolls the help by a line or a page (its end is kept on screen by ``remember(_:)``); any other key closes it.
    private mutating func scrollHelp(from scroll: Int, _ action: AppAction) {
        let page = max(1, pageSize)
        switch action {
        case .moveUp: mode = .help(scroll: max(0, scroll - 1))
        case .moveDown: mode = .help(scroll: scroll + 1)
        case .pageUp: mode = .help(scroll: max(0, scroll - page))
        case .pageDown: mode = .help(scroll: scroll + page)
        case .first: mode = .help(scroll: 0)
        case .last: mode = .help(scroll: Int(Int32.max))
        default: mode = .browsing
        }
    }

    private mutating func scrollDetail(_ period: Period, from scroll: Int, _ action: AppAction) {
        let page = max(1, pageSize)
        switch action {
        case .moveUp: mode = .history(period, scroll: max(0, scroll - 1))
        case .moveDown: mode = .history(period, scroll: scroll + 1)
        case .pageUp: mode = .history(period, scroll: max(0, scroll - page))
        case .pageDown: mode = .history(period, scroll: scroll + page)
        case .first: mode = .history(period, scroll: 0)
        case .last: mode = .history(period, scroll: Int(Int32.max))
        default: mode = .browsing
        }
    }

    // MARK: Prompts

    /// The most a filter or a measure code typed after `:` takes (UTF-8 bytes).
    static let promptLimit = 200

    /// Handles typing into the filter; returns `false` for actions that browse as usual (arrows).
    private mutating func applyFilterTyping(_ action: AppAction, model: DashboardModel) -> Bool {
        switch action {
        // A filter of a few words: keys beyond are dropped (a megabyte typed as keys filtered for minutes).
        case .type(let c):
            if current.filter.utf8.count < Self.promptLimit { current.filter.append(c) }
            current.selection = 0
        case .paste(let text):
            current.filter += String(ValueForm.oneLine(text).prefix(max(0, Self.promptLimit - current.filter.count)))
            current.selection = 0
        case .deleteBackward:
            if current.filter.isEmpty { mode = .browsing } else { current.filter.removeLast() }
            current.selection = 0
        case .clearField:
            current.filter = ""
            current.selection = 0
        case .submit:
            mode = .browsing
            // On the Council Plan, or when nothing on this list matches, the text searches every measure's code
            // and title instead.
            let text = current.filter
            let here = model.rows(for: current, asAt: asAt, scope: scope)
            if current.route == .plan || here.isEmpty, !model.measures(matchingText: text).isEmpty {
                current.filter = ""
                current.selection = 0
                push(NavigationEntry(.search(text)))
            }
        case .cancel:
            mode = .browsing
            current.filter = ""
            current.selection = 0
        default:
            return false
        }
        return true
    }

    private mutating func applyJump(_ action: AppAction, code: String, model: DashboardModel) -> [AppEffect] {
        switch action {
        case .type(let c): mode = .jumping(code.utf8.count < Self.promptLimit ? code + String(c) : code)
        case .paste(let text): mode = .jumping(code + String(ValueForm.oneLine(text).prefix(max(0, Self.promptLimit - code.count))))
        case .deleteBackward: mode = code.isEmpty ? .browsing : .jumping(String(code.dropLast()))
        case .clearField: mode = .jumping("")
        case .cancel: mode = .browsing
        case .submit:
            mode = .browsing
            // Nothing typed: the prompt closes, as Esc closes it.
            guard !code.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            if let m = model.measure(matching: code) {
                return openInPlace(measure: m, model: model)
            }
            // A start of several codes, or words of titles: the measures to choose from.
            if !model.measures(matchingText: code).isEmpty {
                push(NavigationEntry(.search(code)))
                return []
            }
            message = "No measure has the code \"\(code)\", nor a title with those words"
        default: break
        }
        return []
    }
}
