/// A judged national dataset as `scorecard benchmark --json` and `--csv` print it: one record per area and
/// breakdown row, in the file's order (documented in `docs/benchmark.md`).
public struct BenchmarkReport: Sendable, Equatable {
    /// One row: the area, its value and interval, and its judgements.
    public struct Record: Sendable, Equatable, Encodable {
        public var indicatorID: String
        public var indicator: String
        public var areaCode: String
        public var areaName: String
        public var areaType: String
        public var parentCode: String
        public var parentName: String
        public var period: String
        public var sex: String
        public var age: String
        public var categoryType: String
        public var category: String
        public var value: Double?
        public var lowerCI: Double?
        public var upperCI: Double?
        /// The 99.8% interval, when published.
        public var lowerCI998: Double?
        public var upperCI998: Double?
        /// The interval the comparisons used: `95` or `99.8`.
        public var confidence: String
        public var count: Double?
        public var denominator: Double?
        public var valueNote: String
        public var englandValue: Double?
        public var parentValue: Double?
        /// `better`, `similar`, `worse`, `higher`, `lower` or `not compared`.
        public var comparedToEngland: String
        public var comparedToParent: String
        public var quartile: Int?
        public var rank: Int?
        /// How many areas of the row's type have a value for its breakdown.
        public var areas: Int
        /// The comparisons as the file published them (`null` when the file has no such column).
        public var publishedComparedToEngland: String?
        public var publishedComparedToParent: String?
        public var line: Int

        static let keys: [CodingKeys] = [
            .indicatorID, .indicator, .areaCode, .areaName, .areaType, .parentCode, .parentName, .period, .sex, .age,
            .categoryType, .category, .value, .lowerCI, .upperCI, .lowerCI998, .upperCI998, .confidence, .count, .denominator, .valueNote, .englandValue,
            .parentValue, .comparedToEngland, .comparedToParent, .quartile, .rank, .areas, .publishedComparedToEngland,
            .publishedComparedToParent, .line,
        ]

        enum CodingKeys: String, CodingKey {
            case indicatorID = "indicator_id", indicator, areaCode = "area_code", areaName = "area_name"
            case areaType = "area_type", parentCode = "parent_code", parentName = "parent_name", period, sex, age
            case categoryType = "category_type", category, value, lowerCI = "lower_ci", upperCI = "upper_ci"
            case lowerCI998 = "lower_ci_99_8", upperCI998 = "upper_ci_99_8", confidence, count
            case denominator, valueNote = "value_note", englandValue = "england_value", parentValue = "parent_value"
            case comparedToEngland = "compared_to_england", comparedToParent = "compared_to_parent", quartile, rank
            case areas, publishedComparedToEngland = "published_compared_to_england"
            case publishedComparedToParent = "published_compared_to_parent", line
        }

        init(_ row: Benchmark.Row, confidence: Benchmark.Confidence) {
            let r = row.record
            lowerCI998 = r.lowerCI998
            upperCI998 = r.upperCI998
            self.confidence = confidence.rawValue
            indicatorID = r.indicatorID
            indicator = r.indicator
            areaCode = r.areaCode
            areaName = r.areaName
            areaType = r.areaType
            parentCode = r.parentCode
            parentName = r.parentName
            period = r.period
            sex = r.sex
            age = r.age
            categoryType = r.categoryType
            category = r.category
            value = r.value
            lowerCI = r.lowerCI
            upperCI = r.upperCI
            count = r.count
            denominator = r.denominator
            valueNote = r.valueNote
            englandValue = row.englandValue
            parentValue = row.parentValue
            comparedToEngland = row.comparedToEngland.rawValue
            comparedToParent = row.comparedToParent.rawValue
            quartile = row.quartile
            rank = row.rank
            areas = row.areas
            publishedComparedToEngland = r.publishedComparedToEngland
            publishedComparedToParent = r.publishedComparedToParent
            line = r.line
        }

        // Every key on every record, null where there is nothing.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(indicatorID, forKey: .indicatorID)
            try c.encode(indicator, forKey: .indicator)
            try c.encode(areaCode, forKey: .areaCode)
            try c.encode(areaName, forKey: .areaName)
            try c.encode(areaType, forKey: .areaType)
            try c.encode(parentCode, forKey: .parentCode)
            try c.encode(parentName, forKey: .parentName)
            try c.encode(period, forKey: .period)
            try c.encode(sex, forKey: .sex)
            try c.encode(age, forKey: .age)
            try c.encode(categoryType, forKey: .categoryType)
            try c.encode(category, forKey: .category)
            try c.encode(value, forKey: .value)
            try c.encode(lowerCI, forKey: .lowerCI)
            try c.encode(upperCI, forKey: .upperCI)
            try c.encode(lowerCI998, forKey: .lowerCI998)
            try c.encode(upperCI998, forKey: .upperCI998)
            try c.encode(confidence, forKey: .confidence)
            try c.encode(count, forKey: .count)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(valueNote, forKey: .valueNote)
            try c.encode(englandValue, forKey: .englandValue)
            try c.encode(parentValue, forKey: .parentValue)
            try c.encode(comparedToEngland, forKey: .comparedToEngland)
            try c.encode(comparedToParent, forKey: .comparedToParent)
            try c.encode(quartile, forKey: .quartile)
            try c.encode(rank, forKey: .rank)
            try c.encode(areas, forKey: .areas)
            try c.encode(publishedComparedToEngland, forKey: .publishedComparedToEngland)
            try c.encode(publishedComparedToParent, forKey: .publishedComparedToParent)
            try c.encode(line, forKey: .line)
        }

        /// The record's fields as CSV text, in ``BenchmarkReport/csvColumns`` order.
        var csvFields: [String] {
            func number(_ x: Double?) -> String { x.map(formatPlain) ?? "" }
            return [
                indicatorID, indicator, areaCode, areaName, areaType, parentCode, parentName, period, sex, age,
                categoryType, category, number(value), number(lowerCI), number(upperCI), number(lowerCI998), number(upperCI998),
                confidence, number(count), number(denominator),
                valueNote, number(englandValue), number(parentValue), comparedToEngland, comparedToParent,
                quartile.map(String.init) ?? "", rank.map(String.init) ?? "", String(areas),
                publishedComparedToEngland ?? "", publishedComparedToParent ?? "", String(line),
            ]
        }
    }

    public var records: [Record]

    /// The report of `benchmark`, every row, or with `area` only that area's rows.
    public init(_ benchmark: Benchmark, area: String? = nil) {
        records = benchmark.rows.filter { area == nil || $0.record.areaCode == area }.map { Record($0, confidence: benchmark.confidence) }
    }

    /// The CSV columns, in order: the JSON record's keys.
    public static let csvColumns = Record.keys.map(\.rawValue)

    /// One header row and one row per record (RFC 4180, lines ending CRLF).
    public var csv: String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for record in records { lines.append(record.csvFields.map(CSVField.forSpreadsheet).joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
