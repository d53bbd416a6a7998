import Foundation
import ScorecardKit

/// What `xl/workbook.xml` and the relationships around it say: the sheets by name and the part each is in, where the
/// shared strings and styles are, and which date system the serial numbers count in.
struct WorkbookStructure {
    /// The sheets in workbook order: each one's name and part.
    var sheets: [(name: String, part: String)] = []
    var sharedStringsPart: String?
    var stylesPart: String?
    /// Whether dates count days from 1 January 1904 rather than from 1900 (`<workbookPr date1904="1"/>`).
    var uses1904Dates = false

    init(_ archive: WorkbookArchive) throws {
        let workbookPart = try Self.relationships(of: "", in: archive).first { $0.type.hasSuffix("/officeDocument") }?.target
            ?? "xl/workbook.xml"
        guard let workbook = try archive.data(workbookPart) else {
            throw WorkbookArchive.error(archive.path, "is not an Excel workbook (.xlsx): it has no \(workbookPart)")
        }
        let related = try Self.relationships(of: workbookPart, in: archive)
        var targets: [String: String] = [:]
        for relationship in related { targets[relationship.id] = relationship.target }
        sharedStringsPart = related.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = related.first { $0.type.hasSuffix("/styles") }?.target
        var sheets: [(name: String, part: String)] = []
        var unplaced: [String] = []
        var listed = 0
        var uses1904Dates = false
        try XMLEvents.parse(workbook, part: workbookPart, file: archive.path) { event in
            guard case .start(let name, let attributes) = event else { return }
            if name == "workbookPr", let flag = attributes["date1904"] { uses1904Dates = flag == "1" || flag == "true" }
            if name == "sheet" { listed += 1 }
            if name == "sheet", let sheetName = attributes["name"] {
                if let id = attributes["id"], let part = targets[id] { sheets.append((sheetName, part)) } else { unplaced.append(sheetName) }
            }
        }
        let relationships = (workbookPart.split(separator: "/").dropLast() + ["_rels", "\(workbookPart.split(separator: "/").last ?? "")" + ".rels"])
            .joined(separator: "/")
        // Sheets listed with nowhere to find them: the relationships part is missing or damaged (the message was
        // that there is no Council sheet, which is there).
        if listed > 0, sheets.isEmpty {
            throw WorkbookArchive.error(
                archive.path, "is damaged: its \(listed) sheets are listed, but \(relationships) does not say where they are")
        }
        // One sheet with nowhere to find it was read as no sheet: an Observations sheet so lost gave no values.
        if let lost = unplaced.first {
            throw WorkbookArchive.error(
                archive.path, "is damaged: its sheet \(lost.excerpt()) is listed, but \(relationships) does not say where it is")
        }
        self.sheets = sheets
        self.uses1904Dates = uses1904Dates
    }

    /// The relationships of the part `source` (`""` for the package): each one's id, type and target part.
    static func relationships(of source: String, in archive: WorkbookArchive) throws -> [(id: String, type: String, target: String)] {
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        let part = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let data = try archive.data(part) else { return [] }
        var found: [(id: String, type: String, target: String)] = []
        try XMLEvents.parse(data, part: part, file: archive.path) { event in
            guard case .start("Relationship", let attributes) = event, let id = attributes["Id"], let target = attributes["Target"],
                attributes["TargetMode"] != "External"
            else { return }
            found.append((id, attributes["Type"] ?? "", resolve(target, from: folder)))
        }
        return found
    }

    /// A relationship's target as a part name: `worksheets/sheet1.xml` from `xl` is `xl/worksheets/sheet1.xml`;
    /// `/xl/styles.xml` is from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
