/// The RAG rule: how a value is judged against its target.
///
/// The *shortfall* is how far the value misses the target in the measure's polarity:
/// - higher is better: `target - value`;
/// - lower is better: `value - target`;
/// - within a band of half-width `w`: `|value - target| - w`.
///
/// A shortfall of zero or less is **on track**; a positive shortfall no greater than the tolerance
/// (inclusive: exactly on the boundary is within tolerance) is **within tolerance**; anything greater is
/// **off track**. With no tolerance any miss is off track. A measure with no target or no polarity is
/// **not judged**, and so is a value or target that is not a number within ±10^15 (``ValueLimits/sane``:
/// nothing that checks its input writes one, so only a damaged or hand-edited database holds it). Values are judged as members see them, rounded to the measure's decimal places, and
/// comparisons allow for binary floating-point error (one part in 10^9 of the target, and less than half the
/// last decimal place shown).
public enum Judge {
    /// The status of `value` against `target`, or `.notJudged` when there is no target or no polarity.
    public static func status(value: Double, target: Double?, polarity: Polarity, tolerance: Tolerance?, decimals: Int = 6)
        -> Status
    {
        guard let target, ValueLimits.insanity(of: value) == nil, ValueLimits.insanity(of: target) == nil,
            let miss = shortfall(value: rounded(value, decimals), target: target, polarity: polarity)
        else {
            return .notJudged
        }
        let slack = slack(target, decimals: decimals)
        if miss <= slack { return .onTrack }
        if let tolerance, miss <= tolerance.band(for: target) + slack { return .withinTolerance }
        return .offTrack
    }

    /// How far `value` misses `target` (zero or negative when it meets it); `nil` with no polarity.
    public static func shortfall(value: Double, target: Double, polarity: Polarity) -> Double? {
        switch polarity {
        case .higherIsBetter: target - value
        case .lowerIsBetter: value - target
        case .withinBand(let halfWidth): abs(value - target) - halfWidth
        case .none: nil
        }
    }

    /// `value` rounded half away from zero to `decimals` places.
    static func rounded(_ value: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<max(0, min(decimals, 9)) { scale *= 10 }
        return NumberText.roundedHalfAway(value * scale) / scale
    }

    static func epsilon(_ scale: Double) -> Double { 1e-9 * max(1, abs(scale)) }

    /// How much a miss may be and still count as none: binary floating-point error (one part in 10^9 of the
    /// target), never as much as half of the last decimal place members see. £999,999,999 against a target of
    /// £1,000,000,000 misses by £1, which one part in 10^9 of the target would have forgiven.
    static func slack(_ target: Double, decimals: Int) -> Double {
        var step = 0.5
        for _ in 0..<max(0, min(decimals, 9)) { step /= 10 }
        return min(epsilon(target), step)
    }

    static func nearlyEqual(_ a: Double, _ b: Double, scale: Double, decimals: Int) -> Bool {
        abs(a - b) <= slack(scale, decimals: decimals)
    }
}
