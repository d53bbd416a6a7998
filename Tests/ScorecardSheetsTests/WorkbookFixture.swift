import Foundation
import ZIPFoundation
import TestScratch

/// Workbooks made part by part, as other programs write them, for the reader's tests.
enum WorkbookFixture {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A new temporary path ending `name`.
    static func path(_ name: String = "council.xlsx") throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    /// Writes `parts` (name and text) as a zip archive and returns its path.
    static func zip(_ parts: [(String, String)]) throws -> String {
        let path = try path()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    /// The parts of a workbook with `sheets` (name and `<sheetData>` content), shared strings and styles.
    static func parts(
        sheets: [(String, String)], sharedStrings: [String] = [], styles: String? = nil, date1904: Bool = false
    ) -> [(String, String)] {
        var workbook = #"<x:workbook xmlns:x="\#(main)" xmlns:r="\#(relationships)">"#
        if date1904 { workbook += #"<x:workbookPr date1904="1"/>"# }
        workbook += "<x:sheets>"
        var rels = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        var parts: [(String, String)] = []
        for (i, (name, data)) in sheets.enumerated() {
            workbook += #"<x:sheet name="\#(name)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
            // The first sheet's target is absolute, the rest relative, as different programs write them.
            let target = i == 0 ? "/xl/worksheets/sheet\(i + 1).xml" : "worksheets/sheet\(i + 1).xml"
            rels += #"<Relationship Id="rId\#(i + 1)" Type="\#(relationships)/worksheet" Target="\#(target)"/>"#
            parts.append(("xl/worksheets/sheet\(i + 1).xml", #"<x:worksheet xmlns:x="\#(main)"><x:sheetData>\#(data)</x:sheetData></x:worksheet>"#))
        }
        rels += #"<Relationship Id="rS" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/>"#
        rels += #"<Relationship Id="rT" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#
        let strings = #"<sst xmlns="\#(main)">"# + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>"
        return [
            ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", workbook + "</x:sheets></x:workbook>"), ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles ?? Self.styles),
        ] + parts
    }

    /// Cell styles: 0 general, 1 percent (built-in 9), 2 `0.0%`, 3 `mmm-yy` (a date), 4 built-in date 14.
    static let styles = """
        <styleSheet xmlns="\(main)"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="mmm\\-yy"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>
        """

    /// An inline string cell.
    static func text(_ reference: String, _ text: String) -> String {
        #"<x:c r="\#(reference)" t="inlineStr"><x:is><x:t>\#(text)</x:t></x:is></x:c>"#
    }

    /// A number cell, with a style.
    static func number(_ reference: String, _ value: String, style: Int? = nil) -> String {
        #"<x:c r="\#(reference)"\#(style.map { " s=\"\($0)\"" } ?? "")><x:v>\#(value)</x:v></x:c>"#
    }

    /// A row of cells.
    static func row(_ number: Int, _ cells: String...) -> String {
        #"<x:row r="\#(number)">\#(cells.joined())</x:row>"#
    }

    /// Sets the declared uncompressed size of the part `name` in the archive at `path` (its central directory entry).
    static func declare(size: UInt32, of name: String, in path: String) throws {
        try declare(size, at: 24, of: name, in: path)
    }

    /// Sets the checksum (CRC-32) the archive at `path` declares for the part `name`, as a damaged copy would
    /// leave it.
    static func declare(checksum: UInt32, of name: String, in path: String) throws {
        try declare(checksum, at: 16, of: name, in: path)
    }

    /// Sets the 4-byte field at `offset` in the central directory entry of the part `name`.
    private static func declare(_ value: UInt32, at offset: Int, of name: String, in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        var i = 0
        while i + 46 < bytes.count {
            if Array(bytes[i..<i + 4]) == signature {
                let nameLength = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if String(decoding: bytes[(i + 46)..<(i + 46 + nameLength)], as: UTF8.self) == name {
                    for k in 0..<4 { bytes[i + offset + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
                }
            }
            i += 1
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
