import Foundation

/// Files a process writes under a temporary name with its process id in it (`PREFIX` then the id), renamed into
/// place only when whole: those of a process interrupted (Ctrl-C, a crash) are left behind, and the next run
/// removes them.
enum Leftovers {
    /// The temporary name for `path` in this process: `.NAME.partial-PID` beside it, hidden as it is unfinished.
    static func partialPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
    }

    /// Removes what earlier runs that no longer run left of `path` (see ``partialPath(for:)``).
    static func removePartials(of path: String) {
        let url = URL(fileURLWithPath: path)
        removeDead(named: ".\(url.lastPathComponent).partial-", in: url.deletingLastPathComponent().path)
    }

    /// Removes the entries of `folder` named `prefix` then the id of a process that is no longer running (with
    /// whatever follows the id: `-wal`, `-shm`).
    static func removeDead(named prefix: String, in folder: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let digits = entry.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + entry)
        }
    }
}
