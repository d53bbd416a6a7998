/// The shared store's schema on PostgreSQL: tables, group roles, grants, row-level security, triggers and views.
///
/// `scorecard db init` runs ``statements`` in order, as the database's owner (a role with CREATEROLE, not a
/// superuser), in one transaction. Every statement is idempotent, so running it again is safe and brings grants,
/// policies, functions, triggers and views up to date. `.ci/postgres-rls-check.sh` extracts these statements from
/// this file and proves the rules with `psql`, so each element must stay a plain string literal: one statement or
/// one `DO $$ ... $$` block, no backslashes, and no interpolation other than `\(version)`.
///
/// The rules are the database's, whatever the client does:
/// - `scorecard_member` reads the framework and only published values (`published_at IS NOT NULL`); it can write
///   nothing.
/// - `scorecard_owner` also reads every revision of the measures it owns, and records drafts for them only: a
///   login's measures are those whose owner or service matches one of its `scope` rows (trimmed, any case). It
///   cannot sign off, and cannot read `scope`.
/// - `scorecard_officer` reads everything, imports (the framework and values), records, signs off and writes
///   targets; it reads `scope`, which only the database's owner writes (`db grant`).
/// - Revisions are append-only: no DELETE or TRUNCATE, and the only UPDATE of an observation revision is its
///   sign-off (`UPDATE observation_revision SET published_at = now() WHERE ...`), once; the trigger stamps
///   `published_by = session_user` and `published_at = now()`. Who recorded a value and when are the database's
///   too (`changed_by` defaults to `session_user`, and no one is granted it or `changed_at`): `SET ROLE` to a
///   group role changes neither. Imported values (`import_batch`,
///   `imported_values`) are never updated or deleted either.
/// - A login gets rights only through membership: `GRANT scorecard_member TO alice`, and may connect only when
///   granted it on this database (`GRANT CONNECT ON DATABASE ... TO alice`; `db init` takes CONNECT from PUBLIC).
///
/// Notes for the store:
/// - COPY FROM into `observation_revision` is refused for anyone subject to row-level security ("COPY FROM not
///   supported with row-level security"), officers included: import copies its values into `imported_values`
///   (no row-level security: imported values are published), in a batch begun by `scorecard_begin_import()`.
/// - `observation_revision.id` is not in anyone's INSERT grant (revisions are ordered by id, so nobody may choose
///   one); the identity fills it, which needs no privilege on its sequence.
/// - Refusals by the rules raise SQLSTATE 42501 (insufficient_privilege), as missing grants and row-level security
///   do; on a database made by a newer Scorecard the version check (before any change) raises SQLSTATE SC001.
/// - `change_log` gains a row per measure whose values changed (`measure_id` NULL: the framework or targets
///   changed, which stands for every measure: an import's values log no row of their own beside it), at most
///   one per measure and transaction, and each writing transaction sends
///   `NOTIFY scorecard_changes`. Identity ids are not in commit order: a watcher reads
///   `WHERE xact >= ` the `pg_snapshot_xmin(pg_current_snapshot())` it took at its previous read (and takes a new
///   one in the same transaction): it sees every commit at least once.
/// - `scorecard_owns` and the owner's read policy look the login up by `session_user`: inside a SECURITY DEFINER
///   function `current_user` is the function's owner. So `SET ROLE kate` from another login does not act as kate.
/// - Roles are cluster-wide: databases on one server share the three group roles and the logins (so a login has
///   one council role on the server); which databases a login reaches is its CONNECT grants.
enum PostgresSchema {
    /// The schema version, kept in `schema_version`. A database with a larger one was made by a newer Scorecard.
    static let version = 11

