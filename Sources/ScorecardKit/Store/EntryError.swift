/// The problems found in something typed by hand (a value, a target), one per field at fault.
public struct EntryError<Field>: Error, Sendable, Hashable, CustomStringConvertible
where Field: RawRepresentable<String> & Sendable & Hashable {
    /// One field's problem.
    public struct Problem: Sendable, Hashable {
        public var field: Field
        /// A message fit to show beside the field: `"2024/26" is not a period (...)`.
        public var message: String

        public init(field: Field, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// In the order of the entry's fields.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    /// The problem with `field`, if it has one (for showing beside the field).
    public func message(for field: Field) -> String? {
        problems.first { $0.field == field }?.message
    }

    public var description: String {
        problems.map { "\($0.field.rawValue): \($0.message)" }.joined(separator: "\n")
    }

    /// The measure an entry's code names (trimmed; `nil` when none), with the problem to show beside the field.
    static func measure(named text: String, measureWithCode: (String) -> Measure?) -> (code: String, measure: Measure?, problem: String?) {
        let code = String(text.trimmingWhitespace())
        guard !code.isEmpty else { return (code, nil, "enter a measure code (such as KBI-01)") }
        let definition = measureWithCode(code)
        return (code, definition, definition == nil ? UnknownMeasureCode.message(code) : nil)
    }
}
