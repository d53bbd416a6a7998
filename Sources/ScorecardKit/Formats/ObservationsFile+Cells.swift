import Foundation

extension ObservationsFile {
    /// The index of the measure whose code is in `column`, or `nil` after reporting an unknown or empty code (a
    /// row that is blank throughout is skipped without a word, as spreadsheets export them).
    func measure(_ record: borrowing TableRecord, _ column: Int, _ state: inout ReadState) throws -> Int? {
        let sameAsLast = record.withBytes(column) { bytes in
            state.lastIndex >= 0 && Self.isTrimmed(bytes) && state.lastCode.withUnsafeBufferPointer { Self.same(bytes, $0) }
        }
        if sameAsLast { return state.lastIndex }
        let code = record.string(column).trimmingWhitespace()
        guard let index = indexByCode[String(code)] ?? indexByFoldedCode[code.lowercased()] else {
            if code.isEmpty, (0..<record.count).allSatisfy({ record.isBlank($0) }) { return nil }
            // A note under the values, or a heading over a group of rows, in the code's column or another: said so.
            let filled = (0..<record.count).filter { !record.isBlank($0) }
            if filled.count == 1, let only = filled.first {
                let text = record.string(only).trimmingWhitespace()
                // Words, not a figure (a row of one value, its code missing, is a row missing its code).
                if text.contains(where: \.isLetter), only != column || text.contains(where: \.isWhitespace) || text.hasSuffix(":") {
                    try state.fail(record.line, only, TableHeader.noteRow(text))
                    return nil
                }
            }
            try state.fail(record.line, column, code.isEmpty ? "the measure code is empty" : UnknownMeasureCode.message(code, note: " (not in the framework)"))
            return nil
        }
        record.withBytes(column) { bytes in
            state.lastCode.removeAll(keepingCapacity: true)
            state.lastCode.append(contentsOf: bytes)
        }
        state.lastIndex = index
        return index
    }

