import Testing

@testable import ScorecardKit

/// Finding a measure by its code, in councils small and large.
@Suite("Measure code index")
struct MeasureCodeIndexTests {
    @Test("every code of 20,000 measures is found at its index; codes not there, near misses and other cases are not")
    func everyCodeFound() {
        let measures = (0..<20_000).map { Measure(code: "KBI-\($0)", title: "Measure \($0)") }
        let c = council(measures.map { ($0, []) })
        for m in stride(from: 0, to: measures.count, by: 7) { #expect(c.measureIndex(code: "KBI-\(m)") == m) }
        #expect(c.measureIndex(code: "KBI-19999") == 19_999)
        #expect(c.measureIndex(code: "KBI-20000") == nil)
        #expect(c.measureIndex(code: "kbi-1") == nil, "exact codes only")
        #expect(c.measureIndex(code: "KBI-1 ") == nil)
        #expect(c.measureIndex(code: "") == nil)
    }

    @Test("the first of two measures sharing a code is the one found; a council with none finds nothing")
    func sharedAndEmpty() {
        let c = council([(Measure(code: "A", title: "First"), []), (Measure(code: "B", title: "B"), []), (Measure(code: "A", title: "Second"), [])])
        #expect(c.measureIndex(code: "A") == 0)
        #expect(c.measureIndex(code: "B") == 1)
        #expect(council([]).measureIndex(code: "A") == nil)
        // Canonically equivalent codes are the same code, as Swift's strings compare them: é as one character or two.
        let accented = council([(Measure(code: "CAF\u{C9}", title: "Cafés"), [])])
        #expect(accented.measureIndex(code: "CAFE\u{301}") == 0)
    }
}
