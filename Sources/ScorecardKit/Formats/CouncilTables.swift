import Foundation
/// A council given as tables alone, as a workbook's sheets give it: its settings (council, plan, reporting period,
/// default tolerance), priorities, measures, actions and observations. See `docs/data-format.md`.
public struct CouncilTables {
    /// The file the tables are in (the workbook), for problems with the whole.
    public var file: String
    /// The `key, value` rows of the Council sheet.
    public var settings: (any TextTable)?
    public var priorities: (any TextTable)?
    public var measures: (any TextTable)?
    public var actions: (any TextTable)?
    /// Long (`measure,period,value`) or wide (one column per period).
    public var observations: (any TextTable)?
    /// The day values are recorded on: a value for a period that has not ended by then is refused (`nil`: no check).
    public var today: CivilDate?

    public init(
        file: String, settings: (any TextTable)?, priorities: (any TextTable)?, measures: (any TextTable)?,
        actions: (any TextTable)?, observations: (any TextTable)?, today: CivilDate? = nil
    ) {
        self.file = file
        self.settings = settings
        self.priorities = priorities
        self.measures = measures
        self.actions = actions
        self.observations = observations
        self.today = today
    }

    /// Loads and checks everything, all or nothing.
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its table, line (or cell) and field.
    public func load() throws -> Council {
        let contents = try loadFramework()
        return Council(plan: contents.plan, measures: contents.measures, observations: try loadObservations(for: contents.measures))
    }

    /// Loads and checks the settings, priorities, measures and actions.
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its table, line (or cell) and field.
    public func loadFramework() throws -> FrameworkFile.Contents {
        guard let settings else {
            throw DataLoadError([TableOrigin(file: file).error("there is no Council sheet: it holds the council's name and plan (rows council and plan)")])
        }
        guard measures != nil else {
            throw DataLoadError([TableOrigin(file: file).error("there is no Measures sheet: it holds one row per measure")])
        }
        let (plan, tolerance) = try DataLoadError.collecting { try SettingsTable(table: settings).read() }
        let base = FrameworkFile.Contents(plan: plan, measures: [], defaultTolerance: tolerance)
        var framework = try FrameworkTables(priorities: priorities, measures: measures, actions: actions)
            .assemble(onto: base, origin: settings.origin)
        // National downloads are named relative to the workbook's folder.
        let folder = file.folderPart
        try DataLoadError.collecting { try ComparatorReader.read(into: &framework.measures, relativeTo: folder.isEmpty ? "." : folder) }
        return framework
    }

    /// Loads and checks the observations against `measures`: one list per measure, in period order (all empty when
    /// there is no table).
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its table, line (or cell) and field.
    public func loadObservations(for measures: [Measure]) throws -> [[Observation]] {
        guard let observations else { return [[Observation]](repeating: [], count: measures.count) }
        return try ObservationsFile(file: observations.origin.file, measures: measures, today: today).read(table: observations)
    }

    /// Checks the observations as ``loadObservations(for:)`` does, handing the rows to `emit` as they are read
    /// instead of keeping them (see ``ObservationsFile/stream(table:to:)``); returns how many there were.
    public func streamObservations(
        for measures: [Measure], to emit: (_ rows: [(measure: Int, observation: Observation)]) -> Void
    ) throws -> Int {
        guard let observations else { return 0 }
        return try ObservationsFile(file: observations.origin.file, measures: measures, today: today).stream(table: observations, to: emit)
    }
}
