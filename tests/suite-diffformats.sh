#!/bin/sh
# `fundcheck diff --format sarif|junit` and `--output FORMAT=PATH`: SARIF
# valid against the official 2.1.0 schema with a baselineState on every
# result (new, unchanged, absent), the same tool.driver (rules) and the same
# partialFingerprints as `check --all-notices --format sarif` of the same
# filings (the database keeps every notice; check folds repeated ones), counts
# equal to `diff --format json`; JUnit valid against tests/formats/junit.xsd
# with one failing case per new finding at or above --fail-on. Both with run
# ids (two scans) and with periods (the demo database).
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
SCHEMA=${SHARED:-$ROOT/../shared}/schemas/sarif-2.1.0-rtm.5.json

# run 1: derivatives + guarantee; run 2: derivatives (unchanged, skipped) +
# public-stock (new); guarantee's findings are resolved
db="$work/runs.db"
"$FUNDCHECK" scan --no-progress --db "$db" fixtures/derivatives.xml fixtures/guarantee.xml >/dev/null 2>&1
"$FUNDCHECK" scan --no-progress --db "$db" fixtures/derivatives.xml fixtures/public-stock.xml >/dev/null 2>&1
"$FUNDCHECK" diff --db "$db" 1 2 --only new,resolved,unchanged --format json >"$work/d.json" 2>&1
"$FUNDCHECK" diff --db "$db" 1 2 --only new,resolved,unchanged --format sarif >"$work/d.sarif" 2>"$work/d.err"
rc=$?
"$FUNDCHECK" check --all-notices --format sarif fixtures/public-stock.xml fixtures/guarantee.xml fixtures/derivatives.xml \
    >"$work/c.sarif" 2>/dev/null
[ $rc -eq 0 ] && ok "diff --format sarif: exit 0 without --fail-on" || bad "diff --format sarif: exit $rc $(head -c 200 "$work/d.err")"

# what the schema cannot say: states, counts, rules, fingerprints
if python3 - "$work/d.json" "$work/d.sarif" "$work/c.sarif" >"$work/p" 2>&1 <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
c = json.load(open(sys.argv[3]))
res = s["runs"][0]["results"]
states = [r.get("baselineState") for r in res]
want = {"new": d["new"], "absent": d["resolved"], "unchanged": d["unchanged"]}
got = {k: states.count(k) for k in want}
assert None not in states, "a result without baselineState"
assert got == want, (got, want)
assert min(want.values()) > 0, want
assert s["runs"][0]["tool"] == c["runs"][0]["tool"], "tool.driver differs from check's"
fp = lambda r: r["partialFingerprints"]["fundcheckFindingKey/v1"]
check_fp = {fp(r): r for r in c["runs"][0]["results"] if not r.get("suppressions")}
for r in res:
    assert fp(r) in check_fp, "fingerprint %s of %s is not check's" % (fp(r), r["ruleId"])
    cr = check_fp[fp(r)]
    assert (r["ruleId"], r["ruleIndex"], r["level"], r["message"]) == (cr["ruleId"], cr["ruleIndex"], cr["level"], cr["message"]), r["ruleId"]
    assert r["locations"] == cr["locations"], (r["locations"], cr["locations"])
print("new %d, absent %d, unchanged %d; rules and fingerprints as check's" % (want["new"], want["absent"], want["unchanged"]))
PY
then
    ok "diff SARIF (runs): $(cat "$work/p")"
else
    bad "diff SARIF (runs): $(tail -n 3 "$work/p")"
fi
if [ ! -f "$SCHEMA" ]; then
    skip "SARIF schema validation" "no $SCHEMA (../shared is absent)"
elif ! python3 -c 'import jsonschema' 2>/dev/null; then
    skip "SARIF schema validation" "python3-jsonschema is not installed (make deps)"
else
    python3 tests/formats/validate_sarif.py "$SCHEMA" "$work/d.sarif" >"$work/v" 2>&1 &&
        ok "diff SARIF validates against sarif-2.1.0-rtm.5.json ($(grep -o '([0-9]* results)' "$work/v"))" ||
        bad "diff SARIF validation: $(head -c 400 "$work/v")"
    # the validator sees a baselineState SARIF does not have
    sed 's/"baselineState":"absent"/"baselineState":"resolved"/' "$work/d.sarif" >"$work/broken.sarif"
    python3 tests/formats/validate_sarif.py "$SCHEMA" "$work/broken.sarif" >/dev/null 2>&1 &&
        bad "baselineState 'resolved' passed validation" || ok "baselineState 'resolved' is rejected by the schema"
fi
# the default --only (new, resolved) leaves unchanged out
"$FUNDCHECK" diff --db "$db" 1 2 --format sarif >"$work/d2.sarif" 2>/dev/null
if grep -q '"baselineState":"new"' "$work/d2.sarif" && grep -q '"baselineState":"absent"' "$work/d2.sarif" &&
    ! grep -q '"baselineState":"unchanged"' "$work/d2.sarif"; then
    ok "diff SARIF follows --only (default new and resolved)"
else
    bad "diff SARIF --only default"
fi

