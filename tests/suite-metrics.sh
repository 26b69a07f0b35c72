#!/bin/sh
# Direction metrics and the layout report (Amendment 1):
#  - the worked example of docs/metrics.md: every number in its
#    "worked-example" block equals what `check --format json` computes for
#    the fixture it names;
#  - `report --db X --layout` (text and CSV) on tests/metrics/layout/ against
#    tests/golden/042-report-layout/ (UPDATE=1 rewrites them);
#  - the strategic-emerging-industries table: `catalog stats` shows it and a
#    table in the user catalogue dir replaces the shipped one.
# Env: ROOT, FUNDCHECK.
set -u
cd "$ROOT" || exit 1
FUNDCHECK_CATALOG_DIR=$(mktemp -d); export FUNDCHECK_CATALOG_DIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$FUNDCHECK_CATALOG_DIR"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
q() { sqlite3 -batch -noheader :memory: "$1" 2>&1; }

# ---- the worked example ----
fixture=$(sed -n 's/^<!-- worked-example: \(.*\) -->$/\1/p' docs/metrics.md | head -n 1)
if [ -z "$fixture" ] || [ ! -f "$fixture" ]; then
    bad "docs/metrics.md names its worked example's fixture"
else
    "$FUNDCHECK" check --format json "$fixture" >"$tmp/we.json" 2>/dev/null
    # the block: lines "    key = value" between the marker and the next fence
    awk '/^<!-- worked-example: /{on=1; next} on && /^```$/{fences++; if (fences == 2) exit; next} on && fences == 1' docs/metrics.md |
        sed -n 's/^    \([A-Za-z.]*\) = \([-0-9.a-z]*\)$/\1 \2/p' >"$tmp/we.txt"
    n=0
    while read -r k v; do
        n=$((n + 1))
        got=$(q "select coalesce(json_extract(readfile('$tmp/we.json'), '\$.files[0].$k'), 'null');")
        # compare as numbers: 0.5 and 0.50 are the same value
        same=$(q "select case when '$v' = 'null' or '$got' = 'null' then '$v' = '$got' else abs($v - ($got)) < 1e-12 end;")
        if [ "$same" = 1 ]; then ok "worked example $k = $v"; else bad "worked example $k" "docs say $v, check computes $got"; fi
    done <"$tmp/we.txt"
    [ "$n" -ge 10 ] || bad "worked example has every metric ($n numbers found)"
fi

# ---- report --layout ----
gold=tests/golden/042-report-layout
"$FUNDCHECK" scan --no-progress --db "$tmp/layout.db" tests/metrics/layout >/dev/null 2>&1
rc=$?
if [ "$rc" -le 1 ]; then ok "scan the layout test data ($rc)"; else bad "scan the layout test data ($rc)"; fi
(cd "$tmp" && "$FUNDCHECK" report --db layout.db --layout >layout.out 2>&1; echo $? >layout.rc)
(cd "$tmp" && "$FUNDCHECK" report --db layout.db --layout --format csv --lang en >layout.csv 2>&1)
if [ -n "${UPDATE:-}" ]; then
    mkdir -p "$gold"
    cp "$tmp/layout.out" "$gold/expect.out"
    cp "$tmp/layout.csv" "$gold/expect.csv"
    cp "$tmp/layout.rc" "$gold/expect.rc"
fi
for f in out csv rc; do
    if cmp -s "$tmp/layout.$f" "$gold/expect.$f"; then ok "report --layout ($f)"; else
        bad "report --layout ($f)"; diff -u "$gold/expect.$f" "$tmp/layout.$f" | head -20; fi
done
"$FUNDCHECK" report --db "$tmp/layout.db" --layout --format json >/dev/null 2>&1
if [ $? -eq 3 ]; then ok "report --layout refuses json (exit 3)"; else bad "report --layout refuses json"; fi
"$FUNDCHECK" report --db "$tmp/layout.db" --layout --min-share 2 >/dev/null 2>&1
if [ $? -eq 3 ]; then ok "--min-share out of range: exit 3"; else bad "--min-share out of range"; fi
# a lower threshold finds more: C27 (2 funds) appears with --min-funds 2
if "$FUNDCHECK" report --db "$tmp/layout.db" --layout --min-funds 2 --format csv | grep -q '^concentration,440000,C27,'; then
    ok "--min-funds 2 finds the two-fund concentration"; else bad "--min-funds 2"; fi

