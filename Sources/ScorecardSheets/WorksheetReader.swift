import Foundation
import ScorecardKit

/// Reads one worksheet's part into rows of cell text (see ``CellValue``), each row with its number and its cells
/// from column A, empty where the sheet has none (`A1`, `C1`: B is empty).
struct WorksheetReader {
    let archive: WorkbookArchive
    let sheet: String
    let sharedStrings: [String]
    let formats: NumberFormats
    let uses1904Dates: Bool

    /// The sheet's rows in row order; `cellBudget` is what is left of ``WorkbookLimits/cells`` and is spent here.
    func rows(part: String, cellBudget: inout Int) throws -> [SheetTable.Row] {
        guard let data = try archive.data(part) else {
            throw WorkbookArchive.error(archive.path, "its sheet \(sheet) is missing (no part \(part))")
        }
        var rows: [SheetTable.Row] = []
        var row: SheetTable.Row?
        var column = -1
        var cell: CellValue?
        var value: String?
        var inline: String?
        var hasFormula = false
        var hasValueElement = false
        var reading: String?
        var inlineDepth = 0
        var phonetic = 0
        var budget = cellBudget
        /// The numbers of the rows read.
        var numbers: Set<Int> = []
        /// The ranges merged down one column (`<mergeCell ref="G3:G4"/>`, after the rows).
        var merges: [(column: Int, rows: ClosedRange<Int>)] = []
        let origin = TableOrigin(file: archive.path, sheet: sheet)
        // A cell that cannot be read (a formula with no saved value, an error value, a time) is reported with the
        // others like it, as a table's bad rows are: one run names them all.
        var cellProblems: [DataFileError] = []
        func problem(_ error: DataFileError) throws {
            cellProblems.append(error)
            if cellProblems.count >= DataLoadError.limit { throw DataLoadError(cellProblems, truncated: true) }
        }
        /// The heading over `column` of a cell in row `number`, as the table's other messages name it: the first
        /// row above with two or more cells of text (the headings, under any title), if it has text there.
        func heading(_ column: Int, above number: Int) -> String? {
            let headings = rows.first { $0.number < number && $0.cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count >= 2 }
            guard let cells = headings?.cells, cells.indices.contains(column) else { return nil }
            let text = cells[column].trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        try XMLEvents.parse(data, part: part, file: archive.path) { event in
            switch event {
            case .start("row", let attributes):
                let number = attributes["r"].flatMap { Int($0) } ?? ((rows.last?.number ?? 0) + 1)
                guard number >= 1, number <= WorkbookLimits.rows else {
                    throw origin.place(line: nil, column: nil, field: nil).error("a row numbered \(attributes["r"] ?? "") is outside the sheet")
                }
                row = SheetTable.Row(number: number, cells: [])
                column = -1
            case .start("c", let attributes):
                guard let number = row?.number else { return }
                if let reference = attributes["r"] {
                    guard let (letters, rowNumber) = Self.split(reference), rowNumber == number, let index = ColumnName.index(letters) else {
                        throw origin.place(line: number, column: nil, field: nil).error("\"\(reference.excerpt())\" is not a cell of row \(number)")
                    }
                    column = index
                } else {
                    column += 1
                }
                guard column < ColumnName.limit else { throw origin.place(line: number, column: nil, field: nil).error("a cell lies beyond column XFD") }
                cell = CellValue(type: attributes["t"], format: formats.kind(attributes["s"].flatMap { Int($0) }))
                value = nil
                inline = nil
                hasFormula = false
                hasValueElement = false
            case .start("f", _): hasFormula = true
            case .start("v", _) where cell != nil:
                reading = "v"
                hasValueElement = true
            case .start("is", _) where cell != nil: inlineDepth += 1
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _) where inlineDepth > 0 && phonetic == 0: reading = "t"
            case .end("v"), .end("t"): reading = nil
            case .end("is"): inlineDepth -= 1
            case .text(let text):
                // Appended in place: a new string for each piece of a 40 MB cell made reading it quadratic.
                if reading == "v" { if value == nil { value = text } else { value?.append(text) } }
                if reading == "t" { if inline == nil { inline = text } else { inline?.append(text) } }
            case .end("c"):
                guard var found = cell, var current = row else { return }
                cell = nil
                found.value = value
                found.inline = inline
                // A formula's saved empty text (`=IF(x, "", y)`) is `<v/>`: an empty cell, not a missing value.
                if hasFormula, value == nil, !(hasValueElement && found.type == "str") {
                    try problem(origin.place(line: current.number, column: column, field: heading(column, above: current.number)).error("the cell has a formula but no saved value (open the workbook in a spreadsheet program and save it)"))
                    return
                }
                let text: String
                switch found.text(sharedStrings: sharedStrings, uses1904Dates: uses1904Dates) {
                case .success(let written): text = written
                case .failure(let failure):
                    try problem(origin.place(line: current.number, column: column, field: heading(column, above: current.number)).error("the cell \(failure.message)"))
                    return
                }
                guard !text.isEmpty else { return }
                if current.cells.count <= column {
                    budget -= column + 1 - current.cells.count
                    guard budget >= 0 else {
                        throw WorkbookArchive.error(archive.path, "its sheets hold more than \(archive.limits.cells) cells, more than a council's workbook needs")
                    }
                    current.cells += [String](repeating: "", count: column + 1 - current.cells.count)
                }
                // A cell given twice (only a damaged or hand-made file holds one): which is meant cannot be told.
                guard current.cells[column].isEmpty else {
                    throw origin.place(line: current.number, column: column, field: nil).error("the cell is given twice in the sheet's file")
                }
                current.cells[column] = text
                row = current
            case .end("row"):
                if let current = row {
                    guard numbers.insert(current.number).inserted else {
                        throw origin.place(line: current.number, column: nil, field: nil).error("the row is given twice in the sheet's file")
                    }
                    rows.append(current)
                }
                row = nil
            case .start("mergeCell", let attributes):
                // A sheet has a few hundred at most; millions, in a hand-made file, are not kept.
                if merges.count < Self.mergeLimit, let range = attributes["ref"].flatMap(Self.columnRange) { merges.append(range) }
            default: break
            }
        }
        if !cellProblems.isEmpty { throw DataLoadError(cellProblems) }
        rows.sort { $0.number < $1.number }
        Self.fill(&rows, downMerges: merges, budget: &budget)
        cellBudget = budget
        return rows
    }

