import Foundation
import PostgresNIO
import ScorecardKit

/// The shared store: a council's data in a PostgreSQL database, which several people use at once from their
/// own terminals (schema and roles in `docs/postgres.md`).
///
/// The database decides who sees and writes what: a member's login reads published values only, an owner's
/// writes drafts for its own measures, an officer's imports and signs off (group roles, grants and row-level
/// security made by ``PostgresAdmin/initialise(_:)``). The client only reads which role it holds, to offer the
/// right actions; a refusal by the database becomes ``StoreError/notPermitted(_:)``.
public final class PostgresStore: CouncilStore {
    let session: PostgresSession
    /// The login's role and what it may do.
    public let access: StoreAccess
    /// Whether reads are limited to signed-off values: a member's login, or `--published`.
    let publishedOnly: Bool
    /// Who the login is (`current_user`), the name recorded as making each change.
    public let login: String
    public var isReadOnly: Bool { !access.canRecord }

    /// Connects to the database at `location`.
    ///
    /// - Parameter publishedOnly: read only signed-off values even when the login may see drafts (what a
    ///   member sees), and write nothing.
    /// - Throws: ``PostgresStoreError`` when the server cannot be reached, the database has no Scorecard schema,
    ///   or the login holds no Scorecard role.
    public init(location: PostgresLocation, publishedOnly: Bool = false) throws {
        session = try PostgresSession(location)
        let schema = try session.rows("SELECT to_regclass('schema_version') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard schema else { throw PostgresStoreError.notInitialised(location: location.description) }
        let version: Int
        do {
            version = try session.rows("SELECT coalesce(max(version), 0) FROM schema_version").first?.decode(Int.self) ?? 0
        } catch PostgresStoreError.refused(_, let reason) {
            throw PostgresStoreError.notScorecard(location: location.description, reason: reason)  // Another application's table.
        } catch StoreError.notPermitted {
            // Every Scorecard role may read it: a login that may connect (the database holds another application's
            // tables too) but holds no role may not.
            session.close()
            throw StoreError.notPermitted(
                "the login \(location.user.terminalSafe) holds no Scorecard role: the performance team gives it one with "
                    + "`scorecard db grant \(location.user.terminalSafe) --role member|owner|officer`")
        }
        guard version <= PostgresSchema.version else {
            throw PostgresStoreError.newerSchema(location: location.description, version: version)
        }
        guard version == PostgresSchema.version else {
            throw PostgresStoreError.olderSchema(location: location.description, version: version)
        }
        let roles = try session.rows("""
            SELECT current_user::text,
                   pg_has_role(current_user, 'scorecard_officer', 'MEMBER')
                     OR (SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'observation_revision' LIMIT 1),
                   pg_has_role(current_user, 'scorecard_owner', 'MEMBER'),
                   pg_has_role(current_user, 'scorecard_member', 'MEMBER')
            """)
        guard let row = roles.first else { throw PostgresStoreError.failed("the server did not say who this login is") }
        let (login, officer, owner, member) = try row.decode((String, Bool?, Bool, Bool).self)
        self.login = login
        let role: StoreRole
        if officer == true {
            role = .officer
        } else if owner {
            role = .owner
        } else if member {
            role = .member
        } else {
            session.close()
            throw StoreError.notPermitted(
                "the login \(login) holds no Scorecard role: the performance team gives it one with "
                    + "`scorecard db grant \(login) --role member|owner|officer`")
        }
        self.publishedOnly = publishedOnly || role == .member
        access = StoreAccess(
            role: role, seesPublishedOnly: self.publishedOnly, canRecord: !self.publishedOnly && role != .member,
            canSignOff: !self.publishedOnly && role == .officer, recordsAs: login)
    }

    /// Closes the connection.
    public func close() {
        session.close()
    }

    public func isEmpty() throws -> Bool {
        try session.rows("SELECT NOT EXISTS (SELECT 1 FROM council)").first?.decode(Bool.self) ?? true
    }

    public func councilName() throws -> String? {
        try session.rows("SELECT name FROM council").first?.decode(String?.self)
    }

    /// Refuses a write the login may not make before asking the server (which would refuse it too).
    func requireWriting() throws {
        if publishedOnly, access.role != .member { throw StoreError.showingPublishedOnly }
        guard access.canRecord else {
            throw StoreError.notPermitted("\(login) is a member: members read published figures and cannot change them; nothing was written")
        }
    }

    // MARK: Changes

    /// A mark is the oldest transaction still running when it was taken (`pg_snapshot_xmin`): every change
    /// committed after it was written by a transaction at least that old, so none is missed however the
    /// writers' commits interleave.
    public func changeMark() throws -> ChangeMark {
        ChangeMark(observationRevision: try snapshotHorizon(), targetRevision: 0, framework: "")
    }

    public func changes(since mark: ChangeMark) throws -> StoreChanges {
        let horizon = try snapshotHorizon()
        let rows = try session.rows("""
            SELECT DISTINCT m.code, c.measure_id IS NULL FROM change_log c LEFT JOIN measure m ON m.id = c.measure_id
            WHERE c.xact >= \(String(mark.observationRevision))::xid8
            """)
        var codes = Set<String>()
        var framework = false
        for row in rows {
            let (code, isFramework) = try row.decode((String?, Bool).self)
            if isFramework { framework = true } else if let code { codes.insert(code) }
        }
        return StoreChanges(
            mark: ChangeMark(observationRevision: horizon, targetRevision: 0, framework: ""), measures: codes,
            frameworkChanged: framework)
    }

    private func snapshotHorizon() throws -> Int64 {
        try session.rows("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").first?.decode(Int64.self) ?? 0
    }

    public func makeChangeWatcher() throws -> any ChangeWatcher {
        try PostgresChangeWatcher(location: session.location)
    }

    // MARK: History

    public func revisions(measure code: String, period: Period) throws -> [Revision] {
        let rows = try session.rows("""
            SELECT r.value, r.target, r.note, r.quality, r.changed_by, r.changed_at, r.source, r.published_by, r.published_at
            FROM revision r JOIN measure m ON m.id = r.measure_id
            WHERE m.code = \(code) AND r.period_kind = \(period.kind.rawValue) AND r.period_ordinal = \(period.ordinal)
              \(unescaped: publishedOnly ? "AND r.published_at IS NOT NULL" : "")
            ORDER BY r.id
            """)
        var revisions: [Revision] = []
        for row in rows {
            let (value, target, note, quality, by, at, source, publishedBy, publishedAt) = try row.decode(
                (Double?, Double?, String?, String?, String, Date, String, String?, Date?).self)
            var observation = Observation(
                period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
            observation.isDraft = publishedAt == nil
            let signedOff = source == RevisionSource.import.rawValue ? nil : publishedBy.map { SignOff(by: $0, at: publishedAt ?? at) }
            revisions.append(
                Revision(
                    measureCode: code, observation: observation, changedBy: by, changedAt: at,
                    source: RevisionSource(rawValue: source) ?? .record, replaced: revisions.last?.observation, signedOff: signedOff))
        }
        return revisions
    }

    public func targetRevisions(measure code: String) throws -> [TargetRevision] {
        // Members may not read proposals: who proposed an approved target is for owners and officers.
        let proposals = access.role == .member
            ? "(SELECT NULL::bigint AS id, NULL::text AS proposed_by, NULL::timestamptz AS proposed_at)" : "target_proposal"
        let rows = try session.rows("""
            SELECT r.period_kind, r.period_ordinal, r.value, r.changed_by, r.changed_at, p.proposed_by, p.proposed_at
            FROM target_history r LEFT JOIN \(unescaped: proposals) p ON p.id = r.proposal_id
            WHERE r.measure_id = (SELECT id FROM measure WHERE code = \(code))
            ORDER BY r.id, r.period_kind, r.period_ordinal
            """)
        var latest: [Period: Double] = [:]
        var revisions: [TargetRevision] = []
        for row in rows {
            let (kind, ordinal, value, by, at, proposedBy, proposedAt) = try row.decode(
                (Int, Int, Double?, String, Date, String?, Date?).self)
            guard let period = Period(kindValue: kind, ordinal: ordinal) else { continue }
            revisions.append(
                TargetRevision(
                    measureCode: code, period: period, value: value, replaced: latest[period], changedBy: by, changedAt: at,
                    proposedBy: proposedBy, proposedAt: proposedAt))
            latest[period] = value
        }
        return revisions
    }
}
