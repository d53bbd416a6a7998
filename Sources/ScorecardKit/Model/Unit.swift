/// The unit a measure is counted in, and how its values are written.
///
/// `%` follows the number (`85.2%`), `£` goes before it (`£1,234`), a count has no unit, and anything
/// else follows after a space (`8.1 days`, `42 per 10,000`).
public struct MeasureUnit: Hashable, Sendable, CustomStringConvertible {
    /// As written in the framework file: `%`, `£`, `£k`, `days`, `number`, `per 10,000`...
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    /// Whether the unit is a percentage: `%`, or the word (`percent`, `per cent`, `percentage`, in any case).
    /// Asked of every target and value read: Foundation's trimming here was a tenth of reading a large framework,
    /// so a name too short to be the word is answered at once, and spaces are trimmed by hand.
    public var isPercentage: Bool {
        if name == "%" { return true }
        guard name.utf8.count >= 7 else { return false }
        var word = Substring(name.lowercased())
        while word.first == " " { word.removeFirst() }
        while word.last == " " { word.removeLast() }
        return word == "percent" || word == "per cent" || word == "percentage"
    }

    /// A plain count.
    public static let number = MeasureUnit("number")

    public var description: String { name }

    /// Whether the unit is a plain count (written with no unit).
    public var isCount: Bool { name.isEmpty || name == "number" || name == "count" }


    /// Why a number written with `mark` (`50%`, `£75`) cannot be a value in this unit, or `nil` when it can: a
    /// percentage of a measure counted in days, or pounds of a percentage, is a slip that reading the number
    /// alone would hide (50% taken as 50 days; a cell formatted as a percentage, 21 as 2100%).
    public func problem(with mark: NumberParser.UnitMark, code: String) -> String? {
        let measured = isCount ? "as a number" : "in \(name)"
        switch mark {
        case .percent where !(isPercentage || name.contains("%") || name.lowercased().contains("percent") || name.lowercased().contains("per cent")):
            return "the number is written as a percentage, but \(code.excerpt()) is measured \(measured): write the number alone"
        case .pound where !name.contains("£"):
            return "the number is written in pounds (£), but \(code.excerpt()) is measured \(measured): write the number alone"
        default:
            return nil
        }
    }

    /// Why a value typed in pounds (`£410`) is not taken for a measure of `£k`, `£m` or `£bn`, or `nil` for
    /// another unit: typed, pounds or thousands cannot be told apart (the screen always writes the k). A file's
    /// column of `£k` may write `£410` for £410k, as council tables do (see docs/data-format.md), and is read so.
    public func typedPoundsProblem(code: String) -> String? {
        guard let scale = poundScale else { return nil }
        let example = switch scale {
        case 1e3: "£410,000 is 410, shown £410k"
        case 1e6: "£2,500,000 is 2.5, shown £2.5m"
        default: "£1,200,000,000 is 1.2, shown £1.2bn"
        }
        return "the number is written in pounds (£), but \(code.excerpt()) is measured in \(name): write the number of \(name) alone, "
            + "or as the screen shows it (\(example))"
    }

    /// Why a file's `£` figure with no scale (`£1,200,000`), read as this unit's thousands or millions as council
    /// tables write them, is refused: read so it would be £1 trillion or more (1,200,000 of `£m`, £1.2 trillion),
    /// which no council's figure is, so the cell was plainly written in pounds. `nil` for a figure that may be
    /// either, and for another unit.
    public func poundsAsScaledProblem(_ value: Double) -> String? {
        guard let scale = poundScale, value.magnitude * scale >= 1e12 else { return nil }
        let sign = value < 0 ? "-" : ""
        let pounds = NumberText.grouped(value.magnitude, decimals: 0)
        let trillions = NumberText.grouped(value.magnitude * scale / 1e12, decimals: 1)
        // The number of this unit, with as many decimals as it needs (up to six).
        var number = NumberText.grouped(value.magnitude / scale, decimals: 6)
        while number.hasSuffix("0") { number.removeLast() }
        if number.hasSuffix(".") { number.removeLast() }
        return "\(sign)£\(pounds) in a column of \(name) would be \(sign)£\(trillions) trillion, so it is written in pounds: write the "
            + "number of \(name) (\(sign)\(number)) or the figure with its scale (\(sign)£\(number)\(name.dropFirst()))"
    }

