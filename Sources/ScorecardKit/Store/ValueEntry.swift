/// A value as someone typed it (on the command line or in the dashboard's form), before it is checked.
///
/// ``validated(today:measureWithCode:)`` checks every field and reports each problem against its field, with a
/// message fit to show beside it; the store checks again when it writes.
public struct ValueEntry: Sendable, Hashable {
    /// The entry's fields, for pinning problems to them.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case measure, period, value, note, quality, by
    }

    /// The measure's code: `KBI-01`.
    public var measure: String
    /// The period as councils write it: `2024-05`, `May 2024`, `2024/25 Q1`, `2024/25`, `2024`.
    public var period: String
    /// The value: `87.5`, `1,234`, `87.5%`, `£1,200`.
    public var value: String
    /// The commentary; blank text clears it. `nil` keeps the current one when the value is unchanged; a new
    /// value starts with no commentary unless one is given.
    public var note: String?
    /// `provisional`, `estimated` or `validated`. `nil` or blank keeps the current quality when the value is
    /// unchanged; a new value starts with none unless one is given.
    public var quality: String?
    /// Who is recording the value.
    public var by: String

    /// The longest commentary taken, in characters as a spreadsheet counts them (UTF-16 code units: an accented or
    /// Welsh letter is one, an emoji two): a few pages of text, within what a spreadsheet's cell holds, so that
    /// `export` can write the council as a workbook. (Counted in UTF-8 bytes, 15,000 letters é were refused.)
    public static let noteLimit = 20_000

    public init(measure: String, period: String, value: String, note: String? = nil, quality: String? = nil, by: String) {
        self.measure = measure
        self.period = period
        self.value = value
        self.note = note
        self.quality = quality
        self.by = by
    }

    /// Checks every field, given a way to find a measure by its code (`nil`: no such measure) and the day the
    /// value is recorded on (a period that has not ended by then is refused).
    ///
    /// - Throws: ``ValueEntryError`` with one problem per field at fault.
    public func validated(today: CivilDate, measureWithCode: (String) -> Measure?) throws(ValueEntryError) -> ValueChange {
        var problems: [ValueEntryError.Problem] = []
        func fail(_ field: Field, _ message: String) { problems.append(.init(field: field, message: message)) }

        let (code, definition, measureProblem) = EntryError<Field>.measure(named: measure, measureWithCode: measureWithCode)
        if let measureProblem { fail(.measure, measureProblem) }
        if let definition, let problem = definition.lifecycle.recordingProblem(code: code) { fail(.measure, problem) }

        let periodText = period.trimmingWhitespace()
        // A date is its month, as observations.csv reads one (2026-09-15 is September 2026), or the quarter or year
        // of a quarterly or annual measure that ends that day (2026-09-30).
        let parsedPeriod = definition.map { Period(cell: periodText, kind: $0.frequency.periodKind) } ?? Period(cell: periodText)
        if periodText.isEmpty {
            fail(.period, "enter a period (such as 2024-05 or 2024/25 Q1)")
        } else if let parsedPeriod {
            if let frequency = definition?.frequency, parsedPeriod.kind != frequency.periodKind {
                let within = parsedPeriod.lying(in: frequency.periodKind).map { " (it falls in \($0.label))" } ?? ""
                fail(.period, "\(code.excerpt()) is reported \(frequency.adverb); \"\(periodText.excerpt())\" is \(parsedPeriod.kind.article)\(within)")
            } else if !parsedPeriod.hasEnded(by: today) {
                fail(.period, parsedPeriod.notEndedMessage)
            }
        } else {
            fail(.period, "\"\(periodText.excerpt())\" is not a period (\(Period.writingHint(for: String(periodText))))")
        }

        let valueText = value.trimmingWhitespace()
        // As typed, or as the screen shows the measure's values (`£410k`, `19.5 days`, `95 %`).
        let asShown = definition.flatMap { $0.unit.parseAsShown(String(valueText)) }
        let number = NumberParser.parse(valueText) ?? asShown
        // A mark for no figure (`-`, `n/a`), as the files write one: the period's value withdrawn (a value recorded
        // for the wrong period, 1900-01 for 2025-01, could not otherwise be taken back).
        let withdraws = number == nil && NumberParser.isNoValue(valueText)
        if valueText.isEmpty {
            fail(.value, "enter a value (a number such as 87.5, or - to withdraw the period's value)")
        } else if withdraws {
            // Nothing to check: no figure.
        } else if let number {
            if asShown == nil, let mark = NumberParser.unitMark(valueText), let definition,
                let problem = definition.unit.problem(with: mark, code: code) ?? (mark == .pound ? definition.unit.typedPoundsProblem(code: code) : nil)
            {
                fail(.value, problem)
            } else if let problem = definition?.problem(withValue: number) ?? ValueLimits.insanity(of: number) {
                fail(.value, problem)
            }
        } else if let problem = definition?.unit.otherUnitProblem(String(valueText), code: code) {
            fail(.value, problem)
        } else {
            fail(.value, "\"\(valueText.excerpt())\" is not a number")
        }

        if let note, note.utf16.count > Self.noteLimit {
            fail(
                .note,
                "the commentary is \(NumberText.grouped(Double(note.utf16.count), decimals: 0)) characters long: at most "
                    + "\(NumberText.grouped(Double(Self.noteLimit), decimals: 0)), as the value form takes (a spreadsheet's cell holds 32,767)")
        }
        if let note, note.utf8.contains(0) {
            fail(.note, "the commentary contains a NUL character (byte 0), which cannot be stored")
        }

        var parsedQuality: DataQuality?
        if let quality, !quality.trimmingWhitespace().isEmpty {
            let word = quality.trimmingWhitespace().lowercased()
            parsedQuality = DataQuality(written: word)
            if parsedQuality == nil {
                fail(.quality, "\"\(word.excerpt())\" is not a data quality (provisional, estimated or validated)")
            }
        }

        let author = String(by.trimmingWhitespace())
        if author.isEmpty { fail(.by, "say who is recording the value") }

        guard problems.isEmpty, let parsedPeriod, number != nil || withdraws else { throw ValueEntryError(problems: problems) }
        let change = ValueChange(
            measureCode: definition?.code ?? code, period: parsedPeriod, value: number, note: note, quality: parsedQuality, by: author)
        return change
    }

    /// Checks every field against a loaded council's measures.
    public func validated(in council: Council, today: CivilDate) throws(ValueEntryError) -> ValueChange {
        try validated(today: today) { code in council.measureIndex(code: code).map { council.measures[$0] } }
    }
}

