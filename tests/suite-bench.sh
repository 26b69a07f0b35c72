#!/bin/sh
# Keeps the benchmark from rotting: runs tests/bench/run.sh end to end on a
# tiny corpus (20 filings) in a temporary directory with the build under
# test. Speed is never asserted here; only that every row was measured.
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
if [ "${CK_ASAN:-0}" = 1 ]; then
    echo "skipped under the sanitizer pass"
    echo "bench: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BENCH_DIR=$tmp FUNDCHECK=$FUNDCHECK FCGEN=$BUILD/fcgen BENCH_SIZES=20 BENCH_PEER_SIZES=20 BENCH_STARTUP=3 BENCH_BATCH=10 \
    sh tests/bench/run.sh >"$tmp/out" 2>&1
rc=$?
if [ $rc -eq 0 ]; then pass=$((pass + 1)); echo "ok   bench script runs"; else fail=$((fail + 1)); echo "FAIL bench script (exit $rc)"; tail -20 "$tmp/out"; fi
for row in 'xmllint --noout --stream' 'fundcheck validate' 'fundcheck check' 'fundcheck scan --db fresh.db --jobs 1' 'archive-scale scan' 're-run of the same' 'start-up'; do
    if grep -F "$row" "$tmp/out" | grep -qv 'not available'; then
        pass=$((pass + 1)); echo "ok   row: $row"
    else
        fail=$((fail + 1)); echo "FAIL row: $row"
    fi
done
[ -s "$tmp/results.txt" ] && { pass=$((pass + 1)); echo "ok   results.txt written"; } || { fail=$((fail + 1)); echo "FAIL results.txt"; }
echo "bench: $pass passed, $fail failed"
[ $fail -eq 0 ]
