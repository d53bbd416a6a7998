import Synchronization

/// Numbers for the graphemes of several scalars (a letter with a combining mark, an emoji sequence, a flag)
/// that cells show, so that a ``Cell`` holds a number, not a `String`.
///
/// Each grapheme is numbered once, for the life of the process, from ``firstCode`` (above every Unicode
/// scalar). Such graphemes are rare in a council's data; should a process meet more than ``capacity`` of them,
/// the rest show as U+FFFD, never as another grapheme.
final class GraphemeTable: Sendable {
    /// The table every cell uses.
    static let shared = GraphemeTable()

    /// The first number given to a grapheme (one above the last Unicode scalar).
    static let firstCode: UInt32 = 0x11_0000
    /// How many graphemes are numbered at most.
    static let capacity = 1 << 16

    private struct Entries {
        var graphemes: [String] = []
        var codes: [String: UInt32] = [:]
    }

    private let entries = Mutex(Entries())

    /// The number of `grapheme` (numbered now if it is new).
    func code(of grapheme: String) -> UInt32 {
        entries.withLock { entries in
            if let code = entries.codes[grapheme] { return code }
            guard entries.graphemes.count < Self.capacity else { return 0xFFFD }
            let code = Self.firstCode + UInt32(entries.graphemes.count)
            entries.graphemes.append(grapheme)
            entries.codes[grapheme] = code
            return code
        }
    }

    /// The grapheme numbered `code` (U+FFFD for a number never given).
    func grapheme(_ code: UInt32) -> String {
        entries.withLock { entries in
            let index = Int(code) - Int(Self.firstCode)
            return entries.graphemes.indices.contains(index) ? entries.graphemes[index] : "\u{FFFD}"
        }
    }
}
