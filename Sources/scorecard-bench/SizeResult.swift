/// Every figure measured for one council size (seconds, bytes, milliseconds as named). `nil`: not measured.
struct SizeResult: Codable {
    var measures: Int
    var observations: Int = 0
    var csvBytes: Int = 0
    var yamlBytes: Int = 0
    var sampleSeconds: Double = 0

    // Import of the data files into a new database (`scorecard import`).
    var importSeconds: Double = 0
    var importPeakBytes: Int = 0
    var importFrameworkSeconds: Double?
    var importObservationsReadSeconds: Double?
    var importWriteSeconds: Double?
    /// Reading and checking observations.csv plus writing the database: the import measured against sqlite3's.
    var importCSVSeconds: Double? {
        guard let read = importObservationsReadSeconds, let write = importWriteSeconds else { return nil }
        return read + write
    }

    // The dashboard on the database.
    var launchSeconds: [Double] = []
    var loadSeconds: Double?
    var judgeSeconds: Double?
    var firstFramePeakBytes: Int?
    var keys: Int = 0
    var keysRedrawn: Int = 0
    var keyMedianMilliseconds: Double?
    var keyP99Milliseconds: Double?
    var keyMaxMilliseconds: Double?
    var bytesPerMoveMedian: Double?
    var bytesPerMoveMax: Double?
    var dashboardPeakBytes: Int?

    // The dashboard while another process records values (`LiveBench`), in the same session after the keys above.
    var recordingKeys: Int = 0
    var recordingKeysRedrawn: Int = 0
    var recordingKeyMedianMilliseconds: Double?
    var recordingKeyP99Milliseconds: Double?
    var recordingKeyMaxMilliseconds: Double?
    /// `scorecard record` commands run meanwhile that recorded their value, and those that failed.
    var valuesRecorded: Int = 0
    var valueRecordFailures: Int = 0
    /// From the first record's start to the last one's end.
    var recordingSeconds: Double?
    /// Per value recorded on an open measure screen: the seconds from the command's exit to the value on screen.
    var visibleSeconds: [Double] = []
    /// Values recorded on an open measure screen that were not on screen within 5 s.
    var visibleTimeouts: Int = 0
    /// The dashboard's peak memory over the whole session, the writes included (`VmHWM` at the end).
    var sessionPeakBytes: Int?

    /// `scorecard report --database DB --out report.html`: the whole committee paper, every measure with its chart.
    var reportSeconds: Double?
    var reportPeakBytes: Int?
    var reportBytes: Int?

    // The shared store on PostgreSQL (`--postgres`; `PostgresBench`).
    /// The medians of each round's `psql \copy` (the anchor) and `scorecard import`, and the rounds, each into a
    /// new database (see `PostgresBench`).
    var postgresCopySeconds: Double?
    var postgresImportSeconds: Double?
    var postgresCopyRounds: [Double] = []
    var postgresImportRounds: [Double] = []
    var postgresLaunchSeconds: [Double] = []
    var postgresLaunchPeakBytes: Int?
    /// Per value published by an officer: seconds from `scorecard publish` returning to the value on a member's screen.
    var postgresVisibleSeconds: [Double] = []
    var postgresVisibleTimeouts: Int = 0
    /// Drafts that showed on the member's screen before they were published (must be 0).
    var postgresDraftsSeen: Int = 0
    var postgresWritersSeconds: Double?
    var postgresWriterFailures: Int = 0
    /// Revisions the database gained from the writers (must be writers x values).
    var postgresValuesLanded: Int?

    var postgresLaunchMedianSeconds: Double? { postgresLaunchSeconds.median }
    var postgresVisibleMaxSeconds: Double? { postgresVisibleSeconds.max() }

    // The anchors on the same data.
    var sqliteImportSeconds: Double?
    var sqliteSelectSeconds: Double?
    var visidataFirstScreenSeconds: Double?
    var visidataLoadedSeconds: Double?
    var visidataPeakBytes: Int?
    var visidataBytesPerMoveMedian: Double?
    var visidataNote: String?

    var launchMedianSeconds: Double? { launchSeconds.median }
    var visibleMedianSeconds: Double? { visibleSeconds.median }
    var visibleMaxSeconds: Double? { visibleSeconds.max() }
}
