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
        try explaining(location, action: "sets the database up (`db init`)") {
            try session.transaction {
                // Waiting at most 30 s for any lock (another's session may hold one for ever): then "the database is
                // busy". One `db init` at a time: the schema's first statement takes its lock.
                try session.execute("SET LOCAL lock_timeout = '30s'")
                // Imports and recordings in flight finish first, and wait for this (its triggers' replacement
                // deadlocked imports running meanwhile).
                if try session.rows("SELECT to_regclass('writing_lock') IS NOT NULL").first?.decode(Bool.self) == true {
                    _ = try session.rows("SELECT FROM writing_lock FOR UPDATE")
                }
                try refuseOthersTables(session, at: location)
                for statement in PostgresSchema.statements {
                    try session.run(script: statement)
                }
            }
        }
        return PostgresSchema.version
    }

    /// The tables and views Scorecard makes, by name (`schema_version` aside); `PostgresSchema`'s CONNECT statement
    /// lists them too.
    static let relations = [
        "council", "priority", "delivery_plan", "action", "measure", "target_revision", "observation_revision", "scope",
        "change_log", "meeting", "recent_revisions", "import_batch", "imported_values", "target_proposal", "observation",
        "published_observation", "draft_observation", "target", "revision", "writing_lock", "imported_targets", "target_history",
    ]

    /// The tables and views of other applications in the database (any schema but the system's), by name.
    public static func othersRelations(_ location: PostgresLocation) throws -> [String] {
        let session = try PostgresSession(location)
        defer { session.close() }
        return try session.rows("""
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname !~ '^pg_(toast|temp)'
              AND NOT (n.nspname = 'public' AND c.relname = ANY(\(relations + ["schema_version"])))
            ORDER BY 1
            """).map { try $0.decode(String.self) }
    }

    /// Whether every login of the server may connect to the database (PUBLIC holds CONNECT on it).
    public static func everyoneMayConnect(_ location: PostgresLocation) throws -> Bool {
        let session = try PostgresSession(location)
        defer { session.close() }
        return try session.rows("SELECT has_database_privilege('public', current_database(), 'CONNECT')").first?.decode(Bool.self) ?? false
    }

    /// Refuses a database Scorecard has not set up (no `schema_version`) that already holds a table or view by one
    /// of Scorecard's names: another application's, which `CREATE TABLE IF NOT EXISTS` would silently adopt.
    private static func refuseOthersTables(_ session: PostgresSession, at location: PostgresLocation) throws {
        let rows = try session.rows("""
            SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relname = ANY(\(relations)) AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
              AND to_regclass('public.schema_version') IS NULL
            ORDER BY 1
            """)
        let names = try rows.map { try $0.decode(String.self) }
        guard !names.isEmpty else { return }
        throw PostgresStoreError.notScorecard(
            location: location.description,
            reason: "\(names.joined(separator: ", ")) \(names.count == 1 ? "is" : "are") there already, with no schema_version; nothing was changed")
    }

    /// Runs `body`, turning the server's refusals into sentences for the database's owner: a login that is not
    /// the owner is told so, and a database holding another application's tables (a `measure` without our
    /// columns, say) is named as not Scorecard's.
    private static func explaining<T>(_ location: PostgresLocation, action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.notPermitted {
            throw StoreError.notPermitted(
                "only the database's owner \(action), connected as that owner (a role that may create roles); "
                    + "\(location.user.terminalSafe) may not; nothing was changed")
        } catch PostgresStoreError.refused(let state, let reason) where state.hasPrefix("42") {
            throw PostgresStoreError.notScorecard(location: location.description, reason: reason)
        }
    }

    /// Creates the login role `login` if it does not exist and makes it a member of exactly one of the
    /// council's group roles; an owner's login is also given the measures it may write (by owner name or service).
    /// A login's role is the server's, as PostgreSQL's roles are: the same in every Scorecard database there; the
    /// right to connect is this database's (`db init` takes it from PUBLIC).
    /// - Returns: a warning when the login held another council role (now changed on the whole server), and one
    ///   for each `--owner` or `--service` that names no measure of the framework as it stands.
    @discardableResult
    public static func grant(
        _ login: String, role: StoreRole, owners: [String], services: [String], at location: PostgresLocation
    ) throws -> [String] {
        guard Self.isAcceptableLogin(login) else {
            throw PostgresStoreError.failed(
                "\"\(login.terminalSafe.excerpt())\" cannot be a login name: use letters, digits, `_`, `.` or `-` (up to 63), not a name "
                    + "PostgreSQL reserves (public, user, pg_...)")
        }
        if role != .owner, !(owners.isEmpty && services.isEmpty) {
            throw PostgresStoreError.failed("--owner and --service are for the owner role only")
        }
        if role == .owner, owners.isEmpty, services.isEmpty {
            throw PostgresStoreError.failed("an owner needs the measures they own: give --owner NAME or --service NAME")
        }
        // A blank name would give the login every measure whose owner (or service) is left blank, now and as
        // imports add them; a name longer than any framework's is a slip (and more than the index takes).
        for (option, name) in owners.map({ ("--owner", $0) }) + services.map({ ("--service", $0) }) {
            if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw PostgresStoreError.failed("\(option) needs a name: a blank one would grant every measure whose \(option.dropFirst(2)) is left blank")
            }
            if name.count > Self.longestScopeName {
                throw PostgresStoreError.failed(
                    "\(option) \"\(name.terminalSafe.excerpt())\" is \(name.count) characters long: at most \(Self.longestScopeName), as a framework's names are")
            }
        }
        let session = try PostgresSession(location)
        defer { session.close() }
        return try explaining(location, action: "gives logins their roles (`db grant`)") {
            try session.transaction {
                try grant(login, role: role, owners: owners, services: services, in: session, at: location)
            }
        }
    }

    /// The longest owner or service a grant may name, as the data files allow a measure's (``MeasureReader``).
    public static let longestScopeName = Measure.longestName

    /// ``grant(_:role:owners:services:at:)`` within its transaction.
    private static func grant(
        _ login: String, role: StoreRole, owners: [String], services: [String], in session: PostgresSession, at location: PostgresLocation
    ) throws -> [String] {
        let schema = try session.rows("SELECT to_regclass('schema_version') IS NOT NULL AND to_regclass('scope') IS NOT NULL")
        guard try schema.first?.decode(Bool.self) == true else { throw PostgresStoreError.notInitialised(location: location.description) }
        if let refusal = try refusal(toGrant: login, session) { throw PostgresStoreError.failed(refusal) }
        let name = quoted(login)
        let exists = try session.rows("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(login))").first?.decode(Bool.self) ?? false
        if !exists {
            // Another `db grant` of the same login may be creating it at this moment: losing that race is fine.
            try session.run(script: """
                DO $$ BEGIN CREATE ROLE \(name) LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$
                """)
        }
        // Roles are the server's: a login that held another council role loses it in every database here.
        let held = try session.rows("""
            SELECT g.rolname::text FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles r ON r.oid = a.member
            WHERE r.rolname = \(login) AND g.rolname IN ('scorecard_member', 'scorecard_owner', 'scorecard_officer')
            """).map { try $0.decode(String.self) }
        let replaced = held.compactMap { name in StoreRole.allCases.first { "scorecard_\($0.rawValue)" == name && $0 != role } }
        for other in StoreRole.allCases where other != role {
            try session.run(script: "REVOKE scorecard_\(other.rawValue) FROM \(name)")
        }
        try session.run(script: "GRANT scorecard_\(role.rawValue) TO \(name)")
        let change = replaced.map {
            "\(login.terminalSafe) was \($0 == .member ? "a" : "an") \($0.rawValue): a login has one council role on the whole server, "
                + "so it is now \(role == .member ? "a" : "an") \(role.rawValue) in every Scorecard database here"
        }
        // The right to connect is this database's alone (its role is every database's on the server).
        let database = try session.rows("SELECT current_database()::text").first?.decode(String.self) ?? location.database
        try session.run(script: "GRANT CONNECT ON DATABASE \(quoted(database)) TO \(name)")
        guard role == .owner else {
            try session.execute("DELETE FROM scope WHERE login = \(login)")
            return change
        }
        // The measures given now are the owner's, in place of any given before (as the command says).
        try session.execute("DELETE FROM scope WHERE login = \(login)")
        for owner in Set(owners) {
            try session.execute("INSERT INTO scope (login, owner) VALUES (\(login), \(owner))")
        }
        for service in Set(services) {
            try session.execute("INSERT INTO scope (login, service) VALUES (\(login), \(service))")
        }
        // Before the framework is imported no name matches anything: only a framework in place is checked, and
        // the grant says so (an owner granted a name with a typo found out only when refused their own measure).
        guard try session.rows("SELECT EXISTS (SELECT FROM measure)").first?.decode(Bool.self) == true else {
            return change + ["no framework is imported yet, so the names given are not checked: run db grant again after the import to check them"]
        }
        let unmatched = try owners.filter { try !matchesAMeasure(owner: $0, session) }.map { "owner is \($0.terminalSafe)" }
            + services.filter { try !matchesAMeasure(service: $0, session) }.map { "service is \($0.terminalSafe)" }
        return change + unmatched.map { "no measure's \($0) (names match whole, in any case): \(login.terminalSafe) can record none of them yet" }
    }

    /// Takes `login`'s council role away: its right to connect to this database, its measures (an owner's scope)
    /// and its council role, which is the whole server's (roles are cluster-wide). The login itself is left (it
    /// may be someone's for other things); `DROP ROLE` in psql removes it. Its sessions lose the role's rights
    /// at their next statement.
    /// - Returns: what the login held, for the command to say (empty when it held nothing of Scorecard's), and
    /// whether it may still connect (every login may connect to a database that another application shares).
    public static func revoke(_ login: String, at location: PostgresLocation) throws -> (held: [String], stillConnects: Bool) {
        let session = try PostgresSession(location)
        defer { session.close() }
        return try explaining(location, action: "takes logins' roles away (`db revoke`)") {
            try session.transaction {
                let schema = try session.rows("SELECT to_regclass('schema_version') IS NOT NULL AND to_regclass('scope') IS NOT NULL")
                guard try schema.first?.decode(Bool.self) == true else { throw PostgresStoreError.notInitialised(location: location.description) }
                guard try session.rows("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(login))").first?.decode(Bool.self) == true else {
                    throw PostgresStoreError.failed("there is no login \(login.terminalSafe.excerpt()) on this server; nothing was changed")
                }
                if StoreRole.allCases.contains(where: { "scorecard_\($0.rawValue)" == login }) {
                    throw PostgresStoreError.failed("\(login.terminalSafe) is one of Scorecard's group roles, not a login; nothing was changed")
                }
                // The database's owner (who runs db init, grant and revoke) and superusers are no council role's:
                // taking the right to connect from the owner locked it out of its own database.
                let (isOwner, isSuperuser) = try session.rows("""
                    SELECT r.rolname = (SELECT pg_get_userbyid(d.datdba)::text FROM pg_database d WHERE d.datname = current_database()),
                           r.rolsuper
                    FROM pg_roles r WHERE r.rolname = \(login)
                    """).first?.decode((Bool, Bool).self) ?? (false, false)
                if isOwner {
                    throw PostgresStoreError.failed("\(login.terminalSafe) owns this database: it has no council role to take away; nothing was changed")
                }
                if isSuperuser {
                    throw PostgresStoreError.failed(
                        "\(login.terminalSafe) is a superuser, whom no council role limits: ALTER ROLE in psql; nothing was changed")
                }
                let name = quoted(login)
                let held = try session.rows("""
                    SELECT g.rolname::text FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles r ON r.oid = a.member
                    WHERE r.rolname = \(login) AND g.rolname IN ('scorecard_member', 'scorecard_owner', 'scorecard_officer')
                    """).map { try $0.decode(String.self) }
                let scoped = try session.rows("SELECT count(*) FROM scope WHERE login = \(login)").first?.decode(Int.self) ?? 0
                for role in StoreRole.allCases {
                    try session.run(script: "REVOKE scorecard_\(role.rawValue) FROM \(name)")
                }
                try session.execute("DELETE FROM scope WHERE login = \(login)")
                let database = try session.rows("SELECT current_database()::text").first?.decode(String.self) ?? location.database
                try session.run(script: "REVOKE CONNECT ON DATABASE \(quoted(database)) FROM \(name)")
                let connects = try session.rows("SELECT has_database_privilege(\(login), current_database(), 'CONNECT')")
                    .first?.decode(Bool.self) ?? false
                let what = held.map { "the role \($0.replacingOccurrences(of: "scorecard_", with: "")) (on every Scorecard database of this server)" }
                    + (scoped > 0 ? ["its measures here (\(scoped) owner or service \(scoped == 1 ? "name" : "names"))"] : [])
                return (what, connects)
            }
        }
    }

    /// Why `login` must not be given a council role, or `nil`: the group roles themselves, the database's owner,
    /// roles that may do more than any council role (superusers, roles that create roles or databases), and roles
    /// other roles are members of (they would act with its council role).
    private static func refusal(toGrant login: String, _ session: PostgresSession) throws -> String? {
        if StoreRole.allCases.contains(where: { "scorecard_\($0.rawValue)" == login }) {
            return "\(login) is one of Scorecard's group roles, not a login: give a person's login name"
        }
        // Who would act with its role: from PostgreSQL 16, a membership may give neither its rights nor SET ROLE
        // (what a creator of roles gets of each it creates): such a member is none; before, every member is one.
        let version = try session.rows("SELECT current_setting('server_version_num')::int").first?.decode(Int.self) ?? 0
        let membersActingAs = version >= 160000
            ? "EXISTS (SELECT FROM pg_auth_members a WHERE a.member = m.oid AND a.roleid = r.oid AND (a.inherit_option OR a.set_option))"
            : "pg_has_role(m.oid, r.oid, 'MEMBER')"
        // Besides its own attributes, what the login is a member of (directly or not) other than Scorecard's group
        // roles: the database's owner, pg_write_all_data, any role of its own: a council role would not limit it.
        let rows = try session.rows("""
            SELECT r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication, r.rolbypassrls,
                   r.rolname = (SELECT pg_get_userbyid(d.datdba)::text FROM pg_database d WHERE d.datname = current_database()),
                   r.rolcanlogin,
                   coalesce((SELECT string_agg(g.rolname::text, ', ' ORDER BY g.rolname) FROM pg_roles g
                             WHERE pg_has_role(r.oid, g.oid, 'MEMBER') AND g.oid <> r.oid
                               AND g.rolname NOT IN ('scorecard_member', 'scorecard_owner', 'scorecard_officer')), ''),
                   coalesce((SELECT string_agg(m.rolname::text, ', ' ORDER BY m.rolname) FROM pg_roles m
                             WHERE \(unescaped: membersActingAs) AND m.oid <> r.oid AND NOT m.rolsuper AND NOT m.rolcreaterole), '')
            FROM pg_roles r WHERE r.rolname = \(login)
            """)
        guard let (powerful, bypasses, isOwner, canLogin, memberOf, members) = try rows.first?.decode((Bool, Bool, Bool, Bool, String, String).self)
        else {
            return nil
        }
        let name = login.terminalSafe
        if isOwner { return "\(name) owns this database: it already does everything an officer does" }
        if bypasses { return "\(name) bypasses row-level security (BYPASSRLS): a council role would not limit what it reads" }
        if powerful { return "\(name) may create roles or databases, or is a superuser: a council role would not limit it" }
        if !canLogin { return "\(name) is a role that cannot log in (a group): give a person's login name" }
        if !memberOf.isEmpty {
            return "\(name) is a member of \(memberOf.excerpt(80)), which a council role would not limit: give a login that is a member of no other role"
        }
        // Its members would act with the role it is given (a member login reading drafts as an officer's member).
        // Those who may create roles (the database's owner among them) administer roles, and may join any anyway.
        if !members.isEmpty {
            return "\(members.terminalSafe.excerpt(80)) \(members.contains(",") ? "are members" : "is a member") of \(name), so would act with "
                + "its council role: give a login no other role is a member of (or REVOKE \(name) FROM them in psql first)"
        }
        return nil
    }

    /// Whether any measure's owner is `owner` or its service is `service`, as `scope` matches them (trimmed, any case).
    /// The owners and services as the framework names them: a name that matches no measure's whole (in any
    /// case) but is part of exactly one owner's (`Joe Whitlock` of `Joe Whitlock, Housing Enabling Manager`), as
    /// the dashboard's `--owner` finds one, is taken as that; any other is left as given (and warned of by
    /// ``grant(_:role:owners:services:at:)``). Returns them with a sentence for each taken so.
    /// - Throws: for a name that is part of several (naming a few): granting it would give no measure.
    public static func resolveNames(
        owners: [String], services: [String], at location: PostgresLocation
    ) throws -> (owners: [String], services: [String], notes: [String]) {
        let session = try PostgresSession(location)
        defer { session.close() }
        return try explaining(location, action: "gives logins their roles (`db grant`)") {
            // Before `db init` there is nothing to match: `grant` says what to do.
            guard try session.rows("SELECT to_regclass('measure') IS NOT NULL").first?.decode(Bool.self) == true else {
                return (owners, services, [])
            }
            var notes: [String] = []
            func resolve(_ name: String, column: String) throws -> String {
                // A blank name is left as it is, for `grant` to refuse as blank (it is part of every name).
                if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return name }
                let isOwner = column == "owner"
                guard try !matchesAMeasure(owner: isOwner ? name : nil, service: isOwner ? nil : name, session) else { return name }
                let containing = try session.rows(PostgresQuery(unsafeSQL: """
                    SELECT DISTINCT btrim(\(column)) FROM measure
                    WHERE position IS NOT NULL AND strpos(lower(\(column)), lower(btrim($1))) > 0 ORDER BY 1 LIMIT 4
                    """, binds: { var binds = PostgresBindings(); binds.append(name); return binds }()))
                    .map { try $0.decode(String.self) }
                let kind = isOwner ? "owner" : "service"
                if containing.count == 1, let whole = containing.first {
                    notes.append("\(kind) \(name.terminalSafe) is taken as \"\(whole.terminalSafe)\", the one \(kind) whose name holds it")
                    return whole
                }
                if containing.count > 1 {
                    // Granting it would make an owner of nothing: refused, naming a few to choose from.
                    let shown = containing.prefix(3).map { "\"\($0.terminalSafe)\"" }.joined(separator: ", ")
                    throw PostgresStoreError.failed(
                        "\(kind) \(name.terminalSafe) is part of several \(kind)s' names (\(shown)\(containing.count > 3 ? ", ..." : "")): "
                            + "give one whole; nothing was granted")
                }
                return name
            }
            let resolvedOwners = try owners.map { try resolve($0, column: "owner") }
            let resolvedServices = try services.map { try resolve($0, column: "service") }
            return (resolvedOwners, resolvedServices, notes)
        }
    }

    private static func matchesAMeasure(owner: String? = nil, service: String? = nil, _ session: PostgresSession) throws -> Bool {
        try session.rows("""
            SELECT EXISTS (SELECT FROM measure WHERE lower(btrim(owner)) = lower(btrim(\(owner))) OR lower(btrim(service)) = lower(btrim(\(service))))
            """).first?.decode(Bool.self) ?? false
    }

    /// Letters, digits, `_`, `.` and `-`, up to PostgreSQL's 63 bytes, not starting with `pg_`.
    static func isAcceptableLogin(_ login: String) -> Bool {
        // PostgreSQL reserves these as role names (`public` is every role; the others are SQL's own words).
        let reserved: Set<String> = ["public", "none", "current_user", "session_user", "current_role", "user"]
        return !login.isEmpty && login.utf8.count <= 63 && !login.lowercased().hasPrefix("pg_") && !reserved.contains(login.lowercased())
            && login.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "_.-".unicodeScalars.contains($0)) }
    }

    /// An identifier in double quotes, as SQL writes one.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
