/// Spreadsheet column names: `A` for the first column, `Z`, `AA`, ... `XFD` for the 16,384th.
public enum ColumnName {
    /// The most columns a worksheet has (`XFD`).
    public static let limit = 16_384

    /// The letters of the 0-based `column`: 0 is `A`, 26 is `AA`.
    public static func letters(_ column: Int) -> String {
        var n = max(column, 0) + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// The 0-based column named by `letters` (`A` to `XFD`, either case), or `nil` when it is not a column name.
    public static func index(_ letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.utf8.count <= 3 else { return nil }
        var n = 0
        for byte in letters.utf8 {
            let upper = byte & ~0x20
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { return nil }
            n = n * 26 + Int(upper - UInt8(ascii: "A")) + 1
        }
        return n <= limit ? n - 1 : nil
    }
}
