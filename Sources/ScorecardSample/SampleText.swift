import ScorecardKit
/// Text helpers for writing the sample council's files: YAML and CSV quoting, and fast number writing
/// into a byte buffer (no Foundation formatting in the hot loop).
enum SampleText {
    /// A YAML scalar, plain when that reads back as the same string, double-quoted otherwise.
    static func yaml(_ s: String) -> String {
        needsYAMLQuotes(s) ? yamlQuoted(s) : s
    }

    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 {
                    let hex = String(ch.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    static func needsYAMLQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if first == " " || last == " " || last == ":" { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if reservedWords.contains(s.lowercased()) { return true }
        for ch in s.unicodeScalars where ch.value < 0x20 || ch == "\u{7F}" { return true }
        if s.contains(": ") || s.contains(" #") { return true }
        if looksNumericOrDate(s) { return true }
        return false
    }

    /// Whether a YAML 1.1 or 1.2 resolver could read `s` as a number, a date or a sexagesimal value.
    private static func looksNumericOrDate(_ s: String) -> Bool {
        let lower = s.lowercased()
        if [".inf", "-.inf", "+.inf", ".nan"].contains(lower) { return true }
        let scalars = Array(s.unicodeScalars)
        let numberish = scalars.allSatisfy { ch in
            ("0"..."9").contains(ch) || "+-._:eExXoObBaAcCdDfF".unicodeScalars.contains(ch)
        }
        guard numberish, scalars.contains(where: { ("0"..."9").contains($0) }) else { return false }
        // Only digits and number punctuation: a number, a date or a clock time to some resolver. Quote it,
        // unless it is one of the period forms the data files use (`2024/25` is not numeric anyway).
        return true
    }

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
