/// One line of help: the keys and what they do.
public struct HelpEntry: Hashable, Sendable {
    /// The keys as shown, e.g. `"↑/k"`.
    public var keys: String
    /// What they do.
    public var description: String

    /// Creates an entry.
    public init(keys: String, description: String) {
        self.keys = keys
        self.description = description
    }
}

/// A titled group of help entries.
public struct HelpSection: Hashable, Sendable {
    /// The group's heading.
    public var title: String
    /// Its entries.
    public var entries: [HelpEntry]

    /// Creates a section.
    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// A short key hint for the status line: `q Quit`.
public struct KeyHint: Hashable, Sendable {
    /// The key as shown.
    public var key: String
    /// What it does.
    public var label: String

    /// Creates a hint.
    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}
