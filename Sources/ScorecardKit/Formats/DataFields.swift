/// The fields of one record of the council's data, read by name: a mapping in `framework.yaml`, or a row of a
/// table (`measures.csv`, a workbook's Measures sheet). Every reader parses each field through these methods, so a
/// value means the same, and is refused with the same message, wherever it is written.
protocol DataFields {
    /// What the record describes, for messages: "measure KBM-01".
    var context: String { get set }
    /// Where the record is, for messages that point elsewhere in it (``TableOrigin/lineName(_:)``).
    var origin: TableOrigin { get }
    /// The line (or row) the record starts on.
    var line: Int { get }

    /// The text of the field `key`, marked as read; `nil` when it is absent or empty.
    mutating func string(_ key: String) throws -> String?

    /// The problem `message` with the field `key`, placed where that field is (or the record, when it is absent).
    func error(_ key: String, _ message: String) -> DataFileError

    /// Throws for the first field that was never read: a misspelling, or a field that does not belong here.
    func rejectUnknownKeys(allowed: [String]) throws
}

extension DataFields {
    /// The text of `key`, which must be there and not blank.
    mutating func requiredString(_ key: String) throws -> String {
        guard let text = try string(key), !text.trimmingWhitespace().isEmpty else {
            throw error(key, "\(context) needs a \(key)")
        }
        return text
    }

    /// A value parsed by `parse`, or an error saying what was expected.
    mutating func parsed<T>(_ key: String, expected: @autoclosure () -> String, _ parse: (String) -> T?) throws -> T? {
        guard let text = try string(key) else { return nil }
        guard let value = parse(String(text.trimmingWhitespace())) else {
            throw error(key, "\"\(text.excerpt())\" is not \(expected())")
        }
        return value
    }

    /// A number within ±``ValueLimits/sane``.
    mutating func number(_ key: String) throws -> Double? {
        let number = try parsed(key, expected: "a number") { NumberParser.parse($0) }
        if let number, let problem = ValueLimits.insanity(of: number) { throw error(key, problem) }
        return number
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        try parsed(key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
            Int($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    /// A whole number from 0 to 100, written alone or as a percentage (`60`, `60%`: a cell formatted as a
    /// percentage reads as `60%`).
    mutating func wholePercent(_ key: String) throws -> Int? {
        try parsed(key, expected: "a whole number from 0 to 100 (or a percentage such as 60%)") { text in
            let number = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            return Int(number).flatMap { (0...100).contains($0) ? $0 : nil }
        }
    }

    /// `true` or `false`, as spreadsheets also write them: yes/no, y/n, 1/0, in any case.
    mutating func bool(_ key: String) throws -> Bool? {
        try parsed(key, expected: "true or false (or yes or no)") {
            switch $0.lowercased() {
            case "true", "yes", "y", "1": true
            case "false", "no", "n", "0": false
            default: nil
            }
        }
    }

    /// A keyword from a closed set, matched without regard to case.
    mutating func keyword<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
        // In any case, words apart by spaces, underscores or hyphens as a spreadsheet's list has them ("In progress").
        try parsed(key, expected: "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))") { text in
            T(rawValue: text.lowercased().split { $0.isWhitespace || $0 == "_" || $0 == "-" }.joined(separator: "-"))
        }
    }
}

/// The fields of a measure, with its targets and profile, which a table and `framework.yaml` lay out differently.
protocol MeasureFields: DataFields {
    /// The targets as written, in order: `targets:` in `framework.yaml`, the `target <period>` columns of a table.
    mutating func targets() throws -> [TargetText]
    /// The profile's entries as written (`nil` for an entry that is not a single value); empty when there is none.
    mutating func profile() throws -> [String?]
}

/// One target as written: its period and its number, each with its place.
struct TargetText {
    /// The period as written, for messages.
    var periodText: String
    /// The period the text names, when it is known before the measure's frequency is (a table's heading);
    /// else `nil`, and the text is read as the measure's period.
    var period: Period?
    /// The target as written; `nil` when it is not a single value.
    var value: String?
    var periodPlace: DataPlace
    var valuePlace: DataPlace
}
