extension Council {
    /// The period a value is now wanted for: the earliest period that has ended since the measure's latest
    /// value (the latest ended period when it has none yet); `nil` when the latest ended period has its value.
    public func periodDue(forMeasure m: Int, today: CivilDate) -> Period? {
        let kind = measures[m].frequency.periodKind
        let latestEnded = Period.latestEnded(kind: kind, by: today)
        guard let latestRecorded = observations[m].last(where: { $0.value != nil })?.period else { return latestEnded }
        let next = latestRecorded.next
        return next <= latestEnded ? next : nil
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
