import Testing

@testable import ScorecardKit

/// Percentages a spreadsheet exported as fractions (0.79 for 79%) are called out before they are judged.
@Suite("Fractions written for percentages")
struct FractionsForPercentagesTests {
    @Test("a percentage measure whose values all lie within 0 to 1 while its target is above 1 is named; others are not")
    func named() throws {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.measures[m].unit.isPercentage)
        #expect(council.fractionsForPercentages().isEmpty, "the fixture's percentages are percentages")
        // One value is too few to tell (0.9% against 10%, lower is better, may be so); two as fractions are named,
        // as on a first import in the middle of the year.
        var series = Array(council.observations[m])
        for i in series.indices { series[i].value = series[i].value.map { $0 / 100 } }
        council.observations[m] = ObservationSeries(Array(series.suffix(1)))
        #expect(council.fractionsForPercentages().isEmpty)
        council.observations[m] = ObservationSeries(series)
        #expect(series.count == 2)
        let found = council.fractionsForPercentages()
        #expect(found.map(\.code) == ["KBI-01"])
        #expect(found.first.map { $0.largestValue <= 1 && $0.target > 1 } == true)
        // A target given beside the values, the framework's removed: named alike.
        var besides = council
        besides.measures[m].targets = TargetSchedule()
        #expect(besides.fractionsForPercentages().isEmpty)
        var targeted = series
        for i in targeted.indices { targeted[i].target = 85 }
        besides.observations[m] = ObservationSeries(targeted)
        #expect(besides.fractionsForPercentages().map(\.code) == ["KBI-01"])
        // Small percentages against a small target (0.9% against 1.05%) are no sign of fractions.
        for i in targeted.indices { targeted[i].target = 1.05 }
        besides.observations[m] = ObservationSeries(targeted)
        #expect(besides.fractionsForPercentages().isEmpty)
        // All zeros is no sign of fractions (a measure at 0% all year), nor is one value of 1 among others above.
        for i in series.indices { series[i].value = series[i].value.map { _ in 0 } }
        council.observations[m] = ObservationSeries(series)
        #expect(council.fractionsForPercentages().isEmpty)
    }

    @Test("one value pasted as a fraction among whole percentages (0.84 beside 85% and 88%) is named, with its period")
    func loneFraction() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.loneFractionsForPercentages().isEmpty, "the fixture's percentages are percentages")
        let percents = [85.0, 88, 86, 0.84, 87].enumerated().map { Observation(period: .month(2024, 4 + $0.offset), value: $0.element) }
        var slipped = council
        slipped.observations[m] = ObservationSeries(percents)
        let found = slipped.loneFractionsForPercentages()
        #expect(found.count == 1 && found.first?.code == "KBI-01" && found.first?.period == .month(2024, 7) && found.first?.value == 0.84)
        // A small percentage is no slip (0.05% is below a tenth of one per cent), nor many of them (a measure that runs low).
        var small = council
        small.observations[m] = ObservationSeries([85.0, 88, 86, 0.05].enumerated().map { Observation(period: .month(2024, 4 + $0.offset), value: $0.element) })
        #expect(small.loneFractionsForPercentages().isEmpty)
        var many = council
        many.observations[m] = ObservationSeries([85.0, 0.8, 86, 0.84, 87].enumerated().map { Observation(period: .month(2024, 4 + $0.offset), value: $0.element) })
        #expect(many.loneFractionsForPercentages().isEmpty)
        // A block of months pasted as fractions, each among the percentages as one (0.79 to 0.86 among 70% to 90%).
        var block = council
        let pasted = [70.0, 90, 88, 0.79, 0.86, 0.8, 0.84, 81, 85]
        block.observations[m] = ObservationSeries(pasted.enumerated().map { Observation(period: .month(2024, 1 + $0.offset), value: $0.element) })
        let named = block.loneFractionsForPercentages()
        #expect(named.count == 1 && named.first?.period == .month(2024, 4) && named.first?.count == 4)
    }

    @Test("a target written as a fraction (0.9 for 90%) beside percentages is named, with its period; percentages' own targets are not")
    func fractionTarget() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.valueWatch.fractionTargets.isEmpty, "the fixture's targets are percentages")
        let percents = ObservationSeries([85.0, 88, 86, 87].enumerated().map { Observation(period: .month(2024, 4 + $0.offset), value: $0.element) })
        var framework = council
        framework.observations[m] = percents
        framework.measures[m].targets = TargetSchedule(byPeriod: [.financialYear(2024): 0.9])
        let named = framework.valueWatch.fractionTargets
        #expect(named.count == 1 && named.first?.code == "KBI-01" && named.first?.period == .financialYear(2024) && named.first?.target == 0.9)
        // One given beside a value in the file, the same.
        var row = council
        row.observations[m] = ObservationSeries([85.0, 88, 86, 87].enumerated().map {
            Observation(period: .month(2024, 4 + $0.offset), value: $0.element, target: $0.offset == 2 ? 0.9 : nil)
        })
        #expect(row.valueWatch.fractionTargets.first?.period == .month(2024, 6))
    }
}
