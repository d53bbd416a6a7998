import Foundation
import ScorecardKit
import ScorecardSample
import TestScratch
import Testing

@testable import Dashboard

/// Judging at earlier reporting periods (`[`) on a dashboard that opened with only the recent part of each
/// measure's history.
@Suite("Earlier periods")
struct EarlierPeriodTests {
    /// Ten years of a sample council: monthly and quarterly measures hold more than the dashboard opens with.
    static let generator = SampleCouncilGenerator(measures: 40, years: 10)

    @Test("judged at earlier periods, every figure and trend is the one the whole history gives, and only what is needed is read")
    func earlierPeriods() throws {
        let today = Self.generator.today
        let first = try Self.generator.generate().council(today: today)
        let directory = ScratchDirectory.root.appendingPathComponent("scorecard-earlier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try SQLiteStore(path: directory.appendingPathComponent("council.sqlite").path)
        _ = try store.importCouncil(first, by: "test", progress: nil)
        // Every third measure's latest twelve values corrected: its recent rows are half revisions.
        var whole = first
        for m in stride(from: 0, to: whole.measures.count, by: 3) {
            for i in whole.observations[m].indices.suffix(12) where whole.observations[m][i].value != nil {
                whole.observations[m][i].value! += 1
            }
        }
        _ = try store.importCouncil(whole, by: "test", progress: nil)

        let service = try DataService(store: store, today: today, user: "test")
        let reporting = whole.defaultReportingPeriod(today: today)
        _ = try service.start(asAt: reporting)
        let opened = service.council.observations.map(\.count)
        #expect(opened.indices.contains { opened[$0] < whole.observations[$0].count }, "some measures open with part of their history")

        for back in 0...8 {
            let period = reporting.advanced(by: -back)
            let model = try #require(service.perform(.judge(period)).first?.newModel)
            let judged = model.evaluation(at: period)
            let expected = whole.evaluate(asAt: period, today: today, outlooks: .of([]))
            for m in whole.measures.indices {
                let code = whole.measures[m].code
                #expect(Self.figures(judged.measures[m]) == Self.figures(expected.measures[m]), "\(code) as at \(period)")
                let end = expected.measures[m].period
                #expect(
                    Self.trend(model.council, m, upTo: end) == Self.trend(whole, m, upTo: end), "\(code)'s trend as at \(period)")
                // Read no further back than the periods stepped over, and a year more.
                guard model.council.observations[m].count < whole.observations[m].count else { continue }
                let kind = whole.measures[m].frequency.periodKind
                let steps = Period.containing(reporting.endDate, kind: kind).ordinal - Period.containing(period.endDate, kind: kind).ordinal
                #expect(
                    model.council.observations[m].count <= DataService.recentObservations + max(0, steps) + DataService.extraObservations(kind) + 1,
                    "\(code) as at \(period): \(model.council.observations[m].count) values held, opened with \(opened[m])")
            }
            #expect(judged.alerts == expected.alerts, "the alerts as at \(period)")
        }
    }

    /// A judgement without the commentary and quality of its value (the recent part of a history has neither).
    static func figures(_ evaluation: MeasureEvaluation) -> MeasureEvaluation {
        var figures = evaluation
        figures.observation?.note = nil
        figures.observation?.quality = nil
        return figures
    }

    /// The widest trend a list draws: measure `m`'s values in the 24 periods up to `end`.
    static func trend(_ council: Council, _ m: Int, upTo end: Period?) -> [Double?] {
        guard let end else { return [] }
        let first = end.advanced(by: 1 - DataService.trendPeriods)
        return (0..<DataService.trendPeriods).map { step in
            council.observations[m].first { $0.period == first.advanced(by: step) }?.value
        }
    }
}
