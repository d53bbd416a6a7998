import ScorecardKit
/// The workings of ``SampleCouncilGenerator``: choosing measures, shaping their series and writing the files.

/// What the generator engineers at a measure's judged period.
enum SampleScenario: Equatable {
    /// Left as generated (not judged, or a special flag).
    case natural
    case onTrack
    case withinTolerance
    case offTrack
    /// Off track at the judged period and the one before.
    case offTrackRun
}

/// A judgement of one value against its target: the judged statuses the generator engineers.
enum SampleJudgement: Equatable {
    case onTrack, withinTolerance, offTrack
}

struct SampleMeasureSpec {
    let templateIndex: Int
    /// 0 for the template itself; 1, 2, ... for numbered variants.
    let variant: Int
    var code = ""
    var flag: SampleFlag
    var scenario: SampleScenario = .natural
    var worsening = false
    var yearEndRun = false
    var singleTarget = false
    var rowTarget = false
}

/// One measure's generated data, in scaled integers (value x 10^decimals).
struct SampleSeries {
    var kind: Period.Kind
    var first: Period
    var values: [Int64?] = []
    var present: [Bool] = []
    var notes: [String?] = []
    /// 0 none, 1 provisional, 2 estimated, 3 validated.
    var quality: [UInt8] = []
    var rowTargets: [Int: Int64] = [:]
    var judged: Period
    var lagDays: Int
    /// Targets by year (financial, or calendar for calendar-year measures), scaled, in year order.
    var yearTargets: [(year: Int, target: Int64)] = []
    var singleTargets: [(period: Period, target: Int64)] = []
    var schedule = TargetSchedule()
    var tolerance: Tolerance?

    var count: Int { values.count }
    func period(_ t: Int) -> Period { first.advanced(by: t) }
    func index(of p: Period) -> Int { p.ordinal - first.ordinal }
}

struct SampleEngine {
    let generator: SampleCouncilGenerator
    let catalogue = SampleCatalogue.shared
    let reportFY: Int
    let startFY: Int
    let reportEnd: CivilDate
    var specs: [SampleMeasureSpec] = []
    /// Spec indices hanging off each priority, and in each plan, in output order.
    var priorityMeasures: [[Int]] = []
    var planMeasures: [[Int]] = []
    var summary = SampleSummary()

    static let defaultTolerance = Tolerance.percent(5)

    init(generator: SampleCouncilGenerator) {
        self.generator = generator
        reportFY = generator.reportingPeriod.financialYearStart
        startFY = reportFY - generator.years
        reportEnd = generator.reportingPeriod.endDate
        summary.reportingPeriod = generator.reportingPeriod
        summary.today = generator.today
    }

    // MARK: Running

    mutating func run() -> SampleOutput {
        selectMeasures()
        assignCodes()
        assignScenarios()

        let estimatedRows = specs.count * max(generator.years, 1) * 10 + 1000
        var csv = ByteBuffer(capacity: min(estimatedRows * 46, 1 << 31))
        csv.append("measure,period,value,target,note,quality\n")
        var measureText = [String](repeating: "", count: specs.count)
        var texts = SamplePeriodTexts()
        var national: [String: [UInt8]] = [:]
        let withNational = nationalIndices
        for i in outputOrder {
            let series = makeSeries(i)
            appendCSV(i, series, &csv, &texts)
            let file = withNational.contains(i) ? nationalFile(i, series) : nil
            measureText[i] = measureYAML(i, series, national: file != nil)
            if let file { national[nationalPath(i)] = file }
            summarize(i, series)
        }
        summary.measures = specs.count
        summary.nationalFiles = national.count
        let framework = frameworkYAML(measureText)
        return SampleOutput(framework: framework, observations: csv.bytes, national: national, summary: summary)
    }

    var outputOrder: [Int] {
        var order: [Int] = []
        order.reserveCapacity(specs.count)
        for p in catalogue.priorities.indices {
            order += priorityMeasures[p]
            for (d, plan) in catalogue.plans.enumerated() where plan.priority == p { order += planMeasures[d] }
        }
        return order
    }

