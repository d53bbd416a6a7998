import Foundation
/// How the store writes the parts of a measure that are not plain text or numbers, and reads them back.
package enum StoredText {
    /// `5%` or `2`, as the framework file writes a tolerance.
    package static func tolerance(_ text: String?) -> Tolerance? {
        guard let text else { return nil }
        if text.hasSuffix("%") { return Double(text.dropLast()).map(Tolerance.percent) }
        return Double(text).map(Tolerance.absolute)
    }

    package static func text(_ tolerance: Tolerance?) -> String? {
        switch tolerance {
        case .none: nil
        case .percent(let p): "\(p)%"
        case .absolute(let a): "\(a)"
        }
    }

    /// `15,40,65,100`.
    package static func profile(_ text: String?) -> [Double]? {
        guard let text, !text.isEmpty else { return nil }
        let shares = text.split(separator: ",").compactMap { Double($0) }
        return shares.isEmpty ? nil : shares
    }

    package static func text(_ profile: [Double]?) -> String? {
        profile.map { $0.map { "\($0)" }.joined(separator: ",") }
    }

    package static func polarity(_ keyword: String, band: Double?) -> Polarity {
        switch keyword {
        case "lower": .lowerIsBetter
        case "band": .withinBand(halfWidth: band ?? 0)
        case "none": .none
        default: .higherIsBetter
        }
    }

    package static func band(_ polarity: Polarity) -> Double? {
        if case .withinBand(let halfWidth) = polarity { return halfWidth }
        return nil
    }

    /// `count 4` or `rate 4 40` (kind, the largest count withheld, and what a rate is out of).
    package static func smallNumbers(_ text: String?) -> SmallNumbers? {
        guard let words = text?.split(separator: " "), words.count >= 2, let largest = Int(words[1]), largest > 0 else {
            return nil
        }
        switch words[0] {
        case "count": return SmallNumbers(basis: .count, largestWithheld: largest)
        case "rate":
            guard words.count == 3, let outOf = Double(words[2]), outOf > 0 else { return nil }
            return SmallNumbers(basis: .rate(outOf: outOf), largestWithheld: largest)
        default: return nil
        }
    }

    package static func text(_ smallNumbers: SmallNumbers?) -> String? {
        guard let smallNumbers else { return nil }
        switch smallNumbers.basis {
        case .count: return "count \(smallNumbers.largestWithheld)"
        case .rate(let outOf): return "rate \(smallNumbers.largestWithheld) \(outOf)"
        }
    }

    /// Comparators as stored: JSON; `nil` for a measure without (or unreadable text: a file edited by hand).
    package static func comparators(_ text: String?) -> Comparators? {
        guard let data = text?.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Comparators.self, from: data)
    }

    package static func text(_ comparators: Comparators?) -> String? {
        guard let comparators, let data = try? JSONEncoder().encode(comparators) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
