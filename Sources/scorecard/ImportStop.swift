import Foundation
import ScorecardKit
import ScorecardPostgres
import ScorecardReports

/// How a signal (Ctrl-C, SIGTERM, SIGHUP) ends `scorecard import`. Until the import is finishing, at once,
/// saying that nothing was imported: nothing is committed before then, and a file being built is removed. Once it
/// is finishing (committing, which cannot be stopped halfway), the import goes on, says what it did and that it
/// stands, and the command ends as it would have without the signal: a script reading its exit status takes
/// a committed import for what it is (ending by the signal, it read one as failed).
final class ImportStop: @unchecked Sendable {
    // @unchecked: `finishing` is only read and written under `lock`.
    private let lock = NSLock()
    private var finishing = false
    private var interruption: Interruption?

    /// Watches the signals for an import into `path` (a file or a PostgreSQL URL).
    init(path: String) {
        interruption = Interruption.watch { [self] signal in
            guard !lock.withLock({ finishing }) else {
                FileHandle.standardError.write(Data("\nFinishing the import first: it cannot be stopped halfway\n".utf8))
                return
            }
            if !PostgresLocation.isURL(path) { NewDatabaseBuilder.discardTemporary(for: path) }
            FileHandle.standardError.write(Data("\nInterrupted: nothing was imported; the database is as it was\n".utf8))
            Self.end(by: signal)
        }
    }

    /// The import is about to finish (commit): a signal from now on waits for it.
    func willFinish() {
        lock.withLock { finishing = true }
    }

    /// Gives the signals back their actions. When one came while the import was finishing: says that the import
    /// stands when it was `committed`; else ends as the signal would have.
    func end(committed: Bool) {
        interruption?.end()
        guard let signal = interruption?.signal else { return }
        guard committed else { Self.end(by: signal) }
        FileHandle.standardError.write(Data("The import was committed before it could stop: it stands as above\n".utf8))
    }

    /// Ends the process as `signal` ends it (a shell's loop of imports stops too), not with a status of its own.
    /// (An import that committed ends with status 0 instead: the loop then goes on to the next, which a second
    /// Ctrl-C stops before it commits.)
    private static func end(by signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
        _exit(128 + signal)
    }
}
