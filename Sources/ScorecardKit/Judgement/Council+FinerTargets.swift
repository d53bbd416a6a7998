extension Council {
    /// The framework targets written to more decimals than their measure shows its values (7.5 days for a measure
    /// of whole days): values are judged as members see them, rounded, so a value equal to such a target can miss
    /// it (7.5 shows as 8, over 7.5). Each measure's first such target, in the council's order: the target as
    /// written (`7.5 days`), a value of it as shown (`8 days`), and the measure's decimals; `check` warns of them.
    public func targetsFinerThanShown() -> [FinerTarget] {
        measures.compactMap { measure in
            // The earliest such target, found in one pass (sorting every measure's targets took ~10 ms of 10,000).
            guard let entry = measure.targets.entries.lazy.filter({ measure.isFinerThanShown($0.value) }).min(by: { $0.period < $1.period })
            else { return nil }
            return FinerTarget(measure, period: entry.period, target: entry.value)
        }
    }
}

/// A target written to more decimals than its measure shows and judges values to: what `check`, `import` and
/// `target` warn of.
public struct FinerTarget: Sendable, Equatable {
    public var code: String
    public var period: Period
    /// The target as written (`7.5 days`), a value of it as shown (`8 days`), the measure's decimals, and the fewest
    /// that would show it as written (up to 6).
    public var target: String
    public var shown: String
    public var decimals: Int
    public var decimalsToShow: Int

    public init(_ measure: Measure, period: Period, target: Double) {
        code = measure.code
        self.period = period
        self.target = measure.formatTarget(target)
        shown = measure.format(target)
        decimals = measure.decimals
        decimalsToShow = measure.decimalsToShow(target)
    }
}

extension Measure {
    /// Whether `figure` (a target or a value) has more decimals than the measure's values are shown and judged to (a
    /// target of 97.25% for a measure of 1 decimal: a value of 97.25% shows, and is judged, as 97.3%). A measure with no
    /// polarity is not judged.
    public func isFinerThanShown(_ figure: Double) -> Bool {
        polarity != .none && Self.isFinerThanShown(figure, decimals: decimals)
    }

    /// Whether `figure` has more decimals than `decimals`, give or take binary noise.
    static func isFinerThanShown(_ figure: Double, decimals: Int) -> Bool {
        figure.isFinite && abs(Judge.rounded(figure, decimals) - figure) > 1e-9 * max(1, abs(figure))
    }

    /// The fewest decimals, from the measure's own up to 6, that show `figure` as written.
    public func decimalsToShow(_ figure: Double) -> Int {
        guard figure.isFinite else { return 6 }
        return (decimals...6).first { !Self.isFinerThanShown(figure, decimals: $0) } ?? 6
    }
}
