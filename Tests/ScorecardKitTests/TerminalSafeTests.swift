import Foundation
import Testing

@testable import ScorecardKit

/// Whether `text` holds a scalar a terminal would obey rather than draw.
func holdsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains(where: \.isTerminalControl)
}

@Suite("Text made safe for a terminal, and short excerpts of bad values")
struct TerminalSafeTests {
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J"

    @Test("escape sequences, bells, DEL and C1 controls are replaced; ordinary text is left alone")
    func replacesControls() {
        #expect(Self.hostile.terminalSafe == "\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J")
        #expect("a\u{7F}b\u{9B}31mc\u{0}d".terminalSafe == "a\u{FFFD}b\u{FFFD}31mc\u{FFFD}d")
        #expect("two\nlines\tand\r\na tab\u{85}".terminalSafe == "two lines and  a tab ")
        // Direction marks reorder what is around them; line and paragraph separators break some terminals' lines.
        #expect("KBI\u{200F}-01\u{200E} \u{061C}ok\u{2028}next\u{2029}".terminalSafe == "KBI\u{FFFD}-01\u{FFFD} \u{FFFD}ok next ")
        #expect("مرحبا".terminalSafe == "مرحبا")
        let plain = "Calls answered in 20 s: 87.5% (£1,200, Ysgol Gymraeg, 東京, 👩🏽‍💻, e\u{301})"
        #expect(plain.terminalSafe == plain)
        #expect(!holdsControl(String(decoding: (0...0xFF).map { UInt8($0) }, as: UTF8.self).terminalSafe))
        #expect(!holdsControl(String(String.UnicodeScalarView((0...0x9F).compactMap(Unicode.Scalar.init))).terminalSafe))
    }

    @Test("an excerpt keeps a short value whole and cuts a long one with an ellipsis")
    func excerpts() {
        #expect("ninety".excerpt() == "ninety")
        #expect(String(repeating: "x", count: 40).excerpt() == String(repeating: "x", count: 40))
        #expect(String(repeating: "x", count: 41).excerpt() == String(repeating: "x", count: 40) + "…")
        #expect(("abc" + Self.hostile).excerpt(5) == "abc\u{FFFD}]…")
        // A single grapheme of a million combining marks is cut too.
        let zalgo = "e" + String(repeating: "\u{301}", count: 1_000_000)
        #expect(zalgo.excerpt().unicodeScalars.count == 41)
    }

    @Test("a 1 MB bad value in observations.csv is quoted as a short excerpt, with no control characters")
    func longBadValueInObservations() throws {
        let value = String(repeating: "9", count: 500_000) + Self.hostile + String(repeating: "x", count: 500_000)
        let csv = "measure,period,value\nKBI-01,2024-08,\"\(value)\"\n"
        let error = try #require(try Fixture.firstError(csv: csv))
        #expect(error.line == 2)
        #expect(error.field == "value")
        #expect(error.description.utf8.count < 200 + error.file.utf8.count, "\(error.description.prefix(300))")
        #expect(error.description.contains("\"999999999"))
        #expect(error.description.contains("…\" is not a number"))
    }

    @Test("control characters in a bad value, a period or a column name do not reach the message")
    func controlsInBadValues() throws {
        let rows = [
            "measure,period,value\nKBI-01,2024-08,\"9\(Self.hostile)\"\n",
            "measure,period,value\nKBI-01,\"20\(Self.hostile)\",9\n",
            "measure,period,value\n\"K\(Self.hostile)\",2024-08,9\n",
            "measure,period,\"value\(Self.hostile)\"\nKBI-01,2024-08,9\n",
        ]
        for csv in rows {
            let error = try #require(try Fixture.firstError(csv: csv))
            #expect(!holdsControl(error.description), "\(error.description)")
            #expect(error.description.contains("\u{FFFD}]0;pwned"), "\(error.description)")
        }
    }

    @Test("a long or hostile value in framework.yaml is quoted as a short, safe excerpt")
    func badValueInFramework() throws {
        let long = String(repeating: "w", count: 1_000_000)
        for (old, new) in [
            ("frequency: quarterly", "frequency: \(long)"),
            ("frequency: quarterly", "frequency: \"weekly\\e]0;pwned\\a\\e[2J\""),
            ("owner: Jane Smith", "\(long): Jane Smith"),
            ("code: KBI-03", "code: \"\(long)\\e[2J\"\n            colour: red"),
        ] {
            let framework = CouncilDirectoryTests.framework(replacing: old, with: new)
            let error = try #require(try Fixture.firstError(framework: framework))
            #expect(error.description.utf8.count < 300 + error.file.utf8.count, "\(error.description.prefix(400))")
            #expect(!holdsControl(error.description), "\(error.description)")
        }
    }

    @Test("a value entry's messages quote a long or hostile value as a short, safe excerpt")
    func valueEntryMessages() throws {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let today = try #require(CivilDate(year: 2025, month: 6, day: 1))
        let long = String(repeating: "1x", count: 500_000) + Self.hostile
        let entry = ValueEntry(measure: long, period: long, value: long, quality: long, by: "a")
        #expect(throws: ValueEntryError.self) { try entry.validated(in: council, today: today) }
        do {
            _ = try entry.validated(in: council, today: today)
        } catch {
            #expect(error.problems.count == 4)
            // Four messages, each with its hint and an excerpt of the megabyte typed: a few lines, not the megabyte.
            #expect(error.description.utf8.count < 500, "\(error.description.prefix(600))")
            #expect(!holdsControl(error.description.replacingOccurrences(of: "\n", with: " ")))
        }
    }
}