    /// Checks the observation of measure `index` for `period` held in `cells` of `record`, and keeps it.
    ///
    /// - Parameters:
    ///   - periodText: the period as written, for messages.
    ///   - periodColumn: where a problem with the period is placed.
    func observation(
        _ record: borrowing TableRecord, measure index: Int, period: Period, periodText: @autoclosure () -> String,
        at periodColumn: Int, cells: ObservationCells, into state: inout ReadState
    ) throws {
        let line = record.line
        var code: String { measures[index].code.excerpt() }
        guard period.kind == periodKinds[index] else {
            let frequency = measures[index].frequency
            // A month (or a quarter-end date) given for a longer period: the one it falls in is named, to write instead.
            let within = period.lying(in: frequency.periodKind).map { " (it falls in \($0.description): write that)" } ?? ""
            try state.fail(line, periodColumn, "\(code) is reported \(frequency.adverb); \"\(periodText().excerpt())\" is \(period.kind.article)\(within)")
            return
        }
        let (valueRead, value) = try number(record, cells.value, of: index, state: &state)
        guard valueRead else { return }
        if let value {
            if !limits[index].allows(value), let problem = measures[index].problem(withValue: value) {
                try state.fail(line, cells.value, "\(code): \(problem)")
                return
            }
            if let today, !state.hasEnded(period, by: today) {
                try state.fail(line, periodColumn, period.notEndedMessage)
                return
            }
        }
        let (targetRead, target) = try number(record, cells.target, of: index, state: &state)
        guard targetRead else { return }
        if let target, !limits[index].allows(target), let problem = measures[index].problem(withValue: target) {
            try state.fail(line, cells.target, "\(code): the target: \(problem)")
            return
        }
        var quality: DataQuality?
        if cells.quality >= 0, !record.isBlank(cells.quality) {
            let column = cells.quality
            quality = record.withBytes(column, Self.exactQuality)
            if quality == nil {
                let text = record.string(column).trimmingWhitespace().lowercased()
                quality = DataQuality(written: text)
                if quality == nil {
                    try state.fail(line, column, "\"\(text.excerpt())\" is not a data quality (provisional, estimated or validated)")
                    return
                }
            }
        }
        var note: String?
        if cells.note >= 0, !record.isBlank(cells.note) {
            if record.withBytes(cells.note, { Self.holds(0, $0) }) {
                try state.fail(line, cells.note, "the commentary contains a NUL character (byte 0), which cannot be stored")
                return
            }
            note = record.string(cells.note)
            // Windows line breaks (CRLF) inside a quoted note, and old Mac ones (CR), are line breaks as LF is:
            // kept as they were, the CR glued paragraphs together on screen and showed as � in reports.
            if record.withBytes(cells.note, { Self.holds(UInt8(ascii: "\r"), $0) }) {
                note = note?.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            // As long as the value form takes (a few pages), line breaks counted as stored: a 50 MB note made a 50 MB
            // paper, and could not be exported to a workbook. (In UTF-16, as spreadsheets count; never more than
            // its UTF-8 bytes, counted first.)
            if let text = note, text.utf8.count > ValueEntry.noteLimit, text.utf16.count > ValueEntry.noteLimit {
                try state.fail(line, cells.note, "the commentary is \(NumberText.grouped(Double(text.utf16.count), decimals: 0)) characters long: at most "
                    + "\(NumberText.grouped(Double(ValueEntry.noteLimit), decimals: 0)), as the value form takes (a spreadsheet's cell holds 32,767)")
                return
            }
        }
        if let first = state.firstLine(index: index, ordinal: period.ordinal, line: line) {
            try state.fail(line, periodColumn, "\(code) \(period.label) is given twice (first on \(state.origin.lineName(first)))")
            return
        }
        let observation = Observation(period: period, value: value, target: target, note: note, quality: quality)
        state.count += 1
        if state.keepsObservations { state.result[index].append(observation) }
        if state.emitting { state.pending.append((index, observation)) }
    }

    /// The number in `column` (-1: none) of `record`, for measure `index`: `read` is false when the cell is neither
    /// a number, nor the measure's figure as the screen shows it (`£761k`, `25 days`), nor blank, nor a mark for no
    /// figure (``NumberParser/isNoValue(_:)``), or is a number written with a unit the measure is not measured in
    /// (`50%` or `25 weeks` of days), which is reported; `value` is `nil` for no number.
    private func number(_ record: borrowing TableRecord, _ column: Int, of index: Int, state: inout ReadState) throws -> (read: Bool, value: Double?) {
        guard column >= 0, !record.isBlank(column) else { return (true, nil) }
        if let value = record.withBytes(column, { NumberParser.parse($0) }) {
            // A unit is written with a `%` or a `£` (C2 A3): a figure of neither has none to check.
            if record.withBytes(column, { $0.contains { $0 == UInt8(ascii: "%") || $0 == 0xC2 } }),
                let mark = record.withBytes(column, { NumberParser.unitMark($0) })
            {
                let unit = measures[index].unit
                if let problem = unit.problem(with: mark, code: measures[index].code) {
                    try state.fail(record.line, column, problem)
                    return (false, nil)
                }
                if mark == .pound, let problem = unit.poundsAsScaledProblem(value) {
                    try state.fail(record.line, column, "\(measures[index].code.excerpt()): \(problem)")
                    return (false, nil)
                }
            }
            return (true, value)
        }
        let text = record.string(column)
        if NumberParser.isNoValue(text) { return (true, nil) }
        // Copied from the screen or a report, with the measure's own unit (`£761k`, `25 days`): that figure. Only
        // where the plain number failed, so that the usual cell costs nothing more.
        let unit = measures[index].unit
        if let value = unit.parseAsShown(text) { return (true, value) }
        let problem = unit.otherUnitProblem(text, code: measures[index].code)
            ?? Self.accountingNegative(text).map { "\"\(text.excerpt())\" is not a number: a figure below zero is written with a minus sign, \($0)" }
            ?? "\"\(text.excerpt())\" is not a number (a value not to be had is left empty, or written - or n/a)"
        try state.fail(record.line, column, problem)
        return (false, nil)
    }

    /// A figure in brackets as accountants write one below zero, `(5)` or `(1,234.5)`, as it is to be written:
    /// `-5`; `nil` for any other text.
    static func accountingNegative(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasPrefix("("), trimmed.hasSuffix(")"), trimmed.count > 2 else { return nil }
        let inside = String(trimmed.dropFirst().dropLast())
        guard let value = NumberParser.parse(inside), value > 0 else { return nil }
        return "-" + String(inside.trimmingWhitespace())
    }

    /// Whether `bytes` needs no trimming: empty, or starting and ending with a printable ASCII character
    /// (anything else goes through `trimmingWhitespace`, which knows every kind of space).
    private static func isTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }

    /// The quality written exactly as its keyword (the usual case), without making a string.
    private static func exactQuality(_ bytes: UnsafeBufferPointer<UInt8>) -> DataQuality? {
        for (quality, keyword) in qualities where keyword.withUnsafeBufferPointer({ same(bytes, $0) }) {
            return quality
        }
        return nil
    }

    /// The qualities with their keywords' bytes, most common first; made once (compared with a string's UTF-8
    /// view, each row's quality cost a fortieth of reading it).
    private static let qualities: [(DataQuality, [UInt8])] = [.validated, .provisional, .estimated].map { ($0, Array($0.rawValue.utf8)) }

    /// Whether `a` and `b` hold the same bytes.
    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }

    /// Whether `bytes` holds `byte` (by `memchr`, a commentary's bytes at a time, not one by one).
    private static func holds(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, Int32(byte), bytes.count) != nil
    }
}

extension Period.Kind {
    /// "a month", "a quarter", "a financial year", "a calendar year".
    var article: String {
        switch self {
        case .month: "a month"
        case .quarter: "a quarter"
        case .financialYear: "a financial year"
        case .calendarYear: "a calendar year"
        }
    }
}
