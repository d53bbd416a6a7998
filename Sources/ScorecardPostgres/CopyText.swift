import NIOCore

/// Rows in COPY's text format: columns separated by tabs, rows by newlines, `\N` for NULL, and backslash,
/// tab, newline and carriage return escaped within a value.
struct CopyText {
    private(set) var buffer = ByteBufferAllocator().buffer(capacity: 1 << 16)
    private var firstInRow = true
    /// The number of rows ended so far.
    private(set) var rows = 0

    mutating func append(_ text: String?) {
        separate()
        guard let text else {
            buffer.writeStaticString("\\N")
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }

    mutating func append(_ number: Int64) {
        separate()
        buffer.writeString(String(number))
    }

    mutating func append(_ number: Int) {
        append(Int64(number))
    }

    mutating func append(_ number: Double?) {
        separate()
        guard let number, number.isFinite else {
            buffer.writeStaticString("\\N")
            return
        }
        // The shortest text that reads back as the same double.
        buffer.writeString("\(number)")
    }

    mutating func endRow() {
        buffer.writeStaticString("\n")
        firstInRow = true
        rows += 1
    }

    private mutating func separate() {
        if !firstInRow { buffer.writeStaticString("\t") }
        firstInRow = false
    }
}
