import Dashboard

/// Tables of text for the command line: columns padded to their widest cell.
enum TextColumns {
    /// `rows` as lines, each column padded to its widest cell (counted in the terminal's columns, as the dashboard
    /// counts them: 全角 takes four, an emoji two), the `rightAligned` ones on the right, two spaces between columns
    /// and none at the end of a line.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let first = rows.first else { return [] }
        // Each cell measured once (measuring twice, and padding through joined arrays, took most of the time of a
        // 150,000-row `benchmark` table).
        let cellWidths = rows.map { row in row.map(\.displayWidth) }
        let widths = first.indices.map { column in cellWidths.lazy.map { $0[column] }.max() ?? 0 }
        return rows.indices.map { r in
            let row = rows[r]
            var line = ""
            for column in row.indices {
                if column > 0 { line += "  " }
                let padding = max(0, widths[column] - cellWidths[r][column])
                if rightAligned.contains(column) {
                    line += String(repeating: " ", count: padding) + row[column]
                } else {
                    line += row[column] + String(repeating: " ", count: padding)
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
