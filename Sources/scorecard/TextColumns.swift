import Dashboard

/// Tables of text for the command line: columns padded to their widest cell.
enum TextColumns {
    /// `rows` as lines, each column padded to its widest cell (counted in the terminal's columns, as the dashboard
    /// counts them: 全角 takes four, an emoji two), the `rightAligned` ones on the right, two spaces between columns
    /// and none at the end of a line.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { column in rows.map { $0[column].displayWidth }.max() ?? 0 }
        return rows.map { row in
            var line = row.indices.map { column in
                let padding = String(repeating: " ", count: max(0, widths[column] - row[column].displayWidth))
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
