#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// Restores the terminal on every way out by signal while curses owns the screen.
///
/// - SIGINT (Ctrl-C; in cbreak mode it arrives as a signal, not a key) is turned into a pending
///   `.ctrl("c")` key so the app can quit through its normal path and exit with status 0. A second
///   SIGINT before the app has read the first restores the terminal and re-raises, so a stuck app
///   can still be interrupted.
/// - SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) restore the terminal and re-raise with the default action, which ends
///   the program (exit status 128 + the signal's number). Nothing crashed, so SIGQUIT does not go on to the Swift
///   runtime's backtracer, which would print a backtrace and wait 30 s for a key on a screen nobody can read.
///   They are handled even if the program was started ignoring them (as a shell starts background jobs ignoring
///   SIGQUIT): a dashboard asked to end, ends.
/// - Crash signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT; Swift traps raise SIGILL or SIGTRAP)
///   restore the terminal, put back the previous handler (such as Swift's backtracer) and re-raise.
/// - SIGTSTP (Ctrl-Z) and SIGWINCH are left to ncurses, which suspends and resumes the screen and
///   reports resizes as `KEY_RESIZE`.
enum SignalGuard {
    /// The signals that ask the program to end: their handlers restore the terminal and re-raise with the default action.
    static let terminationSignals: [Int32] = [SIGTERM, SIGHUP, SIGQUIT]
    /// The signals of a crash: their handlers restore the terminal and re-raise with the previous handler.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]
    /// Every signal this guard handles.
    static let handledSignals: [Int32] = [SIGINT] + terminationSignals + crashSignals

    /// Room for a saved `sigaction` per signal number, and the pending-interrupt flag; allocated once, never freed.
    private nonisolated(unsafe) static let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    private nonisolated(unsafe) static let interruptPending: UnsafeMutablePointer<Int32> = {
        let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        flag.initialize(to: 0)
        return flag
    }()
    /// The terminal's output descriptor while bracketed paste is on (-1 when off): a way out by signal turns it off.
    private nonisolated(unsafe) static let pasteModeDescriptor: UnsafeMutablePointer<Int32> = {
        let descriptor = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        descriptor.initialize(to: -1)
        return descriptor
    }()
    private nonisolated(unsafe) static let installed: UnsafeMutablePointer<Int32> = {
        let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        flag.initialize(to: 0)
        return flag
    }()

    /// Installs the handlers, saving the previous ones; false if already installed.
    static func install() -> Bool {
        guard sc_atomic_exchange(installed, 1) == 0 else { return false }
        sc_atomic_store(interruptPending, 0)
        for number in handledSignals {
            sigaction(number, nil, saved + Int(number))
        }
        _ = signal(SIGINT) { _ in SignalGuard.interrupted() }
        for number in terminationSignals {
            _ = signal(number) { received in SignalGuard.restoreAndEnd(received) }
        }
        for number in crashSignals {
            _ = signal(number) { received in SignalGuard.restoreAndReraise(received) }
        }
        return true
    }

    /// Puts back the handlers saved by ``install()``.
    static func uninstall() {
        guard sc_atomic_exchange(installed, 0) == 1 else { return }
        for number in handledSignals {
            sigaction(number, saved + Int(number), nil)
        }
    }

    /// Whether an interrupt arrived since the last call (and clears it).
    static func takeInterrupt() -> Bool { sc_atomic_exchange(interruptPending, 0) != 0 }

    /// SIGINT: note it for the app, or give up if the previous one is still unread.
    private static func interrupted() {
        if sc_atomic_exchange(interruptPending, 1) != 0 { restoreAndReraise(SIGINT) }
    }

    /// Records that bracketed paste is on for the terminal written to `descriptor` (-1: off again).
    static func bracketedPaste(on descriptor: Int32) {
        sc_atomic_store(pasteModeDescriptor, descriptor)
    }

    /// Curses' own SIGTSTP handler (it gives the terminal back, stops, and takes it again on `fg`), saved when
    /// ``wrapSuspend()`` put ``suspend(_:)`` in front of it.
    private nonisolated(unsafe) static let cursesSuspend: UnsafeMutablePointer<sigaction> = {
        let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        action.initialize(to: sigaction())
        return action
    }()

    /// Puts ``suspend(_:)`` in front of curses' SIGTSTP handler (installed when the screen was made), so that
    /// Ctrl-Z turns bracketed paste off for the shell and `fg` turns it on again: curses knows nothing of it.
    static func wrapSuspend() {
        sigaction(SIGTSTP, nil, cursesSuspend)
        guard cursesSuspend.pointee.__sigaction_handler.sa_handler != nil else { return }
        _ = signal(SIGTSTP) { received in SignalGuard.suspend(received) }
    }

    /// Puts curses' SIGTSTP handler back (before the screen goes).
    static func unwrapSuspend() {
        guard cursesSuspend.pointee.__sigaction_handler.sa_handler != nil else { return }
        sigaction(SIGTSTP, cursesSuspend, nil)
    }

    /// Ctrl-Z: bracketed paste off, curses' handler (which returns once the program is continued), then on again.
    private static func suspend(_ number: Int32) {
        let descriptor = sc_atomic_exchange(pasteModeDescriptor, -1)
        if descriptor >= 0 { emit(pasteModeOff, to: descriptor) }
        cursesSuspend.pointee.__sigaction_handler.sa_handler?(number)
        if descriptor >= 0 {
            emit(pasteModeOn, to: descriptor)
            sc_atomic_store(pasteModeDescriptor, descriptor)
        }
    }

    /// Turns bracketed paste off, if on: async-signal-safe (a static string and `write`).
    private static func endBracketedPaste() {
        let descriptor = sc_atomic_exchange(pasteModeDescriptor, -1)
        guard descriptor >= 0 else { return }
        emit(pasteModeOff, to: descriptor)
    }

    /// The sequences that turn the terminal's bracketed paste on and off.
    static let pasteModeOn: StaticString = "\u{1B}[?2004h"
    static let pasteModeOff: StaticString = "\u{1B}[?2004l"

    /// Writes `sequence` to `descriptor`: a static string and `write`, safe in a signal handler.
    private static func emit(_ sequence: StaticString, to descriptor: Int32) {
        _ = write(descriptor, sequence.utf8Start, sequence.utf8CodeUnitCount)
    }

    /// Ends curses, restores the previous disposition and raises `signal` again (delivered when the handler returns).
    private static func restoreAndReraise(_ number: Int32) {
        endBracketedPaste()
        endwin()
        sigaction(number, saved + Int(number), nil)
        raise(number)
    }

    /// Ends curses and raises `signal` again with its default action, which ends the program when the handler returns.
    private static func restoreAndEnd(_ number: Int32) {
        endBracketedPaste()
        endwin()
        signal(number, SIG_DFL)
        raise(number)
    }
}
