import Testing

@testable import ScorecardKit

@Suite("RAG status")
struct JudgeTests {
    // Higher is better, target 90, tolerance 5% of 90 = 4.5: on track from 90, within tolerance from 85.5.
    @Test("higher is better with a percentage tolerance", arguments: [
        (95.0, Status.onTrack),
        (90.0, .onTrack),  // exactly on target
        (89.9, .withinTolerance),
        (85.5, .withinTolerance),  // exactly on the tolerance boundary
        (85.4, .offTrack),
        (0.0, .offTrack),
    ])
    func higherPercent(value: Double, expected: Status) {
        #expect(Judge.status(value: value, target: 90, polarity: .higherIsBetter, tolerance: .percent(5), decimals: 1) == expected)
    }

    // Lower is better (sickness days per FTE), target 8.0, absolute tolerance 0.5: on track up to 8.0,
    // within tolerance up to 8.5.
    @Test("lower is better with an absolute tolerance", arguments: [
        (7.2, Status.onTrack),
        (8.0, .onTrack),
        (8.1, .withinTolerance),
        (8.5, .withinTolerance),
        (8.6, .offTrack),
    ])
    func lowerAbsolute(value: Double, expected: Status) {
        #expect(Judge.status(value: value, target: 8, polarity: .lowerIsBetter, tolerance: .absolute(0.5), decimals: 1) == expected)
    }

    // Decimal values that binary floating point cannot hold exactly: 95.3 - 0.2 is 95.10000000000001.
    @Test("boundaries hold for decimals binary floating point cannot represent")
    func floatingPointBoundaries() {
        #expect(Judge.status(value: 95.1, target: 95.3, polarity: .higherIsBetter, tolerance: .absolute(0.2), decimals: 1) == .withinTolerance)
        #expect(Judge.status(value: 0.3, target: 0.1 + 0.2, polarity: .higherIsBetter, tolerance: nil, decimals: 2) == .onTrack)
        // 10% of 2.1 is 0.21: 1.89 is exactly on the boundary.
        #expect(Judge.status(value: 1.89, target: 2.1, polarity: .higherIsBetter, tolerance: .percent(10), decimals: 2) == .withinTolerance)
        #expect(Judge.status(value: 1.88, target: 2.1, polarity: .higherIsBetter, tolerance: .percent(10), decimals: 2) == .offTrack)
        // A miss of one unit against a billion is a miss: the allowance for binary error is less than half the
        // last place shown (it was one part in 10^9 of the target, £1 here).
        #expect(Judge.status(value: 999_999_999, target: 1e9, polarity: .higherIsBetter, tolerance: nil, decimals: 0) == .offTrack)
        #expect(Judge.status(value: 9_999_999_999, target: 1e10, polarity: .higherIsBetter, tolerance: nil, decimals: 0) == .offTrack)
        #expect(Judge.status(value: 499_999_999.5, target: 5e8, polarity: .higherIsBetter, tolerance: nil, decimals: 1) == .offTrack)
        #expect(Judge.status(value: 1e9, target: 1e9, polarity: .higherIsBetter, tolerance: nil, decimals: 0) == .onTrack)
        #expect(Judge.status(value: 1_000_000_001, target: 1e9, polarity: .lowerIsBetter, tolerance: .absolute(1), decimals: 0) == .withinTolerance)
    }

    @Test("values are judged as members see them, at the measure's decimals")
    func rounding() {
        // 84.96 shows as 85.0, which meets a target of 85.
        #expect(Judge.status(value: 84.96, target: 85, polarity: .higherIsBetter, tolerance: nil, decimals: 1) == .onTrack)
        #expect(Judge.status(value: 84.94, target: 85, polarity: .higherIsBetter, tolerance: nil, decimals: 1) == .offTrack)
    }

    @Test("a typed half rounds away from zero though binary holds it a hair short: 1.005 is 1.01, as a spreadsheet shows it",
          arguments: [
              (1.005, 2, 1.01, "1.01"), (0.285, 2, 0.29, "0.29"), (0.575, 2, 0.58, "0.58"), (1.015, 2, 1.02, "1.02"),
              (5.015, 2, 5.02, "5.02"), (-1.005, 2, -1.01, "-1.01"), (2.675, 2, 2.68, "2.68"), (84.25, 1, 84.3, "84.3"),
              (1.0049, 2, 1.0, "1.00"), (100.4999999, 0, 100, "100"), (1e15, 0, 1e15, "1,000,000,000,000,000"), (0.5, 0, 1, "1"),
          ])
    func halves(value: Double, decimals: Int, rounded: Double, shown: String) {
        #expect(Judge.rounded(value, decimals) == rounded)
        #expect(NumberText.grouped(value, decimals: decimals) == shown)
    }

