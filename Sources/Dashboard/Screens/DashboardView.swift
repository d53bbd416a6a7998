import ScorecardKit

/// Draws the whole dashboard for a state: breadcrumb, the current screen, the status line and any overlay.
public enum DashboardView {
    /// Renders `state` at `size`. Returns the frame and the current list's layout, which the caller keeps
    /// in the state (``AppState/remember(_:)``) so the next frame scrolls from where this one was.
    public static func render(state: AppState, model: DashboardModel, size: Size, theme: Theme) -> (ScreenBuffer, ListLayout) {
        var buffer = ScreenBuffer(size: size)
        guard size.covers(TooSmallScreen.minimumSize) else {
            var typing = false, asked = false
            if case .editing(let form) = state.mode, form.holdsTyping { (typing, asked) = (true, form.discardAsked == .interrupt) }
            TooSmallScreen(size: size, theme: theme, typing: typing, asked: asked).render(into: &buffer, area: buffer.area)
            return (buffer, ListLayout(visibleRows: 1, scroll: state.current.scroll))
        }
        let context = RenderContext(model: model, state: state, theme: theme, evaluation: model.evaluation(at: state.asAt))
        let area = buffer.area
        // A period not yet ended is said to be one, as `status` and the paper say it: its figures are not final.
        let trailing = "as at \(state.asAt.label)" + (state.asAt.hasEnded(by: model.today) ? "" : " (not final)")
        Breadcrumb(items: crumbs(context, width: area.width - trailing.displayWidth - 2), trailing: trailing, theme: theme)
            .render(into: &buffer, area: area.row(0))
        let body = Rect(x: 0, y: 1, width: area.width, height: area.height - 2)
        let layout: ListLayout
        switch state.current.route {
        case .plan: layout = PlanScreen(context: context).render(into: &buffer, area: body)
        case .priority(let p): layout = PriorityScreen(context: context, priority: p).render(into: &buffer, area: body)
        case .deliveryPlan(let p, let d):
            layout = DeliveryPlanScreen(context: context, priority: p, plan: d).render(into: &buffer, area: body)
        case .measure(let m): layout = MeasureScreen(context: context, measure: m).render(into: &buffer, area: body)
        case .alerts: layout = AlertsScreen(context: context).render(into: &buffer, area: body)
        case .myMeasures: layout = MyMeasuresScreen(context: context).render(into: &buffer, area: body)
        case .signOff: layout = SignOffScreen(context: context).render(into: &buffer, area: body)
        case .search(let text): layout = SearchScreen(context: context, text: text).render(into: &buffer, area: body)
        case .exceptions(let level): layout = ExceptionsScreen(context: context, level: level).render(into: &buffer, area: body)
        }
        statusLine(context, layout: layout).render(into: &buffer, area: area.row(area.height - 1))
        switch state.mode {
        case .help(let scroll):
            // Keys this user cannot use are left out: recording without the right to, signing off, the drafts
            // awaiting sign-off when only published figures are shown, rejoining a meeting not followed.
            let model = context.model
            var sections = DashboardKeymap.keymap.helpSections(unicode: theme.glyphs.isUnicode) { action in
                switch action {
                case .edit: model.canRecord
                case .publishSelected, .publishAll: model.canSignOff
                case .showSignOff: !model.seesPublishedOnly
                case .rejoin: if case .following = state.meeting { true } else { false }
                default: true
                }
            }
            sections.append(HelpSection(title: "Terminal", entries: DashboardKeymap.loopKeys))
            sections.append(HelpSection(title: "Symbols", entries: theme.symbolKey()))
            var helped = layout
            // PgDn moves by the help's page, not the list's beneath it.
            (helped.detailScroll, helped.visibleRows) = HelpOverlay(title: "Scorecard keys", sections: sections, theme: theme)
                .render(into: &buffer, area: body, scroll: scroll)
            return (buffer, helped)
        case .editing(let form):
            ValueFormView(context: context, form: form).render(into: &buffer, area: body)
        case .history(let period, let scroll):
            if case .measure(let m) = state.current.route {
                var detailed = layout
                // PgDn moves by the detail's page, not the list's beneath it, as in the help.
                (detailed.detailScroll, detailed.visibleRows) = PeriodDetailView(context: context, measure: m, period: period, scroll: scroll)
                    .render(into: &buffer, area: body)
                return (buffer, detailed)
            }
        case .browsing, .filtering, .jumping:
            break
        }
        return (buffer, layout)
    }

    /// The breadcrumb: the council, then one item per level below the plan. When the titles do not fit in
    /// `width`, the levels above the current one shrink to their codes.
    static func crumbs(_ context: RenderContext, width: Int) -> [String] {
        let full = crumbItems(context, short: false)
        let separator = context.theme.glyphs.breadcrumbSeparator
        guard full.joined(separator: separator).displayWidth > width else { return full }
        return crumbItems(context, short: true).dropLast() + [full[full.count - 1]]
    }

