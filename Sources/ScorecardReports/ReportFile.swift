import Foundation
import ScorecardKit

/// What a report may be written over: nothing, an empty file, or a report Scorecard wrote, of any format. `scorecard
/// report --out` and the dashboard's `r` never replace a council's own file (an agenda, a chair's annotated copy).
public enum ReportFile {
    /// Whether a report may be written at `path`: nothing is there, or an empty file, or a Scorecard report.
    public static func mayReplace(_ path: String) -> Bool {
        guard let start = ExistingFile.start(of: path, count: 1 << 16), !start.isEmpty else {
            // Not a regular file (a folder, a device) is for the write to refuse, saying so.
            return true
        }
        return isReport(start: start)
    }

    /// Whether `start`, a file's first 64 kB, is a report Scorecard wrote: known by what Scorecard writes in one (a
    /// PDF's header, the CSV's heading row, HTML's generator, Markdown's "Produced by Scorecard").
    package static func isReport(start: Data) -> Bool {
        let text = String(decoding: start, as: UTF8.self)
        return ReportFormat.allCases.contains { format in
            switch format {
            case .pdf: isReportPDF(start, text: text)
            case .csv: text.hasPrefix(StatusReport.csvColumns.joined(separator: ",") + "\r\n")
            case .html: text.contains(#"<meta name="generator" content="Scorecard"/>"#)
            case .md: text.hasPrefix("# ") && text.contains("_Produced by Scorecard on")
            }
        }
    }

    /// Whether a PDF is one Scorecard printed: Chromium's (Skia's) with the report's title, `<council>: <title>,
    /// as at <period>`, in its information near the start (a title with other than ASCII is written in UTF-16,
    /// as hexadecimal digits). A clerk's agenda.pdf is not replaced.
    package static func isReportPDF(_ start: Data, text: String) -> Bool {
        let asAt = Array(", as at ".utf8)
        let hex = asAt.map { String(format: "00%02X", $0) }.joined()
        return start.starts(with: Data("%PDF-".utf8)) && text.contains("/Producer (Skia/PDF")
            && (text.contains("/Title (") && text.contains(", as at ") || text.uppercased().contains(hex))
    }
}
