/// An XmR (individuals and moving range) chart of a series, as NHS England's "Making Data Count" draws it and
/// NHSRplotthedots computes it: the mean, process limits at the mean ± 2.66 × the mean moving range, and each
/// point's variation by the special-cause rules.
///
/// The rules (the same as NHSRplotthedots' defaults; written out with worked examples in `docs/judgement.md`):
/// - The moving range of a point is its distance from the point before. Moving ranges of 3.267 × the mean moving
///   range or more are screened out and the mean moving range taken again over the rest (once). A series whose
///   moving ranges are all zero keeps a mean moving range of zero: its limits are the mean.
/// - **Beyond a limit**: above the upper limit or below the lower one (a point on a limit is not beyond it).
/// - **Trend**: 7 points each higher (or each lower) than the one before; every point of the run is special.
///   Equal neighbours break it.
/// - **Two of three**: two of three points in a row beyond two thirds of the way to a limit (but not beyond the
///   limit), all three on the same side of the mean; the two are special.
/// - **Shift**: 7 points in a row on the same side of the mean; every point of the run is special. A point on the
///   mean breaks it.
/// A point special by more than one rule takes the first in that order, which also says which way it is special:
/// above or below for a limit, a run or two of three; rising or falling for a trend.
public struct XmRChart: Sendable, Equatable {
    /// The special-cause rule a point meets first, with its side.
    public enum Signal: Sendable, Equatable {
        case aboveUpperLimit, belowLowerLimit
        case trendRising, trendFalling
        case twoOfThreeHigh, twoOfThreeLow
        case shiftHigh, shiftLow

        /// Whether the signal is on the high side (above, rising).
        public var isHigh: Bool {
            switch self {
            case .aboveUpperLimit, .trendRising, .twoOfThreeHigh, .shiftHigh: true
            case .belowLowerLimit, .trendFalling, .twoOfThreeLow, .shiftLow: false
            }
        }

        /// In plain words: "above the upper process limit", "part of 7 rising points".
        public var label: String {
            switch self {
            case .aboveUpperLimit: "above the upper process limit"
            case .belowLowerLimit: "below the lower process limit"
            case .trendRising: "one of 7 or more points each higher than the last"
            case .trendFalling: "one of 7 or more points each lower than the last"
            case .twoOfThreeHigh: "two of three points close to the upper limit"
            case .twoOfThreeLow: "two of three points close to the lower limit"
            case .shiftHigh: "one of 7 or more points in a row above the mean"
            case .shiftLow: "one of 7 or more points in a row below the mean"
            }
        }
    }

    /// The multiple of the mean moving range from the mean to each process limit.
    public static let limitFactor = 2.66
    /// Moving ranges this many times the mean moving range or more are screened out.
    public static let screeningFactor = 3.267
    /// How many points in a row make a trend or a shift.
    public static let runLength = 7

    public let values: [Double]
    public let mean: Double
    /// The mean moving range after screening.
    public let meanMovingRange: Double
    public let lowerLimit: Double
    public let upperLimit: Double
    /// Two thirds of the way from the mean to each limit.
    public let lowerNear: Double
    public let upperNear: Double
    /// The indices of points whose moving range was screened out of the mean moving range.
    public let screenedOut: [Int]
    /// Each point's special-cause signal, `nil` for common cause.
    public let signals: [Signal?]

