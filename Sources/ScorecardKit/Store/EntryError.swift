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
}
