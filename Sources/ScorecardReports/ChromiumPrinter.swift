import ScorecardKit
import Foundation

/// Prints an HTML report to PDF with headless Chromium (Debian's `chromium`): the same HTML, laid out by a real
/// browser, its `@page` rules giving A4 pages with the footer and page numbers.
public struct ChromiumPrinter: Sendable {
    /// Why a PDF could not be made.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No Chromium on this machine.
        case notInstalled
        /// Chromium ran but made no PDF.
        case failed(String)
        /// Chromium did not finish in time (and was stopped).
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .notInstalled:
                "making a PDF needs Chromium, which is not installed: install Debian's chromium package "
                    + "(`apt-get install chromium`), or set SCORECARD_CHROMIUM to a Chromium or Chrome binary; "
                    + "--format html writes the same report without it"
            case .failed(let reason): "Chromium could not print the report: \(reason)"
            case .timedOut(let seconds): "Chromium did not finish printing the report within \(seconds) s, and was stopped"
            }
        }
    }

    /// The Chromium binary.
    public let executable: URL
    /// How long printing may take before Chromium is stopped.
    public var timeout: TimeInterval

    /// The names Chromium goes by, looked for on `PATH` in this order.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// Chromium from `SCORECARD_CHROMIUM`, else the first of ``names`` on `PATH`.
    ///
    /// - Throws: ``Failure/notInstalled`` when there is none.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChromiumPrinter {
        let fileManager = FileManager.default
        if let given = environment["SCORECARD_CHROMIUM"], !given.isEmpty {
            guard fileManager.isExecutableFile(atPath: given) else { throw Failure.notInstalled }
            return ChromiumPrinter(executable: URL(fileURLWithPath: given), timeout: 600)
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for name in names {
            for directory in path.split(separator: ":") {
                let candidate = "\(directory)/\(name)"
                if fileManager.isExecutableFile(atPath: candidate) {
                    return ChromiumPrinter(executable: URL(fileURLWithPath: candidate), timeout: 600)
                }
            }
        }
        throw Failure.notInstalled
    }

    /// Prints `html` to a PDF and returns its bytes. Works in a private temporary directory (only its owner may
    /// read it: a paper may hold drafts; removed after), so nothing is left behind and nothing is written where
    /// the report goes until it is whole. Interrupted (Ctrl-C, SIGTERM, SIGHUP), it stops Chromium, removes the
    /// directory and ends the process with status 128 + the signal's number.
    public func pdf(html: String) throws -> Data {
        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory.appendingPathComponent("scorecard-report-\(UUID().uuidString)")
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fileManager.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        let output = directory.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)

        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
            // The page is Scorecard's own, with no scripts and nothing to fetch, and its content security policy
            // forbids both. (Turning scripts off with --blink-settings stops Chromium printing at all.)
            "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        let log = directory.appendingPathComponent("chromium.log")
        guard fileManager.createFile(atPath: log.path, contents: nil) else {
            throw Failure.failed("its log could not be made in \(directory.path)")
        }
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardOutput = logHandle
        process.standardError = logHandle
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure.failed("\(executable.path) would not start (\(error.localizedDescription))")
        }
        // Interrupted, Chromium is stopped (killed if it has not gone 5 s later), and once it has gone the
        // directory is removed here and the process ends as the signal would have ended it.
        let pid = process.processIdentifier
        let interruption = Interruption.watch { _ in
            kill(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 5) { kill(pid, SIGKILL) }
        }
        defer { interruption.end() }
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if let signal = interruption.signal {
            if timedOut { kill(pid, SIGKILL) }
            try? fileManager.removeItem(at: directory)
            exit(128 + signal)
        }
        if timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut { kill(pid, SIGKILL) }
            throw Failure.timedOut(seconds: Int(timeout))
        }
        let data = (try? Data(contentsOf: output)) ?? Data()
        guard process.terminationStatus == 0, data.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lastLine = said.split(separator: "\n").last { !$0.contains("dbus") && !$0.isEmpty }.map(String.init) ?? ""
            throw Failure.failed(
                "it exited with status \(process.terminationStatus) and wrote no PDF"
                    + (lastLine.isEmpty ? "" : " (\(lastLine.terminalSafe.prefix(300)))"))
        }
        return data
    }
}
