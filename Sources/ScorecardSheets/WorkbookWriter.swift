import Foundation
import ScorecardKit
import ZIPFoundation

/// Writes tables as the sheets of a minimal Excel workbook (`.xlsx`): text as inline strings, numbers as numbers,
/// the header row bold and frozen. Every spreadsheet program opens it.
public enum WorkbookWriter {
    /// Writes `tables`, one sheet each, to the workbook `given` (replacing a file there, or the file a symbolic link
    /// there points to), all or nothing: the workbook is built under a temporary name and renamed into place.
    ///
    /// - Throws: ``ExportError`` when it cannot be written; nothing is left behind then.
    public static func write(_ tables: [OutputTable], to given: String) throws {
        let path = try ExportError.fileDestination(given)
        try ExportError.checkDestination(path, directory: false)
        try checkSize(of: tables, path: path)
        let limits = WorkbookLimits()
        try CouncilExport.replacing(path) { temporary in
            let archive = try Archive(url: URL(fileURLWithPath: temporary), accessMode: .create)
            for (name, text) in parts(tables) {
                let data = Data(text.utf8)
                guard data.count <= limits.partBytes else {
                    throw ExportError(
                        path: path,
                        message: "would hold a sheet of \(data.count / 1_000_000) MB, more than the \(limits.partBytes / 1_000_000) MB a "
                            + "workbook is read back with: export the council as csv (its files have no such limit)")
                }
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.timestamp,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
    }

    /// Refuses, before anything is built, tables a workbook cannot hold or Scorecard would not read back: a sheet
    /// of more rows than Excel's, or more cells in all than ``WorkbookLimits`` reads.
    /// The most characters (UTF-16 code units, as Excel counts) a workbook's cell holds.
    static let cellCharacters = 32_767

    static func checkSize(of tables: [OutputTable], path: String) throws {
        let advice = "export the council as csv (its files have no such limit)"
        if let long = tables.first(where: { $0.rows.count > WorkbookLimits.rows }) {
            throw ExportError(
                path: path,
                message: "would need \(NumberText.grouped(Double(long.rows.count), decimals: 0)) rows in its \(long.name) sheet, more than a "
                    + "workbook's \(NumberText.grouped(Double(WorkbookLimits.rows), decimals: 0)): \(advice)")
        }
        // Excel holds at most 32,767 characters in a cell, and cuts (or "repairs") a longer one.
        for table in tables {
            for (r, row) in table.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    guard case .text(let text) = cell, text.utf16.count > Self.cellCharacters else { continue }
                    throw ExportError(
                        path: path,
                        message: "would put \(NumberText.grouped(Double(text.utf16.count), decimals: 0)) characters in cell "
                            + "\(ColumnName.letters(c))\(r + 1) of its \(table.name) sheet, more than the \(NumberText.grouped(Double(Self.cellCharacters), decimals: 0)) "
                            + "a workbook's cell holds: \(advice)")
                }
            }
        }
        let cells = tables.reduce(0) { total, table in total + table.rows.reduce(0) { $0 + $1.count } }
        let limit = WorkbookLimits().cells
        guard cells <= limit else {
            throw ExportError(
                path: path,
                message: "would hold \(NumberText.grouped(Double(cells), decimals: 0)) cells, more than the "
                    + "\(NumberText.grouped(Double(limit), decimals: 0)) a workbook is read back with: \(advice)")
        }
    }

    /// A fixed date for every part, so that the same council always gives the same bytes.
    static let timestamp = Date(timeIntervalSince1970: 1_767_225_600)

    /// Each part's name and XML text.
    static func parts(_ tables: [OutputTable]) -> [(String, String)] {
        let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let types = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var contentTypes = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        contentTypes += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        contentTypes += #"<Default Extension="xml" ContentType="application/xml"/>"#
        contentTypes += #"<Override PartName="/xl/workbook.xml" ContentType="\#(types).sheet.main+xml"/>"#
        contentTypes += #"<Override PartName="/xl/styles.xml" ContentType="\#(types).styles+xml"/>"#
        var workbook = declaration + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"#
        var workbookRelationships = declaration + #"<Relationships xmlns="\#(package)">"#
        var sheets: [(String, String)] = []
        for (i, table) in tables.enumerated() {
            let n = i + 1
            contentTypes += #"<Override PartName="/xl/worksheets/sheet\#(n).xml" ContentType="\#(types).worksheet+xml"/>"#
            workbook += #"<sheet name="\#(escaped(table.name))" sheetId="\#(n)" r:id="rId\#(n)"/>"#
            workbookRelationships += #"<Relationship Id="rId\#(n)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(n).xml"/>"#
            sheets.append(("xl/worksheets/sheet\(n).xml", declaration + worksheet(table, namespace: main)))
        }
        workbookRelationships += #"<Relationship Id="rId\#(tables.count + 1)" Type="\#(relationships)/styles" Target="styles.xml"/>"#
        workbookRelationships += "</Relationships>"
        let rootRelationships = declaration + #"<Relationships xmlns="\#(package)">"#
            + #"<Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
        let styles = declaration + #"<styleSheet xmlns="\#(main)">"#
            + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
            + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
            + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
            + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
            + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
            + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
            + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
        return [
            ("[Content_Types].xml", contentTypes + "</Types>"), ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook + "</sheets></workbook>"), ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
        ] + sheets
    }

    /// One sheet: its columns sized to their text (within reason), the header row bold and frozen.
    static func worksheet(_ table: OutputTable, namespace: String) -> String {
        var xml = #"<worksheet xmlns="\#(namespace)">"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        let width = table.rows.map(\.count).max() ?? 0
        if width > 0 {
            xml += "<cols>"
            for column in 0..<width {
                let longest = table.rows.prefix(200).map { $0.indices.contains(column) ? $0[column].text.count : 0 }.max() ?? 0
                xml += #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(min(max(longest + 2, 8), 60))" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in table.rows.enumerated() {
            xml += #"<row r="\#(r + 1)">"#
            for (c, cell) in row.enumerated() {
                let reference = ColumnName.letters(c) + String(r + 1)
                let style = r == 0 ? #" s="1""# : ""
                switch cell {
                case .number:
                    xml += #"<c r="\#(reference)"\#(style)><v>\#(cell.text)</v></c>"#
                case .text(let text) where !text.isEmpty:
                    let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n") ? #" xml:space="preserve""# : ""
                    xml += #"<c r="\#(reference)"\#(style) t="inlineStr"><is><t\#(space)>\#(escaped(ExcelText.encoded(text)))</t></is></c>"#
                case .text:
                    continue
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// `text` with `&`, `<`, `>` and `"` escaped for XML.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
