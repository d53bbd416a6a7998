/// A strict, fast reader of comma-separated values (RFC 4180 and what spreadsheets export).
///
/// It accepts a UTF-8 byte-order mark, LF or CRLF line ends, and quoted fields holding commas, doubled
/// quotes and line breaks; it rejects invalid UTF-8, a stray quote inside an unquoted field, text after a
/// closing quote and an unterminated quote, naming the line. Each record is handed to the caller as a
/// ``CSVRecord`` view over a reused buffer, so reading a million rows allocates next to nothing; the caller
/// makes strings only of the fields it keeps. (Hand-written rather than a library's so that every record
/// carries the line it starts on, and for the import speed budget.)
public struct CSVReader {
    let bytes: [UInt8]
    /// The file name used in errors.
    public let file: String

    public init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Calls `body` with each record, the header first. Blank lines are skipped.
    public func forEachRecord(_ body: (borrowing CSVRecord) throws -> Void) throws {
        try validateUTF8()
        var record = CSVRecord()
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        let n = bytes.count
        try bytes.withUnsafeBufferPointer { buf in
            while i < n {
                // Skip blank lines.
                if buf[i] == UInt8(ascii: "\n") { line += 1; i += 1; continue }
                if buf[i] == UInt8(ascii: "\r"), i + 1 < n, buf[i + 1] == UInt8(ascii: "\n") {
                    line += 1; i += 2; continue
                }
                record.reset(line: line)
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
                            if c == UInt8(ascii: "\n") { line += 1 }
                            record.append(c)
                            i += 1
                        }
                        guard closed else {
                            throw DataFileError(file: file, line: openedOn, field: nil, message: "a quoted field is never closed")
                        }
                        guard i >= n || buf[i] == UInt8(ascii: ",") || buf[i] == UInt8(ascii: "\n")
                            || (buf[i] == UInt8(ascii: "\r") && i + 1 < n && buf[i + 1] == UInt8(ascii: "\n"))
                        else {
                            throw DataFileError(
                                file: file, line: line, field: nil,
                                message: "unexpected text after a closing quote (a quote inside a quoted field must be doubled: \"\")")
                        }
                    } else {
                        while i < n {
                            let c = buf[i]
                            if c == UInt8(ascii: ",") || c == UInt8(ascii: "\n") { break }
                            if c == UInt8(ascii: "\r"), i + 1 < n, buf[i + 1] == UInt8(ascii: "\n") { break }
                            if c == UInt8(ascii: "\"") {
                                throw DataFileError(
                                    file: file, line: line, field: nil,
                                    message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                            }
                            record.append(c)
                            i += 1
                        }
                    }
                    record.endField()
                    if i >= n {
                        atRecordEnd = true
                    } else if buf[i] == UInt8(ascii: ",") {
                        i += 1
                        if i >= n { record.endField(); atRecordEnd = true }
                    } else {
                        i += buf[i] == UInt8(ascii: "\r") ? 2 : 1
                        line += 1
                        atRecordEnd = true
                    }
                }
                try body(record)
            }
        }
    }

    /// Throws naming the line of the first byte that is not valid UTF-8.
    func validateUTF8() throws {
        if let line = UTF8Validation.firstInvalidLine(bytes) {
            throw DataFileError(
                file: file, line: line, field: nil,
                message: "the file is not valid UTF-8 (save it from the spreadsheet as \"CSV UTF-8\")")
        }
    }
}

/// One record of a CSV file: its fields as bytes in a shared buffer, and the line it starts on.
public struct CSVRecord: ~Copyable {
    /// The 1-based line the record starts on.
    public private(set) var line = 0
    var storage: [UInt8] = []
    var ends: [Int] = []

    init() {
        storage.reserveCapacity(4096)
        ends.reserveCapacity(32)
    }

    mutating func reset(line: Int) {
        self.line = line
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    mutating func append(_ byte: UInt8) { storage.append(byte) }
    mutating func endField() { ends.append(storage.count) }

    /// The number of fields.
    public var count: Int { ends.count }

    /// The field's bytes.
    public func withBytes<R>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = field == 0 ? 0 : ends[field - 1]
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[field]])) }
    }

    /// The field as a string (the file was validated as UTF-8).
    public func string(_ field: Int) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the field is empty or only spaces.
    public func isBlank(_ field: Int) -> Bool {
        withBytes(field) { $0.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
    }
}
