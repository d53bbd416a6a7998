import ScorecardKit

/// A value's quality as `imported_values.qualities` keeps it: 0 none, 1 provisional, 2 estimated, 3 validated
/// (the schema's view `revision` names them in this order).
enum QualityCode {
    static func code(of quality: DataQuality?) -> Int {
        switch quality {
        case nil: 0
        case .provisional: 1
        case .estimated: 2
        case .validated: 3
        }
    }

    /// The quality of `code`; nil for 0 and for a code the schema does not have.
    static func quality(of code: Int?) -> DataQuality? {
        switch code {
        case 1: .provisional
        case 2: .estimated
        case 3: .validated
        default: nil
        }
    }
}
