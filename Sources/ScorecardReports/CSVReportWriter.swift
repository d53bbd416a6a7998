import ScorecardKit

/// Writes a ``CommitteeReport`` as CSV: one row per measure in the report, with the columns of
/// `scorecard status --csv` (``StatusReport/csvColumns``), a withheld value written `*` with no direction of
/// travel (and, for the public, no process limits or forecast of a measure whose small numbers are withheld).
public enum CSVReportWriter {
    /// The report's measures as CSV, judged by `evaluation` on `council` (the report's own).
    public static func csv(_ report: CommitteeReport, council: Council, evaluation: Evaluation) -> String {
        let status = StatusReport(council: council, evaluation: evaluation, publishedOnly: report.options.publishedOnly)
        // The status report's records are in the plan's order: each found by its measure.
        let records = Dictionary(uniqueKeysWithValues: zip(council.agendaOrder, status.measures))
        var text = StatusReport.csvColumns.joined(separator: ",") + "\r\n"
        for section in report.sections {
            for entry in section.allMeasures {
                guard var record = records[entry.index] else { continue }
                // A mean, limits or a forecast made from small numbers can give them away: for the public, none.
                if report.options.audience == .public, council.measures[entry.index].smallNumbers != nil {
                    record.spc = nil
                    record.forecast = nil
                    record.comparator = nil
                }
                // A withheld value's direction of travel, beside the values shown, could give it away too; and so
                // could a direction against a withheld value (the entry leaves out whichever it must).
                if entry.withheld {
                    record.status = "withheld"
                    // Its commentary and quality too, as the other formats and a meeting's screens leave them out
                    // ("Missed target: 1 against 0").
                    record.commentary = nil
                    record.quality = nil
                }
                // Only the alerts the report gives (none that rest on a withheld value).
                record.alerts = entry.alerts.map(\.rule.phrase)
                if entry.travel == nil { record.direction.previous = nil }
                if entry.travelYear == nil { record.direction.yearBefore = nil }
                text += StatusReport.csvLine(record, value: entry.withheld ? "*" : nil) + "\r\n"
            }
        }
        // Line breaks and tabs stay inside fields (a spreadsheet reads them as such); any other control character
        // from the data is replaced.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else {
            return text
        }
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            safe.append(scalar.isTerminalControl && scalar != "\n" && scalar != "\r" && scalar != "\t" ? scalar.shownInstead : scalar)
        }
        return String(safe)
    }
}
