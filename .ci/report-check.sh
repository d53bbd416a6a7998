#!/usr/bin/env bash
# End-to-end checks of `scorecard report` on the sample council: every format is written, bad requests are refused
# plainly, the PDF (headless Chromium) has A4 pages with every priority and the "as at" period, and a screenshot of
# the first page matches .ci/report-reference.txt by size and sampled colours.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=.build/debug/scorecard
source .ci/checks.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SCORECARD_TODAY=2026-11-20
# `report` with no source reads the default database: one of this run's own, made from the sample, not whatever the
# runner's home holds.
export XDG_DATA_HOME="$tmp/data"

for format in html md csv pdf; do
  if out=$($bin report --out "$tmp/report.$format" 2>&1) && [[ -s "$tmp/report.$format" ]] && grep -q "Wrote the performance report" <<<"$out"; then
    ok "report --out report.$format"
  else bad "report --out report.$format: $out"; fi
done
if [[ "$(head -c 4 "$tmp/report.pdf")" == "%PDF" ]]; then ok "the PDF is a PDF"; else bad "the PDF is not a PDF"; fi

pages=$(pdfinfo "$tmp/report.pdf" | awk '/^Pages:/ {print $2}')
text=$(pdftotext -layout "$tmp/report.pdf" - | tr -s ' \n' ' ')
asat=$($bin status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["as_at"])')
label=$(grep -o 'As at Q[0-9] [0-9/]*' <<<"$text" | head -1 | cut -c7-)
if pdfinfo "$tmp/report.pdf" | grep -q "(A4)" && ((pages >= 9)); then ok "PDF: $pages A4 pages"; else bad "PDF pages: $pages"; fi
# Every priority's code and title, as the Markdown report heads them, is in the PDF's text.
titles=$(grep -E '^## P[^ ]* ' "$tmp/report.md" | sed 's/^## //; s/\\//g')
count=0 allfound=1
while IFS= read -r title; do
  count=$((count + 1))
  grep -qF "$title" <<<"$text" || { allfound=0; bad "PDF lacks the priority: $title"; }
done <<<"$titles"
((allfound && count >= 7)) && ok "PDF text has all $count priorities' titles"
if [[ -n "$label" ]] && grep -qF "as at $label" <<<"$text" && grep -qF "Page $pages of $pages" <<<"$text"; then
  ok "PDF footer: as at $label, page numbers (as_at $asat)"
else bad "PDF footer: '$label' pages $pages"; fi

# The first page as a browser draws it, against the reference.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=794,1123 \
  --screenshot="$tmp/first-page.png" "file://$tmp/report.html" >/dev/null 2>&1
