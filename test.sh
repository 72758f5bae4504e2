#!/usr/bin/env bash
# Runs every test of ServicePortal (domain, bUnit, API integration and browser tests).
# The browser tests drive a headless Chromium: $SERVICEPORTAL_CHROMIUM when set, else chromium,
# chromium-browser or google-chrome on PATH; when there is none, this installs Debian's chromium
# with apt-get (a Debian-like system; sudo when not root). It also installs fonts-noto-cjk when
# no CJK font is present (for the screenshots only). NuGet packages are restored by dotnet test.
# PostgreSQL: the tests start a throwaway cluster from $SERVICEPORTAL_PG_BIN (default /usr/lib/postgresql/15/bin). The first
# pass runs ServicePortal.Tests.Postgres on it; a second pass (no new build) runs the API tests and part of the domain
# tests again with SERVICEPORTAL_TEST_DATABASE=PostgreSQL (all of them with SERVICEPORTAL_PG_SUITES=all), every
# DomainFixture and API app on a database of that cluster. Without those programs both are skipped, and this says so
# before and after the run.
# Prints a closing line "N passed, N failed" over both passes (Microsoft.Testing.Platform does not print one).
set -uo pipefail
cd "$(dirname "$0")"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if [ -n "${SERVICEPORTAL_CHROMIUM:-}" ]; then
  [ -x "$SERVICEPORTAL_CHROMIUM" ] || { echo "SERVICEPORTAL_CHROMIUM=$SERVICEPORTAL_CHROMIUM is not an executable"; echo "0 passed, 1 failed"; exit 1; }
elif ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && ! command -v google-chrome >/dev/null; then
  echo "== no Chromium found: installing Debian's chromium for the browser tests"
  command -v apt-get >/dev/null || { echo "apt-get is missing: install Chromium yourself and set SERVICEPORTAL_CHROMIUM to it"; echo "0 passed, 1 failed"; exit 1; }
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
# Chinese glyphs in screenshots (not needed for the assertions, but for looking at them).
if command -v apt-get >/dev/null && ! fc-list 2>/dev/null | grep -qi "noto sans cjk\|wenquanyi"; then
  $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || echo "(fonts-noto-cjk not installed: screenshots may lack Chinese glyphs)"
fi

pg_bin="${SERVICEPORTAL_PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ]; then
  pg=1
  pg_note="PostgreSQL tests: run on a throwaway cluster ($pg_bin, temp folder, unix socket, stopped at the end); the API tests and part of the domain tests run a second time on it"
else
  pg=0
  pg_note="PostgreSQL tests: SKIPPED - no initdb/pg_ctl in $pg_bin (install PostgreSQL 15, e.g. apt-get install postgresql-15, or set SERVICEPORTAL_PG_BIN); the domain and API tests ran on SQLite only"
fi
echo "== $pg_note"

log=$(mktemp)
dotnet test ServicePortal.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The API tests and the domain areas kept by hand-written PostgreSQL SQL again on PostgreSQL, on the build above (README,
# "Running on PostgreSQL", says why these); SERVICEPORTAL_PG_SUITES=all runs every domain namespace too ("Domain*").
if [ "${SERVICEPORTAL_PG_SUITES:-}" = all ]; then
  pg_suites=('ServicePortal.Tests.Api' 'ServicePortal.Tests.Domain*')
else
  pg_suites=('ServicePortal.Tests.Api' 'ServicePortal.Tests.Domain.Revisits' 'ServicePortal.Tests.Domain.Surveys'
    'ServicePortal.Tests.Domain.Audit' 'ServicePortal.Tests.Domain.Customers')
fi
if [ "$pg" -eq 1 ]; then
  echo "== on PostgreSQL (SERVICEPORTAL_TEST_DATABASE=PostgreSQL): ${pg_suites[*]}"
  pg_log=$(mktemp)
  SERVICEPORTAL_TEST_DATABASE=PostgreSQL dotnet test --project ServicePortal.Tests/ServicePortal.Tests.csproj --no-build \
    --filter-namespace "${pg_suites[@]}" 2>&1 | tee "$pg_log"
  pg_status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] && status=$pg_status
  pg_passed=$(grep -E '^\s+succeeded: [0-9]+' "$pg_log" | awk '{s+=$2} END {print s+0}')
  pg_failed=$(grep -E '^\s+failed: [0-9]+' "$pg_log" | awk '{s+=$2} END {print s+0}')
  pg_note="$pg_note ($pg_passed passed, $pg_failed failed of them on PostgreSQL)"
  cat "$pg_log" >> "$log"
  rm -f "$pg_log"
fi

# Sum the per-assembly summaries printed by Microsoft.Testing.Platform.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The failed tests' names again at the end, where a CI log's tail shows them (the app's own logging fills the log).
failures=$(grep -E '^\s*failed [A-Za-z]' "$log" | sed -E 's/^\s*failed //; s/ \([0-9][^)]*\)$//' | sort -u)
[ -n "$failures" ] && { echo "== failed:"; echo "$failures" | sed 's/^/  /'; }
rm -f "$log"
echo "$pg_note"
echo "$passed passed, $failed failed"
exit "$status"
