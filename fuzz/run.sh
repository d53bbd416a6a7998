#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 60), one process at a time (docs/fuzzing.md).
#   fuzz/run.sh [SECONDS] [observations|framework|workbook|national ...]
# A crash, a hang over 5 s or a run over 2 GB leaves its input in fuzz/artifacts/<target>/ and makes the script
# exit non-zero. New inputs found go to fuzz/work/<target>/ (ignored by git); the seeds in fuzz/corpus/ are not
# changed. Building the two targets from clean takes about 4 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(observations framework workbook national)

scratch=.build-fuzz
flags=(-c release --scratch-path "$scratch"
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
product() { # observations -> FuzzObservations
  echo "Fuzz${1^}"
}

for target in "${targets[@]}"; do
  [[ -d fuzz/corpus/$target ]] || { echo "fuzz: no such target: $target (observations, framework, workbook, national)"; exit 2; }
  echo "fuzz: build $(product "$target")"
  SCORECARD_FUZZ=1 swift build "${flags[@]}" --product "$(product "$target")" 2>&1 \
    | grep -v -e "prohibited flag" -e "Cannot export local symbol '__asan_extra_spill_area'" | tail -3
done
bin=$(SCORECARD_FUZZ=1 swift build "${flags[@]}" --show-bin-path)

# Swift's own crash reporter would take the trap signals before libFuzzer (which keeps a handler it finds) and
# trips AddressSanitizer while it reads memory: leave them to libFuzzer, which saves the input and prints the stack.
export SWIFT_BACKTRACE=enable=no
failed=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/work/$target" "fuzz/artifacts/$target"
  log=fuzz/artifacts/$target.log
  echo "fuzz: run $(product "$target") for ${seconds}s"
  status=0
  # Opening a zip archive leaks 29 bytes in Foundation on Linux (FileManager.fileSystemRepresentation, called by
  # ZIPFoundation, is never freed): not the readers', and it would stop the workbook target on its first input.
  leaks=1
  [[ $target == workbook ]] && leaks=0
  ASAN_OPTIONS=detect_leaks=$leaks "$bin/$(product "$target")" "fuzz/work/$target" "fuzz/corpus/$target" -detect_leaks=$leaks \
    -dict="fuzz/$target.dict" -max_len=65536 -timeout=5 -rss_limit_mb=2048 -max_total_time="$seconds" \
    -artifact_prefix="fuzz/artifacts/$target/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  grep -E "^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
  if ((status != 0)); then
    echo "fuzz: $target FAILED (exit $status); the input is in fuzz/artifacts/$target/, the log in $log:"
    { grep -E -A16 "Fatal error|ERROR: libFuzzer|^==[0-9]+==ERROR" "$log" || tail -30 "$log"; } \
      | head -40 | swift demangle --simplified
    failed+=("$target")
  fi
done
((${#failed[@]} == 0)) || { echo "fuzz: failed: ${failed[*]}"; exit 1; }
echo "fuzz: no crash, hang or memory blow-up found"