    /// How many pounds one of this unit is: 1,000 for `£k`, 1,000,000 for `£m`, 10^9 for `£bn`; `nil` for `£` and
    /// any other unit.
    public var poundScale: Double? {
        switch name.lowercased() {
        case "£k": 1e3
        case "£m": 1e6
        case "£bn": 1e9
        default: nil
        }
    }

    /// Writes a value with its unit and the given number of decimal places: `85.2%`, `£1,234`, `8.1 days`.
    public func format(_ value: Double, decimals: Int) -> String {
        let number = NumberText.grouped(value, decimals: decimals)
        switch name {
        case _ where isPercentage: return number + "%"
        case _ where name.hasPrefix("£"):
            let suffix = name.dropFirst()
            // The sign goes before the pound sign; a value that rounds to zero has none (-0.3 is £0).
            return (number.hasPrefix("-") ? "-£" + number.dropFirst() : "£" + number) + suffix
        case _ where isCount: return number
        // One of a plural word: "1 day", not "1 days" ("per 1,000 households" stays as it is).
        case _ where number == "1" && name.count > 2 && name.hasSuffix("s") && !name.contains(" "): return "1 " + name.dropLast()
        default: return number + " " + name
        }
    }

    /// The number in `text` written as ``format(_:decimals:)`` writes a value of this unit (`£410k` for `£k`,
    /// `19.5 days`, `95 %` for a percentage; a space before the unit or none), or `nil` when it is not one:
    /// what a person copies from the screen is taken as the figure it shows. The unit of another measure
    /// (`12%` for days) is not this one's, and not taken.
    /// `digits` (`1.25`) with its decimal point moved `places` to the right (left when negative): `1250` for 3,
    /// so that a figure scaled by a power of ten is as exact as the figure typed; `nil` unless digits and a point.
    public static func shiftingPoint(of digits: String, by places: Int) -> String? {
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), digits.contains(where: \.isNumber),
            digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") })
        else { return nil }
        var whole = String(parts[0]), fraction = parts.count == 2 ? String(parts[1]) : ""
        if places > 0 {
            fraction += String(repeating: "0", count: max(0, places - fraction.count))
            whole += fraction.prefix(places)
            fraction = String(fraction.dropFirst(places))
        } else if places < 0 {
            whole = String(repeating: "0", count: max(0, -places - whole.count)) + whole
            fraction = whole.suffix(-places) + fraction
            whole = String(whole.dropLast(-places))
        }
        let leading = whole.drop { $0 == "0" }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (leading.isEmpty ? "0" : String(leading)) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The powers of ten of the pound units a value may be written in: `£`, `£k`, `£m`, `£bn`.
    private static let poundScales: [String: Int] = ["": 0, "k": 3, "m": 6, "bn": 9]

    /// The scale `text` ends with (`k`, `m` or `bn`, in any case) and its power of ten; `nil` when it ends with none.
    private static func writtenScale(of text: some StringProtocol) -> (suffix: String, power: Int)? {
        let lower = text.lowercased()
        return poundScales.filter { !$0.key.isEmpty && lower.hasSuffix($0.key) }.max { $0.key.count < $1.key.count }
            .map { ($0.key, $0.value) }
    }

