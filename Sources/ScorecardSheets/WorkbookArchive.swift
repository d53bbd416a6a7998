import Foundation
import ScorecardKit
import ZIPFoundation

/// The zip archive of a workbook, read part by part within ``WorkbookLimits``.
final class WorkbookArchive {
    let path: String
    let limits: WorkbookLimits
    private let archive: Archive
    /// The archive's entries by path, in lower case (part names are case-insensitive).
    private let entries: [String: Entry]
    /// The bytes read so far, for ``WorkbookLimits/totalBytes``.
    private var bytesRead = 0

    init(path: String, limits: WorkbookLimits) throws {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw WorkbookArchive.error(path, "is not an Excel workbook (.xlsx): it is not a zip archive")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard entries.count < limits.entries else {
                throw WorkbookArchive.error(path, "holds more than \(limits.entries) files: it is not a council's workbook")
            }
            entries[entry.path.lowercased()] = entry
        }
        self.entries = entries
    }

    /// The uncompressed bytes of the part at `part` (no leading `/`), or `nil` when there is none.
    func data(_ part: String) throws -> Data? {
        guard let entry = entries[part.lowercased()], entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        guard declared <= UInt64(limits.partBytes) else {
            throw Self.error(path, "its part \(part) is \(declared / 1_000_000) MB uncompressed, more than the \(limits.partBytes / 1_000_000) MB allowed")
        }
        var data = Data()
        data.reserveCapacity(min(Int(declared), 1 << 24))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                guard data.count <= Int(declared), bytesRead + data.count <= limits.totalBytes else { throw WorkbookArchiveOverflow() }
            }
        } catch is WorkbookArchiveOverflow {
            let problem = data.count > Int(declared) ? "holds more than the size it declares (the archive is damaged or hostile)" : "and the parts before it hold more than \(limits.totalBytes / 1_000_000) MB uncompressed"
            throw Self.error(path, "its part \(part) \(problem)")
        } catch {
            throw Self.error(path, "its part \(part) cannot be read (the archive is damaged: \(error))")
        }
        bytesRead += data.count
        return data
    }

    static func error(_ path: String, _ message: String) -> DataFileError {
        DataFileError(file: path, line: nil, field: nil, message: message)
    }
}

/// Thrown from inside an extraction to stop it once a limit is passed.
private struct WorkbookArchiveOverflow: Error {}
