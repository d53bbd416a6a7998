/// Reads `observations.csv` (or a workbook's Observations sheet): one row per measure and period, or one row per
/// measure with a column per period (see `docs/data-format.md`).
public struct ObservationsFile {
    /// The columns a file with one row per measure and period may have.
    public enum Column: String, CaseIterable, Sendable {
        case measure, period, value, target, note, quality
    }

    /// The required columns of a file with one row per measure and period.
    public static let required: [Column] = [.measure, .period, .value]

    /// The file name used in errors when reading bytes.
    public let file: String
    let measures: [Measure]
    let indexByCode: [String: Int]
    /// Each lowercased code's measure: a file may write `kbi-01` for `KBI-01`, as `record` may (a framework
    /// refuses codes differing only in case, so this never picks between two).
    let indexByFoldedCode: [String: Int]
    /// Each measure's ``Measure/valueLimits``, at its index: checked on every row.
    let limits: [ValueLimits]
    /// Each measure's kind of period, at its index: checked on every row (from `measures`, a whole measure was
    /// copied a row).
    let periodKinds: [Period.Kind]
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
        self.indexByCode = Measure.indexByCode(measures)
        var folded = [String: Int](minimumCapacity: measures.count)
        for index in measures.indices.reversed() { folded[measures[index].code.lowercased()] = index }
        self.indexByFoldedCode = folded
        self.limits = measures.indices.map { measures[$0].valueLimits }
        self.periodKinds = measures.map { $0.frequency.periodKind }
    }

    /// Reads the file's bytes (CSV) into one observation list per measure (at the measure's index), sorted by period.
    /// Throws a ``DataLoadError`` listing every problem found (up to its limit); nothing is returned then.
    public func read(_ bytes: [UInt8]) throws -> [[Observation]] {
        try read(table: CSVReader(bytes: bytes, file: file))
    }

    /// Reads a table (a CSV file, a workbook's sheet) as ``read(_:)`` reads a file's bytes.
    public func read(table: some TextTable) throws -> [[Observation]] {
        var result = try read(table: table, emit: nil, keepingObservations: true).result
        for i in result.indices where !result[i].isSorted(by: { $0.period < $1.period }) {
            result[i].sort { $0.period < $1.period }
        }
        return result
    }

    /// Checks the file's bytes (CSV) as ``read(_:)`` does, handing the rows to `emit` now and then (each with its
    /// measure's index, in file order) instead of keeping them, so that a caller can write them while the rest is
    /// read; returns how many there were. The rows are only good if the whole read succeeds.
    public func stream(_ bytes: [UInt8], to emit: (_ rows: [(measure: Int, observation: Observation)]) -> Void) throws -> Int {
        try stream(table: CSVReader(bytes: bytes, file: file), to: emit)
    }

    /// Checks a table (a CSV file, a workbook's sheet) as ``stream(_:to:)`` does a file's bytes.
    public func stream(table: some TextTable, to emit: (_ rows: [(measure: Int, observation: Observation)]) -> Void) throws -> Int {
        try withoutActuallyEscaping(emit) { emit in
            try read(table: table, emit: emit, keepingObservations: false).count
        }
    }

    private func read(
        table: some TextTable, emit: ((_ rows: [(measure: Int, observation: Observation)]) -> Void)?, keepingObservations: Bool
    ) throws -> ReadState {
        do {
            return try read(table: table, emit: emit, keepingObservations: keepingObservations, headerLine: nil)
        } catch is TitleAbove {
            // Read again from the header, when one of the first rows with text is one; else as before, the first
            // row taken for the header (and its problems reported as such).
            let header = Self.headerLine(in: table)
            return try read(table: table, emit: emit, keepingObservations: keepingObservations, headerLine: header ?? 0)
        }
    }

    /// Thrown when a table's first row with text is neither headings nor years over them: a title above them.
    private struct TitleAbove: Error {}

    /// Thrown to stop looking for the headings once found.
    private struct HeadingsFound: Error {}

    /// How many rows with text may stand above the headings (a title, the date it was run, a note), as on a
    /// workbook's sheet.
    static let rowsAboveHeader = 9

    /// Whether `cells` are the headings of observations: two of `measure`, `code`, `period`, `value`, or a
    /// measure column beside another heading (as a wide file has), as a workbook's sheet finds them.
    package static func isHeader(_ cells: [String]) -> Bool {
        let names = cells.map { TableHeader.normalized($0) }.filter { !$0.isEmpty }
        let measureColumn = names.contains { $0 == "measure" || $0 == "code" || $0 == "measure_code" }
        return names.filter { ["measure", "code", "measure_code", "period", "value"].contains($0) }.count >= 2
            || (measureColumn && names.count >= 2)
    }

    /// The line of the headings of a table whose first rows are a title or a note above them: the first of the
    /// first ten rows with text that is headings (or years over them), or `nil`.
    private static func headerLine(in table: some TextTable) -> Int? {
        var found: Int?
        var filled = 0
        do {
            try table.forEachRecord { record in
                let cells = (0..<record.count).map { record.string($0) }
                guard cells.contains(where: { !$0.trimmingWhitespace().isEmpty }) else { return }
                filled += 1
                if filled > 1, isHeader(cells) || PeriodBandHeader.isBand(cells) { found = record.line }
                if found != nil || filled > rowsAboveHeader { throw HeadingsFound() }
            }
        } catch is HeadingsFound {
        } catch {
            return nil  // Reported by the read from the first row.
        }
        return found
    }

    /// Reads `table`, from `headerLine` on when given (0: from the first row, whatever it is).
    private func read(
        table: some TextTable, emit: ((_ rows: [(measure: Int, observation: Observation)]) -> Void)?, keepingObservations: Bool,
        headerLine: Int?
    ) throws -> ReadState {
        let origin = table.origin
        var state = ReadState(origin: origin, measureCount: measures.count, emitting: emit != nil, keepsObservations: keepingObservations)
        var layout: Layout?
        // The layout's columns and unheaded columns, taken out of it once: copied out of `layout` on every row, its
        // arrays were retained and released a row (measured by `perf` on the benchmark's import).
        var columns: Layout.Kind?
        var unheaded: [Int] = []
        var width = 0
        // A first row that may be years over the periods of the row below it (see `PeriodBandHeader`).
        var band: (line: Int, cells: [String])?
        do {
            try table.forEachRecord { record in
                if let headerLine, record.line < headerLine { return }
                if layout == nil {
                    let cells = (0..<record.count).map { record.string($0) }
                    // Rows with no text above the headings are skipped; a first row of text that is not headings
                    // may be a title above them (see `headerLine(in:)`).
                    if band == nil, !cells.contains(where: { !$0.trimmingWhitespace().isEmpty }) { return }
                    if headerLine == nil, band == nil, !Self.isHeader(cells), !PeriodBandHeader.isBand(cells) { throw TitleAbove() }
                    guard let above = band else {
                        width = record.count
                        if PeriodBandHeader.isBand(cells) {
                            band = (record.line, cells)
                        } else {
                            layout = try Layout(headings: cells, line: record.line, origin: origin)
                        }
                        return
                    }
                    band = nil
                    if record.count == width, let headings = PeriodBandHeader.combined(band: above.cells, headings: cells) {
                        layout = try Layout(headings: headings, line: record.line, origin: origin)
                        return
                    }
                    // Not periods under years: the first row is the header, and this one a row of values.
                    layout = try Layout(headings: above.cells, line: above.line, origin: origin)
                }
                if columns == nil, let layout { (columns, unheaded, state.columnNames) = (layout.kind, layout.unheaded, layout.names) }
                guard let columns else { return }
                // A row of nothing but spaces (`   `, or `,,,` as spreadsheets export trailing rows) is skipped,
                // whatever its number of fields.
                if record.count != width, (0..<record.count).allSatisfy({ record.isBlank($0) }) { return }
                guard record.count == width else {
                    try state.fail(record.line, nil, "the row has \(NumberText.counted(record.count, "field")); the header has \(width)")
                    return
                }
                if let column = unheaded.first(where: { !record.isBlank($0) }) {
                    try state.fail(record.line, column, TableHeader.unheadedValue(column: column))
                    return
                }
                switch columns {
                case .long(let columns): try longRow(record, columns: columns, into: &state)
                case .wide(let columns): try wideRow(record, columns: columns, into: &state)
                }
                if let emit, state.pending.count >= Self.emitStep {
                    emit(state.pending)
                    state.pending.removeAll(keepingCapacity: true)
                }
            }
            if layout == nil, let above = band { layout = try Layout(headings: above.cells, line: above.line, origin: origin) }
        } catch let error as DataFileError {
            state.errors.append(error)
        }
        if layout == nil, state.errors.isEmpty {
            state.errors.append(origin.error("the file is empty; it needs a header row: measure,period,value"))
        }
        guard state.errors.isEmpty else { throw DataLoadError(state.errors) }
        if let emit, !state.pending.isEmpty { emit(state.pending) }
        return state
    }

    /// How many rows pass between two calls of `emit`.
    static let emitStep = 32_768

    /// A row of a file with one row per measure and period.
    private func longRow(
        _ record: borrowing TableRecord, columns: LongColumns, into state: inout ReadState
    ) throws {
        let line = record.line
        guard let index = try measure(record, columns.measure, &state) else { return }
        let periodColumn = columns.period
        let kind = periodKinds[index]
        guard
            let period = record.withBytes(periodColumn, Period.init(canonicalBytes:))
                ?? Period(cell: record.string(periodColumn), kind: kind)
        else {
            let periodText = record.string(periodColumn)
            try state.fail(line, periodColumn, "\"\(periodText.excerpt())\" is not a period (\(Period.writingHint(for: periodText)))")
            return
        }
        // Said as written, but a date (a spreadsheet keeps `Aug-24` as 2024-08-01) as its month.
        try observation(
            record, measure: index, period: period,
            periodText: Period(parsing: record.string(periodColumn)) == nil ? period.label : record.string(periodColumn), at: periodColumn,
            cells: columns.cells, into: &state)
    }

    /// A row of a file with one row per measure and a column per period: an observation for each period whose
    /// cells are not all blank.
    private func wideRow(
        _ record: borrowing TableRecord, columns: WideColumns, into state: inout ReadState
    ) throws {
        guard let index = try measure(record, columns.measure, &state) else { return }
        // A heading dated the day a quarter or year ends is that period for a quarterly or annual measure.
        for group in columns.cells(of: record, for: measures[index].frequency.periodKind) {
            let cells = group.cells
            guard [cells.value, cells.target, cells.note, cells.quality].contains(where: { $0 >= 0 && !record.isBlank($0) }) else { continue }
            try observation(
                record, measure: index, period: group.period, periodText: group.heading, at: group.firstColumn, cells: cells,
                into: &state)
        }
    }
}
