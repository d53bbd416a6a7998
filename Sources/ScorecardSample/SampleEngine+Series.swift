import ScorecardKit
/// Shaping each measure's series: level, trend, seasonality and noise, then the engineered statuses.
extension SampleEngine {
    /// cos(2 pi k / 12), exact to the last bit on every platform.
    static let cosTable: [Double] = [
        1, 0.8660254037844387, 0.5, 0, -0.5, -0.8660254037844387,
        -1, -0.8660254037844387, -0.5, 0, 0.5, 0.8660254037844387,
    ]

    /// The month whose season stands for the period (the middle month of a quarter).
    static func seasonMonth(_ p: Period) -> Int {
        switch p.kind {
        case .month: p.number
        case .quarter: (3 * (p.number - 1) + 5 - 1) % 12 + 1  // Q1 -> May, Q2 -> Aug, Q3 -> Nov, Q4 -> Feb
        default: 7
        }
    }

    static func share(_ t: MeasureTemplate, position: Int, of count: Int) -> Double {
        if let profile = t.profile, profile.count == count { return profile[position - 1] / 100 }
        return Double(position) / Double(count)
    }

    func makeSeries(_ i: Int) -> SampleSeries {
        let spec = specs[i]
        let t = template(spec)
        var rng = SampleRandom(seed: generator.seed, stream: UInt64(i) &+ 1)
        let kind = t.frequency.periodKind
        let lag = t.lagDays ?? t.frequency.defaultLagDays
        let judged = judgedPeriod(kind, lagDays: lag)
        var first = firstPeriod(kind)
        var last = judged
        switch spec.flag {
        case .retired: last = min(last, lastPeriod(ofYear: reportFY - 2, kind))
        case .inDevelopment, .noDataYet: last = first.previous
        case .lateStart:
            first = Period.containing(reportEnd.adding(days: 1), kind: kind)
            last = first
        default: break
        }
        var s = SampleSeries(kind: kind, first: first, judged: judged, lagDays: lag)
        s.tolerance = Self.tolerance(t.tolerance)
        makeTargets(spec, &s)
        let n = max(0, last.ordinal - first.ordinal + 1)
        guard n > 0 else { return s }

        // The natural series.
        let scale = SampleText.powersOfTen[t.decimals]
        let better: Double = t.polarity.isLower ? -1 : t.polarity.isHigher ? 1 : 0
        let bias = better * 0.35 * t.noise
        let perYear = Double(kind.perYear)
        let allowsNegative = t.unit.hasPrefix("£") && t.polarity.bandHalfWidth != nil
        var yearEffects: [Int: Double] = [:]
        func yearEffect(_ fy: Int) -> Double {
            if let e = yearEffects[fy] { return e }
            var r = SampleRandom(seed: generator.seed &+ UInt64(fy), stream: UInt64(i) &* 31 &+ 7)
            let e = r.normal() * 0.7 * t.noise
            yearEffects[fy] = e
            return e
        }
        var raw = [Double](repeating: 0, count: n)
        if t.cumulative {
            for k in 0..<n {
                let p = first.advanced(by: k)
                let fy = p.financialYearStart
                let total = Self.levelAt(t, Double(fy - startFY) + 0.5) + bias + yearEffect(fy)
                let pos = p.positionInFinancialYear
                let share = Self.share(t, position: pos, of: kind.perYear)
                var v = total * share + t.noise * 0.5 * share.squareRoot() * rng.normal()
                if pos > 1, k > 0 { v = max(v, raw[k - 1]) }
                raw[k] = v
            }
        } else {
            for k in 0..<n {
                let p = first.advanced(by: k)
                let fy = Self.yearKey(p)
                let x = Double(fy - startFY) + Double(p.positionInFinancialYear - 1) / perYear
                var base = Self.levelAt(t, x) + bias + yearEffect(fy)
                if t.season != 0 {
                    let m = Self.seasonMonth(p)
                    base *= 1 + t.season * Self.cosTable[((m - t.peak) % 12 + 12) % 12]
                }
                raw[k] = base + t.noise * rng.normal()
            }
        }
        s.values = raw.map { v in
            var v = v
            if !allowsNegative { v = max(0, v) }
            if let maximum = t.maximum { v = min(v, maximum) }
            return SampleText.scaled(v, decimals: t.decimals)
        }
        s.present = [Bool](repeating: true, count: n)
        s.notes = [String?](repeating: nil, count: n)
        s.quality = [UInt8](repeating: 3, count: n)
        if t.cumulative { repairCumulative(t, &s, from: 0, to: n - 1) }

        // A one-off target recorded against a single observation.
        if spec.rowTarget {
            let p = lastPeriod(ofYear: reportFY - 2, kind).advanced(by: -(kind.perYear / 2))
            let k = s.index(of: p)
            if k >= 0, k < n, let base = target(t, s, k) {
                let factor = t.polarity.isLower ? 1.1 : 0.93
                s.rowTargets[k] = SampleText.scaled(base * factor, decimals: t.decimals)
                s.notes[k] =
                    "Interim target of \(t.format(SampleText.unscaled(s.rowTargets[k]!, decimals: t.decimals))) agreed by Cabinet for this \(Self.periodWord(kind)) while the service restructure is completed."
            }
        }

        let j = s.index(of: judged)
        let noiseScaled = max(1, Int64((t.noise * scale).rounded()))
        if j >= 0, j < n {
            // An off-track run across the March/April year end, a year and more ago.
            if spec.yearEndRun {
                let b = s.index(of: firstPeriodOfYear(reportFY - 1, kind))
                if b >= 1, b < j - 4 {
                    force(t, &s, b - 1, .offTrack, noiseScaled, &rng)
                    force(t, &s, b, .offTrack, noiseScaled, &rng)
                }
            }
            switch spec.scenario {
            case .natural: break
            case .onTrack: force(t, &s, j, .onTrack, noiseScaled, &rng)
            case .withinTolerance: force(t, &s, j, .withinTolerance, noiseScaled, &rng)
            case .offTrack: force(t, &s, j, .offTrack, noiseScaled, &rng)
            case .offTrackRun:
                if j >= 1 { force(t, &s, j - 1, .offTrack, noiseScaled, &rng) }
                force(t, &s, j, .offTrack, noiseScaled, &rng)
            }
            if t.cumulative { repairCumulative(t, &s, from: 0, to: j) }
            if spec.worsening, j >= 3 { forceWorsening(t, &s, j, noiseScaled, &rng) }

            switch spec.flag {
            case .overdueMissingRow:
                s.present[j] = false
            case .overdueEmptyValue:
                s.values[j] = nil
                s.quality[j] = 0
                s.notes[j] =
                    "Data for \(judged.label) has not yet been received (source: \(t.source)); the figure will be added when it arrives."
            default: break
            }
        }
        if spec.flag == .lateStart {
            s.quality[0] = 1
            s.notes[0] = "First month of the new scheme; figures are provisional until the partner's data is validated."
        }
        writeCommentary(spec, t, &s, &rng)
        return s
    }

