/// One record of a table (a line of a CSV file, a row of a sheet): its fields as bytes in a shared buffer, and the
/// line (or row) it starts on.
public struct TableRecord: ~Copyable {
    /// The 1-based line the record starts on (in a sheet: its row).
    public private(set) var line = 0
    var storage: [UInt8] = []
    var ends: [Int] = []

    init() {
        storage.reserveCapacity(4096)
        ends.reserveCapacity(32)
    }

    mutating func reset(line: Int) {
        self.line = line
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    mutating func append(_ byte: UInt8) { storage.append(byte) }
    mutating func append(contentsOf bytes: some Sequence<UInt8>) { storage.append(contentsOf: bytes) }
    mutating func endField() { ends.append(storage.count) }

    /// Takes the apostrophe off the field just ended when it guards a formula-like text (``CSVField/guarded(_:)``):
    /// `'=HYPERLINK(...)` is read as `=HYPERLINK(...)`, `''x` as `'x`; `'Tis` stays as it is.
    mutating func unguardLastField() {
        let start = ends.count > 1 ? ends[ends.count - 2] : 0
        guard storage.count - start >= 2, storage[start] == UInt8(ascii: "'") else { return }
        switch storage[start + 1] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "'"):
            storage.remove(at: start)
            ends[ends.count - 1] -= 1
        default:
            return
        }
    }

    /// The number of fields.
    public var count: Int { ends.count }

    /// The field's bytes.
    public func withBytes<R>(_ field: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = field == 0 ? 0 : ends[field - 1]
        return try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[field]])) }
    }

    /// The field as a string (the text was validated as UTF-8).
    public func string(_ field: Int) -> String {
        withBytes(field) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the field is empty or only spaces.
    public func isBlank(_ field: Int) -> Bool {
        withBytes(field) { $0.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }
    }
}
