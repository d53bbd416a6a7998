/// What an import changed.
public struct ImportSummary: Sendable, Equatable {
    /// Measures new to the store.
    public var measuresAdded = 0
    /// Measures brought back to the framework after an import removed them, with the history kept meanwhile.
    public var measuresBack = 0
    /// Measures whose code the files write in another case (`m-pct` for `M-PCT`), renamed so, keeping their values.
    public var measuresRenamed = 0
    /// The grants of a shared store (`db grant LOGIN --owner NAME` or `--service NAME`) that name no measure of the
    /// framework as imported: an owner renamed in the files, or granted by part of the name they write, can record
    /// nothing.
    public var grantsNamingNoMeasure: [UnmatchedGrant] = []
    /// The codes of the measures in the store that the framework no longer has (kept, with their history, but not
    /// loaded), in order.
    public var removedMeasures: [String] = []
    /// How many measures the framework no longer has.
    public var measuresRemoved: Int { removedMeasures.count }
    /// Whether the framework (plan, measure definitions, targets) differed from the store's.
    public var frameworkChanged = false
    /// Whether the plan (the council, its priorities, delivery plans and actions, where measures sit) differed.
    public var planChanged = false
    /// Measures the store held under the same code whose definitions (title, unit, owner, comparators...)
    /// the files changed, targets aside (counted below).
    public var measuresChanged = 0
    /// Framework targets new to the store (each recorded as a ``TargetRevision``, as are the two below).
    public var targetsAdded = 0
    /// Framework targets whose value changed.
    public var targetsChanged = 0
    /// Framework targets the files no longer give for a measure still in the framework.
    public var targetsRemoved = 0
    /// Targets approved in Scorecard since the last import where the files give what that import gave: kept, not
    /// replaced (see ``recordedKept`` for values).
    public var targetsKept = 0
    /// Of those changed or removed, the targets approved in Scorecard since the last import that the files
    /// replaced (they changed it since: theirs stands), in the framework's order.
    public var replacedApprovals: [ReplacedApproval] = []
    /// How many targets approved in Scorecard the files replaced.
    public var approvalsReplaced: Int { replacedApprovals.count }

    /// A target approved in Scorecard that an import's files replaced.
    public struct ReplacedApproval: Sendable, Equatable {
        public var code: String
        public var period: Period
        /// The approved target (`nil`: the approval removed it), and the files' (`nil`: the files removed it).
        public var approved: Double?
        public var files: Double?

        public init(code: String, period: Period, approved: Double?, files: Double?) {
            self.code = code
            self.period = period
            self.approved = approved
            self.files = files
        }
    }
    /// A value recorded in Scorecard that the files replaced: a draft awaiting sign-off, or a value signed off since
    /// the last import that the files changed since.
    public struct ReplacedValue: Sendable, Equatable {
        public var code: String
        public var period: Period
        /// The value recorded in Scorecard, and the files' (`nil`: none).
        public var recorded: Double?
        public var files: Double?
        /// Whether the value replaced was a draft awaiting sign-off.
        public var wasDraft: Bool

        public init(code: String, period: Period, recorded: Double?, files: Double?, wasDraft: Bool) {
            self.code = code
            self.period = period
            self.recorded = recorded
            self.files = files
            self.wasDraft = wasDraft
        }
    }
    /// The first of the values recorded in Scorecard that the files replaced (``draftsReplaced`` and
    /// ``signedOffReplaced`` count them all), for the import to name.
    public var replacedValues: [ReplacedValue] = []
    /// A draft awaiting sign-off that the files give exactly: it stays a draft, and members see the figure before it
    /// until it is signed off.
    public struct DraftAsFiles: Sendable, Equatable {
        public var code: String
        public var period: Period
        public var value: Double?

        public init(code: String, period: Period, value: Double?) {
            self.code = code
            self.period = period
            self.value = value
        }
    }
    /// How many drafts awaiting sign-off the files give exactly (counted among the ``unchanged``), and the first of them.
    public var draftsAsFiles = 0
    public var draftsAsFilesNamed: [DraftAsFiles] = []
    /// How many ``replacedValues`` are kept to be named.
    public static let replacedValuesKept = 100
    /// Observations new to the store.
    public var added = 0
    /// Observations whose value, target, commentary or quality changed (each recorded as a ``Revision``).
    public var revised = 0
    /// Of those revised, how many replaced a draft awaiting sign-off (with the files' value, signed off by the import).
    public var draftsReplaced = 0
    /// Of those revised, how many replaced a value recorded and signed off in Scorecard: over what the last import
    /// gave, the files changing that figure since, or where no import gave one, the files now giving one.
    public var signedOffReplaced = 0
    /// Observations the files hold exactly as the store does.
    public var unchanged = 0
    /// Values recorded in Scorecard since the last import (drafts included) where the files give what that import
    /// gave: the files did not change them, so they were kept, not replaced.
    public var recordedKept = 0
    /// Published observations the store holds that the files do not (kept, never deleted).
    public var notInFile = 0
    /// Drafts awaiting sign-off the store holds that the files do not (kept, still awaiting sign-off: recorded since
    /// the files were written, most likely).
    public var draftsKept = 0
    /// The codes of the framework's measures holding published values the files do not, in the framework's
    /// order (a draft awaiting sign-off is no file's: export leaves drafts out).
    public var measuresKeepingValues: [String] = []

    /// The council the store held when the import began, in its transaction, when another than the files':
    /// the import replaces its framework (another import may have loaded it since the command looked).
    public var councilReplaced: String?

    public init() {}

    /// Whether the import changed anything at all.
    public var changedAnything: Bool {
        frameworkChangedVisibly || added > 0 || revised > 0
    }

    /// Whether the framework changed in a way the summary can say: not a rewrite that changed nothing but the
    /// targets approved in Scorecard since the last import, which are kept.
    public var frameworkChangedVisibly: Bool {
        measuresRenamed > 0
            || frameworkChanged
                && (planChanged || measuresAdded > 0 || measuresBack > 0 || measuresRemoved > 0 || measuresChanged > 0
                    || targetsAdded > 0 || targetsChanged > 0 || targetsRemoved > 0)
    }
}

/// A grant of a shared store that names no owner or service of the framework as imported.
public struct UnmatchedGrant: Sendable, Equatable, CustomStringConvertible {
    public var login: String
    /// `owner` or `service`, as `db grant` takes it.
    public var option: String
    public var name: String
    /// The framework's one owner (or service) whose name holds `name` (`Joe Whitlock, Housing Enabling Manager` for
    /// `Joe Whitlock`, granted before the framework was imported), if there is exactly one.
    public var holdingIt: String?
    /// The login's other grants, as `db grant` takes them (`--service "Housing"`): granting it again, give them too.
    public var others: [String]

    public init(login: String, option: String, name: String, holdingIt: String? = nil, others: [String] = []) {
        self.login = login
        self.option = option
        self.name = name
        self.holdingIt = holdingIt
        self.others = others
    }

    /// `LOGIN --owner "NAME"`.
    public var description: String { "\(login) --\(option) \"\(name)\"" }
}
