import ScorecardKit

/// Everything the dashboard's screen depends on besides the data: where the user is and what they typed.
public struct AppState: Hashable, Sendable {
    /// What the keyboard is doing now.
    public enum Mode: Hashable, Sendable {
        case browsing
        /// Typing a filter after `/`.
        case filtering
        /// Typing a measure code after `:`.
        case jumping(String)
        /// The help overlay is open, scrolled to a line (↑ ↓, PgUp PgDn, Home End; any other key closes it).
        case help(scroll: Int)
        /// The form for recording a value is open.
        case editing(ValueForm)
        /// One period's value, full commentary and revisions are shown (on the measure screen), scrolled to a line.
        case history(Period, scroll: Int)
    }

    /// The screens walked through, the current one last. Never empty.
    public internal(set) var stack: [NavigationEntry]
    /// The reporting period everything is judged as at.
    public var asAt: Period
    /// A reporting period asked for (`[` `]`) and being judged: ``asAt`` moves to it once it is.
    public var pendingPeriod: Period?
    public var mode: Mode = .browsing
    /// A one-line message for the status line ("No measure KBM-99"), cleared by the next key.
    public var message: String?
    /// Why the data could not be read or refreshed (a lost connection, say): shown on the status line, under any
    /// message, until data arrives again. The screen keeps the data it had.
    public var dataProblem: String?
    /// Whose measures "my measures" shows.
    public var scope: MeasureScope
    /// Set when the user asked to quit.
    public var quitting = false
    /// Rows on one page of the current list, set by the renderer so paging moves a screenful.
    public var pageSize = 10
    /// This dashboard's part in a meeting, if it presents or follows one.
    public var meeting: MeetingRole?
    /// Set when the selected draft or proposal of the sign-off list vanished (signed off elsewhere) and the
    /// selection moved onto another: the next `p` then says so rather than signing off a row the user had not
    /// chosen. Cleared by the next key.
    public var signOffSelectionMoved = false
    /// The rows a first `P` asked to sign off: the next `P` signs them off if the list still holds just those
    /// (one key published twenty values at once; a draft recorded between the two keys was signed off unasked);
    /// any other key forgets them.
    public var signOffAllAsked: [RowID]?
    /// The measure `x` (or `X`) last opened stepping through My measures' exceptions: from it, the next step walks
    /// on through them, not the whole plan's; from anywhere else, the walk starts afresh.
    public var myExceptionOpened: Int?

    public init(asAt: Period, scope: MeasureScope = "", route: Route = .plan) {
        self.asAt = asAt
        self.scope = scope
        self.stack = route == .plan ? [NavigationEntry(.plan)] : [NavigationEntry(.plan), NavigationEntry(route)]
    }

    /// The current screen.
    public var current: NavigationEntry {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }

    mutating func push(_ entry: NavigationEntry) { stack.append(entry) }

    /// Goes up one level; returns `false` at the top.
    mutating func pop() -> Bool {
        guard stack.count > 1 else { return false }
        stack.removeLast()
        return true
    }

    mutating func replaceStack(_ entries: [NavigationEntry]) {
        precondition(!entries.isEmpty, "the navigation stack is never empty")
        stack = entries
    }
}
