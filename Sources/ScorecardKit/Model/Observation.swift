/// One period's value of a measure, or the record that it is missing.
///
/// A council holds a million or more of these at once, so they are stored compactly (24 bytes rather than
/// 72): the period's kind and ordinal (32 bits hold any period of years 1000 to 9999, the only ones read from
/// outside), the value with a flag for "missing", and what few observations have (a target of their own, a
/// commentary) in a box of its own, instead of a ``Period``, two optional `Double`s and a `String?`. The period's
/// kind and ordinal are kept apart, not as a ``Period``, so that the quality and flags fill what would be a
/// `Period`'s padding (as a `Period`, 32 bytes).
public struct Observation: Sendable, Equatable {
    private var storedValue: Double
    private var extras: Extras?
    private var ordinal: Int32
    private var kind: Period.Kind
    public var quality: DataQuality?
    private var presence: Presence

    /// A target of the period's own and the owner's commentary, boxed: one observation in a thousand has a
    /// target and the recent values are read without commentary, so most observations pay 8 bytes for both.
    final class Extras: Sendable, Equatable {
        let target: Double?
        let note: String?

        init(target: Double?, note: String?) {
            self.target = target
            self.note = note
        }

        /// A box for `target` and `note`, or `nil` when both are missing.
        static func make(target: Double?, note: String?) -> Extras? {
            target == nil && note == nil ? nil : Extras(target: target, note: note)
        }

        static func == (a: Extras, b: Extras) -> Bool { a.target == b.target && a.note == b.note }
    }

    /// The owner's commentary: why, and what is being done.
    public var note: String? {
        get { extras?.note }
        set { extras = Extras.make(target: target, note: newValue) }
    }

    /// Which of the value and the target are there.
    private struct Presence: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let value = Presence(rawValue: 1)
        static let draft = Presence(rawValue: 4)
        static let withheld = Presence(rawValue: 8)
    }

    public init(
        period: Period, value: Double?, target: Double? = nil, note: String? = nil, quality: DataQuality? = nil
    ) {
        ordinal = Int32(clamping: period.ordinal)
        kind = period.kind
        storedValue = value ?? 0
        presence = value == nil ? [] : .value
        extras = Extras.make(target: target, note: note)
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

    /// Whether the value is withheld where small numbers are (a meeting's screens): see ``SmallNumbers``; shown as `*`.
    public var isWithheld: Bool { presence.contains(.withheld) }

    /// Whether the period's value is in: there, or withheld (a small number is reported, not missing).
    public var isReported: Bool { value != nil || isWithheld }

    /// This observation as shown where small numbers are withheld, when its value is one: no value, commentary or quality (each
    /// would tell it: "Target met" beside a target of 2), its period and target kept; judged as reported, not as
    /// missing (see ``isWithheld``).
    public var withheld: Observation {
        var shown = Observation(period: period, value: nil, target: target)
        shown.presence.insert(.withheld)
        return shown
    }

    /// A target for this period alone, overriding the measure's schedule.
    public var target: Double? {
        get { extras?.target }
        set { extras = Extras.make(target: newValue, note: note) }
    }

    // MARK: Columns

    /// The observation as ``ObservationSeries`` keeps it: its value, ordinal and box, and a byte of flags holding
    /// the period's kind (bits 0-1), whether the value is there (bit 2), whether it is a draft (bit 3), its
    /// quality (bits 4-5: none, or one more than its place in ``DataQuality/allCases``) and whether it is withheld
    /// (bit 6).
    var columns: (value: Double, ordinal: Int32, flags: UInt8, extras: Extras?) {
        var flags = UInt8(kind.rawValue)
        if presence.contains(.value) { flags |= 4 }
        if presence.contains(.draft) { flags |= 8 }
        if presence.contains(.withheld) { flags |= 64 }
        if let quality { flags |= UInt8(Self.qualities.firstIndex(of: quality)! + 1) << 4 }
        return (storedValue, ordinal, flags, extras)
    }

    /// The observation ``columns`` gave.
    init(value: Double, ordinal: Int32, flags: UInt8, extras: Extras?) {
        storedValue = value
        self.ordinal = ordinal
        kind = Period.Kind(rawValue: Int(flags & 3))!
        var presence: Presence = []
        if flags & 4 != 0 { presence.insert(.value) }
        if flags & 8 != 0 { presence.insert(.draft) }
        if flags & 64 != 0 { presence.insert(.withheld) }
        self.presence = presence
        let quality = Int(flags >> 4 & 3)
        self.quality = quality == 0 ? nil : Self.qualities[quality - 1]
        self.extras = extras
    }

    private static let qualities = DataQuality.allCases
}