    public func parseAsShown(_ text: String) -> Double? {
        var rest = text.trimmingWhitespace()
        var negative = false
        if rest.hasPrefix("-") || rest.hasPrefix("\u{2212}") {
            negative = true
            rest = rest.dropFirst()
        }
        if isPercentage {
            // `85%`, or the unit's word written out (`85 percent`, `85 per cent`).
            let lower = rest.lowercased()
            guard let word = ["%", "percentage", "percent", "per cent"].first(where: { lower.hasSuffix($0) }) else { return nil }
            rest = rest.dropLast(word.count)
        } else if name.hasPrefix("£") {
            // `£410k` for a measure in £k; and, as a narrow column abbreviates it, `£1.25m` (1,250 of £k): a scale
            // written out is converted, exactly, as decimal digits.
            let suffix = name.dropFirst().lowercased()
            // Without `£` only with its scale written (`1,410k`, as a workbook cell formatted in thousands shows).
            if !rest.hasPrefix("£") {
                guard Self.poundScales[suffix] != nil, Self.writtenScale(of: rest) != nil else { return nil }
                rest = "£" + rest
            }
            guard let own = Self.poundScales[suffix] else {
                // Another unit of pounds (`£ per head`): as written.
                guard rest.lowercased().hasSuffix(suffix) else { return nil }
                return Self.signed(rest.dropFirst().dropLast(suffix.count), negative: negative)
            }
            guard let (typed, scale) = Self.writtenScale(of: rest) ?? (suffix.isEmpty ? ("", 0) : nil) else { return nil }
            rest = rest.dropFirst().dropLast(typed.count)
            if scale != own {
                let digits = String(rest.trimmingWhitespace().filter { $0 != "," })
                guard let shifted = Self.shiftingPoint(of: digits, by: scale - own), let value = Double(shifted) else { return nil }
                return negative ? -value : value
            }
        } else if !isCount, !name.isEmpty {
            let lower = rest.lowercased()
            guard let unit = writtenForms.first(where: { lower.hasSuffix($0) }) else { return nil }
            rest = rest.dropLast(unit.count)
        } else if isCount {
            // A count with its scale written, as a narrow column abbreviates it (`12.3k`) or a workbook cell
            // formatted in thousands shows it (`1,410k`): the count itself, exactly.
            guard let (typed, scale) = Self.writtenScale(of: rest),
                let shifted = Self.shiftingPoint(of: String(rest.dropLast(typed.count).trimmingWhitespace().filter { $0 != "," }), by: scale),
                let value = Double(shifted)
            else { return nil }
            return negative ? -value : value
        } else {
            return nil
        }
        return Self.signed(rest, negative: negative)
    }

    /// The ways a value's unit may be written after it, lowercased, longest first: the unit's name, one of a
    /// plural word (`day`), without the commas of a number in it (`per 1000` for `per 1,000`), and the usual
    /// short forms of units of time (`mins`, `hrs`, `wks`).
    private var writtenForms: [String] {
        let lower = name.lowercased()
        var forms = [lower]
        if lower.count > 2, lower.hasSuffix("s"), !lower.contains(" ") { forms.append(String(lower.dropLast())) }
        if lower.contains(",") { forms += forms.map { $0.replacingOccurrences(of: ",", with: "") } }
        forms += Self.shortForms[lower] ?? []
        return forms.sorted { $0.count > $1.count }
    }

    /// Short forms of the units of time, by the unit's name.
    private static let shortForms: [String: [String]] = [
        "minutes": ["mins", "min"], "hours": ["hrs", "hr"], "weeks": ["wks", "wk"], "seconds": ["secs", "sec"],
        "years": ["yrs", "yr"], "months": ["mths", "mth"],
    ]

    /// The number `text` holds (no sign of its own), negated when `negative`.
    private static func signed(_ text: Substring, negative: Bool) -> Double? {
        let number = text.trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, !number.hasPrefix("-"), !number.hasPrefix("+"), let value = NumberParser.parse(number) else { return nil }
        return negative ? -value : value
    }

