/// Direction of travel: how a value moved from one period to another.
///
/// With a polarity, a move is *improving* or *worsening* (a falling value improves a lower-is-better
/// measure; a move towards the target improves a band measure). Without one it is only *increasing* or
/// *decreasing*. Values are compared as members see them, rounded to the measure's decimals, so two values
/// shown alike are *no change*.
public enum Direction: String, Sendable, CaseIterable, Codable {
    case improving
    case worsening
    case noChange = "no-change"
    case increasing
    case decreasing

    public var label: String {
        switch self {
        case .improving: "Improving"
        case .worsening: "Worsening"
        case .noChange: "No change"
        case .increasing: "Increasing"
        case .decreasing: "Decreasing"
        }
    }

    /// The direction of travel from `old` to `new` for a measure of the given polarity; `nil` for a band measure
    /// with no target to measure it by.
    ///
    /// - Parameters:
    ///   - oldTarget: for a band measure, the target in force for `old`; `newTarget` likewise for `new`. With only
    ///     one of them, both values are measured against it (the same band, as far as anyone knows).
    public static func between(
        _ old: Double, _ new: Double, polarity: Polarity, decimals: Int,
        oldTarget: Double? = nil, newTarget: Double? = nil
    ) -> Direction? {
        let (o, n) = (Judge.rounded(old, decimals), Judge.rounded(new, decimals))
        switch polarity {
        case .higherIsBetter: return o == n ? .noChange : n > o ? .improving : .worsening
        case .lowerIsBetter: return o == n ? .noChange : n < o ? .improving : .worsening
        case .withinBand(let halfWidth):
            // Each value against its own period's target: the same value is worse when the target moved away.
            guard let oldTarget = oldTarget ?? newTarget else { return nil }
            let newTarget = newTarget ?? oldTarget
            let before = max(0, abs(o - oldTarget) - halfWidth)
            let after = max(0, abs(n - newTarget) - halfWidth)
            if Judge.nearlyEqual(before, after, scale: newTarget, decimals: decimals) {
                return .noChange
            }
            return after < before ? .improving : .worsening
        case .none: return o == n ? .noChange : n > o ? .increasing : .decreasing
        }
    }
}
