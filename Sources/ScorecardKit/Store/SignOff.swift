import Foundation

/// What a store lets this user do, as the store itself decides it (PostgreSQL from the login's roles; a
/// SQLite file from whether it can be written and whether only published figures were asked for).
public struct StoreAccess: Sendable, Equatable {
    /// The council role the login holds in a shared store; `nil` for a file, which cannot enforce roles.
    public var role: StoreRole?
    /// Whether only signed-off (published) values are seen: a member, or `--published`.
    public var seesPublishedOnly: Bool
    /// Whether values may be recorded (an owner's only for the measures they own: the store refuses others).
    public var canRecord: Bool
    /// Whether drafts may be signed off.
    public var canSignOff: Bool
    /// The name the store records writes under whatever the client says (a shared store's login); `nil` for a
    /// file, which records the name it is given (`--by`).
    public var recordsAs: String?

    public init(role: StoreRole?, seesPublishedOnly: Bool, canRecord: Bool, canSignOff: Bool, recordsAs: String? = nil) {
        self.role = role
        self.seesPublishedOnly = seesPublishedOnly
        self.canRecord = canRecord
        self.canSignOff = canSignOff
        self.recordsAs = recordsAs
    }
}

/// A council role in a shared store (a PostgreSQL group role `scorecard_ROLE`).
public enum StoreRole: String, Sendable, CaseIterable {
    /// A councillor: reads published values only, writes nothing.
    case member
    /// A service manager: reads their own measures' drafts, records values for the measures they own.
    case owner
    /// The performance team: imports, records and signs off for every measure.
    case officer
}

/// A value awaiting sign-off: the latest version of a measure's value for a period, recorded but not yet
/// published.
public struct Draft: Sendable, Equatable {
    public var measureCode: String
    public var observation: Observation
    /// Who recorded it, and when.
    public var changedBy: String
    public var changedAt: Date
    /// The published value it would replace, if any.
    public var publishedValue: Double?

    public init(measureCode: String, observation: Observation, changedBy: String, changedAt: Date, publishedValue: Double?) {
        self.measureCode = measureCode
        self.observation = observation
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.publishedValue = publishedValue
    }
}

/// Which drafts to sign off and target proposals to approve: every one, or those of one period and/or some measures.
public struct PublishSelection: Sendable, Hashable {
    /// Only drafts (and proposals) of this period or of periods within it (`--period 2026/27 Q3` signs off
    /// October to December too); `nil` for every period.
    public var period: Period?
    /// Only drafts (and proposals) of periods that end on this day, whatever their kind (`--period 31/03/2026`
    /// signs off March 2026, Q4 2025/26 and 2025/26); `nil` for any.
    public var endingOn: CivilDate?
    /// Only drafts of these measures (codes); empty for every measure.
    public var measures: [String]
    /// Whether draft values are signed off.
    public var values: Bool
    /// Whether proposed targets are approved.
    public var targets: Bool
    /// Only drafts of periods that have ended by this date (`nil`: any). Drafts of a period not of the
    /// measure's frequency are never signed off: only SQL written by hand makes them.
    public var endedBy: CivilDate?
    /// The drafts and proposals the signer saw (the dashboard's list): one newer than the one seen for its
    /// measure and period (recorded while the list was on screen) is not signed off, as it was not what was
    /// approved. `nil` (the command): the latest, whatever it is.
    public var seen: Set<SeenRevision>?

    public init(
        period: Period? = nil, endingOn: CivilDate? = nil, measures: [String] = [], values: Bool = true, targets: Bool = true,
        endedBy: CivilDate? = nil, seen: Set<SeenRevision>? = nil
    ) {
        self.period = period
        self.endingOn = endingOn
        self.measures = measures
        self.values = values
        self.targets = targets
        self.endedBy = endedBy
        self.seen = seen
    }

    /// Whether `revision` is one the signer saw (or the signer saw no list).
    public func wasSeen(_ revision: SeenRevision) -> Bool {
        seen?.contains(revision) ?? true
    }

    /// Whether a draft for `period` of a measure reported at `frequency` may be signed off: a period of that
    /// frequency (a quarter of a monthly measure is nonsense) that has ended by ``endedBy``.
    public func allows(_ period: Period, frequency: Frequency?) -> Bool {
        guard let frequency, period.kind == frequency.periodKind, covers(period) else { return false }
        return endedBy.map { period.hasEnded(by: $0) } ?? true
    }

    /// Whether `period` is the selection's period or within it (or the selection names none), and ends on its day.
    public func covers(_ period: Period) -> Bool {
        (self.period?.covers(period) ?? true) && (endingOn.map { period.endDate == $0 } ?? true)
    }

    /// The period a store may match exactly in its query: a month (nothing lies within one); `nil` when the
    /// rows must be read and kept by ``covers(_:)``.
    public var exactPeriod: Period? {
        guard let period, period.kind == .month else { return nil }
        return period
    }

    /// Every draft.
    public static let all = PublishSelection()
}

/// A draft or a proposed target as a signer saw it: whose, when, and its value, for its measure and period.
public struct SeenRevision: Hashable, Sendable {
    public var code: String
    public var period: Period
    public var value: Double?
    public var by: String
    public var at: Date

    public init(draft: Draft) {
        self.init(code: draft.measureCode, period: draft.observation.period, value: draft.observation.value, by: draft.changedBy, at: draft.changedAt)
    }

    public init(proposal: TargetProposal) {
        self.init(code: proposal.measureCode, period: proposal.period, value: proposal.value, by: proposal.proposedBy, at: proposal.proposedAt)
    }

    init(code: String, period: Period, value: Double?, by: String, at: Date) {
        self.code = code.lowercased()
        self.period = period
        self.value = value
        self.by = by
        self.at = at
    }
}

/// What a sign-off did.
public struct PublishOutcome: Sendable, Equatable {
    /// The drafts signed off, each now published.
    public var published: [Draft]
    /// The target proposals approved, each now its period's target.
    public var approvedTargets: [TargetProposal]
    /// Codes in the selection that name no measure (nothing is signed off when there are any).
    public var unknownMeasures: [String]

    public init(published: [Draft], approvedTargets: [TargetProposal] = [], unknownMeasures: [String]) {
        self.published = published
        self.approvedTargets = approvedTargets
        self.unknownMeasures = unknownMeasures
    }

    /// Whether nothing was signed off or approved.
    public var isEmpty: Bool { published.isEmpty && approvedTargets.isEmpty }
}
