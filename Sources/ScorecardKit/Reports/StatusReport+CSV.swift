extension StatusReport {
    /// The CSV columns, in order: the JSON record's fields, with `direction` split in two, `alerts` joined by `; `,
    /// and `spc`, `forecast` and `comparator` flattened (`spc_mean`, `forecast_value`, `compared_to_england`...);
    /// `comparator_confidence` last, added after the rest, so that columns read by position stay where they were.
    public static let csvColumns = [
        "code", "title", "tier", "priority", "delivery_plan", "owner", "service", "unit", "period", "value", "target",
        "status", "direction_previous", "direction_year_before", "alerts", "next_period", "next_due", "commentary",
        "quality", "draft", "spc_from", "spc_to", "spc_points", "spc_mean", "spc_lower_limit", "spc_upper_limit",
        "spc_variation", "spc_assurance", "forecast_year", "forecast_value", "forecast_target", "forecast_method",
        "forecast_status", "comparator_period", "comparator_value", "comparator_lower_ci", "comparator_upper_ci",
        "england", "compared_to_england", "region_value", "compared_to_region", "neighbour_rank", "neighbour_quartile",
        "comparator_confidence",
    ]

    /// One header row and one row per measure (RFC 4180: fields holding a comma, quote or line break are quoted;
    /// lines end CRLF, as spreadsheets expect). Numbers are written plainly: `86.5`, `1234`.
    public var csv: String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for r in measures { lines.append(Self.csvLine(r)) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One record as a CSV line (without its line end); `value`, when given, is written in place of the value
    /// (`*` for one withheld).
    public static func csvLine(_ r: Record, value: String? = nil) -> String {
        let fields: [String?] = [
            r.code, r.title, r.tier, r.priority, r.deliveryPlan, r.owner, r.service, r.unit, r.period,
            value ?? r.value.map(formatPlain), r.target.map(formatPlain), r.status, r.direction.previous,
            r.direction.yearBefore, r.alerts.joined(separator: "; "), r.nextPeriod, r.nextDue, r.commentary, r.quality,
            r.draft ? "true" : "false", r.spc?.from, r.spc?.to, r.spc.map { String($0.points) }, r.spc.map { formatPlain($0.mean) },
            r.spc.map { formatPlain($0.lowerLimit) }, r.spc.map { formatPlain($0.upperLimit) }, r.spc?.variation,
            r.spc?.assurance, r.forecast?.year, r.forecast.map { formatPlain($0.value) }, r.forecast.map { formatPlain($0.target) },
            r.forecast?.method, r.forecast?.status, r.comparator?.period, r.comparator?.value.map(formatPlain),
            r.comparator?.lowerCI.map(formatPlain), r.comparator?.upperCI.map(formatPlain), r.comparator?.england.map(formatPlain),
            r.comparator?.comparedToEngland, r.comparator?.regionValue.map(formatPlain), r.comparator?.comparedToRegion,
            r.comparator?.rank.map { "\($0) of \(r.comparator?.of ?? 0)" }, r.comparator?.quartile.map(String.init),
            r.comparator?.confidence,
        ]
        return fields.map { CSVField.forSpreadsheet($0 ?? "") }.joined(separator: ",")
    }
}

/// Writing one CSV field.
enum CSVField {
    /// `text`, quoted (with inner quotes doubled) when it holds a comma, a quote, a line break or edge spaces.
    static func escaped(_ text: String) -> String {
        // Scalars, not characters: finding each cell's graphemes took a fifth of a 150,000-row `benchmark --csv`.
        let scalars = text.unicodeScalars
        let needsQuotes =
            scalars.contains { $0 == "," || $0 == "\"" || Self.breaksLines($0) } || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Whether `scalar` is a line break, as `Character.isNewline` counts them (LF, VT, FF, CR, NEL, U+2028, U+2029).
    private static func breaksLines(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The first characters that make a spreadsheet take a cell for a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A data file's text guarded against being taken for a formula when the file is opened in a spreadsheet,
    /// and read back exactly (``CSVReader`` takes the guard off): a text starting with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return is written after an apostrophe, and so is one already starting with an apostrophe
    /// before one of those or another apostrophe (so that the guard never eats a character of the data).
    static func guarded(_ text: String) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return text }
        if formulaStarts.contains(first) { return "'" + text }
        if first == "'", let second = scalars.next(), second == "'" || formulaStarts.contains(second) { return "'" + text }
        return text
    }

    /// `text` as ``escaped(_:)`` writes it, but never taken by a spreadsheet for a formula: a text from the data
    /// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a number, is written after an
    /// apostrophe (which spreadsheets do not show). For reports people open; data files that must read back
    /// exactly use ``escaped(_:)``.
    static func forSpreadsheet(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil else {
            return escaped(text)
        }
        return escaped("'" + text)
    }
}
