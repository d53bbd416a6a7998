#!/usr/bin/env bash
# End-to-end checks of the real binary: the command line, and the dashboard driven in tmux.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/scorecard
source .ci/checks.sh
# The default database (of the commands given no --database) is this run's own, never the runner's.
export XDG_DATA_HOME=$(mktemp -d)

# The bundled sample council is valid.
if out=$($bin check data/ 2>&1) && grep -q "the data files are valid" <<<"$out"; then ok "check data/"; else bad "check data/: $out"; fi

# A malformed file exits non-zero, naming the file, line and field.
tmp=$(mktemp -d)
cp data/framework.yaml "$tmp/"
cp -r data/national "$tmp/"
printf 'measure,period,value\nNOPE-1,2024-05,3\n' >"$tmp/observations.csv"
out=$($bin check "$tmp" 2>&1); status=$?
if ((status != 0)) && grep -q "observations.csv:2: field \"measure\"" <<<"$out"; then ok "check rejects bad data"; else bad "check bad data (status $status): $out"; fi
rm -rf "$tmp"

# A council's folder that others may enter but not list (mode 711) is read by its files' names; one they may not
# enter is named in the error (not an optional table's file, which need not be there). Root reads anything, so as
# nobody.
if [[ $(id -u) == 0 ]] && id nobody >/dev/null 2>&1 && command -v runuser >/dev/null; then
  tmp=$(mktemp -d)
  chmod 711 "$tmp"
  mkdir "$tmp/council"
  cp -r data/framework.yaml data/observations.csv data/national "$tmp/council/"
  chmod -R a+rX "$tmp/council"
  chmod 711 "$tmp/council"
  if out=$(SCORECARD_TODAY=2026-11-24 runuser -u nobody -- "$PWD/$bin" check "$tmp/council" 2>&1) && grep -q "the data files are valid" <<<"$out"; then
    ok "check reads a folder others may enter but not list"
  else bad "check of a folder of mode 711: $out"; fi
  chmod 700 "$tmp/council"
  out=$(runuser -u nobody -- "$PWD/$bin" check "$tmp/council" 2>&1); status=$?
  if ((status == 1)) && grep -q "^$tmp/council: cannot be read: its permissions forbid it" <<<"$out"; then
    ok "check names a folder others may not enter"
  else bad "check of a folder of mode 700 (status $status): $out"; fi
  rm -rf "$tmp"
fi

# Spreadsheets: the example council as CSV tables and as a workbook is valid; the workbook imports into a new
# database that alerts then reads; the sample exported as a workbook reads back with the same alerts.
for example in docs/examples/council-csv docs/examples/council.xlsx; do
  if out=$($bin check "$example" 2>&1) && grep -q "the data files are valid" <<<"$out"; then ok "check $example"; else bad "check $example: $out"; fi
done
tmp=$(mktemp -d)
if $bin import docs/examples/council.xlsx --database "$tmp/council.sqlite" >/dev/null 2>&1 \
  && $bin alerts --database "$tmp/council.sqlite" --period "2024/25 Q2" | grep -q "Calls answered within 60 seconds"; then
  ok "import council.xlsx, then alerts --database"
else bad "import council.xlsx, then alerts --database"; fi
if SCORECARD_TODAY=2026-11-24 $bin export data --format xlsx --out "$tmp/sample.xlsx" >/dev/null \
  && diff <(SCORECARD_TODAY=2026-11-24 $bin alerts data --json) <(SCORECARD_TODAY=2026-11-24 $bin alerts "$tmp/sample.xlsx" --json) >/dev/null; then
  ok "export data --format xlsx reads back with the same alerts"
else bad "export data --format xlsx"; fi
printf 'not a workbook' >"$tmp/bad.xlsx"
out=$($bin check "$tmp/bad.xlsx" 2>&1); status=$?
if ((status == 1)) && grep -q "not a zip archive" <<<"$out"; then ok "check refuses a file that is not a workbook"; else bad "bad workbook (status $status): $out"; fi
rm -rf "$tmp"

# An import stopped by a signal says nothing was imported, ends as the signal would, and leaves no file.
tmp=$(mktemp -d)
$bin sample --out "$tmp/big" --measures 3000 --years 8 >/dev/null
$bin import "$tmp/big" --database "$tmp/x.sqlite" >/dev/null 2>"$tmp/err" &
pid=$!
# Stopped while it writes: once its file under a temporary name is there.
for _ in $(seq 100); do ls "$tmp" | grep -q 'x.sqlite.new-' && break; sleep 0.05; done
kill -TERM $pid
wait $pid; status=$?
if ((status == 143)) && grep -q "Interrupted: nothing was imported" "$tmp/err" && [[ -z $(ls "$tmp" | grep x.sqlite) ]]; then
  ok "an import stopped by SIGTERM says nothing was imported and leaves no file"
else bad "import stopped (status $status): $(tail -c 200 "$tmp/err"); $(ls "$tmp")"; fi
rm -rf "$tmp"

