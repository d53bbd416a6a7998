#!/usr/bin/env bash
# Proves the shared store's rules with psql, against a cluster made by `.ci/postgres.sh start DIR PORT`:
#
#   .ci/postgres-rls-check.sh PORT [DATABASE]
#
# Makes DATABASE afresh (default scorecard_rls_check; as the superuser `postgres`, owned by scorecard_admin), runs
# the schema in Sources/ScorecardPostgres/PostgresSchema.swift there twice as scorecard_admin (as `db init` would:
# one transaction each), creates the logins alice (member), kate (owner by owner name), sam (owner by service) and
# olu (officer) as scorecard_admin would for `db grant`, and checks, as each login, what it can read and what the
# database refuses. Prints each failure and a count; exits 1 if any rule is broken. VERBOSE=1 prints every check.
# The logins are cluster-wide and left in place; the database is left for inspection and dropped by the next run.
set -uo pipefail

(($# == 1 || $# == 2)) || { echo "usage: $0 PORT [DATABASE]" >&2; exit 2; }
PORT=$1
DB=${2:-scorecard_rls_check}
cd "$(dirname "$0")/.."
SCHEMA_SWIFT=${SCORECARD_SCHEMA_SWIFT:-Sources/ScorecardPostgres/PostgresSchema.swift}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PSQL=${bin:+$bin/}psql
export PGOPTIONS='-c client_min_messages=warning'
export PGCONNECT_TIMEOUT=5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

url() { echo "postgres://$1@127.0.0.1:$PORT/$2"; }

# The schema's statements as SQL, each ended by ";" (see the note at the top of PostgresSchema.swift).
extract_schema() {
  awk '
    /static let version = / { v = $NF }
    /static let statements: \[String\] = \[/ { on = 1; next }
    on && /^    \]$/ { on = 0 }
    !on { next }
    /^[ \t]*"""[ \t]*,?[ \t]*$/ { if (lit) { print ";"; lit = 0; n++ } else lit = 1; next }
    lit {
      line = $0
      gsub(/\\\(version\)/, v, line)
      if (line ~ /\\/) { print "a backslash in the schema: " line > "/dev/stderr"; bad = 1 }
      print line
      next
    }
    END { if (bad || lit || n < 10 || v == "") exit 1 }
  ' "$SCHEMA_SWIFT"
}

passed=0
failed=0
pass() { passed=$((passed + 1)); [[ -n ${VERBOSE:-} ]] && echo "ok    $1"; return 0; }
fail() { failed=$((failed + 1)); echo "FAIL  $1${2:+ -- $2}"; return 0; }

# Runs SQL (one string, one implicit transaction) as a login; prints unaligned rows, or the error with its SQLSTATE.
as() {
  local who=$1
  shift
  "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose "$(url "$who" "$DB")" -c "$1" 2>&1
}
# Runs a psql script from stdin as a login.
as_script() {
  "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=verbose "$(url "$1" "$DB")" -f - 2>&1
}

# expect WHO WHAT SQL EXPECTED: the statement succeeds and prints EXPECTED (rows joined by newlines).
expect() {
  local out
  if out=$(as "$1" "$3"); then
    [[ "$out" == "$4" ]] && pass "$1: $2" || fail "$1: $2" "expected '$4', got '$out'"
  else
    fail "$1: $2" "$out"
  fi
}
# refused WHO WHAT SQL [PATTERN]: the statement fails, with PATTERN in the error (default SQLSTATE 42501,
# insufficient_privilege: a missing grant, a row-level security policy or a rule's trigger).
refused() {
  local out pattern=${4:-42501}
  if out=$(as "$1" "$3"); then
    fail "$1: $2" "was allowed${out:+ (printed '$out')}"
  elif [[ "$out" =~ $pattern ]]; then
    pass "$1: $2"
  else
    fail "$1: $2" "refused, but not by a rule ($out)"
  fi
}

# MARK: A fresh database, the schema twice, the logins and a little data

"$PSQL" -X -q -v ON_ERROR_STOP=1 "$(url postgres postgres)" >/dev/null 2>"$work/err" <<SQL || { cat "$work/err" >&2; echo "rls-check: cannot make the database $DB on port $PORT (started by .ci/postgres.sh?)" >&2; exit 1; }
DROP DATABASE IF EXISTS $DB WITH (FORCE);
CREATE DATABASE $DB OWNER scorecard_admin;
SQL

extract_schema >"$work/schema.sql" || { echo "rls-check: cannot extract the schema from $SCHEMA_SWIFT" >&2; exit 1; }
for run in 1 2; do
  if out=$("$PSQL" -X -q -1 -v ON_ERROR_STOP=1 -o /dev/null "$(url scorecard_admin "$DB")" -f "$work/schema.sql" 2>&1); then
    pass "scorecard_admin: the schema runs (run $run, one transaction)"
  else
    fail "scorecard_admin: the schema runs (run $run, one transaction)" "$out"
    echo "rls-check: the schema does not run; nothing more to check" >&2
    exit 1
  fi
done
if out=$("$PSQL" -X -q -v ON_ERROR_STOP=1 -o /dev/null "$(url scorecard_admin "$DB")" -f "$work/schema.sql" 2>&1); then
  pass "scorecard_admin: the schema runs (run 3, statement by statement)"
else
  fail "scorecard_admin: the schema runs (run 3, statement by statement)" "$out"
fi
expect scorecard_admin "schema_version is the Swift file's" "TABLE schema_version" \
  "$(awk '/static let version = / { print $NF; exit }' "$SCHEMA_SWIFT")"

as scorecard_admin "UPDATE schema_version SET version = version + 1" >/dev/null
out=$("$PSQL" -X -q -1 -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -o /dev/null "$(url scorecard_admin "$DB")" -f "$work/schema.sql" 2>&1) \
  && fail "scorecard_admin: a database of a newer schema is refused" "the schema ran" \
  || { [[ "$out" == *SC001* ]] && pass "scorecard_admin: a database of a newer schema is refused (SC001)" \
    || fail "scorecard_admin: a database of a newer schema is refused" "$out"; }
as scorecard_admin "UPDATE schema_version SET version = version - 1" >/dev/null

# The logins, as `db grant` makes them (memberships from earlier runs are reset: roles are cluster-wide).
out=$(as scorecard_admin "
DO \$\$
DECLARE
  l text;
BEGIN
  FOREACH l IN ARRAY ARRAY['alice', 'kate', 'sam', 'olu', 'eve'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = l) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', l);
    END IF;
    EXECUTE format('REVOKE scorecard_member, scorecard_owner, scorecard_officer FROM %I', l);
  END LOOP;
END
\$\$;
GRANT scorecard_member TO alice;
GRANT scorecard_owner TO kate, sam;
GRANT scorecard_officer TO olu, eve;
GRANT CONNECT ON DATABASE $DB TO alice, kate, sam, olu;
INSERT INTO scope (login, owner, service) VALUES ('kate', 'Kate Adams', NULL), ('sam', NULL, 'housing ');
") && pass "scorecard_admin: creates and grants the logins alice, kate, sam, olu" \
  || { fail "scorecard_admin: creates and grants the logins" "$out"; exit 1; }

# Roles are the server's: eve, an officer granted for another database, may not even connect to this one.
refused eve "an officer not granted this database cannot connect to it" "SELECT 1" "permission denied for database"
expect scorecard_admin "no right to connect is left to PUBLIC" \
  "SELECT has_database_privilege('public', current_database(), 'CONNECT')" "f"

# Measure 1 (KATE1) is Kate's by owner name (spaced and cased differently), measure 2 (BOB1) is in Housing (sam's).
# Revisions: 1 published and 2 a draft over it (KATE1 2025-04); 3 published (BOB1 2025-04); 4 a draft (BOB1 2025-05).
out=$(as scorecard_admin "
INSERT INTO council (id, name, plan_title) VALUES (1, 'Check Council', 'Council Plan');
INSERT INTO priority (position, code, title, lead, description) VALUES (0, 'P1', 'Homes', 'Lead', '');
INSERT INTO delivery_plan (priority_id, position, code, title, owner) VALUES (1, 0, 'D1', 'More homes', 'Someone');
INSERT INTO action (delivery_plan_id, position, title, owner, status, percent_complete)
VALUES (1, 0, 'Build', 'Someone', 'on-track', 10);
INSERT INTO measure (code, position, priority_id, delivery_plan_id, title, description, methodology, source, owner,
  service, team, tier, unit, decimals, frequency, polarity, status, cumulative, lag_days)
VALUES ('KATE1', 0, 1, 1, 'Kate''s', '', '', '', '  kate ADAMS ', 'Waste', '', 'corporate', 'count', 0, 'monthly',
        'higher', 'active', false, 0),
       ('BOB1', 1, 1, NULL, 'Bob''s', '', '', '', 'Bob Smith', 'Housing', '', 'corporate', 'count', 0, 'monthly',
        'higher', 'active', false, 0);
INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (1, 0, 24303, 12);
INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, changed_by, source, published_by,
  published_at)
VALUES (1, 0, 24303, 10, 'admin', 'import', 'admin', now()),
       (1, 0, 24303, 11, 'admin', 'record', NULL, NULL),
       (2, 0, 24303, 20, 'admin', 'import', 'admin', now()),
       (2, 0, 24304, 21, 'admin', 'record', NULL, NULL);
ANALYZE observation_revision;
SELECT string_agg(id::text, ',' ORDER BY id) FROM observation_revision;
") && [[ "$out" == "1,2,3,4" ]] && pass "scorecard_admin: adds two measures, two published values and two drafts" \
  || { fail "scorecard_admin: adds the data" "$out"; exit 1; }

expect scorecard_admin "scorecard_period writes each kind as Period does" \
  "SELECT scorecard_period(0::smallint, 24303) || ' ' || scorecard_period(1::smallint, 8100) || ' '
     || scorecard_period(2::smallint, 2025) || ' ' || scorecard_period(3::smallint, 2025)" "2025-04 2025/26 Q1 2025/26 2025"

# What each reads, as "measure:period=value" in order.
latest="string_agg(measure_id || ':' || period_ordinal || '=' || value, ',' ORDER BY measure_id, period_ordinal)"
ids="string_agg(id::text, ',' ORDER BY id)"
tables=(council priority delivery_plan action measure target_revision imported_targets observation_revision scope change_log
  schema_version)
# A column of each table, for UPDATE attempts.
declare -A column=([council]=name [priority]=title [delivery_plan]=title [action]=title [measure]=title
  [target_revision]=value [imported_targets]=vals [observation_revision]=value [scope]=login [change_log]=measure_id [schema_version]=version)

# MARK: A member reads published values only and writes nothing

expect alice "reads only published revisions from the table" "SELECT $ids FROM observation_revision" "1,3"
expect alice "reads no draft, even asking for them" "SELECT count(*) FROM observation_revision WHERE published_at IS NULL" "0"
expect alice "gets no planner estimate made from drafts: no statistics are gathered for the tables under row-level security" \
  "SELECT count(*) FROM pg_attribute WHERE attrelid IN ('observation_revision'::regclass, 'target_proposal'::regclass,
     'change_log'::regclass, 'recent_revisions'::regclass) AND attnum > 0 AND NOT attisdropped AND attstattarget <> 0" "0"
expect alice "observation: the latest published value of each period" "SELECT $latest FROM observation" "1:24303=10,2:24303=20"
expect alice "published_observation: the same" "SELECT $latest FROM published_observation" "1:24303=10,2:24303=20"
expect alice "draft_observation: nothing" "SELECT count(*) FROM draft_observation" "0"
recent="string_agg(measure_id || ':' || with_drafts || ':' || array_to_string(vals, ';'), ',' ORDER BY measure_id, with_drafts)"
expect alice "recent_revisions: the published rows only, newest first" "SELECT $recent FROM recent_revisions" "1:false:10,2:false:20"
refused alice "cannot write recent_revisions" "INSERT INTO recent_revisions (measure_id, with_drafts) VALUES (9, false)"
refused alice "cannot change recent_revisions" "UPDATE recent_revisions SET vals = '{1}'"
refused alice "cannot call scorecard_refresh_recent" "SELECT scorecard_refresh_recent('{1}')"
refused alice "cannot hold up writing (writing_lock FOR SHARE)" "SELECT FROM writing_lock FOR SHARE"
refused alice "cannot hold up writing (LOCK TABLE writing_lock)" "BEGIN; LOCK TABLE writing_lock IN SHARE MODE; COMMIT"
expect alice "target: the current targets" "SELECT $latest FROM target" "1:24303=12"
expect alice "reads the framework and the change log" \
  "SELECT (SELECT count(*) FROM council) + (SELECT count(*) FROM priority) + (SELECT count(*) FROM delivery_plan)
     + (SELECT count(*) FROM action) + (SELECT count(*) FROM measure) + (SELECT count(*) FROM target_revision)
     + (SELECT count(*) FROM schema_version) + least(1, (SELECT count(*) FROM change_log))" "9"
expect alice "sees no column statistics of the values (pg_stats)" \
  "SELECT count(*) FROM pg_stats WHERE tablename = 'observation_revision'" "0"
refused alice "cannot read scope" "SELECT * FROM scope"
expect alice "COPY ... TO reads only published revisions too" "COPY observation_revision (id) TO STDOUT" "1
3"
for t in "${tables[@]}"; do
  refused alice "cannot INSERT into $t" "INSERT INTO $t DEFAULT VALUES"
  refused alice "cannot UPDATE $t" "UPDATE $t SET ${column[$t]} = ${column[$t]}"
  refused alice "cannot DELETE from $t" "DELETE FROM $t"
  refused alice "cannot TRUNCATE $t" "TRUNCATE $t"
done
refused alice "cannot insert a value" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24310, 1, 'record')"
refused alice "cannot sign off" "UPDATE observation_revision SET published_at = now() WHERE id = 2"
refused alice "cannot COPY into the values" "COPY observation_revision (measure_id) FROM STDIN"
refused alice "cannot write through a view" "DELETE FROM observation" "42501|not automatically updatable"
refused alice "cannot SET ROLE scorecard_officer" "SET ROLE scorecard_officer"
refused alice "cannot turn row-level security off" "ALTER TABLE observation_revision DISABLE ROW LEVEL SECURITY"
refused alice "cannot create objects in the schema" "CREATE TABLE public.shadow (i int)"
refused alice "cannot create a temporary table either" "CREATE TEMP TABLE shadow (i int)"
refused alice "cannot grant herself a role" "GRANT scorecard_officer TO alice"
# Meetings: a member follows (reads) but cannot present.
refused alice "cannot present a meeting" "INSERT INTO meeting (name, view, sequence) VALUES ('m', '{}', 1)"
expect alice "reads meetings" "SELECT count(*) FROM meeting" "0"

# MARK: An owner reads its own measures' drafts and records drafts for them only

expect kate "reads published revisions and her own measure's drafts" "SELECT $ids FROM observation_revision" "1,2,3"
expect kate "observation: her draft is the latest of her measure" "SELECT $latest FROM observation" "1:24303=11,2:24303=20"
expect kate "published_observation: what members see" "SELECT $latest FROM published_observation" "1:24303=10,2:24303=20"
expect kate "draft_observation: her draft, with what it replaces" \
  "SELECT id, measure_code, period, value, published_value, changed_by FROM draft_observation" "2|KATE1|2025-04|11|10|admin"
expect kate "recent_revisions: the published rows, and her own measure's with its draft" \
  "SELECT $recent FROM recent_revisions" "1:false:10,1:true:11;10,2:false:20"
refused kate "cannot change recent_revisions" "UPDATE recent_revisions SET vals = '{1}'"
expect kate "scorecard_owns: her measure (owner trimmed, any case), not Bob's" \
  "SELECT scorecard_owns(1) || ',' || scorecard_owns(2)" "true,false"
expect kate "records a draft for her measure (id by identity, no sequence grant; changed_by is her)" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, note, source)
   VALUES (1, 0, 24304, 12, 'early figure', 'record') RETURNING id, changed_by, published_at IS NULL" "5|kate|t"
refused kate "cannot record for a measure she does not own" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (2, 0, 24304, 1, 'record')"
refused kate "cannot record a published value" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, published_by, published_at)
   VALUES (1, 0, 24305, 1, 'record', 'kate', now())"
refused kate "cannot record in someone else's name" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, changed_by)
   VALUES (1, 0, 24305, 1, 'record', 'olu')"
refused kate "cannot record as an import" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24305, 1, 'import')"
refused kate "cannot choose a revision id" \
  "INSERT INTO observation_revision (id, measure_id, period_kind, period_ordinal, value, source)
   VALUES (1000000, 1, 0, 24305, 1, 'record')"
refused kate "cannot backdate a revision" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, changed_at)
   VALUES (1, 0, 24305, 1, 'record', now() - interval '1 year')"
for number in "'Infinity'" "'-Infinity'" "'NaN'" "1e16"; do
  refused kate "cannot record $number as a value (numbers lie within 10^15)" \
    "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24305, $number, 'record')" \
    "observation_revision_numbers"
  refused kate "cannot record $number as a target" \
    "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, source) VALUES (1, 0, 24305, 1, $number, 'record')" \
    "observation_revision_numbers|an owner records values, not targets"
done
refused kate "cannot record a quality Scorecard does not know" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, quality, source) VALUES (1, 0, 24305, 1, 'bogus', 'record')" \
  "observation_revision_numbers"
refused kate "cannot create a temporary table (nobody but officers writes anything)" "CREATE TEMP TABLE mine (i int)"
refused kate "cannot sign off, even her own draft" "UPDATE observation_revision SET published_at = now() WHERE id = 5"
refused kate "cannot delete" "DELETE FROM observation_revision WHERE id = 5"
refused kate "cannot COPY into the values" "COPY observation_revision (measure_id) FROM STDIN" \
  "COPY FROM not supported with row-level security"
refused kate "cannot read scope" "SELECT * FROM scope"
refused kate "cannot widen her scope" "INSERT INTO scope (login, service) VALUES ('kate', 'Housing')"
refused kate "cannot change a measure's owner" "UPDATE measure SET owner = 'Kate Adams' WHERE id = 2"
refused kate "cannot write targets" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (1, 0, 24304, 1)"
expect sam "records a draft for a measure of his service (trimmed, any case)" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
   VALUES (2, 0, 24305, 30, 'record') RETURNING changed_by" "sam"
refused sam "cannot record for a measure outside his service" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24305, 1, 'record')"
expect sam "draft_observation: his service's drafts only" \
  "SELECT string_agg(measure_code || ' ' || period, ',' ORDER BY id) FROM draft_observation" "BOB1 2025-05,BOB1 2025-06"
expect alice "still reads no draft" "SELECT $ids FROM observation_revision" "1,3"

# MARK: Proposed targets: owners for their own measures, stamped by the database; members read none

expect kate "proposes a target for her measure (proposed_by is her)" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (1, 2, 2025, 40)
   RETURNING proposed_by" "kate"
refused kate "cannot propose a target for a measure she does not own" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (2, 2, 2025, 1)"
refused kate "cannot propose in someone else's name" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value, proposed_by) VALUES (1, 2, 2025, 1, 'olu')"
refused kate "cannot backdate a proposal" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value, proposed_at) VALUES (1, 2, 2025, 1, now() - interval '1 day')"
refused kate "cannot propose 1e16" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (1, 2, 2025, 1e16)" "target_proposal_number"
refused kate "cannot change a proposal" "UPDATE target_proposal SET value = 1"
refused kate "cannot delete a proposal" "DELETE FROM target_proposal"
refused kate "cannot approve her own proposal" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
   SELECT measure_id, period_kind, period_ordinal, value, id FROM target_proposal"
expect sam "reads no proposal for a measure outside his service" "SELECT count(*) FROM target_proposal" "0"
refused alice "cannot read proposals" "SELECT count(*) FROM target_proposal"
refused alice "cannot propose a target" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (1, 2, 2025, 1)"
expect alice "the target is still the approved one (no 2025/26 target yet)" \
  "SELECT count(*) FROM target_revision WHERE period_kind = 2" "0"
expect olu "reads every proposal" "SELECT string_agg(proposed_by || ':' || value, ',') FROM target_proposal" "kate:40"
refused olu "cannot change a proposal either" "UPDATE target_proposal SET value = 1"
expect olu "approves it: a target revision naming the proposal, stamped with him" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
   SELECT measure_id, period_kind, period_ordinal, value, id FROM target_proposal RETURNING changed_by || ':' || value" "olu:40"
refused olu "cannot approve a proposal with another target than proposed" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
   SELECT measure_id, period_kind, period_ordinal, 999, id FROM target_proposal" "23514|carry the measure"
refused olu "cannot approve a proposal for another measure" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
   SELECT 2, period_kind, period_ordinal, value, id FROM target_proposal" "23514|carry the measure"
refused olu "cannot name a proposal that does not exist" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id) VALUES (1, 2, 2025, 1, 424242)" \
  "23514|carry the measure"
refused olu "cannot choose who changed a target, or when" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, changed_by, changed_at) VALUES (1, 2, 2026, 1, 'alice', '2001-01-01')"
refused olu "cannot approve a proposal twice" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, proposal_id)
   SELECT measure_id, period_kind, period_ordinal, value, id FROM target_proposal" "23505|target_revision_by_proposal"
expect alice "then reads the approved target" "SELECT value FROM target_revision WHERE period_kind = 2" "40"

# MARK: An officer reads everything, signs off once, imports, and cannot rewrite history

# (Refused inserts used up identity values: ids have gaps.)
expect olu "reads every revision" "SELECT count(*) FROM observation_revision" "6"
expect olu "draft_observation: every latest draft" \
  "SELECT string_agg(measure_code || ' ' || period || ' ' || changed_by, ',' ORDER BY id) FROM draft_observation" \
  "KATE1 2025-04 admin,BOB1 2025-05 admin,KATE1 2025-05 kate,BOB1 2025-06 sam"
expect olu "signs off a draft; the trigger stamps who and when" \
  "UPDATE observation_revision SET published_at = now() WHERE id = 2 RETURNING published_by" "olu"
expect alice "then reads the signed-off value" "SELECT $latest FROM observation" "1:24303=11,2:24303=20"
expect alice "recent_revisions: the signed-off value, kept by the trigger" \
  "SELECT array_to_string(vals, ';') FROM recent_revisions WHERE measure_id = 1 AND NOT with_drafts" "11;10"
refused olu "cannot sign off twice" "UPDATE observation_revision SET published_at = now() WHERE id = 2" "already signed off"
expect olu "a sign-off's time and name are the database's, not the client's" \
  "UPDATE observation_revision SET published_at = '2000-01-01' WHERE id = 4
   RETURNING published_by || ' ' || (published_at > now() - interval '1 minute')" "olu true"
refused olu "cannot sign off by setting published_at to NULL" \
  "UPDATE observation_revision SET published_at = NULL WHERE id = 5" "append-only"
refused olu "cannot set published_by" "UPDATE observation_revision SET published_by = 'olu', published_at = now() WHERE id = 5"
refused olu "cannot change a value" "UPDATE observation_revision SET value = 99 WHERE id = 5"
refused olu "cannot delete a measure (its history would lose it)" "DELETE FROM measure"
refused scorecard_admin "cannot delete a measure either" "DELETE FROM measure"
refused olu "cannot change a value while signing off" "UPDATE observation_revision SET value = 99, published_at = now() WHERE id = 5"
refused olu "cannot delete a value" "DELETE FROM observation_revision WHERE id = 5"
refused olu "cannot delete a target" "DELETE FROM target_revision"
refused olu "cannot change a target" "UPDATE target_revision SET value = 1"
refused olu "cannot choose a revision id" \
  "INSERT INTO observation_revision (id, measure_id, period_kind, period_ordinal, value, source)
   VALUES (1000000, 1, 0, 24305, 1, 'record')"
refused olu "cannot record a value as signed off by someone else" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, published_by, published_at)
   VALUES (1, 0, 24306, 1, 'import', 'alice', now())"
# An owner records values, not targets (schema 8): a value's target is the one that stands for its period.
refused kate "cannot change a period's target by recording a value with another" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, source)
   VALUES (1, 0, 24311, 12, 999999, 'record')" "an owner records values, not targets"
# On another's measure the refusal is the same whatever the target: it does not tell what a draft there holds.
for t in NULL 20 27.5; do
  refused kate "another's measure: refused by the policy alike, target $t" \
    "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, source)
     VALUES (2, 0, 24304, 1, $t, 'record')" "row-level security"
done
expect olu "may record a value with its target (officers approve targets)" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, source)
   VALUES (1, 0, 24311, 12, 40, 'record') RETURNING target" "40"
expect kate "records a value keeping the target that stands" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, source)
   VALUES (1, 0, 24311, 13, 40, 'record') RETURNING target" "40"
refused olu "cannot record a value already signed off, even by himself (sign-off is a step of its own)" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, published_by, published_at)
   VALUES (1, 0, 24306, 13, 'record', current_user, now())"
refused olu "cannot record a value in someone else's name" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, changed_by)
   VALUES (1, 0, 24306, 13, 'record', 'kate')"
refused olu "cannot backdate a value" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source, changed_at)
   VALUES (1, 0, 24306, 13, 'record', '2001-01-01')"
refused olu "cannot record a value as imported" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24306, 13, 'import')"
expect kate "is herself, not her group role, after SET ROLE scorecard_owner" \
  "SET ROLE scorecard_owner; INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
   VALUES (1, 0, 24306, 13, 'record') RETURNING changed_by" "kate"
expect olu "signs off as himself, not his group role, after SET ROLE scorecard_officer" \
  "SET ROLE scorecard_officer; UPDATE observation_revision SET published_at = now()
   WHERE period_ordinal = 24306 AND changed_by = 'kate' AND published_at IS NULL RETURNING published_by" "olu"
refused olu "cannot renumber a measure (its history would move with the number)" "UPDATE measure SET id = 424242 WHERE id = 1"
refused olu "cannot recode a measure (only its case changes, as an import renames it)" "UPDATE measure SET code = 'X' WHERE id = 1"
expect olu "renames a measure's code in another case, as an import of files writing it so does" \
  "UPDATE measure SET code = 'kate1' WHERE id = 1 RETURNING code" "kate1"
expect olu "and back" "UPDATE measure SET code = 'KATE1' WHERE id = 1 RETURNING code" "KATE1"
refused kate "cannot rename a measure's code, even in case" "UPDATE measure SET code = 'kate1' WHERE id = 1"
refused olu "cannot approve an infinite target" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (2, 0, 24303, 'Infinity')" \
  "target_revision_numbers"
# Meetings: only the presenter changes a meeting; an officer may take one over by presenting it as himself.
expect kate "presents a meeting of her own" \
  "INSERT INTO meeting (name, presenter, view, sequence) VALUES ('kates', session_user, '{}', 1) RETURNING presenter" "kate"
refused kate "cannot present a meeting in someone else's name" \
  "INSERT INTO meeting (name, presenter, view, sequence) VALUES ('fake', 'olu', '{}', 1)"
expect olu "presents a meeting" \
  "INSERT INTO meeting (name, presenter, view, sequence) VALUES ('cabinet', session_user, '{}', 1) RETURNING presenter" "olu"
expect kate "changes nothing of another's meeting (row-level security hides it from her UPDATE)" \
  "UPDATE meeting SET view = 'garbage', presenter = 'kate' WHERE name = 'cabinet' RETURNING name" ""
refused kate "cannot take another's meeting over by presenting it" \
  "INSERT INTO meeting (name, presenter, view, sequence) VALUES ('cabinet', session_user, '{}', 1)
   ON CONFLICT (name) DO UPDATE SET presenter = session_user, view = excluded.view"
refused olu "cannot change another's meeting without presenting it himself" \
  "UPDATE meeting SET view = 'x' WHERE name = 'kates'"
expect olu "takes a meeting over by presenting it" \
  "UPDATE meeting SET presenter = session_user, view = 'x' WHERE name = 'kates' RETURNING presenter" "olu"
expect alice "reads meetings (and they are as their presenters left them)" "SELECT string_agg(name || ':' || presenter || ':' || view, ',' ORDER BY name) FROM meeting" "cabinet:olu:{},kates:olu:x"
expect olu "approves a target" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (2, 0, 24303, 25) RETURNING changed_by" "olu"
refused olu "cannot COPY into the values (row-level security)" "COPY observation_revision (measure_id) FROM STDIN" \
  "COPY FROM not supported with row-level security"
if out=$(as_script olu <<'SQL'
BEGIN;
CREATE TEMP TABLE import_rows (measure_id bigint, period_kind smallint, period_ordinal integer, value double precision)
  ON COMMIT DROP;
COPY import_rows FROM STDIN (FORMAT csv);
1,0,24307,14
2,0,24307,24
2,0,24308,25
\.
INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
SELECT measure_id, period_kind, period_ordinal, value, 'record' FROM import_rows;
SELECT count(*) FROM change_log WHERE xact = pg_current_xact_id();
COMMIT;
SQL
); then
  [[ "$out" == "2" ]] && pass "olu: imports by COPY into a temporary table and one INSERT ... SELECT (one change_log row per measure)" \
    || fail "olu: imports by COPY into a temporary table" "expected 2 change_log rows, got '$out'"
else
  fail "olu: imports by COPY into a temporary table and INSERT ... SELECT" "$out"
fi
expect olu "replaces the framework in one transaction (one change_log row for it)" "
UPDATE measure SET position = NULL, priority_id = NULL, delivery_plan_id = NULL;
DELETE FROM action;
DELETE FROM delivery_plan;
DELETE FROM priority;
INSERT INTO council (id, name, plan_title, reporting_period, changed_by, changed_at)
VALUES (1, 'Check Council', 'Council Plan 2', '2025/26', current_user, now())
ON CONFLICT (id) DO UPDATE SET name = excluded.name, plan_title = excluded.plan_title,
  reporting_period = excluded.reporting_period, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
INSERT INTO priority (position, code, title, lead, description) VALUES (0, 'P1', 'Homes', 'Lead', '');
INSERT INTO measure (code, position, priority_id, delivery_plan_id, title, description, methodology, source, owner,
  service, team, tier, unit, decimals, frequency, polarity, status, cumulative, lag_days)
VALUES ('KATE1', 0, currval(pg_get_serial_sequence('priority', 'id')), NULL, 'Kate''s', '', '', '', 'Kate Adams',
        'Waste', '', 'corporate', 'count', 0, 'monthly', 'higher', 'active', false, 0),
       ('NEW1', 1, currval(pg_get_serial_sequence('priority', 'id')), NULL, 'New', '', '', '', 'Nobody', 'Parks', '',
        'corporate', 'count', 0, 'monthly', 'higher', 'active', false, 0)
ON CONFLICT (code) DO UPDATE SET position = excluded.position, priority_id = excluded.priority_id,
  delivery_plan_id = excluded.delivery_plan_id, owner = excluded.owner;
SELECT count(*) FROM change_log WHERE xact = pg_current_xact_id() AND measure_id IS NULL;
" "1"
expect olu "reads scope" "SELECT count(*) FROM scope" "2"
refused olu "cannot give an owner more measures (only db grant, by the database's owner)" \
  "INSERT INTO scope (login, service) VALUES ('kate', 'Parks')"
refused olu "cannot take an owner's measures away" "DELETE FROM scope WHERE login = 'kate'"

# MARK: The rules hold for the tables' owner too (triggers, not grants)

refused scorecard_admin "cannot change a value" "UPDATE observation_revision SET value = 99 WHERE id = 5" "append-only"
refused scorecard_admin "cannot change a value while signing off" \
  "UPDATE observation_revision SET value = 99, published_at = now() WHERE id = 5" "append-only"
refused scorecard_admin "cannot move a value to another period while signing off" \
  "UPDATE observation_revision SET period_ordinal = 24399, published_at = now() WHERE id = 5" "append-only"
refused scorecard_admin "cannot change a signed-off value" "UPDATE observation_revision SET value = 99 WHERE id = 1" \
  "already signed off"
refused scorecard_admin "cannot delete a value" "DELETE FROM observation_revision WHERE id = 1" "append-only"
refused scorecard_admin "cannot truncate the values" "TRUNCATE observation_revision" "append-only"
refused scorecard_admin "cannot change a target" "UPDATE target_revision SET value = 1" "append-only"
refused scorecard_admin "cannot delete a target" "DELETE FROM target_revision" "append-only"
refused scorecard_admin "cannot change an import's targets" "UPDATE imported_targets SET vals = '{1}'" "append-only"
refused scorecard_admin "cannot delete an import's targets" "DELETE FROM imported_targets" "append-only"
expect scorecard_admin "a sign-off by the owner is stamped with the owner's name" \
  "UPDATE observation_revision SET published_by = 'kate', published_at = now() WHERE id = 5 RETURNING published_by" \
  "scorecard_admin"

# MARK: Imports: a batch, its values in arrays, its notes

values="(measure_id, batch_id, kinds, ordinals, vals, targets, qualities)"
as kate "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
         VALUES (1, 0, 24330, 5, 'record')" >/dev/null
if out=$(as_script olu <<'SQL'
BEGIN;
SELECT scorecard_begin_import() AS batch \gset
INSERT INTO imported_values (measure_id, batch_id, kinds, ordinals, vals, targets, qualities, note_at, notes)
VALUES (2, :batch, '{0,0}', '{24320,24319}', '{31,30}', '{35,NULL}', '{3,0}', '{1}', '{"imported note"}'),
       (1, :batch, '{0}', '{24330}', '{6}', '{NULL}', '{1}', '{}', '{}');
COMMIT;
SQL
); then
  pass "olu: imports a batch: values in arrays, newest first, one with a note"
else
  fail "olu: imports a batch" "$out"
fi
expect alice "reads imported values, their target, note and quality" \
  "SELECT string_agg(period_ordinal || '=' || value || ' ' || coalesce(target::text, '-') || ' ' || coalesce(note, '-')
     || ' ' || coalesce(quality, '-') || ' ' || source || ' ' || (published_by = 'olu'), ',' ORDER BY period_ordinal)
   FROM observation WHERE measure_id = 2 AND period_ordinal >= 24319" \
  "24319=30 - - - import true,24320=31 35 imported note validated import true"
expect alice "recent_revisions: the imported values, newest first" \
  "SELECT array_to_string(vals[1:2], ';') FROM recent_revisions WHERE measure_id = 2 AND NOT with_drafts" "31;30"
expect olu "an import over a draft replaces it: it no longer awaits sign-off" \
  "SELECT count(*) FROM draft_observation WHERE measure_id = 1 AND period_ordinal = 24330" "0"
expect kate "and the owner sees the imported value over her draft" \
  "SELECT value || ' ' || source FROM observation WHERE measure_id = 1 AND period_ordinal = 24330" "6 import"
for who in alice kate; do
  refused $who "cannot begin an import" "SELECT scorecard_begin_import()"
  refused $who "cannot write imported values" "INSERT INTO imported_values $values VALUES (1, 1, '{0}', '{24340}', '{1}', '{NULL}', '{0}')"
  refused $who "cannot COPY into imported values" "COPY imported_values (measure_id) FROM STDIN"
done
refused olu "cannot make a batch but by scorecard_begin_import()" "INSERT INTO import_batch (id, imported_by) VALUES (-1, 'olu')"
refused olu "cannot add values to a batch of another transaction" \
  "INSERT INTO imported_values (measure_id, batch_id, chunk, kinds, ordinals, vals, targets, qualities)
   SELECT 1, max(id), 2, '{0}', '{24341}', '{1}', '{NULL}', '{0}' FROM import_batch" \
  "begun in the same transaction"
refused olu "cannot add values to no batch" \
  "INSERT INTO imported_values $values VALUES (1, 424242, '{0}', '{24341}', '{1}', '{NULL}', '{0}')" "begun in the same transaction"
refused olu "cannot import values oldest first" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0,0}', '{24341,24342}', '{1,2}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b" \
  "imported_values_newest_first"
refused olu "cannot import one period twice" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0,0}', '{24341,24341}', '{1,2}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b" \
  "imported_values_newest_first"
refused olu "cannot import two kinds of period in one row" \
  "INSERT INTO imported_values $values SELECT 1, b, '{1,0}', '{8113,24342}', '{1,2}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b" \
  "imported_values_newest_first"
refused olu "cannot import arrays of different lengths" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0,0}', '{24342,24341}', '{1}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b" \
  "imported_values_aligned"
# Every row names a measure that exists (schema 8: a statement trigger, not a foreign key).
refused olu "cannot import values of a measure that does not exist" \
  "INSERT INTO imported_values $values SELECT 99999, b, '{0}', '{24341}', '{1}', '{NULL}', '{0}' FROM scorecard_begin_import() b" \
  "23503.*no measure has id 99999"
refused olu "cannot record a value of a measure that does not exist" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
   VALUES (99999, 0, 24306, 1, 'record')" "23503.*no measure has id 99999"
refused olu "cannot set a target of a measure that does not exist" \
  "INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value) VALUES (99999, 0, 24303, 25)" \
  "23503.*no measure has id 99999"
refused olu "cannot import a target of a measure that does not exist" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (99999, '{0}', '{24303}', '{25}')" \
  "23503.*no measure has id 99999"
refused olu "cannot import a measure's targets out of order (each period once, in order)" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '{0,0}', '{24304,24303}', '{1,2}')" \
  "imported_targets_each_once"
refused olu "cannot import one period's target twice in a row" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '{0,0}', '{24303,24303}', '{1,2}')" \
  "imported_targets_each_once"
refused olu "cannot import arrays numbered from another place than 1 (read short, or twice the same period)" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '[0:1]={0,0}', '[0:1]={24303,24303}', '{1,2}')" \
  "imported_targets_aligned"
refused olu "cannot import values in arrays numbered from another place than 1" \
  "INSERT INTO imported_values (measure_id, batch_id, kinds, ordinals, vals, targets, qualities)
   SELECT 1, b, '[0:0]={0}', '[0:0]={24341}', '[0:0]={1}', '[0:0]={NULL}', '[0:0]={0}' FROM scorecard_begin_import() b" \
  "imported_values_from_one"
refused olu "cannot import targets of a kind of period that does not exist" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '{7}', '{24303}', '{1}')" \
  "imported_targets_periods"
refused olu "cannot import an infinite target" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '{0}', '{24303}', '{Infinity}')" \
  "imported_targets_numbers"
refused olu "cannot choose an imported target's id (its place in the history)" \
  "INSERT INTO imported_targets (id, measure_id, kinds, ordinals, vals) VALUES (1, 2, '{0}', '{24303}', '{1}')"
refused olu "cannot import targets stamped with another's name" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals, changed_by) VALUES (2, '{0}', '{24303}', '{1}', 'kate')"
expect olu "imports targets: a row of a measure's periods in order, a NULL removing one" \
  "INSERT INTO imported_targets (measure_id, kinds, ordinals, vals) VALUES (2, '{0,0,2}', '{24303,24305,2025}', '{26,NULL,300}')
   RETURNING changed_by" "olu"
expect alice "reads each imported target as the latest revision of its period, after those before it" \
  "SELECT string_agg(period_ordinal || '=' || coalesce(value::text, '-'), ',' ORDER BY period_kind, period_ordinal)
   FROM target WHERE measure_id = 2" "24303=26,2025=300"
expect alice "reads the history of both tables in the order made" \
  "SELECT string_agg(period_ordinal || '=' || coalesce(value::text, '-'), ',' ORDER BY id, period_kind, period_ordinal)
   FROM target_history WHERE measure_id = 2" "24303=25,24303=26,24305=-,2025=300"
refused olu "cannot propose a target of a measure that does not exist" \
  "INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value) VALUES (99999, 2, 2025, 1)" \
  "23503.*no measure has id 99999"
refused olu "cannot import a quality code it does not know" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0}', '{24341}', '{1}', '{NULL}', '{7}' FROM scorecard_begin_import() b" \
  "imported_values_qualities"
refused olu "cannot give a note to an element the row does not have" \
  "INSERT INTO imported_values (measure_id, batch_id, kinds, ordinals, vals, targets, qualities, note_at, notes)
   SELECT 1, b, '{0}', '{24341}', '{1}', '{NULL}', '{0}', '{2}', '{n}' FROM scorecard_begin_import() b" \
  "imported_values_notes"
refused olu "cannot import a value that is not a number within 10^15" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0,0}', '{24342,24341}', '{1,NaN}', '{NULL,NULL}', '{0,0}' FROM scorecard_begin_import() b" \
  "imported_values_numbers"
refused olu "cannot import an infinite target" \
  "INSERT INTO imported_values $values SELECT 1, b, '{0}', '{24341}', '{1}', '{-Infinity}', '{0}' FROM scorecard_begin_import() b" \
  "imported_values_numbers"
refused olu "cannot change imported values" "UPDATE imported_values SET vals = '{1}'"
refused olu "cannot delete imported values" "DELETE FROM imported_values"
refused scorecard_admin "cannot change imported values either" "UPDATE imported_values SET vals = '{1}'" "append-only"
refused scorecard_admin "cannot delete imported values" "DELETE FROM imported_values" "append-only"
refused scorecard_admin "cannot truncate the batches" "TRUNCATE import_batch" "append-only"
refused olu "cannot rename the writing lock away" "UPDATE writing_lock SET name = 'gone'" "append-only"
refused scorecard_admin "cannot remove the writing lock" "DELETE FROM writing_lock" "append-only"
refused kate "an owner cannot lock the writing lock itself (FOR SHARE)" "SELECT name FROM writing_lock FOR SHARE"
refused kate "an owner cannot lock the writing lock's table" "BEGIN; LOCK TABLE writing_lock IN ACCESS EXCLUSIVE MODE; COMMIT"
expect kate "an owner takes a turn to record her own measure" "SELECT 'taken' FROM (SELECT scorecard_take_turn(1)) t" "taken"
refused kate "an owner takes no turn on another's measure (to hold its writers up)" "SELECT scorecard_take_turn(2)"
expect olu "an officer takes a turn on any measure" "SELECT 'taken' FROM (SELECT scorecard_take_turn(2)) t" "taken"
refused alice "a member takes no turn" "SELECT scorecard_take_turn(1)"

# MARK: The change log and notifications

expect alice "change_log: a row for each measure with new values, and for the framework" \
  "SELECT bool_and(EXISTS (SELECT FROM change_log WHERE measure_id = m)) FROM unnest(ARRAY[1, 2]) m" "t"
expect alice "change_log: framework changes have measure_id NULL" \
  "SELECT count(*) > 0 FROM change_log WHERE measure_id IS NULL" "t"
expect olu "change_log: one row per measure and transaction, however many statements" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24309, 1, 'record');
   INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24309, 2, 'record');
   SELECT count(*) FROM change_log WHERE xact = pg_current_xact_id()" "1"
"$PSQL" -X -q -A -t "$(url alice "$DB")" -c "LISTEN scorecard_changes" -c "SELECT pg_sleep(1.5)" >"$work/listen" 2>&1 &
listener=$!
sleep 0.5
as kate "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source)
         VALUES (1, 0, 24310, 3, 'record')" >/dev/null
wait "$listener"
grep -q 'notification "scorecard_changes"' "$work/listen" \
  && pass "alice: LISTEN scorecard_changes hears kate's draft being recorded" \
  || fail "alice: LISTEN scorecard_changes hears a change" "$(cat "$work/listen")"

before=$(as alice "SELECT count(*) FROM change_log")
as olu "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (2, 0, 24311, 7, 'record')" >/dev/null
after=$(as alice "SELECT count(*) FROM change_log")
[[ "$before" == "$after" ]] && pass "alice: the change log does not tell her a draft was recorded" \
  || fail "alice: the change log shows a draft's change" "$before rows before, $after after"
as olu "UPDATE observation_revision SET published_at = now() WHERE measure_id = 2 AND period_ordinal = 24311" >/dev/null
signed=$(as alice "SELECT count(*) FROM change_log")
((signed == after + 1)) && pass "alice: the change log shows the sign-off" \
  || fail "alice: the change log does not show a sign-off" "$after rows before, $signed after"

# MARK: What a draft leaves where a member can see it

xmin_before=$(as alice "SELECT string_agg(measure_id || ':' || xmin || ':' || xmax, ',' ORDER BY measure_id) FROM recent_revisions")
measure_before=$(as alice "SELECT string_agg(id || ':' || xmax, ',' ORDER BY id) FROM measure")
as kate "SELECT scorecard_take_turn(1);
         INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24312, 4, 'record')" >/dev/null
xmin_after=$(as alice "SELECT string_agg(measure_id || ':' || xmin || ':' || xmax, ',' ORDER BY measure_id) FROM recent_revisions")
measure_after=$(as alice "SELECT string_agg(id || ':' || xmax, ',' ORDER BY id) FROM measure")
[[ "$xmin_before" == "$xmin_after" ]] && pass "alice: a draft recorded leaves the published recent revisions as they were (xmin, xmax)" \
  || fail "alice: a draft recorded rewrote a published row of recent revisions" "$xmin_before, then $xmin_after"
[[ "$measure_before" == "$measure_after" ]] && pass "alice: a recording's turn leaves no lock on its measure's row (xmax)" \
  || fail "alice: a recording's turn shows on its measure's row" "$measure_before, then $measure_after"
refused kate "a commentary of more than 20,000 characters is refused, even by SQL" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, note, source)
   VALUES (1, 0, 24313, 4, repeat('x', 20001), 'record')" "observation_revision_note_length"
expect kate "a commentary of 20,000 characters is taken" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, note, source)
   VALUES (1, 0, 24313, 4, repeat('é', 20000), 'record'); SELECT 'taken'" "taken"
expect scorecard_admin "a measure dropped from the framework (for the next check)" \
  "UPDATE measure SET position = NULL WHERE id = 1; SELECT 'dropped'" "dropped"
refused kate "an owner records nothing for her measure once it is dropped from the framework" \
  "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, source) VALUES (1, 0, 24314, 4, 'record')"
as scorecard_admin "UPDATE measure SET position = 0 WHERE id = 1" >/dev/null

echo "rls-check: $passed passed, $failed failed (database $DB on port $PORT)"
((failed == 0))
