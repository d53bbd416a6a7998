import Foundation
import Testing

@testable import ScorecardKit

/// The built `scorecard` binary, found next to the test bundle (SwiftPM puts both in the same folder).
enum ScorecardBinary {
    static let path: String? = {
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // Linux: .build/debug/ScorecardPackageTests.xctest; macOS: .build/debug/X.xctest/Contents/MacOS/X.
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("scorecard"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("scorecard"))
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

@Suite("Several processes writing at once")
struct StoreConcurrencyTests {
    static let workers = 4
    static let valuesEach = 250

    @Test(
        "4 processes recording 250 values each at the same time: every value lands, every revision is kept",
        .enabled(if: ScorecardBinary.path != nil, "the scorecard binary is not built next to the tests (run `swift build` first)"),
        .timeLimit(.minutes(5)))
    func fourProcesses() throws {
        let binary = try #require(ScorecardBinary.path)
        let (_, database) = try StoreFixture.importedStore()
        let folder = (database as NSString).deletingLastPathComponent
        // Each worker records 200 values of its own (KBI-03, a count, one month each, in years long past) and 50
        // revisions of one shared value (KBI-02 for January 2025), interleaved.
        var processes: [Process] = []
        for worker in 0..<Self.workers {
            var script = "set -e\n"
            for i in 0..<Self.valuesEach {
                let (measure, period) =
                    i % 5 == 4 ? ("KBI-02", "2025-01") : ("KBI-03", Period.month(1900 + worker * 17, 1).advanced(by: i - i / 5).description)
                script += "SCORECARD_TODAY=2026-01-01 '\(binary)' record \(measure) '\(period)' \(worker * 1000 + i) --by worker\(worker) --database '\(database)' > /dev/null\n"
            }
            let scriptPath = folder + "/worker\(worker).sh"
            try Data(script.utf8).write(to: URL(fileURLWithPath: scriptPath))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = [scriptPath]
            _ = FileManager.default.createFile(atPath: scriptPath + ".err", contents: nil)
            process.standardError = FileHandle(forWritingAtPath: scriptPath + ".err")
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        let errors = (0..<Self.workers).compactMap { try? String(contentsOfFile: folder + "/worker\($0).sh.err", encoding: .utf8) }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: Self.workers), "\(errors.joined())")

        let store = try SQLiteStore(path: database)
        let council = try store.loadCouncil()
        let calls = try #require(council.measureIndex(code: "KBI-03"))
        let own = council.observations[calls].filter { $0.period.year < 1980 }
        #expect(own.count == Self.workers * Self.valuesEach * 4 / 5)
        for worker in 0..<Self.workers {
            let mine = own.filter { $0.value.map { Int($0) / 1000 == worker } ?? false }
            #expect(mine.count == Self.valuesEach * 4 / 5, "worker \(worker)")
            #expect(mine.allSatisfy { observation in
                let i = Int(observation.value ?? 0) % 1000
                return observation.period == Period.month(1900 + worker * 17, 1).advanced(by: i - i / 5)
            })
        }
        let shared = try store.revisions(measure: "KBI-02", period: .month(2025, 1))
        #expect(shared.count == Self.workers * Self.valuesEach / 5)
        #expect(Set(shared.compactMap(\.observation.value)).count == shared.count)
        #expect(zip(shared, shared.dropFirst()).allSatisfy { $0.1.replaced == $0.0.observation })
    }
}
