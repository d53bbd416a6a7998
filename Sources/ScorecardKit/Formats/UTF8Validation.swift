/// Finds where a file stops being valid UTF-8.
enum UTF8Validation {
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
