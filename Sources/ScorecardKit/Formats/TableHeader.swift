/// The header of a table of records (measures, priorities, actions): which column holds which field.
///
/// Headings are matched without regard to case, surrounding spaces, or spaces and hyphens in place of underscores
/// (`Lag days` is `lag_days`). A table of measures also has `target <period>` columns (`target 2024/25`,
/// `Target 2024-25`, `2024/25 Q1 target`). An unknown heading, a heading given twice or a missing required column
/// is an error naming the column. A column with no heading is left out, as long as it is blank throughout.
struct TableHeader {
    let origin: TableOrigin
    /// The header's line (or row).
    let line: Int
    /// The headings as written, for messages.
    let headings: [String]
    /// The column of each field, by the field's name as `framework.yaml` writes it (`lag_days`).
    private(set) var columns: [String: Int] = [:]
    /// The `target <period>` columns, in order.
    private(set) var targets: [(period: Period, periodText: String, column: Int)] = []
    /// The columns with no heading.
    private(set) var unheaded: [Int] = []

    /// Reads the header `record` of a table whose fields are `known` (`aliases` maps other names to them).
    ///
    /// - Parameters:
    ///   - targets: whether `target <period>` columns are allowed.
    ///   - required: the fields that must have a column.
    init(
        _ record: (line: Int, fields: [String]), origin: TableOrigin, known: [String], aliases: [String: String] = [:],
        targets allowsTargets: Bool = false, required: [String]
    ) throws {
        self.origin = origin
        line = record.line
        headings = record.fields
        // Every unknown column at once (a second misspelling was found only once the first was mended), as
        // observations.csv's are; the list of columns said once, after the first.
        var unknown: [DataFileError] = []
        for (column, heading) in headings.enumerated() {
            let place = origin.place(line: record.line, column: column, field: heading)
            let name = Self.normalized(heading)
            guard !name.isEmpty else {
                unheaded.append(column)
                continue
            }
            if allowsTargets, let (period, text) = Self.target(heading) {
                guard let period else { throw place.error("\"\(text.excerpt())\" is not a period (write target 2024/25, or target 2024/25 Q1)") }
                if targets.contains(where: { $0.period == period }) { throw place.error("a target for \(period.label) appears twice") }
                targets.append((period, text, column))
                continue
            }
            guard let field = known.contains(name) ? name : aliases[name] else {
                let names = known + (allowsTargets ? ["target <period>"] : [])
                let hint = allowsTargets && name == "target"
                    ? "a target column names its year or period: target 2024/25"
                    : "unknown column" + (Self.meant(heading, known: known, targets: allowsTargets).map { ": did you mean \($0)?" } ?? "")
                unknown.append(place.error(unknown.isEmpty ? "\(hint) (the columns are \(names.joined(separator: ", ")))" : hint))
                continue
            }
            guard columns[field] == nil else { throw place.error("the column appears twice") }
            columns[field] = column
        }
        if unknown.count == 1, let only = unknown.first { throw only }
        if !unknown.isEmpty { throw DataLoadError(unknown) }
        for field in required where columns[field] == nil {
            throw origin.place(line: record.line, field: field).error("the required column is missing")
        }
    }

    /// The column a misspelt `heading` means, as a misspelt key of `framework.yaml` is told (two edits or fewer):
    /// one of `known`, or, where targets are taken, `target <period>` (`tagret 2026/27`).
    static func meant(_ heading: String, known: [String], targets allowsTargets: Bool) -> String? {
        let words = heading.trimmingWhitespace().split(separator: " ", maxSplits: 1)
        if allowsTargets, words.count == 2, YAMLObject.editDistance(Array(words[0].lowercased()), Array("target")) <= 2,
            Period(parsing: String(words[1]).trimmingWhitespace()) != nil
        {
            return "target \(words[1].trimmingWhitespace())"
        }
        let typed = Array(normalized(String(heading.prefix(64))))
        guard let (closest, distance) = known.map({ ($0, YAMLObject.editDistance(typed, Array($0))) }).min(by: { $0.1 < $1.1 }),
            distance <= 2
        else { return nil }
        return closest
    }

    /// The problem with a value in a column with no heading, the 0-based `column`: named by its number, as
    /// The message for a row holding one cell of text, not a row of the table: a note under it, or a heading over
    /// a group of its rows.
    static func noteRow(_ text: some StringProtocol) -> String {
        "the row holds only \"\(String(text).excerpt())\": a note, or a heading over a group of rows? Delete the row (a table's rows are all of one kind)"
    }

    /// it has no name (in a sheet, the cell names it too).
    static func unheadedValue(column: Int) -> String {
        "a value in column \(column + 1), which has no heading: give the column a heading, or clear the cell"
    }

    /// `Lag days` -> `lag_days`: lower case, spaces trimmed, inner spaces and hyphens as underscores.
    static func normalized(_ heading: String) -> String {
        heading.trimmingWhitespace().lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" }).joined(separator: "_")
    }

    /// For a heading `target <period>` or `<period> target`: the period (`nil` when the text is not one) and its text.
    static func target(_ heading: String) -> (Period?, String)? {
        let words = heading.trimmingWhitespace().split(whereSeparator: \.isWhitespace)
        guard words.count > 1 else { return nil }
        let rest: ArraySlice<Substring>
        if words[0].lowercased() == "target" || words[0].lowercased() == "target:" {
            rest = words.dropFirst()
        } else if words[words.count - 1].lowercased() == "target" {
            rest = words.dropLast()
        } else {
            return nil
        }
        let text = rest.joined(separator: " ")
        return (Period(cell: text), text)
    }
}

/// One row of a table of records, read field by field through its ``TableHeader``.
struct TableRow: MeasureFields {
    let header: TableHeader
    let fields: [String]
    let line: Int
    var context: String

    var origin: TableOrigin { header.origin }

    /// The cell's text, trimmed; `nil` when the table has no such column or the cell is blank.
    func string(_ key: String) throws -> String? {
        guard let column = header.columns[key] else { return nil }
        let text = fields[column].trimmingWhitespace()
        if text.utf8.contains(0) { throw error(key, TableRow.nulProblem) }
        return text.isEmpty ? nil : String(text)
    }

    /// The problem with a NUL character in a field (no field may hold one: SQLite's text ends there).
    static let nulProblem = "the value holds a NUL character, which no field may hold"

    func error(_ key: String, _ message: String) -> DataFileError {
        let column = header.columns[key]
        return origin.place(line: line, column: column, field: column.map { header.headings[$0] } ?? key).error(message)
    }

    func targets() -> [TargetText] {
        header.targets.compactMap { target in
            let text = fields[target.column].trimmingWhitespace()
            guard !text.isEmpty else { return nil }
            let place = origin.place(line: line, column: target.column, field: header.headings[target.column])
            return TargetText(periodText: target.periodText, period: target.period, value: String(text), periodPlace: place, valuePlace: place)
        }
    }

    /// `15;40;65;100`, `15,40,65,100` or `[15, 40, 65, 100]`.
    func profile() throws -> [String?] {
        guard var text = try string("profile") else { return [] }
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        // `15;40;65;100`, `15,40,65,100`, or as a council may write it in a sheet, `15/40/65/100`.
        let separator: Character = text.contains(";") ? ";" : text.contains(",") ? "," : text.contains("/") ? "/" : ","
        return text.split(separator: separator, omittingEmptySubsequences: false).map { String($0.trimmingWhitespace()) }
    }

    /// Nothing to do: every column was checked against the table's fields when the header was read.
    func rejectUnknownKeys(allowed: [String]) {}
}
