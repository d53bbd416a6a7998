/// One entry of a keymap: the keys that trigger an action, with its help text and group.
public struct KeyBinding<Action: Hashable & Sendable>: Hashable, Sendable {
    /// The keys, the first being the one shown in short hints.
    public var keys: [Key]
    /// What the keys do.
    public var action: Action
    /// A short description for help and hints.
    public var help: String
    /// The help section it is listed under (e.g. "Navigate", "Period", "General").
    public var group: String

    /// Creates a binding.
    public init(_ keys: [Key], _ action: Action, help: String, group: String) {
        self.keys = keys
        self.action = action
        self.help = help
        self.group = group
    }
}

/// A table of key bindings: the single source for key handling, the help overlay and status-line hints.
public struct Keymap<Action: Hashable & Sendable>: Hashable, Sendable {
    /// The bindings, in help order.
    public var bindings: [KeyBinding<Action>]

    /// Creates a keymap; for a key bound twice, the first binding wins.
    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// Help entries grouped by section in first-seen order; keys are joined with `/`. Only the actions
    /// `offered` keeps are listed (a member is not told of keys that record or sign off).
    public func helpSections(unicode: Bool = true, offered: (Action) -> Bool = { _ in true }) -> [HelpSection] {
        var order: [String] = []
        var entries: [String: [HelpEntry]] = [:]
        for binding in bindings where offered(binding.action) {
            if entries[binding.group] == nil { order.append(binding.group) }
            let keys = binding.keys.map { $0.label(unicode: unicode) }.joined(separator: "/")
            entries[binding.group, default: []].append(HelpEntry(keys: keys, description: binding.help))
        }
        return order.map { HelpSection(title: $0, entries: entries[$0] ?? []) }
    }

    /// Short hints (first key and help text) for `actions`, in the order given, skipping unbound ones.
    public func hints(for actions: [Action], unicode: Bool = true) -> [KeyHint] {
        actions.compactMap { action in
            guard let binding = bindings.first(where: { $0.action == action }), let key = binding.keys.first else {
                return nil
            }
            return KeyHint(key: key.label(unicode: unicode), label: binding.help)
        }
    }
}
