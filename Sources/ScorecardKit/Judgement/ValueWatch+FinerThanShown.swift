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
    /// decimals. In the council's order, with the first such value.
    public var finerThanShown: [FinerValues] {
        measures.indices.compactMap { m in
            guard let first = seen[m].firstFiner else { return nil }
            let measure = measures[m]
            return FinerValues(
                code: measure.code, period: first.period, written: measure.formatAsRecorded(first.value), shown: measure.format(first.value),
                decimals: measure.decimals, decimalsToShow: (measure.decimals...6).first { Judge.rounded(first.value, $0) == first.value } ?? 6,
                count: seen[m].finer)
        }
    }
}