    @Test("1.005 against a target of 1.01 at two decimals is on track: it shows as 1.01")
    func halfMeetsTarget() {
        #expect(Judge.status(value: 1.005, target: 1.01, polarity: .higherIsBetter, tolerance: nil, decimals: 2) == .onTrack)
    }

    // Only a damaged or hand-edited database holds these: a value of infinity "meets" any target, and 1e20 is
    // no figure at all. None of them is judged, whichever side they are on.
    @Test("a value or target that is not a number within 10^15 is not judged", arguments: [
        (Double.infinity, 90.0), (-.infinity, 90), (.nan, 90), (1e20, 90), (-1e16, 90),
        (95, .infinity), (95, .nan), (95, 1e300),
    ])
    func damagedNumbers(value: Double, target: Double) {
        #expect(Judge.status(value: value, target: target, polarity: .higherIsBetter, tolerance: .percent(5)) == .notJudged)
        #expect(Judge.status(value: value, target: target, polarity: .lowerIsBetter, tolerance: nil) == .notJudged)
        #expect(Judge.status(value: 1e15, target: 1e15, polarity: .higherIsBetter, tolerance: nil) == .onTrack)
    }

    @Test("with no tolerance any miss is off track")
    func noTolerance() {
        #expect(Judge.status(value: 99, target: 100, polarity: .higherIsBetter, tolerance: nil) == .offTrack)
        #expect(Judge.status(value: 100, target: 100, polarity: .higherIsBetter, tolerance: nil) == .onTrack)
    }

    // Band: target 50, on track within ±2 (48 to 52), tolerance 1 more either side (47 to 53).
    @Test("closest to target inside a band", arguments: [
        (50.0, Status.onTrack), (52.0, .onTrack), (48.0, .onTrack),
        (52.5, .withinTolerance), (47.0, .withinTolerance), (53.0, .withinTolerance),
        (53.1, .offTrack), (46.9, .offTrack),
    ])
    func band(value: Double, expected: Status) {
        #expect(Judge.status(value: value, target: 50, polarity: .withinBand(halfWidth: 2), tolerance: .absolute(1), decimals: 1) == expected)
    }

    @Test("no target or no polarity: not judged")
    func notJudged() {
        #expect(Judge.status(value: 10, target: nil, polarity: .higherIsBetter, tolerance: .percent(5)) == .notJudged)
        #expect(Judge.status(value: 10, target: 12, polarity: .none, tolerance: .percent(5)) == .notJudged)
    }

    @Test("a percentage tolerance of a negative target is still a band of the right width")
    func negativeTarget() {
        // Net budget variance, lower is better, target -100 (an underspend), 10% tolerance = 10.
        #expect(Judge.status(value: -95, target: -100, polarity: .lowerIsBetter, tolerance: .percent(10)) == .withinTolerance)
        #expect(Judge.status(value: -89, target: -100, polarity: .lowerIsBetter, tolerance: .percent(10)) == .offTrack)
    }
}

@Suite("Direction of travel")
struct DirectionTests {
    @Test("with polarity: improving, no change, worsening")
    func withPolarity() {
        #expect(Direction.between(80, 82, polarity: .higherIsBetter, decimals: 1) == .improving)
        #expect(Direction.between(82, 80, polarity: .higherIsBetter, decimals: 1) == .worsening)
        // A falling value improves a lower-is-better measure.
        #expect(Direction.between(9.1, 8.4, polarity: .lowerIsBetter, decimals: 1) == .improving)
        #expect(Direction.between(8.4, 9.1, polarity: .lowerIsBetter, decimals: 1) == .worsening)
        #expect(Direction.between(80, 80, polarity: .higherIsBetter, decimals: 1) == .noChange)
    }

    @Test("values that look the same to members are no change")
    func roundedEquality() {
        // 80.04 and 79.96 both show as 80.0.
        #expect(Direction.between(80.04, 79.96, polarity: .higherIsBetter, decimals: 1) == .noChange)
        #expect(Direction.between(80.04, 79.94, polarity: .higherIsBetter, decimals: 1) == .worsening)
    }

    @Test("without polarity: increasing or decreasing")
    func withoutPolarity() {
        #expect(Direction.between(100, 120, polarity: .none, decimals: 0) == .increasing)
        #expect(Direction.between(120, 100, polarity: .none, decimals: 0) == .decreasing)
        #expect(Direction.between(100, 100, polarity: .none, decimals: 0) == .noChange)
    }

