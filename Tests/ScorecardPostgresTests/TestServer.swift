import Foundation
import ScorecardKit
import ScorecardSample

@testable import ScorecardPostgres

/// The PostgreSQL server the tests run against: `SCORECARD_TEST_POSTGRES`, a superuser's URL
/// (`.ci/postgres.sh` starts one; `.ci/run` always sets the variable). Each test gets a database of its own,
/// owned by a non-superuser admin, as a council's would be.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["SCORECARD_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the tests that need a server run.
    static var isAvailable: Bool { url != nil }

    /// The admin role that owns each test database (LOGIN CREATEROLE, not a superuser).
    static let admin = "scorecard_test_admin"

    /// A new, empty database initialised with `db init`, as its owner.
    static func freshDatabase() throws -> PostgresLocation {
        let location = try emptyDatabase()
        try PostgresAdmin.initialise(location)
        return location
    }

    /// A new database with nothing in it (no `db init`), as its owner would connect to it.
    static func emptyDatabase() throws -> PostgresLocation {
        guard let url else { throw PostgresStoreError.failed("SCORECARD_TEST_POSTGRES is not set") }
        let superuser = try PostgresLocation(url: url)
        let session = try PostgresSession(superuser)
        defer { session.close() }
        let name = "scorecard_test_\(ProcessInfo.processInfo.processIdentifier)_\(UUID().uuidString.prefix(8).lowercased())"
        // Suites run at once, and roles belong to the whole server: losing the race to create it is fine.
        try session.run(script: """
            DO $$ BEGIN CREATE ROLE \(admin) LOGIN CREATEROLE; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
            """)
        try session.run(script: "CREATE DATABASE \(name) OWNER \(admin)")
        return superuser.asUser(admin).inDatabase(name)
    }

    /// A login unique to this run, given `role` in the database at `location`.
    static func login(_ role: StoreRole, at location: PostgresLocation, owners: [String] = [], services: [String] = []) throws -> PostgresLocation {
        let name = "\(role.rawValue)_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresAdmin.grant(name, role: role, owners: owners, services: services, at: location)
        return location.asUser(name)
    }

    /// A small sample council: 12 measures over one year.
    static func council() throws -> Council {
        try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: today)
    }

    static let today = CivilDate(year: 2026, month: 11, day: 24)!

    /// A fresh database holding ``council()``, imported by an officer, and a store for a login of each role:
    /// the owner owns the council's first measure.
    static func importedWithThreeRoles() throws -> ThreeRoles {
        let location = try freshDatabase()
        let council = try council()
        let officer = try PostgresStore(location: try login(.officer, at: location))
        _ = try officer.importCouncil(council, by: "", progress: nil)
        return ThreeRoles(
            council: council, officer: officer,
            owner: try PostgresStore(location: try login(.owner, at: location, owners: [council.measures[0].owner])),
            member: try PostgresStore(location: try login(.member, at: location)))
    }

    /// What ``importedWithThreeRoles()`` made.
    struct ThreeRoles {
        let council: Council
        let officer: PostgresStore
        let owner: PostgresStore
        let member: PostgresStore
        /// The owner's measure.
        var mine: Measure { council.measures[0] }
    }
}

extension PostgresLocation {
    func inDatabase(_ name: String) -> PostgresLocation {
        PostgresLocation(user: user, password: password, host: host, port: port, database: name)
    }
}

/// Runs `body` on a thread of its own and waits for it without holding one of the task pool's threads: the
/// store's calls block their thread until the server answers.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
        }
    }
}
