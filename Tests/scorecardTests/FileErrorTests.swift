import Foundation
import TestScratch
import Testing

@testable import scorecard

/// Foundation's file errors as a command prints them: the path and the reason, not an NSError dump.
@Suite("File errors in words")
struct FileErrorTests {
    @Test("a folder that cannot be made because a file is in the way names both")
    func fileInTheWay() throws {
        let file = ScratchDirectory.root.appendingPathComponent("scorecard-file-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            try FileManager.default.createDirectory(atPath: file + "/scorecard", withIntermediateDirectories: true)
            Issue.record("a folder was made inside a file")
        } catch {
            let plain = Scorecard.plainFileError(error)
            #expect(String(describing: plain) == "cannot use \(file)/scorecard: Not a directory")
        }
    }
}
