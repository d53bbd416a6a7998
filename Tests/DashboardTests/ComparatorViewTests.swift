import ScorecardKit
import Testing

@testable import Dashboard

/// The three judgements side by side: the target status, the comparison with England and the direction of travel,
/// on the measure screen and in lists at 120 columns and more.
@Suite struct ComparatorViewTests {
    /// The test council with its outcome measure (OUT-01, lower is better, 2023/24 value 1.4) compared: England
    /// 1.1 lies below its interval 1.3 to 1.5, so it is significantly worse; five neighbours.
    static func model() throws -> DashboardModel {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let neighbours = [("E1", "Ashbury", 1.0), ("E2", "Brackwell", 1.2), ("E3", "Calderford", 1.6), ("E4", "Dunmoor", 0.9), ("E5", "Eastwick", 1.45)]
        council.measures[0].comparators = Comparators(
            source: Comparators.Source(file: "national/OUT-01.csv", area: "E0", neighbours: neighbours.map(\.0)),
            points: [
                Comparators.Point(
                    period: .financialYear(2023), periodText: "2023/24", value: 1.4, lower: 1.3, upper: 1.5, england: 1.1,
                    regionCode: "R1", regionName: "South West region", region: 1.35,
                    neighbours: neighbours.map { Comparators.Neighbour(code: $0.0, name: $0.1, value: $0.2) })
            ])
        return DashboardModel(council: council, today: TestCouncil.today)
    }

