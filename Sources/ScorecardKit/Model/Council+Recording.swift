extension Council {
    /// The period a value is now wanted for, as at the judged period `judged`: the one ``nextPeriod(forMeasure:judged:today:)``
    /// names (`status`'s `next_period`, the dashboard's "next due"; with September missing and October in,
    /// September), when it has ended by `today`; else the latest ended period when the measure has no value yet,
    /// and `nil` when every period that has ended has its value.
    public func periodDue(forMeasure m: Int, judged: Period?, today: CivilDate) -> Period? {
        let latestEnded = Period.latestEnded(kind: measures[m].frequency.periodKind, by: today)
        guard observations[m].contains(where: { $0.value != nil }) else { return latestEnded }
        guard let next = nextPeriod(forMeasure: m, judged: judged, today: today), next <= latestEnded else { return nil }
        return next
    }

    /// The value recorded for measure `m` just before `period`, with its period: what a new value is compared with.
    public func previousValue(ofMeasure m: Int, before period: Period) -> (period: Period, value: Double)? {
        guard let observation = observations[m].last(where: { $0.period < period && $0.value != nil }),
            let value = observation.value
        else { return nil }
        return (observation.period, value)
    }
}

extension Period {
    /// The latest period of `kind` that has ended by `date` (the one before the period containing it).
    public static func latestEnded(kind: Kind, by date: CivilDate) -> Period {
        containing(date, kind: kind).previous
    }
}
