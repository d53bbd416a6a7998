import Testing

@testable import ScorecardKit

/// Comparisons with England and the parent by the 95% confidence-interval rule, and quartiles, with hand-checked
/// numbers and the whole of a real Fingertips download.
@Suite struct BenchmarkTests {
    @Test func theIntervalRule() {
        // England 94.7: an area at 81.5 (71.1 to 92.9) is significantly lower.
        #expect(Significance.compare(lower: 71.1, upper: 92.9, comparator: 94.7, order: .lowerIsBetter) == .better)
        #expect(Significance.compare(lower: 71.1, upper: 92.9, comparator: 94.7, order: .higherIsBetter) == .worse)
        #expect(Significance.compare(lower: 71.1, upper: 92.9, comparator: 94.7, order: .none) == .lower)
        // Above the interval: the area is significantly higher.
        #expect(Significance.compare(lower: 119.4, upper: 169.2, comparator: 94.7, order: .lowerIsBetter) == .worse)
        #expect(Significance.compare(lower: 119.4, upper: 169.2, comparator: 94.7, order: .none) == .higher)
        // Inside, and on either end, is similar.
        #expect(Significance.compare(lower: 89.6, upper: 133.4, comparator: 94.7, order: .lowerIsBetter) == .similar)
        #expect(Significance.compare(lower: 94.7, upper: 133.4, comparator: 94.7, order: .lowerIsBetter) == .similar)
        #expect(Significance.compare(lower: 80, upper: 94.7, comparator: 94.7, order: .higherIsBetter) == .similar)
        // Anything missing is not compared.
        #expect(Significance.compare(lower: nil, upper: 10, comparator: 5, order: .none) == .notCompared)
        #expect(Significance.compare(lower: 1, upper: 10, comparator: nil, order: .none) == .notCompared)
        #expect(Significance.compare(lower: 1, upper: .nan, comparator: 5, order: .none) == .notCompared)
    }

    @Test func everyPublishedComparisonInTheCampylobacterFileIsReproduced() throws {
        let dataset = try NationalDataset.read(path: NationalDatasetTests.campylobacter)
        let benchmark = Benchmark(dataset: dataset, order: .lowerIsBetter)
        var checked = 0
        for row in benchmark.rows {
            let england = try #require(row.record.publishedComparedToEngland.flatMap(Significance.init(published:)))
            let parent = try #require(row.record.publishedComparedToParent.flatMap(Significance.init(published:)))
            #expect(row.comparedToEngland == england, "line \(row.record.line): England")
            #expect(row.comparedToParent == parent, "line \(row.record.line): parent")
            checked += 2
        }
        #expect(checked == 1704)
        // Every kind the file publishes is among them.
        let kinds = Set(benchmark.rows.map(\.comparedToEngland))
        #expect(kinds == [.better, .similar, .worse, .notCompared])
        // The file's own comparisons show lower is better.
        #expect(Benchmark.publishedOrder(of: dataset) == .lowerIsBetter)
    }

    @Test func hartlepoolHandChecked() throws {
        let dataset = try NationalDataset.read(path: NationalDatasetTests.campylobacter)
        let benchmark = Benchmark(dataset: dataset, order: .lowerIsBetter)
        let row = try #require(
            benchmark.rows.first { $0.record.areaCode == "E06000001" && $0.record.period == "2015" && $0.record.age == "All ages" })
        // 142.7 (119.4 to 169.2): England's 94.7 is below the interval, the North East's 122.2 inside it.
        #expect(row.englandValue == 94.7261896202678)
        #expect(row.parentValue == 122.227171084892)
        #expect(row.comparedToEngland == .worse)
        #expect(row.comparedToParent == .similar)
        // 150 County & UA areas have a value in 2015 (City of London and Scilly have none); Hartlepool is 139th
        // lowest: (139 - 1) * 4 / 150 = 3.68, so the 4th quartile.
        #expect(row.areas == 150)
        #expect(row.rank == 139)
        #expect(row.quartile == 4)
    }

    @Test func aRowWithoutAValueIsNotComparedThoughItsIntervalWasKept() throws {
        let text = """
            Indicator Name,Parent Code,Area Code,Area Type,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit
            X,,E92000001,England,2020,50,49,51
            X,E12000001,A,UA,2020,*,60,70
            X,E12000001,B,UA,2020,65,60,70
            X,E92000001,E12000001,Region,2020,55,54,56
            """
        let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
        let rows = Benchmark(dataset: dataset, order: .lowerIsBetter).rows
        // A's value is suppressed: not compared, where B, with the same interval, is worse than both.
        #expect(rows[1].comparedToEngland == .notCompared && rows[1].comparedToParent == .notCompared)
        #expect(rows[2].comparedToEngland == .worse && rows[2].comparedToParent == .worse)
    }

    @Test func quartilesAndTiesInEachOrder() throws {
        let text = """
            Indicator Name,Area Code,Area Type,Time period,Value
            X,A,UA,2020,10
            X,B,UA,2020,20
            X,C,UA,2020,20
            X,D,UA,2020,40
            X,E,UA,2020,50
            X,F,UA,2020,
            X,R,Region,2020,30
            """
        let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
        let lower = Benchmark(dataset: dataset, order: .lowerIsBetter).rows
        // Five areas with values; B and C tie for 2nd; quartile = (rank - 1) * 4 / 5 + 1.
        #expect(lower.map(\.rank) == [1, 2, 2, 4, 5, nil, 1])
        #expect(lower.map(\.quartile) == [1, 1, 1, 3, 4, nil, nil])
        let higher = Benchmark(dataset: dataset, order: .higherIsBetter).rows
        #expect(higher.map(\.rank) == [5, 3, 3, 2, 1, nil, 1])
        #expect(higher.map(\.quartile) == [4, 2, 2, 1, 1, nil, nil])
        // Without an interval nothing is compared.
        #expect(lower.allSatisfy { $0.comparedToEngland == .notCompared && $0.comparedToParent == .notCompared })
    }

    @Test func aFileComparedAtNinetyNinePointEightIsRecognised() throws {
        // England 50. Area A: 95% 52-58 (above England), 99.8% 49-61 (includes it): published Similar, so the file
        // compares at 99.8%. Area B is clear of England at both levels.
        let text = """
            Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Compared to England value or percentiles
            1,X,E92000001,England,England,2020,50,49.9,50.1,49.8,50.2,Not compared
            1,X,A1,A,UA,2020,55,52,58,49,61,Similar
            1,X,B1,B,UA,2020,70,66,74,62,78,Worse 99.8%
            """
        let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
        #expect(Benchmark.publishedConfidence(of: dataset, order: .lowerIsBetter) == .ci998)
        let at998 = Benchmark(dataset: dataset, order: .lowerIsBetter, confidence: .ci998).rows
        #expect(at998.map(\.comparedToEngland) == [.notCompared, .similar, .worse])
        let at95 = Benchmark(dataset: dataset, order: .lowerIsBetter).rows
        #expect(at95.map(\.comparedToEngland) == [.notCompared, .worse, .worse])
        // "Worse 99.8%" reads as worse.
        #expect(Significance(published: "Worse 99.8%") == .worse)
        // The campylobacter file is compared at 95%.
        let campylobacter = try NationalDataset.read(path: NationalDatasetTests.campylobacter)
        #expect(Benchmark.publishedConfidence(of: campylobacter, order: .lowerIsBetter) == nil)
    }
}
