import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardPostgres

/// The `scorecard` command: the dashboard, and the commands around it.
@main
struct Scorecard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Councils' performance management: the Council Plan, its measures, targets and alerts.",
        version: Scorecard.version,
        subcommands: [
            DashboardCommand.self, CheckCommand.self, StatusCommand.self, AlertsCommand.self, ImportCommand.self, ExportCommand.self,
            RecordCommand.self, TargetCommand.self, PublishCommand.self, ReportCommand.self, BenchmarkCommand.self,
            SampleCommand.self, DatabaseCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// What `scorecard --version` prints: the release, which a bug report names (the databases it writes carry their
    /// own schema version, which `db init` and an import bring up to date).
    static let version = "2026.12"

    /// The most characters an error message's line may have: an argument echoed in full stops here.
    static let messageLineLimit = 300

    /// Runs the command asked for, as ArgumentParser's own `main` does, but prints help and errors through
    /// ``Console``, so that an argument echoed in a message (an unknown option, a bad value) cannot carry control
    /// characters to the terminal, nor print at any length.
    static func main() {
        // Ctrl-\ (SIGQUIT) ends any command at once, as it does other programs, rather than starting the Swift
        // runtime's backtracer, which prints a backtrace and waits 30 s for a key though nothing crashed. Crashes
        // keep their backtrace. (The dashboard also restores the terminal first: NcursesTerminal's SignalGuard.)
        signal(SIGQUIT, SIG_DFL)
        // The subcommand parsed, for the usage printed under an argument refused while it runs.
        var parsed: (any ParsableCommand.Type)?
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let unknown = UnknownCommand(arguments, names: configuration.subcommands.map { $0._commandName }) {
                throw ValidationError(unknown.description)
            }
            let arranged = NegativeNumberArguments.arranged(arguments)
            var command = try parseAsRoot(arranged)
            parsed = type(of: command)
            let usage = usageString(for: type(of: command))
            if let repeated = RepeatedOption(arranged, usage: usage) {
                Console.error("Error: \(repeated)\nUsage: \(usage)\n  See 'scorecard \(commandPath(of: type(of: command))) --help' for more information.")
                throw ExitCode.validationFailure
            }
            try command.run()
        } catch {
            var error = plainFileError(StoreError.plain(error))
            // A lost connection is said as a command meets it (the dashboard's words say it keeps retrying).
            if let lost = error as? PostgresStoreError, lost == .connectionLost { error = CommandFailure(lost.commandDescription) }
            let code = exitCode(for: error)
            var text = message(for: error)
            // An argument refused once the command runs (`report --out x` with no format) is answered with that
            // command's usage, as one refused while parsing is, not the root's.
            if let parsed, parsed != Scorecard.self, let refused = error as? ValidationError {
                text = message(for: CommandFailure(refused.message))
                    + "\nUsage: \(usageString(for: parsed))\n  See 'scorecard \(commandPath(of: parsed)) --help' for more information."
            }
            if !text.isEmpty {
                if code.isSuccess { Console.out(text) } else { Console.error(text) }
            }
            Foundation.exit(code.rawValue)
        }
    }

    /// The names that reach `command` from the root, as typed: `report`, `db grant` (`grant` alone named a
    /// command there is not).
    static func commandPath(of command: any ParsableCommand.Type) -> String {
        func path(in commands: [any ParsableCommand.Type]) -> [String]? {
            for candidate in commands {
                if candidate == command { return [candidate._commandName] }
                if let below = path(in: candidate.configuration.subcommands) { return [candidate._commandName] + below }
            }
            return nil
        }
        return path(in: configuration.subcommands)?.joined(separator: " ") ?? command._commandName
    }

    /// A file system error from Foundation (a folder that cannot be made because a file is in the way, a
    /// file that cannot be read) as a sentence naming the path and the reason, not an `NSCocoaErrorDomain` dump.
    static func plainFileError(_ error: any Error) -> any Error {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain else { return error }
        let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let reason = underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
            ?? ns.localizedDescription
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        return CommandFailure(path.map { "cannot use \($0.terminalSafe): \(reason)" } ?? reason)
    }

    /// What is printed for `error`: help in full, or an error message with each line cut to ``messageLineLimit``.
    static func message(for error: any Error) -> String {
        let text = fullMessage(for: error)
        guard !exitCode(for: error).isSuccess else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.excerpt(messageLineLimit) }.joined(separator: "\n")
    }
}
