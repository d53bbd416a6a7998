import ScorecardKit
import ScorecardReports
import Testing

/// A small council whose every figure is worked out by hand in the comments, judged as at Q2 2026/27 on
/// 20 November 2026.
///
/// - P1 Homes for all: OUT-1 (annual, no target: not judged, 2.1 -> 2.4 improving); DP-1 with KBM-1 (Q1 80 and
///   Q2 70 against 100, 5% tolerance: off track twice, so "off track repeatedly", worsening) and KBI-2 (rough
///   sleepers, lower is better, counts people: Jul 5, Aug 3, Sep 2 against 6: on track; Aug and Sep withheld in
///   public), and an action due 30 June 2026 in progress: 143 days overdue.
/// - P2 A greener place: DP-2 with KBM-3 (Q1 51.2%, Q2 48.0% draft against 50%, 5% tolerance: at risk, worsening)
///   and KBI-4 (Jul 40, nothing for Aug or Sep: overdue since August's value was due by 30 September, 51 days).
enum ReportFixture {
    static let today = CivilDate(year: 2026, month: 11, day: 20) ?? CivilDate(dayNumber: 0)
    static let asAt = Period.quarter(2026, 2)

    static let commentary = "Two sites delayed by <weather> & \"rain\".\nWork restarts in October."

    static var council: Council {
        let q1 = Period.quarter(2026, 1)
        let q2 = Period.quarter(2026, 2)
        let (jul, aug, sep) = (Period.month(2026, 7), Period.month(2026, 8), Period.month(2026, 9))
        let measures = [
            Measure(
                code: "OUT-1", title: "Homes built per 1,000 households", owner: "R. Denby", tier: .outcome,
                unit: MeasureUnit("per 1,000"), decimals: 1, frequency: .annual, polarity: .higherIsBetter),
            Measure(
                code: "KBM-1", title: "Homes delivered", owner: "H. Marsh", tier: .kbm, frequency: .quarterly,
                targets: TargetSchedule(byPeriod: [q1: 100, q2: 100]), tolerance: .percent(5)),
            Measure(
                code: "KBI-2", title: "Rough sleepers", owner: "H. Marsh", frequency: .monthly, polarity: .lowerIsBetter,
                targets: TargetSchedule(byPeriod: [jul: 6, aug: 6, sep: 6]), smallNumbers: SmallNumbers(basis: .count)),
            Measure(
                code: "KBM-3", title: "Household waste recycled", owner: "K. Lee", tier: .kbm, unit: MeasureUnit("%"),
                decimals: 1, frequency: .quarterly, targets: TargetSchedule(byPeriod: [q1: 50, q2: 50]),
                tolerance: .percent(5)),
            Measure(
                code: "KBI-4", title: "Missed bin collections", owner: "K. Lee", frequency: .monthly,
                polarity: .lowerIsBetter, targets: TargetSchedule(byPeriod: [jul: 50, aug: 50, sep: 50])),
        ]
        var draft = Observation(period: q2, value: 48.0, note: "Provisional: contamination at the depot.")
        draft.isDraft = true
        let observations: [[Observation]] = [
            [Observation(period: .financialYear(2024), value: 2.1), Observation(period: .financialYear(2025), value: 2.4)],
            [Observation(period: q1, value: 80), Observation(period: q2, value: 70, note: commentary)],
            [Observation(period: jul, value: 5), Observation(period: aug, value: 3), Observation(period: sep, value: 2)],
            [Observation(period: q1, value: 51.2), draft],
            [Observation(period: jul, value: 40)],
        ]
        let plan = CouncilPlan(
            council: "Testham Borough Council", title: "Council Plan 2025-2029",
            priorities: [
                Priority(
                    code: "P1", title: "Homes for all", lead: "Cllr A. Smith", description: "Everyone has a home.",
                    measures: [0],
                    plans: [
                        DeliveryPlan(
                            code: "DP-1", title: "Housing delivery", owner: "H. Marsh", measures: [1, 2],
                            actions: [
                                Action(
                                    title: "Open the new hostel", owner: "J. Doe", due: CivilDate(year: 2026, month: 6, day: 30),
                                    progress: .inProgress, percentComplete: 40),
                                Action(
                                    title: "Agree the allocations policy", owner: "J. Doe",
                                    due: CivilDate(year: 2027, month: 1, day: 31), progress: .inProgress, percentComplete: 10),
                            ]),
                    ]),
                Priority(
                    code: "P2", title: "A greener place", lead: "Cllr B. Jones",
                    plans: [DeliveryPlan(code: "DP-2", title: "Waste", owner: "K. Lee", measures: [3, 4])]),
            ])
        return Council(plan: plan, measures: measures, observations: observations)
    }

    static func report(_ options: ReportOptions = ReportOptions(produced: today)) -> CommitteeReport {
        let council = council
        return CommitteeReport(council: council, evaluation: council.evaluate(asAt: asAt, today: today), options: options)
    }

    static func options(
        audience: ReportAudience = .committee, scope: ReportScope = .wholePlan, exceptionsOnly: Bool = false
    ) -> ReportOptions {
        ReportOptions(audience: audience, scope: scope, exceptionsOnly: exceptionsOnly, produced: today)
    }
}
