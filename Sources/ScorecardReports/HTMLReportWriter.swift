import ScorecardKit

/// Writes a ``CommitteeReport`` as one self-contained HTML file: inline CSS and inline SVG charts, no scripts and
/// nothing fetched from anywhere, so it opens the same offline, prints on A4, and is what Chromium turns into the PDF.
public enum HTMLReportWriter {
    /// The report as an HTML document.
    public static func html(_ report: CommitteeReport) -> String {
        var html = HTMLText()
        let cover = report.cover
        let footer = "\(cover.council) · \(cover.title) · as at \(cover.asAt)"
        html.raw("<!DOCTYPE html>\n")
        html.element("html", ["lang": "en-GB"]) { html in
            html.element("head") { html in
                html.void("meta", ["charset": "utf-8"])
                // Nothing runs and nothing is fetched, whatever the data hold: only the inline style sheet applies.
                html.void("meta", ["http-equiv": "Content-Security-Policy", "content": "default-src 'none'; style-src 'unsafe-inline'"])
                html.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                html.void("meta", ["name": "generator", "content": "Scorecard"])
                html.element("title", text: "\(cover.council): \(cover.title), as at \(cover.asAt)")
                html.element("style") { $0.raw(ReportStyleSheet.css(footer: HTMLText.cssString(footer))) }
            }
            html.element("body") { html in
                html.element("main") { html in
                    writeCover(report, into: &html)
                    writeSummary(report, into: &html)
                    for section in report.sections { writeSection(section, report: report, into: &html) }
                }
                html.element("footer") { html in
                    if let note = report.withheldNote { html.element("p", ["class": "note"], text: note) }
                    html.element("p", text: "Produced by Scorecard on \(cover.produced). \(cover.figures)")
                }
            }
        }
        return html.html
    }

    static func writeCover(_ report: CommitteeReport, into html: inout HTMLText) {
        let cover = report.cover
        html.element("header", ["class": "cover"]) { html in
            html.element("h1", text: cover.title)
            html.element("p", ["class": "council"]) { html in
                html.element("strong", text: cover.council)
                html.text(" · \(cover.plan)")
            }
            html.element("dl") { html in
                func item(_ term: String, _ value: String) {
                    html.element("dt", text: term)
                    html.element("dd", text: value)
                }
                item("As at", cover.asAt)
                item("Produced", cover.produced)
                item("Figures", cover.figures)
                if let scope = cover.scope { item("Covers", scope) }
                item("For", cover.audience == .public ? "The public" : "Committee")
            }
            html.element("section", ["class": "key", "aria-label": "Key to symbols"]) { html in
                html.element("p", text: "Key: every status is written in words beside its symbol.")
                html.element("ul") { html in
                    for (symbol, meaning) in ReportText.key(report) {
                        html.element("li") { html in
                            html.element("span", ["aria-hidden": "true"], text: symbol)
                            html.text(" \(meaning)")
                        }
                    }
                }
                html.element(
                    "p", ["class": "legend"],
                    text: "Charts: the solid line is the measure's value, the dashed line its target, the dotted rule and ringed point the period reported on (the point in its status's colour)"
                        + (report.withheldNote == nil ? "." : "; * marks a value withheld."))
            }
        }
    }

    static func writeSummary(_ report: CommitteeReport, into html: inout HTMLText) {
        html.element("section", ["class": "summary", "aria-labelledby": "summary"]) { html in
            html.element("h2", ["id": "summary"], text: "Summary by priority")
            html.element("table") { html in
                html.element("caption", text: "Measures by status, alerts and overdue actions, as at \(report.cover.asAt)")
                html.element("thead") { html in
                    html.element("tr") { html in
                        html.element("th", ["scope": "col"], text: "Priority")
                        html.element("th", ["scope": "col", "class": "number"], text: "Measures")
                        for status in ReportText.summaryStatuses {
                            html.element("th", ["scope": "col", "class": "number"], text: ReportText.badge(status))
                        }
                        html.element("th", ["scope": "col", "class": "number"], text: "Other")
                        html.element("th", ["scope": "col", "class": "number"], text: "Alerts")
                        html.element("th", ["scope": "col", "class": "number"], text: "Overdue actions")
                        html.element("th", ["scope": "col"], text: "Status mix")
                    }
                }
                html.element("tbody") { html in
                    for line in report.summary {
                        summaryRow(title: "\(line.code) \(line.title)", rollUp: line.rollUp, header: true, into: &html)
                    }
                }
                if report.summary.count > 1 {
                    html.element("tfoot") { html in
                        summaryRow(title: report.totalTitle, rollUp: report.total, header: true, into: &html)
                    }
                }
            }
            // The bar's colours in words: missing data (overdue) is never the red of a miss.
            html.element("p", ["class": "legend", "aria-hidden": "true"]) { html in
                html.text("Status mix:")
                for (key, label) in ReportText.summaryStatuses.map({ ($0.key, $0.label.lowercased()) }) + [("other", "other")] {
                    html.text(" ")
                    html.element("span", ["class": "swatch \(key)"], text: "■")
                    html.text("\u{00A0}\(label)")
                }
            }
        }
    }

