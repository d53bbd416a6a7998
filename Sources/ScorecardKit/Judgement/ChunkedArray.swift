/// An array kept in chunks of ``chunkSize`` elements, so that a copy with a few elements changed copies only
/// their chunks, not the whole array.
///
/// An ``Evaluation`` holds one judgement per measure (several hundred bytes each: about 6 MB at 10,000
/// measures), and a dashboard judges again the few measures a change touched, at every period it keeps, while
/// the screen still shows the evaluation before: as one `Array`, every such change copied every period's
/// judgements whole (12.8 MB of the dashboard's peak heap at 10,000 measures, measured with heaptrack). Written
/// by hand because none of the packages at hand has an array that shares storage between versions.
public struct ChunkedArray<Element> {
    /// How many elements a chunk holds (a power of two, so an index splits with a shift and a mask).
    @inlinable public static var chunkSize: Int { 1 << chunkShift }
    @usableFromInline static var chunkShift: Int { 5 }

    // Inlinable, so that the modules reading judgements (the dashboard, reports) get code specialised for the
    // element type rather than generic code that copies each element out through its value witnesses.
    @usableFromInline var chunks: [[Element]]
    public private(set) var count: Int

    /// An empty array.
    public init() {
        chunks = []
        count = 0
    }

    /// The elements of `elements`, in order.
    public init(_ elements: some Sequence<Element>) {
        self.init()
        var chunk: [Element] = []
        chunk.reserveCapacity(Self.chunkSize)
        for element in elements {
            chunk.append(element)
            if chunk.count == Self.chunkSize {
                chunks.append(chunk)
                count += chunk.count
                chunk.removeAll(keepingCapacity: true)
            }
        }
        if !chunk.isEmpty {
            count += chunk.count
            chunks.append(chunk)
        }
    }
}

extension ChunkedArray {
    /// `parts` one after another, sharing their chunks; every part but the last must hold whole chunks (a
    /// multiple of ``chunkSize`` elements), as parts built from ``chunkAlignedRanges(count:parts:)`` do.
    init(concatenating parts: [ChunkedArray]) {
        self.init()
        for (i, part) in parts.enumerated() {
            precondition(i == parts.count - 1 || part.count % Self.chunkSize == 0, "A part that is not whole chunks")
            chunks += part.chunks
            count += part.count
        }
    }

    /// `0..<count` cut into `parts` consecutive ranges (some empty when there are fewer chunks than parts),
    /// each but the last a whole number of chunks long.
    static func chunkAlignedRanges(count: Int, parts: Int) -> [Range<Int>] {
        let chunkCount = (count + chunkSize - 1) / chunkSize
        return (0..<parts).map { part in
            let lower = Swift.min(count, chunkCount * part / parts * chunkSize)
            let upper = Swift.min(count, chunkCount * (part + 1) / parts * chunkSize)
            return lower..<upper
        }
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        // Read and modified in place (not copied out and back): an element may be several hundred bytes with
        // references in it, read for every row of a list drawn.
        _read {
            precondition(position >= 0 && position < count, "Index out of range")
            yield chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
        _modify {
            precondition(position >= 0 && position < count, "Index out of range")
            yield &chunks[position >> Self.chunkShift][position & (Self.chunkSize - 1)]
        }
    }
}

extension ChunkedArray {
    /// The ranges of indices whose elements may differ from `other`'s: every chunk the two do not share (a copy
    /// with a few elements changed shares all the others), and any elements one has beyond the other.
    public func rangesNotShared(with other: ChunkedArray) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for chunk in 0..<Swift.min(chunks.count, other.chunks.count) {
            let shared = chunks[chunk].withUnsafeBufferPointer { mine in
                other.chunks[chunk].withUnsafeBufferPointer { theirs in
                    mine.baseAddress == theirs.baseAddress && mine.count == theirs.count
                }
            }
            if !shared {
                let start = chunk << Self.chunkShift
                ranges.append(start..<Swift.min(count, start + chunks[chunk].count))
            }
        }
        let common = Swift.min(count, other.count)
        if common < Swift.max(count, other.count) { ranges.append(common..<Swift.max(count, other.count)) }
        return ranges
    }
}

extension ChunkedArray: Equatable where Element: Equatable {}
extension ChunkedArray: Sendable where Element: Sendable {}
