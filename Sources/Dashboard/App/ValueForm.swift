import ScorecardKit

/// The form `e` opens to record a measure's value and commentary for a period.
public struct ValueForm: Hashable, Sendable {
    /// The form's fields, in Tab order.
    public enum Field: Int, Hashable, Sendable, CaseIterable {
        case period, value, note, quality

        public var label: String {
            switch self {
            case .period: "Period"
            case .value: "Value"
            case .note: "Commentary"
            case .quality: "Quality"
            }
        }

        var entryField: ValueEntry.Field {
            switch self {
            case .period: .period
            case .value: .value
            case .note: .note
            case .quality: .quality
            }
        }
    }

    /// The measure's index in the council.
    public var measure: Int
    public var period: String
    public var value: String
    public var note: String
    public var quality: String
    public var focus: Field = .value
    /// Messages from the last attempt to save, shown beside their fields.
    public var errors: [Field: String] = [:]

    /// A form for `measure`'s value in `period`, filled with what is recorded there already.
    init(measure: Int, period: Period, council: Council) {
        self.measure = measure
        self.period = period.description
        let existing = council.observations[measure].last { $0.period == period }
        let definition = council.measures[measure]
        value = existing?.value.map { NumberText.grouped($0, decimals: definition.decimals).replacingOccurrences(of: ",", with: "") } ?? ""
        note = existing?.note ?? ""
        quality = existing?.quality?.rawValue ?? DataQuality.provisional.rawValue
    }

    /// The text of a field.
    public subscript(field: Field) -> String {
        get {
            switch field {
            case .period: period
            case .value: value
            case .note: note
            case .quality: quality
            }
        }
        set {
            switch field {
            case .period: period = newValue
            case .value: value = newValue
            case .note: note = newValue
            case .quality: quality = newValue
            }
        }
    }

    mutating func type(_ character: Character) {
        self[focus].append(character)
        errors[focus] = nil
    }

    mutating func deleteBackward() {
        if !self[focus].isEmpty { self[focus].removeLast() }
        errors[focus] = nil
    }

    mutating func clear() {
        self[focus] = ""
        errors[focus] = nil
    }

    mutating func move(by step: Int) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    /// The entry to record, as typed.
    func entry(code: String, by user: String) -> ValueEntry {
        ValueEntry(measure: code, period: period, value: value, note: note, quality: quality, by: user)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
