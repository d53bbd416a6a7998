/// Reads measure definitions, from `framework.yaml` or a measures table, collecting them into one flat list.
struct MeasureReader {
    let defaultTolerance: Tolerance?
    private(set) var measures: [Measure] = []
    /// Each code read so far, upper-cased, with its line and the code as written.
    private var lineByCode: [String: (Int, String)] = [:]

    init(defaultTolerance: Tolerance?) {
        self.defaultTolerance = defaultTolerance
    }

    /// Reads one measure, appends it, and returns its index.
    mutating func measure(_ fields: inout some MeasureFields) throws -> Int {
        let code = try Self.code(&fields)
        try register(code, fields: fields)
        return append(try read(&fields, code: code))
    }

    /// Takes a measure of ``MeasuresReadAhead`` as ``measure(_:)`` reads one: its code checked against those before
    /// it, then appended; returns its index. Throws what reading it threw.
    mutating func take(_ outcome: consuming MeasuresReadAhead.Outcome) throws -> Int {
        // Consumed, so that the measure moves into the list rather than being copied (field by field) and released.
        switch consume outcome {
        case .failed(let error):
            throw error
        case .read(let code, let fields, let measure):
            try register(code, fields: fields)
            switch consume measure {
            case .success(let measure): return append(measure)
            case .failure(let error): throw error
            }
        }
    }

    /// The measure's code, checked to be one a person can type: the first step of ``measure(_:)``.
    static func code(_ fields: inout some MeasureFields) throws -> String {
        fields.context = "a measure"
        let code = String(try fields.requiredString("code").trimmingWhitespace())
        // A code is typed (`record`, the dashboard's `:`): one holding a control character or a line break
        // could not be, and would show as `�` wherever it is printed; one holding an invisible character (a
        // zero-width space, a soft hyphen) would show as another code (`M1` twice, each with its own value).
        if code.unicodeScalars.contains(where: { $0.isTerminalControl || $0.isInvisibleInCode }) {
            throw fields.error(
                "code", "the measure code \(code.excerpt()) holds a control character, an invisible character or a line break: "
                    + "a code is letters, digits and punctuation")
        }
        // Codes are typed, and indexed by the stores (PostgreSQL's index takes no more than 2,704 bytes of one).
        if code.count > Measure.longestCode {
            throw fields.error("code", "the measure code \(code.excerpt()) is \(code.count) characters long: at most \(Measure.longestCode)")
        }
        return code
    }

    /// Refuses a code read before, in any case; else keeps it: the second step of ``measure(_:)``, the one that
    /// depends on the measures before.
    mutating func register(_ code: String, fields: some MeasureFields) throws {
        // Codes are typed in any case (`record kbi-004`, the dashboard's `:`): two that differ only in case could
        // not be told apart, and a value would go to whichever was found first.
        let key = code.uppercased()
        if let (first, firstCode) = lineByCode[key] {
            let twice = firstCode == code
                ? "measure code \(code.excerpt()) is used twice"
                : "measure code \(code.excerpt()) is \(firstCode.excerpt()) in another case, which cannot be told apart when typed"
            throw fields.error("code", "\(twice) (first on \(fields.origin.lineName(first)))")
        }
        lineByCode[key] = (fields.line, code)
    }

    /// Appends a measure read by ``read(_:code:)``; returns its index.
    private mutating func append(_ measure: consuming Measure) -> Int {
        measures.append(measure)
        return measures.count - 1
    }

