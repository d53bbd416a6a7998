import Foundation
import PostgresNIO
import ScorecardKit
import Testing

@testable import ScorecardPostgres

/// The shared store against a real PostgreSQL server: what each role may see and do is decided by the database.
@Suite(.serialized, .enabled(if: TestServer.isAvailable, "SCORECARD_TEST_POSTGRES names no server"))
struct PostgresStoreTests {
    @Test func aConnectionLostAndNotYetBackIsSaidAsLost() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(try TestServer.council(), by: "", progress: nil)
            let memberLocation = try TestServer.login(.member, at: location)
            let member = try PostgresStore(location: memberLocation)
            #expect(try member.councilName() != nil)
            // Its connection ended by the server, and a new one refused for now: the member's next question is
            // answered with the lost connection, not "cannot connect to ...".
            guard let url = TestServer.url else { return }
            let superuser = try PostgresSession(try PostgresLocation(url: url))
            defer { superuser.close() }
            try superuser.run(script: "REVOKE CONNECT ON DATABASE \(location.database) FROM PUBLIC, \(memberLocation.user)")
            try superuser.run(script: "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(memberLocation.user)'")
            // The server's last word on the old connection ("terminating connection") may answer the first question.
            Thread.sleep(forTimeInterval: 0.2)
            _ = try? member.councilName()
            #expect(throws: PostgresStoreError.connectionLost) { try member.councilName() }
        }
    }

    @Test func anImportedCouncilComesBackAsItWent() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            let summary = try officer.importCouncil(council, by: "ignored", progress: nil)
            #expect(summary.added == council.observationCount)
            let loaded = try officer.loadCouncil()
            #expect(loaded.plan == council.plan)
            // Comparators too (the sample's outcome measure has a national file).
            #expect(council.measures.contains { $0.comparators?.points.isEmpty == false })
            #expect(loaded.measures == council.measures)
            #expect(loaded.observations == council.observations)
            // Imported values are published: a member sees every one of them.
            let member = try PostgresStore(location: try TestServer.login(.member, at: location))
            #expect(try member.loadCouncil().observations == council.observations)
            // The same files again write nothing.
            let again = try officer.importCouncil(council, by: "ignored", progress: nil)
            #expect(again.unchanged == council.observationCount && !again.changedAnything)
        }
    }

    @Test func aMeetingIsSharedAndItsFollowersCountedWithoutTheirWriting() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(try TestServer.council(), by: "", progress: nil)
            let member = try PostgresStore(location: try TestServer.login(.member, at: location))
            #expect(try member.meeting(named: "Cabinet") == nil)
            _ = try officer.present(meeting: "Cabinet", view: "{\"a\":1}", by: "ignored")
            try officer.updateMeeting("Cabinet", view: "{\"a\":2}")
            let seen = try #require(try member.meeting(named: "Cabinet"))
            #expect(seen.view == "{\"a\":2}" && seen.sequence == 2 && !seen.ended)
            #expect(seen.presenter == officer.login)
            // A member follows (naming its connection) but may not present: the database refuses.
            let presence = try member.follow(meeting: "Cabinet")
            #expect(try officer.followerCount(ofMeeting: "Cabinet") == 1)
            #expect(throws: StoreError.self) { try member.updateMeeting("Cabinet", view: "{}") }
            presence.release()
            #expect(try officer.followerCount(ofMeeting: "Cabinet") == 0)
            try officer.endMeeting("Cabinet")
            #expect(try member.meeting(named: "Cabinet")?.ended == true)
        }
    }

    @Test func aFailedImportLeavesTheDatabaseAsItWas() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(council, by: "", progress: nil)
            let before = try officer.loadCouncil()
            var broken = council
            // Two measures with one code: the upsert fails part-way, after the plan was replaced.
            broken.plan.title = "A new title that must not stay"
            broken.measures[1].code = broken.measures[0].code
            #expect(throws: (any Error).self) { try officer.importCouncil(broken, by: "", progress: nil) }
            let after = try officer.loadCouncil()
            #expect(after.plan == before.plan)
            #expect(after.observations == before.observations)
        }
    }

    @Test func aMemberReadsNoDraftAndWritesNothingEvenWithPlainSQL() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(council, by: "", progress: nil)
            let code = council.measures[0].code
            let period = try #require(council.observations[0].last?.period)
            _ = try officer.record(ValueEntry(measure: code, period: period.description, value: "12345", by: ""), today: TestServer.today)

            let memberLocation = try TestServer.login(.member, at: location)
            // Straight to the database, as `psql` would: the policies hold whatever the client does.
            let psql = try PostgresSession(memberLocation)
            defer { psql.close() }
            let drafts = try psql.rows("SELECT count(*) FROM observation_revision WHERE published_at IS NULL").first?.decode(Int.self)
            #expect(drafts == 0)
            let viaView = try psql.rows("SELECT count(*) FROM observation WHERE value = 12345").first?.decode(Int.self)
            #expect(viaView == 0)
            for statement in [
                "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24000, 1, 'record')",
                "UPDATE observation_revision SET published_at = now()",
                "DELETE FROM observation_revision",
                "UPDATE measure SET title = 'x'",
                "DELETE FROM council",
            ] {
                #expect(throws: StoreError.self) { try psql.execute(PostgresQuery(unsafeSQL: statement)) }
            }
            let member = try PostgresStore(location: memberLocation)
            #expect(member.access.seesPublishedOnly && !member.access.canRecord)
            let seen = try member.loadCouncil().observations[0].last
            #expect(seen?.value != 12345)
            #expect(throws: StoreError.self) {
                try member.record(ValueEntry(measure: code, period: period.description, value: "1", by: ""), today: TestServer.today)
            }
        }
    }

    @Test func anOwnerRecordsDraftsOnlyForTheirOwnMeasuresAndAnOfficerPublishesThem() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, owner, member, mine) = (roles.council, roles.officer, roles.owner, roles.member, roles.mine)
            let theirs = try #require(council.measures.first { $0.owner != mine.owner && $0.service != mine.service })
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)

            let outcome = try owner.record(ValueEntry(measure: mine.code, period: period.description, value: "42", by: "someone else"), today: TestServer.today)
            let revision: Revision
            switch outcome {
            case .added(let made), .revised(let made): revision = made
            case .unchanged: throw PostgresStoreError.failed("expected the value to be recorded")
            }
            #expect(revision.observation.isDraft)
            #expect(revision.changedBy == owner.login)
            let otherPeriod = Period.latestEnded(kind: theirs.frequency.periodKind, by: TestServer.today)
            #expect(throws: StoreError.self) {
                try owner.record(ValueEntry(measure: theirs.code, period: otherPeriod.description, value: "1", by: ""), today: TestServer.today)
            }
            // Another's measure is refused as such whatever the value: not "not a number" first.
            let refused = #expect(throws: StoreError.self) {
                try owner.record(ValueEntry(measure: theirs.code, period: otherPeriod.description, value: "abc", by: ""), today: TestServer.today)
            }
            #expect(refused?.description.hasPrefix("\(theirs.code) is not one of \(owner.login)'s measures") == true)
            #expect(throws: StoreError.self) { try owner.publish(.all, by: "") }
            // The dashboard knows an owner's measures before a form is filled in: exactly those the database lets them record.
            let owned = try #require(try owner.recordableMeasureCodes())
            #expect(owned.contains(mine.code) && !owned.contains(theirs.code))
            #expect(owned == Set(council.measures.filter { $0.owner == mine.owner || $0.service == mine.service }.map(\.code)))
            #expect(try officer.recordableMeasureCodes() == nil)

            // Not yet published: the member does not see it; the officer sees it awaiting sign-off.
            let index = try #require(council.measureIndex(code: mine.code))
            #expect(try member.loadCouncil().observations[index].contains { $0.period == period && $0.value == 42 } == false)
            let drafts = try officer.drafts()
            #expect(drafts.map(\.measureCode) == [mine.code])
            #expect(drafts.first?.changedBy == owner.login)

            let published = try officer.publish(PublishSelection(measures: [mine.code]), by: "")
            #expect(published.published.count == 1)
            #expect(try member.loadCouncil().observations[index].contains { $0.period == period && $0.value == 42 && !$0.isDraft })
            let history = try member.revisions(measure: mine.code, period: period)
            #expect(history.last?.signedOff?.by == officer.login)
            #expect(try officer.drafts().isEmpty)
        }
    }

    @Test func aReadOnlyLoginOrATimeoutIsSaidPlainlyWithNoSQLText() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officerLocation = try TestServer.login(.officer, at: location)
            _ = try PostgresStore(location: officerLocation).importCouncil(council, by: "", progress: nil)
            let admin = try PostgresSession(location)
            defer { admin.close() }
            try admin.run(script: "ALTER ROLE \(officerLocation.user) SET default_transaction_read_only = on")
            let officer = try PostgresStore(location: officerLocation)
            let measure = council.measures[0]
            let period = Period.latestEnded(kind: measure.frequency.periodKind, by: TestServer.today)
            do {
                _ = try officer.record(ValueEntry(measure: measure.code, period: period.description, value: "42", by: ""), today: TestServer.today)
                Issue.record("a read-only login recorded a value")
            } catch {
                let said = "\(error)"
                #expect(said.contains("the database is read-only for this login") && said.contains("nothing was written"), "\(said)")
                #expect(!said.contains("INSERT") && !said.contains("transaction"), "\(said)")
            }
        }
    }

    @Test func aDraftOnAMeasureAReimportRemovedIsNeitherListedNorSignedOff() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer) = (roles.council, roles.officer)
            let last = council.measures.count - 1
            let removed = council.measures[last]
            let period = Period.latestEnded(kind: removed.frequency.periodKind, by: TestServer.today)
            let value = (council.observations[last].last?.value ?? 0) / 2
            let changed = value.rounded() == value * 2 ? value.rounded() + 1 : value.rounded()
            _ = try officer.record(ValueEntry(measure: removed.code, period: period.description, value: "\(changed)", by: ""), today: TestServer.today)
            #expect(try officer.drafts().map(\.measureCode) == [removed.code])

            var plan = council.plan
            for p in plan.priorities.indices {
                plan.priorities[p].measures.removeAll { $0 == last }
                for d in plan.priorities[p].plans.indices { plan.priorities[p].plans[d].measures.removeAll { $0 == last } }
            }
            let smaller = Council(plan: plan, measures: Array(council.measures.dropLast()), observations: Array(council.observations.dropLast()))
            #expect(try officer.importCouncil(smaller, by: "", progress: nil).measuresRemoved == 1)

            #expect(try officer.drafts().isEmpty)
            let named = try officer.publish(PublishSelection(measures: [removed.code]), by: "")
            #expect(named.unknownMeasures == [removed.code] && named.published.isEmpty)
            #expect(try officer.publish(.all, by: "").published.isEmpty)
        }
    }

    @Test func aMeasureTheFilesWriteInAnotherCaseKeepsItsValues() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            var council = roles.council
            let m = try #require(council.measures.indices.first { !council.observations[$0].isEmpty })
            let held = council.observations[m].count
            council.measures[m].code = council.measures[m].code.lowercased() == council.measures[m].code
                ? council.measures[m].code.uppercased() : council.measures[m].code.lowercased()
            let summary = try roles.officer.importCouncil(council, by: "", progress: nil)
            #expect(summary.measuresAdded == 0 && summary.measuresRemoved == 0 && summary.added == 0 && summary.measuresRenamed == 1)
            let reloaded = try roles.member.loadCouncil()
            let index = try #require(reloaded.measures.firstIndex { $0.code == council.measures[m].code })
            #expect(reloaded.observations[index].count == held)
        }
    }

    @Test func anOwnerWithdrawsAValueRecordedForTheWrongPeriodAsADraft() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let code = roles.mine.code
            let slip = roles.mine.frequency == .monthly ? "1990-01" : roles.mine.frequency == .quarterly ? "1990/91 Q1" : "1990/91"
            guard case .added = try roles.owner.record(ValueEntry(measure: code, period: slip, value: "5", by: ""), today: TestServer.today) else {
                Issue.record("expected a value added")
                return
            }
            let withdrawn = try roles.owner.record(ValueEntry(measure: code, period: slip, value: "-", by: ""), today: TestServer.today)
            guard case .revised(let revision) = withdrawn else {
                Issue.record("expected a revision, got \(withdrawn)")
                return
            }
            #expect(revision.observation.value == nil && revision.replaced?.value == 5 && revision.observation.isDraft)
            #expect(try roles.owner.record(ValueEntry(measure: code, period: slip, value: "n/a", by: ""), today: TestServer.today)
                == .unchanged(measureCode: code, period: revision.observation.period))
        }
    }

    @Test func anImportThatRenamesAGrantedOwnerSaysTheGrantNamesNoMeasure() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            var council = roles.council
            #expect(try roles.officer.importCouncil(council, by: "", progress: nil).grantsNamingNoMeasure.isEmpty)
            let owner = council.measures[0].owner
            for m in council.measures.indices where council.measures[m].owner == owner { council.measures[m].owner = owner + ", Head of Service" }
            let summary = try roles.officer.importCouncil(council, by: "", progress: nil)
            #expect(summary.grantsNamingNoMeasure.map(\.description) == ["\(roles.owner.login) --owner \"\(owner)\""])
            // The framework's one owner whose name holds the name granted, to grant instead.
            #expect(summary.grantsNamingNoMeasure.first?.holdingIt == owner + ", Head of Service")
        }
    }

    @Test func aGrantByPartOfANameMadeBeforeTheFrameworkIsNamedWithTheFullNameAndTheLoginsOtherGrants() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let measure = try #require(council.measures.first { $0.owner.contains(",") })
            let part = String(measure.owner.prefix { $0 != "," })
            let other = try #require(council.measures.first { $0.service != measure.service }?.service)
            // Before any framework: the names cannot be checked, and are kept as given.
            let owner = try TestServer.login(.owner, at: location, owners: [part], services: [other])
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            let summary = try officer.importCouncil(council, by: "", progress: nil)
            let grant = try #require(summary.grantsNamingNoMeasure.first { $0.login == owner.user })
            #expect(grant.name == part && grant.holdingIt == measure.owner)
            #expect(grant.others == ["--service \"\(other)\""], "granting it again replaces its grants: the others are given too")
        }
    }

    @Test func anImportWhoseNewLimitsRefuseAKeptValueIsRefusedAndWritesNothing() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            var council = roles.council
            let m = try #require(council.measures.indices.first { council.observations[$0].compactMap(\.value).count >= 2 })
            let values = council.observations[m].compactMap(\.value)
            let highest = try #require(values.max()), latest = try #require(council.observations[m].last)
            // Files giving only a value below every kept one, and a maximum just under the highest kept.
            council.measures[m].maximum = highest - 0.5
            council.measures[m].minimum = nil
            var kept = latest
            kept.value = (values.min() ?? 0) - 1
            council.observations[m] = ObservationSeries([kept])
            let before = try roles.officer.loadCouncil()
            let refused = try #require(throws: StoreError.self) { try roles.officer.importCouncil(council, by: "", progress: nil) }
            #expect(refused.description.contains("keeps a value in the database that the measure as the files now define it refuses"), "\(refused)")
            #expect(try roles.officer.loadCouncil() == before, "nothing written")
        }
    }

    /// What a dashboard opens with (`recent_revisions`, kept by the write triggers) is the end of each
    /// measure's whole history as that login may see it, after an import, a draft, a sign-off and a revision.
    @Test func theRecentValuesADashboardOpensWithFollowEveryWrite() async throws {
        try await onThread {
            let roles = try TestServer.importedWithThreeRoles()
            let (council, officer, owner, member, mine) = (roles.council, roles.officer, roles.owner, roles.member, roles.mine)
            let index = try #require(council.measureIndex(code: mine.code))
            let period = Period.latestEnded(kind: mine.frequency.periodKind, by: TestServer.today)

            /// An observation as (period, value, target, draft).
            func text(_ o: Observation) -> String {
                "\(o.period) \(o.value.map { String($0) } ?? "-") \(o.target.map { String($0) } ?? "-") \(o.isDraft)"
            }
            /// The recent values of each measure, with the first period held.
            func recent(_ store: PostgresStore, periods: Int = 6) throws -> [[String]] {
                let loaded = try store.loadRecentCouncil(periods: periods)
                return loaded.observations.enumerated().map { m, list in
                    list.map(text) + ["first \(loaded.loaded?.firstPeriod[m]?.description ?? "all")"]
                }
            }
            /// The same, cut from the whole history.
            func whole(_ store: PostgresStore, periods: Int = 6) throws -> [[String]] {
                let loaded = try store.loadCouncil()
                let recentStore = try store.loadRecentCouncil(periods: periods)
                return loaded.observations.enumerated().map { m, list in
                    list.suffix(recentStore.observations[m].count).map(text)
                        + ["first \(recentStore.loaded?.firstPeriod[m] == nil ? "all" : list.first?.period.description ?? "all")"]
                }
            }
            let opened = try recent(member)
            #expect(opened == (try whole(member)))
            #expect((2...7).contains(opened[index].count))

            _ = try owner.record(ValueEntry(measure: mine.code, period: period.description, value: "42", by: ""), today: TestServer.today)
            #expect(try recent(owner)[index].contains { $0.hasPrefix("\(period) 42.0") && $0.hasSuffix("true") })
            #expect(try recent(owner) == (try whole(owner)))
            #expect(try recent(officer) == (try whole(officer)))
            #expect(try recent(member) == opened)

            _ = try officer.publish(PublishSelection(measures: [mine.code]), by: "")
            let published = try recent(member)
            #expect(published[index].contains { $0.hasPrefix("\(period) 42.0") && $0.hasSuffix("false") })
            #expect(published == (try whole(member)))
            // More than the store keeps a measure: read from the revisions, the same answer.
            #expect(try recent(member, periods: 40) == (try whole(member, periods: 40)))
        }
    }

    @Test func fourWritersAtOnceLoseNothing() async throws {
        let location = try await onThread { try TestServer.freshDatabase() }
        let council = try TestServer.council()
        let officerLocation = try await onThread {
            let officer = try TestServer.login(.officer, at: location)
            _ = try PostgresStore(location: officer).importCouncil(council, by: "", progress: nil)
            return officer
        }
        let code = council.measures[0].code
        let kind = council.measures[0].frequency.periodKind
        let latest = Period.latestEnded(kind: kind, by: TestServer.today)
        let perWriter = 25
        // What each write said it replaced, by the value it wrote.
        let said = try await withThrowingTaskGroup(of: [(Double, Double?)].self) { group in
            for writer in 0..<4 {
                group.addTask {
                    try await onThread {
                        let store = try PostgresStore(location: officerLocation)
                        var said: [(Double, Double?)] = []
                        for n in 0..<perWriter {
                            let value = String(writer * 1000 + n)
                            let outcome = try store.record(ValueEntry(measure: code, period: latest.description, value: value, by: ""), today: TestServer.today)
                            if case .revised(let revision) = outcome { said.append((revision.observation.value ?? .nan, revision.replaced?.value)) }
                        }
                        return said
                    }
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let revisions = try await onThread { try PostgresStore(location: officerLocation).revisions(measure: code, period: latest) }
        let recorded = Set(revisions.filter { $0.source == .record }.compactMap(\.observation.value))
        #expect(recorded.count == 4 * perWriter)
        // Each write replaced what it said it replaced: the value before it in the history.
        let before = Dictionary(uniqueKeysWithValues: zip(revisions.dropFirst(), revisions).compactMap { next, previous in
            next.observation.value.map { ($0, previous.observation.value) }
        })
        #expect(said.count == 4 * perWriter)
        #expect(said.allSatisfy { before[$0.0] == $0.1 }, "a write said it replaced a value it did not")
        // Each writer brought the recent values up to date after the one before it committed: they end with
        // the last revision made.
        let opened = try await onThread { try PostgresStore(location: officerLocation).loadRecentCouncil(periods: 28) }
        let last = try #require(revisions.last)
        #expect(opened.observations[0].last?.period == latest)
        #expect(opened.observations[0].last?.value == last.observation.value)
    }

    @Test func aCommitElsewhereIsNoticedByNotifyAndReadIncrementally() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officerLocation = try TestServer.login(.officer, at: location)
            let officer = try PostgresStore(location: officerLocation)
            _ = try officer.importCouncil(council, by: "", progress: nil)
            let reader = try PostgresStore(location: officerLocation)
            let watcher = try reader.makeChangeWatcher()
            let mark = try reader.changeMark()
            #expect(try watcher.hasChanged() == false)
            let code = council.measures[3].code
            let period = Period.latestEnded(kind: council.measures[3].frequency.periodKind, by: TestServer.today)
            _ = try officer.record(ValueEntry(measure: code, period: period.description, value: "7", by: ""), today: TestServer.today)
            let deadline = Date().addingTimeInterval(1)
            var noticed = false
            while !noticed, Date() < deadline {
                noticed = try watcher.hasChanged()
                if !noticed { Thread.sleep(forTimeInterval: 0.01) }
            }
            #expect(noticed)
            let changes = try reader.changes(since: mark)
            #expect(changes.measures == [code])
            #expect(!changes.frameworkChanged)
        }
    }
}

