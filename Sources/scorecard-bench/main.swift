import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `scorecard-bench`: Scorecard at several council sizes against sqlite3 and visidata (see BENCHMARKS.md).
do {
    let options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    guard FileManager.default.isExecutableFile(atPath: options.scorecard) else {
        throw BenchError("no scorecard binary at \(options.scorecard) (build it, or give --scorecard PATH)")
    }
    for tool in ["tmux", "sqlite3"] where ChildProcess.which(tool) == nil {
        throw BenchError("\(tool) is needed and not installed")
    }
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-bench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer {
        if options.keep { log("kept \(root)") } else { try? FileManager.default.removeItem(atPath: root) }
    }
    let tmux = try Tmux()
    var results: [SizeResult] = []
    for size in options.sizes {
        let directory = "\(root)/\(size)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        results.append(try SizeBench(options: options, measures: size, tmux: tmux, workDirectory: directory).run())
        if !options.keep { try? FileManager.default.removeItem(atPath: directory) }
    }
    print(Report.table(results))
    print("")
    print(Budgets.table(results))
    if let json = options.json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(results).write(to: URL(fileURLWithPath: json))
    }
} catch {
    FileHandle.standardError.write(Data("scorecard-bench: \(error)\n".utf8))
    exit(1)
}
