/// How much more of a measure's history a judgement on the recent part of it needs (see ``LoadedHistory``).
public enum EarlierHistory: Sendable, Equatable {
    /// Its values from this period on: the judgement looked back this far, before the part held.
    case from(Period)
    /// All of it: the judgement looked for an earlier value that may lie anywhere before the part held.
    case whole
}
