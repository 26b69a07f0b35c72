#!/bin/sh
# Evidence bundles: `check --evidence DIR` and `verify DIR` (checker/cli/evidence.c).
# Env: ROOT, FUNDCHECK.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 1
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
FUNDCHECK_CATALOG_DIR=$w/usercat; export FUNDCHECK_CATALOG_DIR
mkdir -p "$w/usercat" "$w/in dir 中文"
cp fixtures/derivatives.xml fixtures/lookthrough-*.xml fixtures/direct-clean.xml "$w/in dir 中文/"
in="$w/in dir 中文"
ev="$w/bundle 一"

"$FUNDCHECK" check "$in"/*.xml >"$w/plain.out" 2>"$w/plain.err"; rc0=$?
"$FUNDCHECK" check --evidence "$ev" "$in"/*.xml >"$w/ev.out" 2>"$w/ev.err"; rc1=$?
if [ "$rc0" = 1 ] && [ "$rc1" = "$rc0" ] && cmp -s "$w/plain.out" "$w/ev.out"; then
    ok "check --evidence: same report and exit code ($rc1) as without"
else
    bad "check --evidence" "exit $rc0/$rc1: $(head -c 300 "$w/ev.err")"
fi
n_files=$(grep -c '^file	' "$ev/MANIFEST" 2>/dev/null)
if [ "$n_files" = 5 ] && grep -q '^tool	fundcheck ' "$ev/MANIFEST" && grep -q '^data	[0-9a-f]\{64\}	[0-9]*	data/rules/derivatives.xml$' "$ev/MANIFEST" &&
    grep -q '	data/catalogs/isac-2024-excerpt.tsv$' "$ev/MANIFEST" && grep -q '	findings.json$' "$ev/MANIFEST" &&
    [ "$(sha256sum "$in/derivatives.xml" | cut -c1-64)" = "$(grep 'derivatives.xml$' "$ev/MANIFEST" | grep '^file' | cut -f 2)" ]; then
    ok "bundle records the filings' SHA-256, rule files, catalogues, tool version and findings"
else
    bad "bundle manifest" "$(head -c 400 "$ev/MANIFEST")"
fi
if sqlite3 :memory: "select json_valid(readfile('$ev/findings.json'))" 2>/dev/null | grep -q 1; then
    ok "findings.json is valid JSON"
else
    bad "findings.json is valid JSON"
fi

# the originals may go away: verify uses the bundle only, from any directory
rm -rf "$in"
(cd / && "$FUNDCHECK" verify "$ev") >"$w/v.out" 2>"$w/v.err"; rc=$?
if [ "$rc" = 0 ] && grep -q '^verdict identical: 5 filing(s), exit 1$' "$w/v.out"; then
    ok "verify: identical verdict without the original files (exit 0)"
else
    bad "verify" "exit $rc: $(cat "$w/v.out" "$w/v.err" | head -c 300)"
fi

# an altered file is refused
cp -R "$ev" "$w/alt"
sed -i 's/IF2606/IF2609/' "$w/alt/filings/"*/derivatives.xml
"$FUNDCHECK" verify "$w/alt" >"$w/a.out" 2>"$w/a.err"; rc=$?
if [ "$rc" = 3 ] && grep -q 'derivatives.xml:0: altered (SHA-256 ' "$w/a.err" && grep -q 'refusing' "$w/a.err"; then
    ok "verify refuses an altered filing (exit 3)"
else
    bad "verify of an altered bundle" "exit $rc: $(head -c 300 "$w/a.err")"
fi
rm -rf "$w/alt"
cp -R "$ev" "$w/alt"
rm "$w/alt/data/catalogs/gbt4754-2017.tsv"
"$FUNDCHECK" verify "$w/alt" >"$w/a.out" 2>"$w/a.err"; rc=$?
if [ "$rc" = 3 ] && grep -q 'gbt4754-2017.tsv:0: missing' "$w/a.err"; then
    ok "verify refuses a bundle with a missing catalogue file (exit 3)"
else
    bad "verify of an incomplete bundle" "exit $rc: $(head -c 300 "$w/a.err")"
fi

# a consistent bundle whose rule set was changed (and the hash rewritten):
# verify runs and says what differs
rm -rf "$w/alt"
cp -R "$ev" "$w/alt"
f=$w/alt/data/rules/derivatives.xml
awk '/<rule id="DRV-001"/ { r = 1 } r && /<condition>/ { sub(/<condition>.*<\/condition>/, "<condition>false()</condition>"); r = 0 } { print }' "$f" >"$f.new" && mv "$f.new" "$f"
h=$(sha256sum "$f" | cut -c1-64); sz=$(wc -c <"$f")
awk -v h="$h" -v sz="$sz" -F '\t' 'BEGIN { OFS = "\t" } $1 == "data" && $4 == "data/rules/derivatives.xml" { $2 = h; $3 = sz } { print }' \
    "$w/alt/MANIFEST" >"$w/alt/M" && mv "$w/alt/M" "$w/alt/MANIFEST"
"$FUNDCHECK" verify "$w/alt" >"$w/d.out" 2>"$w/d.err"; rc=$?
if [ "$rc" = 1 ] && grep -q '^verdict differs$' "$w/d.out" && grep -q '^recorded: .*"rule":"DRV-001"' "$w/d.out" &&
    ! grep -q '^now: .*"rule":"DRV-001"' "$w/d.out"; then
    ok "verify: a changed rule set gives 'verdict differs' and the lost findings (exit 1)"
else
    bad "verify of a changed rule set" "exit $rc: $(head -c 400 "$w/d.out") $(head -c 200 "$w/d.err")"
fi

mkdir -p "$w/full"; : >"$w/full/x"
"$FUNDCHECK" check --evidence "$w/full" fixtures/direct-clean.xml >/dev/null 2>"$w/f.err"; rc=$?
if [ "$rc" = 3 ] && grep -q 'must be new or empty' "$w/f.err"; then
    ok "check --evidence refuses a directory that is not empty (exit 3)"
else
    bad "check --evidence into a non-empty directory" "exit $rc: $(head -c 200 "$w/f.err")"
fi
"$FUNDCHECK" verify "$w/full" >/dev/null 2>"$w/f.err"; rc=$?
if [ "$rc" = 3 ]; then ok "verify of a directory that is not a bundle: exit 3"; else bad "verify of a non-bundle" "exit $rc"; fi
"$FUNDCHECK" verify --help | grep -q '^usage: fundcheck verify DIR' && ok "verify --help" || bad "verify --help"
echo "evidence: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
