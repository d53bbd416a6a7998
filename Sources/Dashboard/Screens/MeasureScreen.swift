import ScorecardKit

/// One measure: its judgement, a chart of its history with the target, its table of periods and its definition.
struct MeasureScreen {
    /// What a meeting is told of a value withheld, beside its `*`.
    static let withheldNote = "a small number, withheld (counts of 1 to 4, and rates built on them, are not shown at a meeting, so that no one can be identified)"

    let context: RenderContext
    let measure: Int

    private var definition: Measure { context.council.measures[measure] }
    private var judged: MeasureEvaluation { context.evaluation.measures[measure] }

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        buffer.write(context.text("\(definition.code)  \(definition.title)"), x: area.x, y: area.y, maxWidth: area.width,
                     style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        buffer.write(
            spans: headline().fitted(toWidth: area.width, ellipsis: theme.glyphs.ellipsis, separator: theme.glyphs.separator),
            in: area.row(1))
        if let alert = judged.alerts.first {
            buffer.write(context.text(alert.reason), x: area.x, y: area.y + 2, maxWidth: area.width, style: theme.bad, ellipsis: theme.glyphs.ellipsis)
        }
        let body = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        let side = body.width >= 120
        // The table keeps its heading and at least six periods: on a short screen the chart gives way first
        // (to five rows), then the definition.
        let tableRows = 8
        let definitionRows = side ? 0 : min(definitionLines(panel: nil).count, 3) + 1
        let chartHeight = max(5, min(body.height * 9 / 20, body.height - tableRows - definitionRows - 1))
        let chartArea = Rect(x: body.x, y: body.y, width: side ? body.width * 3 / 5 : body.width, height: chartHeight)
        chart().render(into: &buffer, area: chartArea)
        var tableTop = body.y + chartHeight + 1
        if side {
            let panel = Rect(x: chartArea.maxX + 2, y: body.y, width: body.width - chartArea.width - 2, height: chartHeight)
            writeDefinition(into: &buffer, area: panel, lines: definitionLines(panel: panel), wrap: true)
        } else {
            let lines = definitionLines(panel: nil)
            let panel = Rect(x: body.x, y: tableTop, width: body.width, height: min(lines.count, max(0, body.maxY - tableTop - tableRows)))
            writeDefinition(into: &buffer, area: panel, lines: lines, wrap: false)
            tableTop += panel.height + (panel.height > 0 ? 1 : 0)
        }
        return periodTable(into: &buffer, area: Rect(x: body.x, y: tableTop, width: body.width, height: max(0, body.maxY - tableTop)))
    }

    /// `✖ Off track  78.5% against 85.0% in Sep 2026  ↓ Worsening since Aug 2026  ↑ Improving on Sep 2025`
    private func headline() -> [Span] {
        let theme = context.theme
        var spans = [Span(theme.badge(for: judged.status), style: theme.style(for: judged.status).adding(.bold))]
        let separator = Span(theme.glyphs.separator, style: theme.muted)
        // Beside the status: the comparison with England, and a process that cannot meet its target.
        if let comparison = judged.comparison, comparison.comparedToEngland != .notCompared {
            let england = comparison.comparedToEngland
            // A comparison of an earlier year than the value beside it (the national file's latest) says which.
            let when = comparison.point.period == judged.period ? "" : " in \(comparison.point.periodText)"
            let words = theme.badge(for: england) + (england == .similar ? " to England" : " than England") + context.text(when)
            spans += [separator, Span(words, style: theme.style(for: england))]
        }
        if judged.process?.assurance == .consistentlyFails {
            spans += [separator, Span("consistently fails its target", style: theme.bad)]
        }
        if let period = judged.period {
            if let value = judged.value {
                let target = judged.target.map { " against \(definition.formatTarget($0))" } ?? ""
                spans += [separator, Span(context.text("\(definition.format(value))\(target) in \(period.label)"))]
                if judged.observation?.isDraft == true { spans += [separator, Span("draft, awaiting sign-off", style: theme.warning)] }
            } else if judged.observation?.isWithheld == true {
                spans += [separator, Span("\(RenderContext.withheldMark) in \(period.label): \(Self.withheldNote)", style: theme.muted)]
            } else if judged.status == .overdue, let due = judged.due {
                spans += [separator, Span("\(period.label) was due by \(due.longDescription)", style: theme.bad)]
            }
        }
        if let direction = judged.sincePrevious, let period = judged.period {
            spans += [separator, Span("\(theme.travel(direction)) since \(period.previous.label)", style: theme.style(for: direction))]
        }
        if let direction = judged.sinceLastYear, let period = judged.period {
            spans += [separator, Span("\(theme.travel(direction)) on \(period.sameLastYear.label)", style: theme.style(for: direction))]
        }
        return spans
    }

