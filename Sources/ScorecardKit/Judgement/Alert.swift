/// An under-performance alert on a measure, with the reason in plain English.
public struct Alert: Sendable, Equatable {
    /// The rules that raise alerts, declared worst first.
    public enum Rule: Int, Sendable, CaseIterable, Comparable, Codable {
        /// Off track at the judged period and at the period or periods before it.
        case offTrackRepeatedly
        /// Off track at the judged period (but not the one before).
        case offTrack
        /// The value is missing past its due date.
        case overdue
        /// The year-end forecast misses the year's target (half the year or more gone).
        case forecastMiss
        /// The judged period's value is special cause concerning variation on the XmR chart.
        case specialCauseConcerning
        /// England's value lies outside the council's interval (95%, or 99.8% where the national data compares so), on the better side.
        case worseThanEngland
        /// Worse than the period before for three or more periods running.
        case worsening

        public static func < (lhs: Rule, rhs: Rule) -> Bool { lhs.rawValue < rhs.rawValue }

        public var label: String {
            switch self {
            case .offTrackRepeatedly: "Off track repeatedly"
            case .offTrack: "Off track"
            case .overdue: "Overdue"
            case .forecastMiss: "Forecast to miss the year-end target"
            case .specialCauseConcerning: "Special cause concerning variation"
            case .worseThanEngland: "Significantly worse than England"
            case .worsening: "Worsening"
            }
        }

        /// The label as it reads mid-sentence: "off track", "significantly worse than England".
        public var phrase: String { label.prefix(1).lowercased() + label.dropFirst() }

        public var key: String {
            switch self {
            case .offTrackRepeatedly: "off-track-repeatedly"
            case .offTrack: "off-track"
            case .overdue: "overdue"
            case .forecastMiss: "forecast-miss"
            case .specialCauseConcerning: "special-cause-concerning"
            case .worseThanEngland: "worse-than-england"
            case .worsening: "worsening"
            }
        }
    }

    /// The measure's index in ``Council/measures``.
    public var measure: Int
    public var rule: Rule
    /// The period the alert is about: the judged period, the forecast's latest value, or the national data's period.
    public var period: Period
    /// How many periods the condition has held (1 for a single miss or an overdue value).
    public var run: Int
    /// How bad it is within its rule, for ordering: the relative shortfall, days overdue, or the run.
    public var weight: Double
    /// Why the alert was raised, for members.
    public var reason: String

    /// `alerts` worst first: by rule, then by weight (larger first), then by measure index, ties in the order
    /// given. Sorts small keys, not the alerts themselves: moving an alert retains and releases its reason, and a
    /// large council has tens of thousands.
    public static func sortedWorstFirst(_ alerts: [Alert]) -> [Alert] {
        var keys = alerts.indices.map { SortKey(alerts[$0], at: $0) }
        keys.sort(by: <)
        return keys.map { alerts[$0.position] }
    }

    /// What the order compares, and where the alert was.
    private struct SortKey: Comparable {
        var rule: Rule
        var weight: Double
        var measure: Int
        var position: Int

        init(_ alert: Alert, at position: Int) {
            (rule, weight, measure, self.position) = (alert.rule, alert.weight, alert.measure, position)
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            if a.rule != b.rule { return a.rule < b.rule }
            if a.weight != b.weight { return a.weight > b.weight }
            if a.measure != b.measure { return a.measure < b.measure }
            return a.position < b.position
        }
    }
}
