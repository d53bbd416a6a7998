import ScorecardKit

extension AppState {
    /// Applies an answer to an effect; `nil` for the user's own actions.
    mutating func applyAnswer(_ action: AppAction, model: DashboardModel) -> [AppEffect]? {
        switch action {
        case .dataChanged(let new):
            clearDataProblem()
            return adopt(new, replacing: model)
        case .recovered:
            clearDataProblem()
            // A measure opened while the store could not be reached has no history yet: asked for again now.
            if case .measure(let m) = current.route { return Self.historyNeeded(for: m, model: model) }
            return []
        case .saved(let summary, let new):
            dataProblem = nil
            if case .editing = mode { mode = .browsing }
            let effects = adopt(new, replacing: model)
            signOffSelectionMoved = false  // This dashboard's own sign-off took the row away.
            message = summary
            return effects
        case .reportWritten(let path):
            message = "Report written to \(path)"
            return []
        case .reportFailed(let reason):
            message = reason
            return []
        case .saveRefused(let problems):
            if case .editing(let form) = mode { refuse(problems, form: form) }
            return []
        case .signOffFailed(let problem):
            message = "Not signed off: \(problem)"
            return []
        case .saveFailed(let problem):
            formAnswered(saying: "Not saved: \(problem)")
            return []
        case .saveUncertain(let problem):
            // Enter again is safe: a value already saved comes back unchanged.
            formAnswered(saying: "Perhaps saved: \(problem); Enter again saves it if it was not (a value saved already is unchanged)")
            return []
        case .failed(let problem):
            // A refresh failing while a value is being saved says nothing of the save, which answers for itself (a
            // lost connection read as "Not saved" while the value was still on its way, and then saved).
            // A new problem (the connection lost) takes the place of what the status line said before (a
            // sign-off's "members now see it" would hide it); the same one, posted again, leaves newer words.
            if dataProblem != problem { message = nil }
            dataProblem = problem
            if let pending = pendingPeriod, !model.isJudged(at: pending) { pendingPeriod = nil }
            return []
        default:
            return nil
        }
    }

    /// The store answered the form's save without saving for sure: the form stays, its value typed, and `message`
    /// says why.
    private mutating func formAnswered(saying message: String) {
        if case .editing(var form) = mode, form.isSaving {
            form.isSaving = false
            mode = .editing(form)
        }
        self.message = message
    }

    /// The store answers again: the problem is over, and so is a message that told of it ("Not saved: Connection to
    /// the server lost…" stayed on the status line long after the connection was back).
    private mutating func clearDataProblem() {
        if let problem = dataProblem, message?.contains(problem) == true { message = nil }
        dataProblem = nil
    }

    /// Takes in new data: the same screens, filters and selected rows, found again by their codes; a period
    /// that was being judged becomes the reporting period once it is. Returns the loads the screen on show
    /// now needs (a measure whose history the new data no longer holds).
    private mutating func adopt(_ new: DashboardModel, replacing old: DashboardModel) -> [AppEffect] {
        let previous = selectedRows(model: old)
        remap(from: old.council, previous: previous, model: new)
        // A first P asked about the drafts listed; the list changed under it: the count it said is gone.
        if let asked = signOffAllAsked, current.route == .signOff, asked != new.rows(for: current, asAt: asAt, scope: scope) {
            signOffAllAsked = nil
            message = "The drafts awaiting sign-off changed: P asks again about those listed now"
        }
        if let pending = pendingPeriod, new.isJudged(at: pending) {
            pendingPeriod = nil
            moveReportingPeriod(to: pending, model: new)
        }
        if !new.periods.contains(asAt), new.isJudged(at: new.periods.upperBound) {
            asAt = new.periods.upperBound
        }
        // A follower shows the presenter's view again in the new data: a measure's rows come with its history,
        // so the period row the presenter selected is found only once that is loaded (it showed the first).
        if isFollowingPresenter, case .following(_, _, let latest?, _) = meeting { return show(latest, model: new) }
        guard case .measure(let m) = current.route else { return [] }
        var effects = Self.historyNeeded(for: m, model: new)
        if case .history(let period, _) = mode, new.revisions(of: m, in: period) == nil {
            effects.append(.loadRevisions(measure: m, period: period))
        }
        return effects
    }
}
