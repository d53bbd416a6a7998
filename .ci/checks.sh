# Shared by the end-to-end scripts (sourced): a tally of checks, each reported on its own line.
passed=0 failed=0
ok() { echo "  ok: $1"; passed=$((passed + 1)); }
bad() { echo "  FAILED: $1"; failed=$((failed + 1)); }
