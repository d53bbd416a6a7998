import Testing

@testable import ScorecardKit

@Suite("Periods")
struct PeriodTests {
    @Test("parses what councils write", arguments: [
        ("2024-05", Period.month(2024, 5)),
        ("May 2024", .month(2024, 5)),
        ("may 2024", .month(2024, 5)),
        ("September 2024", .month(2024, 9)),
        ("Sept 2024", .month(2024, 9)),
        ("Mar-25", .month(2025, 3)),
        ("2024/25 Q1", .quarter(2024, 1)),
        ("Q1 2024/25", .quarter(2024, 1)),
        ("q4 2024/25", .quarter(2024, 4)),
        ("2024-25 Q3", .quarter(2024, 3)),
        ("2024/25", .financialYear(2024)),
        ("2024-25", .financialYear(2024)),
        ("2024/2025", .financialYear(2024)),
        ("FY2024/25", .financialYear(2024)),
        ("1999/00", .financialYear(1999)),
        ("2024", .calendarYear(2024)),
        ("  2024-05 ", .month(2024, 5)),
        // ISO months win where a dashed financial year would read the same.
        ("2011-12", .month(2011, 12)),
        ("2000-01", .month(2000, 1)),
        ("2100-01", .month(2100, 1)),
        ("2011/12", .financialYear(2011)),
        ("2011-12 Q1", .quarter(2011, 1)),
        // The short forms the dashboard shows in narrow columns and on chart axes.
        ("Q2 14/15", .quarter(2014, 2)),
        ("Sep 26", .month(2026, 9)),
        ("Mar 99", .month(1999, 3)),
        ("25/26", .financialYear(2025)),
        ("99/00", .financialYear(1999)),
        // As spreadsheets write them: dashes for hyphens, no-break spaces, words apart.
        ("2024\u{2013}25", .financialYear(2024)),
        ("Q1 2024\u{2014}25", .quarter(2024, 1)),
        ("Q1\u{00A0}2024/25", .quarter(2024, 1)),
        ("FY 2022/23", .financialYear(2022)),
        ("2022 / 23", .financialYear(2022)),
        ("Qtr 1 2024/25", .quarter(2024, 1)),
        ("Quarter 3 2024/25", .quarter(2024, 3)),
        ("2024/25 Quarter 4", .quarter(2024, 4)),
        ("2024/25 qtr 2", .quarter(2024, 2)),
        ("Apr-Jun 2024", .quarter(2024, 1)),
        ("Apr-Jun 24", .quarter(2024, 1)),
        ("Jan-Mar 25", .quarter(2024, 4)),
        ("Jan\u{2013}Mar 2025", .quarter(2024, 4)),
        ("Jul-2024", .month(2024, 7)),
        ("Apr - Jun 2024", .quarter(2024, 1)),
    ])
    func parses(text: String, expected: Period) {
        #expect(Period(parsing: text) == expected)
    }

