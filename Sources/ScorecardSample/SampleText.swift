import ScorecardKit
/// Text helpers for writing the sample council's files: CSV quoting, and fast number writing
/// into a byte buffer (no Foundation formatting in the hot loop).
enum SampleText {
    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csv(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = "\""
        for ch in s.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }

    static let powersOfTen: [Double] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// `value` rounded half away from zero to `decimals` places, as an integer count of the last place.
    static func scaled(_ value: Double, decimals: Int) -> Int64 {
        Int64((value * powersOfTen[decimals]).rounded(.toNearestOrAwayFromZero))
    }

    /// The number a written value reads back as.
    static func unscaled(_ scaled: Int64, decimals: Int) -> Double {
        Double(scaled) / powersOfTen[decimals]
    }

    /// A plain number with exactly `decimals` places: `87.5`, `-3`, `0.25`.
    static func number(_ value: Double, decimals: Int) -> String {
        var buffer = ByteBuffer(capacity: 24)
        buffer.appendFixed(scaled(value, decimals: decimals), decimals: decimals)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}

/// A growing byte buffer for fast file building.
struct ByteBuffer {
    var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    mutating func append(_ b: [UInt8]) {
        bytes.append(contentsOf: b)
    }

    /// A non-negative or negative integer in decimal.
    mutating func appendInt(_ n: Int64) {
        var n = n
        if n < 0 {
            bytes.append(0x2D)
            if n == Int64.min { append(String(n).dropFirst().description); return }
            n = -n
        }
        if n < 10 { bytes.append(0x30 + UInt8(n)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
            UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while n > 0 {
                raw[count] = 0x30 + UInt8(n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[i]) }
        }
    }

    /// `scaled` / 10^decimals with exactly `decimals` places.
    mutating func appendFixed(_ scaled: Int64, decimals: Int) {
        if decimals == 0 { appendInt(scaled); return }
        var v = scaled
        if v < 0 { bytes.append(0x2D); v = -v }
        var p: Int64 = 1
        for _ in 0..<decimals { p *= 10 }
        appendInt(v / p)
        bytes.append(0x2E)
        let frac = v % p
        var divisor = p / 10
        while divisor > 0 {
            bytes.append(0x30 + UInt8((frac / divisor) % 10))
            divisor /= 10
        }
    }
}
