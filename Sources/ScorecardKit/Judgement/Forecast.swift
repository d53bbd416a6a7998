/// Where a measure's financial year is heading: a projected year-end value against the year's target.
///
/// Made for monthly and quarterly measures with a year-end target: cumulative (year-to-date) measures, and
/// others with a target for the whole year. From the latest value of the year up to the judged period:
/// - cumulative, with a profile: the year-to-date value over the profile's share for that point of the year;
/// - cumulative, without one: the run rate, the year-to-date value × periods in the year ÷ periods so far;
/// - not cumulative: the average of the year's values so far (the rate the year runs at; a straight line through
///   a few noisy values would swing too far to warn on).
/// The projection stays within the measure's limits (0-100 for a percentage). It misses when it is worse than the
/// target in the measure's polarity (after rounding to the measure's decimals), and is judged as a value would be:
/// once half the year has passed, and until its last period, a projection off track (missing by more than the
/// tolerance) raises an alert.
public struct Forecast: Sendable, Equatable {
    /// How the year-end value was projected.
    public enum Method: String, Sendable, Equatable {
        case runRate = "run rate"
        case profile
        case averageSoFar = "average of the year so far"
    }

    /// The financial year forecast.
    public var year: Period
    /// The period of the latest value the forecast is made from.
    public var basis: Period
    /// How many of the year's periods have passed (the basis's position) and how many it has.
    public var position: Int
    public var periodsInYear: Int
    public var value: Double
    /// The year-end target.
    public var target: Double
    public var method: Method
    /// Whether the projection is worse than the target (outside the band, for a band); `nil` for a measure with no
    /// better direction.
    public var misses: Bool?
    /// How far the projection, rounded as members see it, falls short of the target, when it misses.
    public var shortfall: Double?
    /// The projection's status against the target, with the measure's tolerance.
    public var status: Status

    /// Whether the forecast raises an alert: off track, with half the year or more gone but not all of it.
    public var warns: Bool {
        status == .offTrack && position * 2 >= periodsInYear && position < periodsInYear
    }
}

extension MeasureJudgement {
    /// The forecast as at `period`; `nil` when the measure has no year-end target or no value this year.
    func forecast(at period: Period) -> Forecast? {
        let kind = period.kind
        guard kind == .month || kind == .quarter else { return nil }
        let perYear = kind.perYear
        let lastOfYear = period.advanced(by: perYear - period.positionInFinancialYear)
        let year = period.financialYear
        guard !withholdsAValue(in: observations.lazy.filter { $0.period.financialYear == year && $0.period <= period }) else { return nil }
        guard !measure.cumulative ? measure.targets[year] != nil : true,
            // A cumulative measure aims at what its last period will be judged against: that period's own target
            // (a value row's, else the framework's), else its share of the year's.
            let target = measure.cumulative ? target(at: lastOfYear) : measure.targets[year],
            target.isFinite
        else { return nil }
        var basis: Period?
        var yearValues: [Double] = []
        var p = period
        while p.financialYear == year {
            if let v = value(at: p) {
                if basis == nil { basis = p }
                yearValues.append(v)
            }
            if p.positionInFinancialYear == 1 { break }
            p = p.previous
        }
        // No forecast from a figure beyond what can be taken (only a database edited by hand holds one: 1e308 was
        // clamped to a forecast of 100%), as none is judged from one.
        guard let basis, let latest = value(at: basis), yearValues.allSatisfy({ ValueLimits.insanity(of: $0) == nil }) else { return nil }
        let position = basis.positionInFinancialYear
        var projected: Double
        let method: Forecast.Method
        if measure.cumulative {
            if measure.targets.profiles(perYear) {
                // The year-to-date value over its share, scaled to the share due by the year's end (100% unless
                // the profile says otherwise).
                let share = measure.targets.share(at: position, of: perYear)
                guard share > 0 else { return nil }
                projected = latest / share * measure.targets.share(at: perYear, of: perYear)
                method = .profile
            } else {
                projected = latest * Double(perYear) / Double(position)
                method = .runRate
            }
        } else {
            projected = XmRChart.mean(yearValues)
            method = .averageSoFar
        }
        guard projected.isFinite else { return nil }
        // No further than the measure's values can go (a percentage stays within 0-100).
        let limits = measure.valueLimits
        if let minimum = limits.minimum { projected = max(projected, minimum) }
        if let maximum = limits.maximum { projected = min(projected, maximum) }
        var misses: Bool?
        var shortfall: Double?
        if measure.polarity != .none,
            let rounded = Judge.shortfall(value: Judge.rounded(projected, measure.decimals), target: target, polarity: measure.polarity)
        {
            misses = rounded > Judge.slack(target, decimals: measure.decimals)
            // The miss of the projection as members see it, in the decimals that write it (99.9% shown against
            // 99.95% is 0.05 short, not 0.03; 14 shown against 12 is 2, not 2.4000000000000004).
            let places = max(measure.decimals, NumberText.places(toShow: target, decimals: measure.decimals))
            shortfall = misses == true ? Judge.rounded(rounded, places) : nil
        }
        let status = Judge.status(
            value: projected, target: target, polarity: measure.polarity, tolerance: measure.tolerance, decimals: measure.decimals)
        return Forecast(
            year: year, basis: basis, position: position, periodsInYear: perYear, value: projected, target: target,
            method: method, misses: misses, shortfall: shortfall, status: status)
    }
}
