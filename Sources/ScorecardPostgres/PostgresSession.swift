import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import ScorecardKit

/// One connection to the server, used synchronously: the store's callers (the command line, the dashboard's
/// data thread) are plain threads, so each call waits on SwiftNIO's future rather than on a Swift task. Calls
/// are serialised by a lock; a lost connection is opened again on the next call.
final class PostgresSession: @unchecked Sendable {
    // @unchecked: `connection` is only touched under `lock`.
    let location: PostgresLocation
    private let lock = NSLock()
    private var connection: PostgresConnection?
    /// The connection's `application_name` when it says something (a meeting presented or followed): given
    /// again to a connection opened after one was lost, so that the meeting does not seem abandoned.
    private var applicationName: String?
    /// Whether a transaction is open on `connection`: lost with it, it is not opened again under the rest of the
    /// transaction's statements (on a new connection they would each commit alone: half an import written).
    private var transactionDepth = 0

    /// postgres-nio logs at debug and trace only; nothing of it is for the people at the terminal.
    static let logger = Logger(label: "scorecard.postgres") { _ in SwiftLogNoOpLogHandler() }

    init(_ location: PostgresLocation) throws {
        self.location = location
        self.connection = try Self.connect(location)
    }

    deinit {
        // postgres-nio requires a connection to be closed before it goes.
        try? connection?.close().wait()
    }

    static func connect(_ location: PostgresLocation) throws -> PostgresConnection {
        do {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: try tls(location.sslMode))
            configuration.options.connectTimeout = .seconds(10)
            // The store's queries are many short index seeks whose estimated cost passes `jit_above_cost`: the
            // recent values of 10,000 measures spent 190 ms of 470 ms compiling code for a 280 ms scan.
            configuration.options.additionalStartupParameters = [("jit", "off")]
            return try PostgresConnection.connect(
                on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            var reason = PostgresFailure.reason(of: error)
            if reason == PostgresFailure.lost {
                // Never connected, so nothing was lost: no route to the host, or closed before a word was said.
                reason = "the server could not be reached (no route to it, or it closed the connection at once)"
            }
            if (error as? PSQLError)?.serverInfo?[.sqlState] == "42501" {
                // No CONNECT on this database: a login `db grant` has not named here (roles are the server's).
                reason += " (\(location.user) has not been given a role on this database: its owner runs `scorecard db grant`)"
            }
            throw PostgresStoreError.cannotConnect(location: location.description, reason: reason)
        }
    }

    /// The TLS postgres-nio is to use for `mode`, with the system's trusted authorities.
    private static func tls(_ mode: PostgresLocation.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }

    /// How long a statement may go without an answer before the connection is given up as lost: a server that
    /// stops answering (frozen, or the network cut) closes no connection, and a sign-off waited for ever. Longer
    /// than any read Scorecard makes (a whole history of 50,000 measures takes seconds).
    static let answerLimit = TimeAmount.seconds(60)

    /// Waits for `future`, closing `connection` when no answer comes within `limit`, so that the wait ends with
    /// the connection lost (and the server undoes an open transaction) rather than never.
    static func waitForAnswer<T>(_ future: EventLoopFuture<T>, on connection: PostgresConnection, limit: TimeAmount = answerLimit) throws -> T {
        let watchdog = connection.eventLoop.scheduleTask(in: limit) { connection.close().whenComplete { _ in } }
        defer { watchdog.cancel() }
        return try future.wait()
    }

