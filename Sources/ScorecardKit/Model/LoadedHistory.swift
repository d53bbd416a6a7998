/// How much of each measure's history a ``Council`` holds, when it was loaded with only the recent part
/// (``CouncilStore/loadRecentCouncil(periods:)``) rather than every value since the first.
///
/// Judging a measure rarely needs more than its last year or two; when it does, the judgement says so
/// (``Evaluation/needsEarlierHistory``) and the rest of that measure's history is loaded.
public struct LoadedHistory: Sendable, Equatable {
    /// Per measure, the earliest period held when earlier ones may exist in the store; `nil` when the measure's
    /// whole history is held.
    public var loadedFrom: [Period?]
    /// Per measure, the earliest period the store holds any observation for (`nil` with none).
    public var firstPeriod: [Period?]

    public init(loadedFrom: [Period?], firstPeriod: [Period?]) {
        precondition(loadedFrom.count == firstPeriod.count, "one entry per measure")
        self.loadedFrom = loadedFrom
        self.firstPeriod = firstPeriod
    }

    /// Whether every measure's whole history is held.
    public var isComplete: Bool { loadedFrom.allSatisfy { $0 == nil } }
}

extension Council {
    /// Replaces one measure's observations (sorted by period) with those loaded from a store, and notes
    /// whether they are its whole history (`loadedFrom` is `nil`) or only from `loadedFrom` on.
    public mutating func replaceObservations(ofMeasure m: Int, with list: [Observation], loadedFrom: Period?) {
        observations[m] = list.isSorted { $0.period < $1.period } ? list : list.sorted { $0.period < $1.period }
        if loaded != nil {
            loaded?.loadedFrom[m] = loadedFrom
            if let first = list.first?.period, loaded?.firstPeriod[m].map({ first < $0 }) ?? true {
                loaded?.firstPeriod[m] = first
            }
        } else if let loadedFrom {
            var from = [Period?](repeating: nil, count: measures.count)
            from[m] = loadedFrom
            loaded = LoadedHistory(loadedFrom: from, firstPeriod: observations.map { $0.first?.period })
        }
    }

    /// Whether measure `m`'s whole history is held.
    public func hasWholeHistory(ofMeasure m: Int) -> Bool {
        loaded?.loadedFrom[m] == nil
    }

    /// The earliest period with an observation of any measure, whether or not it is held.
    public var firstObservedPeriod: Period? {
        if let loaded { return loaded.firstPeriod.compactMap { $0 }.min { $0.endDate < $1.endDate } }
        return observations.compactMap { $0.first?.period }.min { $0.endDate < $1.endDate }
    }
}
