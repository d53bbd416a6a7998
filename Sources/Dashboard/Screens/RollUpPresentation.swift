import ScorecardKit

/// How a roll-up is shown: counts with symbols, and a proportion bar.
struct RollUpPresentation {
    let rollUp: RollUp
    let theme: Theme

    /// The statuses shown in counts, in order.
    static let shown: [Status] = [.onTrack, .withinTolerance, .offTrack, .overdue, .noData, .notJudged, .inDevelopment]

    /// One item per status with a non-zero count: `● 12 on track`.
    func summaryItems() -> [Span] {
        let items = Self.shown.filter { rollUp[$0] > 0 }.map { status in
            Span("\(theme.symbol(for: status)) \(Self.grouped(rollUp[status])) \(status.label.lowercased())", style: theme.style(for: status))
        }
        return items.isEmpty ? [Span("No measures", style: theme.muted)] : items
    }

    /// A count as every count on screen is written: `2,962`.
    static func grouped(_ count: Int) -> String { NumberText.grouped(Double(count), decimals: 0) }

    /// Writes `leading`, the status counts and `trailing`, two spaces apart, wrapping between items onto
    /// as many of `area`'s rows as it has. The counts come first: when they and `leading` (a priority's lead)
    /// do not all fit, `leading` gives way (figures are what the screen is for); a line too long for the area
    /// is cut with an ellipsis.
    func writeSummary(leading: Span? = nil, trailing: Span? = nil, into buffer: inout ScreenBuffer, area: Rect) {
        func wrapped(_ items: [Span]) -> [[Span]] {
            var lines: [[Span]] = [[]]
            for item in items where !item.text.isEmpty {
                let line = lines[lines.count - 1]
                let width = line.displayWidth + (line.isEmpty ? 0 : 2) + item.text.displayWidth
                if width > area.width, !line.isEmpty {
                    lines.append([item])
                } else {
                    lines[lines.count - 1] += (line.isEmpty ? [] : [Span("  ")]) + [item]
                }
            }
            return lines
        }
        let counts = summaryItems() + [trailing].compactMap { $0 }
        var lines = wrapped([leading].compactMap { $0 } + counts)
        if lines.count > area.height, leading != nil { lines = wrapped(counts) }
        for (row, line) in lines.prefix(area.height).enumerated() {
            buffer.write(spans: line.fitted(toWidth: area.width, ellipsis: theme.glyphs.ellipsis, separator: "  "), in: area.row(row))
        }
    }

    /// A count cell for one status: the number, blank when zero.
    func count(_ status: Status) -> Table.Item {
        let n = rollUp[status]
        return Table.Item(n == 0 ? "" : "\(n)", style: n == 0 ? theme.muted : theme.style(for: status))
    }

    /// The bar's shades, in order, with what each stands for: the key that the plan screen and help show.
    static func shades(unicode: Bool) -> [(glyph: String, meaning: String)] {
        [
            (unicode ? "█" : "#", "on track"), (unicode ? "▓" : "=", "at risk"), (unicode ? "▒" : "x", "off track"),
            (unicode ? "░" : "?", "missing"), (unicode ? "·" : ".", "not judged"),
        ]
    }

    /// A bar `width` cells wide split in proportion to on track, at risk, off track, missing (overdue or no
    /// data) and not judged (or in development), each in its own shade (``shades(unicode:)``) so it reads
    /// without colour. Spans, for colour.
    func bar(width: Int) -> [Span] {
        let total = rollUp.measures
        guard total > 0, width > 0 else { return [Span(String(repeating: " ", count: max(0, width)))] }
        let shades = Self.shades(unicode: theme.glyphs.isUnicode).map(\.glyph)
        let missing = rollUp[.overdue] + rollUp[.noData]
        let parts: [(Int, String, Style)] = [
            (rollUp[.onTrack], shades[0], theme.good),
            (rollUp[.withinTolerance], shades[1], theme.warning),
            (rollUp[.offTrack], shades[2], theme.bad),
            (missing, shades[3], theme.noData),
            (total - rollUp[.onTrack] - rollUp[.withinTolerance] - rollUp[.offTrack] - missing, shades[4], theme.noData),
        ]
        // Largest-remainder apportionment, so the cells add up to the width exactly.
        let exact = parts.map { Double($0.0) * Double(width) / Double(total) }
        var cells = exact.map { Int($0) }
        let order = exact.indices.sorted { exact[$0] - Double(cells[$0]) > exact[$1] - Double(cells[$1]) }
        for i in order.prefix(width - cells.reduce(0, +)) { cells[i] += 1 }
        // Every part with a measure shows, a cell taken from the largest: one off-track measure of twenty in ten
        // cells had none, and the bar read as nothing off track.
        for i in parts.indices where parts[i].0 > 0 && cells[i] == 0 {
            guard let largest = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[largest] > 1 else { break }
            cells[largest] -= 1
            cells[i] += 1
        }
        return zip(parts, cells).filter { $1 > 0 }.map { Span(String(repeating: $0.1, count: $1), style: $0.2) }
    }
}

extension ScreenBuffer {
    /// Writes spans on one line, clipped to `area`'s width.
    @discardableResult
    mutating func write(spans: [Span], in area: Rect) -> Int {
        write(spans: spans, x: area.x, y: area.y, maxWidth: area.width)
    }
}
