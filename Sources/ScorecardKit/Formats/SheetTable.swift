/// A table given as rows of text cells, each with its row number: a workbook's sheet as a reader of the file format
/// hands it over (cells already written as text: numbers plainly, dates as `2024-05-01`).
///
/// The first row that is not blank is the header, and its last heading sets the table's width: shorter rows are
/// padded with empty cells, and a cell beyond the last heading is a problem unless it is blank. Blank rows are
/// skipped, as a spreadsheet leaves formatted but empty rows.
public struct SheetTable: TextTable, Sendable {
    /// One row of the sheet.
    public struct Row: Sendable, Equatable {
        /// The 1-based row number.
        public var number: Int
        /// The cells from column A on; an empty string for an empty cell.
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        /// Whether every cell is empty or spaces.
        public var isBlank: Bool { cells.allSatisfy { $0.trimmingWhitespace().isEmpty } }
    }

    public let origin: TableOrigin
    public var rows: [Row]
    /// The table's width when its header is wider than its first row: years over the periods of the row below
    /// (``PeriodBandHeader``), the last merged across cells the sheet leaves empty.
    public var headerWidth: Int?

    public init(origin: TableOrigin, rows: [Row], headerWidth: Int? = nil) {
        self.origin = origin
        self.rows = rows
        self.headerWidth = headerWidth
    }

    public func forEachRecord(_ body: (borrowing TableRecord) throws -> Void) throws {
        var width: Int?
        var record = TableRecord()
        for row in rows where !row.isBlank {
            let count: Int
            if let width {
                count = width
                if let extra = row.cells.indices.dropFirst(width).first(where: { !row.cells[$0].trimmingWhitespace().isEmpty }) {
                    throw origin.place(line: row.number, column: extra, field: nil).error(
                        "a value beyond the last column heading (\(ColumnName.letters(width - 1))): give its column a heading, or clear the cell")
                }
            } else {
                count = max((row.cells.lastIndex { !$0.trimmingWhitespace().isEmpty } ?? -1) + 1, headerWidth ?? 0)
                width = count
            }
            record.reset(line: row.number)
            for i in 0..<count {
                if i < row.cells.count { record.append(contentsOf: row.cells[i].utf8) }
                record.endField()
            }
            try body(record)
        }
    }
}
