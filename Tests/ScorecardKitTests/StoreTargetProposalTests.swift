import Foundation
import Testing

@testable import ScorecardKit

@Suite("Proposed targets in a database file")
struct StoreTargetProposalTests {
    static let today = StoreRecordTests.today

    /// KBI-01's status as at September 2024 (its latest value, 86.0%; higher is better, tolerance 2 points).
    static func status(_ store: SQLiteStore) throws -> Status {
        let council = try store.loadCouncil()
        let index = try #require(council.measureIndex(code: "KBI-01"))
        return council.evaluate(asAt: .quarter(2024, 2), today: Self.today).measures[index].status
    }

    @Test("a proposed target changes no judgement until approved; approved, it is the year's target and its history says who")
    func proposeThenApprove() throws {
        let (store, path) = try StoreFixture.importedStore()
        let published = try SQLiteStore(path: path, publishedOnly: true)
        // 86.0 against the imported 90: short by 4, more than the tolerance of 2.
        #expect(try Self.status(store) == .offTrack)

        let proposal = try #require(try store.proposeTarget(TargetEntry(measure: "kbi-01", period: "2024/25", target: "85%", by: "kate")))
        #expect(proposal.measureCode == "KBI-01" && proposal.period == .financialYear(2024))
        #expect(proposal.value == 85 && proposal.current == 90 && proposal.proposedBy == "kate")
        #expect(try Self.status(store) == .offTrack, "a proposal is not a target")
        #expect(try store.targetProposals() == [proposal])
        #expect(try published.targetProposals().isEmpty, "members see no proposals")
        #expect(try store.drafts().isEmpty, "a proposal is not a draft value")

        let outcome = try store.publish(.all, by: "olu")
        #expect(outcome.approvedTargets == [proposal] && outcome.published.isEmpty)
        // 86.0 against 85: the target is met.
        #expect(try Self.status(store) == .onTrack)
        #expect(try Self.status(published) == .onTrack, "members see the approved target")
        #expect(try store.targetProposals().isEmpty)
        let history = try store.targetRevisions(measure: "KBI-01")
        #expect(history.map(\.value) == [90, 85])
        #expect(history.last?.replaced == 90 && history.last?.changedBy == "olu" && history.last?.proposedBy == "kate")
        #expect(history.first?.proposedBy == nil, "an imported target was proposed by nobody")
        #expect(try store.publish(.all, by: "olu").isEmpty, "a proposal is approved once")
    }

