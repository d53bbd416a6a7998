import ScorecardKit

/// HTML written as it is built, with every piece of data escaped; the document is also well-formed XML (void
/// elements end `/>`), so tests read it with an XML parser.
///
/// Written here rather than with Plot (which the project could use): Plot writes attribute values unescaped and
/// keeps `&name;` sequences of text as entities, so a commentary holding `"` or `&lt;` would break the markup or
/// read differently from what its owner typed. A report carries text from councils' files and databases, so
/// every character of it must come out exactly as written, and control characters not at all.
struct HTMLText {
    private(set) var html = ""

    init() {
        html.reserveCapacity(1 << 16)
    }

    /// Markup written as given: only ever the writer's own literals.
    mutating func raw(_ markup: String) {
        html += markup
    }

    /// Text from data, escaped.
    mutating func text(_ text: String) {
        html += Self.escaped(text)
    }

    /// `<name attributes>content</name>`.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ content: (inout HTMLText) -> Void
    ) {
        open(name, attributes)
        content(&self)
        html += "</\(name)>"
    }

    /// `<name attributes>text</name>`, the text escaped.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) {
        open(name, attributes)
        html += Self.escaped(text)
        html += "</\(name)>"
    }

    /// `<name attributes>`, closed later by ``raw(_:)``.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        start(name, attributes)
        html += ">"
    }

    /// `<name attributes/>`: an element with no content (`col`, `br`), written so that the document is also
    /// well-formed XML.
    mutating func void(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        start(name, attributes)
        html += "/>"
    }

    private mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        html += "<" + name
        for (key, value) in attributes {
            html += " \(key)=\"" + Self.escaped(value) + "\""
        }
    }

    /// DEL, the lead bytes of C1 controls (0xC2), the Arabic letter mark (0xD8) and bidi marks and separators
    /// (0xE2), and `&`, `<`, `>`, `"` and `'`.
    private static let specialBytes: Set<UInt8> = [0x7F, 0xC2, 0xD8, 0xE2, 0x26, 0x3C, 0x3E, 0x22, 0x27]

    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, and every control character but a tab
    /// or a line break (and any bidirectional override, which could reorder what a reader sees) replaced by
    /// U+FFFD.
    static func escaped(_ text: String) -> String {
        // Most text needs nothing escaped: one pass over its bytes says so (a control, a bidi mark's lead byte
        // 0xE2, or one of the five characters).
        let needsWork = text.utf8.contains { byte in byte < 0x20 || Self.specialBytes.contains(byte) }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            // A carriage return ends a line, alone (old Macintosh files) or before a line feed (Windows).
            defer { afterReturn = scalar == "\r" }
            if afterReturn, scalar == "\n" { continue }
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            case "\n", "\t": result.append(scalar)
            case "\r": result.append("\n")
            default: result.append(scalar.isTerminalControl ? scalar.shownInstead : scalar)
            }
        }
        return String(result)
    }

    /// `text` as the inside of a CSS string (between double quotes) in a `<style>` element: quotes, backslashes
    /// and line breaks escaped, and `<`, `>` and `&` as CSS escapes (`\3C `) so that no text can close the element
    /// and the document stays well-formed XML.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<": result += "\\3C "
            case ">": result += "\\3E "
            case "&": result += "\\26 "
            case "\n", "\r", "\t": result += " "
            default: if scalar.isTerminalControl { result.unicodeScalars.append(scalar.shownInstead) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
