/// Gathers the problems found while reading a file, so that one run reports all of them (up to
/// ``DataLoadError/limit``) rather than stopping at the first.
final class ProblemCollector {
    private(set) var errors: [DataFileError] = []

    /// Runs `body`; a ``DataFileError`` it throws is noted and `nil` returned, so reading goes on.
    ///
    /// - Throws: ``DataLoadError`` once the limit is reached; any other error as it is.
    func attempt<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch let error as DataFileError {
            try note(error)
            return nil
        }
    }

    /// Notes a problem found without a throw.
    func note(_ error: DataFileError) throws {
        errors.append(error)
        if errors.count >= DataLoadError.limit { throw DataLoadError(sorted, truncated: true) }
    }

    /// Throws every problem noted, in line order, if there is any.
    func finish() throws {
        guard errors.isEmpty else { throw DataLoadError(sorted) }
    }

    private var sorted: [DataFileError] {
        errors.enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
    }
}
