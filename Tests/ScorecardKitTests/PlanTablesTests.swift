import Foundation
import Testing

@testable import ScorecardKit

@Suite("priorities.csv and actions.csv")
struct PlanTablesTests {
    static let priorities = """
        priority,delivery_plan,title,lead,owner,description
        P1,,Homes and places,Cllr Patel,,Everyone has a home
        P1,DP-01,Housing Delivery Plan,,Director of Place,
        P2,,A well-run council,,,
        P2,DP-02,Resources Plan,,Director of Resources,

        """

    static let actions = """
        delivery_plan,title,owner,due,status,complete
        DP-01,Adopt the Local Plan,Head of Planning,2025-03-31,in-progress,60
        Resources Plan,Close the accounts,,,Not started,
        Resources Plan,Audit the accounts,,,IN_PROGRESS,

        """

    @Test("priorities, delivery plans and actions come from their tables, measures find them by code or title")
    func reads() throws {
        let dir = try TablesFixture.directory(["priorities.csv": Self.priorities, "actions.csv": Self.actions])
        let council = try CouncilDirectory(path: dir).load()
        let plan = council.plan
        #expect(plan.priorities.map(\.code) == ["P1", "P2"])
        #expect(plan.priorities[0].lead == "Cllr Patel" && plan.priorities[0].description == "Everyone has a home")
        #expect(plan.priorities[1].plans.map(\.code) == ["DP-02"] && plan.priorities[1].plans[0].owner == "Director of Resources")
        #expect(plan.priorities[1].plans[0].measures == [2])
        let action = try #require(plan.priorities[0].plans[0].actions.first)
        #expect(action.due == CivilDate(year: 2025, month: 3, day: 31) && action.progress == .inProgress && action.percentComplete == 60)
        #expect(plan.priorities[1].plans[0].actions.map(\.title) == ["Close the accounts", "Audit the accounts"])
        // A status as a spreadsheet's list writes it: any case, words apart by spaces or underscores.
        #expect(plan.priorities[1].plans[0].actions.map(\.progress) == [.notStarted, .inProgress])
    }

    static let bad: [(String, String, String, Int, String?, String)] = [
        ("plan before its priority", "priorities.csv", "priority,delivery_plan,title\nP1,DP-01,Housing\n", 2, "priority", "priority P1 is not defined yet"),
        ("lead on a plan", "priorities.csv", "priority,delivery_plan,title,lead\nP1,,Homes,\nP1,DP-01,Housing,Cllr X\n", 3, "lead", "a delivery plan has no lead"),
        ("priority twice", "priorities.csv", "priority,title\nP1,Homes\nP1,Again\n", 3, "priority", "priority code P1 is used twice (first on line 2)"),
        ("action without a plan", "actions.csv", "priority,delivery_plan,title\nP1,,Do it\n", 2, "delivery_plan", "needs a delivery plan"),
        ("action with a bad date", "actions.csv", "delivery_plan,title,due\nDP-01,Do it,2025-02-30\n", 2, "due", "\"2025-02-30\" is not a date"),
    ]

    @Test("a mistake in priorities.csv or actions.csv names the file, line and field", arguments: bad)
    func mistakes(_ bad: (String, String, String, Int, String?, String)) throws {
        let dir = try TablesFixture.directory([bad.1: bad.2])
        let error = try #require(TablesFixture.errors(dir).first, "\(bad.0)")
        #expect(error.file.hasSuffix("/" + bad.1), "\(bad.0)")
        #expect(error.line == bad.3, "\(bad.0)")
        #expect(error.field == bad.4, "\(bad.0)")
        #expect(error.message.contains(bad.5), "\(bad.0): \(error.message)")
    }

    @Test("every bad row of priorities.csv is named in one run, not the first alone")
    func prioritiesReportedTogether() throws {
        let text = "priority,delivery_plan,title\nP1,,Homes\nP1,,Again\nP9,DP-09,Lost\n"
        let errors = try TablesFixture.errors(try TablesFixture.directory(["priorities.csv": text]))
        #expect(errors.map(\.line) == [3, 4])
        #expect(errors.last?.message.contains("priority P9 is not defined yet") == true)
    }

    @Test("once priorities.csv defines the plans, an action or measure naming one it does not define is an error, not a new plan")
    func undefinedPlan() throws {
        let mistyped = Self.actions.replacingOccurrences(of: "DP-01,Adopt", with: "DP-1,Adopt")
        let dir = try TablesFixture.directory(["priorities.csv": Self.priorities, "actions.csv": mistyped])
        let error = try #require(TablesFixture.errors(dir).first)
        #expect(error.file.hasSuffix("/actions.csv") && error.line == 2 && error.field == "delivery_plan")
        #expect(error.message.contains("delivery plan \"DP-1\" is not in the framework"), "\(error.message)")

        let withPriority = "priority,delivery_plan,title\nP1,DP-1,Adopt the Local Plan\n"
        let second = try #require(TablesFixture.errors(try TablesFixture.directory(["priorities.csv": Self.priorities, "actions.csv": withPriority])).first)
        #expect(second.field == "delivery_plan" && second.message.contains("is not one of P1's in the priorities table (DP-01)"), "\(second.message)")
        let noPriority = "priority,delivery_plan,title\nP9,DP-01,Adopt the Local Plan\n"
        let third = try #require(TablesFixture.errors(try TablesFixture.directory(["priorities.csv": Self.priorities, "actions.csv": noPriority])).first)
        #expect(third.field == "priority" && third.message.contains("priority \"P9\" is not in the priorities table (P1, P2)"), "\(third.message)")
    }

    @Test("priorities in framework.yaml and a priorities.csv as well is an error")
    func both() throws {
        let plan = TablesFixture.plan + "priorities:\n  - code: P1\n    title: Homes\n"
        let error = try #require(TablesFixture.errors(try TablesFixture.directory(["framework.yaml": plan, "priorities.csv": Self.priorities])).first)
        #expect(error.field == "priorities" && error.message.contains("priorities.csv as well as here"))
    }
}