    static func summaryRow(title: String, rollUp: RollUp, header: Bool, into html: inout HTMLText) {
        html.element("tr") { html in
            html.element("th", ["scope": "row"], text: title)
            html.element("td", ["class": "number"], text: "\(rollUp.measures)")
            for status in ReportText.summaryStatuses {
                html.element("td", ["class": "number"], text: "\(rollUp[status])")
            }
            html.element("td", ["class": "number"], text: "\(ReportText.others(rollUp))")
            html.element("td", ["class": "number"], text: "\(rollUp.alerts)")
            html.element("td", ["class": "number"], text: "\(rollUp.overdueActions)")
            html.element("td", ["class": "mix"]) { html in bar(rollUp, into: &html) }
        }
    }

    /// A stacked bar of the status mix; the numbers beside it say the same in words, so it is hidden from screen
    /// readers.
    static func bar(_ rollUp: RollUp, into html: inout HTMLText) {
        let parts: [(String, Int)] = ReportText.summaryStatuses.map { ($0.key, rollUp[$0]) } + [("other", ReportText.others(rollUp))]
        let total = parts.reduce(0) { $0 + $1.1 }
        html.raw("<svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\">")
        if total > 0 {
            var x = 0.0
            for (key, count) in parts where count > 0 {
                let width = 100 * Double(count) / Double(total)
                html.raw("<rect class=\"\(key)\" x=\"\(ChartSVG.coordinate(x))\" y=\"0\" width=\"\(ChartSVG.coordinate(width))\" height=\"10\"/>")
                x += width
            }
        }
        html.raw("</svg>")
    }

    /// A figure kept whole in its narrow column: a number of more than nine characters (`£499,999,999`) is set
    /// smaller to fit rather than broken at its commas ("£499,999," over "999"), down to half the table's
    /// size; one longer still (beyond seventeen) may break after a thousands separator rather than run
    /// over the next cell. A unit's words may go to the next line, never its own figures (`per 100,000`).
    static func figure(_ text: String, into html: inout HTMLText) {
        let number = text.prefix { $0 != " " }
        let unit = String(text.dropFirst(number.count))
        guard number.count > 9 else {
            html.text(text)
            return
        }
        let size = max(50, 100 * 9 / number.count)
        html.element("span", ["class": "long-figure", "style": "font-size: \(size)%"]) { html in
            let groups = number.split(separator: ",", omittingEmptySubsequences: false)
            for (i, group) in groups.enumerated() {
                html.text(String(group) + (i < groups.count - 1 ? "," : ""))
                if i < groups.count - 1, number.count > 17 { html.void("wbr") }
            }
        }
        html.text(unit)
    }

    static func writeSection(_ section: CommitteeReport.PrioritySection, report: CommitteeReport, into html: inout HTMLText) {
        let headingID = "priority-\(section.code)"
        html.element("section", ["class": "priority", "aria-labelledby": headingID]) { html in
            html.element("h2", ["id": headingID], text: "\(section.code) \(section.title)")
            if !section.lead.isEmpty { html.element("p", ["class": "lead"], text: "Lead: \(section.lead)") }
            if !section.description.isEmpty && !report.options.exceptionsOnly {
                html.element("p", ["class": "description"], text: section.description)
            }
            if section.allMeasures.isEmpty && section.plans.allSatisfy({ $0.overdueActions.isEmpty }) {
                html.element(
                    "p", ["class": "none"],
                    text: report.options.exceptionsOnly ? "Nothing in this priority needs attention." : "No measures.")
            }
            if !section.measures.isEmpty {
                html.element("h3", text: "Measures of the priority")
                measureTable(section.measures, caption: "\(section.code) measures", report: report, into: &html)
                charts(section.measures, into: &html)
            }
            for plan in section.plans {
                html.element("section", ["class": "plan"]) { html in
                    html.element("h3") { html in
                        html.element("span", ["class": "code"], text: plan.code)
                        html.text(" \(plan.title)")
                    }
                    if !plan.owner.isEmpty { html.element("p", ["class": "owner"], text: "Owner: \(plan.owner)") }
                    if !plan.measures.isEmpty {
                        measureTable(plan.measures, caption: "\(plan.code) measures", report: report, into: &html)
                        charts(plan.measures, into: &html)
                    }
                    if !plan.overdueActions.isEmpty { actionTable(plan.overdueActions, caption: "\(plan.code) overdue actions", into: &html) }
                }
            }
        }
    }

