import ScorecardSheets

/// What `check` and `import` say of a workbook's sheets of values beside its Observations sheet
/// (``CouncilWorkbook/unreadValueSheets(path:)``): a line each.
enum UnreadSheetWarning {
    /// The warnings for the source at `path` (none unless it is a workbook).
    static func lines(path: String?) -> [String] {
        guard let path, path.lowercased().hasSuffix(".xlsx") else { return [] }
        return CouncilWorkbook.unreadValueSheets(path: path).map { sheet in
            "Warning: the sheet \"\(sheet.terminalSafe.excerpt())\" has the columns of values but is not read (only the sheet "
                + "Observations is): its figures are not imported; move them into Observations if they should be."
        }
    }
}