# ---- JUnit ----
"$FUNDCHECK" diff --db "$db" 1 2 --only new,resolved,unchanged --format junit --fail-on warning >"$work/d.xml" 2>&1
rc=$?
n_new_warn=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for f in d["findings"] if f["change"] == "new" and f["severity"] in ("warning", "violation")))' "$work/d.json")
n_fail=$(grep -c '<failure ' "$work/d.xml")
n_cases=$(grep -c '<testcase ' "$work/d.xml")
n_all=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["new"] + d["resolved"] + d["unchanged"])' "$work/d.json")
if [ $rc -eq 1 ] && [ "$n_fail" -eq "$n_new_warn" ] && [ "$n_fail" -gt 0 ] && [ "$n_cases" -eq "$n_all" ] &&
    grep -q "<testsuites name=\"fundcheck diff 1 2\" tests=\"$n_all\" failures=\"$n_fail\"" "$work/d.xml"; then
    ok "diff JUnit: $n_cases cases, $n_fail failures = the new findings at or above warning; exit 1"
else
    bad "diff JUnit: rc $rc, $n_fail failures for $n_new_warn new ≥ warning, $n_cases cases for $n_all"
fi
if xmllint --noout --schema tests/formats/junit.xsd "$work/d.xml" 2>"$work/x"; then
    ok "diff JUnit validates against tests/formats/junit.xsd"
else
    bad "diff JUnit validation: $(head -c 300 "$work/x")"
fi
"$FUNDCHECK" diff --db "$db" 2 2 --format junit --fail-on notice >"$work/same.xml" 2>&1
rc=$?
[ $rc -eq 0 ] && ! grep -q '<failure' "$work/same.xml" && grep -q 'failures="0"' "$work/same.xml" &&
    ok "diff JUnit of a run with itself: no failure, exit 0" || bad "diff JUnit 2 2: rc $rc"

# ---- --output, several at once, beside the text report ----
"$FUNDCHECK" diff --db "$db" 1 2 --output sarif="$work/o.sarif" --output junit="$work/o.xml" --fail-on violation \
    >"$work/o.txt" 2>"$work/o.err"
rc=$?
if [ $rc -eq 1 ] && cmp -s "$work/o.sarif" "$work/d2.sarif" && grep -q '<testsuites' "$work/o.xml" &&
    grep -q '^对比 1 → 2：新增' "$work/o.txt"; then
    ok "diff --output sarif=… --output junit=…: both files and the text report, exit 1"
else
    bad "diff --output: rc $rc $(head -c 200 "$work/o.err")"
fi
"$FUNDCHECK" diff --db "$db" 1 2 --output csv="$work/o.csv" >/dev/null 2>"$work/e"
rc=$?
[ $rc -eq 3 ] && grep -q 'sarif=' "$work/e" && ok "diff --output csv=…: exit 3 (sarif and junit only)" || bad "diff --output csv: rc $rc"
"$FUNDCHECK" diff --db "$db" 1 2 --output sarif="$work/nodir/x.sarif" >/dev/null 2>"$work/e"
rc=$?
[ $rc -eq 4 ] && grep -q 'x.sarif' "$work/e" && ok "diff --output that cannot be written: exit 4" || bad "diff unwritable --output: rc $rc"
"$FUNDCHECK" diff --db "$db" 1 99 --format sarif >"$work/none" 2>"$work/e"
rc=$?
[ $rc -eq 3 ] && [ ! -s "$work/none" ] && ok "diff --format sarif with no run 99: exit 3, nothing written" || bad "diff sarif 1 99: rc $rc"

# ---- periods (the demo database), English ----
DEMO_DB="$work/demo.db" DEMO_DIR="$work/demo-filings" FUNDCHECK="$FUNDCHECK" sh tests/demo.sh >/dev/null 2>&1
"$FUNDCHECK" diff --db "$work/demo.db" 2025Q4 2026Q1 --only new,resolved,unchanged --lang en --format json >"$work/p.json" 2>&1
"$FUNDCHECK" diff --db "$work/demo.db" 2025Q4 2026Q1 --only new,resolved,unchanged --lang en --format sarif >"$work/p.sarif" 2>&1
if python3 - "$work/p.json" "$work/p.sarif" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
states = [r["baselineState"] for r in s["runs"][0]["results"]]
assert (states.count("new"), states.count("absent"), states.count("unchanged")) == (d["new"], d["resolved"], d["unchanged"])
assert d["new"] and d["resolved"] and d["unchanged"], d
assert s["runs"][0]["tool"]["driver"]["language"] == "en"
PY
then
    ok "diff SARIF (periods, English): counts as the JSON report"
else
    bad "diff SARIF (periods)"
fi
[ -f "$SCHEMA" ] && python3 -c 'import jsonschema' 2>/dev/null && {
    python3 tests/formats/validate_sarif.py "$SCHEMA" "$work/p.sarif" >"$work/v" 2>&1 &&
        ok "diff SARIF (periods) validates" || bad "diff SARIF (periods) validation: $(head -c 300 "$work/v")"
}
echo "diffformats: $pass passed, $fail failed"
[ $fail -eq 0 ]
