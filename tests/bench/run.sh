#!/bin/sh
# Benchmarks (`make bench`, after it has built build/bench/fundcheck and
# build/bench/fcgen with -O3).
#
# Generates corpora of 1,000 and 20,000 filings (and 200,000 with
# BENCH_LARGE=1) under build/bench/corpus-N, reusing a corpus whose stamp
# (count, generator options, generator sources) matches, then measures side
# by side, on a warm page cache:
#   - the floor: xmllint --noout --stream (well-formedness only), and, for
#     corpora of up to BENCH_XSD_MAX (1000) filings, xmllint --stream
#     --schema (the XSD) for reference (it costs ~40 s at 20,000);
#   - fundcheck validate FILES and fundcheck check --format json FILES,
#     files passed by xargs in batches of BENCH_BATCH (default 1000);
#   - fundcheck scan --db fresh.db --jobs 1 DIR and --jobs $(nproc);
#   - start-up: fundcheck rules list, repeated BENCH_STARTUP (50) times;
# each with wall time and peak RSS from /usr/bin/time -v (the Debian `time`
# package, installed when missing and running as root). Rows whose command
# is not implemented yet (its --help exits non-zero) say "not available".
# The table goes to stdout and build/bench/results.txt.
#
# Environment: BENCH_LARGE=1, BENCH_SIZES="1000 20000" (overrides the
# sizes), BENCH_SEED=1, BENCH_BATCH=1000, BENCH_STARTUP=50, BENCH_XSD_MAX=1000, BENCH_JOBS
# (default nproc), FUNDCHECK, FCGEN (default build/bench/...).
# BENCH_DIR (default build/bench: corpora, databases, results.txt).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B=${BENCH_DIR:-$ROOT/build/bench}
FC=${FUNDCHECK:-$B/fundcheck}
GEN=${FCGEN:-$B/fcgen}
SIZES=${BENCH_SIZES:-1000 20000}
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 200000"
SEED=${BENCH_SEED:-1}
BATCH=${BENCH_BATCH:-1000}
XSD_MAX=${BENCH_XSD_MAX:-1000}
STARTUP=${BENCH_STARTUP:-50}
NPROC=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
JOBS=${BENCH_JOBS:-$NPROC}
GEN_OPTS="--seed $SEED --holdings 40 --max-holdings 2000 --violations 0.1 --fof 0.1 --clause-chars 200"
XSD=$ROOT/checker/schema/filing-1.xsd
RESULTS=$B/results.txt
export LC_ALL=C

mkdir -p "$B" || exit 4
log() { printf 'bench: %s\n' "$*" >&2; }
# say LINE: the results table, to stdout and results.txt
say() { printf '%s\n' "$*"; printf '%s\n' "$*" >>"$RESULTS"; }

if [ ! -x "$GEN" ]; then
    log "$GEN missing: run 'make bench'"
    exit 4
fi
command -v xmllint >/dev/null 2>&1 || { log "xmllint missing: run 'make deps'"; exit 4; }

# ---- /usr/bin/time ----------------------------------------------------------
TIME=/usr/bin/time
if ! [ -x "$TIME" ] || ! "$TIME" -v true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing the Debian 'time' package"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 &&
              DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null 2>&1; }
    fi
    if ! [ -x "$TIME" ] || ! "$TIME" -v true >/dev/null 2>&1; then
        log "GNU time unavailable: peak RSS will read n/a (install the 'time' package)"
        TIME=
    fi
fi

# now: seconds since the epoch with fractions (GNU date), for the fallback
now() { date +%s.%N 2>/dev/null || date +%s; }

