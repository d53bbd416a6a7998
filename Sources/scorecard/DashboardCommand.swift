import ArgumentParser
import Dashboard
import Foundation
import NcursesTerminal
import ScorecardKit

/// `scorecard` (no subcommand): the terminal dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default): drill down from the Council Plan to its measures."
    )

    @Option(help: ArgumentHelp("Open a council's data files (a directory, or an .xlsx workbook) read-only instead of the database.", valueName: "path"))
    var data: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Who records values from this dashboard (default: $USER).")
    var by: String?

    @Option(help: "Open on the measures of this owner (any part of the name).")
    var owner: String?

    @Option(help: "Open on the measures of this service or team.")
    var service: String?

    @Option(help: "Colour: auto (the default, honouring NO_COLOR), always or never.")
    var color: ColorPreference = .auto

    @Flag(help: "Use ASCII only, for terminals without Unicode fonts.")
    var ascii = false

    @Option(help: ArgumentHelp("Present a meeting called NAME: dashboards started with --follow NAME show what this one shows.", valueName: "name"))
    var present: String?

    @Option(help: ArgumentHelp("Follow the meeting called NAME on the same database: show what its presenter shows (any move browses on your own; f rejoins).", valueName: "name"))
    var follow: String?

    @OptionGroup var judgement: JudgementOptions

    func validate() throws {
        try DatabaseOptions.validate(by: by)
        if present != nil, follow != nil { throw ValidationError("give --present or --follow, not both") }
        for name in [present, follow].compactMap({ $0 }) {
            if let problem = MeetingName.problem(with: name) { throw ValidationError("\"\(name.excerpt())\": \(problem)") }
        }
        if data != nil, present != nil || follow != nil {
            throw ValidationError("a meeting is held on a database: give --database (or none, for the default), not --data")
        }
        if owner != nil, service != nil { throw ValidationError("give --owner or --service, not both") }
        // An empty name (a variable unset in a script) matched every measure: the whole plan opened as "mine".
        for (option, name) in [("--owner", owner), ("--service", service)] where name?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw ValidationError("\(option) needs a name (any part of it), not an empty one")
        }
        if data != nil, database.database != nil { throw ValidationError("give --data or --database, not both") }
        if data != nil, database.published { throw ValidationError("--published is for a database: data files have no drafts") }
    }

    func run() throws {
        let device = try Self.terminalDevice()
        let trace = Trace()
        trace.mark("start")
        MallocTuning.apply()
        let today = try judgement.resolvedToday()
        // The recent part of each measure's history (files: all of it); the rest loads as screens need it.
        let dataService: DataService = try trace.phase("load") {
            if let data { return DataService(council: try DataLocation.load(data, today: today), today: today) }
            let user = DatabaseOptions.author(by)
            // A presenter's screen is the room's (often a shared screen at a meeting of members): signed-off
            // figures only, as every member following sees them; a follower shows the same (it records nothing).
            let meeting = present != nil || follow != nil
            return try DataService(
                store: try database.openStore(publishedOnly: database.published || meeting), today: today, user: user,
                withholdingSmallNumbers: meeting)
        }
        if let follow { try dataService.follow(meeting: follow) }
        let scope = owner ?? service ?? ""
        var state = AppState(
            asAt: try judgement.resolvedPeriod(for: dataService.council, today: today), scope: MeasureScope(scope),
            route: scope.isEmpty ? .plan : .myMeasures)
        // Judge before the screen opens, so the first frame is complete.
        let model = try trace.phase("judge") { try dataService.start(asAt: state.asAt) }
        if let present {
            try dataService.present(meeting: present, state: &state, model: model)
        } else if let follow {
            state.meeting = .following(name: follow, joined: true, latest: nil, ended: false)
        }
        // A presenter's meeting ends when the dashboard closes (its followers are told); a follower lets go.
        defer { dataService.leaveMeeting() }

        let terminal = NcursesTerminal(
            device: device, colorPreference: color, forceASCII: ascii, environment: ProcessInfo.processInfo.environment)
        do {
            try terminal.start()
        } catch let error as TerminalError {
            throw CommandFailure(Self.terminalProblem(error))
        }
        defer { terminal.stop() }
        let worker = DataWorker(service: dataService)
        var app = DashboardApp(model: model, state: state, effects: worker)
        if trace.isOn {
            app.run(on: TracingTerminal(terminal, trace: trace))
        } else {
            app.run(on: terminal)
        }
        if worker.isRunning {
            // Still judging an earlier period, or waiting for a server: the service is its thread's, so the
            // meeting is not left from here (followers take it as ended once the presenter's presence lapses),
            // and the process ends at once, without the exit-time teardown that crashed under that thread.
            terminal.stop()
            fflush(nil)
            _exit(0)
        }
        // The terminal is given back next (the deferred stop), then the meeting left and the store closed: a server
        // that stopped answering would hold the shell for as long as the network waits, so the process ends a
        // second after the user quit whatever the store still does.
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { _exit(0) }
    }
}

extension ColorPreference: ExpressibleByArgument {}

extension DashboardCommand {
    /// Where the dashboard reads keys and draws: standard input and output when both are the terminal, else the
    /// process's terminal itself (`/dev/tty`), as `less` reads its keys: with standard input at its end
    /// (`< /dev/null`, a job in the background of a script) curses read nothing for ever, busily, and with
    /// output to a file the screen went there. With no terminal at all, it says so before reading any data.
    static func terminalDevice() throws -> NcursesTerminal.Device {
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 { return .standard }
        let terminal = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else {
            throw CommandFailure(
                "the dashboard needs a terminal, and this process has none (for a script, `scorecard status`, "
                    + "`alerts` or `report` give the same figures as text, JSON, CSV or a paper)")
        }
        close(terminal)
        return .files(input: "/dev/tty", output: "/dev/tty", terminalType: ProcessInfo.processInfo.environment["TERM"] ?? "")
    }

    /// The terminal's problem in a sentence a user can act on.
    static func terminalProblem(_ error: TerminalError) -> String {
        switch error {
        case .unknownTerminal(let type) where type.isEmpty:
            "TERM is not set, so the dashboard cannot tell what the terminal can do: set it (export TERM=xterm-256color, say)"
        case .unknownTerminal(let type):
            "the terminal type \(type.terminalSafe.excerpt()) (TERM) is not in this system's terminfo database: set TERM "
                + "to one it has (xterm-256color, say), or install ncurses-term"
        case .cannotAddressCursor(let type):
            "the terminal type \(type.terminalSafe.excerpt()) (TERM) cannot move the cursor, which the dashboard needs: "
                + "set TERM to a full terminal's (xterm-256color, say); for plain text, `scorecard status`"
        case .cannotOpen(let what): "cannot open \(what.terminalSafe) for the dashboard"
        case .alreadyRunning: "a dashboard is already running in this process"
        }
    }
}
