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
        guard let error = error as? PSQLError else { return error }
        if error.serverInfo?[.sqlState] == insufficientPrivilege {
            return StoreError.notPermitted("the database does not allow this login to do that; nothing was written")
        }
        return PostgresStoreError.failed(reason(of: error))
    }

    /// What went wrong, in a sentence: the server's own message (never the statement).
    static func reason(of error: Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown: return "the connection to the server was lost"
            default: return "the server could not be reached (\(error.code))"
            }
        }
        if let error = error as? PostgresStoreError { return error.description }
        return "\(error)"
    }
}
