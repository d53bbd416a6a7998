/// The plan's priorities and delivery plans as tables name them, by code or by title, created as they are first met.
///
/// A name matches a priority (or a delivery plan) whose code is the same, in any case, or whose title is the same,
/// in any case and spacing. A name that matches none creates one: a name with a digit and no spaces (`P1`, `DP-01`)
/// is taken as its code and title; anything else as its title, with a code made up (`P8`, `DP-24`). Once a
/// priorities table has defined them (``isDefined``), a name that matches none is an error instead.
struct PlanOutline {
    private(set) var priorities: [Priority]
    /// Set once a priorities table has defined the priorities and delivery plans: a name then must match one of
    /// them, as a misspelt `DP-1` for `DP-01` would otherwise make a plan of its own.
    var isDefined = false

    init(_ priorities: [Priority]) {
        self.priorities = priorities
    }

    /// The priority and delivery plan (`nil` for none) named by a row's `priority` and `delivery_plan` fields, found
    /// or created. A row that names only a delivery plan must name one that exists in exactly one priority.
    mutating func locate(_ fields: inout some DataFields, needsPlan: Bool = false) throws -> (priority: Int, plan: Int?) {
        let priorityName = try fields.string("priority")
        let planName = try fields.string("delivery_plan")
        if needsPlan, planName == nil {
            throw fields.error("delivery_plan", "\(fields.context) needs a delivery plan (its code or title)")
        }
        guard let priorityName else {
            guard let planName else {
                throw fields.error("priority", "\(fields.context) needs a priority or a delivery plan (a code or a title)")
            }
            let found = priorities.indices.flatMap { p in
                priorities[p].plans.indices.filter { Self.matches(priorities[p].plans[$0].code, priorities[p].plans[$0].title, planName) }
                    .map { (priority: p, plan: Optional($0)) }
            }
            guard found.count == 1, let only = found.first else {
                let problem = found.isEmpty ? "is not in the framework" : "is in more than one priority"
                throw fields.error("delivery_plan", "delivery plan \"\(planName.excerpt())\" \(problem): give its priority as well")
            }
            return only
        }
        if isDefined {
            guard let p = existingPriority(named: priorityName) else {
                throw fields.error(
                    "priority", "priority \"\(priorityName.excerpt())\" is not in the priorities table (\(priorities.map(\.code).joined(separator: ", ")))")
            }
            guard let planName else { return (p, nil) }
            guard let d = priorities[p].plans.firstIndex(where: { Self.matches($0.code, $0.title, planName) }) else {
                let plans = priorities[p].plans.map(\.code)
                throw fields.error(
                    "delivery_plan",
                    "delivery plan \"\(planName.excerpt())\" is not one of \(priorities[p].code)'s in the priorities table"
                        + (plans.isEmpty ? " (it has none)" : " (\(plans.joined(separator: ", ")))"))
            }
            return (p, d)
        }
        let p = priority(named: priorityName)
        return (p, planName.map { plan(named: $0, in: p) })
    }

    /// The index of the priority named `name`, if there is one.
    func existingPriority(named name: String) -> Int? {
        priorities.firstIndex { Self.matches($0.code, $0.title, name) }
    }

    /// The index of the priority named `name`, created when there is none.
    mutating func priority(named name: String) -> Int {
        if let found = existingPriority(named: name) { return found }
        let (code, title) = Self.codeAndTitle(name) {
            var n = priorities.count + 1
            while priorities.contains(where: { $0.code == "P\(n)" }) { n += 1 }
            return "P\(n)"
        }
        priorities.append(Priority(code: code, title: title))
        return priorities.count - 1
    }

    /// The index of the delivery plan named `name` in priority `p`, created when there is none.
    mutating func plan(named name: String, in p: Int) -> Int {
        if let found = priorities[p].plans.firstIndex(where: { Self.matches($0.code, $0.title, name) }) { return found }
        let (code, title) = Self.codeAndTitle(name) {
            let codes = Set(priorities.flatMap { $0.plans.map(\.code) })
            var n = codes.count + 1
            while codes.contains(Self.planCode(n)) { n += 1 }
            return Self.planCode(n)
        }
        priorities[p].plans.append(DeliveryPlan(code: code, title: title))
        return priorities[p].plans.count - 1
    }

    /// Sets the title, lead and description of the priority with `code`, adding it when there is none.
    mutating func definePriority(code: String, title: String, lead: String, description: String) {
        let found = priorities.firstIndex { $0.code.lowercased() == code.lowercased() }
        let p = found ?? priorities.count
        if found == nil { priorities.append(Priority(code: code, title: title)) }
        priorities[p].title = title
        priorities[p].lead = lead
        priorities[p].description = description
    }

    /// Sets the title and owner of the delivery plan with `code` in priority `p`, adding it when there is none.
    mutating func definePlan(code: String, in p: Int, title: String, owner: String) {
        let found = priorities[p].plans.firstIndex { $0.code.lowercased() == code.lowercased() }
        let d = found ?? priorities[p].plans.count
        if found == nil { priorities[p].plans.append(DeliveryPlan(code: code, title: title)) }
        priorities[p].plans[d].title = title
        priorities[p].plans[d].owner = owner
    }

    /// Adds measure `m` to a priority, or to one of its delivery plans.
    mutating func add(measure m: Int, at location: (priority: Int, plan: Int?)) {
        if let d = location.plan {
            priorities[location.priority].plans[d].measures.append(m)
        } else {
            priorities[location.priority].measures.append(m)
        }
    }

    /// Adds `action` to a delivery plan.
    mutating func add(action: Action, priority p: Int, plan d: Int) {
        priorities[p].plans[d].actions.append(action)
    }

    static func planCode(_ n: Int) -> String { n < 10 ? "DP-0\(n)" : "DP-\(n)" }

    /// Whether `name` names the priority or plan with this code and title.
    static func matches(_ code: String, _ title: String, _ name: String) -> Bool {
        code == name || code.lowercased() == name.lowercased() || simplified(title) == simplified(name)
    }

    private static func simplified(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A new priority's or plan's code and title from the name it was met by: a code-like name is both, anything
    /// else is the title and gets a made-up code.
    private static func codeAndTitle(_ name: String, madeUpCode: () -> String) -> (String, String) {
        let isCode = name.count <= 16 && name.contains(where: \.isNumber) && !name.contains(where: \.isWhitespace)
        return isCode ? (name, name) : (madeUpCode(), name)
    }
}
