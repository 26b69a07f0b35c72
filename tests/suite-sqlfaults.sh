#!/bin/sh
# SQLite faults under `fundcheck scan` and `fundcheck merge` (build/sqlfault,
# tests/faults/sqlfault.c): an allocator that fails from SQLite's Nth
# allocation on (SQLITE_CONFIG_MALLOC), a VFS shim whose writes, syncs and
# truncates fail from the Nth on ("io"), and the same shim failing reads
# ("read"). For each kind and N the command must end without a crash, with
# exit 4 and a "fundcheck: ..." error when a fault was injected (its normal
# exit when it finished first, or when SQLite absorbed the fault, e.g. a
# failed read it retried, and then the findings must already be complete);
# the database must pass PRAGMA
# integrity_check and foreign_key_check; and running the same command again
# without faults must give exactly the findings of an uninterrupted run
# (every (filing hash, rule, holding, item, severity, message) row, compared
# as sorted text).
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

# The findings of a database as sorted text, without run ids or keys.
dump() { # DB
    sqlite3 "$1" "SELECT DISTINCT f.sha256, x.rule_id, ifnull(x.holding_id, ''), ifnull(x.item, ''), x.severity, x.message_en
                  FROM findings x JOIN filings f USING (filing_pk) ORDER BY 1, 2, 3, 4, 5, 6" 2>&1
}

# Two shards for merge: the fixtures split in two, scanned without faults.
mkdir -p "$w/a" "$w/b"
i=0
for f in fixtures/*.xml; do
    i=$((i + 1))
    if [ $((i % 2)) -eq 0 ]; then cp "$f" "$w/a/"; else cp "$f" "$w/b/"; fi
done
"$FUNDCHECK" scan --db "$w/shard-a.db" --jobs 1 --no-progress "$w/a" >/dev/null 2>&1
"$FUNDCHECK" scan --db "$w/shard-b.db" --jobs 1 --no-progress "$w/b" >/dev/null 2>&1
# the uninterrupted runs
"$FUNDCHECK" scan --db "$w/ref-scan.db" --jobs 1 --no-progress fixtures >/dev/null 2>&1
"$FUNDCHECK" merge --db "$w/ref-merge.db" "$w/shard-a.db" "$w/shard-b.db" >/dev/null 2>&1
rc=$?
dump "$w/ref-scan.db" >"$w/ref-scan.txt"
dump "$w/ref-merge.db" >"$w/ref-merge.txt"
n_ref=$(wc -l <"$w/ref-scan.txt")
if [ "$rc" -eq 0 ] && [ "$n_ref" -gt 0 ] && cmp -s "$w/ref-scan.txt" "$w/ref-merge.txt"; then
    ok "reference: scan and merge of two shards give the same $n_ref findings"
else
    bad "reference" "merge exit $rc; scan $n_ref findings, merge $(wc -l <"$w/ref-merge.txt")"
fi

one() { # KIND N scan|merge
    kind=$1 n=$2 cmd=$3 db=$w/$3-$1-$2.db
    if [ "$cmd" = scan ]; then
        set -- scan --db "$db" --jobs 1 --no-progress fixtures
        normal=1
    else
        set -- merge --db "$db" "$w/shard-a.db" "$w/shard-b.db"
        normal=0
    fi
    # under ASan, leaks on the out-of-memory paths are not what this tests
    ASAN_OPTIONS=${ASAN_OPTIONS:-}:detect_leaks=0 timeout 120 "$SF" "$kind" "$n" "$@" >/dev/null 2>"$w/err"
    rc=$?
    inj=$(sed -n 's/^sqlfault: \([0-9]*\) faults injected$/\1/p' "$w/err")
    msg=$(grep -m 1 '^fundcheck: ' "$w/err")
    name="$cmd: $kind fault from operation $n"
    if [ "$rc" -ge 124 ]; then bad "$name" "exit $rc (crash or hang): $(tail -c 300 "$w/err")"; return; fi
    absorbed=""
    if [ "${inj:-0}" -gt 0 ] && [ "$rc" -eq "$normal" ] && [ -z "$msg" ]; then
        # SQLite retried or did without the failed operation (a failed read
        # it can do without): then the run must be complete as it stands
        dump "$db" >"$w/got.txt"
        if ! cmp -s "$w/got.txt" "$w/ref-$cmd.txt"; then
            bad "$name" "fault injected, exit $rc without an error, but the findings differ from an uninterrupted run"; return
        fi
        absorbed=" (absorbed by SQLite, findings complete before the re-run)"
    elif [ "${inj:-0}" -gt 0 ]; then
        if [ "$rc" -ne 4 ] || [ -z "$msg" ]; then bad "$name" "exit $rc, message '$msg'"; return; fi
    elif [ "$rc" -ne "$normal" ]; then
        bad "$name" "no fault reached but exit $rc"; return
    fi
    if [ -f "$db" ]; then
        ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1 | head -n 1)
        fk=$(sqlite3 "$db" 'PRAGMA foreign_key_check' 2>&1 | head -n 1)
        if [ "$ic" != ok ] || [ -n "$fk" ]; then bad "$name" "database after the fault: integrity '$ic', foreign keys '$fk'"; return; fi
    fi
    "$FUNDCHECK" "$@" >/dev/null 2>"$w/err2"
    rc2=$?
    got=$(sqlite3 "$db" "SELECT count(DISTINCT sha256) FROM filings WHERE status = 'checked'" 2>&1)
    if [ "$rc2" -ne "$normal" ] || [ "$got" != "$n_fix" ]; then
        bad "$name" "re-run without faults: exit $rc2, $got of $n_fix filings: $(head -c 200 "$w/err2")"; return
    fi
    dump "$db" >"$w/got.txt"
    if ! cmp -s "$w/got.txt" "$w/ref-$cmd.txt"; then
        bad "$name" "re-run findings differ from an uninterrupted run: $(diff "$w/ref-$cmd.txt" "$w/got.txt" | head -n 4 | tr '\n' ' ')"
        return
    fi
    ok "$name: ${inj:-0} injected, exit $rc$absorbed ${msg:+($(printf '%s' "$msg" | cut -c1-60))}, database intact, re-run gives the same $n_ref findings"
}
for cmd in scan merge; do
    for n in 0 1 2 5 10 20 50 100 200 400 700 1000 1500 2000 3000 4500 6000 8000 10000 15000 20000; do one malloc "$n" "$cmd"; done
    for n in 0 1 2 3 5 10 20 30 50 100 200 300 500; do one io "$n" "$cmd"; done
    for n in 0 1 2 3 5 10 20 30 50 100 200 300 500 1000; do one read "$n" "$cmd"; done
    # the faults must be reachable at all: with a huge N nothing is injected
    one malloc 100000000 "$cmd"
done
echo "sqlfaults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
