/// The layout of an LG Inform data download: one row per area, one column per metric and period.
///
/// Every header row starts with the cells `area label`, `area long label` and `area`; the download has six of them
/// (metric name, metric id, unit, value type, period label, period id), the web service's CSV may have fewer, so
/// every row whose `area` cell reads `area` is a header row. The area's type is read from its long label
/// (`Barnet (London borough)`). Values may carry thousands separators (`16,935`).
struct LGInformColumns {
    let headings: [String]
    /// The header rows after the first.
    private(set) var extraHeaders: [[String]] = []
    let areaLabelColumn: Int
    let longLabelColumn: Int
    let areaColumn: Int

    /// Whether `headings` are an LG Inform download's.
    static func recognises(_ headings: [String]) -> Bool {
        let names = Set(headings.map(NationalColumns.normalized))
        return names.contains("area") && names.contains("area label") && names.contains("area long label")
    }

    init(headings: [String], line: Int) {
        self.headings = headings
        let names = headings.map(NationalColumns.normalized)
        areaLabelColumn = names.firstIndex(of: "area label")!
        longLabelColumn = names.firstIndex(of: "area long label")!
        areaColumn = names.firstIndex(of: "area")!
    }

    /// The columns that hold values: every column but the three area ones.
    private var valueColumns: [Int] {
        headings.indices.filter { $0 != areaLabelColumn && $0 != longLabelColumn && $0 != areaColumn }
    }

    /// Keeps `record` when it is a further header row (its `area` cell reads `area`) and says whether it was one.
    mutating func takeHeader(_ record: borrowing TableRecord, file: String) throws -> Bool {
        guard areaColumn < record.count, NationalColumns.normalized(record.string(areaColumn)) == "area" else { return false }
        guard records.isEmpty else {
            throw DataFileError(file: file, line: record.line, field: "area", message: "a header row after the areas' rows")
        }
        extraHeaders.append((0..<record.count).map { record.string($0) })
        return true
    }

    /// Rows of areas have been read (header rows may not follow them).
    private var records: [Int] = []

    /// The header rows, the first included.
    private var allHeaders: [[String]] { [headings] + extraHeaders }

    /// The metric's name above `column`: the first header row.
    private func metric(_ column: Int) -> String { cell(allHeaders[0], column) }

    /// The metric's id above `column`: the second of six header rows.
    private func metricID(_ column: Int) -> String { allHeaders.count >= 6 ? cell(allHeaders[1], column) : "" }

    /// The period's label above `column`: the fifth of six header rows, else the last.
    private func periodLabel(_ column: Int) -> String {
        let rows = allHeaders
        return rows.count >= 5 ? cell(rows[4], column) : cell(rows[rows.count - 1], column)
    }

    /// The period's id above `column` (`fq_Q1_2010_11`): the sixth header row, which sorts in time order
    /// within a kind of period.
    private func periodID(_ column: Int) -> String { allHeaders.count >= 6 ? cell(allHeaders[5], column) : "" }

    private func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? String(row[column].trimmingWhitespace()) : ""
    }

    /// One record per value column of the area's row `record`.
    mutating func records(from record: borrowing TableRecord, file: String) throws -> [NationalRecord] {
        records.append(record.line)
        func text(_ column: Int) -> String {
            column < record.count ? String(record.string(column).trimmingWhitespace()) : ""
        }
        if record.count > headings.count {
            for column in headings.count..<record.count where !record.isBlank(column) {
                throw DataFileError(
                    file: file, line: record.line, field: nil,
                    message: "the row has \(record.count) fields, more than the header's \(headings.count)")
            }
        }
        let code = text(areaColumn)
        guard !code.isEmpty else {
            throw DataFileError(file: file, line: record.line, field: "area", message: "the row has no area code", column: areaColumn)
        }
        let longLabel = text(longLabelColumn)
        var areaType = ""
        if longLabel.hasSuffix(")"), let open = longLabel.lastIndex(of: "(") {
            areaType = String(longLabel[longLabel.index(after: open)..<longLabel.index(before: longLabel.endIndex)])
        }
        if code == NationalRecord.englandCode, areaType.isEmpty { areaType = "Country" }
        return try valueColumns.map { column in
            let raw = text(column)
            var value: Double?
            if !raw.isEmpty, !NumberParser.isNoValue(raw) {
                let field = headings[column].isEmpty ? nil : metric(column)
                guard let number = NumberParser.parse(raw) else {
                    throw DataFileError(
                        file: file, line: record.line, field: field, message: "\"\(raw.excerpt())\" is not a number", column: column)
                }
                // Within ±10^15, as every figure Scorecard takes.
                if let problem = ValueLimits.insanity(of: number) {
                    throw DataFileError(file: file, line: record.line, field: field, message: problem, column: column)
                }
                value = number
            }
            // One header row names the metric and nothing else: its name was read as every column's period.
            guard !extraHeaders.isEmpty else {
                throw DataFileError(
                    file: file, line: 1, field: nil,
                    message: "the download has one header row, which names the metric but no period: LG Inform's has six (the fifth gives "
                        + "each column's period); download it again with its header rows", column: column)
            }
            let period = periodLabel(column)
            guard !period.isEmpty else {
                throw DataFileError(
                    file: file, line: 1, field: nil, message: "column \(column + 1) has no period in the header rows", column: column)
            }
            let id = periodID(column)
            return NationalRecord(
                line: record.line, indicatorID: metricID(column), indicator: metric(column), areaCode: code,
                areaName: text(areaLabelColumn), areaType: areaType, period: period, periodOrder: id.isEmpty ? period : id,
                value: value)
        }
    }
}
