import Foundation
import ScorecardKit

/// A progress bar on standard error, drawn only when standard error is a terminal and the work is long
/// (many rows, or more than a second so far); redrawn in place and cleared at the end.
final class ProgressBar {
    private let label: String
    private let enabled: Bool
    private let started = Date()
    private var drawn = false
    private var lastPercent = -1

    /// Rows of work from which the bar shows at once, rather than after a second.
    static let longWork = 100_000

    init(label: String) {
        self.label = label
        self.enabled = isatty(STDERR_FILENO) != 0
    }

    /// Shows `done` of `total`.
    func update(done: Int, total: Int) {
        guard enabled, total > 0 else { return }
        guard drawn || total >= Self.longWork || Date().timeIntervalSince(started) > 1 else { return }
        let percent = min(100, done * 100 / total)
        guard percent != lastPercent else { return }
        lastPercent = percent
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let counts = "\(NumberText.grouped(Double(done), decimals: 0)) of \(NumberText.grouped(Double(total), decimals: 0))"
        FileHandle.standardError.write("\r\(label) [\(bar)] \(percent)% \(counts)")
        drawn = true
    }

    /// Clears the bar, if it was drawn.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write("\r\u{1B}[K")
        drawn = false
    }
}
