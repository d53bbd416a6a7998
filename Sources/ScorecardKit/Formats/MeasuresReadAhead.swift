/// The measures of `framework.yaml`'s priorities and delivery plans, each read as soon as ``YAMLComposer`` has
/// built its node, for ``FrameworkFile`` to take as it comes to them.
///
/// A large file is parsed by libyaml on a thread of its own while the document is built on the caller's, which
/// waited for the parser most of the time: reading each measure there, as it is built, took the reading of 10,000
/// measures (~0.3 s of work) off the end of the file's ~0.55 s (measured by `perf` on the benchmark's import).
///
/// A measure's fields need nothing read before them but the framework's default tolerance (`defaults:`), which
/// usually comes first; only its code is checked against the codes before it, which ``MeasureReader/take(_:)``
/// does as each is taken, so the file reads and reports exactly as one read in order.
final class MeasuresReadAhead {
    /// One measure read ahead.
    enum Outcome {
        /// What reading it threw before its code could be checked against the others (not a mapping, no code).
        case failed(any Error)
        /// Its code, its fields as they were when the code was read (to report a code used twice), and the
        /// measure or what reading its other fields threw.
        case read(code: String, fields: YAMLObject, measure: Result<Measure, any Error>)
    }

    /// Where a measure's node is: its priority's item number in `priorities`, its delivery plan's in the
    /// priority's `plans` (when the plan lists it), and its own in the `measures` that list it.
    struct Place: Hashable {
        var priority: Int
        var plan: Int?
        var index: Int
    }

    /// The places ``YAMLComposer`` is to hand over, by index: the defaults, a priority's measures, a plan's.
    static let paths: [YAMLComposer.Path] = [
        ["defaults"], ["priorities", nil, "measures", nil], ["priorities", nil, "plans", nil, "measures", nil],
    ]

    private let file: String
    private var outcomes: [Place: Outcome] = [:]
    /// The default tolerance as the file gives it so far (`nil` until `defaults:` has been read).
    private var defaultTolerance: Tolerance?
    /// Each default tolerance measures have been read with.
    private var readWith: [Tolerance?] = []

    init(file: String) {
        self.file = file
    }

    /// Takes a node ``YAMLComposer`` hands over from one of ``paths``.
    func found(path: Int, items: [Int], node: YAMLNode) {
        switch (path, items.count) {
        case (0, _):
            defaultTolerance = try? Self.defaultTolerance(node, file: file)
        case (1, 2), (2, 3):
            // A priority's measure's items are its priority's and its own; a plan's, the plan's between them.
            read(node, at: Place(priority: items[0], plan: items.count == 3 ? items[1] : nil, index: items[items.count - 1]))
        default:
            break
        }
    }

    /// Keeps what was read only when it was read with `defaultTolerance`, the framework's default tolerance
    /// as read (it may come after the measures); otherwise each measure is read again as it is taken.
    func confirm(defaultTolerance: Tolerance?) {
        if readWith.contains(where: { $0 != defaultTolerance }) { outcomes = [:] }
    }

    /// The outcome of the measure at `place`; `nil` when it was not read ahead.
    func take(at place: Place) -> Outcome? {
        outcomes.removeValue(forKey: place)
    }

    /// The tolerance of `defaults:` as ``FrameworkFile/read(_:elsewhere:)`` reads it.
    static func defaultTolerance(_ node: YAMLNode, file: String) throws -> Tolerance? {
        var defaults = try YAMLObject(node, file: file, context: "defaults")
        let tolerance = try FrameworkFile.tolerance(&defaults)
        try defaults.rejectUnknownKeys(allowed: FrameworkFile.defaultKeys)
        return tolerance
    }

    private func read(_ node: YAMLNode, at place: Place) {
        if !readWith.contains(where: { $0 == defaultTolerance }) { readWith.append(defaultTolerance) }
        let reader = MeasureReader(defaultTolerance: defaultTolerance)
        do {
            var fields = try YAMLObject(node, file: file, context: "a measure")
            let code = try MeasureReader.code(&fields)
            let atCode = fields
            outcomes[place] = .read(code: code, fields: atCode, measure: Result { try reader.read(&fields, code: code) })
        } catch {
            outcomes[place] = .failed(error)
        }
    }
}
