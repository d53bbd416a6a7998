import Foundation
import ScorecardKit
import ScorecardReports
import TestScratch
import Testing

@testable import Dashboard

/// `r` writes the report of what is on screen.
@Suite("The report key", .serialized)
struct ReportKeyTests {
    /// A new folder for reports, named by `SCORECARD_REPORTS` until ``remove(_:)``.
    static func reportDirectory() throws -> URL {
        let directory = ScratchDirectory.root.appendingPathComponent("scorecard-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        setenv("SCORECARD_REPORTS", directory.path, 1)
        return directory
    }

    static func remove(_ directory: URL) {
        unsetenv("SCORECARD_REPORTS")
        try? FileManager.default.removeItem(at: directory)
    }

    @Test("r asks for the report of the screen's part of the plan, at the period on screen")
    func effectPerScreen() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        #expect(browsing.apply(.writeReport, model: model) == [.writeReport(.wholePlan, asAt: state.asAt)])
        #expect(browsing.message == "Writing the report…")
        browsing.apply(.open, model: model)
        #expect(browsing.apply(.writeReport, model: model) == [.writeReport(.priorities([0]), asAt: state.asAt)])
        browsing.apply(.open, model: model)
        #expect(browsing.apply(.writeReport, model: model) == [.writeReport(.deliveryPlan(priority: 0, plan: 0), asAt: state.asAt)])
        browsing.apply(.moveDown, model: model)
        browsing.apply(.open, model: model)
        #expect(browsing.apply(.writeReport, model: model) == [.writeReport(.measure(2), asAt: state.asAt)])
    }

    @Test("On the alerts list, r says what it needs and asks for nothing")
    func notOnAlerts() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        browsing.apply(.showAlerts, model: model)
        #expect(browsing.apply(.writeReport, model: model).isEmpty)
        #expect(browsing.message?.contains("to write its report (r)") == true)
    }

    @Test("At a meeting, r writes the public report under a name of its own: the committee's of the same part and period is kept")
    func meetingsReportBesideTheCommittees() throws {
        let (store, _) = try LiveDataTests.store()
        let meeting = try DataService(store: store, today: TestCouncil.today, user: "cllr.test", withholdingSmallNumbers: true)
        let (_, state, officers) = try EffectTests.opened()
        let directory = try Self.reportDirectory()
        defer { Self.remove(directory) }
        let committee = directory.appendingPathComponent("report-P1-2024-25_Q2.html").path
        let publicReport = directory.appendingPathComponent("public-report-P1-2024-25_Q2.html").path
        #expect(officers.perform(.writeReport(.priorities([0]), asAt: state.asAt)) == [.reportWritten(path: committee)])
        _ = try meeting.start(asAt: state.asAt)
        #expect(meeting.perform(.writeReport(.priorities([0]), asAt: state.asAt)) == [.reportWritten(path: publicReport)])
        #expect(try String(contentsOfFile: publicReport, encoding: .utf8).contains("Performance report for the public"))
        #expect(try !String(contentsOfFile: committee, encoding: .utf8).contains("Performance report for the public"))
    }

    @Test("The service writes the HTML where SCORECARD_REPORTS says, and the status line says where")
    func written() throws {
        let (model, state, service) = try EffectTests.opened()
        let directory = try Self.reportDirectory()
        defer { Self.remove(directory) }
        let answers = service.perform(.writeReport(.priorities([0]), asAt: state.asAt))
        let path = directory.appendingPathComponent("report-P1-2024-25_Q2.html").path
        #expect(answers == [.reportWritten(path: path)])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("Homes and places") && html.contains("KBM-01") && !html.contains("DP-02"))
        // The owners' commentary in full, though the dashboard opened with values only.
        #expect(service.council.observations[2].last?.note == nil)
        #expect(html.contains("Staff vacancies"))
        var browsing = state
        browsing.apply(answers[0], model: model)
        #expect(browsing.message == "Report written to \(path)")
        // Written again, over the report written before.
        #expect(service.perform(.writeReport(.priorities([0]), asAt: state.asAt)) == [.reportWritten(path: path)])

        // A file of the same name that Scorecard did not write (an officer's annotated copy) is kept: the report
        // goes beside it.
        try Data("<p>Chair's annotated copy</p>".utf8).write(to: URL(fileURLWithPath: path))
        let beside = directory.appendingPathComponent("report-P1-2024-25_Q2-2.html").path
        #expect(service.perform(.writeReport(.priorities([0]), asAt: state.asAt)) == [.reportWritten(path: beside)])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>Chair's annotated copy</p>")
        #expect(try String(contentsOfFile: beside, encoding: .utf8).contains("Homes and places"))

        setenv("SCORECARD_REPORTS", "/nonexistent/folder", 1)
        let refused = service.perform(.writeReport(.wholePlan, asAt: state.asAt))
        guard case .reportFailed(let reason) = refused.first else {
            Issue.record("expected a refusal, got \(refused)")
            return
        }
        #expect(reason.contains("SCORECARD_REPORTS"))
        browsing.apply(refused[0], model: model)
        #expect(browsing.message == reason && browsing.dataProblem == nil)
    }
}
