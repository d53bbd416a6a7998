/// The report's CSS: readable on screen, and printed on A4 with the council, the period and page numbers in the
/// footer of every page (CSS page-margin boxes, which Chromium prints), a page break before each priority, table
/// headers repeated on every page a table runs onto, and no row or chart split across pages.
enum ReportStyleSheet {
    /// The style sheet, its page footer reading `footer` (already escaped as a CSS string's inside).
    static func css(footer: String) -> String {
        """
        :root { --ink: #1b1b1b; --muted: #555; --rule: #c8c8c8; --bad: #a4161a; --warn: #8a5a00; --good: #1e6b35; --late: #5b3f8c; --accent: #1f4e79; }
        * { box-sizing: border-box; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 1.5rem; line-height: 1.4; font-size: 11pt; }
        h1 { font-size: 22pt; margin: 0 0 0.4em; color: var(--accent); }
        h2 { font-size: 16pt; margin: 1.2em 0 0.4em; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: 0.15em; }
        h3 { font-size: 12.5pt; margin: 1.1em 0 0.3em; }
        p, li, dd { overflow-wrap: break-word; }
        /* A word longer than the line (a title of one long word) breaks rather than running off the page. */
        h1, h2, h3, figcaption { overflow-wrap: anywhere; }
        section.summary tbody th, section.summary tfoot th { overflow-wrap: anywhere; }
        .cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.2em; margin: 1.2em 0; }
        .cover dt { font-weight: bold; }
        .cover dd { margin: 0; }
        .key { font-size: 9.5pt; color: var(--muted); }
        .key ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.4em; margin: 0.3em 0; }
        table { border-collapse: collapse; width: calc(100% - 1px); margin: 0.5em 0 1em; font-size: 9.5pt; }  /* its right border inside the page */
        caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
        th, td { border: 1px solid var(--rule); padding: 0.25em 0.4em; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
        table.measures { table-layout: fixed; }
        table.measures col.measure { width: 17%; }
        table.measures col.period { width: 8%; }
        table.measures col.value, table.measures col.target { width: 10%; }
        table.measures col.status { width: 11%; }
        table.measures col.travel { width: 13%; }
        table.measures col.alerts { width: 13%; }
        table.measures col.commentary { width: 18%; }
        table.measures.exceptions col.alerts { width: 17%; }
        table.measures.exceptions col.commentary { width: 14%; }
        .summary th[scope=row] { min-width: 11em; }
        .summary td.mix { min-width: 6em; }
        thead th { background: #eef2f6; }
        thead { display: table-header-group; }
        tfoot { display: table-row-group; }
        tr { break-inside: avoid; }
        tr.long { break-inside: auto; }
        caption, thead { break-after: avoid; }
        tbody tr:first-child { break-before: avoid; }
        td.number, th.number { text-align: right; }
        /* A figure and a status break only between words: 57.2106 and its % together, "In development" whole. */
        table.measures td.number, table.measures td.status { overflow-wrap: normal; word-break: keep-all; }
        .summary td.number { white-space: nowrap; }
        td.commentary { white-space: pre-line; min-width: 14em; }
        .status { font-weight: bold; }
        .nowrap { white-space: nowrap; }
        .status-off-track { color: var(--bad); }
        .status-overdue { color: var(--late); }
        .status-within-tolerance { color: var(--warn); }
        .status-on-track { color: var(--good); }
        .comparison { font-weight: normal; color: var(--ink); }  /* not the status's colour: its own judgement */
        .alerts { margin: 0.2em 0 0; padding-left: 1em; font-weight: normal; color: var(--ink); }
        .caveat { display: block; font-size: 8.5pt; font-style: italic; color: var(--muted); }
        .draft { font-size: 8.5pt; font-weight: bold; border: 1px solid var(--ink); padding: 0 0.25em; margin-left: 0.3em; }
        .code { color: var(--muted); overflow-wrap: anywhere; }  /* a long code breaks rather than covering the next cell */
        .bar { display: block; width: 100%; height: 14px; }
        .bar .off-track { fill: var(--bad); }
        .bar .overdue { fill: var(--late); }
        .bar .within-tolerance { fill: #e0a526; }
        .bar .on-track { fill: var(--good); }
        .bar .other { fill: #bdbdbd; }
        .swatch { font-size: 1.1em; }
        .swatch.off-track { color: var(--bad); }
        .swatch.overdue { color: var(--late); }
        .swatch.within-tolerance { color: #e0a526; }
        .swatch.on-track { color: var(--good); }
        .swatch.other { color: #bdbdbd; }
        .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0.6em 1.2em; margin: 0.4em 0 1em; }
        figure { margin: 0; break-inside: avoid; }
        figcaption { font-size: 9pt; margin-bottom: 0.2em; }
        svg.chart { width: 100%; height: auto; max-width: 420px; display: block; }
        .chart text { font-size: 9px; fill: var(--muted); font-family: inherit; }
        .chart .scale { text-anchor: end; }
        .chart .withheld { text-anchor: middle; font-size: 13px; fill: var(--ink); }
        .chart .empty { text-anchor: middle; }
        .chart .grid { stroke: #e2e2e2; stroke-width: 1; }
        .chart .value { fill: none; stroke: var(--accent); stroke-width: 2; }
        .chart .point { fill: var(--accent); }
        .chart .judged-point { fill: #fff; stroke: var(--accent); stroke-width: 2; }
        .chart .judged-point.status-off-track { fill: var(--bad); stroke: var(--bad); }
        .chart .judged-point.status-within-tolerance { fill: #e0a526; stroke: var(--warn); }
        .chart .judged-point.status-on-track { fill: var(--good); stroke: var(--good); }
        .chart .target { fill: none; stroke: #333; stroke-width: 1.3; stroke-dasharray: 5 3; }
        .chart .judged { stroke: #777; stroke-width: 1; stroke-dasharray: 1 2; }
        .legend { font-size: 9pt; color: var(--muted); }
        .note { font-size: 9.5pt; color: var(--muted); }
        .none { font-style: italic; color: var(--muted); }
        footer { margin-top: 2em; font-size: 9pt; color: var(--muted); }
        @page {
          size: A4;
          margin: 15mm 13mm 17mm;
          @bottom-left { content: "\(footer)"; font: 8pt "Liberation Sans", Arial, sans-serif; color: #555; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "Liberation Sans", Arial, sans-serif; color: #555; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          table { font-size: 8.5pt; }
          section.priority { break-before: page; }
          h2, h3, p.owner, p.lead { break-after: avoid; }
          .summary { break-before: page; }
          a { color: inherit; text-decoration: none; }
          .charts { grid-template-columns: 1fr 1fr; }
        }
        """
    }
}
