extension Council {
    /// The percentage measures whose values look like fractions written for percentages (0.79 for 79%): at least
    /// three values, every one between 0 and 1 and not all 0, while the targets set are above 1. Judged as
    /// they are, such a measure is off track every period (0.8% against 85%); the files are most likely at
    /// fault (a spreadsheet's percentages exported as General numbers), so `check` and `import` warn of them.
    /// - Returns: each such measure's code and its largest value and target, in the council's order.
    public func fractionsForPercentages() -> [(code: String, largestValue: Double, target: Double)] {
        measures.indices.compactMap { m in
            let measure = measures[m]
            guard measure.unit.isPercentage, let target = measure.targets.chronological.map(\.value).max(), target > 1 else { return nil }
            let values = observations[m].compactMap(\.value)
            guard values.count >= 3, let largest = values.max(), largest > 0, largest <= 1, values.allSatisfy({ $0 >= 0 }) else { return nil }
            return (measure.code, largest, target)
        }
    }
}
