/// One row of a national dataset: an area's value of an indicator for a period and a breakdown (sex, age, a
/// category such as a deprivation decile), with its 95% confidence interval where the publisher gives one.
public struct NationalRecord: Sendable, Equatable {
    /// The line of the file the row starts on.
    public var line: Int
    /// The publisher's indicator id (`93356`); empty when the file has none.
    public var indicatorID: String
    /// The indicator's name, trimmed.
    public var indicator: String
    /// The area's parent (its region, for a county): code and name, empty when the file gives none.
    public var parentCode: String
    public var parentName: String
    /// The area: ONS code (`E06000001`), name, and type as published (`County & UA`, `Region`, `Country`).
    public var areaCode: String
    public var areaName: String
    public var areaType: String
    /// The period as published: `2017`, `2016/17`, `2014 - 16`.
    public var period: String
    /// A key that sorts periods in time order (Fingertips' `Time period Sortable`, else the period itself).
    public var periodOrder: String
    public var sex: String
    public var age: String
    public var categoryType: String
    public var category: String
    /// `nil` when the publisher gives no value (suppressed, or combined with another area's; see ``valueNote``).
    public var value: Double?
    /// The 95% confidence interval, when published.
    public var lowerCI: Double?
    public var upperCI: Double?
    /// The 99.8% confidence interval, when published.
    public var lowerCI998: Double?
    public var upperCI998: Double?
    public var count: Double?
    public var denominator: Double?
    /// The publisher's note on the value (`Value for Cornwall & Isles of Scilly combined`).
    public var valueNote: String
    /// The comparisons as the publisher wrote them, kept to check against: `Better`, `Similar`, `Not compared`...
    public var publishedComparedToEngland: String?
    public var publishedComparedToParent: String?

    public init(
        line: Int, indicatorID: String = "", indicator: String, parentCode: String = "", parentName: String = "",
        areaCode: String, areaName: String = "", areaType: String = "", period: String, periodOrder: String? = nil,
        sex: String = "", age: String = "", categoryType: String = "", category: String = "", value: Double?,
        lowerCI: Double? = nil, upperCI: Double? = nil, lowerCI998: Double? = nil, upperCI998: Double? = nil,
        count: Double? = nil, denominator: Double? = nil, valueNote: String = "",
        publishedComparedToEngland: String? = nil, publishedComparedToParent: String? = nil
    ) {
        self.line = line
        self.indicatorID = indicatorID
        self.indicator = indicator
        self.parentCode = parentCode
        self.parentName = parentName
        self.areaCode = areaCode
        self.areaName = areaName
        self.areaType = areaType
        self.period = period
        self.periodOrder = periodOrder ?? period
        self.sex = sex
        self.age = age
        self.categoryType = categoryType
        self.category = category
        self.value = value
        self.lowerCI = lowerCI
        self.upperCI = upperCI
        self.lowerCI998 = lowerCI998
        self.upperCI998 = upperCI998
        self.count = count
        self.denominator = denominator
        self.valueNote = valueNote
        self.publishedComparedToEngland = publishedComparedToEngland
        self.publishedComparedToParent = publishedComparedToParent
    }

    /// England's area code (ONS).
    public static let englandCode = "E92000001"

    /// Whether the row is England's own.
    public var isEngland: Bool {
        areaCode.uppercased() == Self.englandCode || (areaName.lowercased() == "england" && areaCode.isEmpty)
    }

    /// The rows that compare with each other: the same indicator, period and breakdown.
    public struct Breakdown: Hashable, Sendable {
        public var indicator: String
        public var period: String
        public var sex: String
        public var age: String
        public var categoryType: String
        public var category: String
    }

    public var breakdown: Breakdown {
        Breakdown(
            indicator: indicatorID.isEmpty ? indicator : indicatorID, period: period, sex: sex, age: age,
            categoryType: categoryType, category: category)
    }
}
