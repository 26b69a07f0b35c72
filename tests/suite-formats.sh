#!/bin/sh
# The report formats of `check` validated against their schemas, and the
# command-line conventions around them: SARIF against the official SARIF
# 2.1.0 JSON schema (../shared/schemas, Debian python3-jsonschema), JUnit
# against tests/formats/junit.xsd (xmllint), CSV (BOM, one column set),
# several --output files at once, stdin '-', --files-from, --jobs, the
# defaults file, --quiet and colours.
set -u
cd "$ROOT" || exit 1
FUNDCHECK_CATALOG_DIR=$(mktemp -d); export FUNDCHECK_CATALOG_DIR
FUNDCHECK_CONFIG=; export FUNDCHECK_CONFIG
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skip() { echo "skip $1: $2"; }
work=$(mktemp -d)
trap 'rm -rf "$work" "$FUNDCHECK_CATALOG_DIR"' EXIT
ALL=$(ls fixtures/*.xml)
BAD=tests/golden/data/malformed.xml

# ---- SARIF ----
SCHEMA=${SHARED:-$ROOT/../shared}/schemas/sarif-2.1.0-rtm.5.json
"$FUNDCHECK" check --format sarif $ALL $BAD >"$work/all.sarif" 2>/dev/null
"$FUNDCHECK" check --format sarif --lang en fixtures/exemption.xml >"$work/en.sarif" 2>/dev/null
if [ ! -f "$SCHEMA" ]; then
    skip "SARIF schema validation" "no $SCHEMA (../shared is absent)"
elif ! python3 -c 'import jsonschema' 2>/dev/null; then
    skip "SARIF schema validation" "python3-jsonschema is not installed (make deps)"
else
    if python3 tests/formats/validate_sarif.py "$SCHEMA" "$work/all.sarif" "$work/en.sarif" >"$work/v" 2>&1; then
        ok "SARIF of every fixture validates against sarif-2.1.0-rtm.5.json ($(grep -o '([0-9]* results)' "$work/v" | head -1))"
    else
        bad "SARIF validation: $(head -c 400 "$work/v")"
    fi
    # the validator can fail: a level SARIF does not have
    sed 's/"level":"error"/"level":"fatal"/' "$work/all.sarif" >"$work/broken.sarif"
    if python3 tests/formats/validate_sarif.py "$SCHEMA" "$work/broken.sarif" >/dev/null 2>&1; then
        bad "a SARIF file with level 'fatal' passed validation"
    else
        ok "a SARIF file with level 'fatal' is rejected by the validator"
    fi
fi
if grep -q '"suppressions":\[{"kind":"external","status":"accepted","justification":"' "$work/all.sarif" &&
    grep -q '"executionSuccessful":false' "$work/all.sarif" &&
    grep -q '"logicalLocations":\[{"name":"H001","fullyQualifiedName":"/filing/holdings/holding\[1\]"' "$work/all.sarif"; then
    ok "SARIF: exempted findings are suppressions, unreadable files notifications, holdings logical locations"
else
    bad "SARIF content (suppressions, notifications, logical locations)"
fi
# fingerprints are stable: the same finding in another batch has the same one
"$FUNDCHECK" check --format sarif fixtures/derivatives.xml >"$work/one.sarif" 2>/dev/null
fp1=$(grep -o '"fundcheckFindingKey/v1":"[0-9a-f]*"' "$work/one.sarif" | sort)
fp2=$(grep -o '"fundcheckFindingKey/v1":"[0-9a-f]*"' "$work/all.sarif" | sort)
missing=$(printf '%s\n' "$fp1" | while read -r l; do printf '%s\n' "$fp2" | grep -qF "$l" || echo "$l"; done)
if [ -n "$fp1" ] && [ -z "$missing" ]; then ok "SARIF fingerprints do not depend on the batch"; else bad "SARIF fingerprints differ between batches"; fi

# ---- JUnit ----
"$FUNDCHECK" check --format junit $ALL $BAD >"$work/all.junit" 2>/dev/null
if xmllint --noout --schema tests/formats/junit.xsd "$work/all.junit" 2>"$work/x"; then
    ok "JUnit XML validates against tests/formats/junit.xsd"
else
    bad "JUnit validation: $(head -c 300 "$work/x")"
fi
sed 's/failures="[0-9]*"/failures="many"/' "$work/all.junit" >"$work/broken.junit"
if xmllint --noout --schema tests/formats/junit.xsd "$work/broken.junit" 2>/dev/null; then
    bad "a JUnit file with failures=\"many\" passed validation"
else
    ok "a JUnit file with failures=\"many\" is rejected"
fi
n_suites=$(grep -c '<testsuite ' "$work/all.junit")
n_files=$(($(echo "$ALL" | wc -l) + 1))
if [ "$n_suites" -eq "$n_files" ] && grep -q '<error type="filing-error"' "$work/all.junit"; then
    ok "JUnit: one suite per file ($n_suites), the unreadable file is an error"
else
    bad "JUnit suites: $n_suites for $n_files files"
fi

# ---- CSV ----
"$FUNDCHECK" check --format csv $ALL $BAD >"$work/all.csv" 2>/dev/null
if head -c 3 "$work/all.csv" | od -An -tx1 | grep -q 'ef bb bf' &&
    python3 - "$work/all.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
widths = {len(r) for r in rows}
assert widths == {20}, widths
assert rows[0][:3] == ["path", "status", "filing_id"], rows[0]
assert any(r[1] == "error" for r in rows[1:])
PY
then ok "CSV: UTF-8 BOM, 20 columns on every row, error rows"; else bad "CSV structure"; fi

# ---- HTML ----
"$FUNDCHECK" check --format html $ALL $BAD >"$work/all.html" 2>/dev/null
if xmllint --html --noout "$work/all.html" 2>"$work/x" && ! grep -qiE '<script|<link|src="http|url\(' "$work/all.html"; then
    ok "HTML parses and loads nothing external (no script, link, remote source)"
else
    bad "HTML: $(head -c 300 "$work/x")"
fi

# ---- several outputs at once ----
"$FUNDCHECK" check --output sarif="$work/o.sarif" -o html="$work/o.html" --output junit="$work/o.xml" \
    --output csv="$work/o.csv" fixtures/derivatives.xml >"$work/o.txt" 2>/dev/null
rc=$?
if [ $rc -eq 1 ] && grep -q '"version":"2.1.0"' "$work/o.sarif" && grep -q '<!DOCTYPE html>' "$work/o.html" &&
    grep -q '<testsuites' "$work/o.xml" && grep -q 'DRV-001' "$work/o.csv" && grep -q '汇总' "$work/o.txt"; then
    ok "four --output files and the text report in one run"
else
    bad "several outputs (rc $rc)"
fi
"$FUNDCHECK" check --output sarif="$work/nodir/x.sarif" fixtures/derivatives.xml >/dev/null 2>"$work/e"
rc=$?
[ $rc -eq 4 ] && grep -q 'x.sarif' "$work/e" && ok "an --output that cannot be written is exit 4" || bad "unwritable --output: rc $rc"

# ---- input conventions ----
"$FUNDCHECK" check --format gcc fixtures/derivatives.xml >"$work/file.gcc" 2>&1
"$FUNDCHECK" check --format gcc - <fixtures/derivatives.xml >"$work/stdin.gcc" 2>&1
rc=$?
if [ $rc -eq 1 ] && [ "$(sed 's/^[^:]*://' "$work/file.gcc")" = "$(sed 's/^[^:]*://' "$work/stdin.gcc")" ] &&
    grep -q '^-:36: error' "$work/stdin.gcc"; then
    ok "stdin '-' gives the same findings, reported as '-'"
else
    bad "stdin '-' (rc $rc): $(head -c 200 "$work/stdin.gcc")"
fi
printf '%s\n' fixtures/derivatives.xml '# a comment' '' fixtures/guarantee.xml >"$work/list"
"$FUNDCHECK" check --format gcc --files-from "$work/list" >"$work/ff.gcc" 2>&1
"$FUNDCHECK" check --format gcc fixtures/derivatives.xml fixtures/guarantee.xml >"$work/args.gcc" 2>&1
cmp -s "$work/ff.gcc" "$work/args.gcc" && ok "--files-from reads a list (comments, blank lines)" || bad "--files-from"
"$FUNDCHECK" check --format json $ALL >"$work/j1" 2>/dev/null
"$FUNDCHECK" check --format json --jobs 2 $ALL >"$work/j2" 2>/dev/null
cmp -s "$work/j1" "$work/j2" && ok "--jobs 2 gives the same report as one job" || bad "--jobs 2 differs"
"$FUNDCHECK" check --format gcc fixtures >"$work/dir.gcc" 2>&1
n_dir=$(cut -d: -f1 "$work/dir.gcc" | sort -u | wc -l)
n_with=$("$FUNDCHECK" check --format gcc $ALL 2>&1 | cut -d: -f1 | sort -u | wc -l)
[ "$n_dir" -eq "$n_with" ] && [ "$n_dir" -gt 5 ] && ok "a directory is searched for *.xml ($n_dir files with findings)" || bad "directory: $n_dir vs $n_with"

# ---- defaults file ----
printf '[fundcheck]\nlang = en\n[check]\nfail-on = notice\nexclude-rule = industry-catalog\n' >"$work/c.ini"
"$FUNDCHECK" check --config "$work/c.ini" --format gcc fixtures/direct-clean.xml >"$work/c.out" 2>&1
rc=$?
"$FUNDCHECK" check --format gcc fixtures/direct-clean.xml >"$work/c0.out" 2>&1
rc0=$?
if [ $rc -eq 0 ] && [ $rc0 -eq 0 ] && [ ! -s "$work/c.out" ] && grep -q 'IC-' "$work/c0.out"; then
    ok "defaults file: exclude-rule applies (and fail-on notice finds nothing left)"
else
    bad "defaults file: rc $rc/$rc0: $(head -c 200 "$work/c.out")"
fi
FUNDCHECK_CONFIG="$work/c.ini" "$FUNDCHECK" check --exclude-rule DQ-001 --rule industry-catalog --format gcc fixtures/direct-clean.xml >/dev/null 2>&1
rc=$?
[ $rc -eq 1 ] && ok "defaults file by \$FUNDCHECK_CONFIG: fail-on notice; command line adds rules" || bad "FUNDCHECK_CONFIG: rc $rc"
printf '[check]\nfail_on = warning\n' >"$work/bad.ini"
"$FUNDCHECK" check --config "$work/bad.ini" fixtures/direct-clean.xml >/dev/null 2>"$work/e"
rc=$?
[ $rc -eq 3 ] && grep -q 'bad.ini:2: .*fail_on' "$work/e" && ok "an unknown key in the defaults file is exit 3 with file:line" || bad "bad defaults file: rc $rc $(cat "$work/e")"

# ---- quiet and colour ----
out=$("$FUNDCHECK" check -q fixtures/derivatives.xml 2>&1); rc=$?
[ $rc -eq 1 ] && [ -z "$out" ] && ok "--quiet: exit code only" || bad "--quiet printed: $(echo "$out" | head -c 100)"
"$FUNDCHECK" check --color always --format gcc fixtures/derivatives.xml 2>/dev/null | grep -q "$(printf '\033')\[" &&
    ok "--color always colours" || bad "--color always"
"$FUNDCHECK" check --color never --format gcc fixtures/derivatives.xml 2>/dev/null | grep -q "$(printf '\033')" &&
    bad "--color never coloured" || ok "--color never does not colour"
if command -v script >/dev/null 2>&1; then
    # the path goes through the environment: it may contain spaces
    NO_COLOR=1 FUNDCHECK="$FUNDCHECK" script -qec '"$FUNDCHECK" check --format gcc fixtures/derivatives.xml' /dev/null 2>/dev/null | grep -q "$(printf '\033')\[1" &&
        bad "NO_COLOR on a terminal still coloured" || ok "NO_COLOR is honoured on a terminal"
    FUNDCHECK="$FUNDCHECK" script -qec '"$FUNDCHECK" check --format gcc fixtures/derivatives.xml' /dev/null 2>/dev/null | grep -q "$(printf '\033')\[1" &&
        ok "a terminal gets colour by default" || bad "no colour on a terminal"
else
    skip "colour on a terminal" "no script(1)"
fi
# ---- message data ----
# PS-001 names the stock code once, from the instrument or, without one, the investee's listing
"$FUNDCHECK" check --lang zh fixtures/public-stock.xml >"$work/ps.out" 2>&1
sed 's|<instrument type="stock" code="002977" exchange="SZSE">青屿港口</instrument>||' fixtures/public-stock.xml >"$work/ps-noinst.xml"
"$FUNDCHECK" check --lang en "$work/ps-noinst.xml" >"$work/ps2.out" 2>&1
if grep -q '持仓 H005（青屿港口物流股份有限公司 002977）' "$work/ps.out" && ! grep -q '002977002977' "$work/ps.out" &&
    grep -q 'Holding H005 (青屿港口物流股份有限公司 002977)' "$work/ps2.out"; then
    ok "PS-001 message prints the stock code once (instrument code, else listing code)"
else
    bad "PS-001 message: $(grep -h 'H005' "$work/ps.out" "$work/ps2.out" | head -2)"
fi
# ---- -V / --version ----
out=$("$FUNDCHECK" -V 2>&1); rc=$?
hash=$("$FUNDCHECK" check --format json fixtures/direct-clean.xml 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("rulesVersion") or d.get("tool",{}).get("rulesVersion",""))' 2>/dev/null)
if [ $rc -eq 0 ] && echo "$out" | grep -q '^fundcheck [0-9]' && echo "$out" | grep -q "^规则集：[0-9a-f]\{16\}（[0-9]* 条规则）" &&
    echo "$out" | grep -q '^产业目录：' && { [ -z "$hash" ] || echo "$out" | grep -q "$hash"; }; then
    ok "-V prints the tool, rule-set and catalogue versions (Chinese)"
else
    bad "-V: rc $rc: $out"
fi
out=$("$FUNDCHECK" scan --version --lang en 2>&1); rc=$?
[ $rc -eq 0 ] && echo "$out" | grep -q '^rule set: .* rules)' && echo "$out" | grep -q '^catalogue: ' &&
    ok "scan --version --lang en: English version lines" || bad "scan --version --lang en: rc $rc: $out"
# ---- help and the man page ----
h=$("$FUNDCHECK" --help 2>&1); he=$("$FUNDCHECK" --help --lang en 2>&1)
echo "$h" | grep -q '^用法：fundcheck 命令' && echo "$he" | grep -q '^usage: fundcheck COMMAND' &&
    ok "top-level --help is Chinese by default, English with --lang en" || bad "top-level --help: $(echo "$h" | head -1) / $(echo "$he" | head -1)"
for c in check validate report diff; do
    "$FUNDCHECK" $c --help 2>&1 | head -1 | grep -q '^用法：' && "$FUNDCHECK" $c --help --lang en 2>&1 | head -1 | grep -q '^usage:' &&
        ok "$c --help: Chinese by default, English with --lang en" || bad "$c --help: $("$FUNDCHECK" $c --help 2>&1 | head -1)"
done
"$FUNDCHECK" diff --db x.db 2>"$work/du.err"; rc=$?
[ $rc -eq 3 ] && grep -q '需要 --db FILE 以及两个' "$work/du.err" && grep -q '^用法：' "$work/du.err" &&
    ok "diff usage error: Chinese message and usage, exit 3" || bad "diff usage error: rc $rc $(head -2 "$work/du.err")"
"$FUNDCHECK" nosuch 2>"$work/nc.err"; rc=$?
[ $rc -eq 3 ] && grep -q '未知命令' "$work/nc.err" && ok "unknown command: Chinese, exit 3" || bad "unknown command: rc $rc"
man_ok=1
for c in $(sed -n '/^} commands\[\] = {/,/^};/s/^ *{"\([a-z]*\)",.*/\1/p' checker/cli/cli.c); do
    grep -q "^\.B fundcheck $c\$" docs/fundcheck.1 || { man_ok=0; bad "man page has no synopsis for '$c'"; }
done
grep -q '^\.SH EXAMPLES' docs/fundcheck.1 || { man_ok=0; bad "man page has no EXAMPLES section"; }
for o in only fail-on min-severity exclude-rule files-from output color; do
    pat=$(printf '%s' "--$o" | sed 's/-/\\-/g')
    grep -qF -- "$pat" docs/fundcheck.1 || { man_ok=0; bad "man page synopsis lacks --$o"; }
done
[ $man_ok -eq 1 ] && ok "man page: a synopsis for every command of the dispatch table, EXAMPLES, the new options"
# ---- the regulator's report: Chinese labels, funds by violations ----
"$FUNDCHECK" scan --no-progress --db "$work/r.db" fixtures >/dev/null 2>&1
"$FUNDCHECK" report --db "$work/r.db" >"$work/r.txt" 2>&1
"$FUNDCHECK" report --db "$work/r.db" --format csv >"$work/r.csv" 2>&1
sorted=$(awk '/^按基金/{f=1; getline; next} f && NF==0 {f=0} f {print $1}' "$work/r.txt")
if grep -q ' derivatives 衍生品$' "$work/r.txt" && grep -q ' violation 违规$' "$work/r.txt" &&
    grep -q ' municipal 市级$' "$work/r.txt" && grep -q '省份名称不可用' "$work/r.txt" &&
    grep -q '^category,derivatives,衍生品,' "$work/r.csv" && [ "$(head -c 3 "$work/r.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
    [ -n "$sorted" ] &&
    [ "$sorted" = "$(echo "$sorted" | sort -rn)" ]; then
    ok "report: Chinese labels of categories, severities and levels (text, CSV with BOM), province note, funds by violations"
else
    bad "report labels/order: $(grep -c 衍生品 "$work/r.txt") $(echo $sorted | head -c 80)"
fi
echo "formats: $pass passed, $fail failed"
[ $fail -eq 0 ]
