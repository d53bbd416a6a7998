/// A measure judged as at a reporting period.
///
/// A council holds one for every measure at every period judged (tens of thousands, several times over), so the
/// stored properties are declared in the order that packs them into 96 bytes: the references first, each small
/// field in the slack after an optional `Double`, and the due date as its day number.
public struct MeasureEvaluation: Sendable, Equatable {
    /// The alerts on this measure, worst first.
    public var alerts: [Alert]
    /// The chart and the forecast, boxed: together they are over half of a judgement's size, and a council's
    /// judgements are copied whenever a few of them are judged again (see ``ChunkedArray``).
    private var outlook: Outlook?
    /// Against England, the region and the neighbours; `nil` for a measure without comparators.
    public var comparison: Comparison?
    /// The judged period's observation, when there is one.
    public var observation: Observation?
    /// The value for ``period`` (`nil` when missing).
    public var value: Double?
    public var status: Status
    /// Direction of travel against the period before.
    /// `nil` when either value is missing, and always for cumulative measures (a year-to-date total only grows).
    public var sincePrevious: Direction?
    /// Direction of travel against the same period a year before.
    public var sinceLastYear: Direction?
    /// The variation and assurance of ``processControl``'s chart: kept even where the chart is not (see
    /// ``hasOutlook``); `nil` with no chart.
    public private(set) var process: ProcessSummary?
    /// The XmR chart of the latest values up to ``period``; `nil` with too few values, or for a cumulative measure,
    /// and in a judgement made without its outlook (see ``hasOutlook``).
    public var processControl: ProcessControl? {
        get { outlook?.processControl }
        set {
            setOutlook(processControl: newValue, forecast: forecast)
            process = newValue.map(ProcessSummary.init)
        }
    }
    /// Where the financial year of ``period`` is heading; `nil` without a year-end target or a value this year,
    /// and in a judgement made without its outlook (see ``hasOutlook``).
    public var forecast: Forecast? {
        get { outlook?.forecast }
        set { setOutlook(processControl: processControl, forecast: newValue) }
    }
    /// Whether ``processControl`` and ``forecast`` are kept: every judgement a command or report makes keeps them; a
    /// dashboard's keeps them only for the measures whose screens were opened (``Evaluation/Outlooks``), since
    /// with the chart's special points they take about 300 bytes a measure and its lists need only ``process``.
    public private(set) var hasOutlook = true
    /// The target for ``period``, if there is one.
    public var target: Double?
    /// The period judged: the latest of the measure's frequency that ends within the reporting period and
    /// either has a value or is due. `nil` for measures in development or retired.
    public var period: Period?
    /// ``due``'s day number (see ``CivilDate/dayNumber``), or `Int.min` for none.
    private var dueDay: Int

    /// When the judged period's value is (or was) due.
    public var due: CivilDate? {
        get { dueDay == .min ? nil : CivilDate(dayNumber: dueDay) }
        set { dueDay = newValue?.dayNumber ?? .min }
    }

    public init(
        status: Status, period: Period? = nil, value: Double? = nil, target: Double? = nil,
        observation: Observation? = nil, sincePrevious: Direction? = nil, sinceLastYear: Direction? = nil,
        due: CivilDate? = nil, alerts: [Alert] = [], processControl: ProcessControl? = nil, forecast: Forecast? = nil,
        keepingOutlook: Bool = true, comparison: Comparison? = nil
    ) {
        self.status = status
        self.period = period
        self.value = value
        self.target = target
        self.observation = observation
        self.sincePrevious = sincePrevious
        self.sinceLastYear = sinceLastYear
        dueDay = due?.dayNumber ?? .min
        self.alerts = alerts
        self.comparison = comparison
        process = processControl.map(ProcessSummary.init)
        if keepingOutlook {
            setOutlook(processControl: processControl, forecast: forecast)
        } else {
            hasOutlook = false
        }
    }

    private mutating func setOutlook(processControl: ProcessControl?, forecast: Forecast?) {
        hasOutlook = true
        outlook = processControl == nil && forecast == nil ? nil : Outlook(processControl: processControl, forecast: forecast)
    }

    /// A measure's chart and forecast, shared (never changed) by the copies of its judgement.
    private final class Outlook: Sendable, Equatable {
        let processControl: ProcessControl?
        let forecast: Forecast?

        init(processControl: ProcessControl?, forecast: Forecast?) {
            self.processControl = processControl
            self.forecast = forecast
        }

        static func == (a: Outlook, b: Outlook) -> Bool {
            a === b || (a.processControl == b.processControl && a.forecast == b.forecast)
        }
    }
}
