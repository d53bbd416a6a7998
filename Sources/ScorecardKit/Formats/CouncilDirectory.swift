import Foundation

/// A directory of the council's data files: `framework.yaml` and `observations.csv`, and optionally the tables
/// `measures.csv`, `priorities.csv` and `actions.csv` in place of parts of `framework.yaml` (see `docs/data-format.md`).
public struct CouncilDirectory: Sendable {
    /// The directory's path as the user gave it.
    public let path: String

    public static let frameworkName = "framework.yaml"
    public static let observationsName = "observations.csv"
    public static let measuresName = "measures.csv"
    public static let prioritiesName = "priorities.csv"
    public static let actionsName = "actions.csv"

    /// The day values are recorded on: a value for a period that has not ended by then is refused (`nil`: no check).
    public let today: CivilDate?

    /// `observations.csv` being read on another thread (see ``readingObservationsAhead()``).
    private let observationsAhead: FileReadAhead?

    public init(path: String, today: CivilDate? = nil) {
        self.init(path: path, today: today, observationsAhead: nil)
    }

    private init(path: String, today: CivilDate?, observationsAhead: FileReadAhead?) {
        self.path = path
        self.today = today
        self.observationsAhead = observationsAhead
    }

    /// This directory with `observations.csv` being read from now on, on another thread, and checked to be text,
    /// while the caller reads the framework: ``loadObservations(for:)`` or ``streamObservations(for:to:)`` then
    /// take what was read.
    public func readingObservationsAhead() -> CouncilDirectory {
        CouncilDirectory(path: path, today: today, observationsAhead: FileReadAhead(path: observationsPath))
    }

    public var frameworkPath: String { join(Self.frameworkName) }
    public var observationsPath: String { join(Self.observationsName) }
    public var measuresPath: String { join(Self.measuresName) }
    public var prioritiesPath: String { join(Self.prioritiesName) }
    public var actionsPath: String { join(Self.actionsName) }

    /// Loads and checks both files, all or nothing.
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its file, line and field.
    public func load() throws -> Council {
        let directory = readingObservationsAhead()
        let contents = try directory.loadFramework()
        let observations = try directory.loadObservations(for: contents.measures)
        return Council(plan: contents.plan, measures: contents.measures, observations: observations)
    }

    /// Loads and checks `framework.yaml`, with the measures, priorities and actions tables when there are any.
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its file, line and field.
    public func loadFramework() throws -> FrameworkFile.Contents {
        let tables = try DataLoadError.collecting {
            FrameworkTables(priorities: try table(prioritiesPath), measures: try table(measuresPath), actions: try table(actionsPath))
        }
        let contents = try DataLoadError.collecting {
            let bytes = try read(frameworkPath, required: true) ?? []
            guard let text = String(validating: bytes, as: UTF8.self) else {
                if let other = UTF8Validation.otherThanText(bytes, saveAs: "UTF-8") {
                    throw DataFileError(file: frameworkPath, line: 1, field: nil, message: other)
                }
                throw DataFileError(file: frameworkPath, line: UTF8Validation.firstInvalidLine(bytes), field: nil, message: "the file is not valid UTF-8")
            }
            let elsewhere = FrameworkFile.Elsewhere(
                measures: tables.measures == nil ? nil : Self.measuresName, priorities: tables.priorities == nil ? nil : Self.prioritiesName)
            return try FrameworkFile(file: frameworkPath).read(text, elsewhere: elsewhere)
        }
        var framework = tables.isEmpty ? contents : try tables.assemble(onto: contents, origin: TableOrigin(file: frameworkPath))
        // Outcome measures' comparators, from the national downloads the framework names (relative to the directory).
        try DataLoadError.collecting { try ComparatorReader.read(into: &framework.measures, relativeTo: path) }
        return framework
    }

    /// The CSV table at `file`, or `nil` when there is no such file.
    private func table(_ file: String) throws -> CSVReader? {
        try read(file, required: false).map { CSVReader(bytes: $0, file: file) }
    }

    /// Loads and checks `observations.csv` against the framework's `measures`: one list per measure, in
    /// period order (all empty when there is no file).
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its file, line and field.
    public func loadObservations(for measures: [Measure]) throws -> [[Observation]] {
        do {
            guard let (bytes, isText) = try observationsBytes() else {
                return [[Observation]](repeating: [], count: measures.count)
            }
            let table = CSVReader(bytes: bytes, file: observationsPath, isCheckedText: isText)
            return try ObservationsFile(file: observationsPath, measures: measures, today: today).read(table: table)
        } catch let error as DataFileError {
            throw DataLoadError([error])
        }
    }

    /// Checks `observations.csv` against `measures` as ``loadObservations(for:)`` does, handing the rows to `emit`
    /// as they are read instead of keeping them (see ``ObservationsFile/stream(_:to:)``); returns how many there were.
    public func streamObservations(
        for measures: [Measure], to emit: (_ rows: [(measure: Int, observation: Observation)]) -> Void
    ) throws -> Int {
        do {
            guard let (bytes, isText) = try observationsBytes() else { return 0 }
            let table = CSVReader(bytes: bytes, file: observationsPath, isCheckedText: isText)
            return try ObservationsFile(file: observationsPath, measures: measures, today: today).stream(table: table, to: emit)
        } catch let error as DataFileError {
            throw DataLoadError([error])
        }
    }

    /// The bytes of `observations.csv` (`nil` when there is none), and whether they were found to be text already.
    private func observationsBytes() throws -> (bytes: [UInt8], isText: Bool)? {
        if let (read, isText) = observationsAhead?.take() {
            return try bytes(of: observationsPath, read, required: false).map { ($0, isText) }
        }
        return try self.read(observationsPath, required: false).map { ($0, false) }
    }

    private func read(_ file: String, required: Bool) throws -> [UInt8]? {
        try bytes(of: file, FileBytes.read(file), required: required)
    }

    /// The bytes `read` from `file`, or `nil` when it is not there and not `required`; else throws saying why not.
    private func bytes(of file: String, _ read: Result<[UInt8], FileBytes.Problem>, required: Bool) throws -> [UInt8]? {
        let message: String
        switch read {
        case .success(let bytes): return bytes
        case .failure(.directory): message = "is a directory, not a file"
        case .failure(.notRegular): message = "is not a regular file (a device or a pipe); give a file"
        case .failure(.unreadable):
            // A folder that is there but cannot be entered hides its files: the folder is named, not a file that may
            // not be there ("no such file", or one an optional table's name). One that can be entered but not
            // listed (mode 711) gives its files by name, as they are read.
            let folder = file.folderPart.isEmpty ? "." : file.folderPart
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue, access(folder, X_OK) != 0 {
                throw DataFileError(file: folder, line: nil, field: nil, message: "cannot be read: its permissions forbid it (the folder of the council's files)")
            }
            guard FileManager.default.fileExists(atPath: file) else {
                // A link to a file that is not there (a share not mounted, a link to itself) is not an absent
                // table: read as none, an import removed the council's actions or priorities.
                var entry = stat()
                if lstat(file, &entry) == 0 {
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: file)).map { " \($0.terminalSafe)" } ?? ""
                    message = "is a link to\(target), which cannot be opened (missing, or a loop of links): nothing was read"
                    break
                }
                if !required { return nil }
                message = "no such file (a council's data directory holds \(Self.frameworkName), naming at least the council and its plan, and \(Self.observationsName))"
                break
            }
            message = "cannot be read (check its permissions)"
        }
        throw DataFileError(file: file, line: nil, field: nil, message: message)
    }

    private func join(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }
}
