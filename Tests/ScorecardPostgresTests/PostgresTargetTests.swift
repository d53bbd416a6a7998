import Foundation
import PostgresNIO
import ScorecardKit
import Synchronization
import Testing

@testable import ScorecardPostgres

/// Proposed targets in the shared store: who may propose, who sees a proposal, and approval by an officer.
@Suite(.serialized, .enabled(if: TestServer.isAvailable, "SCORECARD_TEST_POSTGRES names no server"))
struct PostgresTargetTests {
    @Test func anOwnerProposesForTheirOwnMeasureAndOnlyAnOfficersApprovalMakesItTheTarget() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, owner, member, mine) = (roles.council, roles.officer, roles.owner, roles.member, roles.mine)
            let theirs = try #require(council.measures.first { $0.owner != mine.owner && $0.service != mine.service })
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)
            let index = try #require(council.measureIndex(code: mine.code))
            let before = try member.loadCouncil().measures[index].targets[period]
            let mark = try officer.changeMark()

            let proposal = try #require(
                try owner.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: "someone else")))
            #expect(proposal.proposedBy == owner.login && proposal.value == 42 && proposal.current == before)
            #expect(proposal.replacedProposal == nil)
            // Changed while waiting: each says which waiting proposal it replaces (only the latest is approved).
            let changed = try owner.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "41", by: ""))
            #expect(changed?.replacedProposal == .init(value: 42, proposedBy: owner.login))
            let back = try owner.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: ""))
            #expect(back?.replacedProposal == .init(value: 41, proposedBy: owner.login))
            #expect(try officer.changes(since: mark).measures.contains(mine.code), "a proposal wakes officers' dashboards")
            #expect(throws: StoreError.self) {
                try owner.proposeTarget(TargetEntry(measure: theirs.code, period: period.description, target: "1", by: ""))
            }
            #expect(throws: StoreError.self) {
                try member.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "1", by: ""))
            }
            #expect(throws: StoreError.self) { try owner.publish(.all, by: "") }

            // Not approved: nobody's judgement moves; the member cannot even read that it exists.
            #expect(try member.loadCouncil().measures[index].targets[period] == before)
            #expect(try officer.loadCouncil().measures[index].targets[period] == before)
            #expect(try member.targetProposals().isEmpty)
            #expect(try owner.targetProposals().map(\.measureCode) == [mine.code])
            #expect(try officer.targetProposals().map(\.proposedBy) == [owner.login])

            let outcome = try officer.publish(PublishSelection(measures: [mine.code.lowercased()]), by: "")
            #expect(outcome.approvedTargets.map(\.value) == [42] && outcome.published.isEmpty)
            #expect(try member.loadCouncil().measures[index].targets[period] == 42)
            #expect(try officer.targetProposals().isEmpty)
            let history = try owner.targetRevisions(measure: mine.code)
            #expect(history.last?.value == 42 && history.last?.changedBy == officer.login && history.last?.proposedBy == owner.login)
            #expect(try member.targetRevisions(measure: mine.code).last?.proposedBy == nil, "members are not told who proposed it")
        }
    }

    @Test func aTargetApprovedSinceTheLastImportSurvivesAnImportOfTheSameFilesAndFilesThatChangedItReplaceIt() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, member, mine) = (roles.council, roles.officer, roles.member, roles.mine)
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)
            let index = try #require(council.measureIndex(code: mine.code))
            #expect(council.measures[index].targets[period] != 42)
            _ = try officer.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: ""))
            #expect(try officer.publish(.all, by: "").approvedTargets.map(\.value) == [42])

            let same = try officer.importCouncil(council, by: "", progress: nil, accept: nil)
            #expect(same.targetsKept == 1 && same.targetsChanged == 0 && same.targetsAdded == 0 && same.targetsRemoved == 0)
            #expect(try member.loadCouncil().measures[index].targets[period] == 42, "the approval stands")

            var changed = council
            changed.measures[index].targets[period] = 55
            let summary = try officer.importCouncil(changed, by: "", progress: nil, accept: nil)
            #expect(summary.targetsChanged == 1 && summary.targetsKept == 0)
            #expect(try member.loadCouncil().measures[index].targets[period] == 55, "the files changed it since: theirs")
        }
    }

    @Test func anImportWritesARowOfTargetsPerMeasureChangedAndTheHistoryKeepsEveryRevisionInTheOrderMade() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, member, mine) = (roles.council, roles.officer, roles.member, roles.mine)
            let withTargets = council.measures.filter { !$0.targets.entries.isEmpty }.count
            #expect(try officer.session.rows("SELECT count(*) FROM imported_targets").first?.decode(Int.self) == withTargets)
            #expect(try officer.session.rows("SELECT count(*) FROM target_revision").first?.decode(Int.self) == 0)

            let index = try #require(council.measureIndex(code: mine.code))
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)
            let first = council.measures[index].targets[period]
            _ = try officer.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: ""))
            _ = try officer.publish(.all, by: "")
            // The files change the target since (theirs), and add one for a year ahead.
            var changed = council
            changed.measures[index].targets[period] = 55
            let ahead = Period(kind: .financialYear, ordinal: 2031)
            changed.measures[index].targets[ahead] = 7
            let summary = try officer.importCouncil(changed, by: "", progress: nil, accept: nil)
            #expect(summary.targetsChanged == 1 && summary.targetsAdded == 1)
            let row = try officer.session.rows("""
                SELECT cardinality(kinds), array_to_string(vals, ',') FROM imported_targets ORDER BY id DESC LIMIT 1
                """).first?.decode((Int, String).self)
            let inOrder = [(period, "55"), (ahead, "7")].sorted { ($0.0.kind.rawValue, $0.0.ordinal) < ($1.0.kind.rawValue, $1.0.ordinal) }
            #expect(row?.0 == 2 && row?.1 == inOrder.map(\.1).joined(separator: ","), "only what changed: one row of its periods in order")

            let history = try member.targetRevisions(measure: mine.code).filter { $0.period == period }
            #expect(history.map(\.value) == [first, 42, 55].filter { $0 != nil })
            #expect(history.last?.replaced == 42 && history.last?.proposedBy == nil)
            let loaded = try member.loadCouncil().measures[index].targets
            #expect(loaded[period] == 55 && loaded[ahead] == 7)

            // Removed from the files: a NULL element, and the period has no target.
            var removed = changed
            removed.measures[index].targets[ahead] = nil
            #expect(try officer.importCouncil(removed, by: "", progress: nil, accept: nil).targetsRemoved == 1)
            #expect(try member.loadCouncil().measures[index].targets[ahead] == nil)
        }
    }

    @Test func targetsImportedOneRowEachBeforeThePackedRowsStayInTheHistoryAndAreRevisedByThem() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, member, mine) = (roles.council, roles.officer, roles.member, roles.mine)
            let index = try #require(council.measureIndex(code: mine.code))
            let id = try #require(try officer.session.rows("SELECT id FROM measure WHERE code = \(mine.code)").first?.decode(Int64.self))
            let period = Period(kind: .financialYear, ordinal: 2030)
            // As an import before schema 11 wrote it: a row of target_revision.
            try officer.session.execute("""
                INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (\(id), 2, 2030, 12)
                """)
            #expect(try member.loadCouncil().measures[index].targets[period] == 12)
            var changed = council
            changed.measures[index].targets[period] = 13
            #expect(try officer.importCouncil(changed, by: "", progress: nil, accept: nil).targetsChanged == 1)
            #expect(try member.loadCouncil().measures[index].targets[period] == 13)
            #expect(try member.targetRevisions(measure: mine.code).filter { $0.period == period }.map(\.value) == [12, 13])
        }
    }

    @Test func anApprovalWaitsForAnImportUnderWayAndComesAfterItInTheHistory() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (officer, member, mine) = (roles.officer, roles.member, roles.mine)
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)
            let index = try #require(roles.council.measureIndex(code: mine.code))
            _ = try officer.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: ""))
            // An import under way holds the writing lock until it commits.
            let importing = try PostgresSession(officer.session.location)
            defer { importing.close() }
            let approved = Mutex<[Double?]?>(nil)
            let done = DispatchSemaphore(value: 0)
            try importing.transaction {
                _ = try importing.rows("SELECT FROM writing_lock WHERE name = 'import' FOR UPDATE")
                DispatchQueue.global().async {
                    let values = try? officer.publish(.all, by: "").approvedTargets.map(\.value)
                    approved.withLock { $0 = values }
                    done.signal()
                }
                #expect(done.wait(timeout: .now() + 0.5) == .timedOut, "the approval waits for the import to commit")
            }
            #expect(done.wait(timeout: .now() + 10) == .success)
            #expect(approved.withLock { $0 } == [42])
            #expect(try member.loadCouncil().measures[index].targets[period] == 42)
        }
    }

    @Test func aPeriodWhoseValueCarriesItsOwnTargetRefusesAnother() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            var council = roles.council
            // A measure of months or quarters, so that its year may have a target of its own.
            let index = try #require(council.observations.firstIndex { $0.last.map { $0.period.kind != .financialYear } ?? false })
            let last = council.observations[index].count - 1
            council.observations[index][last].target = 7
            _ = try roles.officer.importCouncil(council, by: "", progress: nil, accept: nil)
            let code = council.measures[index].code, period = council.observations[index][last].period
            #expect(throws: TargetEntryError.self) {
                try roles.officer.proposeTarget(TargetEntry(measure: code, period: period.description, target: "42", by: ""))
            }
            #expect(try roles.officer.targetProposals().isEmpty)
            // Its year's target may be proposed, and names the period it will not judge.
            let year = try roles.officer.proposeTarget(TargetEntry(measure: code, period: period.financialYear.description, target: "42", by: ""))
            #expect(year?.periodsWithOwnTargets == [period])
        }
    }

    @Test func plainSQLCannotForgeReadOrRewriteAProposal() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, owner, member, mine) = (roles.council, roles.officer, roles.owner, roles.member, roles.mine)
            let theirs = try #require(council.measures.first { $0.owner != mine.owner && $0.service != mine.service })
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)
            _ = try owner.proposeTarget(TargetEntry(measure: mine.code, period: period.description, target: "42", by: ""))
            let ids = try officer.session.rows("SELECT id FROM measure WHERE code IN (\(mine.code), \(theirs.code)) ORDER BY code = \(mine.code) DESC")
                .map { try $0.decode(Int64.self) }

            let ownerSQL = try PostgresSession(owner.session.location)
            defer { ownerSQL.close() }
            for statement in [
                "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (\(ids[1]), 0, 24000, 1)",
                "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value, proposed_by) VALUES (\(ids[0]), 0, 24000, 1, 'someone')",
                "UPDATE target_proposal SET value = 1",
                "DELETE FROM target_proposal",
                "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id) SELECT measure_id, period_kind, period_ordinal, value, id FROM target_proposal",
            ] {
                #expect(throws: StoreError.self, "\(statement)") { try ownerSQL.execute(PostgresQuery(unsafeSQL: statement)) }
            }
            let memberSQL = try PostgresSession(member.session.location)
            defer { memberSQL.close() }
            #expect(throws: StoreError.self) { try memberSQL.rows("SELECT count(*) FROM target_proposal") }
            let officerSQL = try PostgresSession(officer.session.location)
            defer { officerSQL.close() }
            #expect(throws: StoreError.self) { try officerSQL.execute("UPDATE target_proposal SET value = 1") }
            // An approval is the proposal as made: not another target, not another measure, not in another's name.
            for statement in [
                "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id) SELECT measure_id, period_kind, period_ordinal, 999, id FROM target_proposal",
                "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id) SELECT \(ids[1]), period_kind, period_ordinal, value, id FROM target_proposal",
                "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, changed_by) VALUES (\(ids[0]), 2, 2026, 1, 'someone')",
            ] {
                #expect(throws: (any Error).self, "\(statement)") { try officerSQL.execute(PostgresQuery(unsafeSQL: statement)) }
            }
            #expect(try officer.targetProposals().map(\.value) == [42], "the proposal is as the owner made it")
        }
    }
}
