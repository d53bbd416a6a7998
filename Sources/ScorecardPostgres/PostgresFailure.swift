import PostgresNIO
import ScorecardKit

/// Turns the server's errors into plain sentences: a refusal by the database's roles or row-level security
/// becomes ``StoreError/notPermitted(_:)``, and no SQL error text reaches a person.
enum PostgresFailure {
    /// SQLSTATE 42501 (insufficient_privilege): a missing grant, or a row-level security policy.
    static let insufficientPrivilege = "42501"

    static func translating<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw translated(error)
        }
    }

    static func translated(_ error: Error) -> Error {
        guard error is PSQLError || error is PostgresError else { return error }
        guard let state = sqlState(of: error) else { return PostgresStoreError.failed(reason(of: error)) }
        if state == insufficientPrivilege {
            // A read refused (a login whose role was taken away while its dashboard was open) wrote nothing to say so of.
            let sql = (error as? PSQLError)?.query?.sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() ?? ""
            let reads = sql.hasPrefix("SELECT") && !sql.contains("INSERT") && !sql.contains("UPDATE") && !sql.contains("DELETE")
            return StoreError.notPermitted(
                "the database does not allow this login to \(reads ? "read that" : "do that") (its council role does not, or was taken away)"
                    + (reads ? "" : "; nothing was written"))
        }
        return PostgresStoreError.refused(sqlState: state, reason: reason(of: error))
    }

    /// The SQLSTATE of an error the server sent, from either of postgres-nio's APIs (`query` throws
    /// `PSQLError`; `simpleQuery`, which runs scripts, throws `PostgresError`).
    static func sqlState(of error: Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if case .server(let message) = error as? PostgresError { return message.fields[.sqlState] }
        return nil
    }

    /// The reason given when the server's connection closed.
    static let lost = "the connection to the server was lost"

    /// Plain sentences for the server's refusals a person can meet without doing anything wrong, by SQLSTATE
    /// (the server's own words are SQL's: "cannot execute INSERT in a read-only transaction").
    static let plainReasons: [String: String] = [
        "25006": "the database is read-only for this login (a read-only copy of it, or a login set to read only); nothing was written",
        "57014": "the server cancelled the request (it ran past the time the server allows, or an administrator stopped it); anything it was writing was undone",
        "57P01": "the server ended this session (it is shutting down, or an administrator ended the session); nothing was written",
        "57P02": "the server is restarting; nothing was written",
        "57P03": "the server is starting up and not taking requests yet; try again in a moment",
        "53300": "the server has no connections to spare (too many in use); try again later",
        "53100": "the server's disk is full; nothing was written",
        "53200": "the server ran out of memory; nothing was written",
        "40001": "another change got in the way; nothing was written: try again",
        "40P01": "another change got in the way; nothing was written: try again",
        "55P03": "the database is busy (what this needs is locked by another change); nothing was written: try again",
        "25P03": "the server ended the session after it stood idle in a transaction; nothing was written",
    ]

    /// What went wrong, in a sentence: a plain one for the refusals in ``plainReasons``, else the server's own
    /// message (never the statement).
    static func reason(of error: Error) -> String {
        if let state = sqlState(of: error), let plain = plainReasons[state] { return plain }
        if case .server(let message) = error as? PostgresError, let text = message.fields[.message] { return text }
        if case .connectionClosed = error as? PostgresError { return lost }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            switch error.code {
            case .connectionError:
                return connectionFailure(error.underlying.map { "\($0)" } ?? "")
            case .authMechanismRequiresPassword:
                return "the server asks for a password: give it in the URL (postgres://USER:PASSWORD@HOST:PORT/DB) or in PGPASSWORD"
            case .unsupportedAuthMechanism:
                return "the server asks for a way of signing in that Scorecard does not support (use a password, scram-sha-256 or md5)"
            case .serverClosedConnection, .uncleanShutdown: return lost
            // Closed by this side: the watchdog gave the server up (``PostgresSession/answerLimit``).
            case .clientClosedConnection: return "no answer from the server in 60 s, so the connection was given up"
            case .sslUnsupported: return "the server does not offer TLS, and sslmode asks for it"
            case .failedToAddSSLHandler: return "TLS could not be set up with the server (is its certificate trusted?)"
            default: return "the server could not be reached (\(error.code))"
            }
        }
        if let error = error as? PostgresStoreError { return error.description }
        return "\(error)"
    }

    /// A connection's failure in a sentence, from the networking library's own description of it (`underlying`),
    /// which never reaches a person.
    static func connectionFailure(_ underlying: String) -> String {
        let lower = underlying.lowercased()
        if underlying.contains("refused") { return "the server refused the connection (is PostgreSQL running there?)" }
        if lower.contains("timed out") || lower.contains("timeout") {
            return "no answer from the server in 10 s (is PostgreSQL running there, and is the port right?)"
        }
        // Reached, then cut off (the server stopped, or the network dropped): not "could not be reached".
        if lower.contains("reset by peer") || lower.contains("broken pipe") || lower.contains("errno: 104") || lower.contains("errno: 32")
            || lower.contains("eof")
        {
            return lost
        }
        if underlying.contains("resolve") || underlying.contains("DNS") || underlying.contains("getaddrinfo") {
            return "the host name could not be found"
        }
        if underlying.contains("certificate") || underlying.contains("handshake") || underlying.contains("NIOSSL") {
            return "TLS failed: the server's certificate is not one this system trusts (sslmode=verify-ca and verify-full check it)"
        }
        return "the server could not be reached (\(underlying.prefix(120)))"
    }
}
