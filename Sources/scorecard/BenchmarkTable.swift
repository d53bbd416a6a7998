import ScorecardKit

/// A judged national dataset as a table a person reads: per indicator and breakdown, each period's areas best first,
/// with England and the parent comparisons and the quartile; the chosen area's rows marked with `>` and summed up
/// at the top.
struct BenchmarkTable {
    let benchmark: Benchmark
    /// The area to mark, if one was chosen.
    let area: String?

    var text: String {
        var lines: [String] = []
        let rows = benchmark.rows
        let order = benchmark.order
        let polarity =
            switch order {
            case .higherIsBetter: "higher is better"
            case .lowerIsBetter: "lower is better"
            case .none: "no polarity: compared as higher or lower"
            }
        if let area, let chosen = rows.last(where: { $0.record.areaCode == area }) {
            lines.append("\(chosen.record.areaName.terminalSafe) (\(area.terminalSafe)), \(polarity):")
            for row in rows where row.record.areaCode == area {
                lines.append("  " + summary(of: row))
            }
            lines.append("")
        }
        // Groups in the order they first appear; within a group, England, then parents, then areas by type and rank.
        var groupOrder: [NationalRecord.Breakdown] = []
        var groups: [NationalRecord.Breakdown: [Benchmark.Row]] = [:]
        for row in rows {
            let key = row.record.breakdown
            if groups[key] == nil { groupOrder.append(key) }
            groups[key, default: []].append(row)
        }
        let header = ["", "Area", "Code", "Type", "Value", "\(benchmark.confidence.rawValue)% interval", "vs England", "vs parent", "Quartile"]
        for key in groupOrder {
            let members = groups[key]!
            let first = members[0].record
            let breakdown = Self.breakdown(of: first, usual: true)
            lines.append("\(first.indicator.terminalSafe), \(first.period.terminalSafe)\(breakdown.isEmpty ? "" : " (\(breakdown.terminalSafe))"), \(polarity)")
            // Areas of several types (an LG Inform download of boroughs, counties and districts) are ranked within
            // their type: each type's areas together, best first, the types in the order they first appear. (Types
            // told apart only by rank left the order to the sort: it changed with the rows' order in the file.)
            var typeOrder: [String: Int] = [:]
            for row in members where typeOrder[row.record.areaType] == nil { typeOrder[row.record.areaType] = typeOrder.count }
            let sorted = members.sorted { a, b in
                (typeRank(a), typeOrder[a.record.areaType] ?? 0, a.rank ?? Int.max, a.record.line)
                    < (typeRank(b), typeOrder[b.record.areaType] ?? 0, b.rank ?? Int.max, b.record.line)
            }
            var table = [header]
            for row in sorted {
                let r = row.record
                table.append([
                    r.areaCode == area ? ">" : "", r.areaName.terminalSafe, r.areaCode.terminalSafe, r.areaType.terminalSafe,
                    r.value.map { NumberText.grouped($0, decimals: 1) } ?? "-",
                    interval(r), word(row.comparedToEngland), word(row.comparedToParent),
                    row.quartile.map { "Q\($0)" } ?? "",
                ])
            }
            lines += TextColumns.aligned(table, rightAligned: [4])
            lines.append("")
        }
        if lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// England first, then regions and other parents, then the rest.
    private func typeRank(_ row: Benchmark.Row) -> Int {
        if row.record.isEngland { return 0 }
        return row.record.parentCode.isEmpty || row.record.parentCode == NationalRecord.englandCode ? 1 : 2
    }

    /// "2017: 95.3 (88.1 to 102.9), worse than England, similar to its parent, 3rd quartile (rank 97 of 150)".
    private func summary(of row: Benchmark.Row) -> String {
        let r = row.record
        // Which row of the area's this is: its indicator when the file has several, and its breakdown unless persons of all ages.
        let indicators = Set(benchmark.rows.map { $0.record.indicatorID.isEmpty ? $0.record.indicator : $0.record.indicatorID })
        let which = [indicators.count > 1 ? r.indicator : "", Self.breakdown(of: r, usual: false)].filter { !$0.isEmpty }.joined(separator: ", ")
        var parts = ["\(r.period.terminalSafe)\(which.isEmpty ? "" : " (\(which.terminalSafe))")"]
        parts[0] += ": " + (r.value.map { NumberText.grouped($0, decimals: 1) } ?? "no value")
        if !interval(r).isEmpty { parts[0] += " (\(interval(r)))" }
        parts.append(row.comparedToEngland == .notCompared ? "not compared with England" : Self.lowerFirst(row.comparedToEngland.phrase(against: "England")))
        if !r.parentCode.isEmpty {
            let parent = r.parentName.isEmpty ? r.parentCode.terminalSafe : r.parentName.terminalSafe
            parts.append(row.comparedToParent == .notCompared ? "not compared with \(parent)" : Self.lowerFirst(row.comparedToParent.phrase(against: parent)))
        }
        if let quartile = row.quartile, let rank = row.rank {
            parts.append("quartile \(quartile) (rank \(rank) of \(row.areas) \(r.areaType.terminalSafe) areas)")
        }
        return parts.joined(separator: ", ")
    }

    /// A row's breakdown: its sex, its age and its category with the category's type (`County & UA deprivation
    /// deciles: Most deprived decile`, which another type's decile of the same name is not); without `usual`,
    /// leaving out persons and all ages.
    private static func breakdown(of r: NationalRecord, usual: Bool) -> String {
        let category = r.categoryType.isEmpty || r.category.isEmpty ? r.category : "\(r.categoryType): \(r.category)"
        let sex = !usual && r.sex.lowercased() == "persons" ? "" : r.sex
        let age = !usual && r.age.lowercased() == "all ages" ? "" : r.age
        return [sex, age, category].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// "Worse than England" as it reads mid-sentence: "worse than England".
    private static func lowerFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }

    private func interval(_ r: NationalRecord) -> String {
        let (lower, upper) = benchmark.confidence.interval(of: r)
        guard let lower, let upper else { return "" }
        return "\(NumberText.grouped(lower, decimals: 1)) to \(NumberText.grouped(upper, decimals: 1))"
    }

    /// A comparison in a word (`-` when not compared).
    private func word(_ significance: Significance) -> String {
        significance == .notCompared ? "-" : significance.rawValue
    }
}
