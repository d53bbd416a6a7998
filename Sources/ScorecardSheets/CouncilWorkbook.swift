import Foundation
import ScorecardKit

/// A council as one workbook: the sheets Council (settings), Priorities, Measures, Actions and Observations, laid out
/// as the CSV tables are (see `docs/data-format.md`). Sheet names are matched without regard to case or surrounding
/// spaces, singular or plural; other sheets (notes, charts, lookups) are ignored.
public enum CouncilWorkbook {
    /// Each table and the sheet names it goes by.
    enum Role: CaseIterable {
        case settings, priorities, measures, actions, observations

        var names: [String] {
            switch self {
            case .settings: ["council", "framework", "settings"]
            case .priorities: ["priorities", "priority"]
            case .measures: ["measures", "measure"]
            case .actions: ["actions", "action"]
            case .observations: ["observations", "observation", "values"]
            }
        }

        /// Headings that mark a sheet as this table under another name: one of each group; `nil` for a table no
        /// heading marks (the settings).
        var signature: [[String]]? {
            switch self {
            case .settings: nil
            case .priorities: [["priority"], ["title"], ["lead", "description"]]
            case .measures: [["code"], ["title"], ["frequency", "polarity", "unit"]]
            case .actions: [["delivery_plan", "plan"], ["title"], ["due", "complete", "status"]]
            case .observations: [["measure", "code"], ["period"], ["value"]]
            }
        }
    }

    /// The sheets of the workbook at `path` that are none of the council's tables (notes, lookups, charts): what an
    /// export written over it would lose.
    public static func otherSheets(path: String) throws -> [String] {
        try Workbook(path: path).sheetNames.filter { name in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return !Role.allCases.contains { $0.names.contains(key) }
        }
    }

    /// The sheets of the workbook at `path` with the headings of values (`measure`, `period`, `value`, under a title
    /// or not) beside its Observations sheet: only that one is read, so theirs are not imported. A council may keep
    /// such a sheet on purpose (last year's archive), or have meant it to be read ("Q1 data"): `check` and `import`
    /// say which are left out, rather than leave them out without a word. Empty when the workbook cannot be read.
    public static func unreadValueSheets(path: String) -> [String] {
        guard let workbook = try? Workbook(path: path), let signature = Role.observations.signature else { return [] }
        let named = workbook.sheetNames.filter { name in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return Role.allCases.contains { $0.names.contains(key) }
        }
        guard named.contains(where: { Role.observations.names.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }) else { return [] }
        return workbook.sheetNames.filter { name in
            guard !named.contains(name), let table = try? workbook.table(named: name) else { return false }
            let fromHeader = Self.fromHeader(table, role: .observations)
            let headings = Self.headings(fromHeader)
            if signature.allSatisfy({ alternatives in alternatives.contains(where: headings.contains) }) { return true }
            // Laid out one row per measure: a measure or code column beside columns headed by periods.
            let cells = fromHeader.rows.first(where: { !$0.isBlank })?.cells ?? []
            return (headings.contains("measure") || headings.contains("code")) && cells.contains { Period(cell: $0) != nil }
        }
    }

    /// The headings of a sheet's first row that has any, as the tables match them (`Delivery plan` is
    /// `delivery_plan`).
    static func headings(_ table: SheetTable) -> Set<String> {
        guard let header = table.rows.first(where: { !$0.isBlank }) else { return [] }
        return headings(of: header)
    }

