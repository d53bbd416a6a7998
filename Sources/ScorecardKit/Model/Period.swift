/// A reporting period: a calendar month, a financial quarter, a UK financial year or a calendar year.
///
/// UK councils work in financial years from 1 April to 31 March, written `2024/25`; quarters are
/// financial (Q1 = April to June ... Q4 = January to March), written `2024/25 Q1`.
///
/// A period is stored as its ``Kind`` and an ordinal that counts periods of that kind, so stepping
/// back and forth and comparing two periods of one kind is integer arithmetic:
/// - month: `year * 12 + (month - 1)`
/// - quarter: `financialYearStart * 4 + (quarter - 1)`
/// - financial year: the calendar year it starts in (`2024` for `2024/25`)
/// - calendar year: the year
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The kinds of period councils report on.
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case month, quarter, financialYear, calendarYear

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How many periods of this kind make a year.
        public var perYear: Int {
            switch self {
            case .month: 12
            case .quarter: 4
            case .financialYear, .calendarYear: 1
            }
        }
    }

    public let kind: Kind
    /// The ordinal in 32 bits, so that a period takes 8 bytes, not 16: periods are in every judgement, chart,
    /// forecast and row of a list, and a large council holds hundreds of thousands of them. 32 bits count
    /// months for over a hundred million years either way.
    private let storedOrdinal: Int32

    /// The position of this period in the sequence of periods of its kind (see the type's documentation).
    public var ordinal: Int { Int(storedOrdinal) }

    public init(kind: Kind, ordinal: Int) {
        self.kind = kind
        storedOrdinal = Int32(clamping: ordinal)
    }

    /// The years a period read from outside (a database, say) may fall in; the program's date arithmetic is
    /// exact far beyond them, and no council reports outside them.
    public static let saneYears = 1000...9999
    /// The earliest year a period written as text may be in: no council's figures are older, and a typed
    /// `1025-01` (for 2025-01) would otherwise load as a month nine centuries ago.
    public static let earliestYear = 1900

    /// The period, if it falls within ``saneYears``; `nil` for a kind or ordinal no data file could have made.
    public init?(kindValue: Int, ordinal: Int) {
        guard let kind = Kind(rawValue: kindValue), ordinal >= Self.saneYears.lowerBound * kind.perYear,
            ordinal <= Self.saneYears.upperBound * kind.perYear
        else { return nil }
        self.init(kind: kind, ordinal: ordinal)
    }

    /// A calendar month; `month` is 1 to 12.
    public static func month(_ year: Int, _ month: Int) -> Period {
        precondition((1...12).contains(month), "month must be 1 to 12")
        return Period(kind: .month, ordinal: year * 12 + month - 1)
    }

    /// A financial quarter; `financialYear` is the calendar year the financial year starts in
    /// (`2024` for `2024/25`), `quarter` is 1 to 4.
    public static func quarter(_ financialYear: Int, _ quarter: Int) -> Period {
        precondition((1...4).contains(quarter), "quarter must be 1 to 4")
        return Period(kind: .quarter, ordinal: financialYear * 4 + quarter - 1)
    }

    /// A financial year, named by the calendar year it starts in (`2024` for `2024/25`).
    public static func financialYear(_ startYear: Int) -> Period {
        Period(kind: .financialYear, ordinal: startYear)
    }

    /// A calendar year.
    public static func calendarYear(_ year: Int) -> Period {
        Period(kind: .calendarYear, ordinal: year)
    }

    // MARK: Parts

    /// The calendar year of a month or a calendar year; the starting year of a quarter's or a financial year's
    /// financial year.
    public var year: Int {
        switch kind {
        case .month: Self.floorDiv(ordinal, 12)
        case .quarter: financialYearStart
        case .financialYear, .calendarYear: ordinal
        }
    }

    /// 1 to 12 for a month, 1 to 4 for a quarter, 1 for a year.
    public var number: Int {
        switch kind {
        case .month: Self.floorMod(ordinal, 12) + 1
        case .quarter: Self.floorMod(ordinal, 4) + 1
        case .financialYear, .calendarYear: 1
        }
    }

    /// The calendar year in which this period's financial year starts.
    ///
    /// January to March 2025 belong to the financial year 2024/25. A calendar year straddles two
    /// financial years and is given the one that starts in it.
    public var financialYearStart: Int {
        switch kind {
        case .month: number >= 4 ? year : year - 1
        case .quarter: Self.floorDiv(ordinal, 4)
        case .financialYear, .calendarYear: ordinal
        }
    }

    /// The financial year this period belongs to (a financial year is its own).
    public var financialYear: Period { .financialYear(financialYearStart) }

    /// The position of this period within its financial year: 1 to 12 for months (April is 1),
    /// 1 to 4 for quarters, 1 for years.
    public var positionInFinancialYear: Int {
        switch kind {
        case .month: Self.floorMod(number - 4, 12) + 1
        case .quarter: number
        case .financialYear, .calendarYear: 1
        }
    }

    // MARK: Stepping

    /// The period `count` periods later (earlier when negative).
    public func advanced(by count: Int) -> Period { Period(kind: kind, ordinal: ordinal + count) }

    /// The period before this one: March before April, Q4 of the year before Q1.
    public var previous: Period { advanced(by: -1) }

    /// The period after this one.
    public var next: Period { advanced(by: 1) }

    /// The same period a year earlier (for seasonal comparisons).
    public var sameLastYear: Period { advanced(by: -kind.perYear) }

    // MARK: Dates

    /// The first day of the period.
    public var startDate: CivilDate {
        switch kind {
        case .month: CivilDate(valid: year, number, 1)
        case .quarter: CivilDate(valid: firstMonthYear, firstMonth, 1)
        case .financialYear: CivilDate(valid: ordinal, 4, 1)
        case .calendarYear: CivilDate(valid: ordinal, 1, 1)
        }
    }

    /// The last day of the period.
    public var endDate: CivilDate {
        next.startDate.adding(days: -1)
    }

    private var firstMonth: Int { Self.floorMod(3 * (number - 1) + 3, 12) + 1 }
    private var firstMonthYear: Int { number == 4 ? financialYearStart + 1 : financialYearStart }

    /// Whether the period is over on `date`: its last day is before it. A value can be recorded only for a
    /// period that has ended (a target may be set ahead).
    public func hasEnded(by date: CivilDate) -> Bool {
        endDate < date
    }

    /// Says that the period has not ended, and when it ends, for refusing a value recorded too early.
    public var notEndedMessage: String {
        "\(label) has not ended yet (it ends on \(endDate.longDescription)): a value can be recorded only for a period that has ended"
    }

    /// Whether `other` is this period or lies within it: a month of its quarter or year, a quarter of its year.
    public func covers(_ other: Period) -> Bool {
        self == other || (startDate <= other.startDate && other.endDate <= endDate)
    }

    /// Whether `date` falls within the period.
    public func contains(_ date: CivilDate) -> Bool {
        startDate <= date && date <= endDate
    }

    /// The period of `kind` this one lies wholly in, when it is a month or a quarter of a quarter or financial year
    /// (a financial year lies in no calendar year): named in messages as the period to write for a measure
    /// reported less often. `nil` otherwise, or past the years a period may be written with.
    public func lying(in kind: Kind) -> Period? {
        guard self.kind < kind, self.kind == .month || self.kind == .quarter, kind == .quarter || kind == .financialYear else { return nil }
        let within = Period.containing(startDate, kind: kind)
        return Period(parsing: within.description) == within ? within : nil
    }

    /// The period of the given kind that contains `date`.
    public static func containing(_ date: CivilDate, kind: Kind) -> Period {
        let fyStart = date.month >= 4 ? date.year : date.year - 1
        switch kind {
        case .month: return .month(date.year, date.month)
        case .quarter: return .quarter(fyStart, floorMod(date.month - 4, 12) / 3 + 1)
        case .financialYear: return .financialYear(fyStart)
        case .calendarYear: return .calendarYear(date.year)
        }
    }

    // MARK: Ordering

    /// Periods are ordered by their end date, then by kind (a month before the quarter that ends with it).
    public static func < (lhs: Period, rhs: Period) -> Bool {
        if lhs.kind == rhs.kind { return lhs.ordinal < rhs.ordinal }
        let (l, r) = (lhs.endDate, rhs.endDate)
        return l != r ? l < r : lhs.kind < rhs.kind
    }

    // MARK: Arithmetic helpers

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    /// English month names, January first.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}
