import Foundation

/// The workbook's shared strings (`xl/sharedStrings.xml`): the text of every cell of type `s`, by index. Rich text
/// runs are joined; phonetic guides (`rPh`) are left out.
enum SharedStrings {
    static func read(_ data: Data, part: String, archive: WorkbookArchive) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        try XMLEvents.parse(data, part: part, file: archive.path) { event in
            switch event {
            case .start("si", _): current = ""
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText:
                current += text
            case .end("si"):
                guard strings.count < archive.limits.cells else {
                    throw WorkbookArchive.error(archive.path, "holds more than \(archive.limits.cells) shared strings")
                }
                strings.append(ExcelText.decoded(current))
            default: break
            }
        }
        return strings
    }
}
