import Testing

@testable import ScorecardKit

/// A framework's measures are read as their nodes are built, while libyaml parses the rest of the file
/// (``MeasuresReadAhead``): what the file gives, and every problem it reports, must be what reading them one after
/// another gives.
@Suite("Measures read as the file is parsed")
struct MeasuresReadAheadTests {
    /// A framework of two priorities, the second with a delivery plan, holding `count` measures in all (enough
    /// to be read in slices), with `edit` applied to each measure's YAML by its number.
    private func framework(count: Int, edit: (Int, String) -> String = { $1 }) -> String {
        func measure(_ n: Int) -> String {
            edit(n, "      - code: M-\(n)\n        title: Measure \(n)\n        frequency: quarterly\n        targets:\n          2025/26: \(n)\n")
        }
        let third = count / 3
        return "council: Testshire\nplan: Plan\npriorities:\n"
            + "  - code: P1\n    title: First\n    measures:\n" + (0..<third).map(measure).joined()
            + "  - code: P2\n    title: Second\n    measures:\n" + (third..<2 * third).map(measure).joined()
            + "    plans:\n      - code: D1\n        title: Plan one\n        measures:\n"
            + (2 * third..<count).map { measure($0).replacingOccurrences(of: "\n      ", with: "\n        ").replacing("      - ", with: "        - ", maxReplacements: 1) }.joined()
    }

    @Test("every measure in document order, each where the plan puts it, with its own fields")
    func documentOrder() throws {
        let count = 1025
        let contents = try FrameworkFile(file: "framework.yaml").read(framework(count: count))
        #expect(contents.measures.map(\.code) == (0..<count).map { "M-\($0)" })
        #expect(contents.measures.map(\.title) == (0..<count).map { "Measure \($0)" })
        let target = try #require(contents.measures[700].targets[Period(parsing: "2025/26")!])
        #expect(target == 700)
        let priorities = contents.plan.priorities
        #expect(priorities.map(\.measures) == [Array(0..<count / 3), Array(count / 3..<2 * (count / 3))])
        #expect(priorities[1].plans.first?.measures == Array(2 * (count / 3)..<count))
    }

    @Test("every measure is read as its node is built, and taken at its place, none read again")
    func takenAtTheirPlaces() throws {
        let count = 100
        let readAhead = MeasuresReadAhead(file: "framework.yaml")
        // Made on a thread of its own (from 0 bytes), as a large file's events are.
        let root = try #require(
            try YAMLComposer(file: "framework.yaml").compose(
                framework(count: count), pipelinedFrom: 0, watching: MeasuresReadAhead.paths, found: readAhead.found))
        guard case .mapping(let top) = root, case .sequence(let priorities, _)? = top["priorities"]?.value else {
            Issue.record("no priorities")
            return
        }
        // The places as the framework's reader comes to them: each priority's own measures, then its plans'.
        var places: [MeasuresReadAhead.Place] = []
        for case (let p, .mapping(let priority)) in priorities.enumerated() {
            if case .sequence(let measures, _)? = priority["measures"]?.value {
                places += measures.indices.map { .init(priority: p, plan: nil, index: $0) }
            }
            if case .sequence(let plans, _)? = priority["plans"]?.value {
                for case (let d, .mapping(let plan)) in plans.enumerated() {
                    if case .sequence(let measures, _)? = plan["measures"]?.value {
                        places += measures.indices.map { .init(priority: p, plan: d, index: $0) }
                    }
                }
            }
        }
        let codes = places.map { place -> String? in
            guard case .read(let code, _, _)? = readAhead.take(at: place) else { return nil }
            return code
        }
        #expect(codes == (0..<count).map { "M-\($0)" })
        #expect(places.allSatisfy { readAhead.take(at: $0) == nil })
    }

    @Test("defaults given after the measures still apply to them, as to those read in order")
    func defaultsAfterTheMeasures() throws {
        let measures = framework(count: 900)
        let first = try FrameworkFile(file: "framework.yaml").read(measures.replacingOccurrences(of: "priorities:\n", with: "defaults:\n  tolerance: 5%\npriorities:\n"))
        let last = try FrameworkFile(file: "framework.yaml").read(measures + "defaults:\n  tolerance: 5%\n")
        #expect(first.measures.allSatisfy { $0.tolerance == .percent(5) })
        #expect(last.measures.allSatisfy { $0.tolerance == .percent(5) })
        let none = try FrameworkFile(file: "framework.yaml").read(measures)
        #expect(none.measures.allSatisfy { $0.tolerance == nil })
    }

    @Test("a priority's plans before its own measures, and a framework written on one line, put each measure in its place")
    func plansBeforeMeasures() throws {
        let text = """
            council: Testshire
            plan: Plan
            priorities:
              - code: P1
                title: First
                plans:
                  - {code: D1, title: Plan, measures: [{code: B, title: Bee, frequency: annual}]}
                measures:
                  - {code: A, title: Ay, frequency: annual}
              - {code: P2, title: Second, plans: [{code: D2, title: Two, measures: [{code: D, title: Dee, frequency: annual}]}], measures: [{code: C, title: See, frequency: annual}]}

            """
        let contents = try FrameworkFile(file: "framework.yaml").read(text)
        #expect(contents.measures.map(\.code) == ["A", "B", "C", "D"])
        #expect(contents.measures.map(\.title) == ["Ay", "Bee", "See", "Dee"])
        #expect(contents.plan.priorities.map(\.measures) == [[0], [2]])
        #expect(contents.plan.priorities.map { $0.plans.map(\.measures) } == [[[1]], [[3]]])
    }

    @Test("a code used twice is reported at its second use, wherever each was read; every other problem too")
    func problemsAsInOrder() throws {
        let count = 1024
        let text = framework(count: count) { n, yaml in
            switch n {
            case 1000: yaml.replacingOccurrences(of: "code: M-1000", with: "code: m-3")
            case 1001: yaml.replacingOccurrences(of: "code: M-1001", with: "code: M-3")
            case 600: yaml.replacingOccurrences(of: "frequency: quarterly", with: "frequency: termly")
            case 5: yaml.replacingOccurrences(of: "title: Measure 5", with: "titel: Measure 5")
            default: yaml
            }
        }
        // As reading one measure after another reports them (the build before the read-ahead, on the same file).
        let error = try #require(throws: DataLoadError.self) { try FrameworkFile(file: "framework.yaml").read(text) }
        #expect(error.errors.map(\.description) == [
            "framework.yaml:32: field \"title\": measure M-5 needs a title",
            "framework.yaml:3012: field \"frequency\": \"termly\" is not one of monthly, quarterly, annual, calendar-year",
            "framework.yaml:5014: field \"code\": measure code m-3 is M-3 in another case, which cannot be told apart when typed (first on line 22)",
            "framework.yaml:5019: field \"code\": measure code M-3 is used twice (first on line 22)",
        ])
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[21] == "      - code: M-3")
    }
}
