import ScorecardKit

/// The form for recording a value, drawn in a box over the screen, with each field's problem under it and,
/// under the value, what is recorded for the period already (or the previous value), which typing never edits.
struct ValueFormView {
    let context: RenderContext
    let form: ValueForm

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let measure = context.council.measures[form.measure]
        let fields = ValueForm.Field.allCases
        let boxWidth = min(area.width, 80)
        let labelWidth = 12
        let inputWidth = max(8, boxWidth - 2 - labelWidth - 2)
        let errors = Dictionary(uniqueKeysWithValues: fields.compactMap { field in
            form.errors[field].map { (field, TextFit.wrapped(context.text("! " + $0), toWidth: inputWidth, ellipsis: theme.glyphs.ellipsis)) }
        })
        let height = 2 + fields.count + 1 + errors.values.reduce(0) { $0 + $1.count } + 3
        let box = area.centered(width: boxWidth, height: min(area.height, height))
        Box(title: context.text("Record \(measure.code) \(measure.title)"), glyphs: theme.glyphs, borderStyle: theme.border,
            titleStyle: theme.header, clearsInside: true).render(into: &buffer, area: box)
        let inner = Box.inner(box).inset(by: 0)
        var y = inner.y
        for field in fields where y < inner.maxY {
            let focused = field == form.focus
            buffer.write(field.label, x: inner.x + 1, y: y, maxWidth: labelWidth, style: focused ? theme.key : theme.muted)
            let width = field == .period ? min(inputWidth, 14) : inputWidth
            // A pasted commentary's line breaks are kept, and shown on the one line as ↵.
            let lineBreak = context.theme.glyphs.isUnicode ? "↵" : "|"
            let text = context.text(form[field]).replacingOccurrences(of: "\n", with: lineBreak) + (focused ? "_" : "")
            let shown = TextFit.suffix(of: text, width: width)
            let input = Rect(x: inner.x + 1 + labelWidth, y: y, width: width, height: 1)
            let style = focused ? theme.selection : theme.text.adding(.underline)
            buffer.fill(input, with: Cell(" ", style: style))
            buffer.write(shown, x: input.x, y: y, maxWidth: width, style: style)
            if field == .period {
                let hint = "\(theme.glyphs.isUnicode ? "← →" : "Left Right") earlier or later period"
                buffer.write(hint, x: input.maxX + 2, y: y, maxWidth: max(0, inner.maxX - input.maxX - 3), style: focused ? theme.key : theme.muted,
                             ellipsis: theme.glyphs.ellipsis)
            }
            y += 1
            for line in errors[field] ?? [] where y < inner.maxY {
                buffer.write(line, x: inner.x + 1 + labelWidth, y: y, maxWidth: inputWidth, style: theme.bad, ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
            if field == .value, y < inner.maxY {
                buffer.write(context.text(recordedText(measure: measure)), x: inner.x + 1 + labelWidth, y: y, maxWidth: inputWidth,
                             style: theme.muted, ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
        }
        let unit = measure.unit.isCount ? "" : "Unit: \(measure.unit.name). "
        let hint = "\(unit)Quality: provisional, estimated, validated or blank."
        if y + 1 < inner.maxY {
            buffer.write(context.text(hint), x: inner.x + 1, y: y + 1, maxWidth: inner.width - 2, style: theme.muted, ellipsis: theme.glyphs.ellipsis)
        }
        let keys = [Span("Enter", style: theme.key), Span(" Save  "), Span("Tab", style: theme.key), Span(" Next field  "), Span("Ctrl-U", style: theme.key), Span(" Clear  "),
                    Span("Esc", style: theme.key), Span(" Cancel")]
        buffer.write(spans: keys, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2)
    }

    /// `Now 2,929 days, validated: a new value replaces it` (`Now 31.0% (a draft, not signed off): ...`) or `Nothing recorded yet; previous 29 days in Aug 2026`.
    private func recordedText(measure: Measure) -> String {
        guard let period = form.parsedPeriod, period.kind == measure.frequency.periodKind else { return "" }
        let council = context.council
        if let existing = council.observations[form.measure].last(where: { $0.period == period }), let value = existing.value {
            let quality = existing.quality.map { ", \($0.rawValue)" } ?? ""
            let draft = existing.isDraft ? " (a draft, not signed off)" : ""
            return "Now \(measure.format(value))\(draft)\(quality): a new value replaces it"
        }
        let previous = council.previousValue(ofMeasure: form.measure, before: period)
            .map { "; previous \(measure.format($0.value)) in \($0.period.label)" } ?? ""
        return "Nothing for \(period.label) yet\(previous)"
    }
}
