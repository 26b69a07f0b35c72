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

# ---- the metrics in the database equal the check JSON's ----
# Every fixture: scan into a database, check --format json the same paths,
# and compare each key of `metrics` and `metricsCoverage` with the
# filing_metrics column (numbers as numbers, null as NULL).
"$FUNDCHECK" scan --no-progress --db "$tmp/m.db" fixtures/*.xml >/dev/null 2>&1
"$FUNDCHECK" check --format json fixtures/*.xml >"$tmp/m.json" 2>/dev/null
cat >"$tmp/m.sql" <<EOSQL
CREATE TEMP VIEW j AS
  SELECT json_extract(f.value, '\$.path') AS path, k.key AS key, k.value AS v, k.type AS type, 'metrics' AS part
  FROM json_each(json_extract(readfile('$tmp/m.json'), '\$.files')) f, json_each(json_extract(f.value, '\$.metrics')) k
  UNION ALL
  SELECT json_extract(f.value, '\$.path'), k.key, k.value, k.type, 'coverage'
  FROM json_each(json_extract(readfile('$tmp/m.json'), '\$.files')) f,
       json_each(json_extract(f.value, '\$.metricsCoverage')) k;
CREATE TEMP VIEW d AS
  SELECT j.path, j.part, j.key, j.v, j.type,
         CASE j.part || ':' || j.key
           WHEN 'metrics:invested' THEN m.invested_fen / 100.0
           WHEN 'metrics:earlySmallShare' THEN m.early_small_share
           WHEN 'metrics:avgHoldingYears' THEN m.avg_holding_years
           WHEN 'metrics:hardTechShare' THEN m.hard_tech_share
           WHEN 'metrics:privateShare' THEN m.private_share
           WHEN 'metrics:socialCapitalShare' THEN m.social_capital_share
           WHEN 'metrics:mainFieldShare' THEN m.main_field_share
           WHEN 'metrics:homeRegionShare' THEN m.home_region_share
           WHEN 'metrics:topInvesteeShare' THEN m.top_investee_share
           WHEN 'metrics:hhi' THEN m.hhi
           WHEN 'coverage:earlySmallShare' THEN m.early_small_coverage
           WHEN 'coverage:avgHoldingYears' THEN m.avg_holding_coverage
           WHEN 'coverage:hardTechShare' THEN m.hard_tech_coverage
           WHEN 'coverage:privateShare' THEN m.private_coverage
           WHEN 'coverage:mainFieldShare' THEN m.main_field_coverage
           WHEN 'coverage:homeRegionShare' THEN m.home_region_coverage
           ELSE 'unknown key' END AS dbv,
         m.null_reasons
  FROM j JOIN filings f ON f.path = j.path JOIN filing_metrics m ON m.filing_pk = f.filing_pk;
SELECT (SELECT count(*) FROM d), (SELECT count(*) FROM d WHERE type = 'null'),
       (SELECT count(*) FROM d WHERE type = 'null' AND instr(null_reasons, key || ': ') = 0 AND part = 'metrics'),
       (SELECT count(DISTINCT path) FROM j), (SELECT count(*) FROM filing_metrics);
SELECT 'DIFF', path, part, key, v, dbv FROM d
  WHERE NOT ((type = 'null' AND dbv IS NULL) OR (type <> 'null' AND dbv IS NOT NULL AND typeof(dbv) <> 'text'
             AND abs(v - dbv) < 1e-9));
EOSQL
sqlite3 -batch -noheader "$tmp/m.db" <"$tmp/m.sql" >"$tmp/m.out" 2>&1
set -- $(head -n 1 "$tmp/m.out" | tr '|' ' ')
if [ "${1:-0}" -ge 200 ] && [ "${4:-0}" -ge 20 ] && [ "${4:-0}" = "${5:-}" ] && ! grep -q '^DIFF\|Error' "$tmp/m.out"; then
    ok "database metrics equal the check JSON (${1:-0} values, ${4:-0} filings)"
else bad "database metrics equal the check JSON" "$(head -c 600 "$tmp/m.out")"; fi
if [ "${2:-0}" -ge 1 ] && [ "${3:-1}" = 0 ]; then ok "every null metric in the database has its reason (${2:-0} nulls)"
else bad "null metrics with reasons" "$(head -n 1 "$tmp/m.out")"; fi
sqlite3 -batch "$tmp/m.db" "SELECT count(*) FROM v_fund_metrics; SELECT count(*) FROM v_period_metrics;" >"$tmp/mv.out" 2>&1
if [ "$(sed -n 1p "$tmp/mv.out")" -ge 20 ] && [ "$(sed -n 2p "$tmp/mv.out")" -ge 5 ]; then ok "views per fund and per period"
else bad "views per fund and per period" "$(cat "$tmp/mv.out")"; fi

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

# ---- report --db X --evaluate: the preview from the stored metrics ----
# Golden (tests/golden/044-report-evaluate/, UPDATE=1 rewrites it), and the
# same per-fund blocks as `fundcheck evaluate` of the same files.
gold=tests/golden/044-report-evaluate
"$FUNDCHECK" scan --no-progress --db "$tmp/ev.db" fixtures/*.xml >/dev/null 2>&1
(cd "$tmp" && "$FUNDCHECK" report --db ev.db --evaluate >ev.out 2>&1; echo $? >ev.rc)
(cd "$tmp" && "$FUNDCHECK" report --db ev.db --evaluate --lang en >ev-en.out 2>&1)
if [ -n "${UPDATE:-}" ]; then
    mkdir -p "$gold"
    cp "$tmp/ev.out" "$gold/expect.out"
    cp "$tmp/ev-en.out" "$gold/expect-en.out"
    cp "$tmp/ev.rc" "$gold/expect.rc"
fi
for f in .out -en.out .rc; do
    if cmp -s "$tmp/ev$f" "$gold/expect$f"; then ok "report --evaluate (expect$f)"; else
        bad "report --evaluate (expect$f)"; diff -u "$gold/expect$f" "$tmp/ev$f" | head -20; fi
done
blocks() { awk 'BEGIN { RS = ""; ORS = "\n" } { gsub(/\n/, "\001"); print }' "$1" | sort | tr '\001' '\n'; }
"$FUNDCHECK" evaluate fixtures/*.xml >"$tmp/ev-files.out" 2>/dev/null
tail -n +3 "$tmp/ev.out" >"$tmp/ev-db.body"
if [ "$(grep -c '门槛' "$tmp/ev-db.body")" -ge 40 ] && [ "$(blocks "$tmp/ev-db.body")" = "$(blocks "$tmp/ev-files.out")" ]; then
    ok "report --evaluate = evaluate of the same filings, fund by fund"
else bad "report --evaluate = evaluate of the same filings" "$(blocks "$tmp/ev-db.body" | diff - "$tmp/ev-files.out" | head -c 400)"; fi
sed 's/\tsocialCapitalShare\t>=\t0.50\t/\tsocialCapitalShare\t>=\t0.65\t/' rules/evaluation-1753.tsv >"$tmp/th65.tsv"
if grep -q '社会资本占比：60.00%；门槛 ≥ 50.00% → 达到' "$tmp/ev.out" &&
   "$FUNDCHECK" report --db "$tmp/ev.db" --evaluate --thresholds "$tmp/th65.tsv" | grep -q '社会资本占比：60.00%；门槛 ≥ 65.00% → 未达到'; then
    ok "report --evaluate reads --thresholds"; else bad "report --evaluate reads --thresholds"; fi
"$FUNDCHECK" report --db "$tmp/ev.db" --evaluate --format csv >/dev/null 2>&1
if [ $? -eq 3 ]; then ok "report --evaluate refuses csv (exit 3)"; else bad "report --evaluate refuses csv"; fi

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
