extension Council {
    /// The framework targets written to more decimals than their measure shows its values (7.5 days for a measure
    /// of whole days): values are judged as members see them, rounded, so a value equal to such a target can miss
    /// it (7.5 shows as 8, over 7.5). Each measure's first such target, in the council's order: the target as
    /// written (`7.5 days`), a value of it as shown (`8 days`), and the measure's decimals; `check` warns of them.
    public func targetsFinerThanShown() -> [(code: String, period: Period, target: String, shown: String, decimals: Int)] {
        measures.compactMap { measure in
            guard let entry = measure.targets.chronological.first(where: { measure.isFinerThanShown($0.value) }) else { return nil }
            return (measure.code, entry.period, measure.formatTarget(entry.value), measure.format(entry.value), measure.decimals)
        }
    }
}

extension Measure {
    /// Whether `figure` (a target or a value) has more decimals than the measure's values are shown and judged to (a
    /// target of 97.25% for a measure of 1 decimal: a value of 97.25% shows, and is judged, as 97.3%). A measure with no
    /// polarity is not judged.
    public func isFinerThanShown(_ figure: Double) -> Bool {
        polarity != .none && figure.isFinite && abs(Judge.rounded(figure, decimals) - figure) > 1e-9 * max(1, abs(figure))
    }
}
