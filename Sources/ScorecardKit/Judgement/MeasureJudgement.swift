/// Judges one measure's series as at a reporting period: status, direction of travel and alerts.
///
/// When the series is only the recent part of the measure's history (`loadedFrom` is set), the judgement
/// notes any look before it, and how far back it looked (``Reach/need``): its result is then provisional, and
/// the measure is judged again once that much more of its history is loaded.
struct MeasureJudgement {
    let measure: Measure
    /// Sorted by period.
    let observations: ObservationSeries
    let index: Int
    /// The earliest period `observations` is complete from, when earlier ones may exist; `nil` when whole.
    var loadedFrom: Period? = nil
    /// Where looks before `loadedFrom` are noted.
    let reach = Reach()

    /// Notes whether a judgement looked before the part of the history it holds, and how far.
    final class Reach {
        /// The earliest period looked at before the part held, when the judgement knows how far it looked.
        private var earliest: Period?
        /// Whether it looked for an earlier value without knowing how far back one might be.
        private var unbounded = false

        /// Notes a look at `period`, before the part held.
        func looked(at period: Period) {
            earliest = earliest.map { min($0, period) } ?? period
        }

        /// Notes a search for earlier values that may lie anywhere before the part held.
        func lookedBeforeAll() {
            unbounded = true
        }

        /// What more of the history the judgement needs: nil when it stayed within the part held.
        var need: EarlierHistory? {
            if unbounded { return .whole }
            return earliest.map(EarlierHistory.from)
        }
    }

    /// The longest run of periods looked back over for consecutive-period rules.
    static let longestRun = 36

    /// The measure judged as at `asAt`; with `keepingOutlook` false, without its chart and forecast (see
    /// ``MeasureEvaluation/hasOutlook``), though its alerts and ``MeasureEvaluation/process`` still rest on them.
    func evaluate(asAt: Period, today: CivilDate, keepingOutlook: Bool = true) -> MeasureEvaluation {
        switch measure.lifecycle {
        case .inDevelopment: return MeasureEvaluation(status: .inDevelopment)
        case .retired: return MeasureEvaluation(status: .retired)
        case .active: break
        }
        let period = judgedPeriod(asAt: asAt, today: today)
        let comparison = measure.comparators.flatMap { Comparison($0, asAt: asAt, polarity: measure.polarity) }
        let due = measure.dueDate(for: period)
        let observation = self.observation(at: period)
        let target = self.target(at: period)

        // A small number withheld from members: reported, so not overdue, but neither judged nor compared (on
        // track against a target of 2, lower is better, is 2; a direction against the value before tells it too).
        if let observation, observation.isWithheld {
            return MeasureEvaluation(status: .notJudged, period: period, target: target, observation: observation, due: due, alerts: [])
        }
        guard let value = observation?.value else {
            let started = observations.contains { $0.isReported && $0.period < period }
            if !started, loadedFrom != nil { reach.lookedBeforeAll() }
            guard started else {
                return MeasureEvaluation(
                    status: .noData, period: period, target: target, observation: observation, due: due,
                    alerts: comparison.flatMap(worseThanEnglandAlert).map { [$0] } ?? [], comparison: comparison)
            }
            let alert = overdueAlert(period: period, today: today)
            let forecast = self.forecast(at: period)
            var alerts = [alert]
            if let forecast, forecast.warns { alerts.append(forecastAlert(forecast)) }
            if let england = comparison.flatMap(worseThanEnglandAlert) { alerts.append(england) }
            return MeasureEvaluation(
                status: .overdue, period: period, target: target, observation: observation, due: due, alerts: alerts,
                processControl: processControl(at: period), forecast: forecast, keepingOutlook: keepingOutlook,
                comparison: comparison
            )
        }

        let status = self.status(at: period) ?? .notJudged
        let control = processControl(at: period)
        let forecast = self.forecast(at: period)
        var alerts: [Alert] = []
        if status == .offTrack, let target { alerts.append(offTrackAlert(period: period, value: value, target: target)) }
        if let forecast, forecast.warns { alerts.append(forecastAlert(forecast)) }
        if let control, control.to == period, control.variation == .concerning {
            alerts.append(specialCauseAlert(control, value: value))
        }
        if let england = comparison.flatMap(worseThanEnglandAlert) { alerts.append(england) }
        if let worsening = worseningAlert(period: period) { alerts.append(worsening) }
        return MeasureEvaluation(
            status: status, period: period, value: value, target: target, observation: observation,
            sincePrevious: measure.cumulative ? nil : direction(from: period.previous, to: period),
            sinceLastYear: direction(from: period.sameLastYear, to: period),
            due: due, alerts: alerts, processControl: control, forecast: forecast, keepingOutlook: keepingOutlook,
            comparison: comparison
        )
    }

