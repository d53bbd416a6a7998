import Foundation
import Testing

@testable import ScorecardKit

@Suite("The SQLite store")
struct StoreTests {
    @Test("a council imported into the store loads back exactly as the files give it")
    func roundTrip() throws {
        let (store, _) = try StoreFixture.importedStore()
        let files = try CouncilDirectory(path: Fixture.directory).load()
        let loaded = try store.loadCouncil()
        #expect(loaded == files)
        #expect(loaded.observationCount == 8)
        #expect(try store.isEmpty() == false)
    }

    @Test("a new store is empty, and loading it says how to import")
    func emptyStore() throws {
        let store = try SQLiteStore(path: try StoreFixture.databasePath())
        #expect(try store.isEmpty())
        #expect(throws: StoreError.self) { try store.loadCouncil() }
    }

    @Test("the first import counts everything as added")
    func firstImportSummary() throws {
        let store = try SQLiteStore(path: try StoreFixture.databasePath())
        let summary = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        #expect(summary.added == 8)
        #expect(summary.measuresAdded == 5)
        #expect(summary.frameworkChanged)
        #expect(summary.targetsAdded == 4)
        #expect(summary.targetsChanged == 0 && summary.targetsRemoved == 0)
        #expect(summary.revised == 0 && summary.unchanged == 0)
    }

    @Test("re-importing the same files changes nothing, not even a byte of the database")
    func reimportIsNoOp() throws {
        let path = try StoreFixture.databasePath()
        let directory = CouncilDirectory(path: Fixture.directory)
        _ = try SQLiteStore.importDirectory(directory, into: path, by: "import")
        let before = StoreFixture.bytes(path)
        let summary = try SQLiteStore.importDirectory(directory, into: path, by: "import")
        #expect(summary.changedAnything == false)
        #expect(summary.unchanged == 8)
        #expect(summary.added == 0 && summary.revised == 0 && summary.targetsChanged == 0)
        #expect(StoreFixture.bytes(path) == before ? true : false, "the database file changed")
    }

