import ScorecardKit

/// What a screen needs to draw itself: the data, the state and the theme.
struct RenderContext {
    let model: DashboardModel
    let state: AppState
    let theme: Theme
    let evaluation: Evaluation

    var council: Council { model.council }
    var entry: NavigationEntry { state.current }

    /// Text as this terminal can show it: a control character from the data (ESC, BEL, DEL, C1, bidi) as `�`,
    /// as the command line shows it, a tab as a space (line breaks are kept for the caller to lay out); folded to ASCII
    /// without a UTF-8 locale.
    func text(_ s: String) -> String {
        var safe = s
        // Bytes first (as `terminalSafe` does): every control starts with a byte below 0x20, DEL, C2, D8 or E2.
        if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }),
            s.unicodeScalars.contains(where: { $0.isTerminalControl && $0 != "\n" && $0 != "\r" }) {
            // Line breaks stay for each screen to lay out; a tab (or vertical tab, form feed) is a space.
            safe = String(String.UnicodeScalarView(s.unicodeScalars.map {
                switch $0 {
                case "\n", "\r": $0
                case "\t", "\u{0B}", "\u{0C}": " "
                default: $0.isTerminalControl ? $0.shownInstead : $0
                }
            }))
        }
        return theme.glyphs.isUnicode ? safe : TextFolding.ascii(safe)
    }

    /// The current screen's rows.
    var rows: [RowID] { model.rows(for: entry, asAt: state.asAt, scope: state.scope) }

    /// A measure's value written with its unit, or an en dash when missing. When `width` is given and the
    /// value does not fit, a long unit (`per 1,000`, `weeks`) is left off (`%` and `£` are kept), and a number
    /// still too wide is abbreviated (`£12.3m`): a column cuts what does not fit, and a cut figure misleads.
    func format(_ value: Double?, of measure: Measure, width: Int = .max) -> String {
        guard let value else { return theme.glyphs.isUnicode ? "–" : "-" }
        let full = text(measure.format(value))
        guard full.displayWidth > width else { return full }
        let unit = measure.unit
        if unit.name != "%", !unit.name.hasPrefix("£") {
            let number = NumberText.grouped(value, decimals: measure.decimals)
            if number.displayWidth <= width { return number }
        }
        return text(unit.abbreviated(value))
    }

    /// An observation's value as ``format(_:of:width:)`` writes it, or `*` for a small number withheld from members.
    func format(observation: Observation?, of measure: Measure, width: Int = .max) -> String {
        observation?.isWithheld == true ? Self.withheldMark : format(observation?.value, of: measure, width: width)
    }

    /// What stands for a small number withheld from members, as in a public report.
    static let withheldMark = "*"

    /// Whether measure `m` is judged on a draft awaiting sign-off (never for a member, who sees none).
    func isJudgedOnDraft(_ m: Int) -> Bool {
        evaluation.measures[m].observation?.isDraft == true
    }

    /// The mark beside a draft value in a list, where "(draft)" does not fit (``Theme/draftMark``).
    var draftMark: String { theme.draftMark }

    /// A value as recorded (``Measure/formatAsRecorded(_:)``: 2.5 of a measure of whole numbers is 2.5, not 3), as a
    /// sign-off shows what is signed off; narrower than `width` as ``formatTarget(_:of:width:)`` makes a target.
    func formatAsRecorded(_ value: Double?, of measure: Measure, width: Int = .max) -> String {
        formatTarget(value, of: measure, width: width)
    }

    /// A target as ``Measure/formatTarget(_:)`` writes it; when that is wider than `width`, its figure alone (to the
    /// same decimals: 0.0005 of a measure shown to 3 was written 0.001, another target than the headline's), else
    /// as a value.
    func formatTarget(_ target: Double?, of measure: Measure, width: Int = .max) -> String {
        guard let target else { return format(nil, of: measure, width: width) }
        let full = text(measure.formatTarget(target))
        guard full.displayWidth > width else { return full }
        if measure.unit.name != "%", !measure.unit.name.hasPrefix("£") {
            let number = NumberText.grouped(target, decimals: measure.places(toShow: target))
            if number.displayWidth <= width { return number }
        }
        return format(target, of: measure, width: width)
    }

    /// The measure's values for the `count` periods up to and including `period`, oldest first.
    func history(of m: Int, upTo period: Period?, count: Int) -> [Double?] {
        guard let period, count > 0 else { return [] }
        let first = period.advanced(by: 1 - count)
        var values = [Double?](repeating: nil, count: count)
        for observation in council.observations[m].reversed() {
            guard observation.period.kind == period.kind, observation.period >= first else { break }
            if observation.period <= period { values[observation.period.ordinal - first.ordinal] = observation.value }
        }
        return values
    }
}

/// What drawing a list screen decided, kept in the state for the next frame.
public struct ListLayout: Hashable, Sendable {
    /// Rows visible at once (the page size for PgUp/PgDn).
    public var visibleRows: Int
    /// The first row shown.
    public var scroll: Int
    /// The first line an open period's detail showed, when one is open (its scroll, kept within its length).
    public var detailScroll: Int?

    public init(visibleRows: Int = 10, scroll: Int = 0) {
        self.visibleRows = visibleRows
        self.scroll = scroll
    }
}
