import Testing

@testable import ScorecardPostgres

@Suite struct PostgresLocationTests {
    @Test func readsEveryPartOfAURL() throws {
        let location = try PostgresLocation(url: "postgres://kate:s%40cret@db.example.org:6543/fernley", environment: [:])
        #expect(location.user == "kate")
        #expect(location.password == "s@cret")
        #expect(location.host == "db.example.org")
        #expect(location.port == 6543)
        #expect(location.database == "fernley")
        #expect(location.description == "postgres://kate@db.example.org:6543/fernley")
    }

    @Test func readsAnIPv6AddressInBracketsAndWritesItBack() throws {
        let location = try PostgresLocation(url: "postgres://kate@[::1]:54329/fernley", environment: [:])
        #expect(location.host == "::1", "the address, not a host name in brackets (it was looked up and not found)")
        #expect(location.port == 54329)
        #expect(location.description == "postgres://kate@[::1]:54329/fernley")
    }

    @Test func takesThePasswordFromTheEnvironmentAndTheDefaultPort() throws {
        let location = try PostgresLocation(url: "postgresql://olu@127.0.0.1/scorecard", environment: ["PGPASSWORD": "pw"])
        #expect(location.port == 5432)
        #expect(location.password == "pw")
    }

    @Test(arguments: ["postgres://127.0.0.1:5432/db", "postgres://kate@127.0.0.1:5432/", "postgres://kate@:5432/db", "/tmp/file.sqlite"])
    func refusesAURLItCannotUse(_ text: String) {
        #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: text, environment: [:]) }
    }

    @Test func tellsAPostgreSQLURLInAnyCaseFromAnotherURLAndFromAFile() throws {
        for url in ["postgres://a@h/d", "Postgres://a@h/d", "POSTGRESQL://a@h/d", "postgres:/a@h/d", "postgresql:a@h/d"] {
            #expect(PostgresLocation.isURL(url) && !PostgresLocation.isOtherURL(url), "\(url)")
        }
        for url in ["mysql://perf@127.0.0.1:3306/scorecard", "http://example.org/db", "sqlite+file://x"] {
            #expect(!PostgresLocation.isURL(url) && PostgresLocation.isOtherURL(url), "\(url)")
        }
        for path in ["/tmp/scorecard.sqlite", "council.sqlite", "data/postgres-copy.sqlite", "odd ://name.sqlite"] {
            #expect(!PostgresLocation.isURL(path) && !PostgresLocation.isOtherURL(path), "\(path)")
        }
        #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: "postgres:/a@h/d", environment: [:]) }
        #expect(try PostgresLocation(url: "Postgres://a@h/d", environment: [:]).database == "d")
    }

    @Test func neverPrintsAPassword() {
        let error = PostgresStoreError.badURL(text: "postgres://kate:secret@host/", reason: "it names no database")
        #expect(!error.description.contains("secret"))
    }
}

@Suite struct PostgresSSLModeTests {
    @Test func readsTheModeFromTheURLOrTheEnvironmentAndPrefersTLSByDefault() throws {
        #expect(try PostgresLocation(url: "postgres://a@h/d", environment: [:]).sslMode == .prefer)
        #expect(try PostgresLocation(url: "postgres://a@h/d?sslmode=require", environment: [:]).sslMode == .require)
        #expect(try PostgresLocation(url: "postgres://a@h/d?sslmode=verify-full", environment: [:]).sslMode == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://a@h/d", environment: ["PGSSLMODE": "disable"]).sslMode == .disable)
        #expect(try PostgresLocation(url: "postgres://a@h/d?sslmode=allow", environment: [:]).sslMode == .prefer)
    }

    @Test func refusesAModeItDoesNotKnow() {
        #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: "postgres://a@h/d?sslmode=sometimes", environment: [:]) }
    }

    /// Given twice, the last quietly won: `verify-full` then `disable` connected unencrypted.
    @Test func refusesAModeGivenTwice() throws {
        for url in ["postgres://a@h/d?sslmode=verify-full&sslmode=disable", "postgres://a@h/d?sslmode=disable&sslmode=disable"] {
            let error = try #require(throws: PostgresStoreError.self) { try PostgresLocation(url: url, environment: [:]) }
            #expect(error.description.hasSuffix("sslmode is given more than once: give it once"), "\(error)")
        }
    }

    /// A path after the database's name is said to be that, not "no database".
    @Test func namesAPathLongerThanADatabase() throws {
        let error = try #require(throws: PostgresStoreError.self) { try PostgresLocation(url: "postgres://a@h/council/extra", environment: [:]) }
        #expect(error.description.contains("its path is more than a database's name"), "\(error)")
    }

    @Test func refusesAParameterItDoesNotReadRatherThanConnectingWithoutIt() throws {
        // A misspelt sslmode connected unverified: refused, naming it.
        let misspelt = try #require(throws: PostgresStoreError.self) {
            try PostgresLocation(url: "postgres://a@h/d?sslmod=verify-full", environment: [:])
        }
        #expect(misspelt.description.hasSuffix("Scorecard reads no parameter sslmod (of the URL's parameters it reads sslmode alone)"))
        #expect(throws: PostgresStoreError.self) { try PostgresLocation(url: "postgres://a@h/d?sslmode=require&sslrootcert=/x", environment: [:]) }
        // PGSSLMODE at fault is named as itself, not as the URL (which holds no sslmode).
        let environment = try #require(throws: PostgresStoreError.self) {
            try PostgresLocation(url: "postgres://a@h/d", environment: ["PGSSLMODE": "bogus"])
        }
        #expect(environment.description.hasPrefix("PGSSLMODE=bogus is not a TLS mode: give disable, allow (read as prefer), prefer"))
        #expect(try PostgresLocation(url: "postgres://a@h/d?sslmode=require", environment: ["PGSSLMODE": "bogus"]).sslMode == .require)
    }
}