    /// The chart of `values` (at least one; in time order). `screensOutliers: false` keeps every moving range (as
    /// the Making Data Count spreadsheet does); Scorecard screens them.
    public init(values: [Double], screensOutliers: Bool = true) {
        precondition(!values.isEmpty, "a chart of no points")
        self.values = values
        let n = values.count
        let mean = Self.mean(values)
        var ranges: [Double] = []
        for i in 1..<max(1, n) { ranges.append(abs(values[i] - values[i - 1])) }
        let unscreened = ranges.isEmpty ? 0 : Self.mean(ranges)
        var kept: [Double] = []
        var screened: [Int] = []
        for (offset, range) in ranges.enumerated() {
            if screensOutliers, unscreened > 0, range >= Self.screeningFactor * unscreened {
                screened.append(offset + 1)
            } else {
                kept.append(range)
            }
        }
        let amr = kept.isEmpty ? 0 : Self.mean(kept)
        self.mean = mean
        meanMovingRange = amr
        screenedOut = screened
        lowerLimit = mean - Self.limitFactor * amr
        upperLimit = mean + Self.limitFactor * amr
        let near = 2 * (Self.limitFactor / 3)
        lowerNear = mean - near * amr
        upperNear = mean + near * amr
        signals = Self.signals(values, mean: mean, lower: lowerLimit, upper: upperLimit, lowerNear: lowerNear, upperNear: upperNear)
    }

    /// The mean as R takes it: the sum over the count, then corrected by the mean of the residuals, so that a
    /// point equal to the mean is found to be on it (the sum is compensated, as R's is in long double).
    static func mean(_ xs: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for x in xs {
            let y = x - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        let n = Double(xs.count)
        var m = sum / n
        guard m.isFinite else { return m }
        var residual = 0.0
        for x in xs { residual += x - m }
        m += residual / n
        return m
    }

    private static func signals(
        _ y: [Double], mean: Double, lower: Double, upper: Double, lowerNear: Double, upperNear: Double
    ) -> [Signal?] {
        let n = y.count
        let side = y.map { $0 > mean ? 1 : ($0 < mean ? -1 : 0) }
        let beyond = y.map { $0 > upper || $0 < lower }
        let close = y.indices.map { !beyond[$0] && (y[$0] < lowerNear || y[$0] > upperNear) }
        let run = runLength
        // Points in a shift: 7 in a row on one side.
        var inShift = [Bool](repeating: false, count: n)
        if n >= run {
            for end in (run - 1)..<n {
                let window = side[(end - run + 1)...end]
                if let first = window.first, first != 0, window.allSatisfy({ $0 == first }) {
                    for i in (end - run + 1)...end { inShift[i] = true }
                }
            }
        }
        // Points in a trend: 7 points, 6 steps the same way.
        var inTrend = [Bool](repeating: false, count: n)
        if n >= run {
            for end in (run - 1)..<n {
                let steps = ((end - run + 2)...end).map { y[$0] > y[$0 - 1] ? 1 : (y[$0] < y[$0 - 1] ? -1 : 0) }
                if let first = steps.first, first != 0, steps.allSatisfy({ $0 == first }) {
                    for i in (end - run + 1)...end { inTrend[i] = true }
                }
            }
        }
        // Two of three close to a limit, all three on one side: the close ones.
        var inTwoOfThree = [Bool](repeating: false, count: n)
        if n >= 3 {
            for start in 0...(n - 3) {
                let window = start...(start + 2)
                let closeCount = window.filter { close[$0] }.count
                let sideSum = window.reduce(0) { $0 + side[$1] }
                if closeCount >= 2, abs(sideSum) == 3 {
                    for i in window where close[i] { inTwoOfThree[i] = true }
                }
            }
        }
        return (0..<n).map { i -> Signal? in
            if beyond[i] { return side[i] == 1 ? .aboveUpperLimit : .belowLowerLimit }
            if inTrend[i] {
                // Which way: towards the next point when it is in the trend too, else from the point before.
                let step = i + 1 < n && inTrend[i + 1] ? y[i + 1] - y[i] : (i > 0 ? y[i] - y[i - 1] : 0)
                return step > 0 ? .trendRising : .trendFalling
            }
            if inTwoOfThree[i] { return side[i] > 0 ? .twoOfThreeHigh : .twoOfThreeLow }
            if inShift[i] { return side[i] > 0 ? .shiftHigh : .shiftLow }
            return nil
        }
    }
}
