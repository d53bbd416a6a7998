import ScorecardKit

extension Theme {
    /// The colour (or, without colour, the attributes) of a status.
    public func style(for status: Status) -> Style {
        switch status {
        case .onTrack: good
        case .withinTolerance: warning
        case .offTrack: bad
        case .notJudged: text
        // A value missing is never drawn like a miss: overdue is its own symbol (!) in the no-data style.
        case .overdue, .noData, .inDevelopment, .retired: noData
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
    /// overdue, `»` forecast to miss, `◆` special cause concerning, `▽` significantly worse than England, `▼` worsening.
    public func symbol(for rule: Alert.Rule) -> String {
        switch (rule, glyphs.isUnicode) {
        case (.offTrackRepeatedly, true): "✖✖"
        case (.offTrackRepeatedly, false): "xx"
        case (.offTrack, _): symbol(for: Status.offTrack)
        case (.overdue, _): "!"
        case (.forecastMiss, true): "»"
        case (.forecastMiss, false): ">"
        case (.specialCauseConcerning, true): "◆"
        case (.specialCauseConcerning, false): "s"
        case (.worseThanEngland, true): "▽"
        case (.worseThanEngland, false): "e"
        case (.worsening, true): "▼"
        case (.worsening, false): "v"
        }
    }

    /// A point's variation in a letter: `~` common cause (`.` in ASCII, where `~` is "at risk" in the column
    /// beside it), `I` improving, `C` concerning, `H` high, `L` low.
    public func letter(for variation: Variation) -> String {
        switch variation {
        case .commonCause: glyphs.isUnicode ? "~" : "."
        case .improving: "I"
        case .concerning: "C"
        case .high: "H"
        case .low: "L"
        }
    }

    /// Assurance in a letter: `P` consistently passes, `F` consistently fails, `?` may pass or fail.
    public func letter(for assurance: Assurance?) -> String {
        switch assurance {
        case .consistentlyPasses: "P"
        case .consistentlyFails: "F"
        case .mayPassOrFail: "?"
        case nil: " "
        }
    }

    /// The compact process-control cell of a list: variation and assurance letters, `C F`; empty without a chart.
    public func processIcons(_ control: ProcessSummary?) -> String {
        guard let control else { return "" }
        return "\(letter(for: control.variation)) \(letter(for: control.assurance))"
    }

    /// The style of a variation: improving good, concerning bad, the rest plain.
    public func style(for variation: Variation?) -> Style {
        switch variation {
        case .improving: good
        case .concerning: bad
        case .commonCause, nil: muted
        case .high, .low: text
        }
    }

    /// A comparison with England in a symbol and a word, so that it reads without colour: `▼ Worse`, `● Similar`,
    /// `▲ Better`, `↗ Higher`, `↘ Lower`; empty when not compared.
    public func badge(for significance: Significance?) -> String {
        let unicode = glyphs.isUnicode
        switch significance {
        case .better: return (unicode ? "▲" : "^") + " Better"
        case .worse: return (unicode ? "▼" : "v") + " Worse"
        case .similar: return (unicode ? "●" : "=") + " Similar"
        case .higher: return "\(arrow(for: .increasing)) Higher"
        case .lower: return "\(arrow(for: .decreasing)) Lower"
        case .notCompared, nil: return ""
        }
    }

    /// The style of a comparison: better good, worse bad, the rest plain.
    public func style(for significance: Significance?) -> Style {
        switch significance {
        case .better: good
        case .worse: bad
        default: text
        }
    }

    /// The mark beside a draft value in a list: `✎`, `@` in ASCII (`~` there is "at risk", `#` a bar's shade).
    public var draftMark: String { glyphs.isUnicode ? "✎" : "@" }

    /// The symbol and word: `✖ Off track`.
    public func badge(for status: Status) -> String {
        "\(symbol(for: status)) \(status.label)"
    }

    /// An arrow for a direction of travel: up is always better, down worse; a measure without a better
    /// direction goes higher (`↗`, `/` in ASCII) or lower (`↘`, `\`), marked apart (ASCII's `+` and `-` were
    /// also on track and not judged).
    public func arrow(for direction: Direction?) -> String {
        switch direction {
        case .improving: glyphs.arrowUp
        case .worsening: glyphs.arrowDown
        case .increasing: glyphs.isUnicode ? "↗" : "/"
        case .decreasing: glyphs.isUnicode ? "↘" : "\\"
        case .noChange: glyphs.arrowFlat
        case nil: " "
        }
    }

    /// The key to the symbols, for help: statuses, alerts, directions and the bar's shades (each line short, so
    /// that help keeps its columns).
    public func symbolKey() -> [HelpEntry] {
        let shades = RollUpPresentation.shades(unicode: glyphs.isUnicode).map(\.glyph)
        func symbols(_ statuses: Status...) -> String { statuses.map { symbol(for: $0) }.joined(separator: " ") }
        return [
            HelpEntry(keys: symbols(.onTrack, .withinTolerance, .offTrack), description: "On track, at risk, off track"),
            HelpEntry(keys: symbols(.overdue, .noData), description: "Missing: overdue, no data"),
            HelpEntry(keys: symbols(.notJudged, .inDevelopment), description: "Not judged, in development"),
            HelpEntry(keys: "\(symbol(for: Alert.Rule.offTrackRepeatedly)) \(symbol(for: Alert.Rule.worsening))", description: "Alert: repeatedly, worsening"),
            HelpEntry(
                keys: "\(symbol(for: Alert.Rule.specialCauseConcerning)) \(symbol(for: Alert.Rule.forecastMiss)) \(symbol(for: Alert.Rule.worseThanEngland))",
                description: "Alert: variation, forecast, England"),
            HelpEntry(keys: "\(arrow(for: .improving)) \(arrow(for: .worsening)) \(arrow(for: .noChange))", description: "Better, worse, no change"),
            HelpEntry(keys: "\(letter(for: Variation.commonCause)) I C H L", description: "SPC: common, improving, concern, high, low"),
            HelpEntry(keys: "P F ?", description: "SPC: target passes, fails, may"),
            // Told apart by their dots, not by colour alone (the same grey on a shared screen).
            HelpEntry(keys: glyphs.isUnicode ? "⠁ ⠁ ⠁" : "_", description: "Chart: process mean, limits"),
            HelpEntry(keys: glyphs.isUnicode ? "⠁⠁⠁⠁⠁" : "e", description: "Chart: England"),
            HelpEntry(keys: glyphs.isUnicode ? "⠉  ⠉" : "r", description: "Chart: the region"),
            HelpEntry(keys: "\(arrow(for: .increasing)) \(arrow(for: .decreasing))", description: "Higher, lower (no better way)"),
            HelpEntry(keys: draftMark, description: "A draft, not yet signed off"),
            HelpEntry(keys: "*", description: "A small number, withheld at a meeting"),
            HelpEntry(keys: shades.prefix(3).joined(), description: "Bar: on track, risk, off"),
            HelpEntry(keys: shades.suffix(2).joined(), description: "Bar: missing, not judged"),
        ]
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
