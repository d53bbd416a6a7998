import Foundation

/// The measures of `framework.yaml`'s priorities and delivery plans, read ahead all at once, a slice on each core,
/// for ``FrameworkFile`` to take in document order.
///
/// A measure's fields need nothing read before them; only its code is checked against the codes before it, which
/// ``MeasureReader/take(_:)`` does as each is taken, so the file reads and reports exactly as one read in order.
/// (Read one after another, 10,000 measures took about 0.15 s of the 0.4 s an import spends on `framework.yaml`,
/// while the machine's other cores had nothing to do.)
struct MeasuresReadAhead {
    /// One measure read ahead.
    enum Outcome {
        /// What reading it threw before its code could be checked against the others (not a mapping, no code).
        case failed(any Error)
        /// Its code, its fields as they were when the code was read (to report a code used twice), and the
        /// measure or what reading its other fields threw.
        case read(code: String, fields: YAMLObject, measure: Result<Measure, any Error>)
    }

    /// Each measure read, with its node's line, in document order.
    let outcomes: [(line: Int, outcome: Outcome)]
    private var next = 0

    /// How many measures make it worth reading them on more than one core.
    static let parallelFrom = 512

    /// Reads ahead every measure listed under the priorities (and their plans) of the framework file `root`, in
    /// `slices` at once (by default one for a few measures, else one a core).
    init(root: YAMLNode, file: String, defaultTolerance: Tolerance?, slices: Int? = nil) {
        let nodes = Self.measureNodes(in: root)
        let reader = MeasureReader(defaultTolerance: defaultTolerance)
        let slices = max(1, slices ?? (nodes.count < Self.parallelFrom ? 1 : min(8, ProcessInfo.processInfo.activeProcessorCount)))
        let results = SliceResults<[(line: Int, outcome: Outcome)]>(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = nodes.count * slice / slices..<nodes.count * (slice + 1) / slices
            results.set(slice, nodes[range].map { ($0.line, Self.outcome(of: $0, file: file, reader: reader)) })
        }
        outcomes = results.values.flatMap { $0 }
    }

    /// The outcome of `node`, the next measure the framework's reader comes to; `nil` when it was not read ahead.
    mutating func take(_ node: YAMLNode) -> Outcome? {
        // Lists the reader passes over (a priority that is not a mapping, say) were passed over here too; the
        // line keeps the two in step whatever happens.
        while next < outcomes.count, outcomes[next].line < node.line { next += 1 }
        guard next < outcomes.count, outcomes[next].line == node.line else { return nil }
        defer { next += 1 }
        return outcomes[next].outcome
    }

    /// The measure nodes in document order: each priority's own, then those of each of its plans, as
    /// ``FrameworkFile`` comes to them.
    private static func measureNodes(in root: YAMLNode) -> [YAMLNode] {
        guard case .mapping(let top) = root, case .sequence(let priorities, _)? = top["priorities"]?.value else { return [] }
        var nodes: [YAMLNode] = []
        for case .mapping(let priority) in priorities {
            if case .sequence(let measures, _)? = priority["measures"]?.value { nodes += measures }
            guard case .sequence(let plans, _)? = priority["plans"]?.value else { continue }
            for case .mapping(let plan) in plans {
                if case .sequence(let measures, _)? = plan["measures"]?.value { nodes += measures }
            }
        }
        return nodes
    }

    private static func outcome(of node: YAMLNode, file: String, reader: MeasureReader) -> Outcome {
        do {
            var fields = try YAMLObject(node, file: file, context: "a measure")
            let code = try MeasureReader.code(&fields)
            let atCode = fields
            return .read(code: code, fields: atCode, measure: Result { try reader.read(&fields, code: code) })
        } catch {
            return .failed(error)
        }
    }
}