# Alerts as JSON parse and are worst first.
if $bin alerts data/ --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["count"]>0 and d["alerts"][0]["rule"]=="off-track-repeatedly"'; then ok "alerts --json"; else bad "alerts --json"; fi

# National data: every comparison a real Fingertips download published is reproduced by `benchmark --json`, with
# the polarity given and with the polarity the file's comparisons show; a bad value names file, line and column.
fingertips=Tests/ScorecardKitTests/Fixtures/national/fingertips_93356_campylobacter_county-ua_2015-2017.csv
for polarity in "--polarity lower" ""; do
  if $bin benchmark $fingertips $polarity --json 2>/dev/null | python3 -c '
import json, sys
rows = json.load(sys.stdin)
pairs = [(r["published_compared_to_" + k].lower(), r["compared_to_" + k]) for r in rows for k in ("england", "parent")]
assert len(rows) == 852 and len(pairs) == 1704 and all(a == b for a, b in pairs), [p for p in pairs if p[0] != p[1]][:5]'; then
    ok "benchmark ${polarity:-(polarity from the file)} reproduces 1,704 published comparisons"
  else bad "benchmark $polarity"; fi
done
if out=$($bin benchmark $fingertips --polarity lower --area e06000001) && grep -q "^>  Hartlepool" <<<"$out"; then ok "benchmark --area marks the area (its code in any case)"; else bad "benchmark --area"; fi
tmp=$(mktemp -d)
printf 'Indicator Name,Area Code,Time period,Value\nX,E1,2017,12..5\n' >"$tmp/bad.csv"
out=$($bin benchmark "$tmp/bad.csv" --json 2>&1); status=$?
if ((status == 1)) && grep -q 'bad.csv:2: field "Value": "12..5" is not a number' <<<"$out"; then ok "benchmark names a bad value"; else bad "benchmark bad value (status $status): $out"; fi

