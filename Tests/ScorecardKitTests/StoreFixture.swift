import Foundation
import GRDB

@testable import ScorecardKit
import TestScratch

/// Temporary database files and a clock that ticks one second per reading, for the store's tests.
enum StoreFixture {
    /// A path for a new database file in a new temporary directory.
    static func databasePath() throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-db-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/scorecard.sqlite"
    }

    /// A store on a new file holding the small test council, imported by "import" at the clock's first tick.
    static func importedStore(clock: TickingClock = TickingClock()) throws -> (SQLiteStore, String) {
        let path = try databasePath()
        let store = try SQLiteStore(path: path, clock: clock.now)
        _ = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        return (store, path)
    }

    /// The small test council without KBI-03, in its framework and its values: a re-import of it removes the measure.
    static func councilWithoutKBI03() throws -> Council {
        let framework = Fixture.framework.replacingOccurrences(
            of: "          - code: KBI-03\n            title: Calls to the contact centre\n            frequency: monthly\n            polarity: none\n",
            with: "")
        let csv = String(decoding: Fixture.observations, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("KBI-03") }.joined(separator: "\n")
        return try CouncilDirectory(path: try Fixture.write(framework: framework, observations: Array(csv.utf8))).load()
    }

    /// A store on a new file holding the small test council, closed and then changed by `sql` run outside any
    /// transaction, as someone would with `sqlite3`; returns the file's path.
    static func editedByHand(_ sql: String) throws -> String {
        let (store, path) = try importedStore()
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
        return path
    }

    /// The file's bytes (an empty array when it does not exist).
    static func bytes(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    /// The fixture's observations with one line replaced.
    static func observations(replacing old: String, with new: String) -> [UInt8] {
        Array(String(decoding: Fixture.observations, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }
}

/// A clock for tests: each reading is one second after the last, from 2026-01-01 00:00:00 UTC.
final class TickingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next = Date(timeIntervalSince1970: 1_767_225_600)

    var now: @Sendable () -> Date {
        { [self] in
            lock.lock()
            defer { lock.unlock() }
            let date = next
            next = next.addingTimeInterval(1)
            return date
        }
    }
}
