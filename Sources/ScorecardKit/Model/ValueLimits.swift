/// The values a measure may take: what the framework's `min` and `max` say, else what its unit implies.
///
/// - A percentage (`%`) is 0 to 100 and a count (`number`) is 0 or more, unless the measure says otherwise.
/// - Every number, whatever the measure, lies within ±``sane`` (10^15): a value beyond it is a typing or
///   export error (`1e19`), and it could not be drawn or totalled faithfully anyway. A number other than 0
///   is at least ``tiny`` in size: `1e-400` is a slip, and no table could show it apart from 0.
///
/// Values and targets are checked against these limits wherever they come in (the dashboard's form, `record`,
/// `target`, import); tolerances only against ``sane``.
public struct ValueLimits: Sendable, Equatable {
    /// The largest magnitude any number may have.
    public static let sane = 1e15
    /// The smallest magnitude a number other than 0 may have.
    public static let tiny = 1e-300

    /// The smallest value allowed (inclusive); `nil` for no limit but ``sane``.
    public var minimum: Double?
    /// The largest value allowed (inclusive); `nil` for no limit but ``sane``.
    public var maximum: Double?

    public init(minimum: Double? = nil, maximum: Double? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Why `value` is refused, or `nil` when it is allowed: a message naming the limit, written with `format`.
    public func problem(with value: Double, format: (Double) -> String) -> String? {
        if let problem = Self.insanity(of: value) { return problem }
        // A value that `format` rounds onto the limit is written in full: "0 is below the minimum of 0" for
        // -0.0000001 read as a contradiction.
        func written(_ limit: Double) -> String {
            let shown = format(value)
            return shown == format(limit) || NumberParser.parse(shown) == limit ? "\(value)" : shown
        }
        if let minimum, value < minimum {
            return "\(written(minimum)) is below this measure's minimum of \(format(minimum))"
        }
        if let maximum, value > maximum {
            return "\(written(maximum)) is above this measure's maximum of \(format(maximum))"
        }
        return nil
    }

    /// Whether `value` is allowed: ``problem(with:format:)`` without the message (checked on every row of a file).
    public func allows(_ value: Double) -> Bool {
        guard value.isFinite, abs(value) <= Self.sane, value == 0 || abs(value) >= Self.tiny else { return false }
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }

    /// Why a number cannot be taken at all (not finite, or beyond ±``sane``), or `nil` when it can.
    public static func insanity(of value: Double) -> String? {
        let range = "numbers must lie within ±1,000,000,000,000,000"
        guard !value.isNaN else { return "the number is not a number" }
        guard value.isFinite else { return "the number is out of range (\(range))" }
        guard abs(value) <= sane else { return "\(String(value)) is out of range (\(range))" }
        guard value == 0 || abs(value) >= tiny else {
            return "the number is too close to 0 to tell from it (other than 0, numbers must be at least 1e-300 in size)"
        }
        return nil
    }
}

extension Measure {
    /// The limits the measure's values are checked against: its own `min` and `max`, else 0 to 100 for a
    /// percentage and 0 or more for a count.
    public var valueLimits: ValueLimits {
        ValueLimits(
            minimum: minimum ?? (unit.isPercentage || unit.isCount ? 0 : nil),
            maximum: maximum ?? (unit.isPercentage ? 100 : nil))
    }

    /// Why `value` cannot be recorded for this measure, naming the limit, or `nil` when it can.
    public func problem(withValue value: Double) -> String? {
        // Written with as many decimals as the value has (up to 6), so 100.01 is never shown as 100.0 beside a
        // maximum of 100.0.
        // The unit and decimals alone captured, not the whole measure.
        let (unit, decimals) = (unit, decimals)
        let exact = { (x: Double) in
            let plain = formatPlain(x)
            let places = plain.firstIndex(of: ".").map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
            return unit.format(x, decimals: max(decimals, min(places, 6)))
        }
        guard let problem = valueLimits.problem(with: value, format: exact) else { return nil }
        guard minimum == nil, maximum == nil, ValueLimits.insanity(of: value) == nil else { return problem }
        let kind = unit.isPercentage ? "a percentage" : "a count"
        // 9,750% is 97.5 in a spreadsheet's cell formatted as a percentage, which shows a hundred times what it holds.
        if unit.isPercentage, value >= 1_000, valueLimits.allows(value / 100) {
            let held = formatPlain((value / 100).withoutBinaryNoise), fraction = formatPlain((value / 10_000).withoutBinaryNoise)
            return problem + " (a percentage: \(held)% meant? Give \(held); in a spreadsheet, a cell formatted as a percentage shows "
                + "\(held) a hundred times over: enter \(fraction) there, or format the cell as a number)"
        }
        return problem + " (\(kind); give the measure a min and max (in framework.yaml, measures.csv or the Measures sheet) to allow other values)"
    }
}

extension Int {
    /// The whole number nearest `value`'s integer part, held within `Int`'s range: never traps, whatever the
    /// value (not a number gives 0). For drawing, where a position must come out of any value.
    public init(saturating value: Double) {
        if value.isNaN {
            self = 0
        } else if value >= 9.2e18 {
            self = .max
        } else if value <= -9.2e18 {
            self = .min
        } else {
            self = Int(value)
        }
    }
}

extension Double {
    /// Where `self` lies between `low` and `high`, as a fraction (0 at `low`, 1 at `high`), computed on halves so
    /// that no finite input overflows; 0.5 when the range is empty or not finite.
    public func fraction(between low: Double, and high: Double) -> Double {
        let span = high / 2 - low / 2
        guard span > 0, span.isFinite, isFinite else { return 0.5 }
        return (self / 2 - low / 2) / span
    }
}
