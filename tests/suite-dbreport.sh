#!/bin/sh
# The regulator's database report (checker/cli/dbreport*.c, docs/formats.md
# "report (a database)"): the HTML page of a database (stable section ids,
# one chart bar per province, one section per fund, every finding, the legal
# basis exactly as the rules table stores it, exempted findings, error files,
# runs, the layout tables), hostile text escaped, `--output`, `--fund USCC`
# in every format (only that fund's findings; unknown fund exit 3),
# interrupted and killed runs and missing look-through in text, JSON and
# HTML. Counts are compared with SQL over the same database.
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
: "${CK_ASAN:=0}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
FC=$FUNDCHECK
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
check() { # NAME TEST [DETAIL]
    if eval "$2"; then ok "$1"; else bad "$1" "${3:-}"; fi
}
if ! command -v sqlite3 >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "skip: sqlite3 and python3 are needed"
    echo "dbreport: 0 passed, 0 failed"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/catalogs"
FUNDCHECK_CATALOG_DIR=$T/catalogs FUNDCHECK_CONFIG=
export FUNDCHECK_CATALOG_DIR FUNDCHECK_CONFIG
q() { sqlite3 -batch "$1" "$2" 2>&1; }
# python3 tests/dbreport/page.py FILE QUERY...: facts read from the page
H="python3 tests/dbreport/page.py"

# ---- the demo database (as make demo builds it) ----
DEMO_DB="$T/demo.db" DEMO_DIR="$T/demo-filings" FUNDCHECK="$FC" sh tests/demo.sh >"$T/demo.out" 2>&1
D=$T/demo.db
"$FC" report --db "$D" --format html >"$T/d.html" 2>"$T/d.err"
rc1=$?
"$FC" report --db "$D" --format html --output html="$T/d2.html" >"$T/d3.html" 2>/dev/null
rc2=$?
"$FC" report --db "$D" --quiet --output html="$T/d4.html" >"$T/d4.out" 2>/dev/null
rc3=$?
check "html: --format html and --output html=FILE give the same page, exit 0" \
    '[ "$rc1$rc2$rc3" = 000 ] && [ -s "$T/d.html" ] && cmp -s "$T/d.html" "$T/d2.html" && cmp -s "$T/d.html" "$T/d3.html" && cmp -s "$T/d.html" "$T/d4.html" && [ ! -s "$T/d4.out" ]' \
    "rc $rc1 $rc2 $rc3 $(head -c 300 "$T/d.err")"
check "html: every main section has its id, once" \
    '[ "$($H "$T/d.html" ids summary charts funds findings exempted errors runs layout warnings)" = "1 1 1 1 1 1 1 1 1" ]' \
    "$($H "$T/d.html" ids summary charts funds findings exempted errors runs layout warnings)"
check "html: self-contained (no script, no external resource, CSP default-src none)" \
    '! grep -qiE "<script|<link|<img|<iframe| src=|url\(" "$T/d.html" && [ -z "$(grep -oE "https?://[^\"'"'"' ]*" "$T/d.html" | grep -v "^http://www.w3.org/2000/svg$")" ] && grep -q "default-src '"'"'none'"'"'" "$T/d.html"'
sql_prov=$(q "$D" "SELECT DISTINCT coalesce(substr(region, 1, 2) || '0000', '') FROM v_current_filings ORDER BY 1" | tr '\n' ' ')
html_prov=$($H "$T/d.html" bars chart-province)
check "html: chart-province is an <svg> with one bar per province of the database ($(echo $sql_prov | wc -w))" \
    '[ -n "$sql_prov" ] && [ "$html_prov" = "$sql_prov" ] && [ "$($H "$T/d.html" svg chart-province)" = 1 ]' \
    "html [$html_prov] sql [$sql_prov]"
