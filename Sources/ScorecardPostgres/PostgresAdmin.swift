import Foundation
import PostgresNIO
import ScorecardKit

/// What the database's owner does: creates and upgrades the schema with its roles and policies, and gives
/// logins their council role.
public enum PostgresAdmin {
    /// Creates or upgrades the schema, the three group roles and their grants and policies at `location`
    /// (connected as the database's owner). Safe to run again: it changes nothing that is already so.
    /// - Returns: the schema version now in place.
    @discardableResult
    public static func initialise(_ location: PostgresLocation) throws -> Int {
        let session = try PostgresSession(location)
        defer { session.close() }
        try session.transaction {
            // One `db init` at a time: two at once would race to create the same roles.
            try session.execute("SELECT pg_advisory_xact_lock(5343524400)")
            for statement in PostgresSchema.statements {
                try session.run(script: statement)
            }
        }
        return PostgresSchema.version
    }

    /// Creates the login role `login` if it does not exist and makes it a member of exactly one of the
    /// council's group roles; an owner's login is also given the measures it may write (by owner name or service).
    public static func grant(
        _ login: String, role: StoreRole, owners: [String], services: [String], at location: PostgresLocation
    ) throws {
        guard Self.isAcceptableLogin(login) else {
            throw PostgresStoreError.failed("\(login.terminalSafe) cannot be a login name: use letters, digits, `_`, `.` or `-` (up to 63)")
        }
        if role != .owner, !(owners.isEmpty && services.isEmpty) {
            throw PostgresStoreError.failed("--owner and --service are for the owner role only")
        }
        if role == .owner, owners.isEmpty, services.isEmpty {
            throw PostgresStoreError.failed("an owner needs the measures they own: give --owner NAME or --service NAME")
        }
        let session = try PostgresSession(location)
        defer { session.close() }
        let name = quoted(login)
        try session.transaction {
            let exists = try session.rows("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(login))").first?.decode(Bool.self) ?? false
            if !exists {
                // Another `db grant` of the same login may be creating it at this moment: losing that race is fine.
                try session.run(script: """
                    DO $$ BEGIN CREATE ROLE \(name) LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
                    """)
            }
            for other in StoreRole.allCases where other != role {
                try session.run(script: "REVOKE scorecard_\(other.rawValue) FROM \(name)")
            }
            try session.run(script: "GRANT scorecard_\(role.rawValue) TO \(name)")
            if role == .owner {
                for owner in owners {
                    try session.execute("INSERT INTO scope (login, owner) SELECT \(login), \(owner) WHERE NOT EXISTS (SELECT 1 FROM scope WHERE login = \(login) AND owner = \(owner))")
                }
                for service in services {
                    try session.execute("INSERT INTO scope (login, service) SELECT \(login), \(service) WHERE NOT EXISTS (SELECT 1 FROM scope WHERE login = \(login) AND service = \(service))")
                }
            } else {
                try session.execute("DELETE FROM scope WHERE login = \(login)")
            }
        }
    }

    /// Letters, digits, `_`, `.` and `-`, up to PostgreSQL's 63 bytes, not starting with `pg_`.
    static func isAcceptableLogin(_ login: String) -> Bool {
        !login.isEmpty && login.utf8.count <= 63 && !login.hasPrefix("pg_")
            && login.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0)) }
    }

    /// An identifier in double quotes, as SQL writes one.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
