import Foundation

/// What the workbook's styles (`xl/styles.xml`) say about each cell style's number format: whether a number shows
/// as a percentage or a date, which changes what the cell means.
struct NumberFormats {
    enum Kind: Equatable {
        case plain, percent, date
        /// A number shown in thousands (`#,##0,"k"`: 1410000 shows as 1,410k) or millions (`#,##0.0,,"m"`): each
        /// comma after the last digit divides by 1,000. `mark`: the scale the format writes after the number (1 for
        /// `"k"`, 2 for `"m"`, 3 for `"bn"`), so the cell reads as it shows (`1,410k`, `£1.25m`; `£#,##0"k"`
        /// shows 1250 as £1,250k), for the reader to put in the measure's own unit; `pounds`: the format shows `£`.
        case scaled(thousands: Int, mark: Int?, pounds: Bool)
        /// A date shown without its year (`d-mmm`: 24-Jun): the year typed may not be the one stored.
        case dateWithoutYear
        /// A time of day or a length of time (`h:mm`, `[h]:mm`, `mm:ss`): a fraction of a day, which no measure
        /// counts in.
        case duration
        /// A style the workbook does not have (`s="99"` beyond its styles, or none at all), or one naming a
        /// number format it does not define: how the number shows (87.5% or 0.875) cannot be told.
        case undefined(String)
    }

    /// The kind of each cell style (`<c s="3">` is the fourth), in `cellXfs` order.
    private(set) var kinds: [Kind] = []

    init() {}

    init(_ data: Data, part: String, archive: WorkbookArchive) throws {
        var custom: [Int: Kind] = [:]
        var kinds: [Kind] = []
        var inCellFormats = false
        try XMLEvents.parse(data, part: part, file: archive.path) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                    custom[id] = Self.kind(ofCode: code)
                }
            case .start("cellXfs", _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes) where inCellFormats:
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                // From 164 on, a format is the workbook's own, and must be defined in it.
                kinds.append(custom[id] ?? (id >= 164 ? .undefined("names number format \(id), which the workbook does not define") : Self.builtIn(id)))
            default: break
            }
        }
        self.kinds = kinds
    }

    /// The kind of cell style `style`: plain for none (or style 0 of a workbook without styles), undefined
    /// for a style the workbook does not have.
    func kind(_ style: Int?) -> Kind {
        guard let style, style != 0 || !kinds.isEmpty else { return .plain }
        guard kinds.indices.contains(style) else { return .undefined("has style \(style), which the workbook does not have") }
        return kinds[style]
    }

    /// The built-in formats: 9 and 10 are percentages; 18 to 21 and 45 to 47 times and durations; 14 to 17, 22,
    /// 27 to 36 and 50 to 58 dates.
    static func builtIn(_ id: Int) -> Kind {
        switch id {
        case 9, 10: .percent
        case 18...21, 45...47: .duration
        case 16: .dateWithoutYear
        case 14, 15, 17, 22, 27...36, 50...58: .date
        default: .plain
        }
    }

    /// The kind of a custom format code: a `%` outside quotes makes a percentage; an elapsed time in brackets
    /// (`[h]`, `[mm]`) or hours or seconds with no day, month or year a duration; a date or time letter (d, m, y,
    /// h, s) outside quotes and brackets a date. `General` and `@` are plain.
    static func kind(ofCode code: String) -> Kind {
        var bare = ""
        var bracketed = ""
        // Text the format writes as it is: quoted (`"k"`) or escaped (`\k`).
        var literal = ""
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
                literal.append(character)
                continue
            }
            // Only the first section (for positive numbers) says what a cell's number is; the others' text
            // (`-£#,##0,"k"`) is not read for its scale.
            if character == ";", !inQuotes, !inBrackets, !bare.isEmpty || !literal.isEmpty { break }
            switch character {
            case "\\" where !inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false; bracketed.append(";")
            default:
                if inQuotes { literal.append(character) } else if inBrackets { bracketed.append(character) } else { bare.append(character) }
            }
        }
        let elapsed = bracketed.lowercased().split(separator: ";").contains { $0.allSatisfy { "hms".contains($0) } && !$0.isEmpty }
        // Only the first section (for positive numbers) matters here.
        let first = bare.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if first.contains("%") { return .percent }
        let lower = first.lowercased()
        if lower == "general" { return .plain }
        if elapsed || (lower.contains(where: { "hs".contains($0) }) && !lower.contains(where: { "dy".contains($0) })) { return .duration }
        if lower.contains(where: { "dmyhs".contains($0) }) { return lower.contains("y") || lower.contains("e") ? .date : .dateWithoutYear }
        // Commas straight after the last digit placeholder scale the number (a thousands separator sits between digits).
        if let last = first.lastIndex(where: { "0#?".contains($0) }) {
            let thousands = first[first.index(after: last)...].prefix { $0 == "," }.count
            // A scale written after the number: of pounds (`£#,##0"k"`), of a number the format scales, or one
            // that can mean nothing else (`#,##0"k"`: 1,250k people); `m` or `b` alone after a plain number may
            // be the unit (`0.0"m"`, metres), read as the number it is.
            let pounds = (bare + literal + bracketed).contains("£")
            let scales: [Substring: Int] = [
                "k": 1, "thousand": 1, "thousands": 1, "m": 2, "mn": 2, "million": 2, "millions": 2, "bn": 3, "b": 3, "billion": 3,
            ]
            let words = literal.lowercased().split { !$0.isLetter }
            let mark = words.lazy.compactMap { scales[$0] }.first
            let onlyAScale = words.contains { scales[$0] != nil && $0 != "m" && $0 != "b" }
            if thousands > 0 || (mark != nil && (pounds || onlyAScale)) {
                return .scaled(thousands: min(thousands, 4), mark: mark, pounds: pounds)
            }
        }
        return .plain
    }
}
