/// Where a store's history of changes stands: the latest revision of a value and of a target, and the
/// framework's stamp. Taken with ``CouncilStore/changeMark()`` and compared by ``CouncilStore/changes(since:)``.
public struct ChangeMark: Sendable, Hashable {
    /// The id of the latest value revision.
    public var observationRevision: Int64
    /// The id of the latest framework target revision.
    public var targetRevision: Int64
    /// Who last changed the framework, and when.
    public var framework: String
    /// The number of the latest sign-off (values signed off change what members see without a new revision).
    public var signOff: Int64
    /// The id of the latest target proposal (a proposal changes the list awaiting approval, not the figures).
    public var targetProposal: Int64

    public init(observationRevision: Int64, targetRevision: Int64, framework: String, signOff: Int64 = 0, targetProposal: Int64 = 0) {
        self.observationRevision = observationRevision
        self.targetRevision = targetRevision
        self.framework = framework
        self.signOff = signOff
        self.targetProposal = targetProposal
    }
}

/// What changed in a store since a ``ChangeMark``.
public struct StoreChanges: Sendable, Hashable {
    /// Where the store stands now.
    public var mark: ChangeMark
    /// The codes of the measures with a new value revision, a value signed off or a target proposed.
    public var measures: Set<String>
    /// Whether the framework or a framework target changed (the plan and measures must be read again).
    public var frameworkChanged: Bool

    public init(mark: ChangeMark, measures: Set<String>, frameworkChanged: Bool) {
        self.mark = mark
        self.measures = measures
        self.frameworkChanged = frameworkChanged
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { measures.isEmpty && !frameworkChanged }
}

/// One measure's current observations as a store holds them: all of them, with commentary and quality,
/// or only the latest values and targets.
public struct MeasureObservations: Sendable, Equatable {
    /// Sorted by period, the latest revision of each.
    public var observations: ObservationSeries
    /// The earliest period held when earlier ones exist in the store; `nil` when these are all of them.
    public var loadedFrom: Period?
    /// Whether the observations carry their commentary and quality.
    public var isDetailed: Bool

    public init(observations: ObservationSeries, loadedFrom: Period?, isDetailed: Bool) {
        self.observations = observations
        self.loadedFrom = loadedFrom
        self.isDetailed = isDetailed
    }

    public init(observations: [Observation], loadedFrom: Period?, isDetailed: Bool) {
        self.init(observations: ObservationSeries(observations), loadedFrom: loadedFrom, isDetailed: isDetailed)
    }
}
