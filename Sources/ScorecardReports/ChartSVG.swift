import Foundation
import ScorecardKit

/// Draws a measure's chart as inline SVG: its values as a solid line with points, its targets as a dashed line,
/// the reporting period marked by a dotted rule and a ringed point, and withheld values as `*` on the axis
/// (never at their height). The scale is set by the values shown and the targets alone.
enum ChartSVG {
    static let width = 340.0
    static let height = 150.0
    /// The room left of the plot for the scale's labels, at least; more when a label is longer (123,480,000,000
    /// was cut to "80,000,000" at the chart's edge).
    static let minimumLeft = 50.0
    /// About the width of a character of a scale label, for making room for the longest.
    static let labelCharacterWidth = 5.6
    static let right = 12.0
    static let top = 10.0
    static let bottom = 30.0

    /// A round step for the scale near `rough`: 1, 2 or 5 times a power of ten, and never finer than the
    /// measure's decimals show (so that a label written to those decimals is exactly its gridline's value).
    static func roundStep(_ rough: Double, decimals: Int) -> Double {
        var finest = 1.0
        for _ in 0..<max(0, min(decimals, 9)) { finest /= 10 }
        guard rough.isFinite, rough > finest else { return finest }
        let power = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        return max(step, finest)
    }

    /// Writes the chart of `series`, titled for screen readers by `title`; `id` must be unique in the document.
    static func write(_ series: ChartSeries, id: String, title: String, into html: inout HTMLText) {
        let points = series.points
        // The scale from the finite values alone (a database damaged by hand may hold an infinite one).
        var shown = (points.compactMap(\.value) + points.compactMap(\.target)).filter(\.isFinite)
        // With every value withheld, the targets alone set the scale: from zero, so a target of 3 then 5 is not
        // drawn as a cliff (and the scale, whose small labels are withheld too, has one to read from).
        if points.allSatisfy({ $0.value == nil }), !shown.isEmpty, shown.allSatisfy({ $0 >= 0 }) { shown.append(0) }
        html.open("svg", [
            "class": "chart", "viewBox": "0 0 \(Int(width)) \(Int(height))", "role": "img",
            "aria-labelledby": "\(id)-title \(id)-desc",
        ])
        html.element("title", ["id": "\(id)-title"], text: title)
        html.element("desc", ["id": "\(id)-desc"], text: description(series))
        defer { html.raw("</svg>") }
        guard !points.isEmpty, var low = shown.min(), var high = shown.max() else {
            html.element("text", ["x": "\(Int(width / 2))", "y": "\(Int(height / 2))", "class": "empty"], text: "No values to chart")
            return
        }
        let (least, most) = (low, high)
        if high - low < 1e-9 {
            let pad = max(abs(high) * 0.1, 1)
            low -= pad
            high += pad
        } else {
            let pad = (high - low) * 0.1
            // A scale that starts at zero when the values are all near it, as readers expect of counts.
            low = low >= 0 && low - pad < 0 ? 0 : low - pad
            high += pad
        }
        // Four or so steps: two left up to 40% of the chart empty (values to 600 on a scale to 1,000).
        let step = roundStep((high - low) / 4, decimals: series.decimals)
        (low, high) = ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step)
        if most - least >= 1e-9 {
            // The pad is room beside the values, not a reason for a whole step more: values up to 1,000 on a
            // scale to 2,000 left half the chart empty.
            high = min(high, (most / step).rounded(.up) * step)
            low = max(low, (least / step).rounded(.down) * step)
        }
        // Never past what the values can be when none is: below 0, or above 100%.
        if least >= 0 { low = max(low, 0) }
        if series.unit.isPercentage, most <= 100 { high = min(high, 100) }
        let gridlines = (0...min(Int(((high - low) / step).rounded()), 10)).map { low + Double($0) * step }
        let longestLabel = gridlines.filter(series.mayLabel).map { series.scaleLabel($0).count }.max() ?? 0
        let left = max(Self.minimumLeft, 8 + Self.labelCharacterWidth * Double(longestLabel))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ i: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(i) / Double(points.count - 1)
        }
        func y(_ v: Double) -> Double { top + plotHeight * (high - v) / (high - low) }

        // Gridlines and the scale: every whole step, each labelled with exactly the value it is drawn at.
        for v in gridlines {
            let yy = coordinate(y(v))
            html.raw("<line class=\"grid\" x1=\"\(coordinate(left))\" y1=\"\(yy)\" x2=\"\(coordinate(width - right))\" y2=\"\(yy)\"/>")
            if series.mayLabel(v) {
                html.element("text", ["class": "scale", "x": coordinate(left - 4), "y": coordinate(y(v) + 3)], text: series.scaleLabel(v))
            }
        }
        // The period labels: the first, the middle and the last.
        let last = points.count - 1
        for i in Set([0, points.count / 2, last]).sorted() {
            // The first and last labels are aligned to their ends of the axis, so neither runs off the chart.
            let anchor = points.count == 1 ? "middle" : i == 0 ? "start" : i == last ? "end" : "middle"
            html.element(
                "text", ["class": "period", "x": coordinate(x(i)), "y": coordinate(height - bottom + 14), "text-anchor": anchor],
                text: points[i].period.shortLabel)
        }
        if let judged = series.judged, let i = points.firstIndex(where: { $0.period == judged }) {
            html.raw("<line class=\"judged\" x1=\"\(coordinate(x(i)))\" y1=\"\(coordinate(top))\" x2=\"\(coordinate(x(i)))\" y2=\"\(coordinate(height - bottom))\"/>")
        }
        // A year-to-date measure's lines start afresh each April: March's total falling to April's is no change.
        let restarts = Set(
            points.indices.dropFirst().filter {
                series.cumulative && points[$0].period.kind < .financialYear
                    && points[$0].period.financialYearStart != points[$0 - 1].period.financialYearStart
            })
        polylines(
            points.indices.map { i in points[i].target.map { (x(i), y($0)) } }, restarts: restarts,
            stepped: !series.cumulative || points.first.map { $0.period.kind >= .financialYear } ?? true, className: "target",
            within: left...max(left, width - right), into: &html)
        polylines(points.indices.map { i in points[i].value.map { (x(i), y($0)) } }, restarts: restarts, className: "value", into: &html)
        for (i, point) in points.enumerated() {
            if let value = point.value {
                let isJudged = point.period == series.judged
                let judgedClass = "point judged-point" + (series.judgedStatus.map { " status-\($0.key)" } ?? "")
                html.raw("<circle class=\"\(isJudged ? judgedClass : "point")\" cx=\"\(coordinate(x(i)))\" cy=\"\(coordinate(y(value)))\" r=\"\(isJudged ? 4 : 2.2)\"/>")
            } else if point.withheld {
                html.element(
                    "text", ["class": "withheld", "x": coordinate(x(i)), "y": coordinate(height - bottom - 3)], text: "*")
            }
        }
    }

    /// Lines through consecutive points, broken where one is missing (a missing value is a gap, not a slope) and
    /// before each index in `restarts`. `stepped`: each point holds until halfway to the next, where the line
    /// steps to it (a target for its own period: no slope through targets no period had).
    private static func polylines(
        _ points: [(Double, Double)?], restarts: Set<Int>, stepped: Bool = false, className: String,
        within plot: ClosedRange<Double> = -Double.infinity...Double.infinity, into html: inout HTMLText
    ) {
        var run: [(Double, Double)] = []
        func flush() {
            if run.count > 1 {
                let list = run.map { "\(coordinate($0.0)),\(coordinate($0.1))" }.joined(separator: " ")
                html.raw("<polyline class=\"\(className)\" points=\"\(list)\"/>")
            } else if let only = run.first, className == "target" {
                // Wider than the judged point's ring (r 4), which would hide a target close to its value.
                let (x1, x2) = (max(plot.lowerBound, only.0 - 10), min(plot.upperBound, only.0 + 10))
                html.raw("<line class=\"target\" x1=\"\(coordinate(x1))\" y1=\"\(coordinate(only.1))\" x2=\"\(coordinate(x2))\" y2=\"\(coordinate(only.1))\"/>")
            }
            run.removeAll(keepingCapacity: true)
        }
        for (index, point) in points.enumerated() {
            if restarts.contains(index) { flush() }
            guard let point else {
                flush()
                continue
            }
            if stepped, let last = run.last, last.1 != point.1 {
                let middle = (last.0 + point.0) / 2
                run.append((middle, last.1))
                run.append((middle, point.1))
            }
            run.append(point)
        }
        flush()
    }

    /// What the chart shows, in words, for screen readers.
    static func description(_ series: ChartSeries) -> String {
        guard let first = series.points.first?.period, let last = series.points.last?.period else { return "No values." }
        var parts = ["\(first.label) to \(last.label)."]
        if let judged = series.judged, let point = series.points.first(where: { $0.period == judged }) {
            var latest = "\(judged.label): "
            latest += point.withheld ? "value withheld" : point.value.map(series.format).map { $0 + (point.isDraft ? " (draft)" : "") } ?? "no value"
            if let target = point.target { latest += ", target \(series.formatTarget(target))" }
            parts.append(latest + ".")
        }
        if series.points.contains(where: \.withheld) { parts.append("Values marked * are withheld to protect individuals.") }
        return parts.joined(separator: " ")
    }

    /// A coordinate to one decimal place: `123.4`, in integer arithmetic (a report at 10,000 measures writes about
    /// a million of them; this needs no formatter and is the same on every machine). Whatever the value (one from
    /// a damaged database may be infinite), it never traps.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int(saturating: (value * 10).rounded())
        let whole = tenths / 10
        let fraction = abs(tenths % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
