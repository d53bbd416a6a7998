import ScorecardKit

/// The national comparators of the sample's outcome measures: for up to a dozen annual outcome measures, a
/// Fingertips-style download (`national/OUT-06.csv`) with Fernley's values and their 95% intervals, England's,
/// the South West's and fifteen nearest neighbours'. Fictional, like the rest of the sample: Fernley is
/// `E06000099` and the neighbours are made-up places with unused codes.
extension SampleEngine {
    /// Fernley's area code and region.
    static let councilArea = (code: "E06000099", name: "Fernley")
    static let region = (code: "E12000009", name: "South West region")
    /// Fifteen made-up neighbours with unused codes.
    static let neighbours: [(code: String, name: String)] = [
        "Ashbury", "Brackwell", "Calderford", "Dunmoor", "Eastwick", "Fallowmere", "Grantley", "Hollinsby", "Kestlewood",
        "Lynford", "Marlow Vale", "Northcombe", "Otterby", "Pennock", "Redlands",
    ].enumerated().map { (code: "E060000" + String(80 + $0.offset), name: $0.element) }

    /// How many outcome measures get comparators.
    static let nationalMeasures = 12

    /// Which measures get a national file: the first dozen annual outcome measures with a better direction.
    var nationalIndices: Set<Int> {
        let eligible = outputOrder.filter { i in
            let t = template(specs[i])
            return t.tier == .outcome && specs[i].flag == .normal && (t.frequency == .annual || t.frequency == .calendarYear)
                && (t.polarity.keyword == "higher" || t.polarity.keyword == "lower")
        }
        return Set(eligible.prefix(Self.nationalMeasures))
    }

    /// The relative path of measure `i`'s national file (`national/OUT-06.csv`).
    func nationalPath(_ i: Int) -> String { "national/\(specs[i].code).csv" }

    /// The lines `framework.yaml` gives measure `i` to name its national file.
    func nationalYAML(_ i: Int, pad: String) -> String {
        pad + "benchmark_file: " + nationalPath(i) + "\n" + pad + "benchmark_area: " + Self.councilArea.code + "\n" + pad
            + "benchmark_neighbours: " + YAMLText.scalar(Self.neighbours.map(\.code).joined(separator: " ")) + "\n"
    }

    /// Measure `i`'s national file: one row per area and year the measure has a value, Fingertips' 26 columns;
    /// `nil` when it has no value.
    func nationalFile(_ i: Int, _ s: SampleSeries) -> [UInt8]? {
        let spec = specs[i]
        let t = template(spec)
        var rng = SampleRandom(seed: generator.seed, stream: 0xE96_1A2D ^ UInt64(i))
        let higherIsBetter = t.polarity.keyword == "higher"
        var scale = 1.0
        for _ in 0..<t.decimals { scale *= 10 }
        // Where Fernley stands against England: worse for a measure off track, else better or similar.
        let stance: Double =
            switch spec.scenario {
            case .offTrack, .offTrackRun: -1
            case .withinTolerance: 0
            default: rng.chance(0.5) ? 1 : 0
            }
        let indicatorID = String(90000 + i)
        var lines = [
            "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,"
                + "Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,"
                + "Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
                + "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal"
        ]
        let name = "\"" + title(spec).replacingOccurrences(of: "\"", with: "\"\"") + "\""
        func number(_ x: Double) -> String { formatPlain((x * 1000).rounded() / 1000) }
        func row(_ parent: (code: String, name: String)?, _ area: (code: String, name: String), _ type: String, _ period: Period,
                 _ value: Double, _ half: Double, england: String, region: String) -> String {
            let text = t.frequency == .calendarYear ? String(period.year) : period.description
            return [
                indicatorID, name, parent?.code ?? "", parent?.name ?? "", area.code, area.name, type, "Persons", "All ages", "", "",
                text, number(value), number(value - half), number(value + half), "", "", "", "", "", "", england, region,
                String(period.year) + "0000", "", "",
            ].joined(separator: ",")
        }
        func judged(_ value: Double, _ half: Double, against comparator: Double) -> String {
            // As the file writes them: to three places.
            func written(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
            return switch Significance.compare(
                lower: written(value - half), upper: written(value + half), comparator: written(comparator),
                order: higherIsBetter ? .higherIsBetter : .lowerIsBetter)
            {
            case .better: "Better"
            case .worse: "Worse"
            case .similar: "Similar"
            default: "Not compared"
            }
        }
        for k in 0..<s.count where s.present[k] {
            guard let scaled = s.values[k] else { continue }
            let period = s.period(k)
            let value = Double(scaled) / scale
            let half = max(abs(value) * rng.uniform(0.03...0.06), 1 / scale)
            // England sits outside Fernley's interval on the side the stance says, or inside it.
            let better: Double = higherIsBetter ? -1 : 1
            let england =
                stance == 0 ? value + half * rng.uniform(-0.6...0.6) : value + better * stance * half * rng.uniform(1.4...2.2)
            let englandHalf = abs(england) * 0.004
            let region = (value + england) / 2 + half * rng.uniform(-0.3...0.3)
            lines.append(row(nil, (NationalRecord.englandCode, "England"), "England", period, england, englandHalf, england: "Not compared", region: "Not compared"))
            lines.append(row((NationalRecord.englandCode, "England"), Self.region, "Region", period, region, abs(region) * 0.012,
                             england: judged(region, abs(region) * 0.012, against: england),
                             region: judged(region, abs(region) * 0.012, against: england)))
            for area in [Self.councilArea] + Self.neighbours {
                let v = area.code == Self.councilArea.code ? value : max(0, england + half * 2.2 * rng.normal())
                let clipped = t.unit == "%" ? min(100, v) : v
                let h = area.code == Self.councilArea.code ? half : max(abs(clipped) * rng.uniform(0.03...0.06), 1 / scale)
                lines.append(row(Self.region, area, "County & UA", period, clipped, h,
                                 england: judged(clipped, h, against: england), region: judged(clipped, h, against: region)))
            }
        }
        guard lines.count > 1 else { return nil }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
