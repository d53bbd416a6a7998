import Foundation
import ScorecardKit

/// One period of a measure in full, drawn in a box over the measure screen: its value, target and status, its
/// whole commentary wrapped, then every revision (newest first) with who made it, when, what it replaced and
/// its own commentary, then the revisions of the targets judging it. Longer than the box, it scrolls.
struct PeriodDetailView {
    let context: RenderContext
    let measure: Int
    let period: Period
    /// The first line shown, as the state asks; clamped to the text's length.
    let scroll: Int

    /// Draws the box and returns the scroll it used (at most the last full page) and how many lines it shows.
    @discardableResult
    func render(into buffer: inout ScreenBuffer, area: Rect) -> (scroll: Int, visibleRows: Int) {
        let theme = context.theme
        let definition = context.council.measures[measure]
        let width = min(area.width, 100)
        let lines = self.lines(width: max(1, width - 4))
        let box = area.centered(width: width, height: min(area.height, lines.count + 3))
        Box(title: context.text("\(definition.code) \(period.label)"), glyphs: theme.glyphs, borderStyle: theme.border,
            titleStyle: theme.header, clearsInside: true).render(into: &buffer, area: box)
        let inner = Box.inner(box)
        let text = Rect(x: inner.x + 1, y: inner.y, width: max(1, inner.width - 2), height: max(0, inner.height - 1))
        let top = max(0, min(scroll, lines.count - text.height))
        for (i, line) in lines.dropFirst(top).prefix(text.height).enumerated() {
            buffer.write(line.text, x: text.x + line.indent, y: text.y + i, maxWidth: text.width - line.indent, style: line.style)
        }
        let more = lines.count > text.height ? "\(top + 1)-\(min(lines.count, top + text.height)) of \(lines.count) lines" : ""
        let arrows = theme.glyphs.isUnicode ? "↑↓" : "Up Down"
        let hint = [lines.count > text.height ? "\(arrows) PgUp PgDn scroll" : nil, "Esc close", more.isEmpty ? nil : more]
            .compactMap { $0 }.joined(separator: theme.glyphs.separator)
        buffer.write(hint, x: text.x, y: inner.maxY - 1, maxWidth: text.width, style: theme.muted)
        return (top, text.height)
    }

    private struct Line {
        var text: String
        var indent = 0
        var style: Style
    }

