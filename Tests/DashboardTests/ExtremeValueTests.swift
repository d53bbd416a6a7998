import Foundation
import GRDB
import ScorecardKit
import Testing

@testable import Dashboard

/// Values that input now refuses may already be in a database (written by an older version, or by hand with
/// `sqlite3`): every screen must still draw them.
@Suite("Extreme values already in a database")
struct ExtremeValueTests {
    /// The screens, reached from the Council Plan, each with KBI-01 on it or under it.
    static let routes: [(String, [AppAction])] = [
        ("plan", []), ("priority", [.open]), ("delivery plan", [.open, .open]), ("measure", [.open, .open, .moveDown, .open]),
        ("period detail", [.open, .open, .moveDown, .open, .open]), ("alerts", [.showAlerts]), ("my measures", [.showMyMeasures]),
        ("form", [.open, .open, .moveDown, .open, .edit]),
    ]

    @Test("1e19, -1e19, 1e308 and infinity recorded straight into the database draw on every screen",
          arguments: [1e19, -1e19, 1e308, -1e308, Double.infinity, 9.3e18])
    func everyScreenDraws(value: Double) throws {
        let (_, path) = try LiveDataTests.store()
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // As an older version or sqlite3 by hand would have written it: past every check.
            try db.execute(
                sql: """
                    INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, changed_by, changed_at, source)
                    SELECT id, 0, ?, ?, ?, 'sqlite3', '2026-01-01 00:00:00.000', 'record' FROM measure WHERE code IN ('KBI-01', 'KBI-03')
                    """,
                arguments: [Period.month(2024, 9).ordinal, value, value / 2])
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        var council: Council?
        for (name, actions) in Self.routes {
            var session = try TestSession(store: store, user: "test")
            session.send(actions)
            for (width, height) in [(80, 24), (120, 40), (200, 60)] {
                let screen = session.screen(width: width, height: height)
                #expect(!screen.isEmpty, "\(name) at \(width)x\(height)")
            }
            council = session.model.council
        }
        let loaded = try #require(council)
        let measure = try #require(loaded.measureIndex(code: "KBI-01"))
        let text = loaded.measures[measure].format(value)
        #expect(value.isFinite ? text.filter(\.isNumber).count >= 19 : text.hasPrefix("–"))
    }
}
