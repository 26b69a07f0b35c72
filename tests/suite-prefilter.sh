#!/bin/sh
# The literal prefilter (checker/prefilter.c) must never change a finding.
# Differential test: the same program built without it
# (build/fundcheck-noprefilter, CK_NO_PREFILTER: every regex always runs)
# and the normal build check the same filings — fixtures/, the labelled
# corpus, the red-team cases, the golden inputs and generated filings with
# many violations — and their reports must be byte-identical, in both
# languages; `rules test` (every rule example) and `rules corpus --cases`
# must agree too. Then `check --profile` must show searches skipped (the
# prefilter is on in the normal build and off in the other).
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
NOPF=$BUILD/fundcheck-noprefilter
if ! [ -x "$NOPF" ]; then
    bad "fundcheck-noprefilter missing (make all builds it)"
    echo "prefilter: $pass passed, $fail failed"
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=$(find fixtures tests/corpus tests/redteam tests/golden -name '*.xml' | sort)
n=0
if [ -x "$BUILD/fcgen" ]; then
    "$BUILD/fcgen" --out "$tmp/gen" --count "${CK_PREFILTER_GEN:-40}" --seed 7 --holdings 12 \
        --max-holdings 60 --violations 0.5 --fof 0.2 --clause-chars 300 >/dev/null 2>&1 &&
        n=$(find "$tmp/gen" -name '*.xml' | wc -l)
fi
[ "$n" -gt 0 ] && files="$files $(find "$tmp/gen" -name '*.xml' | sort)"
count=$(echo "$files" | wc -w)
for lang in zh en; do
    # shellcheck disable=SC2086
    "$FUNDCHECK" check --format json --lang $lang $files >"$tmp/pf.$lang" 2>"$tmp/pf.$lang.err"
    rc1=$?
    # shellcheck disable=SC2086
    "$NOPF" check --format json --lang $lang $files >"$tmp/nopf.$lang" 2>"$tmp/nopf.$lang.err"
    rc2=$?
    if [ "$rc1" = "$rc2" ] && cmp -s "$tmp/pf.$lang" "$tmp/nopf.$lang" && [ -s "$tmp/pf.$lang" ]; then
        ok "check --lang $lang: $count filings ($n generated), same report with and without the prefilter"
    else
        bad "check --lang $lang: reports differ (exit $rc1 vs $rc2)"
        diff "$tmp/pf.$lang" "$tmp/nopf.$lang" | head -20
    fi
done
grep -q '"rule":"DD-' "$tmp/pf.zh" && grep -q '"rule":"GU-' "$tmp/pf.zh" &&
    ok "the filings have regex-driven findings (DD-, GU-)" || bad "no regex-driven findings: the comparison proves nothing"
"$FUNDCHECK" rules test >"$tmp/rt1" 2>&1
rc1=$?
"$NOPF" rules test >"$tmp/rt2" 2>&1
rc2=$?
[ "$rc1" = 0 ] && [ "$rc2" = 0 ] && cmp -s "$tmp/rt1" "$tmp/rt2" &&
    ok "rules test: every rule example, same result" || bad "rules test differs (exit $rc1 vs $rc2)"
"$FUNDCHECK" rules corpus --cases tests/corpus/*.xml >"$tmp/rc1" 2>&1
"$NOPF" rules corpus --cases tests/corpus/*.xml >"$tmp/rc2" 2>&1
cmp -s "$tmp/rc1" "$tmp/rc2" && [ -s "$tmp/rc1" ] && ok "rules corpus --cases: same rules fired per case" ||
    bad "rules corpus --cases differs"
# shellcheck disable=SC2086
"$FUNDCHECK" check --format json --profile $files >/dev/null 2>"$tmp/prof1"
# shellcheck disable=SC2086
"$NOPF" check --format json --profile $files >/dev/null 2>"$tmp/prof2"
s1=$(sed -n 's/^regex calls skipped by the prefilter: \([0-9]*\) of \([0-9]*\).*/\1 \2/p' "$tmp/prof1")
s2=$(sed -n 's/^regex calls skipped by the prefilter: \([0-9]*\) of \([0-9]*\).*/\1 \2/p' "$tmp/prof2")
if [ -n "$s1" ] && [ "${s1% *}" -gt 0 ] && [ "${s2% *}" = 0 ]; then
    ok "profile: $s1 (skipped, of all) with the prefilter; none skipped without"
else
    bad "profile counts: '$s1' with, '$s2' without"
fi
echo "prefilter: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
