import ScorecardKit

/// What a sign-off covers, in words: `2 drafts and 1 proposed target`, a kind with none left out (empty when
/// both are none).
func signOffCount(values: Int, _ valueNoun: String, targets: Int, _ targetNoun: String) -> String {
    [
        values == 0 ? nil : NumberText.counted(values, valueNoun),
        targets == 0 ? nil : NumberText.counted(targets, targetNoun),
    ].compactMap { $0 }.joined(separator: " and ")
}
