import ScorecardKit

/// Something the user asked the dashboard to do (keys map to actions through the keymap), or the answer to
/// an ``AppEffect``.
public enum AppAction: Hashable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    /// Go down into the selected row.
    case open
    /// Go up a level (or close what is open).
    case back
    case showAlerts
    case showMyMeasures
    /// Open the values awaiting sign-off.
    case showSignOff
    /// Sign off the selected draft, or every draft listed.
    case publishSelected, publishAll
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
    /// Write the report of what is on screen: the plan, a priority, a delivery plan or a measure.
    case writeReport
    /// Follow the presenter again, after browsing on one's own (`f`).
    case rejoin
    /// Open the next (or previous) measure that needs attention, in the plan's order: a chair's walk through the
    /// exceptions.
    case nextException, previousException
    /// Show what needs attention at the level on screen (`!`).
    case showExceptions
    /// Move to the next or previous field of a form.
    case nextField, previousField
    /// Empty the focused field of a form (Ctrl-U).
    case clearField
    case quit
    /// A character typed into the filter or jump prompt.
    case type(Character)
    /// Text pasted into the form, the filter or the jump prompt (nowhere else: pasted letters are not keys).
    case paste(String)
    /// Backspace in a prompt.
    case deleteBackward
    /// Enter in a prompt.
    case submit
    /// Esc in a prompt.
    case cancel

    // MARK: Answers to effects

    /// New data: loaded, judged, refreshed after a change elsewhere, or after a save. The loop makes it the
    /// current model once the update has seen it.
    case dataChanged(DashboardModel)
    /// The value was saved: what the status line says, and the data with it.
    case saved(summary: String, DashboardModel)
    /// The value was refused: the problems, each naming its field.
    case saveRefused([ValueEntryError.Problem])
    /// Saving the value failed (the store could not be written), and nothing was saved: why. Only the save's own
    /// failure: a refresh failing meanwhile (``failed(_:)``) says nothing of the value being saved.
    case saveFailed(String)
    /// The connection was lost while the value was being committed: it may or may not have been saved (why).
    case saveUncertain(String)
    /// The report was written: where.
    case reportWritten(path: String)
    /// The report could not be written: why.
    case reportFailed(String)
    /// The presenter of the meeting followed shows this now.
    case presenterMoved(MeetingView)
    /// The presenter ended the meeting followed.
    case meetingEnded
    /// The meeting followed, which had ended, is presented again (showing this, when it is a view).
    case meetingResumed(MeetingView?)
    /// How many dashboards follow the meeting presented.
    case followersCounted(Int)
    /// An effect failed (the store could not be read or written): why.
    case failed(String)
    /// Signing off failed (the server gone, say), and nothing was signed off: why.
    case signOffFailed(String)
    /// The store answers again after a failure (a lost connection back): the problem shown is over.
    case recovered

    /// The data an action brings, which becomes the current model after the update.
    public var newModel: DashboardModel? {
        switch self {
        case .dataChanged(let model), .saved(_, let model): model
        default: nil
        }
    }
}