    /// The measure's fields but its code: the last step of ``measure(_:)``, which needs nothing read before it (so
    /// that measures can be read at once, see ``MeasuresReadAhead``).
    func read(_ fields: inout some MeasureFields, code: String) throws -> Measure {
        fields.context = "measure \(code.excerpt())"
        var written = ""
        let frequency = try fields.parsed("frequency", expected: Self.frequencyExpected(written)) {
            written = $0.lowercased()
            return Frequency(rawValue: written) ?? Self.frequencyWords[written]
        }
        guard let frequency else {
            throw fields.error("frequency", "measure \(code.excerpt()) needs a frequency (monthly, quarterly, annual or calendar-year)")
        }
        let polarity = try self.polarity(&fields)
        var measure = Measure(
            code: code, title: try fields.requiredString("title"),
            description: try fields.string("description") ?? "",
            methodology: try fields.string("methodology") ?? "",
            source: try fields.string("source") ?? "",
            owner: try fields.string("owner") ?? "",
            service: try fields.string("service") ?? "",
            team: try fields.string("team") ?? "",
            tier: try fields.keyword("tier", Tier.self) ?? .kbi,
            unit: MeasureUnit(try fields.string("unit") ?? "number"),
            decimals: try fields.integer("decimals", in: 0...6) ?? 0,
            frequency: frequency, polarity: polarity,
            lifecycle: try fields.keyword("status", MeasureLifecycle.self) ?? .active,
            cumulative: try fields.bool("cumulative") ?? false,
            tolerance: try FrameworkFile.tolerance(&fields) ?? defaultTolerance,
            lagDays: try fields.integer("lag_days", in: 0...3660),
            minimum: try fields.number("min"), maximum: try fields.number("max"))
        // Owners and services are granted by name (`db grant --owner NAME`), and indexed with the grants.
        for (key, name) in [("owner", measure.owner), ("service", measure.service)] where name.count > Measure.longestName {
            throw fields.error(key, "the \(key) \(name.excerpt()) is \(name.count) characters long: at most \(Measure.longestName)")
        }
        let texts = [("title", measure.title, Measure.longestTitle)]
            + [("description", measure.description), ("methodology", measure.methodology), ("source", measure.source), ("team", measure.team)]
            .map { ($0.0, $0.1, Measure.longestText) }
        for (key, text, longest) in texts where text.utf8.count > longest && text.utf16.count > longest {
            throw fields.error(
                key, "the \(key) is \(NumberText.grouped(Double(text.utf16.count), decimals: 0)) characters long: at most "
                    + "\(NumberText.grouped(Double(longest), decimals: 0))")
        }
        if let minimum = measure.minimum, let maximum = measure.maximum, minimum > maximum {
            throw fields.error("max", "max (\(formatPlain(maximum))) is below min (\(formatPlain(minimum)))")
        }
        measure.smallNumbers = try smallNumbers(&fields, unit: measure.unit)
        measure.comparators = try comparators(&fields)
        measure.targets = try targets(&fields, measure: measure)
        try fields.rejectUnknownKeys(allowed: FrameworkFile.measureKeys)
        return measure
    }

    /// Other words councils use for a frequency.
    static let frequencyWords: [String: Frequency] = [
        "annually": .annual, "yearly": .annual, "financial year": .annual, "financial-year": .annual, "month": .monthly,
        "quarter": .quarterly, "calendar year": .calendarYear,
    ]

    /// What a frequency must be, said of `written` (lowercased): a rolling figure is told to be given monthly.
    private static func frequencyExpected(_ written: String) -> String {
        let frequencies = "one of \(Frequency.allCases.map(\.rawValue).joined(separator: ", "))"
        guard written.contains("rolling") else { return frequencies }
        return frequencies + ": a rolling 12 months' figure is given each month, so write monthly (and say in the title or "
            + "methodology that it is rolling)"
    }

    /// Other words councils use for a polarity.
    static let polarityWords = [
        "higher is better": "higher", "high": "higher", "bigger is better": "higher", "maximise": "higher", "maximize": "higher",
        "lower is better": "lower", "low": "lower", "smaller is better": "lower", "minimise": "lower",
        "minimize": "lower", "n/a": "none", "na": "none", "not applicable": "none", "data only": "none",
        "for information": "none", "information only": "none", "neutral": "none",
    ]

    private func polarity(_ fields: inout some MeasureFields) throws -> Polarity {
        let band = try fields.number("band")
        let word = try fields.parsed(
            "polarity",
            expected: "a polarity (higher, lower, band or none; or a council's words: higher is better, bigger is better, maximise, "
                + "lower is better, smaller is better, minimise, or for a measure tracked but not judged, n/a, data only, for information)"
        ) { text -> String? in
            let word = text.lowercased()
            return ["higher", "lower", "band", "none"].contains(word) ? word : Self.polarityWords[word]
        }
        if band != nil, word != "band" { throw fields.error("band", "band is only for polarity: band") }
        if let band, band < 0 { throw fields.error("band", "the band is a half-width either side of the target: 0 or more") }
        switch word {
        case "lower": return .lowerIsBetter
        case "band": return .withinBand(halfWidth: band ?? 0)
        case "none": return .none
        default: return .higherIsBetter
        }
    }

