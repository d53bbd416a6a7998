extension Period {
    /// A period as a table's cell or column heading gives it: any form ``init(parsing:)`` reads, or a date
    /// (`2024-05-01`, `01/05/2024`), taken as the month it falls in. A spreadsheet keeps a month typed as `May 2024`
    /// or `2024-05` as the date of its first day, so a period column or heading may hold such a date.
    public init?(cell text: some StringProtocol) {
        if let period = Period(parsing: text) {
            self = period
        } else if let date = CivilDate(parsing: text) ?? Self.dateAtMidnight(text), date.year >= Period.earliestYear {
            // (From 1900, as a period written out is: an earlier one was read, but not read back once exported.)
            self = .month(date.year, date.month)
        } else {
            return nil
        }
    }

    /// A period of `kind` as a cell gives it: what ``init(cell:)`` reads, except that a date on the last day of a
    /// period of `kind` is that period (`30/06/2024` is 2024/25 Q1 for a quarterly measure, `31/03/2025` is 2024/25
    /// for an annual one), as councils' systems name a quarter or a year by the day it ends. Any other date is
    /// still its month.
    public init?(cell text: some StringProtocol, kind: Kind) {
        guard let read = Period(cell: text) else { return nil }
        if read.kind == .month, kind != .month, Period(parsing: text) == nil,
            let date = CivilDate(parsing: text) ?? Self.dateAtMidnight(text)
        {
            let ending = Period.containing(date, kind: kind)
            if ending.endDate == date, ending.startDate.year >= Period.earliestYear {
                self = ending
                return
            }
        }
        self = read
    }

    /// The date `text` writes, when it writes one rather than a period's name (`31/03/2026`, not `Mar 2026`).
    public static func date(writtenAs text: some StringProtocol) -> CivilDate? {
        guard Period(parsing: text) == nil, let date = CivilDate(parsing: text) ?? dateAtMidnight(text), date.year >= earliestYear else { return nil }
        return date
    }

    /// A date with the time of midnight, as pandas and R write a date column (`2014-04-01 00:00:00`,
    /// `2014-04-01T00:00`): the date. Another time of day is not a period's heading.
    private static func dateAtMidnight(_ text: some StringProtocol) -> CivilDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let split = trimmed.firstIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
        let time = trimmed[trimmed.index(after: split)...]
        guard ["00:00", "00:00:00", "00:00:00.000"].contains(time) else { return nil }
        return CivilDate(parsing: trimmed[..<split])
    }
}
