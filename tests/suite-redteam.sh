#!/bin/sh
# Precision and recall of the rule set on the red-team corpus
# (tests/redteam/*.xml, same format as tests/corpus/, written from the legal
# basis alone by an author who did not see the rules). Its labels are never
# edited to fit the rules. Skips with a message while the directory is
# absent or empty; otherwise prints the engine's per-category table and
# fails when precision or recall of any category is below 0.95.
# Environment: ROOT (repository), FUNDCHECK (binary).
set -u
: "${ROOT:?ROOT not set}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
MIN=0.95
dir="$ROOT/tests/redteam"
set -- "$dir"/*.xml
if [ ! -d "$dir" ] || [ ! -f "$1" ]; then
    echo "redteam: skipped: no red-team corpus in tests/redteam/ (it is written by a separate author)"
    echo "redteam: 0 passed, 0 failed"
    exit 0
fi
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT HUP INT TERM
"$FUNDCHECK" rules corpus --min "$MIN" "$@" >"$out" 2>&1
rc=$?
grep -v '^corpus: ' "$out"
counts=$(awk -v min="$MIN" '
    $1 ~ /^[a-z][a-z-]*$/ && NF >= 7 && $2 ~ /^[0-9]+$/ && $6 ~ /^[0-9.]+$/ && $7 ~ /^[0-9.]+$/ {
        if ($2 == 0 && $4 == 0) next
        if ($6 + 0 < min || $7 + 0 < min || $0 ~ /BELOW/) { f++; print "below threshold: " $1 > "/dev/stderr" }
        else p++
    }
    END { printf "%d %d\n", p + 0, f + 0 }' "$out")
pass=${counts% *}
fail=${counts#* }
if [ "$pass" -eq 0 ] && [ "$fail" -eq 0 ]; then
    echo "suite-redteam: no category rows in the output (engine rc=$rc)" >&2
    fail=1
fi
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    echo "suite-redteam: fundcheck rules corpus exited with $rc" >&2
    fail=1
fi
echo "redteam: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
