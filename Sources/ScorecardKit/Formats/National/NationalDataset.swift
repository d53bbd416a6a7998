import Foundation

/// A national dataset as downloaded: the rows of a Fingertips or LG Inform CSV file, read by column name.
///
/// Publishers add, drop and rename columns between downloads (Fingertips files have 26 or 27 columns and name the
/// parent comparison after the parent's area type), so columns are found by their heading, columns not used are
/// ignored, and a row short of the header (Fingertips leaves the last field off) reads the missing fields as empty.
public struct NationalDataset: Sendable, Equatable {
    /// Who published the file, told by its header.
    public enum Publisher: String, Sendable, Equatable {
        /// OHID's public-health profiles (fingertips.phe.org.uk): a data download or the API's CSV.
        case fingertips
        /// The Local Government Association's LG Inform (Plus): a data download of one or more metrics.
        case lgInform = "lg-inform"
    }

    /// The file's path as the user gave it.
    public var file: String
    public var publisher: Publisher
    /// Every row, in the file's order.
    public var records: [NationalRecord]

    public init(file: String, publisher: Publisher, records: [NationalRecord]) {
        self.file = file
        self.publisher = publisher
        self.records = records
    }

    /// Reads the CSV `bytes` of a national download; `file` names it in errors.
    ///
    /// - Throws: ``DataFileError`` naming the file, line and column: not a CSV file, a header that is neither
    ///   publisher's, a required column missing, a number that is not one, a row repeated.
    public static func read(bytes: [UInt8], file: String) throws -> NationalDataset {
        // A NUL byte belongs in no download (a damaged file, or one saved as UTF-16 and cut): said as itself, not as
        // the odd heading or number it would make.
        if let nul = bytes.firstIndex(of: 0), UTF8Validation.otherThanText(bytes, saveAs: "CSV") == nil {
            let line = bytes[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            throw DataFileError(file: file, line: line, field: nil, message: "the file holds a NUL character (byte 0), which no download has")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw DataFileError(
                file: file, line: nil, field: nil,
                message: "the file is a zip archive (an Excel workbook, perhaps), not text: a national download is read as "
                    + "CSV (download it as CSV, or save the sheet as \"CSV UTF-8\")")
        }
        let reader = CSVReader(bytes: bytes, file: file)
        var layout: Layout?
        var records: [NationalRecord] = []
        var seen: [RowKey: Int] = [:]
        func add(_ row: NationalRecord, range: String) throws {
            // An area's code in another case (e06000099 beside E06000099) is the same area given twice.
            let key = RowKey(breakdown: row.breakdown, areaCode: row.areaCode.uppercased(), areaType: row.areaType, range: range)
            if let earlier = seen[key] {
                throw DataFileError(
                    file: file, line: row.line, field: nil,
                    message: "this row repeats line \(earlier): the same area, indicator, period and breakdown")
            }
            seen[key] = row.line
            records.append(row)
        }
        try reader.forEachRecord { record in
            // A row of nothing but commas (a spreadsheet's last row, saved as CSV) is skipped, as observations.csv skips one.
            if layout != nil, (0..<record.count).allSatisfy({ record.isBlank($0) }) { return }
            switch layout {
            case nil:
                let headings = (0..<record.count).map { record.string($0) }
                layout = LGInformColumns.recognises(headings)
                    ? .lgInform(LGInformColumns(headings: headings, line: record.line))
                    : .fingertips(try NationalColumns(headings: headings, line: record.line, file: file))
            case .fingertips(let columns):
                try add(try columns.record(from: record, file: file), range: columns.range(of: record))
            case .lgInform(var columns):
                if try columns.takeHeader(record, file: file) {
                    layout = .lgInform(columns)
                    return
                }
                for row in try columns.records(from: record, file: file) { try add(row, range: "") }
            }
        }
        switch layout {
        case nil:
            throw DataFileError(file: file, line: nil, field: nil, message: "the file is empty: a national download starts with a header row")
        case .fingertips:
            return NationalDataset(file: file, publisher: .fingertips, records: records)
        case .lgInform:
            return NationalDataset(file: file, publisher: .lgInform, records: records)
        }
    }

    /// How the file's rows are read, once its header is known.
    private enum Layout {
        case fingertips(NationalColumns)
        case lgInform(LGInformColumns)
    }

    private struct RowKey: Hashable {
        var breakdown: NationalRecord.Breakdown
        var areaCode: String
        var areaType: String
        var range: String
    }
}

extension NationalDataset {
    /// Reads the national download at `path`.
    ///
    /// - Throws: ``DataFileError`` naming the file (and line and column): no such file, a directory, a device or a
    ///   pipe, unreadable, or a problem in its contents (see ``read(bytes:file:)``).
    public static func read(path: String) throws -> NationalDataset {
        let message: String
        switch FileBytes.read(path) {
        case .success(let bytes): return try read(bytes: bytes, file: path)
        case .failure(.directory): message = "is a directory, not a file"
        case .failure(.notRegular): message = "is not a regular file (a device or a pipe); give a file"
        case .failure(.unreadable):
            message = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)" : "no such file"
        }
        throw DataFileError(file: path, line: nil, field: nil, message: message)
    }
}
