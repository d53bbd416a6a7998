import Foundation
import ScorecardKit
import TestScratch
import Testing

@testable import Dashboard

/// Small numbers at a meeting (a presenter's and its followers' screens, which the public may see): `*`, never the
/// count, wherever the value would show; a member's own dashboard shows every published figure, as a committee paper.
@Suite("Small numbers on a meeting's screens")
struct WithheldValueScreenTests {
    /// A new database of the small test council whose KBI-01 counts people (values 1 to 4 withheld), with September
    /// 2024 recorded as 3 with commentary giving it away, then signed off; its path and the measure's index.
    static func database() throws -> (String, Int) {
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-withheld-\(UUID().uuidString).sqlite").path
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        council.measures[m].smallNumbers = SmallNumbers(basis: .count)
        council.measures[m].unit = MeasureUnit("people")
        council.measures[m].decimals = 0
        council.measures[m].minimum = 0
        council.measures[m].maximum = nil
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(council, by: "test", progress: nil)
        _ = try store.record(
            ValueEntry(measure: "KBI-01", period: "2024-09", value: "3", note: "Three families placed", by: "officer"), today: TestCouncil.today)
        _ = try store.publish(.all, by: "olu")
        return (path, m)
    }

    @Test("a meeting's screen shows * with the reason, not the count: on the measure, in its table, in the list and in the period's detail")
    func meetingShowsTheMark() throws {
        let (path, m) = try Self.database()
        var member = try TestSession(store: try SQLiteStore(path: path, publishedOnly: true), presenting: "Cabinet")
        member.send(.open, .open)
        let list = member.screen(width: 100, height: 30)
        let row = try #require(list.split(separator: "\n").first { $0.contains("KBI-01") }, "\(list)")
        #expect(row.contains(" * ") && !row.contains(" 3 "), "\(row)")
        member.send(.moveDown, .open)
        #expect(member.state.current.route == .measure(m))
        let screen = member.screen(width: 100, height: 30)
        #expect(screen.contains("* in Sep 2024: a small number, withheld"), "\(screen)")
        let september = try #require(screen.split(separator: "\n").first { $0.hasPrefix("Sep 2024") }, "\(screen)")
        #expect(september.contains("*") && september.contains("Not judged") && !september.contains("3"), "\(september)")
        #expect(!screen.contains("Three families"))
        member.send(.open)
        let detail = member.screen(width: 100, height: 30)
        #expect(detail.contains("Its commentary and revisions are not shown") && !detail.contains("Three families"), "\(detail)")
        #expect(!detail.contains("3 (was"), "no revision gives the figure")
        // A period shown, October's 6 (it replaced a 3): its revisions, which would give the 3, are not listed.
        _ = try SQLiteStore(path: path).record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "3", by: "officer"), today: TestCouncil.today)
        _ = try SQLiteStore(path: path).record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "6", by: "officer"), today: TestCouncil.today)
        _ = try SQLiteStore(path: path).publish(.all, by: "olu")
        member.send(.back)
        member.tick()
        let october = try #require(member.model.periodHistory(of: m)?.first { $0.period == .month(2024, 10) })
        #expect(october.observation.value == 6)
        member.send(.first, .open)
        #expect(member.state.mode == .history(.month(2024, 10), scroll: 0))
        let revised = member.screen(width: 100, height: 30)
        #expect(revised.contains("Not shown at a meeting") && !revised.contains("was 3"), "\(revised)")
        member.send(.back)
        // A follower's screen, the same.
        var follower = try TestSession(store: try SQLiteStore(path: path, publishedOnly: true), following: "Cabinet")
        follower.tick()
        #expect(follower.state.current.route == .measure(m))
        #expect(follower.screen(width: 100, height: 30).contains("* in Sep 2024: a small number, withheld"))
    }

    @Test("an officer's and a member's own screens show the count; a small value recorded later is withheld at a meeting as it arrives")
    func ownScreensShowItAndMeetingsGetNewOnesWithheld() throws {
        let (path, m) = try Self.database()
        for store in [try SQLiteStore(path: path), try SQLiteStore(path: path, publishedOnly: true)] {
            var own = try TestSession(store: store)
            own.send(.open, .open, .moveDown, .open)
            #expect(own.state.current.route == .measure(m))
            let september = try #require(own.screen(width: 100, height: 30).split(separator: "\n").first { $0.hasPrefix("Sep 2024") })
            #expect(september.hasPrefix("Sep 2024      3 people"), "\(september)")
        }

        var member = try TestSession(store: try SQLiteStore(path: path, publishedOnly: true), presenting: "Cabinet")
        member.send(.open, .open, .moveDown, .open)
        let writer = try SQLiteStore(path: path)
        _ = try writer.record(ValueEntry(measure: "KBI-01", period: "2024-08", value: "2", by: "officer"), today: TestCouncil.today)
        _ = try writer.publish(.all, by: "olu")
        member.tick()
        let august = try #require(member.screen(width: 100, height: 30).split(separator: "\n").first { $0.hasPrefix("Aug 2024") })
        #expect(august.contains("*") && !august.contains(" 2 "), "\(august)")
        #expect(member.model.council.observations[m].allSatisfy { $0.value.map { $0 == 0 || $0 > 4 } ?? true }, "no count of 1 to 4 held at all")
    }

    @Test("at a meeting a chart's scale labels no value a small number could be: 0 and 9 are written, 1 to 4 are not")
    func scaleLabels() {
        var measure = Measure(code: "RS-1", title: "People sleeping rough", unit: MeasureUnit("people"), decimals: 0)
        measure.smallNumbers = SmallNumbers(basis: .count)
        let (meeting, _) = MeasureScreen.scaleFormat(for: 0...9, of: measure, withholdingSmallNumbers: true, unicode: true)
        #expect([0.0, 3, 4.5, 9].map(meeting) == ["0 people", "", "", "9 people"])
        let (own, _) = MeasureScreen.scaleFormat(for: 0...9, of: measure, withholdingSmallNumbers: false, unicode: true)
        #expect(own(3) == "3 people", "an officer's or member's own chart writes every value")
    }
}
