/// A measure's statistical process control as at a reporting period: the XmR chart of its latest values up to the
/// judged period, each point's variation, and the assurance that the target will be met.
///
/// The baseline is the measure's values up to and including the judged period, at most ``maximumPoints`` of the
/// latest, and at least ``minimumPoints`` (fewer: no chart). Periods without a value are skipped (the moving range
/// spans the gap). Cumulative (year-to-date) measures are not charted: their totals restart each April, which is
/// no process; the year-end ``Forecast`` judges them.
public struct ProcessControl: Sendable, Equatable {
    /// The fewest values a chart is drawn from.
    public static let minimumPoints = 12
    /// The most values a chart is drawn from: the latest ones.
    public static let maximumPoints = 24

    /// A point of special-cause variation: its period and the rule it meets first.
    public struct SpecialPoint: Sendable, Equatable {
        public var period: Period
        public var signal: XmRChart.Signal
    }

    /// The first and last periods charted.
    public var from: Period
    public var to: Period
    /// How many values are charted (the periods from ``from`` to ``to`` that have one).
    public var points: Int
    /// Whether ``mean`` is the median (see ``XmRChart/centreIsMedian``).
    public var centreIsMedian: Bool
    /// The centre line's name, as the texts give it: `mean`, or `median` when it is.
    public var centreName: String { centreIsMedian ? "median" : "mean" }
    public var mean: Double
    public var lowerLimit: Double
    public var upperLimit: Double
    /// The points of special-cause variation, in order; every other point charted is common cause. (Only these are
    /// kept: most measures have none, and every measure is judged at every period looked at.)
    public var special: [SpecialPoint]
    /// The measure's polarity, which says what each signal means.
    public var polarity: Polarity
    /// Against the judged period's target; `nil` without a target or without polarity.
    public var assurance: Assurance?

    /// The signal of the last point charted (`nil`: common cause).
    public var signal: XmRChart.Signal? { special.last.flatMap { $0.period == to ? $0.signal : nil } }

    /// The variation of the last point charted (the judged period when it has a value).
    public var variation: Variation { Variation(signal: signal, polarity: polarity) }

    /// The variation at `period`, which must be one charted (from ``from`` to ``to``, with a value).
    public func variation(at period: Period) -> Variation {
        Variation(signal: special.first { $0.period == period }?.signal, polarity: polarity)
    }

    /// Whether `period` lies within the chart's periods.
    public func covers(_ period: Period) -> Bool { period >= from && period <= to }

    /// The chart of `values` at `periods` (in order) for a measure of `polarity`, with assurance against `target`;
    /// `nil` with fewer than ``minimumPoints`` values.
    public init?(periods: [Period], values: [Double], polarity: Polarity, target: Double?) {
        guard values.count == periods.count else { return nil }
        self.init(values: values, period: { periods[$0] }, polarity: polarity, target: target)
    }

    /// The chart of `values`, the value at index `i` being the one of `period(i)`.
    init?(values: [Double], period: (Int) -> Period, polarity: Polarity, target: Double?) {
        guard values.count >= Self.minimumPoints else { return nil }
        let chart = XmRChart(values: values)
        // Values near the largest a Double holds (a database edited by hand) give no chart rather than infinities.
        guard chart.mean.isFinite, chart.lowerLimit.isFinite, chart.upperLimit.isFinite else { return nil }
        from = period(0)
        to = period(values.count - 1)
        points = values.count
        mean = chart.mean
        centreIsMedian = chart.centreIsMedian
        lowerLimit = chart.lowerLimit
        upperLimit = chart.upperLimit
        special = chart.special.map { SpecialPoint(period: period($0.index), signal: $0.signal) }
        self.polarity = polarity
        assurance = Assurance(target: target, lowerLimit: chart.lowerLimit, upperLimit: chart.upperLimit, polarity: polarity)
    }
}

/// What kind of variation a point shows, in the measure's polarity.
public enum Variation: String, Sendable, Equatable, CaseIterable {
    case commonCause = "common cause"
    case improving = "special cause improving"
    case concerning = "special cause concerning"
    /// Special cause on the high side, for a measure with no better direction.
    case high = "special cause high"
    /// Special cause on the low side, for a measure with no better direction.
    case low = "special cause low"

    /// The variation a point with `signal` shows for a measure of `polarity` (a band has no better side).
    public init(signal: XmRChart.Signal?, polarity: Polarity) {
        guard let signal else {
            self = .commonCause
            return
        }
        switch polarity {
        case .higherIsBetter: self = signal.isHigh ? .improving : .concerning
        case .lowerIsBetter: self = signal.isHigh ? .concerning : .improving
        case .withinBand, .none: self = signal.isHigh ? .high : .low
        }
    }

    /// "Special cause concerning".
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public var isSpecial: Bool { self != .commonCause }
}

/// Whether the process, as its limits show, will meet the target.
public enum Assurance: String, Sendable, Equatable, CaseIterable {
    /// The target lies beyond the limits on the failing side: every value the process gives meets it.
    case consistentlyPasses = "consistently passes"
    /// The target lies beyond the limits on the passing side: no value the process gives meets it.
    case consistentlyFails = "consistently fails"
    /// The target lies between the limits (or on one).
    case mayPassOrFail = "may pass or fail"

    /// The assurance against `target` of a process within `lowerLimit...upperLimit`; `nil` without a target, or
    /// for a measure with no better direction.
    public init?(target: Double?, lowerLimit: Double, upperLimit: Double, polarity: Polarity) {
        guard let target, target.isFinite else { return nil }
        let higherIsBetter: Bool
        switch polarity {
        case .higherIsBetter: higherIsBetter = true
        case .lowerIsBetter: higherIsBetter = false
        case .withinBand, .none: return nil
        }
        if target > upperLimit {
            self = higherIsBetter ? .consistentlyFails : .consistentlyPasses
        } else if target < lowerLimit {
            self = higherIsBetter ? .consistentlyPasses : .consistentlyFails
        } else {
            self = .mayPassOrFail
        }
    }

    /// "Consistently fails".
    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
