/// A header of two rows over a table with a column per period: each year written once, over its periods, as
/// councils lay their tables out (`2024/25` merged across `Q1 | Q2 | Q3 | Q4`, or over `Apr | May | ... | Mar`).
///
/// The upper row (the band) holds the years, each at the first column of its periods, and may hold the other
/// headings (`measure`, `title`); the lower row holds the periods within each year, and the other headings where
/// the band has none. Months under a financial year fall in the calendar year they are in: `Jan` under `2024/25`
/// is January 2025.
public enum PeriodBandHeader {
    /// Whether `cells` may be a band: at least one year, and otherwise only the headings a table of values names
    /// its measure by (`measure`, `code`, `title`).
    public static func isBand(_ cells: [String]) -> Bool {
        var years = 0
        for cell in cells.lazy.map({ String($0.trimmingWhitespace()) }) where !cell.isEmpty {
            if year(cell) != nil {
                years += 1
            } else if !isName(cell) {
                return false
            }
        }
        return years > 0
    }

    /// The headings that `band` over `headings` make: each period under a year as one heading (`Q1 2024/25`,
    /// `note Q1 2024/25`), each other heading from whichever row holds it, or both (`Code` merged down over the
    /// two rows); `nil` when the rows are not a band over periods (two headings in a column, a name under a year,
    /// or nothing under the years but figures: a first row of values with no code). A year over an empty cell,
    /// `Year`, `Annual` or `Outturn` heads the year's own value.
    ///
    /// A heading under a year that makes no period with it is kept with the year beside it (`Total 2024/25`), so
    /// that the table's reader refuses it by name.
    public static func combined(band: [String], headings: [String]) -> [String]? {
        var result: [String] = []
        var over: (period: Period, text: String)?
        // Whether any cell under a year holds a word (`Q1`, `Apr`), not a figure alone.
        var worded = false
        for column in 0..<max(band.count, headings.count) {
            let top = column < band.count ? String(band[column].trimmingWhitespace()) : ""
            let below = column < headings.count ? String(headings[column].trimmingWhitespace()) : ""
            if !top.isEmpty {
                if let period = year(top) {
                    // A year stands over the first of its periods, or over nothing in a column of its own value.
                    over = (period, top)
                    if below.isEmpty {
                        result.append(top)
                        continue
                    }
                } else {
                    // One heading merged down over both rows, or the same column named twice (`measure` over `code`).
                    guard below.isEmpty || below.lowercased() == top.lowercased() || sameName(top, below) else { return nil }
                    over = nil
                    result.append(top)
                    continue
                }
            }
            guard let year = over, !below.isEmpty else {
                result.append(below)
                continue
            }
            guard !isName(below) else { return nil }
            if below.contains(where: \.isLetter) || Period(cell: below) != nil || date(below, under: year.period) != nil { worded = true }
            result.append(heading(below, under: year.period) ?? "\(below) \(year.text)")
        }
        return worded ? result : nil
    }

    /// `cell` as a financial or calendar year, the only periods a band holds.
    private static func year(_ cell: some StringProtocol) -> Period? {
        guard let period = Period(parsing: cell), period.kind == .financialYear || period.kind == .calendarYear else { return nil }
        return period
    }

    /// Whether `a` and `b` are names of one column: `measure`, `code` and `measure_code`, or `title` twice.
    private static func sameName(_ a: String, _ b: String) -> Bool {
        let measure: Set<String> = ["measure", "code", "measure_code"]
        let (x, y) = (TableHeader.normalized(a), TableHeader.normalized(b))
        return x == y || (measure.contains(x) && measure.contains(y))
    }

    /// Whether `cell` is a heading naming the measure or describing it, not a period.
    private static func isName(_ cell: String) -> Bool {
        ["measure", "code", "measure_code", "title"].contains(TableHeader.normalized(cell))
    }