// Each PostgreSQL test makes a database and logins of its own, but roles belong to the whole server: the tests
// run one at a time, in the one serialized suite.
extension PostgresStoreTests {
    @Test func sslmodeRequireEncryptsOrRefusesPlainly() async throws {
        try await onThread {
            var location = try PostgresLocation(url: try #require(TestServer.url), environment: [:])
            let offersTLS = try {
                let plain = try PostgresSession(location)
                defer { plain.close() }
                return try plain.rows("SHOW ssl").first?.decode(String.self) == "on"
            }()
            location.sslMode = .require
            if offersTLS {
                let session = try PostgresSession(location)
                defer { session.close() }
                let encrypted = try session.rows("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.decode(Bool.self)
                #expect(encrypted == true)
            } else {
                #expect(throws: PostgresStoreError.self) { try PostgresSession(location) }
            }
        }
    }
}

extension PostgresStoreTests {
    /// Text COPY's format treats specially (tab, line breaks, backslash, `\N`) and other awkward characters.
    static let awkward = ["tab\there", "two\nlines\r\nand more", "back\\slash", "\\N", "\\.", "quote \" and ' both", "é 🏠 \u{1b}[2J", ""]

    @Test func textWithCopysSpecialCharactersComesBackExactly() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            var council = try TestServer.council()
            for (i, text) in Self.awkward.enumerated() {
                council.measures[i].title = "Title " + text
                council.measures[i].methodology = text
                if let last = council.observations[i].indices.last { council.observations[i][last].note = text.isEmpty ? nil : text }
            }
            council.plan.priorities[0].description = Self.awkward.joined(separator: "|")
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(council, by: "", progress: nil)
            let loaded = try officer.loadCouncil()
            #expect(loaded.plan == council.plan)
            #expect(loaded.measures == council.measures)
            #expect(loaded.observations == council.observations)
            #expect(try officer.importCouncil(council, by: "", progress: nil).changedAnything == false)
        }
    }
}
