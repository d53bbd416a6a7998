import Foundation
import Testing

@testable import ScorecardKit

/// A database reached through a symbolic link is the file it points to, as SQLite takes it.
@Suite("A database file through a link")
struct LinkedDatabaseFileTests {
    @Test("its folder (where SQLite keeps the WAL files) is the real file's, not the link's")
    func folderOfTheRealFile() throws {
        let (_, path) = try StoreFixture.importedStore()
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("linked-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let link = elsewhere.appendingPathComponent("council.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real.path)
        let file = DatabaseFile(path: link)
        #expect(file.realPath == real.path)
        #expect(file.folder == real.deletingLastPathComponent().path)
        #expect(try SQLiteStore(path: link).loadCouncil().measures.count == (try SQLiteStore(path: path).loadCouncil().measures.count))
    }
}