    private static func crumbItems(_ context: RenderContext, short: Bool) -> [String] {
        let plan = context.council.plan
        var items = [context.text(plan.council)]
        for entry in context.state.stack.dropFirst() {
            switch entry.route {
            case .plan: break
            case .priority(let p):
                let priority = plan.priorities[p]
                items.append(context.text(short ? priority.code : "\(priority.code) \(priority.title)"))
            case .deliveryPlan(let p, let d):
                let deliveryPlan = plan.priorities[p].plans[d]
                items.append(context.text(short ? deliveryPlan.code : "\(deliveryPlan.code) \(deliveryPlan.title)"))
            case .measure(let m):
                let measure = context.council.measures[m]
                items.append(context.text(short ? measure.code : "\(measure.code) \(measure.title)"))
            // Widened with a second `a` from a plan's alerts, the list is the whole council's: the crumb says so.
            case .alerts(let level): items.append(level == .all ? "All alerts" : "Alerts")
            // Every draft of the council, whatever screen it was opened from: under a plan's crumbs it read as
            // that plan's, and `P` would sign off others.
            case .signOff: items.append(items.count > 1 ? "Awaiting sign-off: whole plan" : "Awaiting sign-off")
            case .search(let text): items.append(context.text("Find \"\(text)\""))
            // The whole plan's, whatever screen it was opened from (My measures' owner reads it as theirs otherwise).
            case .exceptions(let level): items.append(level == .all ? "Needs attention: whole plan" : "Needs attention")
            case .myMeasures:
                items.append(context.state.scope.name.isEmpty || short ? "My measures" : context.text("My measures: \(context.state.scope.name)"))
            }
        }
        return items
    }

    static func statusLine(_ context: RenderContext, layout: ListLayout) -> StatusLine {
        let state = context.state
        let theme = context.theme
        let rows = context.rows
        let position = rows.isEmpty ? "0/0" : "\(min(state.current.selection + 1, rows.count))/\(rows.count)"
        let updated = context.model.lastChanged.map { "\(theme.glyphs.separator)updated \(DateText.time($0))" } ?? ""
        let kept: String? = context.model.seesPublishedOnly ? "published figures" : nil
        let figures = kept.map { "\(theme.glyphs.separator)\($0)" } ?? ""
        let trailing = "\(position)\(theme.glyphs.separator)as at \(state.asAt.label)\(figures)\(updated)"
        switch state.mode {
        case .filtering:
            return StatusLine(
                message: "/" + context.text(state.current.filter) + "_",
                hints: [KeyHint(key: "Enter", label: "Keep"), KeyHint(key: "Esc", label: "Clear")], trailing: trailing, kept: kept, theme: theme)
        case .jumping(let code):
            return StatusLine(message: "Go to measure: " + code + "_", hints: [KeyHint(key: "Enter", label: "Go"), KeyHint(key: "Esc", label: "Cancel")],
                              trailing: trailing, kept: kept, theme: theme)
        case .editing:
            // A store lost while the form is open is said before the value is typed, not only when Enter fails.
            let message = state.message ?? state.dataProblem ?? "Recording as \(context.model.user)"
            return StatusLine(message: context.text(message), hints: [], trailing: trailing, kept: kept, theme: theme)
        case .help, .history, .browsing:
            var message = state.message ?? state.dataProblem ?? ""
            if message.isEmpty, let pending = state.pendingPeriod {
                message = "Judging as at \(pending.label)…"
            } else if message.isEmpty, !state.current.filter.isEmpty {
                message = "Filter \"\(state.current.filter)\": \(rows.count) match\(rows.count == 1 ? "" : "es")"
            } else if message.isEmpty, let meeting = state.meetingStatus {
                message = meeting
            }
            // `? Help` first, so that it is there at any width; hints that do not fit are left off the end.
            var actions: [AppAction] = [.toggleHelp, .open, .back, .showAlerts, .previousPeriod, .nextPeriod, .startFilter, .quit]
            // At the latest period there is no later one to offer (nor an earlier one before the first).
            if state.asAt >= context.model.periods.upperBound { actions.removeAll { $0 == .nextPeriod } }
            if state.asAt <= context.model.periods.lowerBound { actions.removeAll { $0 == .previousPeriod } }
            // `e` where it records: not on another's measure, nor on one retired or in development (it refuses them).
            if case .measure(let m) = state.current.route, context.model.canRecord(measure: m),
                context.council.measures[m].lifecycle == .active
            {
                actions.insert(.edit, at: 1)
            }
            if context.model.canSignOff, state.current.route == .signOff { actions.insert(contentsOf: [.publishSelected, .publishAll], at: 1) }
            if case .following(_, false, _, false) = state.meeting { actions.insert(.rejoin, at: 1) }
            let hints = DashboardKeymap.keymap.hints(
                for: actions,
                unicode: theme.glyphs.isUnicode)
            return StatusLine(message: context.text(message), hints: hints, trailing: trailing, kept: kept, theme: theme)
        }
    }
}

extension AppState {
    /// Keeps what the last frame decided about the current list: its scroll position and page size.
    public mutating func remember(_ layout: ListLayout) {
        current.scroll = layout.scroll
        pageSize = max(1, layout.visibleRows)
        if case .history(let period, _) = mode, let scroll = layout.detailScroll { mode = .history(period, scroll: scroll) }
        if case .help = mode, let scroll = layout.detailScroll { mode = .help(scroll: scroll) }
    }
}
