import Foundation
import ScorecardKit
import ScorecardSheets
import ZIPFoundation

/// The parts every input is set in: a workbook whose Council and Measures sheets are fixed (a measure of each
/// frequency) and whose Observations sheet, shared strings and styles are the input's (see ``parts(of:)``), so
/// that mutations reach the worksheet's XML rather than breaking the archive's checksums.
private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
private let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

private func sheet(_ rows: String) -> String {
    #"<worksheet xmlns="\#(main)"><sheetData>\#(rows)</sheetData></worksheet>"#
}

private func row(_ number: Int, _ cells: [String]) -> String {
    let columns = ["A", "B", "C", "D", "E", "F"]
    let filled = cells.enumerated().map { #"<c r="\#(columns[$0.offset])\#(number)" t="inlineStr"><is><t>\#($0.element)</t></is></c>"# }
    return #"<row r="\#(number)">\#(filled.joined())</row>"#
}

private let fixedParts: [(String, String)] = [
    ("[Content_Types].xml", #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
    ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
    ("xl/workbook.xml", #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="Council" sheetId="1" r:id="rId1"/><sheet name="Measures" sheetId="2" r:id="rId2"/><sheet name="Observations" sheetId="3" r:id="rId3"/></sheets></workbook>"#),
    ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="\#(relationships)/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rS" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#),
    ("xl/worksheets/sheet1.xml", sheet(row(1, ["Council", "Fuzzshire"]) + row(2, ["Plan", "Fuzz Plan"]))),
    ("xl/worksheets/sheet2.xml", sheet(
        row(1, ["code", "title", "frequency", "unit", "priority", "cumulative"])
            + row(2, ["OUT-01", "Annual", "annual", "", "P1", ""]) + row(3, ["OUT-03", "Calendar", "calendar-year", "", "P1", ""])
            + row(4, ["KBM-01", "Quarterly", "quarterly", "", "P1", "yes"]) + row(5, ["KBI-01", "Percentage", "monthly", "%", "P1", ""])
            + row(6, ["KBI-03", "Count", "monthly", "", "P1", ""]))),
]

/// The input's parts, split at NUL bytes: the Observations worksheet, the shared strings, the styles (a part
/// not given is left out of the archive).
private func parts(of bytes: [UInt8]) -> [(String, [UInt8])] {
    let pieces = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false).map(Array.init)
    return zip(["xl/worksheets/sheet3.xml", "xl/sharedStrings.xml", "xl/styles.xml"], pieces).map { ($0, $1) }
}

/// Where each input's workbook is written (one process, one input at a time).
private let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-workbook-\(getpid()).xlsx")

/// The day the reading is made.
private let today = CivilDate(year: 2026, month: 12, day: 1)

/// libFuzzer's entry point: reads `data` as a workbook's Observations sheet, shared strings and styles. A thrown
/// error is a correct answer; a trap, a hang or a result that breaks the reader's promises (checked below) is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    try? FileManager.default.removeItem(at: path)
    do {
        let archive = try Archive(url: path, accessMode: .create)
        for (name, content) in fixedParts.map({ ($0.0, Array($0.1.utf8)) }) + parts(of: bytes) {
            let data = Data(content)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    } catch {
        fatalError("the fuzzing workbook could not be written: \(error)")
    }
    do {
        let council = try CouncilSource.load(path: path.path, today: today)
        precondition(council.observations.count == council.measures.count, "one list per measure")
        for (measure, list) in zip(council.measures, council.observations) {
            precondition(list.allSatisfy { $0.period.kind == measure.frequency.periodKind }, "a period of the wrong kind")
            precondition(zip(list, list.dropFirst()).allSatisfy { $0.period < $1.period }, "periods unsorted or repeated")
            for observation in list {
                if let value = observation.value {
                    precondition(measure.problem(withValue: value) == nil, "a value outside the measure's limits")
                }
                precondition(!(observation.note?.utf8.contains(0) ?? false), "a NUL byte in a note")
            }
        }
    } catch is DataLoadError {
    } catch is DataFileError {
    } catch {
        fatalError("an error of another kind: \(error)")
    }
    return 0
}
