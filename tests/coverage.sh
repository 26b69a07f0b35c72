#!/bin/sh
# Line and branch coverage of the library (checker/*.c) by the test suites:
# `make coverage` builds build/cov/ with --coverage, then this script runs
# every suite against it (normal pass only) and summarises with lcov.
# Writes build/cov/library.info and build/cov/summary.txt; HTML with
# COVERAGE_HTML=1 (build/cov/html/). Test failures are reported, not fatal:
# the figure is what the suites exercised.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 4
B=build/cov
command -v lcov >/dev/null 2>&1 || { echo "coverage: lcov not found (apt-get install lcov)" >&2; exit 4; }
find "$B" -name '*.gcda' -delete 2>/dev/null
CK_NO_ASAN=1 CK_BUILD=$B sh tests/check.sh >"$B/suites.log" 2>&1
echo "suites: $(tail -n 1 "$B/suites.log")"
RC="--rc lcov_branch_coverage=1"
# shellcheck disable=SC2086
lcov $RC --quiet --capture --directory "$B/obj" --output-file "$B/all.info" >/dev/null 2>"$B/lcov.err" || {
    cat "$B/lcov.err" >&2; exit 4; }
# the library only: checker/*.c, not the commands in checker/cli/
# shellcheck disable=SC2086
lcov $RC --quiet --extract "$B/all.info" "$ROOT/checker/*" --output-file "$B/lib1.info" >/dev/null &&
    lcov $RC --quiet --remove "$B/lib1.info" "$ROOT/checker/cli/*" --output-file "$B/library.info" >/dev/null || exit 4
# shellcheck disable=SC2086
lcov $RC --summary "$B/library.info" 2>&1 | grep -E 'lines|functions|branches' | tee "$B/summary.txt"
echo "per file (lines):"
# shellcheck disable=SC2086
lcov $RC --list "$B/library.info" 2>/dev/null | grep -E '^\s*[a-z_]+\.c' | sed 's/^/  /'
if [ -n "${COVERAGE_HTML:-}" ] && command -v genhtml >/dev/null 2>&1; then
    genhtml $RC --quiet --output-directory "$B/html" "$B/library.info" && echo "html: $B/html/index.html"
fi
