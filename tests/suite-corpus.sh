#!/bin/sh
# Precision and recall of the rule set on the labelled corpus (tests/corpus/*.xml),
# per finding category. A category with cases passes when both precision and
# recall reach the threshold (0.95). Prints the engine's table, then
# "corpus: N passed, M failed" counting categories; exits non-zero on failure.
# Environment: ROOT (repository), FUNDCHECK (binary).
set -u
: "${ROOT:?ROOT not set}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
MIN=0.95
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT HUP INT TERM
"$FUNDCHECK" rules corpus --min "$MIN" "$ROOT"/tests/corpus/*.xml >"$out" 2>&1
rc=$?
grep -v '^corpus: ' "$out"
# Table rows: category cases TP FP FN precision recall [BELOW THRESHOLD]
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
    echo "suite-corpus: no category rows in the output (engine rc=$rc)" >&2
    fail=1
fi
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    echo "suite-corpus: fundcheck rules corpus exited with $rc" >&2
    fail=1
fi
echo "corpus: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
