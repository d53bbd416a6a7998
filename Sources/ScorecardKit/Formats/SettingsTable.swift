/// Reads a table of settings (a workbook's Council sheet): one setting per row, its name in the first column and its
/// value in the second: `council` and `plan` (required), `reporting_period` and `tolerance` (the default tolerance).
/// A first row of headings, `key, value` (or `setting, value`, or anything over `value`), is skipped.
package struct SettingsTable {
    static let keys = ["council", "plan", "reporting_period", "tolerance"]
    static let aliases = ["default_tolerance": "tolerance", "council_plan": "plan"]

    let table: any TextTable

    /// The headings the column of settings' names may have.
    static let nameHeadings = ["key", "setting", "field"]

    /// Whether `cells`, a row, names a setting or heads the columns of them (`key`, `setting`, `field` over the
    /// names, or `value` over the values).
    package static func namesASetting(_ cells: [String]) -> Bool {
        let name = TableHeader.normalized(cells.first ?? "")
        return keys.contains(name) || aliases[name] != nil || nameHeadings.contains(name) || isValueHeading(cells)
    }

    /// Whether the second of `cells` is the heading `value`.
    static func isValueHeading(_ cells: [String]) -> Bool {
        cells.count > 1 && TableHeader.normalized(cells[1]) == "value"
    }

    /// The plan's heading (no priorities yet) and the default tolerance.
    ///
    /// - Throws: ``DataFileError`` for a row that is not a setting; ``DataLoadError`` for every bad setting.
    func read() throws -> (plan: CouncilPlan, defaultTolerance: Tolerance?) {
        var fields = SettingsFields(origin: table.origin)
        for (line, cells) in try table.rows() {
            let name = TableHeader.normalized(cells[0])
            let value = cells.count > 1 ? cells[1] : ""
            if fields.values.isEmpty, Self.isValueHeading(cells) { continue }
            if fields.values.isEmpty, Self.nameHeadings.contains(name) {
                throw table.origin.place(line: line, column: 1, field: value).error("the column of the settings' values is headed value")
            }
            let place = table.origin.place(line: line, column: 0, field: cells[0])
            guard let key = Self.keys.contains(name) ? name : Self.aliases[name] else {
                throw place.error("unknown setting (the settings are \(Self.keys.joined(separator: ", ")))")
            }
            if let first = fields.values[key] {
                throw place.error("the setting appears twice (first on \(table.origin.lineName(first.line)))")
            }
            fields.values[key] = (line, value)
        }
        let problems = ProblemCollector()
        let plan = try FrameworkFile.heading(&fields, problems: problems)
        let tolerance = try problems.attempt { try FrameworkFile.tolerance(&fields) } ?? nil
        try problems.finish()
        guard let plan else { throw DataLoadError(problems.errors) }
        return (plan, tolerance)
    }
}

/// The settings read by name: a ``DataFields`` whose fields are rows rather than columns.
struct SettingsFields: DataFields {
    let origin: TableOrigin
    var context = "the Council sheet"
    /// Each setting's row and value.
    var values: [String: (line: Int, text: String)] = [:]

    var line: Int { values.values.map(\.line).min() ?? 1 }

    func string(_ key: String) throws -> String? {
        guard let text = values[key]?.text.trimmingWhitespace(), !text.isEmpty else { return nil }
        if text.utf8.contains(0) { throw error(key, TableRow.nulProblem) }
        return String(text)
    }

    func error(_ key: String, _ message: String) -> DataFileError {
        guard let row = values[key]?.line else { return origin.place(line: nil, field: key).error(message) }
        return origin.place(line: row, column: 1, field: key).error(message)
    }

    /// Nothing to do: every row's setting was checked against the known settings as it was read.
    func rejectUnknownKeys(allowed: [String]) {}
}
