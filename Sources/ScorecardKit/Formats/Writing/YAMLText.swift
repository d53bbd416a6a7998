/// Writing a YAML scalar that reads back as the same string: for `framework.yaml`, written by the sample generator
/// and by ``FrameworkWriter``.
package enum YAMLText {
    /// A YAML scalar, plain when that reads back as the same string, double-quoted otherwise.
    package static func scalar(_ s: String) -> String {
        needsYAMLQuotes(s) ? yamlQuoted(s) : s
    }

    /// `s` double-quoted, with `\\`, `"`, line breaks, tabs and the other terminal controls escaped.
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if escaped(ch) {
                    // \xHH up to FF; the bidirectional controls need \uHHHH.
                    let hex = String(ch.value, radix: 16)
                    let width = ch.value <= 0xFF ? 2 : 4
                    out += (width == 2 ? "\\x" : "\\u") + String(repeating: "0", count: width - hex.count) + hex
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out + "\""
    }

    /// Whether `ch` must be written as an escape: a terminal control (which YAML also forbids raw, or reads as a
    /// line break, as it does NEL), or a character YAML does not allow in a stream (U+FFFE, U+FFFF).
    private static func escaped(_ ch: Unicode.Scalar) -> Bool {
        ch.isTerminalControl || ch.value == 0xFFFE || ch.value == 0xFFFF
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ]

    /// Whether `s` written plain would not read back as the same string.
    static func needsYAMLQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if first == " " || last == " " || last == ":" { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return true }
        if reservedWords.contains(s.lowercased()) { return true }
        for ch in s.unicodeScalars where escaped(ch) || ch == "\u{2028}" || ch == "\u{2029}" { return true }
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
}
