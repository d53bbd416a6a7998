/// A strict, fast reader of comma-separated values (RFC 4180 and what spreadsheets export).
///
/// It accepts a UTF-8 byte-order mark, LF, CRLF or CR line ends (CR alone: Excel for Mac's "CSV (Macintosh)"),
/// and quoted fields holding commas, doubled
/// quotes and line breaks; it rejects invalid UTF-8, a stray quote inside an unquoted field, text after a
/// closing quote and an unterminated quote, naming the line. Each record is handed to the caller as a
/// ``TableRecord`` view over a reused buffer, so reading a million rows allocates next to nothing; the caller
/// makes strings only of the fields it keeps. (Hand-written rather than a library's so that every record
/// carries the line it starts on, and for the import speed budget.)
public struct CSVReader: TextTable {
    let bytes: [UInt8]
    /// The file name used in errors.
    public let file: String

    /// Whether the bytes were found to be UTF-8 text already (by ``FileReadAhead``): not checked again.
    let isCheckedText: Bool

    public init(bytes: [UInt8], file: String) {
        self.init(bytes: bytes, file: file, isCheckedText: false)
    }

    init(bytes: [UInt8], file: String, isCheckedText: Bool) {
        self.bytes = bytes
        self.file = file
        self.isCheckedText = isCheckedText
    }

    public var origin: TableOrigin { TableOrigin(file: file) }

    /// Calls `body` with each record, the header first. Blank lines are skipped.
    public func forEachRecord(_ body: (borrowing TableRecord) throws -> Void) throws {
        if !isCheckedText { try validateUTF8() }
        var record = TableRecord()
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var firstLine: Int?
        // A DOS end-of-file mark (Ctrl-Z, 0x1A), which old exports still end with, is not a row.
        var n = bytes.count
        while n > 0, bytes[n - 1] == 0x1A { n -= 1 }
        try bytes.withUnsafeBufferPointer { buf in
            while i < n {
                // Skip blank lines.
                if buf[i] == UInt8(ascii: "\n") { line += 1; i += 1; continue }
                if buf[i] == UInt8(ascii: "\r") {
                    line += 1; i += i + 1 < n && buf[i + 1] == UInt8(ascii: "\n") ? 2 : 1; continue
                }
                record.reset(line: line)
                if firstLine == nil { firstLine = line }
                var atRecordEnd = false
                while !atRecordEnd {
                    if i < n, buf[i] == UInt8(ascii: "\"") {
                        let openedOn = line
                        i += 1
                        var closed = false
                        while i < n {
                            let c = buf[i]
                            if c == UInt8(ascii: "\"") {
                                if i + 1 < n, buf[i + 1] == UInt8(ascii: "\"") {
                                    record.append(c); i += 2; continue
                                }
                                i += 1; closed = true; break
                            }
                            if c == UInt8(ascii: "\n") || (c == UInt8(ascii: "\r") && (i + 1 >= n || buf[i + 1] != UInt8(ascii: "\n"))) {
                                line += 1
                            }
                            record.append(c)
                            i += 1
                        }
                        guard closed else {
                            throw DataFileError(file: file, line: openedOn, field: nil, message: "a quoted field is never closed")
                        }
                        guard i >= n || buf[i] == UInt8(ascii: ",") || buf[i] == UInt8(ascii: "\n") || buf[i] == UInt8(ascii: "\r") else {
                            throw DataFileError(
                                file: file, line: line, field: nil,
                                message: "unexpected text after a closing quote (a quote inside a quoted field must be doubled: \"\")")
                        }
                    } else {
                        // The field's end found first, its bytes then copied at once (byte by byte, each append
                        // checked the buffer's room: a tenth of the reading).
                        let start = i
                        while i < n {
                            let c = buf[i]
                            if c == UInt8(ascii: ",") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { break }
                            if c == UInt8(ascii: "\"") {
                                throw DataFileError(
                                    file: file, line: line, field: nil,
                                    message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                            }
                            i += 1
                        }
                        record.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<i]))
                    }
                    record.endField()
                    record.unguardLastField()
                    if i >= n {
                        atRecordEnd = true
                    } else if buf[i] == UInt8(ascii: ",") {
                        i += 1
                        if i >= n { record.endField(); atRecordEnd = true }
                    } else {
                        i += buf[i] == UInt8(ascii: "\r") && i + 1 < n && buf[i + 1] == UInt8(ascii: "\n") ? 2 : 1
                        line += 1
                        atRecordEnd = true
                    }
                }
                if record.line == firstLine { try Self.checkSeparator(record, file: file) }
                try body(record)
            }
        }
    }

    /// Refuses a header of one field holding semicolons or tabs: a spreadsheet's export with another separator
    /// (Excel's "CSV" where the decimal comma is used, or "Text (Tab delimited)"), whose columns would otherwise be
    /// reported as one unknown column named after them all.
    static func checkSeparator(_ header: borrowing TableRecord, file: String) throws {
        guard header.count == 1 else { return }
        let separator = header.withBytes(0) { field in
            field.contains(UInt8(ascii: ";")) ? "semicolons (;)" : field.contains(UInt8(ascii: "\t")) ? "tabs" : nil
        }
        guard let separator else { return }
        throw DataFileError(
            file: file, line: header.line, field: nil,
            message: "the columns are separated by \(separator), not commas: save it from the spreadsheet as \"CSV UTF-8 (Comma delimited)\"")
    }

    /// Throws naming the line of the first byte that is not valid UTF-8, or saying what the file is when it is
    /// not text (``UTF8Validation/otherThanText(_:saveAs:)``).
    func validateUTF8() throws {
        if let other = UTF8Validation.otherThanText(bytes, saveAs: "\"CSV UTF-8\" from the spreadsheet") {
            throw DataFileError(file: file, line: 1, field: nil, message: other)
        }
        if let line = UTF8Validation.firstInvalidLine(bytes) {
            throw DataFileError(
                file: file, line: line, field: nil,
                message: "the file is not valid UTF-8 (save it from the spreadsheet as \"CSV UTF-8\")")
        }
    }
}
