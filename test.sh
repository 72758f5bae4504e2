#!/usr/bin/env bash
# Runs every test of ServicePortal (domain, bUnit, API integration and browser tests).
# The browser tests drive a headless Chromium: $SERVICEPORTAL_CHROMIUM when set, else chromium,
# chromium-browser or google-chrome on PATH; when there is none, this installs Debian's chromium
# with apt-get (a Debian-like system; sudo when not root). It also installs fonts-noto-cjk when
# no CJK font is present (for the screenshots only). NuGet packages are restored by dotnet test.
# The PostgreSQL tests (ServicePortal.Tests.Postgres, and DomainFixture users when SERVICEPORTAL_TEST_DATABASE=PostgreSQL)
# start a throwaway PostgreSQL cluster from $SERVICEPORTAL_PG_BIN (default /usr/lib/postgresql/15/bin); without those
# programs they are skipped, and this says so before and after the run.
# Prints a closing line "N passed, N failed" (Microsoft.Testing.Platform does not print one).
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
  pg_note="PostgreSQL tests: run on a throwaway cluster ($pg_bin, temp folder, unix socket, stopped at the end)"
else
  pg_note="PostgreSQL tests: SKIPPED - no initdb/pg_ctl in $pg_bin (install PostgreSQL 15, e.g. apt-get install postgresql-15, or set SERVICEPORTAL_PG_BIN)"
fi
echo "== $pg_note"

log=$(mktemp)
dotnet test ServicePortal.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries printed by Microsoft.Testing.Platform.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "$pg_note"
echo "$passed passed, $failed failed"
exit "$status"