    static func measureTable(
        _ measures: [CommitteeReport.MeasureEntry], caption: String, report: CommitteeReport, into html: inout HTMLText
    ) {
        let exceptions = report.options.exceptionsOnly
        html.element("table", ["class": exceptions ? "measures exceptions" : "measures"]) { html in
            html.element("caption", text: caption)
            html.element("colgroup") { html in
                for column in ["measure", "period", "value", "target", "status", "travel", "alerts", "commentary"] {
                    html.void("col", ["class": column])
                }
            }
            html.element("thead") { html in
                html.element("tr") { html in
                    for (heading, number) in [
                        ("Measure", false), ("Period", false), ("Value", true), ("Target", true), ("Status", false),
                        ("Direction of travel", false), (exceptions ? "Why it needs attention" : "Alerts", false),
                        ("Commentary", false),
                    ] {
                        html.element("th", number ? ["scope": "col", "class": "number"] : ["scope": "col"], text: heading)
                    }
                }
            }
            html.element("tbody") { html in
                for entry in measures { measureRow(entry, exceptions: exceptions, into: &html) }
            }
        }
    }

    static func measureRow(_ entry: CommitteeReport.MeasureEntry, exceptions: Bool, into html: inout HTMLText) {
        // A row kept whole on one page unless its commentary would fill most of one: such a row was pushed to a
        // new page, leaving two thirds of the last blank, and split all the same.
        let long = (entry.commentary?.count ?? 0) > 700
        html.element("tr", long ? ["id": "measure-\(entry.code)", "class": "long"] : ["id": "measure-\(entry.code)"]) { html in
            html.element("th", ["scope": "row"]) { html in
                html.element("span", ["class": "code"], text: entry.code)
                html.void("br")
                html.text(entry.title)
            }
            html.element("td", text: entry.period)
            html.element("td", ["class": "number"]) { html in
                figure(entry.value, into: &html)
                if entry.draft { html.element("span", ["class": "draft"], text: "draft") }
                if let caveat = entry.caveat { html.element("span", ["class": "caveat"], text: caveat.rawValue) }
            }
            html.element("td", ["class": "number"]) { html in figure(entry.target, into: &html) }
            html.element("td", ["class": "status status-\(entry.status.key)"]) { html in
                html.text(ReportText.badge(entry))
                if let comparison = entry.comparison {
                    html.void("br")
                    html.element("small", ["class": "comparison"], text: comparison)
                }
            }
            html.element("td") { html in
                let travel = ReportText.travel(entry.travel)
                html.text(travel)
                if let year = entry.travelYear {
                    // No empty first line where there is no direction against the period before (a cumulative
                    // measure's first period of the year).
                    if !travel.isEmpty { html.void("br") }
                    html.element("small", text: "Year on year: \(ReportText.travel(year))")
                }
            }
            html.element("td") { html in
                guard !entry.alerts.isEmpty else { return }
                html.element("ul", ["class": "alerts"]) { html in
                    for alert in entry.alerts {
                        html.element("li") { html in
                            html.element("strong", text: alert.rule.label)
                            if exceptions { html.text(ReportText.reasonAfterLabel(alert)) }
                        }
                    }
                }
            }
            // Laid out in the commentary's own direction (Arabic, Hebrew right to left).
            html.element("td", ["class": "commentary", "dir": "auto"], text: entry.commentary.map(ReportText.commentary) ?? "")
        }
    }

    static func charts(_ measures: [CommitteeReport.MeasureEntry], into html: inout HTMLText) {
        let drawn = measures.filter { !$0.chart.isEmpty }
        guard !drawn.isEmpty else { return }
        html.element("div", ["class": "charts"]) { html in
            for entry in drawn {
                html.element("figure") { html in
                    html.element("figcaption") { html in
                        html.element("span", ["class": "code"], text: entry.code)
                        html.text(" \(entry.title)")
                        // The unit, unless the title ends with it already ("Electricity used (MWh)").
                        if let unit = entry.chart.unitCaption, !entry.title.hasSuffix("(\(unit))") { html.text(" (\(unit))") }
                    }
                    ChartSVG.write(
                        entry.chart, id: "chart-\(entry.index)", title: "\(entry.code) \(entry.title): values and target",
                        into: &html)
                }
            }
        }
    }

    static func actionTable(_ actions: [CommitteeReport.ActionEntry], caption: String, into html: inout HTMLText) {
        html.element("table", ["class": "actions"]) { html in
            html.element("caption", text: caption)
            html.element("thead") { html in
                html.element("tr") { html in
                    for heading in ["Action", "Owner", "Due", "Days overdue", "Progress"] {
                        html.element("th", heading == "Days overdue" ? ["scope": "col", "class": "number"] : ["scope": "col"], text: heading)
                    }
                }
            }
            html.element("tbody") { html in
                for action in actions {
                    html.element("tr") { html in
                        html.element("th", ["scope": "row"], text: action.title)
                        html.element("td", text: action.owner)
                        html.element("td", text: action.due)
                        html.element("td", ["class": "number"], text: "\(action.daysOverdue)")
                        html.element("td", text: ReportText.progress(action))
                    }
                }
            }
        }
    }
}
