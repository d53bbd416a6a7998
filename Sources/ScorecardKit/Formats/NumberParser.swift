/// Reads numbers the way spreadsheets export them: `1234.5`, `1,234.5`, `87.5%`, `£1,200`, `-3`.
public enum NumberParser {
    /// Whether `text` is one of the marks councils' tables put where there is no figure: `-`, `–`, `n/a`, `N/A`,
    /// `na`, `tbc`, `tba`, `..`, `*` (a small number suppressed), and the statistical service's `[c]`
    /// (confidential), `[x]` (not available), `[z]` (not applicable), `:` and `<5` (a small number suppressed at
    /// source). Such a cell is taken as empty. (A bare `x` or `c` is not: a stray tick mark is no figure's absence.)
    public static func isNoValue(_ text: some StringProtocol) -> Bool {
        let trimmed = text.trimmingWhitespace()
        // No mark starts with a digit, and nearly every value does: those need no lower-cased copy to look up.
        if let first = trimmed.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) { return false }
        return noValueMarks.contains(trimmed.lowercased())
    }

    private static let noValueMarks: Set<String> = [
        "-", "–", "—", "n/a", "na", "tbc", "tba", "..", "*", "[c]", "[x]", "[z]", ":", "<5",
    ]

    /// A unit written with a number: `87.5%`, `£1,200`.
    public enum UnitMark: Sendable {
        case percent, pound
    }

    /// Whether `byte` is a space, a tab or a line break (a cell's Alt+Enter left after a figure).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    /// Where `bytes` starts and ends without the spaces around it: spaces, tabs and line breaks, and the no-break
    /// spaces (C2 A0) a spreadsheet or web page leaves after a figure ("95.3\u{A0}" was not a number, shown as "95.3 ").
    private static func withoutSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0
        var end = bytes.count
        while start < end {
            if isSpace(bytes[start]) {
                start += 1
            } else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            if isSpace(bytes[end - 1]) {
                end -= 1
            } else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
                end -= 2
            } else {
                break
            }
        }
        return (start, end)
    }

    /// Whether `bytes` hold the minus sign U+2212 (E2 88 92 in UTF-8) at `index`: typography (Word, web pages)
    /// writes −5 with it, and a copied figure keeps it.
    static func isMinusSign(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xE2 && bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92
    }

    /// The unit written with the number in `text` (`%` after it, `£` before it), if any.
    public static func unitMark(_ text: some StringProtocol) -> UnitMark? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { unitMark(UnsafeBufferPointer($0)) }
    }

    /// The unit written with the number in `bytes` (UTF-8), if any.
    public static func unitMark(_ bytes: UnsafeBufferPointer<UInt8>) -> UnitMark? {
        var (start, end) = withoutSpaces(bytes)
        if end > start, bytes[end - 1] == UInt8(ascii: "%") { return .percent }
        if start < end, bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "+") { start += 1 }
        if isMinusSign(bytes, at: start, end: end) { start += 3 }
        if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA3 { return .pound }
        return nil
    }

    /// The number in `text`, or `nil` when it is not one. Thousands separators must group by three
    /// (`1,234,567`); `1,2` is not a number (it might be a European decimal comma). A number too large for a
    /// `Double` (`1e309`, 400 digits) is infinite, for ``ValueLimits/insanity(of:)`` to call out of range; one
    /// other than 0 but too small to tell from it (`1e-400`) is the smallest `Double` of its sign, for the same
    /// check to refuse (a spreadsheet reads it as 0: taken as 0, a typing slip would be a figure).
    public static func parse(_ text: some StringProtocol) -> Double? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { parse(UnsafeBufferPointer($0)) }
    }

    /// `number` to the 15 significant digits a spreadsheet keeps (8.139999999999999 is 8.14).
    static func keptDigits(_ number: Double) -> Double {
        guard number.isFinite, number != 0 else { return number }
        return Double(String(format: "%.15g", number)) ?? number
    }

    /// The number in `bytes` (UTF-8), or `nil` when it is not one.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var (start, end) = withoutSpaces(bytes)
        if end > start, bytes[end - 1] == UInt8(ascii: "%") { end -= 1 }
        if let plain = plainDecimal(bytes, start: start, end: end) { return plain }
        var digits: [UInt8] = []
        digits.reserveCapacity(end - start)
        var i = start
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            digits.append(bytes[i]); i += 1
        } else if isMinusSign(bytes, at: i, end: end) {
            digits.append(UInt8(ascii: "-")); i += 3
        }
        // "£" is C2 A3 in UTF-8.
        if i + 1 < end, bytes[i] == 0xC2, bytes[i + 1] == 0xA3 { i += 2 }
        var sawDigit = false
        var sawPoint = false
        var sawComma = false
        var sinceComma = 0
        // Digits from the first that is not 0: more than a spreadsheet keeps (15) are read to 15.
        var significant = 0
        while i < end {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                if significant > 0 || c != UInt8(ascii: "0") { significant += 1 }
                digits.append(c)
                if !sawPoint { sinceComma += 1 }
            case UInt8(ascii: ","):
                guard !sawPoint, sawDigit, !sawComma || sinceComma == 3, sawComma || sinceComma <= 3 else { return nil }
                sawComma = true
                sinceComma = 0
            case UInt8(ascii: "."):
                guard !sawPoint, !sawComma || sinceComma == 3 else { return nil }
                sawPoint = true
                digits.append(c)
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                // The exponent is a sign and digits, nothing else: `Double(_:)` stops at a NUL byte, so it would
                // read `1e5<NUL>junk` as 1e5.
                var exponent = bytes[(i + 1)..<end]
                if exponent.first == UInt8(ascii: "-") || exponent.first == UInt8(ascii: "+") { exponent = exponent.dropFirst() }
                guard sawDigit, !sawComma, !exponent.isEmpty,
                    exponent.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
                else { return nil }
                digits.append(contentsOf: bytes[i..<end])
                i = end
                continue
            default:
                return nil
            }
            i += 1
        }
        guard sawDigit, !sawComma || sawPoint || sinceComma == 3 else { return nil }
        guard var number = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
        // 8.139999999999999 (a script's arithmetic) is 8.14, as a spreadsheet keeps and shows it: one more digit
        // than 15 is noise a double cannot hold apart, and a workbook could not give the figure back.
        if significant > 15 { number = keptDigits(number) }
        if number == 0, let nonZero = digits.firstIndex(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }),
            !digits[..<nonZero].contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
        {
            return number.sign == .minus ? -Double.leastNonzeroMagnitude : .leastNonzeroMagnitude
        }
        // `-0` is 0: kept negative it was written `-0` in JSON, beside `0` in the table and the CSV.
        return number == 0 ? 0 : number
    }

    /// Powers of ten a `Double` holds exactly (10^0 to 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// The number in `bytes[start..<end]` when it is written plainly (a sign, up to 15 significant digits, and at
    /// most one point: what nearly every cell of a council's file holds), or `nil` for ``parse(_:)`` to read it
    /// the long way. Its digits as an integer, divided by the power of ten of its decimals: both exact in a
    /// `Double`, so the one rounding of the division gives the correctly rounded number, as `Double(_:)` would
    /// (Clinger's fast path). Written by hand for the import budget: making a string of every cell for
    /// `Double(_:)` was a tenth of reading 1.2M values (measured by `perf` on the benchmark's import).
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Double? {
        var i = start
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        } else if isMinusSign(bytes, at: i, end: end) {
            negative = true
            i += 3
        }
        if i + 1 < end, bytes[i] == 0xC2, bytes[i + 1] == 0xA3 { i += 2 }
        var digits: UInt64 = 0
        var significant = 0
        var decimals = 0
        var sawDigit = false
        var sawPoint = false
        while i < end {
            let c = bytes[i]
            if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                sawDigit = true
                if significant > 0 || c != UInt8(ascii: "0") { significant += 1 }
                guard significant <= 15 else { return nil }
                digits = digits &* 10 &+ UInt64(c &- UInt8(ascii: "0"))
                if sawPoint { decimals += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit, decimals < exactPowersOfTen.count else { return nil }
        let number = Double(digits) / exactPowersOfTen[decimals]
        // `-0` is 0, as the long way reads it.
        return negative && number != 0 ? -number : number
    }
}
