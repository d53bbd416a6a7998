import Foundation
import ScorecardKit

/// Turns a cell as stored into the text the council's readers take: numbers to the 15 significant digits a
/// spreadsheet shows (`87.5`); a number shown as a percentage as the percentage (`0.875` shown as `87.5%` is
/// `87.5%`); a number shown as a date as that date (`2024-05-01`); booleans as `true` or `false`; text as it is.
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
        case "str": return .success(ExcelText.decoded(value ?? ""))
        // An error (`#REF!`, `#N/A`) is no text to show anyone: a note of "#REF!" reached members' screens.
        case "e":
            let error = ExcelText.decoded(value ?? "").terminalSafe.excerpt(20)
            return .failure(CellProblem("holds \(error.isEmpty ? "an error" : "the error \(error)") (a formula that failed): correct it, or clear the cell"))
        case "b": return .success(value == "1" || value == "true" ? "true" : "false")
        case "d": return .success(String((value ?? "").prefix(10)))
        default:
            guard let value else { return .success("") }
            switch format {
            case .plain: return .success(Self.shown(value))
            case .scaled(let thousands, let mark, let pounds):
                // Thousands, millions, billions: a format dividing by more shows figures no council keeps.
                guard thousands <= 3 else {
                    return .failure(CellProblem("is shown divided by a thousand more than three times (its format has more than three commas after the last digit): format it as a number"))
                }
                var shown = Self.shown(value, times: pow(1000, -Double(thousands)))
                // A small figure scaled down comes out in exponent form (`5e-05`): the stored digits, their point
                // moved instead (0.00005), as the figure is meant.
                if shown.contains(where: { $0 == "e" || $0 == "E" }) {
                    let stored = value.trimmingCharacters(in: .whitespaces)
                    let sign = stored.hasPrefix("-") ? "-" : ""
                    if let moved = MeasureUnit.shiftingPoint(of: String(stored.dropFirst(sign.count)), by: -3 * thousands) {
                        shown = sign + moved
                    } else if let number = Double(shown), number.isFinite, abs(number) >= 1e-20 {
                        // Stored in exponent form itself: written out to 20 places, the zeros after the figure dropped.
                        var plain = String(format: "%.20f", number)
                        while plain.hasSuffix("0") { plain.removeLast() }
                        if plain.hasSuffix(".") { plain.removeLast() }
                        shown = plain
                    }
                }
                // Read as it shows, scale and all (`£1.25m`), so that the reader puts it in the measure's unit:
                // 1,250 of £k, 1,250,000 of £ (a number alone in millions was read as 1.25 of £k).
                guard let mark, Double(shown) != nil else { return .success(shown) }
                let sign = shown.hasPrefix("-") ? "-" : ""
                return .success(sign + (pounds ? "£" : "") + shown.dropFirst(sign.count) + ["k", "m", "bn"][mark - 1])
            case .percent: return .success(Self.shown(value, times: 100) + "%")
            case .dateWithoutYear:
                return .failure(CellProblem("is a date shown without its year (its format has no year), so which year is meant cannot be told: write the period as text (such as 2024-06), or format the cell to show the year"))
            case .date:
                guard let serial = Double(value), let date = ExcelDate.date(serial: serial, uses1904Dates: uses1904Dates) else { return .success(value) }
                return .success(date.description)
            case .duration:
                return .failure(CellProblem("is a time or a length of time (such as 1:30), which Excel keeps as a fraction of a day: write the number the measure counts (90 minutes, 1.5 hours) in a cell formatted as a number"))
            case .undefined(let why):
                // 0.875 shown as 87.5% is 87.5: read as 0.875, it was judged against a target misread the same way.
                return .failure(CellProblem("\(why), so how its number shows (87.5% or 0.875, say) cannot be told: the workbook is damaged; save it again from Excel"))
            }
        }
    }

    /// `number` (as XML writes a double, perhaps to 17 digits: `0.68899999999999995`) times `factor`, to the 15
    /// significant digits a spreadsheet shows (`68.9`); text that is not a number is kept as it is.
    static func shown(_ number: String, times factor: Double = 1) -> String {
        // Decimal digits only, as a spreadsheet writes a number: hex (`0x10`) and the like are kept as text, for
        // the reader to refuse as it refuses them in a CSV; one too close to 0 (`1e-400`) is kept as written too.
        let digits = number.trimmingCharacters(in: .whitespaces)
        guard digits.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
            let value = NumberParser.parse(digits), value.isFinite, value == 0 || abs(value) >= ValueLimits.tiny
        else { return number }
        let text = String(format: "%.15g", value * factor)
        guard text.contains("."), !text.contains("e") else { return text }
        let trimmed = text.reversed().drop { $0 == "0" }.drop { $0 == "." }
        return String(trimmed.reversed())
    }
}

/// What is wrong with a cell, in words: "refers to a shared string the workbook does not have".
struct CellProblem: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
