import ScorecardKit
/// Commentary, data quality, and writing the two files.
extension SampleEngine {
    static func periodWord(_ kind: Period.Kind) -> String {
        switch kind {
        case .month: "month"
        case .quarter: "quarter"
        case .financialYear, .calendarYear: "year"
        }
    }

    static let outcomeCauses = [
        "The latest national release shows the borough moving away from the England average",
        "The figure reflects the position before the new strategy's actions took effect",
        "Partners report the same pressures across the county",
    ]
    static let outcomeRemedies = [
        "The partnership board will review the strategy's action plan at its next meeting",
        "Officers are comparing approaches with our statistical nearest neighbours",
        "A deep dive has been scheduled for the Overview and Scrutiny Committee",
    ]
    static let onTrackNotes = [
        "On target.",
        "Performance continues to meet the target.",
        "Target met. The improvement plan actions have now been completed and performance will be kept under review.",
        "Better than the same period last year and on target.",
        "Good performance maintained despite continued high demand.",
    ]
    static let contextNotes = [
        "Reported for information only; no target is set.",
        "Demand remains higher than last year; this is monitored alongside the service's other measures.",
        "Provided for context. The trend is discussed at the service's monthly performance meeting.",
    ]

    /// The cause whose words best match the measure's title and description.
    static func reasonIndex(_ t: MeasureTemplate, _ templateIndex: Int, _ causes: [String]) -> Int {
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }.map { String($0.prefix(6)) })
        }
        let measureWords = words(t.title + " " + t.description)
        var best = templateIndex % causes.count
        var bestScore = 0
        for (k, cause) in causes.enumerated() {
            let score = words(cause).intersection(measureWords).count
            if score > bestScore { (best, bestScore) = (k, score) }
        }
        return best
    }

    /// Officers' initials and a date, as some services stamp their commentary: `CF141026`.
    static func stamp(_ owner: String, _ p: Period) -> String {
        let name = owner.split(separator: ",").first.map(String.init) ?? owner
        let words = name.split(separator: " ").filter { $0.first?.isUppercase == true && !$0.hasPrefix("Dr") }
        let initials = words.prefix(2).compactMap { $0.first.map(String.init) }.joined()
        let d = p.endDate.adding(days: 14)
        return initials + CivilDate.twoDigits(d.day) + CivilDate.twoDigits(d.month) + CivilDate.twoDigits(d.year % 100)
    }

    func writeCommentary(_ spec: SampleMeasureSpec, _ t: MeasureTemplate, _ s: inout SampleSeries, _ rng: inout SampleRandom) {
        let n = s.count
        guard n > 0 else { return }
        let j = s.index(of: s.judged)
        let plan = t.plan.map { catalogue.plans[$0] }
        let causes = plan?.causes ?? Self.outcomeCauses
        let remedies = plan?.remedies ?? Self.outcomeRemedies
        let word = Self.periodWord(s.kind)
        let preferredReason = Self.reasonIndex(t, spec.templateIndex, causes)
        let provisional = rng.chance(0.45)
        let estimatedAt: Int? = n > 6 && rng.chance(0.05) ? rng.below(n - 3) : nil
        let recentFrom = j - 2 * s.kind.perYear
        for k in 0..<n where s.present[k] {
            guard let value = s.values[k] else { continue }
            if provisional && k <= j && k >= j - (s.kind == .month ? 1 : 0) {
                s.quality[k] = 1
            } else if k == estimatedAt {
                s.quality[k] = 2
                if s.notes[k] == nil {
                    s.notes[k] = "Estimated: the system extract failed at period end; the figure will be validated next \(word)."
                }
            }
            if s.notes[k] != nil { continue }
            let judgement = judgement(t, s, k)
            let chance: Double
            switch judgement {
            case .offTrack: chance = k >= j - 1 ? 1 : k >= recentFrom ? 0.7 : 0.25
            case .withinTolerance: chance = k == j ? 1 : 0.15
            case .onTrack: chance = k == j ? 0.3 : 0.02
            case nil: chance = k == j ? 0.3 : 0.01
            }
            guard rng.chance(chance) else { continue }
            let v = SampleText.unscaled(value, decimals: t.decimals)
            let vText = t.format(v)
            let tText = target(t, s, k).map { t.format($0) } ?? ""
            // Officers tend to give the same, relevant reason for a measure; sometimes another.
            let reason = rng.chance(0.7) ? preferredReason : rng.below(causes.count)
            let cause = causes[reason]
            let remedy = reason < remedies.count && rng.chance(0.7) ? remedies[reason] : rng.pick(remedies)
            var note: String
            switch judgement {
            case .offTrack:
                switch rng.below(4) {
                case 0: note = "\(cause). \(remedy)."
                case 1: note = "Missed target: \(vText) against a target of \(tText). \(cause). \(remedy)."
                case 2: note = "\(Self.stamp(t.owner, s.period(k))) - \(cause). \(remedy)."
                default: note = "\(cause), so performance is off track this \(word). \(remedy)."
                }
                if spec.worsening && k == j {
                    note = "Performance has declined for three consecutive \(word)s. " + note
                }
            case .withinTolerance:
                note =
                    rng.chance(0.5)
                    ? "Slightly off target (\(vText) against a target of \(tText)) but within tolerance. \(cause)."
                    : "Just outside target this \(word). \(remedy)."
            case .onTrack:
                note = t.cumulative && k == j ? "On track to meet the year-end target." : rng.pick(Self.onTrackNotes)
            case nil:
                note = rng.pick(Self.contextNotes)
            }
            s.notes[k] = note
        }
    }

    // MARK: CSV

    func appendCSV(_ i: Int, _ s: SampleSeries, _ csv: inout ByteBuffer, _ texts: inout SamplePeriodTexts) {
        guard s.count > 0 else { return }
        let t = template(specs[i])
        let code = Array(SampleText.csv(specs[i].code).utf8)
        for k in 0..<s.count where s.present[k] {
            csv.append(code)
            csv.append(0x2C)
            csv.append(texts.text(s.period(k)))
            csv.append(0x2C)
            if let v = s.values[k] { csv.appendFixed(v, decimals: t.decimals) }
            csv.append(0x2C)
            if let target = s.rowTargets[k] { csv.appendFixed(target, decimals: t.decimals) }
            csv.append(0x2C)
            if let note = s.notes[k] { csv.append(SampleText.csv(note)) }
            csv.append(0x2C)
            switch s.quality[k] {
            case 1: csv.append(SamplePeriodTexts.provisional)
            case 2: csv.append(SamplePeriodTexts.estimated)
            case 3: csv.append(SamplePeriodTexts.validated)
            default: break
            }
            csv.append(0x0A)
        }
    }

    // MARK: YAML

    func measureYAML(_ i: Int, _ s: SampleSeries, national: Bool = false) -> String {
        let spec = specs[i]
        let t = template(spec)
        let pad = String(repeating: " ", count: t.plan == nil ? 8 : 12)
        var y = String(repeating: " ", count: t.plan == nil ? 6 : 10) + "- code: " + YAMLText.scalar(spec.code) + "\n"
        func line(_ key: String, _ value: String) { y += pad + key + ": " + value + "\n" }
        line("title", YAMLText.scalar(title(spec)))
        line("description", YAMLText.scalar(t.description))
        line("methodology", YAMLText.scalar(t.methodology))
        line("source", YAMLText.scalar(t.source))
        line("owner", YAMLText.scalar(t.owner))
        line("service", YAMLText.scalar(t.service))
        line("team", YAMLText.scalar(t.team))
        line("tier", t.tier.rawValue)
        line("unit", YAMLText.scalar(t.unit))
        line("decimals", String(t.decimals))
        line("frequency", t.frequency.rawValue)
        line("polarity", t.polarity.keyword)
        if let w = t.polarity.bandHalfWidth { line("band", SampleText.number(w, decimals: t.decimals)) }
        let status: MeasureLifecycle =
            spec.flag == .inDevelopment ? .inDevelopment : spec.flag == .retired ? .retired : .active
        line("status", status.rawValue)
        if t.cumulative { line("cumulative", "true") }
        // Written plain, as the format shows: `10%` is a string, `2` a number.
        if let tol = t.tolerance { line("tolerance", tol) }
        if let lag = t.lagDays { line("lag_days", String(lag)) }
        if let smallNumbers = t.smallNumbers {
            switch smallNumbers.basis {
            case .count: line("small_numbers", "count")
            case .rate(let outOf):
                line("small_numbers", "rate")
                line("small_numbers_out_of", formatPlain(outOf))
            }
        }
        if national { y += nationalYAML(i, pad: pad) }
        if !s.yearTargets.isEmpty || !s.singleTargets.isEmpty {
            y += pad + "targets:\n"
            for (year, target) in s.yearTargets {
                let key: Period = t.frequency == .calendarYear ? .calendarYear(year) : .financialYear(year)
                y += pad + "  " + YAMLText.scalar(key.description) + ": " + fixed(target, t.decimals) + "\n"
            }
            for (p, target) in s.singleTargets {
                y += pad + "  " + YAMLText.scalar(p.description) + ": " + fixed(target, t.decimals) + "\n"
            }
            if let profile = t.profile, !s.yearTargets.isEmpty {
                line("profile", "[" + profile.map { formatPlain($0) }.joined(separator: ", ") + "]")
            }
        }
        return y
    }

    func fixed(_ scaled: Int64, _ decimals: Int) -> String {
        var b = ByteBuffer(capacity: 24)
        b.appendFixed(scaled, decimals: decimals)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    mutating func frameworkYAML(_ measureText: [String]) -> String {
        var y = "# A fictional council for demonstrations and tests, \(SampleCouncilGenerator.headerMark)\n"
        y += "# (seed \(generator.seed), \(specs.count) measures, \(generator.years) years of history). Not real data.\n"
        y += "council: " + YAMLText.scalar(catalogue.council) + "\n"
        y += "plan: " + YAMLText.scalar(catalogue.planTitle) + "\n"
        y += "reporting_period: " + YAMLText.scalar(generator.reportingPeriod.description) + "\n"
        y += "defaults:\n  tolerance: " + Self.defaultTolerance.text + "\n"
        y += "priorities:\n"
        summary.priorities = catalogue.priorities.count
        for (p, priority) in catalogue.priorities.enumerated() {
            y += "  - code: " + YAMLText.scalar(priority.code) + "\n"
            y += "    title: " + YAMLText.scalar(priority.title) + "\n"
            y += "    lead: " + YAMLText.scalar(priority.lead) + "\n"
            y += "    description: " + YAMLText.scalar(priority.description) + "\n"
            if !priorityMeasures[p].isEmpty {
                y += "    measures:\n"
                for i in priorityMeasures[p] { y += measureText[i] }
            }
            let plans = catalogue.plans.indices.filter { catalogue.plans[$0].priority == p }
            guard !plans.isEmpty else { continue }
            y += "    plans:\n"
            for d in plans {
                let plan = catalogue.plans[d]
                summary.plans += 1
                y += "      - code: " + YAMLText.scalar(plan.code) + "\n"
                y += "        title: " + YAMLText.scalar(plan.title) + "\n"
                y += "        owner: " + YAMLText.scalar(plan.owner) + "\n"
                if !planMeasures[d].isEmpty {
                    y += "        measures:\n"
                    for i in planMeasures[d] { y += measureText[i] }
                }
                let actions = makeActions(d)
                if !actions.isEmpty {
                    y += "        actions:\n"
                    for a in actions {
                        summary.actions += 1
                        if a.isOverdue(asAt: generator.reportingPeriod, today: generator.today) { summary.overdueActions += 1 }
                        y += "          - title: " + YAMLText.scalar(a.title) + "\n"
                        y += "            owner: " + YAMLText.scalar(a.owner) + "\n"
                        if let due = a.due { y += "            due: " + due.description + "\n" }
                        y += "            status: " + a.progress.rawValue + "\n"
                        y += "            complete: " + String(a.percentComplete) + "\n"
                    }
                }
            }
        }
        return y
    }

    /// A plan's actions: one done, one under way, and a mix of overdue, delayed, not started and cancelled.
    func makeActions(_ d: Int) -> [Action] {
        let plan = catalogue.plans[d]
        var rng = SampleRandom(seed: generator.seed, stream: 0xAC71_0000 &+ UInt64(d))
        let end = Period.containing(reportEnd, kind: .month)
        func monthEnd(_ offset: Int) -> CivilDate { end.advanced(by: offset).endDate }
        var actions: [Action] = []
        for (k, title) in plan.actions.enumerated() {
            let owner = k % 2 == 0 ? plan.owner : plan.measureOwner
            switch k {
            case 0:
                actions.append(Action(title: title, owner: owner, due: monthEnd(-6 - rng.below(18)), progress: .completed, percentComplete: 100))
            case 1:
                actions.append(Action(title: title, owner: owner, due: monthEnd(3 + rng.below(9)), progress: .inProgress, percentComplete: 20 + 5 * rng.below(11)))
            case 2:
                switch d % 3 {
                case 0: actions.append(Action(title: title, owner: owner, due: monthEnd(-3), progress: .delayed, percentComplete: 40 + 5 * rng.below(7)))
                case 1: actions.append(Action(title: title, owner: owner, due: monthEnd(2), progress: .inProgress, percentComplete: 60 + 5 * rng.below(6)))
                default: actions.append(Action(title: title, owner: owner, due: monthEnd(9), progress: .notStarted, percentComplete: 0))
                }
            default:
                switch d % 4 {
                case 0: actions.append(Action(title: title, owner: owner, due: monthEnd(-2), progress: .cancelled, percentComplete: 10))
                case 1: actions.append(Action(title: title, owner: owner, due: monthEnd(0), progress: .completed, percentComplete: 100))
                case 2: actions.append(Action(title: title, owner: owner, due: monthEnd(6), progress: .inProgress, percentComplete: 5 * rng.below(9)))
                default: actions.append(Action(title: title, owner: owner, due: monthEnd(-1), progress: .delayed, percentComplete: 50 + 5 * rng.below(6)))
                }
            }
        }
        return actions
    }

    // MARK: Summary

    mutating func summarize(_ i: Int, _ s: SampleSeries) {
        let spec = specs[i]
        let t = template(spec)
        summary.rows += s.present.reduce(0) { $0 + ($1 ? 1 : 0) }
        if spec.flag == .inDevelopment { summary.inDevelopment += 1; return }
        if spec.flag == .retired { summary.retired += 1; return }
        let j = s.index(of: s.judged)
        let hasEarlier = (0..<min(s.count, j + 1)).contains { s.present[$0] && s.values[$0] != nil }
        guard hasEarlier else { summary.noData += 1; return }
        guard j < s.count, s.present[j], s.values[j] != nil else { summary.overdue += 1; return }
        guard let status = judgement(t, s, j) else { summary.notJudged += 1; return }
        switch status {
        case .onTrack: summary.onTrack += 1
        case .withinTolerance: summary.withinTolerance += 1
        case .offTrack: summary.offTrack += 1
        }
        if status == .offTrack, judgement(t, s, j - 1) == .offTrack { summary.offTrackRun += 1 }
        if j >= 3, isWorsening(t, s, j) { summary.worsening += 1 }
        for k in 0..<(s.count - 1) where s.period(k + 1).positionInFinancialYear == 1 && s.kind.perYear > 1 {
            if judgement(t, s, k) == .offTrack && judgement(t, s, k + 1) == .offTrack {
                summary.offTrackRunAcrossYearEnd += 1
                break
            }
        }
    }

    /// Whether the three changes ending at `j` were each worse, by the product's own rule (``Direction``).
    func isWorsening(_ t: MeasureTemplate, _ s: SampleSeries, _ j: Int) -> Bool {
        guard !t.cumulative else { return false }
        for k in (j - 3)..<j {
            guard s.present[k], s.present[k + 1], let a = s.values[k], let b = s.values[k + 1] else { return false }
            let direction = Direction.between(
                SampleText.unscaled(a, decimals: t.decimals), SampleText.unscaled(b, decimals: t.decimals),
                polarity: t.polarity, decimals: t.decimals, oldTarget: target(t, s, k), newTarget: target(t, s, k + 1))
            if direction != .worsening { return false }
        }
        return true
    }
}

/// Period texts as bytes, made once per period.
struct SamplePeriodTexts {
    private var cache: [[Int: [UInt8]]] = Array(repeating: [:], count: Period.Kind.allCases.count)
    static let provisional = Array("provisional".utf8)
    static let estimated = Array("estimated".utf8)
    static let validated = Array("validated".utf8)

    mutating func text(_ p: Period) -> [UInt8] {
        if let t = cache[p.kind.rawValue][p.ordinal] { return t }
        let t = Array(p.description.utf8)
        cache[p.kind.rawValue][p.ordinal] = t
        return t
    }
}

extension MeasureTemplate {
    func format(_ v: Double) -> String { MeasureUnit(unit).format(v, decimals: decimals) }
}