    // MARK: Periods and values

    /// Whether a value of `periods` is withheld (a small number, at a meeting): limits or a forecast worked out from
    /// the other values alone, the smallest left out, would be wrong (KBI-005 forecast 0 where officers see 1);
    /// neither is given then. From values all shown they are what anyone could work out from the screen.
    func withholdsAValue(in periods: some Sequence<Observation>) -> Bool {
        measure.smallNumbers != nil && periods.contains { $0.isWithheld }
    }

    /// The latest period of the measure's frequency ending within `asAt` that has a value or is due by `today`.
    ///
    /// A period whose value is not yet due and not yet in is skipped: members see the latest value they can
    /// expect to have, and the measure is not called overdue before its time.
    func judgedPeriod(asAt: Period, today: CivilDate) -> Period {
        let kind = measure.frequency.periodKind
        var period = Period.containing(asAt.endDate, kind: kind)
        if period.endDate > asAt.endDate { period = period.previous }
        for _ in 0..<Self.longestRun {
            // Due by its due date: on that day it is not late yet, and the period before is judged.
            if observation(at: period)?.isReported == true || measure.dueDate(for: period) < today { break }
            period = period.previous
        }
        return period
    }

    /// The observation for `period`, found by binary search.
    func observation(at period: Period) -> Observation? {
        if let loadedFrom, period < loadedFrom { reach.looked(at: period) }
        var low = 0
        var high = observations.count
        while low < high {
            let mid = (low + high) / 2
            if observations[mid].period < period { low = mid + 1 } else { high = mid }
        }
        return low < observations.count && observations[low].period == period ? observations[low] : nil
    }

    func value(at period: Period) -> Double? { observation(at: period)?.value }

    /// The observation's own target, else the measure's schedule (profiled when cumulative).
    func target(at period: Period) -> Double? {
        observation(at: period)?.target ?? measure.targets.target(for: period, cumulative: measure.cumulative)
    }

    /// The status of the value at `period`, or `nil` when it is missing.
    func status(at period: Period) -> Status? {
        guard let value = value(at: period) else { return nil }
        return Judge.status(
            value: value, target: target(at: period), polarity: measure.polarity, tolerance: measure.tolerance,
            decimals: measure.decimals
        )
    }

    func direction(from old: Period, to new: Period) -> Direction? {
        guard let a = value(at: old), let b = value(at: new) else { return nil }
        return Direction.between(
            a, b, polarity: measure.polarity, decimals: measure.decimals,
            oldTarget: target(at: old), newTarget: target(at: new)
        )
    }

    // MARK: Statistical process control