    // MARK: Choosing measures

    mutating func selectMeasures() {
        let templates = catalogue.templates
        let n = generator.measures
        var chosen: [Int]
        if n >= templates.count {
            chosen = Array(templates.indices)
        } else {
            // Take measures from every plan in turn, so a small sample still covers the whole plan; the special
            // cases (in development, overdue ...) first when there is room for them.
            var rankInGroup = [Int](repeating: 0, count: templates.count)
            var seen: [Int: Int] = [:]
            for (i, t) in templates.enumerated() {
                let group = t.plan.map { 1000 + $0 } ?? t.priority
                rankInGroup[i] = seen[group, default: 0]
                seen[group, default: 0] += 1
            }
            let flagged = templates.filter { $0.flag != .normal }.count
            let flaggedFirst = n >= 2 * flagged
            let ranked = templates.indices.sorted { a, b in
                let fa = flaggedFirst && templates[a].flag != .normal ? 0 : 1
                let fb = flaggedFirst && templates[b].flag != .normal ? 0 : 1
                return (fa, rankInGroup[a], a) < (fb, rankInGroup[b], b)
            }
            chosen = Array(ranked.prefix(n)).sorted()
        }
        specs = chosen.map { SampleMeasureSpec(templateIndex: $0, variant: 0, flag: templates[$0].flag) }

        // Beyond the catalogue: numbered variants of the monthly indicators.
        let extra = n - specs.count
        if extra > 0 {
            let pool = templates.indices.filter {
                let t = templates[$0]
                return t.frequency == .monthly && t.tier != .outcome && (t.flag == .normal || t.flag == .noTarget)
            }
            var rng = SampleRandom(seed: generator.seed, stream: 0x5EED_0001)
            for k in 0..<extra {
                let ti = pool[k % pool.count]
                var flag = templates[ti].flag
                let u = rng.unit()
                if u < 0.012 {
                    flag = .overdueEmptyValue
                } else if u < 0.025 {
                    flag = .overdueMissingRow
                } else if u < 0.04 {
                    flag = .inDevelopment
                } else if u < 0.05 {
                    flag = .noDataYet
                } else if u < 0.08 {
                    flag = .noTarget
                }
                specs.append(SampleMeasureSpec(templateIndex: ti, variant: k / pool.count + 1, flag: flag))
            }
        }

        priorityMeasures = Array(repeating: [], count: catalogue.priorities.count)
        planMeasures = Array(repeating: [], count: catalogue.plans.count)
        for (i, spec) in specs.enumerated() {
            let t = templates[spec.templateIndex]
            if let plan = t.plan { planMeasures[plan].append(i) } else { priorityMeasures[t.priority].append(i) }
        }
    }

    mutating func assignCodes() {
        var counts: [Tier: Int] = [:]
        for spec in specs { counts[template(spec).tier, default: 0] += 1 }
        func width(_ tier: Tier, _ minimum: Int) -> Int { max(minimum, String(counts[tier, default: 0]).count) }
        let widths: [Tier: Int] = [.outcome: width(.outcome, 2), .kbm: width(.kbm, 2), .kbi: width(.kbi, 3)]
        let prefixes: [Tier: String] = [.outcome: "OUT-", .kbm: "KBM-", .kbi: "KBI-"]
        var next: [Tier: Int] = [:]
        for i in outputOrder {
            let tier = template(specs[i]).tier
            let n = next[tier, default: 0] + 1
            next[tier] = n
            let digits = String(n)
            specs[i].code = prefixes[tier]! + String(repeating: "0", count: max(0, widths[tier]! - digits.count)) + digits
        }
    }

    func template(_ spec: SampleMeasureSpec) -> MeasureTemplate { catalogue.templates[spec.templateIndex] }

    func title(_ spec: SampleMeasureSpec) -> String {
        let t = template(spec).title
        return spec.variant == 0 ? t : "\(t) (Area \(spec.variant))"
    }

    /// Whether the measure is judged against a target at all.
    func isJudged(_ spec: SampleMeasureSpec) -> Bool {
        spec.flag == .normal && !template(spec).polarity.isNone
    }

