import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// An action's lateness on the dashboard, as at the period it shows: the committee paper's rule.
@Suite struct LateActionTests {
    /// The test council with one action in the first priority's first plan, due 15 August 2024 and in progress
    /// on 24 November 2024 (late now; due in Q2 2024/25, after Q1 ended).
    static func model() throws -> DashboardModel {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        council.plan.priorities[0].plans[0].actions = [
            Action(title: "Open the new depot", owner: "Depot Manager", due: CivilDate(year: 2024, month: 8, day: 15), progress: .inProgress, percentComplete: 60)
        ]
        return DashboardModel(council: council, today: TestCouncil.today)
    }

    /// The priority screen (its first row is its first plan) and that plan's screen as at `period`.
    static func screens(asAt period: Period) throws -> (priority: String, plan: String) {
        let model = try model()
        var state = AppState(asAt: period)
        state.apply(.open, model: model)
        let priority = DashboardView.screenText(state, model: model, width: 120, height: 30)
        state.apply(.open, model: model)
        return (priority, DashboardView.screenText(state, model: model, width: 120, height: 30))
    }

    @Test("an action due after the period shown is not late there, though late today; as at its own quarter it is")
    func lateAsAtThePeriod() throws {
        let earlier = try Self.screens(asAt: .quarter(2024, 1))
        #expect(!earlier.priority.contains("late"), "\(earlier.priority)")
        let earlierRow = try #require(earlier.plan.split(separator: "\n").first { $0.contains("Open the new depot") }, "\(earlier.plan)")
        #expect(earlierRow.contains("In progress") && !earlierRow.contains("Overdue"), "\(earlierRow)")

        let due = try Self.screens(asAt: .quarter(2024, 2))
        #expect(due.priority.contains("1/1 late"), "\(due.priority)")
        let dueRow = try #require(due.plan.split(separator: "\n").first { $0.contains("Open the new depot") }, "\(due.plan)")
        #expect(dueRow.contains("! Overdue"), "\(dueRow)")
    }

    @Test("the rule: not done today, past its due date, and due by the period's end")
    func rule() throws {
        let today = try #require(CivilDate(year: 2024, month: 11, day: 24))
        let action = Action(title: "A", due: CivilDate(year: 2024, month: 9, day: 30), progress: .inProgress)
        #expect(action.isOverdue(asAt: .quarter(2024, 2), today: today), "due on Q2's last day")
        #expect(!action.isOverdue(asAt: .quarter(2024, 1), today: today))
        #expect(!action.isOverdue(asAt: .quarter(2024, 3), today: CivilDate(year: 2024, month: 9, day: 30)!), "not past it on the day")
        var done = action
        done.progress = .completed
        #expect(!done.isOverdue(asAt: .quarter(2024, 2), today: today))
        #expect(!Action(title: "B", progress: .notStarted).isOverdue(asAt: .quarter(2024, 2), today: today), "no due date")
    }
}
