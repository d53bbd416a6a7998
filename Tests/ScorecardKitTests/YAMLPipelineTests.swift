import Foundation
import Testing

@testable import ScorecardKit

/// A large file's parse events are made on a thread of their own while the document is built from them: the
/// document, and the first problem with its line, are what composing on one thread gives.
@Suite struct YAMLPipelineTests {
    /// A file of `count` measures, about 160 bytes each, with `extra` (a line or lines) put after measure `at`.
    private func framework(count: Int, extra: String = "", at: Int = -1) -> String {
        var text = "council: Test\nplan: Plan\nmeasures:\n"
        for m in 0..<count {
            text += "  - code: M-\(m)\n    title: \"Measure \(m): a title, quoted\"\n    unit: '%'\n    decimals: 1\n"
            text += "    targets: {2024/25: \(m % 100), 2025/26: ~}\n    notes: |\n      line one\n      line two\n"
            if m == at { text += extra }
        }
        return text
    }

    /// The document as text, every node with its line, to compare two compositions.
    private func flattened(_ node: YAMLNode?) -> String {
        guard let node else { return "none" }
        switch node {
        case .scalar(let scalar): return "\(scalar.line):\(scalar.isPlain ? "" : "q")\(scalar.string.debugDescription)"
        case .sequence(let items, let line): return "\(line):[" + items.map(flattened).joined(separator: ",") + "]"
        case .mapping(let mapping):
            return "\(mapping.line):{" + mapping.pairs.map { flattened(.scalar($0.key)) + "=" + flattened($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// `text` composed on two threads and on one: the same document, or the same first problem.
    private func bothWays(_ text: String) -> (pipelined: Result<String, DataFileError>, inline: Result<String, DataFileError>) {
        let composer = YAMLComposer(file: "framework.yaml")
        func compose(_ from: Int) -> Result<String, DataFileError> {
            do { return .success(flattened(try composer.compose(text, pipelinedFrom: from))) } catch let error as DataFileError {
                return .failure(error)
            } catch { return .failure(DataFileError(file: "?", line: nil, field: nil, message: "\(error)")) }
        }
        return (compose(0), compose(Int.max))
    }

    @Test func aLargeFrameworkComposesAsOnOneThread() throws {
        let text = framework(count: 3_000)
        #expect(text.utf8.count > YAMLComposer.pipelinedFrom * 4)
        let (pipelined, inline) = bothWays(text)
        let document = try pipelined.get()
        #expect(document == (try inline.get()))
        #expect(document.contains(#"M-2999"#) && document.contains(#""line one\nline two\n""#))
    }

    @Test func theFirstProblemAnywhereInALargeFileIsTheSame() {
        let problems: [(extra: String, at: Int, message: String)] = [
            ("    title: again\n", 2, "the key appears twice"),
            ("    title: again\n", 2_900, "the key appears twice"),
            ("    bad: [unclosed\n", 2_950, "not valid YAML"),
            ("    anchored: &a 5\n", 1_500, "anchors and aliases"),
            ("    nul: \"a\\0b\"\n", 2_000, "NUL character"),
            ("---\nsecond: document\n", 2_999, "second YAML document"),
            ("    tab:\t\n\t- x\n", 10, "not valid YAML"),
        ]
        for problem in problems {
            let (pipelined, inline) = bothWays(framework(count: 3_000, extra: problem.extra, at: problem.at))
            guard case .failure(let error) = pipelined, case .failure(let expected) = inline else {
                Issue.record("\(problem.message) after \(problem.at): not refused")
                continue
            }
            #expect(error == expected)
            #expect(error.message.contains(problem.message), "\(error.message)")
            #expect((error.line ?? 0) > problem.at * 8, "\(problem.message): line \(error.line ?? 0)")
        }
    }

    @Test func emptyOrCommentsOnlyHoldNoDocumentEitherWay() {
        for text in ["", "# only a comment\n" + String(repeating: "# more\n", count: 20_000)] {
            let (pipelined, inline) = bothWays(text)
            #expect((try? pipelined.get()) == "none" && (try? inline.get()) == "none")
        }
    }
}
