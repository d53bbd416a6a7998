/// A calendar date with no time or time zone, as councils write due dates and deadlines.
///
/// Dates are compared and stepped through a day number (days since 1970-01-01), so the
/// arithmetic needs neither `Foundation.Calendar` nor a time zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (31 April, 29 February 2023).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date the caller knows exists (the first of a month).
    init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date with the given day number (days since 1970-01-01).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// Parses `2024-05-31` (ISO 8601) or `31/05/2024` (as UK spreadsheets write it), `31/05/24`, or with the month
    /// named (`31-May-24`, `31 May 2024`), with any dash a spreadsheet writes for the hyphen (`2024–05–31`); the
    /// year from 1000 to 9999 (`0000-01-01` is a typing error, and would not be written back in four digits).
    public init?(parsing text: some StringProtocol) {
        guard text.utf8.count <= 40 else { return nil }
        let trimmed = Substring(String(text.trimmingWhitespace().map { Period.dashes.contains($0) ? "-" : $0 }))
        // Digits and separators only: `Int(_:)` would also take a sign, as in `2025-+3-+1`.
        guard trimmed.allSatisfy({ $0.isASCIIDigit || $0 == "-" || $0 == "/" }) else {
            self.init(named: trimmed)
            return
        }
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, let y = Int(iso[0]), y >= 1000, let m = Int(iso[1]), let d = Int(iso[2]) {
            self.init(year: y, month: m, day: d)
            return
        }
        let uk = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if uk.count == 3, uk[2].count == 4, let d = Int(uk[0]), let m = Int(uk[1]), let y = Int(uk[2]), y >= 1000 {
            self.init(year: y, month: m, day: d)
            return
        }
        // 30/06/24, a spreadsheet's short date: a two-digit year as a period's (24 is 2024, 85 is 1985).
        if uk.count == 3, uk[0].count <= 2, uk[1].count <= 2, let d = Int(uk[0]), let m = Int(uk[1]), let y = Period.twoDigitYear(uk[2]) {
            self.init(year: y, month: m, day: d)
            return
        }
        return nil
    }

    /// Whether `text` is written as a date but names a day there is not (31/02/2024, 2023-02-29, 31 June 2024).
    public static func isImpossible(_ text: some StringProtocol) -> Bool {
        impossibleDaysMonth(text) != nil
    }

    /// The last day of the month that `text`, written as a date of a day that month has not (31/09/2024), names:
    /// 30/09/2024, a day to write instead; `nil` when `text` is no such date.
    public static func monthEnd(ofImpossible text: some StringProtocol) -> CivilDate? {
        guard let (year, month) = impossibleDaysMonth(text), year >= 1 else { return nil }
        return Period.month(year, month).endDate
    }

    /// The year and month of `text` written as a date of a day its month has not; the year 0 when it cannot say.
    private static func impossibleDaysMonth(_ text: some StringProtocol) -> (year: Int, month: Int)? {
        guard text.utf8.count <= 40, CivilDate(parsing: text) == nil else { return nil }
        let words = text.trimmingWhitespace().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || Period.dashes.contains($0) })
        guard words.count == 3, words[0].allSatisfy(\.isASCIIDigit), words[2].allSatisfy(\.isASCIIDigit),
            let first = Int(words[0]), let last = Int(words[2])
        else { return nil }
        // Day, month (a number or a name), year; or ISO's year, month, day.
        let month = words[1].allSatisfy(\.isASCIIDigit) ? Int(words[1]) : Period.monthNumber(words[1])
        guard let month, (1...12).contains(month) else { return nil }
        if words[0].count == 4 { return (0...99).contains(last) ? (Period.fourDigitYear(words[0]) ?? 0, month) : nil }
        guard (0...99).contains(first), [2, 4].contains(words[2].count) else { return nil }
        return (Period.fourDigitYear(words[2]) ?? Period.twoDigitYear(words[2]) ?? 0, month)
    }

    /// A date with its month named, as spreadsheets show one: `30-Jun-24`, `30-Jun-2024`, `30 June 2024`.
    private init?(named text: Substring) {
        let words = text.split(whereSeparator: { $0 == "-" || $0 == " " })
        guard words.count == 3, (1...2).contains(words[0].count), let d = Int(words[0]), words[0].allSatisfy(\.isASCIIDigit),
            words[1].allSatisfy(\.isLetter), let m = Period.monthNumber(words[1]),
            let y = Period.fourDigitYear(words[2]) ?? Period.twoDigitYear(words[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601: `2024-05-31`.
    public var description: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    /// As a UK reader writes it: `31 May 2024`.
    public var longDescription: String {
        "\(day) \(Period.monthNames[month - 1]) \(year)"
    }

    /// `7` as `07`: a day or month in two digits.
    public static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
