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
    /// The day values are recorded on: a value for a period that has not ended by then is refused.
    let today: CivilDate?

    /// - Parameters:
    ///   - measures: the framework's measures; rows are checked against their codes, frequencies and limits.
    ///   - today: when given, a value for a period that has not ended by this day is refused (a target may
    ///     be set ahead).
    public init(file: String, measures: [Measure], today: CivilDate? = nil) {
        self.file = file
        self.measures = measures
        self.today = today
        self.indexByCode = Dictionary(measures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads the file's bytes into one observation list per measure (at the measure's index), sorted by period.
    /// Throws a ``DataLoadError`` listing every problem found (up to its limit); nothing is returned then.
    ///
    /// - Parameter emit: when given, also called now and then with the rows read since its last call (each
    ///   with its measure's index), in file order, so that a caller can start writing them while the rest of the
    ///   file is read. They are only good if the whole read succeeds.
    public func read(_ bytes: [UInt8], emit: ((_ rows: [(measure: Int, observation: Observation)]) -> Void)? = nil) throws
        -> [[Observation]]
    {
        var state = ReadState(measureCount: measures.count, emitting: emit != nil)
        var errors: [DataFileError] = []
        var columns: [Column: Int] = [:]
        var width = 0
        func fail(_ line: Int, _ field: Column?, _ message: String) throws {
            errors.append(DataFileError(file: file, line: line, field: field?.rawValue, message: message))
            if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
        }
        var positions = ColumnPositions()
        do {
            try CSVReader(bytes: bytes, file: file).forEachRecord { record in
                if width == 0 {
                    width = record.count
                    columns = try header(record)
                    positions = ColumnPositions(columns)
                    return
                }
                guard record.count == width else {
                    try fail(record.line, nil, "the row has \(record.count) fields; the header has \(width)")
                    return
                }
                try row(record, columns: positions, into: &state, fail: fail)
                if let emit, state.pending.count >= Self.emitStep {
                    emit(state.pending)
                    state.pending.removeAll(keepingCapacity: true)
                }
            }
        } catch let error as DataFileError {
            errors.append(error)
        }
        if width == 0, errors.isEmpty {
            errors.append(DataFileError(file: file, line: nil, field: nil, message: "the file is empty; it needs a header row: measure,period,value"))
        }
        guard errors.isEmpty else { throw DataLoadError(errors) }
        if let emit, !state.pending.isEmpty { emit(state.pending) }
        var result = state.result
        for i in result.indices where !result[i].isSorted(by: { $0.period < $1.period }) {
            result[i].sort { $0.period < $1.period }
        }
        return result
    }

    /// How many rows pass between two calls of `emit`.
    static let emitStep = 32_768

    /// Where each column is (-1 when the file does not have it), looked up once rather than per row.
    private struct ColumnPositions {
        var measure = 0, period = 1, value = -1, target = -1, note = -1, quality = -1

        init() {}

        init(_ columns: [Column: Int]) {
            measure = columns[.measure] ?? 0
            period = columns[.period] ?? 1
            value = columns[.value] ?? -1
            target = columns[.target] ?? -1
            note = columns[.note] ?? -1
            quality = columns[.quality] ?? -1
        }
    }

    /// What a read keeps between rows.
    private struct ReadState {
        var result: [[Observation]]
        /// The rows not yet handed to `emit`.
        var pending: [(measure: Int, observation: Observation)] = []
        /// For duplicates: the line of each observation kept, by measure, in the order kept.
        var lines: [[Int32]]
        /// The latest period ordinal kept for each measure: a later one cannot be a duplicate.
        var lastOrdinal: [Int]
        /// For a measure whose rows came out of period order: the line each period was first given on.
        var seen: [Int: [Int: Int]] = [:]
        /// The previous row's measure code (as in the file) and its measure's index: rows come grouped by measure.
        var lastCode: [UInt8] = []
        var lastIndex = -1
        let emitting: Bool

        init(measureCount: Int, emitting: Bool) {
            self.emitting = emitting
            result = [[Observation]](repeating: [], count: measureCount)
            lines = [[Int32]](repeating: [], count: measureCount)
            lastOrdinal = [Int](repeating: .min, count: measureCount)
            if emitting { pending.reserveCapacity(ObservationsFile.emitStep) }
        }

        /// The line `ordinal` was already given on for measure `index`; else records it as given on `line`.
        mutating func firstLine(index: Int, ordinal: Int, line: Int) -> Int? {
            if seen[index] == nil {
                if ordinal > lastOrdinal[index] {
                    lastOrdinal[index] = ordinal
                    lines[index].append(Int32(truncatingIfNeeded: line))
                    return nil
                }
                // Out of order: from now on this measure's periods are looked up.
                var periods: [Int: Int] = [:]
                for (observation, line) in zip(result[index], lines[index]) {
                    periods[observation.period.ordinal] = Int(line)
                }
                seen[index] = periods
            }
            if let first = seen[index]![ordinal] { return first }
            seen[index]![ordinal] = line
            return nil
        }
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

    /// Whether `bytes` needs no trimming: empty, or starting and ending with a printable ASCII character
    /// (anything else goes through `trimmingWhitespace`, which knows every kind of space).
    private static func isTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    /// The measure index of the code in `field`, or the trimmed code when the framework has no such measure.
    private func measureIndex(_ record: borrowing CSVRecord, _ field: Int, _ state: inout ReadState) -> (Int?, Substring) {
        let sameAsLast = record.withBytes(field) { bytes in
            state.lastIndex >= 0 && Self.isTrimmed(bytes) && bytes.elementsEqual(state.lastCode)
        }
        if sameAsLast { return (state.lastIndex, "") }
        let code = record.string(field).trimmingWhitespace()
        guard let index = indexByCode[String(code)] else { return (nil, code) }
        record.withBytes(field) { bytes in
            state.lastCode.removeAll(keepingCapacity: true)
            state.lastCode.append(contentsOf: bytes)
        }
        state.lastIndex = index
        return (index, code)
    }

    private func row(
        _ record: borrowing CSVRecord, columns: ColumnPositions, into state: inout ReadState,
        fail: (Int, Column?, String) throws -> Void
    ) throws {
        let line = record.line
        let (found, trimmedCode) = measureIndex(record, columns.measure, &state)
        guard let index = found else {
            let code = trimmedCode
            try fail(line, .measure, code.isEmpty ? "the measure code is empty" : "unknown measure code \"\(code.excerpt())\" (not in the framework)")
            return
        }
        var code: String { measures[index].code.excerpt() }
        let frequency = measures[index].frequency
        let periodColumn = columns.period
        guard let period = record.withBytes(periodColumn, Period.init(canonicalBytes:)) ?? Period(parsing: record.string(periodColumn))
        else {
            let periodText = record.string(periodColumn)
            try fail(line, .period, "\"\(periodText.excerpt())\" is not a period (write 2024-05, May 2024, 2024/25 Q1, 2024/25 or 2024)")
            return
        }
        guard period.kind == frequency.periodKind else {
            let periodText = record.string(periodColumn)
            try fail(line, .period, "\(code) is reported \(frequency.rawValue); \"\(periodText.excerpt())\" is \(period.kind.article)")
            return
        }
        var value: Double?
        if columns.value >= 0, !record.isBlank(columns.value) {
            let column = columns.value
            value = record.withBytes(column) { NumberParser.parse($0) }
            if value == nil { try fail(line, .value, "\"\(record.string(column).excerpt())\" is not a number"); return }
            if let value, let problem = measures[index].problem(withValue: value) {
                try fail(line, .value, "\(code): \(problem)")
                return
            }
            if let today, !period.hasEnded(by: today) {
                try fail(line, .period, period.notEndedMessage)
                return
            }
        }
        var target: Double?
        if columns.target >= 0, !record.isBlank(columns.target) {
            let column = columns.target
            target = record.withBytes(column) { NumberParser.parse($0) }
            if target == nil { try fail(line, .target, "\"\(record.string(column).excerpt())\" is not a number"); return }
            if let target, let problem = ValueLimits.insanity(of: target) { try fail(line, .target, problem); return }
        }
        var quality: DataQuality?
        if columns.quality >= 0, !record.isBlank(columns.quality) {
            let column = columns.quality
            quality = record.withBytes(column, Self.exactQuality)
            if quality == nil {
                let text = record.string(column).trimmingWhitespace().lowercased()
                quality = DataQuality(rawValue: text)
                if quality == nil {
                    try fail(line, .quality, "\"\(text.excerpt())\" is not a data quality (provisional, estimated or validated)")
                    return
                }
            }
        }
        var note: String?
        if columns.note >= 0, !record.isBlank(columns.note) {
            if record.withBytes(columns.note, { $0.contains(0) }) {
                try fail(line, .note, "the commentary contains a NUL character (byte 0), which cannot be stored")
                return
            }
            note = record.string(columns.note)
        }
        if let first = state.firstLine(index: index, ordinal: period.ordinal, line: line) {
            try fail(line, .period, "\(code) \(period.label) is given twice (first on line \(first))")
            return
        }
        let observation = Observation(period: period, value: value, target: target, note: note, quality: quality)
        state.result[index].append(observation)
        if state.emitting { state.pending.append((index, observation)) }
    }

    /// The quality written exactly as its keyword (the usual case), without making a string.
    private static func exactQuality(_ bytes: UnsafeBufferPointer<UInt8>) -> DataQuality? {
        for quality in [DataQuality.validated, .provisional, .estimated] where bytes.elementsEqual(quality.rawValue.utf8) {
            return quality
        }
        return nil
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
