import Dashboard
import DashboardTesting
import ScorecardKit
import Testing

/// Every screen rendered into an in-memory buffer and compared with a text snapshot
/// (`SNAPSHOT_RECORD=1 swift test` re-records them).
@Suite("Screen snapshots")
struct ScreenSnapshotTests {
    /// The screens, each reached by actions from the Council Plan.
    static let screens: [(String, [AppAction])] = [
        ("plan", []),
        ("priority", [.open]),
        ("deliveryPlan", [.open, .open]),
        ("measure", [.open, .open, .moveDown, .open]),
        ("alerts", [.showAlerts]),
        ("myMeasures", [.showMyMeasures]),
        ("help", [.toggleHelp]),
        ("filter", [.moveDown, .open, .open, .startFilter, .type("s"), .type("i"), .type("c"), .type("k")]),
        ("jump", [.startJump, .type("K"), .type("B")]),
        ("priorityAlerts", [.open, .showAlerts]),
        ("search", [.startJump, .type("K"), .type("B"), .type("I"), .submit]),
        ("exception", [.nextException]),
        ("exceptions", [.showExceptions]),
    ]

    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]

    static func render(_ actions: [AppAction], size: Size, glyphs: GlyphSet) throws -> ScreenBuffer {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        for action in actions { state.apply(action, model: model) }
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: glyphs))
        return DashboardView.render(state: state, model: model, size: size, theme: theme).0
    }

    @Test("each screen in Unicode and ASCII at 80x24, 100x30 and 120x40", arguments: screens.map(\.0))
    func screen(name: String) throws {
        let actions = try #require(Self.screens.first { $0.0 == name }?.1)
        for size in Self.sizes {
            for (glyphs, mode) in [(GlyphSet.unicode, "unicode"), (GlyphSet.ascii, "ascii")] {
                let buffer = try Self.render(actions, size: size, glyphs: glyphs)
                assertSnapshot(buffer, named: "\(name)-\(size)-\(mode)")
            }
        }
    }

    @Test("ASCII screens contain only ASCII")
    func asciiOnly() throws {
        for (_, actions) in Self.screens {
            let text = try Self.render(actions, size: Size(width: 120, height: 40), glyphs: .ascii).text()
            let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
            #expect(nonASCII.isEmpty, "\(text)")
        }
    }

    @Test("below the minimum size, a clear message with the size needed")
    func tooSmall() throws {
        let buffer = try Self.render([], size: Size(width: 50, height: 12), glyphs: .unicode)
        assertSnapshot(buffer, named: "tooSmall-50x12")
        #expect(buffer.text().contains("needs at least 60x18"))
    }

    @Test("the selected row is shown in reverse video")
    func selection() throws {
        let buffer = try Self.render([.moveDown], size: Size(width: 80, height: 24), glyphs: .unicode)
        let lines = buffer.textLines()
        let row = try #require(lines.firstIndex { $0.hasPrefix("P2") })
        #expect(buffer[0, row].style.attributes.contains(.reverse))
        #expect(!buffer[0, row - 1].style.attributes.contains(.reverse))
    }

    @Test("the breadcrumb follows the drill-down and the title says the period")
    func breadcrumb() throws {
        let lines = try Self.render([.open, .open, .moveDown, .open, .previousPeriod], size: Size(width: 120, height: 40), glyphs: .unicode).textLines()
        #expect(lines[0].hasPrefix("Testshire District Council › P1 › DP-01 › KBI-01 Major planning applications decided in time  "))
        #expect(lines[0].hasSuffix("as at Q1 2024/25"))
        #expect(lines[39].hasSuffix("0/0 · as at Q1 2024/25"))
    }

    @Test("an earlier period's measure table lists the periods up to it; the latest lists every one recorded")
    func earlierPeriodTable() throws {
        let latest = try Self.render([.open, .open, .moveDown, .open], size: Size(width: 120, height: 40), glyphs: .unicode).textLines()
        let earlier = try Self.render([.open, .open, .moveDown, .open, .previousPeriod], size: Size(width: 120, height: 40), glyphs: .unicode)
            .textLines()
        #expect(latest.contains { $0.hasPrefix("Sep 2024 ") } && latest.contains { $0.hasPrefix("Aug 2024 ") })
        // As at Q1 2024/25 the months of Q2 had not happened: the headline says no data, and so does the table.
        #expect(!earlier.contains { $0.hasPrefix("Sep 2024 ") || $0.hasPrefix("Aug 2024 ") })
        #expect(earlier.contains("No values up to Q1 2024/25."))
    }
}
