extension TextTable {
    /// The table's header and its rows, each row read through the header; `nil` for a table with no header row.
    ///
    /// - Throws: ``DataFileError`` for a bad header, or a row whose number of fields is not the header's.
    func records(
        context: String, known: [String], aliases: [String: String] = [:], targets: Bool = false, required: [String]
    ) throws -> (header: TableHeader, rows: [TableRow])? {
        var all = try rows()
        // A title above the headings (a sheet saved as CSV: "Measures list", the date it was run), as a workbook's
        // sheet and observations.csv have them: up to nine rows of one cell each, skipped when a row of headings
        // naming the required columns follows them.
        if let below = Self.headingsBelowTitle(all, known: known, aliases: aliases, required: required) { all.removeFirst(below) }
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

    /// Where the headings are when rows of one cell stand above them (a title): the index of the row naming every
    /// `required` column, when every row before it, up to ``ObservationsFile/rowsAboveHeader``, has one cell of
    /// text at most; `nil` when the first row is the headings or is no title.
    private static func headingsBelowTitle(
        _ rows: [(line: Int, fields: [String])], known: [String], aliases: [String: String], required: [String]
    ) -> Int? {
        func names(_ row: (line: Int, fields: [String])) -> Set<String> {
            Set(row.fields.map { heading in
                let name = TableHeader.normalized(heading)
                return known.contains(name) ? name : aliases[name] ?? name
            })
        }
        func isTitle(_ row: (line: Int, fields: [String])) -> Bool {
            row.fields.filter { !$0.trimmingWhitespace().isEmpty }.count <= 1
        }
        guard let first = rows.first, !required.allSatisfy(names(first).contains), isTitle(first) else { return nil }
        for index in rows.indices.dropFirst().prefix(ObservationsFile.rowsAboveHeader) {
            if required.allSatisfy(names(rows[index]).contains) { return index }
            guard isTitle(rows[index]) else { return nil }
        }
        return nil
    }
}
