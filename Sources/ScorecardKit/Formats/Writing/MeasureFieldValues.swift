/// A measure's fields as the data files write them, in their usual order: shared by `framework.yaml` and the
/// measures table, so that both write (and so read back) exactly the same measure. Targets and the profile are laid
/// out differently by each, and are not here.
enum MeasureFieldValues {
    /// The field names, in order.
    static let keys = [
        "code", "title", "description", "methodology", "source", "owner", "service", "team", "tier", "unit", "decimals",
        "frequency", "polarity", "band", "status", "cumulative", "tolerance", "lag_days", "min", "max",
        "small_numbers", "small_numbers_out_of", "small_numbers_max", "benchmark_file", "benchmark_indicator",
        "benchmark_area", "benchmark_neighbours", "benchmark_sex", "benchmark_age",
    ]

    /// Each field's value (in ``keys`` order); `nil` where the measure has the default, or nothing. A measure's
    /// comparators are named as written by ``NationalFileWriter`` into `nationalFolder`.
    static func values(_ m: Measure, nationalFolder: String = "national") -> [OutputTable.Cell?] {
        func text(_ s: String) -> OutputTable.Cell? { s.isEmpty ? nil : .text(s) }
        var band: Double?
        if case .withinBand(let halfWidth) = m.polarity { band = halfWidth }
        return [
            .text(m.code), .text(m.title), text(m.description), text(m.methodology), text(m.source), text(m.owner),
            text(m.service), text(m.team), .text(m.tier.rawValue), .text(m.unit.name), .number(Double(m.decimals)),
            .text(m.frequency.rawValue), .text(m.polarity.keyword), band.map { .number($0) }, .text(m.lifecycle.rawValue),
            m.cumulative ? .text("true") : nil, m.tolerance.map { .text($0.text) },
            m.lagDays == m.frequency.defaultLagDays ? nil : .number(Double(m.lagDays)),
            m.minimum.map { .number($0) }, m.maximum.map { .number($0) },
            m.smallNumbers.map { .text($0.basis == .count ? "count" : "rate") },
            m.smallNumbers.flatMap { if case .rate(let outOf) = $0.basis { .number(outOf) } else { nil } },
            m.smallNumbers.flatMap { $0.largestWithheld == SmallNumbers.defaultLargestWithheld ? nil : .number(Double($0.largestWithheld)) },
            m.comparators.map { _ in .text(NationalFileWriter.path(forMeasure: m.code, in: nationalFolder)) },
            m.comparators?.source.indicator.map { .text($0) }, m.comparators.map { .text($0.source.area) },
            m.comparators.flatMap { $0.source.neighbours.isEmpty ? nil : .text($0.source.neighbours.joined(separator: " ")) },
            m.comparators?.source.sex.map { .text($0) }, m.comparators?.source.age.map { .text($0) },
        ]
    }
}
