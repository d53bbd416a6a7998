import Foundation

/// Reads each outcome measure's comparators from the national download its framework names (``Comparators/Source``):
/// the council's own rows, England's, its region's and its neighbours', one point per period.
public enum ComparatorReader {
    /// Fills the comparator points of every measure of `measures` that declares a source, reading files relative
    /// to `directory` (each file once).
    ///
    /// - Throws: ``DataFileError`` naming the national file (and line): missing, unreadable, not a national download,
    ///   an indicator or area not in it, a period Scorecard cannot place, or rows that leave the breakdown unclear.
    public static func read(into measures: inout [Measure], relativeTo directory: String) throws {
        var datasets: [String: NationalDataset] = [:]
        for index in measures.indices {
            guard var comparators = measures[index].comparators else { continue }
            let source = comparators.source
            let path = source.file.hasPrefix("/") ? source.file : (directory as NSString).appendingPathComponent(source.file)
            let dataset: NationalDataset
            if let read = datasets[path] {
                dataset = read
            } else {
                do {
                    dataset = try NationalDataset.read(path: path)
                } catch var error as DataFileError {
                    // The file is named, but not why it is read: say which measure's benchmark_file it is.
                    error.message += " (the benchmark_file of measure \(measures[index].code.excerpt()))"
                    throw error
                }
                datasets[path] = dataset
            }
            comparators.points = try points(of: source, in: dataset, measure: measures[index].code, polarity: measures[index].polarity)
            measures[index].comparators = comparators
        }
    }

