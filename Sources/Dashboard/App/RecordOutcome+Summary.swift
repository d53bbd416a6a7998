import ScorecardKit

extension RecordOutcome {
    /// What the status line says after saving: `Saved KBI-01 Sep 2026: 88.0% (was 86.0%)`.
    func summary(measure: Measure) -> String {
        switch self {
        case .added(let revision):
            "Saved \(measure.code) \(revision.observation.period.label): \(revision.observation.value.map(measure.format) ?? "no value")"
        case .revised(let revision):
            "Saved \(measure.code) \(revision.observation.period.label): \(revision.observation.value.map(measure.format) ?? "no value")"
                + (revision.replaced?.value.map { " (was \(measure.format($0)))" } ?? "")
        case .unchanged:
            "Nothing changed: \(measure.code) already had that value and commentary"
        }
    }
}
