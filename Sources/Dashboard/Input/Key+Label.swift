extension Key {
    /// A short human name for help and hints: `"q"`, `"Enter"`, `"Ctrl-C"`, `"↑"` (or `"Up"` in ASCII).
    public func label(unicode: Bool = true) -> String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .paste: "Paste"
        case .up: unicode ? "↑" : "Up"
        case .down: unicode ? "↓" : "Down"
        case .left: unicode ? "←" : "Left"
        case .right: unicode ? "→" : "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .ctrl(let character): "Ctrl-" + String(character).uppercased()
        case .function(let number): "F\(number)"
        case .resize: "Resize"
        case .unknown(let code): "Key \(code)"
        }
    }
}
