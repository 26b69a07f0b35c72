#!/bin/sh
# The findings database under faults (docs/robustness.md): kill -9 during a
# scan, disk full (a small tmpfs, or `ulimit -f` where mount is not allowed),
# a read-only database, a database written by a newer schema version, two
# scans into one database at once, hostile file names. Each must end with a
# clear message (exit 4 for database errors) and leave a database that
# passes PRAGMA integrity_check; re-running the scan must then give exactly
# the rows of an uninterrupted scan: no lost and no duplicated filings or
# findings. Also checks that no SQL text is built with printf.
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN (1: smaller corpus, more time).
# Skips (with a message) while `fundcheck scan` does not exist.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
: "${CK_ASAN:=0}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
pass=0 fail=0 skip=0
ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
skip() { skip=$((skip + 1)); echo "skip $1${2:+: $2}"; }

if ! "$FUNDCHECK" scan --help >/dev/null 2>&1; then
    echo "skip: \`fundcheck scan\` is not available yet"
    echo "dbfaults: 0 passed, 0 failed"
    exit 0
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "skip: the sqlite3 shell is needed (apt-get install sqlite3)"
    echo "dbfaults: 0 passed, 0 failed"
    exit 0
fi

work=$(mktemp -d)
chmod 755 "$work"
mnt=""
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    chmod -R u+w "$work" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/catalogs"
FUNDCHECK_CATALOG_DIR=$work/catalogs
export FUNDCHECK_CATALOG_DIR

if [ "$CK_ASAN" = 1 ]; then N=40 SLOW=4; else N=120 SLOW=1; fi
"$BUILD/fcgen" --out "$work/gen" --count "$N" --seed 7 >/dev/null || {
    echo "FAIL: fcgen"
    echo "dbfaults: 0 passed, 1 failed"
    exit 1
}
cp fixtures/direct-clean.xml fixtures/guarantee.xml "$work/gen/"

q() { sqlite3 -batch "$1" "$2" 2>&1; }
scan() { # DB [extra args]: scan of the corpus, output in $work/out, $work/err, $rc
    db=$1
    shift
    timeout $((120 * SLOW)) "$FUNDCHECK" scan --lang en --no-progress --jobs 2 --db "$db" "$@" "$work/gen" \
        >"$work/out" 2>"$work/err"
    rc=$?
}
# What must not change between an uninterrupted scan and a faulted one plus
# a re-run: the filings recorded for this rule set, and their findings.
fingerprint() {
    q "$1" "SELECT count(*), count(DISTINCT sha256) FROM filings;
            SELECT f.sha256, f.status, (SELECT count(*) FROM holdings h WHERE h.filing_pk = f.filing_pk),
                   (SELECT count(*) FROM findings x WHERE x.filing_pk = f.filing_pk AND x.derived = 0)
              FROM filings f ORDER BY f.sha256;
            SELECT rule_id, severity, count(*) FROM findings WHERE derived = 0 GROUP BY 1, 2 ORDER BY 1, 2;"
}
integrity() { [ "$(q "$1" "PRAGMA integrity_check")" = ok ]; }
no_dups() { [ "$(q "$1" "SELECT count(*) = count(DISTINCT sha256 || ruleset_hash || catalog_version) FROM filings")" = 1 ]; }

# ---- reference: an uninterrupted scan ----
scan "$work/ref.db"
ref_rc=$rc
fingerprint "$work/ref.db" >"$work/ref.fp"
nfil=$(q "$work/ref.db" "SELECT count(*) FROM filings")
if [ "$rc" -le 1 ] && [ "$nfil" -eq $((N + 2)) ] && integrity "$work/ref.db"; then
    ok "reference scan: $nfil filings, exit $rc"
else
    bad "reference scan" "exit $rc, $nfil filings: $(head -c 300 "$work/err")"
fi

# ---- kill -9 during a scan, then re-run ----
kills=0 good=1
for delay in 0.2 0.5 1.0; do
    db=$work/kill.db
    rm -f "$db" "$db-wal" "$db-shm"
    "$FUNDCHECK" scan --lang en --no-progress --jobs 2 --db "$db" "$work/gen" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
    wait "$pid" 2>/dev/null
    part=$(q "$db" "SELECT count(*) FROM filings")
    if ! integrity "$db"; then
        good=0
        echo "  after kill -9 at ${delay}s: integrity_check fails"
    fi
    # every recorded filing is whole: its holdings are there
    incomplete=$(q "$db" "SELECT count(*) FROM filings f WHERE f.status = 'checked' AND f.n_holdings IS NOT NULL
                            AND f.n_holdings <> (SELECT count(*) FROM holdings h WHERE h.filing_pk = f.filing_pk)" 2>/dev/null)
    # (killed before the schema was created: no table yet, nothing to check)
    case $incomplete in ''|0|*"no such column"*|*"no such table"*) ;; *) good=0; echo "  $incomplete partial filings" ;; esac
    scan "$db"
    fingerprint "$db" >"$work/kill.fp"
    if [ "$rc" -ne "$ref_rc" ] || ! cmp -s "$work/ref.fp" "$work/kill.fp" || ! no_dups "$db"; then
        good=0
        echo "  kill at ${delay}s ($part filings recorded): re-run exit $rc differs from the reference"
        diff "$work/ref.fp" "$work/kill.fp" | head -n 5
    fi
