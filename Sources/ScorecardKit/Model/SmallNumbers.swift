/// How a measure's values could identify people, and so which of them a public report withholds.
///
/// Counts from 1 to ``largestWithheld`` (4 by default) are shown as `*` in public reports; zero is shown. A rate
/// built on counts of people is withheld when the count behind it is that small, or the count of those it leaves
/// out (the whole less the count: 97.8% of 45 leaves out one). The count is worked out from the rate, the number
/// of people it is out of (``Basis/rate(outOf:)``) and the unit's scale (100 for `%`, 10,000 for `per 10,000`, 1
/// otherwise).
public struct SmallNumbers: Sendable, Equatable {
    /// What the values count.
    public enum Basis: Sendable, Equatable {
        /// Each value is a count of people.
        case count
        /// Each value is a rate built on a count of people, out of this many people (a cohort, a population).
        case rate(outOf: Double)
    }

    public var basis: Basis
    /// The largest count withheld: counts from 1 to this are suppressed.
    public var largestWithheld: Int

    /// The default threshold: counts from 1 to 4 are withheld.
    public static let defaultLargestWithheld = 4

    public init(basis: Basis, largestWithheld: Int = SmallNumbers.defaultLargestWithheld) {
        self.basis = basis
        self.largestWithheld = largestWithheld
    }

    /// Whether `value`, written in `unit` and rounded to `decimals` as members see it, must be withheld: the count
    /// of people behind it is from 1 to ``largestWithheld``. Zero is never withheld.
    public func withholds(_ value: Double, unit: MeasureUnit, decimals: Int) -> Bool {
        guard value.isFinite else { return false }
        let shown = Judge.rounded(value, decimals)
        // A count behind a rate is rarely whole (the rate was rounded), and a count of people may be an average:
        // anything above zero up to the threshold and a half (which may round to the threshold) is withheld, so
        // rounding cannot let a 4 through, whether the figure as shown or as held is the smaller; and one above
        // zero that shows as 0 (0.3, or 3 people per 1,000 at one decimal) is withheld, not shown as none.
        let limit = Double(largestWithheld) + 0.5
        let small = { (held: Double, shown: Double) in (held > 0 || shown > 0) && min(held, shown) <= limit }
        switch basis {
        case .count:
            return small(value, shown)
        case .rate(let outOf):
            // So is a rate near its whole: 97.8% of 45 is 44 of them, and so the one who is not.
            let (held, count) = (value / unit.rateScale * outOf, shown / unit.rateScale * outOf)
            return small(held, count) || small(outOf - held, outOf - count)
        }
    }
}

extension MeasureUnit {
    /// What a rate in this unit is out of: 100 for a percentage (`%`, `percentage`, `per cent`, `% of cohort`),
    /// N for `per N` whatever follows (`per 10,000`, `per 100,000 population`, `rate per 1000`, `per 10k`), else 1.
    public var rateScale: Double {
        rateScaleIfKnown ?? 1
    }

    /// ``rateScale`` when the unit says it; `nil` when it does not (`number`, `people`): a rate of people in such a
    /// unit cannot be worked back to a count.
    public var rateScaleIfKnown: Double? {
        let lower = name.lowercased()
        if isPercentage || lower.contains("%") || lower.contains("percent") || lower.contains("per cent") { return 100 }
        let words = lower.split(separator: " ")
        guard let per = words.firstIndex(of: "per"), per + 1 < words.count else { return nil }
        var number = words[per + 1].filter { $0 != "," }
        var multiplier = 1.0
        if number.hasSuffix("k") { number.removeLast(); multiplier = 1_000 }
        if number.hasSuffix("m") { number.removeLast(); multiplier = 1_000_000 }
        guard let scale = Double(number), scale > 0 else { return nil }
        return scale * multiplier
    }
}

extension Measure {
    /// The periods whose values a public report withholds, among `observations` (the measure's, in period order).
    ///
    /// A value is withheld when the count behind it is small (``SmallNumbers/withholds(_:unit:decimals:)``). A
    /// cumulative measure's year-to-date totals also hide each step between two values shown: within a financial
    /// year, a value is withheld when it differs from any value shown that year (or the year's 0) by a small
    /// count, either way, so no difference between two values shown gives away a small number.
    public func withheldPeriods(in observations: some Sequence<Observation>) -> Set<Period> {
        guard let smallNumbers else { return [] }
        var withheld = Set<Period>()
        // A cumulative measure's values shown so far in the year (and its zero start): no two shown may differ by a
        // small count, whichever way (a total corrected down, 20 then 17, then 22, showed a step of 2 from 20).
        var shownThisYear: (year: Int, values: [Double])?
        for observation in observations {
            guard let value = observation.value else { continue }
            let period = observation.period
            if smallNumbers.withholds(value, unit: unit, decimals: decimals) {
                withheld.insert(period)
                continue
            }
            if cumulative {
                let year = period.financialYearStart
                let shown = shownThisYear?.year == year ? shownThisYear?.values ?? [0] : [0]
                if shown.contains(where: { smallNumbers.withholds(abs(value - $0), unit: unit, decimals: decimals) }) {
                    withheld.insert(period)
                    continue
                }
                shownThisYear = (year, shown + [value])
            }
        }
        return withheld
    }
}

extension Council {
    /// Withholds, in the measures `indices`, each value a member may not see (``Measure/withheldPeriods(in:)``):
    /// the observation becomes ``Observation/withheld``, shown as `*`, judged as reported but not judged on. Run
    /// again over values already withheld it changes nothing (they are skipped as the rule skips them).
    ///
    /// A cumulative measure's rule looks at the values shown earlier in the year: give it at least the year's.
    /// The measures' national comparators are left out too, as a public report leaves them out: the council's own
    /// figure and its interval beside England's narrow down a withheld count.
    public mutating func withholdSmallNumbers(ofMeasures indices: some Sequence<Int>) {
        for m in indices where measures[m].smallNumbers != nil {
            measures[m].comparators = nil
            let withheld = measures[m].withheldPeriods(in: observations[m])
            guard !withheld.isEmpty else { continue }
            for i in observations[m].indices where withheld.contains(observations[m][i].period) {
                observations[m][i] = observations[m][i].withheld
            }
        }
    }
}
