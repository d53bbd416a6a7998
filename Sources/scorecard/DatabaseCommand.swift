import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardPostgres

/// `scorecard db`: setting up a shared PostgreSQL database (docs/postgres.md).
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Set up a shared PostgreSQL database: its schema and roles, and who may do what.",
        subcommands: [DatabaseInitCommand.self, DatabaseGrantCommand.self, DatabaseRevokeCommand.self]
    )
}

/// The shared database a `db` command works on: `--database URL`, else `SCORECARD_DATABASE`.
struct SharedDatabaseOption: ParsableArguments {
    @Option(help: ArgumentHelp("The shared database (default: $SCORECARD_DATABASE).", valueName: "postgres://USER@HOST:PORT/DB"))
    var database: String?

    func location() throws -> PostgresLocation {
        guard let url = database ?? ProcessInfo.processInfo.environment[DatabaseOptions.environmentVariable], !url.isEmpty else {
            throw ValidationError("give the shared database: --database postgres://USER@HOST:PORT/DB")
        }
        guard PostgresLocation.isURL(url) else {
            throw ValidationError("\(url.excerpt()) is not a PostgreSQL URL (postgres://USER@HOST:PORT/DB): a database file needs no set-up")
        }
        return try PostgresLocation(url: url)
    }
}

/// `scorecard db init`: creates or upgrades the schema, roles and policies.
struct DatabaseInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create (or bring up to date) the schema, the roles scorecard_member, scorecard_owner and scorecard_officer, and their policies.",
        discussion: "Run it as the database's owner (a role that may create roles). Running it again is safe."
    )

    @OptionGroup var shared: SharedDatabaseOption

    func run() throws {
        let location = try shared.location()
        let version = try PostgresAdmin.initialise(location)
        let others = try PostgresAdmin.othersRelations(location)
        if !others.isEmpty {
            let named = others.prefix(5).map { $0.terminalSafe.excerpt() }.joined(separator: ", ") + (others.count > 5 ? ", ..." : "")
            if try PostgresAdmin.everyoneMayConnect(location) {
                Console.error(
                    "Warning: \(location) also holds tables that are not Scorecard's (\(named)): every login of the server may still "
                        + "connect to it, so that application's users are not locked out (Scorecard's tables are open only to logins "
                        + "given a role with `db grant`). A database of Scorecard's own is safer: CREATE DATABASE scorecard.")
            } else {
                Console.error(
                    "Warning: \(location) also holds tables that are not Scorecard's (\(named)), added after Scorecard set it up: only "
                        + "logins given a role with `db grant` may connect, so that application's users cannot (its owner may GRANT "
                        + "CONNECT to them). A database of Scorecard's own is safer: CREATE DATABASE scorecard.")
            }
        }
        Console.out(
            "\(location) is ready (schema \(version)): give people their role with "
                + "`scorecard db grant LOGIN --role member|owner|officer --database \(location)`.")
    }
}

/// `scorecard db grant`: gives a login its council role.
struct DatabaseGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Create a login (if needed) and give it a role: member, owner (of some measures) or officer.",
        discussion: """
            A member reads published figures only; an owner also reads and records drafts of the measures whose \
            owner or service is given (repeat --owner and --service for more); an officer imports, records and signs \
            off for every measure. Set a password, if the server asks for one, with ALTER ROLE in psql.
            """
    )

    @Argument(help: "The login (PostgreSQL role) name.")
    var login: String

    @Option(help: "The role: member, owner or officer.")
    var role: StoreRole

    @Option(name: .customLong("owner"), help: "An owner's measures: those whose owner is NAME (repeat for more).")
    var owners: [String] = []

    @Option(name: .customLong("service"), help: "An owner's measures: those of service NAME (repeat for more).")
    var services: [String] = []

    @OptionGroup var shared: SharedDatabaseOption

    func run() throws {
        let location = try shared.location()
        let (owners, services, notes) =
            role == .owner ? try PostgresAdmin.resolveNames(owners: owners, services: services, at: location) : (owners, services, [])
        for note in notes { Console.error("Note: \(note)") }
        let warnings = try PostgresAdmin.grant(login, role: role, owners: owners, services: services, at: location)
        for warning in warnings { Console.error("Warning: \(warning)") }
        let scope = (owners.map { "owner \($0.terminalSafe)" } + services.map { "service \($0.terminalSafe)" }).joined(separator: ", ")
        Console.out("\(login.terminalSafe) is now \(role == .member ? "a" : "an") \(role.rawValue)" + (scope.isEmpty ? "" : " of the measures of \(scope)")
            + ": it connects with --database \(location.asUser(login)).")
    }
}

/// `scorecard db revoke`: takes a login's council role away.
struct DatabaseRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Take a login's council role away: it no longer connects to this database, reads or records anything.",
        discussion: """
            Its council role is taken away on the whole server (roles are the server's), its right to connect to this \
            database and its measures here. The login itself is left: DROP ROLE in psql removes it.
            """
    )

    @Argument(help: "The login (PostgreSQL role) name.")
    var login: String

    @OptionGroup var shared: SharedDatabaseOption

    func run() throws {
        let location = try shared.location()
        let (held, stillConnects) = try PostgresAdmin.revoke(login, at: location)
        let had = held.isEmpty ? "held no council role" : "no longer has \(held.joined(separator: " or "))"
        let connects = stillConnects
            ? "it may still connect to \(location.asUser(login)) (every login may, as another application shares it) but reads and records nothing of Scorecard's"
            : "it cannot connect to \(location.asUser(login))"
        Console.out("\(login.terminalSafe) \(had): \(connects).")
    }
}

extension StoreRole: ExpressibleByArgument {}
