import Foundation

/// A line chart of a measure's history with y-axis labels, x-axis labels, a dashed target line and a marked period.
///
/// Unicode terminals get braille (2 x 4 dots per cell); ASCII terminals get `*` for values, `.` between them,
/// `-` for the target and `:` for the marked period.
public struct LineChart: Widget, Sendable {
    /// Values oldest first; `nil` breaks the line.
    public var values: [Double?]
    /// One label per value (e.g. "Q1"); empty strings are skipped. Labels that would collide are dropped.
    public var xLabels: [String]
    /// The target in force at each value (targets change between years), drawn as a dashed line that
    /// steps where the target changes; `nil` entries leave gaps.
    public var targets: [Double?]
    /// The index of the value to mark (the reporting period), drawn as a dotted vertical line.
    public var markedIndex: Int?
    /// The y range; by default the values' (and target's) minimum to maximum.
    public var yRange: ClosedRange<Double>?
    /// An XmR chart's mean and process limits, drawn faintly over the values they were taken from.
    public var process: ProcessLines?
    /// The values that are special-cause variation, drawn apart (`o` on ASCII terminals).
    public var special: Set<Int> = []
    /// Comparators' values at each value (England's, the region's), each drawn as a dotted line joining the
    /// periods it has.
    public var comparators: [[Double?]] = []
    /// The values that start afresh, not joined to the one before by the value or target line: each April of a
    /// year-to-date measure (a fall from March's 8.1 to April's 2.6 is the count restarting, not improving).
    public var restarts: Set<Int> = []
    /// Whether each target holds for its own period (not a year-to-date share rising through the year): a change
    /// is drawn as a step halfway between the periods, not a slope through targets no period had.
    public var targetsHold = false
    /// Whether each comparator's figure holds for a longer period than the chart's (a calendar year's across its
    /// months): a change is drawn as a step at the periods' boundary, not a slope across it.
    public var comparatorsHold = false

    /// The mean and process limits of an XmR chart over the values `from...to`.
    public struct ProcessLines: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var mean: Double
        public var lower: Double
        public var upper: Double

