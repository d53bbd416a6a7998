/// One period's value of a measure, or the record that it is missing.
public struct Observation: Sendable, Equatable {
    public var period: Period
    /// `nil` when the value is missing (for instance, not yet supplied).
    public var value: Double?
    /// A target for this period alone, overriding the measure's schedule.
    public var target: Double?
    /// The owner's commentary: why, and what is being done.
    public var note: String?
    public var quality: DataQuality?

    public init(
        period: Period, value: Double?, target: Double? = nil, note: String? = nil, quality: DataQuality? = nil
    ) {
        self.period = period
        self.value = value
        self.target = target
        self.note = note
        self.quality = quality
    }
}
