/// Writes a measure's comparators back out as a Fingertips-style download that reads back to the same points:
/// used by `export`, so that an exported council keeps its comparators without the original national files.
public enum NationalFileWriter {
    /// The path, relative to the exported council, that measure `code`'s comparators are written to, in `folder`.
    public static func path(forMeasure code: String, in folder: String = "national") -> String {
        let safe = String(code.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return "\(folder)/\(safe.isEmpty ? "measure" : safe).csv"
    }

    /// The CSV (Fingertips' 26 columns) of `comparators`: per point, England's row, the region's, the council's (named
    /// `areaName`) with its interval in the columns of its level (95% or 99.8%), and each neighbour's (with no parent:
    /// its region is not kept). What is not kept (the indicator's ID unless the framework gives it, area types) is
    /// left blank or written `Area`.
    public static func csv(_ comparators: Comparators, indicator: String, areaName: String) -> String {
        let source = comparators.source
        var lines = [
            "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,"
                + "Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,"
                + "Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
                + "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal"
        ]
        func number(_ x: Double?) -> String { x.flatMap { $0.isFinite ? formatPlain($0) : nil } ?? "" }
        func row(parent: (String, String), area: (String, String), type: String, point: Comparators.Point, value: Double?,
                 lower: Double? = nil, upper: Double? = nil) -> String {
            ([
                source.indicator ?? "", indicator, parent.0, parent.1, area.0, area.1, type, source.sex ?? "Persons", source.age ?? "All ages", "", "",
                point.periodText, number(value),
            ]
            // The interval in its level's columns: read back, the level is the one given (judgement.md).
            + (point.confidence == .ci998 ? ["", "", number(lower), number(upper)] : [number(lower), number(upper), "", ""])
            + Array(repeating: "", count: 9)).map(CSVField.escaped).joined(separator: ",")
        }
        for point in comparators.points {
            if point.england != nil {
                lines.append(row(parent: ("", ""), area: (NationalRecord.englandCode, "England"), type: "Country", point: point, value: point.england))
            }
            let region = (point.regionCode, point.regionName)
            if !point.regionCode.isEmpty, point.region != nil {
                lines.append(row(parent: (NationalRecord.englandCode, "England"), area: region, type: "Region", point: point, value: point.region))
            }
            lines.append(
                row(parent: region, area: (source.area, areaName), type: "Area", point: point, value: point.value, lower: point.lower, upper: point.upper))
            var written: Set<String> = [source.area, point.regionCode, NationalRecord.englandCode]
            // A neighbour's region is not kept (it may be another's): its parent is left blank, not given as the council's.
            for neighbour in point.neighbours where written.insert(neighbour.code).inserted {
                lines.append(row(parent: ("", ""), area: (neighbour.code, neighbour.name), type: "Area", point: point, value: neighbour.value))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
