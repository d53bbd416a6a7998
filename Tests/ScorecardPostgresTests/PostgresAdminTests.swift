import Foundation
import PostgresNIO
import ScorecardKit
import Testing

@testable import ScorecardPostgres

/// What the database's owner is told when setting a council up goes wrong, and what the database itself refuses
/// whoever writes: plain sentences, never SQL error text.
@Suite(.enabled(if: TestServer.isAvailable, "needs SCORECARD_TEST_POSTGRES"), .serialized)
struct PostgresAdminTests {
    @Test func onlyTheOwnerSetsUpOrGrantsAndIsToldSoPlainly() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let officer = try TestServer.login(.officer, at: location)
            let attempts: [() throws -> Void] = [
                { try PostgresAdmin.initialise(officer) },
                { try PostgresAdmin.grant("someone", role: .member, owners: [], services: [], at: officer) },
            ]
            for attempt in attempts {
                let error = try #require(throws: StoreError.self) { try attempt() }
                #expect("\(error)".contains("only the database's owner") && "\(error)".contains(officer.user))
                #expect(!"\(error)".contains("server:") && !"\(error)".contains("aclcheck"))
            }
        }
    }

    @Test func aDatabaseOfAnotherApplicationOrNeverSetUpIsNamedAsSuch() async throws {
        try await onThread {
            let other = try TestServer.emptyDatabase()
            let session = try PostgresSession(other)
            try session.run(script: "CREATE TABLE schema_version (v integer)")
            try session.run(script: "CREATE TABLE measure (id integer)")
            session.close()
            #expect(throws: PostgresStoreError.notScorecard(location: other.description, reason: #"column "version" does not exist"#)) {
                _ = try PostgresStore(location: other)
            }
            let initialising = try #require(throws: PostgresStoreError.self) { try PostgresAdmin.initialise(other) }
            guard case .notScorecard = initialising else { Issue.record("db init said \(initialising)"); return }
            let empty = try TestServer.emptyDatabase()
            #expect(throws: PostgresStoreError.notInitialised(location: empty.description)) {
                try PostgresAdmin.grant("someone", role: .member, owners: [], services: [], at: empty)
            }
        }
    }

    @Test func initRefusesToAdoptAnotherApplicationsTableOfAScorecardName() async throws {
        try await onThread {
            let other = try TestServer.emptyDatabase()
            let session = try PostgresSession(other)
            try session.run(script: "CREATE TABLE council (x integer)")
            try session.run(script: "CREATE VIEW revision AS SELECT 1 AS one")
            session.close()
            #expect(throws: PostgresStoreError.notScorecard(
                location: other.description, reason: "council, revision are there already, with no schema_version; nothing was changed")) {
                try PostgresAdmin.initialise(other)
            }
            let after = try PostgresSession(other)
            defer { after.close() }
            let triggers = try after.rows("SELECT count(*)::int FROM pg_trigger WHERE tgrelid = 'council'::regclass").first?.decode(Int.self)
            #expect(triggers == 0, "nothing was added to the other application's table")
            #expect(try after.rows("SELECT to_regclass('schema_version') IS NULL").first?.decode(Bool.self) == true)
        }
    }

    @Test func initKeepsEveryonesRightToConnectToADatabaseHoldingAnotherApplicationsTables() async throws {
        try await onThread {
            let shared = try TestServer.emptyDatabase()
            let session = try PostgresSession(shared)
            try session.run(script: "CREATE TABLE orders (id integer)")
            session.close()
            try PostgresAdmin.initialise(shared)
            #expect(try PostgresAdmin.othersRelations(shared) == ["public.orders"])
            let check = try PostgresSession(shared)
            defer { check.close() }
            let publicConnects = "SELECT has_database_privilege('public', current_database(), 'CONNECT')"
            #expect(try check.rows(PostgresQuery(unsafeSQL: publicConnects)).first?.decode(Bool.self) == true)

            let own = try TestServer.freshDatabase()
            #expect(try PostgresAdmin.othersRelations(own).isEmpty)
            let ownCheck = try PostgresSession(own)
            defer { ownCheck.close() }
            #expect(try ownCheck.rows(PostgresQuery(unsafeSQL: publicConnects)).first?.decode(Bool.self) == false)
        }
    }

    @Test func grantRefusesRolesACouncilRoleWouldNotLimit() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            for name in ["scorecard_officer", "scorecard_member", location.user] {
                #expect(throws: PostgresStoreError.self) { try PostgresAdmin.grant(name, role: .member, owners: [], services: [], at: location) }
            }
            let session = try PostgresSession(location)
            defer { session.close() }
            let officers = try session.rows("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid WHERE r.rolname = 'scorecard_member' AND m.member = 'scorecard_officer'::regrole")
            #expect(try officers.first?.decode(Int.self) == 0)
        }
    }

    @Test func grantRefusesLoginsThatOtherRolesOrGroupsEmpower() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let superuser = try PostgresSession(try PostgresLocation(url: try #require(TestServer.url)))
            defer { superuser.close() }
            let tag = UUID().uuidString.prefix(8).lowercased()
            let cases = [
                ("in_owner_\(tag)", "CREATE ROLE in_owner_\(tag) LOGIN IN ROLE \(location.user)", "is a member of"),
                ("writer_\(tag)", "CREATE ROLE writer_\(tag) LOGIN IN ROLE pg_write_all_data", "pg_write_all_data"),
                ("group_\(tag)", "CREATE ROLE group_\(tag) NOLOGIN", "cannot log in"),
                ("bypass_\(tag)", "CREATE ROLE bypass_\(tag) LOGIN BYPASSRLS", "BYPASSRLS"),
                // A login with a member: the member would read and write as the role given.
                ("shared_\(tag)", "CREATE ROLE shared_\(tag) LOGIN ROLE reader_\(tag)",
                 "reader_\(tag) is a member of shared_\(tag), so would act with its council role"),
            ]
            try superuser.run(script: "CREATE ROLE reader_\(tag) LOGIN")
            for (name, create, words) in cases {
                try superuser.run(script: create)
                do {
                    _ = try PostgresAdmin.grant(name, role: .member, owners: [], services: [], at: location)
                    Issue.record("\(name) was granted")
                } catch let error as PostgresStoreError {
                    #expect(error.description.contains(words), "\(error)")
                }
            }
        }
    }

    @Test func anOwnersNamesThatMatchNoMeasureAreWarnedOfOnceTheFrameworkIsIn() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            #expect(try PostgresAdmin.grant("early_owner", role: .owner, owners: ["Nobody"], services: [], at: location)
                == ["no framework is imported yet, so the names given are not checked: run db grant again after the import to check them"])
            let council = try TestServer.council()
            _ = try PostgresStore(location: try TestServer.login(.officer, at: location)).importCouncil(council, by: "", progress: nil)
            let owner = council.measures[0].owner
            let warnings = try PostgresAdmin.grant(
                "late_owner", role: .owner, owners: [owner.uppercased(), "Nobody"], services: ["No Such Service"], at: location)
            #expect(warnings.count == 2)
            #expect(warnings.first?.contains("owner is Nobody") == true && warnings.last?.contains("service is No Such Service") == true)
        }
    }

    @Test func anOwnerGivenByPartOfOneOwnersNameIsTakenAsThatOwner() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            #expect(try PostgresAdmin.resolveNames(owners: ["Nobody"], services: [], at: location).owners == ["Nobody"], "no framework yet")
            let council = try TestServer.council()
            _ = try PostgresStore(location: try TestServer.login(.officer, at: location)).importCouncil(council, by: "", progress: nil)
            let owners = Set(council.measures.map(\.owner))
            // A part of one owner's name only (its first word, when no other owner's name holds it).
            let (whole, part) = try #require(owners.lazy.compactMap { owner -> (String, String)? in
                let first = String(owner.prefix { $0 != " " && $0 != "," })
                return owners.filter { $0.lowercased().contains(first.lowercased()) }.count == 1 ? (owner, first) : nil
            }.first)
            let resolved = try PostgresAdmin.resolveNames(owners: [part.uppercased(), whole, "zzz"], services: [], at: location)
            #expect(resolved.owners == [whole, whole, "zzz"])
            #expect(resolved.notes.count == 1 && resolved.notes[0].contains("is taken as \"\(whole)\""))
            // Part of several owners' names: refused, as it would grant nothing.
            #expect(throws: PostgresStoreError.self) { try PostgresAdmin.resolveNames(owners: ["e"], services: [], at: location) }
        }
    }

    @Test func aLoginGivenAnotherRoleIsWarnedThatItChangesOnTheWholeServer() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let login = "switch_\(UInt32.random(in: 0...UInt32.max))"
            #expect(try PostgresAdmin.grant(login, role: .officer, owners: [], services: [], at: location).isEmpty)
            #expect(try PostgresAdmin.grant(login, role: .officer, owners: [], services: [], at: location).isEmpty, "the same role again: no warning")
            let warnings = try PostgresAdmin.grant(login, role: .member, owners: [], services: [], at: location)
            #expect(warnings == ["\(login) was an officer: a login has one council role on the whole server, so it is now a member in every Scorecard database here"])
        }
    }

    @Test func aRevokedLoginConnectsNoMoreAndHoldsNothing() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            _ = try PostgresStore(location: try TestServer.login(.officer, at: location)).importCouncil(try TestServer.council(), by: "", progress: nil)
            let owner = try TestServer.login(.owner, at: location, services: ["Housing"])
            let open = try PostgresStore(location: owner)
            defer { open.close() }
            let (held, stillConnects) = try PostgresAdmin.revoke(owner.user, at: location)
            // Its store, open meanwhile, is refused a read plainly: nothing was written to say so of.
            let read = try #require(throws: StoreError.self) { _ = try open.loadCouncil() }
            #expect(read.description.hasSuffix("does not allow this login to read that (its council role does not, or was taken away)"), "\(read)")
            #expect(held == ["the role owner (on every Scorecard database of this server)", "its measures here (1 owner or service name)"])
            #expect(!stillConnects)
            let refused = try #require(throws: (any Error).self) { _ = try PostgresStore(location: owner) }
            #expect("\(refused)".contains("permission denied for database") || "\(refused)".contains("has not been given a role"))
            let session = try PostgresSession(location)
            defer { session.close() }
            #expect(try session.rows("SELECT count(*) FROM scope WHERE login = \(owner.user)").first?.decode(Int.self) == 0)
            // Again: nothing left to take; an unknown login and a group role are refused.
            #expect(try PostgresAdmin.revoke(owner.user, at: location).held.isEmpty)
            #expect(throws: PostgresStoreError.self) { _ = try PostgresAdmin.revoke("nobody_\(UUID().uuidString.prefix(8).lowercased())", at: location) }
            #expect(throws: PostgresStoreError.self) { _ = try PostgresAdmin.revoke("scorecard_member", at: location) }
            // The database's owner and superusers: refused, nothing changed (the owner still sets the database up).
            for untouchable in [location.user, "postgres"] {
                let error = try #require(throws: PostgresStoreError.self) { _ = try PostgresAdmin.revoke(untouchable, at: location) }
                #expect("\(error)".contains("nothing was changed"))
            }
            #expect(throws: Never.self) { try PostgresAdmin.initialise(location) }
        }
    }

    @Test func grantingAnOwnerAgainReplacesTheirMeasures() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            _ = try PostgresStore(location: try TestServer.login(.officer, at: location)).importCouncil(council, by: "", progress: nil)
            let services = Array(Set(council.measures.map(\.service))).sorted()
            try #require(services.count >= 2)
            let owner = try TestServer.login(.owner, at: location, services: [services[0]])
            try PostgresAdmin.grant(owner.user, role: .owner, owners: [], services: [services[1]], at: location)
            let owned = try #require(try PostgresStore(location: owner).recordableMeasureCodes())
            #expect(owned == Set(council.measures.filter { $0.service == services[1] }.map(\.code)), "only the service granted last")
        }
    }

    @Test func theDatabaseRefusesNumbersThatAreNotFiguresWhoeverWritesThem() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            _ = try PostgresStore(location: try TestServer.login(.officer, at: location)).importCouncil(council, by: "", progress: nil)
            let owner = try TestServer.login(.owner, at: location, owners: [council.measures[0].owner])
            let session = try PostgresSession(owner)
            defer { session.close() }
            let measure = try session.rows("SELECT id FROM measure WHERE code = \(council.measures[0].code)").first?.decode(Int64.self) ?? 0
            for number in ["'Infinity'", "'NaN'", "-1e16"] {
                let error = try #require(throws: PostgresStoreError.self) {
                    try session.run(script: """
                        INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
                        VALUES (\(measure), 0, 24310, \(number), 'record')
                        """)
                }
                guard case .refused(let state, _) = error else { Issue.record("\(number): \(error)"); continue }
                #expect(state == "23514")  // check_violation
            }
        }
    }

    @Test func onlyAMeetingsPresenterChangesItThoughAnOfficerMayTakeItOver() async throws {
        try await onThread {
            let location = try TestServer.freshDatabase()
            let council = try TestServer.council()
            let officer = try PostgresStore(location: try TestServer.login(.officer, at: location))
            _ = try officer.importCouncil(council, by: "", progress: nil)
            let owner = try PostgresStore(location: try TestServer.login(.owner, at: location, owners: [council.measures[0].owner]))
            let member = try PostgresStore(location: try TestServer.login(.member, at: location))
            let presenting = try officer.present(meeting: "Cabinet", view: "{\"a\":1}", by: "ignored")
            #expect(try member.isPresented(meeting: "Cabinet"))
            let refusal = try #require(throws: StoreError.self) { try owner.present(meeting: "Cabinet", view: "{}", by: "ignored") }
            #expect("\(refusal)".contains("presented by \(officer.login) already"))
            try owner.updateMeeting("Cabinet", view: "{\"b\":1}")  // Hidden from the owner's UPDATE: nothing changes.
            #expect(try member.meeting(named: "Cabinet")?.view == "{\"a\":1}")
            // A meeting has one presenter at a time: another officer takes it over only once its presenter is gone.
            let second = try PostgresStore(location: try TestServer.login(.officer, at: location))
            #expect(throws: StoreError.self) { try second.present(meeting: "Cabinet", view: "{\"c\":1}", by: "ignored") }
            presenting.release()
            #expect(try !member.isPresented(meeting: "Cabinet"))
            _ = try second.present(meeting: "Cabinet", view: "{\"c\":1}", by: "ignored")
            #expect(try member.meeting(named: "Cabinet")?.presenter == second.login)
            let refusedToOwner = try #require(throws: StoreError.self) {
                _ = try owner.present(meeting: "Cabinet", view: "{}", by: "ignored")
            }
            #expect("\(refusedToOwner)".contains("already"))
        }
    }
}
