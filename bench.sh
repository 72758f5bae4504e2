#!/usr/bin/env bash
# Benchmarks at 1,000,000 complaints and 1,000,000 repair orders (README, "Performance"):
#
#   ./bench.sh                      # everything: register pages, KPI tiles and dashboard, export, slip, repair intake
#   ./bench.sh --filter-class ServicePortal.Tests.Benchmarks.RegisterPageBenchmark   # one of them
#
# Builds Release, makes sure the benchmark database exists and is current (generates it with
#   dotnet run --project ServicePortal -c Release -- generate --complaints 1000000 --repairs 1000000 --db /tmp/bench-1m.db
#   and its default 200,000 customer files
# when it is missing, incomplete, older than the code's migrations, or made by another version of
# the generator (a fingerprint of Demo/, Migrations/ and GenerateCommand.cs kept beside it in
# <db>.source); ~9 min for the complaints on a 2-core machine, ~3.9 GB, plus the repair orders), runs the explicit tests with trait Category=Benchmark in Release, and prints
# bench-results.md (git-ignored), where each benchmark appends its table.
# Environment: BENCH_DB (database file), BENCH_COMPLAINTS (default 1000000), BENCH_REPAIRS (default 1000000), BENCH_ARTIFACTS
# (build output, default ./artifacts/bench). Extra arguments go to the test runner.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export BENCH_DB=${BENCH_DB:-/tmp/bench-1m.db}
export BENCH_RESULTS=$ROOT/bench-results.md
export SERVICEPORTAL_BENCH=1   # the browser fixture stays idle (see Browser/BrowserFixture.cs)
# The portal runs with the server GC (the Web SDK's default); benchmarks that host it in the test process
# (circuits, imports) measure it so only with the same GC.
export DOTNET_gcServer=${DOTNET_gcServer:-1}
COMPLAINTS=${BENCH_COMPLAINTS:-1000000}
REPAIRS=${BENCH_REPAIRS:-1000000}
ARTIFACTS=${BENCH_ARTIFACTS:-$ROOT/artifacts/bench}

echo "== build (Release)"
dotnet build ServicePortal.Tests -c Release --artifacts-path "$ARTIFACTS" -nologo -v q

# The migrations the code has (file names without .cs) and those the database has applied, and its
# number of complaints; through sqlite3 or Python's sqlite3 module. Without either, the benchmark
# fixture still refuses an outdated file (GetPendingMigrations) with a message.
sql() {
  if command -v sqlite3 >/dev/null; then sqlite3 "$BENCH_DB" "$1"
  else python3 -c 'import sqlite3,sys; [print(*r, sep="|") for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]' "$BENCH_DB" "$1"
  fi
}
# What the data depends on: the generator and the schema.
fingerprint=$(cat ServicePortal/GenerateCommand.cs $(find ServicePortal.Domain/Demo ServicePortal.Domain/Data/Migrations -name '*.cs' | sort) | sha256sum | cut -c1-16)
reason=""
if [[ ! -f $BENCH_DB ]]; then
  reason="missing"
elif [[ $(cat "$BENCH_DB.source" 2>/dev/null) != "$fingerprint" ]]; then
  reason="generator or migrations changed since it was generated"
elif command -v sqlite3 >/dev/null || command -v python3 >/dev/null; then
  applied=$(sql "SELECT MigrationId FROM __EFMigrationsHistory" 2>/dev/null || true)
  for f in ServicePortal.Domain/Data/Migrations/[0-9]*_*.cs; do
    [[ $f == *.Designer.cs ]] && continue
    id=$(basename "$f" .cs)
    grep -qx "$id" <<<"$applied" || { reason="migration $id not applied"; break; }
  done
  if [[ -z $reason ]]; then
    count=$(sql "SELECT count(*) FROM Complaints" 2>/dev/null || echo 0)
    [[ $count == "$COMPLAINTS" ]] || reason="$count complaints instead of $COMPLAINTS (interrupted?)"
  fi
  if [[ -z $reason ]]; then
    count=$(sql "SELECT count(*) FROM RepairOrders" 2>/dev/null || echo 0)
    [[ $count == "$REPAIRS" ]] || reason="$count repair orders instead of $REPAIRS (interrupted?)"
  fi
fi
if [[ -n $reason ]]; then
  echo "== generate $BENCH_DB ($reason)"
  rm -f "$BENCH_DB" "$BENCH_DB-wal" "$BENCH_DB-shm" "$BENCH_DB.source"
  dotnet run --project ServicePortal -c Release --artifacts-path "$ARTIFACTS" --no-build -- \
    generate --complaints "$COMPLAINTS" --repairs "$REPAIRS" --db "$BENCH_DB"
  echo "$fingerprint" > "$BENCH_DB.source"
else
  echo "== database $BENCH_DB is current"
fi

{
  echo "# Benchmark results"
  echo
  echo "- $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' (+ local changes)')"
  echo "- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "- load before the run (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg); each table notes the load when it was written"
  echo "- database $BENCH_DB ($(du -h "$BENCH_DB" | cut -f1))"
  echo
} > "$BENCH_RESULTS"

echo "== benchmarks"
status=0
dotnet test --project ServicePortal.Tests -c Release --artifacts-path "$ARTIFACTS" --no-build -- \
  --filter-trait "Category=Benchmark" --explicit only "$@" || status=$?

echo
cat "$BENCH_RESULTS"
exit $status
