import Foundation
import ScorecardKit
import Synchronization
import ScorecardSample
import Testing

@testable import ScorecardPostgres

/// Imports into the shared store as the command line makes them: the framework first, then the observations
/// handed over while they are read, into `imported_values` rows (one a measure, or more when a file gives a
/// measure's rows apart).
@Suite(.serialized, .enabled(if: TestServer.isAvailable, "SCORECARD_TEST_POSTGRES names no server"))
struct PostgresImportTests {
    /// Ten years: quarterly measures have more values than the 32 revisions the store keeps of each measure.
    static func council() throws -> Council {
        try SampleCouncilGenerator(measures: 12, years: 10).generate().council(today: TestServer.today)
    }

    /// Every measure's older half, then every measure's newer half, in batches of 50: no measure's rows together.
    static func rowsApart(_ council: Council) -> [ObservationHandOver.Batch] {
        var rows: ObservationHandOver.Batch = []
        for (m, list) in council.observations.enumerated() { rows += list.prefix(list.count / 2).map { (m, $0) } }
        for (m, list) in council.observations.enumerated() { rows += list.dropFirst(list.count / 2).map { (m, $0) } }
        return stride(from: 0, to: rows.count, by: 50).map { Array(rows[$0..<min($0 + 50, rows.count)]) }
    }

    /// Imports `batches` as `ImportCommand` does.
    static func streamed(_ council: Council, _ batches: [ObservationHandOver.Batch], into store: PostgresStore) throws -> ImportSummary {
        let builder = try PostgresImportBuilder(store: store, plan: council.plan, measures: council.measures)
        for batch in batches { builder.send(batch) }
        return try builder.finish(total: batches.reduce(0) { $0 + $1.count })
    }

    /// Each measure's latest `periods` values as the dashboard opens with them (period, value, target, draft),
    /// and the same cut from the whole history.
    static func recentAndWhole(_ store: PostgresStore, periods: Int = 6) throws -> (recent: [[String]], whole: [[String]]) {
        func text(_ o: Observation) -> String {
            "\(o.period) \(o.value.map { String($0) } ?? "-") \(o.target.map { String($0) } ?? "-") \(o.isDraft)"
        }
        let whole = try store.loadCouncil().observations
        let recent = try store.loadRecentCouncil(periods: periods).observations
        return (recent.map { $0.map(text) }, zip(recent, whole).map { $1.suffix($0.count).map(text) })
    }

    /// The council imported by an officer into a fresh database (each measure's rows together), and that officer.
    static func imported() throws -> (Council, PostgresStore) {
        let location = try TestServer.freshDatabase()
        let council = try Self.council()
        let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
        _ = try Self.streamed(council, Self.rowsTogether(council), into: officer)
        return (council, officer)
    }

    /// Each measure's rows together, in the order of the measures (as the sample's file gives them).
    static func rowsTogether(_ council: Council) -> [ObservationHandOver.Batch] {
        council.observations.enumerated().map { m, list in list.map { (m, $0) } }
    }

    /// Every row sorted by period, then measure, in batches of 50: each measure's values one at a time.
    static func rowsByPeriod(_ council: Council) -> [ObservationHandOver.Batch] {
        let rows = council.observations.enumerated().flatMap { m, list in list.map { (measure: m, observation: $0) } }
            .sorted { ($0.observation.period, $0.measure) < ($1.observation.period, $1.measure) }
        return stride(from: 0, to: rows.count, by: 50).map { Array(rows[$0..<min($0 + 50, rows.count)]) }
    }

    /// How the rows of a file come: each measure's together, in two runs, or one at a time.
    enum RowOrder: CaseIterable { case together, apart, byPeriod }

