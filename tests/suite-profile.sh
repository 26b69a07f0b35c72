#!/bin/sh
# check --profile: over any number of filings and workers it reports each
# stage and each rule in microseconds, with the candidate calls and the
# PCRE2 searches per rule and each row's share; the profile goes to stderr
# only (stdout stays the report) and does not change the findings.
# Environment: ROOT, FUNDCHECK.
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export FUNDCHECK_CATALOG_DIR="$tmp/no-user-catalogue"
files="fixtures/guarantee.xml fixtures/disguised-debt.xml fixtures/negative-list.xml fixtures/data-quality.xml"
# shellcheck disable=SC2086
"$FUNDCHECK" check --format json $files >"$tmp/plain.json" 2>/dev/null
for jobs in 1 2; do
    # shellcheck disable=SC2086
    "$FUNDCHECK" check --format json --jobs $jobs --profile $files >"$tmp/prof.json" 2>"$tmp/prof.err"
    cmp -s "$tmp/plain.json" "$tmp/prof.json" && ok "--jobs $jobs: same report with --profile" ||
        bad "--jobs $jobs: --profile changes the report"
    grep -q '^profile: 4 filing(s) evaluated$' "$tmp/prof.err" && ok "--jobs $jobs: 4 filings summed over the workers" ||
        { bad "--jobs $jobs: filing count"; head -n 3 "$tmp/prof.err"; }
    grep -Eq '^stage +us +us/filing +share$' "$tmp/prof.err" &&
        grep -Eq '^rule +us +us/filing +share +calls +regex +skipped$' "$tmp/prof.err" &&
        ok "--jobs $jobs: microsecond, calls, regex, skipped and share columns" || bad "--jobs $jobs: column headers"
    for st in open load evaluate after output; do
        grep -Eq "^$st \\(.*\\) +[0-9]+ +[0-9.]+ +[0-9.]+%$" "$tmp/prof.err" || { bad "--jobs $jobs: stage $st"; continue; }
    done
    # every evaluated rule has a row; DD-001 runs regexes on these fixtures
    rules=$("$FUNDCHECK" rules list 2>/dev/null | grep -c '^[A-Z][A-Z]*-[0-9]')
    rows=$(grep -Ec '^[A-Z]+-[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+% +[0-9]+ +[0-9]+ +[0-9]+$' "$tmp/prof.err")
    [ "$rows" -gt 40 ] && [ "$rows" -le "$rules" ] && ok "--jobs $jobs: $rows rule rows" ||
        bad "--jobs $jobs: $rows rule rows of $rules rules"
    awk '$1 == "DD-001" && $5 > 0 && $6 > 0 && $7 > 0 { f = 1 } END { exit !f }' "$tmp/prof.err" &&
        ok "--jobs $jobs: DD-001 has calls, regex searches and skipped searches" || bad "--jobs $jobs: DD-001 counts"
    # the rule shares add up to 100% (rounding)
    awk '/^[A-Z]+-[0-9]+ / { s += $4 } END { exit !(s > 99 && s < 101) }' "$tmp/prof.err" &&
        ok "--jobs $jobs: rule shares sum to 100%" || bad "--jobs $jobs: rule shares"
done
# the prefilter's total: skipped of all searches, and the patterns with atoms
grep -Eq '^regex calls skipped by the prefilter: [1-9][0-9]* of [0-9]+ \([0-9.]+%\); [0-9]+ of [0-9]+ patterns have atoms$' "$tmp/prof.err" &&
    ok "prefilter line: searches skipped, patterns with atoms" || bad "prefilter line missing"
# calls scale with the number of filings: twice the files, twice the calls
# shellcheck disable=SC2086
"$FUNDCHECK" check --format json --profile $files $files >/dev/null 2>"$tmp/two.err"
c1=$(awk '$1 == "rules" { print $5 }' "$tmp/prof.err")
c2=$(awk '$1 == "rules" { print $5 }' "$tmp/two.err")
[ -n "$c1" ] && [ "$c2" = $((c1 * 2)) ] && ok "calls over 8 filings = 2 x over 4 ($c1)" || bad "calls $c1 vs $c2"
echo "profile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
