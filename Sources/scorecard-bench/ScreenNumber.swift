import Foundation

/// A whole number as a screen may show it, whatever the measure's unit and decimal places: `91,357`,
/// `91357`, `91,357.0`, `£91,357` or `91,357 days`, but not within a longer number (`191,357`, `91,3570`).
struct ScreenNumber {
    private let pattern: NSRegularExpression

    init(_ value: Double) throws {
        let plain = String(Int(value))
        let alternatives = Set([plain, Report.grouped(Int(value))]).map(NSRegularExpression.escapedPattern(for:))
        // Not after a digit, point or comma; not before a digit or a comma and digit (a longer number).
        pattern = try NSRegularExpression(pattern: "(?<![0-9.,])(\(alternatives.joined(separator: "|")))(?![0-9]|,[0-9])")
    }

    /// Whether `screen` shows the number.
    func isShown(on screen: String) -> Bool {
        pattern.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)) != nil
    }
}
