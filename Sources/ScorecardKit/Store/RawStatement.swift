import Foundation
import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// A prepared statement driven through SQLite's C interface, for the bulk loops (importing and loading a
/// million rows): binding and reading columns directly is several times faster than building arguments and
/// rows for each of them.
struct RawStatement {
    let statement: Statement
    private let db: Database
    private var handle: SQLiteStatement { statement.sqliteStatement }

    init(_ db: Database, sql: String) throws {
        self.db = db
        self.statement = try db.makeStatement(sql: sql)
    }

    // MARK: Binding (indexes from 1)

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: Int32, _ value: String?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_text(handle, index, value, -1, Self.transient)
    }

    /// Binds bytes (SQLite copies them).
    func bind(_ index: Int32, blob: [UInt8]) {
        blob.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), Self.transient)
        }
    }

    /// Binds text that lives as long as the program (SQLite keeps the pointer rather than copying the bytes).
    func bind(_ index: Int32, staticText: UnsafePointer<CChar>?) {
        guard let staticText else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_text(handle, index, staticText, -1, nil)
    }

    /// Runs the statement once with its bound values, then makes it ready for the next.
    func execute() throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    // MARK: Reading (indexes from 0)

    /// Calls `body` for each row the statement returns.
    func forEachRow(_ body: () throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try body()
        }
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The column's number; `nil` when it is NULL or not a number (text in a file edited by hand is not read as 0).
    func double(_ column: Int32) -> Double? {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_FLOAT, SQLITE_INTEGER: sqlite3_column_double(handle, column)
        default: nil
        }
    }

    /// The column's whole number, read as `Row.lenient` reads one: `nil` when it is NULL, text, or a fraction.
    func integer(_ column: Int32) -> Int? {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: Int(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: Int(exactly: sqlite3_column_double(handle, column))
        default: nil
        }
    }

    /// Calls `body` with the column's bytes (empty unless it holds a blob), valid only during the call.
    func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        guard sqlite3_column_type(handle, column) == SQLITE_BLOB, let bytes = sqlite3_column_blob(handle, column) else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
    }

    /// The column's text, or `""` when it holds none (NULL or a number), as `Row.text` reads it.
    func text(_ column: Int32) -> String {
        guard sqlite3_column_type(handle, column) == SQLITE_TEXT, let text = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: text)
    }

    /// The column's text; `nil` when it holds none (NULL or a number).
    func optionalText(_ column: Int32) -> String? {
        sqlite3_column_type(handle, column) == SQLITE_TEXT ? text(column) : nil
    }

    /// The observation for `period` whose value, target, note and quality are the columns from `first` on
    /// (note and quality left out when `detailed` is false: the recent values are read without them).
    func observation(_ period: Period, columnsFrom first: Int32, detailed: Bool = true) -> Observation {
        Observation(
            period: period, value: double(first), target: double(first + 1), note: detailed ? string(first + 2) : nil,
            quality: detailed ? string(first + 3).flatMap(DataQuality.init(rawValue:)) : nil)
    }

    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }

    private func error(_ code: Int32) -> DatabaseError {
        let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }

    /// SQLite's SQLITE_TRANSIENT: copy the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

extension DataQuality {
    /// The keyword as a C string that is never freed (a literal in the binary), for
    /// ``RawStatement/bind(_:staticText:)``.
    var staticCString: UnsafePointer<CChar> {
        let literal: StaticString =
            switch self {
            case .provisional: "provisional"
            case .estimated: "estimated"
            case .validated: "validated"
            }
        return UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)
    }
}
