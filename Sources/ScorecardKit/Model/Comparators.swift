/// An outcome measure's comparators: where they come from (a national download and the council's area in it) and
/// the values read from it, per period: the council's own with its interval, England's, the region's and the
/// nearest neighbours'.
public struct Comparators: Sendable, Equatable, Codable {
    /// Where the comparators come from, as the framework declares it.
    public struct Source: Sendable, Equatable, Codable {
        /// The national download (Fingertips or LG Inform CSV), as written: relative to the council's directory.
        public var file: String
        /// The indicator's id or name in the file; `nil` when the file holds one indicator.
        public var indicator: String?
        /// The council's own area code (ONS), `E06000001`.
        public var area: String
        /// The nearest neighbours' area codes (CIPFA's, or the council's own choice), in the order given.
        public var neighbours: [String]
        /// The breakdown to read, when the file has several: `Persons`, `All ages` by default when present.
        public var sex: String?
        public var age: String?

        public init(file: String, indicator: String? = nil, area: String, neighbours: [String] = [], sex: String? = nil, age: String? = nil) {
            self.file = file
            self.indicator = indicator
            self.area = area
            self.neighbours = neighbours
            self.sex = sex
            self.age = age
        }
    }

    /// A neighbour's value for a period.
    public struct Neighbour: Sendable, Equatable, Codable {
        public var code: String
        public var name: String
        public var value: Double?

        public init(code: String, name: String, value: Double?) {
            self.code = code
            self.name = name
            self.value = value
        }
    }

    /// The comparators of one period.
    public struct Point: Sendable, Equatable, Codable {
        public var period: Period
        /// The period as the file writes it (`2017`, `2014 - 16`).
        public var periodText: String
        /// The council's own value and its interval, as published, at the level of ``confidence``.
        public var value: Double?
        public var lower: Double?
        public var upper: Double?
        /// The level the file's own comparisons are made at, and so these: 99.8% for the Fingertips indicators
        /// compared so; `nil` for 95% (the usual, and every point read before the level was kept).
        public var confidence: Benchmark.Confidence?
        public var england: Double?
        /// The council's region (its parent in the file): code, name and value.
        public var regionCode: String
        public var regionName: String
        public var region: Double?
        public var neighbours: [Neighbour]

        /// The interval's level as members read it: `95%` or `99.8%`.
        public var confidenceLabel: String { (confidence ?? .ci95).label }

        public init(
            period: Period, periodText: String, value: Double?, lower: Double? = nil, upper: Double? = nil,
            confidence: Benchmark.Confidence? = nil, england: Double? = nil, regionCode: String = "", regionName: String = "",
            region: Double? = nil, neighbours: [Neighbour] = []
        ) {
            self.period = period
            self.periodText = periodText
            self.value = value
            self.lower = lower
            self.upper = upper
            self.confidence = confidence == .ci95 ? nil : confidence
            self.england = england
            self.regionCode = regionCode
            self.regionName = regionName
            self.region = region
            self.neighbours = neighbours
        }
    }

    public var source: Source
    /// In period order; empty until the file is read.
    public var points: [Point]

    public init(source: Source, points: [Point] = []) {
        self.source = source
        self.points = points
    }
}

extension Measure {
    /// The measure with its comparators' file left blank: to compare measures whose comparators were read from files
    /// in different places (an export writes them afresh).
    public var withoutComparatorFile: Measure {
        var measure = self
        measure.comparators?.source.file = ""
        return measure
    }
}

extension Period: Codable {
    /// A period is written as its canonical text (`2024-05`, `2024/25 Q2`, `2024/25`, `2024`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text.excerpt()) is not a period")
        }
        self = period
    }
}