    @Test("an import of a bad file leaves the database byte for byte as it was, and names the file, line and field")
    func failedImportLeavesFileUnchanged() throws {
        let path = try StoreFixture.databasePath()
        _ = try SQLiteStore.importDirectory(CouncilDirectory(path: Fixture.directory), into: path, by: "import")
        let before = StoreFixture.bytes(path)
        #expect(!before.isEmpty)
        let bad = try Fixture.write(observations: StoreFixture.observations(replacing: "KBI-02,2024-09,8.25", with: "KBI-02,2024-09,eight"))
        let error = try #require(throws: DataLoadError.self) {
            try SQLiteStore.importDirectory(CouncilDirectory(path: bad), into: path, by: "import")
        }
        let first = try #require(error.errors.first)
        #expect(first.file.hasSuffix("observations.csv"))
        #expect(first.line == 8)
        #expect(first.field == "value")
        #expect(StoreFixture.bytes(path) == before ? true : false, "the database file changed")
    }

    @Test("an import of a bad file does not create a database")
    func failedImportCreatesNothing() throws {
        let path = try StoreFixture.databasePath()
        let bad = try Fixture.write(framework: Fixture.framework.replacingOccurrences(of: "frequency: annual", with: "frequency: fortnightly"))
        #expect(throws: DataLoadError.self) {
            try SQLiteStore.importDirectory(CouncilDirectory(path: bad), into: path, by: "import")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a newer version of the files is recorded as revisions; rows no longer in the file are kept")
    func importRevisions() throws {
        let clock = TickingClock()
        let (store, _) = try StoreFixture.importedStore(clock: clock)
        var csv = StoreFixture.observations(replacing: "KBI-02,2024-09,8.25,,,estimated", with: "KBI-02,2024-09,8.5,,Revised after audit,validated")
        csv = Array((String(decoding: csv, as: UTF8.self).replacingOccurrences(of: "KBI-03,2024-08,\"1,234\",,,\r\n", with: "")
            .replacingOccurrences(of: "KBI-03,2024-08,\"1,234\",,,\n", with: "") + "KBI-03,2024-10,1500,,,\n").utf8)
        let newer = try CouncilDirectory(path: try Fixture.write(observations: csv)).load()
        let summary = try store.importCouncil(newer, by: "data team", progress: nil)
        #expect(summary.revised == 1)
        #expect(summary.added == 1)
        #expect(summary.notInFile == 1)
        #expect(summary.unchanged == 6)
        #expect(summary.frameworkChanged == false)

        let history = try store.revisions(measure: "KBI-02", period: .month(2024, 9))
        #expect(history.count == 2)
        #expect(history.map(\.observation.value) == [8.25, 8.5])
        #expect(history[1].replaced?.value == 8.25)
        #expect(history[1].replaced?.quality == .estimated)
        #expect(history[1].observation.note == "Revised after audit")
        #expect(history.map(\.changedBy) == ["import", "data team"])
        #expect(history[0].changedAt < history[1].changedAt)
        #expect(history.allSatisfy { $0.source == .import })

        // The row the file no longer has is kept.
        let loaded = try store.loadCouncil()
        let calls = try #require(loaded.measureIndex(code: "KBI-03"))
        #expect(loaded.observations[calls].map(\.value) == [1234, 1410, 1500])
        #expect(summary.measuresKeepingValues == ["KBI-03"], "the measure holding a value the files do not")
        #expect(summary.councilReplaced == nil)
        var renamed = newer
        renamed.plan.council = "Hart District Council"
        #expect(try store.importCouncil(renamed, by: "data team", progress: nil).councilReplaced == loaded.plan.council)
    }

    @Test("an import its caller refuses, given what it would change, leaves the database byte for byte as it was")
    func importRefusedByItsCaller() throws {
        struct Refused: Error {}
        let (store, path) = try StoreFixture.importedStore()
        let before = StoreFixture.bytes(path)
        let csv = StoreFixture.observations(replacing: "KBI-02,2024-09,8.25,,,estimated", with: "KBI-02,2024-09,9,,,")
        let newer = try CouncilDirectory(path: try Fixture.write(observations: csv)).load()
        var seen: ImportSummary?
        #expect(throws: Refused.self) {
            try store.importCouncil(newer, by: "data team", progress: nil) { summary in
                seen = summary
                throw Refused()
            }
        }
        #expect(seen?.revised == 1)
        #expect(StoreFixture.bytes(path) == before)
    }

    @Test("a measure whose frequency the files change while the database holds its values is refused, the database untouched")
    func frequencyChangeRefused() throws {
        let (store, path) = try StoreFixture.importedStore()
        let before = StoreFixture.bytes(path)
        // KBI-03, monthly with values, made quarterly (its monthly rows left out of the files).
        let framework = Fixture.framework.replacingOccurrences(
            of: "code: KBI-03\n            title: Calls to the contact centre\n            frequency: monthly",
            with: "code: KBI-03\n            title: Calls to the contact centre\n            frequency: quarterly")
        #expect(framework != Fixture.framework)
        let csv = String(decoding: Fixture.observations, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("KBI-03") }.joined(separator: "\n")
        let quarterly = try CouncilDirectory(path: try Fixture.write(framework: framework, observations: Array(csv.utf8))).load()
        #expect {
            try store.importCouncil(quarterly, by: "data team", progress: nil)
        } throws: { error in
            guard case StoreError.frequencyChanged(let code, let held, let now, let count) = error else { return false }
            return code == "KBI-03" && held == .monthly && now == .quarterly && count > 0
                && "\(error)".contains("KBI-03 is reported quarterly in the files, but the database holds \(count) of its values reported monthly, which would be hidden")
        }
        #expect(StoreFixture.bytes(path) == before)
    }

    @Test("a changed framework target is recorded with what it replaced; the framework follows the files")
    func targetRevisions() throws {
        let (store, _) = try StoreFixture.importedStore()
        let framework = Fixture.framework
            .replacingOccurrences(of: "targets: {2024/25: 90}", with: "targets: {2024/25: 92, 2025/26: 94}")
            .replacingOccurrences(of: "title: Calls to the contact centre", with: "title: Calls answered by the contact centre")
        let newer = try CouncilDirectory(path: try Fixture.write(framework: framework)).load()
        let summary = try store.importCouncil(newer, by: "policy team", progress: nil)
        #expect(summary.frameworkChanged)
        #expect(summary.targetsChanged == 1, "2024/25: 90 became 92")
        #expect(summary.targetsAdded == 1, "2025/26: 94 is new")
        #expect(summary.targetsRemoved == 0)
        #expect(summary.measuresAdded == 0 && summary.measuresRemoved == 0)
        let history = try store.targetRevisions(measure: "KBI-01")
        #expect(history.map(\.value) == [90, 92, 94])
        #expect(history.map(\.replaced) == [nil, 90, nil])
        #expect(history.map(\.changedBy) == ["import", "policy team", "policy team"])
        #expect(try store.loadCouncil() == newer)
    }

    @Test("opening reads each measure's current targets, whatever order their revisions were made in")
    func openingTargets() throws {
        let (store, _) = try StoreFixture.importedStore()
        // KBI-01's targets revised after the other measures' (its revisions no longer together), KBM-01's removed.
        let revised = Fixture.framework
            .replacingOccurrences(of: "targets: {2024/25: 90}", with: "targets: {2024/25: 92, 2025/26: 94}")
            .replacingOccurrences(of: "targets: {2024/25: 8}", with: "targets: {2024/25: 7.5}")
        _ = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(framework: revised)).load(), by: "policy team", progress: nil)
        let final = revised
            .replacingOccurrences(of: "targets: {2024/25: 92, 2025/26: 94}", with: "targets: {2024/25: 93, 2025/26: 94}")
            .replacingOccurrences(of: "            targets:\n              2024/25: 120\n", with: "")
        let files = try CouncilDirectory(path: try Fixture.write(framework: final)).load()
        _ = try store.importCouncil(files, by: "policy team", progress: nil)

        let opened = try store.loadRecentCouncil(periods: 28)
        let targets = Dictionary(uniqueKeysWithValues: opened.measures.map { ($0.code, $0.targets.byPeriod) })
        #expect(targets["KBI-01"] == [Period.financialYear(2024): 93, Period.financialYear(2025): 94])
        #expect(targets["KBI-02"] == [Period.financialYear(2024): 7.5])
        #expect(targets["KBM-01"] == [:])
        #expect(opened.measures.map(\.targets) == files.measures.map(\.targets))
    }

    @Test("opening while another connection keeps re-importing: every measure's targets and values belong to the framework read with them")
    func openingDuringImports() throws {
        let (store, path) = try StoreFixture.importedStore()
        let title = "title: Major planning applications decided in time"
        // Two versions of the files, each with its own title, target and August value for KBI-01.
        let versions = try [("A", 90), ("B", 70)].map { name, number in
            try CouncilDirectory(path: try Fixture.write(
                framework: Fixture.framework
                    .replacingOccurrences(of: title, with: title + " (\(name))")
                    .replacingOccurrences(of: "targets: {2024/25: 90}", with: "targets: {2024/25: \(number)}"),
                observations: StoreFixture.observations(replacing: "KBI-01,2024-08,91.5%", with: "KBI-01,2024-08,\(number)"))).load()
        }
        let writer = try SQLiteStore(path: path)
        let stop = StopFlag()
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var turn = 0
            while !stop.isSet {
                _ = try? writer.importCouncil(versions[turn % 2], by: "policy team", progress: nil)
                turn += 1
            }
            stopped.signal()
        }
        defer {
            stop.set()
            stopped.wait()
        }
        var seen: Set<String> = []
        for _ in 0..<300 {
            let opened = try store.loadRecentCouncil(periods: 28)
            let index = try #require(opened.measureIndex(code: "KBI-01"))
            let measure = opened.measures[index]
            let target = measure.targets.byPeriod[.financialYear(2024)]
            let august = opened.observations[index].first { $0.period == .month(2024, 8) }?.value
            if measure.title.hasSuffix("(A)") {
                #expect(target == 90 && august == 90, "version A's title with its target and value")
                seen.insert("A")
            } else if measure.title.hasSuffix("(B)") {
                #expect(target == 70 && august == 70, "version B's title with its target and value")
                seen.insert("B")
            }
        }
        #expect(seen == ["A", "B"], "both versions were read while the other connection imported")
    }

    @Test("a measure dropped from the framework keeps its history but is no longer loaded")
    func measureRemoved() throws {
        let (store, _) = try StoreFixture.importedStore()
        let newer = try StoreFixture.councilWithoutKBI03()
        #expect(newer.measures.count == 4)
        let summary = try store.importCouncil(newer, by: "import", progress: nil)
        #expect(summary.removedMeasures == ["KBI-03"])
        #expect(summary.notInFile == 0)
        #expect(try store.loadCouncil() == newer)
        #expect(try store.revisions(measure: "KBI-03", period: .month(2024, 9)).count == 1)
        // Brought back by the files: back with its history, not new.
        let again = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        #expect(again.measuresBack == 1 && again.measuresAdded == 0)
    }
}


/// A flag one thread sets and another reads.
final class StopFlag: @unchecked Sendable {
    // @unchecked: `value` is only read and written under `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
