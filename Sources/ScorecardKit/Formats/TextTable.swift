/// A table of text, header first: a CSV file, or a sheet of a workbook. The readers of the council's tables
/// (observations, measures, priorities, actions) read any of them the same way.
public protocol TextTable {
    /// Where the table comes from, for naming its problems.
    var origin: TableOrigin { get }

    /// Calls `body` with each record, the header first. Blank lines (rows) are skipped.
    func forEachRecord(_ body: (borrowing TableRecord) throws -> Void) throws
}

extension TextTable {
    /// Every record as strings, with its line: for the small tables (measures, priorities, actions).
    func rows() throws -> [(line: Int, fields: [String])] {
        var rows: [(line: Int, fields: [String])] = []
        try forEachRecord { record in
            rows.append((record.line, (0..<record.count).map { record.string($0) }))
        }
        return rows
    }
}
