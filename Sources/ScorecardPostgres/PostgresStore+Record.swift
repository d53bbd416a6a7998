import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Records as the login: the database stamps each revision with `current_user`, whatever `entry.by` says.
    public func record(_ entry: ValueEntry, today: CivilDate) throws -> RecordOutcome {
        try requireWriting()
        var entry = entry
        entry.by = login
        return try session.transaction {
            let code = String(entry.measure.trimmingCharacters(in: .whitespaces))
            let found = try measureForEntry(code: code)
            // Another's measure is refused as such, before anything about the value typed for it.
            if let found { try requireOwning(found, doing: "records values") }
            // Validation fails for an unknown measure, so a change always comes with its measure.
            let change = try entry.validated(today: today) { $0 == code ? found?.measure : nil }
            guard let found else { throw PostgresStoreError.failed("no measure \(code)") }
            return try write(change, measureID: found.id).shown(as: found.measure)
        }
    }

    /// A current measure found by code for checking an entry (any case, an exact match first), with its row id,
    /// owner and service.
    func measureForEntry(code: String) throws -> (id: Int64, measure: Measure, owner: String, service: String)? {
        let rows = try session.rows("""
            SELECT id, frequency, unit, decimals, minimum, maximum, code, owner, service, status FROM measure
            WHERE lower(code) = lower(\(code)) AND position IS NOT NULL ORDER BY code = \(code) DESC LIMIT 1
            """)
        guard let row = rows.first else { return nil }
        let (id, frequency, unit, decimals, minimum, maximum, realCode, owner, service, status) = try row.decode(
            (Int64, String, String, Int, Double?, Double?, String, String, String, String).self)
        guard let frequency = Frequency(rawValue: frequency) else { return nil }
        let measure = Measure(
            code: realCode, title: realCode, unit: MeasureUnit(unit), decimals: min(6, max(0, decimals)),
            frequency: frequency, lifecycle: MeasureLifecycle(rawValue: status) ?? .active, minimum: minimum, maximum: maximum)
        return (id, measure, owner, service)
    }

    /// Refuses, in a plain sentence, an owner acting on a measure they do not own (the database would refuse it
    /// too, with row-level security's words).
    func requireOwning(_ found: (id: Int64, measure: Measure, owner: String, service: String), doing action: String) throws {
        guard access.role == .owner else { return }
        let owns = try session.rows("SELECT scorecard_owns(\(found.id))").first?.decode(Bool?.self) ?? false
        guard owns == true else {
            throw StoreError.notPermitted(
                "\(found.measure.code) is not one of \(login)'s measures (its owner is \(found.owner), "
                    + "in \(found.service)): an owner \(action) only for the measures they own; nothing was written\n"
                    + "If these are \(login)'s, the database's owner grants them: `scorecard db grant \(login) --role owner --owner NAME` "
                    + "(or `--service NAME`), NAME as the framework gives the measure's owner or service")
        }
    }

    /// Appends a draft revision for `change` unless the store already holds exactly what it makes.
    private func write(_ change: ValueChange, measureID: Int64) throws -> RecordOutcome {
        let period = change.period
        // Writers of one measure's period take turns, and wait for an import: what is read next is what this
        // revision replaces (eight at once each said they replaced the same value).
        try takeWriterLocks(measureID: measureID)
        let rows = try session.rows("""
            SELECT value, target, note, quality, published_at IS NULL FROM revision
            WHERE measure_id = \(measureID) AND period_kind = \(period.kind.rawValue) AND period_ordinal = \(period.ordinal)
            ORDER BY id DESC LIMIT 1
            """)
        var current: Observation?
        if let row = rows.first {
            let (value, target, note, quality, draft) = try row.decode((Double?, Double?, String?, String?, Bool).self)
            current = Observation(period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
            current?.isDraft = draft
        }
        var updated = change.applied(to: current)
        // Withdrawing a value a period does not have (with no commentary or quality either) changes nothing.
        if updated == current || (current == nil && updated == Observation(period: period, value: nil)) { return .unchanged(measureCode: change.measureCode, period: period) }
        updated.isDraft = true
        let inserted = try session.rows("""
            INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, note, quality, source)
            VALUES (\(measureID), \(period.kind.rawValue), \(period.ordinal), \(updated.value), \(updated.target),
                    \(updated.note), \(updated.quality?.rawValue), 'record')
            RETURNING changed_by, changed_at
            """)
        let (by, at) = try inserted.first?.decode((String, Date).self) ?? (login, Date())
        let revision = Revision(
            measureCode: change.measureCode, observation: updated, changedBy: by, changedAt: at, source: .record, replaced: current)
        return current == nil ? .added(revision) : .revised(revision)
    }

    public func recordableMeasureCodes() throws -> Set<String>? {
        guard access.role == .owner else { return nil }
        let rows = try session.rows("SELECT code FROM measure WHERE position IS NOT NULL AND scorecard_owns(id)")
        return Set(try rows.map { try $0.decode(String.self) })
    }

    public func drafts(endedBy: CivilDate?) throws -> [Draft] {
        guard !publishedOnly else { return [] }
        return try drafts(in: PublishSelection(endedBy: endedBy)).map(\.draft)
    }

    public func publish(_ selection: PublishSelection, by: String) throws -> PublishOutcome {
        if publishedOnly, access.role != .member { throw StoreError.showingPublishedOnly }
        guard access.canSignOff else {
            throw StoreError.notPermitted(
                "\(login) is \(access.role == .member ? "a member" : "an owner"): only the performance team's officers sign values off and approve targets; nothing was published")
        }
        return try session.transaction {
            // After an import under way, never in the middle of one: it read what stood when it began, so a target
            // approved meanwhile came before its own in the history and was silently replaced by it.
            _ = try session.rows("SELECT FROM writing_lock WHERE name = 'import' FOR SHARE")
            // Codes in any case, as `record` and `target` take them.
            let wanted = selection.measures.map { $0.lowercased() }
            let known = Set(try session.rows("SELECT lower(code) FROM measure WHERE lower(code) = ANY(\(wanted)) AND position IS NOT NULL").map { try $0.decode(String.self) })
            let unknown = selection.measures.filter { !known.contains($0.lowercased()) }
            // A code that names no measure is a mistake: nothing is signed off then.
            guard unknown.isEmpty else { return PublishOutcome(published: [], unknownMeasures: unknown) }
            var drafts = selection.values ? try drafts(in: selection) : []
            if !drafts.isEmpty {
                // Another officer signing off at the same moment may have taken some: only those this one updated count.
                let signed = Set(try session.rows("""
                    UPDATE observation_revision SET published_at = now()
                    WHERE id = ANY(\(drafts.map(\.id))::bigint[]) AND published_at IS NULL
                    RETURNING id
                    """).map { try $0.decode(Int64.self) })
                drafts.removeAll { !signed.contains($0.id) }
            }
            return PublishOutcome(
                published: drafts.map { found in
                    var published = found.draft
                    published.observation.isDraft = false
                    return published
                },
                approvedTargets: selection.targets ? try approveTargets(selection) : [],
                unknownMeasures: [])
        }
    }

    /// The latest version of each (measure, period) in `selection` that is a draft, with its row id, for the
    /// measures in the framework (a measure a re-import removed is shown nowhere: its drafts are neither listed
    /// nor signed off).
    private func drafts(in selection: PublishSelection) throws -> [(draft: Draft, id: Int64)] {
        let period = selection.exactPeriod
        let rows = try session.rows("""
            SELECT o.value, o.target, o.note, o.quality, m.code, o.period_kind, o.period_ordinal, o.changed_by, o.changed_at, o.id,
                   (SELECT p.value FROM revision p
                    WHERE p.measure_id = o.measure_id AND p.period_kind = o.period_kind
                      AND p.period_ordinal = o.period_ordinal AND p.published_at IS NOT NULL ORDER BY p.id DESC LIMIT 1),
                   m.frequency
            FROM observation_revision o JOIN measure m ON m.id = o.measure_id
            WHERE o.published_at IS NULL AND m.position IS NOT NULL
              AND o.id = (SELECT max(l.id) FROM revision l
                          WHERE l.measure_id = o.measure_id AND l.period_kind = o.period_kind AND l.period_ordinal = o.period_ordinal)
              AND (\(period == nil) OR (o.period_kind = \(period?.kind.rawValue ?? -1) AND o.period_ordinal = \(period?.ordinal ?? -1)))
              AND (cardinality(\(selection.measures)::text[]) = 0 OR lower(m.code) = ANY(\(selection.measures.map { $0.lowercased() })::text[]))
            ORDER BY m.code, o.period_kind, o.period_ordinal
            """)
        return try rows.compactMap { row in
            let (value, target, note, quality, code, kind, ordinal, by, at, id, published, frequency) = try row.decode(
                (Double?, Double?, String?, String?, String, Int, Int, String, Date, Int64, Double?, String).self)
            guard let period = Period(kindValue: kind, ordinal: ordinal), selection.allows(period, frequency: Frequency(rawValue: frequency))
            else { return nil }
            var observation = Observation(period: period, value: value, target: target, note: note, quality: quality.flatMap(DataQuality.init(rawValue:)))
            observation.isDraft = true
            let draft = Draft(measureCode: code, observation: observation, changedBy: by, changedAt: at, publishedValue: published)
            guard selection.wasSeen(SeenRevision(draft: draft)) else { return nil }
            return (draft, id)
        }
    }
}

