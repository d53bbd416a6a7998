// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Scorecard",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ScorecardKit", targets: ["ScorecardKit"]),
        .executable(name: "scorecard", targets: ["scorecard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // The shared model library: councils, not terminals.
        .target(
            name: "ScorecardKit",
            dependencies: [
                // For its libyaml (the CYaml module): YAMLComposer builds nodes from libyaml's events itself.
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The fictional sample council: for the command line and tests, not part of the library product.
        .target(name: "ScorecardSample", dependencies: ["ScorecardKit"]),
        // Excel workbooks (.xlsx) in and out, and loading a council from a directory or a workbook. Apart from the
        // model library so that only what reads workbooks carries the zip and XML parsing of untrusted files.
        .target(
            name: "ScorecardSheets",
            dependencies: ["ScorecardKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The shared store on a PostgreSQL server, with roles, row-level security, sign-off and NOTIFY: apart from
        // the model library so that only what talks to a server carries SwiftNIO.
        .target(
            name: "ScorecardPostgres",
            dependencies: [
                "ScorecardKit", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Committee papers: a report built from a judged council, written as HTML, Markdown, CSV, or PDF by
        // headless Chromium. Apart from the model library, which it uses alone (no terminal, no database).
        .target(name: "ScorecardReports", dependencies: ["ScorecardKit"]),
        // The terminal UI with no ncurses in it.
        .target(name: "Dashboard", dependencies: ["ScorecardKit", "ScorecardReports"]),
        // glibc's malloc tuning (malloc.h), with which the dashboard gives freed memory back sooner.
        .systemLibrary(name: "CMalloc"),
        // The ncursesw system library, with a shim of static inline wrappers.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only module that calls ncurses.
        .target(name: "NcursesTerminal", dependencies: ["Dashboard", "CNcursesw"]),
        // Test doubles and the text snapshot helper for tests of the terminal UI.
        .target(name: "DashboardTesting", dependencies: ["Dashboard"]),
        // Where the test suites write their files (removed when a run ends); for tests only.
        .target(name: "TestScratch"),
        .executableTarget(
            name: "scorecard",
            dependencies: [
                "ScorecardKit", "ScorecardSample", "ScorecardSheets", "ScorecardPostgres", "ScorecardReports", "Dashboard",
                "NcursesTerminal", "CMalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark (BENCHMARKS.md): drives the release `scorecard` binary, sqlite3, tmux and visidata.
        .executableTarget(name: "scorecard-bench"),
        .testTarget(name: "ScorecardKitTests", dependencies: ["ScorecardKit", "ScorecardSample", "TestScratch"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "DashboardTesting", "ScorecardKit", "ScorecardSample", "TestScratch", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "ScorecardReportsTests", dependencies: ["ScorecardReports", "ScorecardKit", "ScorecardSample", "DashboardTesting", "TestScratch"],
            exclude: ["__Snapshots__"]),
        .testTarget(name: "ScorecardSampleTests", dependencies: ["ScorecardSample", "ScorecardKit", "TestScratch"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "Dashboard"]),
        .testTarget(
            name: "ScorecardSheetsTests",
            dependencies: ["ScorecardSheets", "ScorecardKit", "ScorecardSample", "TestScratch", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "scorecardTests", dependencies: ["scorecard", "ScorecardKit", "ScorecardSheets", "TestScratch", "Dashboard", "DashboardTesting"]),
        .testTarget(
            name: "ScorecardPostgresTests",
            dependencies: ["ScorecardPostgres", "ScorecardKit", "ScorecardSample", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
    ]
)

// The libFuzzer targets (docs/fuzzing.md), declared only when `fuzz/run.sh` builds them: they link libFuzzer, which
// only `-sanitize=fuzzer` provides, so a plain `swift build` or `swift test` must never see them.
if Context.environment["SCORECARD_FUZZ"] == "1" {
    package.products += [
        .executable(name: "FuzzObservations", targets: ["FuzzObservations"]),
        .executable(name: "FuzzFramework", targets: ["FuzzFramework"]),
        .executable(name: "FuzzWorkbook", targets: ["FuzzWorkbook"]),
        .executable(name: "FuzzNational", targets: ["FuzzNational"]),
    ]
    package.targets += [
        // Declares libFuzzer's driver, which each target's `main` calls.
        .systemLibrary(name: "CLibFuzzer", path: "Sources/Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "FuzzObservations", dependencies: ["ScorecardKit", "CLibFuzzer"], path: "Sources/Fuzz/FuzzObservations"),
        .executableTarget(
            name: "FuzzFramework", dependencies: ["ScorecardKit", "CLibFuzzer"], path: "Sources/Fuzz/FuzzFramework"),
        .executableTarget(
            name: "FuzzWorkbook",
            dependencies: ["ScorecardKit", "ScorecardSheets", "CLibFuzzer", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/Fuzz/FuzzWorkbook"),
        .executableTarget(
            name: "FuzzNational", dependencies: ["ScorecardKit", "CLibFuzzer"], path: "Sources/Fuzz/FuzzNational"),
    ]
}
