/// Whose measures "my measures" lists: an owner, service or team asked for by name (`--owner`, `--service`), or
/// the measures a meeting's presenter listed as its login's; with neither, an owner's login lists those it may
/// record and anyone else every measure.
public struct MeasureScope: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The owner, service, team or delivery plan owner asked for, matched within their names; empty for none.
    public var name: String
    /// The measures a presenter's "my measures" listed, by code, when they were those its login may record (an
    /// owner of a shared store): its followers list the same, whatever their own login may record.
    public var codes: Set<String>?

    public init(_ name: String = "", codes: Set<String>? = nil) {
        self.name = name
        self.codes = codes
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }

    /// Whether it asks for nobody in particular.
    public var isEmpty: Bool { name.isEmpty && codes == nil }
}
