/// The keys the benchmark types into the dashboard, as tmux key names.
enum KeyScript {
    /// One round trip through the screens, from the Council Plan back to it: moves, drill downs, backs,
    /// period changes (always earlier then later, so the period does not drift) and filters.
    static let cycle: [String] = [
        "g", "j", "j", "k",  // Council Plan
        "Enter", "j", "k", "Enter",  // a priority, then its first delivery plan
        "j", "j", "j", "NPage", "PPage", "k",  // moves in the delivery plan
        "Enter", "j", "j", "k", "[", "]",  // a measure: periods, and a period change
        "Left", "/", "k", "b", "Enter", "j", "k", "Escape",  // back; filter the delivery plan's measures; clear it
        "Left", "[", "]",  // the priority, a period change
        "Left", "[", "]",  // the Council Plan, a period change
        "a", "j", "j", "k", "Enter",  // alerts, then one alert's measure in its place
        "Left", "Left", "Left", "Left",  // back up to the Council Plan
        "m", "j", "NPage", "k", "/", "o", "n", "Enter", "j", "Escape", "Left",  // my measures, filtered
    ]

    /// At least `count` keys: whole cycles.
    static func keys(atLeast count: Int) -> [String] {
        let rounds = (count + cycle.count - 1) / cycle.count
        return Array(repeating: cycle, count: rounds).flatMap { $0 }
    }

    /// Cursor moves for counting bytes per move: on the Council Plan, a delivery plan's table, and the
    /// long list of my measures (which scrolls). Moves that change nothing are left out of the figure.
    static let cursorMoves: [(keys: [String], counted: Bool)] = [
        (Array(repeating: "j", count: 6) + Array(repeating: "k", count: 6), true),
        (["Enter", "Enter"], false),
        (Array(repeating: "j", count: 20) + Array(repeating: "k", count: 20), true),
        (["Left", "Left", "m"], false),
        (Array(repeating: "j", count: 80), true),
        (["Left", "g"], false),
    ]
}
