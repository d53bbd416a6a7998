import Foundation

/// Reads a whole file into an array of bytes.
enum FileBytes {
    /// The bytes of the file at `path`, read straight into one array: through `Data`, a 300 MB observations file
    /// was held twice (the copy doubled an import's peak memory). `nil` when it cannot be opened or read (a
    /// directory, say).
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // A regular file is read into an array of its size; anything else (or a file that grows meanwhile), a
        // chunk at a time.
        let expected = (info.st_mode & S_IFMT) == S_IFREG ? max(0, Int(info.st_size)) : 0
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
        guard !failed else { return nil }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<got])
        }
    }
}
