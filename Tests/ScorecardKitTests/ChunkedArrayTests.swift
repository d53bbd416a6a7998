import Testing

@testable import ScorecardKit

@Suite("Chunked array")
struct ChunkedArrayTests {
    private let size = ChunkedArray<Int>.chunkSize

    @Test("holds its elements in order across chunk boundaries", arguments: [0, 1, ChunkedArray<Int>.chunkSize - 1, ChunkedArray<Int>.chunkSize, ChunkedArray<Int>.chunkSize + 1, 1000])
    func holdsElementsInOrder(count: Int) {
        let array = ChunkedArray(0..<count)
        #expect(array.count == count)
        #expect(Array(array) == Array(0..<count))
        #expect(array.isEmpty == (count == 0))
    }

    @Test("a copy changed in one place leaves the original as it was")
    func copyOnWrite() {
        let original = ChunkedArray(0..<(size * 3 + 5))
        var changed = original
        changed[size + 2] = -1
        changed[size * 3 + 4] = -2
        #expect(original[size + 2] == size + 2)
        #expect(original[size * 3 + 4] == size * 3 + 4)
        #expect(changed[size + 2] == -1)
        #expect(changed[size * 3 + 4] == -2)
        #expect(Array(changed.prefix(size)) == Array(0..<size))
        #expect(original != changed)
    }

    @Test("ranges for parallel parts are whole chunks, cover every index once, and join back in order",
          arguments: [(0, 2), (5, 2), (ChunkedArray<Int>.chunkSize, 2), (1000, 2), (1000, 8), (ChunkedArray<Int>.chunkSize + 1, 8), (10_000, 3)])
    func alignedRanges(count: Int, parts: Int) {
        let ranges = ChunkedArray<Int>.chunkAlignedRanges(count: count, parts: parts)
        #expect(ranges.count == parts)
        #expect(ranges.flatMap { Array($0) } == Array(0..<count))
        for range in ranges.dropLast() { #expect(range.count % size == 0) }
        let joined = ChunkedArray(concatenating: ranges.map { ChunkedArray($0) })
        #expect(Array(joined) == Array(0..<count))
        var copy = joined
        if count > 0 { copy[count - 1] = -1 }
        #expect(joined.last == (count > 0 ? count - 1 : nil))
    }

    @Test("a copy with elements changed is told apart by the chunks it no longer shares, and only those")
    func rangesNotShared() {
        let original = ChunkedArray(0..<(size * 4 + 3))
        #expect(original.rangesNotShared(with: original).isEmpty)
        var changed = original
        changed[size + 2] = -1
        changed[size * 4 + 1] = -2
        #expect(changed.rangesNotShared(with: original) == [size..<(size * 2), (size * 4)..<(size * 4 + 3)])
        #expect(original.rangesNotShared(with: changed) == [size..<(size * 2), (size * 4)..<(size * 4 + 3)])
        // Equal elements in storage of their own still count as not shared: they are compared, not skipped.
        let rebuilt = ChunkedArray(Array(original))
        #expect(rebuilt.rangesNotShared(with: original).count == 5)
        let longer = ChunkedArray(0..<(size * 4 + 5))
        #expect(longer.rangesNotShared(with: original).last == (size * 4 + 3)..<(size * 4 + 5))
    }
}
