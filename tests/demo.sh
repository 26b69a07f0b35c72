#!/bin/sh
# `make demo`: screens the fixtures (top level) into build/demo.db and prints
# the regulator's report. Findings are the point of the demo, so exit codes 1
# (findings) and 2 (a filing could not be checked) are fine; 3 or more fails.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 4
FC=${FUNDCHECK:-build/fundcheck}
mkdir -p build
build_db=build/demo.db
"$FC" scan --force --no-progress --db "$build_db" fixtures/*.xml
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
