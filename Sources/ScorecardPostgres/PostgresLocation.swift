import Foundation

/// Where a shared store is: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]` (or `postgresql://`).
///
/// The password may also come from `PGPASSWORD`, and the mode from `PGSSLMODE`, as for `psql`; the password is
/// never printed (``description`` leaves it out).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode = .prefer

    /// Whether to encrypt the connection, as libpq's `sslmode` says it.
    public enum SSLMode: String, Sendable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it (libpq's default; `allow` reads as this too).
        case prefer
        /// Always, without checking the server's certificate.
        case require
        /// Always, checking that the certificate is signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// Always, checking the certificate and that it names the host.
        case verifyFull = "verify-full"
    }

    /// Whether `text` is meant as a PostgreSQL URL rather than a file path (its scheme in any case; one
    /// mistyped after the colon, `postgres:/`, is a URL to refuse, not a file to create).
    public static func isURL(_ text: String) -> Bool {
        let start = text.prefix(11).lowercased()
        return start.hasPrefix("postgres:") || start.hasPrefix("postgresql:")
    }

    /// Whether `text` is a URL of another kind (`mysql://...`, `http://...`): neither a PostgreSQL URL nor a
    /// file path Scorecard should create.
    public static func isOtherURL(_ text: String) -> Bool {
        guard !isURL(text), let separator = text.range(of: "://") else { return false }
        let scheme = text[..<separator.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    /// Reads a URL; `nil` with a reason when it is not one Scorecard can use.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw PostgresStoreError.badURL(text: text, reason: "write it as postgres://USER@HOST:PORT/DATABASE")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStoreError.badURL(text: text, reason: "it names no user (postgres://USER@HOST:PORT/DATABASE)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw PostgresStoreError.badURL(text: text, reason: "it names no database (postgres://USER@HOST:PORT/DATABASE)")
        }
        guard !database.contains("/") else {
            throw PostgresStoreError.badURL(
                text: text, reason: "its path is more than a database's name (postgres://USER@HOST:PORT/DATABASE, nothing after the database)")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw PostgresStoreError.badURL(text: text, reason: "the port \(port) is not one")
        }
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
        // An IPv6 literal is written in brackets in a URL ([::1]); the address itself is without them.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.database = database.removingPercentEncoding ?? database
        // Only sslmode is read: another parameter ignored would be a surprise, and a misspelt one a quiet downgrade
        // (`sslmod=verify-full` connected unverified).
        if let other = components.queryItems?.first(where: { $0.name != "sslmode" }) {
            throw PostgresStoreError.badURL(
                text: text, reason: "Scorecard reads no parameter \(other.name.excerpt()) (of the URL's parameters it reads sslmode alone)")
        }
        // Given twice, one would quietly win: `?sslmode=verify-full&sslmode=disable` connected unencrypted.
        if (components.queryItems ?? []).filter({ $0.name == "sslmode" }).count > 1 {
            throw PostgresStoreError.badURL(text: text, reason: "sslmode is given more than once: give it once")
        }
        let modes = "disable, allow (read as prefer), prefer, require, verify-ca or verify-full"
        let mode: String
        if let given = components.queryItems?.last(where: { $0.name == "sslmode" }) {
            mode = given.value ?? ""
        } else if let fromEnvironment = environment["PGSSLMODE"] {
            guard fromEnvironment == "allow" || SSLMode(rawValue: fromEnvironment) != nil else {
                throw PostgresStoreError.badEnvironment("PGSSLMODE=\(fromEnvironment.excerpt()) is not a TLS mode: give \(modes)")
            }
            mode = fromEnvironment
        } else {
            mode = "prefer"
        }
        guard let sslMode = mode == "allow" ? .prefer : SSLMode(rawValue: mode) else {
            throw PostgresStoreError.badURL(text: text, reason: "sslmode=\(mode.excerpt()) is not one of \(modes)")
        }
        self.sslMode = sslMode
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
    }

    /// The URL without the password.
    public var description: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    /// The same server and database as another user.
    public func asUser(_ user: String, password: String? = nil) -> PostgresLocation {
        var location = PostgresLocation(user: user, password: password, host: host, port: port, database: database)
        location.sslMode = sslMode
        return location
    }
}
