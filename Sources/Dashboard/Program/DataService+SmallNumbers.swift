import ScorecardKit

/// Small numbers at a meeting: counts from 1 to 4 (and rates built on them) are withheld from what the public may
/// see (see ``SmallNumbers``), as a public report withholds them, and a meeting's screen is seen by the room (a
/// meeting in public, often webcast). A presenter's and a follower's dashboard hold those observations withheld
/// (``Observation/withheld``) from the moment they are read: whatever is worked out from the data (judgements,
/// directions, alerts, charts) never has the value to give away. A member's own dashboard shows every published
/// figure, as a committee paper does.
extension DataService {
    /// When ``DashboardData/withholdsSmallNumbers``: the measures with small numbers read whole (the rule for a cumulative measure
    /// looks back over the values shown earlier in its year) and their small numbers withheld.
    static func withholdSmallNumbers(in data: inout DashboardData, store: any CouncilStore) throws {
        guard data.withholdsSmallNumbers else { return }
        let measures = data.council.measures.indices.filter { data.council.measures[$0].smallNumbers != nil }
        let partial = measures.filter { !data.council.hasWholeHistory(ofMeasure: $0) }
        if !partial.isEmpty {
            let loaded = try store.observations(ofMeasures: partial.map { data.council.measures[$0].code }, recent: nil)
            for (m, observations) in zip(partial, loaded) { data.council.replaceObservations(ofMeasure: m, with: observations) }
        }
        data.council.withholdSmallNumbers(ofMeasures: measures)
    }

    /// After `measures`' observations were read again: at a meeting, their small numbers withheld again
    /// (the measures that have any were read whole by ``withholdSmallNumbers(in:store:)``, and stay so).
    func withholdSmallNumbers(ofMeasures measures: some Sequence<Int>) {
        guard data.withholdsSmallNumbers else { return }
        data.council.withholdSmallNumbers(ofMeasures: measures)
    }
}
