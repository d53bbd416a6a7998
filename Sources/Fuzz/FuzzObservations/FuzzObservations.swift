import ScorecardKit

/// The framework every input is read against: a measure of each frequency, so that every period form can resolve.
private let framework = """
    council: Fuzzshire
    plan: Fuzz Plan
    priorities:
      - code: P1
        title: Everything
        measures:
          - {code: OUT-01, title: Annual, frequency: annual, polarity: lower}
          - {code: OUT-03, title: Calendar year, frequency: calendar-year}
        plans:
          - code: DP-01
            title: Plan
            measures:
              - {code: KBM-01, title: Quarterly, frequency: quarterly, cumulative: true, profile: [15, 40, 65, 100]}
              - {code: KBI-001, title: Monthly, frequency: monthly, cumulative: true, targets: {2024/25: 90}}
              - {code: KBI-01, title: Percentage, frequency: monthly, unit: "%", tolerance: 2}
              - {code: KBI-02, title: Band, frequency: monthly, polarity: band, band: 2}
              - {code: KBI-03, title: Count, frequency: monthly, polarity: none}
    """

private let measures: [Measure] = {
    do {
        return try FrameworkFile(file: "framework.yaml").read(framework).measures
    } catch {
        fatalError("the fuzzing framework does not load: \(error)")
    }
}()

/// The day the reading is made: a value for a period that has not ended by then is refused.
private let today = CivilDate(year: 2026, month: 12, day: 1)

/// libFuzzer's entry point: reads `data` as `observations.csv`. A thrown error is a correct answer; a trap, a
/// hang or a result that breaks the reader's promises (checked below) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let file = ObservationsFile(file: "observations.csv", measures: measures, today: today)
        let lists = try file.read(bytes)
        precondition(lists.count == measures.count, "one list per measure")
        for (measure, list) in zip(measures, lists) {
            precondition(list.allSatisfy { $0.period.kind == measure.frequency.periodKind }, "a period of the wrong kind")
            precondition(zip(list, list.dropFirst()).allSatisfy { $0.period < $1.period }, "periods unsorted or repeated")
            for observation in list {
                if let value = observation.value {
                    precondition(measure.problem(withValue: value) == nil, "a value outside the measure's limits")
                    precondition(today.map(observation.period.hasEnded(by:)) ?? true, "a value for a period not yet ended")
                }
                precondition(observation.target.map { ValueLimits.insanity(of: $0) == nil } ?? true, "a target out of range")
                precondition(!(observation.note?.utf8.contains(0) ?? false), "a NUL byte in a note")
            }
        }
        // Streamed (as an import into a new database reads), the same rows come out.
        var streamed = [[Observation]](repeating: [], count: measures.count)
        let count: Int
        do {
            count = try file.stream(bytes) { rows in for (measure, observation) in rows { streamed[measure].append(observation) } }
        } catch {
            preconditionFailure("streaming refused what reading took: \(error)")
        }
        precondition(count == lists.reduce(0) { $0 + $1.count }, "the streamed count differs from the result")
        precondition(streamed.map { $0.sorted { $0.period < $1.period } } == lists, "streamed rows differ from the result")
    } catch let error as DataLoadError {
        precondition(!error.errors.isEmpty && error.errors.count <= DataLoadError.limit, "an error list out of bounds")
        _ = error.description
    } catch {
        preconditionFailure("an unexpected error type: \(error)")
    }
    return 0
}
