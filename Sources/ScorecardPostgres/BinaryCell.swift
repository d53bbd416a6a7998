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

    /// The elements of a one-dimensional array column of integers (`smallint[]`, `integer[]`, `bigint[]`), `nil`
    /// for a NULL element; none for NULL or an empty array.
    ///
    /// Arrays let one row carry a measure's recent values: postgres-nio's cost is per row and per cell, so
    /// 10,000 rows of arrays read several times faster than 272,000 rows of scalars. The elements are read
    /// straight from the bytes, not as `ByteBuffer` slices, whose reference counting was most of the time left.
    static func integers(_ cell: PostgresCell) throws -> [Int?] {
        try elements(cell) { raw, offset, length in
            switch length {
            case 2: Int(Int16(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
            case 4: Int(Int32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
            case 8: Int(Int64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
            default: nil
            }
        }
    }

    /// The elements of a `double precision[]` column (see `integers(_:)`).
    static func doubles(_ cell: PostgresCell) throws -> [Double?] {
        try elements(cell) { raw, offset, length in
            length == 8 ? Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) : nil
        }
    }

    /// The elements of a `boolean[]` column (see `integers(_:)`).
    static func bools(_ cell: PostgresCell) throws -> [Bool?] {
        try elements(cell) { raw, offset, length in length == 1 ? raw[offset] != 0 : nil }
    }

    /// The elements of a `text[]` column (see `integers(_:)`).
    static func texts(_ cell: PostgresCell) throws -> [String?] {
        try elements(cell) { raw, offset, length in
            String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]), as: UTF8.self)
        }
    }

    /// Walks PostgreSQL's binary array form: dimensions, a flag, the element type, each dimension's length and
    /// lower bound, then each element as a length (-1 for NULL) and its bytes.
    private static func elements<T>(
        _ cell: PostgresCell, _ element: (UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> T?
    ) throws -> [T?] {
        guard let bytes = cell.bytes else { return [] }
        guard cell.format == .binary else { throw PostgresStoreError.failed("the server sent an array as text") }
        return try bytes.withUnsafeReadableBytes { raw -> [T?] in
            var offset = 0
            func int32() throws -> Int {
                guard offset + 4 <= raw.count else { throw PostgresStoreError.failed("the server sent an array shorter than it said") }
                defer { offset += 4 }
                return Int(Int32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
            }
            let dimensions = try int32()
            _ = try int32()  // whether any element is NULL
            _ = try int32()  // the element type
            guard dimensions > 0 else { return [] }
            guard dimensions == 1 else { throw PostgresStoreError.failed("the server sent an array of more than one dimension") }
            let count = try int32()
            _ = try int32()  // the lower bound
            guard count >= 0, count <= raw.count else { throw PostgresStoreError.failed("the server sent an array shorter than it said") }
            var result: [T?] = []
            result.reserveCapacity(count)
            for _ in 0..<count {
                let length = try int32()
                if length < 0 {
                    result.append(nil)
                    continue
                }
                guard offset + length <= raw.count else { throw PostgresStoreError.failed("the server sent an array shorter than it said") }
                result.append(element(raw, offset, length))
                offset += length
            }
            return result
        }
    }
}
