import ScorecardKit
/// The building blocks of the sample council's catalogue: priorities, delivery plans and measure templates.

struct SamplePriority {
    let code: String
    let title: String
    let lead: String
    let description: String
}

struct SamplePlan {
    let code: String
    let title: String
    /// The director or head of service who owns the plan.
    let owner: String
    /// Index into the catalogue's priorities.
    let priority: Int
    /// Defaults for the plan's measures.
    let service: String
    let team: String
    let measureOwner: String
    let source: String
    /// Reasons an officer gives for a shortfall in this service, and what is being done about it.
    let causes: [String]
    let remedies: [String]
    /// Titles of the plan's actions and milestones.
    let actions: [String]
}

/// What is special about a measure's data and status, so every status occurs at the reporting period.
enum SampleFlag: Equatable {
    case normal
    /// Judged on polarity, but with no target set (not judged).
    case noTarget
    /// Defined, but with no data or target yet.
    case inDevelopment
    /// Replaced: data stops at the end of 2024/25.
    case retired
    /// Earlier values, but the judged period's value has not arrived: no row at all.
    case overdueMissingRow
    /// Earlier values, but the judged period's row has an empty value and a note.
    case overdueEmptyValue
    /// Active with a target, but no observations at all yet.
    case noDataYet
    /// Active with a target; data collection started after the reporting period.
    case lateStart
}

struct MeasureTemplate {
    let tier: Tier
    let title: String
    let description: String
    let methodology: String
    let source: String
    let unit: String
    let decimals: Int
    let frequency: Frequency
    let polarity: Polarity
    /// The typical value (for cumulative measures: the full year's total).
    let level: Double
    /// The standard deviation of period-to-period noise, in the measure's unit.
    let noise: Double
    /// Seasonal swing as a share of the level, and the month (1-12) it peaks in.
    let season: Double
    let peak: Int
    /// Year-to-date values that restart each April.
    let cumulative: Bool
    /// Cumulative share of the year's target due by each period (quarters or months), in percent.
    let profile: [Double]?
    /// `10%` or `2`; `nil` takes the framework default (5%).
    let tolerance: String?
    let lagDays: Int?
    /// The share of the first year's target by which each later year's target is stretched.
    let stretch: Double
    let flag: SampleFlag
    /// Index into the catalogue's plans, or (for measures hanging off a priority) nil with `priority` set.
    let plan: Int?
    let priority: Int
    let service: String
    let team: String
    let owner: String
    /// The highest value the measure can take (100 for a percentage), if any.
    let maximum: Double?
    /// Whether the values count people, so that public reports withhold small ones.
    var smallNumbers: SmallNumbers? = nil
}

extension Polarity {
    var isHigher: Bool { if case .higherIsBetter = self { return true } else { return false } }
    var isLower: Bool { if case .lowerIsBetter = self { return true } else { return false } }
    var isNone: Bool { if case .none = self { return true } else { return false } }
    var bandHalfWidth: Double? { if case .withinBand(let w) = self { return w } else { return nil } }
}

/// Builds the catalogue in reading order: a priority, its outcome measures, then its plans and their measures.
final class SampleCatalogueBuilder {
    var priorities: [SamplePriority] = []
    var plans: [SamplePlan] = []
    var templates: [MeasureTemplate] = []

    /// Targets are stretched 1% a year in the better direction unless a template says otherwise.
    static func defaultStretch(_ polarity: Polarity) -> Double {
        switch polarity {
        case .higherIsBetter: 0.01
        case .lowerIsBetter: -0.01
        case .withinBand, .none: 0
        }
    }

    /// Declares that the values of the measure titled `title` count people (see ``SmallNumbers``).
    func smallNumbers(_ title: String, _ smallNumbers: SmallNumbers) {
        guard let index = templates.firstIndex(where: { $0.title == title }) else {
            preconditionFailure("no sample measure is titled \(title)")
        }
        templates[index].smallNumbers = smallNumbers
    }

    func priority(_ code: String, _ title: String, lead: String, _ description: String) {
        priorities.append(SamplePriority(code: code, title: title, lead: lead, description: description))
    }

