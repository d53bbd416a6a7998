import Foundation

/// Where a council's data lives: its framework, its values and the history of every change to them.
///
/// Screens and commands talk to a store only through this protocol, so another database (PostgreSQL) can
/// take the place of the embedded SQLite one (``SQLiteStore``) without touching them.
///
/// A store never overwrites a value in place: every change to a value, a per-period target, a commentary or
/// a framework target is kept with who made it, when, and what it replaced.
public protocol CouncilStore: MeetingStore, Sendable {
    /// Whether the store can only be read (values cannot be recorded into it).
    var isReadOnly: Bool { get }

    /// What this user may see and do, as the store enforces it.
    var access: StoreAccess { get }

    /// Whether the store holds no council yet.
    func isEmpty() throws -> Bool

    /// The name of the council the store holds, or `nil` when it holds none yet.
    func councilName() throws -> String?

    /// The whole council: the plan, the measures with their current targets, and each measure's current values.
    func loadCouncil() throws -> Council

    /// The council with the values and targets of only the latest `periods` observations of each measure
    /// (fewer periods when a value was revised), saying which measures have earlier ones in
    /// ``Council/loaded``: what a screen needs to open, without every value since the first.
    func loadRecentCouncil(periods: Int) throws -> Council

    /// The current observations of the measures with `codes` (in that order; an unknown code gets none):
    /// the whole history of each, or with `recent` only the latest that many; with commentary and quality
    /// when `detailed`, else values and targets only (read from an index alone).
    func observations(ofMeasures codes: [String], recent: Int?, detailed: Bool) throws -> [MeasureObservations]

    /// Where the store's changes stand now.
    func changeMark() throws -> ChangeMark

    /// What changed since `mark`: which measures have new values, and whether the framework changed.
    func changes(since mark: ChangeMark) throws -> StoreChanges

    /// Brings the store in line with a council loaded from its data files, in one transaction.
    ///
    /// The framework (plan, priorities, delivery plans, actions, measure definitions) is replaced to match;
    /// a changed framework target, a new or changed value, target, commentary or quality is recorded as a
    /// revision by `by`. Values the files no longer hold are kept (and counted as ``ImportSummary/notInFile``).
    /// Importing the same council twice writes nothing the second time.
    /// - Parameters:
    ///   - progress: called now and then with (observations done, observations in all).
    ///   - accept: given what the import would change, before it is committed; throwing undoes it all.
    func importCouncil(
        _ council: Council, by: String, progress: ImportProgress?, accept: ((ImportSummary) throws -> Void)?
    ) throws -> ImportSummary

    /// Adds or revises one value, checking the entry first (against the measure's limits, and that its period
    /// has ended by `today`).
    ///
    /// - Throws: ``ValueEntryError`` naming each field at fault; nothing is written then.
    func record(_ entry: ValueEntry, today: CivilDate) throws -> RecordOutcome

    /// The values awaiting sign-off that this user may see: the latest version of each (measure, period) that
    /// is a draft, by measure code and period, for a period of the measure's frequency that has ended by
    /// `endedBy` (`nil`: any). A draft for a period that makes no sense (written with SQL by hand) is left out.
    func drafts(endedBy: CivilDate?) throws -> [Draft]

    /// Signs off the drafts and approves the target proposals in `selection` as `by`, in one transaction: each
    /// draft becomes the published value, each proposal the period's target.
    ///
    /// - Throws: ``StoreError/notPermitted(_:)`` when this user may not sign off; nothing is written then.
    func publish(_ selection: PublishSelection, by: String) throws -> PublishOutcome

    /// Proposes a target for one period of a measure (or removing it), for an officer to approve: until then
    /// judgements keep the approved target. `nil` when the proposal is what already stands (the pending proposal,
    /// or with none pending the approved target); nothing is written then.
    ///
    /// - Throws: ``TargetEntryError`` naming each field at fault, or ``StoreError/notPermitted(_:)``; nothing is
    ///   written then.
    func proposeTarget(_ entry: TargetEntry) throws -> TargetProposal?

    /// The target proposals awaiting approval that this user may see (none for a member), by measure code and
    /// period.
    func targetProposals() throws -> [TargetProposal]

    /// Every revision of one measure's value for one period, oldest first.
    func revisions(measure code: String, period: Period) throws -> [Revision]

    /// Every change to one measure's framework targets, oldest first.
    func targetRevisions(measure code: String) throws -> [TargetRevision]

    /// A watcher that notices changes committed by any process, cheaply.
    func makeChangeWatcher() throws -> any ChangeWatcher

    /// The codes of the measures this user may record values for, when the store limits them (a shared store's
    /// owner: their own); `nil` when it does not (an officer, a file). The store refuses the others whatever
    /// this says: it is for saying so before a form is filled in.
    func recordableMeasureCodes() throws -> Set<String>?
}

extension CouncilStore {
    /// Imports `council`, whatever it changes (``importCouncil(_:by:progress:accept:)``).
    public func importCouncil(_ council: Council, by: String, progress: ImportProgress?) throws -> ImportSummary {
        try importCouncil(council, by: by, progress: progress, accept: nil)
    }

    public func recordableMeasureCodes() throws -> Set<String>? { nil }
}

/// Told how far an import has gone: (observations done, observations in all).
public typealias ImportProgress = (_ done: Int, _ total: Int) -> Void

/// Notices changes to a store made by any process, including this one.
///
/// Meant to be polled from one place (the dashboard's event loop, say, every few hundred milliseconds);
/// a poll when nothing changed costs a few microseconds.
public protocol ChangeWatcher: AnyObject {
    /// Whether anything was committed since the previous call (or since the watcher was made).
    func hasChanged() throws -> Bool

    /// When the data last changed, as far as the store records it; refreshed by ``hasChanged()``.
    var lastChangedAt: Date? { get }
}

extension CouncilStore {
    /// The current observations of the measures with `codes`: the whole history of each with commentary and
    /// quality, or with `recent`, the values and targets of only the latest that many.
    public func observations(ofMeasures codes: [String], recent: Int?) throws -> [MeasureObservations] {
        try observations(ofMeasures: codes, recent: recent, detailed: recent == nil)
    }
}

extension CouncilStore {
    /// ``drafts(endedBy:)`` of any period of the measure's frequency.
    public func drafts() throws -> [Draft] {
        try drafts(endedBy: nil)
    }
}
