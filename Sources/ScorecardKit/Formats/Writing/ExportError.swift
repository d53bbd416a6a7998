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
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ExportError(path: path, message: "its folder \(folder) does not exist")
        }
    }
}
