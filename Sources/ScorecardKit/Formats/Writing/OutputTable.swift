/// A table to write out: a CSV file, or a sheet of a workbook. The header is the first row.
public struct OutputTable: Sendable, Equatable {
    /// One cell: text, or a number (a workbook keeps it as a number, so that a spreadsheet can add it up).
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)

        /// The cell as the data files write it: a number plainly (`87.5`, `1234`).
        public var text: String {
            switch self {
            case .text(let text): text
            case .number(let number): formatPlain(number)
            }
        }
    }

    /// The sheet's name, or the CSV file's name without `.csv`.
    public var name: String
    public var rows: [[Cell]]

    public init(name: String, rows: [[Cell]]) {
        self.name = name
        self.rows = rows
    }

    /// The table as CSV: fields holding a comma, a quote, a line break or edge spaces quoted; lines end LF. A
    /// text a spreadsheet would take for a formula (`=HYPERLINK(...)`) is guarded by an apostrophe
    /// (``CSVField/guarded(_:)``), which reading the file takes off again.
    public var csv: String {
        rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let text): CSVField.escaped(CSVField.guarded(text))
                case .number: CSVField.escaped(cell.text)
                }
            }.joined(separator: ",") + "\n"
        }.joined()
    }
}

extension OutputTable.Cell {
    /// Text, or an empty cell for empty text.
    init(_ text: String) { self = .text(text) }

    /// A number, or an empty cell for none.
    init(_ number: Double?) { self = number.map { .number($0) } ?? .text("") }

    static let empty = OutputTable.Cell.text("")
}
