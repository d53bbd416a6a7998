extension Unicode.Scalar {
    /// Whether a terminal takes this scalar as a control rather than drawing it: the C0 controls (U+0000 to U+001F,
    /// among them ESC, BEL, tab and the line breaks), DEL (U+007F) and the C1 controls (U+0080 to U+009F, which some
    /// terminals obey as CSI, OSC and the like even when they come UTF-8 encoded), and the bidirectional overrides,
    /// embeddings and isolates (U+202A to U+202E, U+2066 to U+2069) and marks (U+200E, U+200F, U+061C), which reorder
    /// the text around them on screen so that what is shown is not what is there; and the line and paragraph
    /// separators (U+2028, U+2029), which some terminals break lines at.
    public var isTerminalControl: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C || value == 0x2028 || value == 0x2029
    }
}

extension Unicode.Scalar {
    /// What a terminal control (``isTerminalControl``) shows as where it cannot be shown: a space for the ones that
    /// only space or break text (tab, the line breaks, the line and paragraph separators), else U+FFFD, `�`.
    public var shownInstead: Unicode.Scalar {
        switch value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: " "
        default: "\u{FFFD}"
        }
    }
}

extension StringProtocol {
    /// The text with every terminal control character replaced, so that printing it cannot move the cursor, clear
    /// the screen, retitle the window, ring the bell or forge a line of output.
    ///
    /// A tab, line feed, vertical tab, form feed, carriage return or next-line (U+0085) becomes a space; any other
    /// control (ESC, BEL, NUL, DEL, the rest of C0 and C1) becomes U+FFFD, the replacement character `�`. An escape
    /// sequence is disarmed by replacing its ESC; its printable remainder shows as text (`�]0;title`), so a reader
    /// sees that something odd was there.
    public var terminalSafe: String {
        // Every control is a byte below 0x20, DEL, (C1) the two-byte sequence C2 80...C2 9F, (bidi, the line and
        // paragraph separators) a sequence starting E2 80 or E2 81, or (the Arabic letter mark) D8 9C.
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xD8 }) else { return String(self) }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            result.append(scalar.isTerminalControl ? Self.substitute(for: scalar) : scalar)
        }
        return String(result)
    }

    /// A short, terminal-safe excerpt for quoting in a message: the text made ``terminalSafe`` and cut after
    /// `limit` Unicode scalars, ending in `…` when anything was cut (so a 10 MB bad field quotes as its first few
    /// words). Only the part kept is read.
    public func excerpt(_ limit: Int = 40) -> String {
        var result = String.UnicodeScalarView()
        var kept = 0
        for scalar in unicodeScalars {
            guard kept < limit else {
                result.append("…")
                break
            }
            result.append(scalar.isTerminalControl ? Self.substitute(for: scalar) : scalar)
            kept += 1
        }
        return String(result)
    }

    /// What a control character shows as (``Unicode/Scalar/shownInstead``).
    private static func substitute(for control: Unicode.Scalar) -> Unicode.Scalar {
        control.shownInstead
    }
}
