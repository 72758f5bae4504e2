#!/usr/bin/env bash
# Runs every test of ServicePortal (domain, bUnit, API integration and browser tests).
# Installs Debian's Chromium first when /usr/bin/chromium is missing (the browser tests drive it).
# Prints a closing line "N passed, N failed" (Microsoft.Testing.Platform does not print one).
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "== /usr/bin/chromium missing: installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi
# Chinese glyphs in screenshots (not needed for the assertions, but for looking at them).
if ! fc-list 2>/dev/null | grep -qi "noto sans cjk\|wenquanyi"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || echo "(fonts-noto-cjk not installed: screenshots may lack Chinese glyphs)"
fi

log=$(mktemp)
dotnet test ServicePortal.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries printed by Microsoft.Testing.Platform.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
