/// Text as SpreadsheetML stores it: a character XML cannot carry (a control character) is written `_x001B_`, and a
/// literal `_x` that would read as such an escape is written `_x005F_x`.
enum ExcelText {
    /// `text` with each `_xHHHH_` escape replaced by its character.
    static func decoded(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
                let value = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.append(scalar)
                i += 7
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }

    /// `text` with each character that XML 1.0 cannot hold (the C0 controls but tab and line feed; U+FFFE and
    /// U+FFFF) escaped as `_xHHHH_`, and each `_x` that starts something like an escape guarded. A carriage return is
    /// escaped too, as XML would read it back as a line feed.
    static func encoded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || $0 == "_" }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if needsEscape(scalar) || (scalar == "_" && looksLikeEscape(scalars, at: i)) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "_x\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex)_".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func looksLikeEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
