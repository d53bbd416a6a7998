/// A national dataset judged: each row compared with England and with its parent area by the confidence-interval
/// rule (``Significance``), and placed in a quartile among the areas of its type.
public struct Benchmark: Sendable {
    /// One row of the dataset with its judgements.
    public struct Row: Sendable, Equatable {
        public var record: NationalRecord
        /// England's value for the same indicator, period and breakdown.
        public var englandValue: Double?
        /// The parent area's value for the same indicator, period and breakdown.
        public var parentValue: Double?
        public var comparedToEngland: Significance
        public var comparedToParent: Significance
        /// 1 (the best quarter in the polarity's order; without polarity, the highest values) to 4; `nil` without a
        /// value or among fewer than four areas of its type.
        public var quartile: Int?
        /// The row's rank among the areas of its type with a value (1 the best, or without polarity the highest;
        /// equal values share the better rank), and how many there are.
        public var rank: Int?
        public var areas: Int
    }

    /// Which confidence interval a comparison uses: 95% (the usual), or 99.8% (the level some Fingertips indicators
    /// are compared at).
    public enum Confidence: String, Sendable, Equatable, CaseIterable, Codable {
        case ci95 = "95"
        case ci998 = "99.8"

        /// `95%`, `99.8%`.
        public var label: String { rawValue + "%" }

        /// The interval of `record` at this level.
        public func interval(of record: NationalRecord) -> (lower: Double?, upper: Double?) {
            switch self {
            case .ci95: (record.lowerCI, record.upperCI)
            case .ci998: (record.lowerCI998, record.upperCI998)
            }
        }
    }

    public var order: Significance.Order
    public var confidence: Confidence
    public var rows: [Row]

    /// Judges every row of `dataset` in `order`, comparing at the `confidence` level.
    ///
    /// England's row for a breakdown (same indicator, period, sex, age and category) is the England comparator; the
    /// row of the area named by `Parent Code` for the same breakdown is the parent comparator. England is not compared
    /// with itself, and a row without a value or a 95% interval is not compared.
    public init(dataset: NationalDataset, order: Significance.Order, confidence: Confidence = .ci95) {
        self.order = order
        self.confidence = confidence
        var england: [NationalRecord.Breakdown: Double] = [:]
        var byArea: [AreaKey: Double] = [:]
        for record in dataset.records {
            guard let value = record.value else { continue }
            if record.isEngland, england[record.breakdown] == nil { england[record.breakdown] = value }
            let key = AreaKey(code: record.areaCode, breakdown: record.breakdown)
            if byArea[key] == nil { byArea[key] = value }
        }
        let ranks = Self.ranks(dataset.records, order: order)
        rows = dataset.records.enumerated().map { index, record in
            let englandValue = england[record.breakdown]
            let parentValue = record.parentCode.isEmpty ? nil : byArea[AreaKey(code: record.parentCode, breakdown: record.breakdown)]
            let (rank, areas) = ranks[index]
            // A row without a value (suppressed, `*`) is not compared, even when its download kept an interval.
            let (lower, upper) = record.value == nil ? (nil, nil) : confidence.interval(of: record)
            return Row(
                record: record, englandValue: englandValue, parentValue: parentValue,
                comparedToEngland: record.isEngland
                    ? .notCompared : Significance.compare(lower: lower, upper: upper, comparator: englandValue, order: order),
                comparedToParent: record.parentCode.isEmpty || record.parentCode == record.areaCode
                    ? .notCompared : Significance.compare(lower: lower, upper: upper, comparator: parentValue, order: order),
                quartile: rank.flatMap { areas >= 4 ? min(4, ($0 - 1) * 4 / areas + 1) : nil },
                rank: rank, areas: areas)
        }
    }

    private struct AreaKey: Hashable {
        var code: String
        var breakdown: NationalRecord.Breakdown
    }

    private struct GroupKey: Hashable {
        var areaType: String
        var breakdown: NationalRecord.Breakdown
    }

    /// Each record's rank among the records of its area type and breakdown with a value, and how many those are.
    private static func ranks(_ records: [NationalRecord], order: Significance.Order) -> [(Int?, Int)] {
        var groups: [GroupKey: [Int]] = [:]
        for (index, record) in records.enumerated() where record.value != nil {
            groups[GroupKey(areaType: record.areaType, breakdown: record.breakdown), default: []].append(index)
        }
        var result = [(Int?, Int)](repeating: (nil, 0), count: records.count)
        for members in groups.values {
            // Best first: the lowest values first when lower is better, else the highest.
            let sorted = members.sorted { a, b in
                let x = records[a].value!, y = records[b].value!
                return order == .lowerIsBetter ? x < y : x > y
            }
            var rank = 1
            for (position, index) in sorted.enumerated() {
                if position > 0, records[index].value! != records[sorted[position - 1]].value! { rank = position + 1 }
                result[index] = (rank, members.count)
            }
        }
        return result
    }

    /// The order the file's own published comparisons with England imply: each row published `Better` or `Worse`
    /// shows whether a higher value is better; rows published only `Higher` or `Lower` show the indicator has no
    /// polarity. `nil` when the file publishes no such comparison, or its comparisons disagree.
    public static func publishedOrder(of dataset: NationalDataset) -> Significance.Order? {
        var england: [NationalRecord.Breakdown: Double] = [:]
        for record in dataset.records where record.isEngland {
            if let value = record.value { england[record.breakdown] = value }
        }
        var found: Set<Significance.Order> = []
        for record in dataset.records {
            guard let text = record.publishedComparedToEngland, let published = Significance(published: text),
                let comparator = england[record.breakdown], let lower = record.lowerCI, let upper = record.upperCI
            else { continue }
            let areaIsHigher = comparator < lower
            guard areaIsHigher || comparator > upper else { continue }
            switch published {
            case .better: found.insert(areaIsHigher ? .higherIsBetter : .lowerIsBetter)
            case .worse: found.insert(areaIsHigher ? .lowerIsBetter : .higherIsBetter)
            case .higher, .lower: found.insert(.none)
            case .similar, .notCompared: break
            }
        }
        return found.count == 1 ? found.first : nil
    }

    /// The level the file's own published comparisons were made at: 99.8% when comparing at 99.8% reproduces more of
    /// them than at 95% (the file has 99.8% limits and publishes comparisons), else `nil` (95%, the usual).
    public static func publishedConfidence(of dataset: NationalDataset, order: Significance.Order) -> Confidence? {
        guard dataset.records.contains(where: { $0.lowerCI998 != nil && $0.upperCI998 != nil }) else { return nil }
        // The 99.8% interval alone (as `export` writes a measure compared at 99.8%): that is the level.
        if !dataset.records.contains(where: { $0.lowerCI != nil && $0.upperCI != nil }) { return .ci998 }
        func agreements(_ confidence: Confidence) -> Int {
            Benchmark(dataset: dataset, order: order, confidence: confidence).rows.reduce(0) { count, row in
                let published = [
                    row.record.publishedComparedToEngland.flatMap(Significance.init(published:)),
                    row.record.publishedComparedToParent.flatMap(Significance.init(published:)),
                ]
                return count + (published[0] == row.comparedToEngland ? 1 : 0) + (published[1] == row.comparedToParent ? 1 : 0)
            }
        }
        return agreements(.ci998) > agreements(.ci95) ? .ci998 : nil
    }
}
