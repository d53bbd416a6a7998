import Foundation

/// Writes a council out as a data directory that reads back to the same council, all or nothing: the files are
/// written into a new directory beside the destination, which is renamed into place only once every file is written.
public enum CouncilExport {
    /// How the directory holds the council.
    public enum Layout: Sendable {
        /// `framework.yaml` with the measures, and `observations.csv` (and `national/` with outcome measures'
        /// comparators, in both layouts).
        case yaml
        /// `framework.yaml` with the plan alone, `measures.csv`, and `observations.csv` (one row per measure and a
        /// column per period when `wideObservations`).
        case tables(wideObservations: Bool)
    }

    /// The files of `council` in `layout`: each file's name and bytes.
    public static func files(_ council: Council, layout: Layout) -> [(name: String, bytes: [UInt8])] {
        switch layout {
        case .yaml:
            return [
                (CouncilDirectory.frameworkName, Array(FrameworkWriter.yaml(council).utf8)),
                (CouncilDirectory.observationsName, Array(CouncilTablesWriter.observations(council).csv.utf8)),
            ] + CouncilTablesWriter.nationalFiles(council)
        case .tables(let wide):
            return [
                (CouncilDirectory.frameworkName, Array(FrameworkWriter.yaml(council, measures: false).utf8)),
                (CouncilDirectory.measuresName, Array(CouncilTablesWriter.measures(council).csv.utf8)),
                (CouncilDirectory.observationsName, Array(CouncilTablesWriter.observations(council, wide: wide).csv.utf8)),
            ] + CouncilTablesWriter.nationalFiles(council)
        }
    }

    /// Writes `council` to the directory `path`, which must not exist yet (or be empty).
    ///
    /// - Throws: ``ExportError`` when `path` is taken or a file cannot be written; nothing is left behind then.
    public static func write(_ council: Council, layout: Layout, to path: String) throws {
        try ExportError.checkDestination(path, directory: true)
        try ExportError.checkNumbers(of: council, path: path)
        try replacing(path) { temporary in
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
            for (name, bytes) in files(council, layout: layout) {
                let url = URL(fileURLWithPath: temporary).appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            }
        }
    }

    /// Runs `write` on a new temporary path beside `path`, then moves what it wrote to `path` (replacing a file, or
    /// an empty directory, that is there). On any failure the temporary path is removed and `path` left as it was;
    /// what an interrupted export left beside `path` is removed first.
    public static func replacing(_ path: String, _ write: (_ temporary: String) throws -> Void) throws {
        Leftovers.removePartials(of: path)
        let temporary = Leftovers.partialPath(for: path)
        let manager = FileManager.default
        try? manager.removeItem(atPath: temporary)  // Left by an earlier process that had this one's id.
        do {
            try write(temporary)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                try manager.removeItem(atPath: path)
            }
            if rename(temporary, path) != 0 {
                throw ExportError(path: path, message: "cannot be written (\(String(cString: strerror(errno))))")
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            if let error = error as? ExportError { throw error }
            throw ExportError(path: path, message: "cannot be written (\(error.localizedDescription))")
        }
    }
}
