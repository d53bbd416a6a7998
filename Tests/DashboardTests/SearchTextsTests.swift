import Testing

@testable import Dashboard

/// A list's texts searched in one pass give what searching each text alone gives.
@Suite("Searching many rows' texts at once")
struct SearchTextsTests {
    @Test("one pass over every text finds the needle in the same texts as a search of each, never across two")
    func onePassAgreesWithEach() {
        var generator = SystemRandomNumberGenerator()
        let letters = Array("aab cdo-é1 ".unicodeScalars.map(String.init))
        for round in 0..<200 {
            let count = Int.random(in: 0...40, using: &generator)
            let strings = (0..<count).map { _ in
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
            }
            let texts = strings.map { SearchText($0) }
            let all = SearchTexts(count: strings.count) { [strings[$0]] }
            for needleText in ["", "a", "o", "ab", "b c", "aab", "é1", "do-", "zz", "ba"] {
                let needle = SearchText(needleText)
                let each = texts.map { $0.contains(needle) }
                #expect(all.matching(needle) == each, "round \(round), needle \"\(needleText)\" in \(strings)")
                #expect(texts.indices.map { all.contains(needle, at: $0) } == each, "round \(round), needle \"\(needleText)\" in \(strings)")
            }
        }
    }

    @Test("a word inside bidirectional overrides, or after a line break, is found as the screen shows it")
    func controlsAreNotPartOfWords() {
        #expect(SearchText("Owner \u{202E}Reversed\u{202C}, manager").contains(SearchText("reversed,")))
        #expect(SearchText("Net additional\ndwellings").contains(SearchText("additional dwellings")))
        #expect(SearchText("Café\nRoyal").contains(SearchText("café royal")))
        #expect(SearchText("back\r\ninto use").contains(SearchText("back into")))
        #expect(SearchText("Café\r\nRoyal").contains(SearchText("café royal")))
    }

    @Test("a needle spanning the end of one text and the start of the next is in neither")
    func notAcrossTexts() {
        let strings = ["KBI-01 plan", "ning applications", ""]
        let all = SearchTexts(count: strings.count) { [strings[$0]] }
        #expect(all.matching(SearchText("planning")) == [false, false, false])
        #expect(all.matching(SearchText("plan")) == [true, false, false])
        #expect(all.matching(SearchText("ning")) == [false, true, false])
        #expect(!all.contains(SearchText("planning"), at: 0))
        #expect(all.matching(SearchText("")) == [true, true, true])
    }

    @Test("a needle matches at the start of a word: rough finds Rough sleepers, not brought or Borough")
    func wordStarts() {
        let strings = ["KBI-008 People sleeping rough", "KBI-001 Homes brought back into use", "Fernley Borough Council", "Roughly"]
        let all = SearchTexts(count: strings.count) { [strings[$0]] }
        #expect(all.matching(SearchText("rough")) == [true, false, false, true])
        #expect(all.matching(SearchText("008")) == [true, false, false, false], "a code's digits start a word after the hyphen")
        #expect(all.matching(SearchText("-00")) == [true, true, false, false], "a needle starting with a mark matches anywhere")
        #expect(SearchText("Fernley Borough").contains(SearchText("bor")) && !SearchText("Fernley Borough").contains(SearchText("ough")))
    }

    @Test("a row's parts are joined by spaces and lower-cased, as one row's text is")
    func partsJoined() {
        let rows = [["KBI-07", "Missed Bins", "Kate Ó Brien"], ["PLN-01", "Planning"]]
        let all = SearchTexts(count: rows.count) { rows[$0] }
        #expect(all.matching(SearchText("bins kate ó")) == [true, false])
        #expect(all.matching(SearchText("pln-01 planning")) == [false, true])
        #expect(all.matching(SearchText("missedbins")) == [false, false])
        for (index, parts) in rows.enumerated() {
            #expect(all.contains(SearchText(parts: parts), at: index))
        }
    }
}
