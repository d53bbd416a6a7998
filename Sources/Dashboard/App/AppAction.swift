/// Something the user (or the data) asked the dashboard to do. Keys map to actions through the keymap.
public enum AppAction: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Go down into the selected row.
    case open
    /// Go up a level (or close what is open).
    case back
    case showAlerts
    case showMyMeasures
    case previousPeriod, nextPeriod
    /// Start typing a filter (`/`).
    case startFilter
    /// Start typing a measure code (`:`).
    case startJump
    case nextMatch, previousMatch
    case toggleHelp
    /// Record a value for the selected measure (`e`).
    case edit
    /// Show the selected period's revisions (on the measure screen).
    case showHistory
    /// Move to the next or previous field of a form.
    case nextField, previousField
    /// Empty the focused field of a form (Ctrl-U).
    case clearField
    case quit
    /// A character typed into the filter or jump prompt.
    case type(Character)
    /// Backspace in a prompt.
    case deleteBackward
    /// Enter in a prompt.
    case submit
    /// Esc in a prompt.
    case cancel
}