    private func lines(width: Int) -> [Line] {
        let theme = context.theme
        let definition = context.council.measures[measure]
        var lines: [Line] = []
        func paragraph(_ text: String, indent: Int = 2, style: Style = theme.text) {
            // Each line break (CR LF is one Character, not "\n") starts a line.
            for part in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                let wrapped = TextFit.wrapped(context.text(String(part)), toWidth: max(1, width - indent), ellipsis: theme.glyphs.ellipsis)
                lines += (wrapped.isEmpty ? [""] : wrapped).map { Line(text: $0, indent: indent, style: style) }
            }
        }
        /// A revision's line: `head` (when, and who, padded to the others' width) kept whole, then the `words` of what
        /// it changed; wider than the box, wrapped with its further lines indented under it (who signed it off, and
        /// when, were cut off before; wrapped flush, they read as another revision). A word is never broken at its
        /// spaces (a sign-off's date and time); wrapped as text, the head lost its columns and a time went to a line
        /// of its own.
        func entry(head: String, words: [String]) {
            var current = ""
            var isFirst = true
            func put(_ text: String) {
                lines.append(Line(text: text, indent: isFirst ? 2 : 4, style: theme.muted))
                isFirst = false
            }
            for word in [head] + words {
                let room = isFirst ? width - 2 : width - 4
                let candidate = current.isEmpty ? word : current + " " + word
                if candidate.displayWidth <= room {
                    current = candidate
                    continue
                }
                if !current.isEmpty {
                    put(current)
                    current = ""
                }
                if word.displayWidth <= width - 4 {
                    current = word
                } else {
                    // Longer than a line (an address in a login): broken across lines, all of it shown.
                    let parts = TextFit.wrapped(word, toWidth: max(1, width - 4), ellipsis: theme.glyphs.ellipsis)
                    for part in parts.dropLast() { put(part) }
                    current = parts.last ?? ""
                }
            }
            if !current.isEmpty { put(current) }
        }
        let item = context.model.periodHistory(of: measure)?.first { $0.period == period }
        var summary = context.format(observation: item?.observation, of: definition)
        if let target = item?.target { summary += " against \(context.text(definition.formatTarget(target)))" }
        if let status = item?.status { summary += "\(theme.glyphs.separator)\(theme.badge(for: status))" }
        if let quality = item?.observation.quality { summary += "\(theme.glyphs.separator)\(quality.rawValue.capitalized)" }
        // As the table's Quality column says it: members must not take a draft for a signed-off figure.
        if item?.observation.isDraft == true { summary += "\(theme.glyphs.separator)Draft, not signed off" }
        if summary.displayWidth <= width {
            lines.append(Line(text: summary, style: theme.text.adding(.bold)))
        } else {
            paragraph(summary, indent: 0, style: theme.text.adding(.bold))
        }
        lines.append(Line(text: "", style: theme.text))
        // A small number withheld from members: its commentary and revisions would tell it ("Target met" beside a
        // target of 2; the figure it replaced), so neither is shown, and the note says why.
        if item?.observation.isWithheld == true {
            paragraph(RenderContext.withheldMark + " " + MeasureScreen.withheldNote + ". Its commentary and revisions are not shown.", indent: 0, style: theme.muted)
            return lines
        }
        lines.append(Line(text: "Commentary", style: theme.header))
        paragraph(item?.observation.note ?? "None recorded.", style: item?.observation.note == nil ? theme.muted : theme.text)
        guard context.model.hasHistory else { return lines }
        lines.append(Line(text: "", style: theme.text))
        lines.append(Line(text: "History, newest first", style: theme.header))
        // A revision's figures ("6 (was 3)") are not withheld one by one: a measure whose small numbers are withheld
        // shows none of them.
        if context.model.withholdsSmallNumbers, definition.smallNumbers != nil {
            paragraph("Not shown at a meeting: this measure's small numbers are withheld, and a revision could give one away.", style: theme.muted)
            return lines
        }
        guard let loaded = context.model.revisions(of: measure, in: period) else {
            paragraph("Loading…", style: theme.muted)
            return lines
        }
        let revisions = loaded.reversed()
        if revisions.isEmpty { paragraph("No revisions recorded.", style: theme.muted) }
        // Who made each revision, in a column as wide as the longest name (up to 30 columns, fewer in a narrow box,
        // where the head must leave room on its line).
        func heads(_ changes: [(at: Date, by: String)]) -> [String] {
            let names = changes.map { context.text($0.by) }
            let column = min(max(0, min(30, width - 40)), names.map(\.displayWidth).max() ?? 0)
            return zip(changes, names).map { change, who in
                "\(DateText.minute(change.at))  \(who)" + String(repeating: " ", count: max(0, column - who.displayWidth)) + " "
            }
        }
        let revisionHeads = heads(revisions.map { ($0.changedAt, $0.changedBy) })
        for (index, revision) in revisions.enumerated() {
            let head = revisionHeads[index]
            entry(head: head, words: Self.words(Self.change(revision, of: definition, context: context), signOff: revision, context: context))
            // The newest revision's commentary is the one shown above; older ones show theirs where it changed.
            if index > 0, let note = revision.observation.note, note != revision.replaced?.note || revision.replaced == nil {
                paragraph(note, indent: 4)
            }
        }
        lines.append(Line(text: "", style: theme.text))
        lines.append(Line(text: "Targets, newest first", style: theme.header))
        if let share = Self.yearShare(of: definition, in: period) { paragraph(context.text(share), style: theme.muted) }
        let targets = context.model.targetRevisions(of: measure, in: period) ?? []
        if targets.isEmpty { paragraph("No target set.", style: theme.muted) }
        let newestFirst = Array(targets.reversed())
        for (target, head) in zip(newestFirst, heads(newestFirst.map { ($0.changedAt, $0.changedBy) })) {
            entry(head: head, words: Self.words(Self.targetChange(target, of: definition, detail: period, context: context), endingInTime: target.proposedAt != nil))
        }
        return lines
    }

    /// How a cumulative measure's month or quarter with no target of its own is judged: against its share of the
    /// year's target due by then (`Judged against 40% of 2026/27's 195, the share due by Q2 2026/27.`), which the
    /// revisions below, of the year's target, do not show; `nil` otherwise.
    static func yearShare(of measure: Measure, in period: Period) -> String? {
        let targets = measure.targets
        guard measure.cumulative, period.kind == .month || period.kind == .quarter, targets[period] == nil,
            let annual = targets[period.financialYear]
        else { return nil }
        let percent = targets.share(at: period.positionInFinancialYear, of: period.kind.perYear) * 100
        let shown = NumberText.grouped(percent, decimals: percent.rounded() == percent ? 0 : 1)
        return "Judged against \(shown)% of \(period.financialYear.label)'s \(measure.formatTarget(annual)), the share due by \(period.label)."
    }

    /// What a target revision set: `540 for 2026/27 (was 550); proposed by kate 01/12 14:00`, the period named
    /// where it is not the detail's own (a month judged against its year's), `removed` for a target taken away.
    static func targetChange(_ target: TargetRevision, of measure: Measure, detail: Period, context: RenderContext) -> String {
        func shown(_ value: Double?) -> String { value.map { context.text(measure.formatTarget($0)) } ?? "removed" }
        var text = shown(target.value)
        if target.period != detail { text += " for \(target.period.label)" }
        text += target.replaced == nil ? " (new)" : " (was \(shown(target.replaced)))"
        if let by = target.proposedBy {
            text += "; proposed by \(context.text(by))" + (target.proposedAt.map { " " + DateText.minute($0) } ?? "")
        }
        return text
    }

    /// What a version changed: `84.94% (was 84.9%)`, each figure with the decimals that show it as recorded (with the
    /// measure's own, `84.9% (was 84.9%)` hid the change); `86.0%, its quality now validated` where the value
    /// stayed (`(the same)` when nothing shown here changed); `48.0% (new)` for the first.
    static func change(_ revision: Revision, of measure: Measure, context: RenderContext) -> String {
        func shown(_ value: Double?) -> String {
            guard let value else { return context.format(nil, of: measure) }
            return context.text(measure.formatAsRecorded(value))
        }
        let value = revision.observation.value
        guard let replaced = revision.replaced else { return shown(value) + " (new)" }
        if replaced.value == value {
            let parts = RecordOutcome.changedParts(from: replaced, to: revision.observation)
            return shown(value) + (parts.isEmpty ? " (the same)" : ", " + parts.joined(separator: " and "))
        }
        return "\(shown(value)) (was \(shown(replaced.value)))"
    }

    /// `text`'s words, as a line wraps them.
    static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    /// The words of what a revision changed and of its sign-off (``signOff(_:context:)``), the sign-off's date and
    /// time one word (a time alone on a line read as nothing).
    static func words(_ change: String, signOff revision: Revision, context: RenderContext) -> [String] {
        words(change + signOff(revision, context: context), endingInTime: !revision.observation.isDraft && revision.signedOff != nil)
    }

    /// `text`'s words, the last two one word when they are a date and its time (`2026-12-01 14:00`).
    static func words(_ text: String, endingInTime: Bool) -> [String] {
        var words = words(text)
        if endingInTime, words.count >= 2 {
            let time = words.removeLast()
            words[words.count - 1] += " " + time
        }
        return words
    }

    /// Whether a version was signed off, by whom and when: "; signed off by olu 02/12 09:30", "; draft"; an imported
    /// one, published by the officer who imported it, "; imported" (without it, a member could not tell it from a
    /// value recorded and never signed off).
    static func signOff(_ revision: Revision, context: RenderContext) -> String {
        if revision.observation.isDraft { return "; draft, not signed off" }
        guard let signOff = revision.signedOff else { return revision.source == .import ? "; imported" : "" }
        return "; signed off by \(context.text(signOff.by)) \(DateText.minute(signOff.at))"
    }
}
