import Foundation
import Testing

@testable import ScorecardKit

/// Followers of a meeting on a database file hold a lock each in a folder of the temporary directory.
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
}
