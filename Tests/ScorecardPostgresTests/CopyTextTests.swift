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

    @Test func arraysOfNumbersSayNullForWhatIsMissingOrNotFinite() {
        var copy = CopyText()
        copy.append(integers: [3, -1, 0])
        copy.append(numbers: [1.5, nil, 2, .infinity, .nan, 1e-7])
        copy.append(integers: [])
        copy.endRow()
        #expect(Self.text(copy) == "{3,-1,0}\t{1.5,NULL,2,NULL,NULL,1e-07}\t{}\n")
        #expect(copy.rows == 1)
    }

    @Test func wholeNumbersAreWrittenAsDigitsAndTheRestAsTheirShortestText() {
        var copy = CopyText()
        copy.append(numbers: [555, -3, 0, -0.0, 999_999_999_999_999, 1e15, 0.1, -2.5, 1234.5678])
        copy.append(Int64.min)
        copy.append(Int64.max)
        copy.append(-7 as Int64)
        copy.append(0 as Int64)
        copy.endRow()
        // -0.0 keeps its sign; from 1e15 on, a whole number is written as Swift describes it (1000000000000000.0).
        let expected = "{555,-3,0,-0.0,999999999999999,1000000000000000.0,0.1,-2.5,1234.5678}\t-9223372036854775808\t9223372036854775807\t-7\t0\n"
        #expect(Self.text(copy) == expected)
    }

    @Test func textsInAnArrayAreQuotedAndEscapedForTheArrayThenForCopy() {
        var copy = CopyText()
        copy.append(texts: ["plain, with a comma", "NULL", "", "say \"no\"", "back\\slash", "tab\there", "two\nlines\r"])
        copy.endRow()
        // Quoted, so that NULL and "" stay texts; \" and \\ for the array, each backslash doubled for COPY;
        // tab, newline and carriage return as COPY's escapes.
        let expected = #"{"plain, with a comma","NULL","","say \\"no\\"","back\\\\slash","tab\there","two\nlines\r"}"# + "\n"
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
