/// Reads a table of measures (`measures.csv`, a workbook's Measures sheet): one row per measure, with a column per
/// field of a measure in `framework.yaml`, the `priority` and `delivery_plan` it sits under, and a
/// `target <period>` column per financial year (or single period). See `docs/data-format.md`.
struct MeasuresTable {
    /// The fields a column may hold.
    static let fields = FrameworkFile.measureKeys.filter { $0 != "targets" } + ["priority", "delivery_plan"]
    /// Other names for them.
    static let aliases = ["method": "methodology", "plan": "delivery_plan"]

    let table: any TextTable

    /// The measures, in row order, each placed in `outline` (which gains any priority or delivery plan first met here).
    ///
    /// - Throws: ``DataLoadError`` listing every row's problem (up to its limit).
    func read(defaultTolerance: Tolerance?, into outline: inout PlanOutline) throws -> [Measure] {
        let records = try DataLoadError.collecting {
            try table.records(
                context: "a measure", known: Self.fields, aliases: Self.aliases, targets: true, required: ["code", "title", "frequency"])
        }
        guard let (header, rows) = records else {
            throw DataLoadError([table.origin.error("the table is empty; it needs a header row: code,title,frequency,priority,...")])
        }
        // A table with no priority or delivery_plan column (a council's plain list of indicators) puts every measure
        // under the framework's one priority, or under one made for them, "All measures".
        let placeless = header.columns["priority"] == nil && header.columns["delivery_plan"] == nil
        if placeless, outline.priorities.count > 1 {
            let place = table.origin.place(line: header.line, field: "priority")
            throw DataLoadError([place.error("the framework has several priorities: add a priority (or delivery_plan) column to say which each measure sits under")])
        }
        var reader = MeasureReader(defaultTolerance: defaultTolerance)
        var errors: [DataFileError] = []
        for var row in rows {
            do {
                let m = try reader.measure(&row)
                let location = placeless ? (outline.priority(named: outline.priorities.first?.code ?? "All measures"), nil) : try outline.locate(&row)
                outline.add(measure: m, at: location)
            } catch let error as DataFileError {
                errors.append(error)
                if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
            }
        }
        guard errors.isEmpty else { throw DataLoadError(errors) }
        return reader.measures
    }
}
