import Foundation
import Synchronization

/// How a connection waits while another process writes to the same file: SQLite asks again and again, a little
/// longer each time (as its own `busy_timeout` does), for up to ``SQLiteStore/busyTimeout``. Once a wait has
/// lasted a second, the action given to ``announceLongWaits(_:)`` runs, once a wait, so that a command can say
/// why it pauses rather than seem to hang.
public enum BusyWait {
    /// What runs once a wait has lasted ``noticeAfter``, by the number ``announceLongWaits(_:)`` gave it; none
    /// (the default) for nothing, as in the dashboard, whose screen a line on standard error would spoil.
    private static let longWaitActions = Mutex<(next: Int, actions: [Int: @Sendable () -> Void])>((0, [:]))

    /// How long a wait lasts before it is announced.
    static let noticeAfter: TimeInterval = 1

    /// Runs `action` whenever a wait for another process has lasted ``noticeAfter`` (on the waiting thread), until
    /// ``stopAnnouncing(_:)`` is given the number returned. Actions added are kept side by side: one does not
    /// replace another (a test counting waits beside a command announcing them).
    @discardableResult
    public static func announceLongWaits(_ action: @escaping @Sendable () -> Void) -> Int {
        longWaitActions.withLock { state in
            state.next += 1
            state.actions[state.next] = action
            return state.next
        }
    }

    /// Stops the action ``announceLongWaits(_:)`` numbered `number`.
    public static func stopAnnouncing(_ number: Int) {
        _ = longWaitActions.withLock { $0.actions.removeValue(forKey: number) }
    }

    /// The pause before each try, in milliseconds: SQLite's own sequence, then 100 ms at a time.
    private static let delays = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50]

    /// How long to pause before try `tries` + 1 and how long the wait has lasted before it (milliseconds).
    static func pause(afterTries tries: Int) -> (pause: Int, waited: Int) {
        let early = delays.prefix(tries).reduce(0, +)
        guard tries >= delays.count else { return (delays[tries], early) }
        return (100, early + (tries - delays.count) * 100)
    }

    /// SQLite's busy handler: pauses and asks again until ``SQLiteStore/busyTimeout`` has passed.
    static let handler: @Sendable (Int) -> Bool = { tries in
        let (pause, waited) = pause(afterTries: tries)
        let limit = Int(SQLiteStore.busyTimeout * 1000)
        guard waited < limit else { return false }
        let notice = Int(noticeAfter * 1000)
        if waited < notice, waited + pause >= notice {
            for action in longWaitActions.withLock({ Array($0.actions.values) }) { action() }
        }
        usleep(UInt32(min(pause, limit - waited)) * 1000)
        return true
    }
}
