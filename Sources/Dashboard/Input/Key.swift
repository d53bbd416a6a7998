/// A key press (or terminal event delivered as a key), decoded from the terminal's input.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Text pasted into the terminal, whole (bracketed paste): its line breaks are text, not Enter.
    case paste(String)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Enter or Return.
    case enter
    /// Escape, delivered at once (the terminal uses a 25 ms escape delay).
    case escape
    /// Backspace.
    case backspace
    /// Delete.
    case delete
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Ctrl with a letter, lower case: `.ctrl("c")`, `.ctrl("l")`.
    case ctrl(Character)
    /// A function key F1...F63.
    case function(Int)
    /// The terminal changed size.
    case resize
    /// A key code the decoder does not know.
    case unknown(Int)
}
