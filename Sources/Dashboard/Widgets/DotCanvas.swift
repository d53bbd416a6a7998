/// A grid of dots for charts, each remembering the most important layer drawn on it.
struct DotCanvas {
    /// What a dot belongs to, in rising priority: a higher layer wins a shared cell's style.
    enum Layer: UInt8, Comparable {
        case empty = 0, limit, region, england, marker, target, line, point, special

        static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Dot columns.
    let width: Int
    /// Dot rows.
    let height: Int
    private var dots: [Layer]

    /// Creates an empty canvas.
    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        dots = Array(repeating: .empty, count: self.width * self.height)
    }

    /// The layer at (x, y); empty outside.
    subscript(x: Int, y: Int) -> Layer {
        guard x >= 0, x < width, y >= 0, y < height else { return .empty }
        return dots[y * width + x]
    }

    /// Marks (x, y) with `layer` unless a higher layer is already there.
    mutating func set(x: Int, y: Int, _ layer: Layer) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        dots[y * width + x] = max(dots[y * width + x], layer)
    }

    /// Draws a straight line of `layer` dots from (x0, y0) to (x1, y1) (Bresenham).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), _ layer: Layer) {
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            set(x: x, y: y, layer)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += sx
            }
            if doubled <= dx {
                error += dx
                y += sy
            }
        }
    }
}
