/// Why the shared store cannot do what was asked; each message is a plain sentence (never SQL error text).
public enum PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL is not one Scorecard can use.
    case badURL(text: String, reason: String)
    /// A setting of the environment (`PGSSLMODE`) that cannot be used, said as `reason`.
    case badEnvironment(String)
    /// The server could not be reached, or refused the login.
    case cannotConnect(location: String, reason: String)
    /// The database has no Scorecard schema yet.
    case notInitialised(location: String)
    /// The database's schema is newer than this Scorecard knows.
    case newerSchema(location: String, version: Int)
    /// The database's schema is older than this Scorecard's: `db init` brings it up to date.
    case olderSchema(location: String, version: Int)
    /// The live connection to the server was lost; it is being opened again.
    case connectionLost
    /// A statement failed for a reason other than permissions.
    case failed(String)
    /// The server refused a statement with SQLSTATE `sqlState` (not a permission: that is
    /// ``StoreError/notPermitted(_:)``); `reason` is its message.
    case refused(sqlState: String, reason: String)
    /// The database holds tables Scorecard did not make (another application's), so Scorecard cannot use it.
    case notScorecard(location: String, reason: String)

    /// The description as a command (not a dashboard) says it: a lost connection is not being retried there.
    public var commandDescription: String {
        self == .connectionLost ? "the connection to the server was lost, and the server cannot be reached again (is it running?)" : description
    }

    public var description: String {
        switch self {
        case .badURL(let text, let reason):
            "\(text.terminalSafeURL) is not a PostgreSQL URL Scorecard can use: \(reason)"
        case .badEnvironment(let reason):
            reason.terminalSafe
        case .cannotConnect(let location, let reason):
            "cannot connect to \(location): \(reason)"
        case .notInitialised(let location):
            "\(location) has no Scorecard schema yet: its owner runs `scorecard db init --database \(location)`"
        case .newerSchema(let location, let version):
            "\(location) was set up by a newer version of Scorecard (schema \(version)): upgrade Scorecard to use it"
        case .olderSchema(let location, let version):
            "\(location) was set up by an older version of Scorecard (schema \(version)): its owner runs "
                + "`scorecard db init --database \(location)` to bring it up to date"
        case .connectionLost:
            // Said on a dashboard's status line, where the figures stay; a command says it in its own words
            // (``commandDescription``).
            "Connection to the server lost: showing the figures as they were; reconnecting"
        case .failed(let reason), .refused(_, let reason):
            reason
        case .notScorecard(let location, let reason):
            "\(location) holds tables that are not Scorecard's (\(reason)): give Scorecard a database of its own, "
                + "set up with `scorecard db init`"
        }
    }
}

extension String {
    /// The URL with any password replaced by `***`, for messages.
    public var terminalSafeURL: String {
        guard let at = firstIndex(of: "@"), let scheme = range(of: "://"), scheme.upperBound < at,
            let colon = self[scheme.upperBound..<at].firstIndex(of: ":")
        else { return self }
        return String(self[..<colon]) + ":***" + String(self[at...])
    }
}
