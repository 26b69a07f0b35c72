#!/bin/sh
# Precision and recall of the rule set on the red-team corpus
# (tests/redteam/*.xml and tests/redteam/round2/*.xml, same format as
# tests/corpus/, each round written from the legal
# basis alone by an author who did not see the rules). Its labels are never
# edited to fit the rules. Skips a round with a message while its directory
# is absent or empty; otherwise prints the engine's per-category table and
# fails when a category falls below its recorded floor or more cases than
# recorded fire above their max-severity (the target is 0.95 everywhere).
# Environment: ROOT (repository), FUNDCHECK (binary).
set -u
: "${ROOT:?ROOT not set}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
# The target is 0.95 in every category (issue 14); until it is reached the
# suite gates on the scores measured when the corpus arrived, so that a
# regression fails, and prints each category still below the target.
MIN=0.95
FLOORS="disguised-debt 1.0 1.0 public-stock 1.0 1.0 derivatives 1.0 1.0 guarantee 1.0 1.0 unlimited-liability 1.0 1.0 negative-list 1.0 1.0 data-quality 1.0 1.0"
# Round 2 (tests/redteam/round2/) was written by a second author, also from
# ../shared/spec alone, after round 1 reached 1.000 in four categories; it
# was scored first as a held-out set. Its floors are its own.
FLOORS_ROUND2="disguised-debt 0.94 1.0 public-stock 1.0 1.0 derivatives 1.0 1.0 guarantee 1.0 1.0 unlimited-liability 1.0 1.0 negative-list 0.87 1.0 data-quality 1.0 1.0 industry-catalog 0 1 exemption 0 1"
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT HUP INT TERM
pass=0
fail=0
# score DIR FLOORS MAXBAD
score() {
    floors=$2
    maxbad=$3
    set -- "$1"/*.xml
    if [ ! -f "$1" ]; then
        echo "redteam: skipped: no red-team corpus in $(dirname "$1") (it is written by a separate author)"
        return 0
    fi
    "$FUNDCHECK" rules corpus "$@" >"$out" 2>&1
    rc=$?
    grep -v '^corpus: ' "$out"
    counts=$(awk -v min="$MIN" -v floors="$floors" '
        BEGIN { n = split(floors, a, " "); for (i = 1; i + 2 <= n; i += 3) { fp[a[i]] = a[i + 1]; fr[a[i]] = a[i + 2] } }
        $1 ~ /^[a-z][a-z-]*$/ && NF >= 7 && $2 ~ /^[0-9]+$/ && $6 ~ /^[0-9.]+$/ && $7 ~ /^[0-9.]+$/ {
            if ($2 == 0 && $4 == 0) next
            pf = ($1 in fp) ? fp[$1] : min; rf = ($1 in fr) ? fr[$1] : min
            if ($6 + 0 < pf || $7 + 0 < rf) { f++; print "regression below the recorded floor: " $1 > "/dev/stderr" }
            else p++
            if ($6 + 0 < min || $7 + 0 < min) print "target 0.95 not yet met: " $1 > "/dev/stderr"
        }
        END { printf "%d %d\n", p + 0, f + 0 }' "$out")
    p=${counts% *}
    f=${counts#* }
    if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
        echo "suite-redteam: no category rows in the output (engine rc=$rc)" >&2
        f=1
    fi
    # exit 1 only says some case failed: the floors above judge the scores
    if [ "$rc" -gt 1 ]; then
        echo "suite-redteam: fundcheck rules corpus exited with $rc" >&2
        f=$((f + 1))
    fi
    bad=$(sed -n 's/^[0-9]* cases, \([0-9]*\) invalid or too severe$/\1/p' "$out")
    if [ "${bad:-x}" = x ] || [ "$bad" -gt "$maxbad" ]; then
        echo "suite-redteam: ${bad:-?} cases invalid or fired above their max-severity (recorded: $maxbad)" >&2
        f=$((f + 1))
    else
        p=$((p + 1))
    fi
    pass=$((pass + p))
    fail=$((fail + f))
}
echo "== red team, round 1 (tests/redteam/)"
score "$ROOT/tests/redteam" "$FLOORS" 0
echo "== red team, round 2 (tests/redteam/round2/)"
score "$ROOT/tests/redteam/round2" "$FLOORS_ROUND2" 4
echo "redteam: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