sql_pv=$(q "$D" "SELECT count(*) FROM v_findings WHERE exempted = 0 AND province = '330000'")
check "html: a province bar's value is the SQL count of its findings" \
    '[ "$($H "$T/d.html" value chart-province 330000)" = "$sql_pv" ]' "sql $sql_pv"
check "html: charts by category, severity, level, fund and period are there" \
    '[ "$($H "$T/d.html" ids chart-category chart-severity chart-level chart-fund chart-period chart-layout chart-homogeneity)" = "1 1 1 1 1 1 1" ] && [ "$($H "$T/d.html" value chart-severity 违规)" = "$(q "$D" "SELECT count(*) FROM v_findings WHERE exempted = 0 AND severity = '"'violation'"'")" ]'
sql_funds=$(q "$D" "SELECT DISTINCT fund_uscc FROM v_current_filings ORDER BY 1" | tr '\n' ' ')
check "html: one section fund-USCC per fund of the current filings" \
    '[ "$($H "$T/d.html" funds)" = "$sql_funds" ]' "$($H "$T/d.html" funds)"
n_sql=$(q "$D" "SELECT count(*) FROM v_findings")
n_viol=$(q "$D" "SELECT count(*) FROM v_findings WHERE severity = 'violation'")
n_ex=$(q "$D" "SELECT count(*) FROM v_findings WHERE exempted = 1")
check "html: every finding once ($n_sql), by severity and exemption as in SQL" \
    '[ "$($H "$T/d.html" findings)" = "$n_sql" ] && [ "$($H "$T/d.html" findings violation)" = "$n_viol" ] && [ "$($H "$T/d.html" exempted-rows)" = "$n_ex" ] && [ "$n_ex" -ge 1 ]' \
    "$($H "$T/d.html" findings) $($H "$T/d.html" findings violation) $($H "$T/d.html" exempted-rows)"
q "$D" "SELECT DISTINCT rule_id || char(9) || legal_basis FROM v_findings ORDER BY 1" >"$T/basis.sql"
$H "$T/d.html" basis | sort -u >"$T/basis.html"
check "html: each finding's legal basis is exactly the rules table's text (no invented wording)" \
    '[ -s "$T/basis.sql" ] && cmp -s "$T/basis.sql" "$T/basis.html"' "$(diff "$T/basis.sql" "$T/basis.html" | head -5)"
check "html: the exempted finding names its exempting document" \
    'grep -q "<td class=\"document\">$(q "$D" "SELECT exempted_by FROM v_findings WHERE exempted = 1 LIMIT 1")</td>" "$T/d.html"'
check "html: files that could not be checked listed ($(q "$D" "SELECT count(*) FROM v_error_filings"))" \
    '[ "$($H "$T/d.html" rows errors error-file)" = "$(q "$D" "SELECT count(*) FROM v_error_filings")" ] && grep -q "truncated.xml" "$T/d.html"'
"$FC" report --db "$D" --layout --format csv >"$T/layout.csv" 2>/dev/null
check "html: the layout tables have the rows of report --layout" \
    '[ "$($H "$T/d.html" rows layout-divisions division)" = "$(grep -c "^division," "$T/layout.csv")" ] && [ "$($H "$T/d.html" rows layout-homogeneity homogeneity)" = "$(grep -c "^homogeneity," "$T/layout.csv")" ]'
check "html: a fund section shows its direction metrics and limit findings" \
    '$H "$T/d.html" fund-metrics 91330200MA2K4Q8R1M | grep "earlySmallShare=18.18%" >/dev/null && [ "$($H "$T/d.html" fund-limits "$(q "$D" "SELECT fund_uscc FROM v_findings WHERE category = '"'limit'"' LIMIT 1")")" -ge 1 ]'
"$FC" report --db "$D" --format html --lang en >"$T/en.html" 2>/dev/null
check "html: Chinese by default, English with --lang en" \
    'grep -q "<html lang=\"zh-CN\">" "$T/d.html" && grep -q "<h2>汇总</h2>" "$T/d.html" && grep -q "<html lang=\"en\">" "$T/en.html" && grep -q "<h2>Summary</h2>" "$T/en.html"'

