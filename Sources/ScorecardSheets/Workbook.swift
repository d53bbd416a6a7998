import Foundation
import ScorecardKit

/// An Excel workbook (`.xlsx`) opened for reading its sheets as tables of text.
///
/// The zip archive is read with ZIPFoundation and each XML part with Foundation's `XMLParser`, within
/// ``WorkbookLimits``. Cells come out as ``CellValue`` describes: shared and inline strings (rich text runs joined),
/// numbers as written, percentages and dates as their number formats show them, booleans as `true` or `false`.
public final class Workbook {
    /// The workbook's path as the user gave it.
    public let path: String
    private let archive: WorkbookArchive
    private let structure: WorkbookStructure
    private let sharedStrings: [String]
    private let formats: NumberFormats
    private var cellBudget: Int

    /// Opens the workbook at `path` and reads its structure, shared strings and styles.
    ///
    /// - Throws: ``DataFileError`` naming the file, for anything that is not a readable workbook within the limits.
    public init(path: String, limits: WorkbookLimits = WorkbookLimits()) throws {
        let archive = try WorkbookArchive(path: path, limits: limits)
        let structure = try WorkbookStructure(archive)
        self.path = path
        self.archive = archive
        self.structure = structure
        sharedStrings = try structure.sharedStringsPart.flatMap { part in
            try archive.data(part).map { try SharedStrings.read($0, part: part, archive: archive) }
        } ?? []
        formats = try structure.stylesPart.flatMap { part in
            try archive.data(part).map { try NumberFormats($0, part: part, archive: archive) }
        } ?? NumberFormats()
        cellBudget = limits.cells
    }

    /// The sheets' names, in workbook order.
    public var sheetNames: [String] { structure.sheets.map(\.name) }

    /// The sheet named `name` (exactly as the workbook names it) as a table; `nil` when there is no such sheet.
    ///
    /// - Throws: ``DataFileError`` naming the sheet (and cell) of a problem.
    public func table(named name: String) throws -> SheetTable? {
        guard let sheet = structure.sheets.first(where: { $0.name == name }) else { return nil }
        let reader = WorksheetReader(
            archive: archive, sheet: sheet.name, sharedStrings: sharedStrings, formats: formats, uses1904Dates: structure.uses1904Dates)
        return SheetTable(origin: TableOrigin(file: path, sheet: sheet.name), rows: try reader.rows(part: sheet.part, cellBudget: &cellBudget))
    }
}