    /// The headings of `row`, as the tables match them.
    static func headings(of row: SheetTable.Row) -> Set<String> {
        Set(row.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_") })
    }

    /// How many rows with text may stand above a table's header (a title, the date it was run, a note).
    static let rowsAboveHeader = 9

    /// `table` from its header row on, for a sheet whose first rows are a title or a note above the table ("Corporate
    /// performance, Q2 2024/25" in A1, the headings in row 3): the header is the first row (of the first ten with
    /// text) with two of the table's headings (``Role/signature``; for the values, also `measure` or `code` beside
    /// another heading, as the wide layout has), so a misspelt heading is still found in its row. On the Council
    /// sheet, rows of one cell above the first row naming a setting are titles. A sheet whose first row with text
    /// is the header, or with no such row (whose problems are then said of its first row), is as it was. Rows keep
    /// their numbers, so cells are named as the sheet shows them.
    static func fromHeader(_ table: SheetTable, role: Role) -> SheetTable {
        let filled = table.rows.indices.filter { !table.rows[$0].isBlank }.prefix(rowsAboveHeader + 1)
        func cellsWithText(_ row: SheetTable.Row) -> Int { row.cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count }
        let isHeader: (SheetTable.Row) -> Bool
        if let signature = role.signature {
            let known = Set(signature.joined())
            isHeader = { row in
                // The values' headings as observations.csv finds them under a title, by the same rule.
                if role == .observations { return ObservationsFile.isHeader(row.cells) }
                return headings(of: row).intersection(known).count >= 2
            }
        } else {
            isHeader = { row in SettingsTable.namesASetting(row.cells) }
        }
        guard let first = filled.first else { return table }
        let header: Int
        if isHeader(table.rows[first]) {
            header = first
        } else {
            guard let found = filled.dropFirst().first(where: { isHeader(table.rows[$0]) }) else { return table }
            header = found
        }
        // Above the settings, only a title of one cell: a row of two is a setting misnamed, said where it is.
        if role.signature == nil, !filled.prefix(while: { $0 < header }).allSatisfy({ cellsWithText(table.rows[$0]) == 1 }) { return table }
        if role == .observations {
            // Years over periods: the header found is the years (with `Code` beside them) and the periods are below,
            // or it is the periods and the years are just above.
            if let below = filled.first(where: { $0 > header }), let table = banded(table, band: header, below: below) { return table }
            if let band = filled.last(where: { $0 < header }), let table = banded(table, band: band, below: header) { return table }
        }
        return header == first ? table : SheetTable(origin: table.origin, rows: Array(table.rows[header...]))
    }

    /// `table` from row `band` on, when that row holds years over the periods of row `below` (`2024/25` merged
    /// across `Q1 | Q2 | Q3 | Q4`, see ``PeriodBandHeader``), as wide as the periods' row: the last year is merged
    /// across cells the sheet leaves empty. `nil` when the rows are not a band over periods.
    private static func banded(_ table: SheetTable, band: Int, below: Int) -> SheetTable? {
        let (upper, periods) = (table.rows[band].cells, table.rows[below].cells)
        guard PeriodBandHeader.isBand(upper), PeriodBandHeader.combined(band: upper, headings: periods) != nil else { return nil }
        let width = (periods.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? -1) + 1
        return SheetTable(origin: table.origin, rows: Array(table.rows[band...]), headerWidth: width)
    }

    /// The council's tables in the workbook at `path`, to be loaded (``CouncilTables/load()``).
    ///
    /// - Throws: ``DataLoadError`` naming the workbook (and sheet and cell) of a problem.
    public static func tables(path: String, today: CivilDate?, limits: WorkbookLimits = WorkbookLimits()) throws -> CouncilTables {
        do {
            let workbook = try Workbook(path: path, limits: limits)
            var found: [Role: String] = [:]
            for name in workbook.sheetNames {
                let key = name.trimmingCharacters(in: .whitespaces).lowercased()
                guard let role = Role.allCases.first(where: { $0.names.contains(key) }) else { continue }
                if let other = found[role] {
                    throw DataFileError(file: path, line: nil, field: nil, message: "the sheets \(other.excerpt()) and \(name.excerpt()) are the same table: keep one")
                }
                found[role] = name
            }
            // A table of Scorecard's under another name ("Action plan" for Actions) would be skipped without a word,
            // and an import would then remove the actions (or the priorities' titles) the database held.
            for name in workbook.sheetNames where !found.values.contains(name) {
                guard let missing = Role.allCases.filter({ found[$0] == nil }).first(where: { role in
                    role.signature.map { signature in
                        let headings = (try? workbook.table(named: name))?.flatMap(Self.headings) ?? []
                        return signature.allSatisfy { alternatives in alternatives.contains(where: headings.contains) }
                    } ?? false
                }) else { continue }
                throw DataFileError(
                    file: path, line: nil, field: nil,
                    message: "the sheet \"\(name.excerpt())\" has the columns of the \(missing.names[0].capitalized) table but not its "
                        + "name, so it would not be read: name it \(missing.names[0].capitalized)")
            }
            // A workbook has its measures on a sheet named Measures: one under another name ("Measure list", with
            // a title above its headings) was said to be missing, its name not said. A workbook without values is a
            // framework alone; but one whose values' sheet was renamed ("Q2 Data") would load as a council with no
            // data at all, every measure "no data".
            let unknown = workbook.sheetNames.filter { name in !found.values.contains(name) }
            let others = "the sheet" + (unknown.count == 1 ? " " : "s ") + unknown.map { "\"\($0.excerpt())\"" }.joined(separator: ", ")
                + (unknown.count == 1 ? " is" : " are") + " not one Scorecard reads"
            if found[.measures] == nil, !unknown.isEmpty {
                throw DataFileError(
                    file: path, line: nil, field: nil,
                    message: "no sheet is named Measures, which holds one row per measure; \(others): name the measures' sheet Measures")
            }
            if found[.observations] == nil, !unknown.isEmpty {
                throw DataFileError(
                    file: path, line: nil, field: nil,
                    message: "no sheet is named Observations (or Values), so no values would be read; \(others): name the values' sheet Observations")
            }
            // Every sheet is read before any is given up on: cells that cannot be read are named for all of them.
            var unreadable: [DataFileError] = []
            func table(_ role: Role) throws -> SheetTable? {
                do {
                    return try found[role].flatMap { try workbook.table(named: $0) }.map { sheet in
                        var table = Self.fromHeader(sheet, role: role)
                        // Settings are a name and a value, whatever the first row holds: `council` with its name left
                        // empty was taken for a one-column table, and the next row's value for a cell beyond it.
                        if role == .settings { table.headerWidth = max(table.headerWidth ?? 0, 2) }
                        return table
                    }
                } catch let error as DataLoadError {
                    unreadable += error.errors
                    return nil
                }
            }
            let tables = (
                settings: try table(.settings), priorities: try table(.priorities), measures: try table(.measures),
                actions: try table(.actions), observations: try table(.observations)
            )
            guard unreadable.isEmpty else { throw DataLoadError(Array(unreadable.prefix(DataLoadError.limit)), truncated: unreadable.count > DataLoadError.limit) }
            return CouncilTables(
                file: path, settings: tables.settings, priorities: tables.priorities, measures: tables.measures,
                actions: tables.actions, observations: tables.observations, today: today)
        } catch let error as DataFileError {
            throw DataLoadError([error])
        }
    }

    /// Refuses a council holding a figure with more significant digits than a spreadsheet keeps (15): its
    /// workbook would read back another figure (-999999999.9999999 as -1000000000). CSV and YAML keep it.
    static func checkSpreadsheetDigits(of council: Council, path: String) throws {
        func kept(_ number: Double) -> Bool {
            let plain = formatPlain(number)
            // Most figures have few digits: counted first, so that a large council's export is not slowed.
            let digits = plain.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).drop { $0 == "0" }.reversed().drop { $0 == "0" }
            return !number.isFinite || digits.count <= 15 || Double(CellValue.shown(plain)) == number
        }
        for (index, measure) in council.measures.enumerated() {
            let figures = measure.targets.chronological.map { ("target", $0.period, $0.value) }
                + council.observations[index].flatMap { observation in
                    [("value", observation.period, observation.value), ("target", observation.period, observation.target)].compactMap { what, period, number in
                        number.map { (what, period, $0) }
                    }
                }
            for (what, period, number) in figures where !kept(number) {
                throw ExportError(
                    path: path,
                    message: "\(measure.code) \(period.label): the \(what) \(formatPlain(number)) has more significant digits than a "
                        + "spreadsheet keeps (15), so the workbook would read back another figure; export as CSV or YAML "
                        + "(--format csv), which keep it; nothing was written")
            }
        }
    }

