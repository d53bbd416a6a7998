/// Where each field of a national download is, found by the header's headings (case, spaces and punctuation
/// aside), and how to read a row by them.
struct NationalColumns {
    /// The fields a row is read into.
    enum Field: CaseIterable {
        case indicatorID, indicator, parentCode, parentName, areaCode, areaName, areaType, sex, age, categoryType, category
        case period, periodOrder, periodRange, value, lowerCI, upperCI, lowerCI998, upperCI998, count, denominator, valueNote
        case comparedToEngland, comparedToParent
    }

    let publisher: NationalDataset.Publisher
    let headings: [String]
    private(set) var columns: [Field: Int] = [:]

    /// Fingertips' headings, normalised (see ``normalized(_:)``). The parent comparison's heading names the parent's
    /// area type (`Compared to Region value or percentiles`, `Compared to parent ...`): any `compared to ...` column
    /// but England's and the goal's is it.
    static let fingertips: [String: Field] = [
        "indicator id": .indicatorID, "indicator name": .indicator, "parent code": .parentCode, "parent name": .parentName,
        "area code": .areaCode, "area name": .areaName, "area type": .areaType, "sex": .sex, "age": .age,
        "category type": .categoryType, "category": .category, "time period": .period,
        "time period sortable": .periodOrder, "time period range": .periodRange, "value": .value,
        "lower ci 95 0 limit": .lowerCI, "upper ci 95 0 limit": .upperCI, "lower ci 99 8 limit": .lowerCI998,
        "upper ci 99 8 limit": .upperCI998, "count": .count, "denominator": .denominator, "value note": .valueNote,
        "compared to england value or percentiles": .comparedToEngland,
    ]

    init(headings: [String], line: Int, file: String) throws {
        self.headings = headings
        let names = headings.map(Self.normalized)
        let missing = ["Area Code", "Time period", "Value"].filter { !names.contains(Self.normalized($0)) }
        guard missing.isEmpty else {
            // Two of the three there: a heading renamed or mistyped, said as such rather than as another kind of file.
            let message =
                missing.count == 1
                ? "the header has no \"\(missing[0])\" column (a Fingertips download has \"Area Code\", \"Time period\" and "
                    + "\"Value\"; give the heading as downloaded)"
                : "this is not a Fingertips download: its header has no \"Area Code\", \"Time period\" and \"Value\" columns "
                    + "(download the indicator's data as CSV from Fingertips)"
            throw DataFileError(file: file, line: line, field: nil, message: message)
        }
        publisher = .fingertips
        for (column, name) in names.enumerated() {
            let field: Field?
            if let known = Self.fingertips[name] {
                field = known
            } else if name.hasPrefix("compared to "), name != "compared to goal", !name.hasPrefix("compared to england") {
                field = .comparedToParent
            } else {
                field = nil
            }
            guard let field else { continue }
            if let first = columns[field] {
                // Two differently named columns compare with the parent area (Region's and parent's).
                let message =
                    names[first] == name
                    ? "the column appears twice"
                    : "\"\(headings[first].excerpt())\" and this column both compare with the parent area: a download has one"
                throw DataFileError(file: file, line: line, field: headings[column], message: message)
            }
            columns[field] = column
        }
        guard columns[.indicator] != nil || columns[.indicatorID] != nil else {
            throw DataFileError(
                file: file, line: line, field: "Indicator Name",
                message: "the required column is missing (a Fingertips download has \"Indicator ID\" and \"Indicator Name\")")
        }
    }

