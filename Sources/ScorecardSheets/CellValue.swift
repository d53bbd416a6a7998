import ScorecardKit

/// Turns a cell as stored into the text the council's readers take: numbers as written (`87.5`); a number shown as
/// a percentage as the percentage (`0.875` shown as `87.5%` is `87.5%`); a number shown as a date as that date
/// (`2024-05-01`); booleans as `true` or `false`; text as it is.
struct CellValue {
    /// `<c t="...">`: `n` (or none) a number, `s` a shared string, `inlineStr`, `str` a formula's text, `b` a
    /// boolean, `e` an error (`#N/A`), `d` an ISO 8601 date.
    var type: String?
    /// The cell style's number format.
    var format: NumberFormats.Kind
    /// The text of `<v>`.
    var value: String?
    /// The text of `<is>`.
    var inline: String?

    /// The cell's text, or a problem with it (said in words for a message).
    func text(sharedStrings: [String], uses1904Dates: Bool) -> Result<String, CellProblem> {
        switch type {
        case "s":
            guard let index = value.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), sharedStrings.indices.contains(index) else {
                return .failure(CellProblem("refers to a shared string the workbook does not have"))
            }
            return .success(sharedStrings[index])
        case "inlineStr": return .success(ExcelText.decoded(inline ?? ""))
        case "str", "e": return .success(ExcelText.decoded(value ?? ""))
        case "b": return .success(value == "1" || value == "true" ? "true" : "false")
        case "d": return .success(String((value ?? "").prefix(10)))
        default:
            guard let value else { return .success("") }
            switch format {
            case .plain: return .success(value)
            case .percent: return .success(Self.hundredTimes(value) + "%")
            case .date:
                guard let serial = Double(value), let date = ExcelDate.date(serial: serial, uses1904Dates: uses1904Dates) else { return .success(value) }
                return .success(date.description)
            }
        }
    }

    /// `number` (as XML writes a double) times 100, written exactly where the decimal point can simply move
    /// (`0.875` -> `87.5`, `0.07` -> `7`).
    static func hundredTimes(_ number: String) -> String {
        let text = number.trimmingCharacters(in: .whitespaces)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        guard unsigned.allSatisfy({ $0.isNumber || $0 == "." }), unsigned.filter({ $0 == "." }).count <= 1, !unsigned.isEmpty else {
            return Double(text).map { OutputTable.Cell.number($0 * 100).text } ?? text
        }
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, 2 - fraction.count))
        var digits = (whole + fraction.prefix(2)).drop { $0 == "0" }
        if digits.isEmpty { digits = "0" }
        let rest = fraction.dropFirst(2).reversed().drop { $0 == "0" }.reversed()
        let result = rest.isEmpty ? String(digits) : String(digits) + "." + String(rest)
        return negative && result != "0" ? "-" + result : result
    }
}

/// What is wrong with a cell, in words: "refers to a shared string the workbook does not have".
struct CellProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