    /// `benchmark_file` and `benchmark_area` (with `benchmark_indicator`, `benchmark_neighbours`, `benchmark_sex`,
    /// `benchmark_age`): the national download an outcome measure is compared from. The file is read later.
    private func comparators(_ fields: inout some MeasureFields) throws -> Comparators? {
        let file = try fields.string("benchmark_file").map { String($0.trimmingWhitespace()) }
        let area = try fields.string("benchmark_area").map { String($0.trimmingWhitespace()) }
        let indicator = try fields.string("benchmark_indicator").map { String($0.trimmingWhitespace()) }
        let neighbours = try fields.string("benchmark_neighbours").map {
            $0.split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" || $0.isNewline }).map(String.init)
        } ?? []
        let sex = try fields.string("benchmark_sex").map { String($0.trimmingWhitespace()) }
        let age = try fields.string("benchmark_age").map { String($0.trimmingWhitespace()) }
        guard let file, !file.isEmpty else {
            for key in ["benchmark_area", "benchmark_indicator", "benchmark_neighbours", "benchmark_sex", "benchmark_age"] {
                if key == "benchmark_area" && area != nil || key == "benchmark_indicator" && indicator != nil
                    || key == "benchmark_neighbours" && !neighbours.isEmpty || key == "benchmark_sex" && sex != nil
                    || key == "benchmark_age" && age != nil
                {
                    throw fields.error(key, "\(key) needs benchmark_file, the national download (Fingertips or LG Inform CSV)")
                }
            }
            return nil
        }
        guard let area, !area.isEmpty else {
            throw fields.error("benchmark_area", "benchmark_file needs benchmark_area, the council's own area code (E06000001)")
        }
        return Comparators(
            source: Comparators.Source(file: file, indicator: indicator, area: area, neighbours: neighbours, sex: sex, age: age))
    }

    /// `small_numbers: count` or `rate` (with `small_numbers_out_of`), and `small_numbers_max`.
    private func smallNumbers(_ fields: inout some MeasureFields, unit: MeasureUnit) throws -> SmallNumbers? {
        let kind = try fields.parsed("small_numbers", expected: "count or rate (what the values count of people)") {
            ["count", "rate"].contains($0.lowercased()) ? $0.lowercased() : nil
        }
        let outOf = try fields.number("small_numbers_out_of")
        let largest = try fields.integer("small_numbers_max", in: 1...1000)
        guard let kind else {
            if outOf != nil { throw fields.error("small_numbers_out_of", "small_numbers_out_of is for small_numbers: rate") }
            if largest != nil { throw fields.error("small_numbers_max", "small_numbers_max needs small_numbers: count or rate") }
            return nil
        }
        let basis: SmallNumbers.Basis
        if kind == "count" {
            if outOf != nil { throw fields.error("small_numbers_out_of", "small_numbers_out_of is for small_numbers: rate, not count") }
            basis = .count
        } else {
            guard let outOf, outOf.isFinite, outOf > 0 else {
                // On the line that is wrong: small_numbers_out_of's own, else the rate's (there is no out_of line).
                throw fields.error(
                    outOf == nil ? "small_numbers" : "small_numbers_out_of",
                    "small_numbers: rate needs small_numbers_out_of, the number of people the rate is out of (more than 0)")
            }
            // The count behind a rate is the rate over its scale times the people: a unit with no scale to read
            // (`number`, `rate`) would let 3 people per 80,000 through as a rate of 3.
            guard unit.rateScaleIfKnown != nil else {
                throw fields.error(
                    "small_numbers",
                    "small_numbers: rate needs a unit that says what the rate is out of (%, per 1,000, per 100,000 population), not \(unit.name.excerpt())")
            }
            basis = .rate(outOf: outOf)
        }
        return SmallNumbers(basis: basis, largestWithheld: largest ?? SmallNumbers.defaultLargestWithheld)
    }

