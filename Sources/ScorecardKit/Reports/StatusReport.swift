/// Every measure's judgement as at a reporting period, one record per measure in the framework's order: what
/// `scorecard status --json` and `--csv` print for scripts and other tools (documented in `docs/status.md`).
public struct StatusReport: Sendable, Equatable, Encodable {
    /// One measure's judgement.
    public struct Record: Sendable, Equatable, Encodable {
        public var code: String
        public var title: String
        /// `outcome`, `kbm` or `kbi`.
        public var tier: String
        /// The priority's code.
        public var priority: String
        /// The delivery plan's code; `nil` for a measure that hangs off its priority.
        public var deliveryPlan: String?
        public var owner: String
        public var service: String
        /// As the framework writes it: `%`, `days`, `number`...
        public var unit: String
        /// The judged period as the data files write it (`2014/15 Q2`, `2024-05`); `nil` when none is judged.
        public var period: String?
        public var value: Double?
        public var target: Double?
        /// `on track`, `at risk`, `off track`, `overdue`, `no data`, `not judged`, `in development` or `retired`.
        public var status: String
        public var direction: Travel
        /// The alerts raised, worst first: `off track repeatedly`, `off track`, `overdue`, `forecast to miss the
        /// year-end target`, `special cause concerning variation`, `significantly worse than England`, `worsening`.
        public var alerts: [String]
        /// The period whose value is wanted next: the first after the latest value (overdue already, perhaps),
        /// or the judged period when there is no value yet; as the data files write it.
        public var nextPeriod: String?
        /// The day that value is due, `2026-10-30`.
        public var nextDue: String?
        /// The judged value's commentary.
        public var commentary: String?
        /// The judged value's data quality: `provisional`, `estimated` or `validated`.
        public var quality: String?
        /// Whether the judged value is a draft, recorded but not yet signed off (members do not see it).
        public var draft: Bool
        /// The XmR chart as at the judged period; `nil` with fewer than 12 values, or for a cumulative measure.
        public var spc: SPC?
        /// The year-end forecast; `nil` without a year-end target or a value this year.
        public var forecast: YearEnd?
        /// Against England, the region and the neighbours; `nil` for a measure without comparators.
        public var comparator: Comparator?
        /// Targets proposed for the measure and awaiting an officer's approval, by period (none for a member,
        /// `--published` or data files).
        public var proposedTargets: [ProposedTarget] = []

        enum CodingKeys: String, CodingKey {
            case code, title, tier, priority, deliveryPlan = "delivery_plan", owner, service, unit, period, value, target
            case status, direction, alerts, nextPeriod = "next_period", nextDue = "next_due", commentary, quality, draft
            case spc, forecast, comparator, proposedTargets = "proposed_targets"
        }

