import Foundation

@testable import ScorecardKit
import TestScratch

/// Councils written as tables, for the tests of measures.csv, priorities.csv, actions.csv and wide observations.
enum TablesFixture {
    /// A framework.yaml with the plan alone.
    static let plan = """
        council: Testshire District Council
        plan: Council Plan 2024-2028
        reporting_period: 2024/25 Q2
        defaults:
          tolerance: 5%

        """

    /// A measures table covering every field, priorities and plans named by code and by title.
    static let measures = """
        Code , Title,Tier,Unit,Decimals,Frequency,Polarity,Band,Status,Cumulative,Tolerance,Lag days,Min,Max,Method,Owner,Priority,Delivery plan,Profile,target 2024/25,Target 2025-26,2024/25 Q1 target
        KBM-01,Affordable homes delivered,kbm,number,0,quarterly,higher,,active,true,10%,,,,Completions,Jane Smith,P1,DP-01,"15,40,65,100",120,150,20
        KBI-01,Planning applications decided in time,kbi,%,1,monthly,higher,,,,2,,,,,,P1,DP-01,,90,,
        KBI-02,Sickness days per FTE,,days,2,monthly,lower,,,,,20,,30,,,A well-run council,Resources Plan,,8,,
        OUT-01,Households in temporary accommodation,outcome,"per 1,000",1,annual,band,0.5,,,,,,,,,P1,,,1.2,,

        """

    /// The measures' values, one row per measure and period.
    static let longObservations = """
        measure,period,value,target,note,quality
        KBM-01,2024/25 Q1,28,,,validated
        KBM-01,2024/25 Q2,45,,"Two schemes slipped",provisional
        KBI-01,2024-08,91.5,,,
        KBI-01,2024-09,86,88,Vacancies,
        KBI-02,2024-09,8.25,,,estimated
        OUT-01,2023/24,1.1,,,validated

        """

    /// The same values, one row per measure and a column per period.
    static let wideObservations = """
        measure,title,2023/24,Q1 2024/25,2024/25 Q2,Aug 2024,2024-09,note 2024/25 Q2,note 2024-09,target 2024-09,quality 2024/25 Q1,quality 2024/25 Q2,quality 2024-09,quality 2023/24
        KBM-01,Affordable homes,,28,45,,,Two schemes slipped,,,validated,provisional,,
        KBI-01,Planning,,,,91.5,86,,Vacancies,88,,,,
        KBI-02,Sickness,,,,,8.25,,,,,,estimated,
        OUT-01,Households,1.1,,,,,,,,,,,validated
        ,,,,,,,,,,,,,

        """

    /// Writes the files to a new temporary directory and returns its path.
    static func write(_ files: [String: String]) throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-tables-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    /// The plan, measures and long observations, with `changes` made to the files.
    static func directory(_ changes: [String: String] = [:]) throws -> String {
        var files = ["framework.yaml": plan, "measures.csv": measures, "observations.csv": longObservations]
        files.merge(changes) { $1 }
        return try write(files)
    }

    /// The problems loading the directory reports (none when it loads).
    static func errors(_ dir: String) -> [DataFileError] {
        do {
            _ = try CouncilDirectory(path: dir).load()
            return []
        } catch let error as DataLoadError {
            return error.errors
        } catch {
            return [DataFileError(file: "", line: nil, field: nil, message: "\(error)")]
        }
    }
}
