#!/usr/bin/env bash
# Restores, builds and runs every test project against real PostgreSQL (see README, "Tests").
# The last line is always "N passed, N failed"; the exit code is non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source deploy/lib.sh

# Without PORTAL_TEST_POSTGRES or a Docker engine, the fixture starts its own local cluster.
ensure_postgres_server || { echo "0 passed, 1 failed"; exit 1; }

# Browser tests drive Debian's chromium (never a downloaded browser) and inject axe-core, which
# npm installs from tests/browser/package-lock.json into the git-ignored tests/browser/node_modules.
ensure_packages chromium || { echo "0 passed, 1 failed"; exit 1; }
command -v npm >/dev/null || ensure_packages npm || { echo "0 passed, 1 failed"; exit 1; }
if ! npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >&2; then
  echo "npm could not install tests/browser's packages"
  echo "0 passed, 1 failed"
  exit 1
fi

results_dir="$PWD/TestResults"
rm -rf "$results_dir"
mkdir -p "$results_dir"
log="$results_dir/test-output.log"

echo "Restoring and building ..."
if ! dotnet build ProgramPortal.sln -c Release --nologo > "$results_dir/build.log" 2>&1; then
  grep -E "error" "$results_dir/build.log" | sort -u | tail -n 30
  echo "The build failed; the whole log is in $results_dir/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# The bench's smoke run (tiny sizes) proves deploy/bench.sh still works end to end; it counts as
# one test, and its figures are not judged (performance targets are for the full run).
bench_passed=0; bench_failed=0
echo "Smoke-running deploy/bench.sh ..."
if bash deploy/bench.sh --smoke > "$results_dir/bench-smoke.log" 2>&1; then
  bench_passed=1
else
  bench_failed=1
  tail -n 30 "$results_dir/bench-smoke.log"
  echo "deploy/bench.sh --smoke failed; the whole log is in $results_dir/bench-smoke.log"
fi

dotnet test ProgramPortal.sln -c Release --no-build --nologo --results-directory "$results_dir" \
  --logger "trx" --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Totals come from each assembly's .trx report: <Counters total=".." passed=".." failed=".." ...>.
counter() { grep -o "<Counters [^>]*" "$1" | grep -oE " $2=\"[0-9]+\"" | grep -oE "[0-9]+"; }
passed=$bench_passed; failed=$bench_failed; skipped=0; reports=0
for report in "$results_dir"/*.trx; do
  [ -f "$report" ] || continue
  reports=$((reports + 1))
  passed=$((passed + $(counter "$report" passed)))
  failed=$((failed + $(counter "$report" failed) + $(counter "$report" error) + $(counter "$report" aborted) + $(counter "$report" timeout)))
  # Skipped tests are results with outcome NotExecuted; the Counters element does not count them.
  skipped=$((skipped + $(grep -o "<UnitTestResult [^>]*outcome=\"NotExecuted\"" "$report" | wc -l)))
done

# A test host that crashed may leave no report: count it as a failure rather than hide it.
assemblies=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$reports" -lt "$assemblies" ]; then
  failed=$((failed + assemblies - reports))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

# The console log is long (app logs included): name each failed test, with the start of its
# message, just above the totals so that the tail of any CI log says what broke.
for report in "$results_dir"/*.trx; do
  [ -f "$report" ] || continue
  awk 'BEGIN { RS = "</UnitTestResult>" }
       {
         # Passed results close themselves, so a record may hold several: keep the last one.
         last = split($0, results, "<UnitTestResult "); result = results[last]
         if (result !~ /outcome="Failed"/) next
         match(result, /testName="[^"]*"/); name = substr(result, RSTART + 10, RLENGTH - 11)
         message = ""
         if (match(result, /<Message>[^<]*<\/Message>/)) message = substr(result, RSTART + 9, RLENGTH - 19)
         gsub(/&quot;/, "\"", message); gsub(/&apos;/, "\047", message)
         gsub(/&lt;/, "<", message); gsub(/&gt;/, ">", message); gsub(/&amp;/, "\\&", message)
         print "FAILED " name; print substr(message, 1, 1500); print ""
       }' "$report"
done

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