    /// The points of `source` in `dataset`, in period order, compared (later) at the level the file's own
    /// comparisons are made at for a measure of `polarity` (``Benchmark/publishedConfidence(of:order:)``): a council
    /// "similar" in the download is not "significantly worse" on the dashboard for comparing at another level.
    public static func points(
        of source: Comparators.Source, in dataset: NationalDataset, measure: String, polarity: Polarity
    ) throws -> [Comparators.Point] {
        let file = dataset.file
        var rows = dataset.records
        // An area code in another case (e06000001) than the file's is the file's: ONS codes are the same in any case.
        // A code the file has as given is that code (a file that spells one code two ways keeps them apart).
        let codes = Set(rows.map(\.areaCode))
        let spelled = Dictionary(rows.map { ($0.areaCode.uppercased(), $0.areaCode) }, uniquingKeysWith: { first, _ in first })
        func fileCode(_ code: String) -> String { codes.contains(code) ? code : spelled[code.uppercased()] ?? code }
        var source = source
        source.area = fileCode(source.area)
        source.neighbours = source.neighbours.map(fileCode)
        let indicators = Set(rows.map { $0.indicatorID.isEmpty ? $0.indicator : $0.indicatorID })
        if let indicator = source.indicator?.lowercased() {
            rows = rows.filter { $0.indicatorID.lowercased() == indicator || $0.indicator.lowercased() == indicator }
            guard !rows.isEmpty else {
                throw DataFileError(
                    file: file, line: nil, field: "benchmark_indicator",
                    message: "measure \(measure.excerpt()): indicator \(indicator.excerpt()) is not in the file")
            }
        } else if indicators.count > 1 {
            throw DataFileError(
                file: file, line: nil, field: "benchmark_indicator",
                message: "measure \(measure.excerpt()): the file holds \(indicators.count) indicators; benchmark_indicator says which")
        }
        // The breakdown: the one asked for, else persons of all ages where the file has them; no categories.
        rows = rows.filter { $0.category.isEmpty && $0.categoryType.isEmpty }
        rows = try pick(rows, \.sex, wanted: source.sex, usual: "persons", field: "benchmark_sex", file: file, measure: measure)
        rows = try pick(rows, \.age, wanted: source.age, usual: "all ages", field: "benchmark_age", file: file, measure: measure)
        // The level is the download's, found in the order its own comparisons imply (a measure without polarity
        // reading a file published as better/worse would otherwise match none of them at either level).
        let breakdown = NationalDataset(file: file, publisher: dataset.publisher, records: rows)
        var confidence = Benchmark.publishedConfidence(
            of: breakdown, order: Benchmark.publishedOrder(of: breakdown) ?? Significance.Order(polarity)) ?? .ci95
        // The council's own rows give their interval at 99.8% alone (England's may have a 95% one): that level.
        let ownRows = rows.filter { $0.areaCode == source.area }
        if confidence == .ci95, !ownRows.contains(where: { $0.lowerCI != nil || $0.upperCI != nil }),
            ownRows.contains(where: { $0.lowerCI998 != nil && $0.upperCI998 != nil })
        {
            confidence = .ci998
        }
        var byArea: [String: [String: NationalRecord]] = [:]
        var england: [String: Double] = [:]
        for row in rows {
            let key = Self.periodKey(row.period)
            if byArea[row.areaCode]?[key] != nil, row.areaCode == source.area {
                throw DataFileError(
                    file: file, line: row.line, field: nil,
                    message: "measure \(measure.excerpt()): area \(row.areaCode.excerpt()) has two rows for \(row.period.excerpt()) "
                        + "(give benchmark_sex and benchmark_age to choose one)")
            }
            byArea[row.areaCode, default: [:]][key] = byArea[row.areaCode]?[key] ?? row
            if row.isEngland, let value = row.value { england[key] = value }
        }
        guard let own = byArea[source.area] else {
            throw DataFileError(
                file: file, line: nil, field: "benchmark_area",
                message: "measure \(measure.excerpt()): area \(source.area.excerpt()) has no rows in the file")
        }
        // Each neighbour once, and not the council itself; a code the file does not have is a mistake to name.
        var seenNeighbours: Set<String> = [source.area]
        let neighbours = source.neighbours.filter { seenNeighbours.insert($0).inserted }
        let regions = Set(own.values.map(\.parentCode).filter { !$0.isEmpty })
        for code in neighbours {
            guard let rows = byArea[code] else {
                throw DataFileError(
                    file: file, line: nil, field: "benchmark_neighbours",
                    message: "measure \(measure.excerpt()): neighbour \(code.excerpt()) has no rows in the file")
            }
            // England and the council's region are compared with already; ranked among the neighbours, they made
            // the council's rank out of areas that are not councils like it.
            // Another region (or country) is no council like it either.
            let isEngland = rows.values.contains { $0.isEngland }
            let areaType = rows.values.first?.areaType.lowercased() ?? ""
            let isRegion = regions.contains(code) || areaType.hasPrefix("region") || areaType == "country"
            if isEngland || isRegion {
                let name = rows.values.first?.areaName ?? code
                let what = isEngland ? "England" : regions.contains(code) ? "the council's region" : "a \(areaType), not a council"
                let already = isEngland || regions.contains(code) ? ", which the council is compared with already" : ""
                throw DataFileError(
                    file: file, line: nil, field: "benchmark_neighbours",
                    message: "measure \(measure.excerpt()): neighbour \(code.excerpt()) is \(what) "
                        + "(\(name.excerpt()))\(already): list councils like it")
            }
        }
        var points: [Comparators.Point] = []
        for row in own.values.sorted(by: { ($0.periodOrder, $0.line) < ($1.periodOrder, $1.line) }) {
            let (lower, upper) = confidence.interval(of: row)
            guard let period = Self.period(row.period) else {
                throw DataFileError(
                    file: file, line: row.line, field: "Time period",
                    message: "\"\(row.period.excerpt())\" is not a year or period Scorecard can place (2017, 2016/17, 2014 - 16)")
            }
            let key = Self.periodKey(row.period)
            let region = byArea[row.parentCode]?[key]
            points.append(
                Comparators.Point(
                    period: period, periodText: row.period, value: row.value, lower: lower, upper: upper, confidence: confidence,
                    england: england[key], regionCode: row.parentCode,
                    regionName: row.parentName.isEmpty ? region?.areaName ?? "" : row.parentName, region: region?.value,
                    neighbours: neighbours.map { code in
                        let neighbour = byArea[code]?[key]
                        return Comparators.Neighbour(code: code, name: neighbour?.areaName ?? code, value: neighbour?.value)
                    }))
        }
        // One point per period: a file with rows for both 2017 and a pooled 2015 - 17 places both in 2017; the
        // single year is kept, wherever its rows are in the file (its neighbours have it more often than not).
        var seen = Set<Period>()
        return points.enumerated()
            .sorted { a, b in
                (a.element.period, Self.isRange(a.element.periodText) ? 1 : 0, a.offset) < (b.element.period, Self.isRange(b.element.periodText) ? 1 : 0, b.offset)
            }
            .map(\.element).filter { seen.insert($0.period).inserted }
    }

