#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard
import Testing

/// Compares a buffer's text with `__Snapshots__/<TestFile>/<test>.txt` next to the calling test file.
///
/// When the file is missing, or the environment has `SNAPSHOT_RECORD=1`, the snapshot is written instead
/// and the test fails with a message saying so (check the file, then run again).
public func assertSnapshot(
    _ buffer: ScreenBuffer, named name: String? = nil,
    fileID: String = #fileID, filePath: String = #filePath, function: String = #function, line: Int = #line,
    column: Int = #column
) {
    assertTextSnapshot(
        buffer.text() + "\n", named: name, fileID: fileID, filePath: filePath, function: function, line: line,
        column: column)
}

/// Compares `actual` with `__Snapshots__/<TestFile>/<test>.txt` next to the calling test file (a report, say), as
/// ``assertSnapshot(_:named:fileID:filePath:function:line:column:)`` does a screen.
public func assertTextSnapshot(
    _ actual: String, named name: String? = nil,
    fileID: String = #fileID, filePath: String = #filePath, function: String = #function, line: Int = #line,
    column: Int = #column
) {
    let location = SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    let path = snapshotPath(filePath: filePath, name: name ?? function)
    let recording = getenv("SNAPSHOT_RECORD").map { String(cString: $0) } == "1"
    if !recording, let expected = readFile(path) {
        if expected != actual {
            Issue.record("Snapshot \(path) differs.\nExpected:\n\(expected)\nActual:\n\(actual)", sourceLocation: location)
        }
        return
    }
    if writeFile(path, actual) {
        Issue.record("Recorded snapshot \(path); check it and run again.", sourceLocation: location)
    } else {
        Issue.record("Could not write snapshot \(path).", sourceLocation: location)
    }
}

/// `<dir of test file>/__Snapshots__/<test file name>/<test name>.txt`, the name without `()`.
func snapshotPath(filePath: String, name: String) -> String {
    let directory = filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let file = filePath.split(separator: "/").last.map { String($0.split(separator: ".").first ?? $0) } ?? "Unknown"
    let test = name.split(separator: "(").first.map(String.init) ?? name
    return "\(directory)/__Snapshots__/\(file)/\(test).txt"
}

/// The file's contents as UTF-8, or `nil` if it cannot be read.
private func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Writes `text` to `path`, creating its directory; whether it worked.
private func writeFile(_ path: String, _ text: String) -> Bool {
    var directory = ""
    for component in path.split(separator: "/").dropLast() {
        directory += "/" + component
        mkdir(directory, 0o755)
    }
    guard let file = fopen(path, "wb") else { return false }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, file) == bytes.count
}
