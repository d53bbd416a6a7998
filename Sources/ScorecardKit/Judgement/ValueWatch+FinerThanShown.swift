extension ValueWatch {
    /// A measure's values written to more decimals than it shows and judges them to.
    public struct FinerValues: Sendable {
        /// The measure's code.
        public var code: String
        /// The first such value's period.
        public var period: Period
        /// The value as written (`89.5%`) and as shown and judged (`90%`).
        public var written: String
        public var shown: String
        /// The measure's decimals, and the fewest that show the first such value as written (up to 6).
        public var decimals: Int
        public var decimalsToShow: Int
        /// How many of its values are finer than shown.
        public var count: Int
    }

    /// The judged measures with values written to more decimals than they show: each value is judged as shown
    /// (89.5% of a measure of whole percentages is 90%, on track against 90%), so the measure may want more
    /// decimals. In the council's order, with the first such value. Fractions written for percentages are not
    /// among them (``fractions``, ``fractionTargets``, ``loneFractions`` name those): more decimals would judge
    /// 0.79% against 80%, off track, where 79% was meant.
    public var finerThanShown: [FinerValues] {
        let fractionsWritten = Set(fractions.map(\.code) + fractionTargets.map(\.code))
        let slipsAmong = Set(loneFractions.map(\.code))
        return measures.indices.compactMap { m in
            // Only a measure with such a value is taken out of the list (which copies it).
            guard seen[m].firstFiner != nil else { return nil }
            let measure = measures[m]
            guard !fractionsWritten.contains(measure.code) else { return nil }
            let slips = slipsAmong.contains(measure.code)
            guard let first = slips ? seen[m].firstFinerBeyondSlips : seen[m].firstFiner else { return nil }
            let places = measure.decimalsToShow(first.value)
            return FinerValues(
                code: measure.code, period: first.period, written: measure.unit.format(first.value, decimals: places),
                shown: measure.format(first.value), decimals: measure.decimals, decimalsToShow: places,
                count: slips ? seen[m].finerBeyondSlips : seen[m].finer)
        }
    }

    /// The judged measures with a target given beside a value (observations.csv's `target` column) written to more
    /// decimals than they show, as ``Council/targetsFinerThanShown()`` names the framework's: each measure's first,
    /// in the council's order; not one that looks like a fraction (``fractionTargets`` names it).
    public var rowTargetsFinerThanShown: [FinerTarget] {
        let fractionsWritten = Set(fractions.map(\.code) + fractionTargets.map(\.code))
        return measures.indices.compactMap { m in
            guard let first = seen[m].firstFinerRowTarget else { return nil }
            let measure = measures[m]
            guard !fractionsWritten.contains(measure.code) else { return nil }
            return FinerTarget(measure, period: first.period, target: first.value)
        }
    }
}
