import ScorecardKit

/// libFuzzer's entry point: reads `data` as a national download (Fingertips or LG Inform CSV), judges every row as
/// `scorecard benchmark` does, and reads the comparators of its first areas as an outcome measure's. A thrown
/// `DataFileError` is a correct answer; a trap, a hang or a result that breaks the readers' promises (checked
/// below) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let dataset: NationalDataset
    do {
        dataset = try NationalDataset.read(bytes: bytes, file: "national.csv")
    } catch let error as DataFileError {
        _ = error.description
        return 0
    } catch {
        preconditionFailure("an unexpected error type: \(error)")
    }
    _ = Benchmark.publishedOrder(of: dataset)
    for order in Significance.Order.allCases {
        _ = Benchmark.publishedConfidence(of: dataset, order: order)
        for confidence in [Benchmark.Confidence.ci95, .ci998] {
            let benchmark = Benchmark(dataset: dataset, order: order, confidence: confidence)
            precondition(benchmark.rows.count == dataset.records.count, "a row judged for each record")
        }
    }
    // Each of the first areas as the council, the others as its neighbours.
    var areas: [String] = []
    for record in dataset.records where !areas.contains(record.areaCode) && areas.count < 4 { areas.append(record.areaCode) }
    for area in areas {
        let source = Comparators.Source(file: "national.csv", area: area, neighbours: areas.filter { $0 != area })
        for polarity in [Polarity.higherIsBetter, .lowerIsBetter, .none] {
            do {
                let points = try ComparatorReader.points(of: source, in: dataset, measure: "OUT-01", polarity: polarity)
                precondition(zip(points, points.dropFirst()).allSatisfy { $0.period < $1.period }, "points unsorted or repeated")
                for point in points {
                    precondition(point.neighbours.map(\.code) == source.neighbours, "a neighbour lost or added")
                    // Judged as the dashboard judges, as at each point's period.
                    if let comparison = Comparison(Comparators(source: source, points: points), asAt: point.period, polarity: polarity) {
                        precondition(comparison.of == 0 || (1...comparison.of).contains(comparison.rank ?? 0), "a rank out of range")
                    }
                }
            } catch let error as DataFileError {
                _ = error.description
            } catch {
                preconditionFailure("an unexpected error type: \(error)")
            }
        }
    }
    return 0
}