# ---- text and JSON: runs and error files ----
"$FC" report --db "$D" >"$T/d.txt" 2>&1
"$FC" report --db "$D" --format json >"$T/d.json" 2>/dev/null
check "text: runs and the files that could not be checked" \
    'grep -q "^运行$" "$T/d.txt" && grep -q "^无法检查的文件$" "$T/d.txt" && grep -q "truncated.xml:" "$T/d.txt"'
check "json: runs, errorFilings and warnings members, counts as in SQL" \
    '[ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d[\"runs\"]), len(d[\"errorFilings\"]), d[\"warnings\"])" "$T/d.json")" = "$(q "$D" "SELECT count(*) FROM runs") $(q "$D" "SELECT count(*) FROM v_error_filings") []" ]' \
    "$(head -c 300 "$T/d.json")"

# ---- --fund USCC ----
F=91120000MA07L7N9PJ
n_f=$(q "$D" "SELECT count(*) FROM v_findings WHERE fund_uscc = '$F'")
"$FC" report --db "$D" --fund "$F" >"$T/f.txt" 2>&1
"$FC" report --db "$D" --fund "$F" --format json >"$T/f.json" 2>&1
"$FC" report --db "$D" --fund "$F" --format csv >"$T/f.csv" 2>&1
"$FC" report --db "$D" --fund "$F" --format html >"$T/f.html" 2>&1
check "--fund: JSON has exactly that fund's findings ($n_f), its filings and metrics" \
    '[ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); f=d[\"findings\"]; print(len(f), set(x[\"fundUscc\"] for x in f) == {d[\"fund\"][\"uscc\"]}, len(d[\"filings\"]) >= 1, len(d[\"metrics\"]) >= 1)" "$T/f.json")" = "$n_f True True True" ]' \
    "$(head -c 300 "$T/f.json")"
check "--fund: CSV (BOM) has one row per finding of that fund only" \
    '[ "$(head -c 3 "$T/f.csv" | od -An -tx1 | tr -d " ")" = efbbbf ] && [ "$(python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8-sig\"))); print(len(r), set(x[\"fund_uscc\"] for x in r))" "$T/f.csv")" = "$n_f {'"'$F'"'}" ]'
check "--fund: text lists the filings by period, metrics, limits, chains and the findings" \
    'grep -q "^各报告期的申报$" "$T/f.txt" && grep -q "投早投小占比" "$T/f.txt" && grep -q "^限额" "$T/f.txt" && grep -q "^穿透链$" "$T/f.txt" && [ "$(grep -c "^  \[" "$T/f.txt")" = "$n_f" ]'
check "--fund: HTML page has only that fund's section and findings" \
    '[ "$($H "$T/f.html" funds)" = "$F " ] && [ "$($H "$T/f.html" findings)" = "$n_f" ] && [ "$($H "$T/f.html" finding-funds)" = "$F" ] && [ "$($H "$T/f.html" ids runs layout errors)" = "0 0 0" ]'
# a chain: the fund-of-funds parent of the look-through fixtures
P=$(q "$D" "SELECT fund_uscc FROM v_findings WHERE derived = 1 LIMIT 1")
n_lt=$(q "$D" "SELECT count(*) FROM v_findings WHERE derived = 1 AND fund_uscc = '$P'")
"$FC" report --db "$D" --fund "$P" --format json >"$T/p.json" 2>&1
check "--fund: look-through chains of a parent fund ($n_lt)" \
    '[ "$n_lt" -ge 1 ] && [ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d[\"lookthrough\"]), all(x[\"chain\"] for x in d[\"lookthrough\"]))" "$T/p.json")" = "$n_lt True" ]'
