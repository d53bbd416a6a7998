/// How much of a workbook is read before it is refused: a zip bomb, a huge sheet or a million parts gives a clear
/// error rather than exhausting memory or time. A council's workbook is a few megabytes at most.
public struct WorkbookLimits: Sendable {
    /// The most bytes one part (a sheet, the shared strings) may hold once uncompressed.
    public var partBytes: Int
    /// The most bytes all the parts read may hold once uncompressed.
    public var totalBytes: Int
    /// The most cells the sheets read may hold, empty cells between others included.
    public var cells: Int
    /// The most files the zip archive may hold.
    public var entries: Int

    public init(partBytes: Int = 200_000_000, totalBytes: Int = 500_000_000, cells: Int = 5_000_000, entries: Int = 10_000) {
        self.partBytes = partBytes
        self.totalBytes = totalBytes
        self.cells = cells
        self.entries = entries
    }

    /// The rows a worksheet may have (Excel's own limit).
    static let rows = 1_048_576
}