    static let statements: [String] = [
        // One `db init` at a time (in a transaction; harmless outside one): on the schema's own table where there is
        // one (a lock no member may take: an advisory lock, which any login may take, held db init up), else
        // (the first) on an advisory lock.
        """
        DO $$
        BEGIN
          IF to_regclass('schema_version') IS NOT NULL THEN
            LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE;
          ELSE
            PERFORM pg_advisory_xact_lock(7306086, 1);
          END IF;
        END
        $$
        """,
        """
        CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)
        """,
        """
        DO $$
        BEGIN
          IF EXISTS (SELECT FROM schema_version WHERE version > \(version)) THEN
            RAISE EXCEPTION 'this database was set up by a newer version of Scorecard (schema %)',
              (SELECT max(version) FROM schema_version) USING ERRCODE = 'SC001';
          END IF;
        END
        $$
        """,
        """
        CREATE UNIQUE INDEX IF NOT EXISTS schema_version_one_row ON schema_version ((true))
        """,

        // MARK: Group roles

        """
        DO $$
        BEGIN
          -- Roles belong to the whole server: a `db init` of another database may be creating them at this moment
          -- (the lock above is per database), so losing that race is not an error.
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scorecard_member') THEN
            BEGIN CREATE ROLE scorecard_member NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scorecard_owner') THEN
            BEGIN CREATE ROLE scorecard_owner NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scorecard_officer') THEN
            BEGIN CREATE ROLE scorecard_officer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
          END IF;
        END
        $$
        """,

        // MARK: Tables

        """
        CREATE TABLE IF NOT EXISTS council (
          id integer PRIMARY KEY CHECK (id = 1),
          name text NOT NULL,
          plan_title text NOT NULL,
          reporting_period text,
          changed_by text NOT NULL DEFAULT session_user,
          changed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS priority (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          position integer NOT NULL UNIQUE,
          code text NOT NULL UNIQUE,
          title text NOT NULL,
          lead text NOT NULL,
          description text NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS delivery_plan (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          priority_id bigint NOT NULL REFERENCES priority (id) ON DELETE CASCADE,
          position integer NOT NULL,
          code text NOT NULL,
          title text NOT NULL,
          owner text NOT NULL,
          UNIQUE (priority_id, position),
          UNIQUE (priority_id, code)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS action (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          delivery_plan_id bigint NOT NULL REFERENCES delivery_plan (id) ON DELETE CASCADE,
          position integer NOT NULL,
          title text NOT NULL,
          owner text NOT NULL,
          due text,
          status text NOT NULL,
          percent_complete integer NOT NULL
        )
        """,
        // `position` NULL: dropped from the framework (its history is kept). No foreign keys to the plan, which
        // import replaces.
        """
        CREATE TABLE IF NOT EXISTS measure (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          code text NOT NULL UNIQUE,
          position integer,
          priority_id bigint,
          delivery_plan_id bigint,
          title text NOT NULL,
          description text NOT NULL,
          methodology text NOT NULL,
          source text NOT NULL,
          owner text NOT NULL,
          service text NOT NULL,
          team text NOT NULL,
          tier text NOT NULL,
          unit text NOT NULL,
          decimals integer NOT NULL,
          frequency text NOT NULL,
          polarity text NOT NULL,
          band double precision,
          status text NOT NULL,
          cumulative boolean NOT NULL,
          tolerance text,
          lag_days integer NOT NULL,
          profile text,
          minimum double precision,
          maximum double precision,
          small_numbers text
        )
        """,
        // Schema 2: which measures count people, so that public reports withhold small numbers (`count 4`).
        """
        ALTER TABLE measure ADD COLUMN IF NOT EXISTS small_numbers text
        """,
        // Schema 4: an outcome measure's comparators (England, region, neighbours) as JSON (`Comparators`).
        """
        ALTER TABLE measure ADD COLUMN IF NOT EXISTS comparators text
        """,
        """
        CREATE INDEX IF NOT EXISTS measure_by_position ON measure (position)
        """,
        // Periods: period_kind 0 month, 1 financial quarter, 2 financial year, 3 calendar year; see `Period`.
        """
        CREATE TABLE IF NOT EXISTS target_revision (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          measure_id bigint NOT NULL,
          period_kind smallint NOT NULL CHECK (period_kind BETWEEN 0 AND 3),
          period_ordinal integer NOT NULL,
          value double precision,
          changed_by text NOT NULL DEFAULT session_user,
          changed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE INDEX IF NOT EXISTS target_revision_by_key
        ON target_revision (measure_id, period_kind, period_ordinal, id)
        """,
        // A proposed target waits here until an officer approves it, which appends the target revision naming it
        // (once: the unique index). Stamped by the database with the proposing login and the time.
        """
        CREATE TABLE IF NOT EXISTS target_proposal (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          measure_id bigint NOT NULL,
          period_kind smallint NOT NULL CHECK (period_kind BETWEEN 0 AND 3),
          period_ordinal integer NOT NULL,
          value double precision CONSTRAINT target_proposal_number CHECK (value IS NULL OR value BETWEEN -1e15 AND 1e15),
          proposed_by text NOT NULL DEFAULT session_user,
          proposed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE INDEX IF NOT EXISTS target_proposal_by_key
        ON target_proposal (measure_id, period_kind, period_ordinal, id)
        """,
        """
        ALTER TABLE target_revision ADD COLUMN IF NOT EXISTS proposal_id bigint
        """,
        """
        CREATE UNIQUE INDEX IF NOT EXISTS target_revision_by_proposal ON target_revision (proposal_id)
        WHERE proposal_id IS NOT NULL
        """,
        // A revision with published_at NULL is a draft; its sign-off sets published_by and published_at, once.
        """
        CREATE TABLE IF NOT EXISTS observation_revision (
          id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          measure_id bigint NOT NULL,
          period_kind smallint NOT NULL CHECK (period_kind BETWEEN 0 AND 3),
          period_ordinal integer NOT NULL,
          value double precision,
          target double precision,
          note text,
          quality text,
          changed_by text NOT NULL DEFAULT session_user,
          changed_at timestamptz NOT NULL DEFAULT now(),
          source text NOT NULL CONSTRAINT observation_revision_source CHECK (source IN ('import', 'record')),
          published_by text,
          published_at timestamptz,
          CONSTRAINT observation_revision_signed_off_by_someone CHECK ((published_by IS NULL) = (published_at IS NULL))
        )
        """,
        // No foreign key on measure_id (here and on target_revision): checking it row by row was half the time of a
        // large import. Measures are never deleted instead (the trigger measure_kept below), and import writes only
        // the ids it has just read.
        """
        ALTER TABLE observation_revision DROP CONSTRAINT IF EXISTS observation_revision_measure_id_fkey
        """,
        """
        ALTER TABLE target_revision DROP CONSTRAINT IF EXISTS target_revision_measure_id_fkey
        """,
        // A measure's revisions in period order, the revisions of a period in the order made; read backwards it gives
        // the newest period first and its latest revision first: what the dashboard's recent values (LIMIT n per
        // measure) and the views' DISTINCT ON read, without a sort. (Carrying the value, target and sign-off in it
        // was measured: it made an import of 1.2M values 2.9 s slower and opening no faster.)
        """
        CREATE INDEX IF NOT EXISTS observation_revision_by_measure
        ON observation_revision (measure_id, period_kind, period_ordinal, id)
        """,
        """
        DROP INDEX IF EXISTS observation_revision_by_key
        """,
        // The drafts, few at any time: what awaits sign-off is found without reading every revision.
        """
        CREATE INDEX IF NOT EXISTS observation_revision_drafts ON observation_revision (id) WHERE published_at IS NULL
        """,
        // Every number a number within ±10^15 (`ValueLimits.sane`: the client refuses the rest, so only a login
        // writing with SQL could try; NaN compares above every number, so it fails too), and a known quality.
        // NOT VALID: rows written before are left as they were (the client copes with them), new ones checked.
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'observation_revision_numbers') THEN
            ALTER TABLE observation_revision ADD CONSTRAINT observation_revision_numbers CHECK (
              (value IS NULL OR value BETWEEN -1e15 AND 1e15) AND (target IS NULL OR target BETWEEN -1e15 AND 1e15)
              AND (quality IS NULL OR quality IN ('provisional', 'estimated', 'validated'))) NOT VALID;
          END IF;
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'target_revision_numbers') THEN
            ALTER TABLE target_revision ADD CONSTRAINT target_revision_numbers CHECK (
              value IS NULL OR value BETWEEN -1e15 AND 1e15) NOT VALID;
          END IF;
          -- A recorded commentary is at most 20,000 characters (`ValueEntry.noteLimit`): an owner writing with SQL
          -- gave drafts notes of 300 MB, and every officer's command that read them took seconds and gigabytes.
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'observation_revision_note_length') THEN
            ALTER TABLE observation_revision ADD CONSTRAINT observation_revision_note_length CHECK (
              note IS NULL OR char_length(note) <= 20000) NOT VALID;
          END IF;
        END
        $$
        """,
        // Which measures a login of `scorecard_owner` may record: those whose owner or service is one of its rows'.
        """
        CREATE TABLE IF NOT EXISTS scope (
          login text NOT NULL,
          owner text,
          service text,
          CONSTRAINT scope_names_owner_or_service CHECK (owner IS NOT NULL OR service IS NOT NULL),
          CONSTRAINT scope_once UNIQUE NULLS NOT DISTINCT (login, owner, service)
        )
        """,
        // Appended by triggers only. `xact` is the writing transaction, for watchers (see above).
        """
        CREATE TABLE IF NOT EXISTS change_log (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          measure_id bigint,
          at timestamptz NOT NULL DEFAULT now(),
          xact xid8 NOT NULL DEFAULT pg_current_xact_id()
        )
        """,
        """
        CREATE INDEX IF NOT EXISTS change_log_by_xact ON change_log (xact, measure_id)
        """,
        // Whether the change shows in published values (an import, a sign-off, the framework): a member sees only
        // those rows, so that the log does not tell them a draft was recorded (row-level security below).
        """
        ALTER TABLE change_log ADD COLUMN IF NOT EXISTS published boolean NOT NULL DEFAULT true
        """,

        // Schema 5: each measure's latest revisions, kept by the triggers below on every write, so that a
        // dashboard opens by reading one row a measure instead of an index scan of each measure's history (at
        // 10,000 measures: 10,000 short rows against 280,000 revisions). Two rows a measure: its published
        // revisions only (`with_drafts` false), and all of them (the published alone for a measure only ever
        // imported: readers of drafts take it when there is no other); row-level security below gives each role the
        // rows it may see. Arrays newest first (by period, then revision, descending), at most 32 elements;
        // `first_kind`/`first_ordinal` name the earliest period of those revisions.
        """
        CREATE TABLE IF NOT EXISTS recent_revisions (
          measure_id bigint NOT NULL,
          with_drafts boolean NOT NULL,
          ids bigint[],
          kinds smallint[],
          ordinals integer[],
          vals double precision[],
          targets double precision[],
          drafts boolean[],
          first_kind smallint,
          first_ordinal integer,
          PRIMARY KEY (measure_id, with_drafts)
        )
        """,
        // Writers take turns on its row: an import holds it FOR UPDATE (``PostgresStore/takeImportLock()``),
        // each recording FOR SHARE (`scorecard_take_turn`, below). A row lock, not an advisory one: locking a row takes UPDATE
        // privilege, which a member has on nothing, so no member's session can hold writing up (any login may
        // take any advisory lock). Never updated (the trigger below).
        """
        CREATE TABLE IF NOT EXISTS writing_lock (name text PRIMARY KEY)
        """,
        """
        INSERT INTO writing_lock (name) VALUES ('import') ON CONFLICT DO NOTHING
        """,

        // Schema 6: imported values. Each import is a batch; its values are one row per measure (more, `chunk`
        // 2, 3..., when the file gives a measure's rows apart), each period's value an element of the row's arrays,
        // newest period first, each period once (quality as a code: NULL 0, provisional 1, estimated 2,
        // validated 3; commentary only for the elements that have it: `notes[i]` is element `note_at[i]`'s).
        // So an import of 1.2M values writes about 10,000 rows by COPY, not 1.2M: COPY cannot write observation_revision (row-level security), and a
        // row a value, with its index, cost several times the copy itself. Imported values are published by the
        // officer importing them, so every role may read them all. No foreign keys (checked row by row they cost
        // more than the copy): the triggers check each statement's batches instead. `import_batch.id` comes from
        // observation_revision's identity sequence, so a batch orders with the revisions recorded before and
        // after it: each of its values is the revision of that id for its measure and period. The view
        // `revision` below gives both as one list of revisions.
        """
        CREATE TABLE IF NOT EXISTS import_batch (
          id bigint PRIMARY KEY,
          imported_by text NOT NULL,
          imported_at timestamptz NOT NULL DEFAULT now(),
          xact xid8 NOT NULL DEFAULT pg_current_xact_id()
        )
        """,
        // Whether the periods of an imported_values row are of one kind and run newest first, each once (a
        // measure's values of two kinds are two rows). A loop over the ordinals: comparing each element with the
        // next by subscript, in SQL or PL/pgSQL, added ~260 ms to the COPY of an import of 1.2M values (550 ms
        // without the check); this adds ~80 ms.
        """
        CREATE OR REPLACE FUNCTION scorecard_newest_first(kinds smallint[], ordinals integer[]) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        AS $$
        DECLARE
          previous integer;
          ordinal integer;
        BEGIN
          IF NOT (kinds[1] = ALL (kinds)) THEN
            RETURN false;
          END IF;
          FOREACH ordinal IN ARRAY ordinals LOOP
            IF ordinal >= previous THEN
              RETURN false;
            END IF;
            previous := ordinal;
          END LOOP;
          RETURN true;
        END
        $$
        """,
        // Where the intarray extension is at hand (PostgreSQL's contrib, shipped with Debian's server; a trusted
        // extension, which a database's owner may create), the same check with its C sort (intarray's operators
        // kept off the search path in a schema of their own): the loop above was ~120 ms of the COPY of 1.2M values,
        // this ~20 ms (measured on the benchmark's import). A SQL function, inlined into the check. Without the
        // extension, or the right to create it, the loop stays. A row with a NULL ordinal passes it (intarray's sort
        // refuses NULLs), for the periods' check to refuse by name.
        """
        DO $$
        DECLARE
          home text;
        BEGIN
          SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'intarray';
          IF home IS NULL THEN
            CREATE SCHEMA IF NOT EXISTS scorecard_intarray;
            CREATE EXTENSION intarray SCHEMA scorecard_intarray;
            home := 'scorecard_intarray';
          END IF;
          EXECUTE format('GRANT USAGE ON SCHEMA %I TO scorecard_member, scorecard_owner, scorecard_officer', home);
          -- The check runs with the importing officer's rights: where the grant could not be made (the extension in
          -- another's schema, with no right to grant it: only a warning), the loop stays.
          IF NOT has_schema_privilege('scorecard_officer', home, 'USAGE') THEN
            RAISE EXCEPTION 'officers may not use schema %', home USING ERRCODE = 'insufficient_privilege';
          END IF;
          EXECUTE format($f$
            CREATE OR REPLACE FUNCTION scorecard_newest_first(kinds smallint[], ordinals integer[]) RETURNS boolean
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS 'SELECT kinds[1] OPERATOR(pg_catalog.=) ALL (kinds) AND (pg_catalog.array_position(ordinals, NULL) IS NOT NULL
                OR ordinals OPERATOR(pg_catalog.=) %1$I.uniq(%1$I.sort_desc(ordinals)))'
            $f$, home);
        EXCEPTION WHEN undefined_file OR insufficient_privilege OR feature_not_supported OR undefined_function THEN
          NULL;
        END
        $$
        """,
        """
        CREATE TABLE IF NOT EXISTS imported_values (
          measure_id bigint NOT NULL,
          batch_id bigint NOT NULL,
          chunk integer NOT NULL DEFAULT 1,
          kinds smallint[] NOT NULL,
          ordinals integer[] NOT NULL,
          vals double precision[] NOT NULL,
          targets double precision[] NOT NULL,
          qualities smallint[] NOT NULL,
          note_at integer[] NOT NULL DEFAULT '{}',
          notes text[] NOT NULL DEFAULT '{}',
          PRIMARY KEY (measure_id, batch_id, chunk),
          CONSTRAINT imported_values_aligned CHECK (
            array_ndims(kinds) = 1 AND array_ndims(ordinals) = 1 AND array_ndims(vals) = 1 AND array_ndims(targets) = 1
            AND array_ndims(qualities) = 1
            AND cardinality(ordinals) = cardinality(kinds) AND cardinality(vals) = cardinality(kinds)
            AND cardinality(targets) = cardinality(kinds) AND cardinality(qualities) = cardinality(kinds)),
          CONSTRAINT imported_values_periods CHECK (
            array_position(kinds, NULL) IS NULL AND array_position(ordinals, NULL) IS NULL
            AND 0 <= ALL (kinds) AND 3 >= ALL (kinds)),
          CONSTRAINT imported_values_qualities CHECK (0 <= ALL (qualities) AND 3 >= ALL (qualities)),
          CONSTRAINT imported_values_notes CHECK (
            array_ndims(note_at) IS NOT DISTINCT FROM array_ndims(notes) AND cardinality(note_at) = cardinality(notes)
            AND array_position(note_at, NULL) IS NULL AND array_position(notes, NULL) IS NULL
            AND 1 <= ALL (note_at) AND cardinality(kinds) >= ALL (note_at)),
          CONSTRAINT imported_values_newest_first CHECK (scorecard_newest_first(kinds, ordinals))
        )
        """,
        // Arrays numbered from 1, as readers take a row's first elements (`[1:32]`, `kinds[1]`): one written as
        // '[0:1]={...}' by hand would be read short. Schema 11; rows from before are left as they were.
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'imported_values_from_one') THEN
            ALTER TABLE imported_values ADD CONSTRAINT imported_values_from_one CHECK (
              array_lower(kinds, 1) = 1 AND array_lower(ordinals, 1) = 1 AND array_lower(vals, 1) = 1
              AND array_lower(targets, 1) = 1 AND array_lower(qualities, 1) = 1 AND array_lower(note_at, 1) = 1
              AND array_lower(notes, 1) = 1) NOT VALID;
          END IF;
        END
        $$
        """,
        // As for recorded values (above): numbers within ±10^15, NULL elements allowed.
        """
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'imported_values_numbers') THEN
            ALTER TABLE imported_values ADD CONSTRAINT imported_values_numbers CHECK (
              -1e15 <= ALL (vals) AND 1e15 >= ALL (vals) AND -1e15 <= ALL (targets) AND 1e15 >= ALL (targets)) NOT VALID;
          END IF;
        END
        $$
        """,
        // A measure's row is longer than TOAST's 2 kB threshold from ~60 values on, so each is compressed as it is
        // written: lz4 rather than the default pglz took the values' COPY of an import of 1.2M from 0.83-0.96 s to
        // 0.67-0.68 s (and reads back faster). A server built without lz4 keeps pglz.
        """
        DO $$
        BEGIN
          ALTER TABLE imported_values
            ALTER COLUMN kinds SET COMPRESSION lz4, ALTER COLUMN ordinals SET COMPRESSION lz4,
            ALTER COLUMN vals SET COMPRESSION lz4, ALTER COLUMN targets SET COMPRESSION lz4,
            ALTER COLUMN qualities SET COMPRESSION lz4, ALTER COLUMN note_at SET COMPRESSION lz4,
            ALTER COLUMN notes SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN
          NULL;
        END
        $$
        """,

        // Schema 11: an import's framework targets, a row per measure whose targets it added, changed or removed
        // (NULL elements), keyed by (kind, ordinal) ascending, each key once. A row each target cost the import's
        // COPY 0.33 s at 10,000 measures (92,715 rows: indexes and WAL), the same targets packed 0.04 s. Ids come
        // from target_revision's sequence, so that `target_history` orders both tables' revisions as they were made;
        // nobody chooses one (not in the INSERT grant).
        """
        CREATE OR REPLACE FUNCTION scorecard_keys_ascending_loop(kinds smallint[], ordinals integer[]) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
        AS $$
        DECLARE
          i integer;
        BEGIN
          FOR i IN 2 .. cardinality(kinds) LOOP
            IF (kinds[i - 1], ordinals[i - 1]) >= (kinds[i], ordinals[i]) THEN
              RETURN false;
            END IF;
          END LOOP;
          RETURN true;
        END
        $$
        """,
        // The check itself, a SQL function inlined into it: where intarray is at hand for officers (see
        // `scorecard_newest_first`), a row of one kind of period (nearly every one) by its C sort, others by the
        // loop; else the loop alone. A PL/pgSQL call a row was ~20 ms of the COPY of 10,000 measures' targets.
        // Names and operators are qualified: an inlined body is read with the importer's search path. A row with a
        // NULL ordinal goes to the loop, so that the periods' check names it (intarray's sort refuses NULLs).
        """
        DO $$
        DECLARE
          home text;
        BEGIN
          SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'intarray';
          BEGIN
            IF home IS NULL OR NOT has_schema_privilege('scorecard_officer', home, 'USAGE') THEN
              RAISE EXCEPTION 'intarray is not at hand for officers' USING ERRCODE = 'undefined_function';
            END IF;
            EXECUTE format($f$
              CREATE OR REPLACE FUNCTION scorecard_keys_ascending(kinds smallint[], ordinals integer[]) RETURNS boolean
              LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS 'SELECT CASE WHEN kinds[1] OPERATOR(pg_catalog.=) ALL (kinds) AND pg_catalog.array_position(ordinals, NULL) IS NULL
                              THEN ordinals OPERATOR(pg_catalog.=) %1$I.uniq(%1$I.sort_asc(ordinals))
                              ELSE %2$I.scorecard_keys_ascending_loop(kinds, ordinals) END'
              $f$, home, current_schema());
          EXCEPTION WHEN undefined_function OR insufficient_privilege OR feature_not_supported THEN
            EXECUTE format($f$
              CREATE OR REPLACE FUNCTION scorecard_keys_ascending(kinds smallint[], ordinals integer[]) RETURNS boolean
              LANGUAGE sql IMMUTABLE PARALLEL SAFE
              AS 'SELECT %1$I.scorecard_keys_ascending_loop(kinds, ordinals)'
              $f$, current_schema());
          END;
        END
        $$
        """,
        """
        DO $$
        BEGIN
          EXECUTE format($t$
            CREATE TABLE IF NOT EXISTS imported_targets (
              id bigint PRIMARY KEY DEFAULT nextval(%L),
              measure_id bigint NOT NULL,
              kinds smallint[] NOT NULL,
              ordinals integer[] NOT NULL,
              vals double precision[] NOT NULL,
              changed_by text NOT NULL DEFAULT session_user,
              changed_at timestamptz NOT NULL DEFAULT now(),
              CONSTRAINT imported_targets_aligned CHECK (
                array_ndims(kinds) = 1 AND array_ndims(ordinals) = 1 AND array_ndims(vals) = 1
                AND array_lower(kinds, 1) = 1 AND array_lower(ordinals, 1) = 1 AND array_lower(vals, 1) = 1
                AND cardinality(ordinals) = cardinality(kinds) AND cardinality(vals) = cardinality(kinds)),
              CONSTRAINT imported_targets_periods CHECK (
                array_position(kinds, NULL) IS NULL AND array_position(ordinals, NULL) IS NULL
                AND 0 <= ALL (kinds) AND 3 >= ALL (kinds)),
              CONSTRAINT imported_targets_numbers CHECK (-1e15 <= ALL (vals) AND 1e15 >= ALL (vals)),
              CONSTRAINT imported_targets_each_once CHECK (scorecard_keys_ascending(kinds, ordinals)))
            $t$, pg_get_serial_sequence('target_revision', 'id'));
        END
        $$
        """,
        """
        CREATE INDEX IF NOT EXISTS imported_targets_by_measure ON imported_targets (measure_id, id)
        """,

        // Who did something is the login (`session_user`), never the role it has set (`SET ROLE scorecard_officer`
        // makes `current_user` the group role): a database set up before schema 8 has its defaults changed.
        """
        ALTER TABLE council ALTER COLUMN changed_by SET DEFAULT session_user
        """,
        """
        ALTER TABLE target_revision ALTER COLUMN changed_by SET DEFAULT session_user
        """,
        """
        ALTER TABLE observation_revision ALTER COLUMN changed_by SET DEFAULT session_user
        """,

        // MARK: Functions

        // The canonical text of a period, as `Period.description` writes it: 2024-05, 2024/25 Q1, 2024/25, 2024.
        """
        CREATE OR REPLACE FUNCTION scorecard_period(kind smallint, ordinal integer) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN CASE kind
          WHEN 0 THEN lpad((ordinal / 12)::text, 4, '0') || '-' || lpad((ordinal % 12 + 1)::text, 2, '0')
          WHEN 1 THEN (ordinal / 4)::text || '/' || lpad(((ordinal / 4 + 1) % 100)::text, 2, '0')
                      || ' Q' || (ordinal % 4 + 1)::text
          WHEN 2 THEN ordinal::text || '/' || lpad(((ordinal + 1) % 100)::text, 2, '0')
          ELSE ordinal::text
        END
        """,
        // The measures the connected login owns, by its `scope` rows (which the login itself may not read).
        """
        CREATE OR REPLACE FUNCTION scorecard_owned_measures() RETURNS SETOF bigint
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
          SELECT m.id FROM measure m
          WHERE EXISTS (
            SELECT FROM scope s
            WHERE s.login = session_user::text
              AND (lower(btrim(s.owner)) = lower(btrim(m.owner)) OR lower(btrim(s.service)) = lower(btrim(m.service))))
        $$
        """,
        """
        CREATE OR REPLACE FUNCTION scorecard_owns(measure_id bigint) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
          SELECT EXISTS (
            SELECT FROM measure m JOIN scope s
              ON lower(btrim(s.owner)) = lower(btrim(m.owner)) OR lower(btrim(s.service)) = lower(btrim(m.service))
            WHERE m.id = $1 AND m.position IS NOT NULL AND s.login = session_user::text)
        $$
        """,
        // Refuses DELETE, TRUNCATE and (on target_revision) UPDATE: revisions are history.
        """
        CREATE OR REPLACE FUNCTION scorecard_append_only() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: %', TG_TABLE_NAME,
            CASE WHEN TG_OP = 'UPDATE' THEN 'record a new revision instead' ELSE 'history is never deleted' END
            USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        // The one update of an observation revision: its sign-off. Every other column must be unchanged (keep this
        // list in step with the table's columns).
        """
        CREATE OR REPLACE FUNCTION scorecard_sign_off() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          IF OLD.published_at IS NOT NULL THEN
            RAISE EXCEPTION 'this value was already signed off, by % at %', OLD.published_by, OLD.published_at
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          IF NEW.published_at IS NULL
             OR (NEW.id, NEW.measure_id, NEW.period_kind, NEW.period_ordinal, NEW.value, NEW.target, NEW.note,
                 NEW.quality, NEW.changed_by, NEW.changed_at, NEW.source)
                IS DISTINCT FROM
                (OLD.id, OLD.measure_id, OLD.period_kind, OLD.period_ordinal, OLD.value, OLD.target, OLD.note,
                 OLD.quality, OLD.changed_by, OLD.changed_at, OLD.source)
          THEN
            RAISE EXCEPTION 'observation_revision is append-only: record a new revision instead (the only change is a sign-off, which sets published_at)'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          NEW.published_by := session_user;
          NEW.published_at := now();
          RETURN NEW;
        END
        $$
        """,
        // Brings the recent revisions of `measures` up to date. Their rows are locked first, in order, so that
        // writers of the same measure take turns and each reads (in a statement after the lock) what the one
        // before it committed. An imported_values row's latest values are its first 32, its earliest period its last.
        """
        DROP FUNCTION IF EXISTS scorecard_refresh_recent(bigint[])
        """,
        // `published`: whether the change touched published revisions. A draft alone leaves the published rows
        // untouched, not even rewritten as they were: a member reading their `xmin` learnt which measure had just
        // been given a draft, and when.
        """
        CREATE OR REPLACE FUNCTION scorecard_refresh_recent(measures bigint[], published boolean DEFAULT true) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          INSERT INTO recent_revisions (measure_id, with_drafts)
          SELECT m.id, w.with_drafts FROM unnest(measures) AS m(id) CROSS JOIN (VALUES (false), (true)) AS w(with_drafts)
          ON CONFLICT DO NOTHING;
          PERFORM FROM recent_revisions WHERE measure_id = ANY(measures) AND (with_drafts OR published)
          ORDER BY measure_id, with_drafts FOR UPDATE;
          UPDATE recent_revisions v
          SET (ids, kinds, ordinals, vals, targets, drafts) = (
                SELECT array_agg(id), array_agg(period_kind), array_agg(period_ordinal), array_agg(value),
                       array_agg(target), array_agg(draft)
                FROM (
                  SELECT o.id, o.period_kind, o.period_ordinal, o.value, o.target, o.published_at IS NULL AS draft
                  FROM observation_revision o
                  WHERE o.measure_id = v.measure_id AND (v.with_drafts OR o.published_at IS NOT NULL)
                  UNION ALL
                  SELECT i.batch_id, e.period_kind, e.period_ordinal, e.value, e.target, false
                  FROM imported_values i
                  CROSS JOIN LATERAL unnest(i.kinds[1:32], i.ordinals[1:32], i.vals[1:32], i.targets[1:32])
                    AS e(period_kind, period_ordinal, value, target)
                  WHERE i.measure_id = v.measure_id
                  ORDER BY period_kind DESC, period_ordinal DESC, id DESC LIMIT 32) latest),
              (first_kind, first_ordinal) = (
                SELECT period_kind, period_ordinal FROM (
                  SELECT o.period_kind, o.period_ordinal FROM observation_revision o
                  WHERE o.measure_id = v.measure_id AND (v.with_drafts OR o.published_at IS NOT NULL)
                  UNION ALL
                  SELECT i.kinds[cardinality(i.kinds)], i.ordinals[cardinality(i.ordinals)] FROM imported_values i
                  WHERE i.measure_id = v.measure_id) f
                ORDER BY period_kind, period_ordinal LIMIT 1)
          WHERE v.measure_id = ANY(measures) AND (v.with_drafts OR published);
        END
        $$
        """,
        // After each statement that adds or signs off revisions: the measures' recent revisions brought up to
        // date, one change_log row per measure (once per transaction), and a notification.
        """
        CREATE OR REPLACE FUNCTION scorecard_log_observations() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          PERFORM scorecard_refresh_recent(
            ARRAY(SELECT DISTINCT measure_id FROM scorecard_changed),
            EXISTS (SELECT FROM scorecard_changed WHERE published_at IS NOT NULL));
          INSERT INTO change_log (measure_id, published)
          SELECT n.measure_id, bool_or(n.published_at IS NOT NULL) FROM scorecard_changed n
          GROUP BY n.measure_id
          HAVING NOT EXISTS (SELECT FROM change_log c WHERE c.xact = pg_current_xact_id() AND c.measure_id = n.measure_id
                               AND c.published = bool_or(n.published_at IS NOT NULL));
          IF FOUND THEN
            PERFORM pg_notify('scorecard_changes', '');
          END IF;
          RETURN NULL;
        END
        $$
        """,
        // An import's batch, stamped with the login and the time; its id orders it among the revisions (see
        // `import_batch`). Only officers may call it; the rows of `imported_values` must name a batch of their
        // own transaction (checked by `scorecard_log_imports`).
        """
        CREATE OR REPLACE FUNCTION scorecard_begin_import() RETURNS bigint
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
          INSERT INTO import_batch (id, imported_by)
          VALUES (nextval(pg_get_serial_sequence('observation_revision', 'id')), session_user::text)
          RETURNING id
        $$
        """,
        // After each statement that adds imported values: every row must belong to a batch begun in this
        // transaction; then the measures' recent revisions, change_log and a notification, as for revisions.
        """
        CREATE OR REPLACE FUNCTION scorecard_log_imports() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '64MB' SET jit = off
        AS $$
        DECLARE
          statement_rows bigint;
          statement_measures bigint;
          foreign_batch boolean;
          first_values boolean;
        BEGIN
          SELECT count(*), count(DISTINCT n.measure_id),
                 coalesce(bool_or(b.id IS NULL OR b.xact <> pg_current_xact_id() OR b.imported_by <> session_user::text), false)
          INTO statement_rows, statement_measures, foreign_batch
          FROM scorecard_changed n LEFT JOIN import_batch b ON b.id = n.batch_id;
          IF foreign_batch THEN
            RAISE EXCEPTION 'imported values belong to an import begun in the same transaction (scorecard_begin_import())'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          -- Writers of recent revisions wait until this import commits (and this one for those before it), so
          -- that what is read next includes every revision committed before.
          LOCK TABLE recent_revisions IN SHARE ROW EXCLUSIVE MODE;
          -- The database's first values, every one of them this statement's: each measure's are its first, without
          -- looking its revisions up (two lookups a measure, ~40 ms of a first import of 10,000).
          first_values := NOT EXISTS (SELECT FROM observation_revision)
            AND (SELECT count(*) FROM (SELECT FROM imported_values LIMIT statement_rows + 1) i) = statement_rows;
          -- A measure whose only revisions are rows of this statement (its first import): its recent revisions
          -- are its first 32 elements (one row: a slice, no sort; several: the rows' first 32, sorted), kept as
          -- its published row alone: it has no draft, and a reader of drafts takes the published row when there
          -- is no other (the general refresh adds both rows once it has any). Every other measure by the
          -- general refresh. Sorts and hashes of a whole import stay in memory (work_mem; the default 4 MB
          -- spilled them to disk), and no JIT: compiling its plan took ~20 ms of the ~110 ms it runs.
          -- The database's first values in a row a measure (as an import streams them), with no recent revision
          -- yet: each row's slice goes straight in, nothing grouped or joined, nothing to update.
          IF first_values AND statement_measures = statement_rows AND NOT EXISTS (SELECT FROM recent_revisions) THEN
            INSERT INTO recent_revisions (measure_id, with_drafts, ids, kinds, ordinals, vals, targets, drafts, first_kind, first_ordinal)
            SELECT n.measure_id, false, array_fill(n.batch_id, ARRAY[least(32, cardinality(n.kinds))]), n.kinds[1:32],
                   n.ordinals[1:32], n.vals[1:32], n.targets[1:32], array_fill(false, ARRAY[least(32, cardinality(n.kinds))]),
                   n.kinds[cardinality(n.kinds)], n.ordinals[cardinality(n.ordinals)]
            FROM scorecard_changed n WHERE cardinality(n.kinds) > 0;
          ELSE
          INSERT INTO recent_revisions (measure_id, with_drafts, ids, kinds, ordinals, vals, targets, drafts, first_kind, first_ordinal)
          WITH fresh AS MATERIALIZED (
            SELECT n.measure_id, count(*) AS chunks FROM scorecard_changed n
            GROUP BY n.measure_id
            HAVING bool_and(cardinality(n.kinds) > 0)
              AND (first_values OR (NOT EXISTS (SELECT FROM observation_revision o WHERE o.measure_id = n.measure_id)
                AND (SELECT count(*) FROM imported_values i WHERE i.measure_id = n.measure_id) = count(*)))
          ), several AS MATERIALIZED (
            SELECT n.measure_id, n.batch_id, n.kinds, n.ordinals, n.vals, n.targets FROM scorecard_changed n
            JOIN fresh f ON f.measure_id = n.measure_id AND f.chunks > 1
          ), latest AS (
            SELECT e.measure_id, array_agg(e.batch_id ORDER BY e.kind DESC, e.ordinal DESC) AS ids,
                   array_agg(e.kind ORDER BY e.kind DESC, e.ordinal DESC) AS kinds,
                   array_agg(e.ordinal ORDER BY e.kind DESC, e.ordinal DESC) AS ordinals,
                   array_agg(e.value ORDER BY e.kind DESC, e.ordinal DESC) AS vals,
                   array_agg(e.target ORDER BY e.kind DESC, e.ordinal DESC) AS targets,
                   array_agg(false) AS drafts
            FROM (
              SELECT u.*, row_number() OVER (PARTITION BY u.measure_id ORDER BY u.kind DESC, u.ordinal DESC) AS rank
              FROM (
                SELECT n.measure_id, n.batch_id, x.kind, x.ordinal, x.value, x.target FROM several n
                CROSS JOIN LATERAL unnest(n.kinds[1:32], n.ordinals[1:32], n.vals[1:32], n.targets[1:32])
                  AS x(kind, ordinal, value, target)) u) e
            WHERE e.rank <= 32
            GROUP BY e.measure_id
          ), earliest AS (
            SELECT n.measure_id,
                   (array_agg(n.kinds[cardinality(n.kinds)]
                      ORDER BY n.kinds[cardinality(n.kinds)], n.ordinals[cardinality(n.ordinals)]))[1] AS first_kind,
                   (array_agg(n.ordinals[cardinality(n.ordinals)]
                      ORDER BY n.kinds[cardinality(n.kinds)], n.ordinals[cardinality(n.ordinals)]))[1] AS first_ordinal
            FROM several n GROUP BY n.measure_id
          )
          SELECT r.measure_id, w.with_drafts, r.ids, r.kinds, r.ordinals, r.vals, r.targets, r.drafts, r.first_kind, r.first_ordinal
          FROM (
            SELECT n.measure_id, array_fill(n.batch_id, ARRAY[least(32, cardinality(n.kinds))]) AS ids, n.kinds[1:32] AS kinds,
                   n.ordinals[1:32] AS ordinals, n.vals[1:32] AS vals, n.targets[1:32] AS targets,
                   array_fill(false, ARRAY[least(32, cardinality(n.kinds))]) AS drafts,
                   n.kinds[cardinality(n.kinds)] AS first_kind, n.ordinals[cardinality(n.ordinals)] AS first_ordinal
            FROM scorecard_changed n JOIN fresh f ON f.measure_id = n.measure_id AND f.chunks = 1
            UNION ALL
            SELECT l.measure_id, l.ids, l.kinds, l.ordinals, l.vals, l.targets, l.drafts, e.first_kind, e.first_ordinal
            FROM latest l JOIN earliest e ON e.measure_id = l.measure_id) r
          CROSS JOIN (VALUES (false)) AS w(with_drafts)
          ON CONFLICT (measure_id, with_drafts) DO UPDATE
          SET ids = excluded.ids, kinds = excluded.kinds, ordinals = excluded.ordinals, vals = excluded.vals,
              targets = excluded.targets, drafts = excluded.drafts, first_kind = excluded.first_kind,
              first_ordinal = excluded.first_ordinal;
          END IF;
          PERFORM scorecard_refresh_recent(ARRAY(
            SELECT DISTINCT n.measure_id FROM scorecard_changed n
            WHERE NOT EXISTS (SELECT FROM recent_revisions r WHERE r.measure_id = n.measure_id AND r.ids[1] = n.batch_id)));
          -- A transaction that changed the framework has logged that (every reader then reads everything again,
          -- members too): its measures need no rows of their own (10,000 of them took ~35 ms of a first import).
          IF NOT EXISTS (SELECT FROM change_log c WHERE c.xact = pg_current_xact_id() AND c.measure_id IS NULL AND c.published) THEN
            INSERT INTO change_log (measure_id, published)
            SELECT DISTINCT n.measure_id, true FROM scorecard_changed n
            WHERE NOT EXISTS (SELECT FROM change_log c WHERE c.xact = pg_current_xact_id() AND c.measure_id = n.measure_id
                                AND c.published);
            IF FOUND THEN
              PERFORM pg_notify('scorecard_changes', '');
            END IF;
          END IF;
          RETURN NULL;
        END
        $$
        """,
        // After each statement on the framework or the targets: one change_log row with measure_id NULL (once per
        // transaction), and a notification.
        """
        CREATE OR REPLACE FUNCTION scorecard_log_framework() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          IF NOT EXISTS (SELECT FROM change_log WHERE xact = pg_current_xact_id() AND measure_id IS NULL) THEN
            INSERT INTO change_log (measure_id) VALUES (NULL);
            PERFORM pg_notify('scorecard_changes', '');
          END IF;
          RETURN NULL;
        END
        $$
        """,

        // After each statement that proposes targets: their measures in change_log (not published: members see
        // nothing of a proposal), and a notification, so that owners' and officers' lists awaiting approval refresh.
        """
        CREATE OR REPLACE FUNCTION scorecard_log_proposals() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          INSERT INTO change_log (measure_id, published)
          SELECT DISTINCT n.measure_id, false FROM scorecard_changed n;
          PERFORM pg_notify('scorecard_changes', '');
          RETURN NULL;
        END
        $$
        """,

        // Every value, target and proposal names a measure that exists. Checked once a statement (one anti-join of
        // the statement's rows), not by foreign keys: those check row by row, which an import's COPY would pay for.
        """
        CREATE OR REPLACE FUNCTION scorecard_check_measures() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET jit = off
        AS $$
        DECLARE
          missing bigint;
        BEGIN
          SELECT n.measure_id INTO missing FROM (SELECT DISTINCT measure_id FROM scorecard_new) n
          WHERE NOT EXISTS (SELECT FROM measure m WHERE m.id = n.measure_id) LIMIT 1;
          IF FOUND THEN
            RAISE EXCEPTION 'no measure has id % (a row of % must name a measure)', missing, TG_TABLE_NAME
              USING ERRCODE = 'foreign_key_violation';
          END IF;
          RETURN NULL;
        END
        $$
        """,

        // A recording's turn: its share of the writing lock (an import waits for it, it waits for an import) and
        // its measure's row of recent revisions with drafts, so that two writers of one measure take turns and the
        // second reads what the first committed. Row locks taken as the tables' owner: a login may take them only through this function, for
        // a measure it may record (an officer any), so neither a member nor an owner's own session can hold
        // writing up (an advisory lock, which any login can take, held every writer up).
        """
        CREATE OR REPLACE FUNCTION scorecard_take_turn(measure_id bigint) RETURNS void
        LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          IF NOT (pg_has_role(session_user, 'scorecard_officer', 'MEMBER') OR scorecard_owns(scorecard_take_turn.measure_id)) THEN
            RAISE EXCEPTION 'this login records no values of measure %', scorecard_take_turn.measure_id USING ERRCODE = 'insufficient_privilege';
          END IF;
          PERFORM FROM writing_lock WHERE name = 'import' FOR SHARE;
          IF NOT FOUND THEN
            RAISE EXCEPTION 'the writing lock is missing: the database''s owner runs scorecard db init' USING ERRCODE = 'SC002';
          END IF;
          -- The measure's row of recent revisions with drafts, which no member can read: a lock on its measure
          -- row showed in the row's xmax, to a member, which measure was being recorded.
          INSERT INTO recent_revisions (measure_id, with_drafts) VALUES (scorecard_take_turn.measure_id, true) ON CONFLICT DO NOTHING;
          PERFORM FROM recent_revisions r WHERE r.measure_id = scorecard_take_turn.measure_id AND r.with_drafts FOR UPDATE;
        END
        $$
        """,

        // An owner records values, not targets: a value's target must be the one that stands for its period (the
        // latest revision's, or none), as `scorecard record` writes it; a target is proposed and approved instead.
        // Only for a measure the login owns: on another's, the row-level policy refuses it alike whatever the
        // target (answering by the target gave away another's draft's target, one guess at a time).
        """
        CREATE OR REPLACE FUNCTION scorecard_keep_target() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        DECLARE
          standing double precision;
        BEGIN
          IF pg_has_role(session_user, 'scorecard_officer', 'MEMBER') OR NOT scorecard_owns(NEW.measure_id) THEN
            RETURN NEW;
          END IF;
          SELECT r.target INTO standing FROM revision r
          WHERE r.measure_id = NEW.measure_id AND r.period_kind = NEW.period_kind AND r.period_ordinal = NEW.period_ordinal
          ORDER BY r.id DESC LIMIT 1;
          IF NEW.target IS DISTINCT FROM standing THEN
            RAISE EXCEPTION 'an owner records values, not targets: a target is proposed (scorecard target) and approved by an officer'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END
        $$
        """,

        // An approval must be the proposal it names: the same measure, period and target.
        """
        CREATE OR REPLACE FUNCTION scorecard_check_approval() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
        BEGIN
          IF NOT EXISTS (SELECT FROM target_proposal p WHERE p.id = NEW.proposal_id AND p.measure_id = NEW.measure_id
                           AND p.period_kind = NEW.period_kind AND p.period_ordinal = NEW.period_ordinal
                           AND p.value IS NOT DISTINCT FROM NEW.value) THEN
            RAISE EXCEPTION 'an approval must carry the measure, period and target of the proposal it names (proposal %)',
              NEW.proposal_id USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END
        $$
        """,

        // MARK: Triggers

        """
        DROP TRIGGER IF EXISTS observation_revision_sign_off ON observation_revision
        """,
        """
        CREATE TRIGGER observation_revision_sign_off BEFORE UPDATE ON observation_revision
        FOR EACH ROW EXECUTE FUNCTION scorecard_sign_off()
        """,
        """
        DROP TRIGGER IF EXISTS observation_revision_append_only ON observation_revision
        """,
        """
        CREATE TRIGGER observation_revision_append_only BEFORE DELETE OR TRUNCATE ON observation_revision
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        // A measure keeps its row for ever (dropped from the framework, its position is NULL), so its history always
        // has a measure.
        """
        DROP TRIGGER IF EXISTS measure_kept ON measure
        """,
        """
        CREATE TRIGGER measure_kept BEFORE DELETE OR TRUNCATE ON measure
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        // A measure's code changes only in case (an import renames `M-PCT` to `m-pct` as the files write it, so that
        // it keeps its values): another code would move its history to a measure the files never named.
        """
        CREATE OR REPLACE FUNCTION scorecard_code_case_only() RETURNS trigger
        LANGUAGE plpgsql
        AS $$
        BEGIN
          IF lower(NEW.code) <> lower(OLD.code) THEN
            RAISE EXCEPTION 'a measure''s code changes only in case (% is not %)', NEW.code, OLD.code
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN NEW;
        END
        $$
        """,
        """
        DROP TRIGGER IF EXISTS measure_code_case_only ON measure
        """,
        """
        CREATE TRIGGER measure_code_case_only BEFORE UPDATE OF code ON measure
        FOR EACH ROW EXECUTE FUNCTION scorecard_code_case_only()
        """,
        """
        DROP TRIGGER IF EXISTS writing_lock_kept ON writing_lock
        """,
        """
        CREATE TRIGGER writing_lock_kept BEFORE UPDATE OR DELETE OR TRUNCATE ON writing_lock
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS target_proposal_append_only ON target_proposal
        """,
        """
        CREATE TRIGGER target_proposal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON target_proposal
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS target_proposal_log_insert ON target_proposal
        """,
        """
        CREATE TRIGGER target_proposal_log_insert AFTER INSERT ON target_proposal
        REFERENCING NEW TABLE AS scorecard_changed
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_log_proposals()
        """,
        """
        DROP TRIGGER IF EXISTS observation_revision_keep_target ON observation_revision
        """,
        """
        CREATE TRIGGER observation_revision_keep_target BEFORE INSERT ON observation_revision
        FOR EACH ROW EXECUTE FUNCTION scorecard_keep_target()
        """,
        """
        DROP TRIGGER IF EXISTS target_revision_approval ON target_revision
        """,
        """
        CREATE TRIGGER target_revision_approval BEFORE INSERT ON target_revision
        FOR EACH ROW WHEN (NEW.proposal_id IS NOT NULL) EXECUTE FUNCTION scorecard_check_approval()
        """,
        """
        DROP TRIGGER IF EXISTS target_revision_append_only ON target_revision
        """,
        """
        CREATE TRIGGER target_revision_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON target_revision
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS observation_revision_log_insert ON observation_revision
        """,
        """
        CREATE TRIGGER observation_revision_log_insert AFTER INSERT ON observation_revision
        REFERENCING NEW TABLE AS scorecard_changed
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_log_observations()
        """,
        """
        DROP TRIGGER IF EXISTS observation_revision_log_update ON observation_revision
        """,
        """
        CREATE TRIGGER observation_revision_log_update AFTER UPDATE ON observation_revision
        REFERENCING NEW TABLE AS scorecard_changed
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_log_observations()
        """,
        """
        DROP TRIGGER IF EXISTS imported_values_log_insert ON imported_values
        """,
        """
        CREATE TRIGGER imported_values_log_insert AFTER INSERT ON imported_values
        REFERENCING NEW TABLE AS scorecard_changed
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_log_imports()
        """,
        """
        DROP TRIGGER IF EXISTS imported_values_append_only ON imported_values
        """,
        """
        CREATE TRIGGER imported_values_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON imported_values
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS imported_targets_append_only ON imported_targets
        """,
        """
        CREATE TRIGGER imported_targets_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON imported_targets
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DROP TRIGGER IF EXISTS import_batch_append_only ON import_batch
        """,
        """
        CREATE TRIGGER import_batch_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON import_batch
        FOR EACH STATEMENT EXECUTE FUNCTION scorecard_append_only()
        """,
        """
        DO $$
        DECLARE
          t text;
        BEGIN
          FOREACH t IN ARRAY ARRAY['council', 'priority', 'delivery_plan', 'action', 'measure', 'target_revision', 'imported_targets'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_log', t);
            EXECUTE format(
              'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
              'FOR EACH STATEMENT EXECUTE FUNCTION scorecard_log_framework()', t || '_log', t);
          END LOOP;
        END
        $$
        """,

        """
        DO $$
        DECLARE
          t text;
        BEGIN
          FOREACH t IN ARRAY ARRAY['observation_revision', 'imported_values', 'target_revision', 'imported_targets', 'target_proposal'] LOOP
            EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_measure_exists', t);
            EXECUTE format(
              'CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS scorecard_new '
              'FOR EACH STATEMENT EXECUTE FUNCTION scorecard_check_measures()', t || '_measure_exists', t);
          END LOOP;
        END
        $$
        """,

        // MARK: Row-level security on target proposals (members are granted nothing on them)

        """
        ALTER TABLE target_proposal ENABLE ROW LEVEL SECURITY
        """,
        """
        DROP POLICY IF EXISTS owner_reads_own_proposals ON target_proposal
        """,
        """
        CREATE POLICY owner_reads_own_proposals ON target_proposal FOR SELECT TO scorecard_owner
        USING (scorecard_owns(measure_id))
        """,
        """
        DROP POLICY IF EXISTS owner_proposes_own ON target_proposal
        """,
        """
        CREATE POLICY owner_proposes_own ON target_proposal FOR INSERT TO scorecard_owner
        WITH CHECK (scorecard_owns(measure_id) AND proposed_by = session_user::text)
        """,
        """
        DROP POLICY IF EXISTS officer_reads_all_proposals ON target_proposal
        """,
        """
        CREATE POLICY officer_reads_all_proposals ON target_proposal FOR SELECT TO scorecard_officer
        USING (true)
        """,
        """
        DROP POLICY IF EXISTS officer_proposes ON target_proposal
        """,
        """
        CREATE POLICY officer_proposes ON target_proposal FOR INSERT TO scorecard_officer
        WITH CHECK (proposed_by = session_user::text)
        """,

        // MARK: Row-level security on the values

        """
        ALTER TABLE observation_revision ENABLE ROW LEVEL SECURITY
        """,
        """
        DROP POLICY IF EXISTS member_reads_published ON observation_revision
        """,
        """
        CREATE POLICY member_reads_published ON observation_revision FOR SELECT TO scorecard_member
        USING (published_at IS NOT NULL)
        """,
        """
        DROP POLICY IF EXISTS owner_reads_published_and_own ON observation_revision
        """,
        """
        CREATE POLICY owner_reads_published_and_own ON observation_revision FOR SELECT TO scorecard_owner
        USING (published_at IS NOT NULL OR measure_id IN (SELECT scorecard_owned_measures()))
        """,
        """
        DROP POLICY IF EXISTS owner_records_own_drafts ON observation_revision
        """,
        """
        CREATE POLICY owner_records_own_drafts ON observation_revision FOR INSERT TO scorecard_owner
        WITH CHECK (scorecard_owns(measure_id) AND published_at IS NULL AND published_by IS NULL
                    AND changed_by = session_user::text AND source = 'record')
        """,
        """
        DROP POLICY IF EXISTS officer_reads_all ON observation_revision
        """,
        """
        CREATE POLICY officer_reads_all ON observation_revision FOR SELECT TO scorecard_officer
        USING (true)
        """,
        """
        DROP POLICY IF EXISTS officer_records ON observation_revision
        """,
        """
        CREATE POLICY officer_records ON observation_revision FOR INSERT TO scorecard_officer
        WITH CHECK (published_by IS NULL AND published_at IS NULL AND changed_by = session_user::text AND source = 'record')
        """,
        """
        DROP POLICY IF EXISTS officer_signs_off ON observation_revision
        """,
        """
        CREATE POLICY officer_signs_off ON observation_revision FOR UPDATE TO scorecard_officer
        USING (true) WITH CHECK (published_by = session_user::text)
        """,

        """
        ALTER TABLE change_log ENABLE ROW LEVEL SECURITY
        """,
        """
        DROP POLICY IF EXISTS member_reads_published_changes ON change_log
        """,
        """
        CREATE POLICY member_reads_published_changes ON change_log FOR SELECT TO scorecard_member
        USING (published)
        """,
        """
        DROP POLICY IF EXISTS owner_reads_published_and_own_changes ON change_log
        """,
        """
        CREATE POLICY owner_reads_published_and_own_changes ON change_log FOR SELECT TO scorecard_owner
        USING (published OR measure_id IN (SELECT scorecard_owned_measures()))
        """,
        """
        DROP POLICY IF EXISTS officer_reads_all_changes ON change_log
        """,
        """
        CREATE POLICY officer_reads_all_changes ON change_log FOR SELECT TO scorecard_officer
        USING (true)
        """,

        // The planner's statistics of a table under row-level security are gathered over every row, and `EXPLAIN`
        // shows estimates made from them to any reader: a member's `EXPLAIN SELECT ... WHERE measure_id = 9` told
        // which measures had drafts, and `value < X` narrowed their figures. None are gathered for these tables'
        // columns (their queries go by index, and plan the same without them).
        """
        DO $$
        DECLARE
          col record;
        BEGIN
          FOR col IN
            SELECT a.attrelid::regclass AS tab, a.attname AS name FROM pg_attribute a
            WHERE a.attrelid IN ('observation_revision'::regclass, 'target_proposal'::regclass, 'change_log'::regclass,
                                 'recent_revisions'::regclass)
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attstattarget <> 0
          LOOP
            EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 0', col.tab, col.name);
          END LOOP;
        END
        $$
        """,
        """
        ALTER TABLE recent_revisions ENABLE ROW LEVEL SECURITY
        """,
        """
        DROP POLICY IF EXISTS member_reads_published_recent ON recent_revisions
        """,
        """
        CREATE POLICY member_reads_published_recent ON recent_revisions FOR SELECT TO scorecard_member
        USING (NOT with_drafts)
        """,
        """
        DROP POLICY IF EXISTS owner_reads_published_and_own_recent ON recent_revisions
        """,
        """
        CREATE POLICY owner_reads_published_and_own_recent ON recent_revisions FOR SELECT TO scorecard_owner
        USING (NOT with_drafts OR measure_id IN (SELECT scorecard_owned_measures()))
        """,
        """
        DROP POLICY IF EXISTS officer_reads_all_recent ON recent_revisions
        """,
        """
        CREATE POLICY officer_reads_all_recent ON recent_revisions FOR SELECT TO scorecard_officer
        USING (true)
        """,

        // MARK: Views (security_invoker: the reader's row-level security applies)

        // Every revision the reader may see: those recorded (row-level security applies) and those imported, one
        // row a value, in the columns of observation_revision. An imported value's id is its batch's.
        """
        CREATE OR REPLACE VIEW revision WITH (security_invoker = true) AS
        SELECT id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at, source,
          published_by, published_at
        FROM observation_revision
        UNION ALL
        SELECT b.id, v.measure_id, e.period_kind, e.period_ordinal, e.value, e.target,
          v.notes[array_position(v.note_at, e.element::integer)],
          (ARRAY['provisional', 'estimated', 'validated'])[e.quality], b.imported_by, b.imported_at, 'import',
          b.imported_by, b.imported_at
        FROM imported_values v
        JOIN import_batch b ON b.id = v.batch_id
        CROSS JOIN LATERAL unnest(v.kinds, v.ordinals, v.vals, v.targets, v.qualities) WITH ORDINALITY
          AS e(period_kind, period_ordinal, value, target, quality, element)
        """,
        // The latest revision the reader may see of each measure and period: for a member, the latest published.
        """
        CREATE OR REPLACE VIEW observation WITH (security_invoker = true) AS
        SELECT DISTINCT ON (measure_id, period_kind, period_ordinal)
          id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at, source,
          published_by, published_at
        FROM revision
        ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC
        """,
        // The latest published revision of each measure and period: what members see, whoever reads it.
        """
        CREATE OR REPLACE VIEW published_observation WITH (security_invoker = true) AS
        SELECT DISTINCT ON (measure_id, period_kind, period_ordinal)
          id, measure_id, period_kind, period_ordinal, value, target, note, quality, changed_by, changed_at, source,
          published_by, published_at
        FROM revision
        WHERE published_at IS NOT NULL
        ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC
        """,
        // What awaits sign-off: drafts that are the latest revision of their measure and period, with who entered
        // them and the published value each would replace.
        """
        CREATE OR REPLACE VIEW draft_observation WITH (security_invoker = true) AS
        SELECT r.id, m.code AS measure_code, r.measure_id, r.period_kind, r.period_ordinal,
          scorecard_period(r.period_kind, r.period_ordinal) AS period, r.value, r.target, r.note, r.quality,
          r.changed_by, r.changed_at, r.source, p.value AS published_value, p.target AS published_target
        FROM observation_revision r
        JOIN measure m ON m.id = r.measure_id
        LEFT JOIN LATERAL (
          SELECT l.value, l.target FROM revision l
          WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind AND l.period_ordinal = r.period_ordinal
            AND l.published_at IS NOT NULL
          ORDER BY l.id DESC LIMIT 1) p ON true
        WHERE r.published_at IS NULL
          AND NOT EXISTS (
            SELECT FROM revision l
            WHERE l.measure_id = r.measure_id AND l.period_kind = r.period_kind AND l.period_ordinal = r.period_ordinal
              AND l.id > r.id)
        """,
        // Every target revision: those approved and written one by one (`target_revision`), and each element of
        // an import's packed rows (`imported_targets`), in the order made (by id; the elements of one row share it).
        """
        CREATE OR REPLACE VIEW target_history WITH (security_invoker = true) AS
        SELECT id, measure_id, period_kind, period_ordinal, value, changed_by, changed_at, proposal_id FROM target_revision
        UNION ALL
        SELECT t.id, t.measure_id, e.period_kind, e.period_ordinal, e.value, t.changed_by, t.changed_at, NULL::bigint
        FROM imported_targets t, unnest(t.kinds, t.ordinals, t.vals) AS e(period_kind, period_ordinal, value)
        """,
        // The current target of each measure and period (a NULL revision removes it), as in the SQLite store.
        """
        CREATE OR REPLACE VIEW target WITH (security_invoker = true) AS
        SELECT * FROM (
          SELECT DISTINCT ON (measure_id, period_kind, period_ordinal)
            id, measure_id, period_kind, period_ordinal, value, changed_by, changed_at
          FROM target_history
          ORDER BY measure_id DESC, period_kind DESC, period_ordinal DESC, id DESC) latest
        WHERE value IS NOT NULL
        """,

        // Schema 3: meetings. The presenter's dashboard shares its view here; followers read it (and write
        // nothing: the presenter counts them by their connections' application_name).
        """
        CREATE TABLE IF NOT EXISTS meeting (
          name text PRIMARY KEY,
          presenter text NOT NULL DEFAULT session_user,
          view text NOT NULL,
          sequence bigint NOT NULL,
          ended boolean NOT NULL DEFAULT false,
          updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        ALTER TABLE meeting ALTER COLUMN presenter SET DEFAULT session_user
        """,
        // Everyone reads every meeting; only its presenter changes it. An officer may take a meeting over (its
        // presenter's machine failed, say) by presenting it as themself; an owner presents only meetings of its own.
        """
        ALTER TABLE meeting ENABLE ROW LEVEL SECURITY
        """,
        """
        DROP POLICY IF EXISTS everyone_reads_meetings ON meeting
        """,
        """
        CREATE POLICY everyone_reads_meetings ON meeting FOR SELECT
        TO scorecard_member, scorecard_owner, scorecard_officer USING (true)
        """,
        """
        DROP POLICY IF EXISTS presenter_starts_meeting ON meeting
        """,
        """
        CREATE POLICY presenter_starts_meeting ON meeting FOR INSERT TO scorecard_owner, scorecard_officer
        WITH CHECK (presenter = session_user::text)
        """,
        """
        DROP POLICY IF EXISTS presenter_runs_meeting ON meeting
        """,
        """
        CREATE POLICY presenter_runs_meeting ON meeting FOR UPDATE TO scorecard_owner, scorecard_officer
        USING (presenter = session_user::text) WITH CHECK (presenter = session_user::text)
        """,
        """
        DROP POLICY IF EXISTS officer_takes_meeting_over ON meeting
        """,
        """
        CREATE POLICY officer_takes_meeting_over ON meeting FOR UPDATE TO scorecard_officer
        USING (true) WITH CHECK (presenter = session_user::text)
        """,

        // MARK: Privileges (revoked and granted afresh, so a re-run leaves exactly these)

        """
        REVOKE ALL ON council, priority, delivery_plan, action, measure, target_revision, observation_revision, scope,
          change_log, schema_version, observation, published_observation, draft_observation, target, meeting,
          recent_revisions, import_batch, imported_values, revision, target_proposal, writing_lock, imported_targets, target_history
        FROM PUBLIC, scorecard_member, scorecard_owner, scorecard_officer
        """,
        """
        REVOKE ALL ON FUNCTION scorecard_owned_measures(), scorecard_owns(bigint), scorecard_append_only(), scorecard_code_case_only(),
          scorecard_sign_off(), scorecard_log_observations(), scorecard_log_framework(),
          scorecard_refresh_recent(bigint[], boolean), scorecard_begin_import(), scorecard_log_imports(), scorecard_log_proposals(),
          scorecard_check_approval(), scorecard_take_turn(bigint)
        FROM PUBLIC
        """,
        """
        GRANT EXECUTE ON FUNCTION scorecard_owned_measures(), scorecard_owns(bigint)
        TO scorecard_member, scorecard_owner, scorecard_officer
        """,
        """
        GRANT SELECT ON council, priority, delivery_plan, action, measure, target_revision, observation_revision,
          change_log, schema_version, observation, published_observation, draft_observation, target, meeting,
          recent_revisions, import_batch, imported_values, revision, imported_targets, target_history
        TO scorecard_member, scorecard_owner, scorecard_officer
        """,
        // Taking turns to write: an import locks `writing_lock`'s row itself (UPDATE privilege, which the trigger
        // makes a lock only); a recording takes its turn through scorecard_take_turn.
        """
        GRANT SELECT, UPDATE ON writing_lock TO scorecard_officer
        """,
        """
        GRANT EXECUTE ON FUNCTION scorecard_take_turn(bigint) TO scorecard_owner, scorecard_officer
        """,
        // Presenting a meeting: owners and officers (a member only follows).
        """
        GRANT INSERT, UPDATE ON meeting TO scorecard_owner, scorecard_officer
        """,
        // Owners: drafts of their own measures (the policy checks which); no id, sign-off or time of their own.
        """
        GRANT INSERT (measure_id, period_kind, period_ordinal, value, target, note, quality, source)
        ON observation_revision TO scorecard_owner
        """,
        // Officers: import, record, sign off (the update sets published_at; the trigger does the rest).
        """
        GRANT INSERT (measure_id, period_kind, period_ordinal, value, target, note, quality, source)
        ON observation_revision TO scorecard_officer
        """,
        """
        GRANT UPDATE (published_at) ON observation_revision TO scorecard_officer
        """,
        // Officers: imports, by COPY into imported_values (a batch of their own, begun by the function).
        """
        GRANT INSERT (measure_id, batch_id, chunk, kinds, ordinals, vals, targets, qualities, note_at, notes)
        ON imported_values TO scorecard_officer
        """,
        """
        GRANT EXECUTE ON FUNCTION scorecard_begin_import() TO scorecard_officer
        """,
        """
        GRANT INSERT (measure_id, period_kind, period_ordinal, value, proposal_id)
        ON target_revision TO scorecard_officer
        """,
        """
        GRANT INSERT (measure_id, kinds, ordinals, vals) ON imported_targets TO scorecard_officer
        """,
        // Proposing targets: owners (their own measures, by the policy) and officers; who and when by the database.
        """
        GRANT SELECT, INSERT (measure_id, period_kind, period_ordinal, value) ON target_proposal
        TO scorecard_owner, scorecard_officer
        """,
        """
        GRANT INSERT, UPDATE, DELETE ON council, priority, delivery_plan, action TO scorecard_officer
        """,
        """
        GRANT INSERT, UPDATE (code, position, priority_id, delivery_plan_id, title, description, methodology, source, owner,
          service, team, tier, unit, decimals, frequency, polarity, band, status, cumulative, tolerance, lag_days,
          profile, minimum, maximum, small_numbers, comparators)
        ON measure TO scorecard_officer
        """,
        """
        REVOKE DELETE, TRUNCATE ON measure FROM scorecard_officer
        """,
        """
        GRANT SELECT ON scope TO scorecard_officer
        """,
        """
        DO $$
        DECLARE
          s text;
        BEGIN
          FOREACH s IN ARRAY ARRAY[
            pg_get_serial_sequence('priority', 'id'), pg_get_serial_sequence('delivery_plan', 'id'),
            pg_get_serial_sequence('action', 'id'), pg_get_serial_sequence('measure', 'id'),
            pg_get_serial_sequence('target_revision', 'id'), pg_get_serial_sequence('observation_revision', 'id')]
          LOOP
            EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC, scorecard_member, scorecard_owner', s);
            EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %s TO scorecard_officer', s);
          END LOOP;
        END
        $$
        """,

        // Temporary tables only for officers (an import stages its measures in one): nobody else writes
        // anything, not even a table of their own.
        """
        DO $$
        BEGIN
          EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
          EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO scorecard_officer', current_database());
        END
        $$
        """,

        // Only the logins `db grant` names here may connect: roles are the server's, so a login granted a council
        // role for another database on the same server gains nothing here. A database set up before schema 8
        // (when every login could connect) first gives the logins it already had the right to connect. A
        // database that holds another application's tables too keeps its CONNECT for everyone: taking it would
        // lock that application's users out (`db init` says so).
        """
        DO $$
        DECLARE
          l text;
        BEGIN
          IF has_database_privilege('public', current_database(), 'CONNECT') AND NOT EXISTS (
            SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname !~ '^pg_(toast|temp)'
              AND NOT (n.nspname = 'public' AND c.relname IN (
                'council', 'priority', 'delivery_plan', 'action', 'measure', 'target_revision', 'observation_revision',
                'scope', 'change_log', 'meeting', 'recent_revisions', 'import_batch', 'imported_values', 'target_proposal',
                'observation', 'published_observation', 'draft_observation', 'target', 'revision', 'schema_version', 'writing_lock',
                'imported_targets', 'target_history'))
          ) THEN
            IF EXISTS (SELECT FROM schema_version WHERE version < 8) THEN
              FOR l IN
                SELECT DISTINCT r.rolname FROM pg_auth_members a
                JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles r ON r.oid = a.member
                WHERE g.rolname IN ('scorecard_member', 'scorecard_owner', 'scorecard_officer') AND r.rolcanlogin
              LOOP
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), l);
              END LOOP;
            END IF;
            EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', current_database());
          END IF;
        END
        $$
        """,

        // Every measure's recent revisions made afresh: a database of an earlier schema gains them, and a
        // re-run repairs them, whatever happened.
        """
        SELECT scorecard_refresh_recent(ARRAY(SELECT id FROM measure))
        """,

        // Last: the version this schema now is.
        """
        DO $$
        BEGIN
          UPDATE schema_version SET version = \(version);
          IF NOT FOUND THEN
            INSERT INTO schema_version (version) VALUES (\(version));
          END IF;
        END
        $$
        """,
    ]
}
