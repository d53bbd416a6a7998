import Foundation

/// The command line: `scorecard-bench [--sizes 150,10000,50000] [--years 10] [--keys 1200] [--launches 3]
/// [--width 200] [--height 60] [--scorecard PATH] [--json PATH] [--no-visidata] [--keep] [--postgres URL]`.
struct BenchOptions {
    var sizes = [150, 10_000, 50_000]
    var years = 10
    var keys = 1_000
    var launches = 3
    var width = 200
    var height = 60
    /// The `scorecard` binary; by default the one built next to this program.
    var scorecard: String
    var json: String?
    var visidata = true
    /// A PostgreSQL server to measure the shared store on (a superuser's URL); `nil`: not measured.
    var postgres: String?
    /// Measure only the shared store (the file's dashboard and the anchors are skipped).
    var postgresOnly = false
    /// Keep the working directory (the councils, databases and traces) instead of removing it.
    var keep = false

    static let usage = """
        usage: scorecard-bench [--sizes 150,10000,50000] [--years 10] [--keys 1000] [--launches 3]
                               [--width 200] [--height 60] [--scorecard PATH] [--json PATH] [--no-visidata] [--keep]
                               [--postgres postgres://SUPERUSER@HOST:PORT/DB [--postgres-only]]
        """

    init(arguments: [String]) throws {
        let here = URL(fileURLWithPath: Self.executablePath()).deletingLastPathComponent()
        scorecard = here.appendingPathComponent("scorecard").path
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw BenchError("\(name) needs a value\n\(Self.usage)") }
            return next
        }
        func number(_ name: String) throws -> Int {
            let text = try value(name)
            guard let number = Int(text), number > 0 else { throw BenchError("\(name): \"\(text)\" is not a positive number") }
            return number
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--sizes":
                let text = try value(argument)
                sizes = try text.split(separator: ",").map {
                    guard let size = Int($0), size > 0 else { throw BenchError("--sizes: \"\(text)\" is not a list of sizes") }
                    return size
                }
            case "--years": years = try number(argument)
            case "--keys": keys = try number(argument)
            case "--launches": launches = try number(argument)
            case "--width": width = try number(argument)
            case "--height": height = try number(argument)
            case "--scorecard": scorecard = try value(argument)
            case "--json": json = try value(argument)
            case "--no-visidata": visidata = false
            case "--keep": keep = true
            case "--postgres": postgres = try value(argument)
            case "--postgres-only": postgresOnly = true
            case "-h", "--help": throw BenchError(Self.usage)
            default: throw BenchError("unknown argument \(argument)\n\(Self.usage)")
            }
        }
        if postgresOnly, postgres == nil { throw BenchError("--postgres-only needs --postgres URL\n\(Self.usage)") }
    }

    private static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
