extension ObservationsFile {
    /// What a read keeps between rows.
    struct ReadState {
        /// The table being read, for messages.
        let origin: TableOrigin
        /// Each measure's observations, when they are kept (a read that only streams its rows keeps none).
        var result: [[Observation]]
        let keepsObservations: Bool
        /// How many observations were taken.
        var count = 0
        /// The rows not yet handed to `emit`.
        var pending: [(measure: Int, observation: Observation)] = []
        /// For duplicates: the line and period ordinal of each observation taken while its measure's rows came in
        /// period order, by measure (ordinals of 4-digit years fit 32 bits); after that, ``seen`` holds them.
        var taken: [[(line: Int32, ordinal: Int32)]]
        /// The latest period ordinal kept for each measure: a later one cannot be a duplicate.
        var lastOrdinal: [Int]
        /// For a measure whose rows came out of period order: the line each period was first given on.
        var seen: [Int: [Int: Int]] = [:]
        /// The previous row's measure code (as in the file) and its measure's index: rows come grouped by measure.
        var lastCode: [UInt8] = []
        var lastIndex = -1
        let emitting: Bool
        /// The problems found so far, each with its line, column and field.
        var errors: [DataFileError] = []
        /// The name of each column (its heading), for the field a problem names, once the header is read.
        var columnNames: [String] = []

        init(origin: TableOrigin, measureCount: Int, emitting: Bool, keepsObservations: Bool) {
            self.origin = origin
            self.emitting = emitting
            self.keepsObservations = keepsObservations
            result = [[Observation]](repeating: [], count: keepsObservations ? measureCount : 0)
            taken = [[(line: Int32, ordinal: Int32)]](repeating: [], count: measureCount)
            lastOrdinal = [Int](repeating: .min, count: measureCount)
            if emitting { pending.reserveCapacity(ObservationsFile.emitStep) }
        }

        /// For each kind of period (by its raw value), the latest ordinal found to have ended: any before it has too.
        private var endedThrough = [Int](repeating: .min, count: Period.Kind.allCases.count)

        /// Whether `period` has ended by `today`, worked out from its dates only for a period later than any found
        /// to have ended (the dates were a fiftieth of reading a value).
        mutating func hasEnded(_ period: Period, by today: CivilDate) -> Bool {
            let kind = period.kind.rawValue
            if period.ordinal <= endedThrough[kind] { return true }
            guard period.hasEnded(by: today) else { return false }
            endedThrough[kind] = period.ordinal
            return true
        }

        /// Notes a problem on `line` (or row), in `column` (`nil`: the row as a whole); throws once there are as
        /// many as a load reports. (A method of the state rather than a closure the rows are read with: a closure's
        /// captures were retained and released for every row, a tenth of reading a large file.)
        mutating func fail(_ line: Int, _ column: Int?, _ message: String) throws {
            let field = column.flatMap { columnNames.indices.contains($0) ? columnNames[$0] : nil }.flatMap { $0.isEmpty ? nil : $0 }
            errors.append(origin.place(line: line, column: column, field: field).error(message))
            if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
        }

        /// The line `ordinal` was already given on for measure `index`; else records it as given on `line`.
        mutating func firstLine(index: Int, ordinal: Int, line: Int) -> Int? {
            if seen[index] == nil {
                if ordinal > lastOrdinal[index] {
                    lastOrdinal[index] = ordinal
                    taken[index].append((Int32(clamping: line), Int32(clamping: ordinal)))
                    return nil
                }
                // Out of order: from now on this measure's periods are looked up.
                var periods: [Int: Int] = [:]
                for (line, ordinal) in taken[index] { periods[Int(ordinal)] = Int(line) }
                seen[index] = periods
            }
            if let first = seen[index]?[ordinal] { return first }
            seen[index, default: [:]][ordinal] = line
            return nil
        }
    }
}
