import Foundation

/// What is already at a path a command is about to write: looked at before it is replaced.
package enum ExistingFile {
    /// The first `count` bytes of the regular file at `path` (through a link), or `nil` when there is none there.
    /// Only a regular file is read: a pipe would wait for a writer.
    package static func start(of path: String, count: Int) -> Data? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: count)) ?? Data()
    }
}