    func plan(
        _ code: String, _ title: String, owner: String, service: String, team: String, measureOwner: String,
        source: String, causes: [String], remedies: [String], actions: [String]
    ) {
        plans.append(
            SamplePlan(
                code: code, title: title, owner: owner, priority: priorities.count - 1, service: service, team: team,
                measureOwner: measureOwner, source: source, causes: causes, remedies: remedies, actions: actions))
    }

    /// An outcome measure hanging off the current priority.
    func outcome(
        _ title: String, _ unit: String, _ decimals: Int, _ frequency: Frequency, _ polarity: Polarity,
        level: Double, noise: Double, stretch: Double? = nil, desc: String, method: String, source: String,
        tol: String? = nil, lag: Int? = nil, flag: SampleFlag = .normal, owner: String = "Rachel Denby, Corporate Performance Manager",
        service: String = "Policy and Performance", team: String = "Corporate Performance"
    ) {
        templates.append(
            MeasureTemplate(
                tier: .outcome, title: title, description: desc, methodology: method, source: source, unit: unit,
                decimals: decimals, frequency: frequency, polarity: polarity, level: level, noise: noise, season: 0,
                peak: 1, cumulative: false, profile: nil, tolerance: tol, lagDays: lag,
                stretch: stretch ?? Self.defaultStretch(polarity), flag: flag,
                plan: nil, priority: priorities.count - 1, service: service, team: team, owner: owner,
                maximum: unit == "%" ? 100 : nil))
    }

    /// A KBM or KBI in the current plan.
    func measure(
        _ tier: Tier, _ title: String, _ unit: String, _ decimals: Int, _ frequency: Frequency, _ polarity: Polarity,
        level: Double, noise: Double, season: Double = 0, peak: Int = 1, cumulative: Bool = false,
        profile: [Double]? = nil, stretch: Double? = nil, desc: String, method: String, source: String? = nil,
        tol: String? = nil, lag: Int? = nil, flag: SampleFlag = .normal, team: String? = nil, owner: String? = nil
    ) {
        let plan = plans[plans.count - 1]
        templates.append(
            MeasureTemplate(
                tier: tier, title: title, description: desc, methodology: method, source: source ?? plan.source,
                unit: unit, decimals: decimals, frequency: frequency, polarity: polarity, level: level, noise: noise,
                season: season, peak: peak, cumulative: cumulative, profile: profile, tolerance: tol, lagDays: lag,
                stretch: stretch ?? Self.defaultStretch(polarity), flag: flag, plan: plans.count - 1, priority: plan.priority, service: plan.service,
                team: team ?? plan.team, owner: owner ?? plan.measureOwner,
                maximum: unit == "%" && !(cumulative && polarity.isNone) ? 100 : nil))
    }

    func kbm(
        _ title: String, _ unit: String, _ decimals: Int, _ frequency: Frequency, _ polarity: Polarity,
        level: Double, noise: Double, season: Double = 0, peak: Int = 1, cumulative: Bool = false,
        profile: [Double]? = nil, stretch: Double? = nil, desc: String, method: String, source: String? = nil,
        tol: String? = nil, lag: Int? = nil, flag: SampleFlag = .normal, team: String? = nil, owner: String? = nil
    ) {
        measure(
            .kbm, title, unit, decimals, frequency, polarity, level: level, noise: noise, season: season, peak: peak,
            cumulative: cumulative, profile: profile, stretch: stretch, desc: desc, method: method, source: source,
            tol: tol, lag: lag, flag: flag, team: team, owner: owner)
    }

    func kbi(
        _ title: String, _ unit: String, _ decimals: Int, _ frequency: Frequency, _ polarity: Polarity,
        level: Double, noise: Double, season: Double = 0, peak: Int = 1, cumulative: Bool = false,
        profile: [Double]? = nil, stretch: Double? = nil, desc: String, method: String, source: String? = nil,
        tol: String? = nil, lag: Int? = nil, flag: SampleFlag = .normal, team: String? = nil, owner: String? = nil
    ) {
        measure(
            .kbi, title, unit, decimals, frequency, polarity, level: level, noise: noise, season: season, peak: peak,
            cumulative: cumulative, profile: profile, stretch: stretch, desc: desc, method: method, source: source,
            tol: tol, lag: lag, flag: flag, team: team, owner: owner)
    }
}