    @Test(arguments: RowOrder.allCases)
    func aStreamedImportHoldsEveryValueWhateverTheOrderOfTheRows(order: RowOrder) async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try Self.council()
            #expect(council.observations.contains { $0.count > 32 })
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            let batches = switch order {
            case .together: Self.rowsTogether(council)
            case .apart: Self.rowsApart(council)
            case .byPeriod: Self.rowsByPeriod(council)
            }
            let summary = try Self.streamed(council, batches, into: officer)
            #expect(summary.added == council.observationCount && summary.frameworkChanged)
            #expect(try officer.loadCouncil().observations == council.observations)
            // A measure whose rows came together has one row; in two runs, a row for each; one at a time, a row
            // for its first run and then one for each 32 values or fewer (not a row a value). All of one batch.
            let rows = try #require(try officer.session.rows("SELECT count(*), count(DISTINCT batch_id) FROM imported_values").first?.decode((Int, Int).self))
            #expect(rows.1 == 1)
            switch order {
            case .together: #expect(rows.0 == council.measures.count)
            case .apart: #expect(rows.0 == 2 * council.measures.count)
            case .byPeriod: #expect(rows.0 <= council.observations.reduce(0) { $0 + 1 + ($1.count + 31) / 32 })
            }
            // Members see every value; the values a dashboard opens with, kept by the database as it imported
            // them, are the latest of the whole history (and when more are asked for than it keeps, too).
            let member = try PostgresStore(location: try TestServer.login(.member, at: location))
            #expect(try member.loadCouncil().observations == council.observations)
            for periods in [6, 40] {
                let (recent, whole) = try Self.recentAndWhole(member, periods: periods)
                #expect(recent == whole)
                #expect(recent.contains { $0.count > min(periods, 32) } == (periods > 32))
            }
            // The same files again: nothing changes, and no batch is left behind.
            let again = try Self.streamed(council, Self.rowsTogether(council), into: officer)
            #expect(!again.changedAnything && again.unchanged == council.observationCount)
            #expect(try officer.session.rows("SELECT count(*) FROM import_batch").first?.decode(Int.self) == 1)
        }
    }

    @Test func aMeasuresValuesOfTwoKindsOfPeriodAreARowForEachKind() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            var council = try Self.council()
            // The first measure's values, with two of other kinds among them: a row holds one kind of period only.
            var mixed = Array(council.observations[0])
            mixed.insert(Observation(period: .calendarYear(1991), value: 7), at: 1)
            mixed.append(Observation(period: .month(1990, 5), value: 8, note: "a month"))
            council.observations[0] = ObservationSeries(mixed)
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            let summary = try Self.streamed(council, Self.rowsTogether(council), into: officer)
            #expect(summary.added == council.observationCount)
            let kinds = try officer.session.rows("SELECT count(*) FROM imported_values WHERE measure_id = (SELECT id FROM measure WHERE position = 0)")
                .first?.decode(Int.self)
            #expect(kinds == Set(mixed.map(\.period.kind)).count && kinds == 3)
            func sorted(_ list: ObservationSeries) -> [String] {
                list.sorted { ($0.period.kind, $0.period.ordinal) < ($1.period.kind, $1.period.ordinal) }
                    .map { "\($0.period) \($0.value.map { String($0) } ?? "-") \($0.note ?? "")" }
            }
            // The measure shows its own kind's values, every one read back (those of other kinds are not its).
            let own = ObservationSeries(mixed.filter { $0.period.kind == mixed[0].period.kind })
            #expect(own.count == mixed.count - 2)
            let read = sorted(try officer.loadCouncil().observations[0])
            #expect(read == sorted(own))
        }
    }

    @Test func aMeasureWhoseFrequencyTheFilesChangeWhileItHoldsValuesIsRefused() async throws {
        try await onThread {
            let (council, officer) = try Self.imported()
            let index = try #require(council.measures.indices.first { !council.observations[$0].isEmpty })
            var changed = council
            let held = council.measures[index].frequency
            changed.measures[index].frequency = held == .monthly ? .quarterly : .monthly
            changed.observations[index] = []
            #expect {
                try Self.streamed(changed, Self.rowsTogether(changed), into: officer)
            } throws: { error in
                guard case StoreError.frequencyChanged(let code, let was, _, let count) = error else { return false }
                return code == council.measures[index].code && was == held && count == council.observations[index].count
            }
            #expect(try officer.loadCouncil().measures.map(\.frequency) == council.measures.map(\.frequency))
            #expect(try officer.loadCouncil().observations == council.observations)
        }
    }

    @Test func aReadThatFailsPartWayWritesNothing() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try Self.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            let builder = try PostgresImportBuilder(store: officer, plan: council.plan, measures: council.measures)
            for batch in Self.rowsApart(council).prefix(5) { builder.send(batch) }
            builder.cancel()
            #expect(try officer.session.rows("SELECT (SELECT count(*) FROM measure) + (SELECT count(*) FROM imported_values)").first?.decode(Int.self) == 0)
            // A member may not import: refused before anything is read.
            let member = try PostgresStore(location: try TestServer.login(.member, at: location))
            #expect(throws: StoreError.self) { try PostgresImportBuilder(store: member, plan: council.plan, measures: council.measures) }
        }
    }

    @Test func anImportItsCheckRefusesWritesNothingAndNamesTheMeasuresKeepingValues() async throws {
        struct Refused: Error {}
        try await onThread {
            let (council, officer) = try Self.imported()
            let before = try officer.loadCouncil().observations
            // The files give the first measure's latest value only: the others it holds are kept, and said.
            var partial = council
            partial.observations = council.observations.enumerated().map { m, list in m == 0 ? ObservationSeries(Array(list.suffix(1))) : list }
            let seen = Mutex<ImportSummary?>(nil)
            let builder = try PostgresImportBuilder(store: officer, plan: partial.plan, measures: partial.measures) { summary in
                seen.withLock { $0 = summary }
                throw Refused()
            }
            for batch in Self.rowsTogether(partial) { builder.send(batch) }
            #expect(throws: Refused.self) { try builder.finish(total: 0) }
            #expect(seen.withLock { $0 }?.measuresKeepingValues == [council.measures[0].code])
            #expect(seen.withLock { $0 }?.notInFile == council.observations[0].count - 1)
            #expect(try officer.loadCouncil().observations == before)
        }
    }

    @Test func anImportSaysWhichCouncilItReplacesAndIsCheckedIntoADatabaseHoldingNoValuesToo() async throws {
        struct Refused: Error {}
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try Self.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            // Another council's framework alone (no values: the next import copies its values as they come).
            var other = council.plan
            other.council = "Hart District Council"
            let seen = Mutex<[ImportSummary]>([])
            let first = try PostgresImportBuilder(store: officer, plan: other, measures: council.measures) { summary in
                seen.withLock { $0.append(summary) }
            }
            _ = try first.finish(total: 0)
            let builder = try PostgresImportBuilder(store: officer, plan: council.plan, measures: council.measures) { summary in
                seen.withLock { $0.append(summary) }
                throw Refused()
            }
            for batch in Self.rowsTogether(council) { builder.send(batch) }
            #expect(throws: Refused.self) { try builder.finish(total: 0) }
            #expect(seen.withLock { $0 }.map(\.councilReplaced) == [nil, "Hart District Council"])
            #expect(try officer.councilName() == "Hart District Council")
            #expect(try officer.loadCouncil().observationCount == 0)
        }
    }

    @Test func aValueSignedOffForAPeriodNoImportGaveIsNamedWhenFilesThatGiveItReplaceIt() async throws {
        try await onThread {
            // The files first without the first measure's latest value; recorded and signed off in Scorecard; then
            // files that give it otherwise: replaced, counted and named (it was a plain revision).
            let location = try TestServer.freshDatabase()
            let council = try Self.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            var without = council
            let latest = try #require(council.observations[0].last)
            without.observations[0] = ObservationSeries(Array(council.observations[0].dropLast()))
            _ = try Self.streamed(without, Self.rowsTogether(without), into: officer)
            let code = council.measures[0].code
            _ = try officer.record(ValueEntry(measure: code, period: latest.period.description, value: "12345", by: ""), today: TestServer.today)
            _ = try officer.publish(PublishSelection(measures: [code]), by: "")
            let summary = try Self.streamed(council, Self.rowsTogether(council), into: officer)
            #expect(summary.revised == 1 && summary.signedOffReplaced == 1)
            #expect(summary.replacedValues == [
                ImportSummary.ReplacedValue(code: code, period: latest.period, recorded: 12345, files: latest.value, wasDraft: false)
            ])
        }
    }

    @Test func aReimportOfTheSameFilesKeepsWhatWasRecordedSinceAndFilesThatChangedItReplaceIt() async throws {
        try await onThread {
            let (council, officer) = try Self.imported()
            let code = council.measures[0].code
            let signedOff = try #require(council.observations[0].last)
            let drafted = try #require(council.observations[0].dropLast().last)
            _ = try officer.record(ValueEntry(measure: code, period: signedOff.period.description, value: "12345", by: ""), today: TestServer.today)
            _ = try officer.publish(PublishSelection(measures: [code]), by: "")
            _ = try officer.record(ValueEntry(measure: code, period: drafted.period.description, value: "777", by: ""), today: TestServer.today)
            // The same files: the correction signed off and the draft both stand.
            let same = try Self.streamed(council, Self.rowsTogether(council), into: officer)
            #expect(same.recordedKept == 2 && same.revised == 0 && same.draftsReplaced == 0)
            func current(_ period: Period) throws -> Observation? {
                try officer.loadCouncil().observations[0].first { $0.period == period }
            }
            #expect(try current(signedOff.period)?.value == 12345)
            #expect(try officer.drafts().map(\.observation.value) == [777])
            // Files that changed the signed-off period since: theirs is written; the draft's period, unchanged, stays.
            var changed = council
            var series = Array(council.observations[0])
            series[series.count - 1].value = (signedOff.value ?? 0) + 1
            changed.observations[0] = ObservationSeries(series)
            let summary = try Self.streamed(changed, Self.rowsTogether(changed), into: officer)
            #expect(summary.revised == 1 && summary.recordedKept == 1 && summary.signedOffReplaced == 1)
            #expect(try current(signedOff.period)?.value == (signedOff.value ?? 0) + 1)
            #expect(try officer.drafts().map(\.observation.value) == [777])
        }
    }

    @Test func aDraftOverASignedOffValueStandsWhenTheFilesGiveThatValueAsAnExportDoes() async throws {
        try await onThread {
            let (council, officer) = try Self.imported()
            let code = council.measures[0].code
            let latest = try #require(council.observations[0].last)
            _ = try officer.record(ValueEntry(measure: code, period: latest.period.description, value: "12345", by: ""), today: TestServer.today)
            _ = try officer.publish(PublishSelection(measures: [code]), by: "")
            _ = try officer.record(ValueEntry(measure: code, period: latest.period.description, value: "555", by: ""), today: TestServer.today)
            // The database's export leaves the draft out: it gives the signed-off 12345, which brings nothing new.
            var exported = council
            var series = Array(council.observations[0])
            series[series.count - 1] = Observation(period: latest.period, value: 12345)
            exported.observations[0] = ObservationSeries(series)
            let summary = try Self.streamed(exported, Self.rowsTogether(exported), into: officer)
            #expect(summary.draftsReplaced == 0 && summary.revised == 0)
            #expect(try officer.drafts().map(\.observation.value) == [555])
        }
    }

    @Test func revisionsRecordedAndImportedTakeTurnsInTheOrderMade() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try Self.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try Self.streamed(council, Self.rowsApart(council), into: officer)
            // A measure whose latest value is at least 10: half of it, rounded, is another value it may take.
            let m = try #require(council.observations.firstIndex { ($0.last?.value ?? 0) >= 10 })
            let measure = council.measures[m]
            let latest = try #require(council.observations[m].last)
            let half = ((latest.value ?? 0) / 2).rounded()
            let recorded = ValueEntry(measure: measure.code, period: latest.period.description, value: String(Int(half)), by: "")
            _ = try officer.record(recorded, today: TestServer.today)
            _ = try officer.publish(PublishSelection(measures: [measure.code]), by: "")
            #expect(try officer.loadCouncil().observations[m].last?.value == half)
            let (recent, whole) = try Self.recentAndWhole(officer)
            #expect(recent == whole && recent[m].last?.hasPrefix("\(latest.period) \(half)") == true)
            // Files that changed the value since: theirs replaces the one recorded since, as a revision of its own.
            let newer = (latest.value ?? 0) + 1
            var changed = council
            var series = Array(council.observations[m])
            series[series.count - 1].value = newer
            changed.observations[m] = ObservationSeries(series)
            let again = try officer.importCouncil(changed, by: "", progress: nil)
            #expect(again.revised == 1 && again.added == 0)
            #expect(try officer.loadCouncil().observations == changed.observations)
            let history = try officer.revisions(measure: measure.code, period: latest.period)
            #expect(history.map(\.observation.value) == [latest.value, half, newer])
            #expect(history.map(\.source) == [.import, .record, .import])
            let (after, afterWhole) = try Self.recentAndWhole(officer)
            #expect(after == afterWhole && after[m].last?.hasPrefix("\(latest.period) \(newer)") == true)
        }
    }

    @Test func twoImportsOfOneChangeAtOnceWriteItOnce() async throws {
        let location = try await onThread { try TestServer.freshDatabase() }
        let original = try Self.council()
        let officerLocation = try await onThread {
            let officer = try TestServer.login(.officer, at: location)
            _ = try PostgresStore(location: officer).importCouncil(original, by: "", progress: nil)
            return officer
        }
        // One value changed in the files, imported twice at the same moment.
        var council = original
        let m = try #require(council.observations.firstIndex { $0.last?.value != nil })
        let last = council.observations[m].count - 1
        council.observations[m][last].value = (council.observations[m][last].value ?? 0) + 1
        let changed = council
        let summaries = try await withThrowingTaskGroup(of: ImportSummary.self) { group in
            for _ in 0..<2 {
                group.addTask { try await onThread { try PostgresStore(location: officerLocation).importCouncil(changed, by: "", progress: nil) } }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(summaries.map(\.revised).sorted() == [0, 1], "one import revises it, the other finds nothing changed")
        let history = try await onThread {
            try PostgresStore(location: officerLocation).revisions(measure: changed.measures[m].code, period: changed.observations[m][last].period)
        }
        #expect(history.count == 2)
    }
}