    /// Deals out the statuses: about 72% of judged measures on track, 14% within tolerance, 14% off track
    /// (half of them off track for two periods running); some worsening; some off track across a year end.
    mutating func assignScenarios() {
        var rng = SampleRandom(seed: generator.seed, stream: 0x5CE0_A210)
        let judged = specs.indices.filter { isJudged(specs[$0]) }
        let within = Int((Double(judged.count) * 0.14).rounded())
        let off = Int((Double(judged.count) * 0.14).rounded())
        var deck = [SampleScenario](repeating: .onTrack, count: judged.count)
        for k in 0..<min(judged.count, within + off) {
            deck[k] = k < within ? .withinTolerance : (k - within) % 2 == 0 ? .offTrack : .offTrackRun
        }
        rng.shuffle(&deck)
        for (k, i) in judged.enumerated() {
            let t = template(specs[i])
            var scenario = deck[k]
            // Within tolerance has no meaning for a band once tolerance is folded in: keep bands clear-cut.
            if t.polarity.bandHalfWidth != nil, scenario == .withinTolerance { scenario = .onTrack }
            specs[i].scenario = scenario
            let canWorsen = !t.cumulative && t.polarity.bandHalfWidth == nil && scenario != .offTrackRun
            let pWorse: Double =
                switch scenario {
                case .offTrack: 0.45
                case .withinTolerance: 0.3
                default: 0.05
                }
            specs[i].worsening = canWorsen && rng.chance(pWorse)
            let periodic = t.frequency == .monthly || t.frequency == .quarterly
            specs[i].yearEndRun = periodic && !t.cumulative && rng.chance(0.08)
            specs[i].singleTarget = periodic && rng.chance(0.05)
            specs[i].rowTarget = periodic && !specs[i].singleTarget && rng.chance(0.03)
        }
    }

    // MARK: Periods

    /// The latest period of `kind` that ends by the end of the reporting period and is due by today.
    func judgedPeriod(_ kind: Period.Kind, lagDays: Int) -> Period {
        var p = Period.containing(reportEnd, kind: kind)
        if p.endDate > reportEnd { p = p.previous }
        while p.endDate.adding(days: lagDays) > generator.today { p = p.previous }
        return p
    }

    /// The first period of history: April of the first financial year (January for calendar years).
    func firstPeriod(_ kind: Period.Kind) -> Period {
        switch kind {
        case .month: .month(startFY, 4)
        case .quarter: .quarter(startFY, 1)
        case .financialYear: .financialYear(startFY)
        case .calendarYear: .calendarYear(startFY)
        }
    }

    /// The last period of financial year `fy` (for calendar years, the year itself).
    func lastPeriod(ofYear fy: Int, _ kind: Period.Kind) -> Period {
        switch kind {
        case .month: .month(fy + 1, 3)
        case .quarter: .quarter(fy, 4)
        case .financialYear: .financialYear(fy)
        case .calendarYear: .calendarYear(fy)
        }
    }

    /// Whether periods of `kind` carry financial-year targets (calendar years carry their own).
    static func yearKey(_ p: Period) -> Int {
        p.kind == .calendarYear ? p.ordinal : p.financialYearStart
    }

    // MARK: Targets

    /// A round target near `x`, as a council would set it.
    static func niceTarget(_ x: Double, decimals: Int, percent: Bool) -> Double {
        let a = abs(x)
        var step: Double
        if percent && a >= 95 {
            step = decimals >= 1 ? 0.1 : 1
        } else if a >= 100_000 {
            step = 5000
        } else if a >= 10_000 {
            step = 500
        } else if a >= 1000 {
            step = 50
        } else if a >= 200 {
            step = 5
        } else if a >= 20 {
            step = 1
        } else if a >= 2 {
            step = decimals >= 2 ? 0.1 : decimals == 1 ? 0.5 : 1
        } else {
            step = decimals >= 2 ? 0.05 : decimals == 1 ? 0.1 : 1
        }
        let minimumStep = 1 / SampleText.powersOfTen[decimals]
        if step < minimumStep { step = minimumStep }
        return (x / step).rounded() * step
    }

