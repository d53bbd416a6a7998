/// Many rows' texts as a filter searches them (see ``SearchText``), one after another in a single buffer: a
/// whole list is searched in one pass, `memchr` skipping every text that lacks the needle's first letter.
///
/// A filter typed into a list of 50,000 measures searched each measure's own text, one call (and one array)
/// each; the buffer also takes less than half the memory.
public struct SearchTexts: Sendable {
    private let bytes: [UInt8]
    /// Where each text ends in ``bytes`` (it starts where the one before ends).
    private let ends: [Int]

    /// The texts of `count` rows, each of the parts `partsOf` gives for its index (see
    /// ``SearchText/init(parts:)``), written straight into the buffer: made one ``SearchText`` at a time
    /// first, 50,000 measures' texts were held twice at once.
    public init(count: Int, partsOf: (Int) -> [String]) {
        var bytes: [UInt8] = []
        // At its size (lower-casing keeps ASCII's length, and rarely changes other text's): grown by doubling,
        // the buffer could take twice the room it needs.
        bytes.reserveCapacity((0..<count).reduce(0) { total, index in
            partsOf(index).reduce(total) { $0 + $1.utf8.count + 1 }
        })
        var ends: [Int] = []
        ends.reserveCapacity(count)
        for index in 0..<count {
            SearchText.append(parts: partsOf(index), to: &bytes)
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// How many texts there are.
    public var count: Int { ends.count }

    /// Whether `needle` occurs in text `index`.
    public func contains(_ needle: SearchText, at index: Int) -> Bool {
        guard !needle.bytes.isEmpty else { return true }
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { haystack in
            needle.bytes.withUnsafeBytes { wanted in
                SearchText.firstMatch(of: wanted, in: haystack, from: start, to: ends[index], textStart: start) != nil
            }
        }
    }

    /// Whether `needle` occurs in each text, by index: one pass over them all (an empty needle is in every one).
    public func matching(_ needle: SearchText) -> [Bool] {
        guard !needle.bytes.isEmpty else { return Array(repeating: true, count: count) }
        var matched = Array(repeating: false, count: count)
        bytes.withUnsafeBytes { haystack in
            needle.bytes.withUnsafeBytes { wanted in
                var text = 0
                var start = 0
                let firstLetter = UnsafeRawBufferPointer(rebasing: wanted.prefix(1))
                while text < ends.count {
                    // The next text holding the needle's first letter (those between lack it), then the whole
                    // needle within that text alone.
                    // (Any first letter: whether it starts a word is for the whole needle's search to say.)
                    guard let found = SearchText.firstMatch(of: firstLetter, in: haystack, from: start, to: haystack.count, textStart: nil)
                    else { return }
                    while ends[text] <= found { text += 1 }
                    let textStart = text == 0 ? 0 : ends[text - 1]
                    if SearchText.firstMatch(of: wanted, in: haystack, from: found, to: ends[text], textStart: textStart) != nil {
                        matched[text] = true
                    }
                    start = ends[text]
                    text += 1
                }
            }
        }
        return matched
    }
}