    /// The council's tables, in sheet order: Council, Priorities, Measures, Actions, Observations (`wide`: one row
    /// per measure and a column per period).
    public static func sheets(_ council: Council, wideObservations: Bool = false, nationalFolder: String = "national") -> [OutputTable] {
        [
            CouncilTablesWriter.settings(council), CouncilTablesWriter.priorities(council),
            CouncilTablesWriter.measures(council, nationalFolder: nationalFolder), CouncilTablesWriter.actions(council),
            CouncilTablesWriter.observations(council, wide: wideObservations),
        ]
    }

    /// Writes `council` as a workbook at `path` (see ``WorkbookWriter/write(_:to:)``). Outcome measures'
    /// comparators go beside it, in a folder named after the workbook (`council-national/` for `council.xlsx`),
    /// which its Measures sheet names. `previous` are the national files (as its Measures sheet names them) of
    /// the workbook of the same council that this one replaces: written by an export too, they may be
    /// replaced, and those of measures no longer the council's are removed once the workbook is written.
    public static func write(_ council: Council, wideObservations: Bool = false, to path: String, previous: Set<String> = []) throws {
        try ExportError.checkNumbers(of: council, path: path)
        try Self.checkSpreadsheetDigits(of: council, path: path)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingPathExtension().lastPathComponent + "-national"
        // The national files first: when they cannot be written, no workbook naming them is (one was, and did not
        // read back), and a workbook already at `path` stays as it was.
        let national = CouncilTablesWriter.nationalFiles(council, folder: folder)
        let base = url.deletingLastPathComponent()
        let folderURL = base.appendingPathComponent(folder)
        let madeFolder = !national.isEmpty && !FileManager.default.fileExists(atPath: folderURL.path)
        // What would stop the workbook is found before any national file is written (a directory where it goes).
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ExportError(path: path, message: "is a directory: give the workbook's file name (ending .xlsx)")
        }
        // A file where the folder goes, or a folder of that name holding files this export does not write, is
        // someone else's: left as it is.
        if !national.isEmpty, FileManager.default.fileExists(atPath: folderURL.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ExportError(
                path: folderURL.path,
                message: "is a file, where the workbook's national files go (a folder named after it): choose another --out; nothing was written")
        }
        let writing = Set(national.map { URL(fileURLWithPath: $0.0).lastPathComponent })
        let previousNames = Set(previous.compactMap { file -> String? in
            let components = (file as NSString).pathComponents
            return components.count == 2 && components[0] == folder ? components[1] : nil
        })
        let stale = previousNames.subtracting(writing).filter { FileManager.default.fileExists(atPath: folderURL.appendingPathComponent($0).path) }
        if !madeFolder, !national.isEmpty {
            let others = ((try? FileManager.default.contentsOfDirectory(atPath: folderURL.path)) ?? [])
                .filter { !writing.contains($0) && !previousNames.contains($0) }.sorted()
            if !others.isEmpty {
                throw ExportError(
                    path: folderURL.path,
                    message: "holds files this export does not write (\(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? ", ..." : "")), "
                        + "where the workbook's national files go: choose another --out, or move them; nothing was written")
            }
        }
        do {
            for (name, bytes) in national {
                let file = base.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file, options: .atomic)
            }
        } catch {
            if madeFolder { try? FileManager.default.removeItem(at: folderURL) }
            throw ExportError(path: folderURL.path, message: "cannot be written (\(error.localizedDescription))")
        }
        do {
            try WorkbookWriter.write(sheets(council, wideObservations: wideObservations, nationalFolder: folder), to: path)
        } catch {
            // Nothing of a failed export is left behind: the folder of national files goes too, if this made it.
            if madeFolder { try? FileManager.default.removeItem(at: folderURL) }
            throw error
        }
        // The workbook replaced named these and this one does not: an earlier export's, of measures gone since.
        for name in stale { try? FileManager.default.removeItem(at: folderURL.appendingPathComponent(name)) }
    }
}
