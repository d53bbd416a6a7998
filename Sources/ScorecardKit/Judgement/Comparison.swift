/// An outcome measure judged against its comparators as at a reporting period: the latest period the national
/// data has a value for (ending within the reporting period), compared with England and the region by the 95%
/// confidence-interval rule, and ranked among the nearest neighbours.
///
/// A class, so that the evaluations of the many measures without comparators carry one word for it, not the whole.
public final class Comparison: Sendable, Equatable {
    /// The comparators' period.
    public let point: Comparators.Point
    public let comparedToEngland: Significance
    public let comparedToRegion: Significance
    /// The council's rank among itself and its neighbours with a value (1 the best; without polarity the highest),
    /// and how many those are.
    public let rank: Int?
    public let of: Int
    /// The quartile of that rank (1 the best), among four or more.
    public let quartile: Int?
    /// Whether a lower value ranks better.
    let comparedLowerIsBetter: Bool

    public static func == (a: Comparison, b: Comparison) -> Bool {
        a.point == b.point && a.comparedToEngland == b.comparedToEngland && a.comparedToRegion == b.comparedToRegion
            && a.rank == b.rank && a.of == b.of && a.quartile == b.quartile
    }

    /// The comparison from `comparators` as at `asAt`; `nil` when no period with a value ends within it.
    public init?(_ comparators: Comparators, asAt: Period, polarity: Polarity) {
        guard let point = comparators.points.last(where: { $0.value != nil && $0.period.endDate <= asAt.endDate }),
            let value = point.value
        else { return nil }
        let order = Significance.Order(polarity)
        self.point = point
        comparedLowerIsBetter = order == .lowerIsBetter
        comparedToEngland = Significance.compare(lower: point.lower, upper: point.upper, comparator: point.england, order: order)
        comparedToRegion = Significance.compare(lower: point.lower, upper: point.upper, comparator: point.region, order: order)
        let others = point.neighbours.compactMap(\.value)
        if others.isEmpty {
            rank = nil
            of = 0
            quartile = nil
        } else {
            let better = others.filter { order == .lowerIsBetter ? $0 < value : $0 > value }.count
            let rank = better + 1
            let of = others.count + 1
            self.rank = rank
            self.of = of
            quartile = of >= 4 ? min(4, (rank - 1) * 4 / of + 1) : nil
        }
    }

    /// The council and its neighbours with their values, best first (the council's ties before its equals).
    public var ranked: [(code: String, name: String, value: Double, isCouncil: Bool)] {
        var rows: [(code: String, name: String, value: Double, isCouncil: Bool)] = point.neighbours.compactMap { n in
            n.value.map { (n.code, n.name, $0, false) }
        }
        if let value = point.value { rows.append(("", "", value, true)) }
        return rows.sorted { a, b in
            if a.value != b.value { return comparedLowerIsBetter ? a.value < b.value : a.value > b.value }
            return a.isCouncil && !b.isCouncil
        }
    }
}
