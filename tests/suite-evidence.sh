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
"$FUNDCHECK" verify --help | grep -q '^用法：fundcheck verify 目录' && "$FUNDCHECK" verify --help --lang en | grep -q '^usage: fundcheck verify DIR' && ok "verify --help (Chinese; English with --lang en)" || bad "verify --help"
# ---- verify --db FILE RUN: a scan run's verdict reproduced ----
dbin="$w/db in 中文"
mkdir -p "$dbin"
cp fixtures/derivatives.xml fixtures/disguised-debt.xml fixtures/exemption.xml fixtures/limits-breach.xml \
    fixtures/direct-clean.xml "$dbin/"
head -c 900 fixtures/negative-list.xml >"$dbin/truncated.xml"
db="$w/v.db"
"$FUNDCHECK" scan --no-progress --db "$db" "$dbin" >/dev/null 2>&1
"$FUNDCHECK" verify --db "$db" 1 >"$w/vd.out" 2>"$w/vd.err"; rc=$?
if [ "$rc" = 0 ] && grep -q '^结论一致：运行 1，6 份申报$' "$w/vd.out" && [ ! -s "$w/vd.err" ]; then
    ok "verify --db: a scan run re-checked with its rule set and catalogue, identical (exit 0)"
else
    bad "verify --db" "exit $rc: $(head -c 400 "$w/vd.out") $(head -c 300 "$w/vd.err")"
fi
# a second run that skipped everything verifies too (its filings were recorded by run 1)
"$FUNDCHECK" scan --no-progress --db "$db" "$dbin" >/dev/null 2>&1
"$FUNDCHECK" verify --db "$db" --lang en 2 >"$w/vd2.out" 2>&1; rc=$?
if [ "$rc" = 0 ] && grep -q '^verdict identical: run 2, 6 filing(s)$' "$w/vd2.out"; then
    ok "verify --db: a run that skipped recorded filings (exit 0, --lang en)"
else bad "verify --db of a skipping run" "exit $rc: $(head -c 300 "$w/vd2.out")"; fi
# the recorded verdict differs from a fresh check: what differs is printed
cp "$db" "$w/v2.db"
sqlite3 "$w/v2.db" "DELETE FROM finding_rows WHERE rule_id = 'DRV-001'; UPDATE finding_rows SET severity_rank = 0 WHERE rule_id = 'DD-002'"
"$FUNDCHECK" verify --db "$w/v2.db" 1 >"$w/vd3.out" 2>&1; rc=$?
if [ "$rc" = 1 ] && grep -q '^结论不一致：运行 1' "$w/vd3.out" && grep -q '^now: .*	violation	DRV-001	' "$w/vd3.out" &&
   grep -q '^recorded: .*	notice	DD-002	' "$w/vd3.out" && grep -q '^now: .*	violation	DD-002	' "$w/vd3.out"; then
    ok "verify --db: a verdict that differs is shown line by line (exit 1)"
else bad "verify --db of a differing verdict" "exit $rc: $(head -c 400 "$w/vd3.out")"; fi
# a filing changed since the run cannot be checked again: said, exit 1
sed -i 's/IF2606/IF2609/' "$dbin/derivatives.xml"
"$FUNDCHECK" verify --db "$db" 1 >"$w/vd4.out" 2>&1; rc=$?
if [ "$rc" = 1 ] && grep -q 'derivatives.xml：文件已改变（SHA-256 ' "$w/vd4.out"; then
    ok "verify --db: a filing changed since the run (exit 1)"
else bad "verify --db of a changed filing" "exit $rc: $(head -c 300 "$w/vd4.out")"; fi
cp fixtures/derivatives.xml "$dbin/derivatives.xml"
# the current rule set or catalogue is not the run's: refused, naming the file
cp -R rules "$w/rules2"
echo '<!-- edited after the run -->' >>"$w/rules2/derivatives.xml"
"$FUNDCHECK" verify --db "$db" --rules "$w/rules2" 1 >"$w/vd5.out" 2>"$w/vd5.err"; rc=$?
if [ "$rc" = 3 ] && grep -q 'rules2/derivatives.xml：SHA-256 .*运行时为 ' "$w/vd5.err" && grep -q '拒绝核验' "$w/vd5.err"; then
    ok "verify --db refuses a rule set whose files differ from the run's (exit 3)"
else bad "verify --db with other rules" "exit $rc: $(head -c 400 "$w/vd5.err")"; fi
cp rules/derivatives.xml "$w/rules2/derivatives.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<rules xmlns="urn:fundcheck:rules:1"/>\n' >"$w/rules2/zz-extra.xml"
"$FUNDCHECK" verify --db "$db" --rules "$w/rules2" --lang en 1 >/dev/null 2>"$w/vd6.err"; rc=$?
if [ "$rc" = 3 ] && grep -q "zz-extra.xml: not part of the run's rules files" "$w/vd6.err"; then
    ok "verify --db refuses a rule set with a file the run did not have (exit 3)"
else bad "verify --db with an extra rule file" "exit $rc: $(head -c 400 "$w/vd6.err")"; fi
printf '#kind\tsei-classes\n#name\tuser table\n#status\tofficial\ngbt4754_class_code\tsei_l1_name\n6510\t软件\n' \
    >"$FUNDCHECK_CATALOG_DIR/sei-user.tsv"
"$FUNDCHECK" verify --db "$db" 1 >/dev/null 2>"$w/vd7.err"; rc=$?
rm -f "$FUNDCHECK_CATALOG_DIR/sei-user.tsv"
if [ "$rc" = 3 ] && grep -q '目录版本 .*该次运行为 ' "$w/vd7.err"; then
    ok "verify --db refuses another catalogue (exit 3)"
else bad "verify --db with another catalogue" "exit $rc: $(head -c 400 "$w/vd7.err")"; fi
"$FUNDCHECK" verify --db "$db" 99 >/dev/null 2>"$w/vd8.err"; rc=$?
if [ "$rc" = 3 ] && grep -q '没有运行 99' "$w/vd8.err"; then ok "verify --db of an unknown run: exit 3"
else bad "verify --db of an unknown run" "exit $rc: $(cat "$w/vd8.err")"; fi
"$FUNDCHECK" merge --db "$w/m.db" "$db" >/dev/null 2>&1
"$FUNDCHECK" verify --db "$w/m.db" 1 >/dev/null 2>"$w/vm.err"; rc=$?
"$FUNDCHECK" verify --db "$w/m.db" 2 >"$w/vm2.out" 2>&1; rc2=$?
if [ "$rc" = 3 ] && grep -q '是一次合并' "$w/vm.err" && [ "$rc2" = 0 ] && grep -q '^结论一致：运行 2，6 份申报$' "$w/vm2.out"; then
    ok "verify --db after merge: the merge run is refused, the shard's run verifies in the merged database"
else bad "verify --db after merge" "exit $rc/$rc2: $(cat "$w/vm.err" "$w/vm2.out" | head -c 300)"; fi
sqlite3 "$w/v2.db" "DELETE FROM run_files WHERE run_id = 1"
"$FUNDCHECK" verify --db "$w/v2.db" 1 >/dev/null 2>"$w/vd9.err"; rc=$?
if [ "$rc" = 3 ] && grep -q '未记录规则与目录文件' "$w/vd9.err"; then ok "verify --db of a run without provenance: exit 3"
else bad "verify --db of a run without provenance" "exit $rc: $(cat "$w/vd9.err")"; fi

echo "evidence: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
