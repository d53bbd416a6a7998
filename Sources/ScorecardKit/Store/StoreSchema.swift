import GRDB

/// The SQLite store's schema, as migrations (documented in `docs/schema.md`).
///
/// Periods are stored as their kind and ordinal (see ``Period``), which sort and compare as integers; the
/// views add a `period` column with the canonical text for people reading the file with `sqlite3`.
/// Values and targets live in append-only revision tables (triggers refuse updates and deletes); views give
/// the current values.
enum StoreSchema {
    /// The SQLite `application_id` of a Scorecard database: "SCRD" in ASCII.
    static let applicationID: Int32 = 0x5343_5244

    /// The schema version, kept in `user_version`: the number of migrations. A file with a larger one was made by
    /// a newer Scorecard and is refused.
    static let version = 11

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            for statement in v1 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE measure ADD COLUMN minimum REAL")
            try db.execute(sql: "ALTER TABLE measure ADD COLUMN maximum REAL")
            try stamp(db)
        }
        migrator.registerMigration("v3") { db in
            // The index carries each revision's value and target, so that the latest values of every measure
            // (what the dashboard opens with) are read from the index alone, without a look-up per row.
            try db.execute(sql: "DROP INDEX observation_revision_by_key")
            try db.execute(sql: """
                CREATE INDEX observation_revision_by_measure
                ON observation_revision(measure_id, period_kind, period_ordinal, id, value, target)
                """)
            try stamp(db)
        }
        migrator.registerMigration("v4") { db in
            for statement in v4 { try db.execute(sql: statement) }
            try stamp(db)
        }
        migrator.registerMigration("v5") { db in
            // Which measures count people, so that public reports withhold small numbers (`count 4`, `rate 4 40`).
            try db.execute(sql: "ALTER TABLE measure ADD COLUMN small_numbers TEXT")
            try stamp(db)
        }
        migrator.registerMigration("v6") { db in
            // Meetings: what a presenter's dashboard shows, for followers' dashboards to show too.
            try db.execute(sql: """
                CREATE TABLE meeting (
                  name TEXT PRIMARY KEY,
                  presenter TEXT NOT NULL,
                  view TEXT NOT NULL,
                  sequence INTEGER NOT NULL,
                  ended INTEGER NOT NULL DEFAULT 0,
                  updated_at TEXT NOT NULL
                )
                """)
            try stamp(db)
        }
        migrator.registerMigration("v7") { db in
            // An outcome measure's comparators (England, region, neighbours), read from a national download at
            // import: JSON (``Comparators``).
            try db.execute(sql: "ALTER TABLE measure ADD COLUMN comparators TEXT")
            try stamp(db)
        }
        migrator.registerMigration("v8") { db in
            // Each measure's latest revisions, kept by every write (``RecentRevisions``), made here for a file
            // that has values already.
            for statement in RecentRevisions.schema { try db.execute(sql: statement) }
            try RecentRevisions.catchUp(db)
            try stamp(db)
        }
        migrator.registerMigration("v9") { db in
            for statement in v9 { try db.execute(sql: statement) }
            try stamp(db)
        }
        migrator.registerMigration("v10") { db in
            for statement in v10 { try db.execute(sql: statement) }
            try stamp(db)
        }
        migrator.registerMigration("v11") { db in
            for statement in v11 { try db.execute(sql: statement) }
            try stamp(db)
        }
        return migrator
    }

    /// Marks the file as a Scorecard database of this schema version.
    static func stamp(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// The canonical text of a period from its kind and ordinal, as ``Period/description`` writes it.
    static let periodText = periodText(of: nil)

    /// ``periodText`` of the columns of the table named (or aliased) `table`.
    static func periodText(of table: String?) -> String {
        let (kind, ordinal) = table.map { ("\($0).period_kind", "\($0).period_ordinal") } ?? ("period_kind", "period_ordinal")
        return """
            CASE \(kind)
              WHEN 0 THEN printf('%04d-%02d', \(ordinal) / 12, \(ordinal) % 12 + 1)
              WHEN 1 THEN printf('%d/%02d Q%d', \(ordinal) / 4, (\(ordinal) / 4 + 1) % 100, \(ordinal) % 4 + 1)
              WHEN 2 THEN printf('%d/%02d', \(ordinal), (\(ordinal) + 1) % 100)
              ELSE printf('%d', \(ordinal))
            END
            """
    }

    /// The period's text moves from the revision tables to the views: SQLite computed a generated column on every
    /// row inserted, even a virtual one (0.3 s of an import of 1.2 million values). The views keep their
    /// columns, in the same order.
    static let v9: [String] = [
        "DROP VIEW observation",
        "DROP VIEW published_observation",
        "DROP VIEW draft_observation",
        "DROP VIEW observation_history",
        "DROP VIEW target",
        "ALTER TABLE observation_revision DROP COLUMN period",
        "ALTER TABLE target_revision DROP COLUMN period",
        """
        CREATE VIEW observation AS
        SELECT \(revisionColumnsV9) FROM observation_revision r
        WHERE r.id = (SELECT max(l.id) FROM observation_revision l
                      WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                        AND l.period_ordinal = r.period_ordinal)
        """,
        """
        CREATE VIEW published_observation AS
        SELECT \(revisionColumnsV9) FROM observation_revision r
        WHERE r.draft = 0
          AND r.id = (SELECT max(l.id) FROM observation_revision l
                      WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                        AND l.period_ordinal = r.period_ordinal AND l.draft = 0)
        """,
        """
        CREATE VIEW draft_observation AS
        SELECT m.code AS measure, \(periodText(of: "o")) AS period, o.value, o.target, o.note, o.quality, o.changed_by,
               o.changed_at, o.id
        FROM observation_revision o JOIN measure m ON m.id = o.measure_id
        WHERE o.draft = 1
          AND o.id = (SELECT max(l.id) FROM observation_revision l
                      WHERE l.measure_id = o.measure_id AND l.period_kind = o.period_kind
                        AND l.period_ordinal = o.period_ordinal)
        """,
        """
        CREATE VIEW observation_history AS
        SELECT m.code AS measure, \(periodText(of: "r")) AS period, r.value, r.target, r.note, r.quality, r.changed_by,
               r.changed_at, r.source,
               lag(r.value) OVER w AS replaced_value, lag(r.target) OVER w AS replaced_target,
               lag(r.note) OVER w AS replaced_note, lag(r.quality) OVER w AS replaced_quality,
               r.measure_id, r.period_kind, r.period_ordinal, r.id
        FROM observation_revision r JOIN measure m ON m.id = r.measure_id
        WINDOW w AS (PARTITION BY r.measure_id, r.period_kind, r.period_ordinal ORDER BY r.id)
        """,
        """
        CREATE VIEW target AS
        SELECT r.id, r.measure_id, r.period_kind, r.period_ordinal, \(periodText(of: "r")) AS period, r.value, r.changed_by,
               r.changed_at
        FROM target_revision r
        WHERE r.value IS NOT NULL
          AND r.id = (SELECT max(l.id) FROM target_revision l
                      WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                        AND l.period_ordinal = r.period_ordinal)
        """,
    ]

    /// An observation revision's columns as the views of schema 9 gave them (`r`), with the period's text after its
    /// kind and ordinal.
    private static let revisionColumnsV9 = """
        r.id, r.measure_id, r.period_kind, r.period_ordinal, \(periodText(of: "r")) AS period, r.value, r.target, r.note,
               r.quality, r.changed_by, r.changed_at, r.source, r.draft, r.published_by, r.published_at, r.sign_off
        """

    /// Who made a revision, when and how, as columns named `changed_by`, `changed_at` and `source`: the revision's
    /// own, or (schema 10) those of the import batch it belongs to, joined by `join` (empty for a file of an older
    /// schema opened read-only, whose revisions all carry their own).
    /// - Parameter table: the name or alias of `observation_revision` in the query.
    static func authorship(of table: String, batches: Bool = true) -> (columns: String, join: String) {
        guard batches else { return ("\(table).changed_by, \(table).changed_at, \(table).source", "") }
        let batch = "\(table)_batch"
        return (
            "coalesce(\(table).changed_by, \(batch).imported_by) AS changed_by, "
                + "coalesce(\(table).changed_at, \(batch).imported_at) AS changed_at, "
                + "coalesce(\(table).source, 'import') AS source",
            "LEFT JOIN import_batch \(batch) ON \(batch).id = \(table).import_batch"
        )
    }

    /// Imports in batches: an import's values name their batch (`import_batch`), which says once who imported them
    /// and when, instead of each repeating "import", the time and the source (45 of a row's 89 bytes; at 50,000
    /// measures the file was 785 MB against 597 MB, and the import 1.3x against 1.1x `sqlite3 .import`).
    /// A recorded value keeps its own `changed_by`, `changed_at` and `source` (a draft always does: only a recorded
    /// value is one); the views give either as before.
    /// SQLite cannot relax a column's NOT NULL in place, so `observation_revision` is rebuilt (its rows and ids
    /// kept, with their own authorship), with its indexes, triggers and views.
    static let v10: [String] = {
        let (columns, join) = authorship(of: "r")
        let revisionColumns = """
            r.id, r.measure_id, r.period_kind, r.period_ordinal, \(periodText(of: "r")) AS period, r.value, r.target, r.note,
                   r.quality, \(columns), r.draft, r.published_by, r.published_at, r.sign_off, r.import_batch
            """
        let kept = """
            id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at, source, draft,
              published_by, published_at, sign_off
            """
        return [
            "DROP VIEW observation",
            "DROP VIEW published_observation",
            "DROP VIEW draft_observation",
            "DROP VIEW observation_history",
            """
            CREATE TABLE import_batch (
              id INTEGER PRIMARY KEY,
              imported_by TEXT NOT NULL,
              imported_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE observation_revision_v10 (
              id INTEGER PRIMARY KEY,
              measure_id INTEGER NOT NULL REFERENCES measure(id),
              period_kind INTEGER NOT NULL,
              period_ordinal INTEGER NOT NULL,
              value REAL,
              target REAL,
              note TEXT,
              quality TEXT,
              changed_by TEXT,
              changed_at TEXT,
              source TEXT,
              draft INTEGER NOT NULL DEFAULT 0,
              published_by TEXT,
              published_at TEXT,
              sign_off INTEGER,
              import_batch INTEGER REFERENCES import_batch(id),
              CHECK (CASE WHEN import_batch IS NULL
                          THEN changed_by IS NOT NULL AND changed_at IS NOT NULL AND source IS NOT NULL
                          ELSE changed_by IS NULL AND changed_at IS NULL AND source IS NULL AND draft = 0 END)
            )
            """,
            "INSERT INTO observation_revision_v10 (\(kept)) SELECT \(kept) FROM observation_revision ORDER BY id",
            "DROP TABLE observation_revision",
            "ALTER TABLE observation_revision_v10 RENAME TO observation_revision",
            """
            CREATE INDEX observation_revision_by_measure
            ON observation_revision(measure_id, period_kind, period_ordinal, id, value, target, draft)
            """,
            "CREATE INDEX observation_revision_by_sign_off ON observation_revision(sign_off) WHERE sign_off IS NOT NULL",
            "CREATE INDEX observation_revision_drafts ON observation_revision(id) WHERE draft = 1",
            """
            CREATE TRIGGER observation_revision_no_delete BEFORE DELETE ON observation_revision
            BEGIN SELECT RAISE(ABORT, 'observation_revision is append-only: history is never deleted'); END
            """,
            """
            CREATE TRIGGER observation_revision_no_update
            BEFORE UPDATE OF id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at,
              source, import_batch ON observation_revision
            BEGIN SELECT RAISE(ABORT, 'observation_revision is append-only: record a new revision instead'); END
            """,
            """
            CREATE TRIGGER observation_revision_signed_off_once
            BEFORE UPDATE OF draft, published_by, published_at, sign_off ON observation_revision
            WHEN old.draft = 0 OR new.draft <> 0 OR new.published_by IS NULL OR new.published_at IS NULL OR new.sign_off IS NULL
            BEGIN SELECT RAISE(ABORT, 'a value is signed off once, and a signed-off value stays signed off'); END
            """,
        ] + appendOnly("import_batch") + [
            """
            CREATE VIEW observation AS
            SELECT \(revisionColumns) FROM observation_revision r \(join)
            WHERE r.id = (SELECT max(l.id) FROM observation_revision l
                          WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                            AND l.period_ordinal = r.period_ordinal)
            """,
            """
            CREATE VIEW published_observation AS
            SELECT \(revisionColumns) FROM observation_revision r \(join)
            WHERE r.draft = 0
              AND r.id = (SELECT max(l.id) FROM observation_revision l
                          WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                            AND l.period_ordinal = r.period_ordinal AND l.draft = 0)
            """,
            """
            CREATE VIEW draft_observation AS
            SELECT m.code AS measure, \(periodText(of: "o")) AS period, o.value, o.target, o.note, o.quality, o.changed_by,
                   o.changed_at, o.id
            FROM observation_revision o JOIN measure m ON m.id = o.measure_id
            WHERE o.draft = 1
              AND o.id = (SELECT max(l.id) FROM observation_revision l
                          WHERE l.measure_id = o.measure_id AND l.period_kind = o.period_kind
                            AND l.period_ordinal = o.period_ordinal)
            """,
            """
            CREATE VIEW observation_history AS
            SELECT m.code AS measure, \(periodText(of: "r")) AS period, r.value, r.target, r.note, r.quality, \(columns),
                   lag(r.value) OVER w AS replaced_value, lag(r.target) OVER w AS replaced_target,
                   lag(r.note) OVER w AS replaced_note, lag(r.quality) OVER w AS replaced_quality,
                   r.measure_id, r.period_kind, r.period_ordinal, r.id
            FROM observation_revision r JOIN measure m ON m.id = r.measure_id \(join)
            WINDOW w AS (PARTITION BY r.measure_id, r.period_kind, r.period_ordinal ORDER BY r.id)
            """,
        ]
    }()

    /// Drafts and sign-off: a recorded value is a draft (`draft` = 1) until `publish` signs it off, which sets
    /// `draft` to 0 and fills `published_by`, `published_at` and `sign_off` (a number that grows with each
    /// sign-off, so that a watcher can ask what was signed off since). Rows from before, and imported ones,
    /// are published as written. The only update the table allows is that one sign-off.
    static let v4: [String] = [
        "ALTER TABLE observation_revision ADD COLUMN draft INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE observation_revision ADD COLUMN published_by TEXT",
        "ALTER TABLE observation_revision ADD COLUMN published_at TEXT",
        "ALTER TABLE observation_revision ADD COLUMN sign_off INTEGER",
        "DROP INDEX observation_revision_by_measure",
        """
        CREATE INDEX observation_revision_by_measure
        ON observation_revision(measure_id, period_kind, period_ordinal, id, value, target, draft)
        """,
        "CREATE INDEX observation_revision_by_sign_off ON observation_revision(sign_off) WHERE sign_off IS NOT NULL",
        "CREATE INDEX observation_revision_drafts ON observation_revision(id) WHERE draft = 1",
        "DROP TRIGGER observation_revision_no_update",
        """
        CREATE TRIGGER observation_revision_no_update
        BEFORE UPDATE OF id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at,
          source ON observation_revision
        BEGIN SELECT RAISE(ABORT, 'observation_revision is append-only: record a new revision instead'); END
        """,
        """
        CREATE TRIGGER observation_revision_signed_off_once
        BEFORE UPDATE OF draft, published_by, published_at, sign_off ON observation_revision
        WHEN old.draft = 0 OR new.draft <> 0 OR new.published_by IS NULL OR new.published_at IS NULL OR new.sign_off IS NULL
        BEGIN SELECT RAISE(ABORT, 'a value is signed off once, and a signed-off value stays signed off'); END
        """,
        """
        CREATE VIEW published_observation AS
        SELECT r.* FROM observation_revision r
        WHERE r.draft = 0
          AND r.id = (SELECT max(l.id) FROM observation_revision l
                      WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                        AND l.period_ordinal = r.period_ordinal AND l.draft = 0)
        """,
        """
        CREATE VIEW draft_observation AS
        SELECT m.code AS measure, o.period, o.value, o.target, o.note, o.quality, o.changed_by, o.changed_at, o.id
        FROM observation_revision o JOIN measure m ON m.id = o.measure_id
        WHERE o.draft = 1
          AND o.id = (SELECT max(l.id) FROM observation_revision l
                      WHERE l.measure_id = o.measure_id AND l.period_kind = o.period_kind
                        AND l.period_ordinal = o.period_ordinal)
        """,
    ]

    /// Target proposals: an owner's proposed target waits in `target_proposal` until an officer approves it, which
    /// appends the target revision that names it (once: `target_revision_by_proposal` is unique).
    static let v11: [String] = [
        """
        CREATE TABLE target_proposal (
          id INTEGER PRIMARY KEY,
          measure_id INTEGER NOT NULL REFERENCES measure(id),
          period_kind INTEGER NOT NULL,
          period_ordinal INTEGER NOT NULL,
          value REAL,
          proposed_by TEXT NOT NULL,
          proposed_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX target_proposal_by_key ON target_proposal(measure_id, period_kind, period_ordinal, id)",
        "ALTER TABLE target_revision ADD COLUMN proposal_id INTEGER REFERENCES target_proposal(id)",
        "CREATE UNIQUE INDEX target_revision_by_proposal ON target_revision(proposal_id) WHERE proposal_id IS NOT NULL",
    ] + appendOnly("target_proposal") + [
        """
        CREATE VIEW proposed_target AS
        SELECT m.code AS measure, \(periodText(of: "p")) AS period, p.value, p.proposed_by, p.proposed_at, p.id
        FROM target_proposal p JOIN measure m ON m.id = p.measure_id
        WHERE p.id = (SELECT max(l.id) FROM target_proposal l
                      WHERE l.measure_id = p.measure_id AND l.period_kind = p.period_kind
                        AND l.period_ordinal = p.period_ordinal)
          AND NOT EXISTS (SELECT 1 FROM target_revision a WHERE a.proposal_id = p.id)
        """,
    ]

    static func appendOnly(_ table: String) -> [String] {
        [
            """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: record a new revision instead'); END
            """,
            """
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) is append-only: history is never deleted'); END
            """,
        ]
    }

    static let v1: [String] =
        [
            """
            CREATE TABLE council (
              id INTEGER PRIMARY KEY CHECK (id = 1),
              name TEXT NOT NULL,
              plan_title TEXT NOT NULL,
              reporting_period TEXT,
              changed_by TEXT NOT NULL,
              changed_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE priority (
              id INTEGER PRIMARY KEY,
              position INTEGER NOT NULL UNIQUE,
              code TEXT NOT NULL UNIQUE,
              title TEXT NOT NULL,
              lead TEXT NOT NULL,
              description TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE delivery_plan (
              id INTEGER PRIMARY KEY,
              priority_id INTEGER NOT NULL REFERENCES priority(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              code TEXT NOT NULL,
              title TEXT NOT NULL,
              owner TEXT NOT NULL,
              UNIQUE (priority_id, position),
              UNIQUE (priority_id, code)
            )
            """,
            """
            CREATE TABLE action (
              id INTEGER PRIMARY KEY,
              delivery_plan_id INTEGER NOT NULL REFERENCES delivery_plan(id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              title TEXT NOT NULL,
              owner TEXT NOT NULL,
              due TEXT,
              status TEXT NOT NULL,
              percent_complete INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE measure (
              id INTEGER PRIMARY KEY,
              code TEXT NOT NULL UNIQUE,
              position INTEGER,
              priority_id INTEGER REFERENCES priority(id),
              delivery_plan_id INTEGER REFERENCES delivery_plan(id),
              title TEXT NOT NULL,
              description TEXT NOT NULL,
              methodology TEXT NOT NULL,
              source TEXT NOT NULL,
              owner TEXT NOT NULL,
              service TEXT NOT NULL,
              team TEXT NOT NULL,
              tier TEXT NOT NULL,
              unit TEXT NOT NULL,
              decimals INTEGER NOT NULL,
              frequency TEXT NOT NULL,
              polarity TEXT NOT NULL,
              band REAL,
              status TEXT NOT NULL,
              cumulative INTEGER NOT NULL,
              tolerance TEXT,
              lag_days INTEGER NOT NULL,
              profile TEXT
            )
            """,
            "CREATE INDEX measure_by_position ON measure(position)",
            """
            CREATE TABLE target_revision (
              id INTEGER PRIMARY KEY,
              measure_id INTEGER NOT NULL REFERENCES measure(id),
              period_kind INTEGER NOT NULL,
              period_ordinal INTEGER NOT NULL,
              period TEXT GENERATED ALWAYS AS (\(periodText)) VIRTUAL,
              value REAL,
              changed_by TEXT NOT NULL,
              changed_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX target_revision_by_key ON target_revision(measure_id, period_kind, period_ordinal, id)",
            """
            CREATE TABLE observation_revision (
              id INTEGER PRIMARY KEY,
              measure_id INTEGER NOT NULL REFERENCES measure(id),
              period_kind INTEGER NOT NULL,
              period_ordinal INTEGER NOT NULL,
              period TEXT GENERATED ALWAYS AS (\(periodText)) VIRTUAL,
              value REAL,
              target REAL,
              note TEXT,
              quality TEXT,
              changed_by TEXT NOT NULL,
              changed_at TEXT NOT NULL,
              source TEXT NOT NULL
            )
            """,
            "CREATE INDEX observation_revision_by_key ON observation_revision(measure_id, period_kind, period_ordinal, id)",
            """
            CREATE VIEW observation AS
            SELECT r.* FROM observation_revision r
            WHERE r.id = (SELECT max(l.id) FROM observation_revision l
                          WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                            AND l.period_ordinal = r.period_ordinal)
            """,
            """
            CREATE VIEW observation_history AS
            SELECT m.code AS measure, r.period, r.value, r.target, r.note, r.quality, r.changed_by, r.changed_at, r.source,
                   lag(r.value) OVER w AS replaced_value, lag(r.target) OVER w AS replaced_target,
                   lag(r.note) OVER w AS replaced_note, lag(r.quality) OVER w AS replaced_quality,
                   r.measure_id, r.period_kind, r.period_ordinal, r.id
            FROM observation_revision r JOIN measure m ON m.id = r.measure_id
            WINDOW w AS (PARTITION BY r.measure_id, r.period_kind, r.period_ordinal ORDER BY r.id)
            """,
            """
            CREATE VIEW target AS
            SELECT r.* FROM target_revision r
            WHERE r.value IS NOT NULL
              AND r.id = (SELECT max(l.id) FROM target_revision l
                          WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind
                            AND l.period_ordinal = r.period_ordinal)
            """,
        ] + appendOnly("observation_revision") + appendOnly("target_revision")
}
