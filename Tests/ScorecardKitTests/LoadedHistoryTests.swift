import Testing

@testable import ScorecardKit

/// A council holding only the recent part of each measure's history, and what changes when one measure's is
/// replaced.
@Suite("Replacing a measure's observations")
struct LoadedHistoryTests {
    /// Three monthly measures, each holding its last three months of a longer history.
    static func recentCouncil() -> Council {
        var council = council((1...3).map { (monthly("KBI-0\($0)"), months(from: .month(2024, 7), [80, 85, 90])) })
        for m in 0..<3 {
            council.replaceObservations(
                ofMeasure: m,
                with: MeasureObservations(observations: months(from: .month(2024, 7), [80, 85, 90]), loadedFrom: .month(2024, 7), isDetailed: false))
        }
        return council
    }

    @Test("the measure replaced says what it now holds; the others keep theirs")
    func extentsFollowTheReplacement() throws {
        var council = Self.recentCouncil()
        #expect(!council.hasWholeHistory(ofMeasure: 1))
        council.replaceObservations(
            ofMeasure: 1,
            with: MeasureObservations(observations: months(from: .month(2023, 1), Array(repeating: 88, count: 21)), loadedFrom: nil, isDetailed: true))
        let loaded = try #require(council.loaded)
        #expect(loaded.loadedFrom == [.month(2024, 7), nil, .month(2024, 7)])
        #expect(loaded.detailed == [false, true, false])
        #expect(loaded.firstPeriod == [.month(2024, 7), .month(2023, 1), .month(2024, 7)])
        #expect(council.hasWholeHistory(ofMeasure: 1))
        #expect(council.observations[1].count == 21)
        #expect(council.observations[0].count == 3)
        #expect(council.firstObservedPeriod == .month(2023, 1))
    }

    @Test("replacing one measure after another changes the extents in place, not a copy of every measure's each time")
    func extentsChangeInPlace() throws {
        var council = Self.recentCouncil()
        func storage() -> [UnsafeRawPointer?] {
            guard let loaded = council.loaded else { return [] }
            return [
                loaded.loadedFrom.withUnsafeBytes { $0.baseAddress }, loaded.firstPeriod.withUnsafeBytes { $0.baseAddress },
                loaded.detailed.withUnsafeBytes { $0.baseAddress },
            ]
        }
        let before = storage()
        for m in 0..<3 {
            council.replaceObservations(
                ofMeasure: m,
                with: MeasureObservations(observations: months(from: .month(2024, 1), [1, 2, 3, 4, 5, 6, 80, 85, 90]), loadedFrom: .month(2024, 1), isDetailed: false))
            #expect(storage() == before, "measure \(m)")
        }
        #expect(council.loaded?.loadedFrom == Array(repeating: .month(2024, 1), count: 3))
    }
}