    /// A dashboard on `council` with OUT-01's measure screen open (`:OUT` Enter).
    static func openedOnOUT01(_ council: Council) -> (DashboardModel, AppState) {
        let model = DashboardModel(council: council, today: TestCouncil.today)
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("O"), .type("U"), .type("T"), .submit, model: model)
        return (model, state)
    }

    @Test func theMeasureScreenSaysHowItComparesAndWhereItRanks() throws {
        let model = try Self.model()
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("O"), .type("U"), .type("T"), .submit, model: model)
        let text = DashboardView.screenText(state, model: model, width: 130, height: 40)
        // Beside the status, and in full with the interval and the region.
        #expect(text.contains("▼ Worse than England ·"))
        #expect(text.contains("▼ Worse than England (1.1 per 1,000) and"))
        #expect(text.contains("similar to the"))
        // 1.4 among 0.9, 1.0, 1.2, 1.45, 1.6 (lower is better): 4th of 6.
        #expect(text.contains("ranked 4 of 6 with its nearest"))
        #expect(text.contains("4. 1.4 per 1,000 Testshire District"))
        // The alert comes first among none other: the screen's alert line.
        #expect(text.contains("Significantly worse than England in 2023/24"))
    }

    @Test func aMeasureNotComparedOrNotChartedSaysWhy() throws {
        var council = try Self.model().council
        // The council's own value suppressed in the national file: no comparison, and the screen says why.
        council.measures[0].comparators?.points[0].value = nil
        let (model, state) = Self.openedOnOUT01(council)
        // The panel wraps its lines: read as one text.
        let text = DashboardView.screenText(state, model: model, width: 130, height: 40)
            .split(separator: "\n").map { $0.split(separator: "⠨").last.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "England ", with: "").replacingOccurrences(of: "Process ", with: "") }
            .joined(separator: " ")
        #expect(text.contains("Not compared: the national file gives the council no value up to Q2 2024/25"))
        #expect(text.contains("(1 period suppressed or missing)"))
        #expect(!text.contains("than England"))
        // OUT-01 is annual, with fewer values than a process chart needs.
        let values = council.observations[0].filter { $0.value != nil }.count
        #expect(values < ProcessControl.minimumPoints)
        #expect(text.contains("Not charted: \(values == 1 ? "1 value" : "\(values) values") up to 2023/24; a chart needs 12"))
    }

    @Test("the ranked neighbours keep the council's own line in what room the panel has; equal values share a rank")
    func rankedInTheRoomThereIs() throws {
        var council = try Self.model().council
        // Sixteen neighbours, lower is better: twelve better than 1.4 (two of them equal at 1.0), three worse.
        let values = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.2, 1.2, 1.3, 1.5, 1.6, 1.7, 1.8]
        council.measures[0].comparators?.points[0].neighbours = values.enumerated().map { index, value in
            Comparators.Neighbour(code: "N\(index)", name: "Neighbour \(index + 1)", value: value)
        }
        council.measures[0].comparators?.source.neighbours = values.indices.map { "N\($0)" }
        let (model, state) = Self.openedOnOUT01(council)
        for height in [34, 40, 50, 70] {
            let text = DashboardView.screenText(state, model: model, width: 130, height: height)
            #expect(text.contains("ranked 13 of 17"), "\(height)")
            // Where any of the list shows, the council's line does.
            #expect(!text.contains("Ranked") || text.contains("13. 1.4 per 1,000 Testshire District"), "\(height)")
        }
        let tall = DashboardView.screenText(state, model: model, width: 130, height: 70)
        #expect(tall.contains("1. 0.5 per 1,000 Neighbour 1") && tall.contains("17. 1.8 per 1,000 Neighbour 16"))
        // One left out between two shown is shown: it takes the line a `…` would.
        #expect(tall.contains("16. 1.7 per 1,000 Neighbour 15"))
        // 1.2 twice (Neighbours 10 and 11, both 10th), then 1.3 12th: two either side of the council are shown.
        #expect(tall.contains("10. 1.2 per 1,000 Neighbour 11") && tall.contains("12. 1.3 per 1,000 Neighbour 12"))
        #expect(!tall.contains("11. "))
        var equal = council
        equal.measures[0].comparators?.points[0].neighbours[11].value = 1.4
        let equalModel = DashboardModel(council: equal, today: TestCouncil.today)
        let shared = DashboardView.screenText(state, model: equalModel, width: 130, height: 70)
        #expect(shared.contains("12. 1.4 per 1,000 Testshire District") && shared.contains("12. 1.4 per 1,000 Neighbour 12"))
    }

    @Test("values shown alike in the ranked list would be ranked alike: those that differ get the decimals to say so")
    func rankedValuesWrittenApart() throws {
        var council = try Self.model().council
        council.measures[0].comparators?.points[0].neighbours[4].value = 1.44
        let (model, state) = Self.openedOnOUT01(council)
        let text = DashboardView.screenText(state, model: model, width: 160, height: 60)
        #expect(text.contains("4. 1.40 per 1,000 Testshire") && text.contains("5. 1.44 per 1,000 Eastwick"), "\(text)")
    }

    @Test func aCouncilWithoutAnIntervalIsNotComparedButEnglandsValueIsGiven() throws {
        var council = try Self.model().council
        council.measures[0].comparators?.points[0].lower = nil
        let (model, state) = Self.openedOnOUT01(council)
        let text = DashboardView.screenText(state, model: model, width: 130, height: 40)
        #expect(text.contains("England Not compared with England (1.1 per 1,000)"), "\(text)")
    }

    @Test func aComparisonOfAnEarlierYearThanTheValueSaysWhichBesideTheStatus() throws {
        var council = try Self.model().council
        council.measures[0].comparators?.points[0].period = .financialYear(2022)
        council.measures[0].comparators?.points[0].periodText = "2022/23"
        let (model, state) = Self.openedOnOUT01(council)
        let text = DashboardView.screenText(state, model: model, width: 130, height: 40)
        #expect(text.contains("▼ Worse than England in 2022/23 ·"))
        #expect(text.contains("in 2023/24"), "the value beside it is of its own year")
    }

    @Test func listsAtAHundredAndTwentyColumnsShowTheComparison() throws {
        let model = try Self.model()
        var state = TestCouncil.state(model)
        state.apply(.open, model: model)
        let wide = DashboardView.screenText(state, model: model, width: 130, height: 30)
        #expect(wide.contains("England"))
        #expect(wide.contains("▼ Worse"))
        let narrow = DashboardView.screenText(state, model: model, width: 100, height: 30)
        #expect(!narrow.contains("▼ Worse"))
        // A delivery plan none of whose measures is compared has no England column.
        state.apply(.open, model: model)
        guard case .deliveryPlan = state.current.route else {
            Issue.record("expected a delivery plan, got \(state.current.route)")
            return
        }
        #expect(!DashboardView.screenText(state, model: model, width: 130, height: 30).contains("England"))
    }
}
