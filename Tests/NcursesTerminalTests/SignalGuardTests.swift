#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

@testable import NcursesTerminal

/// How a child process ended.
enum ChildEnd: Equatable {
    case exited(Int32)
    case killed(by: Int32)
}

@Suite("Signals while the dashboard owns the terminal")
struct SignalGuardTests {
    /// Forks a child that gives `number` a handler exiting with status 42 (standing in for the Swift runtime's
    /// backtracer, which keeps the process alive for 30 s), installs the guard over it and raises `number`.
    static func childEnd(raising number: Int32) -> ChildEnd {
        // The child of a process with other threads must not be the first to make a lazy value or a generic
        // type's metadata: that takes a lock another thread may have held at the fork, for good in the child
        // (one run hung in the child's first use of `handledSignals`, on the Swift runtime's metadata lock,
        // while PostgreSQL tests ran beside it). The parent goes through what the child's guard uses first;
        // `uninstall()` changes nothing here, as no test installs the guard in this process.
        for number in SignalGuard.handledSignals + SignalGuard.terminationSignals + SignalGuard.crashSignals { _ = number }
        SignalGuard.uninstall()
        _ = SignalGuard.takeInterrupt()
        let pid = fork()
        if pid == 0 {
            var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
            setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
            // Test threads (Dispatch's) block signals; a guard installed by a test in the parent is not this child's.
            var none = sigset_t()
            sigemptyset(&none)
            sigprocmask(SIG_SETMASK, &none, nil)
            SignalGuard.uninstall()
            signal(number) { _ in _exit(42) }
            _ = SignalGuard.install()
            raise(number)
            _exit(0)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .killed(by: signal)
    }

    @Test("SIGQUIT (Ctrl-\\), SIGTERM and SIGHUP end the program by the signal itself, not the previous handler")
    func terminationSignalsEnd() {
        for number in [SIGQUIT, SIGTERM, SIGHUP] {
            #expect(Self.childEnd(raising: number) == .killed(by: number), "signal \(number)")
        }
    }

    @Test("a crash signal still goes on to the previous handler (the backtracer) after the terminal is restored")
    func crashSignalsReachThePreviousHandler() {
        #expect(Self.childEnd(raising: SIGABRT) == .exited(42))
    }
}
