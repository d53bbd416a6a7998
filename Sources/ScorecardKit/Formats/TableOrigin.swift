/// Where a table of the council's data comes from, for naming its problems: a CSV file, or a sheet of a workbook.
public struct TableOrigin: Sendable, Equatable {
    /// The file's path as the user gave it: the CSV file, or the workbook.
    public var file: String
    /// The workbook's sheet; `nil` for a CSV file.
    public var sheet: String?

    public init(file: String, sheet: String? = nil) {
        self.file = file
        self.sheet = sheet
    }

    /// `line 7` in a file, `row 7` in a sheet: for messages that refer to another place in the same table.
    public func lineName(_ line: Int) -> String {
        sheet == nil ? "line \(line)" : "row \(line)"
    }

    /// The place of a field: its line (or row), its 0-based column and its name.
    public func place(line: Int?, column: Int? = nil, field: String?) -> DataPlace {
        DataPlace(origin: self, line: line, column: column, field: field)
    }

    /// A problem with the table as a whole.
    public func error(_ message: String) -> DataFileError {
        place(line: nil, field: nil).error(message)
    }
}

/// Where one field of the council's data is: a file's line and field, or a workbook's cell.
public struct DataPlace: Sendable, Equatable {
    public var origin: TableOrigin
    /// The line, or the row of a sheet.
    public var line: Int?
    /// The 0-based column.
    public var column: Int?
    /// The column's or key's name.
    public var field: String?

    public init(origin: TableOrigin, line: Int?, column: Int?, field: String?) {
        self.origin = origin
        self.line = line
        self.column = column
        self.field = field
    }

    /// The problem `message` at this place.
    public func error(_ message: String) -> DataFileError {
        DataFileError(file: origin.file, line: line, field: field, message: message, sheet: origin.sheet, column: column)
    }
}
