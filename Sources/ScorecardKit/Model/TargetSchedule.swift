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
    /// A target set for one period (16 bytes: a ``Period`` is 8).
    public struct Entry: Sendable, Equatable {
        public var value: Double
        public let period: Period

        init(period: Period, value: Double) {
            self.value = value
            self.period = period
        }
    }

    /// The targets set, one per period (single periods, or financial years that apply to every period within
    /// them), ordered by kind and then ordinal. A sorted array rather than a dictionary: a look-up is a binary
    /// search of a few entries, and 50,000 measures' dictionaries took 19 MB.
    public private(set) var entries: [Entry] = []
    /// For cumulative measures: the cumulative share of the year's target due by each position in the year,
    /// in percent (`[10, 30, 60, 100]` for quarters). `nil` means an even profile.
    public var profile: [Double]?

    public init(byPeriod: [Period: Double] = [:], profile: [Double]? = nil) {
        entries = byPeriod.map { Entry(period: $0.key, value: $0.value) }.sorted { Self.precedes($0.period, $1.period) }
        self.profile = profile
    }

    /// The targets keyed by period.
    public var byPeriod: [Period: Double] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.period, $0.value) })
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Makes room for `count` targets in all, so that setting them one by one allocates once.
    public mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// The targets set, in the order of their periods' end dates (as files and revisions list them).
    public var chronological: [Entry] {
        entries.sorted { $0.period < $1.period }
    }

    /// The target set for exactly `period` (not one worked out from its year); setting `nil` removes it.
    public subscript(period: Period) -> Double? {
        get {
            let i = firstIndex(notBefore: period)
            return i < entries.count && entries[i].period == period ? entries[i].value : nil
        }
        set {
            let i = firstIndex(notBefore: period)
            let found = i < entries.count && entries[i].period == period
            switch (newValue, found) {
            case (let value?, true): entries[i].value = value
            case (let value?, false): entries.insert(Entry(period: period, value: value), at: i)
            case (nil, true): entries.remove(at: i)
            case (nil, false): break
            }
        }
    }

    /// The target for `period`, profiled when `cumulative` (see the type's documentation).
    public func target(for period: Period, cumulative: Bool) -> Double? {
        if let t = self[period] { return t }
        guard period.kind == .month || period.kind == .quarter,
            let annual = self[period.financialYear]
        else { return nil }
        guard cumulative else { return annual }
        return annual * share(at: period.positionInFinancialYear, of: period.kind.perYear)
    }

    /// The cumulative share (0...1) of the year's target due by `position` of `count` periods. A profile by quarter
    /// (4 shares) of a monthly measure spreads each quarter's share evenly over its months: 10/30/60/100 gives
    /// April 3.33%, May 6.67%, June 10%, July 16.67%.
    public func share(at position: Int, of count: Int) -> Double {
        guard let profile, profiles(count) else { return Double(position) / Double(count) }
        if profile.count == count { return profile[position - 1] / 100 }
        let quarter = (position - 1) / 3
        let before = quarter == 0 ? 0 : profile[quarter - 1]
        return (before + (profile[quarter] - before) * Double((position - 1) % 3 + 1) / 3) / 100
    }

    /// Whether the ``profile`` gives the shares of a year of `count` periods: one share each, or one a quarter of months.
    public func profiles(_ count: Int) -> Bool {
        guard let profile else { return false }
        return profile.count == count || (count == 12 && profile.count == 4)
    }

    /// Where `period` is, or would go, in ``entries``.
    private func firstIndex(notBefore period: Period) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(entries[mid].period, period) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The order of ``entries``: by kind, then ordinal (cheaper than `Period`'s order by end date, and as total).
    private static func precedes(_ a: Period, _ b: Period) -> Bool {
        a.kind != b.kind ? a.kind < b.kind : a.ordinal < b.ordinal
    }
}
