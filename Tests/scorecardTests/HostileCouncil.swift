import Foundation
import ScorecardKit
import TestScratch

/// The bundled sample council, rewritten so that text from its files would attack a terminal: escape sequences
/// (retitle the window, clear the screen), bells, DEL and C1 controls in the council's name, every title and unit,
/// and every note.
enum HostileCouncil {
    /// What a raw note holds: OSC retitling the window, a bell, and CSI clearing the screen.
    static let attack = "\u{1B}]0;pwned\u{07}\u{1B}[2J"
    /// The same in YAML's double-quoted escapes, with a DEL and a C1 CSI after it.
    static let yamlAttack = "\\e]0;pwned\\a\\e[2J\\x7f\\x9b31m"

    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data").path

    /// Writes the hostile council to a new temporary directory and returns its path.
    static func write() throws -> String {
        var framework = try String(contentsOfFile: sample + "/" + CouncilDirectory.frameworkName, encoding: .utf8)
        framework = framework.replacingOccurrences(
            of: "council: Fernley Borough Council", with: "council: \"Fernley\(yamlAttack) Borough Council\"")
        framework = framework.replacing(/(title|unit): (.*)/) { match in
            let text = match.output.2.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\(match.output.1): \"\(yamlAttack)\(text)\(yamlAttack)\""
        }
        let csv = try String(contentsOfFile: sample + "/" + CouncilDirectory.observationsName, encoding: .utf8)
        let rows = csv.split(separator: "\n").map { row -> String in
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, !row.contains("\""), fields[0] != "measure" else { return String(row) }
            fields[4] = "\"Note\(attack)\u{7F}\u{9B}31m\""
            return fields.joined(separator: ",")
        }
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(framework.utf8).write(to: URL(fileURLWithPath: dir + "/" + CouncilDirectory.frameworkName))
        try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/" + CouncilDirectory.observationsName))
        // The national downloads, with the neighbours' and region's names attacking too.
        try FileManager.default.createDirectory(atPath: dir + "/national", withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: sample + "/national") {
            let text = try String(contentsOfFile: sample + "/national/" + name, encoding: .utf8)
                .replacingOccurrences(of: ",Ashbury,", with: ",Ashbury\(attack),")
                .replacingOccurrences(of: ",South West region,", with: ",South West\(attack) region,")
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/national/" + name))
        }
        return dir
    }
}

/// Whether `text` holds a scalar a terminal would obey rather than draw, other than the line feeds between lines.
func holdsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.isTerminalControl && $0 != "\n" }
}
