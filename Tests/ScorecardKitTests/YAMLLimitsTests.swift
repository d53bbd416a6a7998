import Foundation
import Testing

@testable import ScorecardKit

/// Hostile framework files: each must be refused (or read) quickly, naming its line, without expanding anything.
enum HostileYAML {
    /// "Billion laughs": each anchor a list of nine aliases of the one before, about 50 KB in all.
    static var laughs: String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        var size = lines[0].utf8.count
        while size < 50_000 {
            let n = lines.count
            let line = "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 9).joined(separator: ", ") + "]"
            lines.append(line)
            size += line.utf8.count + 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// About 490 bytes: a list of ten thousand nodes by aliases, used again and again as a mapping key.
    static var aliasAsKey: String {
        var text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c")] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        text += "e: {" + (0..<24).map { "? *d : \($0)" }.joined(separator: ", ") + "}\n"
        return text
    }

    static let deep = 100_000
}

@Suite("YAML limits: no aliases, bounded nesting, linear time on hostile framework files")
struct YAMLLimitsTests {
    /// The first problem reading `text` as a framework, and how long the read took.
    static func read(_ text: String) -> (error: DataFileError?, seconds: Double) {
        var error: DataFileError?
        let elapsed = ContinuousClock().measure {
            do {
                _ = try FrameworkFile(file: "framework.yaml").read(text)
            } catch let problem as DataFileError {
                error = problem
            } catch let problems as DataLoadError {
                error = problems.errors.first
            } catch {}
        }
        return (error, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static let aliases = "anchors and aliases (&name, *name) are not supported: write the value out in full"

    @Test("billion laughs and a repeated alias key are refused at once, at their first anchor")
    func aliasBombs() {
        #expect(HostileYAML.aliasAsKey.utf8.count < 500)
        for text in [HostileYAML.laughs, HostileYAML.aliasAsKey] {
            let (error, seconds) = Self.read(text)
            #expect(error?.message == Self.aliases)
            #expect(error?.line == 1)
            #expect(seconds < 2)
        }
    }

    @Test("a single anchor or alias in an ordinary framework is refused, naming its line")
    func anchorsAndAliases() throws {
        let anchored = CouncilDirectoryTests.framework(replacing: "owner: Jane Smith", with: "owner: &jane Jane Smith")
        #expect(Self.read(anchored).error == DataFileError(file: "framework.yaml", line: 28, field: nil, message: Self.aliases))
        let aliased = CouncilDirectoryTests.framework(replacing: "owner: Director of Place", with: "owner: *jane")
        #expect(Self.read(aliased).error?.line == 24)
        #expect(Self.read(aliased).error?.message == Self.aliases)
        let list = CouncilDirectoryTests.framework(replacing: "profile: [15, 40, 65, 100]", with: "profile: &p [15, 40, 65, 100]")
        #expect(Self.read(list).error?.message == Self.aliases)
    }

    @Test("nesting 100,000 deep is refused at level 65, in flow and block style alike", arguments: [
        ("flow lists", String(repeating: "[", count: HostileYAML.deep) + String(repeating: "]", count: HostileYAML.deep), 1),
        ("flow mappings", String(repeating: "{a: ", count: HostileYAML.deep) + "1" + String(repeating: "}", count: HostileYAML.deep), 1),
        ("block lists", String(repeating: "- ", count: HostileYAML.deep) + "x", 1),
        ("block mappings", (0..<200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1", 65),
    ])
    func deepNesting(_ hostile: (String, String, Int)) {
        let (error, seconds) = Self.read(hostile.1 + "\n")
        #expect(error?.message == "lists and mappings are nested more than 64 deep", "\(hostile.0)")
        #expect(error?.line == hostile.2, "\(hostile.0)")
        #expect(seconds < 2, "\(hostile.0)")
    }

    @Test("64 levels of nesting are read; 65 are not")
    func depthLimit() throws {
        func nested(_ depth: Int) -> String {
            "x: " + String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1) + "\n"
        }
        #expect(try YAMLComposer(file: "f").compose(nested(64)) != nil)
        #expect(throws: DataFileError.self) { try YAMLComposer(file: "f").compose(nested(65)) }
    }

    @Test("a list or mapping as a key is refused, however deep the keys go")
    func complexKeys() {
        for text in ["? [a, b]\n: 1\n", "{[a]: 1}\n", String(repeating: "? ", count: HostileYAML.deep) + "x\n"] {
            #expect(Self.read(text).error?.message == "a key must be a single value, not a list or mapping")
        }
    }

    @Test("a key given twice names both lines; a second document is refused")
    func duplicatesAndDocuments() {
        let twice = CouncilDirectoryTests.framework(replacing: "decimals: 2", with: "decimals: 2\n            decimals: 3")
        let error = Self.read(twice).error
        #expect(error?.line == 61)
        #expect(error?.field == "decimals")
        #expect(error?.message == "the key appears twice in the same mapping (first on line 60)")
        let many = "council: x\n" + (0..<40).map { "k\($0): 1" }.joined(separator: "\n") + "\nk7: 2\n"
        #expect(Self.read(many).error?.message == "the key appears twice in the same mapping (first on line 9)")
        #expect(Self.read(Fixture.framework + "---\ncouncil: Another\n").error?.message.contains("a second YAML document") == true)
    }

    @Test("%TAG directives are refused before libyaml compares each with all before it; a %YAML header is fine")
    func tagDirectives() throws {
        let tags = (0..<60_000).map { "%TAG !t\($0)! tag:example.org,2024:" }.joined(separator: "\n") + "\n---\n" + Fixture.framework
        let (error, seconds) = Self.read(tags)
        #expect(error == DataFileError(file: "framework.yaml", line: 1, field: nil, message: "YAML %TAG directives are not supported: a framework needs no tags"))
        #expect(seconds < 2)
        let late = Fixture.framework + "...\n%TAG !e! tag:example.org,2024:\n---\n"
        #expect(Self.read(late).error?.line == Fixture.framework.split(separator: "\n", omittingEmptySubsequences: false).count + 1)
        let council = try FrameworkFile(file: "f").read("%YAML 1.2\n---\n" + Fixture.framework)
        #expect(council.plan.council == "Testshire District Council")
    }

    @Test("a raw control character in the file is refused with its line")
    func rawControl() {
        let error = Self.read("council: Testshire\nplan: \u{1B}[2J\n").error
        #expect(error?.line == 2)
        #expect(error?.message == "not valid YAML: control characters are not allowed")
    }

    static let tooMany = "the file holds more than 4,000,000 values, lists and mappings; a framework needs far fewer"

    @Test("10 MB of one value or of keys is read in linear time; 10 MB of list items stops at four million nodes")
    func tenMegabytes() {
        let scalar = "council: " + String(repeating: "x", count: 10_000_000) + "\n"
        let (scalarError, scalarSeconds) = Self.read(scalar)
        #expect(scalarError?.field == "plan")
        #expect(scalarSeconds < 10)
        var keys = ""
        keys.reserveCapacity(10_000_000)
        var n = 0
        while keys.utf8.count < 10_000_000 - 20 {
            keys += "k\(n): v\n"
            n += 1
        }
        let (keysError, keysSeconds) = Self.read(keys)
        // About 2,200,000 nodes: within the limit, so the framework reader finds what is missing instead.
        #expect(keysError != nil)
        #expect(keysError?.message != Self.tooMany)
        // Generous for a debug build on a busy machine; the release binary takes a fraction of a second.
        #expect(keysSeconds < 20)
        let items = "x: [" + String(repeating: "1,", count: 4_999_990) + "1]\n"
        let (itemsError, itemsSeconds) = Self.read(items)
        #expect(itemsError?.message == Self.tooMany)
        #expect(itemsSeconds < 20)
    }

    @Test("four million nodes are read; one more is not")
    func nodeLimit() throws {
        // The root mapping, the key x and its list are three nodes.
        func list(_ items: Int) -> String { "x: [" + Array(repeating: "1", count: items).joined(separator: ",") + "]\n" }
        #expect(try YAMLComposer(file: "f").compose(list(YAMLComposer.maximumNodes - 3)) != nil)
        #expect(throws: DataFileError.self) { try YAMLComposer(file: "f").compose(list(YAMLComposer.maximumNodes - 2)) }
    }

    @Test("values the reader treats as text stay text: null, ~ and the empty value are absent only when plain")
    func nullsOnlyWhenPlain() throws {
        let quoted = CouncilDirectoryTests.framework(replacing: "lead: Cllr Rhea Patel", with: "lead: \"null\"")
        let council = try FrameworkFile(file: "f").read(quoted)
        #expect(council.plan.priorities[0].lead == "null")
        let plain = CouncilDirectoryTests.framework(replacing: "lead: Cllr Rhea Patel", with: "lead: ~")
        #expect(try FrameworkFile(file: "f").read(plain).plan.priorities[0].lead == "")
    }
}
