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

    @Test("areas of several types (an LG Inform download) are each type's together, best first, whatever the file's order")
    func mixedTypesBestFirst() throws {
        let head = """
            "area label","area long label","area","Waste recycled"
            "area label","area long label","area","1234"
            "area label","area long label","area","%"
            "area label","area long label","area","Percentage"
            "area label","area long label","area","2021/22"
            "area label","area long label","area","11230"
            "England","England (country)","E92000001","42.5"

            """
        let areas = [
            #""Bexley","Bexley (London borough)","E09000004","53.9""#, #""Kent","Kent (county)","E10000016","46.0""#,
            #""Croydon","Croydon (London borough)","E09000008","38.0""#, #""Devon","Devon (county)","E10000008","55.8""#,
            #""Barnet","Barnet (London borough)","E09000003","36.9""#, #""Leeds","Leeds (metropolitan district)","E08000035","38.6""#,
            #""Camden","Camden (London borough)","E09000007","27.8""#, #""Bromley","Bromley (London borough)","E09000006","48.5""#,
        ]
        for rows in [areas, areas.reversed()] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("lginform-\(UUID().uuidString).csv").path
            try (head + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let text = BenchmarkTable(benchmark: Benchmark(dataset: try NationalDataset.read(path: path), order: .higherIsBetter), area: nil).text
            let names = text.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init) ?? "" }
            let boroughs = ["Bexley", "Bromley", "Croydon", "Barnet", "Camden"]
            #expect(names.first == "England")
            #expect(names.filter(boroughs.contains) == boroughs)
            #expect(names.filter { ["Devon", "Kent"].contains($0) } == ["Devon", "Kent"])
            let typeOf = { (name: String) in boroughs.contains(name) ? "borough" : ["Devon", "Kent"].contains(name) ? "county" : name }
            let runs = names.dropFirst().map(typeOf).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
            #expect(runs.count == 3, "each type's areas together: \(names)")
        }
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
