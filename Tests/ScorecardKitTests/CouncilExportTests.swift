import Foundation
import TestScratch
import Testing

@testable import ScorecardKit
import ScorecardSample

@Suite("Writing a council out and reading it back")
struct CouncilExportTests {
    static let today = CivilDate(year: 2026, month: 11, day: 24) ?? CivilDate(dayNumber: 0)

    static func sample() throws -> Council {
        try SampleCouncilGenerator().generate().council(today: today)
    }

    static func readBack(_ council: Council, _ layout: CouncilExport.Layout) throws -> Council {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-export-\(UUID().uuidString)").path
        try CouncilExport.write(council, layout: layout, to: dir)
        return try CouncilDirectory(path: dir, today: today).load()
    }

    @Test("the sample written as framework.yaml, as measures.csv, and with wide observations, reads back the same",
          arguments: [CouncilExport.Layout.yaml, .tables(wideObservations: false)])
    func roundTrip(_ layout: CouncilExport.Layout) throws {
        let sample = try Self.sample()
        #expect(try Self.readBack(sample, layout) == sample)
    }

    @Test("wide observations keep every value, target, note and quality, and judge exactly as the sample")
    func wide() throws {
        let sample = try Self.sample()
        let back = try Self.readBack(sample, .tables(wideObservations: true))
        // A missing value with nothing else to say has no cell to keep it in; every other observation is kept.
        let kept = sample.observations.map { $0.filter { $0.value != nil || $0.note != nil || $0.target != nil || $0.quality != nil } }
        #expect(back.observations == kept)
        #expect(back.measures == sample.measures && back.plan == sample.plan)
        let asAt = sample.defaultReportingPeriod(today: Self.today)
        let judged = { (council: Council) in StatusReport(council: council, evaluation: council.evaluate(asAt: asAt, today: Self.today)) }
        #expect(judged(back) == judged(sample))
    }

    @Test("text with controls, bidirectional overrides, quotes and YAML's own marks is written so that it reads back")
    func awkwardText() throws {
        var sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        sample.plan.council = "% Fernley\u{1B}]0;x\u{7}: \"Borough\" \u{202E}lioc\u{2066} #1\u{7F}\u{9B}"
        sample.measures[0].title = "- yes"
        sample.measures[1].owner = "null"
        for layout in [CouncilExport.Layout.yaml, .tables(wideObservations: false)] {
            #expect(try Self.readBack(sample, layout) == sample)
        }
    }

    @Test("a value or target the files could not read back (from a damaged database) is refused, naming it; nothing is written")
    func damagedNumbers() throws {
        var council = try Self.sample()
        let index = try #require(council.observations.firstIndex { !$0.isEmpty })
        var observations = Array(council.observations[index])
        observations[observations.count - 1].target = .infinity
        council.observations[index] = ObservationSeries(observations)
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-export-\(UUID().uuidString)").path
        let error = try #require(throws: ExportError.self) { try CouncilExport.write(council, layout: .yaml, to: dir) }
        let period = observations[observations.count - 1].period
        #expect(error.message.hasPrefix("\(council.measures[index].code) \(period): the target"))
        #expect(!FileManager.default.fileExists(atPath: dir))
    }

    @Test("a destination that is a file or a directory with files is refused, and nothing is written")
    func destination() throws {
        let sample = try Self.sample()
        let dir = try TablesFixture.write(["keep.txt": "mine"])
        #expect(throws: ExportError.self) { try CouncilExport.write(sample, layout: .yaml, to: dir) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["keep.txt"])
        #expect(throws: ExportError.self) { try CouncilExport.write(sample, layout: .yaml, to: dir + "/keep.txt") }
        #expect(throws: ExportError.self) { try CouncilExport.write(sample, layout: .yaml, to: dir + "/no/such/folder") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["keep.txt"])
    }
}