    /// The XmR chart of the latest values up to `period` (see ``ProcessControl``).
    func processControl(at period: Period) -> ProcessControl? {
        guard !measure.cumulative else { return nil }
        // The latest values up to `period`, found walking back, then copied out in order.
        var end = observations.count
        while end > 0, observations[end - 1].period > period { end -= 1 }
        var start = end
        var count = 0
        while start > 0, count < ProcessControl.maximumPoints {
            start -= 1
            if let value = observations[start].value {
                guard value.isFinite else { return nil }
                count += 1
            }
        }
        // Fewer than a full baseline held: earlier values may make it up, at least one a period before the part
        // held (or before `period`, when that is earlier still).
        if count < ProcessControl.maximumPoints, let loadedFrom {
            reach.looked(at: min(loadedFrom, period.advanced(by: 1)).advanced(by: count - ProcessControl.maximumPoints))
        }
        guard count >= ProcessControl.minimumPoints, !withholdsAValue(in: observations[start..<end]) else { return nil }
        var values: [Double] = []
        values.reserveCapacity(count)
        for observation in observations[start..<end] {
            // The values as held, not as shown rounded: the chart is NHSRplotthedots' (issue 15 compares its limits
            // with an independent implementation to 1e-9), and a measure's decimals may be fewer than its data's.
            if let value = observation.value { values.append(value) }
        }
        let window = observations[start..<end]
        // The period of the i-th value: a walk, only for the few points a chart flags (and its ends).
        func periodOfValue(_ i: Int) -> Period {
            var seen = -1
            for observation in window where observation.value != nil {
                seen += 1
                if seen == i { return observation.period }
            }
            return period
        }
        return ProcessControl(values: values, period: periodOfValue, polarity: measure.polarity, target: target(at: period))
    }

    // MARK: Alerts

    func offTrackAlert(period: Period, value: Double, target: Double) -> Alert {
        var run = 1
        while run < Self.longestRun, status(at: period.advanced(by: -run)) == .offTrack { run += 1 }
        // Weighed as members see it, as the status is judged: 9.45 shown as 9 against 10 is 10% short, not 5.5%.
        let miss = Judge.shortfall(value: Judge.rounded(value, measure.decimals), target: target, polarity: measure.polarity) ?? 0
        let against = "\(measure.format(value)) against a target of \(measure.formatTarget(target)), \(describe(missOf: value, against: target))"
        let reason =
            run == 1
            ? "Off track in \(period.label): \(against)."
            : "Off track for \(run) periods running (\(period.advanced(by: 1 - run).label) to \(period.label)): "
                + "\(against) in \(period.label)."
        return Alert(
            measure: index, rule: run == 1 ? .offTrack : .offTrackRepeatedly, period: period, run: run,
            weight: miss / max(abs(target), 1e-9), reason: reason
        )
    }

    /// The alert for the judged `period`'s missing value, overdue since the first period missing after the latest
    /// value (as the measure's next due date says): February missing as well as March is late since February's
    /// due date, not March's.
    func overdueAlert(period: Period, today: CivilDate) -> Alert {
        var run = 1
        while run < Self.longestRun, observation(at: period.advanced(by: -run))?.isReported != true { run += 1 }
        let first = period.advanced(by: 1 - run)
        let due = measure.dueDate(for: first)
        let late = NumberText.counted(today.dayNumber - due.dayNumber, "day")
        let reason =
            run == 1
            ? "No value for \(period.label); it was due by \(due.longDescription) (\(late) overdue)."
            : "No value for \(run) periods running (\(first.label) to \(period.label)); \(first.label) was due by "
                + "\(due.longDescription) (\(late) overdue)."
        return Alert(measure: index, rule: .overdue, period: period, run: run, weight: Double(today.dayNumber - due.dayNumber), reason: reason)
    }

    /// An alert when each of the last three or more periods was worse than the one before it.
    func worseningAlert(period: Period) -> Alert? {
        guard !measure.cumulative else { return nil }
        var run = 0
        while run < Self.longestRun,
            direction(from: period.advanced(by: -run - 1), to: period.advanced(by: -run)) == .worsening
        {
            run += 1
        }
        guard run >= 3, let first = value(at: period.advanced(by: -run)), let last = value(at: period) else {
            return nil
        }
        let start = period.advanced(by: -run)
        // A band measure may worsen with its value unchanged, its target moving away: the targets say why.
        var targets = ""
        if case .withinBand = measure.polarity, let from = target(at: start), let to = target(at: period), from != to {
            targets = " against targets of \(measure.format(from)) and \(measure.format(to)), further outside the band each time"
        }
        return Alert(
            measure: index, rule: .worsening, period: period, run: run,
            weight: Double(run) + abs(last - first) / max(abs(first), 1e-9),
            reason: "Worse than the period before for \(run) periods running: from \(measure.format(first)) in "
                + "\(start.label) to \(measure.format(last)) in \(period.label)\(targets)."
        )
    }

