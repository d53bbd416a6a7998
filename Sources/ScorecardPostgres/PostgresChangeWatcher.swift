import Foundation
import NIOCore
import PostgresNIO
import ScorecardKit

/// Notices changes committed by anyone, at once: `LISTEN scorecard_changes` on a connection of its own, which
/// the database's triggers notify on every commit that changes a value, a sign-off or the framework.
///
/// A poll costs a lock and a flag. A lost connection makes ``hasChanged()`` throw (the dashboard says so in
/// its status line and keeps what it shows); the next poll connects again and reports a change, since
/// notifications sent meanwhile were missed.
final class PostgresChangeWatcher: ChangeWatcher, @unchecked Sendable {
    // @unchecked: `connection`, `pending` and `reconnected` are only touched under `lock`.
    private let location: PostgresLocation
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var pending = false
    private(set) var lastChangedAt: Date?
    /// When the server last answered on this connection: a server that stops answering sends no notification and
    /// closes nothing, so every ``heartbeat`` it is asked something, and a silence of as long is a lost connection.
    private var lastAnswer = Date()
    static let heartbeat: TimeInterval = 5

    /// The channel the schema's triggers notify.
    static let channel = "scorecard_changes"

    init(location: PostgresLocation) throws {
        self.location = location
        try listen()
    }

    deinit {
        try? connection?.close().wait()
    }

    private func listen() throws {
        let connection = try PostgresSession.connect(location)
        connection.addListener(channel: Self.channel) { [weak self] _, _ in
            guard let self else { return }
            lock.withLock { pending = true }
        }
        do {
            _ = try connection.query("LISTEN scorecard_changes", logger: PostgresSession.logger).wait()
        } catch {
            try? connection.close().wait()
            throw PostgresFailure.translated(error)
        }
        lock.withLock { self.connection = connection }
    }

    func hasChanged() throws -> Bool {
        let (open, changed) = lock.withLock { () -> (Bool, Bool) in
            let open = connection.map { !$0.isClosed } ?? false
            let changed = pending
            pending = false
            return (open, changed)
        }
        guard open else {
            lock.withLock { connection = nil }
            do {
                try listen()
            } catch {
                throw PostgresStoreError.connectionLost
            }
            try readLastChange()
            lastAnswer = Date()
            return true
        }
        if changed {
            do {
                try readLastChange()
            } catch {
                // Told of again at the next look: a change that could not be read is not forgotten.
                lock.withLock { pending = true }
                throw error
            }
            lastAnswer = Date()
        } else if Date().timeIntervalSince(lastAnswer) >= Self.heartbeat, let connection = lock.withLock({ connection }) {
            do {
                _ = try PostgresSession.waitForAnswer(
                    connection.query("SELECT 1", logger: PostgresSession.logger), on: connection, limit: .seconds(Int64(Self.heartbeat)))
                lastAnswer = Date()
            } catch {
                lock.withLock { self.connection = nil }
                try? connection.close().wait()
                throw PostgresStoreError.connectionLost
            }
        }
        return changed
    }

    private func readLastChange() throws {
        guard let connection = lock.withLock({ connection }) else { return }
        let rows = try PostgresFailure.translating {
            try connection.query("SELECT max(at) FROM change_log", logger: PostgresSession.logger).wait().rows
        }
        lastChangedAt = try rows.first?.decode(Date?.self) ?? lastChangedAt
    }
}