# ---- evaluate: thresholds are data ----
cp rules/evaluation-1753.tsv "$tmp/th.tsv"
sed -i 's/\tearlySmallShare\t>=\t0.70\t/\tearlySmallShare\t>=\t0.50\t/' "$tmp/th.tsv"
# limits-near.xml has earlySmallShare 0.5: not reached at 0.70, reached (equal) at 0.50
if "$FUNDCHECK" evaluate fixtures/limits-near.xml | grep -q '投早投小占比：50.00%；门槛 ≥ 70.00% → 未达到' &&
   "$FUNDCHECK" evaluate --thresholds "$tmp/th.tsv" fixtures/limits-near.xml | grep -q '投早投小占比：50.00%；门槛 ≥ 50.00% → 达到'; then
    ok "evaluate reads its thresholds from the data file"; else bad "evaluate reads its thresholds from the data file"; fi
printf 'group\tgroup_zh\tgroup_en\tindicator\top\tvalue\tsource\tconfidence\tnote\nx\tx\tx\tnoSuchMetric\t>=\t1\ts\tS\t\n' >"$tmp/bad.tsv"
"$FUNDCHECK" evaluate --thresholds "$tmp/bad.tsv" fixtures/limits-near.xml >/dev/null 2>"$tmp/err"
if [ $? -eq 3 ] && grep -q 'bad.tsv:2: bad threshold' "$tmp/err"; then ok "a bad threshold file: exit 3 with file:line"; else bad "a bad threshold file"; fi
echo 'not xml' >"$tmp/bad.xml"
"$FUNDCHECK" evaluate "$tmp/bad.xml" fixtures/limits-near.xml >"$tmp/out" 2>/dev/null
rcx=$?
if [ $rcx -eq 2 ] && grep -q 'limits-near.xml' "$tmp/out"; then ok "evaluate: a bad filing exits 2, the batch goes on"; else bad "evaluate: a bad filing ($rcx)"; fi

# ---- the strategic-emerging-industries table ----
if "$FUNDCHECK" catalog stats | grep -q '战略性新兴产业分类表：.*939 行，GB/T 4754 小类 469 个'; then
    ok "catalog stats shows the shipped table"; else bad "catalog stats shows the shipped table"; fi
printf '#kind\tsei-classes\n#name\tuser table\n#status\tofficial\ngbt4754_class_code\tsei_l1_name\n6510\t软件\n' \
    >"$FUNDCHECK_CATALOG_DIR/sei-user.tsv"
if "$FUNDCHECK" catalog stats | grep -q 'user table.*1 行.*（用户目录）'; then
    ok "a user table replaces the shipped one"; else bad "a user table replaces the shipped one"; fi
# fixtures/limits-near.xml: only H004 (I6510, 150 of 500) is hard tech under the user table
"$FUNDCHECK" check --format json fixtures/limits-near.xml >"$tmp/user.json" 2>/dev/null
got=$(q "select json_extract(readfile('$tmp/user.json'), '\$.files[0].metrics.hardTechShare');")
if [ "$got" = 0.3 ]; then ok "hardTechShare follows the user table (0.3)"; else bad "hardTechShare with the user table" "$got"; fi
printf '#kind\tsei-classes\n#name\tbad\ngbt4754_class_code\n39X1\n' >"$FUNDCHECK_CATALOG_DIR/sei-user.tsv"
"$FUNDCHECK" check fixtures/limits-near.xml >/dev/null 2>"$tmp/err"
if [ $? -eq 3 ] && grep -q 'bad GB/T 4754 class code' "$tmp/err"; then ok "a malformed table: exit 3 with the line"; else bad "a malformed table"; fi
rm -f "$FUNDCHECK_CATALOG_DIR/sei-user.tsv"

echo "metrics: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
