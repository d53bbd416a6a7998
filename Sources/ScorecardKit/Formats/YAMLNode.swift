/// A node of a YAML document as ``YAMLComposer`` builds it: a single value, a list or a mapping, each with the line
/// it starts on.
enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], line: Int)
    case mapping(YAMLMapping)

    /// The 1-based line the node starts on.
    var line: Int {
        switch self {
        case .scalar(let scalar): scalar.line
        case .sequence(_, let line): line
        case .mapping(let mapping): mapping.line
        }
    }
}

/// A single value: text, however it was written.
struct YAMLScalar: Sendable {
    var string: String
    /// The 1-based line it starts on.
    var line: Int
    /// Whether it was written plain (not quoted, not a block): only a plain `null` or `~` means "no value".
    var isPlain: Bool
}

/// A mapping of keys to nodes, in file order. Every key is a single value, and no key appears twice.
struct YAMLMapping: Sendable {
    var pairs: [(key: YAMLScalar, value: YAMLNode)]
    /// The 1-based line the mapping starts on.
    var line: Int
    /// Where each key is in ``pairs``, for a mapping of ``indexedFrom`` keys or more (a smaller one is searched).
    var indexByKey: [String: Int]

    /// How many keys a mapping has before it is worth a dictionary: most have fewer, and millions of tiny
    /// dictionaries would cost more than the file's size in memory.
    static let indexedFrom = 16

    /// Where `key` is in ``pairs``, if it is there.
    func index(of key: String) -> Int? {
        pairs.count < Self.indexedFrom ? pairs.firstIndex { $0.key.string == key } : indexByKey[key]
    }

    /// The pair whose key is `key`, if there is one.
    subscript(key: String) -> (key: YAMLScalar, value: YAMLNode)? {
        index(of: key).map { pairs[$0] }
    }
}