    @Test("a target approved since the last import survives an import of the same files, and is replaced by files that changed it")
    func reimportKeepsApprovedTargets() throws {
        let (store, _) = try StoreFixture.importedStore()
        // 85 for 2024/25 (the files give 90), and 92 for 2025/26 (they give none).
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "85", by: "kate"))
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2025/26", target: "92", by: "kate"))
        #expect(try store.publish(.all, by: "olu").approvedTargets.count == 2)
        #expect(try Self.status(store) == .onTrack)

        let same = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "import", progress: nil)
        #expect(same.targetsKept == 2 && same.targetsChanged == 0 && same.targetsRemoved == 0 && same.targetsAdded == 0)
        // Nothing the summary can say changed: "Nothing changed", keeping the approvals (it said "Imported" with zeros).
        #expect(!same.changedAnything && !same.planChanged && same.measuresChanged == 0)
        #expect(try Self.status(store) == .onTrack, "judged against the approved 85, not the files' 90 again")
        #expect(try store.targetRevisions(measure: "KBI-01").map(\.value) == [90, 85, 92])

        // Files that changed the year's target since: theirs is written; next year's approval stands.
        let framework = Fixture.framework.replacingOccurrences(of: "targets: {2024/25: 90}", with: "targets: {2024/25: 95}")
        #expect(framework != Fixture.framework)
        let changed = try store.importCouncil(
            try CouncilDirectory(path: try Fixture.write(framework: framework)).load(), by: "import", progress: nil)
        #expect(changed.targetsChanged == 1 && changed.targetsKept == 1 && changed.targetsRemoved == 0)
        #expect(changed.replacedApprovals == [.init(code: "KBI-01", period: .financialYear(2024), approved: 85, files: 95)], "the approved 85 replaced by the files' 95: said so")
        #expect(same.approvalsReplaced == 0)
        #expect(changed.changedAnything && changed.measuresChanged == 0)
        // A measure's title changed: one measure changed, said so.
        let renamed = framework.replacingOccurrences(of: "title: Major planning applications decided in time", with: "title: Major planning decisions in time")
        #expect(renamed != framework)
        let retitled = try store.importCouncil(
            try CouncilDirectory(path: try Fixture.write(framework: renamed)).load(), by: "import", progress: nil)
        #expect(retitled.changedAnything && retitled.measuresChanged == 1 && !retitled.planChanged)
        #expect(try store.targetRevisions(measure: "KBI-01").map(\.value) == [90, 85, 92, 95])
        #expect(try Self.status(store) == .offTrack, "86.0 against the files' new 95")
    }

    @Test("a measure whose national file is read from another place (a workbook, the folder it was exported from) has not changed")
    func comparatorFileMovedIsNoChange() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        var compared = council
        compared.measures[0].comparators = Comparators(source: .init(file: "national/OUT-01.csv", area: "E06000001", neighbours: ["E06000002"]))
        let held = FrameworkRows(plan: compared.plan, measures: compared.measures, measureIDs: compared.measures.indices.map(Int64.init))
        var moved = compared
        moved.measures[0].comparators?.source.file = "council.xlsx (National OUT-01)"
        #expect(ImportDiff.frameworkDifferences(moved, existing: held).measuresChanged == 0)
        var otherArea = compared
        otherArea.measures[0].comparators?.source.area = "E06000003"
        #expect(ImportDiff.frameworkDifferences(otherArea, existing: held).measuresChanged == 1, "another area is another comparison")
    }

    @Test("status --json lists a pending proposal under its measure, beside the target that still judges it")
    func statusReportsProposals() throws {
        let (store, _) = try StoreFixture.importedStore()
        let proposal = try #require(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "85", by: "kate")))
        let council = try store.loadCouncil()
        let evaluation = council.evaluate(asAt: .quarter(2024, 2), today: Self.today)
        let report = StatusReport(council: council, evaluation: evaluation, proposals: try store.targetProposals())
        let index = try #require(council.measureIndex(code: "KBI-01"))
        let record = report.measures[index]
        #expect(record.target == 90 && record.status == "off track", "the proposal judges nothing yet")
        #expect(record.proposedTargets.count == 1)
        let proposed = try #require(record.proposedTargets.first)
        #expect(proposed.period == "2024/25" && proposed.target == 85 && proposed.current == 90 && proposed.proposedBy == "kate")
        #expect(proposed.proposedAt == proposal.proposedAt.formatted(.iso8601) && proposed.proposedAt.hasSuffix("Z"))
        #expect(report.measures.enumerated().allSatisfy { $0.offset == index || $0.element.proposedTargets.isEmpty })

        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(json.contains(#""proposed_targets":[{"#) && json.contains(#""proposed_by":"kate""#))
        #expect(json.contains(#""proposed_targets":[]"#), "every record has the key")
        _ = try store.publish(.all, by: "olu")
        #expect(StatusReport(council: try store.loadCouncil(), evaluation: evaluation, proposals: try store.targetProposals())
            .measures.allSatisfy { $0.proposedTargets.isEmpty })

        // In time order, a year before its months, whatever order they were proposed in.
        for period in ["2025-01", "2025/26", "2024-10", "2024/25"] {
            _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: period, target: "91", by: "kate"))
        }
        let ordered = StatusReport(council: council, evaluation: evaluation, proposals: try store.targetProposals()).measures[index]
        #expect(ordered.proposedTargets.map(\.period) == ["2024/25", "2024-10", "2025-01", "2025/26"])
    }

    @Test("the same target as stands writes nothing; a newer proposal replaces a pending one; none proposes removing it")
    func pendingAndUnchanged() throws {
        let (store, _) = try StoreFixture.importedStore()
        #expect(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "90", by: "kate")) == nil)
        let first = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "88", by: "kate"))
        #expect(first?.replacedProposal == nil, "none was waiting")
        #expect(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "88", by: "kate")) == nil)
        let removal = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "none", by: "raj"))
        #expect(removal?.replacedProposal == .init(value: 88, proposedBy: "kate"), "it says which waiting proposal it replaces")
        #expect(try store.targetProposals().map(\.value) == [nil], "only the latest proposal waits")
        _ = try store.publish(.all, by: "olu")
        // No target: not judged.
        #expect(try Self.status(store) == .notJudged)
    }

    @Test("a period whose value was given with a target of its own refuses another: it would change nothing")
    func valueCarriesItsTarget() throws {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let index = try #require(council.measureIndex(code: "KBI-01"))
        let september = try #require(council.observations[index].firstIndex { $0.period == .month(2024, 9) })
        council.observations[index][september].target = 85
        let store = try SQLiteStore(path: try StoreFixture.databasePath())
        _ = try store.importCouncil(council, by: "import", progress: nil)
        var problems: [String] = []
        do {
            _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024-09", target: "80", by: "kate"))
        } catch let error as TargetEntryError {
            problems = error.problems.map { "\($0.field.rawValue): \($0.message)" }
        }
        #expect(problems == [
            "period: KBI-01 Sep 2024's row in the council's files gives a target of its own, 85.0%, which judgements use over any other: "
                + "change it in the target column of that row, and import the files again"
        ])
        #expect(try store.targetProposals().isEmpty)
        // Another month, or the year, may have one.
        #expect(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024-08", target: "80", by: "kate")) != nil)
        // One proposed before the files gave that month's value a target of its own is approved saying so.
        let august = try #require(council.observations[index].firstIndex { $0.period == .month(2024, 8) })
        council.observations[index][august].target = 83
        _ = try store.importCouncil(council, by: "import", progress: nil)
        let approved = try store.publish(.all, by: "olu").approvedTargets
        #expect(approved.map(\.carriedTarget) == [83])
        // A target for the year is proposed, naming the months it will not judge (another year's are not named).
        let year = try #require(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92", by: "kate")))
        #expect(year.periodsWithOwnTargets == [.month(2024, 8), .month(2024, 9)])
        let next = try #require(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2025/26", target: "92", by: "kate")))
        #expect(next.periodsWithOwnTargets.isEmpty)
    }

    @Test("sign-off chooses values or targets, and a period: a draft of the same measure stays a draft")
    func selection() throws {
        let (store, _) = try StoreFixture.importedStore()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "kate"), today: Self.today)
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024-10", target: "87", by: "kate"))
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024-11", target: "89", by: "kate"))
        let targetsOnly = try store.publish(PublishSelection(period: .month(2024, 10), values: false), by: "olu")
        #expect(targetsOnly.approvedTargets.map(\.value) == [87] && targetsOnly.published.isEmpty)
        #expect(try store.drafts().count == 1 && store.targetProposals().map(\.period) == [.month(2024, 11)])
    }

    @Test("each field at fault is named; a future period may have a target; nothing is written on a refusal")
    func refusals() throws {
        let (store, path) = try StoreFixture.importedStore()
        func problems(_ entry: TargetEntry) -> [String] {
            do {
                _ = try store.proposeTarget(entry)
                return []
            } catch let error as TargetEntryError {
                return error.problems.map { "\($0.field.rawValue): \($0.message)" }
            } catch {
                return ["\(error)"]
            }
        }
        #expect(problems(TargetEntry(measure: "KBI-01", period: "2024 Q9", target: "lots", by: " ")) == [
            "period: \"2024 Q9\" is not a period (write 2025-05, 2025/26 Q1 or 2025/26)",
            "target: \"lots\" is not a number (or none, to remove the period's target)",
            "by: say who is proposing the target",
        ])
        #expect(problems(TargetEntry(measure: "KBI-01", period: "2024", target: "90", by: "kate")) == [
            "period: KBI-01 is reported monthly: set a target for a month or a financial year (such as 2025/26); \"2024\" is a calendar year"
        ])
        #expect(problems(TargetEntry(measure: "KBI-01", period: "2024/25", target: "120%", by: "kate")).count == 1)
        #expect(problems(TargetEntry(measure: "NOPE", period: "2024/25", target: "1", by: "kate")) == ["measure: unknown measure code \"NOPE\""])
        #expect(try store.targetProposals().isEmpty)
        #expect(try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2030/31", target: "95", by: "kate")) != nil)
        #expect(throws: StoreError.showingPublishedOnly) {
            try SQLiteStore(path: path, publishedOnly: true).proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "1", by: "x"))
        }
    }
}
