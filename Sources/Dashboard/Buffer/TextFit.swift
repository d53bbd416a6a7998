/// Fitting text into a number of terminal columns by display width.
public enum TextFit {
    /// `text` cut to at most `width` columns, ending in `ellipsis` when anything was cut: at the end of a word
    /// when one ends in the second half of the space, so no word is left half-written.
    public static func truncated(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if text.displayWidth <= width { return text }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return prefix(of: ellipsis, width: width) }
        let kept = prefix(of: text, width: width - ellipsisWidth)
        let cutMidWord = text.dropFirst(kept.count).first.map { !$0.isWhitespace } ?? false
        if cutMidWord, let space = kept.lastIndex(where: \.isWhitespace),
            kept[..<space].displayWidth * 2 >= width - ellipsisWidth
        {
            var word = kept[..<space]
            while let last = word.last, last.isWhitespace || ",;:".contains(last) { word = word.dropLast() }
            return word + ellipsis
        }
        return kept + ellipsis
    }

    /// `line`, the last shown of a text that goes on, ending in `ellipsis` within `width` columns (cut at a word
    /// where it has to be), so that it does not read as the text's end.
    public static func continued(_ line: String, toWidth width: Int, ellipsis: String) -> String {
        let trimmed = String(line.reversed().drop { $0.isWhitespace || ",;:".contains($0) }.reversed())
        if trimmed.displayWidth + ellipsis.displayWidth <= width { return trimmed + ellipsis }
        return truncated(trimmed + " " + ellipsis, toWidth: width, ellipsis: ellipsis)
    }

    /// `text` cut from the left to at most `width` columns, starting with `ellipsis` when anything was cut.
    public static func truncatedFromLeft(_ text: String, toWidth width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if text.displayWidth <= width { return text }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return prefix(of: ellipsis, width: width) }
        return ellipsis + suffix(of: text, width: width - ellipsisWidth)
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns, placed by `alignment`.
    public static func aligned(_ text: String, toWidth width: Int, alignment: Alignment, ellipsis: String) -> String {
        let fitted = truncated(text, toWidth: width, ellipsis: ellipsis)
        let room = max(0, width - fitted.displayWidth)
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: room)
        case .right: return String(repeating: " ", count: room) + fitted
        case .center:
            let left = room / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: room - left)
        }
    }

    /// The longest leading part of `text` that fits in `width` columns.
    public static func prefix(of text: String, width: Int) -> String {
        // Printable ASCII takes a column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: text.utf8.prefix(max(0, width)), as: UTF8.self) }
        if DisplayWidth.narrowScalarCount(text) != nil {
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.prefix(max(0, width)))
            return String(scalars)
        }
        var used = 0
        var result = ""
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            used += columns
            result.append(character)
        }
        return result
    }

    /// The longest trailing part of `text` that fits in `width` columns.
    public static func suffix(of text: String, width: Int) -> String {
        var used = 0
        var result: [Character] = []
        for character in text.reversed() {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            used += columns
            result.append(character)
        }
        return String(result.reversed())
    }

    /// Words of `text` wrapped into lines of at most `width` columns; a word longer than a line (a web address)
    /// is broken across lines, so that all of it can be read (it was cut to one line). `ellipsis` ends a line
    /// only where a character wider than the whole width could not be shown.
    public static func wrapped(_ text: String, toWidth width: Int, ellipsis: String) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.displayWidth <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            var rest = Substring(word)
            while rest.displayWidth > width {
                let piece = prefix(of: rest, width: width)
                guard !piece.isEmpty else {
                    // A character wider than the line: the line says there is more.
                    lines.append(truncated(String(rest), toWidth: width, ellipsis: ellipsis))
                    rest = ""
                    break
                }
                lines.append(String(piece))
                rest = rest.dropFirst(piece.count)
            }
            current = String(rest)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The longest leading part of `text` that fits in `width` columns.
    private static func prefix(of text: Substring, width: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            used += columns
            end = text.index(after: end)
        }
        return text[..<end]
    }
}

/// Horizontal placement of text within its space.
public enum Alignment: Hashable, Sendable {
    /// Flush left.
    case left
    /// Flush right (numbers).
    case right
    /// Centred, any odd column going to the right.
    case center
}
