import Foundation
import PostgresNIO
import ScorecardKit

extension PostgresStore {
    /// Proposes as the login: the database stamps the proposal with `session_user`, whatever `entry.by` says, and
    /// its row-level security refuses an owner's proposal for a measure they do not own.
    public func proposeTarget(_ entry: TargetEntry) throws -> TargetProposal? {
        try requireWriting()
        guard access.role != .member else {
            throw StoreError.notPermitted("\(login) is a member: members read published figures and propose nothing; nothing was written")
        }
        var entry = entry
        entry.by = login
        return try session.transaction {
            let code = String(entry.measure.trimmingCharacters(in: .whitespaces))
            let found = try measureForEntry(code: code)
            if let found { try requireOwning(found, doing: "proposes targets") }
            let change = try entry.validated { $0 == code ? found?.measure : nil }
            guard let found else { throw PostgresStoreError.failed("no measure \(code)") }
            let (kind, ordinal) = (change.period.kind.rawValue, change.period.ordinal)
            let carried = try session.rows("""
                SELECT target FROM revision WHERE measure_id = \(found.id) AND period_kind = \(kind) AND period_ordinal = \(ordinal)
                ORDER BY id DESC LIMIT 1
                """).first?.decode(Double?.self) ?? nil
            if let carried { throw change.carriedTargetProblem(carried, of: found.measure) }
            let standing = try session.rows("""
                SELECT (SELECT r.value FROM target_history r
                        WHERE r.measure_id = \(found.id) AND r.period_kind = \(kind) AND r.period_ordinal = \(ordinal)
                        ORDER BY r.id DESC LIMIT 1),
                       p.id IS NOT NULL, p.value, p.proposed_by
                FROM (SELECT 1) one LEFT JOIN LATERAL (
                  SELECT p.id, p.value, p.proposed_by FROM target_proposal p
                  WHERE p.measure_id = \(found.id) AND p.period_kind = \(kind) AND p.period_ordinal = \(ordinal)
                  ORDER BY p.id DESC LIMIT 1) p ON NOT EXISTS (SELECT FROM target_revision a WHERE a.proposal_id = p.id)
                """)
            let (current, isPending, pending, pendingBy) = try standing.first?.decode((Double?, Bool, Double?, String?).self) ?? (nil, false, nil, nil)
            // The same as what stands: the pending proposal, or with none pending the approved target.
            if isPending ? pending == change.value : current == change.value { return nil }
            let inserted = try session.rows("""
                INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value)
                VALUES (\(found.id), \(kind), \(ordinal), \(change.value))
                RETURNING proposed_by, proposed_at
                """)
            let (by, at) = try inserted.first?.decode((String, Date).self) ?? (login, Date())
            // A year's target does not judge the periods whose values came with targets of their own: say which.
            var latest: [(period: Period, target: Double?)] = []
            if change.period.kind == .financialYear {
                for row in try session.rows("""
                    SELECT DISTINCT ON (period_kind, period_ordinal) period_kind, period_ordinal, target FROM revision
                    WHERE measure_id = \(found.id) ORDER BY period_kind, period_ordinal, id DESC
                    """)
                {
                    let (kind, ordinal, target) = try row.decode((Int16, Int, Double?).self)
                    guard let kind = Period.Kind(rawValue: Int(kind)) else { continue }
                    latest.append((Period(kind: kind, ordinal: ordinal), target))
                }
            }
            return TargetProposal(
                measureCode: found.measure.code, period: change.period, value: change.value, current: current, proposedBy: by,
                proposedAt: at, periodsWithOwnTargets: TargetProposal.periodsWithOwnTargets(in: change.period, latest: latest),
                replacedProposal: isPending ? .init(value: pending, proposedBy: pendingBy ?? "") : nil)
        }
    }

    public func targetProposals() throws -> [TargetProposal] {
        guard !publishedOnly, access.role != .member else { return [] }
        return try targetProposals(in: .all).map(\.proposal)
    }

    /// Approves the proposals in `selection` (in the caller's transaction): each appends the target revision that
    /// names it, stamped with the login.
    func approveTargets(_ selection: PublishSelection) throws -> [TargetProposal] {
        let proposals = try targetProposals(in: selection)
        guard !proposals.isEmpty else { return [] }
        // Another officer approving at the same moment may have taken some: only those this one inserted count.
        let approved = Set(try session.rows("""
            INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
            SELECT measure_id, period_kind, period_ordinal, value, id FROM target_proposal
            WHERE id = ANY(\(proposals.map(\.id))::bigint[]) ORDER BY id
            ON CONFLICT (proposal_id) WHERE proposal_id IS NOT NULL DO NOTHING
            RETURNING proposal_id
            """).map { try $0.decode(Int64.self) })
        return proposals.filter { approved.contains($0.id) }.map(\.proposal)
    }

    /// The latest proposal for each (measure, period) in `selection` that awaits approval, with its row id (those
    /// this login may read).
    private func targetProposals(in selection: PublishSelection) throws -> [(proposal: TargetProposal, id: Int64)] {
        let period = selection.exactPeriod
        let rows = try session.rows("""
            SELECT p.id, m.code, p.period_kind, p.period_ordinal, p.value, p.proposed_by, p.proposed_at,
                   (SELECT r.value FROM target_history r WHERE r.measure_id = p.measure_id
                      AND r.period_kind = p.period_kind AND r.period_ordinal = p.period_ordinal ORDER BY r.id DESC LIMIT 1),
                   (SELECT o.target FROM revision o WHERE o.measure_id = p.measure_id
                      AND o.period_kind = p.period_kind AND o.period_ordinal = p.period_ordinal ORDER BY o.id DESC LIMIT 1)
            FROM target_proposal p JOIN measure m ON m.id = p.measure_id
            WHERE m.position IS NOT NULL
              AND p.id = (SELECT max(l.id) FROM target_proposal l WHERE l.measure_id = p.measure_id
                          AND l.period_kind = p.period_kind AND l.period_ordinal = p.period_ordinal)
              AND NOT EXISTS (SELECT FROM target_revision a WHERE a.proposal_id = p.id)
              AND (\(period == nil) OR (p.period_kind = \(period?.kind.rawValue ?? -1) AND p.period_ordinal = \(period?.ordinal ?? -1)))
              AND (cardinality(\(selection.measures)::text[]) = 0 OR lower(m.code) = ANY(\(selection.measures.map { $0.lowercased() })::text[]))
            ORDER BY m.code, p.period_kind, p.period_ordinal
            """)
        return try rows.compactMap { row in
            let (id, code, kind, ordinal, value, by, at, current, carried) = try row.decode(
                (Int64, String, Int, Int, Double?, String, Date, Double?, Double?).self)
            guard let period = Period(kindValue: kind, ordinal: ordinal), selection.covers(period) else { return nil }
            let proposal = TargetProposal(
                measureCode: code, period: period, value: value, current: current, proposedBy: by, proposedAt: at, carriedTarget: carried)
            guard selection.wasSeen(SeenRevision(proposal: proposal)) else { return nil }
            return (proposal, id)
        }
    }
}
