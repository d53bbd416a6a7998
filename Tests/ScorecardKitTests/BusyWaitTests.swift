import Foundation
import GRDB
import Synchronization
import Testing

@testable import ScorecardKit

@Suite("Waiting for another process's write")
struct BusyWaitTests {
    @Test("pauses as SQLite's own busy_timeout does, then 100 ms at a time, and gives up after a minute")
    func pauses() {
        #expect(BusyWait.pause(afterTries: 0) == (1, 0))
        #expect(BusyWait.pause(afterTries: 3) == (10, 8))  // 1 + 2 + 5
        // 1 + 2 + 5 + 10 + 15 + 20 + 25 + 25 + 25 + 50 + 50 = 228
        #expect(BusyWait.pause(afterTries: 11) == (100, 228))
        // Announced once a wait, on the pause that crosses a second: 928 + 100 ms.
        #expect(BusyWait.pause(afterTries: 18) == (100, 928))
        // 228 + 598 x 100 = 60,028 ms: past the minute, so the try after 609 is not made.
        #expect(BusyWait.pause(afterTries: 609).waited == 60_028)
        #expect(BusyWait.handler(609) == false)
    }

    @Test("a write kept waiting over a second by another process says so, then goes in when the other commits")
    func announcesLongWait() throws {
        let (store, path) = try StoreFixture.importedStore()
        let notices = Mutex(0)
        let counting = BusyWait.announceLongWaits { notices.withLock { $0 += 1 } }
        defer { BusyWait.stopAnnouncing(counting) }
        // Another connection holds the write lock for 1.5 s from the moment it says so.
        let other = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do {
                try other.inTransaction(.immediate) { _ in
                    holding.signal()
                    Thread.sleep(forTimeInterval: 1.5)
                    return .commit
                }
            } catch {
                holding.signal()  // Never left waiting: the write then goes in at once, and the test fails.
            }
            released.signal()
        }
        holding.wait()
        let recorded = try store.record(
            ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "alice"), today: StoreRecordTests.today)
        released.wait()
        // At least once: a test elsewhere waiting at the same moment would be announced here too.
        #expect(notices.withLock { $0 } >= 1)
        guard case .added = recorded else { Issue.record("expected .added, got \(recorded)"); return }
    }
}
