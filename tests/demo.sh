#!/bin/sh
# `make demo`: screens the fixtures (top level) and the filings of
# tests/scan/guide-filings.sh (two other quarters of two funds, one malformed
# filing) into build/demo.db — the database docs/auditor-guide.md queries —
# and prints the regulator's report. Findings are the point of the demo, so
# exit codes 1 (findings) and 2 (a filing could not be checked) are fine; 3
# or more fails. DEMO_DB and DEMO_DIR (the extra filings) change where it
# writes (tests/suite-scan.sh builds the same database under /tmp).
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 4
FC=${FUNDCHECK:-build/fundcheck}
mkdir -p build
build_db=${DEMO_DB:-build/demo.db}
extra=${DEMO_DIR:-build/demo-filings}
sh tests/scan/guide-filings.sh "$extra" || exit 4
"$FC" scan --force --no-progress --db "$build_db" fixtures/*.xml "$extra"
rc=$?
if [ "$rc" -ge 3 ]; then
    echo "demo: fundcheck scan failed (exit $rc)" >&2
    exit "$rc"
fi
echo
"$FC" report --db "$build_db" || exit $?
echo
echo "demo: database $build_db — try: sqlite3 $build_db 'SELECT * FROM v_lookthrough'"
exit 0
