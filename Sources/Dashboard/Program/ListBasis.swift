import ScorecardKit

/// What a model's lists were worked out from, kept by ``DataService`` with those lists so that the next model
/// can start from them wherever they still hold (see ``DashboardModel/Lists``).
struct ListBasis {
    private let evaluations: [Period: Evaluation]
    private let drafts: [Draft]
    private let targetProposals: [TargetProposal]
    private let measureTexts: MeasureTexts
    private let today: CivilDate

    init(_ data: DashboardData) {
        evaluations = data.evaluations
        drafts = data.drafts
        targetProposals = data.targetProposals
        measureTexts = data.measureTexts
        today = data.today
    }

    /// The periods whose lists hold for `data` as well: none when the framework (its texts are made anew with
    /// it), the day or the drafts changed; otherwise each period judged in both whose measures agree.
    func periodsHolding(for data: DashboardData) -> Set<Period> {
        guard measureTexts === data.measureTexts, today == data.today, drafts == data.drafts,
            targetProposals == data.targetProposals
        else { return [] }
        return Set(evaluations.compactMap { period, old in
            data.evaluations[period].map { $0.listsAgree(with: old) } == true ? period : nil
        })
    }
}
