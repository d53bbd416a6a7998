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
        // Most texts need no escape: copied whole (byte by byte, a long commentary cost an import of 10,000
        // measures about a tenth of its client time).
        if !text.utf8.contains(where: Self.needsEscape) {
            buffer.writeString(text)
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
        Self.writeDecimal(number, to: &buffer)
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
        Self.write(number, to: &buffer)
    }

    /// The bytes written and not yet taken.
    var byteCount: Int { buffer.readableBytes }

    /// The text written so far (whole rows when called after ``endRow()``); what is written next starts afresh.
    mutating func take() -> ByteBuffer {
        let taken = buffer
        buffer = ByteBufferAllocator().buffer(capacity: max(1 << 16, taken.readableBytes))
        return taken
    }

    /// Writes a finite `number` as the shortest text that reads back as the same double: a whole number as its
    /// digits (most values are: formatting them as doubles was a tenth of an import's client time), any other
    /// as Swift describes it (`2.03`, `1e-07`).
    private static func write(_ number: Double, to buffer: inout ByteBuffer) {
        if number.rounded(.towardZero) == number, number.magnitude < 1e15, !(number == 0 && number.sign == .minus) {
            writeDecimal(Int64(number), to: &buffer)
        } else {
            buffer.writeString(number.description)
        }
    }

    /// Writes `number` in decimal digits, straight into the buffer (no `String` made for it).
    private static func writeDecimal(_ number: Int64, to buffer: inout ByteBuffer) {
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 20) { bytes in
            var magnitude = number.magnitude
            var end = 20  // Digits are made from the last: the longest, Int64.min, has 19 and a sign.
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
            return withUnsafeMutableBytes(of: &digits) { scratch in
                repeat {
                    end -= 1
                    scratch[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                if number < 0 {
                    end -= 1
                    scratch[end] = UInt8(ascii: "-")
                }
                let count = 20 - end
                bytes.baseAddress!.copyMemory(from: scratch.baseAddress! + end, byteCount: count)
                return count
            }
        }
    }

    /// Whether COPY's text format escapes `byte`.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
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
