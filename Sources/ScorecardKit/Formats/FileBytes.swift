import Foundation

/// Reads a whole file into an array of bytes.
enum FileBytes {
    /// Why a file was not read.
    enum Problem: Error {
        /// It cannot be opened or read (it does not exist, or permissions forbid it).
        case unreadable
        /// It is a directory.
        case directory
        /// It is not a regular file: a device such as `/dev/zero` or a pipe, which could be read for ever.
        case notRegular
    }

    /// The bytes of the regular file at `path`, read straight into one array: through `Data`, a 300 MB observations
    /// file was held twice (the copy doubled an import's peak memory).
    static func read(_ path: String) -> Result<[UInt8], Problem> {
        // Non-blocking, so that opening a pipe nobody writes to returns at once (it is then refused).
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.directory)
        default: return .failure(.notRegular)
        }
        let expected = max(0, Int(info.st_size))
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < expected {
                let got = Foundation.read(descriptor, buffer.baseAddress! + count, expected - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    failed = got < 0
                    return
                }
                count += got
            }
        }
        guard !failed else { return .failure(.unreadable) }
        // A file that grew while it was read: the rest, a chunk at a time.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .failure(.unreadable) }
            if got == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[..<got])
        }
    }
}
