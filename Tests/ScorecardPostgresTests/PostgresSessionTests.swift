import Foundation
import Testing

@testable import ScorecardPostgres

/// One connection used synchronously: a transaction whose connection is lost is not carried on over a new one.
@Suite(.serialized, .enabled(if: TestServer.isAvailable, "SCORECARD_TEST_POSTGRES names no server"))
struct PostgresSessionTests {
    @Test("a connection lost inside a transaction refuses the rest of it: each statement would have committed alone on a new one")
    func lostInsideATransaction() async throws {
        try await onThread {
            let location = try TestServer.emptyDatabase()
            let session = try PostgresSession(location)
            defer { session.close() }
            try session.execute("CREATE TABLE written (x integer)")
            guard let url = TestServer.url else { return }
            let superuser = try PostgresSession(try PostgresLocation(url: url))
            defer { superuser.close() }
            #expect(throws: PostgresStoreError.failed(PostgresFailure.lost + "; nothing was written")) {
                try session.transaction {
                    try session.execute("INSERT INTO written VALUES (1)")
                    // The server ends the session between two statements (a restart, an administrator).
                    try superuser.run(script: """
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE datname = '\(location.database)' AND usename = '\(location.user)'
                        """)
                    Thread.sleep(forTimeInterval: 0.3)
                    _ = try? session.execute("SELECT 1")  // Meets the server's last word on the old connection.
                    try session.execute("INSERT INTO written VALUES (2)")
                }
            }
            // Neither row: the first undone with its connection, the second never run on a new one.
            #expect(try session.rows("SELECT count(*) FROM written").first?.decode(Int.self) == 0)
        }
    }
}
