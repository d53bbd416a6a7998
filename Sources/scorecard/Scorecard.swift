import ArgumentParser

/// The `scorecard` command: the dashboard, and the commands around it.
@main
struct Scorecard: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Councils' performance management: the Council Plan, its measures, targets and alerts.",
        subcommands: [DashboardCommand.self, CheckCommand.self, AlertsCommand.self, ImportCommand.self, RecordCommand.self, SampleCommand.self],
        defaultSubcommand: DashboardCommand.self
    )
}
