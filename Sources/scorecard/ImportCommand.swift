import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardPostgres
import ScorecardReports
import ScorecardSheets

/// `scorecard import DIR`: loads a council's data files into the database, in one transaction.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a council's data files or workbook into the database (all or nothing; changes are kept as revisions).",
        discussion: """
            The files are checked first: any problem is reported with its file, line and field, and the database is \
            left exactly as it was. Importing the same files again changes nothing; importing a newer version records \
            each changed value as a revision, and keeps values the files no longer hold.
            """
    )

    @Argument(help: "The council's data directory (framework.yaml and observations.csv) or .xlsx workbook (default: the sample council built into scorecard).")
    var directory: String?

    @OptionGroup var databaseOptions: WritingDatabaseOptions

    @Option(help: "Who the changes are recorded as made by, in a database file (default: import; the shared store records the login).")
    var by: String?

    /// Who a database file records the import as made by.
    private var author: String { by ?? "import" }

    @Flag(help: "Import into a database that holds another council (the same one renamed), replacing its framework; refused when a measure the files name holds values there that the files do not.")
    var replace = false

    func validate() throws {
        if directory?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw ValidationError("give a data directory or workbook, not an empty path") }
        try DatabaseOptions.validate(by: by)
        if databaseOptions.published { throw ValidationError("--published shows what members see; an import writes") }
    }

    func run() throws {
        Console.announceWaitsForOtherWriters()
        let started = Date()
        let (path, isDefault) = databaseOptions.resolved()
        // The default database's folder is made on first use; a folder named by hand that is not there is a
        // slip of the path (`/no/such/dir/x.sqlite` made every folder on the way).
        let folder = path.folderPart
        if !isDefault, !PostgresLocation.isURL(path), !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            throw CommandFailure("there is no folder \(folder.terminalSafe) for the database \(path.terminalSafe): make it first, or give another path; nothing was imported")
        }
        // Stopped (Ctrl-C) before it commits, an import writes nothing: said so, rather than ending without a word.
        let stop = ImportStop(path: path)
        var committed = false
        defer { stop.end(committed: committed) }
        let (council, imported, watch) =
            PostgresLocation.isURL(path)
            ? try importShared(into: path, stop: stop) : try directory.map { try importFiles($0, into: path, stop: stop) } ?? importSample(into: path, stop: stop)
        committed = true
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let shown = PostgresLocation.isURL(path) ? (try? PostgresLocation(url: path).description) ?? path : path
        // The time on the first line, the import's own (after the lines naming values it read as theirs).
        var lines = Self.report(imported, council: council, path: shown).components(separatedBy: "\n")
        lines[0] = lines[0].hasSuffix(":") ? String(lines[0].dropLast()) + " (\(seconds) s):" : lines[0] + " (\(seconds) s)"
        Console.out(lines.joined(separator: "\n"))
        let fractions = FractionWarning.lines(watch?.fractions ?? []) + FractionWarning.lines(lone: watch?.loneFractions ?? [])
            + FractionWarning.lines(targets: watch?.fractionTargets ?? [])
            + FinerTargetWarning.lines(council.targetsFinerThanShown() + (watch?.rowTargetsFinerThanShown ?? []))
            + FinerValueWarning.lines(watch?.finerThanShown ?? [])
        for line in fractions + UnreadSheetWarning.lines(path: directory) { Console.error(line) }
        for grant in imported.grantsNamingNoMeasure {
            let shown = grant.description.terminalSafe
            // What the grant leaves the login: nothing, or what its other grants give it (those naming a measure).
            let othersNamingNone = imported.grantsNamingNoMeasure.filter { $0.login == grant.login && $0 != grant }.count
            let leaves = grant.others.count > othersNamingNone ? "it gives that login no measure (its other grants still do)" : "that login can record nothing"
            if let holdingIt = grant.holdingIt {
                // Granted by part of the name (before the framework was there to take it from): the name in full, with
                // the login's other grants, which granting it again replaces.
                let again = (["--\(grant.option) \"\(holdingIt)\""] + grant.others).joined(separator: " ")
                Console.error(
                    "Note: the grant \(shown) names no \(grant.option) of the framework as it writes them: it writes "
                        + "\"\(holdingIt.terminalSafe)\"; until granted that, \(leaves) (`scorecard db grant \(grant.login.terminalSafe) "
                        + "--role owner \(again.terminalSafe) --database URL`, as the database's owner)")
            } else {
                Console.error(
                    "Note: the grant \(shown) names no \(grant.option) of the framework as it writes them (renamed in the files, or misspelt?): "
                        + "\(leaves) until it is granted the name as the files write it (`scorecard db grant`)")
            }
        }
    }

    /// Imports into a shared PostgreSQL database (by COPY, in one transaction, committed only if the files
    /// have no problem at all).
    private func importShared(into url: String, stop: ImportStop) throws -> (Council, ImportSummary, ValueWatch?) {
        let today = try CivilDate.resolvedToday()
        // Connected (the handshake, the login and the schema's checks: a few round trips) while framework.yaml is
        // read; a connection that fails is reported first all the same, and the files' problems only after it.
        let opening = BackgroundRead { try DatabaseOptions.openShared(url, publishedOnly: false, requiringCouncil: false) }
        let trace = Trace()
        let read = Result { () throws -> (CouncilSource, FrameworkFile.Contents)? in
            guard let directory else { return nil }
            let files = try CouncilSource.open(directory, today: today).readingObservationsAhead()
            return (files, try trace.phase("read-framework") { try files.loadFramework() })
        }
        let store = try opening.wait()
        defer { store.close() }
        DatabaseOptions.noteLoginRecorded(instead: by, store: store)
        let bar = ProgressBar(label: "Importing")
        defer { bar.finish() }
        let shownAs = (try? PostgresLocation(url: url).description) ?? url
        guard let (files, contents) = try DataLocation.reportingProblems({ try read.get() }) else {
            let council = try DataLocation.sample(today: today)
            try refuseOther(council.plan.council, over: store, shownAs: shownAs, isSample: true)
            stop.willFinish()
            return (council, try store.importCouncil(council, by: store.login, progress: bar.update, accept: Self.replacing(nil, by: council.plan.council, at: shownAs)), nil)
        }
        // The framework first, then the observations, written by another thread while they are read.
        let replaced = try refuseOther(contents.plan.council, over: store, shownAs: shownAs)
        let builder = try PostgresImportBuilder(
            store: store, plan: contents.plan, measures: contents.measures,
            accept: Self.replacing(replaced, by: contents.plan.council, at: shownAs))
        // Read on a thread of its own, at a lower priority than the writer and the server it runs ahead of (on two
        // cores, reading at theirs took the processor from them); the thread ends with the read.
        let reader = HandedOver((files: files, trace: trace, watch: ValueWatch(measures: contents.measures)))
        let measures = contents.measures
        let reading = BackgroundRead { () throws -> Int in
            ThreadPriority.lower()
            return try Self.readObservations(
                reader.value.files, measures: measures, trace: reader.value.trace, watching: &reader.value.watch, to: builder.send,
                cancel: builder.cancel)
        }
        let total = try reading.wait()
        let watch = reader.value.watch
        stop.willFinish()
        let summary = try trace.phase("write") { try builder.finish(total: total, progress: bar.update) }
        let council = Council(plan: contents.plan, measures: contents.measures, observations: Array(repeating: [], count: contents.measures.count))
        return (council, summary, watch)
    }

    /// Imports the sample council as it stands today.
    private func importSample(into path: String, stop: ImportStop) throws -> (Council, ImportSummary, ValueWatch?) {
        let council = try DataLocation.sample(today: try CivilDate.resolvedToday())
        try refuseOther(council.plan.council, inFileAt: path, isSample: true)
        let folder = path.folderPart
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let bar = ProgressBar(label: "Importing")
        defer { bar.finish() }
        stop.willFinish()
        let accept = Self.replacing(nil, by: council.plan.council, at: path)
        return (council, try SQLiteStore.importCouncil(council, into: path, by: author, progress: bar.update, accept: accept), nil)
    }

    /// Refuses, unless `--replace` is given, to load council `name` into a database holding another: it would
    /// replace that council's framework, and add values members see (an officer's slip of the folder, or an
    /// import given no folder, which loads the fictional sample).
    /// Returns the council replaced (under `--replace`), if another.
    @discardableResult
    func refuseOther(_ name: String, over store: any CouncilStore, shownAs location: String, isSample: Bool = false) throws -> String? {
        guard let held = try store.councilName(), held != name else { return nil }
        if replace, !isSample { return held }
        if isSample {
            throw CommandFailure(
                "\(location.terminalSafe) holds \(held.terminalSafe.excerpt()): an import given no folder loads the sample council "
                    + "(\(name)), which would replace it; give the council's folder or workbook "
                    + "(`scorecard import DIR`); nothing was imported")
        }
        throw CommandFailure(
            "\(location.terminalSafe) holds \(held.terminalSafe.excerpt()), and the files are \(name.terminalSafe.excerpt()): importing "
                + "them would replace that council's framework; give --replace if that is meant (the same council renamed, "
                + "say); nothing was imported")
    }

    /// As ``refuseOther(_:over:shownAs:isSample:)``, for a database file at `path` (nothing to refuse when none is there).
    @discardableResult
    func refuseOther(_ name: String, inFileAt path: String, isSample: Bool = false) throws -> String? {
        // An empty file holds no council (and is not to be given a schema here); what is not a file is refused later.
        guard let start = ExistingFile.start(of: path, count: 1), !start.isEmpty else { return nil }
        let store = try SQLiteStore(path: path)
        defer { try? store.close() }
        return try refuseOther(name, over: store, shownAs: path, isSample: isSample)
    }

    /// What an import of council `name` accepts, given what it would change: no council but `held` replaced (the
    /// one `--replace` was given for, if any: another import may have loaded one since the command looked); and,
    /// replacing `held`, nothing the files do not hold kept for a measure they name. Values are matched by measure
    /// code, so another council's would show as the files' (its KBM-01's five years beside the files' two values,
    /// in trends and process control).
    static func replacing(_ held: String?, by name: String, at location: String) -> @Sendable (ImportSummary) throws -> Void {
        return { summary in
            if let now = summary.councilReplaced, now != held {
                throw CommandFailure(
                    "\(location.terminalSafe) now holds \(now.terminalSafe.excerpt()): another import loaded it while this one "
                        + "read the files (\(name.terminalSafe.excerpt())); nothing was imported. To replace it, import again with --replace")
            }
            guard let held else { return }
            let codes = summary.measuresKeepingValues
            guard !codes.isEmpty else { return }
            let shown = codes.prefix(3).map(\.terminalSafe)
            let named =
                codes.count <= 3
                ? (shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown[shown.count - 1])
                : shown.joined(separator: ", ") + " and \(codes.count - 3) more"
            let values = NumberText.counted(summary.notInFile, "published value")
            throw CommandFailure(
                "\(location.terminalSafe) holds \(held.terminalSafe.excerpt()), and the files are \(name.terminalSafe.excerpt()): "
                    + "\(codes.count == 1 ? "their measure" : "their measures") \(named) \(codes.count == 1 ? "holds" : "hold") "
                    + "\(values) there that the files do not, which would be kept beside the files' own; nothing was imported\n"
                    + "Values are matched by measure code, so one council's figures would show as the other's. Import another "
                    + "council into a new database (--database NEW); for the same council renamed, give files that hold all its "
                    + "values (`scorecard export` writes them).")
        }
    }

    /// Imports the data files in `directory` (or the workbook), reading the observations while a new database is written.
    private func importFiles(_ directory: String, into path: String, stop: ImportStop) throws -> (Council, ImportSummary, ValueWatch?) {
        let trace = Trace()
        let files = try DataLocation.reportingProblems { try CouncilSource.open(directory, today: try CivilDate.resolvedToday()) }
            .readingObservationsAhead()
        let contents = try trace.phase("read-framework") { try DataLocation.reportingProblems { try files.loadFramework() } }
        var replaced = SQLiteStore.exists(at: path) ? try refuseOther(contents.plan.council, inFileAt: path) : nil
        let folder = path.folderPart
        let bar = ProgressBar(label: "Importing")
        var summary: ImportSummary?
        // The observations themselves are kept only for an import into an existing database (compared with it).
        var observations = [[Observation]](repeating: [], count: contents.measures.count)
        // The values' look, to warn of fractions written for percentages as `check` does.
        var watch = ValueWatch(measures: contents.measures)
        if !SQLiteStore.exists(at: path), folder.isEmpty || FileManager.default.fileExists(atPath: folder) {
            // A new database: written on another thread while observations.csv is read, linked in only if
            // both succeed. The write phase is what is left of the writing once the read is done.
            let builder = NewDatabaseBuilder(path: path, plan: contents.plan, measures: contents.measures, by: author)
            let total = try Self.readObservations(
                files, measures: contents.measures, trace: trace, watching: &watch, to: builder.send, cancel: builder.cancel)
            stop.willFinish()
            summary = try trace.phase("write") { try builder.finish(total: total, progress: bar.update) }
            if summary == nil {
                // Another import made the file meanwhile: this one is imported into it as into any existing
                // database, so refused if it holds another council, and with the observations read again (those
                // streamed went only into the file thrown away).
                replaced = try refuseOther(contents.plan.council, inFileAt: path)
                observations = try trace.phase("read-observations") {
                    try DataLocation.reportingProblems { try files.loadObservations(for: contents.measures) }
                }
            }
        } else {
            observations = try trace.phase("read-observations") {
                try DataLocation.reportingProblems { try files.loadObservations(for: contents.measures) }
            }
        }
        let council = Council(plan: contents.plan, measures: contents.measures, observations: observations)
        for m in observations.indices {
            for observation in observations[m] { watch.observe(observation, measure: m) }
        }
        let imported: ImportSummary
        if let summary {
            imported = summary
        } else {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            stop.willFinish()
            imported = try trace.phase("write") {
                try SQLiteStore.importCouncil(
                    council, into: path, by: author, progress: bar.update,
                    accept: Self.replacing(replaced, by: council.plan.council, at: path))
            }
        }
        bar.finish()
        return (council, imported, watch)
    }

    /// Reads the observations of `measures` from `files`, handing each batch of rows to `send` (a builder that
    /// writes them meanwhile) and to `watch`, and returns how many were read; when the read fails, calls `cancel` first.
    private static func readObservations(
        _ files: CouncilSource, measures: [Measure], trace: Trace, watching watch: inout ValueWatch,
        to send: (ObservationHandOver.Batch) -> Void, cancel: () -> Void
    ) throws -> Int {
        do {
            return try trace.phase("read-observations") {
                try DataLocation.reportingProblems {
                    try files.streamObservations(for: measures) { batch in
                        watch.observe(batch)
                        send(batch)
                    }
                }
            }
        } catch {
            cancel()
            throw error
        }
    }

    /// ` (1 of them a draft awaiting sign-off, replaced by the files' signed-off value; 2 of them values signed
    /// off in Scorecard since the last import, replaced by the files' changed figures)`, or nothing.
    static func replacedNote(_ s: ImportSummary) -> String {
        let count = { (n: Int) in NumberText.grouped(Double(n), decimals: 0) }
        var parts: [String] = []
        if s.draftsReplaced > 0 {
            let one = s.draftsReplaced == 1
            parts.append("\(count(s.draftsReplaced)) of them \(one ? "a draft" : "drafts") awaiting sign-off, replaced by the files' signed-off \(one ? "value" : "values")")
        }
        if s.signedOffReplaced > 0 {
            let one = s.signedOffReplaced == 1
            parts.append("\(count(s.signedOffReplaced)) of them \(one ? "a value" : "values") signed off in Scorecard since the last import, "
                + "replaced by the files' changed \(one ? "figure" : "figures")")
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// What the import did, every value from the data made terminal-safe.
    static func report(_ s: ImportSummary, council: Council, path: String) -> String {
        let path = path.terminalSafe
        let count = { (n: Int) in NumberText.grouped(Double(n), decimals: 0) }
        guard s.changedAnything else {
            var kept: [String] = []
            if s.recordedKept > 0 { kept.append("\(NumberText.counted(s.recordedKept, "value")) recorded in Scorecard since the last import") }
            if s.notInFile > 0 { kept.append("\(NumberText.counted(s.notInFile, "value")) the files do not hold") }
            if s.draftsKept > 0 { kept.append("\(NumberText.counted(s.draftsKept, "draft")) the files do not hold, awaiting sign-off") }
            if s.targetsKept > 0 { kept.append("\(NumberText.counted(s.targetsKept, "target")) approved in Scorecard since the last import") }
            let keeps = kept.isEmpty ? "" : ", and keeps " + kept.joined(separator: ", ")
            // The files' observations: those held as they are, and those whose recorded value since stands.
            return ([
                "Nothing changed: \(path) already holds these files (\(NumberText.counted(s.unchanged + s.recordedKept, "observation")))\(keeps)."
                    + Self.draftsAsFilesNote(s),
            ] + Self.draftAsFilesLines(s, council: council)).joined(separator: "\n")
        }
        var lines = ["Imported \(council.plan.council.terminalSafe) into \(path):"]
        lines.append(
            "  observations: \(count(s.added)) added, \(count(s.revised)) revised"
                + Self.replacedNote(s)
                + ", \(count(s.unchanged)) unchanged"
                + (s.recordedKept > 0
                    ? ", \(count(s.recordedKept)) recorded in Scorecard since the last import kept (the files give what that import gave, "
                        + "or what was signed off before it)" : "")
                + (s.notInFile > 0 ? ", \(count(s.notInFile)) kept that the files do not hold" : "")
                + (s.draftsKept > 0 ? ", \(count(s.draftsKept)) \(s.draftsKept == 1 ? "draft" : "drafts") the files do not hold kept awaiting sign-off" : ""))
        lines[lines.count - 1] += Self.draftsAsFilesNote(s).replacingOccurrences(of: "\n", with: " ")
        lines += Self.replacedValueLines(s, council: council) + Self.draftAsFilesLines(s, council: council)
        if s.frameworkChangedVisibly {
            lines.append(
                "  framework: \(NumberText.counted(council.measures.count, "measure")) (\(count(s.measuresAdded)) new, "
                    + (s.measuresBack > 0 ? "\(count(s.measuresBack)) back with \(s.measuresBack == 1 ? "its" : "their") history, " : "")
                    + "\(count(s.measuresRemoved)) removed"
                    + (s.measuresRemoved == 1 ? ", its values kept in the history" : s.measuresRemoved > 1 ? ", their values kept in the history" : "")
                    + (s.measuresRenamed > 0
                        ? ", \(count(s.measuresRenamed)) \(s.measuresRenamed == 1 ? "code" : "codes") now written in another case, the values kept" : "")
                + (s.measuresChanged > 0 ? ", \(count(s.measuresChanged)) changed" : "") + "); "
                    + (s.planChanged ? "the plan's priorities, delivery plans or actions changed; " : "")
                    + "targets: \(count(s.targetsAdded)) added, \(count(s.targetsChanged)) changed, \(count(s.targetsRemoved)) removed"
                    + (s.approvalsReplaced > 0
                        ? " (\(count(s.approvalsReplaced)) of them \(s.approvalsReplaced == 1 ? "a target" : "targets") approved in Scorecard since the last import, "
                            + "which the files changed since: theirs stands)" : "")
                    + (s.targetsKept > 0
                        ? ", \(count(s.targetsKept)) approved in Scorecard since the last import kept (the files give what that import gave)" : ""))
            lines += Self.replacedApprovalLines(s.replacedApprovals, council: council)
            if !s.removedMeasures.isEmpty {
                // Named, so that a row deleted by mistake is seen (its measure leaves every screen).
                let named = s.removedMeasures.prefix(10).map { $0.terminalSafe.excerpt() }.joined(separator: ", ")
                    + (s.removedMeasures.count > 10 ? " and \(NumberText.counted(s.removedMeasures.count - 10, "more", plural: "more"))" : "")
                lines.append("    removed: \(named) (no longer on any screen; importing files that hold \(s.measuresRemoved == 1 ? "it" : "them") again brings back \(s.measuresRemoved == 1 ? "its" : "their") values, drafts included)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// ` 2 drafts awaiting sign-off are as the files give them: members see the figures before them until they are
    /// signed off (`scorecard publish`).`, or nothing: counted among the unchanged, they went unsaid.
    static func draftsAsFilesNote(_ s: ImportSummary) -> String {
        guard s.draftsAsFiles > 0 else { return "" }
        let one = s.draftsAsFiles == 1
        return " \(NumberText.counted(s.draftsAsFiles, "draft")) awaiting sign-off \(one ? "is" : "are") as the files give \(one ? "it" : "them"): "
            + "members see the \(one ? "figure" : "figures") before \(one ? "it" : "them") until \(one ? "it is" : "they are") signed off (`scorecard publish`)."
    }

    /// Each draft the files give exactly, up to ten: `    KBI-007 Sep 2026: 3,290, a draft as the files give it`.
    static func draftAsFilesLines(_ s: ImportSummary, council: Council) -> [String] {
        namedLines(s.draftsAsFilesNamed, total: s.draftsAsFiles, more: "more draft") { draft in
            let measure = council.measureIndex(code: draft.code).map { council.measures[$0] }
            let shown = draft.value.map { (measure?.formatAsRecorded($0) ?? RecordCommand.text($0)).terminalSafe } ?? "no value"
            return "    \(draft.code.terminalSafe.excerpt()) \(draft.period.label): \(shown), a draft as the files give it"
        }
    }

    /// Each value recorded in Scorecard that the files replaced, up to ten, so that the performance team sees which
    /// figures changed: `    KBI-003 Sep 2026: 46.5% signed off in Scorecard, now 49.0% from the files`.
    static func replacedValueLines(_ s: ImportSummary, council: Council) -> [String] {
        namedLines(s.replacedValues, total: s.draftsReplaced + s.signedOffReplaced, more: "more value") { replaced in
            let measure = council.measureIndex(code: replaced.code).map { council.measures[$0] }
            let shown = { (value: Double?) in value.map { (measure?.formatAsRecorded($0) ?? RecordCommand.text($0)).terminalSafe } ?? "no value" }
            // The same figure (the files changed its commentary, quality or target): said so, not "32, now 32".
            let was = replaced.wasDraft ? "a draft awaiting sign-off" : "signed off in Scorecard"
            let now = replaced.recorded != replaced.files
                ? "now \(shown(replaced.files)) from the files"
                : replaced.wasDraft ? "now signed off as the files give it, with their commentary, quality or target"
                : "now with the files' commentary, quality or target"
            return "    \(replaced.code.terminalSafe.excerpt()) \(replaced.period.label): \(shown(replaced.recorded)) \(was), \(now)"
        }
    }

    /// A line each for the first ten of `items` (`total` in all), then `    and 3 more values` for the rest.
    private static func namedLines<Item>(_ items: [Item], total: Int, more: String, _ line: (Item) -> String) -> [String] {
        let lines = items.prefix(10).map(line)
        return total > lines.count ? lines + ["    and \(NumberText.counted(total - lines.count, more))"] : lines
    }

    /// Each approval the files replaced, up to ten: `    KBI-002 2026/27: 534 approved in Scorecard, now 560 from the files`.
    static func replacedApprovalLines(_ replaced: [ImportSummary.ReplacedApproval], council: Council) -> [String] {
        namedLines(replaced, total: replaced.count, more: "more target") { approval in
            let measure = council.measureIndex(code: approval.code).map { council.measures[$0] }
            let shown = { (value: Double?) in value.map { (measure?.formatTarget($0) ?? RecordCommand.text($0)).terminalSafe } ?? "none" }
            return "    \(approval.code.terminalSafe.excerpt()) \(approval.period.label): \(shown(approval.approved)) approved in Scorecard, "
                + "now \(approval.files == nil ? "no target" : shown(approval.files)) from the files"
        }
    }
}

/// Values handed to a thread that alone uses them until the caller, which waits for it, takes them back.
private final class HandedOver<Value>: @unchecked Sendable {
    // @unchecked: used by one thread at a time, the hand-over ordered by the thread's start and the wait for its end.
    var value: Value

    init(_ value: Value) {
        self.value = value
    }
}
