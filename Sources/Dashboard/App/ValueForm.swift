import ScorecardKit

/// The form `e` opens to record a measure's value and commentary for a period.
///
/// It opens on the period now due (see ``Council/periodDue(forMeasure:judged:today:)``). The value, the commentary
/// and the quality start empty: what is recorded for the period already is shown beside the form. As with
/// `scorecard record`, a new value keeps none of the old one's commentary or quality, and the same value saved
/// with them left blank keeps its own (saving it again to confirm it lost the owner's explanation). `←` `→` on the period field step through the periods that have ended.
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
    public var value: String = ""
    public var note: String = ""
    public var quality: String = ""
    public var focus: Field = .value
    /// Messages from the last attempt to save, shown beside their fields.
    public var errors: [Field: String] = [:]
    /// The questions already asked about the value and period as they stand (far from the series, over a signed-off
    /// value...): each asked once, in turn, and Enter after the last saves. Typing the value or period again
    /// forgets them.
    public var asked: Set<String> = []
    /// Whether the value is being saved (the form waits for the store to answer).
    public var isSaving = false
    /// What the period held when it was chosen (or last asked about): a value recorded meanwhile by someone
    /// else is asked about before it is replaced.
    public var seen: SeenRecord?

    /// A period's recorded value as the form saw it.
    public struct SeenRecord: Hashable, Sendable {
        public var period: Period
        /// Whether anything was recorded for the period, and its value.
        public var recorded: Bool
        public var value: Double?
    }
    /// The key that was just pressed to leave the form with something typed, and asked to be pressed again: the
    /// next other key forgets it.
    public var discardAsked: DiscardKey?

    /// A key that leaves the form without saving.
    public enum DiscardKey: Hashable, Sendable {
        /// Esc: back to the screen.
        case escape
        /// Ctrl-C: out of the dashboard.
        case interrupt
    }

    /// Whether anything is typed that leaving the form would throw away (the period alone is not).
    public var holdsTyping: Bool { !value.isEmpty || !note.isEmpty || !quality.isEmpty }
    /// The latest period a value may be recorded for: the last one that has ended.
    let latestEnded: Period
    /// Whether the period field holds what the form put there (the period due, or one stepped to with ← →):
    /// typing into it then replaces it, as a selected field's text is replaced ("2026-10" then typing "2027-05"
    /// read "2026-102027-05").
    var periodIsSuggested = true

    /// A form for `measure`'s value in `period`, with every field but the period empty.
    init(measure: Int, period: Period, latestEnded: Period) {
        self.measure = measure
        self.period = period.description
        self.latestEnded = latestEnded
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

    /// The period the period field names, if it names one, read as saving reads it (``ValueEntry``): a date is its
    /// month, or the quarter or year of the measure that it ends.
    public var parsedPeriod: Period? { Period(cell: period, kind: latestEnded.kind) }

    /// The most characters a field takes, counted as a spreadsheet counts them (``length(_:)``): a commentary of a
    /// few pages, a few words elsewhere. Keys or a paste beyond are dropped (a megabyte typed by a terminal without
    /// bracketed paste took minutes, each key copying the field).
    static func limit(of field: Field) -> Int {
        field == .note ? ValueEntry.noteLimit : 200
    }

    /// A text's length against ``limit(of:)``: in UTF-16 code units, as ``ValueEntry/noteLimit`` counts.
    static func length(_ text: some StringProtocol) -> Int {
        text.utf16.count
    }

    mutating func type(_ character: Character) {
        if focus == .period, periodIsSuggested { period = "" }
        guard Self.length(self[focus]) + character.utf16.count <= Self.limit(of: focus) else {
            errors[focus] = "At most \(NumberText.grouped(Double(Self.limit(of: focus)), decimals: 0)) characters here"
            return
        }
        self[focus].append(character)
        edited()
    }

    /// Inserts pasted text: the commentary keeps its line breaks (Windows' and old Macs' made LF); any other
    /// field takes the text on one line, its line breaks and surrounding spaces dropped ("49" copied with its line).
    mutating func paste(_ text: String) {
        if focus == .period, periodIsSuggested { period = "" }
        // Line breaks as LF; any other control character (an escape sequence copied with the text) dropped.
        let breaks = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let normalised = String(String.UnicodeScalarView(breaks.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || !$0.isTerminalControl }))
        let added = focus == .note ? normalised : Self.oneLine(normalised).trimmingCharacters(in: .whitespaces)
        let room = Self.limit(of: focus) - Self.length(self[focus])
        var kept = ""
        var used = 0
        for character in added {
            used += character.utf16.count
            guard used <= room else { break }
            kept.append(character)
        }
        self[focus] += kept
        edited()
        if Self.length(kept) < Self.length(added) {
            errors[focus] = "At most \(NumberText.grouped(Double(Self.limit(of: focus)), decimals: 0)) characters here: the paste was cut"
        }
    }

    /// `text` on one line: each line break a space.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    mutating func deleteBackward() {
        if !self[focus].isEmpty { self[focus].removeLast() }
        edited()
    }

    mutating func clear() {
        self[focus] = ""
        edited()
    }

    private mutating func edited() {
        if focus == .period { periodIsSuggested = false }
        errors[focus] = nil
        if focus == .value || focus == .period { asked = [] }
    }

    mutating func move(by step: Int) {
        let all = Field.allCases
        focus = all[(focus.rawValue + step + all.count) % all.count]
    }

    /// Steps the period field to the previous or next period of the measure's kind, never past the latest that
    /// has ended. Returns `false` when it cannot go that way.
    mutating func stepPeriod(by step: Int) -> Bool {
        let current = parsedPeriod.flatMap { $0.kind == latestEnded.kind ? $0 : nil } ?? latestEnded
        let next = min(current.advanced(by: step), latestEnded)
        guard next != current || parsedPeriod != current else { return false }
        period = next.description
        periodIsSuggested = true
        errors[.period] = nil
        asked = []
        return true
    }

    /// The entry to record: every field as typed, a blank commentary or quality as not given (see above).
    func entry(code: String, by user: String) -> ValueEntry {
        func given(_ text: String) -> String? { text.allSatisfy(\.isWhitespace) ? nil : text }
        return ValueEntry(measure: code, period: period, value: value, note: given(note), quality: given(quality), by: user)
    }
}
