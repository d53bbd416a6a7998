import Foundation

/// The file a path named when a database was opened (its device and inode), to notice it deleted, or another
/// file put in its place, while open: SQLite goes on with the file it opened, so the dashboard showed the old
/// figures for good and "saved" values no one would see.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path` now; `nil` when there is none.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
    }

    /// Throws ``StoreError/fileReplaced(path:deleted:)`` when `path` no longer names this file.
    func check(path: String) throws {
        guard let now = FileIdentity(path: path) else { throw StoreError.fileReplaced(path: path, deleted: true) }
        guard now == self else { throw StoreError.fileReplaced(path: path, deleted: false) }
    }
}