extension PostgresStore {
    /// Takes the writing lock (`writing_lock`'s row) for this transaction's import, which every recording waits
    /// for. Given up for a plain refusal after ``lockWait`` (the server's 55P03: "the database is busy"), rather
    /// than waiting on whatever holds it for ever.
    func takeImportLock() throws {
        try waitForLocksAtMost()
        let taken = try session.rows("SELECT name FROM writing_lock WHERE name = 'import' FOR UPDATE")
        guard !taken.isEmpty else {
            throw PostgresStoreError.failed("the database's writing lock is missing: its owner runs `scorecard db init`")
        }
    }

    /// Takes this transaction's turn to record a value of a measure: its share of the writing lock (waiting
    /// while an import runs) and its measure's row (waiting for another writer of it), both through
    /// `scorecard_take_turn`, which no member may call; both end with the transaction.
    func takeWriterLocks(measureID: Int64) throws {
        try waitForLocksAtMost()
        _ = try session.rows("SELECT scorecard_take_turn(\(measureID))")
    }

    /// Sets this transaction's `lock_timeout` to ``lockWait``.
    private func waitForLocksAtMost() throws {
        try session.execute(PostgresQuery(unsafeSQL: "SET LOCAL lock_timeout = '\(Self.lockWait)'"))
    }

    /// How long a writer waits for a lock held by another before it gives up: well within the time the client
    /// waits for any answer (``PostgresSession/answerLimit``), so that the server's refusal is what is said.
    static let lockWait = "30s"
}
