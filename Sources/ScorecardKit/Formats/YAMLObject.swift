/// A YAML mapping being read field by field, so that every error names its line and key, and keys that
/// were never read (misspellings) are reported rather than ignored.
struct YAMLObject: MeasureFields {
    let mapping: YAMLMapping
    let file: String
    /// What the mapping describes, for messages: "measure KBM-01".
    var context: String
    /// Which of the mapping's pairs have been read, by position.
    private var read: [Bool]

    init(_ node: YAMLNode, file: String, context: String) throws {
        guard case .mapping(let mapping) = node else {
            throw DataFileError(file: file, line: node.line, field: nil, message: "\(context) must be a mapping of keys to values")
        }
        self.mapping = mapping
        self.file = file
        self.context = context
        read = [Bool](repeating: false, count: mapping.pairs.count)
    }

    /// The line the mapping starts on.
    var line: Int { mapping.line }

    var origin: TableOrigin { TableOrigin(file: file) }

    func error(_ key: String, _ message: String) -> DataFileError {
        DataFileError(file: file, line: mapping[key]?.value.line ?? line, field: key, message: message)
    }

    /// The node under `key`, if present (and not null).
    mutating func node(_ key: String) -> YAMLNode? {
        guard let index = mapping.index(of: key) else { return nil }
        read[index] = true
        let node = mapping.pairs[index].value
        guard case .scalar(let scalar) = node, scalar.isPlain else { return node }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return nil
        default: return node
        }
    }

    /// The text under `key`; a mapping or list there is an error.
    mutating func string(_ key: String) throws -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else { throw error(key, "must be a single value, not a list or mapping") }
        return scalar.string
    }

    /// The items of the list under `key` (none when absent).
    mutating func list(_ key: String) throws -> [YAMLNode] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let items, _) = node else { throw error(key, "must be a list (items starting with \"- \")") }
        return items
    }

    /// The mapping under `key`, as (key text, key line, value node) in file order.
    mutating func pairs(_ key: String) throws -> [(key: String, line: Int, value: YAMLNode)] {
        guard let node = node(key) else { return [] }
        guard case .mapping(let mapping) = node else { throw error(key, "must be a mapping of keys to values") }
        return mapping.pairs.map { ($0.key.string, $0.key.line, $0.value) }
    }

    mutating func targets() throws -> [TargetText] {
        try pairs("targets").map { key, line, value in
            var text: String?
            if case .scalar(let scalar) = value { text = scalar.string }
            return TargetText(
                // The period is read by the measure's reader, which knows its frequency.
                periodText: key, period: nil, value: text,
                periodPlace: origin.place(line: line, field: "targets"), valuePlace: origin.place(line: value.line, field: "targets"))
        }
    }

    mutating func profile() throws -> [String?] {
        try list("profile").map { node in
            guard case .scalar(let scalar) = node else { return nil }
            return scalar.string
        }
    }

    func rejectUnknownKeys(allowed: [String]) throws {
        if let first = unknownKeys(allowed: allowed).first(where: { _ in true }) { throw first }
    }

    /// A problem for each key that was never read: a misspelling, or a key that does not belong here. Made as
    /// they are taken (a hostile file of a million keys is refused after the first hundred, without a hint worked
    /// out for each).
    func unknownKeys(allowed: [String]) -> some Sequence<DataFileError> {
        mapping.pairs.enumerated().lazy.filter { !read[$0.offset] }.map { _, pair in
            DataFileError(
                file: file, line: pair.key.line, field: pair.key.string,
                message: "unknown key in \(context)" + Self.hint(for: pair.key.string, allowed: allowed))
        }
    }

    /// What to say of an unknown key: the known keys when they are few; else the closest (a misspelling two
    /// edits away, or the same but for case and separators), or where the keys are listed.
    static func hint(for key: String, allowed: [String]) -> String {
        let normal = { (text: String) in text.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 } }
        let typed = Array(normal(String(key.prefix(64))))
        let closest = allowed.map { ($0, editDistance(typed, Array(normal($0)))) }.min { $0.1 < $1.1 }
        if let (known, distance) = closest, distance <= 2 { return " (did you mean \(known)?)" }
        if allowed.count <= 10 { return " (known keys: \(allowed.joined(separator: ", ")))" }
        return " (the keys it takes are listed in docs/data-format.md)"
    }

    /// Levenshtein distance between two short keys.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
