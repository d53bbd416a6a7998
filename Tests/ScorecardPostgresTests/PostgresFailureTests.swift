import Testing

@testable import ScorecardPostgres

/// The sentences a connection's failure becomes (the networking library's words never reach a person).
@Suite("Connection failures in words")
struct PostgresFailureTests {
    @Test("a connection cut off after it was made is lost, not unreachable; a connect timeout says how long it waited")
    func connectionFailures() {
        #expect(PostgresFailure.connectionFailure("read(descriptor:pointer:size:): Connection reset by peer (errno: 104)") == PostgresFailure.lost)
        #expect(PostgresFailure.connectionFailure("write(descriptor:pointer:size:): Broken pipe (errno: 32)") == PostgresFailure.lost)
        #expect(PostgresFailure.connectionFailure("Connect timeout (10 s)").hasPrefix("no answer from the server in 10 s"))
        #expect(PostgresFailure.connectionFailure("connection refused").hasPrefix("the server refused the connection"))
        #expect(PostgresFailure.connectionFailure("getaddrinfo failed") == "the host name could not be found")
        #expect(PostgresFailure.plainReasons["57P01"]?.contains("an administrator ended the session") == true)
    }
}
