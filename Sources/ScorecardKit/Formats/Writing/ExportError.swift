import Foundation

/// Why a council could not be written out.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    /// The destination, as the user gave it.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path.terminalSafe): \(message.terminalSafe)" }

    /// Throws unless every value and target of `council` is a number the files can hold and read back (within
    /// ±10^15, ``ValueLimits/sane``): a database damaged or edited by hand may hold `inf` or `1e300`, which the
    /// written files would hold too and then refuse on reading.
    public static func checkNumbers(of council: Council, path: String) throws {
        for (index, series) in council.observations.enumerated() {
            for observation in series {
                for (what, number) in [("value", observation.value), ("target", observation.target)] {
                    guard let number, let problem = ValueLimits.insanity(of: number) else { continue }
                    throw ExportError(
                        path: path,
                        message: "\(council.measures[index].code) \(observation.period): the \(what) in the database is not one "
                            + "the files can hold (\(problem)); record it again, then export; nothing was written")
                }
            }
        }
    }

    /// Where a file written to `path` goes: `path` itself, or for a symbolic link the file it points to (so that
    /// the link stays a link). Throws for a device, a pipe or a socket, which a file written beside it and renamed
    /// into place would replace (`/dev/full`, a FIFO) rather than write to.
    public static func fileDestination(_ path: String) throws -> String {
        let manager = FileManager.default
        // What the path leads to in the end (`/dev/stdout` to a pipe or a terminal): only a file or a folder.
        var status = stat()
        if stat(path, &status) == 0, !([S_IFREG, S_IFDIR] as [mode_t]).contains(status.st_mode & S_IFMT) {
            throw ExportError(
                path: path, message: "is not a regular file (a device, a pipe or a socket); give a file's name (or --out - for standard output)")
        }
        var current = path
        // As the system follows links: a few dozen at most, so a loop ends.
        for _ in 0..<32 {
            guard (try? manager.attributesOfItem(atPath: current))?[.type] as? FileAttributeType == .typeSymbolicLink else { return current }
            let target = try manager.destinationOfSymbolicLink(atPath: current)
            current = target.hasPrefix("/") ? target : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(target).path
        }
        throw ExportError(path: path, message: "is a symbolic link that goes round in a loop; give a file's name")
    }

    /// Throws unless `path` is free for a new directory (absent, or an empty directory) or a new file (absent, or a
    /// file to replace), and its folder exists.
    public static func checkDestination(_ path: String, directory: Bool) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if directory {
                guard isDirectory.boolValue else { throw ExportError(path: path, message: "is a file; give a new directory to write the council into") }
                guard (try? manager.contentsOfDirectory(atPath: path))?.isEmpty == true else {
                    throw ExportError(path: path, message: "is a directory that is not empty; give a new (or empty) one")
                }
            } else if isDirectory.boolValue {
                throw ExportError(path: path, message: "is a directory; give the workbook's file name (council.xlsx)")
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ExportError(path: path, message: "its folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else { throw ExportError(path: path, message: "\(folder) is not a folder") }
    }
}