"$FC" report --db "$D" --fund 91000000XXXXXXXXXX >"$T/u.out" 2>"$T/u.err"
rc=$?
"$FC" report --db "$D" --fund 91000000XXXXXXXXXX --lang en >/dev/null 2>"$T/u-en.err"
rc_en=$?
check "--fund: an unknown USCC is exit 3 with a Chinese message (English with --lang en)" \
    '[ "$rc$rc_en" = 33 ] && grep -q "没有统一社会信用代码为 91000000XXXXXXXXXX 的基金" "$T/u.err" && grep -q "no filing of fund" "$T/u-en.err" && [ ! -s "$T/u.out" ]'

# ---- usage ----
"$FC" report --db "$D" --output nosuch=x >/dev/null 2>"$T/o.err"; rc1=$?
"$FC" report --db "$D" --layout --format html >/dev/null 2>&1; rc2=$?
"$FC" report --db "$D" --output html="$T/no/such/dir/x.html" --quiet 2>/dev/null; rc3=$?
"$FC" diff --db "$D" --format html 1 1 >/dev/null 2>&1; rc4=$?
check "usage: bad --output is 3, --layout html is 3, an unwritable --output is 4, diff has no html (3)" \
    '[ "$rc1$rc2$rc3$rc4" = 3343 ] && grep -q "格式=路径" "$T/o.err"' "$rc1$rc2$rc3$rc4"
"$FC" report --db "$D" --output text="$T/o.txt" --output json="$T/o.json" --quiet >"$T/o.out" 2>/dev/null
check "--output: several files at once, the same bytes as on standard output" \
    'cmp -s "$T/o.txt" "$T/d.txt" && cmp -s "$T/o.json" "$T/d.json" && [ ! -s "$T/o.out" ]'

# ---- hostile text: a fund name with <script> and &, a file name with < and & ----
mkdir -p "$T/h"
sed -e 's|<name>南漪市科技成果转化基金合伙企业（有限合伙）</name>|<name>\&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; "基金" '"'"'x'"'"'</name>|' \
    fixtures/derivatives.xml >"$T/h/a<b>&c.xml"
"$FC" scan --no-progress --db "$T/h.db" "$T/h" >/dev/null 2>&1
"$FC" report --db "$T/h.db" --format html >"$T/h.html" 2>/dev/null
rc=$?
"$FC" report --db "$T/h.db" --format json >"$T/h.json" 2>/dev/null
"$FC" report --db "$T/h.db" --fund 91330200MA2K4Q8R1M --format html >"$T/hf.html" 2>/dev/null
check "hostile: the fund name is stored as filed" \
    '[ "$(q "$T/h.db" "SELECT fund_name FROM filings")" = "<script>alert(1)</script> & \"基金\" '"'"'x'"'"'" ]'
check "hostile: <script> and & in names and paths are escaped in the HTML (database and fund page)" \
    '[ "$rc" = 0 ] && ! grep -q "<script" "$T/h.html" "$T/hf.html" && grep -q "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;基金&quot; &#39;x&#39;" "$T/h.html" && grep -q "&lt;script&gt;" "$T/hf.html" && grep -q "a&lt;b&gt;&amp;c.xml" "$T/h.html" && ! grep -q "a<b>" "$T/h.html"'
check "hostile: the JSON report still parses" \
    'python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$T/h.json"'

