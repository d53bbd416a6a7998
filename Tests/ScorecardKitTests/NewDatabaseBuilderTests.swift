import Foundation
import GRDB
import Testing

@testable import ScorecardKit

/// A new database written while observations.csv is still being read (the import's fast path).
@Suite("Building a new database while reading")
struct NewDatabaseBuilderTests {
    /// Reads `directory` as `scorecard import` does for a new file, handing rows to a builder for `path`.
    static func build(_ directory: String, into path: String) throws -> ImportSummary? {
        let files = CouncilDirectory(path: directory)
        let contents = try files.loadFramework()
        let builder = NewDatabaseBuilder(path: path, plan: contents.plan, measures: contents.measures, by: "import")
        let total: Int
        do {
            total = try files.streamObservations(for: contents.measures, to: builder.send)
        } catch {
            builder.cancel()
            throw error
        }
        return try builder.finish(total: total)
    }

    @Test("holds exactly what the files hold, as an ordinary import would")
    func sameAsImport() throws {
        let path = try StoreFixture.databasePath()
        let summary = try #require(try Self.build(Fixture.directory, into: path))
        #expect(summary.added == 8)
        let loaded = try SQLiteStore(path: path).loadCouncil()
        let files = try CouncilDirectory(path: Fixture.directory).load()
        #expect(loaded.measures == files.measures)
        #expect(loaded.observations == files.observations)
        #expect(loaded.plan == files.plan)
        // Made with 16 KB pages (the import writes a quarter as many), and in WAL mode as every store is.
        let settings = try DatabaseQueue(path: path).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size"), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(settings.0 == SQLiteStore.newFilePageSize)
        #expect(settings.1 == "wal")
    }

    @Test("streaming hands over the rows reading keeps, and counts them: in order, out of order, wide")
    func streamingMatchesReading() throws {
        let measures = try CouncilDirectory(path: Fixture.directory).loadFramework().measures
        let cases: [(csv: String, count: Int)] = [
            ("measure,period,value\nKBI-01,2024-07,70\nKBI-01,2024-08,75\nKBI-03,2024-08,5\n", 3),
            // KBI-01's months out of order, and after another measure's.
            ("measure,period,value\nKBI-01,2024-09,80\nKBI-03,2024-08,5\nKBI-01,2024-07,70\nKBI-01,2024-08,75\n", 4),
            ("measure,2024/25 Q1,2024/25 Q2\nKBM-01,3,4\n", 2),
        ]
        for (csv, expected) in cases {
            let file = ObservationsFile(file: "observations.csv", measures: measures)
            let lists = try file.read(Array(csv.utf8))
            var streamed = [[Observation]](repeating: [], count: measures.count)
            let count = try file.stream(Array(csv.utf8)) { rows in
                for (measure, observation) in rows { streamed[measure].append(observation) }
            }
            #expect(count == expected, "\(csv)")
            #expect(lists.reduce(0) { $0 + $1.count } == expected)
            #expect(streamed.map { $0.sorted { $0.period < $1.period } } == lists)
        }
    }

    @Test("a bad row leaves no database and no temporary file behind")
    func badFileLeavesNothing() throws {
        let path = try StoreFixture.databasePath()
        let folder = (path as NSString).deletingLastPathComponent
        let bad = try Fixture.write(observations: StoreFixture.observations(replacing: "KBI-02,2024-09,8.25", with: "KBI-02,2024-09,eight"))
        #expect(throws: DataLoadError.self) { _ = try Self.build(bad, into: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
