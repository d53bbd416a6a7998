import NcursesTerminal
import Testing

@testable import scorecard

/// How the dashboard command says why it cannot start on a terminal: a sentence to act on, never Swift's own
/// description of an error value (`unknownTerminal("")`).
@Suite("The dashboard's terminal problems")
struct DashboardCommandTests {
    @Test("each terminal problem says what to do, naming TERM", arguments: [
        (TerminalError.unknownTerminal(""), "TERM is not set"),
        (.unknownTerminal("nosuchterm"), "the terminal type nosuchterm (TERM) is not in this system's terminfo database"),
        (.cannotAddressCursor("dumb"), "the terminal type dumb (TERM) cannot move the cursor"),
    ])
    func terminalProblem(_ problem: (TerminalError, String)) {
        let text = DashboardCommand.terminalProblem(problem.0)
        #expect(text.hasPrefix(problem.1), "\(text)")
        #expect(!text.contains("(\""), "no Swift value in the message: \(text)")
    }

    @Test("an empty --owner or --service is refused: it matched every measure, and the whole plan opened as one's own")
    func emptyScope() {
        for arguments in [["--owner", ""], ["dashboard", "--service", "  "]] {
            #expect(throws: (any Error).self) { _ = try Scorecard.parseAsRoot(arguments) }
        }
        #expect((try? Scorecard.parseAsRoot(["--owner", "okoye"])) != nil)
    }

    @Test("a terminal type with control characters is shown safely")
    func hostileTerm() {
        #expect(!DashboardCommand.terminalProblem(.unknownTerminal("x\u{1B}[2J")).contains("\u{1B}"))
    }
}
