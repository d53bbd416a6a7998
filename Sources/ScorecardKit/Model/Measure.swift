/// A performance measure (indicator): what is counted, how, by whom, and what good looks like.
public struct Measure: Sendable, Identifiable, Equatable {
    /// The longest code the data files take, in characters: codes are typed, and the stores index them.
    public static let longestCode = 64
    /// The longest owner or service name the data files take: grants name them, and the shared store indexes them.
    public static let longestName = 300
    /// The longest title the data files take (a line or two on every screen and paper).
    public static let longestTitle = 1_000
    /// The longest description, methodology, source or team the data files take: as long as a value's commentary
    /// may be, well within the 32,767 characters a workbook's cell holds (an export of a longer one was refused).
    public static let longestText = ValueEntry.noteLimit

    /// The council's code for the measure, unique in the plan: `KBM-07`.
    public var code: String
    /// The title in plain English.
    public var title: String
    public var description: String
    /// How the value is calculated.
    public var methodology: String
    /// Where the data comes from.
    public var source: String
    /// The officer accountable for the measure.
    public var owner: String
    public var service: String
    public var team: String
    public var tier: Tier
    public var unit: MeasureUnit
    /// Decimal places shown to members.
    public var decimals: Int
    public var frequency: Frequency
    public var polarity: Polarity
    public var lifecycle: MeasureLifecycle
    /// Whether values are year-to-date totals that restart each April.
    public var cumulative: Bool
    public var targets: TargetSchedule
    /// `nil` when any miss is off track.
    public var tolerance: Tolerance?
    /// Days after a period ends by which its value is due.
    public var lagDays: Int
    /// The smallest value the measure may take, as the framework sets it (see ``valueLimits``).
    public var minimum: Double?
    /// The largest value the measure may take, as the framework sets it (see ``valueLimits``).
    public var maximum: Double?
    /// Whether the values count people (or are rates built on such counts), so that public reports withhold
    /// small ones; `nil` for a measure whose values identify no one.
    public var smallNumbers: SmallNumbers?
    /// For an outcome measure judged against England, its region and its neighbours: where the comparators come
    /// from, and their values once read.
    public var comparators: Comparators? {
        get { comparatorsBox?.comparators }
        set { comparatorsBox = newValue.map(ComparatorsBox.init) }
    }
    /// Boxed: few measures have comparators, and held inline they made every measure about 100 bytes larger.
    private var comparatorsBox: ComparatorsBox?

    private final class ComparatorsBox: Sendable, Equatable {
        let comparators: Comparators

        init(_ comparators: Comparators) {
            self.comparators = comparators
        }

        static func == (a: ComparatorsBox, b: ComparatorsBox) -> Bool { a.comparators == b.comparators }
    }

    public var id: String { code }

    public init(
        code: String, title: String, description: String = "", methodology: String = "", source: String = "",
        owner: String = "", service: String = "", team: String = "", tier: Tier = .kbi,
        unit: MeasureUnit = .number, decimals: Int = 0, frequency: Frequency = .monthly,
        polarity: Polarity = .higherIsBetter, lifecycle: MeasureLifecycle = .active, cumulative: Bool = false,
        targets: TargetSchedule = TargetSchedule(), tolerance: Tolerance? = nil, lagDays: Int? = nil,
        minimum: Double? = nil, maximum: Double? = nil, smallNumbers: SmallNumbers? = nil
    ) {
        self.code = code
        self.title = title
        self.description = description
        self.methodology = methodology
        self.source = source
        self.owner = owner
        self.service = service
        self.team = team
        self.tier = tier
        self.unit = unit
        self.decimals = decimals
        self.frequency = frequency
        self.polarity = polarity
        self.lifecycle = lifecycle
        self.cumulative = cumulative
        self.targets = targets
        self.tolerance = tolerance
        self.lagDays = lagDays ?? frequency.defaultLagDays
        self.minimum = minimum
        self.maximum = maximum
        self.smallNumbers = smallNumbers
    }

    /// The index of each code in `measures` (the first, should a code repeat).
    static func indexByCode(_ measures: [Measure]) -> [String: Int] {
        // By index, not `enumerated()`: that copies each whole measure (a dozen strings retained and released).
        var indexByCode = [String: Int](minimumCapacity: measures.count)
        for index in measures.indices where indexByCode[measures[index].code] == nil {
            indexByCode[measures[index].code] = index
        }
        return indexByCode
    }

    /// The date by which the value for `period` is due.
    public func dueDate(for period: Period) -> CivilDate {
        period.endDate.adding(days: lagDays)
    }

    /// Writes a value in the measure's unit and decimals: `85.2%`.
    public func format(_ value: Double) -> String {
        unit.format(value, decimals: decimals)
    }

