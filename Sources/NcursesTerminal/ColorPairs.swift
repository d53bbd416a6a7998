import CNcursesw
import Dashboard

/// Colour pairs allocated on first use for each (foreground, background) combination.
struct ColorPairs {
    /// The colour mode pairs are made for; `.none` always gives pair 0.
    let mode: ColorMode
    private var pairs: [PairKey: Int32] = [:]
    private var next: Int32 = 1

    private struct PairKey: Hashable {
        let foreground: Int32
        let background: Int32
    }

    /// Creates an empty allocator for `mode`.
    init(mode: ColorMode) { self.mode = mode }

    /// The pair number for `style`'s colours, allocating it if new; 0 (the default pair) when out of pairs.
    mutating func pair(for style: Style) -> Int32 {
        guard mode != .none else { return 0 }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard next < min(sc_color_pairs(), Int32(Int16.max)),
            init_pair(Int16(next), Int16(key.foreground), Int16(key.background)) != ERR
        else { return 0 }
        pairs[key] = next
        next += 1
        return pairs[key] ?? 0
    }

    /// The curses colour number, -1 for the terminal default.
    private func number(_ color: Color) -> Int32 {
        switch color.resolved(for: mode) {
        case .default: -1
        case .base(let base): Int32(base.rawValue)
        case .refined(let index, _): Int32(index)
        }
    }
}
