import Foundation

extension StatusReport {
    /// A target proposed for one period of a measure, awaiting an officer's approval (`scorecard target`).
    public struct ProposedTarget: Sendable, Equatable, Encodable {
        /// The period, as the data files write it: `2026/27` (a financial year applies to each of its months
        /// or quarters), `2026/27 Q3`, `2026-10`.
        public var period: String
        /// The target proposed; `nil` proposes removing the period's target.
        public var target: Double?
        /// The period's target as approved now (set for exactly that period), if any.
        public var current: Double?
        /// Who proposed it.
        public var proposedBy: String
        /// When, in UTC: `2026-12-04T09:30:00Z`.
        public var proposedAt: String

        init(_ proposal: TargetProposal) {
            period = proposal.period.description
            target = proposal.value
            current = proposal.current
            proposedBy = proposal.proposedBy
            proposedAt = proposal.proposedAt.formatted(.iso8601)
        }

        enum CodingKeys: String, CodingKey {
            case period, target, current, proposedBy = "proposed_by", proposedAt = "proposed_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(period, forKey: .period)
            try container.encode(target.flatMap { $0.isFinite ? $0 : nil }, forKey: .target)
            try container.encode(current.flatMap { $0.isFinite ? $0 : nil }, forKey: .current)
            try container.encode(proposedBy, forKey: .proposedBy)
            try container.encode(proposedAt, forKey: .proposedAt)
        }
    }
}