        // Optional fields are written as null rather than left out, so every record has every key.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(code, forKey: .code)
            try container.encode(title, forKey: .title)
            try container.encode(tier, forKey: .tier)
            try container.encode(priority, forKey: .priority)
            try container.encode(deliveryPlan, forKey: .deliveryPlan)
            try container.encode(owner, forKey: .owner)
            try container.encode(service, forKey: .service)
            try container.encode(unit, forKey: .unit)
            try container.encode(period, forKey: .period)
            // JSON has no infinity: a non-finite number (only a database edited by hand holds one) is written as null.
            try container.encode(value.flatMap { $0.isFinite ? $0 : nil }, forKey: .value)
            try container.encode(target.flatMap { $0.isFinite ? $0 : nil }, forKey: .target)
            try container.encode(status, forKey: .status)
            try container.encode(direction, forKey: .direction)
            try container.encode(alerts, forKey: .alerts)
            try container.encode(nextPeriod, forKey: .nextPeriod)
            try container.encode(nextDue, forKey: .nextDue)
            try container.encode(commentary, forKey: .commentary)
            try container.encode(quality, forKey: .quality)
            try container.encode(draft, forKey: .draft)
            try container.encode(spc, forKey: .spc)
            try container.encode(forecast, forKey: .forecast)
            try container.encode(comparator, forKey: .comparator)
            try container.encode(proposedTargets, forKey: .proposedTargets)
        }
    }

    /// A measure's comparison with England, its region and its neighbours (see ``Comparison``).
    public struct Comparator: Sendable, Equatable, Encodable {
        /// The national data's period, as the file writes it.
        public var period: String
        public var value: Double?
        public var lowerCI: Double?
        public var upperCI: Double?
        /// The interval's level, as the national data's own comparisons are made: `95` or `99.8`.
        public var confidence: String
        public var england: Double?
        /// `better`, `similar`, `worse`, `higher`, `lower` or `not compared`.
        public var comparedToEngland: String
        public var region: String
        public var regionValue: Double?
        public var comparedToRegion: String
        /// The rank among the council and its neighbours (1 the best), how many, and the quartile.
        public var rank: Int?
        public var of: Int
        public var quartile: Int?

        enum CodingKeys: String, CodingKey {
            case period, value, lowerCI = "lower_ci", upperCI = "upper_ci", confidence, england
            case comparedToEngland = "compared_to_england", region, regionValue = "region_value"
            case comparedToRegion = "compared_to_region", rank, of, quartile
        }

        init(_ comparison: Comparison) {
            let point = comparison.point
            period = point.periodText
            value = point.value
            lowerCI = point.lower
            upperCI = point.upper
            confidence = (point.confidence ?? .ci95).rawValue
            england = point.england
            comparedToEngland = comparison.comparedToEngland.rawValue
            region = point.regionName
            regionValue = point.region
            comparedToRegion = comparison.comparedToRegion.rawValue
            rank = comparison.rank
            of = comparison.of
            quartile = comparison.quartile
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(period, forKey: .period)
            try c.encode(value, forKey: .value)
            try c.encode(lowerCI, forKey: .lowerCI)
            try c.encode(upperCI, forKey: .upperCI)
            try c.encode(confidence, forKey: .confidence)
            try c.encode(england, forKey: .england)
            try c.encode(comparedToEngland, forKey: .comparedToEngland)
            try c.encode(region, forKey: .region)
            try c.encode(regionValue, forKey: .regionValue)
            try c.encode(comparedToRegion, forKey: .comparedToRegion)
            try c.encode(rank, forKey: .rank)
            try c.encode(of, forKey: .of)
            try c.encode(quartile, forKey: .quartile)
        }
    }

    /// A measure's statistical process control (see ``ProcessControl``).
    public struct SPC: Sendable, Equatable, Encodable {
        /// The first and last periods of the baseline, as the data files write them.
        public var from: String
        public var to: String
        /// How many values the baseline holds (the periods from `from` to `to` that have one).
        public var points: Int
        /// The centre line (under the key `mean`, whichever it is).
        public var mean: Double
        /// What the centre line is: `mean`, or `median` when every change would be screened out (see
        /// ``XmRChart/centreIsMedian``).
        public var centre: String
        public var lowerLimit: Double
        public var upperLimit: Double
        /// The variation of the last point (`to`): `common cause`, `special cause improving`, `special cause
        /// concerning`, `special cause high`, `special cause low`.
        public var variation: String
        /// The special-cause rule the last point meets, in words; `nil` for common cause.
        public var signal: String?
        /// `consistently passes`, `consistently fails`, `may pass or fail`; `nil` without a target or polarity.
        public var assurance: String?

        enum CodingKeys: String, CodingKey {
            case from, to, points, mean, centre, lowerLimit = "lower_limit", upperLimit = "upper_limit", variation, signal, assurance
        }

        init(_ control: ProcessControl) {
            from = control.from.description
            to = control.to.description
            points = control.points
            // To 12 significant digits: sums of a baseline's values leave binary noise (3094321.4080000003).
            mean = control.mean.withoutBinaryNoise
            centre = control.centreName
            lowerLimit = control.lowerLimit.withoutBinaryNoise
            upperLimit = control.upperLimit.withoutBinaryNoise
            variation = control.variation.rawValue
            signal = control.signal?.label
            assurance = control.assurance?.rawValue
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
            try container.encode(points, forKey: .points)
            try container.encode(mean, forKey: .mean)
            try container.encode(centre, forKey: .centre)
            try container.encode(lowerLimit, forKey: .lowerLimit)
            try container.encode(upperLimit, forKey: .upperLimit)
            try container.encode(variation, forKey: .variation)
            try container.encode(signal, forKey: .signal)
            try container.encode(assurance, forKey: .assurance)
        }
    }

    /// A measure's year-end forecast (see ``Forecast``).
    public struct YearEnd: Sendable, Equatable, Encodable {
        /// The financial year, `2026/27`.
        public var year: String
        /// The period of the latest value it is made from.
        public var basis: String
        /// The projected year-end value.
        public var value: Double
        /// The year-end target.
        public var target: Double
        /// `run rate`, `profile` or `average of the year so far`.
        public var method: String
        /// Whether the projection misses the target; `nil` for a measure with no better direction.
        public var misses: Bool?
        /// How far it falls short, when it misses.
        public var shortfall: Double?
        /// The projection judged against the target with the measure's tolerance: `on track`, `at risk`,
        /// `off track`, or `not judged`.
        public var status: String
        /// Whether it raises an alert: off track, with half the year or more gone but not all of it.
        public var alert: Bool

        init(_ forecast: Forecast) {
            year = forecast.year.description
            basis = forecast.basis.description
            value = forecast.value.withoutBinaryNoise
            target = forecast.target.withoutBinaryNoise
            method = forecast.method.rawValue
            misses = forecast.misses
            shortfall = forecast.shortfall
            status = forecast.status.label.lowercased()
            alert = forecast.warns
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(basis, forKey: .basis)
            try container.encode(value, forKey: .value)
            try container.encode(target, forKey: .target)
            try container.encode(method, forKey: .method)
            try container.encode(misses, forKey: .misses)
            try container.encode(shortfall, forKey: .shortfall)
            try container.encode(status, forKey: .status)
            try container.encode(alert, forKey: .alert)
        }

        enum CodingKeys: String, CodingKey {
            case year, basis, value, target, method, misses, shortfall, status, alert
        }
    }

    /// Direction of travel, in the measure's polarity: `improving`, `worsening`, `no change`, or for a measure
    /// without polarity `increasing` and `decreasing`; `nil` when a value to compare is missing.
    public struct Travel: Sendable, Equatable, Encodable {
        /// Against the period before.
        public var previous: String?
        /// Against the same period a year before.
        public var yearBefore: String?

        enum CodingKeys: String, CodingKey {
            case previous, yearBefore = "year_before"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(previous, forKey: .previous)
            try container.encode(yearBefore, forKey: .yearBefore)
        }
    }

    public var council: String
    public var plan: String
    /// The reporting period judged as at, as the data files write it.
    public var asAt: String
    /// The day due dates were checked against, `2026-11-24`.
    public var today: String
    /// `published` when only signed-off values were read (a member, or `--published`), else `all` (drafts
    /// included, or data files, which have none).
    public var figures: String
    /// One record per measure, in the council's agenda order (``Council/agendaOrder``).
    public var measures: [Record]

    enum CodingKeys: String, CodingKey {
        case council, plan, asAt = "as_at", today, figures, measures
    }

    /// The report on `council` judged by `evaluation`; `publishedOnly` when the council holds only signed-off values;
    /// `proposals` the targets awaiting approval (``CouncilStore/targetProposals()``).
    public init(council: Council, evaluation: Evaluation, publishedOnly: Bool = false, proposals: [TargetProposal] = []) {
        var proposed: [String: [ProposedTarget]] = [:]
        // In time order: by the day each period starts, a year before its own first quarter or month.
        let chronological = proposals.sorted {
            ($0.period.startDate, $1.period.kind.rawValue) < ($1.period.startDate, $0.period.kind.rawValue)
        }
        for proposal in chronological { proposed[proposal.measureCode.lowercased(), default: []].append(ProposedTarget(proposal)) }
        self.figures = publishedOnly ? "published" : "all"
        self.council = council.plan.council
        self.plan = council.plan.title
        self.asAt = evaluation.asAt.description
        self.today = evaluation.today.description
        // In the council's agenda order (as the dashboard and the committee report), not the files' order: a
        // priority's own measures listed after its plans' in the file are still with the priority.
        self.measures = council.agendaOrder.map { m in
            let measure = council.measures[m]
            let judged = evaluation.measures[m]
            let location = council.locations[m]
            let priority = council.plan.priorities[location.priority]
            let next = council.nextPeriod(forMeasure: m, judged: judged.period, today: evaluation.today)
            return Record(
                code: measure.code, title: measure.title, tier: measure.tier.rawValue, priority: priority.code,
                deliveryPlan: location.plan.map { priority.plans[$0].code }, owner: measure.owner, service: measure.service,
                unit: measure.unit.name, period: judged.period?.description, value: judged.value,
                // A profiled target is worked out (98.3 x 58.2% is 57.21060000000001): without the noise.
                target: judged.target?.withoutBinaryNoise,
                status: judged.status.label.lowercased(),
                direction: Travel(previous: judged.sincePrevious?.label.lowercased(), yearBefore: judged.sinceLastYear?.label.lowercased()),
                alerts: judged.alerts.map(\.rule.phrase),
                nextPeriod: next?.description, nextDue: next.map { measure.dueDate(for: $0).description },
                commentary: judged.observation?.note, quality: judged.observation?.quality?.rawValue,
                draft: judged.observation?.isDraft ?? false,
                spc: judged.processControl.map(SPC.init), forecast: judged.forecast.map(YearEnd.init),
                comparator: judged.comparison.map(Comparator.init),
                proposedTargets: proposed[measure.code.lowercased()] ?? [])
        }
    }
}