# measure CMD...: runs CMD; sets T (wall seconds), RSS (peak MiB of the
# process tree, or n/a) and RC (exit status).
measure() {
    tf=$B/.time.out
    if [ -n "$TIME" ]; then
        "$TIME" -v -o "$tf" "$@"
        RC=$?
        T=$(sed -n 's/^.*Elapsed (wall clock) time.*: \([0-9:.]*\)$/\1/p' "$tf" |
            awk -F: '{ if (NF == 3) s = $1 * 3600 + $2 * 60 + $3; else s = $1 * 60 + $2; printf "%.2f", s }')
        RSS=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tf" |
              awk '{ printf "%.1f", $1 / 1024 }')
    else
        t0=$(now)
        "$@"
        RC=$?
        t1=$(now)
        T=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
        RSS=n/a
    fi
    [ -n "$T" ] || T=0
    [ -n "$RSS" ] || RSS=n/a
}

# ---- corpora ------------------------------------------------------------
gen_sum=$(cat "$ROOT"/tests/gen/*.c "$ROOT"/tests/gen/*.h 2>/dev/null | cksum | cut -d' ' -f1)

# corpus N: makes sure $B/corpus-N holds the corpus; sets DIR, LIST, BYTES.
corpus() {
    n=$1
    DIR=$B/corpus-$n
    LIST=$B/corpus-$n.list
    stamp="count=$n $GEN_OPTS gen=$gen_sum"
    if [ -f "$DIR/.stamp" ] && [ "$(cat "$DIR/.stamp")" = "$stamp" ] && [ -f "$LIST" ]; then
        log "reusing $DIR"
    else
        log "generating $n filings into $DIR"
        rm -rf "$DIR" "$DIR.tmp" "$LIST"
        # shellcheck disable=SC2086
        "$GEN" --out "$DIR.tmp" --count "$n" $GEN_OPTS || { log "fcgen failed"; exit 4; }
        mv "$DIR.tmp" "$DIR" || exit 4
        (cd "$DIR" && find . -name 'f*.xml' | sort | sed "s|^\./|$DIR/|") | tr '\n' '\0' >"$LIST"
        printf '%s\n' "$stamp" >"$DIR/.stamp"
    fi
    BYTES=$(find "$DIR" -name 'f*.xml' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
}

# ---- what is available ----------------------------------------------------
have() { [ -x "$FC" ] && "$FC" "$@" --help >/dev/null 2>&1; }
HAVE_CHECK=0 HAVE_VALIDATE=0 HAVE_SCAN=0 HAVE_RULES=0
have check && HAVE_CHECK=1
have validate && HAVE_VALIDATE=1
have scan && HAVE_SCAN=1
[ -x "$FC" ] && "$FC" rules list >/dev/null 2>&1 && HAVE_RULES=1

# ---- table ----------------------------------------------------------------
FLOOR=0
row_head() {
    say "$(printf '  %-44s %8s %8s %10s %8s %9s' what seconds MB/s filings/s 'x floor' 'RSS MiB')"
}
# row LABEL [OKRC]: prints T/RSS/RC of the last measure against n and BYTES;
# an exit status above OKRC (default 0) is shown.
row() {
    label=$1
    if [ "$RC" -gt "${2:-0}" ]; then
        label="$label [exit $RC]"
    fi
    line=$(awk -v l="$label" -v t="$T" -v n="$n" -v b="$BYTES" -v f="$FLOOR" -v r="$RSS" 'BEGIN {
        if (t <= 0) t = 0.005
        printf "  %-44s %8.2f %8.1f %10.0f %8s %9s", l, t, b / 1e6 / t, n / t,
               (f > 0 ? sprintf("%.2f", t / f) : "-"), r }')
    say "$line"
}
na() { say "$(printf '  %-44s %s' "$1" 'not available')"; }

# $B/.batch.sh FC BATCH LIST SUBCOMMAND ARGS...: fundcheck over the list in
# batches; exit statuses above 1 are collected (fundcheck exits 1 when it has
# findings, the normal case here) and the highest is the script's status.
cat >"$B/.batch.sh" <<'BATCH'
fc=$1 batch=$2 list=$3
shift 3
RCF=$(mktemp) || exit 4
export RCF ERRF
xargs -0 -n "$batch" sh -c '"$0" "$@" >/dev/null 2>>"$ERRF"; rc=$?
    [ $rc -le 1 ] || echo $rc >>"$RCF"; exit 0' "$fc" "$@" <"$list"
rc=0
[ -s "$RCF" ] && rc=$(sort -n "$RCF" | tail -n 1)
rm -f "$RCF"
exit "$rc"
BATCH
ERRF=$B/.err
export ERRF

: >"$RESULTS"
: >"$B/.err"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
say "fundcheck benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
say "host: $NPROC CPU(s) ${cpu:+($cpu)}, $(awk '/MemTotal/ { printf "%.1f GiB RAM", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
if [ -x "$FC" ]; then
    say "fundcheck: $("$FC" --version 2>/dev/null | head -n 1) ($FC)"
else
    say "fundcheck: not built ($FC)"
fi
say "xmllint: libxml $(xmllint --version 2>&1 | sed -n 's/.*using libxml version //p' | head -n 1)"
say "corpus: fcgen $GEN_OPTS"
say "MB = 10^6 bytes; warm page cache; 'x floor' = seconds / xmllint --stream seconds;"
say "RSS = peak resident set of the largest process (GNU time -v); check/validate get $BATCH files per run."

for n in $SIZES; do
    corpus "$n"
    say ""
    say "$(awk -v n="$n" -v b="$BYTES" 'BEGIN { printf "corpus-%d: %d filings, %.1f MB (%.1f KB per filing)", n, n, b / 1e6, b / n / 1e3 }')"
    row_head
    # Warm the page cache so the first row does not pay for the disk.
    xargs -0 cat <"$LIST" >/dev/null

    measure sh -c 'xargs -0 -n "$1" xmllint --noout --stream <"$2"' sh "$BATCH" "$LIST"
    FLOOR=$T
    row "xmllint --noout --stream (floor)"

    if [ -f "$XSD" ] && [ "$n" -le "$XSD_MAX" ]; then
        measure sh -c 'xargs -0 -n "$1" xmllint --noout --stream --schema "$3" <"$2" 2>/dev/null' \
            sh "$BATCH" "$LIST" "$XSD"
        row "xmllint --stream --schema filing-1.xsd"
    fi

    if [ "$HAVE_VALIDATE" = 1 ]; then
        measure sh "$B/.batch.sh" "$FC" "$BATCH" "$LIST" validate
        row "fundcheck validate" 1
    else
        na "fundcheck validate"
    fi

    if [ "$HAVE_CHECK" = 1 ]; then
        measure sh "$B/.batch.sh" "$FC" "$BATCH" "$LIST" check --format json
        row "fundcheck check --format json" 1
    else
        na "fundcheck check --format json"
    fi

    jobs_list=1
    [ "$JOBS" != 1 ] && jobs_list="1 $JOBS"
    db=$B/fresh.db
    for j in $jobs_list; do
        if [ "$HAVE_SCAN" = 1 ]; then
            rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
            measure sh -c '"$1" scan --db "$2" --jobs "$3" "$4" >/dev/null 2>>"$5"' \
                sh "$FC" "$db" "$j" "$DIR" "$ERRF"
            row "fundcheck scan --db fresh.db --jobs $j" 1
            eval "scan_t_$j=\$T"
            [ "$j" = 1 ] && scan_db_bytes=$(stat -c %s "$db" 2>/dev/null || echo 0)
        else
            na "fundcheck scan --db fresh.db --jobs $j"
        fi
    done
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
    if [ "$HAVE_SCAN" = 1 ] && [ "$JOBS" != 1 ]; then
        eval "tj=\$scan_t_$JOBS"
        say "$(awk -v a="$scan_t_1" -v b="$tj" -v j="$JOBS" -v d="$scan_db_bytes" -v x="$BYTES" 'BEGIN {
            printf "  scan --jobs %d is %.2fx faster than --jobs 1 (target >= 1.80x at 20,000 filings); database %.1f MB = %.2fx the filings (target <= 0.50x)", j, (b > 0 ? a / b : 0), d / 1e6, d / x }')"
    fi
done

# ---- archive-scale scan (issue 11): against the peer, writer share, size ----
# Corpora of distinct small filings (PEER_OPTS) of BENCH_PEER_SIZES
# (default "3000 15000"); per size, side by side: the peer
# (../shared/bench/peer_lxml.py, Python + lxml + SQLite), fundcheck scan
# --jobs 1 into a fresh database, and fundcheck check (no database) on the
# same files: scan - check is the writer's share. Database bytes against
# the filings' bytes, and system calls per filing (strace -c -f, when
# installed) for the first size. BENCH_LARGE=1 adds the time per filing at
# 100,000 small filings against 1,000, and --jobs 2 against --jobs 1 on the
# 20,000-filing corpus is printed from the table above.
PEER=${BENCH_PEER:-$ROOT/../shared/bench/peer_lxml.py}
PEER_PY=/usr/bin/python3
PEER_OPTS="--seed $SEED --holdings 3 --max-holdings 12 --violations 0.1 --fof 0.1 --clause-chars 100"
PEER_SIZES=${BENCH_PEER_SIZES:-3000 15000}
have_peer=0
[ -f "$PEER" ] && "$PEER_PY" -c 'import lxml' 2>/dev/null && have_peer=1
[ "$have_peer" = 1 ] || log "peer unavailable (python3-lxml: make deps): peer rows skipped"
# small N: makes sure $B/small-N holds N small filings; sets SDIR, SBYTES.
small() {
    SDIR=$B/small-$1
    st="count=$1 $PEER_OPTS gen=$gen_sum"
    if ! [ -f "$SDIR/.stamp" ] || [ "$(cat "$SDIR/.stamp")" != "$st" ]; then
        log "generating $1 small filings into $SDIR"
        rm -rf "$SDIR" "$SDIR.tmp"
        # shellcheck disable=SC2086
        "$GEN" --out "$SDIR.tmp" --count "$1" $PEER_OPTS >/dev/null || exit 4
        mv "$SDIR.tmp" "$SDIR" && printf '%s\n' "$st" >"$SDIR/.stamp"
    fi
    SBYTES=$(find "$SDIR" -name 'f*.xml' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
}
scan_sizes="$PEER_SIZES"
[ "${BENCH_LARGE:-0}" = 1 ] && scan_sizes="1000 $scan_sizes 100000"
if [ "$HAVE_SCAN" = 1 ]; then
    say ""
    say "archive-scale scan, distinct small filings (fcgen $PEER_OPTS), --jobs 1:"
    say "  targets: scan/peer <= 1.00x; DB/XML <= 0.50x; peak RSS <= 64 MiB (at 200,000); re-run with nothing new < 1 s at 100,000"
    say "$(printf '  %-8s %9s %9s %9s %9s %9s %9s %8s %8s %8s' filings 'peer s' 'scan s' 'check s' 'writer s' 'ms/filing' 'scan/peer' 'DB MB' 'DB/XML' 'RSS MiB')"
    first=1
    for n in $scan_sizes; do
        small "$n"
        find "$SDIR" -name 'f*.xml' -print0 | xargs -0 cat >/dev/null
        PT=-
        if [ "$have_peer" = 1 ]; then
            rm -f "$B/peer.db"
            measure "$PEER_PY" "$PEER" "$B/peer.db" "$SDIR" >/dev/null
            PT=$T
            rm -f "$B/peer.db"
        fi
        db=$B/fresh.db
        rm -f "$db" "$db-wal" "$db-shm"
        measure sh -c '"$1" scan --no-progress --db "$2" --jobs 1 "$3" >/dev/null 2>>"$4"' sh "$FC" "$db" "$SDIR" "$ERRF"
        ST=$T
        SRSS=$RSS
        DBB=$(stat -c %s "$db" 2>/dev/null || echo 0)
        measure sh -c 'find "$2" -name "f*.xml" -print0 | sort -z | xargs -0 -n 1000 "$1" check --format json >/dev/null 2>>"$3"' \
            sh "$FC" "$SDIR" "$ERRF"
        CT=$T
        say "$(awk -v n="$n" -v p="$PT" -v s="$ST" -v c="$CT" -v d="$DBB" -v x="$SBYTES" -v r="$SRSS" 'BEGIN {
            w = s - c; if (w < 0) w = 0
            printf "  %-8d %9s %9.2f %9.2f %9.2f %9.3f %9s %8.1f %8.2f %8s", n, p, s, c, w, s * 1000 / n,
                   (p == "-" ? "-" : sprintf("%.2fx", s / p)), d / 1e6, d / x, r }')"
        eval "ms_$n=\$(awk -v s=\"\$ST\" -v n=\"\$n\" 'BEGIN { printf \"%.4f\", s * 1000 / n }')"
        if [ "$first" = 1 ] && command -v strace >/dev/null 2>&1; then
            rm -f "$db" "$db-wal" "$db-shm"
            strace -f -c -o "$B/.strace" "$FC" scan --no-progress --db "$db" --jobs 1 "$SDIR" >/dev/null 2>&1
            say "$(awk -v n="$n" '/total$/ { t = $(NF - 2) } /pread64$/ { r = $4 } /pwrite64$/ { w = $4 }
                END { printf "  system calls per filing (strace -c -f, %d filings): %.1f (pread64 %.1f, pwrite64 %.1f)", n, t / n, r / n, w / n }' "$B/.strace")"
            rm -f "$B/.strace"
        fi
        first=0
        # a re-run with nothing new
        measure sh -c '"$1" scan --no-progress --db "$2" --jobs 1 "$3" >/dev/null 2>>"$4"' sh "$FC" "$db" "$SDIR" "$ERRF"
        say "$(printf '  re-run of the same %d filings (nothing new): %s s (target < 1 s at 100,000)' "$n" "$T")"
        rm -f "$db" "$db-wal" "$db-shm"
    done
    if [ -n "${ms_1000:-}" ] && [ -n "${ms_100000:-}" ]; then
        say "$(awk -v a="$ms_1000" -v b="$ms_100000" 'BEGIN { printf "  time per filing at 100,000 / at 1,000: %.2fx (target <= 1.3x)", b / a }')"
    fi
fi

# ---- check on distinct small filings (issue 10) ----------------------------
# The held-out-like mix: every fixture in fixtures/ copied with a counter
# comment appended until there are BENCH_CHECK_N (3000) distinct files.
# Side by side: the floor (xmllint --noout --stream), fundcheck check
# --format json (files in batches of BENCH_BATCH) and the peer
# (peer_lxml.py, Python + lxml + SQLite, database included); the ratios
# check/floor and check/peer, then the peak RSS of check on the largest
# filing of corpus-1000 against its size. Targets: check/floor <= 3x here
# and <= 6x on the fcgen corpus (the "x floor" column above); check/peer < 1.
CHECK_N=${BENCH_CHECK_N:-3000}
MIX=$B/mix-$CHECK_N
mix_st="count=$CHECK_N fixtures=$(cat "$ROOT"/fixtures/*.xml | cksum | cut -d' ' -f1)"
if ! [ -f "$MIX/.stamp" ] || [ "$(cat "$MIX/.stamp")" != "$mix_st" ]; then
    log "writing $CHECK_N distinct small filings into $MIX"
    rm -rf "$MIX" && mkdir -p "$MIX" || exit 4
    i=0
    while [ "$i" -lt "$CHECK_N" ]; do
        for f in "$ROOT"/fixtures/*.xml; do
            [ "$i" -lt "$CHECK_N" ] || break
            { cat "$f"; printf '<!-- copy %d -->\n' "$i"; } >"$MIX/m$i-$(basename "$f")"
            i=$((i + 1))
        done
    done
    printf '%s\n' "$mix_st" >"$MIX/.stamp"
fi
find "$MIX" -name 'm*.xml' -print0 | sort -z >"$MIX.list"
BYTES=$(find "$MIX" -name 'm*.xml' -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
n=$CHECK_N
xargs -0 cat <"$MIX.list" >/dev/null
say ""
say "$(awk -v n="$n" -v b="$BYTES" 'BEGIN { printf "check, distinct small filings (fixtures/ with a counter comment): %d filings, %.1f MB", n, b / 1e6 }')"
row_head
FLOOR=0
measure sh -c 'xargs -0 -n "$1" xmllint --noout --stream <"$2"' sh "$BATCH" "$MIX.list"
FLOOR=$T
row "xmllint --noout --stream (floor)"
CKT=-
if [ "$HAVE_CHECK" = 1 ]; then
    measure sh "$B/.batch.sh" "$FC" "$BATCH" "$MIX.list" check --format json
    CKT=$T
    row "fundcheck check --format json" 1
fi
PRT=-
# the peer writes its database into a fresh file, removed afterwards
[ "$have_peer" = 1 ] && rm -f "$B/peer-mix.db" &&
    measure "$PEER_PY" "$PEER" "$B/peer-mix.db" "$MIX" >/dev/null &&
    PRT=$T && row "peer_lxml.py (Python + lxml + SQLite)"
rm -f "$B/peer-mix.db"
say "$(awk -v c="$CKT" -v f="$FLOOR" -v p="$PRT" 'BEGIN {
    printf "  check/floor %s (target <= 3x), check/peer %s (target < 1x)",
        (c == "-" || f <= 0 ? "-" : sprintf("%.2fx", c / f)), (c == "-" || p == "-" || p <= 0 ? "-" : sprintf("%.2fx", c / p)) }')"
if [ "$HAVE_CHECK" = 1 ] && [ -d "$B/corpus-1000" ]; then
    big=$(find "$B/corpus-1000" -name 'f*.xml' -printf '%s %p\n' | sort -n | tail -n 1 | cut -d' ' -f2-)
    tiny=$ROOT/fixtures/direct-clean.xml
    measure "$FC" check --format json "$tiny" >/dev/null 2>>"$ERRF"
    R0=$RSS
    measure "$FC" check --format json "$big" >/dev/null 2>>"$ERRF"
    say "$(awk -v r="$RSS" -v r0="$R0" -v s="$(stat -c %s "$big")" 'BEGIN {
        printf "  peak RSS of check on one filing: %.1f MB file -> %s MiB (a small filing: %s MiB); above the small one: %.1fx the file size (target <= 3x)",
            s / 1e6, r, r0, (r - r0) * 1048576 / s }')"
fi

say ""
if [ "$HAVE_RULES" = 1 ]; then
    measure sh -c 'i=0; while [ $i -lt "$2" ]; do "$1" rules list >/dev/null || exit 1; i=$((i + 1)); done' \
        sh "$FC" "$STARTUP"
    say "$(awk -v t="$T" -v k="$STARTUP" -v r="$RSS" -v rc="$RC" 'BEGIN {
        printf "start-up: fundcheck rules list: %.1f ms per run (%d runs), peak RSS %s MiB%s",
               t * 1000 / k, k, r, (rc ? " [failed]" : "") }')"
else
    say "start-up: fundcheck rules list: not available"
fi
if [ -s "$B/.err" ]; then
    say "stderr of the runs (first lines):"
    head -n 5 "$B/.err" | while IFS= read -r l; do say "  $l"; done
fi
rm -f "$B/.time.out" "$B/.batch.sh"
log "results in $RESULTS"
