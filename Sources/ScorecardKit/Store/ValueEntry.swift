/// A value as someone typed it (on the command line or in the dashboard's form), before it is checked.
///
/// ``validated(frequencyOf:)`` checks every field and reports each problem against its field, with a
/// message fit to show beside it; the store checks again when it writes.
public struct ValueEntry: Sendable, Equatable {
    /// The entry's fields, for pinning problems to them.
    public enum Field: String, Sendable, CaseIterable {
        case measure, period, value, note, quality, by
    }

    /// The measure's code: `KBI-01`.
    public var measure: String
    /// The period as councils write it: `2024-05`, `May 2024`, `2024/25 Q1`, `2024/25`, `2024`.
    public var period: String
    /// The value: `87.5`, `1,234`, `87.5%`, `£1,200`.
    public var value: String
    /// The commentary; `nil` keeps the current one, blank text clears it.
    public var note: String?
    /// `provisional`, `estimated` or `validated`; `nil` or blank keeps the current quality.
    public var quality: String?
    /// Who is recording the value.
    public var by: String

    public init(measure: String, period: String, value: String, note: String? = nil, quality: String? = nil, by: String) {
        self.measure = measure
        self.period = period
        self.value = value
        self.note = note
        self.quality = quality
        self.by = by
    }

    /// Checks every field, given a way to find a measure's frequency by its code (`nil`: no such measure).
    ///
    /// - Throws: ``ValueEntryError`` with one problem per field at fault.
    public func validated(frequencyOf: (String) -> Frequency?) throws(ValueEntryError) -> ValueChange {
        var problems: [ValueEntryError.Problem] = []
        func fail(_ field: Field, _ message: String) { problems.append(.init(field: field, message: message)) }

        let code = String(measure.trimmingWhitespace())
        let frequency = code.isEmpty ? nil : frequencyOf(code)
        if code.isEmpty {
            fail(.measure, "enter a measure code (such as KBI-01)")
        } else if frequency == nil {
            fail(.measure, "unknown measure code \"\(code)\"")
        }

        let periodText = period.trimmingWhitespace()
        let parsedPeriod = Period(parsing: periodText)
        if periodText.isEmpty {
            fail(.period, "enter a period (such as 2024-05 or 2024/25 Q1)")
        } else if parsedPeriod == nil {
            fail(.period, "\"\(periodText)\" is not a period (write 2024-05, May 2024, 2024/25 Q1, 2024/25 or 2024)")
        } else if let parsedPeriod, let frequency, parsedPeriod.kind != frequency.periodKind {
            fail(.period, "\(code) is reported \(frequency.rawValue); \"\(periodText)\" is \(parsedPeriod.kind.article)")
        }

        let valueText = value.trimmingWhitespace()
        let number = NumberParser.parse(valueText)
        if valueText.isEmpty {
            fail(.value, "enter a value (a number such as 87.5)")
        } else if number == nil {
            fail(.value, "\"\(valueText)\" is not a number")
        }

        var parsedQuality: DataQuality?
        if let quality, !quality.trimmingWhitespace().isEmpty {
            let word = quality.trimmingWhitespace().lowercased()
            parsedQuality = DataQuality(rawValue: word)
            if parsedQuality == nil {
                fail(.quality, "\"\(word)\" is not a data quality (provisional, estimated or validated)")
            }
        }

        let author = String(by.trimmingWhitespace())
        if author.isEmpty { fail(.by, "say who is recording the value") }

        guard problems.isEmpty, let parsedPeriod, let number else { throw ValueEntryError(problems: problems) }
        return ValueChange(
            measureCode: code, period: parsedPeriod, value: number, note: note, quality: parsedQuality, by: author)
    }

    /// Checks every field against a loaded council's measures.
    public func validated(in council: Council) throws(ValueEntryError) -> ValueChange {
        try validated { code in council.measureIndex(code: code).map { council.measures[$0].frequency } }
    }
}

/// The problems found in a ``ValueEntry``, one per field at fault.
public struct ValueEntryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One field's problem.
    public struct Problem: Sendable, Equatable {
        public var field: ValueEntry.Field
        /// A message fit to show beside the field: `"2024/26" is not a period (...)`.
        public var message: String
    }

    /// In the order of the entry's fields.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// The problem with `field`, if it has one (for showing beside the field).
    public func message(for field: ValueEntry.Field) -> String? {
        problems.first { $0.field == field }?.message
    }

    public var description: String {
        problems.map { "\($0.field.rawValue): \($0.message)" }.joined(separator: "\n")
    }
}

/// A checked change to one value: what a store writes.
public struct ValueChange: Sendable, Equatable {
    public var measureCode: String
    public var period: Period
    public var value: Double?
    /// `nil` keeps the current commentary; blank text clears it.
    public var note: String?
    /// `nil` keeps the current quality.
    public var quality: DataQuality?
    public var by: String

    public init(measureCode: String, period: Period, value: Double?, note: String? = nil, quality: DataQuality? = nil, by: String) {
        self.measureCode = measureCode
        self.period = period
        self.value = value
        self.note = note
        self.quality = quality
        self.by = by
    }

    /// The observation this change makes of `current` (the value as it stands, if any).
    public func applied(to current: Observation?) -> Observation {
        var result = current ?? Observation(period: period, value: nil)
        result.value = value
        if let note { result.note = note.trimmingWhitespace().isEmpty ? nil : note }
        if let quality { result.quality = quality }
        return result
    }
}

/// What recording a value did.
public enum RecordOutcome: Sendable, Equatable {
    /// The period had no value before.
    case added(Revision)
    /// The value (or its commentary or quality) changed; the revision says what it replaced.
    case revised(Revision)
    /// The store already held exactly this; nothing was written.
    case unchanged
}
