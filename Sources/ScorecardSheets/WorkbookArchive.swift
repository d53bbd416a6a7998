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
        try Self.checkFile(path)
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
            // Two parts of one name: which the workbook means cannot be told (a damaged or hand-made archive).
            guard entries.updateValue(entry, forKey: entry.path.lowercased()) == nil else {
                throw WorkbookArchive.error(path, "holds the part \(entry.path.excerpt()) twice: the archive is damaged; save it again from Excel")
            }
        }
        self.entries = entries
    }

    /// Refuses at once what is not a zip archive in a regular file: a pipe or a device (which ZIPFoundation would
    /// wait on for ever), a file that cannot be read, and one that does not start as a zip archive does (which
    /// it would search to the end for a zip's directory, a second or more per hundred megabytes).
    private static func checkFile(_ path: String) throws {
        // Non-blocking, so that opening a pipe nobody writes to returns at once.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw error(path, errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw error(path, "is not a regular file (a device or a pipe); give a workbook's file")
        }
        var magic = [UInt8](repeating: 0, count: 16)
        let got = magic.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, 16) }
        if got == 0, info.st_size == 0 {
            throw error(path, "is empty (0 bytes): save the workbook again from the spreadsheet")
        }
        // A database file given where data files go (`status council.sqlite`): said so, with the option that takes it.
        if got == 16, magic == Array("SQLite format 3\0".utf8) {
            throw error(path, "is a database (SQLite), not a council's data files: give a database with --database")
        }
        magic = Array(magic.prefix(4))
        // A zip starts with a local file header (PK 3 4), or is empty (PK 5 6).
        guard got >= 4, magic[0] == 0x50, magic[1] == 0x4B, (magic[2], magic[3]) == (3, 4) || (magic[2], magic[3]) == (5, 6) else {
            // Excel saves a workbook with a password (and the old .xls) as an OLE compound file: D0 CF 11 E0.
            if got >= 4, magic == [0xD0, 0xCF, 0x11, 0xE0] {
                throw error(
                    path, "is a password-protected workbook or an old Excel file (.xls): save it in Excel without a password, as .xlsx")
            }
            throw error(path, "is not an Excel workbook (.xlsx): it is not a zip archive")
        }
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
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                guard data.count <= Int(declared), bytesRead + data.count <= limits.totalBytes else { throw WorkbookArchiveOverflow() }
            }
        } catch is WorkbookArchiveOverflow {
            let problem = data.count > Int(declared) ? "holds more than the size it declares (the archive is damaged or hostile)" : "and the parts before it hold more than \(limits.totalBytes / 1_000_000) MB uncompressed"
            throw Self.error(path, "its part \(part) \(problem)")
        } catch {
            throw Self.error(path, "its part \(part) cannot be read (the archive is damaged: \(error))")
        }
        // ZIPFoundation works the checksum out but leaves comparing it to the caller: a damaged copy (one byte of a
        // value changed, 12 read as 72) must not load.
        guard checksum == entry.checksum else {
            throw Self.error(path, "its part \(part) is damaged (its checksum does not match): copy the workbook again, or save it again from Excel")
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
