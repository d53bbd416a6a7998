import ArgumentParser

/// A first word that is no command (`scorecard stauts`): ArgumentParser gave it to the default command, the
/// dashboard, and printed the dashboard's usage after "Unexpected argument". This names the command meant.
struct UnknownCommand: Error, CustomStringConvertible {
    let word: String
    let names: [String]

    /// The error for `arguments` (without the program's name) when their first word is neither an option nor one
    /// of `names` (nor `help`); `nil` otherwise.
    init?(_ arguments: [String], names: [String]) {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !names.contains(first) else { return nil }
        word = first
        self.names = names
    }

    /// The command nearest the word: at most two letters added, dropped, changed or swapped, or one it begins.
    var suggestion: String? {
        let lower = word.lowercased()
        if let named = names.first(where: { $0 == lower }) { return named }
        let near = names.map { ($0, Self.distance(lower, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        return near?.0 ?? names.first { lower.count >= 3 && $0.hasPrefix(lower) }
    }

    var description: String {
        let said = "\(word.terminalSafe.excerpt()) is not a scorecard command"
        guard let suggestion else { return said + " (`scorecard --help` lists them)" }
        return said + ": did you mean `scorecard \(suggestion)`?"
    }

    /// The optimal string alignment distance: letters added, dropped, changed, or two side by side swapped.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
