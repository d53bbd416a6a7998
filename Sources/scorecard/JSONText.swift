import Foundation
import ScorecardKit

/// JSON for the command line: pretty-printed, keys sorted, and with no raw control character in it.
enum JSONText {
    /// `value` as JSON text. JSONEncoder escapes the C0 controls; DEL and the C1 controls, which JSON allows
    /// unescaped, are escaped here too (`\u007f`), so the values stay exact for a program reading them and harmless
    /// on a terminal.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard text.unicodeScalars.contains(where: \.isTerminalControl) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            // Outside strings, JSON text holds only ASCII structure and whitespace, so any such control is in a string.
            if scalar.value >= 0x7F, scalar.isTerminalControl {
                let hex = String(scalar.value, radix: 16)
                escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