    /// The measure's typical level `x` years after the first year, following its trend.
    static func levelAt(_ t: MeasureTemplate, _ x: Double) -> Double {
        if t.unit == "%" && t.polarity.isHigher && t.maximum != nil && !t.cumulative {
            // Percentages close the gap to 100 rather than pass it.
            let closed = min(0.5, max(-0.5, t.stretch * x * 3))
            return t.level + (100 - t.level) * closed
        }
        return t.level * max(0.2, 1 + t.stretch * x)
    }

    func makeTargets(_ spec: SampleMeasureSpec, _ series: inout SampleSeries) {
        let t = template(spec)
        guard spec.flag != .inDevelopment, spec.flag != .noTarget, !t.polarity.isNone else { return }
        var years = Array(startFY...reportFY)
        switch spec.flag {
        case .retired: years = years.filter { $0 <= reportFY - 2 }
        case .noDataYet, .lateStart: years = [reportFY]
        default: break
        }
        let percent = t.unit == "%"
        for y in years {
            var target = Self.niceTarget(Self.levelAt(t, Double(y - startFY)), decimals: t.decimals, percent: percent)
            if let maximum = t.maximum { target = min(target, maximum) }
            if t.level < 1 && t.decimals == 0 { target = 0 }
            if !(t.unit.hasPrefix("£") && t.polarity.bandHalfWidth != nil) { target = max(0, target) }
            series.yearTargets.append((y, SampleText.scaled(target, decimals: t.decimals)))
        }
        var byPeriod: [Period: Double] = [:]
        for (y, target) in series.yearTargets {
            let key: Period = t.frequency == .calendarYear ? .calendarYear(y) : .financialYear(y)
            byPeriod[key] = SampleText.unscaled(target, decimals: t.decimals)
        }
        if spec.singleTarget, let yearTarget = series.yearTargets.first(where: { $0.year == reportFY - 1 })?.target {
            // A seasonal allowance for the winter, set for one period alone.
            let p: Period = t.frequency == .monthly ? .month(reportFY, 1) : .quarter(reportFY - 1, 3)
            let factor = t.cumulative ? 1.0 : t.polarity.isLower ? 1.1 : 0.95
            var single = Double(yearTarget) * factor
            if t.cumulative {
                single = Double(yearTarget) * TargetSchedule(profile: t.profile).share(
                    at: p.positionInFinancialYear, of: p.kind.perYear) * 0.95
            }
            let scaled = Int64(single.rounded())
            series.singleTargets.append((p, scaled))
            byPeriod[p] = SampleText.unscaled(scaled, decimals: t.decimals)
        }
        series.schedule = TargetSchedule(byPeriod: byPeriod, profile: t.profile)
    }

    static func tolerance(_ text: String?) -> Tolerance {
        guard let text else { return defaultTolerance }
        if text.hasSuffix("%") { return .percent(Double(text.dropLast()) ?? 5) }
        return .absolute(Double(text) ?? 0)
    }

    /// The target for the value at index `i`, if any.
    func target(_ t: MeasureTemplate, _ s: SampleSeries, _ i: Int) -> Double? {
        if let row = s.rowTargets[i] { return SampleText.unscaled(row, decimals: t.decimals) }
        return s.schedule.target(for: s.period(i), cumulative: t.cumulative)
    }

    /// The value at `i` judged by the product's own rule (``Judge``); `nil` when missing or not judged.
    func judgement(_ t: MeasureTemplate, _ s: SampleSeries, _ i: Int) -> SampleJudgement? {
        guard i >= 0, i < s.count, s.present[i], let v = s.values[i], let target = target(t, s, i) else { return nil }
        let status = Judge.status(
            value: SampleText.unscaled(v, decimals: t.decimals), target: target, polarity: t.polarity,
            tolerance: s.tolerance, decimals: t.decimals)
        switch status {
        case .onTrack: return .onTrack
        case .withinTolerance: return .withinTolerance
        case .offTrack: return .offTrack
        default: return nil
        }
    }
}
