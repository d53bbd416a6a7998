/// Everything a council's framework holds: the plan, its measures and their observations.
///
/// Measures live in one flat array; the plan's priorities and delivery plans refer to them by index, and
/// ``observations`` holds each measure's observations in period order at the same index.
public struct Council: Sendable, Equatable {
    public var plan: CouncilPlan
    public var measures: [Measure]
    /// Each measure's observations, sorted by period, at the measure's index.
    public var observations: [ObservationSeries]
    /// How much of each measure's history ``observations`` holds: `nil` when it holds all of it.
    public internal(set) var loaded: LoadedHistory?
    /// Where each measure sits in the plan, at the measure's index.
    public let locations: [MeasureLocation]
    private let codeIndex: MeasureCodeIndex

    /// Assembles a council. `observations` must have one (possibly empty) list per measure; `loaded` says
    /// when they are only the recent part of each measure's history.
    public init(plan: CouncilPlan, measures: [Measure], observations: [[Observation]], loaded: LoadedHistory? = nil) {
        self.init(plan: plan, measures: measures, observations: observations.map(ObservationSeries.init), loaded: loaded)
    }

    /// Assembles a council from each measure's ``ObservationSeries``, as the stores read them; otherwise as the
    /// initializer taking arrays.
    public init(plan: CouncilPlan, measures: [Measure], observations: [ObservationSeries], loaded: LoadedHistory? = nil) {
        precondition(observations.count == measures.count, "one observation list per measure")
        precondition(loaded.map { $0.loadedFrom.count == measures.count } ?? true, "one loaded extent per measure")
        self.loaded = loaded?.isComplete == true ? nil : loaded
        self.plan = plan
        self.measures = measures
        self.observations = zip(measures, observations).map { measure, list in
            // A period not of the measure's frequency (a quarter of a monthly measure) only SQL written by hand
            // makes: the files refuse it, and judged among the months it would read as the latest value.
            let kind = measure.frequency.periodKind
            let list = list.contains { $0.period.kind != kind } ? ObservationSeries(list.filter { $0.period.kind == kind }) : list
            return list.isSorted { $0.period < $1.period } ? list : ObservationSeries(list.sorted { $0.period < $1.period })
        }
        var locations = [MeasureLocation](repeating: MeasureLocation(priority: 0, plan: nil), count: measures.count)
        for (p, priority) in plan.priorities.enumerated() {
            for m in priority.measures { locations[m] = MeasureLocation(priority: p, plan: nil) }
            for (d, deliveryPlan) in priority.plans.enumerated() {
                for m in deliveryPlan.measures { locations[m] = MeasureLocation(priority: p, plan: d) }
            }
        }
        self.locations = locations
        self.codeIndex = MeasureCodeIndex(measures)
    }

    /// Every measure in the order a committee takes them: each priority's own measures, then each of its
    /// delivery plans' measures, priority by priority.
    public var agendaOrder: [Int] {
        plan.priorities.flatMap { priority in priority.measures + priority.plans.flatMap(\.measures) }
    }

    /// The index of the measure with `code` (exact match), if any.
    public func measureIndex(code: String) -> Int? {
        codeIndex.index(of: code, in: measures)
    }

    /// The number of observations, missing ones included.
    public var observationCount: Int {
        observations.reduce(0) { $0 + $1.count }
    }
}

/// Where a measure sits: under a priority, and under one of its delivery plans unless it hangs off the priority.
public struct MeasureLocation: Sendable, Equatable, Hashable {
    public var priority: Int
    public var plan: Int?
}

extension Collection {
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { !areInIncreasingOrder($1, $0) }
    }
}
