/// How an area's value compares with a comparator's (England, its region, a neighbour), by the 95% confidence-interval
/// rule: the comparator's value inside the area's interval is *similar*; outside it the area is significantly better
/// or worse in the measure's polarity, or, without polarity, significantly higher or lower.
public enum Significance: String, Sendable, Equatable, CaseIterable, Codable {
    case better
    case similar
    case worse
    case higher
    case lower
    /// No value, no interval, no comparator value, or the area is the comparator.
    case notCompared = "not compared"

    /// Which way round a comparison reads: better/worse for a measure with a polarity, higher/lower without one.
    public enum Order: String, Sendable, Equatable, CaseIterable {
        case higherIsBetter = "higher"
        case lowerIsBetter = "lower"
        case none

        /// The order a measure's polarity gives (a band, having no side that is better, compares as higher/lower).
        public init(_ polarity: Polarity) {
            switch polarity {
            case .higherIsBetter: self = .higherIsBetter
            case .lowerIsBetter: self = .lowerIsBetter
            case .withinBand, .none: self = .none
            }
        }
    }

    /// The comparison of a value with interval `lower...upper` against `comparator`. The interval's ends count as
    /// inside (a comparator exactly on a limit is similar). Any of them missing or not finite, or an interval the
    /// wrong way round, is `.notCompared`.
    public static func compare(lower: Double?, upper: Double?, comparator: Double?, order: Order) -> Significance {
        guard let lower, let upper, let comparator, lower.isFinite, upper.isFinite, comparator.isFinite, lower <= upper
        else { return .notCompared }
        if comparator >= lower && comparator <= upper { return .similar }
        let areaIsHigher = comparator < lower
        switch order {
        case .higherIsBetter: return areaIsHigher ? .better : .worse
        case .lowerIsBetter: return areaIsHigher ? .worse : .better
        case .none: return areaIsHigher ? .higher : .lower
        }
    }

    /// Reads a published judgement as Fingertips writes it (`Better`, `Similar`, `Worse`, `Higher`, `Lower`,
    /// `Not compared`, in any case, perhaps with the level after it: `Better 95%`); `nil` for anything else
    /// (percentile bands, goals, blanks).
    public init?(published text: String) {
        let word = text.trimmingWhitespace().lowercased()
        if let significance = Significance(rawValue: word) {
            self = significance
            return
        }
        // Older downloads add the level: `Better 95%`, `Worse 99.8%`.
        guard let first = word.split(separator: " ").first, ["better", "similar", "worse", "higher", "lower"].contains(first),
            let significance = Significance(rawValue: String(first))
        else { return nil }
        self = significance
    }

    /// For members: "Worse than England" and the like, given the comparator's name.
    public func phrase(against comparator: String) -> String {
        switch self {
        case .better: "Better than \(comparator)"
        case .similar: "Similar to \(comparator)"
        case .worse: "Worse than \(comparator)"
        case .higher: "Higher than \(comparator)"
        case .lower: "Lower than \(comparator)"
        case .notCompared: "Not compared"
        }
    }
}
