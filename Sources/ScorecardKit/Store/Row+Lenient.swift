import GRDB

extension Row {
    /// The column's value as `T`, or `nil` when it is NULL or holds something else (text in a number column,
    /// say). GRDB's own subscript stops the program on such a value; a database file edited by hand must not.
    func lenient<T: DatabaseValueConvertible>(_ index: Int) -> T? {
        T.fromDatabaseValue(self[index] as DatabaseValue)
    }

    /// The column's text, or an empty string when it holds none.
    func text(_ index: Int) -> String {
        lenient(index) ?? ""
    }
}
