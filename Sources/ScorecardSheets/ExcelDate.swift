import ScorecardKit

/// Spreadsheet dates: a number of days since the start of the workbook's date system.
enum ExcelDate {
    /// The date of `serial` (its whole days; a time of day is dropped), or `nil` for a serial no date has.
    ///
    /// In the 1900 system day 1 is 1 January 1900, and day 60 is the 29 February 1900 that Lotus 1-2-3 counted and
    /// Excel keeps (taken here as 28 February); in the 1904 system day 0 is 1 January 1904.
    static func date(serial: Double, uses1904Dates: Bool) -> CivilDate? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        if uses1904Dates { return CivilDate(dayNumber: days + firstOf1904) }
        guard days >= 1 else { return nil }
        // From its 29 February on, Excel's count is one ahead.
        return CivilDate(dayNumber: days + (days >= 60 ? lastOf1899 - 1 : lastOf1899))
    }

    /// 31 December 1899 and 1 January 1904 as day numbers (days since 1970-01-01).
    private static let lastOf1899 = -25_568
    private static let firstOf1904 = -24_107
}
