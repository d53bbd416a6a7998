import NIOCore
import PostgresNIO

/// Reads a result cell in PostgreSQL's binary format straight from its bytes: for the hundreds of thousands of
/// values a dashboard opens with, where postgres-nio's generic `decode` was measured as most of the client's time
/// (written by hand for that reason only; every other read uses `decode`).
enum BinaryCell {
    /// An integer column (`smallint`, `integer`, `bigint`); `nil` for NULL.
    static func integer(_ cell: PostgresCell) throws -> Int? {
        guard var bytes = cell.bytes else { return nil }
        guard cell.format == .binary else { return try cell.decode(Int.self) }
        switch (cell.dataType, bytes.readableBytes) {
        case (.int2, 2): return bytes.readInteger(as: Int16.self).map(Int.init)
        case (.int4, 4): return bytes.readInteger(as: Int32.self).map(Int.init)
        case (.int8, 8): return bytes.readInteger(as: Int64.self).map(Int.init)
        default: return try cell.decode(Int.self)
        }
    }

    /// A `double precision` column; `nil` for NULL.
    static func double(_ cell: PostgresCell) throws -> Double? {
        guard var bytes = cell.bytes else { return nil }
        guard cell.format == .binary, cell.dataType == .float8, bytes.readableBytes == 8,
            let pattern = bytes.readInteger(as: UInt64.self)
        else { return try cell.decode(Double.self) }
        return Double(bitPattern: pattern)
    }

    /// A `boolean` column; `nil` for NULL.
    static func bool(_ cell: PostgresCell) throws -> Bool? {
        guard var bytes = cell.bytes else { return nil }
        guard cell.format == .binary, cell.dataType == .bool, bytes.readableBytes == 1, let byte = bytes.readInteger(as: UInt8.self)
        else { return try cell.decode(Bool.self) }
        return byte != 0
    }

    /// A text column; `nil` for NULL.
    static func text(_ cell: PostgresCell) throws -> String? {
        guard var bytes = cell.bytes else { return nil }
        guard cell.format == .binary, cell.dataType == .text || cell.dataType == .varchar else { return try cell.decode(String.self) }
        return bytes.readString(length: bytes.readableBytes)
    }
}
