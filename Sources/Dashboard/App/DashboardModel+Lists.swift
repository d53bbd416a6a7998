import ScorecardKit

extension DashboardModel {
    /// The lists a model has worked out (each screen's rows, the summaries and facts they count, the texts a
    /// filter searches, the alert counts), which a later model over data they still hold for starts from
    /// instead of working them out again.
    ///
    /// Every model used to work out its own: reading one alerts list's commentary, opening a measure or judging
    /// another period each made a new model that sorted and counted every list again, and at 50,000 measures the
    /// UI's model, the one being handed over and the next each held about 9 MB of lists at once.
    struct Lists {
        fileprivate var rows: [RowKey: [RowID]]
        fileprivate var searchTexts: [RowKey: SearchTexts]
        fileprivate var summaries: [RowKey: MeasureListSummary]
        fileprivate var alertCounts: [Period: [(rule: Alert.Rule, count: Int)]]
        fileprivate var facts: [Period: [MeasureFacts]]
    }

    /// The lists worked out so far. Read only by the thread that made the model, before it hands it over.
    var lists: Lists {
        Lists(rows: rowCache, searchTexts: searchTextCache, summaries: summaryCache, alertCounts: alertCountCache, facts: factCache)
    }

    /// Starts from `lists`, those of the periods in `periods` only, unfiltered, and without any measure's own
    /// list of periods (it grows as the measure's history loads). A filtered list is cheap to make again from its
    /// unfiltered one, and carrying every filter typed from model to model would let them pile up.
    func adopt(_ lists: Lists, periods: Set<Period>) {
        func kept(_ key: RowKey) -> Bool {
            guard periods.contains(key.asAt), key.filter.isEmpty else { return false }
            if case .measure = key.route { return false }
            return true
        }
        rowCache = lists.rows.filter { kept($0.key) }
        searchTextCache = lists.searchTexts.filter { kept($0.key) }
        summaryCache = lists.summaries.filter { kept($0.key) }
        alertCountCache = lists.alertCounts.filter { periods.contains($0.key) }
        factCache = lists.facts.filter { periods.contains($0.key) }
    }
}

extension Evaluation {
    /// Whether every list made from `other` holds for this evaluation too: each measure has the same status,
    /// judged period, value and alerts (what lists sort, count, search and show due dates by). Only the
    /// judgements this evaluation does not share with `other` are compared: one judged again from it shares all
    /// the others.
    func listsAgree(with other: Evaluation) -> Bool {
        guard asAt == other.asAt, today == other.today, measures.count == other.measures.count else { return false }
        for range in measures.rangesNotShared(with: other.measures) {
            for m in range {
                let (new, old) = (measures[m], other.measures[m])
                guard new.status == old.status, new.period == old.period, new.value == old.value, new.alerts == old.alerts else {
                    return false
                }
            }
        }
        return true
    }
}
