import ScorecardKit

/// The form for recording a value, drawn in a box over the screen, with each field's problem under it.
struct ValueFormView {
    let context: RenderContext
    let form: ValueForm

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let measure = context.council.measures[form.measure]
        let fields = ValueForm.Field.allCases
        let height = 2 + fields.count + fields.filter { form.errors[$0] != nil }.count + 3
        let box = area.centered(width: min(area.width, 76), height: min(area.height, height))
        Box(title: context.text("Record \(measure.code) \(measure.title)"), glyphs: theme.glyphs, borderStyle: theme.border,
            titleStyle: theme.header, clearsInside: true).render(into: &buffer, area: box)
        let inner = Box.inner(box).inset(by: 0)
        let labelWidth = 12
        let inputWidth = max(8, inner.width - labelWidth - 2)
        var y = inner.y
        for field in fields where y < inner.maxY {
            let focused = field == form.focus
            buffer.write(field.label, x: inner.x + 1, y: y, maxWidth: labelWidth, style: focused ? theme.key : theme.muted)
            let text = context.text(form[field]) + (focused ? "_" : "")
            let shown = TextFit.suffix(of: text, width: inputWidth)
            let input = Rect(x: inner.x + 1 + labelWidth, y: y, width: inputWidth, height: 1)
            buffer.fill(input, with: Cell(" ", style: focused ? theme.selection : theme.text.adding(.underline)))
            buffer.write(shown, x: input.x, y: y, maxWidth: inputWidth, style: focused ? theme.selection : theme.text.adding(.underline))
            y += 1
            if let error = form.errors[field], y < inner.maxY {
                buffer.write(context.text("! " + error), x: input.x, y: y, maxWidth: inputWidth, style: theme.bad, ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
        }
        let unit = measure.unit.isCount ? "" : "Unit: \(measure.unit.name). "
        let hint = "\(unit)Quality: provisional, estimated or validated."
        if y + 1 < inner.maxY {
            buffer.write(context.text(hint), x: inner.x + 1, y: y + 1, maxWidth: inner.width - 2, style: theme.muted, ellipsis: theme.glyphs.ellipsis)
        }
        let keys = [Span("Enter", style: theme.key), Span(" Save  "), Span("Tab", style: theme.key), Span(" Next field  "), Span("Ctrl-U", style: theme.key), Span(" Clear  "),
                    Span("Esc", style: theme.key), Span(" Cancel")]
        buffer.write(spans: keys, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2)
    }
}

/// A value's revisions, newest first, drawn in a box over the measure screen.
struct RevisionHistoryView {
    let context: RenderContext
    let measure: Int
    let period: Period

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let definition = context.council.measures[measure]
        let revisions = ((try? context.model.revisions(of: measure, in: period)) ?? []).reversed()
        let box = area.centered(width: min(area.width, 100), height: min(area.height, revisions.count + 5))
        Box(title: context.text("History of \(definition.code) \(period.label)"), glyphs: theme.glyphs, borderStyle: theme.border,
            titleStyle: theme.header, clearsInside: true).render(into: &buffer, area: box)
        let inner = Box.inner(box)
        let columns = [
            Table.Column("When", width: .fixed(17)), Table.Column("Who", width: .fixed(14)),
            Table.Column("Value", width: .fixed(11), alignment: .right), Table.Column("Was", width: .fixed(11), alignment: .right),
            Table.Column("Commentary", width: .flexible(1)),
        ]
        let rows = revisions.map { revision -> [Table.Item] in
            [
                Table.Item(DateText.minute(revision.changedAt), style: theme.muted),
                Table.Item(context.text("\(revision.changedBy)")),
                Table.Item(context.format(revision.observation.value, of: definition)),
                Table.Item(revision.replaced.map { context.format($0.value, of: definition) } ?? "new", style: theme.muted),
                Table.Item(context.text((revision.observation.note ?? "").replacingNewlines())),
            ]
        }
        Table(columns: columns, rows: rows, theme: theme).render(into: &buffer, area: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1))
        if rows.isEmpty {
            buffer.write("No revisions recorded.", x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2, style: theme.muted)
        }
        buffer.write("Press any key to close", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: theme.muted)
    }
}