    @Test("rejects what is not a period", arguments: [
        "", "2024-13", "2024-00", "2024/26", "2024/2026", "Q5 2024/25", "Q0 2024/25", "Smarch 2024", "24",
        "2024-5-1", "2024/25 Q1 extra", "Q1", "May", "2024 Q1", "1,234", "24/26", "Q1 24/26", "May 2", "24/2025",
        "Feb-Apr 2024", "Apr-May 2024", "Qtr 5 2024/25", "FY 2022", "Jan-Mar 1900", String(repeating: "-", count: 200),
    ])
    func rejects(text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test("prints canonical and member-facing forms")
    func printing() {
        #expect(Period.month(2024, 5).description == "2024-05")
        #expect(Period.month(2024, 5).label == "May 2024")
        #expect(Period.quarter(2024, 1).description == "2024/25 Q1")
        #expect(Period.quarter(2024, 1).label == "Q1 2024/25")
        #expect(Period.financialYear(2024).description == "2024/25")
        #expect(Period.financialYear(1999).description == "1999/00")
        #expect(Period.calendarYear(2024).description == "2024")
        #expect(Period.quarter(2025, 4).shortLabel == "Q4 25/26")
        #expect(Period.month(2025, 3).shortLabel == "Mar 25")
    }

    @Test("every printed form parses back to the same period")
    func roundTrip() {
        for kind in Period.Kind.allCases {
            for year in [1999, 2000, 2024, 2025, 2099] {
                let period = Period(kind: kind, ordinal: year * kind.perYear + (year % kind.perYear))
                #expect(Period(parsing: period.description) == period)
                #expect(Period(parsing: period.label) == period)
                if (1970...2069).contains(year) { #expect(Period(parsing: period.shortLabel) == period, "\(period.shortLabel)") }
            }
        }
    }

    @Test("March steps to April and into the next financial year")
    func monthAcrossYearEnd() {
        let march = Period.month(2025, 3)
        #expect(march.next == .month(2025, 4))
        #expect(march.financialYear == .financialYear(2024))
        #expect(march.next.financialYear == .financialYear(2025))
        #expect(march.positionInFinancialYear == 12)
        #expect(march.next.positionInFinancialYear == 1)
        #expect(Period.month(2025, 1).previous == .month(2024, 12))
        #expect(Period.month(2025, 1).financialYear == .financialYear(2024))
    }

    @Test("Q4 steps to Q1 of the next financial year")
    func quarterAcrossYearEnd() {
        let q4 = Period.quarter(2024, 4)
        #expect(q4.next == .quarter(2025, 1))
        #expect(Period.quarter(2025, 1).previous == q4)
        #expect(q4.startDate == CivilDate(year: 2025, month: 1, day: 1))
        #expect(q4.endDate == CivilDate(year: 2025, month: 3, day: 31))
        #expect(Period.quarter(2024, 1).startDate == CivilDate(year: 2024, month: 4, day: 1))
        #expect(Period.quarter(2024, 3).endDate == CivilDate(year: 2024, month: 12, day: 31))
    }

    @Test("2024/25 steps to 2025/26; a financial year runs 1 April to 31 March")
    func financialYears() {
        let year = Period.financialYear(2024)
        #expect(year.next.description == "2025/26")
        #expect(year.startDate == CivilDate(year: 2024, month: 4, day: 1))
        #expect(year.endDate == CivilDate(year: 2025, month: 3, day: 31))
        #expect(Period.financialYear(2023).endDate == CivilDate(year: 2024, month: 3, day: 31))
    }

    @Test("the same period last year")
    func sameLastYear() {
        #expect(Period.month(2025, 2).sameLastYear == .month(2024, 2))
        #expect(Period.quarter(2025, 1).sameLastYear == .quarter(2024, 1))
        #expect(Period.financialYear(2025).sameLastYear == .financialYear(2024))
        #expect(Period.calendarYear(2025).sameLastYear == .calendarYear(2024))
    }

    @Test("which period a date falls in", arguments: [
        ((2025, 3, 31), Period.Kind.quarter, Period.quarter(2024, 4)),
        ((2025, 4, 1), .quarter, .quarter(2025, 1)),
        ((2025, 4, 1), .financialYear, .financialYear(2025)),
        ((2025, 3, 31), .financialYear, .financialYear(2024)),
        ((2024, 12, 31), .quarter, .quarter(2024, 3)),
        ((2024, 7, 1), .quarter, .quarter(2024, 2)),
        ((2024, 2, 29), .month, .month(2024, 2)),
        ((2025, 1, 15), .calendarYear, .calendarYear(2025)),
    ])
    func containing(date: (Int, Int, Int), kind: Period.Kind, expected: Period) throws {
        let day = try #require(CivilDate(year: date.0, month: date.1, day: date.2))
        #expect(Period.containing(day, kind: kind) == expected)
        #expect(expected.contains(day))
    }

    @Test("a date read for a measure's kind of period: the quarter or year it ends, else its month", arguments: [
        ("30/06/2024", Period.Kind.quarter, Period.quarter(2024, 1)),
        ("2025-03-31", .quarter, .quarter(2024, 4)),
        ("2025-03-31", .financialYear, .financialYear(2024)),
        ("2024-12-31 00:00:00", .calendarYear, .calendarYear(2024)),
        ("2024-12-31", .financialYear, .month(2024, 12)),
        ("01/04/2024", .quarter, .month(2024, 4)),
        ("29/06/2024", .quarter, .month(2024, 6)),
        ("Jun 2024", .quarter, .month(2024, 6)),
        ("2024/25 Q1", .month, .quarter(2024, 1)),
        ("30/06/2024", .month, .month(2024, 6)),
        // Dates as spreadsheets show them short, or with the month named.
        ("30/06/24", .quarter, .quarter(2024, 1)),
        ("30-Jun-24", .quarter, .quarter(2024, 1)),
        ("30 June 2024", .quarter, .quarter(2024, 1)),
        ("31-Mar-2025", .financialYear, .financialYear(2024)),
        ("15 Sept 2024", .month, .month(2024, 9)),
        // A financial year ending in 1900 began in 1899: its March, not a year no file can write.
        ("31/03/1900", .financialYear, .month(1900, 3)),
    ])
    func cellOfKind(text: String, kind: Period.Kind, expected: Period) {
        #expect(Period(cell: text, kind: kind) == expected)
    }

    @Test("dates a spreadsheet shows are read; impossible ones, and half-dates, are not")
    func datesAsShown() {
        // Before 1900 no period is read from a date either, as from a period's name (it could not be written back).
        #expect(Period(cell: "30/06/1899") == nil && Period(cell: "1899-06") == nil && Period(cell: "1900-01-31") == .month(1900, 1))
        #expect(CivilDate(parsing: "29-Feb-24") == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(parsing: "1/4/25") == CivilDate(year: 2025, month: 4, day: 1))
        #expect(CivilDate(parsing: "2024\u{2013}06\u{2013}30") == CivilDate(year: 2024, month: 6, day: 30), "en dashes, as Word turns hyphens")
        #expect(CivilDate(parsing: "30\u{2013}Jun\u{2013}24") == CivilDate(year: 2024, month: 6, day: 30))
        for text in ["29-Feb-23", "31 June 2024", "30-Jun", "Jun-30-2024", "30 Junk 2024", "30/06/2", "x30-Jun-24", "300-Jun-24", "+3-Jun-24"] {
            #expect(CivilDate(parsing: text) == nil, "\(text)")
        }
        // A day the month has not is said so, not "not a period".
        for text in ["31/02/2024", "2023-02-29", "31 June 2024", "31-Apr-24", "00/06/2024"] {
            #expect(Period.writingHint(for: text).hasPrefix("there is no such day"), "\(text)")
        }
        for text in ["30/13/2024", "Q5 2024", "2024/26", "30/06/2024"] {
            #expect(!Period.writingHint(for: text).hasPrefix("there is no such day"), "\(text)")
        }
        // ...with the month's own last day to write instead.
        for (text, end) in [("31/09/2024", "30/09/2024"), ("2025-02-29", "28/02/2025"), ("31-Apr-24", "30/04/2024"), ("30/02/2024", "29/02/2024")] {
            #expect(Period.writingHint(for: text) == "there is no such day: write one the month has, such as \(end)", "\(text)")
        }
    }

    @Test("ends of months, leap years included")
    func monthEnds() {
        #expect(Period.month(2024, 2).endDate == CivilDate(year: 2024, month: 2, day: 29))
        #expect(Period.month(2023, 2).endDate == CivilDate(year: 2023, month: 2, day: 28))
        #expect(Period.month(2024, 12).endDate == CivilDate(year: 2024, month: 12, day: 31))
        #expect(Period.month(2024, 4).endDate == CivilDate(year: 2024, month: 4, day: 30))
    }

    @Test("ordering within and across kinds")
    func ordering() {
        #expect(Period.month(2025, 3) < .month(2025, 4))
        #expect(Period.quarter(2024, 4) < .quarter(2025, 1))
        // A month comes before the quarter that ends with it, which comes before a later month.
        #expect(Period.month(2024, 6) < .quarter(2024, 1))
        #expect(Period.quarter(2024, 1) < .month(2024, 7))
        #expect([Period.month(2025, 1), .month(2024, 12), .month(2025, 4)].sorted() == [.month(2024, 12), .month(2025, 1), .month(2025, 4)])
    }

    @Test("due dates follow the measure's reporting lag")
    func dueDates() {
        let quarterly = Measure(code: "Q", title: "q", frequency: .quarterly, lagDays: 45)
        // Q2 2024/25 ends 30 September 2024; 45 days later is 14 November.
        #expect(quarterly.dueDate(for: .quarter(2024, 2)) == CivilDate(year: 2024, month: 11, day: 14))
        // Q4 ends 31 March 2025; 45 days later is 15 May 2025.
        #expect(quarterly.dueDate(for: .quarter(2024, 4)) == CivilDate(year: 2025, month: 5, day: 15))
        let monthly = Measure(code: "M", title: "m", frequency: .monthly)
        // Default monthly lag of 30 days: February 2024 (leap) ends on the 29th, due 30 March.
        #expect(monthly.dueDate(for: .month(2024, 2)) == CivilDate(year: 2024, month: 3, day: 30))
        #expect(monthly.dueDate(for: .month(2024, 12)) == CivilDate(year: 2025, month: 1, day: 30))
    }
}

@Suite("Dates")
struct CivilDateTests {
    @Test("day numbers round-trip and step across month and year ends")
    func dayNumbers() throws {
        let epoch = try #require(CivilDate(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        let leapDay = try #require(CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(dayNumber: leapDay.dayNumber) == leapDay)
        #expect(leapDay.adding(days: 1) == CivilDate(year: 2024, month: 3, day: 1))
        #expect(CivilDate(year: 2024, month: 12, day: 31)?.adding(days: 1) == CivilDate(year: 2025, month: 1, day: 1))
    }

    @Test("rejects days that do not exist")
    func invalid() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2024, month: 13, day: 1) == nil)
        #expect(CivilDate(parsing: "2025-03-31") == CivilDate(year: 2025, month: 3, day: 31))
        #expect(CivilDate(parsing: "31/03/2025") == CivilDate(year: 2025, month: 3, day: 31))
        #expect(CivilDate(parsing: "2025-02-30") == nil)
        #expect(CivilDate(parsing: "0000-01-01") == nil && CivilDate(parsing: "31/12/0999") == nil, "a year before 1000 is a typing error")
        #expect(CivilDate(parsing: "1000-01-01") == CivilDate(year: 1000, month: 1, day: 1))
    }
}

