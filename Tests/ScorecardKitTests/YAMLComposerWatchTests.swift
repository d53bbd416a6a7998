import Testing

@testable import ScorecardKit

/// ``YAMLComposer`` hands over the nodes at watched paths as it builds them (how a framework's measures are read
/// while the rest of the file is parsed): each value at its path, with the item numbers of the lists on the way.
@Suite("YAML nodes handed over as they are built")
struct YAMLComposerWatchTests {
    /// What `found` is given for `text`, in order: the path's index, the item numbers, and the node as text.
    private func handedOver(_ text: String, watching paths: [YAMLComposer.Path], pipelinedFrom: Int = .max) throws -> [String] {
        var found: [String] = []
        _ = try YAMLComposer(file: "f.yaml").compose(text, pipelinedFrom: pipelinedFrom, watching: paths) { path, items, node in
            found.append("\(path) \(items) \(Self.shown(node))")
        }
        return found
    }

    private static func shown(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar): scalar.string
        case .sequence(let items, _): "[" + items.map(shown).joined(separator: ", ") + "]"
        case .mapping(let mapping): "{" + mapping.pairs.map { "\($0.key.string): \(shown($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test("each value at a watched path, as soon as it is built; keys and other places never")
    func valuesAtTheirPaths() throws {
        let text = "a: [x, y]\nb: {c: 1, a: [q]}\nd: [z]\nlist: [[1, 2], [3]]\n"
        let paths: [YAMLComposer.Path] = [["a", nil], ["b"], ["b", "c"], ["list", nil, nil]]
        let expected = ["0 [0] x", "0 [1] y", "2 [] 1", "1 [] {c: 1, a: [q]}", "3 [0, 0] 1", "3 [0, 1] 2", "3 [1, 0] 3"]
        #expect(try handedOver(text, watching: paths) == expected)
        // Made on a thread of their own, the events build the same nodes, handed over in the same order.
        #expect(try handedOver(text, watching: paths, pipelinedFrom: 0) == expected)
    }

    @Test("a path's keys must be met from the top: the same keys deeper down are another place")
    func keysFromTheTop() throws {
        #expect(try handedOver("x:\n  a: [q]\n", watching: [["a", nil]]).isEmpty)
        #expect(try handedOver("- a: [q]\n", watching: [["a", nil]]).isEmpty)
        #expect(try handedOver("a: q\n", watching: [["a", nil]]).isEmpty)
        #expect(try handedOver("a: {q: 1}\n", watching: [["a", nil]]).isEmpty)
    }
}
