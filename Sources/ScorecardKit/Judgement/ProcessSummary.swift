/// What a list row shows of a measure's process control: the last point's variation and the assurance against
/// the target, without the chart itself (its limits and special points, which only the measure's own screen and
/// reports draw).
///
/// Every judgement keeps one (two bytes); the whole ``ProcessControl`` is kept only where asked for (see
/// ``Evaluation/Outlooks``).
public struct ProcessSummary: Sendable, Equatable {
    /// The variation of the last point charted.
    public var variation: Variation
    /// Against the judged period's target; `nil` without a target or without polarity.
    public var assurance: Assurance?

    public init(variation: Variation, assurance: Assurance?) {
        self.variation = variation
        self.assurance = assurance
    }

    /// The summary of `control`.
    public init(_ control: ProcessControl) {
        self.init(variation: control.variation, assurance: control.assurance)
    }
}
