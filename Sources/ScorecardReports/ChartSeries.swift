import ScorecardKit

/// A measure's recent history for its chart: values and targets per period, up to and including the judged period.
public struct ChartSeries: Sendable, Equatable {
    /// One period of the chart.
    public struct Point: Sendable, Equatable {
        public var period: Period
        /// `nil` when missing or withheld.
        public var value: Double?
        public var target: Double?
        /// Whether the value is withheld to protect individuals (drawn as `*`, never at its height).
        public var withheld: Bool
        /// Whether the value is a draft awaiting sign-off (said so in the chart's description, as in the table).
        public var isDraft = false
    }

    public var points: [Point]
    /// The period the report is judged at, marked on the chart.
    public var judged: Period?
    /// The judged value's status, which colours its ring: a miss too small to see against a wide scale (56.3%
    /// against 57.2% on a year-to-date scale) still shows red. `nil` where the report gives none.
    public var judgedStatus: Status?
    public var unit: MeasureUnit
    public var decimals: Int
    /// Set when small numbers are withheld: the scale then labels no value in the withheld range either.
    public var smallNumbers: SmallNumbers?
    /// Whether the values are year-to-date totals: the lines then start afresh each April, not falling from March's.
    public var cumulative = false

    /// Writes a value as the measure does: `85.2%`.
    public func format(_ value: Double) -> String { unit.format(value, decimals: decimals) }

    /// Writes a target as the measure does (``Measure/formatTarget(_:)``): `147.5` for a measure of whole numbers.
    public func formatTarget(_ target: Double) -> String {
        unit.format(target, decimals: NumberText.places(toShow: target, decimals: decimals))
    }

    /// Whether the scale may label `value`: not when it is a number a public report withholds.
    public func mayLabel(_ value: Double) -> Bool {
        !(smallNumbers?.withholds(value, unit: unit, decimals: decimals) ?? false)
    }

    /// Writes a value for the chart's scale: the number alone (`1,234.5`), or with `%` or `£`, which are short;
    /// the caption names any other unit.
    public func scaleLabel(_ value: Double) -> String {
        unit.isPercentage || unit.name.hasPrefix("£") ? format(value) : NumberText.grouped(value, decimals: decimals)
    }

    /// The unit for the chart's caption when the scale does not show it (`per 1,000`, `days`); `nil` otherwise.
    public var unitCaption: String? {
        unit.isPercentage || unit.isCount || unit.name.hasPrefix("£") ? nil : unit.name
    }

    /// Whether there is anything to draw.
    public var isEmpty: Bool { points.allSatisfy { $0.value == nil && $0.target == nil && !$0.withheld } }
}
