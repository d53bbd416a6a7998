/// One period's value of a measure, or the record that it is missing.
///
/// A council holds a million or more of these at once, so they are stored compactly (32 bytes rather than
/// 72): the period's kind and ordinal (32 bits hold any period of years 1000 to 9999, the only ones read from
/// outside), the value and target each with a flag for "missing", and the commentary, which few observations
/// have, in a box of its own, instead of a ``Period``, two optional `Double`s and a `String?`.
public struct Observation: Sendable, Equatable {
    private var storedValue: Double
    private var storedTarget: Double
    private var storedNote: Note?
    private var ordinal: Int32
    private var kind: Period.Kind
    public var quality: DataQuality?
    private var presence: Presence

    /// A commentary, boxed so that an observation without one pays 8 bytes, not 16.
    private final class Note: Sendable, Equatable {
        let text: String

        init(_ text: String) {
            self.text = text
        }

        static func == (a: Note, b: Note) -> Bool { a.text == b.text }
    }

    /// The owner's commentary: why, and what is being done.
    public var note: String? {
        get { storedNote?.text }
        set { storedNote = newValue.map(Note.init) }
    }

    /// Which of the value and the target are there.
    private struct Presence: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let value = Presence(rawValue: 1)
        static let target = Presence(rawValue: 2)
        static let draft = Presence(rawValue: 4)
    }

    public init(
        period: Period, value: Double?, target: Double? = nil, note: String? = nil, quality: DataQuality? = nil
    ) {
        ordinal = Int32(clamping: period.ordinal)
        kind = period.kind
        storedValue = value ?? 0
        storedTarget = target ?? 0
        presence = []
        if value != nil { presence.insert(.value) }
        if target != nil { presence.insert(.target) }
        storedNote = note.map(Note.init)
        self.quality = quality
    }

    public var period: Period {
        get { Period(kind: kind, ordinal: Int(ordinal)) }
        set {
            kind = newValue.kind
            ordinal = Int32(clamping: newValue.ordinal)
        }
    }

    /// `nil` when the value is missing (for instance, not yet supplied).
    public var value: Double? {
        get { presence.contains(.value) ? storedValue : nil }
        set {
            storedValue = newValue ?? 0
            if newValue == nil { presence.remove(.value) } else { presence.insert(.value) }
        }
    }

    /// Whether this version of the value is a draft: recorded but not yet signed off, so members do not see it.
    public var isDraft: Bool {
        get { presence.contains(.draft) }
        set { if newValue { presence.insert(.draft) } else { presence.remove(.draft) } }
    }

    /// A target for this period alone, overriding the measure's schedule.
    public var target: Double? {
        get { presence.contains(.target) ? storedTarget : nil }
        set {
            storedTarget = newValue ?? 0
            if newValue == nil { presence.remove(.target) } else { presence.insert(.target) }
        }
    }
}