    func forecastAlert(_ forecast: Forecast) -> Alert {
        let kind = forecast.basis.kind == .month ? "months" : "quarters"
        let how =
            switch forecast.method {
            case .runRate: "At the rate of the first \(forecast.position) of \(forecast.periodsInYear) \(kind)"
            case .profile: "On the target's profile for the first \(forecast.position) of \(forecast.periodsInYear) \(kind)"
            case .averageSoFar: "On the average of the year's values to \(forecast.basis.label)"
            }
        let short = forecast.shortfall ?? 0
        return Alert(
            measure: index, rule: .forecastMiss, period: forecast.basis, run: 1,
            weight: short / max(abs(forecast.target), 1e-9),
            reason: "\(how), \(forecast.year.label) is forecast to end at \(measure.format(forecast.value)) against a "
                + "target of \(measure.formatTarget(forecast.target)), \(describe(missOf: forecast.value, against: forecast.target)).")
    }

    /// The alert when the comparison is significantly worse than England; `nil` otherwise.
    func worseThanEnglandAlert(_ comparison: Comparison) -> Alert? {
        guard comparison.comparedToEngland == .worse else { return nil }
        let point = comparison.point
        let places = measure.placesApart(interval: [point.lower, point.upper], comparators: [point.england])
        func written(_ x: Double?) -> String? { x.map { measure.unit.format($0, decimals: places) } }
        let value = written(point.value) ?? ""
        let interval = written(point.lower).flatMap { lower in written(point.upper).map { "\(lower) to \($0)" } } ?? ""
        let england = written(point.england) ?? ""
        return Alert(
            measure: index, rule: .worseThanEngland, period: point.period, run: 1,
            weight: abs((point.value ?? 0) - (point.england ?? 0)) / max(abs(point.england ?? 1), 1e-9),
            reason: "Significantly worse than England in \(point.periodText): \(value) (\(point.confidenceLabel) interval \(interval)) against "
                + "England's \(england), which lies outside the interval.")
    }

    func specialCauseAlert(_ control: ProcessControl, value: Double) -> Alert {
        let signal = control.signal.map { ": \($0.label)" } ?? ""
        let shown = measure.formatStatistics(mean: control.mean, lower: control.lowerLimit, upper: control.upperLimit, beside: value)
        return Alert(
            measure: index, rule: .specialCauseConcerning, period: control.to, run: 1,
            weight: abs(value - control.mean) / max(abs(control.mean), 1e-9),
            reason: "Special cause concerning variation in \(control.to.label)\(signal) (\(measure.format(value)); \(control.centreName) "
                + "\(shown.mean), limits \(shown.lower) to \(shown.upper) over \(control.points) values from \(control.from.label)).")
    }

    /// How far `value`, as members see it (rounded to the measure's decimals), misses `target`: "6.5 percentage
    /// points short", "2.3 days over", "4 outside the band", "0.2 short" (17 against 17.2: as many decimals as
    /// show the whole of it). The figure is the difference of the two figures shown beside it, so a reader's
    /// own subtraction agrees (66.5 shown as 67 against 70 is 3 short, not 4).
    /// `figure` percentage points: one point when the figure is exactly `1` ("1 percentage points short" read badly).
    static func percentagePoints(_ figure: String) -> String {
        figure + (figure == "1" ? " percentage point" : " percentage points")
    }

    func describe(missOf value: Double, against target: Double) -> String {
        let miss = Judge.shortfall(value: Judge.rounded(value, measure.decimals), target: target, polarity: measure.polarity) ?? 0
        let places = measure.places(toShow: miss)
        let amount =
            measure.unit.isPercentage || measure.unit.name.hasPrefix("%")
            ? Self.percentagePoints(NumberText.grouped(miss, decimals: places))
            : measure.unit.format(miss, decimals: places)
        switch measure.polarity {
        case .higherIsBetter: return "\(amount) short"
        case .lowerIsBetter: return "\(amount) over"
        case .withinBand: return "\(amount) outside the band"
        case .none: return amount
        }
    }
}