@Suite("Reading canonical periods from bytes")
struct PeriodBytesTests {
    static let texts = [
        "2024-05", "2024-12", "2024-13", "2024-00", "2024-25", "2100-01", "2011-12", "0999-05", "2024/25 Q1", "2024/25 Q4",
        "2024/25 Q5", "2024/26 Q1", "2099/00 Q2", "2024/25", "2024/26", "2099/00", "2024", "0999", "May 2024", " 2024-05", "2024-5", "2024/25 q1", "abcd-ef",
    ]

    @Test("the byte fast path agrees with Period(parsing:) wherever it answers", arguments: texts)
    func agrees(_ text: String) {
        var utf8 = Array(text.utf8)
        let fast = utf8.withUnsafeMutableBufferPointer { Period(canonicalBytes: UnsafeBufferPointer($0)) }
        if let fast { #expect(fast == Period.parsedGenerally(text), "\(text)") }
    }

    @Test("the fast path answers for the canonical forms")
    func answers() {
        for text in ["2024-05", "2024/25 Q1", "2099/00 Q2", "2024/25", "2099/00", "2024"] {
            var utf8 = Array(text.utf8)
            #expect(utf8.withUnsafeMutableBufferPointer { Period(canonicalBytes: UnsafeBufferPointer($0)) } != nil, "\(text)")
        }
    }
}

@Suite("A calendar year's quarter")
struct CalendarQuarterHintTests {
    @Test("Q1 2024 is no period; the message says which financial quarter holds those months")
    func hint() {
        #expect(Period(cell: "Q1 2024") == nil)
        #expect(
            Period.calendarQuarterHint("Q1 2024")
                == "quarters are counted in the financial year, from April: write 2024/25 Q1 for April to June 2024, or 2023/24 Q4 for January to March 2024")
        #expect(
            Period.calendarQuarterHint("2024 Q3")
                == "quarters are counted in the financial year, from April: write 2024/25 Q3 for October to December 2024, or 2024/25 Q2 for July to September 2024")
        #expect(Period.calendarQuarterHint("Q4 2024")?.contains("write 2024/25 Q4 for January to March 2025, or 2024/25 Q3 for October to December 2024") == true)
        #expect(Period.calendarQuarterHint("2024/25 Q1") == nil && Period.calendarQuarterHint("May 2024") == nil)
    }
}
