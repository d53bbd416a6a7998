import Testing

@testable import ScorecardKit

/// Values written to more decimals than their measure shows are judged as shown (89.5% of whole percentages is
/// 90%, on track against 90%): `check` and `import` name such measures, with the first such value.
@Suite("Values finer than their measure shows")
struct FinerValuesTests {
    @Test("a judged measure's values with more decimals than it shows are named, with the first, how many, and the decimals to give")
    func named() throws {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        #expect(council.valueWatch.finerThanShown.isEmpty, "the fixture's values are written to its measures' decimals")
        // KBI-01 is given to 1 decimal: 91.5% and 86.0% are as shown; 91.25% and 88.125% are not.
        var series = Array(council.observations[m])
        #expect(series.compactMap(\.value) == [91.5, 86])
        series[0].value = 91.25
        series[1].value = 88.125
        council.observations[m] = ObservationSeries(series)
        let finer = try #require(council.valueWatch.finerThanShown.first)
        #expect(council.valueWatch.finerThanShown.count == 1)
        #expect(finer.code == "KBI-01" && finer.period == Period(parsing: "2024-08"))
        #expect((finer.written, finer.shown, finer.count, finer.decimals, finer.decimalsToShow) == ("91.25%", "91.3%", 2, 1, 2))
        // Given to 3 decimals, both are as shown; not judged (no polarity), neither is named.
        council.measures[m].decimals = 3
        #expect(council.valueWatch.finerThanShown.isEmpty)
        council.measures[m].decimals = 1
        council.measures[m].polarity = .none
        #expect(council.valueWatch.finerThanShown.isEmpty)
    }

    @Test("a tiny value is said as written, to its first digit, where two more places would still show 0")
    func tinyValueAsWritten() {
        let measure = Measure(code: "T-1", title: "Tiny", frequency: .monthly)
        #expect(measure.formatAsRecorded(0.000001) == "0.000001")
        #expect(measure.finerThanShown(0.000001) == "0.000001 shows, and is judged, as 0 (T-1 is given to whole numbers)")
        // Two more places as before where they show it; 0 as 0.
        #expect(measure.formatAsRecorded(27.25) == "27.25" && measure.formatAsRecorded(0) == "0")
        #expect(measure.formatAsRecorded(0.004) == "0.004")
        // Binary noise (0.1 + 0.2 - 0.3) is 0, not 0.000000.
        #expect(measure.formatAsRecorded(0.1 + 0.2 - 0.3) == "0")
    }

    @Test("a value is quoted as written, with the decimals that show it; fractions written for percentages are left to their own warning")
    func asWrittenAndNotFractions() throws {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        var series = Array(council.observations[m])
        series[0].value = 89.456
        council.observations[m] = ObservationSeries(series)
        let finer = try #require(council.valueWatch.finerThanShown.first)
        #expect((finer.written, finer.shown, finer.decimalsToShow) == ("89.456%", "89.5%", 3))
        // 0.79 and 0.81 against 90%: fractions, which `fractions` names; more decimals would judge 0.79% off track.
        series[0].value = 0.79
        series[1].value = 0.81
        council.observations[m] = ObservationSeries(series)
        #expect(council.valueWatch.fractions.map(\.code) == ["KBI-01"])
        #expect(council.valueWatch.finerThanShown.isEmpty)
    }
}
