import Dashboard
import Testing

@Suite struct CapabilitiesTests {
    let utf8 = ["LANG": "en_GB.UTF-8"]

    @Test func autoUsesTheTerminalsColours() {
        #expect(Capabilities.detect(environment: utf8, terminalColors: 256).colorMode == .twoHundredFiftySix)
        #expect(Capabilities.detect(environment: utf8, terminalColors: 8).colorMode == .eight)
        #expect(Capabilities.detect(environment: utf8, terminalColors: 0).colorMode == .none)
    }

    @Test func noColorTurnsColourOffUnlessAlways() {
        let env = utf8.merging(["NO_COLOR": "1"]) { $1 }
        #expect(Capabilities.detect(environment: env, terminalColors: 256).colorMode == .none)
        #expect(Capabilities.detect(environment: env, colorPreference: .always, terminalColors: 256).colorMode == .twoHundredFiftySix)
    }

    @Test func emptyNoColorIsIgnored() {
        let env = utf8.merging(["NO_COLOR": ""]) { $1 }
        #expect(Capabilities.detect(environment: env, terminalColors: 8).colorMode == .eight)
    }

    @Test func neverAndAlways() {
        #expect(Capabilities.detect(environment: utf8, colorPreference: .never, terminalColors: 256).colorMode == .none)
        #expect(Capabilities.detect(environment: utf8, colorPreference: .always, terminalColors: 0).colorMode == .eight)
        #expect(ColorPreference(rawValue: "always") == .always)
    }

    @Test(arguments: [
        (["LANG": "en_GB.UTF-8"], true), (["LANG": "C.utf8"], true), (["LANG": "C"], false), ([:], false),
        (["LANG": "en_GB.UTF-8", "LC_ALL": "C"], false), (["LANG": "C", "LC_CTYPE": "en_US.UTF-8"], true),
        (["LC_ALL": "", "LANG": "de_DE.utf-8"], true), (["LANG": "POSIX"], false),
    ])
    func localeDecidesGlyphs(environment: [String: String], unicode: Bool) {
        let capabilities = Capabilities.detect(environment: environment, terminalColors: 8)
        #expect(capabilities.glyphs.isUnicode == unicode)
    }

    @Test func asciiFlagWins() {
        #expect(Capabilities.detect(environment: utf8, forceASCII: true, terminalColors: 8).glyphs == .ascii)
    }

    @Test func refinedColoursFallBackOnEightColours() {
        let amber = Color.refined(214, fallback: .yellow)
        #expect(amber.resolved(for: .twoHundredFiftySix) == amber)
        #expect(amber.resolved(for: .eight) == .yellow)
        #expect(amber.resolved(for: .none) == .default)
    }

    @Test func themeWithoutColourUsesAttributesOnly() {
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        let styles = [theme.header, theme.good, theme.warning, theme.bad, theme.noData, theme.muted, theme.chartLine]
        #expect(styles.allSatisfy { $0.foreground == .default && $0.background == .default })
        #expect(theme.bad != theme.good)
        #expect(theme.selection.attributes.contains(.reverse))
    }
}
