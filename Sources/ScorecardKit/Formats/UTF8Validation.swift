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
            return 1 + bytes[..<error.byteOffsets.lowerBound].count { $0 == UInt8(ascii: "\n") }
        }
    }
}
