/// A problem in one of the council's data files, pinned to the file, the line and the field (in a workbook: the
/// sheet and the cell).
public struct DataFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it.
    public var file: String
    /// The 1-based line the problem starts on (in a workbook's sheet: the row); `nil` for a problem with the file
    /// as a whole.
    public var line: Int?
    /// The column or key at fault, if one is.
    public var field: String?
    /// What is wrong, in plain words; values from the file are quoted as short excerpts (``Swift/StringProtocol/excerpt(_:)``).
    public var message: String
    /// The workbook's sheet the problem is in; `nil` for a file that is not a workbook.
    public var sheet: String?
    /// The 0-based column of the field at fault, when known: with ``line``, it names a workbook's cell (`D7`).
    public var column: Int?

    public init(file: String, line: Int?, field: String?, message: String, sheet: String? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.sheet = sheet
        self.column = column
    }

    /// `data/observations.csv:14: field "period": "2024/26" is not a period ...`, or in a workbook
    /// `council.xlsx: sheet Observations, cell D7 (2024/25 Q2): "abc" is not a number`; safe to print on a terminal:
    /// control characters are replaced (``Swift/StringProtocol/terminalSafe``) and the field is cut to a short excerpt.
    public var description: String {
        var text = file.terminalSafe
        guard let sheet else {
            if let line { text += ":\(line)" }
            text += ": "
            if let field { text += "field \"\(field.excerpt())\": " }
            return text + message.terminalSafe
        }
        text += ": sheet \(sheet.excerpt())"
        switch (line, column) {
        case (let row?, let column?): text += ", cell \(ColumnName.letters(column))\(row)"
        case (let row?, nil): text += ", row \(row)"
        default: break
        }
        if let field { text += line == nil || column == nil ? ", field \"\(field.excerpt())\"" : " (\(field.excerpt()))" }
        return text + ": " + message.terminalSafe
    }
}

/// One or more problems found while loading a council's data; nothing was loaded.
public struct DataLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems, in file and line order (at most ``limit``).
    public var errors: [DataFileError]
    /// Whether more problems were found than are listed.
    public var truncated: Bool

    /// The most problems one load reports before it stops looking.
    public static let limit = 20

    public init(_ errors: [DataFileError], truncated: Bool = false) {
        self.errors = errors
        self.truncated = truncated
    }

    public var description: String {
        var lines = errors.map(\.description)
        if truncated { lines.append("(stopped after \(Self.limit) problems)") }
        return lines.joined(separator: "\n")
    }
}

extension DataLoadError {
    /// The result of `body`, with a ``DataFileError`` it throws reported as a ``DataLoadError``.
    static func collecting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataFileError {
            throw DataLoadError([error])
        }
    }
}
