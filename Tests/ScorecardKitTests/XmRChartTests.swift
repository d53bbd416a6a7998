import Testing

@testable import ScorecardKit

/// The XmR chart's limits and special-cause rules, with numbers worked by hand (and NHSRplotthedots' documented
/// example).
@Suite struct XmRChartTests {
    /// NHSRplotthedots' vignette on outlying points: 18 points, one outlier.
    static let outlier: [Double] = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

    @Test func theDocumentedOutlierExampleScreened() {
        let chart = XmRChart(values: Self.outlier)
        // Mean 35/18. Moving ranges 1,1,1,8,9 then twelve 1s: 32/17 = 1.882; 3.267 x 1.882 = 6.149, so 8 and 9 are
        // screened out and the mean moving range is 15/15 = 1.
        #expect(abs(chart.mean - 35.0 / 18) < 1e-12)
        #expect(chart.meanMovingRange == 1)
        #expect(chart.screenedOut == [4, 5])
        #expect(abs(chart.upperLimit - (35.0 / 18 + 2.66)) < 1e-12)
        #expect(abs(chart.lowerLimit - (35.0 / 18 - 2.66)) < 1e-12)
        #expect(Self.rounded(chart.upperLimit) == 4.6)
        #expect(Self.rounded(chart.mean) == 1.94)
        #expect(Self.rounded(chart.lowerLimit) == -0.72)
        // Only the outlier is special: above the upper limit.
        #expect(chart.signals == [nil, nil, nil, nil, .aboveUpperLimit] + Array(repeating: nil, count: 13))
    }

    @Test func theDocumentedOutlierExampleUnscreened() {
        let chart = XmRChart(values: Self.outlier, screensOutliers: false)
        #expect(abs(chart.meanMovingRange - 32.0 / 17) < 1e-12)
        #expect(Self.rounded(chart.upperLimit) == 6.95)
        #expect(Self.rounded(chart.mean) == 1.94)
        #expect(Self.rounded(chart.lowerLimit) == -3.06)
        #expect(chart.signals[4] == .aboveUpperLimit)
    }

    @Test func aConstantSeriesHasItsLimitsOnTheMean() {
        let chart = XmRChart(values: Array(repeating: 5, count: 12))
        #expect(chart.mean == 5)
        #expect(chart.lowerLimit == 5)
        #expect(chart.upperLimit == 5)
        #expect(chart.signals.allSatisfy { $0 == nil })
    }

    @Test func aSeriesWhoseEveryChangeWouldBeScreenedOutIsChartedUnscreenedAroundItsMedian() {
        // 95 for a year, 96 once, 95 for 11 months: 23 moving ranges, two of 1 (mean 2/23 = 0.087), both 3.267 x
        // 0.087 = 0.284 or more. Screened, the mean moving range would be 0 and the limits the mean, 95.0417: every
        // 95 "below the lower limit". Unscreened around the median, 95: limits 95 -+ 2.66 x 2/23 = 94.77 to 95.23;
        // the 96 is above (special), every 95 on the centre line (common cause, no shift).
        let steady = Array(repeating: 95.0, count: 12) + [96] + Array(repeating: 95.0, count: 11)
        let chart = XmRChart(values: steady)
        #expect(chart.centreIsMedian && chart.mean == 95 && chart.screenedOut.isEmpty)
        #expect(Self.rounded(chart.meanMovingRange) == 0.09 && Self.rounded(chart.lowerLimit) == 94.77 && Self.rounded(chart.upperLimit) == 95.23)
        #expect(chart.signals[12] == .aboveUpperLimit)
        #expect(chart.signals.enumerated().allSatisfy { $0.offset == 12 || $0.element == nil })
        // 95 for a year, then 80 for a year: a real fall. Median 87.5, limits 87.5 -+ 2.66 x 15/23 = 85.77 to 89.23;
        // every 80 is below the lower limit.
        let fall = Array(repeating: 95.0, count: 12) + Array(repeating: 80.0, count: 12)
        let fallen = XmRChart(values: fall)
        #expect(fallen.centreIsMedian && fallen.mean == 87.5 && Self.rounded(fallen.lowerLimit) == 85.77)
        #expect(fallen.signals.suffix(12).allSatisfy { $0 == .belowLowerLimit })
        // A constant series is not one: nothing is screened, its limits are its value.
        #expect(!XmRChart(values: Array(repeating: 5, count: 12)).centreIsMedian)
    }

    /// Mean exactly 10 (sum 180 over 18).
    static let shift: [Double] = [10, 12, 8, 11, 9, 12, 8, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 8, 7.5, 9, 12]

    @Test func sevenPointsAboveTheMeanAreAShift() {
        let chart = XmRChart(values: Self.shift)
        #expect(chart.mean == 10)
        #expect(Array(chart.signals[7...13]) == Array(repeating: .shiftHigh, count: 7))
        #expect(chart.signals[6] == nil)
        #expect(chart.signals[14] == nil)
    }

    @Test func aPointOnTheMeanBreaksTheRun() {
        // The 10 (the mean, exactly: 190 / 19) put after the third 10.5 splits the seven into runs of 3 and 4.
        var values = Self.shift
        values.insert(10, at: 10)
        let chart = XmRChart(values: values)
        #expect(chart.mean == 10)
        #expect(!chart.signals.contains(.shiftHigh))
    }

