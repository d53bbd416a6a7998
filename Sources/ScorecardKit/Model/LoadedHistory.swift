/// How much of each measure's history a ``Council`` holds, when it was loaded with only the recent part
/// (``CouncilStore/loadRecentCouncil(periods:)``) rather than every value since the first.
///
/// Judging a measure rarely needs more than its last year or two; when it does, the judgement says so
/// (``Evaluation/needsEarlierHistory``) and the rest of that measure's history is loaded.
///
/// The recent part holds values and targets only: commentary and quality (which only a measure's own screen
/// shows) come with its whole history.
public struct LoadedHistory: Sendable, Equatable {
    /// Per measure, the earliest period held when earlier ones may exist in the store; `nil` when the measure's
    /// whole history is held.
    public var loadedFrom: [Period?]
    /// Per measure, the earliest period the store holds any observation for (`nil` with none).
    public var firstPeriod: [Period?]
    /// Per measure, whether its observations carry their commentary and quality.
    public var detailed: [Bool]

    public init(loadedFrom: [Period?], firstPeriod: [Period?], detailed: [Bool]) {
        precondition(loadedFrom.count == firstPeriod.count && detailed.count == loadedFrom.count, "one entry per measure")
        self.loadedFrom = loadedFrom
        self.firstPeriod = firstPeriod
        self.detailed = detailed
    }

    /// Whether every measure's whole history is held, in detail.
    public var isComplete: Bool { loadedFrom.allSatisfy { $0 == nil } && detailed.allSatisfy { $0 } }
}

extension Council {
    /// Replaces one measure's observations with those read from a store (see ``MeasureObservations``):
    /// its whole history, or only the latest part of it.
    public mutating func replaceObservations(ofMeasure m: Int, with read: MeasureObservations) {
        let list = read.observations
        observations[m] = list.isSorted { $0.period < $1.period } ? list : ObservationSeries(list.sorted { $0.period < $1.period })
        if loaded == nil {
            if read.loadedFrom == nil, read.isDetailed { return }
            loaded = LoadedHistory(
                loadedFrom: Array(repeating: nil, count: measures.count), firstPeriod: observations.map { $0.first?.period },
                detailed: Array(repeating: true, count: measures.count))
        }
        // Changed in place: a copy of the extent, changed and stored back, copied its three arrays (one entry a
        // measure) on every call, and a dashboard replaces tens of thousands of measures' observations in a row
        // when it judges an earlier period (at 50,000 measures, 6-7 s of copying for one `[`).
        loaded?.loadedFrom[m] = read.loadedFrom
        loaded?.detailed[m] = read.isDetailed
        if let first = list.first?.period, loaded?.firstPeriod[m].map({ first < $0 }) ?? true { loaded?.firstPeriod[m] = first }
    }

    /// Whether measure `m`'s whole history is held, with its commentary and quality.
    public func hasWholeHistory(ofMeasure m: Int) -> Bool {
        guard let loaded else { return true }
        return loaded.loadedFrom[m] == nil && loaded.detailed[m]
    }

    /// Whether measure `m`'s observations held carry their commentary and quality (whether or not they are
    /// its whole history).
    public func hasCommentary(ofMeasure m: Int) -> Bool {
        loaded?.detailed[m] ?? true
    }

    /// The earliest period with an observation of any measure, whether or not it is held.
    public var firstObservedPeriod: Period? {
        if let loaded { return loaded.firstPeriod.compactMap { $0 }.min { $0.endDate < $1.endDate } }
        return observations.compactMap { $0.first?.period }.min { $0.endDate < $1.endDate }
    }
}