/// The problems found in a ``ValueEntry``, one per field at fault.
public typealias ValueEntryError = EntryError<ValueEntry.Field>

/// A checked change to one value: what a store writes.
public struct ValueChange: Sendable, Equatable {
    public var measureCode: String
    public var period: Period
    public var value: Double?
    /// Blank text clears the commentary; `nil` keeps it if the value is unchanged (see ``applied(to:)``).
    public var note: String?
    /// `nil` keeps the current quality if the value is unchanged (see ``applied(to:)``).
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
    ///
    /// Commentary and quality belong to a value: a new value keeps neither of the old one's (only what the
    /// change gives); a change that leaves the value as it was keeps what it does not give.
    public func applied(to current: Observation?) -> Observation {
        var result = current ?? Observation(period: period, value: nil)
        let replacesAll = current?.value != value
        result.value = value
        if let note {
            result.note = note.trimmingWhitespace().isEmpty ? nil : note
        } else if replacesAll {
            result.note = nil
        }
        if let quality {
            result.quality = quality
        } else if replacesAll {
            result.quality = nil
        }
        return result
    }
}

/// What recording a value did.
public enum RecordOutcome: Sendable, Equatable {
    /// The period had no value before.
    case added(Revision)
    /// The value (or its commentary or quality) changed; the revision says what it replaced.
    case revised(Revision)
    /// The store already held exactly this for the measure (its code as the framework writes it) and period;
    /// nothing was written.
    case unchanged(measureCode: String, period: Period)

    /// The outcome with its revision carrying `measure`'s unit and decimals.
    package func shown(as measure: Measure?) -> RecordOutcome {
        guard let measure else { return self }
        func shown(_ revision: Revision) -> Revision {
            var revision = revision
            (revision.unit, revision.decimals) = (measure.unit, measure.decimals)
            return revision
        }
        return switch self {
        case .added(let revision): .added(shown(revision))
        case .revised(let revision): .revised(shown(revision))
        case .unchanged: self
        }
    }
}
