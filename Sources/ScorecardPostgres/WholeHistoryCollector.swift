import PostgresNIO
import ScorecardKit

/// Gathers every revision of some measures from rows of arrays (see `PostgresStore.wholeHistory`): a measure's
/// recorded revisions in one row, each of its `imported_values` rows as it is. A measure's current observation
/// of each period is the revision with the greatest id (an imported value's id is its batch's). Rows arrive one
/// at a time on SwiftNIO's thread while the caller waits, so the state needs no lock.
final class WholeHistoryCollector: @unchecked Sendable {
    /// One revision of one period.
    private struct Entry {
        var revision: Int
        var observation: Observation
        /// Whether it is an imported value (an `imported_values` element), not a recorded revision.
        var imported: Bool
    }

    private var entries: [Int64: [Entry]] = [:]
    /// The observations made of each measure's revisions (a measure asked for twice gets the same).
    private var made: [Int64: [Observation]] = [:]
    /// Of each measure's periods whose current observation is recorded, the latest imported one beneath it.
    private var importedBeneath: [Int64: [Period: Observation]] = [:]
    /// Of each measure's periods whose current observation is a draft, the latest signed-off one beneath it.
    private var signedOffBeneath: [Int64: [Period: Observation]] = [:]
    /// Each measure's periods whose current observation was recorded, not imported.
    private var recordedPeriods: [Int64: Set<Period>] = [:]

    /// A row of (measure id, batch, ids, kinds, ordinals, values, targets, quality codes, drafts, note_at, notes):
    /// `ids` and `drafts` NULL for an imported row (every element the batch's, published); `note_at` NULL when
    /// `notes` has an element for each value, else `notes[i]` is element `note_at[i]`'s (counted from 1).
    func take(_ row: PostgresRow) throws {
        let cells = row.makeRandomAccess()
        guard cells.count == 11 else { throw PostgresStoreError.failed("the server sent a row of the wrong length") }
        guard let id = try BinaryCell.integer(cells[0]).map(Int64.init) else { return }
        let batch = try BinaryCell.integer(cells[1])
        let kinds = try BinaryCell.integers(cells[3]), ordinals = try BinaryCell.integers(cells[4])
        let count = kinds.count
        let ids: [Int?], drafts: [Bool?]
        if let batch {
            (ids, drafts) = (Array(repeating: batch, count: count), Array(repeating: false, count: count))
        } else {
            (ids, drafts) = (try BinaryCell.integers(cells[2]), try BinaryCell.bools(cells[8]))
        }
        let values = try BinaryCell.doubles(cells[5]), targets = try BinaryCell.doubles(cells[6])
        let qualities = try BinaryCell.integers(cells[7])
        var notes = try BinaryCell.texts(cells[10])
        if cells[9].bytes != nil {
            let at = try BinaryCell.integers(cells[9])
            guard at.count == notes.count else { throw PostgresStoreError.failed("the server sent arrays of different lengths") }
            var aligned = [String?](repeating: nil, count: count)
            for (position, note) in zip(at, notes) {
                if let position, (1...count).contains(position) { aligned[position - 1] = note }
            }
            notes = aligned
        }
        guard [ordinals.count, ids.count, values.count, targets.count, qualities.count, drafts.count, notes.count].allSatisfy({ $0 == count })
        else { throw PostgresStoreError.failed("the server sent arrays of different lengths") }
        var list = entries[id] ?? []
        entries[id] = nil
        list.reserveCapacity(list.count + count)
        for index in 0..<count {
            guard let revision = ids[index], let kind = kinds[index], let ordinal = ordinals[index],
                let period = Period(kindValue: kind, ordinal: ordinal)
            else { continue }
            var observation = Observation(
                period: period, value: values[index], target: targets[index], note: notes[index], quality: QualityCode.quality(of: qualities[index]))
            observation.isDraft = drafts[index] ?? false
            list.append(Entry(revision: revision, observation: observation, imported: batch != nil))
        }
        entries[id] = list
    }

    /// Measure `id`'s current observation of each period, oldest period first. Its revisions are let go as
    /// they are made into observations, so that the whole history is not held twice.
    func observations(id: Int64) -> [Observation] {
        if let made = made[id] { return made }
        var list = entries.removeValue(forKey: id) ?? []
        list.sort {
            $0.observation.period != $1.observation.period ? $0.observation.period < $1.observation.period : $0.revision < $1.revision
        }
        var result: [Observation] = []
        result.reserveCapacity(list.count)
        var beneath: [Period: Observation] = [:]
        var underDrafts: [Period: Observation] = [:]
        var lastImported: Observation?
        var recorded = Set<Period>()
        for entry in list {
            if let previous = result.last, previous.period == entry.observation.period {
                result.removeLast()
                if !entry.observation.isDraft {
                    underDrafts[previous.period] = nil
                } else if !previous.isDraft {
                    underDrafts[previous.period] = previous
                }
            } else {
                lastImported = nil
            }
            result.append(entry.observation)
            if entry.imported {
                lastImported = entry.observation
                beneath[entry.observation.period] = nil
                recorded.remove(entry.observation.period)
            } else {
                if let lastImported { beneath[entry.observation.period] = lastImported }
                recorded.insert(entry.observation.period)
            }
        }
        if !recorded.isEmpty { recordedPeriods[id] = recorded }
        made[id] = result
        if !beneath.isEmpty { importedBeneath[id] = beneath }
        if !underDrafts.isEmpty { signedOffBeneath[id] = underDrafts }
        return result
    }

    /// Of measure `id`'s periods whose current observation is a draft, the latest signed-off observation beneath
    /// it (once ``observations(id:)`` has made the measure's).
    func signedOffBeneath(id: Int64) -> [Period: Observation] {
        signedOffBeneath[id] ?? [:]
    }

    /// Measure `id`'s periods whose current observation was recorded, not imported (once ``observations(id:)``
    /// has made the measure's).
    func recorded(id: Int64) -> Set<Period> {
        recordedPeriods[id] ?? []
    }

    /// Of measure `id`'s periods whose current observation is recorded, not imported, the latest imported
    /// observation beneath it (once ``observations(id:)`` has made the measure's).
    func lastImported(id: Int64) -> [Period: Observation] {
        importedBeneath[id] ?? [:]
    }
}
