/// An XmR (individuals and moving range) chart of a series, as NHS England's "Making Data Count" draws it and
/// NHSRplotthedots computes it: the mean, process limits at the mean ± 2.66 × the mean moving range, and each
/// point's variation by the special-cause rules.
///
/// The rules (the same as NHSRplotthedots' defaults; written out with worked examples in `docs/judgement.md`):
/// - The moving range of a point is its distance from the point before. Moving ranges of 3.267 × the mean moving
///   range or more are screened out and the mean moving range taken again over the rest (once). A series whose
///   moving ranges are all zero keeps a mean moving range of zero: its limits are the mean. A series whose every
///   non-zero moving range would be screened out is charted unscreened, around its median (Scorecard's own rule:
///   NHSRplotthedots would put the limits on the mean, and call every value off it special).
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
    /// The centre line: the mean of the values, or their median when ``centreIsMedian``.
    public let mean: Double
    /// Whether the centre line is the median: for a series whose every change would be screened out (see the type's
    /// rules), which is then charted unscreened, around its median.
    public let centreIsMedian: Bool
    /// The mean moving range after screening.
    public let meanMovingRange: Double
    public let lowerLimit: Double
    public let upperLimit: Double
    /// Two thirds of the way from the mean to each limit.
    public let lowerNear: Double
    public let upperNear: Double
    /// The indices of points whose moving range was screened out of the mean moving range.
    public let screenedOut: [Int]
    /// The points of special-cause variation, in order (every other point is common cause).
    public let special: [Flagged]

    /// A point of special-cause variation: its index in ``values`` and the rule it meets first.
    public struct Flagged: Sendable, Equatable {
        public var index: Int
        public var signal: Signal
    }

    /// Each point's special-cause signal, `nil` for common cause.
    public var signals: [Signal?] {
        var signals = [Signal?](repeating: nil, count: values.count)
        for flagged in special { signals[flagged.index] = flagged.signal }
        return signals
    }

    /// The chart of `values` (at least one; in time order). `screensOutliers: false` keeps every moving range (as
    /// the Making Data Count spreadsheet does); Scorecard screens them.
    public init(values: [Double], screensOutliers: Bool = true) {
        precondition(!values.isEmpty, "a chart of no points")
        self.values = values
        let n = values.count
        // Moving ranges read in place (every measure is charted at every judging, so nothing is copied).
        let unscreened = Self.mean(count: n - 1) { abs(values[$0 + 1] - values[$0]) }
        let limit = Self.screeningFactor * unscreened
        var screens = screensOutliers && unscreened > 0
        var amr = Self.mean(count: n - 1) { i -> Double? in
            let range = abs(values[i + 1] - values[i])
            return screens && range >= limit ? nil : range
        }
        // Every change screened out (95 every month but one month's 96; or 95 for a year, then 80 for a year): limits
        // on the mean, 95.04 or 87.5, would call every typical value special, and a centre line the values are
        // not on would make runs of them "shifts". Charted unscreened around the median, 95 is on the line and
        // the 96 above it; 80 after 95 is below the limits.
        let centreIsMedian = screens && amr == 0
        if centreIsMedian {
            screens = false
            amr = unscreened
        }
        let mean = centreIsMedian ? Self.median(values) : Self.mean(values)
        self.mean = mean
        self.centreIsMedian = centreIsMedian
        meanMovingRange = amr
        screenedOut = screens ? (1..<n).filter { abs(values[$0] - values[$0 - 1]) >= limit } : []
        lowerLimit = mean - Self.limitFactor * amr
        upperLimit = mean + Self.limitFactor * amr
        let near = 2 * (Self.limitFactor / 3)
        lowerNear = mean - near * amr
        upperNear = mean + near * amr
        special = Self.special(values, mean: mean, lower: lowerLimit, upper: upperLimit, lowerNear: lowerNear, upperNear: upperNear)
    }

    /// The median of `values` (at least one): the middle one in order, or the mean of the two middle ones.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The mean as R takes it: the sum over the count, then corrected by the mean of the residuals, so that a
    /// point equal to the mean is found to be on it (the sum is compensated, as R's is in long double).
    static func mean(_ xs: [Double]) -> Double {
        mean(count: xs.count) { xs[$0] }
    }

    /// The mean (as ``mean(_:)`` takes it) of `element(0)` to `element(count - 1)`, leaving out those that are
    /// `nil`; 0 when none is left. (A closure rather than a lazy collection: no generic code on this hot path.)
    static func mean(count: Int, _ element: (Int) -> Double?) -> Double {
        var sum = 0.0
        var compensation = 0.0
        var n = 0
        for i in 0..<max(0, count) {
            guard let x = element(i) else { continue }
            let y = x - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
            n += 1
        }
        guard n > 0 else { return 0 }
        var m = sum / Double(n)
        guard m.isFinite else { return m }
        var residual = 0.0
        for i in 0..<max(0, count) {
            if let x = element(i) { residual += x - m }
        }
        m += residual / Double(n)
        return m
    }

    private static func special(
        _ y: [Double], mean: Double, lower: Double, upper: Double, lowerNear: Double, upperNear: Double
    ) -> [Flagged] {
        let n = y.count
        // A value equal to the mean as people work it out is on it, whatever binary arithmetic leaves over (13
        // values summing to 757.9 have a mean of 58.300000000000004, and 58.3 is on it).
        let onMean = 1e-9 * max(1, abs(mean))
        func side(_ i: Int) -> Int { y[i] - mean > onMean ? 1 : (mean - y[i] > onMean ? -1 : 0) }
        func beyond(_ i: Int) -> Bool { y[i] > upper || y[i] < lower }
        func close(_ i: Int) -> Bool { !beyond(i) && (y[i] < lowerNear || y[i] > upperNear) }
        let shift: UInt8 = 1, trend: UInt8 = 2, twoOfThree: UInt8 = 4
        let run = runLength
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { flags in
            flags.initialize(repeating: 0)
            var any = false
            // A shift: 7 in a row on one side of the mean (a point on it breaks the run).
            var sameSide = 0
            for i in 0..<n {
                let s = side(i)
                sameSide = s != 0 && i > 0 && s == side(i - 1) ? sameSide + 1 : (s != 0 ? 1 : 0)
                if sameSide >= run {
                    for j in (i - run + 1)...i { flags[j] |= shift }
                    any = true
                }
            }
            // A trend: 7 points, 6 steps the same way (equal neighbours break it).
            var steps = 0
            var direction = 0
            for i in 1..<max(1, n) {
                let step = y[i] > y[i - 1] ? 1 : (y[i] < y[i - 1] ? -1 : 0)
                steps = step != 0 && step == direction ? steps + 1 : (step != 0 ? 1 : 0)
                direction = step
                if steps >= run - 1 {
                    for j in (i - run + 1)...i { flags[j] |= trend }
                    any = true
                }
            }
            // Two of three close to a limit, all three on one side: the close ones.
            if n >= 3 {
                for start in 0...(n - 3) {
                    let closeCount = (close(start) ? 1 : 0) + (close(start + 1) ? 1 : 0) + (close(start + 2) ? 1 : 0)
                    if closeCount >= 2, abs(side(start) + side(start + 1) + side(start + 2)) == 3 {
                        for i in start...(start + 2) where close(i) { flags[i] |= twoOfThree }
                        any = true
                    }
                }
            }
            var special: [Flagged] = []
            for i in 0..<n {
                let signal: Signal
                if beyond(i) {
                    signal = side(i) == 1 ? .aboveUpperLimit : .belowLowerLimit
                } else if !any {
                    continue
                } else if flags[i] & trend != 0 {
                    // Which way: towards the next point when it is in the trend too, else from the point before.
                    let next = i + 1 < n && flags[i + 1] & trend != 0
                    let step = next ? y[i + 1] - y[i] : (i > 0 ? y[i] - y[i - 1] : 0)
                    signal = step > 0 ? .trendRising : .trendFalling
                } else if flags[i] & twoOfThree != 0 {
                    signal = side(i) > 0 ? .twoOfThreeHigh : .twoOfThreeLow
                } else if flags[i] & shift != 0 {
                    signal = side(i) > 0 ? .shiftHigh : .shiftLow
                } else {
                    continue
                }
                special.append(Flagged(index: i, signal: signal))
            }
            return special
        }
    }
}
