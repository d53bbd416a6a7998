/// One level of the navigation stack: a screen, where its cursor is, and its filter.
public struct NavigationEntry: Hashable, Sendable {
    public var route: Route
    /// The selected row, as an index into the (filtered) list.
    public var selection: Int
    /// The first row shown.
    public var scroll: Int
    /// The filter typed with `/`; empty for none.
    public var filter: String

    public init(_ route: Route, selection: Int = 0, scroll: Int = 0, filter: String = "") {
        self.route = route
        self.selection = selection
        self.scroll = scroll
        self.filter = filter
    }
}
