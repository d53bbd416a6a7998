/// How much of a split one part takes.
public enum LayoutSize: Hashable, Sendable {
    /// Exactly this many cells (fewer if the space runs out).
    case fixed(Int)
    /// A share of what the fixed parts leave, by weight.
    case fill(Int)
}

extension Rect {
    /// Splits the rectangle top to bottom into rows sized by `sizes`.
    public func splitRows(_ sizes: [LayoutSize]) -> [Rect] {
        Self.distribute(height, sizes).map { part in
            Rect(x: x, y: y + part.offset, width: width, height: part.length)
        }
    }

    /// Splits the rectangle left to right into columns sized by `sizes`, with `spacing` cells between them.
    public func splitColumns(_ sizes: [LayoutSize], spacing: Int = 0) -> [Rect] {
        let gaps = max(0, sizes.count - 1) * spacing
        return Self.distribute(max(0, width - gaps), sizes).enumerated().map { index, part in
            Rect(x: x + part.offset + index * spacing, y: y, width: part.length, height: height)
        }
    }

    /// Fixed parts first (in order, until space runs out), then fills share the rest; the last fill takes the remainder.
    private static func distribute(_ total: Int, _ sizes: [LayoutSize]) -> [(offset: Int, length: Int)] {
        var remaining = total
        var lengths = sizes.map { size -> Int in
            guard case .fixed(let n) = size else { return 0 }
            let length = min(max(0, n), remaining)
            remaining -= length
            return length
        }
        let weights = sizes.map { size -> Int in
            if case .fill(let weight) = size { return max(0, weight) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            let share = remaining
            var given = 0
            let lastFill = weights.lastIndex { $0 > 0 }
            for index in weights.indices where weights[index] > 0 {
                let length = index == lastFill ? share - given : share * weights[index] / totalWeight
                lengths[index] = length
                given += length
            }
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length }
            return (offset, length)
        }
    }
}