    @Test("band: towards the target improves")
    func band() {
        // Target 50 ±2: 56 is 4 outside the band, 54 is 2 outside: improving; 45 is 3 outside: worse than 2.
        #expect(Direction.between(56, 54, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: 50) == .improving)
        #expect(Direction.between(54, 45, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: 50) == .worsening)
        // Both inside the band: no change in performance although the value moved.
        #expect(Direction.between(49, 51, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: 50) == .noChange)
        // A year ago had no target: both measured against the one there is (56 -> 54 nears 50 ±2); none at all: no direction.
        #expect(Direction.between(56, 54, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: nil, newTarget: 50) == .improving)
        #expect(Direction.between(54, 56, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: nil) == .worsening)
        #expect(Direction.between(49, 51, polarity: .withinBand(halfWidth: 2), decimals: 0) == nil)
        #expect(Direction.between(52, 52, polarity: .withinBand(halfWidth: 2), decimals: 0) == nil)
    }

    @Test("band: the same value is worse when its target moved away, better when it moved closer")
    func bandWithMovedTarget() {
        // 52 against 50 ±2 is in the band (0 outside); 52 against 45 ±2 is 5 outside: worsening, not "no change".
        #expect(Direction.between(52, 52, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: 45) == .worsening)
        #expect(Direction.between(52, 52, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 45, newTarget: 50) == .improving)
        #expect(Direction.between(52, 52, polarity: .withinBand(halfWidth: 2), decimals: 0, oldTarget: 50, newTarget: 51) == .noChange)
    }
}

@Suite("Targets")
struct TargetScheduleTests {
    @Test("a financial year's target applies to each period of a non-cumulative measure")
    func flat() {
        let schedule = TargetSchedule(byPeriod: [.financialYear(2024): 90, .financialYear(2025): 92])
        #expect(schedule.target(for: .month(2025, 3), cumulative: false) == 90)
        #expect(schedule.target(for: .month(2025, 4), cumulative: false) == 92)
        #expect(schedule.target(for: .quarter(2024, 4), cumulative: false) == 90)
        #expect(schedule.target(for: .quarter(2026, 1), cumulative: false) == nil)
    }

    @Test("a single period's target wins over the year's")
    func periodOverride() {
        let schedule = TargetSchedule(byPeriod: [.financialYear(2024): 90, .month(2024, 12): 80])
        #expect(schedule.target(for: .month(2024, 12), cumulative: false) == 80)
        #expect(schedule.target(for: .month(2025, 1), cumulative: false) == 90)
    }

    @Test("cumulative targets are profiled evenly across the year")
    func evenProfile() {
        // 120 affordable homes in 2024/25: 30 by Q1, 60 by Q2, 90 by Q3, 120 by Q4.
        let schedule = TargetSchedule(byPeriod: [.financialYear(2024): 120])
        #expect(schedule.target(for: .quarter(2024, 1), cumulative: true) == 30)
        #expect(schedule.target(for: .quarter(2024, 2), cumulative: true) == 60)
        #expect(schedule.target(for: .quarter(2024, 4), cumulative: true) == 120)
        // Monthly: April is 1/12 = 10, September 6/12 = 60, March 12/12 = 120.
        #expect(schedule.target(for: .month(2024, 4), cumulative: true) == 10)
        #expect(schedule.target(for: .month(2024, 9), cumulative: true) == 60)
        #expect(schedule.target(for: .month(2025, 3), cumulative: true) == 120)
    }

    @Test("cumulative targets follow an explicit profile")
    func explicitProfile() {
        // 15%, 40%, 65%, 100% of 200.
        let schedule = TargetSchedule(byPeriod: [.financialYear(2024): 200], profile: [15, 40, 65, 100])
        #expect(schedule.target(for: .quarter(2024, 1), cumulative: true) == 30)
        #expect(schedule.target(for: .quarter(2024, 2), cumulative: true) == 80)
        #expect(schedule.target(for: .quarter(2024, 3), cumulative: true) == 130)
        #expect(schedule.target(for: .quarter(2024, 4), cumulative: true) == 200)
    }
}

