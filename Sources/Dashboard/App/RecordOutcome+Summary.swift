import ScorecardKit

extension RecordOutcome {
    /// What the status line says after saving: `Saved KBI-01 Sep 2026: 88.0% (was 86.0%)`.
    func summary(measure: Measure) -> String {
        // The value as saved, with the decimals that show it whole (19.5 days of a measure of whole days was
        // "20 days", though 19.5 was stored).
        let shown = { (value: Double?) in
            value.map(measure.formatAsRecorded) ?? "no value"
        }
        return switch self {
        case .added(let revision):
            "Saved \(measure.code) \(revision.observation.period.label): \(shown(revision.observation.value))"
        case .revised(let revision) where revision.replaced?.value == revision.observation.value:
            // The same value with other commentary or quality: say what changed, not "48.0% (was 48.0%)".
            "Saved \(measure.code) \(revision.observation.period.label): \(shown(revision.observation.value)), "
                + "with \(Self.changes(from: revision.replaced, to: revision.observation))"
        case .revised(let revision):
            "Saved \(measure.code) \(revision.observation.period.label): \(shown(revision.observation.value))"
                + (revision.replaced?.value.map { " (was \(shown($0)))" } ?? "")
        case .unchanged:
            "Nothing changed: \(measure.code) already had that value and commentary"
        }
    }

    /// `new commentary`, `its quality now estimated`, or both, between two versions of one value.
    private static func changes(from old: Observation?, to new: Observation) -> String {
        let parts = changedParts(from: old, to: new)
        return parts.isEmpty ? "nothing else changed" : parts.joined(separator: " and ")
    }

    /// What changed besides the value between two versions of one value: `new commentary`, `its quality now
    /// estimated`; empty when neither did.
    static func changedParts(from old: Observation?, to new: Observation) -> [String] {
        var parts: [String] = []
        if old?.note != new.note { parts.append(new.note == nil ? "its commentary removed" : "new commentary") }
        if old?.quality != new.quality { parts.append(new.quality.map { "its quality now \($0.rawValue)" } ?? "no quality given") }
        return parts
    }
}
