import ScorecardKit

extension AppState {
    /// After the data changed underneath (a value recorded here or by another process, or a re-import):
    /// keeps the same screens, filters and selected rows, finding each priority, delivery plan and measure again
    /// by its code. A level whose subject has gone is dropped, and the one above it stays.
    ///
    /// - Parameters:
    ///   - old: the council before the change.
    ///   - previous: ``selectedRows(model:)`` taken before the change.
    public mutating func remap(from old: Council, previous: [RowID?], model: DashboardModel) {
        let mapper = RowMapper(old: old, new: model.council)
        var entries: [NavigationEntry] = []
        var rows: [RowID?] = []
        for (level, entry) in stack.enumerated() {
            guard let route = mapper.route(entry.route) else {
                // Said, rather than the screen closing without a word (a form half typed with it).
                if let gone = Self.name(of: entry.route, in: old) {
                    let typing: Bool = if case .editing = mode { true } else { false }
                    message = "\(gone) is no longer in the framework (an import removed it)" + (typing ? ": the value typed was not saved" : "")
                }
                break
            }
            var mapped = entry
            mapped.route = route
            entries.append(mapped)
            rows.append(level < previous.count ? previous[level].flatMap(mapper.row) : nil)
        }
        replaceStack(entries)
        if case .editing(var form) = mode {
            if let m = mapper.measure(form.measure) {
                form.measure = m
                mode = .editing(form)
            } else {
                mode = .browsing
            }
        }
        reanchorAll(previous: rows, model: model)
    }

    /// What a screen that can go away is of: `Measure KBI-008`, `Delivery plan DP-02`, `Priority P3`.
    private static func name(of route: Route, in council: Council) -> String? {
        switch route {
        case .measure(let m): "Measure " + council.measures[m].code
        case .deliveryPlan(let p, let d): "Delivery plan " + council.plan.priorities[p].plans[d].code
        case .priority(let p): "Priority " + council.plan.priorities[p].code
        default: nil
        }
    }
}

/// Finds the rows and routes of one version of a council in another, by their codes.
struct RowMapper {
    let old: Council
    let new: Council

    func measure(_ m: Int) -> Int? {
        guard old.measures.indices.contains(m) else { return nil }
        return new.measureIndex(code: old.measures[m].code)
    }

    func priority(_ p: Int) -> Int? {
        guard old.plan.priorities.indices.contains(p) else { return nil }
        let code = old.plan.priorities[p].code
        return new.plan.priorities.firstIndex { $0.code == code }
    }

    func plan(_ p: Int, _ d: Int) -> (Int, Int)? {
        guard let newP = priority(p), old.plan.priorities[p].plans.indices.contains(d) else { return nil }
        let code = old.plan.priorities[p].plans[d].code
        return new.plan.priorities[newP].plans.firstIndex { $0.code == code }.map { (newP, $0) }
    }

    func route(_ route: Route) -> Route? {
        switch route {
        case .plan, .alerts(.all), .alerts(.mine), .myMeasures, .signOff, .search, .exceptions(.all), .exceptions(.mine): route
        case .exceptions(.priority(let p)): priority(p).map { .exceptions(.priority($0)) }
        case .exceptions(.deliveryPlan(let p, let d)): plan(p, d).map { .exceptions(.deliveryPlan(priority: $0.0, plan: $0.1)) }
        case .alerts(.priority(let p)): priority(p).map { .alerts(.priority($0)) }
        case .alerts(.deliveryPlan(let p, let d)): plan(p, d).map { .alerts(.deliveryPlan(priority: $0.0, plan: $0.1)) }
        case .priority(let p): priority(p).map { .priority($0) }
        case .deliveryPlan(let p, let d): plan(p, d).map { .deliveryPlan(priority: $0.0, plan: $0.1) }
        case .measure(let m): measure(m).map { .measure($0) }
        }
    }

    func row(_ row: RowID) -> RowID? {
        switch row {
        case .priority(let p): priority(p).map { .priority($0) }
        case .deliveryPlan(let p, let d): plan(p, d).map { .deliveryPlan(priority: $0.0, plan: $0.1) }
        case .measure(let m): measure(m).map { .measure($0) }
        case .alert(let m, let rule): measure(m).map { .alert(measure: $0, rule: rule) }
        case .period: row
        case .draft(let m, let period): measure(m).map { .draft(measure: $0, period: period) }
        case .targetProposal(let m, let period): measure(m).map { .targetProposal(measure: $0, period: period) }
        }
    }
}