@Suite("Number formats")
struct NumberTests {
    @Test("plain numbers take no exponent from 10^-9 to 10^21, and read back the same; beyond, a short exponent (1e-300, not 300 digits)",
          arguments: [(1.55e-05, "0.0000155"), (-1.5e-05, "-0.000015"), (0.25, "0.25"), (5, "5"), (4.5, "4.5"), (1e15, "1000000000000000"),
                      (-2.5e16, "-25000000000000000"), (1.2345e-7, "0.00000012345"), (123.456, "123.456"), (1e-300, "1e-300"),
                      (-5.551115123125783e-17, "-5.551115123125783e-17"), (2.5e21, "2.5e+21")])
    func plainWithoutExponent(value: Double, text: String) {
        #expect(MeasureUnit("days").format(1, decimals: 0) == "1 day" && MeasureUnit("days").format(2, decimals: 0) == "2 days")
        #expect(MeasureUnit("days").format(1, decimals: 1) == "1.0 days" && MeasureUnit("per 1,000 households").format(1, decimals: 0) == "1 per 1,000 households")
        #expect(formatPlain(value) == text)
        // Read back the same, to the 15 significant digits a spreadsheet keeps (arithmetic's -5.551115123125783e-17
        // has 16).
        let digits = text.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }.count
        #expect(NumberParser.parse(text) == (digits > 15 ? Double(String(format: "%.15g", value)) : value))
    }

    @Test("reads numbers as spreadsheets export them", arguments: [
        ("1234", 1234.0), ("1,234", 1234), ("1,234,567.5", 1_234_567.5), ("87.5%", 87.5), ("£1,200", 1200),
        ("-3", -3), (" 42 ", 42), ("0.05", 0.05), ("1e3", 1000), ("-£50", -50), ("\u{2212}5", -5), ("\u{2212}£1,250.5", -1250.5),
        ("95.3\u{00A0}", 95.3), ("\u{00A0} 95.9 \u{00A0}", 95.9),
    ])
    func parses(text: String, expected: Double) {
        #expect(NumberParser.parse(text) == expected)
    }

    @Test("rejects what is not a number", arguments: ["", "abc", "1,2", "12,34", "1.2.3", "1,234,56", "n/a", "--1", "1 234", "%", "£"])
    func rejects(text: String) {
        #expect(NumberParser.parse(text) == nil)
    }

    @Test("writes values with their unit")
    func formats() {
        #expect(MeasureUnit("%").format(85.25, decimals: 1) == "85.3%")
        // A percentage named in words is a percentage: written with %, between 0 and 100 (it was "50.0 percentage").
        for word in ["percentage", "per cent", "Percent"] {
            #expect(MeasureUnit(word).format(50, decimals: 1) == "50.0%", "\(word)")
            #expect(MeasureUnit(word).isPercentage, "\(word)")
            // Its values may be written with % (30% was refused as "written as a percentage" for `per cent`).
            #expect(MeasureUnit(word).problem(with: .percent, code: "PP") == nil, "\(word)")
        }
        #expect(MeasureUnit("days").problem(with: .percent, code: "D") != nil)
        #expect(!MeasureUnit("percentage points").isPercentage)
        #expect(MeasureUnit("£").format(1_234_567, decimals: 0) == "£1,234,567")
        #expect(MeasureUnit("£k").format(-1500, decimals: 0) == "-£1,500k")
        #expect(MeasureUnit("days").format(8.1, decimals: 1) == "8.1 days")
        #expect(MeasureUnit.number.format(999.5, decimals: 0) == "1,000")
        #expect(MeasureUnit.number.format(-0.04, decimals: 1) == "0.0")
        // Money that rounds to zero keeps its digits and takes no sign ("-£" and "-£.0m" before).
        #expect(MeasureUnit("£").format(-0.3, decimals: 0) == "£0")
        #expect(MeasureUnit("£m").format(-0.01, decimals: 1) == "£0.0m")
        #expect(MeasureUnit("£k").format(-0.4, decimals: 0) == "£0k")
        #expect(MeasureUnit("£").format(-0.5, decimals: 0) == "-£1")
    }

    @Test("writes a target with up to two more decimals when rounding would hide part of it")
    func formatsTargets() {
        let count = Measure(code: "C", title: "C", decimals: 0, frequency: .monthly)
        // A year's 33.5, profiled evenly: 33.5 x 2/12 by May.
        #expect(count.formatTarget(33.5 * 2 / 12) == "5.58")
        #expect(count.formatTarget(33.5) == "33.5")
        #expect(count.formatTarget(90) == "90")
        #expect(count.format(33.5 * 2 / 12) == "6", "a value is still written to the measure's decimals")
        let percentage = Measure(code: "P", title: "P", unit: MeasureUnit("%"), decimals: 1, frequency: .monthly)
        #expect(percentage.formatTarget(50) == "50.0%")
        #expect(percentage.formatTarget(100.0 / 3) == "33.333%", "at most two more")
    }
}
