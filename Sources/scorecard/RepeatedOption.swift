import ArgumentParser

/// An option that takes one value given more than once: ArgumentParser keeps the last without a word (`publish
/// --period 2026-09 --period 2026-10` signed off October alone; `report --measure A --measure B` covered B), so a
/// repeat is refused. Options that take several (`--priority`, `publish --measure`) show `...` in the command's
/// usage, and may be repeated.
struct RepeatedOption: CustomStringConvertible {
    let name: String
    let values: [String]

    var description: String {
        let given = values.map { "\"\($0.excerpt())\"" }.joined(separator: " and ")
        return "\(name) is given \(values.count) times (\(given)): it takes one value; give it once"
    }

    /// The first option of `arguments` that `usage` shows taking one value and that is given more than once.
    init?(_ arguments: [String], usage: String) {
        var given: [String: [String]] = [:]
        var order: [String] = []
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let word = arguments[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else { continue }
            let (name, inline) = word.firstIndex(of: "=").map { (String(word[..<$0]), String(word[word.index(after: $0)...])) } ?? (word, nil)
            // An option taking a value: its usage is `--name <value>`; a flag's is `--name` alone.
            guard usage.contains("\(name) <") else { continue }
            let value = inline ?? (index < arguments.count ? arguments[index] : "")
            if inline == nil { index += 1 }
            if given[name] == nil { order.append(name) }
            given[name, default: []].append(value)
        }
        guard let name = order.first(where: { (given[$0]?.count ?? 0) > 1 && !Self.repeats(name: $0, in: usage) }) else { return nil }
        self.name = name
        values = given[name] ?? []
    }

    /// Whether `usage` shows option `name` as one that may be given more than once (`[--priority <code> ...]`).
    private static func repeats(name: String, in usage: String) -> Bool {
        var rest = Substring(usage)
        while let range = rest.range(of: "\(name) <") {
            let after = rest[range.upperBound...]
            if let close = after.firstIndex(of: ">"), after[close...].dropFirst().hasPrefix(" ...") { return true }
            rest = after
        }
        return false
    }
}