done
if [ "$good" = 1 ]; then
    ok "kill -9 during a scan (x$kills): consistent database; re-run gives exactly the reference rows"
else
    bad "kill -9 during a scan"
fi

# ---- disk full ----
mkdir -p "$work/mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=400k tmpfs "$work/mnt" 2>/dev/null; then
    mnt=$work/mnt
    how="400 KiB tmpfs"
    scan "$mnt/full.db"
else
    how="ulimit -f 400"
    # SIGXFSZ ignored, so writes beyond the limit fail with EFBIG as on a full disk
    (trap '' XFSZ; ulimit -f 400; exec timeout $((120 * SLOW)) "$FUNDCHECK" scan --lang en --no-progress \
        --jobs 2 --db "$work/mnt/full.db" "$work/gen") >"$work/out" 2>"$work/err"
    rc=$?
fi
if [ "$rc" -eq 4 ] && grep -q -E '^fundcheck: .*(database or disk is full|disk I/O error|file too large)' "$work/err" &&
    integrity "$work/mnt/full.db"; then
    ok "disk full ($how): exit 4, '$(grep -m1 -E 'full|I/O|large' "$work/err" | cut -c1-80)', database consistent"
else
    bad "disk full ($how)" "exit $rc: $(head -c 300 "$work/err")"
fi
# room again: the re-run finishes the work
if [ -n "$mnt" ]; then
    mount -o remount,size=256m "$mnt" 2>/dev/null
fi
scan "$work/mnt/full.db"
fingerprint "$work/mnt/full.db" >"$work/full.fp"
if [ "$rc" -eq "$ref_rc" ] && cmp -s "$work/ref.fp" "$work/full.fp" && no_dups "$work/mnt/full.db"; then
    ok "disk full, then room: re-run completes with exactly the reference rows"
else
    bad "disk full, then re-run" "exit $rc: $(head -c 200 "$work/err"); $(diff "$work/ref.fp" "$work/full.fp" | head -n 3)"
fi

# ---- read-only database ----
cp "$work/ref.db" "$work/ro.db"
sum_before=$(cksum <"$work/ro.db")
if [ -n "$mnt" ] && cp "$work/ref.db" "$mnt/ro.db" && mount -o remount,ro "$mnt" 2>/dev/null; then
    how="read-only file system"
    rodb=$mnt/ro.db
    scan "$rodb" --force
    scan_rc=$rc
    cp "$work/err" "$work/ro.err"
    scan "$mnt/new.db"
    new_rc=$rc
    mount -o remount,rw "$mnt"
