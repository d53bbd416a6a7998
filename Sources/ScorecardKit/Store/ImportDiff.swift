/// What an import writes, worked out the same way by every store: the framework targets that changed, and the
/// observations that are new or differ from the store's current ones, each counted in an ``ImportSummary``.
package enum ImportDiff {
    /// How many observations pass between two calls of an import's progress.
    package static let progressStep = 20_000

    /// The measures the store holds (`held`, their codes) that the files write in another case (`m-pct` for the
    /// held `M-PCT`): each to be renamed to the files' code before the framework is written, so that it keeps its
    /// row, and with it its values and history, as `record` and every file already take a code in any case (they
    /// were a new measure and a removed one). Only a code held once in any case, with the files' own not held.
    package static func codeRenames(_ codes: [String], held: [String]) -> [(from: String, to: String)] {
        let exactly = Set(held)
        var byFolded: [String: [String]] = [:]
        for code in held { byFolded[code.lowercased(), default: []].append(code) }
        return codes.compactMap { code in
            guard !exactly.contains(code), let matches = byFolded[code.lowercased()], matches.count == 1 else { return nil }
            return (matches[0], code)
        }
    }

    /// The target revisions to write, in order: each framework target added or changed, then each one a
    /// measure still in the framework no longer has (`nil`), given the store's `current` targets.
    ///
    /// A target approved in Scorecard since the last import (`approvedSinceImport`: each with the value that import
    /// gave, `nil` for none) stands where the files give what that import gave: they did not change it, so writing
    /// theirs would undo the approval (re-importing the council's files for a new quarter put back the old
    /// target, and judged the measure against it). Where the files changed the target since, theirs is written.
    package static func targetChanges(
        _ council: Council, measureIDs: [Int64], current: inout [StoreKey: Double], approvedSinceImport: [StoreKey: Double?] = [:],
        summary: inout ImportSummary
    ) -> [(StoreKey, Double?)] {
        var changes: [(StoreKey, Double?)] = []
        var inFramework = Set<Int64>()
        // By index: a measure taken out of the list is copied whole, for its targets alone.
        for index in council.measures.indices {
            let id = measureIDs[index]
            inFramework.insert(id)
            for target in council.measures[index].targets.chronological {
                let key = StoreKey(measureID: id, period: target.period)
                // (A first import's dictionaries are empty: no key is hashed to find nothing, 300,000 times.)
                let stored = current.isEmpty ? nil : current.removeValue(forKey: key)
                guard stored != target.value else { continue }
                if !approvedSinceImport.isEmpty, let imported = approvedSinceImport[key] {
                    if imported == target.value {
                        summary.targetsKept += 1
                        continue
                    }
                    summary.replacedApprovals.append(
                        .init(code: council.measures[index].code, period: target.period, approved: stored, files: target.value))
                }
                if stored == nil { summary.targetsAdded += 1 } else { summary.targetsChanged += 1 }
                changes.append((key, target.value))
            }
        }
        let indexByID = Dictionary(measureIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let removed = current.keys.filter { inFramework.contains($0.measureID) }
            .sorted { ($0.measureID, $0.period.kind, $0.period.ordinal) < ($1.measureID, $1.period.kind, $1.period.ordinal) }
        for key in removed {
            // Approved for a period the last import gave no target (next year's, say), and the files still give none.
            if let imported = approvedSinceImport[key] {
                if imported == nil {
                    summary.targetsKept += 1
                    continue
                }
                if let index = indexByID[key.measureID] {
                    summary.replacedApprovals.append(.init(code: council.measures[index].code, period: key.period, approved: current[key], files: nil))
                }
            }
            changes.append((key, nil))
            summary.targetsRemoved += 1
        }
        return changes
    }

    /// How `council`'s framework differs from the store's (`existing`), targets aside: whether its plan does, and
    /// how many measures held under the same code have other definitions.
    package static func frameworkDifferences(_ council: Council, existing: FrameworkRows?) -> (planChanged: Bool, measuresChanged: Int) {
        guard let existing else { return (true, 0) }
        var held: [String: Measure] = [:]
        for measure in existing.measures { held[measure.code] = measure }
        // Targets are counted apart; a national file read from another place (a workbook's sheet, the files it
        // was exported from) is the same comparators, not a change.
        let changed = council.measures.filter { measure in
            guard var before = held[measure.code] else { return false }
            before.targets = measure.targets
            return before.withoutComparatorFile != measure.withoutComparatorFile
        }.count
        return (existing.plan != council.plan, changed)
    }

    /// The measures of `council` that the store holds (`existing`) under another frequency: each with its row id,
    /// the frequency it had and the kind of period its values now take. The store refuses the import when it
    /// holds values of any of them of another kind (``StoreError/frequencyChanged(code:held:now:count:)``).
    package static func frequencyChanges(_ council: Council, existing: FrameworkRows?) -> [(code: String, id: Int64, held: Frequency, now: Frequency)] {
        guard let existing else { return [] }
        var held: [String: (Int64, Frequency)] = [:]
        for (index, measure) in existing.measures.enumerated() { held[measure.code] = (existing.measureIDs[index], measure.frequency) }
        return council.measures.compactMap { measure in
            guard let (id, frequency) = held[measure.code], frequency.periodKind != measure.frequency.periodKind else { return nil }
            return (measure.code, id, frequency, measure.frequency)
        }
    }

    /// The targets approved in Scorecard since the last import, as both stores ask for them: each (measure row id,
    /// period kind, ordinal) whose latest revision approved a proposal, with the target the last import wrote (NULL
    /// when none did, or it removed the target).
    /// `revisions` is the table (or view) of every target revision, ordered by `id`.
    package static func approvedSinceImportSQL(revisions: String) -> String {
        """
        SELECT r.measure_id, r.period_kind, r.period_ordinal,
          (SELECT i.value FROM \(revisions) i
           WHERE i.measure_id = r.measure_id AND i.period_kind = r.period_kind AND i.period_ordinal = r.period_ordinal
             AND i.proposal_id IS NULL
           ORDER BY i.id DESC LIMIT 1) AS imported
        FROM \(revisions) r
        WHERE r.proposal_id IS NOT NULL
          AND r.id = (SELECT max(l.id) FROM \(revisions) l
                      WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind AND l.period_ordinal = r.period_ordinal)
        """
    }

    /// Calls `write` with each observation of `council` that is new to the store or differs from its `current`
    /// one (every observation when the store holds none), counting added, revised, unchanged and kept ones, and
    /// the drafts awaiting sign-off that a revision replaces.
    /// `current` is emptied of the observations met (taken `inout` so that a million of them are not copied).
    ///
    /// A value recorded (or signed off, or a draft) in Scorecard since the last import, where the files give the
    /// value that import gave (`lastImported`: the latest imported observation beneath each recorded one), stands
    /// with its commentary: the files did not change the figure, so writing theirs would undo the record
    /// (re-importing the council's files for a new quarter put back every figure corrected and signed off in
    /// Scorecard, and threw away owners' drafts). Where the files changed the value since, theirs is written. A
    /// draft over a signed-off value stands too where the files give that signed-off value (`signedOffBeneath`).
    package static func forEachChangedObservation(
        _ council: Council, measureIDs: [Int64], current: inout [StoreKey: Observation], lastImported: [StoreKey: Observation] = [:],
        signedOffBeneath: [StoreKey: Observation] = [:], recorded: Set<StoreKey> = [],
        summary: inout ImportSummary, progress: ImportProgress?, _ write: (Int64, Observation) throws -> Void
    ) throws {
        let total = council.observationCount
        var done = 0
        progress?(0, total)
        for (index, observations) in council.observations.enumerated() {
            let id = measureIDs[index]
            for observation in observations {
                done += 1
                if done % progressStep == 0 { progress?(done, total) }
                if var existing = current.removeValue(forKey: StoreKey(measureID: id, period: observation.period)) {
                    // A draft the files give exactly is left as it is, awaiting sign-off.
                    let wasDraft = existing.isDraft
                    existing.isDraft = observation.isDraft
                    // Held as read before files were read to 15 significant digits (8.139999999999999, now 8.14):
                    // compared as the files are read now, so that the same files change nothing.
                    if existing != observation { existing = existing.asReadNow }
                    if existing == observation {
                        summary.unchanged += 1
                        // Members see the figure before it until it is signed off: said, not hidden among the unchanged.
                        if wasDraft {
                            summary.draftsAsFiles += 1
                            if summary.draftsAsFilesNamed.count < ImportSummary.replacedValuesKept {
                                summary.draftsAsFilesNamed.append(ImportSummary.DraftAsFiles(code: council.measures[index].code, period: observation.period, value: observation.value))
                            }
                        }
                        continue
                    }
                    // The value decides: a note, quality or target the files changed beside the same figure does
                    // not undo the figure recorded since (a note-only edit in the files put back a superseded value).
                    let imported = lastImported[StoreKey(measureID: id, period: observation.period)]
                    if let imported, imported.asReadNow.value == observation.value {
                        try checkKept(existing, of: council.measures[index])
                        summary.recordedKept += 1
                        continue
                    }
                    // A draft over a signed-off value the files give (a database's own export, edited in a
                    // spreadsheet, which leaves drafts out): the files bring nothing new, and the draft (an owner's
                    // correction, say) still awaits sign-off rather than being replaced by the value it corrects.
                    if wasDraft, let signedOff = signedOffBeneath[StoreKey(measureID: id, period: observation.period)],
                        signedOff.asReadNow.value == observation.value
                    {
                        try checkKept(existing, of: council.measures[index])
                        summary.recordedKept += 1
                        continue
                    }
                    summary.revised += 1
                    // Recorded in Scorecard (over a value imported, or where no import gave one): replaced, and named.
                    let wasRecorded = imported != nil || recorded.contains(StoreKey(measureID: id, period: observation.period))
                    if wasDraft {
                        summary.draftsReplaced += 1
                    } else if wasRecorded {
                        summary.signedOffReplaced += 1
                    }
                    if wasDraft || wasRecorded, summary.replacedValues.count < ImportSummary.replacedValuesKept {
                        summary.replacedValues.append(ImportSummary.ReplacedValue(
                            code: council.measures[index].code, period: observation.period, recorded: existing.value, files: observation.value,
                            wasDraft: wasDraft))
                    }
                } else {
                    summary.added += 1
                }
                try write(id, observation)
            }
        }
        let inFramework = Set(measureIDs)
        let measureByID = current.isEmpty ? [:] : Dictionary(zip(measureIDs, council.measures), uniquingKeysWith: { first, _ in first })
        var keeping = Set<Int64>()
        for (key, observation) in current where inFramework.contains(key.measureID) {
            if let measure = measureByID[key.measureID] { try checkKept(observation, of: measure) }
            if observation.isDraft {
                summary.draftsKept += 1
            } else {
                summary.notInFile += 1
                keeping.insert(key.measureID)
            }
        }
        summary.measuresKeepingValues = zip(measureIDs, council.measures).filter { keeping.contains($0.0) }.map(\.1.code)
        progress?(total, total)
    }

    /// Throws for a value (or target) the store keeps that `measure`, as the files now define it, refuses: its unit
    /// changed from days to %, or it was given a `max` the kept value is above. The files' own values were checked
    /// as they were read; the kept ones would otherwise be judged, and exported into files that do not read back.
    static func checkKept(_ observation: Observation, of measure: Measure) throws {
        for (number, what) in [(observation.value, ""), (observation.target, "the target: ")] {
            guard let number, !measure.valueLimits.allows(number), let problem = measure.problem(withValue: number) else { continue }
            throw StoreError.keptValueRefused(code: measure.code, period: observation.period, problem: what + problem)
        }
    }
}

extension Observation {
    /// The observation with its value and target as a file is read now, to 15 significant digits (see
    /// ``NumberParser``): one held from before (8.139999999999999) compares equal to the same file read again.
    var asReadNow: Observation {
        var read = self
        read.value = value.map(NumberParser.keptDigits)
        read.target = target.map(NumberParser.keptDigits)
        return read
    }
}
