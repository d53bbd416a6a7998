/// One period's value of a measure, or the record that it is missing.
///
/// A council holds a million or more of these at once, so they are stored compactly (48 bytes rather than
/// 72): the period's kind and ordinal, and the value and target each with a flag for "missing", instead of
/// a ``Period`` and two optional `Double`s, each padded to 16 bytes.
public struct Observation: Sendable, Equatable {
    private var ordinal: Int
    private var storedValue: Double
    private var storedTarget: Double
    /// The owner's commentary: why, and what is being done.
    public var note: String?
    private var kind: Period.Kind
    public var quality: DataQuality?
    private var presence: Presence

    /// Which of the value and the target are there.
    private struct Presence: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let value = Presence(rawValue: 1)
        static let target = Presence(rawValue: 2)
    }

    public init(
        period: Period, value: Double?, target: Double? = nil, note: String? = nil, quality: DataQuality? = nil
    ) {
        ordinal = period.ordinal
        kind = period.kind
        storedValue = value ?? 0
        storedTarget = target ?? 0
        presence = []
        if value != nil { presence.insert(.value) }
        if target != nil { presence.insert(.target) }
        self.note = note
        self.quality = quality
    }

    public var period: Period {
        get { Period(kind: kind, ordinal: ordinal) }
        set {
            kind = newValue.kind
            ordinal = newValue.ordinal
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

    /// A target for this period alone, overriding the measure's schedule.
    public var target: Double? {
        get { presence.contains(.target) ? storedTarget : nil }
        set {
            storedTarget = newValue ?? 0
            if newValue == nil { presence.remove(.target) } else { presence.insert(.target) }
        }
    }
}
