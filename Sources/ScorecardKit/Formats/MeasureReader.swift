/// Reads measure definitions from the framework file, collecting them into one flat list.
struct MeasureReader {
    let file: String
    let defaultTolerance: Tolerance?
    private(set) var measures: [Measure] = []
    private var lineByCode: [String: Int] = [:]

    init(file: String, defaultTolerance: Tolerance?) {
        self.file = file
        self.defaultTolerance = defaultTolerance
    }

    /// Reads one measure, appends it, and returns its index.
    mutating func measure(_ node: YAMLNode) throws -> Int {
        var object = try YAMLObject(node, file: file, context: "a measure")
        let code = try object.requiredString("code").trimmingWhitespace()
        if let first = lineByCode[String(code)] {
            throw DataFileError(file: file, line: object.line, field: "code", message: "measure code \(code.excerpt()) is used twice (first on line \(first))")
        }
        lineByCode[String(code)] = object.line
        object = try YAMLObject(node, file: file, context: "measure \(code.excerpt())")
        _ = try object.string("code")
        guard let frequency = try object.keyword("frequency", Frequency.self) else {
            throw DataFileError(file: file, line: object.line, field: "frequency", message: "measure \(code.excerpt()) needs a frequency (monthly, quarterly, annual or calendar-year)")
        }
        let polarity = try self.polarity(&object)
        var measure = Measure(
            code: String(code), title: try object.requiredString("title"),
            description: try object.string("description") ?? "",
            methodology: try object.string("methodology") ?? "",
            source: try object.string("source") ?? "",
            owner: try object.string("owner") ?? "",
            service: try object.string("service") ?? "",
            team: try object.string("team") ?? "",
            tier: try object.keyword("tier", Tier.self) ?? .kbi,
            unit: MeasureUnit(try object.string("unit") ?? "number"),
            decimals: try object.integer("decimals", in: 0...6) ?? 0,
            frequency: frequency, polarity: polarity,
            lifecycle: try object.keyword("status", MeasureLifecycle.self) ?? .active,
            cumulative: try object.bool("cumulative") ?? false,
            tolerance: try FrameworkFile.tolerance(&object) ?? defaultTolerance,
            lagDays: try object.integer("lag_days", in: 0...3660),
            minimum: try object.number("min"), maximum: try object.number("max"))
        if let minimum = measure.minimum, let maximum = measure.maximum, minimum > maximum {
            throw object.error("max", "max (\(formatPlain(maximum))) is below min (\(formatPlain(minimum)))")
        }
        measure.targets = try targets(&object, measure: measure)
        try object.rejectUnknownKeys(allowed: FrameworkFile.measureKeys)
        measures.append(measure)
        return measures.count - 1
    }

    private func polarity(_ object: inout YAMLObject) throws -> Polarity {
        let band = try object.number("band")
        let word = try object.parsed("polarity", expected: "a polarity (higher, lower, band or none)") { text -> String? in
            ["higher", "lower", "band", "none"].contains(text.lowercased()) ? text.lowercased() : nil
        }
        if band != nil, word != "band" { throw object.error("band", "band is only for polarity: band") }
        switch word {
        case "lower": return .lowerIsBetter
        case "band": return .withinBand(halfWidth: abs(band ?? 0))
        case "none": return .none
        default: return .higherIsBetter
        }
    }

    private func targets(_ object: inout YAMLObject, measure: Measure) throws -> TargetSchedule {
        var schedule = TargetSchedule()
        let kind = measure.frequency.periodKind
        for (key, line, value) in try object.pairs("targets") {
            guard let period = Period(parsing: key) else {
                throw DataFileError(file: file, line: line, field: "targets", message: "\"\(key.excerpt())\" is not a period (such as 2024/25 or 2024/25 Q1)")
            }
            guard period.kind == kind || (period.kind == .financialYear && (kind == .month || kind == .quarter)) else {
                throw DataFileError(
                    file: file, line: line, field: "targets",
                    message: "\(measure.code.excerpt()) is reported \(measure.frequency.rawValue); a target for \(period.kind.article) (\"\(key.excerpt())\") does not apply")
            }
            guard case .scalar(let scalar) = value, let amount = NumberParser.parse(scalar.string) else {
                throw DataFileError(file: file, line: value.line, field: "targets", message: "the target for \(key.excerpt()) is not a number")
            }
            if let problem = ValueLimits.insanity(of: amount) {
                throw DataFileError(file: file, line: value.line, field: "targets", message: "the target for \(key.excerpt()): \(problem)")
            }
            schedule.byPeriod[period] = amount
        }
        let profile = try object.list("profile")
        if !profile.isEmpty {
            let perYear = kind.perYear
            guard measure.cumulative, perYear > 1, profile.count == perYear else {
                throw object.error("profile", "a profile is for cumulative monthly or quarterly measures, with one percentage per \(kind == .month ? "month (12)" : "quarter (4)")")
            }
            schedule.profile = try profile.map { node in
                guard case .scalar(let scalar) = node, let share = NumberParser.parse(scalar.string), abs(share) <= 1000 else {
                    throw object.error("profile", "every profile entry must be a percentage")
                }
                return share
            }
        }
        return schedule
    }
}
