import Testing

@testable import Dashboard

/// Text for a terminal without a UTF-8 locale: every character printable ASCII, readable where it can be.
@Suite("Folding text to ASCII")
struct TextFoldingTests {
    @Test(
        "what councils' data holds comes out readable",
        arguments: [
            ("£1,200", "GBP1,200"), ("Zoë Brontë", "Zoe Bronte"), ("2024–25 — final", "2024-25 - final"),
            ("“quoted” ‘text’", "\"quoted\" 'text'"), ("more…", "more..."), ("µg/m³", "ug/m3"), ("m²", "m2"),
            ("20°C", "20degC"), ("½ day", "1/2 day"), ("ﬁnal", "final"), ("±5", "+/-5"), ("3×", "3x"),
            ("plain ASCII", "plain ASCII"),
        ])
    func readable(_ given: String, _ folded: String) {
        #expect(TextFolding.ascii(given) == folded)
    }

    @Test("anything else becomes a question mark, combining marks vanish, and nothing is left non-ASCII")
    func everythingElse() {
        #expect(TextFolding.ascii("中文 ✓") == "?? ?")
        #expect(TextFolding.ascii("e\u{301}") == "e")
        let mixed = "Zoë’s µg/m³ 中 \u{1F600} ﬀ Ａ"
        #expect(TextFolding.ascii(mixed).unicodeScalars.allSatisfy { $0.isASCII })
    }
}
