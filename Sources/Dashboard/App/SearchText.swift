#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A row's text as a filter searches it: lower-cased once, kept as UTF-8 bytes, and searched with `memchr` and
/// `memcmp`.
///
/// Each letter typed into a filter searches every row of the list again; over tens of thousands of rows,
/// `String.contains`, which compares character by character, took a tenth of a second or more a letter.
/// Both sides are lower-cased the same way, so a byte match is a match of the lower-cased texts.
public struct SearchText: Sendable {
    /// The lower-cased text's UTF-8 bytes.
    let bytes: [UInt8]

    public init(_ text: String) {
        self.init(parts: [text])
    }

    /// `parts` joined by spaces. ASCII text is lower-cased byte by byte (the same as `lowercased()` for it,
    /// without making a new string); any other text through `lowercased()`.
    public init(parts: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
        Self.append(parts: parts, to: &bytes)
        self.bytes = bytes
    }

    /// Appends `parts`, joined by spaces and lower-cased as ``init(parts:)`` does, to `bytes`.
    static func append(parts: [String], to bytes: inout [UInt8]) {
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: " ")) }
            if part.utf8.allSatisfy({ $0 < 0x80 }) {
                var previous: UInt8 = 0
                for byte in part.utf8 {
                    // A control (a tab, a line break) is a space, as the screen shows it; CR LF is one break.
                    if byte == 0x0A, previous == 0x0D { continue }
                    previous = byte
                    bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte < 0x20 || byte == 0x7F ? UInt8(ascii: " ") : byte)
                }
            } else {
                // A bidirectional override around a word (shown as `�`) is not part of it: "Reversed" found nothing.
                var scalars = String.UnicodeScalarView()
                var previous: Unicode.Scalar = "\0"
                for scalar in part.lowercased().unicodeScalars {
                    defer { previous = scalar }
                    if !scalar.isTerminalControl {
                        scalars.append(scalar)
                    } else if scalar.value < 0x20 || scalar.value == 0x85, !(scalar == "\n" && previous == "\r") {
                        scalars.append(" ")
                    }
                }
                bytes += String(scalars).utf8
            }
        }
    }

    /// Whether `needle` occurs in this text (an empty needle always does).
    public func contains(_ needle: SearchText) -> Bool {
        guard !needle.bytes.isEmpty else { return true }
        return bytes.withUnsafeBytes { haystack in
            needle.bytes.withUnsafeBytes { wanted in Self.firstMatch(of: wanted, in: haystack, from: 0, to: haystack.count, textStart: 0) != nil }
        }
    }

    /// Where `wanted` (not empty) first occurs wholly within `haystack[from..<end]`, at the start of a word of the
    /// text that starts at `textStart`: "rough" finds "Rough sleepers", not "brought" or "Borough" (`nil`: anywhere).
    /// A needle that starts with a space or a mark (`-005`) may match anywhere.
    ///
    /// A single letter, as the first one typed is, needs no more than `memchr`. Otherwise each place the first
    /// letter is found has its second compared before any `memcmp`: a call at every "o" of every text was a third
    /// of the time of the second letter typed into a filter of 50,000 measures.
    static func firstMatch(
        of wanted: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from: Int, to end: Int, textStart: Int?
    ) -> Int? {
        guard let base = haystack.baseAddress, let wantedBase = wanted.baseAddress, end - from >= wanted.count else { return nil }
        let first = Int32(wanted[0])
        let last = end - wanted.count
        var start = from
        while start <= last {
            guard let found = memchr(base + start, first, last - start + 1) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(found))
            let atWordStart = textStart.map { offset == $0 || !isWordByte(haystack[offset - 1]) || !isWordByte(wanted[0]) } ?? true
            if atWordStart, wanted.count == 1 || (haystack[offset + 1] == wanted[1] && memcmp(found, wantedBase, wanted.count) == 0) {
                return offset
            }
            start = offset + 1
        }
        return nil
    }

    /// Whether `byte` is part of a word: an ASCII letter or digit, or a byte of a letter beyond ASCII.
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...: true
        default: false
        }
    }
}