    /// The open connection, opening it again when it was lost.
    private func current() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        if transactionDepth > 0 {
            // The server undid the transaction when its connection went; what is left of it is not run.
            throw PostgresStoreError.failed(PostgresFailure.lost + "; nothing was written")
        }
        let fresh: PostgresConnection
        do {
            fresh = try Self.connect(location)
        } catch PostgresStoreError.cannotConnect where connection != nil {
            // A connection this session had is lost and cannot be made again yet: said as the lost connection it
            // is, as the dashboard's refresh says it (a follower printed "cannot connect to ...: the server", cut).
            throw PostgresStoreError.connectionLost
        }
        if let applicationName {
            _ = try PostgresFailure.translating {
                try fresh.query("SELECT set_config('application_name', \(applicationName), false)", logger: Self.logger).wait()
            }
        }
        connection = fresh
        return fresh
    }

    /// Names the connection (`application_name`), now and whenever it is opened again; `nil` for its plain name.
    func name(_ applicationName: String?) throws {
        try lock.withLock {
            let connection = try current()
            let name = applicationName ?? "scorecard"
            _ = try PostgresFailure.translating {
                try connection.query("SELECT set_config('application_name', \(name), false)", logger: Self.logger).wait()
            }
            self.applicationName = applicationName
        }
    }

    /// Runs `query` and returns every row.
    func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try lock.withLock {
            let connection = try current()
            return try PostgresFailure.translating { try Self.waitForAnswer(connection.query(query, logger: Self.logger), on: connection).rows }
        }
    }

    /// Runs `query`, handing each row to `body` as it arrives (on SwiftNIO's thread, one at a time, while this
    /// thread waits): a large result is never held whole.
    func forEachRow(_ query: PostgresQuery, _ body: @escaping @Sendable (PostgresRow) throws -> Void) throws {
        try lock.withLock {
            let connection = try current()
            _ = try PostgresFailure.translating { try Self.waitForAnswer(connection.query(query, logger: Self.logger, body), on: connection) }
        }
    }

    /// Runs `query` and returns how many rows it changed.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> Int {
        try lock.withLock {
            let connection = try current()
            return try PostgresFailure.translating {
                try Self.waitForAnswer(connection.query(query, logger: Self.logger), on: connection).metadata.rows ?? 0
            }
        }
    }

    /// Runs `sql`, one statement with no parameters (a `DO` block of the schema, say).
    func run(script sql: String) throws {
        try lock.withLock {
            let connection = try current()
            _ = try PostgresFailure.translating { try connection.simpleQuery(sql).wait() }
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try within(begin: "BEGIN") { try body() }
    }

    /// Runs `body` in a read-only repeatable-read transaction whose snapshot it is given to share
    /// (`pg_export_snapshot`), so that another connection can read exactly the same data at the same time.
    func snapshotTransaction<T>(_ body: (String) throws -> T) throws -> T {
        try within(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try body(try rows("SELECT pg_export_snapshot()").first?.decode(String.self) ?? "")
        }
    }

    /// Runs `body` in a read-only transaction on the snapshot another connection exported.
    func inSnapshot<T>(_ snapshot: String, _ body: () throws -> T) throws -> T {
        try within(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try execute(PostgresQuery(unsafeSQL: "SET TRANSACTION SNAPSHOT '\(snapshot.filter { $0.isLetter || $0.isNumber || $0 == "-" })'"))
            return try body()
        }
    }

    /// Runs `body` between `begin` and COMMIT (ROLLBACK when it throws), the connection held to it: lost on the
    /// way, the rest is refused rather than run on a new connection (``current()``).
    private func within<T>(begin: PostgresQuery, _ body: () throws -> T) throws -> T {
        try execute(begin)
        lock.withLock { transactionDepth += 1 }
        defer { lock.withLock { transactionDepth -= 1 } }
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch let error as PostgresStoreError {
            // Sent, and no answer: the server may have committed it before the connection went.
            if case .failed(let reason) = error, reason == PostgresFailure.lost || reason.hasPrefix("no answer from the server") {
                throw StoreError.outcomeUnknown(problem: reason)
            }
            throw error
        }
        return result
    }

    /// Streams `text` (COPY's text format: tab-separated, `\N` for NULL) into `table`'s `columns`.
    func copy(into table: String, columns: [String], text: ByteBuffer) throws {
        try copy(into: table, columns: columns) { send in send(text) }
    }

    /// Streams into `table`'s `columns` what `produce` sends (COPY's text format, or its binary format when
    /// `binary`; whole rows or not), each buffer going to the server while `produce` makes the next. When
    /// `produce` throws, the COPY is abandoned (the server writes nothing of it) and its error is rethrown.
    func copy(
        into table: String, columns: [String], binary: Bool = false, produce: (_ send: (ByteBuffer) -> Void) throws -> Void
    ) throws {
        // postgres-nio offers COPY's text format only: it sends `COPY "<table>" (<columns>) FROM STDIN WITH
        // (FORMAT text)` with the table's name inserted as given (as its documentation says). For the binary
        // format the name carries the rest of the statement, and a comment ends it before what is appended.
        // The names are this package's own constants, never input.
        precondition(!(table + columns.joined()).contains { $0 == "\"" || $0.isNewline })
        let statement =
            binary
            ? (table: "\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) FROM STDIN WITH (FORMAT binary) --", columns: [String]())
            : (table: table, columns: columns)
        try lock.withLock {
            let connection = try current()
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
            let box = ResultBox()
            let done = DispatchSemaphore(value: 0)
            // COPY is only offered as an async call: run it on a task and wait here (a plain thread, never one of
            // the task pool's, so the wait cannot starve the pool).
            Task.detached {
                do {
                    try await connection.copyFrom(table: statement.table, columns: statement.columns, logger: Self.logger) { writer in
                        for try await chunk in chunks { try await writer.write(chunk) }
                    }
                    box.set(nil)
                } catch {
                    box.set(error)
                }
                done.signal()
            }
            do {
                try produce { continuation.yield($0) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
                _ = Self.waitForCopy(done, on: connection)
                throw error
            }
            guard Self.waitForCopy(done, on: connection) else { throw PostgresStoreError.failed(PostgresFailure.lost + "; nothing was written") }
            if let error = box.error { throw PostgresFailure.translated(error) }
        }
    }

    /// Waits for a COPY's task to end (`done`); false when its connection closed and the task did not end within
    /// a few seconds of it. postgres-nio's COPY does not always end when its connection does (the server stopped
    /// in the middle of an import): the import waited for ever. The task is then left behind, its result unread.
    private static func waitForCopy(_ done: DispatchSemaphore, on connection: PostgresConnection) -> Bool {
        var closedSince: DispatchTime?
        // (A server that stops answering without closing the connection, frozen, is waited for: closing the
        // connection in the middle of a COPY stops the program in postgres-nio's state machine.)
        while done.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
            guard connection.isClosed else { continue }
            let since = closedSince ?? .now()
            closedSince = since
            if DispatchTime.now() > since + .seconds(3) { return false }
        }
        return true
    }

    /// Closes the connection.
    func close() {
        lock.withLock {
            try? connection?.close().wait()
            connection = nil
        }
    }

    /// The error a detached task ended with.
    private final class ResultBox: @unchecked Sendable {
        // @unchecked: written once before the semaphore is signalled, read after it is waited for.
        private(set) var error: Error?
        func set(_ error: Error?) { self.error = error }
    }
}
