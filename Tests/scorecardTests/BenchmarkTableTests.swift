import Foundation
import ScorecardKit
import Testing

@testable import scorecard

/// `scorecard benchmark FILE` as a person reads it: the chosen area's rows summed up, then a table per breakdown.
@Suite struct BenchmarkTableTests {
    static let campylobacter = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScorecardKitTests/Fixtures/national/fingertips_93356_campylobacter_county-ua_2015-2017.csv").path

    @Test("each of the area's rows says its breakdown; tables of two category types' deciles of one name are told apart")
    func rowsSayWhichTheyAre() throws {
        let dataset = try NationalDataset.read(path: Self.campylobacter)
        let text = BenchmarkTable(benchmark: Benchmark(dataset: dataset, order: .lowerIsBetter), area: "E06000001").text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  2015: 142.7 (119.4 to 169.2), worse than England") })
        #expect(lines.contains { $0.hasPrefix("  2015 (0-9 yrs): 459.6 (343.3 to 602.8), worse than England") })
        let headings = lines.filter { $0.hasPrefix("Campylobacter") && $0.contains("Most deprived decile") }
        #expect(headings.count >= 2 && Set(headings).count == headings.count, "\(headings)")
    }

    @Test("a download with its header and no rows is refused, not compared to nothing with exit status 0")
    func headerAlone() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("header-\(UUID().uuidString).csv").path
        let header = try String(contentsOfFile: Self.campylobacter, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        try (header + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var command = try Scorecard.parseAsRoot(["benchmark", path])
        #expect(throws: (any Error).self) { try command.run() }
    }
}
