/// A measure's targets: for single periods, for whole financial years, or both.
///
/// The target for a period is, in order:
/// 1. a target set for that very period (`2024-05: 92`);
/// 2. the target for its financial year (`2024/25: 90`). A non-cumulative measure aims at the year's
///    target in every period. A cumulative (year-to-date) measure aims at the year's target by year end and
///    at a *profiled* share of it before then: by default an even share (Q2 aims at 2/4 of the year), or the
///    share the ``profile`` gives for that position in the year.
/// An observation may carry its own target, which overrides both (see ``Observation/target``).
public struct TargetSchedule: Sendable, Equatable {
    /// Targets keyed by period: single periods, or financial years that apply to every period within them.
    public var byPeriod: [Period: Double]
    /// For cumulative measures: the cumulative share of the year's target due by each position in the year,
    /// in percent (`[10, 30, 60, 100]` for quarters). `nil` means an even profile.
    public var profile: [Double]?

    public init(byPeriod: [Period: Double] = [:], profile: [Double]? = nil) {
        self.byPeriod = byPeriod
        self.profile = profile
    }

    public var isEmpty: Bool { byPeriod.isEmpty }

    /// The target for `period`, profiled when `cumulative` (see the type's documentation).
    public func target(for period: Period, cumulative: Bool) -> Double? {
        if let t = byPeriod[period] { return t }
        guard period.kind == .month || period.kind == .quarter,
            let annual = byPeriod[period.financialYear]
        else { return nil }
        guard cumulative else { return annual }
        return annual * share(at: period.positionInFinancialYear, of: period.kind.perYear)
    }

    /// The cumulative share (0...1) of the year's target due by `position` of `count` periods.
    public func share(at position: Int, of count: Int) -> Double {
        if let profile, profile.count == count { return profile[position - 1] / 100 }
        return Double(position) / Double(count)
    }
}
