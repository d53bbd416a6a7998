import Dashboard
import Testing

@Suite struct RectTests {
    @Test func splitsRowsFixedThenFill() {
        let rows = Rect(x: 0, y: 0, width: 80, height: 24).splitRows([.fixed(1), .fill(1), .fixed(1)])
        #expect(rows.map(\.y) == [0, 1, 23])
        #expect(rows.map(\.height) == [1, 22, 1])
    }

    @Test func splitsColumnsWithSpacingAndWeights() {
        let columns = Rect(x: 2, y: 0, width: 21, height: 1).splitColumns([.fixed(5), .fill(1), .fill(2)], spacing: 1)
        #expect(columns.map(\.x) == [2, 8, 13])
        #expect(columns.map(\.width) == [5, 4, 10])
    }

    @Test func fixedPartsShrinkWhenSpaceRunsOut() {
        let rows = Rect(x: 0, y: 0, width: 1, height: 3).splitRows([.fixed(2), .fixed(2), .fill(1)])
        #expect(rows.map(\.height) == [2, 1, 0])
    }

    @Test func centersAndIntersects() {
        let area = Rect(x: 0, y: 0, width: 10, height: 6)
        #expect(area.centered(width: 4, height: 2) == Rect(x: 3, y: 2, width: 4, height: 2))
        #expect(area.centered(width: 40, height: 2) == Rect(x: 0, y: 2, width: 10, height: 2))
        #expect(area.intersection(Rect(x: 8, y: 5, width: 5, height: 5)) == Rect(x: 8, y: 5, width: 2, height: 1))
    }
}
