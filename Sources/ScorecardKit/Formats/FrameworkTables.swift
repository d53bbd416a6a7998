/// The tables that hold the framework beside (or instead of) `framework.yaml`: priorities and delivery plans,
/// measures, and actions. They are read in that order, so that the measures and actions can name the priorities and
/// delivery plans defined before them (or create them, see ``PlanOutline``).
struct FrameworkTables {
    var priorities: (any TextTable)?
    var measures: (any TextTable)?
    var actions: (any TextTable)?

    /// Whether there is any table to read.
    var isEmpty: Bool { priorities == nil && measures == nil && actions == nil }

    /// `base` (from `framework.yaml` or a Council sheet) with the tables' priorities, measures and actions added.
    ///
    /// - Parameter origin: where `base` came from, for a framework left with no priority.
    /// - Throws: ``DataLoadError`` naming each problem's table, line (or cell) and field.
    func assemble(onto base: FrameworkFile.Contents, origin: TableOrigin) throws -> FrameworkFile.Contents {
        var contents = base
        var outline = PlanOutline(base.plan.priorities)
        if let priorities {
            try PrioritiesTable(table: priorities).read(into: &outline)
            outline.isDefined = true
        }
        if let measures { contents.measures = try MeasuresTable(table: measures).read(defaultTolerance: base.defaultTolerance, into: &outline) }
        if let actions { try ActionsTable(table: actions).read(into: &outline) }
        contents.plan.priorities = outline.priorities
        guard !outline.priorities.isEmpty else {
            throw DataLoadError([origin.place(line: nil, field: "priorities").error("the framework needs at least one priority (or a measure with a priority)")])
        }
        return contents
    }
}