    @Test func aPointOnTheMeanAsPeopleWorkItOutBreaksTheRunThoughBinaryArithmeticLeavesAHair() {
        // 757.9 / 13 = 58.3, which binary arithmetic makes 58.300000000000004: June's 58.3 is on the mean, so
        // March to September (57.5, 57.6, 57.7, 58.3, 57.7, 57.7, 58) is no run of seven below it.
        let values = [59.1, 58.9, 58.5, 59.2, 59.1, 58.6, 57.5, 57.6, 57.7, 58.3, 57.7, 57.7, 58]
        let chart = XmRChart(values: values)
        #expect(abs(chart.mean - 58.3) < 1e-9)
        #expect(!chart.signals.contains(.shiftLow))
        var below = values
        below[9] = 58.2
        #expect(XmRChart(values: below).signals.contains(.shiftLow), "a hair that people see is below it")
    }

    @Test func sixRisingPointsAreNoTrendAndSevenAre() {
        // Limits wide enough (mean about 10.3, limits about 6.9 and 13.7) that only the trend rule can fire.
        let seven: [Double] = [10, 12, 9, 11, 10, 12, 11, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2, 10.4, 11, 9, 12, 10]
        let chart = XmRChart(values: seven)
        // Points 7 to 14 rise (8 points): all part of the trend.
        #expect(Array(chart.signals[7...14]) == Array(repeating: .trendRising, count: 8))
        #expect(chart.signals[6] == nil)
        #expect(chart.signals[15] == nil)
        let six: [Double] = [10, 12, 9, 11, 10, 12, 11, 9.2, 9.4, 9.6, 9.8, 10.0, 10.2, 9, 11, 9, 12, 10]
        #expect(!XmRChart(values: six).signals.contains(.trendRising))
        // A tie breaks a trend.
        var tie = seven
        tie[10] = 9.6
        #expect(!XmRChart(values: tie).signals.contains(.trendRising))
        let falling = XmRChart(values: seven.reversed())
        #expect(Array(falling.signals[3...10]) == Array(repeating: .trendFalling, count: 8))
    }

    @Test func twoOfThreeCloseToALimitOnOneSide() {
        // Mean about 10.66; the 2/3 line about 12.69, the upper limit about 13.70.
        let values: [Double] = Array([10, 11].repeated(12)) + [12.9, 11, 12.9] + Array([10, 11].repeated(3))
        let chart = XmRChart(values: values)
        #expect(chart.upperNear < 12.9 && 12.9 < chart.upperLimit)
        // Only the two close points are special; the one between them is not.
        #expect(Array(chart.signals[24...26]) == [.twoOfThreeHigh, nil, .twoOfThreeHigh])
        // With the middle point below the mean the three are not on one side: no signal.
        var across = values
        across[25] = 10.5
        #expect(XmRChart(values: across).signals.allSatisfy { $0 == nil })
    }

    @Test func variationFollowsThePolarity() {
        #expect(Variation(signal: .aboveUpperLimit, polarity: .higherIsBetter) == .improving)
        #expect(Variation(signal: .aboveUpperLimit, polarity: .lowerIsBetter) == .concerning)
        #expect(Variation(signal: .trendFalling, polarity: .lowerIsBetter) == .improving)
        #expect(Variation(signal: .shiftHigh, polarity: .none) == .high)
        #expect(Variation(signal: .twoOfThreeLow, polarity: .withinBand(halfWidth: 1)) == .low)
        #expect(Variation(signal: nil, polarity: .higherIsBetter) == .commonCause)
    }

    @Test func assuranceWithTheTargetOnEachSideOfTheLimits() {
        // Limits 1 to 3.
        #expect(Assurance(target: 4, lowerLimit: 1, upperLimit: 3, polarity: .higherIsBetter) == .consistentlyFails)
        #expect(Assurance(target: 0.5, lowerLimit: 1, upperLimit: 3, polarity: .higherIsBetter) == .consistentlyPasses)
        #expect(Assurance(target: 4, lowerLimit: 1, upperLimit: 3, polarity: .lowerIsBetter) == .consistentlyPasses)
        #expect(Assurance(target: 0.5, lowerLimit: 1, upperLimit: 3, polarity: .lowerIsBetter) == .consistentlyFails)
        // Between the limits, or on one: may pass or fail.
        #expect(Assurance(target: 2, lowerLimit: 1, upperLimit: 3, polarity: .higherIsBetter) == .mayPassOrFail)
        #expect(Assurance(target: 3, lowerLimit: 1, upperLimit: 3, polarity: .higherIsBetter) == .mayPassOrFail)
        // No target, or no better direction: no assurance.
        #expect(Assurance(target: nil, lowerLimit: 1, upperLimit: 3, polarity: .higherIsBetter) == nil)
        #expect(Assurance(target: 4, lowerLimit: 1, upperLimit: 3, polarity: .none) == nil)
    }

    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}

extension Array {
    /// The array's elements, `count` times over.
    fileprivate func repeated(_ count: Int) -> [Element] { (0..<count).flatMap { _ in self } }
}
