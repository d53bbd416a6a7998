/// How often a measure is reported.
public enum Frequency: String, Sendable, CaseIterable, Codable {
    case monthly
    case quarterly
    /// Once a financial year (April to March).
    case annual
    /// Once a calendar year, as national datasets publish.
    case calendarYear = "calendar-year"

    /// How often, as a sentence says it: "KBI-01 is reported monthly", "OUT-03 is reported annually".
    public var adverb: String {
        switch self {
        case .monthly: "monthly"
        case .quarterly: "quarterly"
        case .annual: "annually (by financial year)"
        case .calendarYear: "by calendar year"
        }
    }

    /// The kind of period a value of this frequency is recorded against.
    public var periodKind: Period.Kind {
        switch self {
        case .monthly: .month
        case .quarterly: .quarter
        case .annual: .financialYear
        case .calendarYear: .calendarYear
        }
    }

    /// Days after a period ends by which its value is due, unless the measure says otherwise.
    public var defaultLagDays: Int {
        switch self {
        case .monthly: 30
        case .quarterly: 45
        case .annual, .calendarYear: 90
        }
    }
}

/// Which way is better for a measure.
public enum Polarity: Sendable, Equatable {
    case higherIsBetter
    case lowerIsBetter
    /// Closest to the target is best: within `halfWidth` either side of it is on track.
    case withinBand(halfWidth: Double)
    /// A contextual measure: tracked, never judged.
    case none

    /// The word the data files use: `higher`, `lower`, `band`, `none`.
    public var keyword: String {
        switch self {
        case .higherIsBetter: "higher"
        case .lowerIsBetter: "lower"
        case .withinBand: "band"
        case .none: "none"
        }
    }

    /// Plain words for members: "Higher is better".
    public var label: String {
        switch self {
        case .higherIsBetter: "Higher is better"
        case .lowerIsBetter: "Lower is better"
        case .withinBand(let w): w == 0 ? "Closest to target is best" : "Within ±\(formatPlain(w)) of target is best"
        case .none: "No polarity (contextual)"
        }
    }
}

/// The three tiers of the framework (Warwickshire's model).
public enum Tier: String, Sendable, CaseIterable, Codable {
    /// Broad conditions the council influences but does not control.
    case outcome
    /// Key Business Measures: strategic, with targets, reported to Cabinet.
    case kbm
    /// Key Business Indicators: operational, for services.
    case kbi

    public var label: String {
        switch self {
        case .outcome: "Outcome measure"
        case .kbm: "Key Business Measure"
        case .kbi: "Key Business Indicator"
        }
    }
}

/// Where a measure is in its life.
public enum MeasureLifecycle: String, Sendable, CaseIterable, Codable {
    case active
    /// Defined, but without data or a target yet.
    case inDevelopment = "in-development"
    case retired

    /// Why a value cannot be recorded for the measure `code` in this state, or `nil` when it can (active): a
    /// value recorded for a retired or in-development measure would be kept but shown nowhere.
    public func recordingProblem(code: String) -> String? {
        switch self {
        case .active: nil
        case .retired: "\(code.excerpt()) is retired: values are no longer recorded for it"
        case .inDevelopment:
            "\(code.excerpt()) is in development, not yet collected: make its status active in the framework to record values"
        }
    }
}

/// How far a value can be trusted.
public enum DataQuality: String, Sendable, CaseIterable, Codable {
    case provisional
    case estimated
    case validated

    /// The quality `written` names, in any case: its word, or the word's first three letters or more, with or
    /// without a full stop, as screens shorten it (`prov.`, `est`, `Valid`); `nil` for anything else.
    public init?(written: some StringProtocol) {
        var word = written.trimmingWhitespace().lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        guard word.count >= 3, let quality = Self.allCases.first(where: { $0.rawValue.hasPrefix(word) }) else { return nil }
        self = quality
    }
}

/// How far a value may miss its target and still count as within tolerance.
public enum Tolerance: Sendable, Equatable {
    /// In the measure's own unit: `2` means two points either side.
    case absolute(Double)
    /// A percentage of the target: `5%` of a target of 90 is 4.5.
    case percent(Double)

    /// The allowed shortfall for a target.
    public func band(for target: Double) -> Double {
        switch self {
        case .absolute(let a): abs(a)
        case .percent(let p): abs(target) * abs(p) / 100
        }
    }

    /// As the data files write it: `2` or `5%`.
    public var text: String {
        switch self {
        case .absolute(let a): formatPlain(a)
        case .percent(let p): "\(formatPlain(p))%"
        }
    }
}

/// A number without trailing zeros or an exponent, as few digits as read back as the same number: `4.5`, `5`,
/// `0.25`, `0.0000155` (Swift would write `1.55e-05`, which a spreadsheet's reader may not take as a number). A
/// number no measure means, below 10^-9 or from 10^21 (a spreadsheet's float noise, a damaged database), keeps
/// its exponent: `1e-300` written out is 300 digits.
public func formatPlain(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int(x)) }  // Every whole number below 2^53 is exact.
    let text = String(x)
    guard x.isFinite, abs(x) >= 1e-9, abs(x) < 1e21, let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
        return text
    }
    let mantissa = text[..<e]
    let negative = mantissa.hasPrefix("-")
    let unsigned = negative ? mantissa.dropFirst() : mantissa
    let digits = unsigned.filter { $0 != "." }
    let point = (unsigned.firstIndex(of: ".").map { unsigned.distance(from: unsigned.startIndex, to: $0) } ?? unsigned.count) + exponent
    let expanded: String
    if point <= 0 {
        expanded = "0." + String(repeating: "0", count: -point) + digits
    } else if point >= digits.count {
        expanded = digits + String(repeating: "0", count: point - digits.count)
    } else {
        expanded = digits.prefix(point) + "." + digits.dropFirst(point)
    }
    return (negative ? "-" : "") + expanded
}
