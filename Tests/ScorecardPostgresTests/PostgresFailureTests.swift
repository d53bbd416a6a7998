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

/// What `db grant` refuses before it connects.
@Suite("Grants refused before connecting")
struct GrantArgumentTests {
    @Test("a blank --owner or --service is refused (it granted every measure whose owner is left blank), as is one too long for a framework")
    func blankOrLongScope() throws {
        let location = try PostgresLocation(url: "postgres://admin@127.0.0.1:1/nowhere", environment: [:])
        for (owners, services) in [([""], [String]()), (["   "], []), ([], [" \t"]), ([String(repeating: "x", count: 301)], [])] {
            do {
                try PostgresAdmin.grant("own1", role: .owner, owners: owners, services: services, at: location)
                Issue.record("granted \(owners) \(services)")
            } catch let error as PostgresStoreError {
                #expect(error.description.contains("needs a name") || error.description.contains("at most 300"), "\(error)")
            }
        }
        do {
            try PostgresAdmin.grant("", role: .member, owners: [], services: [], at: location)
            Issue.record("an empty login was granted")
        } catch let error as PostgresStoreError {
            #expect(error.description.hasPrefix("\"\" cannot be a login name"))
        }
    }
}
