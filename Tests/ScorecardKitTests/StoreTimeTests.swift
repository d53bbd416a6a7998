import Foundation
import GRDB
import Testing

@testable import ScorecardKit

/// Time stamps in the SQLite store are written and read as GRDB writes and reads them, without Foundation's
/// calendar.
@Suite("Store time stamps")
struct StoreTimeTests {
    /// Moments around the edges: the epoch, before it, a leap day, a year's last millisecond, an ordinary one.
    static let moments: [Date] = [
        Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: 951_782_400.25),
        Date(timeIntervalSince1970: 1_798_761_599.999), Date(timeIntervalSince1970: 1_795_503_898.123),
    ]

    @Test("written exactly as GRDB writes them", arguments: moments)
    func writtenAsGRDBWrites(_ moment: Date) {
        #expect(StoreTime.text(moment) == String.fromDatabaseValue(moment.databaseValue))
    }

    @Test("now, to the nearest millisecond either way")
    func now() throws {
        let now = Date()
        let read = try #require(StoreTime.date(StoreTime.text(now)))
        #expect(abs(read.timeIntervalSince(now)) <= 0.0005 + 1e-9)
    }

    @Test("read back to the millisecond, as GRDB reads them", arguments: moments)
    func readAsGRDBReads(_ moment: Date) throws {
        let text = StoreTime.text(moment)
        let read = try #require(StoreTime.date(text))
        let byGRDB = try #require(Date.fromDatabaseValue(text.databaseValue))
        #expect(abs(read.timeIntervalSince(byGRDB)) < 1e-6)
        #expect(abs(read.timeIntervalSince(moment)) < 1e-6)
    }

    @Test("known text to known moments, and other forms GRDB reads are still read")
    func knownText() {
        #expect(StoreTime.date("2026-11-24 08:04:58.123") == Date(timeIntervalSince1970: 1_795_507_498.123))
        #expect(StoreTime.text(Date(timeIntervalSince1970: 1_795_507_498.123)) == "2026-11-24 08:04:58.123")
        #expect(StoreTime.date("2026-11-24 08:04") == Date(timeIntervalSince1970: 1_795_507_440))
        #expect(StoreTime.date("2026-11-24T08:04:58.123Z") == Date.fromDatabaseValue("2026-11-24T08:04:58.123Z".databaseValue))
        #expect(StoreTime.date("2026-13-24 08:04:58.123") == Date.fromDatabaseValue("2026-13-24 08:04:58.123".databaseValue))
        #expect(StoreTime.date("yesterday") == nil)
    }
}
