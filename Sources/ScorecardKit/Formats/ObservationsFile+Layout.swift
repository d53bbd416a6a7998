extension ObservationsFile {
    /// Where one observation's cells are in a record (-1 for a cell the file does not have).
    struct ObservationCells {
        var value = -1, target = -1, note = -1, quality = -1

        /// These cells and `other`'s together, or `nil` when both have the same one (a value twice).
        func merging(_ other: ObservationCells) -> ObservationCells? {
            var merged = self
            for part: WritableKeyPath<ObservationCells, Int> in [\.value, \.target, \.note, \.quality] where other[keyPath: part] >= 0 {
                guard merged[keyPath: part] < 0 else { return nil }
                merged[keyPath: part] = other[keyPath: part]
            }
            return merged
        }
    }

    /// The columns of a file with one row per measure and period.
    struct LongColumns {
        var measure: Int
        var period: Int
        var cells: ObservationCells
    }

    /// The columns of a file with one row per measure and a column per period.
    struct WideColumns {
        /// The columns of one period: its value, and optionally its target, note and quality.
        struct PeriodColumns {
            var period: Period
            /// The period's heading as written, for messages (a date as its month).
            var heading: String
            /// The period as the heading writes it, a date as a date: a quarterly measure reads `30/06/2024` as 2024/25 Q1.
            var written: String
            /// Whether ``written`` is a date (`30/06/2024`), not a period's name.
            var dated = false
            var cells = ObservationCells()
            /// The period's first column, where a problem with the period itself is placed.
            var firstColumn: Int
        }

        var measure: Int
        var periods: [PeriodColumns]
        /// ``periods`` as a measure of each kind of period reads them (``periods(for:)``).
        private var byKind: [Period.Kind: [PeriodColumns]] = [:]
        /// The kinds for which two of ``periods(for:)`` are the same period, to be taken together row by row
        /// (``cells(of:for:in:)``).
        private var shared: Set<Period.Kind> = []

        init(measure: Int, periods: [PeriodColumns]) {
            self.measure = measure
            self.periods = periods
            for kind in Period.Kind.allCases {
                let grouped = Self.grouped(periods, for: kind)
                byKind[kind] = grouped
                if Set(grouped.map(\.period)).count < grouped.count { shared.insert(kind) }
            }
        }

        /// The periods a row gives for a measure of `kind`, with the cells it fills: two columns of one period (its
        /// value under `30/06/2024`, its note under `note 2024/25 Q1`) are taken together when the row fills no part
        /// of it twice; a part filled twice is left as two, to be refused as the period given twice.
        func cells(of record: borrowing TableRecord, for kind: Period.Kind) -> [PeriodColumns] {
            let groups = periods(for: kind)
            guard shared.contains(kind) else { return groups }
            var result: [PeriodColumns] = []
            var index: [Period: Int] = [:]
            for var group in groups {
                for part: WritableKeyPath<ObservationCells, Int> in [\.value, \.target, \.note, \.quality]
                where group.cells[keyPath: part] >= 0 && record.isBlank(group.cells[keyPath: part]) {
                    group.cells[keyPath: part] = -1
                }
                if let i = index[group.period], let merged = result[i].cells.merging(group.cells) {
                    result[i].cells = merged
                    continue
                }
                if index[group.period] == nil { index[group.period] = result.count }
                result.append(group)
            }
            return result
        }

        /// The periods as a measure reported by `kind` reads them: a heading dated the day a quarter or year ends
        /// is that period, with whatever note, target or quality columns head it by name (`30/06/2024` beside
        /// `note 2024/25 Q1` is one quarter's value and note, not the quarter given twice).
        func periods(for kind: Period.Kind) -> [PeriodColumns] { byKind[kind] ?? periods }

        private static func grouped(_ periods: [PeriodColumns], for kind: Period.Kind) -> [PeriodColumns] {
            var result: [PeriodColumns] = []
            var index: [Period: Int] = [:]
            for var group in periods {
                if group.period.kind != kind, let own = Period(cell: group.written, kind: kind), own != group.period {
                    group.period = own
                    group.heading = own.label
                }
                if let i = index[group.period], let merged = result[i].cells.merging(group.cells) {
                    result[i].cells = merged
                    result[i].firstColumn = min(result[i].firstColumn, group.firstColumn)
                    continue
                }
                if index[group.period] == nil { index[group.period] = result.count }
                result.append(group)
            }
            return result
        }
    }

    /// The file's layout, found from its header: long (`measure,period,value`) when it has a `period` or a `value`
    /// column, else wide.
    struct Layout {
        enum Kind {
            case long(LongColumns)
            case wide(WideColumns)
        }

        var kind: Kind
        /// The columns with no heading, which must be blank.
        var unheaded: [Int]
        /// Each column's name, for messages: the column's name in a long file, the heading as written in a wide one.
        var names: [String]

        /// The layout the header's `headings` (on line or row `line`) give.
        init(headings written: [String], line: Int, origin: TableOrigin) throws {
            let headings = written.map { String($0.trimmingWhitespace()) }
            let lowered = headings.map { $0.lowercased() }
            func error(_ column: Int?, _ field: String, _ message: String) -> DataFileError {
                origin.place(line: line, column: column, field: field).error(message)
            }
            unheaded = headings.indices.filter { headings[$0].isEmpty }
            if lowered.contains(Column.period.rawValue) || lowered.contains(Column.value.rawValue) {
                var columns: [Column: Int] = [:]
                // Every column not known, named as written (`RAG`, `Comments Q1`): one message for them all, not one a run.
                let unknown = lowered.indices.filter { i in
                    let normalized = TableHeader.normalized(lowered[i])
                    return !lowered[i].isEmpty && normalized != "title" && Column(rawValue: normalized) == nil && Self.longAliases[normalized] == nil
                }
                if let first = unknown.first {
                    let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                    // Up to five more named (a wide sheet taken for a long one has a column a period).
                    var others = unknown.dropFirst().prefix(5).map { "\"\(headings[$0].excerpt())\"" }
                    if unknown.count > 6 { others.append("\(unknown.count - 6) more") }
                    let also = others.isEmpty ? "" : "; so are " + (others.count == 1 ? others[0] : others.dropLast().joined(separator: ", ") + " and " + others[others.count - 1])
                    throw error(first, headings[first], "unknown column\(also) (the columns are \(known), and title, which is skipped)")
                }
                // `Code | Measure | ...`: the code, then the measure's name (its title), as in a wide file.
                let headingNames = lowered.map { TableHeader.normalized($0) }
                let measureIsTitle = headingNames.contains("code") && headingNames.contains("measure") && !headingNames.contains("title")
                for (i, name) in lowered.enumerated() where !name.isEmpty {
                    let normalized = TableHeader.normalized(name)
                    // A title is kept for the reader of the table, as in a wide file.
                    guard normalized != "title", !(measureIsTitle && normalized == "measure"), let column = Column(rawValue: normalized) ?? Self.longAliases[normalized] else { continue }
                    guard columns[column] == nil else { throw error(i, headings[i], "the column appears twice") }
                    columns[column] = i
                }
                for column in ObservationsFile.required where columns[column] == nil {
                    throw error(nil, column.rawValue, "the required column is missing")
                }
                let cells = ObservationCells(
                    value: columns[.value] ?? -1, target: columns[.target] ?? -1, note: columns[.note] ?? -1,
                    quality: columns[.quality] ?? -1)
                kind = .long(LongColumns(measure: columns[.measure] ?? 0, period: columns[.period] ?? 1, cells: cells))
                names = lowered
                return
            }
            var measure: Int?
            var periods: [WideColumns.PeriodColumns] = []
            var named = headings
            // `Code | Measure | ...`, as councils head a table: the code, then the measure's name (its title).
            let normalized = headings.map { TableHeader.normalized($0) }
            let measureIsTitle = normalized.contains("code") && normalized.contains("measure") && !normalized.contains("title")
            for (i, heading) in headings.enumerated() where !heading.isEmpty {
                switch normalized[i] {
                case "measure" where measureIsTitle:
                    continue
                case "measure", "code", "measure_code":
                    guard measure == nil else { throw error(i, heading, "the column appears twice") }
                    measure = i
                    continue
                case "title":
                    continue
                default:
                    break
                }
                guard let (part, written) = Self.periodHeading(heading), let period = Period(cell: written) else {
                    if let (written, year) = PeriodBandHeader.outsideItsYear(heading) {
                        throw error(
                            i, heading,
                            "\(written) is not in \(year), the year over it: a slip of the year? Give a period of \(year), or put it under its own year")
                    }
                    if let written = Self.periodHeading(heading)?.1, CivilDate.isImpossible(written) {
                        throw error(i, heading, Period.writingHint(for: written))
                    }
                    if let hint = Self.periodHeading(heading).flatMap({ Period.calendarQuarterHint($0.1) }) {
                        throw error(i, heading, "unknown column: not a period (\(hint))")
                    }
                    throw error(
                        i, heading,
                        "unknown column: not a period (such as 2024/25 Q1, 2024-05 or 2024/25), nor measure, title, or note, target or quality and a period")
                }
                // A month's first day (a spreadsheet keeps `Apr-24` as 1 April 2024) is named as its month, not as
                // `2024-04-01`; another date (`30/06/2024`, typed) as written.
                var periodText = written
                if Period(parsing: written) == nil, Period.date(writtenAs: written)?.day == 1 {
                    periodText = period.label
                    named[i] = heading.dropLast(written.count) + periodText
                }
                // A date is grouped with its own columns (`note 30/06/2024`), not with its month's by name (`Jun 2024`
                // beside `30/06/2024` is June's value and, for a quarterly measure, Q1's).
                let dated = Period(parsing: written) == nil
                var group = periods.firstIndex { $0.period == period && $0.dated == dated && (!dated || $0.written == written) }
                if group == nil {
                    periods.append(WideColumns.PeriodColumns(period: period, heading: periodText, written: written, dated: dated, firstColumn: i))
                    group = periods.count - 1
                }
                guard let g = group else { continue }
                guard periods[g].cells[keyPath: part] < 0 else { throw error(i, heading, "the column appears twice (for \(period.label))") }
                periods[g].cells[keyPath: part] = i
            }
            guard let measure else {
                throw error(
                    nil, Column.measure.rawValue,
                    "the required column is missing (one row per value has the columns measure,period,value; one row per measure has a measure column and a column per period, such as 2024/25 Q1)")
            }
            guard !periods.isEmpty else { throw error(nil, Column.period.rawValue, "there is no column for a period (such as 2024/25 Q1)") }
            kind = .wide(WideColumns(measure: measure, periods: periods))
            names = named
        }

        /// Other names councils' tables give the columns of a file with one row per measure and period: the code
        /// as a wide file takes it, and the owner's commentary.
        static let longAliases: [String: Column] = [
            "code": .measure, "measure_code": .measure, "commentary": .note, "comment": .note, "comments": .note,
        ]

        /// Which cell of a period a heading is (`note 2024/25 Q1` is a note), and the period's text; `nil` for an
        /// empty heading.
        static func periodHeading(_ heading: String) -> (WritableKeyPath<ObservationCells, Int>, String)? {
            guard let first = heading.split(whereSeparator: \.isWhitespace).first else { return nil }
            // `commentary Q1` as a long file's commentary column is its note.
            let parts: [(String, WritableKeyPath<ObservationCells, Int>)] = [
                ("note", \.note), ("commentary", \.note), ("comment", \.note), ("comments", \.note), ("target", \.target), ("quality", \.quality),
            ]
            for (word, part) in parts where first.lowercased() == word {
                return (part, String(heading.dropFirst(first.count).trimmingWhitespace()))
            }
            return (\.value, heading)
        }
    }
}
