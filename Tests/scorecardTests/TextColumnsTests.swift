import Testing

@testable import scorecard

/// Text tables on the command line.
@Suite struct TextColumnsTests {
    @Test("columns line up on the screen: a wide character takes two columns, an accent none")
    func alignedByDisplayWidth() {
        let lines = TextColumns.aligned([["全角市", "E1"], ["Café", "E2"], ["Town 🏠", "E3"]], rightAligned: [])
        #expect(lines == ["全角市   E1", "Café     E2", "Town 🏠  E3"])
    }
}
