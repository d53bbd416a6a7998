import Foundation
import ScorecardKit

/// JSON for the command line: pretty-printed, keys sorted, and with no raw control character in it.
enum JSONText {
    /// `value` as JSON text. JSONEncoder escapes the C0 controls; DEL, the C1 controls and the other terminal
    /// controls (``Unicode/Scalar/isTerminalControl``), which JSON allows unescaped, are escaped here too
    /// (`\u007f`), so the values stay exact for a program reading them and harmless on a terminal.
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return escapingControls(Array(try encoder.encode(value)))
    }

    /// The UTF-8 JSON text `json` with each terminal control outside ASCII written as `\uXXXX`. (A pass over the
    /// bytes, copying the rest as they are: rebuilding the text scalar by scalar took 5 s of 16 for
    /// `benchmark --json` on a 150,000-row download.)
    static func escapingControls(_ json: [UInt8]) -> String {
        guard json.contains(where: { $0 >= 0x7F }) else { return String(decoding: json, as: UTF8.self) }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(json.count + 64)
        var i = 0
        while i < json.count {
            let lead = json[i]
            guard lead >= 0x7F else {
                escaped.append(lead)
                i += 1
                continue
            }
            // JSONEncoder writes valid UTF-8: the lead byte says how long the scalar is.
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            let end = min(i + length, json.count)
            var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (length + 1))
            for byte in json[(i + 1)..<end] { value = value << 6 | UInt32(byte & 0x3F) }
            if let scalar = Unicode.Scalar(value), scalar.isTerminalControl {
                let hex = String(value, radix: 16)
                escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).utf8)
            } else {
                escaped.append(contentsOf: json[i..<end])
            }
            i = end
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
