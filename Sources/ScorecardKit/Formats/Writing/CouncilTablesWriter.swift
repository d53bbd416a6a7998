/// A council as tables, in the layout ``CouncilTables`` and ``CouncilDirectory`` read back to the same council:
/// settings, priorities, actions, measures and observations (see `docs/data-format.md`).
public enum CouncilTablesWriter {
    /// The Council sheet: a `setting, value` heading, then the council, plan and reporting period.
    public static func settings(_ council: Council) -> OutputTable {
        var rows: [[OutputTable.Cell]] = [[.text("setting"), .text("value")]]
        rows.append([.text("council"), .text(council.plan.council)])
        rows.append([.text("plan"), .text(council.plan.title)])
        if let period = council.plan.reportingPeriod { rows.append([.text("reporting_period"), .text(period.description)]) }
        return OutputTable(name: "Council", rows: rows)
    }

    /// One row per priority, each followed by a row per delivery plan.
    public static func priorities(_ council: Council) -> OutputTable {
        var rows: [[OutputTable.Cell]] = [PrioritiesTable.fields.map { .text($0) }]
        for priority in council.plan.priorities {
            rows.append([.text(priority.code), .empty, .text(priority.title), .text(priority.lead), .empty, .text(priority.description)])
            for plan in priority.plans {
                rows.append([.text(priority.code), .text(plan.code), .text(plan.title), .empty, .text(plan.owner), .empty])
            }
        }
        return OutputTable(name: "Priorities", rows: rows)
    }

    /// One row per action, with its priority and delivery plan.
    public static func actions(_ council: Council) -> OutputTable {
        var rows: [[OutputTable.Cell]] = [ActionsTable.fields.map { .text($0) }]
        for priority in council.plan.priorities {
            for plan in priority.plans {
                for a in plan.actions {
                    rows.append([
                        .text(priority.code), .text(plan.code), .text(a.title), .text(a.owner), .text(a.due?.description ?? ""),
                        .text(a.progress.rawValue), .number(Double(a.percentComplete)),
                    ])
                }
            }
        }
        return OutputTable(name: "Actions", rows: rows)
    }

    /// One row per measure, in the council's order: its fields (comparators named in `nationalFolder`), its priority
    /// and delivery plan, and a
    /// `target <period>` column for each period any measure has a target for.
    public static func measures(_ council: Council, nationalFolder: String = "national") -> OutputTable {
        let periods = Set(council.measures.flatMap { $0.targets.entries.map(\.period) }).sorted()
        var header = MeasureFieldValues.keys + ["profile", "priority", "delivery_plan"]
        header += periods.map { "target \($0.description)" }
        var rows: [[OutputTable.Cell]] = [header.map { .text($0) }]
        for (m, measure) in council.measures.enumerated() {
            let location = council.locations[m]
            let priority = council.plan.priorities[location.priority]
            var row = MeasureFieldValues.values(measure, nationalFolder: nationalFolder).map { $0 ?? .empty }
            row.append(.text(measure.targets.profile.map { $0.map { formatPlain($0) }.joined(separator: ";") } ?? ""))
            row.append(.text(priority.code))
            row.append(.text(location.plan.map { priority.plans[$0].code } ?? ""))
            row += periods.map { OutputTable.Cell(measure.targets[$0]) }
            rows.append(row)
        }
        return OutputTable(name: "Measures", rows: rows)
    }

    /// The observations: one row per measure and period (`measure,period,value,target,note,quality`), or `wide`, one
    /// row per measure with a column per period (and `target`, `note` and `quality` columns for the periods that
    /// have any).
    public static func observations(_ council: Council, wide: Bool = false) -> OutputTable {
        wide ? wideObservations(council) : longObservations(council)
    }

    private static func longObservations(_ council: Council) -> OutputTable {
        var rows: [[OutputTable.Cell]] = [ObservationsFile.Column.allCases.map { .text($0.rawValue) }]
        for (m, list) in council.observations.enumerated() {
            for o in list {
                rows.append([
                    .text(council.measures[m].code), .text(o.period.description), OutputTable.Cell(o.value), OutputTable.Cell(o.target),
                    .text(o.note ?? ""), .text(o.quality?.rawValue ?? ""),
                ])
            }
        }
        return OutputTable(name: "Observations", rows: rows)
    }

    private static func wideObservations(_ council: Council) -> OutputTable {
        let all = council.observations.joined()
        let periods = Set(all.map(\.period)).sorted()
        let targets = Set(all.filter { $0.target != nil }.map(\.period)).sorted()
        let notes = Set(all.filter { $0.note != nil }.map(\.period)).sorted()
        let qualities = Set(all.filter { $0.quality != nil }.map(\.period)).sorted()
        var header = ["measure"] + periods.map(\.description)
        header += targets.map { "target \($0.description)" } + notes.map { "note \($0.description)" }
        header += qualities.map { "quality \($0.description)" }
        var rows: [[OutputTable.Cell]] = [header.map { .text($0) }]
        for (m, list) in council.observations.enumerated() {
            let byPeriod = Dictionary(list.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
            var row: [OutputTable.Cell] = [.text(council.measures[m].code)]
            row += periods.map { OutputTable.Cell(byPeriod[$0]?.value) }
            row += targets.map { OutputTable.Cell(byPeriod[$0]?.target) }
            row += notes.map { .text(byPeriod[$0]?.note ?? "") }
            row += qualities.map { .text(byPeriod[$0]?.quality?.rawValue ?? "") }
            rows.append(row)
        }
        return OutputTable(name: "Observations", rows: rows)
    }

    /// The national downloads of the council's measures with comparators, written by ``NationalFileWriter`` into
    /// `folder`: each file's path (relative to the council) and bytes.
    public static func nationalFiles(_ council: Council, folder: String = "national") -> [(name: String, bytes: [UInt8])] {
        council.measures.compactMap { measure in
            measure.comparators.map {
                (NationalFileWriter.path(forMeasure: measure.code, in: folder), Array(NationalFileWriter.csv($0, indicator: measure.title, areaName: council.plan.council).utf8))
            }
        }
    }
}
