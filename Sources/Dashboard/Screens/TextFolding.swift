import Foundation

/// Folds text to plain ASCII for terminals without a UTF-8 locale, so nothing prints as garbage.
enum TextFolding {
    /// `£1,200` -> `GBP1,200`, `Zoë` -> `Zoe`, `–` -> `-`, curly quotes to straight, `µg/m³` -> `ug/m3`,
    /// anything else to `?`.
    static func ascii(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "£": out += "GBP"
            case "€": out += "EUR"
            case "–", "—", "−": out += "-"
            case "‘", "’": out += "'"
            case "“", "”": out += "\""
            case "…": out += "..."
            case "±": out += "+/-"
            case "×": out += "x"
            case "\u{A0}": out += " "
            case "µ", "μ": out += "u"  // micro: µg/m³ -> ug/m3
            case "°": out += "deg"
            case "½": out += "1/2"
            case "¼": out += "1/4"
            case "¾": out += "3/4"
            default:
                // Letters with accents lose them: the base letter is the first scalar of the decomposition.
                if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII {
                    out.unicodeScalars.append(base)
                } else if case let compatible = String(scalar).decomposedStringWithCompatibilityMapping,
                    compatible.unicodeScalars.allSatisfy(\.isASCII)
                {
                    // Superscripts, ligatures and full-width forms: m² -> m2, ﬁ -> fi, Ａ -> A.
                    out += compatible
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    out += "?"
                }
            }
        }
        return out
    }
}
