import Foundation
import Testing

@testable import ScorecardKit

@Suite("Recording values in the store")
struct StoreRecordTests {
    /// The day values are recorded on: November 2024 has ended, December has not.
    static let today = CivilDate(year: 2024, month: 12, day: 15) ?? CivilDate(dayNumber: 0)

    @Test("recording adds a value, then revises it; every revision is kept in order with who and when")
    func recordAndRevise() throws {
        let (store, _) = try StoreFixture.importedStore()
        let first = try store.record(ValueEntry(measure: "KBI-01", period: "Oct 2024", value: "88.5%", note: "Backlog", quality: "provisional", by: "alice"), today: Self.today)
        guard case .added(let added) = first else { Issue.record("expected .added, got \(first)"); return }
        #expect(added.replaced == nil)
        let second = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "89.0", quality: "validated", by: "bob"), today: Self.today)
        guard case .revised(let revised) = second else { Issue.record("expected .revised, got \(second)"); return }
        #expect(revised.replaced?.value == 88.5)
        #expect(revised.observation.note == nil, "a new value does not carry the old value's commentary")
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "89", note: "Posts filled", by: "carol"), today: Self.today)
        #expect(try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "89", by: "dave"), today: Self.today) == .unchanged(measureCode: "KBI-01", period: .month(2024, 10)))
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "89", note: "", by: "erin"), today: Self.today)

        let history = try store.revisions(measure: "KBI-01", period: .month(2024, 10))
        #expect(history.map(\.changedBy) == ["alice", "bob", "carol", "erin"])
        #expect(history.map(\.observation.value) == [88.5, 89, 89, 89])
        #expect(history.map(\.observation.quality) == [.provisional, .validated, .validated, .validated], "the same value keeps its quality")
        #expect(history.map(\.observation.note) == ["Backlog", nil, "Posts filled", nil])
        #expect(history.map(\.replaced?.value) == [nil, 88.5, 89, 89])
        #expect(zip(history, history.dropFirst()).allSatisfy { $0.changedAt < $1.changedAt })
        #expect(history.allSatisfy { $0.source == .record })

        let council = try store.loadCouncil()
        let index = try #require(council.measureIndex(code: "KBI-01"))
        var expected = Observation(period: .month(2024, 10), value: 89, quality: .validated)
        expected.isDraft = true
        #expect(council.observations[index].last == expected, "a recorded value is a draft until it is signed off")
    }

    @Test("revising an imported value keeps the imported one in the history")
    func reviseImported() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBM-01", period: "2024/25 Q2", value: "47", by: "jane"), today: Self.today)
        let history = try store.revisions(measure: "KBM-01", period: .quarter(2024, 2))
        #expect(history.map(\.observation.value) == [45, 47])
        #expect(history[0].observation.note == "Two schemes slipped to Q3, see the Housing Board report")
        #expect(history[1].observation.note == nil, "the imported commentary explained 45, not 47")
        #expect(history.map(\.source) == [.import, .record])
    }

    static let badEntries: [(String, ValueEntry, ValueEntry.Field, String)] = [
        ("unknown measure", ValueEntry(measure: "KBX-99", period: "2024-10", value: "1", by: "a"), .measure, "unknown measure code \"KBX-99\""),
        ("a zero-width space", ValueEntry(measure: "KBI-01\u{200B}", period: "2024-10", value: "1", by: "a"), .measure,
         "unknown measure code \"KBI-01\" with an invisible character (U+200B) in it"),
        ("no measure", ValueEntry(measure: " ", period: "2024-10", value: "1", by: "a"), .measure, "enter a measure code"),
        ("bad period", ValueEntry(measure: "KBI-01", period: "2024/26", value: "1", by: "a"), .period, "\"2024/26\" is not a period"),
        ("wrong frequency", ValueEntry(measure: "KBI-01", period: "2024/25 Q1", value: "1", by: "a"), .period, "KBI-01 is reported monthly; \"2024/25 Q1\" is a quarter"),
        ("not a number", ValueEntry(measure: "KBI-01", period: "2024-10", value: "ninety", by: "a"), .value, "\"ninety\" is not a number"),
        ("no value", ValueEntry(measure: "KBI-01", period: "2024-10", value: "", by: "a"), .value, "enter a value"),
        ("bad quality", ValueEntry(measure: "KBI-01", period: "2024-10", value: "1", quality: "final", by: "a"), .quality, "\"final\" is not a data quality"),
        ("nobody", ValueEntry(measure: "KBI-01", period: "2024-10", value: "1", by: ""), .by, "say who"),
        ("period not ended", ValueEntry(measure: "KBI-01", period: "2024-12", value: "1", by: "a"), .period,
         "Dec 2024 has not ended yet (it ends on 31 December 2024)"),
        ("far future", ValueEntry(measure: "KBI-01", period: "2027-05", value: "5", by: "a"), .period, "May 2027 has not ended yet"),
        ("percentage over 100", ValueEntry(measure: "KBI-01", period: "2024-10", value: "150", by: "a"), .value,
         "150.0% is above this measure's maximum of 100.0% (a percentage; give the measure a min and max"),
        ("negative percentage", ValueEntry(measure: "KBI-01", period: "2024-10", value: "-5", by: "a"), .value,
         "-5.0% is below this measure's minimum of 0.0%"),
        ("huge", ValueEntry(measure: "KBI-01", period: "2024-10", value: "-1e19", by: "a"), .value, "-1e+19 is out of range"),
        ("beyond a Double", ValueEntry(measure: "KBI-03", period: "2024-10", value: "1e309", by: "a"), .value,
         "the number is out of range (numbers must lie within ±1,000,000,000,000,000)"),
        ("huge count", ValueEntry(measure: "KBI-03", period: "2024-10", value: "1e16", by: "a"), .value, "1e+16 is out of range"),
        ("negative count", ValueEntry(measure: "KBI-03", period: "2024-10", value: "-3", by: "a"), .value, "-3 is below this measure's minimum of 0 (a count"),
        ("NUL in the commentary", ValueEntry(measure: "KBI-01", period: "2024-10", value: "1", note: "before\u{0}after", by: "a"), .note,
         "the commentary contains a NUL character"),
    ]

    @Test("a bad entry is refused with a message for its field, and nothing is written", arguments: badEntries)
    func badEntry(_ bad: (String, ValueEntry, ValueEntry.Field, String)) throws {
        let (store, path) = try StoreFixture.importedStore()
        let before = StoreFixture.bytes(path)
        let error = try #require(throws: ValueEntryError.self, "\(bad.0)") { try store.record(bad.1, today: Self.today) }
        let message = try #require(error.message(for: bad.2), "\(bad.0): \(error)")
        #expect(message.contains(bad.3), "\(bad.0): \(message)")
        #expect(error.problems.count == 1, "\(bad.0): \(error)")
        let unchanged = StoreFixture.bytes(path) == before
        #expect(unchanged, "\(bad.0): the file was changed")
        #expect(try SQLiteStore(path: path).loadCouncil() == (try CouncilDirectory(path: Fixture.directory).load()))
    }

    @Test("an entry can be checked against a loaded council before saving, reporting every field at fault")
    func validateAgainstCouncil() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let error = try #require(throws: ValueEntryError.self) {
            try ValueEntry(measure: "KBI-01", period: "2024 Q9", value: "lots", by: "a").validated(in: council, today: Self.today)
        }
        #expect(error.problems.map(\.field) == [.period, .value])
        let change = try ValueEntry(measure: "KBI-03", period: "Nov 2024", value: "1,200", by: "a").validated(in: council, today: Self.today)
        #expect(change.period == .month(2024, 11))
        #expect(change.value == 1200)
        // A unit the measure is not measured in is a slip, not a figure: calls are counted, not paid for.
        for (text, words) in [("£1,200", "written in pounds (£), but KBI-03 is measured as a number"), ("50%", "written as a percentage, but KBI-03")] {
            let refused = try #require(throws: ValueEntryError.self) {
                try ValueEntry(measure: "KBI-03", period: "Nov 2024", value: text, by: "a").validated(in: council, today: Self.today)
            }
            #expect(refused.problems.map(\.field) == [.value])
            #expect(refused.problems.first?.message.contains(words) == true)
        }
    }

    @Test("a date given as the period is its month, as observations.csv reads it; for a quarterly measure, the quarter it ends, else the quarter is named")
    func dateAsPeriod() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let monthly = try ValueEntry(measure: "KBI-01", period: "2024-10-15", value: "88", by: "a").validated(in: council, today: Self.today)
        #expect(monthly.period == .month(2024, 10))
        let quarterEnd = try ValueEntry(measure: "KBM-01", period: "30/09/2024", value: "3", by: "a").validated(in: council, today: Self.today)
        #expect(quarterEnd.period == .quarter(2024, 2))
        let quarterly = try #require(throws: ValueEntryError.self) {
            try ValueEntry(measure: "KBM-01", period: "2024-09-29", value: "3", by: "a").validated(in: council, today: Self.today)
        }
        #expect(quarterly.problems.first?.message.contains("(it falls in Q2 2024/25)") == true)
        let monthEnd = try ValueEntry(measure: "KBI-01", period: "2024-09-30", value: "88", by: "a").validated(in: council, today: Self.today)
        #expect(monthEnd.period == .month(2024, 9))
        let target = try TargetEntry(measure: "KBI-01", period: "2025-01-31", target: "90", by: "a").validated { code in council.measureIndex(code: code).map { council.measures[$0] } }
        #expect(target.period == .month(2025, 1))
    }

    @Test("a value written as the screen shows it, with the measure's own unit, is that figure; another unit is still refused")
    func valueAsShown() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        func value(_ measure: String, _ text: String) throws -> Double? {
            try ValueEntry(measure: measure, period: "Oct 2024", value: text, by: "a").validated(in: council, today: Self.today).value
        }
        // KBI-01 is a percentage, KBI-02 in days.
        #expect(try value("KBI-01", "95 %") == 95)
        #expect(try value("KBI-01", "86.0%") == 86)
        #expect(try value("KBI-02", "19.5 days") == 19.5)
        #expect(try value("KBI-02", "1 day") == 1)
        #expect(try value("KBI-02", "8.25days") == 8.25)
        let weeks = try #require(throws: ValueEntryError.self) { try value("KBI-02", "19.5 weeks") }
        #expect(weeks.problems.first?.message == "\"19.5 weeks\" is written in weeks, but KBI-02 is measured in days: write the number alone")
        let hex = try #require(throws: ValueEntryError.self) { try value("KBI-02", "0x1A") }
        #expect(hex.problems.first?.message == "\"0x1A\" is not a number", "a word with digits is no unit")
        let scaledPounds = try #require(throws: ValueEntryError.self) { try value("KBI-02", "£12k") }
        #expect(scaledPounds.problems.first?.message.hasPrefix("the number is written in pounds (£), but KBI-02 is measured in days") == true)
        let broken = try #require(throws: ValueEntryError.self) { try value("KBI-02", "12\n34") }
        #expect(broken.problems.first?.message == "\"12 34\" is not a number", "a line break inside a cell is no unit")
        #expect(throws: ValueEntryError.self) { try value("KBI-02", "12%") }
        #expect(throws: ValueEntryError.self) { try value("KBI-02", "days") }
        // A measure of £k: £410k or 410 are 410; £410 (pounds, or thousands?) is refused, saying how to write it.
        var pounds = council
        let kbi03 = try #require(pounds.measureIndex(code: "KBI-03"))
        pounds.measures[kbi03].unit = MeasureUnit("£k")
        func thousands(_ text: String) throws -> Double? {
            try ValueEntry(measure: "KBI-03", period: "Oct 2024", value: text, by: "a").validated(in: pounds, today: Self.today).value
        }
        #expect(try thousands("£410k") == 410 && thousands("410") == 410)
        let refused = try #require(throws: ValueEntryError.self) { try thousands("£410") }
        #expect(refused.problems.first?.message.contains("written in pounds (£), but KBI-03 is measured in £k") == true)
        #expect(refused.problems.first?.message.contains("£410,000 is 410, shown £410k") == true)
        // A target alike.
        func target(_ text: String) throws -> Double? {
            try TargetEntry(measure: "KBI-03", period: "2025/26", target: text, by: "a")
                .validated(measureWithCode: { code in pounds.measureIndex(code: code).map { pounds.measures[$0] } }).value
        }
        #expect(try target("£410k") == 410 && target("410") == 410)
        #expect(throws: TargetEntryError.self) { try target("£410") }
        // A file's column of £k writes £410 for £410k, as council tables do (docs/data-format.md): read so.
        let file = ObservationsFile(file: "observations.csv", measures: pounds.measures, today: Self.today)
        let read = try file.read(Array("measure,period,value\nKBI-03,2024-09,£410\n".utf8))
        #expect(read[kbi03].last?.value == 410)
        // ... but not a figure that, so read, would be £1 trillion or more: £1,200,000 in a column of £m is pounds
        // (£1.2m), not 1,200,000 of £m; refused with the line, saying what to write. Just under, it is read so.
        pounds.measures[kbi03].unit = MeasureUnit("£m")
        let millions = ObservationsFile(file: "observations.csv", measures: pounds.measures, today: Self.today)
        let plainlyPounds = try #require(throws: DataLoadError.self) {
            try millions.read(Array("measure,period,value\nKBI-03,2024-09,\"£1,200,000\"\n".utf8))
        }
        #expect(plainlyPounds.errors.map(\.description) == [
            "observations.csv:2: field \"value\": KBI-03: £1,200,000 in a column of £m would be £1.2 trillion, so it is written in pounds: "
                + "write the number of £m (1.2) or the figure with its scale (£1.2m)"
        ])
        #expect(try millions.read(Array("measure,period,value\nKBI-03,2024-09,\"£999,999\"\n".utf8))[kbi03].last?.value == 999_999)
        #expect(try millions.read(Array("measure,period,value\nKBI-03,2024-09,\"1,200,000\"\n".utf8))[kbi03].last?.value == 1_200_000)
        #expect(MeasureUnit("£k").poundsAsScaledProblem(999_999_999) == nil)
        #expect(MeasureUnit("£k").poundsAsScaledProblem(-1_500_000_000)?.hasPrefix("-£1,500,000,000 in a column of £k would be -£1.5 trillion") == true)
        #expect(MeasureUnit("£").poundsAsScaledProblem(5e12) == nil && MeasureUnit("days").poundsAsScaledProblem(5e12) == nil)
        // Pounds of thousands, as shown: £410k.
        #expect(MeasureUnit("£k").parseAsShown("£410k") == 410 && MeasureUnit("£k").parseAsShown("-£1,250.5k") == -1250.5)
        // Its scale written without the £ (as a workbook cell formatted in thousands shows it): the same.
        #expect(MeasureUnit("£k").parseAsShown("410k") == 410 && MeasureUnit("£k").parseAsShown("410") == nil)
        // Another scale written out, as a narrow column abbreviates (£1.3m for 1,250 of £k), is converted exactly.
        #expect(MeasureUnit("£k").parseAsShown("£1.25m") == 1250 && MeasureUnit("£k").parseAsShown("£0.41m") == 410)
        #expect(MeasureUnit("£m").parseAsShown("£1,250k") == 1.25 && MeasureUnit("£").parseAsShown("£2.5bn") == 2_500_000_000)
        #expect(MeasureUnit("£ per head").parseAsShown("£12.50 per head") == 12.5)
        #expect(MeasureUnit.shiftingPoint(of: "0.005", by: 3) == "5" && MeasureUnit.shiftingPoint(of: "12", by: -3) == "0.012")
        #expect(MeasureUnit("number").parseAsShown("12 things") == nil)
    }

    @Test("a value written with its own unit's word, its short form or without the unit's commas is that value")
    func unitWordsWrittenOut() {
        #expect(MeasureUnit("percent").parseAsShown("85 percent") == 85 && MeasureUnit("%").parseAsShown("85 per cent") == 85)
        #expect(MeasureUnit("percentage").parseAsShown("85.5%") == 85.5 && MeasureUnit("%").parseAsShown("85 percentage") == 85)
        #expect(MeasureUnit("minutes").parseAsShown("90 mins") == 90 && MeasureUnit("minutes").parseAsShown("1 minute") == 1)
        #expect(MeasureUnit("weeks").parseAsShown("20.5 wks") == 20.5 && MeasureUnit("hours").parseAsShown("3 hrs") == 3)
        #expect(MeasureUnit("per 1,000").parseAsShown("1.3 per 1000") == 1.3 && MeasureUnit("per 1,000").parseAsShown("1.3 per 1,000") == 1.3)
        // Another unit is still not this one.
        #expect(MeasureUnit("weeks").parseAsShown("20 days") == nil && MeasureUnit("days").parseAsShown("20 percent") == nil)
        #expect(MeasureUnit("per 1,000").parseAsShown("1.3 per 10000") == nil)
    }

    @Test("a change watcher notices a commit made through another connection, and nothing otherwise")
    func changeWatcher() throws {
        let (store, path) = try StoreFixture.importedStore()
        let watcher = try store.makeChangeWatcher()
        let importedAt = try #require(watcher.lastChangedAt)
        #expect(try watcher.hasChanged() == false)
        #expect(try watcher.hasChanged() == false)

        let other = try SQLiteStore(path: path, clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        _ = try other.record(ValueEntry(measure: "KBI-02", period: "2024-10", value: "8.1", by: "other"), today: Self.today)
        #expect(try watcher.hasChanged())
        #expect(watcher.lastChangedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(watcher.lastChangedAt.map { $0 > importedAt } == true)
        #expect(try watcher.hasChanged() == false)

        // A write through the watched store itself counts too.
        _ = try store.record(ValueEntry(measure: "KBI-02", period: "2024-11", value: "8.0", by: "self"), today: Self.today)
        #expect(try watcher.hasChanged())
        // A recording that changes nothing commits nothing worth noticing.
        _ = try store.record(ValueEntry(measure: "KBI-02", period: "2024-11", value: "8.0", by: "self"), today: Self.today)
        #expect(try watcher.hasChanged() == false)

        // A target proposed, and a sign-off, are changes too: the time is theirs.
        let later = try SQLiteStore(path: path, clock: { Date(timeIntervalSince1970: 1_800_000_100) })
        _ = try later.proposeTarget(TargetEntry(measure: "KBI-02", period: "2024/25", target: "7", by: "kate"))
        #expect(try watcher.hasChanged())
        #expect(watcher.lastChangedAt == Date(timeIntervalSince1970: 1_800_000_100))
        let latest = try SQLiteStore(path: path, clock: { Date(timeIntervalSince1970: 1_800_000_200) })
        _ = try latest.publish(PublishSelection(targets: false), by: "olu")
        #expect(try watcher.hasChanged())
        #expect(watcher.lastChangedAt == Date(timeIntervalSince1970: 1_800_000_200))
    }

    @Test("the revision tables refuse updates and deletes")
    func appendOnly() throws {
        let (_, path) = try StoreFixture.importedStore()
        let store = try SQLiteStore(path: path)
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "UPDATE observation_revision SET value = 0") } }
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "DELETE FROM target_revision") } }
    }
}
