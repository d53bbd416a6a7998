import Foundation

/// A file read on another thread while the caller reads another (`observations.csv` while `framework.yaml` is
/// read), and checked to be UTF-8 text there too; ``result`` waits for it.
///
/// An import reads the framework on one core while the other has nothing to do until the observations come:
/// reading 55 MB of them from disk and checking their encoding took about 0.08 s of what followed.
final class FileReadAhead: @unchecked Sendable {
    // @unchecked: `read` and `isText` are written by the reading thread before `done` is signalled, then only
    // after waiting for it, under `lock`.
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var read: Result<[UInt8], FileBytes.Problem>?
    private var isText = false

    /// Starts reading the file at `path`, on a thread of its own (as ``BackgroundRead`` does; this one hands its
    /// bytes over once, not keeping them: a 300 MB file is held by its reader alone).
    init(path: String) {
        WorkThread.start { [self] in
            read = FileBytes.read(path)
            if case .success(let bytes) = read { isText = (try? CSVReader(bytes: bytes, file: path).validateUTF8()) != nil }
            done.signal()
        }
    }

    /// The file's bytes (or why it could not be read), and whether they are UTF-8 text as ``CSVReader`` requires,
    /// once the read has ended; `nil` when they were taken before (they are not kept: read the file again).
    func take() -> (bytes: Result<[UInt8], FileBytes.Problem>, isText: Bool)? {
        done.wait()
        done.signal()
        lock.lock()
        defer { lock.unlock() }
        guard let taken = read else { return nil }
        read = nil
        return (taken, isText)
    }
}