    private func targets(_ fields: inout some MeasureFields, measure: Measure) throws -> TargetSchedule {
        var schedule = TargetSchedule()
        let kind = measure.frequency.periodKind
        // Each period once, however it is written ("2024/25 Q1" and "Q1 2024/25" are one quarter).
        let targets = try fields.targets()
        var given: [Period: String] = [:]
        given.reserveCapacity(targets.count)
        for target in targets {
            let key = target.periodText
            // A date is a month, or the quarter or year of this measure that ends that day, as observations read it.
            guard let period = Period(cell: key, kind: kind) ?? target.period else {
                throw target.periodPlace.error("\"\(key.excerpt())\" is not a period (such as 2024/25 or 2024/25 Q1)")
            }
            if let first = given.updateValue(key, forKey: period) {
                throw target.periodPlace.error(
                    "a target for \(period.label) appears twice (as \"\(first.excerpt())\" and \"\(key.excerpt())\")")
            }
            guard period.kind == kind || (period.kind == .financialYear && (kind == .month || kind == .quarter)) else {
                throw target.periodPlace.error(
                    "\(measure.code.excerpt()) is reported \(measure.frequency.adverb); a target for \(period.kind.article) (\"\(key.excerpt())\") does not apply")
            }
            if let text = target.value, NumberParser.isNoValue(text) { continue }
            // A number, or the figure as the screen shows it with the measure's own unit (`£1.25m` of £k, `18 days`),
            // as a value is read.
            let number = target.value.flatMap { NumberParser.parse($0) }
            let asShown = number == nil ? target.value.flatMap { measure.unit.parseAsShown($0) } : nil
            guard let text = target.value, let amount = number ?? asShown else {
                if let text = target.value, let problem = measure.unit.otherUnitProblem(text, code: measure.code) {
                    throw target.valuePlace.error("the target for \(key.excerpt()): \(problem)")
                }
                throw target.valuePlace.error("the target for \(key.excerpt()) is not a number")
            }
            // A target the measure's values cannot reach (150% of a percentage) is refused, as `target` refuses it.
            if let problem = measure.problem(withValue: amount) {
                throw target.valuePlace.error("the target for \(key.excerpt()): \(problem)")
            }
            if asShown == nil, let mark = NumberParser.unitMark(text), let problem = measure.unit.problem(with: mark, code: measure.code) {
                throw target.valuePlace.error("the target for \(key.excerpt()): \(problem)")
            }
            schedule[period] = amount
        }
        let profile = try fields.profile()
        if !profile.isEmpty {
            let perYear = kind.perYear
            guard measure.cumulative, perYear > 1 else {
                throw fields.error("profile", "a profile is for cumulative monthly or quarterly measures, with one percentage per month (12) or quarter (4)")
            }
            // A monthly measure's may be by quarter, as a council's plan often sets one.
            guard profile.count == perYear || (kind == .month && profile.count == 4) else {
                let per = kind == .month ? "month (12) or per quarter (4)" : "quarter (4)"
                throw fields.error(
                    "profile",
                    "a profile has one percentage per \(per), and this one has \(profile.count): write them apart with ; or , (such as 15;40;65;100)")
            }
            let shares = try profile.map { text in
                guard let text, let share = NumberParser.parse(text), (0...1000).contains(share) else {
                    throw fields.error("profile", "every profile entry must be a percentage from 0 to 100")
                }
                return share
            }
            // Cumulative shares of the year's target: they never fall, and the year ends with some of it due.
            guard zip(shares, shares.dropFirst()).allSatisfy({ $0 <= $1 }), let last = shares.last, last > 0 else {
                throw fields.error("profile", "a profile gives the cumulative share of the year's target due by each period: it must never fall, and must end above 0 (such as 15, 40, 65, 100)")
            }
            // Beyond the whole of the year's target by the year's end: a slip (1000 for 100 made the year-end target
            // ten times the year's).
            if last > 100 {
                throw fields.error(
                    "profile",
                    "a profile ends with the share of the year's target due by the year's end, at most 100, and this one ends at \(formatPlain(last)): a slip for 100?")
            }
            // Shares written as fractions (a spreadsheet's percentages saved unformatted) would make every profiled
            // target a hundredth of itself: 0.48 for 48, and a measure far short of it on track.
            if last <= 1 {
                throw fields.error(
                    "profile",
                    "a profile is in percent, and this one ends at \(formatPlain(last)): written as fractions? Write each share as a percentage (15, 40, 65, 100, not 0.15, 0.4, 0.65, 1)")
            }
            schedule.profile = shares
        }
        return schedule
    }
}
