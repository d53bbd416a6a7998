import Testing

@testable import scorecard

/// An option that takes one value, given twice, is refused: ArgumentParser kept the last without a word.
@Suite struct RepeatedOptionTests {
    static let usage = Scorecard.usageString(for: ReportCommand.self)

    @Test("a one-value option given twice is named with both values, however written; options that repeat, and flags, pass")
    func repeats() throws {
        let twice = try #require(RepeatedOption(["report", "--plan", "DP-01", "--plan=DP-02", "--out", "x.md"], usage: Self.usage))
        #expect(twice.description == "--plan is given 2 times (\"DP-01\" and \"DP-02\"): it takes one value; give it once")
        #expect(RepeatedOption(["report", "--priority", "P1", "--priority", "P2", "--out", "x.md"], usage: Self.usage) == nil)
        #expect(RepeatedOption(["report", "--exceptions", "--exceptions", "--out", "x.md"], usage: Self.usage) == nil)
        #expect(RepeatedOption(["report", "--plan", "DP-01", "--out", "x.md"], usage: Self.usage) == nil)
        // After `--`, words are values, not options.
        #expect(RepeatedOption(["record", "--note", "a", "--", "--note", "b"], usage: Scorecard.usageString(for: RecordCommand.self)) == nil)
        let publish = Scorecard.usageString(for: PublishCommand.self)
        #expect(RepeatedOption(["publish", "--measure", "A", "--measure", "B"], usage: publish) == nil)
        #expect(RepeatedOption(["publish", "--period", "2026-09", "--period", "2026-10"], usage: publish)?.name == "--period")
    }
}