    /// Why `text`, a number followed by a unit that is not this one's (`20 days` for a measure in weeks), is
    /// not taken, or `nil` when it is not a number and a unit: named, rather than "not a number".
    public func otherUnitProblem(_ text: String, code: String) -> String? {
        let trimmed = String(text.trimmingWhitespace())
        // Pounds with their scale (`£12k`, `£1.25m`) of a measure not in pounds: said so, as `£12` is.
        if !name.hasPrefix("£"), trimmed.hasPrefix("£") || trimmed.hasPrefix("-£"), MeasureUnit("£").parseAsShown(trimmed) != nil {
            return problem(with: .pound, code: code)
        }
        guard let end = trimmed.firstIndex(where: { !($0.isASCII && ($0.isNumber || ".,+-".contains($0))) && $0 != "£" && $0 != "\u{2212}" }),
            end > trimmed.startIndex
        else { return nil }
        let number = trimmed[..<end].trimmingCharacters(in: .whitespaces)
        let unit = trimmed[end...].trimmingCharacters(in: .whitespaces)
        // A unit is a word or two (`weeks`, `per 1,000`) or `%`: `86x` is a slip, "not a number", and so is `0x1A`
        // (a word with digits in it is no unit).
        let firstWord = unit.prefix { !$0.isWhitespace }
        guard unit == "%" || (unit.count >= 2 && !firstWord.isEmpty && firstWord.allSatisfy(\.isLetter)), NumberParser.parse(number) != nil
        else { return nil }
        let measured = isCount ? "as a number" : "in \(name)"
        return "\"\(trimmed.excerpt())\" is written in \(unit.excerpt()), but \(code.excerpt()) is measured \(measured): write the number alone"
    }

    /// A value for a narrow column: abbreviated (``NumberText/abbreviated(_:)``) with its unit when that is `%`
    /// or pounds (`£12.3m`; `£k` and `£m` are scaled up, so `£12,345k` is `£12.3m`), as the number alone
    /// otherwise.
    public func abbreviated(_ value: Double) -> String {
        if isPercentage { return NumberText.abbreviated(value) + "%" }
        guard name.hasPrefix("£") else { return NumberText.abbreviated(value) }
        let scale: Double? = switch name.dropFirst() {
        case "": 1
        case "k": 1e3
        case "m": 1e6
        case "bn": 1e9
        default: nil
        }
        let number = NumberText.abbreviated(abs(value) * (scale ?? 1))
        let sign = value < 0 && number != "0" ? "-" : ""
        return sign + "£" + number + (scale == nil ? String(name.dropFirst()) : "")
    }
}