    /// The key that matches rows of one period however each writes it (`2023/24` and `2023-24`: a council's row
    /// written one way found no England row written the other, and was "not compared" without a word): the
    /// period it names, or for a range (`2015 - 17`) or what names none, its text.
    static func periodKey(_ text: String) -> String {
        guard !isRange(text), let period = period(text) else { return text }
        return "\(period.kind.rawValue):\(period.ordinal)"
    }

    /// Whether a national period text is a range of years (`2015 - 17`), as pooled figures are published.
    static func isRange(_ text: String) -> Bool {
        text.contains(" - ")
    }

    /// The rows whose `key` is `wanted`; without one, those whose key is `usual` when any is, else all.
    private static func pick(
        _ rows: [NationalRecord], _ key: KeyPath<NationalRecord, String>, wanted: String?, usual: String, field: String,
        file: String, measure: String
    ) throws -> [NationalRecord] {
        if let wanted = wanted?.lowercased() {
            let picked = rows.filter { $0[keyPath: key].lowercased() == wanted }
            guard !picked.isEmpty else {
                let found = Set(rows.map { $0[keyPath: key] }).sorted().prefix(6).map { "\"\($0.excerpt())\"" }
                throw DataFileError(
                    file: file, line: nil, field: field,
                    message: "measure \(measure.excerpt()): no rows for \(field) \"\(wanted.excerpt())\" (the file has "
                        + "\(found.joined(separator: ", ")))")
            }
            return picked
        }
        let usualRows = rows.filter { $0[keyPath: key].lowercased() == usual }
        return usualRows.isEmpty ? rows : usualRows
    }

    /// The period a national file's period text names: `2017` a calendar year, `2016/17` a financial year,
    /// `2010/11 Q1` a quarter, a range (`2014 - 16`, `2014/15 - 16/17`) its last year; a note in brackets
    /// (`2009/10 (taxbase)`) is left out. A date is the longest period ending that day: `31/03/2025` the financial
    /// year 2024/25, `31/12/2024` the year 2024, `30/06/2024` a quarter, `31/05/2024` a month.
    public static func period(_ text: String) -> Period? {
        var text = String(text.trimmingWhitespace())
        if let open = text.firstIndex(of: "(") { text = String(text[..<open].trimmingWhitespace()) }
        if let period = Period(parsing: text) { return period }
        if let date = Period.date(writtenAs: text) {
            return [Period.Kind.financialYear, .calendarYear, .quarter, .month].lazy
                .map { Period.containing(date, kind: $0) }.first { $0.endDate == date }
        }
        let parts = text.components(separatedBy: " - ")
        guard parts.count == 2, let first = Period(parsing: parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
        let last = parts[1].trimmingCharacters(in: .whitespaces)
        let century = String(String(first.year).prefix(2))
        if let period = Period(parsing: last) { return period }
        if let period = Period(parsing: century + last), period.kind == first.kind { return period }
        return nil
    }
}
