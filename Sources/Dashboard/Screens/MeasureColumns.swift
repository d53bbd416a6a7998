import ScorecardKit

/// The columns of a table of measures, chosen for the width available, and each measure's cells.
struct MeasureColumns {
    let context: RenderContext
    let width: Int
    /// Adds an owner column (for "my measures"), where it leaves the titles room to be read.
    private(set) var showOwner = false
    /// Room for the comparison with England beside the status, in a list that has a measure with comparators.
    private let showsEngland: Bool
    /// The latest value's width: two more where there is room and a draft's mark would otherwise push its unit
    /// out (`21.5 weeks ✎`, not `21.5 ✎` beside a target of `23.0 weeks`).
    private var latestWidth = 10

    /// Whether the trend's sparkline is shown (a narrow list of my measures gives its room to the due dates).
    private let showsTrend: Bool

    /// The columns for a list `width` wide of `measures` (`nil`: any of the council's), with the trend's sparkline
    /// unless `showsTrend` is false.
    init(context: RenderContext, width: Int, showOwner: Bool = false, measures: [Int]? = nil, showsTrend: Bool = true) {
        self.context = context
        self.width = width
        self.showsTrend = showsTrend
        let all = context.council.measures
        showsEngland = width >= 120
            && (measures.map { $0.contains { all[$0].comparators != nil } } ?? all.contains { $0.comparators != nil })
        // (No measure is looked at when the model holds no draft: a member's lists, and most of the time.)
        let anyDraft = !context.model.drafts.isEmpty
            && (measures.map { $0.contains(where: context.isJudgedOnDraft) } ?? all.indices.contains(where: context.isJudgedOnDraft))
        // Taken from the titles while they keep 16 columns (a delivery plan's list does at 80 columns).
        if anyDraft {
            latestWidth = 12
            if Self.flexibleRoom(width: width, columns: columns(owner: false)) < 16 { latestWidth = 10 }
        }
        // The owner only where the titles keep 30 columns and the owners 10 (at 120 columns, with England and
        // the process shown, a search's rows all read "People…  Kerr…").
        self.showOwner = showOwner && Self.flexibleRoom(width: width, columns: columns(owner: true)) >= 40
    }

    /// The columns a table `width` wide leaves to its flexible columns, with a space between each two.
    private static func flexibleRoom(width: Int, columns: [Table.Column]) -> Int {
        let fixed = columns.reduce(0) { total, column in
            if case .fixed(let size) = column.width { total + size } else { total }
        }
        return width - fixed - (columns.count - 1)
    }

    private var wide: Bool { width >= 110 }
    /// Room for the process-control icons beside the status.
    private var showsProcess: Bool { width >= 120 }
    private var trendWidth: Int { width >= 140 ? 24 : width >= 100 ? 16 : 8 }

    var columns: [Table.Column] { columns(owner: showOwner) }

    private func columns(owner: Bool) -> [Table.Column] {
        var columns = [
            Table.Column("Code", width: .fixed(context.model.codeWidth)),
            Table.Column("Measure", width: .flexible(3)),
        ]
        if owner { columns.append(Table.Column("Owner", width: .flexible(1))) }
        if wide { columns.append(Table.Column("Period", width: .fixed(8))) }
        columns += [
            Table.Column("Latest", width: .fixed(latestWidth), alignment: .right),
            Table.Column("Target", width: .fixed(10), alignment: .right),
            Table.Column("Status", width: .fixed(wide ? 16 : 12)),
        ]
        if showsProcess { columns.append(Table.Column("SPC", width: .fixed(3))) }
        if showsEngland { columns.append(Table.Column("England", width: .fixed(9))) }
        columns.append(Table.Column(wide ? "Travel" : "", width: .fixed(wide ? 12 : 1)))  // "↗ Increasing"
        if showsTrend { columns.append(Table.Column("Trend", width: .fixed(trendWidth))) }
        return columns
    }

    func cells(for m: Int) -> [Table.Item] {
        let theme = context.theme
        let measure = context.council.measures[m]
        let judged = context.evaluation.measures[m]
        var cells = [
            Table.Item(context.text(measure.code)),
            Table.Item(context.text(measure.title)),
        ]
        if showOwner { cells.append(Table.Item(context.text(measure.owner), style: theme.muted)) }
        if wide { cells.append(Table.Item(judged.period?.shortLabel ?? "", style: theme.muted)) }
        let status = wide ? theme.badge(for: judged.status) : "\(theme.symbol(for: judged.status)) \(judged.status.shortLabel)"
        // A draft's value is marked, and in the warning colour: owners and officers must tell it from a published one.
        let draft = context.isJudgedOnDraft(m)
        cells += [
            draft
                ? Table.Item(context.format(judged.value, of: measure, width: latestWidth - 2) + " " + context.draftMark, style: theme.warning)
                : Table.Item(
                    judged.observation?.isWithheld == true
                        ? RenderContext.withheldMark : context.format(judged.value, of: measure, width: latestWidth)),
            Table.Item(judged.target.map { context.formatTarget($0, of: measure, width: 10) } ?? "", style: theme.muted),
            Table.Item(status, style: theme.style(for: judged.status)),
        ]
        if showsProcess {
            let control = judged.process
            cells.append(Table.Item(theme.processIcons(control), style: theme.style(for: control?.variation)))
        }
        if showsEngland {
            let england = judged.comparison?.comparedToEngland
            cells.append(Table.Item(theme.badge(for: england), style: theme.style(for: england)))
        }
        cells.append(
            Table.Item(wide ? theme.travel(judged.sincePrevious) : theme.arrow(for: judged.sincePrevious), style: theme.style(for: judged.sincePrevious)))
        if showsTrend {
            cells.append(
                Table.Item(Sparkline(values: context.history(of: m, upTo: judged.period, count: trendWidth), glyphs: theme.glyphs).text(width: trendWidth),
                           style: theme.chartLine))
        }
        return cells
    }
}

extension Status {
    /// A label that fits 10 columns: "In dev." for in development.
    var shortLabel: String {
        switch self {
        case .inDevelopment: "In dev."
        case .notJudged: "Not judged"
        default: label
        }
    }
}
