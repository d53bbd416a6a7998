import ScorecardKit

/// libFuzzer's entry point: reads `data` as `framework.yaml`, as ``CouncilDirectory/loadFramework()`` does (UTF-8
/// first, then the YAML). A thrown error is a correct answer; a trap, a hang or a result that breaks the reader's
/// promises (checked below) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    do {
        let contents = try FrameworkFile(file: "framework.yaml").read(text)
        let indexes = contents.plan.priorities.flatMap { $0.measures + $0.plans.flatMap(\.measures) }
        precondition(indexes.sorted() == Array(contents.measures.indices), "every measure is placed exactly once")
        precondition(Set(contents.measures.map(\.code)).count == contents.measures.count, "measure codes are unique")
        precondition(!contents.plan.priorities.isEmpty, "a plan without priorities")
        for measure in contents.measures {
            var numbers = measure.targets.entries.map(\.value) + [measure.minimum, measure.maximum].compactMap { $0 }
            if case .withinBand(let halfWidth) = measure.polarity { numbers.append(halfWidth) }
            switch measure.tolerance {
            case .absolute(let amount), .percent(let amount): numbers.append(amount)
            case nil: break
            }
            precondition(numbers.allSatisfy { ValueLimits.insanity(of: $0) == nil }, "a number out of range")
            if let minimum = measure.minimum, let maximum = measure.maximum {
                precondition(minimum <= maximum, "a measure's max below its min")
            }
        }
    } catch let error as DataFileError {
        _ = error.description
    } catch let error as DataLoadError {
        precondition(!error.errors.isEmpty && error.errors.count <= DataLoadError.limit, "an error list out of bounds")
        _ = error.description
    } catch {
        preconditionFailure("an unexpected error type: \(error)")
    }
    return 0
}