extension Council {
    /// The period whose value measure `m` wants next, on `today`: the first after its latest value up to the judged
    /// period (which may be overdue already), or the judged period when it has no value yet, skipping periods
    /// whose value is in already (October's, entered while the council reports on September: November is wanted
    /// next, not October again); `nil` for a measure in development or retired.
    public func nextPeriod(forMeasure m: Int, judged: Period?, today: CivilDate) -> Period? {
        guard measures[m].lifecycle == .active else { return nil }
        // A value for a period not yet ended (a future one written by hand with SQL) does not move what is due next.
        // The first after the latest value up to the judged period, then on past any period that has a value
        // already: September missing and October in wants September still (it is overdue), September and
        // October both in want November.
        let after = observations[m].last(where: { observation in
            observation.isReported && (judged.map { observation.period <= $0 } ?? true)
        })?.period.next
        guard var next = after ?? judged else { return nil }
        let latestEnded = Period.latestEnded(kind: measures[m].frequency.periodKind, by: today)
        // The observations run in period order: walk on from `next` while each period has its value.
        let series = observations[m]
        var index = series.firstIndex { $0.period >= next } ?? series.endIndex
        while index < series.endIndex, next <= latestEnded, series[index].period == next, series[index].isReported {
            next = next.next
            index += 1
        }
        return next
    }
}
