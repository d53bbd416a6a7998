import Foundation
import ScorecardKit
import Testing

@testable import ScorecardPostgres

/// The check that an imported row's periods run newest first, each once, and of one kind, and the check that an
/// import's targets are keyed by period ascending, each once: made with the `intarray` extension's sort where
/// `db init` can create it, else a PL/pgSQL loop; either refuses the same rows.
@Suite(.enabled(if: TestServer.isAvailable, "needs SCORECARD_TEST_POSTGRES"), .serialized)
struct NewestFirstCheckTests {
    /// The language `scorecard_newest_first` is written in, in the database at `location`, and whether the targets'
    /// check sorts with intarray.
    private func checks(at location: PostgresLocation) throws -> (newestFirst: String?, targetsSorted: Bool?) {
        let session = try PostgresSession(location)
        defer { session.close() }
        let language = try session.rows("""
            SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.proname = 'scorecard_newest_first'
            """).first?.decode(String.self)
        let sorted = try session.rows("""
            SELECT strpos(prosrc, 'sort_asc') > 0 FROM pg_proc WHERE proname = 'scorecard_keys_ascending'
            """).first?.decode(Bool.self)
        return (language, sorted)
    }

    /// An officer's import, then rows written by hand as an officer could with `psql`: those out of order refused.
    private func expectRowsCheckedInOrder(at location: PostgresLocation) throws {
        let officer = try TestServer.login(.officer, at: location)
        _ = try PostgresStore(location: officer).importCouncil(try TestServer.council(), by: "", progress: nil)
        let session = try PostgresSession(officer)
        defer { session.close() }
        let measure = try #require(try session.rows("SELECT min(id) FROM measure").first?.decode(Int64.self))
        func write(kinds: String, ordinals: String) throws {
            try session.run(script: """
                INSERT INTO imported_values (measure_id, batch_id, kinds, ordinals, vals, targets, qualities)
                SELECT \(measure), b, '\(kinds)', '\(ordinals)', '{1,2}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b
                """)
        }
        for (kinds, ordinals) in [("{0,0}", "{24341,24342}"), ("{0,0}", "{24341,24341}"), ("{1,0}", "{8113,24342}")] {
            let error = try #require(throws: (any Error).self, "\(kinds) \(ordinals)") { try write(kinds: kinds, ordinals: ordinals) }
            #expect(String(reflecting: error).contains("imported_values_newest_first"), "\(error)")
        }
        try write(kinds: "{0,0}", ordinals: "{24342,24341}")
        // A NULL period is refused by the periods' check, by name, whichever way the order is checked.
        let nullPeriod = try #require(throws: (any Error).self) { try write(kinds: "{0,0}", ordinals: "{24342,NULL}") }
        #expect(String(reflecting: nullPeriod).contains("imported_values_periods"), "\(nullPeriod)")
        // Targets: keyed by kind, then ordinal, ascending, each once (a monthly measure's months, then its years).
        func target(kinds: String, ordinals: String) throws {
            try session.run(script: """
                INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (\(measure), '\(kinds)', '\(ordinals)', '{1,2,3}')
                """)
        }
        let refused = [("{0,0,0}", "{24341,24343,24342}"), ("{0,0,0}", "{24341,24341,24342}"), ("{0,2,0}", "{24341,2024,24342}"), ("{2,2,0}", "{2024,2025,24341}")]
        for (kinds, ordinals) in refused {
            let error = try #require(throws: (any Error).self, "\(kinds) \(ordinals)") { try target(kinds: kinds, ordinals: ordinals) }
            #expect(String(reflecting: error).contains("imported_targets_each_once"), "\(error)")
        }
        let nullTarget = try #require(throws: (any Error).self) { try target(kinds: "{0,0,0}", ordinals: "{24341,NULL,24343}") }
        #expect(String(reflecting: nullTarget).contains("imported_targets_periods"), "\(nullTarget)")
        try target(kinds: "{0,0,0}", ordinals: "{24341,24342,24343}")
        try target(kinds: "{0,0,2}", ordinals: "{24341,24342,2024}")
    }

    @Test func withIntarrayTheCheckIsItsSort() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            #expect(try checks(at: location) == ("sql", true))
            try expectRowsCheckedInOrder(at: location)
        }
    }

    /// A new database where the superuser first ran `scripts`, then set up by its owner (`db init`).
    private func initialised(afterSuperuserRuns scripts: [String]) throws -> PostgresLocation {
        let location = try TestServer.emptyDatabase()
        let superuser = try PostgresSession(try PostgresLocation(url: try #require(TestServer.url)).inDatabase(location.database))
        defer { superuser.close() }
        for script in scripts { try superuser.run(script: script) }
        try PostgresAdmin.initialise(location)
        return location
    }

    /// A database that has the extension in a schema officers may not use (nor its owner let them) keeps the loop:
    /// the SQL check, run with the officer's rights, refused every import.
    @Test func intarrayWhereOfficersCannotUseItKeepsTheLoop() async throws {
        try await onThread {
            let location = try initialised(afterSuperuserRuns: [
                "CREATE SCHEMA theirs", "CREATE EXTENSION intarray SCHEMA theirs", "GRANT USAGE ON SCHEMA theirs TO \(TestServer.admin)",
            ])
            #expect(try checks(at: location) == ("plpgsql", false))
            try expectRowsCheckedInOrder(at: location)
        }
    }

    /// A database whose owner may not create the extension where `db init` puts it keeps the loop.
    @Test func withoutIntarrayTheLoopChecksTheSameRows() async throws {
        try await onThread {
            let location = try initialised(afterSuperuserRuns: ["CREATE SCHEMA scorecard_intarray"])
            #expect(try checks(at: location) == ("plpgsql", false))
            try expectRowsCheckedInOrder(at: location)
        }
    }
}
