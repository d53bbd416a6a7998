/// Reads `observations.csv`: one row per measure and period (see `docs/data-format.md`).
public struct ObservationsFile {
    /// The columns the file may have.
    public enum Column: String, CaseIterable, Sendable {
        case measure, period, value, target, note, quality
    }

    /// The required columns.
    public static let required: [Column] = [.measure, .period, .value]

    /// The file name used in errors.
    public let file: String
    let measures: [Measure]
    let indexByCode: [String: Int]

    /// - Parameters:
    ///   - measures: the framework's measures; rows are checked against their codes and frequencies.
    public init(file: String, measures: [Measure]) {
        self.file = file
        self.measures = measures
        self.indexByCode = Dictionary(measures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the file's bytes into one observation list per measure (at the measure's index), sorted by period.
    /// Throws a ``DataLoadError`` listing every problem found (up to its limit); nothing is returned then.
    public func read(_ bytes: [UInt8]) throws -> [[Observation]] {
        var result = [[Observation]](repeating: [], count: measures.count)
        var errors: [DataFileError] = []
        var columns: [Column: Int] = [:]
        var width = 0
        // For duplicates: the line each (measure, period) was first given on.
        var seen: [Int: Int] = [:]
        func fail(_ line: Int, _ field: Column?, _ message: String) throws {
            errors.append(DataFileError(file: file, line: line, field: field?.rawValue, message: message))
            if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
        }
        do {
            try CSVReader(bytes: bytes, file: file).forEachRecord { record in
                if width == 0 {
                    width = record.count
                    columns = try header(record)
                    return
                }
                guard record.count == width else {
                    try fail(record.line, nil, "the row has \(record.count) fields; the header has \(width)")
                    return
                }
                try row(record, columns: columns, into: &result, seen: &seen, fail: fail)
            }
        } catch let error as DataFileError {
            errors.append(error)
        }
        if width == 0, errors.isEmpty {
            errors.append(DataFileError(file: file, line: nil, field: nil, message: "the file is empty; it needs a header row: measure,period,value"))
        }
        guard errors.isEmpty else { throw DataLoadError(errors) }
        for i in result.indices where !result[i].isSorted(by: { $0.period < $1.period }) {
            result[i].sort { $0.period < $1.period }
        }
        return result
    }

    private func header(_ record: borrowing CSVRecord) throws -> [Column: Int] {
        var columns: [Column: Int] = [:]
        for i in 0..<record.count {
            let name = record.string(i).trimmingWhitespace().lowercased()
            guard let column = Column(rawValue: name) else {
                let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                throw DataFileError(file: file, line: record.line, field: name, message: "unknown column (the columns are \(known))")
            }
            guard columns[column] == nil else {
                throw DataFileError(file: file, line: record.line, field: name, message: "the column appears twice")
            }
            columns[column] = i
        }
        for column in Self.required where columns[column] == nil {
            throw DataFileError(file: file, line: record.line, field: column.rawValue, message: "the required column is missing")
        }
        return columns
    }

    private func row(
        _ record: borrowing CSVRecord, columns: [Column: Int], into result: inout [[Observation]],
        seen: inout [Int: Int], fail: (Int, Column?, String) throws -> Void
    ) throws {
        let line = record.line
        let code = record.string(columns[.measure] ?? 0).trimmingWhitespace()
        guard let index = indexByCode[String(code)] else {
            try fail(line, .measure, code.isEmpty ? "the measure code is empty" : "unknown measure code \"\(code)\" (not in the framework)")
            return
        }
        let frequency = measures[index].frequency
        let periodColumn = columns[.period] ?? 1
        guard let period = record.withBytes(periodColumn, Period.init(canonicalBytes:)) ?? Period(parsing: record.string(periodColumn))
        else {
            let periodText = record.string(periodColumn)
            try fail(line, .period, "\"\(periodText)\" is not a period (write 2024-05, May 2024, 2024/25 Q1, 2024/25 or 2024)")
            return
        }
        guard period.kind == frequency.periodKind else {
            let periodText = record.string(periodColumn)
            try fail(line, .period, "\(code) is reported \(frequency.rawValue); \"\(periodText)\" is \(period.kind.article)")
            return
        }
        var value: Double?
        if let column = columns[.value], !record.isBlank(column) {
            value = record.withBytes(column) { NumberParser.parse($0) }
            if value == nil { try fail(line, .value, "\"\(record.string(column))\" is not a number"); return }
        }
        var target: Double?
        if let column = columns[.target], !record.isBlank(column) {
            target = record.withBytes(column) { NumberParser.parse($0) }
            if target == nil { try fail(line, .target, "\"\(record.string(column))\" is not a number"); return }
        }
        var quality: DataQuality?
        if let column = columns[.quality], !record.isBlank(column) {
            let text = record.string(column).trimmingWhitespace().lowercased()
            quality = DataQuality(rawValue: text)
            if quality == nil {
                try fail(line, .quality, "\"\(text)\" is not a data quality (provisional, estimated or validated)")
                return
            }
        }
        var note: String?
        if let column = columns[.note], !record.isBlank(column) { note = record.string(column) }
        let key = index << 32 | (period.ordinal & 0xFFFF_FFFF)
        if let first = seen.updateValue(line, forKey: key) {
            seen[key] = first
            try fail(line, .period, "\(code) \(period.label) is given twice (first on line \(first))")
            return
        }
        result[index].append(Observation(period: period, value: value, target: target, note: note, quality: quality))
    }
}

extension Period.Kind {
    /// "a month", "a quarter", "a financial year", "a calendar year".
    var article: String {
        switch self {
        case .month: "a month"
        case .quarter: "a quarter"
        case .financialYear: "a financial year"
        case .calendarYear: "a calendar year"
        }
    }
}
