import Foundation
import ScorecardKit

/// What a presenter's dashboard shows, as followers' dashboards read it from the store: the reporting period,
/// the "my measures" scope, and each screen of the navigation stack with its selection, scroll and filter.
/// Screens are named by codes (`priority:P1`, `measure:KBM-07`), not positions, so a follower finds them
/// whatever order its own data is in.
public struct MeetingView: Hashable, Sendable, Codable {
    public struct Screen: Hashable, Sendable, Codable {
        public var route: String
        public var selection: Int
        public var scroll: Int
        public var filter: String
        /// The selected row by code (`measure:KBM-07`, `draft:2026-10:KBI-03`), so that a follower whose list
        /// differs (a member's, without the drafts an officer sees) selects the same row; `nil` for none (and in
        /// views written before it: the position is used).
        public var row: String?

        public init(route: String, selection: Int, scroll: Int, filter: String, row: String? = nil) {
            self.route = route
            self.selection = selection
            self.scroll = scroll
            self.filter = filter
            self.row = row
        }
    }

    /// The reporting period, as the data files write it.
    public var asAt: String
    /// The owner or service "my measures" was asked for (`--owner`, `--service`); empty for none.
    public var scope: String
    /// The codes of the measures the presenter's "my measures" lists as those its login may record (an owner
    /// of a shared store, with no `--owner` or `--service`), which a follower's own login does not say; `nil`
    /// otherwise (and in views written before it).
    public var measures: [String]?
    public var screens: [Screen]
    /// The period whose detail (its commentary in full and its history) the presenter has open on the measure
    /// on screen, as the data files write it; `nil` for none (and in views written before it).
    public var detail: String?
    /// The meeting's name as its presenter wrote it (`--present Cabinet`), which a follower who typed `cabinet`
    /// is shown; `nil` in views written before it.
    public var name: String?

    /// The view as the store keeps it.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The most a view the store kept may hold: a presenter's dashboard never writes more (a stack a few
    /// screens deep), and a view written by hand beyond them would cost every follower time at each move.
    static let limits = (bytes: 65_536, screens: 64, textBytes: 1_024)

    /// The view the store kept, or `nil` when it is not one (or goes beyond ``limits``).
    public init?(text: String) {
        guard text.utf8.count <= Self.limits.bytes,
            let view = try? JSONDecoder().decode(MeetingView.self, from: Data(text.utf8)),
            view.screens.count <= Self.limits.screens,
            ([view.asAt, view.scope, view.detail ?? "", view.name ?? ""] + view.screens.flatMap { [$0.route, $0.filter, $0.row ?? ""] } + (view.measures ?? []))
                .allSatisfy({ $0.utf8.count <= Self.limits.textBytes })
        else { return nil }
        self = view
    }

    public init(asAt: String, scope: String, measures: [String]? = nil, screens: [Screen], detail: String? = nil, name: String? = nil) {
        self.asAt = asAt
        self.scope = scope
        self.measures = measures
        self.screens = screens
        self.detail = detail
        self.name = name
    }
}

extension Route {
    /// `plan`, `priority:P1`, `delivery-plan:DP-01`, `measure:KBM-07`, `alerts`, `my-measures`, `sign-off`.
    func sharedName(in council: Council) -> String {
        switch self {
        case .plan: "plan"
        case .priority(let p): "priority:" + council.plan.priorities[p].code
        case .deliveryPlan(let p, let d): "delivery-plan:" + council.plan.priorities[p].plans[d].code
        case .measure(let m): "measure:" + council.measures[m].code
        case .alerts(.all): "alerts"
        case .alerts(.mine): "alerts:my-measures"
        case .alerts(.priority(let p)): "alerts:priority:" + council.plan.priorities[p].code
        case .alerts(.deliveryPlan(let p, let d)): "alerts:delivery-plan:" + council.plan.priorities[p].plans[d].code
        case .myMeasures: "my-measures"
        case .signOff: "sign-off"
        case .search(let text): "search:" + text
        case .exceptions(let level): "exceptions" + Route.alerts(level).sharedName(in: council).dropFirst("alerts".count)
        }
    }

    /// The route a shared name stands for in `council`, or `nil` when it has no such part.
    init?(sharedName name: String, in council: Council) {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        let code = parts.count == 2 ? parts[1] : ""
        switch parts.first {
        case "plan": self = .plan
        case "alerts" where code.isEmpty: self = .alerts(.all)
        case "alerts":
            switch Route(sharedName: code, in: council) {
            case .priority(let p): self = .alerts(.priority(p))
            case .deliveryPlan(let p, let d): self = .alerts(.deliveryPlan(priority: p, plan: d))
            case .myMeasures: self = .alerts(.mine)
            default: return nil
            }
        case "my-measures": self = .myMeasures
        case "sign-off": self = .signOff
        case "search": self = .search(code)
        case "exceptions":
            guard case .alerts(let level)? = Route(sharedName: "alerts" + (code.isEmpty ? "" : ":" + code), in: council) else { return nil }
            self = .exceptions(level)
        case "priority":
            guard let p = council.plan.priorities.firstIndex(where: { $0.code == code }) else { return nil }
            self = .priority(p)
        case "delivery-plan":
            for (p, priority) in council.plan.priorities.enumerated() {
                if let d = priority.plans.firstIndex(where: { $0.code == code }) {
                    self = .deliveryPlan(priority: p, plan: d)
                    return
                }
            }
            return nil
        case "measure":
            guard let m = council.measureIndex(code: code) else { return nil }
            self = .measure(m)
        default: return nil
        }
    }
}

extension RowID {
    /// The row named by code, as a follower finds it again in its own data (see ``MeetingView/Screen/row``).
    func sharedName(in council: Council) -> String {
        switch self {
        case .priority(let p): "priority:" + council.plan.priorities[p].code
        case .deliveryPlan(let p, let d): "delivery-plan:" + council.plan.priorities[p].plans[d].code
        case .measure(let m): "measure:" + council.measures[m].code
        case .alert(let m, let rule): "alert:\(rule.rawValue):" + council.measures[m].code
        case .period(let period): "period:\(period.description)"
        case .draft(let m, let period): "draft:\(period.description):" + council.measures[m].code
        case .targetProposal(let m, let period): "target:\(period.description):" + council.measures[m].code
        }
    }

    /// The row a shared name stands for in `council`, or `nil` when it has no such row.
    init?(sharedName name: String, in council: Council) {
        let parts = name.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let measure = { (code: String) in council.measureIndex(code: code) }
        switch (parts[0], parts.count) {
        case ("priority", _), ("delivery-plan", _):
            guard case .priority(let p)? = Route(sharedName: name, in: council) else {
                guard case .deliveryPlan(let p, let d)? = Route(sharedName: name, in: council) else { return nil }
                self = .deliveryPlan(priority: p, plan: d)
                return
            }
            self = .priority(p)
        case ("measure", _):
            guard let m = measure(parts.dropFirst().joined(separator: ":")) else { return nil }
            self = .measure(m)
        case ("period", _):
            guard let period = Period(parsing: parts.dropFirst().joined(separator: ":")) else { return nil }
            self = .period(period)
        case ("alert", 3):
            guard let raw = Int(parts[1]), let rule = Alert.Rule(rawValue: raw), let m = measure(parts[2]) else { return nil }
            self = .alert(measure: m, rule: rule)
        case ("draft", 3), ("target", 3):
            guard let period = Period(parsing: parts[1]), let m = measure(parts[2]) else { return nil }
            self = parts[0] == "draft" ? .draft(measure: m, period: period) : .targetProposal(measure: m, period: period)
        default: return nil
        }
    }
}
