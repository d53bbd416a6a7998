import Foundation
import TestScratch
import Testing

@testable import ScorecardKit

/// Where a report or workbook is written: through a symbolic link to its file, never over a device or a pipe.
@Suite("Output paths")
struct FileDestinationTests {
    static func folder() throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-out-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("a new or regular file is itself; a link, even one to a file not there yet, leads to its file")
    func followsLinks() throws {
        let dir = try Self.folder()
        let manager = FileManager.default
        #expect(try ExportError.fileDestination("\(dir)/new.html") == "\(dir)/new.html")
        try manager.createSymbolicLink(atPath: "\(dir)/link.html", withDestinationPath: "target.html")
        #expect(try ExportError.fileDestination("\(dir)/link.html") == "\(dir)/target.html", "a link to a file not made yet")
        try Data("old".utf8).write(to: URL(fileURLWithPath: "\(dir)/target.html"))
        try manager.createSymbolicLink(atPath: "\(dir)/chain.html", withDestinationPath: "\(dir)/link.html")
        #expect(try ExportError.fileDestination("\(dir)/chain.html") == "\(dir)/target.html")
    }

    @Test("a pipe, a device or a loop of links is refused in a sentence", arguments: ["fifo", "/dev/null", "loop"])
    func refuses(_ name: String) throws {
        let dir = try Self.folder()
        let path = name.hasPrefix("/") ? name : "\(dir)/\(name)"
        if name == "fifo" { #expect(mkfifo(path, 0o600) == 0) }
        if name == "loop" {
            try FileManager.default.createSymbolicLink(atPath: "\(dir)/other", withDestinationPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "\(dir)/other")
        }
        let error = try #require(throws: ExportError.self) { try ExportError.fileDestination(path) }
        #expect(error.message.contains(name == "loop" ? "goes round in a loop" : "is not a regular file (a device, a pipe or a socket)"))
    }

    @Test("what an interrupted export left beside its destination is removed by the next export there")
    func leftoversRemoved() throws {
        let dir = try Self.folder()
        let destination = "\(dir)/council"
        // Process ids never go this high (Linux's largest is 4,194,304): this process has ended.
        let left = "\(dir)/.council.partial-99999999"
        try FileManager.default.createDirectory(atPath: left, withIntermediateDirectories: false)
        let running = "\(dir)/.council.partial-\(getppid())"
        try FileManager.default.createDirectory(atPath: running, withIntermediateDirectories: false)
        try CouncilExport.replacing(destination) { try FileManager.default.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        #expect(!FileManager.default.fileExists(atPath: left))
        #expect(FileManager.default.fileExists(atPath: running), "another export that is still running keeps its own")
        #expect(FileManager.default.fileExists(atPath: destination))
    }
}