    /// How many periods the chart shows: three years of months, four of quarters, ten years.
    /// The fewest periods a chart spans, however short the history.
    private static let shortestChart = 4

    private var chartSpan: Int {
        switch definition.frequency {
        case .monthly: 36
        case .quarterly: 16
        case .annual, .calendarYear: 10
        }
    }

    private func chart() -> LineChart {
        let last = judged.period ?? context.council.observations[measure].last?.period
        var count = chartSpan
        // Drawn as members see them: a value shown as 1.01 sits on a target of 1.01, not a hair below it.
        var values = context.history(of: measure, upTo: last, count: count).map { $0.map(definition.asShown) }
        // A history shorter than the span starts the chart at its first value (an annual measure with five years
        // drew them in the right half of ten), once the whole history is known to start there.
        // A measure with no value yet charts the shortest span, not years of empty periods.
        if context.council.hasWholeHistory(ofMeasure: measure) {
            let first = values.firstIndex(where: { $0 != nil }) ?? values.count
            let start = min(first, max(0, count - Self.shortestChart))
            values.removeFirst(start)
            count -= start
        }
        let periods = last.map { end in (0..<count).map { end.advanced(by: $0 - count + 1) } } ?? []
        var chart = LineChart(
            values: values, xLabels: periods.map(\.shortLabel),
            targets: context.model.targets(of: measure, in: periods),
            markedIndex: values.isEmpty ? nil : count - 1, theme: context.theme, formatY: { "\($0)" })
        // (A year's own value restarts nothing: an annual measure's periods are each a year.)
        if definition.cumulative, definition.frequency == .monthly || definition.frequency == .quarterly {
            chart.restarts = Set(periods.indices.dropFirst().filter { periods[$0].financialYearStart != periods[$0 - 1].financialYearStart })
        }
        // A year-to-date target rises through its year; any other (a year's own, of an annual measure) holds.
        chart.targetsHold = !definition.cumulative || !(definition.frequency == .monthly || definition.frequency == .quarterly)
        let bounds = definition.valueLimits
        chart.lowest = bounds.minimum
        chart.highest = bounds.maximum
        if let control = judged.processControl {
            let index = Dictionary(periods.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let shown = periods.indices.filter { control.covers(periods[$0]) }
            if let first = shown.first, let last = shown.last {
                // A limit beyond what the measure can take (a count's below 0) is drawn at that bound: the chart's
                // scale would otherwise run to values no period can have. The text gives the limit as worked out.
                chart.process = LineChart.ProcessLines(
                    from: first, to: last, mean: control.mean,
                    lower: max(control.lowerLimit, bounds.minimum ?? -.infinity), upper: min(control.upperLimit, bounds.maximum ?? .infinity))
            }
            chart.special = Set(control.special.compactMap { index[$0.period] })
        }
        if let points = definition.comparators?.points, !points.isEmpty {
            // Each period charted takes the national figure of the period that holds it: a monthly measure compared
            // with calendar years draws 2025's figure across its months.
            let byPeriod = Dictionary(points.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
            let covering = periods.map { period in byPeriod[period] ?? points.last { $0.period.covers(period) } }
            chart.comparators = [covering.map { $0?.england }, covering.map { $0?.region }]
            chart.comparatorsHold = points.contains { $0.period.kind != definition.frequency.periodKind }
        }
        (chart.formatY, chart.labelPlaces) = Self.scaleFormat(
            for: chart.effectiveRange, of: definition, withholdingSmallNumbers: context.model.withholdsSmallNumbers,
            unicode: context.theme.glyphs.isUnicode)
        return chart
    }

    /// The scale's labels (top, middle, bottom) in the measure's unit, to its decimals or to as few more as tell
    /// them apart (17.2 days, not 17 three times; 86.7%, not 86.654%).
    /// At a meeting (`withholdingSmallNumbers`), no scale value a small number could be is labelled, as in a public
    /// report's charts.
    static func scaleFormat(
        for range: ClosedRange<Double>, of definition: Measure, withholdingSmallNumbers: Bool, unicode fold: Bool
    ) -> (@Sendable (Double) -> String, places: Int) {
        let unit = definition.unit
        let decimals = definition.decimals
        let marks = [range.upperBound, (range.upperBound + range.lowerBound) / 2, range.lowerBound]
        let extra = (0...2).first { extra in Set(marks.map { unit.format($0, decimals: decimals + extra) }).count == marks.count } ?? 2
        let withheld = withholdingSmallNumbers ? definition.smallNumbers : nil
        let format: @Sendable (Double) -> String = { value in
            if let withheld, withheld.withholds(value, unit: unit, decimals: decimals) { return "" }
            let text = unit.format(value, decimals: decimals + extra)
            return fold ? text : TextFolding.ascii(text)
        }
        return (format, decimals + extra)
    }

    /// `▼ Worse than England (24.0) and ● similar to the South West region (26.1) in 2025: 27.3, 95% interval 25.9
    /// to 28.7`: the verdicts first, so that a line cut short at 80 columns keeps them.
    private var englandText: String? {
        guard let comparison = judged.comparison else { return nil }
        let point = comparison.point
        let theme = context.theme
        // The figures to as many decimals as keep apart those that differ: England just outside an interval is
        // not written on its end.
        let places = definition.placesApart(interval: [point.lower, point.upper], comparators: [point.england, point.region])
        func value(_ x: Double?) -> String { x.map { definition.unit.format($0, decimals: places) } ?? "no value" }
        var text =
            comparison.comparedToEngland == .notCompared
            ? "Not compared with England" + (point.england == nil ? "" : " (\(value(point.england)))")
            : "\(theme.badge(for: comparison.comparedToEngland)) than England (\(value(point.england)))"
        if !point.regionName.isEmpty {
            let region =
                switch comparison.comparedToRegion {
                case .notCompared: "not compared with"
                case .similar: "similar to"
                default: "\(comparison.comparedToRegion.rawValue) than"
                }
            text += " and \(region) the \(point.regionName) (\(value(point.region)))"
        }
        text += " in \(point.periodText): \(value(point.value))"
        if let lower = point.lower, let upper = point.upper {
            text += ", \(point.confidenceLabel) interval \(value(lower)) to \(value(upper))"
        }
        return text.replacingOccurrences(of: "Similar than", with: "Similar to")
    }

    /// Why a measure with national comparators is not compared as at the period shown: `Not compared: the
    /// national file gives the council no value up to Q2 2026/27 (3 periods suppressed or missing)`.
    private var notComparedText: String? {
        guard judged.comparison == nil, let points = definition.comparators?.points, let first = points.first else { return nil }
        let asAt = context.state.asAt
        let upTo = points.filter { $0.period.endDate <= asAt.endDate }
        if upTo.isEmpty {
            return "Not compared: the national file's first period, \(first.periodText), ends after \(asAt.label)"
        }
        let periods = upTo.count == 1 ? "1 period" : "\(upTo.count) periods"
        return "Not compared: the national file gives the council no value up to \(asAt.label) (\(periods) suppressed or missing)"
    }

    /// `ranked 13 of 16 with its nearest neighbours, best first, quartile 4 of 4`.
    private var neighboursText: String? {
        guard let comparison = judged.comparison, let rank = comparison.rank else { return nil }
        let quartile = comparison.quartile.map { ", quartile \($0) of 4" } ?? ""
        return "ranked \(rank) of \(comparison.of) with its nearest neighbours, best first\(quartile)"
    }

    /// The council among its neighbours, best first, in at most `room` lines: `1. 18.3 µg/m³  Ashbury`, the
    /// council's own line marked, equal values sharing the better rank. The first and last, and two either side of
    /// the council, with `…` for the rest; where that does not fit, the council and those nearest it first.
    private func rankedLines(room: Int, width: Int) -> [(String, String)] {
        guard let comparison = judged.comparison, comparison.rank != nil else { return [] }
        let ranked = comparison.ranked
        guard let council = ranked.firstIndex(where: \.isCouncil) else { return [] }
        // Values that differ are written apart, so that two shown alike are ranked alike.
        let places = definition.placesApart(ranked.map(\.value))
        // The lines of the positions `shown`, with a `…` for each run of positions left out (one left out alone is
        // shown instead: it takes the line the `…` would).
        func lines(_ chosen: Set<Int>) -> [(String, String)] {
            let shown = chosen.union(ranked.indices.filter { !chosen.contains($0) && ($0 == 0 || chosen.contains($0 - 1)) && ($0 == ranked.count - 1 || chosen.contains($0 + 1)) })
            var lines: [(String, String)] = []
            var skipped = false
            for (position, row) in ranked.enumerated() {
                guard shown.contains(position) else {
                    if !skipped { lines.append((lines.isEmpty ? "Ranked" : "", context.theme.glyphs.ellipsis)) }
                    skipped = true
                    continue
                }
                skipped = false
                let rank = (ranked.firstIndex { $0.value == row.value } ?? position) + 1
                let name = row.isCouncil ? "\(context.council.plan.council) \(context.theme.glyphs.isUnicode ? "◀" : "<")" : row.name
                lines.append((lines.isEmpty ? "Ranked" : "", "\(rank). \(definition.unit.format(row.value, decimals: places))  \(name)"))
            }
            return lines
        }
        func height(_ shown: Set<Int>) -> Int { lines(shown).reduce(0) { $0 + wrappedCount($1.1, width: width) } }
        // The council's own line first: without it, the list is left to the Peers line.
        var shown: Set<Int> = [council]
        guard height(shown) <= room else { return [] }
        let wanted = [council - 1, council + 1, 0, ranked.count - 1, council - 2, council + 2].filter(ranked.indices.contains)
        for position in wanted where height(shown.union([position])) <= room { shown.insert(position) }
        return lines(shown)
    }

    /// `Special cause concerning; consistently fails its target; below the lower process limit; mean 76.6%,
    /// limits 66.2% to 87.0% over 24 values from Oct 2024`: the verdicts first.
    private var processText: String? {
        guard let control = judged.processControl else { return nil }
        var parts = [control.variation.label]
        if let assurance = control.assurance { parts.append("\(assurance.rawValue) its target") }
        if let signal = control.signal { parts.append(signal.label) }
        let shown = definition.formatStatistics(mean: control.mean, lower: control.lowerLimit, upper: control.upperLimit, beside: judged.value)
        parts.append(
            "\(control.centreName) \(shown.mean), limits \(shown.lower) to \(shown.upper) over \(control.points) values from \(control.from.label)")
        return parts.joined(separator: "; ")
    }

    /// Why a measure judged at a period has no process chart there, when it is too few values: `Not charted: 8
    /// values up to Q2 2026/27; a chart needs 12`. (A year-to-date total is never charted: see the docs.)
    private var notChartedText: String? {
        guard judged.processControl == nil, judged.hasOutlook, !definition.cumulative, let period = judged.period else { return nil }
        let count = context.council.observations[measure].lazy
            .filter { $0.period.kind == period.kind && $0.period <= period && $0.value?.isFinite == true }.count
        guard count < ProcessControl.minimumPoints else { return nil }
        let values = count == 0 ? "no values" : count == 1 ? "1 value" : "\(count) values"
        return "Not charted: \(values) up to \(period.label); a chart needs \(ProcessControl.minimumPoints)"
    }

    /// `Off track: 2026/27 year end forecast 286 against 350 (run rate to Q2 2026/27)`: the verdict first. Made from
    /// the year's last period (March, Q4), it is no forecast but the year's outturn, and said so.
    private var forecastText: String? {
        guard let forecast = judged.forecast else { return nil }
        // At the year's end a year-to-date total is the year's outturn; an average of the year's values, its average.
        let what = forecast.position < forecast.periodsInYear ? "year end forecast" : forecast.method == .averageSoFar ? "average" : "outturn"
        return "\(forecast.status.label): \(forecast.year.label) \(what) \(definition.format(forecast.value)) against "
            + "\(definition.formatTarget(forecast.target)) (\(forecast.method.rawValue) to \(forecast.basis.label))"
    }

    /// When the next value is due: `next due 14 November 2026 (Q2 2026/27)`, or `overdue since ...`.
    private var nextDue: String? {
        guard let next = context.council.nextPeriod(forMeasure: measure, judged: judged.period, today: context.model.today) else { return nil }
        let due = definition.dueDate(for: next)
        let word = due < context.model.today ? "overdue since" : "next due"
        return "\(word) \(due.longDescription) (\(next.label))"
    }

    /// The targets proposed for this measure and awaiting approval (a short list: read on each frame), for
    /// owners and officers: `; proposed 92.0% for 2024/25 by kate, awaiting approval`.
    private var proposalsText: String {
        let proposals = context.model.targetProposals.filter { $0.measureCode == definition.code }
        guard !proposals.isEmpty else { return "" }
        let each = proposals.map { "\($0.value.map { definition.format($0) } ?? "no target") for \($0.period.label) by \($0.proposedBy)" }
        return "; proposed " + each.joined(separator: ", ") + ", awaiting approval"
    }

    /// The definition's lines: in full for the `panel` beside the chart (wrapped), else one line each below it.
    private func definitionLines(panel: Rect?) -> [(String, String)] {
        let m = definition
        var kind = "\(m.frequency.rawValue.capitalized.replacingOccurrences(of: "-", with: " "))"
        if m.cumulative { kind += ", cumulative (year to date)" }
        // The judgements first: on a short screen only the first lines show.
        var lines: [(String, String)] = [
            ("England", englandText ?? notComparedText ?? ""),
            ("Peers", neighboursText ?? ""),
            ("Process", processText ?? ""),
            ("Outlook", forecastText ?? ""),
            ("Owner", [m.owner, m.service, m.team].filter { !$0.isEmpty }.joined(separator: ", ")),
            ("Measure", "\(m.tier.label); \(kind); \(m.polarity.label.lowercased())"),
            // With no target, "none" before the tolerance ("Target  tolerance 5%" read as a target of 5%).
            ("Target", (judged.target.map { m.formatTarget($0) } ?? (m.tolerance == nil ? "" : "none"))
                + (m.tolerance.map { ", tolerance \($0.text)" } ?? "") + proposalsText),
            ("Data", [judged.observation?.quality?.rawValue.capitalized, nextDue].compactMap { $0 }.joined(separator: "; ")),
        ]
        if let panel {
            // Why there is no chart: beside it, where there is room (below it, it would push the period's
            // commentary off a short screen).
            if processText == nil, let notCharted = notChartedText { lines.append(("Process", notCharted)) }
            // The neighbours ranked, in the room the lines above leave them.
            let used = lines.filter { !$0.1.isEmpty }.reduce(0) { $0 + wrappedCount($1.1, width: panel.width) }
            lines += rankedLines(room: panel.height - used, width: panel.width)
            lines += [("About", m.description), ("Method", m.methodology), ("Source", m.source)]
        } else {
            lines.append(("Method", m.methodology))
        }
        return lines.filter { !$0.1.isEmpty }
    }

    /// The lines `text` takes, wrapped in a panel `width` wide.
    private func wrappedCount(_ text: String, width: Int) -> Int {
        wrapped(text, width: width).count
    }

    /// `text` as terminal-safe lines beside an 8-column label in a panel `width` wide.
    private func wrapped(_ text: String, width: Int) -> [String] {
        TextFit.wrapped(context.text(text.replacingNewlines()), toWidth: max(1, width - 8), ellipsis: context.theme.glyphs.ellipsis)
    }

    /// Writes `label  text` lines; with `wrap`, long texts continue on the following lines, else they are cut.
    private func writeDefinition(into buffer: inout ScreenBuffer, area: Rect, lines: [(String, String)], wrap: Bool) {
        let theme = context.theme
        var y = area.y
        for (label, text) in lines where y < area.maxY {
            let wrapped = wrapped(text, width: area.width)
            for (i, line) in wrapped.prefix(wrap ? wrapped.count : 1).enumerated() where y < area.maxY {
                if i == 0 { buffer.write(label, x: area.x, y: y, maxWidth: 7, style: theme.muted) }
                let shown = !wrap && wrapped.count > 1 ? line + theme.glyphs.ellipsis : line
                buffer.write(shown, x: area.x + 8, y: y, maxWidth: area.width - 8, style: theme.text, ellipsis: theme.glyphs.ellipsis)
                y += 1
            }
        }
    }

    /// A draft's quality beside the word Draft in the 11 columns of the table: `Draft prov.`.
    private static let shortQuality: [DataQuality: String] = [.provisional: "prov.", .estimated: "est.", .validated: "val."]

    private func periodTable(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let history = context.model.periodHistory(of: measure) ?? []
        let byPeriod = Dictionary(history.map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        let columns = [
            Table.Column("Period", width: .fixed(10)), Table.Column("Value", width: .fixed(11), alignment: .right),
            Table.Column("Target", width: .fixed(11), alignment: .right), Table.Column("Status", width: .fixed(area.width >= 100 ? 16 : 12)),
            Table.Column("SPC", width: .fixed(3)), Table.Column("Quality", width: .fixed(11)), Table.Column("Commentary", width: .flexible(1)),
        ]
        // Each charted period's variation: `C` special cause concerning, `~` common cause...
        let control = judged.processControl
        func variation(_ period: Period, _ value: Double?) -> Variation? {
            guard let control, value != nil, control.covers(period) else { return nil }
            return control.variation(at: period)
        }
        let rows = context.rows
        func cells(_ index: Int) -> [Table.Item] {
            guard case .period(let period) = rows[index] else { return [] }
            guard let item = byPeriod[period] else {
                // An overdue period: nothing recorded, its target, and Overdue.
                let target = context.model.targets(of: measure, in: [period]).first ?? nil
                return [
                    Table.Item(period.label, style: period == judged.period ? theme.chartMarker : theme.text),
                    Table.Item(context.format(nil, of: definition, width: 11)),
                    Table.Item(target.map { context.formatTarget($0, of: definition, width: 11) } ?? "", style: theme.muted),
                    Table.Item(area.width >= 100 ? theme.badge(for: Status.overdue) : "\(theme.symbol(for: Status.overdue)) \(Status.overdue.shortLabel)",
                               style: theme.style(for: Status.overdue)),
                    Table.Item(""), Table.Item(""), Table.Item(""),
                ]
            }
            // The judged period's missing value is overdue when the headline says so, not merely missing; a small
            // number withheld from members is there, but not judged.
            let status = item.status
                ?? (item.observation.isWithheld ? .notJudged : period == judged.period && judged.status == .overdue ? .overdue : nil)
            return [
                Table.Item(period.label, style: period == judged.period ? theme.chartMarker : theme.text),
                // Abbreviated when too wide for the column (£12.3bn), never cut; H gives the period in full.
                Table.Item(context.format(observation: item.observation, of: definition, width: 11)),
                Table.Item(item.target.map { context.formatTarget($0, of: definition, width: 11) } ?? "", style: theme.muted),
                Table.Item(status.map { area.width >= 100 ? theme.badge(for: $0) : "\(theme.symbol(for: $0)) \($0.shortLabel)" }
                               ?? "\(theme.symbol(for: .noData)) Missing",
                           style: status.map { theme.style(for: $0) } ?? theme.noData),
                Table.Item(
                    variation(period, item.observation.value).map(theme.letter(for:)) ?? "",
                    style: theme.style(for: variation(period, item.observation.value))),
                // A draft's quality too, shortened to fit (`Draft est.`): an estimate awaiting sign-off is both.
                item.observation.isDraft
                    ? Table.Item("Draft" + (item.observation.quality.map { " " + Self.shortQuality[$0, default: ""] } ?? ""), style: theme.warning)
                    : Table.Item(item.observation.quality?.rawValue.capitalized ?? "", style: theme.muted),
                Table.Item(context.text((item.observation.note ?? "").replacingNewlines())),
            ]
        }
        // The selected period's commentary in full, under the table, when there is room.
        let selection = context.entry.selection
        var note: [String] = []
        if area.height >= 8, context.rows.indices.contains(selection), case .period(let period) = context.rows[selection],
            let text = byPeriod[period]?.observation.note
        {
            note = TextFit.wrapped(context.text("\(period.label): " + text.replacingNewlines()), toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
                .prefix(2).map { $0 }
        }
        let tableArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - note.count)
        for (i, line) in note.enumerated() {
            buffer.write(line, x: area.x, y: tableArea.maxY + i, maxWidth: area.width, style: theme.muted)
        }
        let layout = ListTable(columns: columns, rowCount: rows.count, cells: cells, selected: selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: tableArea)
        // Under the table's header while the whole history loads, or when there is none.
        let empty =
            context.model.periodHistory(of: measure) == nil ? "Loading the values of every period…"
            : !rows.isEmpty ? nil
            : !history.isEmpty ? "No values up to \(context.state.asAt.label)." : "No values recorded yet."
        if let empty, tableArea.height > 1 {
            buffer.write(empty, x: area.x, y: area.y + 1, maxWidth: area.width, style: theme.muted, ellipsis: theme.glyphs.ellipsis)
        }
        return layout
    }
}
