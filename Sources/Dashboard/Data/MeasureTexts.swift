import ScorecardKit
import Synchronization

/// The text a filter searches for each measure of a council (code, title, owner, service and team), made once
/// for the council's framework and shared by every model made from it.
///
/// Lists of measures are filtered against these and, separately, against each measure's status label. Made
/// per model and list instead, they were remade with every value recorded elsewhere, and two generations of
/// them (3.5 MB each at 10,000 measures) were held while the new model replaced the old.
public final class MeasureTexts: Sendable {
    private let texts = Mutex<SearchTexts?>(nil)

    public init() {}

    /// Each measure's text, at the measure's index (made on first use, from `council`'s framework).
    public func texts(of council: Council) -> SearchTexts {
        texts.withLock { texts in
            if let texts, texts.count == council.measures.count { return texts }
            let measures = council.measures
            let made = SearchTexts(count: measures.count) { index in
                [measures[index].code, measures[index].title, measures[index].owner, measures[index].service, measures[index].team]
            }
            texts = made
            return made
        }
    }
}
