import ScorecardKit

/// A dashboard's part in a meeting (`scorecard --present NAME` or `--follow NAME`).
public enum MeetingRole: Hashable, Sendable {
    /// This dashboard presents the meeting; `followers` dashboards follow it.
    case presenting(name: String, followers: Int)
    /// This dashboard follows the meeting: showing what the presenter shows while `joined`, else browsing on
    /// its own until `f`; `latest` is the presenter's view last seen.
    case following(name: String, joined: Bool, latest: MeetingView?, ended: Bool)
}

extension AppState {
    /// What this dashboard shows, for its followers.
    public func sharedView(model: DashboardModel) -> MeetingView {
        MeetingView(
            asAt: (pendingPeriod ?? asAt).description, scope: scope.name,
            // An owner's own measures, which a follower's login cannot list, by code while "my measures" is open.
            measures: scope.name.isEmpty && stack.contains { $0.route == .myMeasures } ? (scope.codes ?? model.recordable)?.sorted() : nil,
            screens: stack.map { entry in
                let rows = model.rows(for: entry, asAt: asAt, scope: scope)
                return MeetingView.Screen(
                    route: entry.route.sharedName(in: model.council), selection: entry.selection, scroll: entry.scroll,
                    filter: entry.filter,
                    row: rows.indices.contains(entry.selection) ? rows[entry.selection].sharedName(in: model.council) : nil)
            },
            detail: { if case .history(let period, _) = mode { return period.description } else { return nil } }(),
            name: { if case .presenting(let name, _) = meeting { return name } else { return nil } }())
    }

    /// Whether this dashboard follows a presenter and shows what they show.
    var isFollowingPresenter: Bool {
        if case .following(_, true, _, false) = meeting { return true }
        return false
    }

    /// Applies the actions of a meeting; `nil` for the others.
    mutating func applyMeeting(_ action: AppAction, model: DashboardModel) -> [AppEffect]? {
        switch (action, meeting) {
        case (.presenterMoved(let view), .following(let typed, let joined, _, _)):
            meeting = .following(name: MeetingName.shown(presented: view.name, typed: typed), joined: joined, latest: view, ended: false)
            guard joined else { return [] }
            // A message of the follower's own (a report written, "nothing can be recorded here") was of the
            // screen it leaves: the status line goes back to saying whom it follows.
            message = nil
            return show(view, model: model)
        case (.meetingEnded, .following(let name, _, let latest, _)):
            meeting = .following(name: name, joined: false, latest: latest, ended: true)
            message = "\(name) has ended: browsing on your own"
            return []
        case (.meetingResumed(let view), .following(let typed, _, let latest, _)):
            // Followers of a meeting presented again (its presenter's dashboard restarted) follow it again.
            let name = MeetingName.shown(presented: view?.name, typed: typed)
            meeting = .following(name: name, joined: true, latest: view ?? latest, ended: false)
            message = "\(name) is presented again: following"
            return (view ?? latest).map { show($0, model: model) } ?? []
        case (.followersCounted(let count), .presenting(let name, _)):
            meeting = .presenting(name: name, followers: count)
            return []
        case (.rejoin, .following(let name, _, let latest, let ended)):
            message = nil
            guard !ended else {
                message = "\(name) has ended"
                return []
            }
            meeting = .following(name: name, joined: true, latest: latest, ended: false)
            return latest.map { show($0, model: model) } ?? []
        case (.rejoin, _):
            message = "Not following a presentation (scorecard --follow NAME)"
            return []
        case (.presenterMoved, _), (.meetingEnded, _), (.meetingResumed, _), (.followersCounted, _):
            return []
        default:
            // Any other key of a follower's own (moving, opening, going back, another period) breaks away.
            // Esc on the presenter's period detail (a `.cancel` there) closes it here: the follower's own move too.
            let closesDetail: Bool = { if case .history = mode { return action == .cancel } else { return false } }()
            if isFollowingPresenter, action.movesOnItsOwn || closesDetail, case .following(let name, _, let latest, _) = meeting {
                meeting = .following(name: name, joined: false, latest: latest, ended: false)
            }
            return nil
        }
    }

    /// Shows the presenter's `view`: the same screens (those this dashboard has), selection, filter and period.
    mutating func show(_ view: MeetingView, model: DashboardModel) -> [AppEffect] {
        var entries: [NavigationEntry] = []
        var selected: [String?] = []
        for screen in view.screens {
            guard let route = Route(sharedName: screen.route, in: model.council),
                route != .signOff || !model.seesPublishedOnly
            else { break }
            // A row the presenter's data has may be past the end of this one's: selections are clamped below.
            entries.append(NavigationEntry(route, selection: max(0, screen.selection), scroll: max(0, screen.scroll), filter: screen.filter))
            selected.append(screen.row)
        }
        if entries.first?.route != .plan {
            entries.insert(NavigationEntry(.plan), at: 0)
            selected.insert(nil, at: 0)
        }
        replaceStack(entries)
        scope = MeasureScope(view.scope, codes: view.measures.map(Set.init))
        if case .editing = mode {} else { mode = .browsing }
        var effects: [AppEffect] = []
        // A period not yet begun is no presenter's (only a view written by hand in the store holds one): ignored,
        // as the command line refuses it.
        if let period = Period(parsing: view.asAt), period.startDate <= model.today, period != asAt || pendingPeriod != nil {
            if model.isJudged(at: period) {
                pendingPeriod = nil
                asAt = period
            } else if pendingPeriod != period {
                pendingPeriod = period
                effects.append(.judge(period))
            }
        }
        // The presenter's selected row, found by its code in this dashboard's own lists (a member's lack the
        // drafts an officer's have, so positions differ); by position when it is not there.
        for level in stack.indices {
            let rows = model.rows(for: stack[level], asAt: asAt, scope: scope)
            if let name = selected[level], let row = RowID(sharedName: name, in: model.council), let index = rows.firstIndex(of: row) {
                stack[level].selection = index
            } else {
                stack[level].selection = min(stack[level].selection, max(0, rows.count - 1))
            }
        }
        if case .measure(let m) = current.route {
            effects += Self.historyNeeded(for: m, model: model)
            // The period the presenter opened (its commentary in full, its history), opened here too.
            if case .editing = mode {} else if let detail = view.detail.flatMap(Period.init(parsing:)) {
                mode = .history(detail, scroll: 0)
                if model.hasHistory, model.revisions(of: m, in: detail) == nil { effects.append(.loadRevisions(measure: m, period: detail)) }
            }
        }
        return effects
    }

    /// What the status line says of the meeting when nothing else is said.
    var meetingStatus: String? {
        switch meeting {
        case .presenting(let name, let followers):
            "Presenting \(name): \(NumberText.counted(followers, "follower"))"
        case .following(let name, true, _, false): "Following \(name)"
        case .following(let name, false, _, false): "\(name): browsing on your own, f to rejoin"
        case .following(let name, _, _, true): "\(name) has ended"
        case nil: nil
        }
    }
}

extension AppAction {
    /// Whether the action is the user's own move about the dashboard, which takes a follower away from the presenter.
    var movesOnItsOwn: Bool {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .back, .showAlerts, .showMyMeasures,
            .showSignOff, .previousPeriod, .nextPeriod, .startFilter, .startJump, .nextMatch, .previousMatch,
            .showHistory:
            true
        default: false
        }
    }
}
