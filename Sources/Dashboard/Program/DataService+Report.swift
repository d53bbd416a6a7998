import Foundation
import ScorecardKit
import ScorecardReports

extension DataService {
    /// Where the dashboard writes reports: `SCORECARD_REPORTS`, else the directory it was started in.
    static var reportDirectory: String {
        let given = ProcessInfo.processInfo.environment["SCORECARD_REPORTS"] ?? ""
        return given.isEmpty ? FileManager.default.currentDirectoryPath : given
    }

    /// Writes the HTML report of `scope` as judged at `period` (the figures this user sees: published only for a
    /// member) into ``reportDirectory``, whole or not at all, and returns its path.
    ///
    /// The dashboard holds the recent part of most measures' histories, without commentary; a committee paper
    /// needs the owners' commentary in full, so the council is read whole from the store for it (what the store
    /// shows this login: published values only for a member), as `scorecard report` reads it.
    func writeReport(_ scope: ReportScope, asAt period: Period) throws -> String {
        let council: Council
        let evaluation: Evaluation
        if let store, data.council.loaded != nil {
            council = try store.loadCouncil()
            // The scope names measures and plans by their place in the framework on screen.
            guard council.measures.map(\.code) == data.council.measures.map(\.code), council.plan == data.council.plan else {
                throw DashboardError.frameworkChangedForReport
            }
            evaluation = council.evaluate(asAt: period, today: data.today)
        } else {
            // Every value is held; judged afresh, as the dashboard keeps only the charts of the measures opened.
            council = data.council
            evaluation = council.evaluate(asAt: period, today: data.today)
        }
        // At a meeting, what the room may see: the public report, its small numbers withheld.
        let options = ReportOptions(
            audience: data.withholdsSmallNumbers ? .public : .committee, scope: scope, publishedOnly: data.seesPublishedOnly,
            produced: data.today)
        let html = HTMLReportWriter.html(CommitteeReport(council: council, evaluation: evaluation, options: options))
        let name = Self.reportFileName(scope, council: council, period: period, audience: options.audience)
        let path = Self.reportPath(name, in: Self.reportDirectory)
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw DashboardError.reportNotWritten(path: path)
        }
        return path
    }

    /// Where report `name` is written in `directory`: over the report of that name written before, but never over
    /// another file (an officer's annotated copy saved under the same name): then beside it, `report-…-2.html`,
    /// `-3`, and so on.
    static func reportPath(_ name: String, in directory: String) -> String {
        let stem = (name as NSString).deletingPathExtension, suffix = (name as NSString).pathExtension
        var path = (directory as NSString).appendingPathComponent(name)
        var number = 1
        while !ReportFile.mayReplace(path), number < 1000 {
            number += 1
            path = (directory as NSString).appendingPathComponent("\(stem)-\(number).\(suffix)")
        }
        return path
    }

    /// `report-plan-2026-27-Q2.html`, `report-P2-…`, `report-DP-04-…`, `report-KBM-07-…`: the part of the plan and
    /// the period, with anything but letters, digits and `-` in a code made `_`; the public report (a meeting's)
    /// `public-report-…`, so that it never replaces the committee's of the same part and period.
    static func reportFileName(_ scope: ReportScope, council: Council, period: Period, audience: ReportAudience = .committee) -> String {
        let part: String
        switch scope {
        case .wholePlan: part = "plan"
        case .priorities(let chosen): part = chosen.map { council.plan.priorities[$0].code }.joined(separator: "-")
        case .deliveryPlan(let p, let d): part = council.plan.priorities[p].plans[d].code
        case .measure(let m): part = council.measures[m].code
        }
        let safe = { (text: String) in
            String(text.prefix(60).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" })
        }
        let prefix = audience == .public ? "public-report" : "report"
        return "\(prefix)-\(safe(part))-\(safe(period.description.replacingOccurrences(of: "/", with: "-"))).html"
    }
}
