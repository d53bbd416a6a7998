extension String {
    /// The folder part of a path: everything before its last component, as `dirname` gives it but empty for a bare
    /// name (`"a/b.db"` is `"a"`, `"/b.db"` is `"/"`, `"b.db"`, `"."` and `"./"` are `""`).
    ///
    /// Written here rather than taken from `NSString.deletingLastPathComponent`, which on Linux stops the program
    /// on `"."` and `"./"` (`import --database .` crashed).
    public var folderPart: String {
        var path = Substring(self)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        var folder = path[..<slash]
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
