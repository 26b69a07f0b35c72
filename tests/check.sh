#!/bin/sh
# Runs every test suite (tests/suite-*.sh) against the normal build, then the
# same suites against the ASan/UBSan build (suites may skip slow parts when
# CK_ASAN=1). Each suite ends its output with "NAME: N passed, M failed";
# this script sums them and prints the total as its last line.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export ROOT LC_ALL=C.UTF-8 TZ=UTC
if [ -d "$ROOT/../shared/spec" ]; then SHARED=$(cd "$ROOT/../shared" && pwd); else SHARED=; fi
export SHARED
total_pass=0 total_fail=0
run_pass() { # $1 = build dir, $2 = asan flag
    for suite in "$ROOT"/tests/suite-*.sh; do
        name=$(basename "$suite" .sh)
        log=$(mktemp)
        FUNDCHECK="$ROOT/$1/fundcheck" BUILD="$ROOT/$1" CK_ASAN=$2 sh "$suite" >"$log" 2>&1
        rc=$?
        line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
        p=$(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i == "passed,") print $(i - 1)}')
        f=$(echo "$line" | awk '{for (i = 2; i <= NF; i++) if ($i == "failed" || $i == "failed,") print $(i - 1)}')
        [ -n "$p" ] || p=0
        [ -n "$f" ] || f=0
        if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
        if [ "$f" -ne 0 ] || [ -n "${VERBOSE:-}" ]; then
            cat "$log"
        elif [ "$2" = 0 ]; then
            # measured quality figures are always shown: the corpus's
            # per-category precision/recall table and the catalogue accuracy
            grep -E '^category +cases|^[a-z-]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+|accuracy:' "$log" | sed 's/^/    /'
        fi
        echo "[$1] $name: $p passed, $f failed"
        total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
        rm -f "$log"
    done
}
# CK_BUILD: another normal build to test (make coverage: build/cov)
run_pass "${CK_BUILD:-build}" 0
if [ -z "${CK_NO_ASAN:-}" ]; then
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_pass build/asan 1
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
