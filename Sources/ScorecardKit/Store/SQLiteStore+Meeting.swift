import Foundation
import GRDB

extension SQLiteStore: MeetingStore {
    // Meetings are written straight to their table, not through `writeTransaction`: they are not the council's
    // data (no revision, no sign-off), a presenter writes one at every key, and a member's dashboard
    // (`--published`) may present.

    public func present(meeting name: String, view: String, by presenter: String) throws -> MeetingPresence {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        guard let presence = try MeetingLockFile.holdPresenter(directory: meetingDirectory(name)) else {
            let current = (try? meeting(named: name))?.presenter ?? "someone"
            throw StoreError.notPermitted(
                "\(name.terminalSafe) is being presented by \(current.terminalSafe) already: a meeting has one presenter at a time "
                    + "(follow it with --follow, or present under another name)")
        }
        do {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO meeting (name, presenter, view, sequence, ended, updated_at) VALUES (?, ?, ?, 1, 0, ?)
                        ON CONFLICT (name) DO UPDATE SET presenter = excluded.presenter, view = excluded.view,
                          sequence = meeting.sequence + 1, ended = 0, updated_at = excluded.updated_at
                        """, arguments: [name, presenter, view, StoreTime.text(clock())])
            }
        } catch {
            presence.release()
            throw error
        }
        return presence
    }

    public func isPresented(meeting name: String) throws -> Bool {
        MeetingLockFile.isPresenterHeld(in: meetingDirectory(name))
    }

    public func updateMeeting(_ name: String, view: String) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        try queue.write { db in
            try db.execute(
                sql: "UPDATE meeting SET view = ?, sequence = sequence + 1, updated_at = ? WHERE name = ?",
                arguments: [view, StoreTime.text(clock()), name])
        }
    }

    public func endMeeting(_ name: String) throws {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        try queue.write { db in
            try db.execute(
                sql: "UPDATE meeting SET ended = 1, sequence = sequence + 1, updated_at = ? WHERE name = ?",
                arguments: [StoreTime.text(clock()), name])
        }
    }

    public func meeting(named name: String) throws -> MeetingRecord? {
        try queue.read { db in
            // A file of an older schema opened read-only has no meetings.
            guard try db.tableExists("meeting") else { return nil }
            return try Row.fetchOne(db, sql: "SELECT presenter, view, sequence, ended FROM meeting WHERE name = ?", arguments: [name])
                .map { row in
                    MeetingRecord(name: name, presenter: row[0], view: row[1], sequence: row[2], ended: row[3])
                }
        }
    }

    public func follow(meeting name: String) throws -> MeetingPresence {
        try MeetingLockFile.hold(directory: meetingDirectory(name))
    }

    public func followerCount(ofMeeting name: String) throws -> Int {
        MeetingLockFile.countHeld(in: meetingDirectory(name))
    }

    /// Where the followers of `name` on this database hold their locks: a folder of `/tmp` (the machine's, not a
    /// login's own `TMPDIR`: members follow as themselves) named for the database file itself, its device and
    /// inode (whatever path, link or relative name reaches it), and the meeting.
    func meetingDirectory(_ name: String) -> String {
        var info = stat()
        let file: String
        if stat(path, &info) == 0 {
            file = "\(info.st_dev):\(info.st_ino)"
        } else {
            file = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in (file + "\u{0}" + name).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return (MeetingLockFile.root as NSString).appendingPathComponent(String(hash, radix: 16))
    }
}

/// A follower's lock on a file of its own in the meeting's folder: held while it follows, and counted by the
/// presenter, who cannot take a lock that is held (and removes files whose follower has gone). The presenter
/// holds the folder's `presenter` file exclusively: the system lets go of it whenever the presenter's process
/// ends, however it ends. Each removes its file when it stops, and the last the folder.
final class MeetingLockFile: MeetingPresence, @unchecked Sendable {
    // @unchecked: `descriptor` is set once and closed once, under `lock`.
    private let lock = NSLock()
    private var descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// The folder of every meeting's folder: in `/tmp` where there is one (the same for every login on the
    /// machine), else the temporary directory.
    static let root: String = {
        var isDirectory: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: "/tmp", isDirectory: &isDirectory) && isDirectory.boolValue
            ? "/tmp" : NSTemporaryDirectory()
        return (base as NSString).appendingPathComponent("scorecard-meetings")
    }()

    /// Makes `directory` (in ``root``) and ``root`` if missing, writable by every login with the sticky bit, as
    /// `/tmp` is: followers of another login make their files there, and remove only their own.
    static func makeDirectory(_ directory: String) {
        for folder in [root, directory] {
            mkdir(folder, 0o1777)
            // Past the umask, and a folder of ours an earlier Scorecard made for this login alone.
            chmod(folder, 0o1777)
        }
    }

    /// Opens (making it, readable and lockable by every login) the file at `path`.
    private static func openShared(_ path: String) -> Int32 {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o666)
        if descriptor >= 0 { fchmod(descriptor, 0o666) }  // Past the umask; refused, harmlessly, on another's file.
        return descriptor
    }

    /// Whether `descriptor` is the file now at `path` (not one removed meanwhile).
    private static func isFile(_ descriptor: Int32, at path: String) -> Bool {
        var held = stat(), named = stat()
        return fstat(descriptor, &held) == 0 && stat(path, &named) == 0 && held.st_ino == named.st_ino && held.st_dev == named.st_dev
    }

    static func hold(directory: String) throws -> MeetingLockFile {
        let path = (directory as NSString).appendingPathComponent("\(getpid())-\(UUID().uuidString)")
        var failure: Int32 = 0
        // A presenter counting followers removes a file it can lock, and the last follower to leave removes the
        // folder: either may happen between making the file and locking it, so the lock is taken again until it
        // is held on the file at the path.
        for _ in 0..<3 {
            makeDirectory(directory)
            let descriptor = openShared(path)
            guard descriptor >= 0 else {
                failure = errno
                if failure == ENOENT { continue }
                break
            }
            guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else {
                failure = errno
                close(descriptor)
                if failure == EWOULDBLOCK { continue }
                break
            }
            if isFile(descriptor, at: path) { return MeetingLockFile(descriptor: descriptor, path: path) }
            failure = ENOENT
            close(descriptor)
        }
        throw StoreError.meetingLock(path: path, problem: String(cString: strerror(failure)))
    }

    /// The presenter's file of a meeting's folder.
    static let presenterName = "presenter"

    /// The presenter's lock on `directory`'s ``presenterName``, or `nil` while another process holds it. The
    /// presenter removes the file when it stops (and the folder, when no follower is left).
    /// - Throws: ``StoreError/meetingLock(path:problem:)`` when the file cannot be made or opened at all.
    static func holdPresenter(directory: String) throws -> MeetingLockFile? {
        let path = (directory as NSString).appendingPathComponent(presenterName)
        // A follower looking whether the meeting is presented holds the file shared for an instant, and a
        // presenter stopping removes it: try again.
        for _ in 0..<5 {
            makeDirectory(directory)
            let descriptor = openShared(path)
            guard descriptor >= 0 else { throw StoreError.meetingLock(path: path, problem: String(cString: strerror(errno))) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                if isFile(descriptor, at: path) { return MeetingLockFile(descriptor: descriptor, path: path) }
                close(descriptor)
                continue
            }
            close(descriptor)
            usleep(20_000)
        }
        return nil
    }

    /// Whether a process holds `directory`'s presenter's lock.
    static func isPresenterHeld(in directory: String) -> Bool {
        let descriptor = open((directory as NSString).appendingPathComponent(presenterName), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// The files in `directory` whose lock is held; the others (followers gone) are removed.
    static func countHeld(in directory: String) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var held = 0
        for name in names where name != presenterName {
            let path = (directory as NSString).appendingPathComponent(name)
            let descriptor = open(path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                unlink(path)
            } else {
                held += 1
            }
            close(descriptor)
        }
        if held == 0 { rmdir(directory) }
        return held
    }

    func release() {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
        // The last to leave a meeting leaves no empty folder behind (this fails while others are there).
        rmdir(path.folderPart)
    }

    deinit { release() }
}
