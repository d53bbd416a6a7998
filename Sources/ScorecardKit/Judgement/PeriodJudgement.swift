/// One period of a measure's history, judged on its own: what members see in a measure's table of periods.
public struct PeriodJudgement: Sendable, Equatable {
    public var period: Period
    /// The observation recorded for the period (its value may be missing).
    public var observation: Observation
    /// The target in force for the period.
    public var target: Double?
    /// The period's status; `nil` when its value is missing.
    public var status: Status?
}

extension Council {
    /// Every recorded period of a measure, latest first, each judged against its own target.
    public func history(ofMeasure index: Int) -> [PeriodJudgement] {
        let judgement = MeasureJudgement(measure: measures[index], observations: observations[index], index: index)
        return observations[index].reversed().map { observation in
            PeriodJudgement(
                period: observation.period, observation: observation, target: judgement.target(at: observation.period),
                status: judgement.status(at: observation.period))
        }
    }

    /// The target in force for a measure in `period` (the observation's own, else the schedule's).
    public func target(ofMeasure index: Int, in period: Period) -> Double? {
        MeasureJudgement(measure: measures[index], observations: observations[index], index: index).target(at: period)
    }
}
