import Foundation
import ScorecardKit

/// Where a council's data files are: a directory (`framework.yaml`, `observations.csv` and the optional tables), or an
/// Excel workbook (`.xlsx`). Every command that reads data files loads them through here.
public enum CouncilSource {
    case directory(CouncilDirectory)
    case workbook(CouncilTables)

    /// The source at `path`: a workbook when it is a file, else a directory.
    ///
    /// - Parameter today: the day values are recorded on: a value for a period that has not ended by then is refused.
    /// - Throws: ``DataLoadError`` for a file that is not an Excel workbook, or a workbook that cannot be read.
    public static func open(_ path: String, today: CivilDate?) throws -> CouncilSource {
        var isDirectory: ObjCBool = false
        let lowered = path.lowercased()
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            if !isDirectory.boolValue, lowered.hasSuffix(".xlsx") {
                throw DataLoadError([DataFileError(file: path, line: nil, field: nil, message: "no such file")])
            }
            return .directory(CouncilDirectory(path: path, today: today))
        }
        if lowered.hasSuffix(".xls") || lowered.hasSuffix(".ods") || lowered.hasSuffix(".numbers") {
            throw DataLoadError([DataFileError(file: path, line: nil, field: nil, message: "is not an Excel workbook (.xlsx): save it as .xlsx (Excel Workbook) and try that")])
        }
        if lowered.hasSuffix(".csv") || lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            throw DataLoadError([DataFileError(file: path, line: nil, field: nil, message: "is a file: give the directory that holds the council's data files, or an Excel workbook (.xlsx)")])
        }
        return .workbook(try CouncilWorkbook.tables(path: path, today: today))
    }

    /// Loads and checks the council at `path`, all or nothing.
    ///
    /// - Throws: ``DataLoadError`` listing each problem with its file, line (or sheet and cell) and field.
    public static func load(path: String, today: CivilDate?) throws -> Council {
        try open(path, today: today).load()
    }

    /// Loads and checks everything, all or nothing.
    public func load() throws -> Council {
        switch self {
        case .directory(let directory): try directory.load()
        case .workbook(let tables): try tables.load()
        }
    }

    /// This source with its observations being read from now on while the caller reads the framework (see
    /// ``CouncilDirectory/readingObservationsAhead()``); a workbook is read whole when opened.
    public func readingObservationsAhead() -> CouncilSource {
        switch self {
        case .directory(let directory): .directory(directory.readingObservationsAhead())
        case .workbook: self
        }
    }

    /// Loads and checks the framework: the plan and its measures.
    public func loadFramework() throws -> FrameworkFile.Contents {
        switch self {
        case .directory(let directory): try directory.loadFramework()
        case .workbook(let tables): try tables.loadFramework()
        }
    }

    /// Loads and checks the observations of `measures` (see ``CouncilDirectory/loadObservations(for:)``).
    public func loadObservations(for measures: [Measure]) throws -> [[Observation]] {
        switch self {
        case .directory(let directory): try directory.loadObservations(for: measures)
        case .workbook(let tables): try tables.loadObservations(for: measures)
        }
    }

    /// Checks the observations of `measures`, handing them to `emit` as they are read instead of keeping them
    /// (see ``CouncilDirectory/streamObservations(for:to:)``); returns how many there were.
    public func streamObservations(
        for measures: [Measure], to emit: (_ rows: [(measure: Int, observation: Observation)]) -> Void
    ) throws -> Int {
        switch self {
        case .directory(let directory): try directory.streamObservations(for: measures, to: emit)
        case .workbook(let tables): try tables.streamObservations(for: measures, to: emit)
        }
    }
}