    func firstPeriodOfYear(_ fy: Int, _ kind: Period.Kind) -> Period {
        switch kind {
        case .month: .month(fy, 4)
        case .quarter: .quarter(fy, 1)
        case .financialYear: .financialYear(fy)
        case .calendarYear: .calendarYear(fy)
        }
    }

    /// Keeps year-to-date values from falling within a financial year (scaling earlier ones down).
    func repairCumulative(_ t: MeasureTemplate, _ s: inout SampleSeries, from: Int, to: Int) {
        guard to > from else { return }
        for k in stride(from: to - 1, through: from, by: -1) {
            let p = s.period(k)
            guard s.period(k + 1).positionInFinancialYear > p.positionInFinancialYear,
                let v = s.values[k], let next = s.values[k + 1], v > next
            else { continue }
            let shareK = Self.share(t, position: p.positionInFinancialYear, of: s.kind.perYear)
            let shareNext = Self.share(t, position: p.positionInFinancialYear + 1, of: s.kind.perYear)
            s.values[k] = min(next, Int64((Double(next) * shareK / max(shareNext, 1e-9)).rounded()))
        }
    }

    /// Moves the value at `k` so that it is judged `wanted`, as little as the measure's noise suggests.
    func force(
        _ t: MeasureTemplate, _ s: inout SampleSeries, _ k: Int, _ wanted: SampleJudgement, _ noise: Int64,
        _ rng: inout SampleRandom
    ) {
        guard k >= 0, k < s.count, let targetValue = target(t, s, k) else { return }
        if judgement(t, s, k) == wanted { return }
        let scale = SampleText.powersOfTen[t.decimals]
        let tgt = SampleText.scaled(targetValue, decimals: t.decimals)
        let band = SampleText.scaled((s.tolerance?.band(for: targetValue) ?? 0), decimals: t.decimals)
        let maxScaled = t.maximum.map { SampleText.scaled($0, decimals: t.decimals) } ?? Int64.max / 4
        let minScaled: Int64 = t.unit.hasPrefix("£") && t.polarity.bandHalfWidth != nil ? Int64.min / 4 : 0
        let half = t.polarity.bandHalfWidth.map { SampleText.scaled($0, decimals: t.decimals) } ?? 0
        // Candidate distances from the target in the worse direction (negative: better).
        var candidates: [Int64] = []
        let spread = Double(noise)
        switch wanted {
        case .onTrack:
            let m = Int64((spread * rng.uniform(0.1...1.1)).rounded())
            candidates = [-max(0, m), -1, 0]
            if half > 0 { candidates = [Int64(Double(half) * rng.uniform(-0.6...0.6)), 0] }
        case .withinTolerance:
            let m = Int64((Double(band) * rng.uniform(0.25...0.85)).rounded())
            candidates = [max(1, m), 1, band / 2, band]
        case .offTrack:
            let m = band + half + max(1, Int64((spread * rng.uniform(0.4...1.6)).rounded()))
            candidates = [m, band + half + 1, band + half + max(2, Int64(scale))]
        }
        let sign: Int64 = t.polarity.isLower ? 1 : -1
        for c in candidates {
            var v: Int64
            if half > 0 || t.polarity.bandHalfWidth != nil {
                v = tgt + (rng.chance(0.5) ? c : -c)
            } else {
                v = tgt + sign * c
            }
            v = min(max(v, minScaled), maxScaled)
            let old = s.values[k]
            s.values[k] = v
            if judgement(t, s, k) == wanted { return }
            s.values[k] = old
        }
    }

