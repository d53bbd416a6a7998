import ScorecardKit

/// Display-width rules: how many terminal columns a grapheme occupies (0, 1 or 2).
///
/// Follows the usual `wcwidth` conventions: combining marks and format characters take no
/// columns, East Asian wide and fullwidth characters and emoji presentation take two.
public enum DisplayWidth {
    /// The columns `character` occupies; control characters (``Unicode/Scalar/isTerminalControl``) count as 0, so
    /// the screen buffer skips them.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return Unicode.Scalar(ascii).isTerminalControl ? 0 : 1 }
        let character = drawable(character)
        var scalars = character.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let firstWidth = width(of: first)
        // As curses counts it (wcwidth of the spacing character): an emoji presentation selector after a narrow
        // emoji (🏳️) does not widen it there, and counting it two columns left a stale character beside it.
        if firstWidth > 0 { return firstWidth }
        // A leading zero-width scalar (e.g. a lone combining mark): the rest decides.
        return character.unicodeScalars.dropFirst().map(width(of:)).max() ?? 0
    }

    /// The part of `character` a terminal cell can hold: its first scalar and the zero-width ones after it
    /// (combining marks, a variation selector), up to a joiner or another spacing scalar. curses keeps one
    /// spacing character a cell, so the 🌈 of 🏳️‍🌈 (joined by U+200D) or a skin tone's modifier would take
    /// columns of their own that the screen did not count, leaving stale characters beside them: 🏳️ is drawn.
    public static func drawable(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return character }
        var kept = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if index > 0, scalar.value == 0x200D || width(of: scalar) > 0 { break }
            kept.append(scalar)
        }
        return kept.count == scalars.count ? character : Character(String(kept))
    }

    /// The columns `text` occupies.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII, by far the most common text, takes one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        if let count = narrowScalarCount(text) { return count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// How many scalars `text` has when each is a grapheme of its own taking one column (see
    /// ``isNarrowAlone(_:)``), so that it can be measured, cut and drawn a scalar at a time; `nil` otherwise.
    ///
    /// A frame is mostly such text (letters, punctuation, box drawing, bars, sparklines, arrows, status marks):
    /// finding its graphemes one `Character` at a time took most of a frame's drawing (measured with `perf`).
    public static func narrowScalarCount(_ text: some StringProtocol) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isNarrowAlone(scalar) else { return nil }
            count += 1
        }
        return count
    }

    /// Whether `scalar` always stands as a grapheme of its own (no grapheme rule joins it to a neighbour in the
    /// same set) and takes one column: printable ASCII and Latin letters, general punctuation, arrows,
    /// mathematical operators, box drawing, blocks, geometric shapes with no emoji presentation, braille.
    /// Marks, joiners, variation selectors, controls, Hangul and emoji are outside it and take the slow path.
    public static func isNarrowAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF: true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: true
        case 0x2190...0x21FF, 0x2200...0x22FF: true
        case 0x2500...0x25FC, 0x2800...0x28FF: true
        default: false
        }
    }

    /// The columns a single scalar occupies.
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if scalar.isTerminalControl { return 0 }
        if value < 0x300 || narrowBlocks.contains(where: { $0.contains(value) }) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        // Emoji take two columns as curses counts them (glibc's wcwidth) only with emoji presentation; 🏳 and 🌡
        // without it take one, and the regional indicators of a flag one each.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// Blocks drawn often (box drawing, block elements for bars and sparklines, braille for charts) whose
    /// characters all take one column: no need to look up their Unicode properties.
    private static let narrowBlocks: [ClosedRange<UInt32>] = [0x2500...0x259F, 0x2800...0x28FF]

    /// East Asian Wide and Fullwidth blocks (a compact subset of Unicode's EastAsianWidth.txt).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// The number of terminal columns this text occupies.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
