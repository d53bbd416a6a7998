import Foundation
import GRDB

/// Runs SQLite's `PRAGMA quick_check` once, before a store's first write, so that nothing is ever written into a
/// damaged file. Reading does not wait for it: SQLite reports damage it meets while reading by itself.
final class IntegrityCheck: @unchecked Sendable {
    // @unchecked: `passed` is only read and written under `lock`.
    private let lock = NSLock()
    private var passed: Bool

    /// - Parameter passed: whether the file is known to be sound already (one this process just created).
    init(passed: Bool) {
        self.passed = passed
    }

    /// Checks the file unless it was checked before.
    ///
    /// - Throws: ``StoreError/damaged(path:problem:)`` when the check finds a problem.
    func verify(path: String, queue: DatabaseQueue) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !passed else { return }
        let problems: [String]
        do {
            problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        } catch let error as DatabaseError {
            throw StoreError.damaged(path: path, problem: error.message ?? "\(error.resultCode)")
        }
        guard problems == ["ok"] else {
            let lines = problems.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("***") }
            throw StoreError.damaged(path: path, problem: lines.prefix(2).joined(separator: "; "))
        }
        passed = true
    }
}
