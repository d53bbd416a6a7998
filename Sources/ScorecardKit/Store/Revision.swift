import Foundation

/// One version of a measure's value for a period: what it became, who changed it, when, and what it replaced.
public struct Revision: Sendable, Equatable {
    public var measureCode: String
    /// The value, target, commentary and quality as this revision left them.
    public var observation: Observation
    public var changedBy: String
    public var changedAt: Date
    /// What the change came from: an import of the data files, or a value recorded by hand.
    public var source: RevisionSource
    /// The version this one replaced; `nil` for the first.
    public var replaced: Observation?
    /// Who signed this version off, and when; `nil` for a draft (``Observation/isDraft``) and for a version
    /// published as it was written (an import).
    public var signedOff: SignOff?
    /// The measure's unit and decimals, where the store gives them with the revision (a recording's), to say its
    /// figures as the dashboard shows them (`52.0%`, not `52`).
    public var unit: MeasureUnit?
    public var decimals: Int?

    public init(
        measureCode: String, observation: Observation, changedBy: String, changedAt: Date, source: RevisionSource,
        replaced: Observation?, signedOff: SignOff? = nil
    ) {
        self.signedOff = signedOff
        self.measureCode = measureCode
        self.observation = observation
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.source = source
        self.replaced = replaced
    }
}

/// Who signed a value off, and when.
public struct SignOff: Sendable, Equatable {
    public var by: String
    public var at: Date

    public init(by: String, at: Date) {
        self.by = by
        self.at = at
    }
}

/// Where a revision came from.
public enum RevisionSource: String, Sendable, CaseIterable {
    /// `scorecard import`: the council's data files.
    case `import`
    /// `scorecard record` or the dashboard's form.
    case record
}

/// One change to a measure's framework target for a period (or a financial year).
public struct TargetRevision: Sendable, Equatable {
    public var measureCode: String
    public var period: Period
    /// The new target; `nil` when the target was removed.
    public var value: Double?
    /// The target it replaced; `nil` for the first.
    public var replaced: Double?
    /// Who made the change (an import's officer, or the officer who approved a proposal), and when.
    public var changedBy: String
    public var changedAt: Date
    /// Who proposed it, and when, when it was an approved proposal.
    public var proposedBy: String?
    public var proposedAt: Date?

    public init(
        measureCode: String, period: Period, value: Double?, replaced: Double?, changedBy: String, changedAt: Date,
        proposedBy: String? = nil, proposedAt: Date? = nil
    ) {
        self.measureCode = measureCode
        self.period = period
        self.value = value
        self.replaced = replaced
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
    }
}