    /// The heading a period's `cell` makes under `year`: `Q1` under `2024/25` is `Q1 2024/25`, `Jan` is
    /// `Jan 2025`, `note Q1` is `note Q1 2024/25`; a period by itself (`Q1 2024/25`) is as written; `nil` when
    /// it makes none.
    private static func heading(_ cell: String, under year: Period, checkingYear: Bool = true) -> String? {
        let words = cell.split(whereSeparator: \.isWhitespace)
        if let first = words.first, ["note", "commentary", "comment", "comments", "target", "quality"].contains(first.lowercased()) {
            // `note Q2`, or a `note` of the year's own value.
            guard words.count > 1 else { return "\(first) \(year.label)" }
            // A note or target of another year's (next year's target beside this year's values) is as written.
            return heading(words.dropFirst().joined(separator: " "), under: year, checkingYear: false).map { "\(first) \($0)" }
        }
        if Self.yearItself.contains(words.joined(separator: " ").lowercased()) { return year.label }
        if let date = date(cell, under: year) { return date }
        // A period in full as members read it; a date (a spreadsheet keeps `Apr-24` so) as written, for the reader to
        // take as it takes one alone (its month, or the quarter or year of a measure that it ends).
        if let whole = Period(cell: cell) {
            // One outside the year over it is a slip (last year's sheet rolled forward, one heading missed): kept
            // with the year beside it, for the reader to refuse by name (see ``outsideItsYear(_:)``).
            let inside = Period.date(writtenAs: cell).map { year.startDate <= $0 && $0 <= year.endDate }
                ?? (year.startDate <= whole.startDate && whole.endDate <= year.endDate)
            let written = cell.trimmingCharacters(in: .whitespaces)
            guard inside || !checkingYear else { return "\(written)\(Self.outsideMark)\(year.label))" }
            return Period(parsing: cell) == nil ? written : whole.label
        }
        return period(cell, under: year)?.label
    }

    /// What follows a period or date written under a year it is not in: `30/09/2024 (not in 2025/26)`.
    private static let outsideMark = " (not in "

    /// The period or date a heading names under a year it is not in, and that year's label, when the heading is
    /// one ``combined(band:headings:)`` made so; `nil` for any other.
    public static func outsideItsYear(_ heading: String) -> (written: String, year: String)? {
        guard heading.hasSuffix(")"), let mark = heading.range(of: outsideMark, options: .backwards) else { return nil }
        return (String(heading[..<mark.lowerBound]), String(heading[mark.upperBound...].dropLast()))
    }

    /// A day and month without their year (`30/06`, `30-Jun`, `31 March`), as a table's dates under a year are
    /// often headed: that day in the year (`31/03` under `2024/25` is 31 March 2025), written in full for the
    /// reader to take as it takes any date; `nil` when `cell` is not a day and a month.
    private static func date(_ cell: String, under year: Period) -> String? {
        let parts = cell.split(whereSeparator: { "/-\u{2013} ".contains($0) })
        // Any day of two digits: one its month has not (32/01) is a date still, for the reader to say so.
        guard parts.count == 2, parts[0].count <= 2, let day = Int(parts[0]) else { return nil }
        let month = parts[1].allSatisfy(\.isNumber) ? Int(parts[1]) : parts[1].allSatisfy(\.isLetter) ? Period.monthNumber(parts[1]) : nil
        guard let month, (1...12).contains(month), parts[1].count <= 9 else { return nil }
        let calendarYear = year.kind == .financialYear && month < 4 ? year.ordinal + 1 : year.ordinal
        return "\(CivilDate.twoDigits(day))/\(CivilDate.twoDigits(month))/\(calendarYear)"
    }

    /// The headings under a year of the year's own value.
    private static let yearItself: Set<String> = ["year", "annual", "outturn", "full year", "year end", "year-end", "whole year"]

    /// The period `cell` (a quarter, a month or a quarter's months, without a year) names within `year`.
    private static func period(_ cell: String, under year: Period) -> Period? {
        let start = year.ordinal
        let isFinancial = year.kind == .financialYear
        let lowered = cell.lowercased().filter { !$0.isWhitespace }
        for prefix in ["quarter", "qtr", "q"] where lowered.hasPrefix(prefix) {
            guard isFinancial, let n = Int(lowered.dropFirst(prefix.count)), (1...4).contains(n) else { return nil }
            return Period(parsing: "\(Period.financialYearText(start)) Q\(n)")
        }
        // A month falls in the calendar year it is in: January to March end a financial year.
        func calendarYear(_ month: Int) -> Int { isFinancial && month < 4 ? start + 1 : start }
        if let month = Period.monthNumber(lowered), lowered.allSatisfy(\.isLetter) {
            return Period(parsing: "\(lowered) \(calendarYear(month))")
        }
        let ends = lowered.split(separator: "-")
        if ends.count == 2, let first = Period.monthNumber(ends[0]), ends[0].allSatisfy(\.isLetter) {
            return Period(parsing: "\(ends[0])-\(ends[1]) \(calendarYear(first))")
        }
        return nil
    }
}
