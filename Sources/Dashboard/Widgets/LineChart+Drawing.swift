extension LineChart {
    /// Plots the marker, target, lines and points on a dot canvas.
    func drawCanvas(width: Int, height: Int, range: ClosedRange<Double>, dash: Int) -> DotCanvas {
        var canvas = DotCanvas(width: width, height: height)
        func dotY(_ value: Double) -> Int {
            let y = ((1 - value.fraction(between: range.lowerBound, and: range.upperBound)) * Double(height - 1)).rounded()
            return min(height - 1, max(0, Int(saturating: y)))
        }
        // The process mean and limits: a dot every fourth column, under everything else.
        if let process, values.indices.contains(process.from), values.indices.contains(process.to), process.from <= process.to {
            let start = dotX(process.from, width: width), end = dotX(process.to, width: width)
            for level in [process.lower, process.mean, process.upper] where level.isFinite {
                guard range.contains(level) else { continue }
                for x in stride(from: start, through: end, by: 4) { canvas.set(x: x, y: dotY(level), .limit) }
            }
        }
        // The comparators, joining the periods that have a value, each in dots of its own (one grey for both):
        // England a dot every second column, the region two side by side every sixth; the limits' are every fourth.
        for (index, comparator) in comparators.enumerated() {
            let layer: DotCanvas.Layer = index == 0 ? .england : .region
            func drawn(_ x: Int) -> Bool { index == 0 ? x % 2 == 0 : x % 6 < 2 }
            let points = comparator.indices.compactMap { index in
                comparator[index].map { (x: dotX(index, width: width), y: dotY($0)) }
            }
            for (from, to) in zip(points, points.dropFirst()) {
                for x in from.x...max(from.x, to.x) where drawn(x) {
                    // Held: the earlier figure up to halfway, then the later one.
                    let t = comparatorsHold ? (2 * (x - from.x) < to.x - from.x ? 0 : 1) : to.x == from.x ? 0 : Double(x - from.x) / Double(to.x - from.x)
                    canvas.set(x: x, y: Int(saturating: (Double(from.y) + Double(to.y - from.y) * t).rounded()), layer)
                }
            }
            if points.count == 1, let only = points.first { canvas.set(x: only.x, y: only.y, layer) }
        }
        if let markedIndex, values.indices.contains(markedIndex) {
            let x = dotX(markedIndex, width: width)
            for y in stride(from: 0, to: height, by: 2) { canvas.set(x: x, y: y, .marker) }
        }
        // The target: dashed, joining each period's target to the next (flat, stepped between years, or
        // rising with a cumulative profile).
        let targetPoints = targets.indices.map { index in
            (targets[index]).map { (x: dotX(index, width: width), y: Double(dotY($0))) }
        }
        for (index, (from, to)) in zip(targetPoints, targetPoints.dropFirst()).enumerated() {
            guard let from, let to, !restarts.contains(index + 1) else { continue }
            if targetsHold, from.y != to.y {
                let middle = (from.x + to.x) / 2
                for x in from.x...middle where (x / dash) % 2 == 0 { canvas.set(x: x, y: Int(saturating: from.y.rounded()), .target) }
                for x in middle...max(middle, to.x) where (x / dash) % 2 == 0 { canvas.set(x: x, y: Int(saturating: to.y.rounded()), .target) }
                continue
            }
            for x in from.x...max(from.x, to.x) where (x / dash) % 2 == 0 {
                let t = to.x == from.x ? 0 : Double(x - from.x) / Double(to.x - from.x)
                canvas.set(x: x, y: Int(saturating: (from.y + (to.y - from.y) * t).rounded()), .target)
            }
        }
        if values.count == 1, let only = targetPoints.first ?? nil {
            for x in 0..<width where (x / dash) % 2 == 0 { canvas.set(x: x, y: Int(saturating: only.y), .target) }
        } else {
            // A target joined to none beside it (April's, after a year-to-date restart): a short dash of its own,
            // reaching past a lone value's blot (two dots either side), which would hide a target close to it.
            for (index, point) in targetPoints.enumerated() {
                guard let point else { continue }
                let joinedBefore = index > 0 && targetPoints[index - 1] != nil && !restarts.contains(index)
                let joinedAfter = index + 1 < targetPoints.count && targetPoints[index + 1] != nil && !restarts.contains(index + 1)
                guard !joinedBefore, !joinedAfter else { continue }
                for x in max(0, point.x - 4 * dash)...min(width - 1, point.x + 4 * dash) where (x / dash) % 2 == 0 {
                    canvas.set(x: x, y: Int(saturating: point.y.rounded()), .target)
                }
            }
        }
        let points = values.enumerated().map { index, value in value.map { (x: dotX(index, width: width), y: dotY($0)) } }
        for (index, (from, to)) in zip(points, points.dropFirst()).enumerated() {
            if let from, let to, !restarts.contains(index + 1) { canvas.line(from: from, to: to, .line) }
        }
        for (index, point) in points.enumerated() {
            guard let point else { continue }
            let layer: DotCanvas.Layer = special.contains(index) ? .special : .point
            canvas.set(x: point.x, y: point.y, layer)
            // A value with no value beside it joins no line: a lone dot would be lost (under the marker, say), so
            // it is drawn as a small blot.
            let isolated =
                (index == 0 || points[index - 1] == nil || restarts.contains(index))
                && (index == points.count - 1 || points[index + 1] == nil || restarts.contains(index + 1))
            if isolated {
                for (dx, dy) in [(-2, 0), (-1, 0), (1, 0), (2, 0), (0, -1), (0, 1), (-1, -1), (-1, 1)] {
                    let (x, y) = (point.x + dx, point.y + dy)
                    if x >= 0, x < width, y >= 0, y < height { canvas.set(x: x, y: y, layer) }
                }
            }
        }
        return canvas
    }

    /// The style for a cell whose most important dot is on `layer`.
    func style(for layer: DotCanvas.Layer) -> Style {
        switch layer {
        case .point, .line: theme.chartLine
        case .special: theme.bad.adding(.bold)
        case .target: theme.chartTarget
        case .limit, .england, .region: theme.muted
        case .marker: theme.chartMarker
        case .empty: theme.text
        }
    }

    /// Paints 2 x 4 dots per cell as braille characters (U+2800 plus the dot bits).
    func paintBraille(_ canvas: DotCanvas, into buffer: inout ScreenBuffer, plot: Rect) {
        let bits: [[UInt32]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                var pattern: UInt32 = 0
                var top = DotCanvas.Layer.empty
                for dx in 0..<2 {
                    for dy in 0..<4 {
                        let layer = canvas[column * 2 + dx, row * 4 + dy]
                        guard layer != .empty else { continue }
                        pattern |= bits[dx][dy]
                        top = max(top, layer)
                    }
                }
                guard pattern != 0, let scalar = Unicode.Scalar(0x2800 + pattern) else { continue }
                buffer.put(Character(scalar), x: plot.x + column, y: plot.y + row, style: style(for: top))
            }
        }
    }

    /// Paints one dot per cell: `*` values, `o` special-cause values, `.` lines, `-` target, `:` marker, `_` process
    /// mean and limits, `e` England and `r` the region.
    func paintASCII(_ canvas: DotCanvas, into buffer: inout ScreenBuffer, plot: Rect) {
        let marks: [DotCanvas.Layer: Character] = [
            .point: "*", .special: "o", .line: ".", .target: "-", .marker: ":", .limit: "_", .england: "e", .region: "r",
        ]
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let layer = canvas[column, row]
                guard let mark = marks[layer] else { continue }
                buffer.put(mark, x: plot.x + column, y: plot.y + row, style: style(for: layer))
            }
        }
    }

    /// Writes x labels under their points: the first, the last and the marked one first, then others where they fit.
    func writeXLabels(into buffer: inout ScreenBuffer, y: Int, plot: Rect, dotsPerCell: Int, dotWidth: Int) {
        guard !xLabels.isEmpty else { return }
        let order = [markedIndex, 0, values.count - 1].compactMap { $0 } + Array(values.indices)
        var taken: [Range<Int>] = []
        var seen = Set<Int>()
        for index in order where seen.insert(index).inserted && xLabels.indices.contains(index) {
            let label = xLabels[index]
            let width = label.displayWidth
            guard width > 0, width <= plot.width else { continue }
            let center = plot.x + dotX(index, width: dotWidth) / dotsPerCell
            let start = min(max(plot.x, center - (width - 1) / 2), plot.maxX - width)
            let span = (start - 1)..<(start + width + 1)
            guard !taken.contains(where: { $0.overlaps(span) }) else { continue }
            taken.append(start..<(start + width))
            let style = index == markedIndex ? theme.chartMarker : theme.muted
            buffer.write(label, x: start, y: y, maxWidth: width, style: style)
        }
    }
}
