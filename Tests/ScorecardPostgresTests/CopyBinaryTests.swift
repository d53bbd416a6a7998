import NIOCore
import Testing

@testable import ScorecardPostgres

/// The COPY binary data an import sends, byte by byte as PostgreSQL's documentation lays it out (the server's
/// reading of it is checked by the import tests against a real server).
@Suite struct CopyBinaryTests {
    /// The bytes written so far.
    static func bytes(_ copy: CopyBinary) -> [UInt8] {
        Array(copy.buffer.readableBytesView)
    }

    static func int16(_ n: Int16) -> [UInt8] { withUnsafeBytes(of: n.bigEndian, Array.init) }
    static func int32(_ n: Int32) -> [UInt8] { withUnsafeBytes(of: n.bigEndian, Array.init) }
    static func int64(_ n: Int64) -> [UInt8] { withUnsafeBytes(of: n.bigEndian, Array.init) }

    static let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00] + int32(0) + int32(0)

    @Test func theDataStartsWithTheSignatureAndEndsWithTheTrailer() {
        var copy = CopyBinary()
        copy.finish()
        #expect(Self.bytes(copy) == Self.signature + [0xFF, 0xFF])
        #expect(copy.rows == 0)
    }

    @Test func scalarsAreTheirLengthThenTheirBigEndianBytes() {
        var copy = CopyBinary()
        _ = copy.take()
        copy.beginRow(fields: 2)
        copy.append(-2 as Int64)
        copy.append(7 as Int32)
        #expect(Self.bytes(copy) == Self.int16(2) + Self.int32(8) + Self.int64(-2) + Self.int32(4) + Self.int32(7))
        #expect(copy.rows == 1)
    }

    @Test func anArrayGivesItsDimensionElementTypeAndEachElementWithItsLength() {
        var copy = CopyBinary()
        _ = copy.take()
        copy.append(smallIntegers: [3, 1])
        let smallints = Self.int32(1) + Self.int32(0) + Self.int32(21) + Self.int32(2) + Self.int32(1)
            + Self.int32(2) + Self.int16(3) + Self.int32(2) + Self.int16(1)
        #expect(Self.bytes(copy) == Self.int32(Int32(smallints.count)) + smallints)
    }

    @Test func numbersThatAreMissingOrNotFiniteAreNullAndMarkTheArrayAsHavingNulls() {
        var copy = CopyBinary()
        _ = copy.take()
        copy.append(numbers: [1.5, nil, .nan, -0.0])
        let body = Self.int32(1) + Self.int32(1) + Self.int32(701) + Self.int32(4) + Self.int32(1)
            + Self.int32(8) + Self.int64(Int64(bitPattern: (1.5).bitPattern)) + Self.int32(-1) + Self.int32(-1)
            + Self.int32(8) + Self.int64(Int64(bitPattern: (-0.0).bitPattern))
        #expect(Self.bytes(copy) == Self.int32(Int32(body.count)) + body)
    }

    @Test func anEmptyArrayHasNoDimensionAndTextsAreTheirUTF8() {
        var copy = CopyBinary()
        _ = copy.take()
        copy.append(integers: [])
        copy.append(texts: ["é\t\\"])
        let empty = Self.int32(0) + Self.int32(0) + Self.int32(23)
        let text: [UInt8] = Array("é\t\\".utf8)
        let texts = Self.int32(1) + Self.int32(0) + Self.int32(25) + Self.int32(1) + Self.int32(1) + Self.int32(Int32(text.count)) + text
        #expect(Self.bytes(copy) == Self.int32(12) + empty + Self.int32(Int32(texts.count)) + texts)
    }
}
