extension Period {
    /// A period as a table's cell or column heading gives it: any form ``init(parsing:)`` reads, or a date
    /// (`2024-05-01`, `01/05/2024`), taken as the month it falls in. A spreadsheet keeps a month typed as `May 2024`
    /// or `2024-05` as the date of its first day, so a period column or heading may hold such a date.
    public init?(cell text: some StringProtocol) {
        if let period = Period(parsing: text) {
            self = period
        } else if let date = CivilDate(parsing: text) {
            self = .month(date.year, date.month)
        } else {
            return nil
        }
    }
}
