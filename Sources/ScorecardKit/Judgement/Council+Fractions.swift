extension Council {
    /// The percentage measures whose values look like fractions written for percentages (0.79 for 79%): at least
    /// two values, every one between 0 and 1 and not all 0, while a target (the framework's, or one given
    /// beside a value) is 10% or more. Judged as they are, such a measure is off track every period (0.8%
    /// against 85%); the files are most likely at fault (a spreadsheet's percentages exported as General
    /// numbers), so `check` warns of them. (A measure of small percentages, 0.9% against 1.05%, is not one.)
    /// - Returns: each such measure's code and its largest value and target, in the council's order.
    public func fractionsForPercentages() -> [(code: String, largestValue: Double, target: Double)] {
        valueWatch.fractions
    }

    /// The percentage measures with a value or a few that look like fractions among their percentages
    /// (``ValueWatch/loneFractions``).
    public func loneFractionsForPercentages() -> [(code: String, period: Period, value: Double, count: Int)] {
        valueWatch.loneFractions
    }

    /// Every observation taken in by one ``ValueWatch``: both kinds of fraction from one pass.
    public var valueWatch: ValueWatch {
        var watch = ValueWatch(measures: measures)
        for m in observations.indices {
            for observation in observations[m] { watch.observe(observation, measure: m) }
        }
        return watch
    }
}
