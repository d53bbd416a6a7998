#!/usr/bin/env bash
# End-to-end checks of the real binary: the command line, and the dashboard driven in tmux.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/scorecard
passed=0 failed=0
ok() { echo "  ok: $1"; passed=$((passed + 1)); }
bad() { echo "  FAILED: $1"; failed=$((failed + 1)); }

# The bundled sample council is valid.
if out=$($bin check data/ 2>&1) && grep -q "the data files are valid" <<<"$out"; then ok "check data/"; else bad "check data/: $out"; fi

# A malformed file exits non-zero, naming the file, line and field.
tmp=$(mktemp -d)
cp data/framework.yaml "$tmp/"
printf 'measure,period,value\nNOPE-1,2024-05,3\n' >"$tmp/observations.csv"
out=$($bin check "$tmp" 2>&1); status=$?
if ((status != 0)) && grep -q "observations.csv:2: field \"measure\"" <<<"$out"; then ok "check rejects bad data"; else bad "check bad data (status $status): $out"; fi
rm -rf "$tmp"

# Alerts as JSON parse and are worst first.
if $bin alerts data/ --json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["count"]>0 and d["alerts"][0]["rule"]=="off-track-repeatedly"'; then ok "alerts --json"; else bad "alerts --json"; fi

echo "$passed passed, $failed failed"
((failed == 0))