# ---- interrupted runs: Ctrl-C, kill -9, then a complete re-run ----
if [ -x "$BUILD/fcgen" ]; then
    if [ "$CK_ASAN" = 1 ]; then N=150; else N=400; fi
    "$BUILD/fcgen" --out "$T/gen" --count "$N" --seed 5 --fof 0.3 >/dev/null 2>&1
    wait_rows() { # DB N: until the database has more than N filings
        n=0
        while [ "$n" -lt 200 ]; do
            [ "$(q "$1" "SELECT count(*) > $2 FROM filings" 2>/dev/null)" = 1 ] && return 0
            sleep 0.05; n=$((n + 1))
        done
        return 1
    }
    "$FC" scan --no-progress --jobs 1 --db "$T/i.db" "$T/gen" >/dev/null 2>&1 &
    pid=$!
    wait_rows "$T/i.db" 3
    kill -INT "$pid" 2>/dev/null
    wait "$pid"
    st=$(q "$T/i.db" "SELECT status FROM runs ORDER BY run_id DESC LIMIT 1")
    "$FC" report --db "$T/i.db" >"$T/i.txt" 2>&1
    "$FC" report --db "$T/i.db" --format json >"$T/i.json" 2>"$T/i.err"
    "$FC" report --db "$T/i.db" --format html >"$T/i.html" 2>/dev/null
    check "Ctrl-C: the run is interrupted in the text runs table, with look-through missing" \
        '[ "$st" = interrupted ] && grep -q "^  1  .*  已中断；穿透检查结果缺失$" "$T/i.txt" && grep -q "^警告：运行 1" "$T/i.txt"' "st=$st $(grep -A3 '^运行$' "$T/i.txt")"
    check "Ctrl-C: JSON runs[0] interrupted and lookthroughMissing, warnings given (and on stderr)" \
        '[ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d[\"runs\"][0]; print(r[\"status\"], r[\"interrupted\"], r[\"lookthroughMissing\"], len(d[\"warnings\"]) >= 2)" "$T/i.json")" = "interrupted True True True" ] && grep -q "^警告：" "$T/i.err"'
    check "Ctrl-C: HTML run row interrupted, look-through missing, warnings shown" \
        '[ "$($H "$T/i.html" run 1)" = "interrupted yes yes" ] && grep -q "<div id=\"warnings\" data-warnings=\"yes\">" "$T/i.html"'
    # kill -9: the run stays 'running' (no end): shown as not ended
    "$FC" scan --no-progress --jobs 1 --db "$T/i.db" "$T/gen" >/dev/null 2>&1 &
    pid=$!
    before=$(q "$T/i.db" "SELECT count(*) FROM filings")
    wait_rows "$T/i.db" "$((before + 3))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    st=$(q "$T/i.db" "SELECT status FROM runs WHERE run_id = 2")
    "$FC" report --db "$T/i.db" --format json >"$T/k.json" 2>/dev/null
    "$FC" report --db "$T/i.db" --lang en >"$T/k.txt" 2>&1
    "$FC" report --db "$T/i.db" --format html >"$T/k.html" 2>/dev/null
    check "kill -9: the run without an end is shown as not ended in text, JSON and HTML" \
        '[ "$st" = running ] && grep -q "^  2  .*  -  .*did not end (interrupted or still running); look-through missing$" "$T/k.txt" && [ "$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))[\"runs\"][1]; print(r[\"endedAt\"], r[\"interrupted\"], r[\"lookthroughMissing\"])" "$T/k.json")" = "None True True" ] && [ "$($H "$T/k.html" run 2)" = "running yes yes" ]' \
        "st=$st $(grep -A4 '^runs$' "$T/k.txt")"
    "$FC" scan --no-progress --jobs 1 --db "$T/i.db" "$T/gen" >/dev/null 2>&1
    "$FC" report --db "$T/i.db" --format json >"$T/c.json" 2>"$T/c.err"
    "$FC" report --db "$T/i.db" --format html >"$T/c.html" 2>/dev/null
    check "after a complete re-run: no run misses look-through, no warning; the old runs stay interrupted" \
        '[ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print([r[\"lookthroughMissing\"] for r in d[\"runs\"]], [r[\"interrupted\"] for r in d[\"runs\"]], d[\"warnings\"])" "$T/c.json")" = "[False, False, False] [True, True, False] []" ] && [ ! -s "$T/c.err" ] && grep -q "<div id=\"warnings\" data-warnings=\"no\">" "$T/c.html"' \
        "$(head -c 400 "$T/c.json")"
else
    bad "generator $BUILD/fcgen missing"
fi

echo "dbreport: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
