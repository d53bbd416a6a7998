extension TextTable {
    /// The table's header and its rows, each row read through the header; `nil` for a table with no header row.
    ///
    /// - Throws: ``DataFileError`` for a bad header, or a row whose number of fields is not the header's.
    func records(
        context: String, known: [String], aliases: [String: String] = [:], targets: Bool = false, required: [String]
    ) throws -> (header: TableHeader, rows: [TableRow])? {
        let all = try rows()
        guard let first = all.first else { return nil }
        let header = try TableHeader(first, origin: origin, known: known, aliases: aliases, targets: targets, required: required)
        let rows = try all.dropFirst().map { row in
            guard row.fields.count == first.fields.count else {
                throw origin.place(line: row.line, field: nil).error("the row has \(NumberText.counted(row.fields.count, "field")); the header has \(first.fields.count)")
            }
            if let column = header.unheaded.first(where: { !row.fields[$0].trimmingWhitespace().isEmpty }) {
                throw origin.place(line: row.line, column: column, field: nil).error(TableHeader.unheadedValue(column: column))
            }
            // A note or a heading in the table ("Targets agreed by Cabinet 12 March 2025" under the rows, "Customer and
            // Corporate" over a group of them), said as such rather than as a row missing its code.
            let filled = row.fields.indices.filter { !row.fields[$0].trimmingWhitespace().isEmpty }
            if filled.count == 1, let column = filled.first, let key = required.first {
                let text = row.fields[column].trimmingWhitespace()
                // Words, not a figure (a row of one value, its code missing, is a row missing its code).
                if text.contains(where: \.isLetter), header.columns[key] != column || text.contains(where: \.isWhitespace) || text.hasSuffix(":") {
                    throw origin.place(line: row.line, column: column, field: header.headings[column]).error(TableHeader.noteRow(text))
                }
            }
            return TableRow(header: header, fields: row.fields, line: row.line, context: context)
        }
        return (header, rows)
    }
}