/// Number formatting without Foundation's locale machinery: fast, and the same on every machine.
public enum NumberText {
    /// `1 alert`, `36 alerts`, `7 priorities`: a count with its noun, plural (by default with an `s`) when it
    /// is not one.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(grouped(Double(count), decimals: 0)) \(count == 1 ? noun : plural ?? noun + "s")"
    }

    /// The decimal places that show `number` whole: `decimals`, or up to two more when rounding to them would
    /// hide part of it (a profiled target of 11.17 for a measure of whole numbers takes two); a number that would
    /// still show as 0 though it is not (0.000001) takes the places to its first digit, up to the 6 that
    /// ``grouped(_:decimals:)`` writes (`recorded 0.00` was said of it). Binary noise (5.5e-17) shows as 0.
    public static func places(toShow number: Double, decimals: Int) -> Int {
        guard number.isFinite else { return decimals }
        let places = (decimals...(decimals + 2)).first { places in
            abs(Judge.rounded(number, places) - number) <= 1e-9 * max(1, abs(number))
        } ?? decimals + 2
        guard abs(number) > 1e-9, Judge.rounded(number, places) == 0, places < 6 else { return places }
        return (places...6).first { Judge.rounded(number, $0) != 0 } ?? 6
    }

    /// `scaled` rounded to a whole number, half away from zero as people round the decimal they typed: a double
    /// a hair short of a half because binary cannot hold the decimal (1.005 x 100 is 100.49999999999999) counts
    /// as the half it stands for, so 1.005 to two places is 1.01, as a spreadsheet shows it. "A hair" is
    /// within 10^-13 of the number (binary's error is about 10^-16 of it), and never more than 10^-6.
    public static func roundedHalfAway(_ scaled: Double) -> Double {
        let truncated = scaled.rounded(.towardZero)
        let fraction = abs(scaled - truncated)
        guard abs(fraction - 0.5) <= min(abs(scaled) * 1e-13, 1e-6) else { return scaled.rounded(.toNearestOrAwayFromZero) }
        return truncated + (scaled < 0 ? -1 : 1)
    }

    /// `1234.567` with 1 decimal -> `1,234.6`; rounds half away from zero. Any finite value is written,
    /// however large; a value that is not finite is written `–`.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let d = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = roundedHalfAway(abs(value) * scale)
        let digits: String
        let fraction: String
        // Below 2^53 every whole number is exact, so integer arithmetic gives the digits. A value whose scaled form
        // is past it is split into its whole part and its fraction first; a value past it itself (only values
        // refused at input can get there) has no fraction, and its digits are multiplied out exactly.
        let limit = 9_007_199_254_740_992.0
        let magnitude = abs(value)
        if scaled < limit {
            let whole = Int(scaled / scale)
            digits = String(whole)
            let rest = String(Int(scaled - Double(whole) * scale))
            fraction = d > 0 ? String(repeating: "0", count: d - rest.count) + rest : ""
        } else if magnitude < limit {
            var whole = magnitude.rounded(.down)
            var rest = ((magnitude - whole) * scale).rounded(.toNearestOrAwayFromZero)
            if rest >= scale {
                whole += 1
                rest -= scale
            }
            digits = String(Int(whole))
            let restText = String(Int(rest))
            fraction = d > 0 ? String(repeating: "0", count: d - restText.count) + restText : ""
        } else {
            digits = wholeDigits(magnitude.rounded(.toNearestOrAwayFromZero))
            fraction = String(repeating: "0", count: d)
        }
        var remaining = Substring(digits)
        var grouped = ""
        while remaining.count > 3 {
            grouped = "," + remaining.suffix(3) + grouped
            remaining.removeLast(3)
        }
        grouped = remaining + grouped
        if d > 0 { grouped += "." + fraction }
        let isZero = scaled == 0
        return value < 0 && !isZero ? "-" + grouped : grouped
    }

    /// A large number in three significant figures with a scale word, as council papers write money and
    /// big counts where a column is narrow: `12,345,678` is `12.3m`, `1,234,567,890` is `1.23bn`, `45,600`
    /// is `45.6k`. Below 1,000 the number is written whole, as ``grouped(_:decimals:)`` with no decimals; a
    /// value that rounds up to the next scale takes it (`999,950` is `1m`). Trailing zeros are left off.
    public static func abbreviated(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let scales: [(size: Double, word: String)] = [(1e3, "k"), (1e6, "m"), (1e9, "bn"), (1e12, "tn")]
        guard var chosen = scales.lastIndex(where: { magnitude >= $0.size }) else { return grouped(value, decimals: 0) }
        var number = threeFigures(magnitude / scales[chosen].size)
        if number == "1,000", chosen + 1 < scales.count {
            chosen += 1
            number = "1"
        }
        return (value < 0 ? "-" : "") + number + scales[chosen].word
    }

    /// A number from 1 up to 1,000 (or beyond, past the largest scale) in three significant figures, trailing
    /// zeros left off: `12.3`, `1.05`, `456`.
    private static func threeFigures(_ number: Double) -> String {
        var text = grouped(number, decimals: number >= 99.95 ? 0 : number >= 9.995 ? 1 : 2)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// The decimal digits of a large whole number (at least 2^53, at most Double's largest finite value).
    private static func wholeDigits(_ value: Double) -> String {
        guard value >= 9_007_199_254_740_992 else { return String(Int(value)) }
        // A large double is its significand times a power of two; multiply out in base 10^9 limbs.
        var limbs: [UInt64] = [UInt64(value.significandBitPattern | (1 << 52))]
        var exponent = Int(value.exponent) - 52
        func normalise() {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let total = limbs[i] + carry
                limbs[i] = total % 1_000_000_000
                carry = total / 1_000_000_000
            }
            while carry > 0 {
                limbs.append(carry % 1_000_000_000)
                carry /= 1_000_000_000
            }
        }
        normalise()
        while exponent > 0 {
            let step = min(exponent, 30)
            for i in limbs.indices { limbs[i] <<= UInt64(step) }
            normalise()
            exponent -= step
        }
        guard let top = limbs.last else { return "0" }
        var text = String(top)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