    /// `value` as members see it, rounded to the measure's decimals (half away from zero): what charts draw, so
    /// that a point shown as 1.01 sits on a target of 1.01 rather than a hair below it.
    public func asShown(_ value: Double) -> Double {
        value.isFinite ? Judge.rounded(value, decimals) : value
    }

    /// Writes a target in the measure's unit: to its decimals, or with up to two more when rounding would hide
    /// part of it. A profiled target (a year's 33.5 by month four is 11.17) written as `11` beside a value of 11
    /// judged short of it would look met when it is not.
    public func formatTarget(_ target: Double) -> String {
        unit.format(target, decimals: places(toShow: target))
    }

    /// Writes a value as it was recorded, in the measure's unit: to its decimals, or with up to two more where it has
    /// them (19.5 days of a measure of whole days, 84.94% of one with one decimal), as ``formatTarget(_:)`` writes a
    /// target: what a recording, a sign-off or a value's history says, so that no change is hidden by rounding.
    public func formatAsRecorded(_ value: Double) -> String {
        unit.format(value, decimals: places(toShow: value))
    }

    /// What to say of `value` when it has more decimals than the measure shows (27.5 of whole days): kept as given,
    /// it shows and is judged rounded. `52.25% shows, and is judged, as 52.3% (KBI-003 is given to 1 decimal)`;
    /// `nil` for a value the measure shows whole.
    public func finerThanShown(_ value: Double) -> String? {
        guard value.isFinite, asShown(value) != value else { return nil }
        let places = decimals == 0 ? "whole numbers" : "\(decimals) decimal\(decimals == 1 ? "" : "s")"
        return "\(formatAsRecorded(value)) shows, and is judged, as \(format(value)) (\(code) is given to \(places))"
    }

    /// Writes a process's mean and limits said beside `value` (the value judged against them): to the measure's
    /// decimals, or with as few more (up to two) as keep apart what rounding would put together, each from the
    /// value and the limits from the mean: a value of 1 flagged below a limit of 1.109 is below 1.1, not 1; a mean
    /// of 10.2 with limits of 9.6 and 10.8 is 10.2, not 10 beside a limit of 10; a mean of 96.142% beside 91.2%
    /// is 96.1%.
    public func formatStatistics(mean: Double, lower: Double, upper: Double, beside value: Double?) -> (mean: String, lower: String, upper: String) {
        let pairs = [(mean, lower), (mean, upper)] + (value.map { [($0, mean), ($0, lower), ($0, upper)] } ?? [])
        let places = (decimals..<(decimals + 2)).first { places in
            pairs.allSatisfy { a, b in a == b || unit.format(a, decimals: places) != unit.format(b, decimals: places) }
        } ?? decimals + 2
        return (unit.format(mean, decimals: places), unit.format(lower, decimals: places), unit.format(upper, decimals: places))
    }

    /// The decimal places to write a comparison's figures to (the council's value, its interval, England's and the
    /// region's): the measure's own, or as few more (up to six) as write each of `comparators` apart from each
    /// end of `interval` it differs from. England's 73.7% beside an interval to 73.6% is not written 74% twice, as
    /// if it lay on the interval, which is "similar".
    public func placesApart(interval: [Double?], comparators: [Double?]) -> Int {
        let ends = interval.compactMap { $0 }.filter(\.isFinite), others = comparators.compactMap { $0 }.filter(\.isFinite)
        func apart(_ places: Int) -> Bool {
            ends.allSatisfy { end in
                others.allSatisfy { other in
                    abs(end - other) <= 1e-9 * max(1, abs(end)) || unit.format(end, decimals: places) != unit.format(other, decimals: places)
                }
            }
        }
        return (decimals..<(decimals + 6)).first(where: apart) ?? decimals + 6
    }

    /// The decimal places to write a ranked list's values to: the measure's own, or as few more (up to three) as
    /// write values that differ apart, so that two shown alike are ranked alike (69.28% is 15th, 69.00% 16th, not
    /// 69% twice).
    public func placesApart(_ values: [Double]) -> Int {
        let sorted = values.filter(\.isFinite).sorted()
        func apart(_ places: Int) -> Bool {
            zip(sorted, sorted.dropFirst()).allSatisfy { a, b in
                abs(a - b) <= 1e-9 * max(1, abs(a)) || unit.format(a, decimals: places) != unit.format(b, decimals: places)
            }
        }
        return (decimals..<(decimals + 3)).first(where: apart) ?? decimals + 3
    }

    /// The decimal places that show `number` whole: the measure's own, or up to two more when rounding to them
    /// would hide part of it (a target, or how far a value shown rounded misses one).
    public func places(toShow number: Double) -> Int {
        NumberText.places(toShow: number, decimals: decimals)
    }
}
