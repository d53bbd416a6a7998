#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Dashboard

/// The real terminal: the only type that talks to ncurses.
///
/// Starts curses with `newterm` (so a bad `TERM` is an error, not an exit), in cbreak mode (Ctrl-Z still
/// suspends) with no echo, keypad decoding, a 25 ms escape delay and a hidden cursor. Colours use the
/// terminal's defaults (`use_default_colors`) and pairs are allocated lazily. ``stop()`` is idempotent
/// and signals restore the terminal (see the module's signal guard).
public final class NcursesTerminal: Terminal {
    /// Where curses reads keys and writes the screen.
    public enum Device: Hashable, Sendable {
        /// The process's standard input and output, with `TERM` from the environment.
        case standard
        /// Files opened by path (e.g. `/dev/null` for headless tests), with an explicit terminal type.
        case files(input: String, output: String, terminalType: String)
    }

    /// Capabilities decided at ``start()`` from the environment, options and the terminal's colours.
    public private(set) var capabilities: Capabilities
    private let device: Device
    private let colorPreference: ColorPreference
    private let forceASCII: Bool
    private let environment: [String: String]
    private var screen: OpaquePointer?
    private var openedFiles: [UnsafeMutablePointer<FILE>] = []
    /// The file curses writes the screen to.
    private var output: UnsafeMutablePointer<FILE>?
    /// The key codes bracketed paste's start and end sequences are given (``readKey(timeout:)`` reads the text
    /// between them whole).
    static let pasteStart = sc_key_max() + 1
    static let pasteEnd = sc_key_max() + 2
    var colorPairs = ColorPairs(mode: .none)
    var previous: ScreenBuffer?
    var needsFullRepaint = false
    /// Whether keys are read as bytes and decoded from UTF-8 here: where the locale's own encoding is not UTF-8.
    private(set) var decodesUTF8Itself = false

    /// Reads keys as bytes and decodes them from UTF-8 here, or not. Bytes so decoded come whole: without curses'
    /// meta mode, a terminal type that says nothing of a meta key gave é's bytes with their top bit taken off (C
    /// and a closing parenthesis); it is turned off again on the way out.
    func decodeUTF8Itself(_ on: Bool) {
        decodesUTF8Itself = on
        if on, let window = sc_stdscr() { meta(window, true) }
    }
    /// How many cells the last ``present(_:)`` sent to curses (for tests of the diff).
    var cellsWrittenByLastPresent = 0

    /// Creates a stopped terminal; `environment` defaults to the variables that matter, read from the process.
    public init(
        device: Device = .standard, colorPreference: ColorPreference = .auto, forceASCII: Bool = false,
        environment: [String: String]? = nil
    ) {
        self.device = device
        self.colorPreference = colorPreference
        self.forceASCII = forceASCII
        self.environment = environment ?? Self.processEnvironment()
        capabilities = Capabilities(colorMode: .none, glyphs: .ascii)
    }

    deinit { stop() }

    /// Whether curses currently owns the screen.
    public var isRunning: Bool { screen != nil }

    /// Takes over the screen; throws if the terminal type is unknown, a file cannot be opened or another terminal runs.
    public func start() throws {
        guard screen == nil else { return }
        guard SignalGuard.install() else { throw TerminalError.alreadyRunning }
        do {
            try openScreen()
        } catch {
            SignalGuard.uninstall()
            throw error
        }
        cbreak()
        noecho()
        nonl()
        intrflush(sc_stdscr(), false)
        keypad(sc_stdscr(), true)
        decodeUTF8Itself(String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8")
        leaveok(sc_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Bracketed paste: pasted text arrives between ESC [200~ and ESC [201~, read whole as a paste, so that a
        // commentary pasted with its line breaks is not taken as Enter and keys.
        define_key("\u{1B}[200~", Self.pasteStart)
        define_key("\u{1B}[201~", Self.pasteEnd)
        writeControl(SignalGuard.pasteModeOn.description)
        if let output { SignalGuard.bracketedPaste(on: fileno(output)) }
        SignalGuard.wrapSuspend()
        // COLORS is only set by start_color, so ask terminfo directly before deciding.
        let colors = has_colors() ? max(0, Int(tigetnum("colors"))) : 0
        capabilities = Capabilities.detect(
            environment: environment, colorPreference: colorPreference, forceASCII: forceASCII, terminalColors: colors)
        if capabilities.colorMode != .none {
            start_color()
            use_default_colors()
        }
        colorPairs = ColorPairs(mode: capabilities.colorMode)
        previous = nil
    }

    /// Gives the screen back: ends curses, frees the screen, restores signal handlers. Safe to call twice.
    public func stop() {
        guard let screen else { return }
        SignalGuard.unwrapSuspend()
        SignalGuard.bracketedPaste(on: -1)
        writeControl(SignalGuard.pasteModeOff.description)
        if decodesUTF8Itself { meta(sc_stdscr(), false) }
        // Blank the screen before leaving it: after the window grew, tmux re-flowed the alternate screen's lines
        // that fill the width (curses reaches the next line by wrapping) into the shell's screen as it left,
        // so dashboard lines stayed above the prompt.
        if let window = sc_stdscr() {
            werase(window)
            wnoutrefresh(window)
            doupdate()
        }
        endwin()
        delscreen(screen)
        self.screen = nil
        for file in openedFiles { fclose(file) }
        openedFiles = []
        previous = nil
        SignalGuard.uninstall()
    }

    /// The screen size in columns and rows (zero when stopped).
    public var size: Size {
        guard isRunning, let window = sc_stdscr() else { return Size(width: 0, height: 0) }
        return Size(width: Int(sc_getmaxx(window)), height: Int(sc_getmaxy(window)))
    }

    /// Opens the device and creates the curses screen.
    private func openScreen() throws {
        setlocale(LC_ALL, "")
        let input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, type: String?
        switch device {
        case .standard:
            guard let stdin = sc_stdin(), let stdout = sc_stdout() else { throw TerminalError.cannotOpen("stdio") }
            (input, output, type) = (stdin, stdout, nil)
        case .files(let inputPath, let outputPath, let terminalType):
            guard let inputFile = fopen(inputPath, "r") else { throw TerminalError.cannotOpen(inputPath) }
            guard let outputFile = fopen(outputPath, "w") else {
                fclose(inputFile)
                throw TerminalError.cannotOpen(outputPath)
            }
            openedFiles = [inputFile, outputFile]
            (input, output, type) = (inputFile, outputFile, terminalType)
        }
        guard let created = newterm(type, output, input) else {
            for file in openedFiles { fclose(file) }
            openedFiles = []
            throw TerminalError.unknownTerminal(type ?? environment["TERM"] ?? "")
        }
        set_term(created)
        guard sc_can_address_cursor() != 0 else {
            endwin()
            delscreen(created)
            for file in openedFiles { fclose(file) }
            openedFiles = []
            throw TerminalError.cannotAddressCursor(type ?? environment["TERM"] ?? "")
        }
        screen = created
        self.output = output
    }

    /// Writes a control sequence straight to the terminal (one curses has no call for).
    private func writeControl(_ sequence: String) {
        guard let output else { return }
        fputs(sequence, output)
        fflush(output)
    }

    /// The variables ``Capabilities/detect(environment:colorPreference:forceASCII:terminalColors:)`` reads.
    private static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in ["NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG", "TERM"] {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }
}
