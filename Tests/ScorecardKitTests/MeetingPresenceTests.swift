import Foundation
import Testing

@testable import ScorecardKit

/// Followers of a meeting on a database file hold a lock each in a folder of `/tmp`.
@Suite("Meeting presence on a file")
struct MeetingPresenceTests {
    @Test("followers are counted while they follow; the last to leave takes the meeting's folder with it")
    func lastFollowerTidiesUp() throws {
        let (store, _) = try StoreFixture.importedStore()
        let folder = store.meetingDirectory("Cabinet")
        let first = try store.follow(meeting: "Cabinet")
        let second = try store.follow(meeting: "Cabinet")
        #expect(try store.followerCount(ofMeeting: "Cabinet") == 2)
        first.release()
        #expect(try store.followerCount(ofMeeting: "Cabinet") == 1)
        #expect(FileManager.default.fileExists(atPath: folder), "a follower is still there")
        second.release()
        #expect(try store.followerCount(ofMeeting: "Cabinet") == 0)
        #expect(!FileManager.default.fileExists(atPath: folder))
        // Following again makes the folder again.
        let third = try store.follow(meeting: "Cabinet")
        #expect(try store.followerCount(ofMeeting: "Cabinet") == 1)
        third.release()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("a meeting's name: letters, digits, spaces, - _ and ., not all spaces")
    func names() {
        for good in ["Cabinet", "Scrutiny 12.3", "Audit_and-Governance"] { #expect(MeetingName.problem(with: good) == nil, "\(good)") }
        for bad in ["", "   ", " board ", "board ", "a/b", String(repeating: "x", count: 65), "\u{1B}[2J"] { #expect(MeetingName.problem(with: bad) != nil, "\(bad)") }
    }

    @Test("a lock file that cannot be made is said to be so, not taken for another presenter")
    func lockFileThatCannotBeMade() throws {
        let (store, _) = try StoreFixture.importedStore()
        let folder = store.meetingDirectory("Scrutiny")
        try? FileManager.default.createDirectory(atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // A file where the meeting's folder goes.
        try Data("in the way\n".utf8).write(to: URL(fileURLWithPath: folder))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let error = try #require(throws: StoreError.self) { _ = try store.present(meeting: "Scrutiny", view: "{}", by: "chair") }
        guard case .meetingLock = error else {
            Issue.record("said \(error)")
            return
        }
        #expect(!"\(error.localizedDescription)".contains("being presented by"))
    }

    @Test("a meeting is the database file's, whatever path reaches it (a link, a linked folder); its presenter tidies up")
    func theFileNotItsPath() throws {
        let (store, path) = try StoreFixture.importedStore()
        let folder = (path as NSString).deletingLastPathComponent
        let linkedFolder = folder + "-linked-\(UUID().uuidString)"
        try FileManager.default.createSymbolicLink(atPath: linkedFolder, withDestinationPath: folder)
        defer { try? FileManager.default.removeItem(atPath: linkedFolder) }
        let linkedFile = folder + "/linked.sqlite"
        try FileManager.default.createSymbolicLink(atPath: linkedFile, withDestinationPath: (path as NSString).lastPathComponent)
        for other in [linkedFolder + "/" + (path as NSString).lastPathComponent, linkedFile] {
            let reached = try SQLiteStore(path: other)
            #expect(reached.meetingDirectory("Cabinet") == store.meetingDirectory("Cabinet"))
            #expect(reached.meetingDirectory("Scrutiny") != store.meetingDirectory("Cabinet"))
        }
        // Presented through one path, it is presented through the other, and a second presenter is refused.
        let presenter = try store.present(meeting: "Cabinet", view: "{}", by: "chair")
        let linked = try SQLiteStore(path: linkedFile)
        #expect(try linked.isPresented(meeting: "Cabinet"))
        #expect(throws: StoreError.self) { try linked.present(meeting: "Cabinet", view: "{}", by: "other") }
        // Every login on the machine may follow: the folders are everyone's, as /tmp is.
        var info = stat()
        #expect(stat(store.meetingDirectory("Cabinet"), &info) == 0 && info.st_mode & 0o7777 == 0o1777)
        presenter.release()
        #expect(try !linked.isPresented(meeting: "Cabinet"))
        #expect(!FileManager.default.fileExists(atPath: store.meetingDirectory("Cabinet")))
    }
}
