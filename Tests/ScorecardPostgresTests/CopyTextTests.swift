import NIOCore
import Testing

@testable import ScorecardPostgres

/// The COPY text an import sends: what the server parses is exactly what the values were.
@Suite struct CopyTextTests {
    /// The text written so far.
    static func text(_ copy: CopyText) -> String {
        var buffer = copy.buffer
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }

    @Test func wholeNumbersAreWrittenAsDigitsAndTheRestAsTheirShortestText() {
        var copy = CopyText()
        for number: Double? in [555, -3, 0, -0.0, 999_999_999_999_999, 1e15, 0.1, -2.5, 1234.5678, nil, .infinity] { copy.append(number) }
        copy.append(Int64.min)
        copy.append(Int64.max)
        copy.append(-7 as Int64)
        copy.append(0 as Int64)
        copy.endRow()
        // -0.0 keeps its sign; from 1e15 on, a whole number is written as Swift describes it (1000000000000000.0);
        // what is missing or not finite is NULL.
        let expected = "555\t-3\t0\t-0.0\t999999999999999\t1000000000000000.0\t0.1\t-2.5\t1234.5678\t\\N\t\\N"
            + "\t-9223372036854775808\t9223372036854775807\t-7\t0\n"
        #expect(Self.text(copy) == expected)
    }

    @Test func aScalarTextIsEscapedForCopyAndNilIsNull() {
        var copy = CopyText()
        copy.append("a\tb\\c\nd")
        copy.append(nil as String?)
        copy.append("plain")
        copy.endRow()
        #expect(Self.text(copy) == "a\\tb\\\\c\\nd\t\\N\tplain\n")
    }

    @Test func takingTheTextStartsAfreshAndKeepsCountingRows() {
        var copy = CopyText()
        copy.append(1)
        copy.endRow()
        let first = copy.take()
        copy.append(2)
        copy.endRow()
        #expect(String(buffer: first) == "1\n")
        #expect(Self.text(copy) == "2\n")
        #expect(copy.rows == 2 && copy.byteCount == 2)
    }
}
