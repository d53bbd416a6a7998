/// Watches a council's values as they are read for what their writing may hide: percentage measures whose values
/// look like fractions written for percentages (see ``Council/fractionsForPercentages()``), and values written to
/// more decimals than their measure shows and judges (``finerThanShown``), keeping only a few figures a measure,
/// so that an import streaming its values can warn as `check` does.
public struct ValueWatch: Sendable {
    /// What has been seen of one measure's values and the targets given beside them.
    struct Seen: Sendable {
        var values = 0
        var largest = -Double.infinity
        var smallest = Double.infinity
        var largestRowTarget = -Double.infinity
        /// Values of 1 or more, and values from 0.1 to below 1 (a fraction written for 10% or more) with the first.
        var wholes = 0
        var slips = 0
        var firstSlip: (period: Period, value: Double)?
        /// The range of the values of 1 or more, and of the slips.
        var smallestWhole = Double.infinity
        var largestWhole = -Double.infinity
        var smallestSlip = Double.infinity
        var largestSlip = -Double.infinity
        /// The first target given beside a value from 0.1 to below 1 (a fraction written for 10% or more).
        var firstFractionTarget: (period: Period, value: Double)?
        /// How many values have more decimals than the measure shows and judges, and the first of them; and the
        /// same of those not from 0.1 to below 1 (of a percentage measure, maybe fractions: see ``loneFractions``).
        var finer = 0
        var firstFiner: (period: Period, value: Double)?
        var finerBeyondSlips = 0
        var firstFinerBeyondSlips: (period: Period, value: Double)?
        /// The first target given beside a value with more decimals than the measure shows.
        var firstFinerRowTarget: (period: Period, value: Double)?
    }

    let measures: [Measure]
    /// Which measures are percentages, and which are judged, worked out once: an import passes every row through
    /// ``observe(_:)``.
    private let isPercentage: [Bool]
    private let isJudged: [Bool]
    /// Each measure's decimals (from `measures`, a whole measure was copied a value).
    private let decimals: [Int]
    private(set) var seen: [Seen]

    public init(measures: [Measure]) {
        self.measures = measures
        // Closures, not key paths: a key path copied each whole measure.
        isPercentage = measures.map { $0.unit.isPercentage }
        isJudged = measures.map { $0.polarity != .none }
        decimals = measures.map { $0.decimals }
        seen = Array(repeating: Seen(), count: measures.count)
    }

    /// Takes in one observation of the measure at `index`.
    public mutating func observe(_ observation: Observation, measure index: Int) {
        guard isPercentage.indices.contains(index) else { return }
        if isJudged[index], let value = observation.value, Measure.isFinerThanShown(value, decimals: decimals[index]) {
            seen[index].finer += 1
            if seen[index].firstFiner == nil { seen[index].firstFiner = (observation.period, value) }
            if !(0.1..<1).contains(value) {
                seen[index].finerBeyondSlips += 1
                if seen[index].firstFinerBeyondSlips == nil { seen[index].firstFinerBeyondSlips = (observation.period, value) }
            }
        }
        if isJudged[index], seen[index].firstFinerRowTarget == nil, let target = observation.target, Measure.isFinerThanShown(target, decimals: decimals[index]) {
            seen[index].firstFinerRowTarget = (observation.period, target)
        }
        guard isPercentage[index] else { return }
        if let value = observation.value {
            seen[index].values += 1
            seen[index].largest = max(seen[index].largest, value)
            seen[index].smallest = min(seen[index].smallest, value)
            if value >= 1 {
                seen[index].wholes += 1
                seen[index].smallestWhole = min(seen[index].smallestWhole, value)
                seen[index].largestWhole = max(seen[index].largestWhole, value)
            } else if value >= 0.1 {
                seen[index].slips += 1
                seen[index].smallestSlip = min(seen[index].smallestSlip, value)
                seen[index].largestSlip = max(seen[index].largestSlip, value)
                if seen[index].firstSlip == nil { seen[index].firstSlip = (observation.period, value) }
            }
        }
        if let target = observation.target {
            seen[index].largestRowTarget = max(seen[index].largestRowTarget, target)
            if (0.1..<1).contains(target), seen[index].firstFractionTarget == nil { seen[index].firstFractionTarget = (observation.period, target) }
        }
    }

    /// Takes in a batch of observations as a reader hands them over.
    public mutating func observe(_ batch: ObservationHandOver.Batch) {
        for (measure, observation) in batch { observe(observation, measure: measure) }
    }

    /// The measures whose values look like fractions: at least two values, every one between 0 and 1 and not
    /// all 0, while a target (the framework's, or one given beside a value) is 10% or more; each with its largest
    /// value and target, in the council's order.
    public var fractions: [(code: String, largestValue: Double, target: Double)] {
        // Each measure's own checks first: a measure taken out of the list is copied, and most are not percentages.
        measures.indices.compactMap { m in
            let seen = seen[m]
            guard isPercentage[m], seen.values >= 2, seen.largest > 0, seen.largest <= 1, seen.smallest >= 0 else { return nil }
            let measure = measures[m]
            let target = max(measure.targets.chronological.map(\.value).max() ?? -.infinity, seen.largestRowTarget)
            guard target >= 10 else { return nil }
            return (measure.code, seen.largest, target)
        }
    }

    /// The measures with a target that looks like a fraction among percentages: from 0.1 to below 1 (0.975 for
    /// 97.5%, judging 56.8% on track) while the values include three of 10% or more and none of 0.1 to below 1 (a
    /// measure whose values are fractions too is one ``fractions`` names); each with the first such target (the
    /// framework's, then one given beside a value) and its period.
    public var fractionTargets: [(code: String, period: Period, target: Double)] {
        measures.indices.compactMap { m in
            let seen = seen[m]
            guard isPercentage[m], seen.wholes >= 3, seen.largestWhole >= 10, seen.slips == 0 else { return nil }
            let measure = measures[m]
            if let framework = measure.targets.chronological.first(where: { (0.1..<1).contains($0.value) }) {
                return (measure.code, framework.period, framework.value)
            }
            return seen.firstFractionTarget.map { (measure.code, $0.period, $0.value) }
        }
    }

    /// The measures with a value or a few that look like fractions among percentages: from 0.1 to below 1 (0.84
    /// among 85% and 88%), no more than a quarter as many as the values of 1 or more (at least three), or up to as
    /// many when each, as a percentage, lies among them (eight months of 0.79 to 0.86 pasted among 70% to 90%),
    /// while a target is 10% or more; each with the first such value and its period, and how many there are.
    public var loneFractions: [(code: String, period: Period, value: Double, count: Int)] {
        measures.indices.compactMap { m in
            let seen = seen[m]
            guard isPercentage[m], let first = seen.firstSlip else { return nil }
            let measure = measures[m]
            let target = max(measure.targets.chronological.map(\.value).max() ?? -.infinity, seen.largestRowTarget)
            let among = seen.smallestSlip * 100 >= seen.smallestWhole && seen.largestSlip * 100 <= seen.largestWhole
            guard target >= 10, seen.wholes >= 3, seen.slips * 4 <= seen.wholes || (among && seen.slips <= seen.wholes) else { return nil }
            return (measure.code, first.period, first.value, seen.slips)
        }
    }
}
