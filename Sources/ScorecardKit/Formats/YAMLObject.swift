/// A YAML mapping being read field by field, so that every error names its line and key, and keys that
/// were never read (misspellings) are reported rather than ignored.
struct YAMLObject {
    let mapping: YAMLMapping
    let file: String
    /// What the mapping describes, for messages: "measure KBM-01".
    let context: String
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

    mutating func requiredString(_ key: String) throws -> String {
        guard let text = try string(key), !text.trimmingWhitespace().isEmpty else {
            throw DataFileError(file: file, line: line, field: key, message: "\(context) needs a \(key)")
        }
        return text
    }

    /// A value parsed by `parse`, or an error saying what was expected.
    mutating func parsed<T>(_ key: String, expected: @autoclosure () -> String, _ parse: (String) -> T?) throws -> T? {
        guard let text = try string(key) else { return nil }
        guard let value = parse(String(text.trimmingWhitespace())) else {
            throw error(key, "\"\(text.excerpt())\" is not \(expected())")
        }
        return value
    }

    /// A number within ±``ValueLimits/sane``.
    mutating func number(_ key: String) throws -> Double? {
        let number = try parsed(key, expected: "a number") { NumberParser.parse($0) }
        if let number, let problem = ValueLimits.insanity(of: number) { throw error(key, problem) }
        return number
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        try parsed(key, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)") {
            Int($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    mutating func bool(_ key: String) throws -> Bool? {
        try parsed(key, expected: "true or false") {
            switch $0.lowercased() {
            case "true", "yes": true
            case "false", "no": false
            default: nil
            }
        }
    }

    /// A keyword from a closed set, matched without regard to case.
    mutating func keyword<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
        try parsed(key, expected: "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))") { T(rawValue: $0.lowercased()) }
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

    /// Throws for the first key that was never read: a misspelling, or a key that does not belong here.
    func rejectUnknownKeys(allowed: [String]) throws {
        if let first = unknownKeys(allowed: allowed).first { throw first }
    }

    /// A problem for each key that was never read: a misspelling, or a key that does not belong here.
    func unknownKeys(allowed: [String]) -> [DataFileError] {
        mapping.pairs.enumerated().filter { !read[$0.offset] }.map { _, pair in
            DataFileError(
                file: file, line: pair.key.line, field: pair.key.string,
                message: "unknown key in \(context) (known keys: \(allowed.joined(separator: ", ")))")
        }
    }
}
