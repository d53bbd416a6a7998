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
    }

    /// The reporting period, as the data files write it.
    public var asAt: String
    public var scope: String
    public var screens: [Screen]

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
            ([view.asAt, view.scope] + view.screens.flatMap { [$0.route, $0.filter] }).allSatisfy({ $0.utf8.count <= Self.limits.textBytes })
        else { return nil }
        self = view
    }

    public init(asAt: String, scope: String, screens: [Screen]) {
        self.asAt = asAt
        self.scope = scope
        self.screens = screens
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
