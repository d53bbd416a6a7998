/// The unit a measure is counted in, and how its values are written.
///
/// `%` follows the number (`85.2%`), `£` goes before it (`£1,234`), a count has no unit, and anything
/// else follows after a space (`8.1 days`, `42 per 10,000`).
public struct MeasureUnit: Hashable, Sendable, CustomStringConvertible {
    /// As written in the framework file: `%`, `£`, `£k`, `days`, `number`, `per 10,000`...
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// A plain count.
    public static let number = MeasureUnit("number")

    public var description: String { name }

    /// Whether the unit is a plain count (written with no unit).
    public var isCount: Bool { name.isEmpty || name == "number" || name == "count" }

    /// Writes a value with its unit and the given number of decimal places: `85.2%`, `£1,234`, `8.1 days`.
    public func format(_ value: Double, decimals: Int) -> String {
        let number = NumberText.grouped(value, decimals: decimals)
        switch name {
        case "%": return number + "%"
        case _ where name.hasPrefix("£"):
            let suffix = name.dropFirst()
            return (value < 0 ? "-£" + number.dropFirst() : "£" + number) + suffix
        case _ where isCount: return number
        default: return number + " " + name
        }
    }
}

/// Number formatting without Foundation's locale machinery: fast, and the same on every machine.
public enum NumberText {
    /// `1 alert`, `36 alerts`, `7 priorities`: a count with its noun, plural (by default with an `s`) when it
    /// is not one.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(Double(count), decimals: 0)) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// `1234.567` with 1 decimal -> `1,234.6`; rounds half away from zero.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let d = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if d > 0 {
            let f = String(fraction)
            grouped += "." + String(repeating: "0", count: d - f.count) + f
        }
        let isZero = scaled == 0
        return value < 0 && !isZero ? "-" + grouped : grouped
    }
}
