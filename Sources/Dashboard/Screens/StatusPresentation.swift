import ScorecardKit

extension Theme {
    /// The colour (or, without colour, the attributes) of a status.
    public func style(for status: Status) -> Style {
        switch status {
        case .onTrack: good
        case .withinTolerance: warning
        case .offTrack, .overdue: bad
        case .notJudged: text
        case .noData, .inDevelopment, .retired: noData
        }
    }

    /// A symbol for a status that reads without colour: `●` on track, `▲` at risk, `✖` off track...
    public func symbol(for status: Status) -> String {
        switch (status, glyphs.isUnicode) {
        case (.onTrack, true): "●"
        case (.onTrack, false): "+"
        case (.withinTolerance, true): "▲"
        case (.withinTolerance, false): "~"
        case (.offTrack, true): "✖"
        case (.offTrack, false): "x"
        case (.overdue, _): "!"
        case (.notJudged, true): "·"
        case (.notJudged, false): "-"
        case (.noData, true): "○"
        case (.noData, false): "?"
        case (.inDevelopment, true): "◇"
        case (.inDevelopment, false): "*"
        case (.retired, true): "–"
        case (.retired, false): "_"
        }
    }

    /// A symbol for an alert rule, apart from every status's: `✖✖` off track repeatedly, `✖` off track, `!`
    /// overdue, `▼` worsening.
    public func symbol(for rule: Alert.Rule) -> String {
        switch (rule, glyphs.isUnicode) {
        case (.offTrackRepeatedly, true): "✖✖"
        case (.offTrackRepeatedly, false): "xx"
        case (.offTrack, _): symbol(for: Status.offTrack)
        case (.overdue, _): "!"
        case (.worsening, true): "▼"
        case (.worsening, false): "v"
        }
    }

    /// The symbol and word: `✖ Off track`.
    public func badge(for status: Status) -> String {
        "\(symbol(for: status)) \(status.label)"
    }

    /// An arrow for a direction of travel: up is better (or higher, without polarity).
    public func arrow(for direction: Direction?) -> String {
        switch direction {
        case .improving, .increasing: glyphs.arrowUp
        case .worsening, .decreasing: glyphs.arrowDown
        case .noChange: glyphs.arrowFlat
        case nil: " "
        }
    }

    /// Arrow and word: `↑ Improving`; blank when unknown.
    public func travel(_ direction: Direction?) -> String {
        guard let direction else { return "" }
        return "\(arrow(for: direction)) \(direction.label)"
    }

    public func style(for direction: Direction?) -> Style {
        switch direction {
        case .improving: good
        case .worsening: bad
        default: text
        }
    }
}
