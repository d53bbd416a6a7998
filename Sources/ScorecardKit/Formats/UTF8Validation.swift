/// Finds where a file stops being valid UTF-8, and what a file that is not text at all is.
enum UTF8Validation {
    /// What a file that is not UTF-8 text is, said for a message, or `nil` when it may be text: UTF-16 (a
    /// spreadsheet's "Unicode Text", with or without its byte-order mark: every other byte of English text is
    /// zero) or a zip archive (an Excel workbook given a text file's name).
    static func otherThanText(_ bytes: [UInt8], saveAs: String) -> String? {
        let start = bytes.prefix(64)
        if start.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "the file is a zip archive (an Excel workbook, perhaps), not text: give the .xlsx itself, or save it as \(saveAs)"
        }
        let even = stride(from: start.startIndex, to: start.endIndex, by: 2).map { start[$0] }
        let odd = stride(from: start.startIndex + 1, to: start.endIndex, by: 2).map { start[$0] }
        func mostlyZero(_ half: [UInt8]) -> Bool { half.count >= 2 && half.filter { $0 == 0 }.count * 4 >= half.count * 3 }
        func fewZeros(_ half: [UInt8]) -> Bool { half.filter { $0 == 0 }.count * 4 <= half.count }
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) || (mostlyZero(odd) && fewZeros(even))
            || (mostlyZero(even) && fewZeros(odd))
        {
            return "the file is UTF-16 (a spreadsheet's \"Unicode Text\"), not UTF-8: save it as \(saveAs)"
        }
        return nil
    }

    /// The 1-based line of the first invalid byte sequence, or `nil` when all of `bytes` is valid UTF-8.
    ///
    /// Validated in place: making a `String` of a 300 MB observations file only to check it held the file twice.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int? {
        do {
            _ = try UTF8Span(validating: bytes.span)
            return nil
        } catch {
            // Lines end in LF, CRLF or a CR alone.
            let before = bytes[..<error.byteOffsets.lowerBound]
            return 1 + zip(before, before.dropFirst().lazy.map(Optional.some) + [nil]).count { byte, next in
                byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && next != UInt8(ascii: "\n"))
            }
        }
    }
}
