import Testing

@testable import scorecard

/// `scorecard --version` prints the release and succeeds, whatever command it follows.
@Suite struct VersionTests {
    @Test("--version prints the release, exit status 0, at the top and after a command")
    func version() {
        for arguments in [["--version"], ["status", "--version"]] {
            do {
                _ = try Scorecard.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed as a command")
            } catch {
                #expect(Scorecard.message(for: error) == Scorecard.version)
                #expect(Scorecard.exitCode(for: error) == .success)
            }
        }
    }
}
