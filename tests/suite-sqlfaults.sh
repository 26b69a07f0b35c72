#!/bin/sh
# SQLite faults under `fundcheck scan` (build/sqlfault, tests/faults/sqlfault.c):
# an allocator that fails from SQLite's Nth allocation on, and a VFS whose
# writes, syncs and truncates fail from the Nth on. For each N the scan must
# end without a crash, with exit 4 and a "fundcheck: ..." database error when
# a fault was injected (0/1 when it finished first); the database must pass
# PRAGMA integrity_check and foreign_key_check, and a scan without faults
# into the same database must then succeed and record every filing.
# (`merge` is not a command of this tree: not tested here.)
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 1
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
SF=$BUILD/sqlfault
if [ ! -x "$SF" ]; then echo "no $SF (run make)"; echo "sqlfaults: 0 passed, 1 failed"; exit 1; fi
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
FUNDCHECK_CATALOG_DIR=$w/cat; export FUNDCHECK_CATALOG_DIR
n_fix=$(ls fixtures/*.xml | wc -l)

one() { # KIND N
    kind=$1 n=$2 db=$w/$1-$2.db
    # under ASan, leaks on the out-of-memory paths are not what this tests
    ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 timeout 120 "$SF" "$kind" "$n" scan --db "$db" --jobs 1 --no-progress fixtures >/dev/null 2>"$w/err"
    rc=$?
    inj=$(sed -n 's/^sqlfault: \([0-9]*\) faults injected$/\1/p' "$w/err")
    msg=$(grep -m 1 '^fundcheck: ' "$w/err")
    name="$kind fault from operation $n"
    if [ "$rc" -ge 124 ]; then bad "$name" "exit $rc (crash or hang): $(tail -c 300 "$w/err")"; return; fi
    if [ "${inj:-0}" -gt 0 ]; then
        if [ "$rc" -ne 4 ] || [ -z "$msg" ]; then bad "$name" "exit $rc, message '$msg'"; return; fi
    elif [ "$rc" -ne 1 ]; then
        bad "$name" "no fault reached but exit $rc"; return
    fi
    if [ -f "$db" ]; then
        ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -n 1)
        fk=$(sqlite3 "$db" 'PRAGMA foreign_key_check' 2>&1 | head -n 1)
        if [ "$ic" != ok ] || [ -n "$fk" ]; then bad "$name" "database after the fault: integrity '$ic', foreign keys '$fk'"; return; fi
    fi
    "$FUNDCHECK" scan --db "$db" --jobs 1 --no-progress fixtures >/dev/null 2>"$w/err2"
    rc2=$?
    got=$(sqlite3 "$db" "SELECT count(DISTINCT sha256) FROM filings WHERE status = 'checked'" 2>&1)
    if [ "$rc2" -ne 1 ] || [ "$got" != "$n_fix" ]; then
        bad "$name" "rescan without faults: exit $rc2, $got of $n_fix filings: $(head -c 200 "$w/err2")"; return
    fi
    ok "$name: ${inj:-0} injected, exit $rc ${msg:+($(printf '%s' "$msg" | cut -c1-60))}, database intact, rescan complete"
}
for n in 1 10 50 200 1000 3000 6000 10000; do one malloc "$n"; done
for n in 0 1 3 10 30 100 300; do one io "$n"; done
# the fault must be reachable at all: with a huge N nothing is injected and the scan completes
one malloc 100000000
echo "sqlfaults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