# Comparators in the council: the sample's outcome measures read their national files, status --json carries the
# comparison, a measure worse than England alerts, and a database keeps them.
if out=$(SCORECARD_TODAY=2026-11-24 $bin status data --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = [m for m in d["measures"] if m["comparator"]]
worse = [m["code"] for m in c if m["comparator"]["compared_to_england"] == "worse"]
assert len(c) == 12 and worse and all("significantly worse than England" in m["alerts"] for m in c if m["code"] in worse)
assert all(m["comparator"]["of"] == 16 for m in c)
print(len(c), "compared,", len(worse), "worse than England")'); then ok "status --json comparators: $out"; else bad "status --json comparators: $out"; fi
if $bin import data --database "$tmp/c.sqlite" >/dev/null && diff <(SCORECARD_TODAY=2026-11-24 $bin alerts data --json) <(SCORECARD_TODAY=2026-11-24 $bin alerts --database "$tmp/c.sqlite" --json) >/dev/null; then
  ok "a database keeps the comparators (same alerts as the files)"
else bad "comparators through a database"; fi

# Statistical process control: every measure's spc in status --json agrees with an independent implementation
# of the rules (.ci/xmr_reference.py), for the sample and for another seed.
if SCORECARD_TODAY=2026-11-24 $bin status data --json >"$tmp/status.json" && $bin export data --format csv --out "$tmp/sample" >/dev/null \
  && out=$(python3 .ci/spc-check.py "$tmp/status.json" "$tmp/sample"); then ok "$out"; else bad "spc-check: $out"; fi
if $bin sample --seed 7 --measures 300 --out "$tmp/seven" >/dev/null && $bin status "$tmp/seven" --json >"$tmp/seven.json" \
  && $bin export "$tmp/seven" --format csv --out "$tmp/seven-csv" >/dev/null \
  && out=$(python3 .ci/spc-check.py "$tmp/seven.json" "$tmp/seven-csv"); then ok "seed 7: $out"; else bad "spc-check seed 7: $out"; fi
rm -rf "$tmp"

# Output hygiene: text from the data files, the database or the arguments never brings a control character (an
# escape sequence, a bell, DEL, a C1 control) to the terminal, and a bad value is quoted as a short excerpt.
hostile=$(mktemp -d)
cp -r data/national "$hostile/"
python3 - "$hostile" <<'PY'
import re, sys
out = sys.argv[1]
attack = r'\e]0;pwned\a\e[2J\x7f\x9b31m'
framework = open('data/framework.yaml').read().replace('council: Fernley Borough Council', f'council: "Fernley{attack} Borough Council"')
framework = re.sub(r'(title|unit): (.*)', lambda m: f'{m[1]}: "{attack}' + m[2].replace('\\', '\\\\').replace('"', '\\"') + '"', framework)
open(f'{out}/framework.yaml', 'w').write(framework)
rows = []
for row in open('data/observations.csv').read().splitlines():
    fields = row.split(',')
    if len(fields) == 6 and '"' not in row and fields[0] != 'measure':
        fields[4] = '"Note\x1b]0;pwned\x07\x1b[2J\x7f\u009b31m"'
    rows.append(','.join(fields))
open(f'{out}/observations.csv', 'w').write('\n'.join(rows) + '\n')
PY
controls() { LC_ALL=C grep -caP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
clean() { # clean NAME FILE: the output holds no control bytes
  if [[ $(controls "$2") == 0 ]]; then ok "$1: no control characters"; else bad "$1: control characters in: $(od -c "$2" | head -5)"; fi
}
out=$(mktemp)
SCORECARD_TODAY=2026-11-24 $bin check "$hostile" >"$out" 2>&1 && grep -q "the data files are valid" "$out" || bad "check hostile data: $(head -c 300 "$out")"
clean "check" "$out"
SCORECARD_TODAY=2026-11-24 $bin alerts "$hostile" >"$out" 2>&1 && grep -q "pwned" "$out" || bad "alerts hostile data"
clean "alerts" "$out"
SCORECARD_TODAY=2026-11-24 $bin alerts "$hostile" --json >"$out" 2>&1
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "\x1b]0;pwned" in d["council"]' "$out"; then ok "alerts --json keeps the values exactly"; else bad "alerts --json: $(head -c 300 "$out")"; fi
clean "alerts --json" "$out"
# Output that cannot be written (a full disk, a closed descriptor) is an error, not a crash or a success.
for args in "status data --json" "status data --csv" "alerts data" "report data --format md --out -"; do
  for target in /dev/full closed; do
    if [[ $target == closed ]]; then SCORECARD_TODAY=2026-11-24 $bin $args >&- 2>"$out"; else SCORECARD_TODAY=2026-11-24 $bin $args >/dev/full 2>"$out"; fi
    status=$?
    if [[ $status == 1 ]] && grep -q "the output could not be written" "$out"; then ok "$args to $target: exit 1, said so"; else bad "$args to $target: exit $status: $(head -c 200 "$out")"; fi
  done
done
# An argument refused once a command runs is answered with that command's usage, not the root's.
out_text=$($bin report data --out "$out.paper" 2>&1); status=$?
if [[ $status == 64 ]] && grep -q "say which format" <<<"$out_text" && grep -q "Usage: scorecard report" <<<"$out_text"; then
  ok "report --out with no format: the report's usage"
else bad "report --out with no format: exit $status: ${out_text:0:300}"; fi
# The dashboard in a process with no terminal at all (setsid: no controlling terminal, input at its end) says
# so and exits, rather than spinning; with a terminal but input redirected, it reads keys from /dev/tty (the
# SIGTERM checks below run it so).
out_text=$(SCORECARD_TODAY=2026-11-24 timeout 10 setsid -w $bin --data data </dev/null 2>&1); status=$?
if [[ $status == 1 ]] && grep -q "the dashboard needs a terminal" <<<"$out_text"; then ok "dashboard without a terminal: refused at once"; else bad "dashboard with no terminal: exit $status: ${out_text:0:200}"; fi
# Two imports of different councils into the same new file at once: one wins whole, the other is refused.
small=Tests/ScorecardKitTests/Fixtures/small
racing=$(mktemp -d)
SCORECARD_TODAY=2026-11-24 $bin import data --database "$racing/alone.sqlite" >/dev/null 2>&1
whole=$(sqlite3 "$racing/alone.sqlite" "SELECT count(*) FROM observation")
raced=ok
for round in 1 2 3; do
  rm -f "$racing/race.sqlite"*
  SCORECARD_TODAY=2026-11-24 $bin import data --database "$racing/race.sqlite" >/dev/null 2>&1 & first=$!
  $bin import "$small" --database "$racing/race.sqlite" >/dev/null 2>&1 & second=$!
  wait $first; a=$?; wait $second; b=$?
  name=$(sqlite3 "$racing/race.sqlite" "SELECT name FROM council"); count=$(sqlite3 "$racing/race.sqlite" "SELECT count(*) FROM observation")
  case "$name" in
    Testshire*) [[ $count == 8 && $b == 0 && $a == 1 ]] || raced="round $round: $name with $count values, exits $a $b" ;;
    *) [[ $count == "$whole" && $a == 0 && $b == 1 ]] || raced="round $round: $name with $count values (whole $whole), exits $a $b" ;;
  esac