    /// The most ranges merged down a column that a sheet's reading takes in.
    static let mergeLimit = 100_000

    /// A range of cells within one column (`G3:G6`): its column and its first and last rows; `nil` for any other
    /// range.
    static func columnRange(_ reference: String) -> (column: Int, rows: ClosedRange<Int>)? {
        let ends = reference.split(separator: ":")
        guard ends.count == 2, let (topLetters, top) = split(String(ends[0])), let (bottomLetters, bottom) = split(String(ends[1])),
            topLetters == bottomLetters, top <= bottom, let column = ColumnName.index(topLetters)
        else { return nil }
        return (column, top...bottom)
    }

    /// Gives each cell of a range merged down one column the text of the range's top cell, as the sheet
    /// shows it (a measure's service or priority merged over several rows, as councils group them: the cells
    /// below the top one are stored empty, and their measures lost their service, or were refused for want of
    /// a priority). Ranges across columns are left alone: a note merged wider is one note, not several.
    static func fill(_ rows: inout [SheetTable.Row], downMerges merges: [(column: Int, rows: ClosedRange<Int>)], budget: inout Int) {
        guard !merges.isEmpty else { return }
        var index: [Int: Int] = [:]
        for (position, row) in rows.enumerated() { index[row.number] = position }
        // Only the rows the sheet has are visited, and only so many in all: a hand-made file of a million
        // overlapping merges cannot hold the reader (Excel makes no overlapping ones).
        var visits = 10_000_000
        for merge in merges {
            guard let top = index[merge.rows.lowerBound], rows[top].cells.indices.contains(merge.column) else { continue }
            let text = rows[top].cells[merge.column]
            // A figure merged over rows is one figure, not one a row (a value merged over three periods was three
            // values); names (a service, a priority, a period) are what merging groups rows by.
            guard !text.isEmpty, NumberParser.parse(text) == nil else { continue }
            var position = top + 1
            while position < rows.count, rows[position].number <= merge.rows.upperBound {
                defer { position += 1 }
                visits -= 1
                guard visits >= 0 else { return }
                if rows[position].cells.count <= merge.column {
                    budget -= merge.column + 1 - rows[position].cells.count
                    guard budget >= 0 else { return }
                    rows[position].cells += [String](repeating: "", count: merge.column + 1 - rows[position].cells.count)
                }
                // What the sheet shows: the top cell's text, whatever a hidden cell below it holds.
                rows[position].cells[merge.column] = text
            }
        }
    }

    /// `D7` -> (`D`, 7).
    static func split(_ reference: String) -> (Substring, Int)? {
        guard let digit = reference.firstIndex(where: \.isNumber) else { return nil }
        return Int(reference[digit...]).map { (reference[..<digit], $0) }
    }
}
