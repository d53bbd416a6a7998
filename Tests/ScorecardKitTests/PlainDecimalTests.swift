import Testing

@testable import ScorecardKit

/// ``NumberParser/plainDecimal(_:start:end:)``, the short way of reading a plain figure, must give exactly the
/// `Double` the long way (`Double(_:)` of its text) gives, to the last bit.
@Suite struct PlainDecimalTests {
    /// `text` read the short way, or `nil` when it leaves it to the long way.
    private func plain(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { NumberParser.plainDecimal(UnsafeBufferPointer($0), start: 0, end: $0.count) }
    }

    @Test func figuresAsCouncilsWriteThem() {
        #expect(plain("87.5") == 87.5)
        #expect(plain("-3") == -3)
        #expect(plain("+3") == 3)
        #expect(plain("\u{2212}5.25") == -5.25)
        #expect(plain("£1200") == 1200)
        #expect(plain("0.1")?.bitPattern == 0.1.bitPattern)
        #expect(plain("5.") == 5 && plain(".5") == 0.5)
        #expect(plain("-0")?.sign == .plus && plain("-0.000")?.sign == .plus)
    }

    @Test func leavesTheRestToTheLongWay() {
        for text in ["1,234", "1e3", "12.3.4", "", ".", "-", "£", "12a", "1 2", "1234567890123456", "0.00000000000000000000001"] {
            #expect(plain(text) == nil, "\(text)")
        }
        // Through `parse`, the long way still reads them.
        #expect(NumberParser.parse("1,234") == 1234 && NumberParser.parse("1e3") == 1000)
        #expect(NumberParser.parse("1234567890123456") == 1_234_567_890_123_460)
    }

    /// Thousands of figures of every length and scale, each compared bit for bit with `Double(_:)`.
    @Test func agreesWithTheLongWayToTheBit() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var compared = 0
        for _ in 0..<50_000 {
            let whole = String((0..<next(9)).map { _ in Character(String(next(10))) })
            let fraction = String((0..<next(14)).map { _ in Character(String(next(10))) })
            let sign = ["", "-", "+"][next(3)]
            let text = sign + whole + (fraction.isEmpty && next(2) == 0 ? "" : "." + fraction)
            guard let expected = Double(text) else { continue }
            let got = plain(text)
            if let got {
                #expect(got.bitPattern == (expected == 0 ? 0 : expected).bitPattern, "\(text)")
                compared += 1
            }
        }
        #expect(compared > 40_000)
    }
}