done
if [[ $raced == ok ]]; then ok "two councils imported into one new file at once: one whole, the other refused"; else bad "import race: $raced"; fi
rm -rf "$racing"
hostiledb="$hostile/db.sqlite"
$bin import "$hostile" --database "$hostiledb" >"$out" 2>&1 || bad "import hostile data: $(head -c 300 "$out")"
clean "import" "$out"
$bin alerts --database "$hostiledb" >"$out" 2>&1
SCORECARD_DATABASE=$hostiledb $bin record $'KBM-02\e[2J' "2026/27 Q2" $'4\a7' >>"$out" 2>&1
$bin check --today $'\e]0;pwned\a' >>"$out" 2>&1
$bin check $'--bogus\e[2J' >>"$out" 2>&1
clean "alerts from the database, and errors echoing arguments" "$out"
# A 1 MB bad value is quoted as a short excerpt.
python3 -c 'import sys; open(sys.argv[1] + "/observations.csv", "w").write("measure,period,value\nKBM-02,2026/27 Q1," + "9" * 1000000 + "\x1b[2Jx\n")' "$hostile"
$bin check "$hostile" >"$out" 2>&1; status=$?
longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n }' "$out")
if ((status == 1)) && grep -q 'is not a number' "$out" && ((longest < 200 + ${#hostile})); then ok "a 1 MB bad value is quoted short ($longest bytes)"; else bad "1 MB bad value: status $status, longest line $longest"; fi
clean "an error quoting a bad value" "$out"
rm -rf "$hostile" "$out"

# YAML limits: hostile framework files are refused (or read) at once, in memory proportional to the file, never
# expanded: aliases ("billion laughs", an alias as a repeated key), nesting 100,000 deep, 10 MB of one value or of
# a million keys, 400,000 %TAG directives (which libyaml compares each with all before it). (Generous limits for a debug build on a busy machine; the release binary takes under a second.)
yamls=$(mktemp -d)
python3 - "$yamls" <<'PY'
import os, sys
root = sys.argv[1]
def write(name, text):
    os.makedirs(f'{root}/{name}')
    open(f'{root}/{name}/framework.yaml', 'w').write(text)
lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
while sum(len(l) + 1 for l in lines) < 50_000:
    n = len(lines)
    lines.append(f'a{n}: &a{n} [' + ', '.join([f'*a{n - 1}'] * 9) + ']')
write('laughs', '\n'.join(lines) + '\n')
key = 'a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n' + ''.join(f'{n}: &{n} [' + ','.join([f'*{p}'] * 10) + ']\n' for n, p in [('b', 'a'), ('c', 'b'), ('d', 'c')])
write('aliaskey', key + 'e: {' + ', '.join(f'? *d : {i}' for i in range(24)) + '}\n')
deep = 100_000
write('deeplists', '[' * deep + ']' * deep + '\n')
write('deepmaps', '{a: ' * deep + '1' + '}' * deep + '\n')
write('deepblock', ''.join(' ' * i + 'a:\n' for i in range(2000)))
write('longvalue', 'council: ' + 'x' * 10_000_000 + '\n')
keys, n, size = [], 0, 0
while size < 10_000_000 - 20:
    keys.append(f'k{n}: v\n'); size += len(keys[-1]); n += 1
write('manykeys', ''.join(keys))
write('manyitems', 'x: [' + '1,' * 4_100_000 + '1]\n')
write('tags', ''.join(f'%TAG !t{i}! tag:example.org,2024:\n' for i in range(400_000)) + '---\ncouncil: x\n')
PY
for case in "laughs:anchors and aliases" "aliaskey:anchors and aliases" "deeplists:nested more than 64 deep" \
  "deepmaps:nested more than 64 deep" "deepblock:nested more than 64 deep" "longvalue:needs a plan" "manykeys:the framework needs a council" "manyitems:more than 4,000,000 values" "tags:%TAG directives are not supported"; do
  name=${case%%:*} expected=${case#*:}
  start=$(date +%s%N)
  out=$(/usr/bin/time -f "%M" -o "$yamls/$name.kb" timeout 20 $bin check "$yamls/$name" 2>&1); status=$?
  ms=$((($(date +%s%N) - start) / 1000000)) kb=$(tail -1 "$yamls/$name.kb")
  if ((status == 1)) && grep -q "$expected" <<<"$out"; then ok "YAML $name refused in $ms ms, $((kb / 1024)) MB"; else bad "YAML $name (status $status, $ms ms): ${out:0:300}"; fi
done
rm -rf "$yamls"

# The default database, made from the sample, is made again when the sample moves on to a later quarter, by the
# commands that read it as by the dashboard (status gave the quarter before the dashboard's).
home=$(mktemp -d)
XDG_DATA_HOME= HOME=$home SCORECARD_TODAY=2026-11-24 $bin publish >/dev/null 2>&1
before=$(XDG_DATA_HOME= HOME=$home SCORECARD_TODAY=2026-11-24 $bin status 2>/dev/null | head -1)
after=$(XDG_DATA_HOME= HOME=$home SCORECARD_TODAY=2027-03-01 $bin status 2>/dev/null | head -1)
if [[ $before == *"as at Q2 2026/27" && $after == *"as at Q3 2026/27" ]]; then ok "status reads the default database made again for a later quarter"
else bad "default database not made again: '$before' then '$after'"; fi
rm -rf "$home"

# The dashboard in a real terminal (tmux): open, drill down to a measure, see its chart, go back, open the
# alerts, quit; the program must exit with status 0 and leave no error behind.
sock="scorecard-e2e-$$"
t() { tmux -L "$sock" "$@"; }
screen() { t capture-pane -p -t e2e; }
wait_for() { # wait_for TEXT [SECONDS]: until the screen shows TEXT
  local deadline=$((SECONDS + ${2:-10}))
  while ((SECONDS < deadline)); do screen | grep -qF -- "$1" && return 0; sleep 0.2; done
  echo "    screen did not show '$1':"; screen | sed 's/^/    | /'; return 1
}
key() { t send-keys -t e2e "$@"; sleep 0.3; }
statusfile=$(mktemp)
t -f /dev/null new-session -d -s e2e -x 100 -y 30 \
  "env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 $bin --data data 2>/tmp/scorecard-e2e.err; echo \$? >$statusfile"
if wait_for "as at Q2 2026/27" && wait_for "Priority"; then ok "dashboard opens on the Council Plan"; else bad "dashboard did not open"; fi
# A cursor key in the terminal's normal mode, as a terminal sends it once a shell turned keypad mode off (Ctrl-Z, fg).
t send-keys -t e2e -l $'\e[B'
if wait_for "2/7" 3 && screen | head -1 | grep -q "as at Q2 2026/27"; then ok "ESC [ B moves down, as Down does"; else bad "ESC [ B"; fi
key Up
key Enter; key Enter
if wait_for "Trend"; then ok "drill down to a delivery plan"; else bad "delivery plan"; fi
key Enter
if wait_for "└" && wait_for "Period" && wait_for "Owner"; then ok "a measure's chart, periods and definition"; else bad "measure screen"; fi
key Escape
if wait_for "Trend"; then ok "Esc goes back up"; else bad "back"; fi
key a
if wait_for "Alerts in DP-01" && wait_for "(a: every alert)"; then ok "a in a delivery plan: its own alerts"; else bad "alerts in context"; fi
key a
if wait_for "Alerts as at Q2 2026/27"; then ok "a again: every alert"; else bad "alerts"; fi
key Enter
if wait_for "Period"; then ok "Enter opens the alert's measure"; else bad "alert's measure"; fi
key Escape
if wait_for "Alerts as at Q2 2026/27"; then ok "Esc comes back to the alerts"; else bad "back to alerts"; fi
key "!"
if wait_for "Needs attention in the whole plan as at Q2 2026/27" && wait_for "measures need attention"; then ok "! lists what needs attention"; else bad "needs attention"; fi
key q
for _ in 1 2 3 4 5 6 7 8 9 10; do [[ -s $statusfile ]] && break; sleep 0.3; done
status=$(cat "$statusfile")
if [[ $status == 0 && ! -s /tmp/scorecard-e2e.err ]]; then ok "q quits with status 0"; else bad "quit: status '$status', stderr: $(cat /tmp/scorecard-e2e.err)"; fi
t kill-server 2>/dev/null
rm -f "$statusfile"

# Quitting after the window grew leaves the shell's screen as it was: tmux re-flowed the dashboard's full-width
# lines into it, and some stayed above the prompt.
t -f /dev/null new-session -d -s grow -x 80 -y 24 "bash --norc -i"
sleep 0.5
t send-keys -t grow "clear; env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 $bin --data data" Enter
for _ in $(seq 1 50); do t capture-pane -p -t grow | grep -q "Needs attention" && break; sleep 0.2; done
t resize-window -t grow -x 100 -y 30
sleep 0.8
t send-keys -t grow q
sleep 0.8
if t capture-pane -p -t grow | grep -q "Needs attention\|Off track"; then
  bad "quitting after the window grew left dashboard lines: $(t capture-pane -p -t grow | head -8)"
else ok "quitting after the window grew leaves the shell's screen clean"; fi
t kill-server 2>/dev/null

# Signals: SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) end the dashboard with the terminal restored (canonical mode and
# echo back on), with exit status 128 + the signal's number; SIGQUIT with no backtrace.
for sig in TERM HUP QUIT; do
  out=$(mktemp)
  t -f /dev/null new-session -d -s sig -x 100 -y 30 \
    "bash -c 'env TERM=tmux-256color LANG=C.UTF-8 $bin --data data 2>$out.err & pid=\$!; echo \$pid >$out.pid; wait \$pid; echo status=\$? >$out; stty -a >>$out'"
  for _ in $(seq 1 30); do [[ -s $out.pid ]] && break; sleep 0.1; done
  sleep 1
  kill -$sig "$(cat "$out.pid")"
  for _ in $(seq 1 30); do [[ -s $out ]] && grep -q icanon "$out" && break; sleep 0.1; done
  # stty prints "-icanon" and "-echo" while curses owns the terminal; both must be back on.
  if grep -q "status=$((128 + $(kill -l $sig)))" "$out" && grep -qE '(^| )icanon( |;|$)' "$out" \
    && ! grep -qE '(^| )-(icanon|echo)( |;|$)' "$out" && [[ ! -s $out.err ]]; then
    ok "SIG$sig ends it with the terminal restored ($(grep -o 'status=[0-9]*' "$out"))"
  else
    bad "SIG$sig: $(head -c 300 "$out") $(head -c 300 "$out.err")"
  fi
  t kill-server 2>/dev/null
  rm -f "$out" "$out.pid" "$out.err"
done

# A meeting: a presenter and a follower on one database. The presenter drills down two levels and the follower
# shows the same breadcrumb within 1 s; the follower presses j and stays where it is while the presenter moves
# on; f brings it back to the presenter's screen; the presenter quitting ends the meeting for the follower.
meetdb=$(mktemp -d)/meeting.sqlite
$bin import data --database "$meetdb" >/dev/null 2>&1
run="env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 $bin --database $meetdb"
t -f /dev/null new-session -d -s presenter -x 100 -y 30 "$run --present Cabinet"
for _ in $(seq 1 50); do t capture-pane -p -t presenter | grep -q "Presenting Cabinet" && break; sleep 0.2; done
t new-session -d -s follower -x 100 -y 30 "$run --follow Cabinet"
crumb() { t capture-pane -p -t "$1" | head -1; }
last() { t capture-pane -p -t "$1" | tail -1; }
follows() { # follows SECONDS: until the follower's breadcrumb is the presenter's
  local deadline=$(($(date +%s%N) + $1 * 1000000000))
  while (($(date +%s%N) < deadline)); do [[ "$(crumb follower)" == "$(crumb presenter)" ]] && return 0; sleep 0.05; done
  return 1
}
for _ in $(seq 1 50); do last follower | grep -q "Following Cabinet" && break; sleep 0.2; done
t send-keys -t presenter Down Enter; sleep 0.2; t send-keys -t presenter Enter
if follows 1 && crumb follower | grep -q "›.*›"; then ok "the follower shows the presenter's screen two levels down within 1 s"; else bad "follower: '$(crumb follower)' vs presenter '$(crumb presenter)'"; fi
for _ in $(seq 1 10); do last presenter | grep -q "1 follower" && break; sleep 0.2; done
if last presenter | grep -q "Presenting Cabinet: 1 follower"; then ok "the presenter's status line counts 1 follower"; else bad "presenter status: $(last presenter)"; fi
here=$(crumb follower)
t send-keys -t follower j; sleep 0.3
t send-keys -t presenter Escape; sleep 1
if [[ "$(crumb follower)" == "$here" && "$(crumb presenter)" != "$here" ]] && last follower | grep -q "browsing on your own, f to rejoin"; then
  ok "j breaks away: the follower stays while the presenter moves on"
else bad "break away: follower '$(crumb follower)', presenter '$(crumb presenter)', '$(last follower)'"; fi
t send-keys -t follower f
if follows 1; then ok "f rejoins the presenter's screen"; else bad "rejoin: '$(crumb follower)' vs '$(crumb presenter)'"; fi
t send-keys -t presenter q; sleep 1
if last follower | grep -q "Cabinet has ended"; then ok "the presenter quitting ends the meeting for the follower"; else bad "end: $(last follower)"; fi
t send-keys -t follower q
t kill-server 2>/dev/null

# Live data: a dashboard open on a measure shows a value recorded by another process within 2 seconds,
# with no key pressed.
db=$(mktemp -d)/scorecard.sqlite
if $bin import data --database "$db" >/dev/null; then ok "import data into a new database"; else bad "import"; fi
t -f /dev/null new-session -d -s live -x 100 -y 30 \
  "env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 SCORECARD_DATABASE=$db $bin"
screen() { t capture-pane -p -t live; }
key() { t send-keys -t live "$@"; sleep 0.3; }
wait_for "as at Q2 2026/27" >/dev/null
key : ; t send-keys -t live -l "KBM-02"; key Enter
if wait_for "KBM-02  New council homes started on site"; then ok "jump to a measure with :"; else bad "jump"; fi
SCORECARD_DATABASE=$db $bin record KBM-02 "2026/27 Q2" 47 --note "Recorded from another process" --by e2e >/dev/null
if wait_for "Recorded from another process" 2; then ok "a value recorded elsewhere appears within 2 s"; else bad "live refresh"; fi
if screen | grep -q "Q2 2026/27  *47 "; then ok "with its new value"; else bad "new value not shown"; fi
key q
t kill-server 2>/dev/null
rm -rf "$(dirname "$db")"

# Trustworthy values: bare database paths, refused values, extreme values already stored, foreign files, and
# the form saving exactly what was typed.
repo=$(pwd)
tmp=$(mktemp -d)
(
  cd "$tmp" || exit 1
  export SCORECARD_TODAY=2026-11-24
  "$repo/$bin" import "$repo/data" --database c.sqlite >/dev/null && "$repo/$bin" import "$repo/data" --database c.sqlite >/dev/null
) && ok "import into a bare database path, twice" || bad "import into a bare database path twice"
db2=$tmp/c.sqlite
for args in "KBI-003 2026-09 -- -1e19" "KBI-003 2027-05 5" "KBI-003 2026-09 150"; do
  # shellcheck disable=SC2086
  if SCORECARD_TODAY=2026-11-24 $bin record --database "$db2" $args >/dev/null 2>&1; then bad "record $args was accepted"; else ok "record $args is refused"; fi
done
out=$($bin target KBI-003 2026/27 97.25 --database "$db2" 2>&1 >/dev/null)
if grep -qF "KBI-003's target for 2026/27, 97.25%, has more decimals than its values are shown and judged to (1)" <<<"$out"; then
  ok "target warns of a target finer than its measure shows, as check does"; else bad "target finer than shown: $out"; fi
sqlite3 "$db2" "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, changed_by, changed_at, source)
  SELECT id, 0, 2026 * 12 + 8, -1e19, 'sqlite3', '2026-11-01 00:00:00', 'record' FROM measure WHERE code = 'KBI-003'"
if SCORECARD_TODAY=2026-11-24 $bin alerts --database "$db2" >/dev/null; then ok "alerts with -1e19 already stored"; else bad "alerts crashed on -1e19"; fi
printf 'not a database\n' >"$tmp/notes.sqlite"
sqlite3 "$tmp/other.sqlite" "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1)"
for file in notes other; do
  before=$(md5sum <"$tmp/$file.sqlite")
  if $bin import data --database "$tmp/$file.sqlite" >/dev/null 2>&1; then bad "import into $file.sqlite was accepted";
  elif [[ $(md5sum <"$tmp/$file.sqlite") == "$before" ]]; then ok "$file.sqlite is refused and left untouched"; else bad "$file.sqlite was changed"; fi
done
t -f /dev/null new-session -d -s form -x 100 -y 30 \
  "env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 SCORECARD_DATABASE=$db2 $bin --by e2e"
wait_for_form() { for _ in $(seq 1 25); do t capture-pane -p -t form | grep -q "$1" && return 0; sleep 0.2; done; return 1; }
wait_for_form "as at Q2 2026/27"
t send-keys -t form : ; t send-keys -t form -l "KBI-006"; t send-keys -t form Enter; sleep 0.3
t send-keys -t form e; sleep 0.3
if wait_for_form "Nothing for Oct 2026 yet; previous 29 days in Sep 2026"; then ok "the form opens on the period due"; else bad "form: $(t capture-pane -p -t form)"; fi
t send-keys -t form -l "31"; t send-keys -t form Enter; sleep 0.5
saved=$(sqlite3 "$db2" "SELECT value || ' ' || ifnull(note, '-') FROM observation o JOIN measure m ON m.id = o.measure_id WHERE m.code = 'KBI-006' AND o.period = '2026-10'")
if [[ $saved == "31.0 -" ]]; then ok "typing 31 in the form saves 31, with no old commentary"; else bad "the form saved '$saved'"; fi
# Esc with something typed asks first; Esc again closes, and nothing is saved.
t send-keys -t form e; sleep 0.3; t send-keys -t form -l "45"; t send-keys -t form Escape; sleep 0.3
if wait_for_form "Esc again to discard what you typed"; then ok "Esc in the form with a value typed asks first"; else bad "form Esc: $(t capture-pane -p -t form)"; fi
t send-keys -t form Escape; sleep 0.3
if wait_for_form "Nothing was saved" && [[ $(sqlite3 "$db2" "SELECT count(*) FROM observation_revision o JOIN measure m ON m.id = o.measure_id WHERE m.code = 'KBI-006' AND o.value = 45") == 0 ]]; then
  ok "Esc again closes the form, nothing saved"; else bad "form Esc again: $(t capture-pane -p -t form)"; fi
t send-keys -t form q
t kill-server 2>/dev/null
rm -rf "$tmp"

# The sample is carried in the binary: a copy in an empty folder checks it, and status prints every measure.
tmp=$(mktemp -d)
cp "$bin" "$tmp/scorecard"
if out=$(cd "$tmp" && SCORECARD_TODAY=2026-11-24 ./scorecard check 2>&1) && grep -q "the sample council: the data files are valid" <<<"$out"; then
  ok "a copied binary checks its own sample"; else bad "copied binary: $out"; fi
if (cd "$tmp" && SCORECARD_TODAY=2026-11-24 ./scorecard status --json) | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["as_at"] == "2026/27 Q2" and len(d["measures"]) == 160, d["as_at"]
statuses = {m["status"] for m in d["measures"]}
assert statuses == {"on track", "at risk", "off track", "overdue", "no data", "not judged", "in development", "retired"}, statuses
kbi = next(m for m in d["measures"] if m["code"] == "KBI-006")
assert (kbi["period"], kbi["value"], kbi["target"], kbi["status"]) == ("2026-09", 29, 28, "at risk"), kbi
'; then ok "status --json on the sample"; else bad "status --json"; fi
if (cd "$tmp" && SCORECARD_TODAY=2026-11-24 ./scorecard status --period "Q1 26/27" --csv) | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert len(rows) == 160 and rows[0]["code"] == "OUT-01", len(rows)
assert next(r for r in rows if r["code"] == "KBI-006")["period"] == "2026-06"
'; then ok "status --csv at a period written as the dashboard shows it"; else bad "status --csv"; fi
if (cd "$tmp" && SCORECARD_TODAY=2026-11-24 ./scorecard import --database s.sqlite | grep -q "targets: 787 added"); then
  ok "import with no DIR imports the sample and says what it added"; else bad "import with no DIR"; fi
rm -rf "$tmp"

# The shared store (needs SCORECARD_CI_PG_PORT: .ci/run starts a PostgreSQL cluster): an officer and a member on
# the same database; a value the officer records is not on the member's screen, and appears within 1 s once published.
if [[ -n "${SCORECARD_CI_PG_PORT:-}" ]]; then
  pg=127.0.0.1:$SCORECARD_CI_PG_PORT
  pgdb=scorecard_e2e_$$
  psql -X -q "postgres://postgres@$pg/postgres" -c "CREATE DATABASE $pgdb OWNER scorecard_admin" >/dev/null
  admin=postgres://scorecard_admin@$pg/$pgdb
  export SCORECARD_TODAY=2026-11-24
  if $bin db init --database "$admin" >/dev/null && $bin db init --database "$admin" >/dev/null; then ok "db init, twice"; else bad "db init"; fi
  $bin db grant e2e_officer --role officer --database "$admin" >/dev/null
  $bin db grant e2e_member --role member --database "$admin" >/dev/null
  $bin db grant e2e_owner --role owner --service Housing --database "$admin" >/dev/null && ok "db grant member, owner, officer" || bad "db grant"
  officer=postgres://e2e_officer@$pg/$pgdb member=postgres://e2e_member@$pg/$pgdb owner=postgres://e2e_owner@$pg/$pgdb
  if $bin import data --database "$officer" >/dev/null; then ok "an officer imports into PostgreSQL"; else bad "import into PostgreSQL"; fi
  if ! $bin import data --database "$member" >/dev/null 2>&1; then ok "a member cannot import"; else bad "a member imported"; fi
  out=$($bin record KBM-02 "2026/27 Q2" 48 --database "$member" 2>&1); status=$?
  if ((status == 1)) && grep -q "members read published figures" <<<"$out" && ! grep -qi "sql\|permission denied" <<<"$out"; then
    ok "a member recording gets a plain refusal and status 1"; else bad "member record (status $status): $out"; fi
  out=$($bin record KBI-092 2026-10 50 --database "$owner" 2>&1); status=$?
  if ((status == 1)) && grep -q "not one of e2e_owner's measures" <<<"$out"; then ok "an owner cannot record another's measure"; else bad "owner record (status $status): $out"; fi
  t -f /dev/null new-session -d -s shared -x 100 -y 30 \
    "env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=2026-11-24 $bin --database $member"
  pane() { t capture-pane -p -t shared; }
  deadline=$((SECONDS + 10)); until pane | grep -qF "published figures" || ((SECONDS > deadline)); do sleep 0.2; done
  if pane | grep -qF "published figures"; then ok "a member's dashboard says it shows published figures"; else bad "member status line"; pane | sed 's/^/    | /'; fi
  t send-keys -t shared : ; sleep 0.3; t send-keys -t shared -l "KBM-02"; sleep 0.2; t send-keys -t shared Enter
  deadline=$((SECONDS + 10)); until pane | grep -qF "KBM-02  New council homes" || ((SECONDS > deadline)); do sleep 0.2; done
  by=$($bin record KBM-02 "2026/27 Q2" 48 --note "Shared store e2e value" --by someone.else --database "$officer" 2>&1 >/dev/null)
  if grep -qF "Recorded as e2e_officer, the login" <<<"$by"; then ok "--by on the shared store says the login is recorded"; else bad "record --by on PostgreSQL: $by"; fi
  sleep 1.5
  if ! pane | grep -qF "Shared store e2e value"; then ok "a draft is not on the member's screen"; else bad "the member saw a draft"; fi
  published_at=$(date +%s.%N)
  $bin publish --measure KBM-02 --database "$officer" >/dev/null
  seen=""
  while python3 -c "import sys,time; sys.exit(0 if time.time() - $published_at < 3 else 1)"; do
    if pane | grep -qF "Shared store e2e value"; then seen=$(date +%s.%N); break; fi
    sleep 0.05
  done
  if [[ -n "$seen" ]] && python3 -c "import sys; sys.exit(0 if $seen - $published_at <= 1.0 else 1)"; then
    ok "published by the officer, it is on the member's screen within 1 s ($(python3 -c "print(round($seen - $published_at, 2))") s)"
  else bad "the published value did not reach the member's screen within 1 s"; pane | sed 's/^/    | /'; fi
  t send-keys -t shared q
  t kill-server 2>/dev/null
  unset SCORECARD_TODAY
fi

rm -rf "$XDG_DATA_HOME"
echo "$passed passed, $failed failed"
((failed == 0))