elif [ "$(id -u)" != 0 ] || command -v setpriv >/dev/null 2>&1; then
    how="file mode 0444, directory 0555"
    mkdir "$work/rodir"
    cp "$work/ref.db" "$work/rodir/ro.db"
    chmod 444 "$work/rodir/ro.db"
    chmod 555 "$work/rodir"
    rodb=$work/rodir/ro.db
    as=""
    [ "$(id -u)" = 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
    $as "$FUNDCHECK" scan --lang en --no-progress --force --db "$rodb" "$work/gen" >"$work/out" 2>"$work/ro.err"
    scan_rc=$?
    $as "$FUNDCHECK" scan --lang en --no-progress --db "$work/rodir/new.db" "$work/gen" >"$work/out" 2>"$work/err"
    new_rc=$?
else
    how=""
fi
if [ -z "$how" ]; then
    skip "read-only database" "no way to make a path read-only as root here"
else
    if [ "$scan_rc" -eq 4 ] && grep -q -E '^fundcheck: .*(read-only|readonly|unable to open|cannot open)' "$work/ro.err" &&
        [ "$(cksum <"$rodb")" = "$sum_before" ]; then
        ok "read-only database ($how): exit 4, '$(head -n 1 "$work/ro.err" | cut -c1-90)', file unchanged"
    else
        bad "read-only database ($how)" "exit $scan_rc: $(head -c 300 "$work/ro.err")"
    fi
    if [ "$new_rc" -eq 4 ] && grep -q -E '^fundcheck: ' "$work/err"; then
        ok "new database in a read-only place ($how): exit 4, '$(head -n 1 "$work/err" | cut -c1-90)'"
    else
        bad "new database in a read-only place ($how)" "exit $new_rc: $(head -c 300 "$work/err")"
    fi
fi

# ---- a database written by a newer fundcheck ----
cp "$work/ref.db" "$work/newer.db"
q "$work/newer.db" "PRAGMA user_version = 99" >/dev/null
sum_before=$(cksum <"$work/newer.db")
scan "$work/newer.db"
if [ "$rc" -eq 4 ] && grep -q -E '^fundcheck: .*schema version 99, newer than' "$work/err" &&
    [ "$(cksum <"$work/newer.db")" = "$sum_before" ]; then
    ok "newer schema version: exit 4, '$(head -n 1 "$work/err" | cut -c1-100)', file unchanged"
else
    bad "newer schema version" "exit $rc: $(head -c 300 "$work/err")"
fi
timeout 30 "$FUNDCHECK" report --db "$work/newer.db" >/dev/null 2>"$work/err"
rc=$?
if [ "$rc" -eq 4 ] && [ -s "$work/err" ]; then
    ok "newer schema version, report: exit 4, '$(head -n 1 "$work/err" | cut -c1-80)'"
else
    bad "newer schema version, report" "exit $rc: $(head -c 200 "$work/err")"
fi

# ---- not a database at all ----
cp fixtures/direct-clean.xml "$work/notdb.db"
scan "$work/notdb.db"
if [ "$rc" -eq 4 ] && grep -q -E '^fundcheck: .*(not a database|file is not a database)' "$work/err" &&
    cmp -s fixtures/direct-clean.xml "$work/notdb.db"; then
    ok "not a database: exit 4, '$(head -n 1 "$work/err" | cut -c1-80)', file unchanged"
else
    bad "not a database" "exit $rc: $(head -c 200 "$work/err")"
fi

# ---- two scans into one database at once ----
db=$work/two.db
"$FUNDCHECK" scan --lang en --no-progress --jobs 2 --db "$db" "$work/gen" >"$work/out1" 2>"$work/err1" &
p1=$!
"$FUNDCHECK" scan --lang en --no-progress --jobs 2 --db "$db" "$work/gen" >"$work/out2" 2>"$work/err2" &
p2=$!
wait "$p1"; rc1=$?
wait "$p2"; rc2=$?
fingerprint "$db" >"$work/two.fp"
if [ "$rc1" -le 1 ] && [ "$rc2" -le 1 ] && integrity "$db" && no_dups "$db" && cmp -s "$work/ref.fp" "$work/two.fp"; then
    ok "two scans at once: both finish (exit $rc1, $rc2), no duplicated filings, reference rows"
else
    bad "two scans at once" "exit $rc1/$rc2: $(head -c 200 "$work/err1") $(head -c 200 "$work/err2"); $(diff "$work/ref.fp" "$work/two.fp" | head -n 4)"
fi
scan "$db"
fingerprint "$db" >"$work/two2.fp"
if [ "$rc" -eq "$ref_rc" ] && cmp -s "$work/ref.fp" "$work/two2.fp"; then
    ok "two scans at once, then a re-run: nothing added"
else
    bad "two scans at once, then a re-run" "exit $rc"
fi

# ---- file names are data, never SQL ----
mkdir -p "$work/names"
cp fixtures/direct-clean.xml "$work/names/x'); DROP TABLE filings;--.xml"
cp fixtures/guarantee.xml "$work/names/\"quoted\" %s %n.xml"
timeout 60 "$FUNDCHECK" scan --lang en --no-progress --db "$work/names.db" "$work/names" >"$work/out" 2>"$work/err"
rc=$?
paths=$(q "$work/names.db" "SELECT path FROM filings ORDER BY path")
if [ "$rc" -le 1 ] && printf '%s\n' "$paths" | grep -q -F "x'); DROP TABLE filings;--.xml" &&
    printf '%s\n' "$paths" | grep -q -F '"quoted" %s %n.xml' && integrity "$work/names.db"; then
    ok "hostile file names stored verbatim (quotes, SQL, printf conversions)"
else
    bad "hostile file names" "exit $rc: $paths $(head -c 200 "$work/err")"
fi

# ---- SQL is parameterised: no SQL text built with printf ----
sqlfmt=$(grep -n -E 'sqlite3_(v|m|sn)printf|(printf|ck_buf_printf)\(.*"[^"]*(SELECT|INSERT|UPDATE|DELETE|WHERE)[^"]*%' \
    checker/*.c checker/cli/*.c 2>/dev/null)
if [ -z "$sqlfmt" ]; then
    ok "SQL is parameterised (no SQL text formatted with printf in checker/)"
else
    bad "SQL is parameterised" "$sqlfmt"
fi

[ "$skip" -gt 0 ] && echo "($skip skipped)"
echo "dbfaults: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
