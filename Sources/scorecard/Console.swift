import Foundation
import ScorecardKit

/// The command line's way to the terminal: every line printed goes through ``Swift/StringProtocol/terminalSafe``,
/// so that no text from a data file, the database or the arguments can carry a control character (an escape
/// sequence, a bell) to the terminal. The line breaks between lines are the program's own; commands make each
/// value from the data safe where they put it into a line, so that a line break inside a value cannot forge a line.
enum Console {
    /// Prints `text` and a line break on standard output.
    static func out(_ text: String) {
        write(safe(text) + "\n")
    }

    /// Writes a whole document (CSV, Markdown, HTML) on standard output, made safe by ``safeDocument(_:)``.
    static func document(_ document: String) {
        write(safeDocument(document))
    }

    /// Writes `text` on standard output. A write that fails (a full disk, a closed descriptor) says so and ends
    /// the command with status 1: a script reading `status --json > file` on a full disk must not take an empty
    /// file for the answer (it exited 0, or crashed writing a report to `--out -`). One to a pipe whose reader
    /// has gone ends the process (SIGPIPE), as usual.
    private static func write(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
            let reason = underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
                ?? error.localizedDescription
            Console.error("Error: the output could not be written (\(reason)); it is incomplete.")
            exit(1)
        }
    }

    /// Prints `text` and a line break on standard error.
    static func error(_ text: String) {
        var standardError = FileHandle.standardError
        print(safe(text), to: &standardError)
    }

    /// Says on standard error when a write has waited a second for another process writing to the same database
    /// file (SQLite; up to ``SQLiteStore/busyTimeout``), so that the command does not seem to hang.
    static func announceWaitsForOtherWriters() {
        _ = announcing
    }

    /// The announcement, set up once however many commands a process runs (tests run many).
    private static let announcing: Int = BusyWait.announceLongWaits {
        Console.error(
            "Waiting for another process to finish writing to the database (an import, or a sqlite3 session left in a "
                + "transaction); giving up after \(Int(SQLiteStore.busyTimeout)) s...")
    }

    /// A whole document (CSV, Markdown, HTML) for standard output: its line breaks and tabs kept, inside quoted
    /// fields too (a spreadsheet reads them as such), and every other control character replaced as
    /// ``Unicode/Scalar/shownInstead`` says (U+FFFD, or a space for one that only spaces or breaks text), a
    /// carriage return too unless a line feed follows it (on a terminal, a lone one sends the cursor back to
    /// overwrite the line, so that a line could be forged).
    static func safeDocument(_ document: String) -> String {
        // Nearly every document holds no control but its line feeds and tabs: one pass finds that first.
        guard document.unicodeScalars.contains(where: { $0.isTerminalControl && $0 != "\n" && $0 != "\t" }) else { return document }
        var text = String.UnicodeScalarView()
        let scalars = Array(document.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            // Line breaks and tabs are data a terminal shows as such (a tab in a note stays a tab in the CSV).
            let lineBreak = scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
            text.append(scalar.isTerminalControl && !lineBreak && scalar != "\t" ? scalar.shownInstead : scalar)
        }
        return String(text)
    }

    /// `text` with each of its lines made terminal-safe, the line feeds between them kept.
    static func safe(_ text: String) -> String {
        // Nearly all output holds no control: one pass finds that before any line is split off (splitting a
        // benchmark's 7M lines of JSON was half its time).
        guard text.unicodeScalars.contains(where: { $0 != "\n" && $0.isTerminalControl }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.terminalSafe }.joined(separator: "\n")
    }
}
