import Foundation
import Testing

@testable import ScorecardKit

@Suite("Small numbers: which values a public report withholds")
struct SmallNumbersTests {
    let count = SmallNumbers(basis: .count)

    @Test("Counts from 1 to 4 are withheld; 0 and 5 are shown; the threshold can be set")
    func counts() {
        let unit = MeasureUnit.number
        #expect([0.0, 1, 2, 3, 4, 5, 17].map { count.withholds($0, unit: unit, decimals: 0) }
            == [false, true, true, true, true, false, false])
        // As members see it: 4.4 shows as 4 (withheld), 4.6 as 5 (shown).
        #expect(count.withholds(4.4, unit: unit, decimals: 0))
        #expect(!count.withholds(4.6, unit: unit, decimals: 0))
        let upToTen = SmallNumbers(basis: .count, largestWithheld: 10)
        #expect(upToTen.withholds(10, unit: unit, decimals: 0) && !upToTen.withholds(11, unit: unit, decimals: 0))
    }

    @Test("A rate is withheld when the count behind it is small: 8.0% of 45 people is 3.6, withheld; 11.1% is 5, shown")
    func rates() {
        let rate = SmallNumbers(basis: .rate(outOf: 45))
        let percent = MeasureUnit("%")
        #expect(rate.withholds(8.0, unit: percent, decimals: 1))  // 3.6 people
        #expect(rate.withholds(10.0, unit: percent, decimals: 1))  // 4.5 people: rounds to a withheld 4 or 5; withheld
        #expect(!rate.withholds(11.1, unit: percent, decimals: 1))  // 4.995: 5 people
        #expect(!rate.withholds(0, unit: percent, decimals: 1))
        // Per 10,000: 12 per 10,000 of 2,500 children is 3 children.
        let perTenThousand = SmallNumbers(basis: .rate(outOf: 2500))
        #expect(MeasureUnit("per 10,000").rateScale == 10_000)
        #expect(perTenThousand.withholds(12, unit: MeasureUnit("per 10,000"), decimals: 0))
        #expect(!perTenThousand.withholds(40, unit: MeasureUnit("per 10,000"), decimals: 0))  // 10 children
    }

    @Test("A rate near its whole is withheld too: 97.8% of 45 is 44 people, and so gives away the one left out")
    func ratesNearTheWhole() {
        let rate = SmallNumbers(basis: .rate(outOf: 45))
        let percent = MeasureUnit("%")
        #expect(rate.withholds(97.8, unit: percent, decimals: 1))  // 44.01: one left out
        #expect(rate.withholds(91.1, unit: percent, decimals: 1))  // 41.0: four left out
        #expect(!rate.withholds(88.9, unit: percent, decimals: 1))  // 40.0: five left out
        #expect(!rate.withholds(100, unit: percent, decimals: 1))  // all of them: none left out
        // A count alone says nothing of a whole.
        #expect(!SmallNumbers(basis: .count).withholds(44, unit: .number, decimals: 0))
    }

    @Test("A cumulative count hides each step between two values shown: 2, 4, 6, 9, 11, 13 shows 6 and 11 only")
    func cumulativeSteps() {
        let measure = Measure(code: "K", title: "Exclusions", frequency: .monthly, cumulative: true, smallNumbers: count)
        let months = (4...9).map { Period.month(2026, $0) }
        let values: [Double] = [2, 4, 6, 9, 11, 13]
        let observations = zip(months, values).map { Observation(period: $0, value: $1) }
        // Apr 2, May 4: small. Jun 6: 6 above the year's start, shown. Jul 9: 3 above Jun, withheld. Aug 11: 5 above
        // Jun, shown. Sep 13: 2 above Aug, withheld.
        #expect(measure.withheldPeriods(in: observations) == Set([months[0], months[1], months[3], months[5]]))
        // A total corrected down: 10, 20, 17, 22. 17 is 3 below 20 and 22 is 2 above 20: both withheld.
        let corrected = [10.0, 20, 17, 22].enumerated().map { Observation(period: .month(2026, 4 + $0.offset), value: $0.element) }
        #expect(measure.withheldPeriods(in: corrected) == Set([.month(2026, 6), .month(2026, 7)]))
        // A new financial year starts from zero again: April 2027's 7 is shown.
        let april = Observation(period: .month(2027, 4), value: 7)
        #expect(!measure.withheldPeriods(in: observations + [april]).contains(.month(2027, 4)))
    }

    @Test("Rate units as councils and Fingertips write them are read for their scale", arguments: [
        ("per 100,000 population", 100_000.0), ("rate per 10,000", 10_000), ("per 10k", 10_000), ("per 1000", 1_000),
        ("percentage", 100), ("per cent", 100), ("% of cohort", 100), ("%", 100),
    ])
    func rateUnits(unit: String, scale: Double) {
        #expect(MeasureUnit(unit).rateScaleIfKnown == scale)
        // 3 people in 80,000 at each scale: withheld however the unit is worded.
        let rate = 3 / 80_000 * scale
        #expect(SmallNumbers(basis: .rate(outOf: 80_000)).withholds(rate, unit: MeasureUnit(unit), decimals: 1))
    }

    @Test("A count shown rounded is withheld when the count held is small: 4.5 shown as 5, and 0.3 shown as 0")
    func countsRounded() {
        let count = SmallNumbers(basis: .count)
        #expect(count.withholds(4.5, unit: .number, decimals: 0))
        #expect(count.withholds(0.3, unit: .number, decimals: 0))
        #expect(!count.withholds(4.6, unit: .number, decimals: 0))
        #expect(!count.withholds(0, unit: .number, decimals: 0))
    }

    @Test("A measure that does not count people withholds nothing")
    func notDeclared() {
        let measure = Measure(code: "K", title: "Calls", frequency: .monthly)
        #expect(measure.withheldPeriods(in: [Observation(period: .month(2026, 4), value: 2)]).isEmpty)
    }

    @Test("The framework declares it; mistakes are named with their line and field")
    func reading() throws {
        let framework = Fixture.framework
        let declared = framework.replacingOccurrences(
            of: "            title: Major planning applications decided in time\n",
            with: "            title: Major planning applications decided in time\n            small_numbers: rate\n            small_numbers_out_of: 40\n            small_numbers_max: 9\n")
        let measures = try FrameworkFile(file: "framework.yaml").read(declared).measures
        let kbi = try #require(measures.first { $0.code == "KBI-01" })
        #expect(kbi.smallNumbers == SmallNumbers(basis: .rate(outOf: 40), largestWithheld: 9))

        // A rate in a unit with no scale to read (KBM-01 is a plain count) cannot be worked back to people.
        let unscaled = framework.replacingOccurrences(
            of: "            title: Affordable homes delivered\n",
            with: "            title: Affordable homes delivered\n            small_numbers: rate\n            small_numbers_out_of: 40\n")
        let unscaledProblem = try #require(try Fixture.firstError(framework: unscaled))
        #expect(unscaledProblem.field == "small_numbers" && unscaledProblem.message.contains("needs a unit that says what the rate is out of"))

        let noBase = framework.replacingOccurrences(
            of: "            title: Affordable homes delivered\n", with: "            title: Affordable homes delivered\n            small_numbers: rate\n")
        let problem = try #require(try Fixture.firstError(framework: noBase))
        // On the line of `small_numbers: rate`, not the measure's `- code:` line (26): there is no out_of line.
        let rateLine = try #require(noBase.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("small_numbers: rate") }) + 1
        #expect(rateLine > 26 && problem.field == "small_numbers" && problem.line == rateLine)
        #expect(problem.message.contains("the number of people the rate is out of"))

        let badWord = framework.replacingOccurrences(
            of: "            title: Affordable homes delivered\n", with: "            title: Affordable homes delivered\n            small_numbers: people\n")
        let wordProblem = try #require(try Fixture.firstError(framework: badWord))
        #expect(wordProblem.field == "small_numbers")
    }

    @Test("Both stores keep the declaration")
    func stored() {
        for smallNumbers in [SmallNumbers(basis: .count), SmallNumbers(basis: .rate(outOf: 45.5), largestWithheld: 9)] {
            #expect(StoredText.smallNumbers(StoredText.text(smallNumbers)) == smallNumbers)
        }
        #expect(StoredText.smallNumbers(nil) == nil && StoredText.smallNumbers("rate 4") == nil && StoredText.smallNumbers("x 4") == nil)
    }
}
