import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the test suites write their files: one directory per test run under the system's temporary
/// directory, removed when the run ends, so that a developer's `/tmp` does not gather a directory for every
/// fixture of every run. A run that was killed leaves its directory; a later run removes it.
public enum ScratchDirectory {
    /// The run's directory, made on first use.
    public static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        removeAbandoned(in: temporary)
        let root = temporary.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make the tests' scratch directory \(root.path): \(error)")
        }
        // Held until the run ends (the descriptor is never closed): a later run removes only directories whose
        // lock it can take, whatever their process ids mean on its side of a container.
        let lock = open(root.appendingPathComponent(lockName).path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if lock >= 0 { flock(lock, LOCK_SH) }
        atexit { try? FileManager.default.removeItem(at: ScratchDirectory.root) }
        return root
    }()

    private static let prefix = "scorecard-tests-"
    private static let lockName = ".running"

    /// Removes the directories of earlier runs that have ended without removing them.
    private static func removeAbandoned(in temporary: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let directory = temporary.appendingPathComponent(name)
            let descriptor = open(directory.appendingPathComponent(lockName).path, O_RDWR | O_CLOEXEC)
            guard descriptor >= 0 else { continue }  // Being made at this moment, or not a run's.
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }  // Its run is still going.
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