if python3 - "$tmp/first-page.png" .ci/report-reference.txt <<'PY'
import struct, sys, zlib
png, reference = sys.argv[1], sys.argv[2]
data = open(png, 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, chunks = 8, {}
idat = b''
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR': width, height, depth, colour = struct.unpack('>IIBB', body[:10])
    if kind == b'IDAT': idat += body
    pos += 12 + length
assert depth == 8 and colour in (2, 6), f'unexpected PNG depth {depth} colour {colour}'
bpp = 3 if colour == 2 else 4
raw = zlib.decompress(idat)
stride = width * bpp
rows, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
ok = True
for entry in open(reference):
    words = entry.split()
    if not words or words[0].startswith('#'): continue
    if words[0] == 'size':
        if (width, height) != (int(words[1]), int(words[2])):
            print(f'size {width}x{height}, expected {words[1]}x{words[2]}'); ok = False
    elif words[0] == 'box':
        x0, y0, x1, y1, r, g, b, tol = map(int, words[1:])
        found = any(all(abs(rows[y][x * bpp + k] - v) <= tol for k, v in enumerate((r, g, b)))
                    for y in range(y0, y1) for x in range(x0, x1))
        if not found: print(f'no pixel near ({r},{g},{b}) in box {x0},{y0}-{x1},{y1}'); ok = False
sys.exit(0 if ok else 1)
PY
then ok "first-page screenshot matches the reference (size and sampled colours)"; else bad "first-page screenshot"; fi

# Public: a withheld count never appears in its measure's row.
$bin report --audience public --out "$tmp/public.csv" >/dev/null 2>&1
if python3 - "$tmp/public.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert any(r['value'] == '*' for r in rows), 'nothing withheld'
# Every other value is a number (a band measure's may be below 0: the sample's budget variance, -81).
assert all(r['value'] in ('*', '') or float(r['value']) == float(r['value']) for r in rows)
PY
then ok "report --audience public withholds small numbers (*)"; else bad "public CSV"; fi

# Refusals: plain, non-zero, nothing written.
out=$($bin report --priority NOPE --out "$tmp/no.html" 2>&1); status=$?
if ((status != 0)) && grep -q "no priority has the code NOPE" <<<"$out" && [[ ! -e "$tmp/no.html" ]]; then ok "unknown priority refused"; else bad "unknown priority (status $status): $out"; fi
out=$($bin report --out "$tmp/report.txt" 2>&1); status=$?
if ((status != 0)) && grep -q "say which format" <<<"$out"; then ok "unknown extension refused"; else bad "unknown extension (status $status): $out"; fi
out=$($bin report --out "$tmp/nowhere/report.html" 2>&1); status=$?
if ((status != 0)) && grep -q "there is no directory" <<<"$out"; then ok "missing directory refused"; else bad "missing directory (status $status): $out"; fi
out=$(SCORECARD_CHROMIUM=/nonexistent/chromium $bin report --out "$tmp/none.pdf" 2>&1); status=$?
if ((status != 0)) && grep -q "apt-get install chromium" <<<"$out" && [[ ! -e "$tmp/none.pdf" ]]; then ok "no Chromium: says which package"; else bad "no Chromium (status $status): $out"; fi

# A PDF interrupted while Chromium prints (SIGTERM): Chromium is stopped, its private working directory removed,
# nothing is written, and the status is 143. A stand-in that takes its time plays Chromium.
printf '#!/bin/sh\nexec sleep 60\n' >"$tmp/slow-chromium"; chmod +x "$tmp/slow-chromium"
mkdir -p "$tmp/t"
TMPDIR="$tmp/t" SCORECARD_CHROMIUM="$tmp/slow-chromium" $bin report --out "$tmp/cut.pdf" >/dev/null 2>&1 &
printer=$!
for _ in $(seq 1 100); do pgrep -f "$tmp/t/scorecard-report" >/dev/null && break; sleep 0.1; done
[[ $(stat -c %a "$tmp"/t/scorecard-report-* 2>/dev/null) == 700 ]] && private=1 || private=0
kill -TERM $printer; wait $printer; status=$?
sleep 0.5
if ((status == 143 && private)) && ! pgrep -f "$tmp/t/scorecard-report" >/dev/null && [[ -z "$(ls -A "$tmp/t")" && ! -e "$tmp/cut.pdf" ]]; then
  ok "a PDF interrupted stops Chromium and leaves nothing behind (its directory private while it printed)"
else bad "PDF interrupted: status $status, private $private, left: $(ls -A "$tmp/t") $(pgrep -fa "$tmp/t/scorecard-report")"; fi

# The dashboard's r key, in a real terminal: the report of the priority on screen, and where it went.
sock="scorecard-report-$$"
mkdir -p "$tmp/dash"
$bin import --database "$tmp/dash/council.sqlite" >/dev/null 2>&1
tmux -L "$sock" -f /dev/null new-session -d -s r -x 100 -y 30 \
  "cd '$tmp/dash' && SCORECARD_REPORTS='$tmp/dash' TERM=tmux-256color LANG=C.UTF-8 '$PWD/$bin' --database '$tmp/dash/council.sqlite'; sleep 5"
shown=0
for _ in $(seq 1 50); do tmux -L "$sock" capture-pane -p -t r | grep -q "as at" && break; sleep 0.2; done
tmux -L "$sock" send-keys -t r Enter; sleep 0.5
tmux -L "$sock" send-keys -t r r
for _ in $(seq 1 50); do tmux -L "$sock" capture-pane -p -t r | grep -q "Report written to" && { shown=1; break; }; sleep 0.2; done
report=$(ls "$tmp"/dash/report-P1-*.html 2>/dev/null | head -1)
if ((shown)) && [[ -n "$report" ]] && grep -q "<svg" "$report" && ! grep -q "priority-P2" "$report"; then
  ok "dashboard r writes the priority's report and says where"
else bad "dashboard r: $(tmux -L "$sock" capture-pane -p -t r | tail -2)"; fi
tmux -L "$sock" send-keys -t r q
tmux -L "$sock" kill-server 2>/dev/null

echo "report checks: $passed passed, $failed failed"
((failed == 0))