        public init(from: Int, to: Int, mean: Double, lower: Double, upper: Double) {
            self.from = from
            self.to = to
            self.mean = mean
            self.lower = lower
            self.upper = upper
        }
    }
    /// Formats y-axis labels (e.g. with the measure's unit and decimal places).
    public var formatY: @Sendable (Double) -> String
    /// The decimal places `formatY` writes, when it writes a fixed number: the middle label is then a value with
    /// no more (the roundest its row holds: 10.0 where the target of 10 is drawn, not the row's centre, 9.93,
    /// written 9.9), so that it is exactly a value on its row.
    public var labelPlaces: Int?
    /// The least and most a value can be (a percentage's 0 and 100): a flat chart's scale is widened within them.
    public var lowest: Double?
    public var highest: Double?
    /// Styles and glyphs.
    public var theme: Theme

    /// Creates a chart with one target per value.
    public init(
        values: [Double?], xLabels: [String] = [], targets: [Double?], markedIndex: Int? = nil,
        yRange: ClosedRange<Double>? = nil, theme: Theme, formatY: @escaping @Sendable (Double) -> String
    ) {
        self.values = values
        self.xLabels = xLabels
        self.targets = targets
        self.markedIndex = markedIndex
        self.yRange = yRange
        self.theme = theme
        self.formatY = formatY
    }

    /// Creates a chart with one target throughout (or none).
    public init(
        values: [Double?], xLabels: [String] = [], target: Double? = nil, markedIndex: Int? = nil,
        yRange: ClosedRange<Double>? = nil, theme: Theme, formatY: @escaping @Sendable (Double) -> String
    ) {
        self.init(
            values: values, xLabels: xLabels, targets: Array(repeating: target, count: values.count),
            markedIndex: markedIndex, yRange: yRange, theme: theme, formatY: formatY)
    }

    /// The y range drawn: `yRange`, or the data and targets, widened when flat.
    public var effectiveRange: ClosedRange<Double> {
        if let yRange, yRange.upperBound > yRange.lowerBound { return yRange }
        let all = values.compactMap { $0 } + targets.compactMap { $0 } + (process.map { [$0.lower, $0.upper] } ?? [])
            + comparators.flatMap { $0.compactMap { $0 } }
        let low = all.min() ?? 0, high = all.max() ?? 1
        if high > low || !high.isFinite || !low.isFinite { return low...max(low, high) }
        let pad = max(1, abs(low) * 0.1)
        // Never past what a value can be: 100% throughout is drawn from 90% to 100%, not to 110%.
        let bottom = max(low - pad, lowest.map { min($0, low) } ?? -.infinity)
        let top = min(high + pad, highest.map { max($0, high) } ?? .infinity)
        return top > bottom ? bottom...top : (low - pad)...(high + pad)
    }

    /// Draws axes, labels and the plot into `area` (needs at least 3 rows; smaller areas stay blank).
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height >= 3 else { return }
        let range = effectiveRange
        let plotHeight = area.height - 2
        let braille = theme.glyphs.chart == .braille
        let yLabels = yAxisLabels(range: range, rows: plotHeight, dotsPerRow: braille ? 4 : 1)
        let labelWidth = yLabels.map { $0.text.displayWidth }.max() ?? 0
        guard area.width >= labelWidth + 3 else { return }
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: plotHeight)

        for label in yLabels {
            let text = String(repeating: " ", count: labelWidth - label.text.displayWidth) + label.text
            buffer.write(text, x: area.x, y: plot.y + label.row, style: theme.muted)
        }
        let glyphs = theme.glyphs
        for y in plot.y..<plot.maxY { buffer.write(glyphs.border.vertical, x: plot.x - 1, y: y, style: theme.border) }
        buffer.write(
            glyphs.border.bottomLeft + String(repeating: glyphs.border.horizontal, count: plot.width),
            x: plot.x - 1, y: plot.maxY, style: theme.border)

        let canvas = drawCanvas(
            width: plot.width * (braille ? 2 : 1), height: plot.height * (braille ? 4 : 1), range: range,
            dash: braille ? 2 : 1)
        if braille { paintBraille(canvas, into: &buffer, plot: plot) } else { paintASCII(canvas, into: &buffer, plot: plot) }
        writeXLabels(into: &buffer, y: plot.maxY + 1, plot: plot, dotsPerCell: braille ? 2 : 1, dotWidth: canvas.width)
    }

    /// The dot column of value `index` on a canvas `width` dots wide.
    func dotX(_ index: Int, width: Int) -> Int {
        guard values.count > 1 else { return width / 2 }
        return Int((Double(index) * Double(width - 1) / Double(values.count - 1)).rounded())
    }

    /// Labels for the top and bottom rows, and the middle row when there are at least five; each row is
    /// `dotsPerRow` of the canvas's rows of dots (4 in braille).
    private func yAxisLabels(range: ClosedRange<Double>, rows: Int, dotsPerRow: Int) -> [(row: Int, text: String)] {
        guard rows > 1 else { return [(0, formatY(range.upperBound))] }
        var labels = [(0, formatY(range.upperBound)), (rows - 1, formatY(range.lowerBound))]
        if rows >= 5 {
            let middle = rows / 2
            // The values the middle row's dots are drawn for (a value's dot is its place on the canvas, rounded:
            // see drawCanvas): their centre, and half their spread. Halves of the range, so that a range wider
            // than the largest Double does not overflow.
            let dots = Double(rows * dotsPerRow - 1)
            let half = range.upperBound / 2 - range.lowerBound / 2
            let centre = range.upperBound - (Double(middle * dotsPerRow) + Double(dotsPerRow - 1) / 2) / dots * half * 2
            let halfRow = Double(dotsPerRow) / dots * half
            let value = labelPlaces.flatMap { Self.roundest(around: centre, within: halfRow, places: $0) } ?? centre
            labels.insert((middle, formatY(value)), at: 1)
        }
        return labels
    }

    /// The roundest value within `half` of `centre` with at most `places` decimals (a power of ten, else five
    /// or two times one), or `nil` when there is none. A value `half` below the centre is the next row's (its dot
    /// rounds down the canvas), so not taken.
    static func roundest(around centre: Double, within half: Double, places: Int) -> Double? {
        guard centre.isFinite, half.isFinite, half > 0 else { return nil }
        let finest = pow(10, Double(-places))
        var exponent = Int(log10(abs(centre) + half).rounded(.up))
        while exponent >= -places {
            let power = pow(10, Double(exponent))
            for step in [power, power / 2, power / 5] where step >= finest * 0.999 {
                let candidate = (centre / step).rounded() * step
                if candidate > centre - half, candidate <= centre + half { return candidate }
            }
            exponent -= 1
        }
        return nil
    }
}
