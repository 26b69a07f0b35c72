#!/bin/sh
# The rule set: every rule's examples (fundcheck rules test), docs/rules.md
# in sync with the rule files, and the JSON output contract on the fixtures
# (parsed with SQLite's JSON functions, so no extra tool is needed).
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

out=$("$FUNDCHECK" rules test 2>&1); rc=$?
echo "$out" | grep -v '^ok' | tail -20
n_fail=$(echo "$out" | sed -n 's/^rules: [0-9]* passed, \([0-9]*\) failed$/\1/p')
n_pass=$(echo "$out" | sed -n 's/^rules: \([0-9]*\) passed.*/\1/p')
if [ "$rc" -eq 0 ] && [ "${n_fail:-1}" -eq 0 ] && [ "${n_pass:-0}" -gt 0 ]; then ok "rule examples ($n_pass)"; else bad "rule examples"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$FUNDCHECK" rules doc >"$tmp/rules.md" 2>&1
if cmp -s "$tmp/rules.md" docs/rules.md; then ok "docs/rules.md in sync"; else
    bad "docs/rules.md in sync (run: make docs)"; diff -u docs/rules.md "$tmp/rules.md" | head -20; fi

# JSON contract: every key of the output contract, on every fixture at once.
"$FUNDCHECK" check --format json fixtures/*.xml >"$tmp/out.json" 2>/dev/null
rc=$?
# the fixtures have violations and every one of them can be checked: exactly 1
if [ $rc -eq 1 ]; then ok "check --format json exit code ($rc)"; else bad "check --format json exit code ($rc, expected 1)"; fi
q() { sqlite3 -batch -noheader :memory: "$1" 2>&1; }
j="readfile('$tmp/out.json')"
if [ "$(q "select json_valid($j);")" = 1 ]; then ok "JSON is valid"; else bad "JSON is valid"; fi
nfiles=$(ls fixtures/*.xml | wc -l)
if [ "$(q "select json_array_length($j, '\$.files');")" = "$nfiles" ]; then ok "one entry per file"; else bad "one entry per file"; fi
if [ "$(q "select json_type($j, '\$.tool');")" = object ]; then ok "tool object"; else bad "tool object"; fi
missing=$(q "select count(*) from json_each($j, '\$.files') f
  where json_type(f.value,'\$.path')<>'text' or json_type(f.value,'\$.status') not in ('text')
     or json_extract(f.value,'\$.status') not in ('checked','error')
     or (json_extract(f.value,'\$.status')='checked' and json_type(f.value,'\$.error')<>'null')
     or (json_extract(f.value,'\$.status')='error' and json_type(f.value,'\$.error.line')<>'integer')
     or json_type(f.value,'\$.findings')<>'array'
     or json_type(f.value,'\$.filingId') is null or json_type(f.value,'\$.fundUscc') is null;")
if [ "$missing" = 0 ]; then ok "file objects follow the contract"; else bad "file objects follow the contract ($missing)"; fi
bad_findings=$(q "select count(*) from json_each($j, '\$.files') f, json_each(f.value, '\$.findings') g
  where json_type(g.value,'\$.rule')<>'text'
     or json_extract(g.value,'\$.category') not in ('disguised-debt','public-stock','derivatives','guarantee','unlimited-liability','industry-catalog','negative-list','limit','exemption','data-quality')
     or json_extract(g.value,'\$.severity') not in ('violation','warning','notice')
     or json_type(g.value,'\$.holding') not in ('text','null')
     or json_type(g.value,'\$.line')<>'integer'
     or json_type(g.value,'\$.xpath')<>'text' or json_type(g.value,'\$.message')<>'text'
     or json_type(g.value,'\$.evidence')<>'text' or json_type(g.value,'\$.basis')<>'text'
     or json_type(g.value,'\$.exempted') not in ('false','object')
     or (json_type(g.value,'\$.exempted')='object' and json_type(g.value,'\$.exempted.document')<>'text');")
nfind=$(q "select count(*) from json_each($j, '\$.files') f, json_each(f.value, '\$.findings') g;")
# Amendment 1: every checked file has "metrics" with every key, each a number or null
bad_metrics=$(q "select count(*) from json_each($j, '\$.files') f, (select 'invested' k union all
  select 'earlySmallShare' union all select 'avgHoldingYears' union all select 'hardTechShare' union all
  select 'privateShare' union all select 'socialCapitalShare' union all select 'mainFieldShare' union all
  select 'homeRegionShare' union all select 'topInvesteeShare' union all select 'hhi') keys
  where json_extract(f.value,'\$.status')='checked'
    and coalesce(json_type(f.value, '\$.metrics.' || keys.k), 'absent') not in ('integer','real','null');")
if [ "$bad_metrics" = 0 ]; then ok "metrics objects follow Amendment 1"; else bad "metrics objects follow Amendment 1 ($bad_metrics keys)"; fi
if [ "$bad_findings" = 0 ] && [ "$nfind" -gt 0 ]; then ok "finding objects follow the contract ($nfind findings)"; else bad "finding objects follow the contract ($bad_findings of $nfind)"; fi
exempted=$(q "select count(*) from json_each($j, '\$.files') f, json_each(f.value, '\$.findings') g where json_type(g.value,'\$.exempted')='object';")
if [ "$exempted" -gt 0 ]; then ok "exempted findings carry their document"; else bad "no exempted finding in the fixtures"; fi

# Exit codes: clean fixture 0, violations 1, unreadable file 2, bad option 3.
"$FUNDCHECK" check fixtures/direct-clean.xml >/dev/null 2>&1; [ $? = 0 ] && ok "exit 0 on a clean filing" || bad "exit 0 on a clean filing"
"$FUNDCHECK" check fixtures/derivatives.xml >/dev/null 2>&1; [ $? = 1 ] && ok "exit 1 on violations" || bad "exit 1 on violations"
"$FUNDCHECK" check fixtures/derivatives.xml "$tmp/none.xml" >/dev/null 2>&1; [ $? = 2 ] && ok "exit 2 when a file cannot be checked" || bad "exit 2"
"$FUNDCHECK" check --format yaml fixtures/derivatives.xml >/dev/null 2>&1; [ $? = 3 ] && ok "exit 3 on a bad option" || bad "exit 3"
# the clean fixture has notices (IC-006) and no warning: 0 at warning, 1 at notice
"$FUNDCHECK" check --fail-on warning fixtures/direct-clean.xml >/dev/null 2>&1; rc=$?
[ $rc -eq 0 ] && ok "--fail-on warning: notices do not fail" || bad "--fail-on warning (exit $rc, expected 0)"
"$FUNDCHECK" check --fail-on notice fixtures/direct-clean.xml >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && ok "--fail-on notice: notices fail" || bad "--fail-on notice (exit $rc, expected 1)"
mkdir "$tmp/norules"
"$FUNDCHECK" check --rules "$tmp/norules" fixtures/direct-clean.xml >/dev/null 2>&1; [ $? = 3 ] && ok "exit 3 on an empty rule set" || bad "exit 3 on an empty rule set"
for c in check validate rules scan report diff catalog verify; do
    "$FUNDCHECK" $c --help >/dev/null 2>&1 && ok "$c --help" || bad "$c --help"
    "$FUNDCHECK" $c --version 2>&1 | grep -q '^fundcheck [0-9]' && ok "$c --version" || bad "$c --version"
done
"$FUNDCHECK" --version | grep -q '^fundcheck [0-9]' && ok "--version" || bad "--version"
echo "ruleset: $pass passed, $fail failed"
[ $fail -eq 0 ]