    /// Makes the three changes ending at `j` each worse than the last (by polarity), keeping the value at `j`.
    func forceWorsening(_ t: MeasureTemplate, _ s: inout SampleSeries, _ j: Int, _ noise: Int64, _ rng: inout SampleRandom) {
        guard let vj = s.values[j], s.present[j - 1], s.present[j - 2], s.present[j - 3] else { return }
        let current = (1...3).map { s.values[j - $0] }
        let step: Int64 = t.polarity.isLower ? -1 : 1  // going back in time, values get better
        if current.allSatisfy({ $0 != nil }) {
            let chain = [vj] + current.map { $0! }
            if zip(chain, chain.dropFirst()).allSatisfy({ step > 0 ? $1 > $0 : $1 < $0 }) { return }
        }
        let maxScaled = t.maximum.map { SampleText.scaled($0, decimals: t.decimals) } ?? Int64.max / 4
        for attempt in 0..<2 {
            var v = vj
            var chain: [Int64] = []
            for _ in 1...3 {
                let d = attempt == 0 ? max(1, Int64((Double(noise) * rng.uniform(0.25...0.7)).rounded())) : 1
                v += step * d
                chain.append(v)
            }
            if chain.allSatisfy({ $0 >= 0 && $0 <= maxScaled }) {
                for (k, v) in chain.enumerated() { s.values[j - 1 - k] = v }
                return
            }
        }
    }
}
