import Testing

@testable import ScorecardKit

/// A measure's observations kept column by column: every part of every observation comes back as it went in.
@Suite("Observation series")
struct ObservationSeriesTests {
    /// Every kind of period, values present and missing, drafts, each quality, own targets and commentary.
    static let varied: [Observation] = {
        var list: [Observation] = []
        let periods: [Period] = [.month(2024, 4), .quarter(2024, 1), .financialYear(2023), .calendarYear(2024), .month(9999, 12), .month(1000, 1)]
        let qualities: [DataQuality?] = [nil] + DataQuality.allCases
        for (i, period) in periods.enumerated() {
            for quality in qualities {
                var o = Observation(
                    period: period, value: i % 2 == 0 ? Double(i) * 1.5 - 3 : nil, target: i == 2 ? 90 : nil,
                    note: i == 4 ? "Note \(i)" : nil, quality: quality)
                o.isDraft = quality == .estimated
                list.append(o)
            }
        }
        list.append(Observation(period: .month(2024, 5), value: -0.0))
        list.append(Observation(period: .month(2024, 6), value: .greatestFiniteMagnitude))
        return list
    }()

    @Test("every part of every observation comes back: period, value or its absence, draft, quality, target, commentary")
    func roundTrip() {
        #expect(DataQuality.allCases.count <= 3, "two bits hold a quality or none")
        let series = ObservationSeries(Self.varied)
        #expect(series.count == Self.varied.count)
        #expect(Array(series) == Self.varied)
        for (o, p) in zip(series, Self.varied) {
            #expect(o.period == p.period && o.value == p.value && o.isDraft == p.isDraft && o.quality == p.quality)
            #expect(o.target == p.target && o.note == p.note)
        }
        #expect(series[Self.varied.count - 2].value?.sign == .minus, "-0 keeps its sign")
    }

    @Test("appended one by one, changed in place, replaced in part: the same as an array treated alike")
    func changes() {
        var series = ObservationSeries()
        var array: [Observation] = []
        for o in Self.varied {
            series.append(o)
            array.append(o)
        }
        #expect(Array(series) == array)
        series[3].value = 42
        array[3].value = 42
        series[5].note = "Late: the return came in after the deadline."
        array[5].note = "Late: the return came in after the deadline."
        series.replaceSubrange(1..<4, with: [Observation(period: .month(2020, 1), value: 7)])
        array.replaceSubrange(1..<4, with: [Observation(period: .month(2020, 1), value: 7)])
        #expect(Array(series) == array)
        series.removeLast(2)
        array.removeLast(2)
        #expect(Array(series) == array)
        #expect(series == ObservationSeries(array))
        #expect(series != ObservationSeries(array.dropLast()))
    }

    @Test("a series no copy shares is changed in its own buffer: appends within its room and edits copy nothing")
    func changesInPlace() {
        var series = ObservationSeries()
        series.reserveCapacity(64)
        let buffer = series.bufferIdentity
        for o in Self.varied { series.append(o) }
        series[2].value = 7
        series[3].note = "Revised"
        #expect(series.bufferIdentity == buffer)
        let copy = series
        series[0].value = 1
        #expect(series.bufferIdentity != copy.bufferIdentity, "shared: copied first")
    }

    @Test("a copy keeps what it had when the original changes, as an array's would")
    func copiesAreIndependent() {
        var original = ObservationSeries(Self.varied)
        let copy = original
        original[0].value = 1000
        original.append(Observation(period: .month(2025, 1), value: 1))
        original[4].note = nil
        #expect(Array(copy) == Self.varied)
        #expect(original[0].value == 1000)
        #expect(original.count == Self.varied.count + 1)
    }

    @Test("an empty series, and a council's empty lists")
    func empty() {
        let series = ObservationSeries()
        #expect(series.isEmpty)
        #expect(series.first == nil)
        #expect(series == [])
        #expect(Array(ObservationSeries([])) == [])
    }
}
