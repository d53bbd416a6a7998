import ArgumentParser

/// The database of a command that writes (`import`, `record`, `target`, `publish`): `--database` as for the
/// dashboard (see ``DatabaseOptions``). `--published` is not in its help, as such a command cannot show what
/// members see; given all the same, it is refused in words rather than as an unknown option.
struct WritingDatabaseOptions: ParsableArguments, DatabaseChoice {
    @Option(name: .long, help: DatabaseOptions.databaseHelp)
    var database: String?

    @Flag(help: .hidden)
    var published = false

    func validate() throws {
        try DatabaseOptions.refuseOtherURL(resolved().path)
    }
}
