import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore: MeetingStore {
    // The `meeting` table is the database's too: owners and officers may present (INSERT, UPDATE), every role
    // reads, and row-level security lets only a meeting's presenter change it (an officer may take one over).
    // A follower writes nothing: it names its connection after the meeting, and the presenter counts the
    // connections so named.

    public func present(meeting name: String, view: String, by presenter: String) throws -> MeetingPresence {
        guard access.role != .member else {
            throw StoreError.notPermitted("\(login) is a member: members follow meetings (scorecard --follow NAME); owners and officers present them")
        }
        if try isPresented(meeting: name) {
            let current = (try? meeting(named: name))?.presenter ?? "someone"
            throw StoreError.notPermitted(
                "\(name.terminalSafe) is being presented by \(current.terminalSafe) already: a meeting has one presenter at a time "
                    + "(follow it with --follow, or present under another name)")
        }
        do {
            try session.execute("""
                INSERT INTO meeting (name, presenter, view, sequence) VALUES (\(name), session_user, \(view), 1)
                ON CONFLICT (name) DO UPDATE SET presenter = session_user, view = excluded.view,
                  sequence = meeting.sequence + 1, ended = false, updated_at = now()
                """)
        } catch StoreError.notPermitted(let reason) {
            guard let current = try? meeting(named: name) else { throw StoreError.notPermitted(reason) }
            throw StoreError.notPermitted(
                "\(name.terminalSafe) is presented by \(current.presenter.terminalSafe): only they, or an officer, can present it")
        }
        // The connection named for the meeting says it is presented for as long as it is open.
        try session.name(Self.presenterTag(name))
        return PostgresMeetingPresence(session: session)
    }

    public func isPresented(meeting name: String) throws -> Bool {
        // The meeting's own presenter's connection, named for it: any login may name a connection, but only the
        // presenter's counts.
        let rows = try session.rows("""
            SELECT EXISTS (SELECT FROM pg_stat_activity a JOIN meeting m ON m.name = \(name) AND a.usename = m.presenter
                           WHERE a.datname = current_database() AND a.application_name = \(Self.presenterTag(name))
                             AND a.pid <> pg_backend_pid())
            """)
        return try rows.first?.decode(Bool.self) ?? false
    }

    public func updateMeeting(_ name: String, view: String) throws {
        try session.execute(
            "UPDATE meeting SET view = \(view), sequence = sequence + 1, updated_at = now() WHERE name = \(name)")
    }

    public func endMeeting(_ name: String) throws {
        try session.execute("UPDATE meeting SET ended = true, sequence = sequence + 1, updated_at = now() WHERE name = \(name)")
    }

    public func meeting(named name: String) throws -> MeetingRecord? {
        let rows = try session.rows("SELECT presenter, view, sequence, ended FROM meeting WHERE name = \(name)")
        guard let row = rows.first else { return nil }
        let (presenter, view, sequence, ended) = try row.decode((String, String, Int64, Bool).self)
        return MeetingRecord(name: name, presenter: presenter, view: view, sequence: sequence, ended: ended)
    }

    public func follow(meeting name: String) throws -> MeetingPresence {
        try session.name(Self.followerTag(name))
        return PostgresMeetingPresence(session: session)
    }

    public func followerCount(ofMeeting name: String) throws -> Int {
        let tag = Self.followerTag(name)
        let rows = try session.rows("""
            SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = \(tag)
            """)
        return try rows.first?.decode(Int.self) ?? 0
    }

    /// The application name a follower's connection carries: the meeting by a hash of its name, as PostgreSQL
    /// keeps only 63 bytes of it (two long names alike in their first 44 bytes would be one meeting).
    static func followerTag(_ name: String) -> String {
        "scorecard follows " + hashed(name)
    }

    /// The application name the presenter's connection carries.
    static func presenterTag(_ name: String) -> String {
        "scorecard presents " + hashed(name)
    }

    /// A meeting's name as 16 hex digits (FNV-1a).
    private static func hashed(_ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// A presenter's or follower's connection named for its meeting; released, it takes its plain name back.
final class PostgresMeetingPresence: MeetingPresence, @unchecked Sendable {
    // @unchecked: the session is used under its own lock.
    private let session: PostgresSession

    init(session: PostgresSession) {
        self.session = session
    }

    func release() {
        try? session.name(nil)
    }
}
