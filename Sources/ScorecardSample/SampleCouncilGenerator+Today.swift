import ScorecardKit
extension SampleCouncilGenerator {
    /// How long after its reporting period ends the sample is reported on: about eight weeks, when every
    /// monthly and most quarterly values are in.
    public static let reportingLag = 55

    /// The sample council as it stands on `today`: reporting on the latest quarter that ended at least
    /// ``reportingLag`` days ago, with data up to it as far as it is due by `today`. So the demonstration always
    /// shows a recent quarter, with the same mix of statuses and alerts, however much time has passed; on
    /// 24 November 2026 it is exactly the `data/` folder (`scorecard sample` with no options).
    public static func current(today: CivilDate, measures: Int = 160, years: Int = 5, seed: UInt64 = 1) -> SampleCouncilGenerator {
        var quarter = Period.latestEnded(kind: .quarter, by: today)
        while quarter.endDate.adding(days: reportingLag) > today { quarter = quarter.previous }
        return SampleCouncilGenerator(measures: measures, years: years, seed: seed, reportingPeriod: quarter, today: today)
    }
}

extension SampleOutput {
    /// The generated files read as any council's files are (checked the same way), without touching the disk.
    ///
    /// - Throws: ``DataLoadError`` if the generator made something the readers refuse (a bug).
    public func council(today: CivilDate? = nil) throws -> Council {
        var contents: FrameworkFile.Contents
        do {
            contents = try FrameworkFile(file: "sample/" + CouncilDirectory.frameworkName).read(framework)
            for m in contents.measures.indices {
                guard var comparators = contents.measures[m].comparators, let bytes = national[comparators.source.file] else { continue }
                let dataset = try NationalDataset.read(bytes: bytes, file: "sample/" + comparators.source.file)
                comparators.points = try ComparatorReader.points(
                    of: comparators.source, in: dataset, measure: contents.measures[m].code, polarity: contents.measures[m].polarity)
                contents.measures[m].comparators = comparators
            }
        } catch let error as DataFileError {
            throw DataLoadError([error])
        }
        let file = ObservationsFile(file: "sample/" + CouncilDirectory.observationsName, measures: contents.measures, today: today)
        let observations = try file.read(self.observations)
        return Council(plan: contents.plan, measures: contents.measures, observations: observations)
    }
}
