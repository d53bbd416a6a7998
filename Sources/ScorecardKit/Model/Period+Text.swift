extension Period {
    /// Parses a period the way councils write them.
    ///
    /// - months: `2024-05`, `May 2024`, `May-24`, `May 24`, `Sep 2024`, `Jul-2024`
    /// - financial quarters: `2024/25 Q1`, `Q1 2024/25`, `2024-25 Q1`, `Q1 24/25`, `Qtr 1 2024/25`, `2024/25 Quarter 1`, `Apr-Jun 2024`
    /// - financial years: `2024/25`, `2024-25`, `2024/2025`, `FY2024/25`, `FY 2024/25`, `2024 / 25`, `24/25` (but
    ///   `2011-12` is December 2011)
    /// - with any dash a spreadsheet writes for the hyphen (`2024–25`), and any space for the space
    /// - calendar years: `2024`
    ///
    /// So every form the program prints (``description``, ``label``, ``shortLabel``) reads back. A two-digit
    /// year is 20yy, or 19yy from 70 up.
    ///
    /// Returns `nil` for anything else, including a financial year whose two halves are not consecutive
    /// (`2024/26`).
    public init?(parsing text: some StringProtocol) {
        // The canonical forms straight from their bytes (a large framework holds hundreds of thousands of
        // target periods: the general reading below was a fifth of reading one); the same answer either way.
        var utf8 = Array(text.utf8.prefix(11))
        if let canonical = utf8.withUnsafeMutableBufferPointer({ Period(canonicalBytes: UnsafeBufferPointer($0)) }) {
            self = canonical
            return
        }
        guard let period = Self.parsedGenerally(text) else { return nil }
        self = period
    }

    /// Any form ``init(parsing:)`` accepts, read character by character.
    static func parsedGenerally(_ text: some StringProtocol) -> Period? {
        // No period is longer than a few words: a 100 MB cell is refused before it is read character by character
        // (it took 20 s and 2 GB).
        guard text.utf8.count <= 96 else { return nil }
        // A spreadsheet's dashes and spaces are a hyphen and a space: `2024–25` (an en dash, as Word and Excel
        // turn a hyphen between numbers), a non-breaking space after `Q1`.
        let s = String(String(text).map { Self.dashes.contains($0) ? "-" : Self.spaces.contains($0) ? " " : $0 }).trimmingWhitespace()
        guard !s.isEmpty, s.count <= 24 else { return nil }
        var words = s.split(whereSeparator: { $0 == " " }).map(String.init)
        // `2022 / 23`: one year written with spaces around its slash.
        if words.count == 3, words[1] == "/" || words[1] == "-" { words = [words[0] + "/" + words[2]] }
        // `Apr - Jun 2024`: a quarter's months with spaces around their dash.
        if words.count == 4, words[1] == "-" { words = [words[0] + "-" + words[2], words[3]] }
        // `FY 2022/23`, `Qtr 1 2024/25`, `Quarter 1 2024/25`: the word apart from what it names.
        if words.count == 2, words[0].uppercased() == "FY" { words = ["FY" + words[1]] }
        if words.count == 3, ["qtr", "quarter"].contains(words[0].lowercased()) { words = ["Q" + words[1], words[2]] }
        // `2024/25 Quarter 4`, `2024/25 Qtr 4`: the same after the year.
        if words.count == 3, ["qtr", "quarter"].contains(words[1].lowercased()) { words = [words[0], "Q" + words[2]] }
        switch words.count {
        case 1:
            if let p = Self.parseSingleWord(words[0]) { return p }
        case 2:
            if let q = Self.parseQuarter(words[0], words[1]) ?? Self.parseQuarter(words[1], words[0]) { return q }
            if let m = Self.monthNumber(words[0]), let y = Self.fourDigitYear(words[1]) ?? Self.twoDigitYear(words[1]) {
                return .month(y, m)
            }
            if let q = Self.parseMonthsOfQuarter(words[0], year: words[1]) { return q }
        default:
            break
        }
        return nil
    }

    /// Dashes a spreadsheet or word processor writes for a hyphen: figure, en and em dashes, the non-breaking
    /// hyphen and the minus sign.
    static let dashes: Set<Character> = ["\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}"]
    /// Spaces other than the space: no-break, narrow no-break, thin and figure spaces, and a tab or line break (a
    /// heading typed over two lines of its cell, `2024/25` Alt+Enter `Q1`).
    private static let spaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}", "\t", "\n", "\r", "\r\n"]

    /// `Apr-Jun 2024` (or `Apr-Jun 24`, as `Sep-24` is a month): the three months of a financial quarter, in the
    /// calendar year they fall in (`Jan-Mar 2025` is Q4 2024/25).
    private static func parseMonthsOfQuarter(_ months: String, year: String) -> Period? {
        let ends = months.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let first = monthNumber(ends[0]), let last = monthNumber(ends[1]), first % 3 == 1, last == first + 2,
            let y = fourDigitYear(year) ?? twoDigitYear(year)
        else { return nil }
        guard first >= 4 || y - 1 >= earliestYear else { return nil }
        return first >= 4 ? .quarter(y, (first - 4) / 3 + 1) : .quarter(y - 1, 4)
    }

    private static func parseSingleWord(_ word: String) -> Period? {
        if let y = fourDigitYear(word) { return .calendarYear(y) }
        let dash = word.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 2 {
            // 2024-05. This comes before financial years, so the ISO month `2011-12` is December 2011;
            // the financial year is written 2011/12.
            if let y = fourDigitYear(dash[0]), dash[1].count == 2, dash[1].allSatisfy(\.isASCIIDigit), let m = Int(dash[1]),
                (1...12).contains(m)
            {
                return .month(y, m)
            }
            // May-24, as spreadsheets shorten months; Jul-2024.
            if let m = monthNumber(dash[0]), let y = twoDigitYear(dash[1]) ?? fourDigitYear(dash[1]) {
                return .month(y, m)
            }
        }
        if let fy = financialYearStart(word) { return .financialYear(fy) }
        return nil
    }

    private static func parseQuarter(_ q: String, _ fy: String) -> Period? {
        guard q.count == 2, q.first == "Q" || q.first == "q", let n = Int(q.dropFirst()), (1...4).contains(n),
            let start = financialYearStart(fy)
        else { return nil }
        return .quarter(start, n)
    }

    /// `2024/25`, `2024-25`, `2024/2025`, optionally prefixed `FY`.
    private static func financialYearStart(_ word: String) -> Int? {
        var w = Substring(word)
        if w.uppercased().hasPrefix("FY") { w = w.dropFirst(2) }
        let parts = w.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, let start = fourDigitYear(parts[0]) ?? twoDigitYear(parts[0]), parts[1].allSatisfy(\.isASCIIDigit),
            parts[0].count == 4 || parts[1].count == 2
        else {
            return nil
        }
        switch parts[1].count {
        case 2: return Int(parts[1]) == (start + 1) % 100 ? start : nil
        case 4: return Int(parts[1]) == start + 1 ? start : nil
        default: return nil
        }
    }

    /// A year of four digits from 1900 on (``earliestYear``): `1025-01` is a slip of the year, not a council's month.
    static func fourDigitYear(_ word: some StringProtocol) -> Int? {
        guard word.count == 4, word.allSatisfy(\.isASCIIDigit), let y = Int(word), y >= earliestYear else { return nil }
        return y
    }

    /// What to write instead of `text`, which is no period: the financial quarters a calendar year's quarter may
    /// mean (``calendarQuarterHint(_:)``), else the forms a period takes.
    public static func writingHint(for text: String) -> String {
        if CivilDate.isImpossible(text) {
            let end = CivilDate.monthEnd(ofImpossible: text) ?? Period.month(2024, 6).endDate
            return "there is no such day: write one the month has, such as \(CivilDate.twoDigits(end.day))/\(CivilDate.twoDigits(end.month))/\(end.year)"
        }
        return calendarQuarterHint(text) ?? "write 2024-05, May 2024, 2024/25 Q1, 2024/25, 2024, or a date: 30/06/2024"
    }

    /// What to write instead of a calendar year's quarter (`Q1 2024`, `2024 Q2`), which is no period here:
    /// quarters are counted in the financial year, from April. `nil` for any other text.
    public static func calendarQuarterHint(_ text: String) -> String? {
        let words = text.trimmingWhitespace().split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count == 2 else { return nil }
        let (q, y) = words[0].lowercased().hasPrefix("q") ? (words[0], words[1]) : (words[1], words[0])
        guard q.count == 2, q.first == "Q" || q.first == "q", let n = Int(q.dropFirst()), (1...4).contains(n),
            let year = fourDigitYear(y)
        else { return nil }
        // Meant of the financial year that starts in `year`, or of the calendar year: both are named.
        let months = ["January to March", "April to June", "July to September", "October to December"]
        let financial = Period.quarter(year, n), calendar = n == 1 ? Period.quarter(year - 1, 4) : Period.quarter(year, n - 1)
        return "quarters are counted in the financial year, from April: write \(financial.description) for "
            + "\(months[n % 4]) \(n == 4 ? year + 1 : year), or \(calendar.description) for \(months[n - 1]) \(year)"
    }

    /// `24` is 2024 and `85` is 1985: two-digit years from 70 up are the 1900s.
    static func twoDigitYear(_ word: some StringProtocol) -> Int? {
        guard word.count == 2, word.allSatisfy(\.isASCIIDigit), let yy = Int(word) else { return nil }
        return yy >= 70 ? 1900 + yy : 2000 + yy
    }

    /// `May`, `may`, `September`, `Sept`, `Sep`.
    static func monthNumber(_ word: some StringProtocol) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        for (i, name) in monthNames.enumerated() where name.lowercased().hasPrefix(w) || (w == "sept" && i == 8) {
            return i + 1
        }
        return nil
    }

    /// The canonical form, as written in the council's data files: `2024-05`, `2024/25 Q1`, `2024/25`, `2024`.
    public var description: String {
        switch kind {
        case .month: "\(year)-\(CivilDate.twoDigits(number))"
        case .quarter: "\(Self.financialYearText(year)) Q\(number)"
        case .financialYear: Self.financialYearText(ordinal)
        case .calendarYear: "\(ordinal)"
        }
    }

    /// The form members read: `May 2024`, `Q1 2024/25`, `2024/25`, `2024`.
    public var label: String {
        switch kind {
        case .month: "\(Self.monthNames[number - 1].prefix(3)) \(year)"
        case .quarter: "Q\(number) \(Self.financialYearText(year))"
        default: description
        }
    }

    /// A short form for narrow columns and axis labels: `May 24`, `Q1 24/25`, `24/25`, `2024`.
    public var shortLabel: String {
        switch kind {
        case .month: "\(Self.monthNames[number - 1].prefix(3)) \(CivilDate.twoDigits(Self.floorMod(year, 100)))"
        case .quarter: "Q\(number) \(CivilDate.twoDigits(Self.floorMod(year, 100)))/\(CivilDate.twoDigits(Self.floorMod(year + 1, 100)))"
        case .financialYear: "\(CivilDate.twoDigits(Self.floorMod(ordinal, 100)))/\(CivilDate.twoDigits(Self.floorMod(ordinal + 1, 100)))"
        case .calendarYear: "\(ordinal)"
        }
    }

    static func financialYearText(_ start: Int) -> String {
        "\(start)/\(CivilDate.twoDigits(floorMod(start + 1, 100)))"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