    /// A heading as compared: lower case, every run of characters other than letters and digits one space.
    static func normalized(_ heading: String) -> String {
        var words: [String] = []
        var word = ""
        for character in heading.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The text of `field` in `record`: empty when the file has no such column or the row stops short of it.
    func text(_ field: Field, in record: borrowing TableRecord) -> String {
        guard let column = columns[field], column < record.count else { return "" }
        return String(record.string(column).trimmingWhitespace())
    }

    /// The period's range (`1y`, `3y`), which tells apart rows for the same period text.
    func range(of record: borrowing TableRecord) -> String { text(.periodRange, in: record) }

    /// The row `record` as a ``NationalRecord``.
    func record(from record: borrowing TableRecord, file: String) throws -> NationalRecord {
        if record.count > headings.count {
            for column in headings.count..<record.count where !record.isBlank(column) {
                throw DataFileError(
                    file: file, line: record.line, field: nil,
                    message: "the row has \(record.count) fields, more than the header's \(headings.count)")
            }
        }
        // The header again (two downloads pasted one after the other): said so, rather than "not a number".
        if record.count == headings.count, (0..<record.count).allSatisfy({ record.string($0) == headings[$0] }) {
            throw DataFileError(
                file: file, line: record.line, field: nil,
                message: "the row repeats the header: were two downloads joined? Keep the first header only")
        }
        func number(_ field: Field) throws -> Double? {
            let text = self.text(field, in: record)
            if text.isEmpty || NumberParser.isNoValue(text) { return nil }
            let column = columns[field]!
            guard let value = NumberParser.parse(text) else {
                throw DataFileError(
                    file: file, line: record.line, field: headings[column],
                    message: "\"\(text.excerpt())\" is not a number", column: column)
            }
            // Within ±10^15, as every figure Scorecard takes: 1e308 would be judged against England.
            if let problem = ValueLimits.insanity(of: value) {
                throw DataFileError(file: file, line: record.line, field: headings[column], message: problem, column: column)
            }
            return value
        }
        let areaCode = text(.areaCode, in: record)
        guard !areaCode.isEmpty else {
            // A line of text under the table ("Source: OHID, Fingertips"), said as such: one cell, or words whose
            // commas made several cells, with no figure where the value goes.
            let filled = (0..<record.count).filter { !record.isBlank($0) }
            let cells = filled.map { String(record.string($0).trimmingWhitespace()) }
            let words = cells.first.map { $0.contains(where: \.isLetter) && $0.contains(where: \.isWhitespace) } ?? false
            // A row of figures missing its code has a period and a value (or a mark for one withheld, `[c]`).
            let figures = !text(.value, in: record).isEmpty || !text(.period, in: record).isEmpty
            let message =
                filled.count == 1 || (words && !figures)
                ? "the row holds only \"\(cells.joined(separator: ", ").excerpt())\", not an area's figures: "
                    + "a note below the table? Delete it"
                : "the row has no area code"
            throw DataFileError(file: file, line: record.line, field: headings[columns[.areaCode]!], message: message, column: columns[.areaCode])
        }
        let period = text(.period, in: record)
        guard !period.isEmpty else {
            throw DataFileError(
                file: file, line: record.line, field: headings[columns[.period]!], message: "the row has no period",
                column: columns[.period])
        }
        let order = text(.periodOrder, in: record)
        let lowerCI = try number(.lowerCI)
        let upperCI = try number(.upperCI)
        let value = try number(.value)
        let lowerCI998 = try number(.lowerCI998)
        let upperCI998 = try number(.upperCI998)
        for (lowerField, lower, upper) in [(Field.lowerCI, lowerCI, upperCI), (.lowerCI998, lowerCI998, upperCI998)] {
            guard let lower, let upper else { continue }
            if lower > upper {
                throw DataFileError(
                    file: file, line: record.line, field: headings[columns[lowerField]!],
                    message: "the lower limit \(lower) is above the upper limit \(upper)", column: columns[lowerField])
            }
            // A value outside its own interval: its significance word (from the interval) and its rank (from the
            // value) would contradict each other ("better than England", ranked last). The limits are published
            // rounded, the value sometimes not: a millionth is allowed.
            let upperField: Field = lowerField == .lowerCI ? .upperCI : .upperCI998
            // (The allowance is worked out only for a value outside the limits as read: on every row it took a
            // tenth of `benchmark`'s time.)
            if let value, value < lower || value > upper,
                value < lower - Self.roundingAllowance(text(lowerField, in: record))
                    || value > upper + Self.roundingAllowance(text(upperField, in: record))
            {
                throw DataFileError(
                    file: file, line: record.line, field: headings[columns[.value]!],
                    message: "the value \(Self.shown(value)) is outside its own interval, \(text(lowerField, in: record).excerpt()) to "
                        + "\(text(upperField, in: record).excerpt())",
                    column: columns[.value])
            }
        }
        func published(_ field: Field) -> String? {
            let text = self.text(field, in: record)
            return columns[field] == nil ? nil : text
        }
        return NationalRecord(
            line: record.line, indicatorID: text(.indicatorID, in: record), indicator: text(.indicator, in: record),
            parentCode: text(.parentCode, in: record), parentName: text(.parentName, in: record), areaCode: areaCode,
            areaName: text(.areaName, in: record), areaType: text(.areaType, in: record), period: period,
            periodOrder: order.isEmpty ? period : order, sex: text(.sex, in: record), age: text(.age, in: record),
            categoryType: text(.categoryType, in: record), category: text(.category, in: record),
            value: value, lowerCI: lowerCI, upperCI: upperCI, lowerCI998: lowerCI998,
            upperCI998: upperCI998, count: try number(.count), denominator: try number(.denominator),
            valueNote: text(.valueNote, in: record), publishedComparedToEngland: published(.comparedToEngland),
            publishedComparedToParent: published(.comparedToParent))
    }

    /// `number` as the file would write it (`61`, not `61.0`).
    static func shown(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// How far outside a published limit, written `text`, a value may lie for the limit's rounding: half a unit in
    /// its last decimal place (`2.18` may stand for 2.1849), and a little more for the binary arithmetic.
    static func roundingAllowance(_ text: String) -> Double {
        let digits = text.split(separator: ".").dropFirst().first?.prefix { $0.isNumber }.count ?? 0
        guard !text.lowercased().contains("e") else { return 1e-9 }
        var unit = 1.0
        for _ in 0..<min(digits, 15) { unit /= 10 }
        return unit / 2 + 1e-12
    }
}
