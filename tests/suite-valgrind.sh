#!/bin/sh
# valgrind memcheck over the CLI: `check` on fixtures of both encodings
# (UTF-8, GB18030) in both report formats and both languages, a look-through
# batch, hostile inputs mid-batch, `validate`, `rules test`, a rule set that
# fails to load, and a small `scan`. Any memcheck error or definite leak makes
# valgrind exit 99, which fails the case. Only on the normal build (CK_ASAN=0)
# and when valgrind is installed; skipped otherwise.
# tests/valgrind.supp holds the one suppression (PCRE2 JIT SIMD reads).
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
: "${CK_ASAN:=0}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

if [ "$CK_ASAN" != 0 ]; then
    echo "skip: valgrind runs on the normal build only (this is the ASan pass)"
    echo "valgrind: 0 passed, 0 failed"
    exit 0
fi
if ! command -v valgrind >/dev/null 2>&1; then
    echo "skip: valgrind not installed"
    echo "valgrind: 0 passed, 0 failed"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/catalogs"
FUNDCHECK_CATALOG_DIR=$work/catalogs
export FUNDCHECK_CATALOG_DIR

# vg NAME EXPECTED-EXIT ARGS...
vg() {
    name=$1 want=$2
    shift 2
    timeout 600 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --show-leak-kinds=definite --suppressions=tests/valgrind.supp --log-file="$work/vg.log" \
        "$FUNDCHECK" "$@" >"$work/out" 2>"$work/err"
    rc=$?
    if [ "$rc" -eq "$want" ] && [ ! -s "$work/vg.log" ]; then
        ok "$name (exit $rc, no memcheck errors, no leaks)"
    else
        bad "$name" "exit $rc (expected $want): $(grep -m 8 -E '==[0-9]+== +(at|by|[A-Z])' "$work/vg.log")"
    fi
}

F=fixtures
vg "check text: clean, derivatives, GB18030" 1 check $F/direct-clean.xml $F/derivatives.xml $F/gb18030.xml
vg "check json: guarantee, disguised debt, exemption" 1 check --format json $F/guarantee.xml $F/disguised-debt.xml $F/exemption.xml
vg "check en: public stock, negative list, data quality" 1 check --lang en $F/public-stock.xml $F/negative-list.xml $F/data-quality.xml
vg "check json: look-through batch" 1 check --format json $F/lookthrough-parent.xml $F/lookthrough-child-a.xml $F/lookthrough-child-b.xml
vg "check: hostile files mid-batch" 2 check $F/direct-clean.xml tests/hostile/truncated.xml tests/hostile/xxe-file.xml \
    tests/hostile/billion-laughs.xml tests/hostile/invalid-utf8.xml tests/hostile/duplicate-holding-id.xml tests/hostile/empty.xml $F/unlimited-liability.xml
vg "validate" 2 validate $F/direct-clean.xml $F/gb18030.xml tests/hostile/nul-bytes.xml
vg "rules test" 0 rules test
vg "rule set that fails to load" 3 check --rules tests/hostile/rules/invalid-xpath $F/direct-clean.xml
vg "rule set with a DTD" 3 check --rules tests/hostile/rules/xxe $F/direct-clean.xml
if "$FUNDCHECK" scan --help >/dev/null 2>&1; then
    vg "scan (2 threads)" 2 scan --no-progress --jobs 2 --db "$work/v.db" $F/direct-clean.xml $F/guarantee.xml \
        $F/lookthrough-parent.xml $F/lookthrough-child-a.xml tests/hostile/truncated.xml
fi
echo "valgrind: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
