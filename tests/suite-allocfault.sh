#!/bin/sh
# Out of memory inside the library is an error value, not an exit or a crash
# (build/allocfault, tests/faults/allocfault.c): the Nth allocation of the
# library (its own and PCRE2's; libxml2's is not injected, docs/library.md)
# fails once, for every N over each run below, through the public API:
#   load    ck_engine_new                      (small data dir: every N;
#                                               the shipped rules and catalogues:
#                                               every 29th N, every 97th under ASan)
#   worker  ck_worker_new + ck_check_buffer    (small data dir: every N)
#   check   ck_check_buffer on one worker      (shipped data, three fixtures and two
#                                               filings that cannot be checked: every N;
#                                               under ASan guarantee.xml and those two)
# Each N must give CK_ENOMEM with a NULL out-parameter, or CK_OK with the
# reference's result; a worker must check as before after a CK_ENOMEM; under
# ASan/LeakSanitizer (CK_ASAN=1) a crash or a leak in any N fails the run.
# Also: no library object references exit() or abort().
# Env: ROOT, BUILD, CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 1
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
AF=$BUILD/allocfault
if [ ! -x "$AF" ]; then echo "no $AF (run make)"; echo "allocfault: 0 passed, 1 failed"; exit 1; fi
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
asan=${CK_ASAN:-0}

# A small data dir: one rule file, two small catalogue files, the schemas.
small=$w/small
mkdir -p "$small/rules" "$small/catalogs" "$small/checker"
cp -R checker/schema "$small/checker/"
cp rules/guarantee.xml "$small/rules/"
cp catalogs/isac-2024-excerpt.tsv catalogs/provincial-99-sample.tsv "$small/catalogs/"

# run NAME ARGS...: one allocfault pass; it must exit 0 with a PASS line that
# injected at least $MIN (100) faults, nearly all of which ended in CK_ENOMEM.
MIN=100
run() {
    name=$1
    shift
    start=$(date +%s)
    "$AF" "$@" >"$w/out" 2>"$w/err"
    rc=$?
    took=$(($(date +%s) - start))
    line=$(grep '^PASS' "$w/out")
    k=$(echo "$line" | sed -n 's/.*: \([0-9]*\) allocations.*/\1/p')
    tried=$(echo "$line" | sed -n 's/.*, \([0-9]*\) tried.*/\1/p')
    enomem=$(echo "$line" | sed -n 's/.*, \([0-9]*\) CK_ENOMEM.*/\1/p')
    if [ "$rc" -eq 0 ] && [ -n "$line" ] && [ "${tried:-0}" -ge "$MIN" ] &&
        [ $((enomem * 10)) -ge $((tried * 8)) ]; then
        ok "$name: K=$k allocations, $tried values of N, $enomem CK_ENOMEM (${took}s)"
    else
        bad "$name" "exit $rc; $(grep -v '^note' "$w/err" | head -c 1500)"
    fi
}

run "load, small data dir, every N" load "$small" fixtures/guarantee.xml
if [ "$asan" = 1 ]; then step=97; else step=29; fi
MIN=50
run "load, shipped rules and catalogues, every ${step}th N" load --step $step . fixtures/guarantee.xml
MIN=100
run "worker + check, small data dir, every N" worker "$small" fixtures/guarantee.xml
if [ "$asan" = 1 ]; then
    fixtures="guarantee"
else
    fixtures="guarantee limits-breach industry-restricted"
fi
for f in $fixtures; do
    run "check $f.xml, shipped data, every N" check . "fixtures/$f.xml"
done

# Filings that cannot be checked: their diagnostics are built under faults too.
printf '<?xml version="1.0"?>\n<filing xmlns="urn:gif:filing:1">\n<header>\n</filing>\n' >"$w/broken.xml"
sed 's/category="[a-z-]*"/category="bogus"/; s/reportType>/reportTypo>/g' fixtures/guarantee.xml >"$w/invalid.xml"
MIN=10
run "check a not well-formed filing, every N" check . "$w/broken.xml"
run "check a schema-invalid filing (3 diagnostics), every N" check . "$w/invalid.xml"

# The program reports a failure rather than a vacuous PASS when there is no
# reference run to compare with (a data dir that does not load).
if "$AF" check "$w/nowhere" fixtures/guarantee.xml >/dev/null 2>&1; then
    bad "allocfault fails when the engine cannot load"
else
    ok "allocfault fails when the engine cannot load"
fi

# The library never ends the process itself.
users=$(for o in "$BUILD"/obj/*.o; do nm "$o" | awk -v o="${o##*/}" '$1 == "U" && ($2 == "exit" || $2 == "abort" || $2 == "_exit") {print o ":" $2}'; done | tr '\n' ' ')
[ -z "$users" ] && ok "no library object calls exit() or abort()" || bad "library objects end the process: $users"

echo "allocfault: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
