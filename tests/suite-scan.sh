#!/bin/sh
# `fundcheck scan`, the findings database, `report`, `diff` and the auditor
# guide. Environment: ROOT, BUILD, FUNDCHECK, CK_ASAN (1: shorter runs),
# SHARED. Prints one line per case and ends with "scan: N passed, M failed".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-$ROOT/build}
FC=${FUNDCHECK:-$BUILD/fundcheck}
CK_ASAN=${CK_ASAN:-0}
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
check() { # name, condition (shell code)
    if eval "$2"; then ok "$1"; else bad "$1" "${3:-}"; fi
}
q() { sqlite3 -batch -noheader "$@"; }
scan() { "$FC" scan --no-progress "$@"; }
dump() { "$FC" report --db "$1" --dump; }

if [ "$CK_ASAN" = 1 ]; then N_GEN=40 KILL_ITER=2; else N_GEN=240 KILL_ITER=6; fi

# ---- the fixtures ----
n_fix=$(ls fixtures/*.xml | wc -l)
scan --db "$T/fix.db" fixtures/*.xml >"$T/out" 2>"$T/err"
rc=$?
check "fixtures: exit 1 (violations found)" '[ "$rc" = 1 ]' "rc=$rc"
check "fixtures: every fixture recorded as checked" \
    '[ "$(q "$T/fix.db" "SELECT count(*) FROM filings WHERE status = '"'checked'"'")" = "$n_fix" ]'
check "fixtures: schema version 4, WAL journal" \
    '[ "$(q "$T/fix.db" "PRAGMA user_version")" = 4 ] && [ "$(q "$T/fix.db" "PRAGMA journal_mode")" = wal ]'
check "fixtures: stderr quiet when not a terminal" '[ ! -s "$T/err" ]' "$(head -c 300 "$T/err")"
check "fixtures: summary names categories" 'grep -q derivatives "$T/out" && grep -q "扫描完成" "$T/out"'
check "fixtures: holdings and rules tables filled" \
    '[ "$(q "$T/fix.db" "SELECT count(*) > 20 FROM holdings")" = 1 ] && [ "$(q "$T/fix.db" "SELECT count(*) > 10 FROM rules WHERE legal_basis <> '"''"'")" = 1 ]'
dump "$T/fix.db" >"$T/fix.dump"

# idempotency
scan --db "$T/fix.db" fixtures/*.xml >"$T/out2" 2>&1
rc=$?
check "re-run: everything skipped, exit code unchanged" \
    '[ "$rc" = 1 ] && [ "$(q "$T/fix.db" "SELECT n_skipped, n_checked FROM runs ORDER BY run_id DESC LIMIT 1")" = "$n_fix|0" ]' "rc=$rc"
dump "$T/fix.db" >"$T/fix2.dump"
check "re-run: database content unchanged" 'cmp -s "$T/fix.dump" "$T/fix2.dump"'
scan --force --jobs 3 --db "$T/fix.db" fixtures/*.xml >/dev/null 2>&1
dump "$T/fix.db" >"$T/fix3.dump"
check "--force: re-checked, nothing duplicated" \
    'cmp -s "$T/fix.dump" "$T/fix3.dump" && [ "$(q "$T/fix.db" "SELECT n_checked FROM runs ORDER BY run_id DESC LIMIT 1")" = "$n_fix" ]'

# the evaluation code is part of the key: a build with another CK_EVAL_ID
# (as after an upgrade) checks every filing again, with the same findings
if [ -x "$BUILD/fundcheck-evalalt" ]; then
    cp "$T/fix.db" "$T/evalid.db"
    "$BUILD/fundcheck-evalalt" scan --no-progress --db "$T/evalid.db" fixtures/*.xml >/dev/null 2>&1
    check "another evaluation id: every filing checked again" \
        '[ "$(q "$T/evalid.db" "SELECT n_checked, n_skipped FROM runs ORDER BY run_id DESC LIMIT 1")" = "$n_fix|0" ] &&
         [ "$(q "$T/evalid.db" "SELECT count(DISTINCT eval_key) FROM runs")" = 2 ]'
    evf() { q "$T/evalid.db" "SELECT f.path, fi.rule_id, coalesce(fi.holding_id, ''), fi.message_zh, fi.message_en
        FROM findings fi JOIN filings f USING (filing_pk) JOIN run_filings rf ON rf.filing_pk = f.filing_pk
        WHERE rf.run_id = $1 AND fi.derived = 0 ORDER BY 1, 2, 3, 4, 5"; }
    check "another evaluation id: the same code gives the same findings" \
        '[ -n "$(evf 1)" ] && [ "$(evf 1)" = "$(evf 2)" ]'
    "$FC" scan --no-progress --db "$T/evalid.db" fixtures/*.xml >/dev/null 2>&1
    check "back to this build: its results are still recorded under its key (skipped)" \
        '[ "$(q "$T/evalid.db" "SELECT n_checked, n_skipped FROM runs ORDER BY run_id DESC LIMIT 1")" = "0|$n_fix" ]'
else
    bad "fundcheck-evalalt missing (make all builds it)"
fi
EVAL_ID=$(sed -n 's/^#define CK_EVAL_ID "\(.*\)"$/\1/p' "$BUILD/gen/ck_eval_id.h" 2>/dev/null)
check "the build's evaluation id is a hash of the evaluation sources" \
    '[ "$(printf "%s" "$EVAL_ID" | wc -c)" = 16 ] &&
     [ "$(make -s --no-print-directory eval-id 2>/dev/null)" = "$EVAL_ID" ] &&
     [ "$(cat $(make -s --no-print-directory eval-srcs) | sha256sum | cut -c1-16)" = "$EVAL_ID" ] &&
     make -s --no-print-directory eval-srcs | grep -q "checker/eval.c" && ! make -s --no-print-directory eval-srcs | grep -q "checker/store.c"'

# report formats
"$FC" report --db "$T/fix.db" >"$T/r.txt" 2>&1 && \
"$FC" report --db "$T/fix.db" --format json >"$T/r.json" 2>&1 && \
"$FC" report --db "$T/fix.db" --format csv --lang en >"$T/r.csv" 2>&1
rc=$?
check "report: text, json and csv" \
    '[ "$rc" = 0 ] && grep -q "按类别" "$T/r.txt" && [ "$(q :memory: "SELECT json_valid(readfile('"'$T/r.json'"'))")" = 1 ] && grep -q "^category,derivatives," "$T/r.csv" && grep -q "^govLevel,provincial," "$T/r.csv"'
"$FC" report --db "$T/fix.db" --lang en >"$T/r-en.txt"
check "report: English" 'grep -q "by category" "$T/r-en.txt"'

# ---- generated archive: parallel = serial ----
if [ ! -x "$BUILD/fcgen" ]; then
    bad "generator $BUILD/fcgen missing"
else
    "$BUILD/fcgen" --out "$T/gen" --count "$N_GEN" --seed 11 --holdings 12 --fof 0.3 --violations 0.3 >/dev/null 2>&1
    scan --jobs 1 --db "$T/g1.db" "$T/gen" >/dev/null 2>&1
    rc1=$?
    scan --jobs 4 --db "$T/g4.db" "$T/gen" >/dev/null 2>&1
    rc4=$?
    scan --jobs 3 --db "$T/g3.db" "$T/gen" >/dev/null 2>&1
    dump "$T/g1.db" >"$T/g1.dump"
    dump "$T/g4.db" >"$T/g4.dump"
    dump "$T/g3.db" >"$T/g3.dump"
    check "parallel: --jobs 1, 3 and 4 give identical databases" \
        '[ "$rc1" = "$rc4" ] && [ -s "$T/g1.dump" ] && cmp -s "$T/g1.dump" "$T/g4.dump" && cmp -s "$T/g1.dump" "$T/g3.dump"' \
        "rc $rc1/$rc4"
    "$FC" report --db "$T/g1.db" --format csv >"$T/g1.csv"
    "$FC" report --db "$T/g4.db" --format csv >"$T/g4.csv"
    check "parallel: identical reports" 'cmp -s "$T/g1.csv" "$T/g4.csv"'
    check "parallel: look-through findings present in the archive" \
        '[ "$(q "$T/g1.db" "SELECT count(*) > 0 FROM findings WHERE derived = 1")" = 1 ]'

    # ---- incremental look-through = full recomputation ----
    # The archive arrives in four slices, each scanned into the same
    # database (each look-through incremental); the result must equal one
    # scan of everything and a full recomputation on the same database.
    ls "$T/gen"/*.xml | awk 'NR % 4 == 1' >"$T/s1"
    ls "$T/gen"/*.xml | awk 'NR % 4 == 3' >"$T/s2"
    ls "$T/gen"/*.xml | awk 'NR % 4 == 0' >"$T/s3"
    ls "$T/gen"/*.xml | awk 'NR % 4 == 2' >"$T/s4"
    for sl in s1 s2 s3 s4; do scan --db "$T/inc.db" - <"$T/$sl" >"$T/inc-$sl.out" 2>&1; done
    dump "$T/inc.db" >"$T/inc.dump"
    check "incremental look-through: slices scanned one after the other = one scan of all" \
        'cmp -s "$T/inc.dump" "$T/g1.dump" && grep -q "增量" "$T/inc-s4.out"' "$(diff "$T/inc.dump" "$T/g1.dump" | head -5)"
    cp "$T/inc.db" "$T/incfull.db"
    scan --db "$T/incfull.db" --recompute-lookthrough "$T/gen" >"$T/incfull.out" 2>&1
    dump "$T/incfull.db" >"$T/incfull.dump"
    check "incremental look-through = full recomputation on the same database" \
        'cmp -s "$T/inc.dump" "$T/incfull.dump" && grep -q "全库重算" "$T/incfull.out"' "$(diff "$T/inc.dump" "$T/incfull.dump" | head -5)"
    scan --db "$T/inc.db" "$T/gen" >"$T/inc-again.out" 2>&1
    check "re-run with nothing new: nothing checked, no look-through walk" \
        'grep -q "已检查 0 份" "$T/inc-again.out" && grep -q "遍历 0 份申报，0 项" "$T/inc-again.out" &&
         [ "$(dump "$T/inc.db" | cmp - "$T/inc.dump" && echo same)" = same ]' "$(head -3 "$T/inc-again.out")"

    # the summary of a run comes from the per-filing tallies (filing_tally):
    # the same table as the findings view gives for the run's filings, and
    # the same again once the cache is dropped (rebuilt from finding_rows)
    sumq() { q "$1" "SELECT printf('  %9d %9d %9d %9d  %s', sum(exempted = 0 AND severity_rank = 2),
        sum(exempted = 0 AND severity_rank = 1), sum(exempted = 0 AND severity_rank = 0), sum(exempted), category)
        FROM findings WHERE filing_pk IN (SELECT filing_pk FROM run_filings
          WHERE run_id = (SELECT max(run_id) FROM runs)) GROUP BY category ORDER BY category"; }
    sumout() { sed -n '/按类别/,/合计/p' "$1" | grep -v '按类别\|违规\|合计'; }
    check "scan summary (from the tallies) = the findings view over the run's filings" \
        '[ -n "$(sumout "$T/inc-again.out")" ] && [ "$(sumout "$T/inc-again.out")" = "$(sumq "$T/inc.db")" ]' \
        "$(sumout "$T/inc-again.out" | head -3) / $(sumq "$T/inc.db" | head -3)"
    q "$T/inc.db" "DROP TABLE filing_tally"
    scan --db "$T/inc.db" "$T/gen" >"$T/inc-again2.out" 2>&1
    check "scan summary without the tally cache: counted from the findings, the same, cache rebuilt" \
        '[ "$(sumout "$T/inc-again2.out")" = "$(sumout "$T/inc-again.out")" ] &&
         [ "$(q "$T/inc.db" "SELECT count(*) FROM filing_tally")" = "$(q "$T/inc.db" "SELECT count(*) FROM filings")" ]'

    # ---- merge: shards scanned apart = one scan ----
    ls "$T/gen"/*.xml | awk 'NR % 2 == 0' | scan --db "$T/sh1.db" - >/dev/null 2>&1
    ls "$T/gen"/*.xml | awk 'NR % 2 == 1' | scan --db "$T/sh2.db" - >/dev/null 2>&1
    "$FC" merge --db "$T/m.db" "$T/sh1.db" "$T/sh2.db" >"$T/m.out" 2>&1
    rc=$?
    dump "$T/m.db" >"$T/m.dump"
    check "merge: two shards = one scan of all (look-through over the result)" \
        '[ "$rc" = 0 ] && cmp -s "$T/m.dump" "$T/g1.dump"' "rc=$rc $(head -3 "$T/m.out") $(diff "$T/m.dump" "$T/g1.dump" | head -3)"
    m4q="SELECT f.path, m.hhi, m.early_small_share, m.null_reasons FROM filing_metrics m JOIN filings f USING (filing_pk)
      UNION ALL SELECT f.path, d.seq, d.controller_type, d.investee_region FROM holding_details d JOIN filings f USING (filing_pk)
      UNION ALL SELECT f.path, t.seq, t.transaction_id, t.amount FROM transactions t JOIN filings f USING (filing_pk)
      UNION ALL SELECT f.path, g.seq, g.guarantee_id, g.amount FROM guarantees g JOIN filings f USING (filing_pk)
      UNION ALL SELECT f.path, x.seq, x.topic, x.text FROM disclosures x JOIN filings f USING (filing_pk) ORDER BY 1, 2, 3, 4"
    q "$T/m.db" "$m4q" >"$T/m4.rows"
    q "$T/g1.db" "$m4q" >"$T/g4.rows"
    check "merge: metrics, holding details, transactions, guarantees, disclosures copied" \
        '[ -s "$T/g4.rows" ] && cmp -s "$T/m4.rows" "$T/g4.rows" &&
         [ "$(q "$T/m.db" "SELECT count(DISTINCT run_id) FROM run_files")" -ge 2 ]' "$(diff "$T/m4.rows" "$T/g4.rows" | head -c 300)"
    "$FC" merge --db "$T/m.db" "$T/sh1.db" "$T/sh2.db" "$T/sh1.db" >"$T/m2.out" 2>&1
    rc=$?
    dump "$T/m.db" >"$T/m2.dump"
    check "merge twice (and a shard given twice): nothing changes, no duplicate filing" \
        '[ "$rc" = 0 ] && cmp -s "$T/m.dump" "$T/m2.dump" && [ "$(q "$T/m.db" "SELECT count(*) FROM filings")" = "$N_GEN" ] &&
         grep -q "合并 0 份申报" "$T/m2.out"' "rc=$rc $(cat "$T/m2.out")"
    cp "$T/m.db" "$T/m-before.db"
    echo "not a database" >"$T/hostile.db"
    "$FC" merge --db "$T/m.db" "$T/sh1.db" "$T/hostile.db" >/dev/null 2>"$T/mh.err"
    rc=$?
    check "merge: a shard that is not a fundcheck database: exit 4, clear error, target untouched" \
        '[ "$rc" = 4 ] && grep -q "不是 fundcheck 数据库" "$T/mh.err" && cmp -s "$T/m.db" "$T/m-before.db"' "rc=$rc $(cat "$T/mh.err")"
    cp "$T/sh1.db" "$T/newer.db"
    q "$T/newer.db" "PRAGMA user_version = 99"
    "$FC" merge --db "$T/m.db" --lang en "$T/newer.db" >/dev/null 2>"$T/mn.err"
    rc=$?
    check "merge: a shard with a newer schema: exit 4, clear error, target untouched" \
        '[ "$rc" = 4 ] && grep -q "schema version 99" "$T/mn.err" && cmp -s "$T/m.db" "$T/m-before.db"' "rc=$rc $(cat "$T/mn.err")"
    sqlite3 "$T/other.db" "CREATE TABLE t (x); PRAGMA user_version = 4"
    "$FC" merge --db "$T/m.db" "$T/other.db" >/dev/null 2>"$T/mo.err"
    rc=$?
    check "merge: another SQLite database with the same version number is refused" \
        '[ "$rc" = 4 ] && grep -q "不是 fundcheck 数据库" "$T/mo.err" && cmp -s "$T/m.db" "$T/m-before.db"' "rc=$rc"

    # ---- Ctrl-C / SIGTERM: saved, recorded as interrupted ----
    "$FC" scan --no-progress --jobs 1 --db "$T/int.db" "$T/gen" >"$T/int.out" 2>"$T/int.err" &
    pid=$!
    n=0
    while [ "$n" -lt 100 ]; do
        [ "$(q "$T/int.db" "SELECT count(*) > 3 FROM filings" 2>/dev/null)" = 1 ] && break
        sleep 0.1; n=$((n + 1))
    done
    kill -INT "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    st=$(q "$T/int.db" "SELECT status || ' ' || lookthrough FROM runs" 2>/dev/null)
    "$FC" report --db "$T/int.db" >"$T/int.rep" 2>&1
    check "Ctrl-C: one-line summary, run recorded as interrupted, exit 4" \
        '[ "$rc" = 4 ] && grep -q "已中断：已保存" "$T/int.err" && [ "$(wc -l <"$T/int.err")" = 1 ] && [ "$st" = "interrupted pending" ]' \
        "rc=$rc st=$st $(cat "$T/int.err")"
    check "report: interrupted run and missing look-through shown" \
        'grep -q "已中断" "$T/int.rep" && grep -q "穿透检查结果缺失" "$T/int.rep"' "$(cat "$T/int.rep")"
    scan --db "$T/int.db" "$T/gen" >/dev/null 2>&1
    dump "$T/int.db" >"$T/int.dump"
    "$FC" report --db "$T/int.db" >"$T/int.rep2" 2>&1
    check "after Ctrl-C, re-run: same database as an uninterrupted scan; report warns no more" \
        'cmp -s "$T/int.dump" "$T/g1.dump" && ! grep -q "^警告：" "$T/int.rep2"'
    # A killed run (no end recorded) is shown too.
    q "$T/int.db" "INSERT INTO runs (tool_version, ruleset_hash, catalog_version, catalog_edition, started_at, status)
                   VALUES ('x', 'x', 'x', '', '2026-01-01T00:00:00Z', 'running')"
    "$FC" report --db "$T/int.db" --lang en >"$T/int.rep3" 2>&1
    check "report: a run without an end is shown as interrupted or still running" \
        'grep -q "did not end: interrupted" "$T/int.rep3"' "$(cat "$T/int.rep3")"

    # ---- kill -9 at random points, then re-run ----
    i=1 all_ok=1 kills=0 partial=0
    while [ "$i" -le "$KILL_ITER" ]; do
        db="$T/k$i.db"
        k=0
        while [ "$k" -lt 3 ]; do
            delay=$(awk -v s="$i$k" 'BEGIN { srand(s * 7919 + 17); printf "%.2f", 0.05 + rand() * 1.2 }')
            "$FC" scan --no-progress --jobs 3 --db "$db" "$T/gen" >/dev/null 2>&1 &
            pid=$!
            sleep "$delay"
            if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
            wait "$pid" 2>/dev/null
            n=$(q "$db" "SELECT count(*) FROM filings" 2>/dev/null || echo 0)
            if [ "${n:-0}" -gt 0 ] && [ "${n:-0}" -lt "$N_GEN" ]; then partial=$((partial + 1)); fi
            k=$((k + 1))
        done
        scan --jobs 2 --db "$db" "$T/gen" >/dev/null 2>&1
        dump "$db" >"$T/k.dump"
        if ! cmp -s "$T/g1.dump" "$T/k.dump"; then
            all_ok=0
            echo "  kill -9 iteration $i: database differs from an uninterrupted run"
            diff "$T/g1.dump" "$T/k.dump" | head -5
        fi
        dup=$(q "$db" "SELECT count(*) FROM (SELECT sha256 FROM filings GROUP BY sha256 HAVING count(*) > 1)")
        [ "$dup" = 0 ] || { all_ok=0; echo "  iteration $i: $dup duplicated filings"; }
        i=$((i + 1))
    done
    check "kill -9 x$kills ($partial mid-scan), re-run: exactly the findings of an uninterrupted run" \
        '[ "$all_ok" = 1 ]'
fi

# ---- a malformed filing in the middle of a batch ----
mkdir -p "$T/mal"
cp fixtures/derivatives.xml "$T/mal/a.xml"
head -c 1500 fixtures/guarantee.xml >"$T/mal/b-broken.xml"
cp fixtures/public-stock.xml "$T/mal/c.xml"
scan --db "$T/mal.db" "$T/mal" >/dev/null 2>"$T/mal.err"
rc=$?
check "malformed mid-batch: exit 2, error recorded with line and reason" \
    '[ "$rc" = 2 ] && [ "$(q "$T/mal.db" "SELECT count(*) FROM filings WHERE status = '"'error'"' AND error_line > 0 AND error_message <> '"''"' AND path LIKE '"'%b-broken.xml'"'")" = 1 ]' "rc=$rc"
check "malformed mid-batch: the others are checked, reason on stderr" \
    '[ "$(q "$T/mal.db" "SELECT count(*) FROM filings WHERE status = '"'checked'"'")" = 2 ] && grep -q "b-broken.xml:[0-9]" "$T/mal.err"'
scan --db "$T/mal2.db" "$T/mal/a.xml" "$T/mal/c.xml" >/dev/null 2>&1
check "malformed mid-batch: others' findings as without it" \
    '[ "$(q "$T/mal.db" "SELECT count(*) FROM findings")" = "$(q "$T/mal2.db" "SELECT count(*) FROM findings")" ]'

# ---- look-through: three levels and a cycle ----
scan --db "$T/lt.db" fixtures/lookthrough-*.xml >/dev/null 2>&1
chains=$(q "$T/lt.db" "SELECT rule_id || ' ' || chain FROM findings WHERE derived = 1 ORDER BY 1")
check "look-through: parent → A → B → holding (three levels)" \
    'echo "$chains" | grep -q "LT-004 江东省.*→ 江东庐州.*→ 江东芜湖.*→ 持仓 H001"' "$chains"
check "look-through: latest child period at or before the parent's; 3 derived findings" \
    '[ "$(echo "$chains" | grep -c .)" = 3 ]' "$chains"
mkdir -p "$T/cyc"
cp fixtures/lookthrough-parent.xml fixtures/lookthrough-child-a.xml "$T/cyc/"
sed -e 's/start="2025-10-01" end="2025-12-31"/start="2026-01-01" end="2026-03-31"/' \
    -e 's/GIF-2025Q4-/GIF-2026Q1-/' -e 's/<submittedAt>2026-01-20</<submittedAt>2026-04-20</' \
    fixtures/lookthrough-child-b.xml >"$T/cyc/lookthrough-child-b.xml"
scan --db "$T/cyc.db" "$T/cyc" >/dev/null 2>&1
"$FC" check --format json "$T"/cyc/*.xml >"$T/cyc.json" 2>/dev/null
n_db=$(q "$T/cyc.db" "SELECT count(*) FROM findings WHERE derived = 1")
rep=$(q "$T/cyc.db" "SELECT chain FROM findings WHERE derived = 1" | awk -F' → ' '{ delete s; for (i = 1; i < NF; i++) if (s[$i]++) print }')
check "look-through cycle: each path once, no fund twice on a chain" \
    '[ "$n_db" = 4 ] && [ -z "$rep" ]' "db=$n_db $rep"
# check and scan must derive the same findings: filing, rule, holding, chain
# and message of each, not merely as many
q :memory: "SELECT json_extract(f.value, '\$.filingId') || '|' || json_extract(g.value, '\$.rule') || '|' ||
    ifnull(json_extract(g.value, '\$.holding'), '') || '|' || json_extract(g.value, '\$.chain') || '|' ||
    json_extract(g.value, '\$.message')
  FROM json_each(readfile('$T/cyc.json'), '\$.files') f, json_each(f.value, '\$.findings') g
  WHERE json_type(g.value, '\$.chain') = 'text' ORDER BY 1" >"$T/lt-check.txt"
q "$T/cyc.db" "SELECT g.filing_id || '|' || f.rule_id || '|' || ifnull(f.holding_id, '') || '|' || f.chain || '|' ||
    f.message_zh FROM findings f JOIN filings g USING (filing_pk) WHERE f.derived = 1 ORDER BY 1" >"$T/lt-scan.txt"
check "look-through cycle: check and scan derive the same findings (rule, holding, chain, message)" \
    '[ -s "$T/lt-check.txt" ] && cmp -s "$T/lt-check.txt" "$T/lt-scan.txt"' \
    "$(diff "$T/lt-check.txt" "$T/lt-scan.txt" | head -c 400)"

# ---- nesting-depth limits over the database (LIM-006) ----
# The three-level chain limits-breach → limits-chain-mid → limits-chain-leaf
# (limit: at most 1 layer below). The parent scanned alone: cannot be
# determined (warning naming the sub-fund missing from the database); the
# rest of the chain scanned later: the parent's finding becomes the
# violation that `check` of the three files reports, word for word.
chain="fixtures/limits-breach.xml fixtures/limits-chain-mid.xml fixtures/limits-chain-leaf.xml"
"$FC" check --format json $chain 2>/dev/null |
    jq -r '.files[] | .path as $p | .findings[] | select(.rule == "LIM-006") |
           [$p, .severity, .message, .evidence, .line, .xpath, .exempted] | map(tostring) | join("|")' >"$T/nest-check.txt"
nestq="SELECT f.path, fi.severity, fi.message_zh, fi.evidence_zh, fi.line, fi.xpath,
  CASE fi.exempted WHEN 1 THEN 'true' ELSE 'false' END FROM findings fi JOIN filings f USING (filing_pk)
  WHERE fi.rule_id = 'LIM-006' ORDER BY f.path"
scan --db "$T/nest.db" fixtures/limits-breach.xml >/dev/null 2>&1
check "nesting depth, parent alone: a warning naming the sub-fund missing from the database" \
    '[ "$(q "$T/nest.db" "SELECT count(*) FROM findings WHERE rule_id = '"'LIM-006'"' AND severity = '"'warning'"'
          AND message_zh LIKE '"'%至少 1 层%91440300MA5T2M4D6H%数据库%'"'")" = 1 ]' "$(q "$T/nest.db" "$nestq")"
scan --db "$T/nest.db" fixtures/limits-chain-mid.xml fixtures/limits-chain-leaf.xml >/dev/null 2>&1
q "$T/nest.db" "$nestq" >"$T/nest-scan.txt"
check "nesting depth over a three-level chain: scan (database look-through) = check (batch)" \
    '[ "$(grep -c "|violation|.*2 层" "$T/nest-check.txt")" = 1 ] && cmp -s "$T/nest-check.txt" "$T/nest-scan.txt"' \
    "$(diff "$T/nest-check.txt" "$T/nest-scan.txt" | head -c 600)"
scan --db "$T/nest2.db" $chain >/dev/null 2>&1
q "$T/nest2.db" "$nestq" >"$T/nest-scan2.txt"
check "nesting depth: the chain in one scan = the chain in two" 'cmp -s "$T/nest-scan.txt" "$T/nest-scan2.txt"'
# incremental: a filing of an unrelated fund leaves the chain's LIM-006 rows
# alone (the same rows, not rewritten); a full recomputation on the same
# database gives the same content
pkq="SELECT finding_pk, filing_pk, message_zh FROM findings WHERE rule_id = 'LIM-006' ORDER BY 1"
q "$T/nest.db" "$pkq" >"$T/nest-pk1.txt"
scan --db "$T/nest.db" fixtures/direct-clean.xml >"$T/nest-inc.out" 2>&1
q "$T/nest.db" "$pkq" >"$T/nest-pk2.txt"
check "nesting depth, incremental: an unrelated filing leaves the LIM-006 rows untouched" \
    '[ -s "$T/nest-pk1.txt" ] && cmp -s "$T/nest-pk1.txt" "$T/nest-pk2.txt" && grep -q "增量" "$T/nest-inc.out"' \
    "$(diff "$T/nest-pk1.txt" "$T/nest-pk2.txt" | head -c 400)"
cp "$T/nest.db" "$T/nest-full.db"
scan --db "$T/nest-full.db" --recompute-lookthrough fixtures/direct-clean.xml >"$T/nest-full.out" 2>&1
q "$T/nest.db" "$nestq" >"$T/nest-inc.txt"
q "$T/nest-full.db" "$nestq" >"$T/nest-full.txt"
check "nesting depth: incremental passes = a full recomputation on the same database (rows, not counts)" \
    '[ -s "$T/nest-inc.txt" ] && cmp -s "$T/nest-inc.txt" "$T/nest-full.txt" && grep -q "全库重算" "$T/nest-full.out" &&
     [ "$(q "$T/nest-full.db" "$pkq" | cmp -s - "$T/nest-pk2.txt" && echo same)" != same ]' \
    "$(diff "$T/nest-inc.txt" "$T/nest-full.txt" | head -c 400)"

# ---- the auditor guide, against the database `make demo` builds ----
DEMO_DB="$T/guide.db" DEMO_DIR="$T/guide" FUNDCHECK="$FC" sh tests/demo.sh >"$T/demo.out" 2>&1
rc=$?
check "make demo's database (tests/demo.sh): built, with the guide's extra filings" \
    '[ "$rc" = 0 ] && [ "$(q "$T/guide.db" "SELECT count(*) FROM filings")" = $((n_fix + 4)) ]' "rc=$rc $(tail -3 "$T/demo.out")"
awk -v dir="$T" '/^```sql/ { n++; f = 1; next } /^```/ { f = 0 } f { print > (dir "/q" n ".sql") }' docs/auditor-guide.md
nq=$(ls "$T"/q*.sql 2>/dev/null | wc -l)
check "guide: at least 12 queries" '[ "$nq" -ge 12 ]' "$nq"
i=1
while [ "$i" -le "$nq" ]; do
    out=$(sqlite3 -batch -bail "$T/guide.db" <"$T/q$i.sql" 2>&1)
    rc=$?
    title=$(awk -v n="$i" '/^## / { h = $0 } /^```sql/ { c++; if (c == n) { print h; exit } }' docs/auditor-guide.md)
    check "guide query $i (${title#\#\# }) runs and returns rows" \
        '[ "$rc" = 0 ] && [ -n "$out" ] && ! echo "$out" | grep -q "^Error\|^Parse error"' "$out"
    i=$((i + 1))
done

# ---- diff ----
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 --format csv >"$T/d.csv" 2>&1
rc=$?
check "diff periods: new findings 2025Q4 → 2026Q1" \
    '[ "$rc" = 0 ] && [ "$(grep -c "^new,.*PS-002" "$T/d.csv")" = 2 ]' "$(head -3 "$T/d.csv")"
"$FC" diff --db "$T/guide.db" 2026-03-31 2026-06-30 >"$T/d2.txt" 2>&1
check "diff periods: resolved findings 2026Q1 → 2026Q2" 'grep -q "已解决 2 项" "$T/d2.txt"' "$(head -2 "$T/d2.txt")"
"$FC" diff --db "$T/fix.db" 1 3 --format json --lang en >"$T/d3.json" 2>&1
rc=$?
check "diff runs: unchanged findings between runs" \
    '[ "$rc" = 0 ] && [ "$(q :memory: "SELECT json_extract(readfile('"'$T/d3.json'"'), '"'\$.new'"') || '"' '"' || (json_extract(readfile('"'$T/d3.json'"'), '"'\$.unchanged'"') > 0)")" = "0 1" ]' "$(head -c 300 "$T/d3.json")"
"$FC" diff --db "$T/fix.db" 1 2026Q1 >/dev/null 2>&1
rc=$?
check "diff: mixed run and period is a usage error" '[ "$rc" = 3 ]' "rc=$rc"
"$FC" diff --db "$T/fix.db" 1 99 >"$T/d99.out" 2>"$T/d99.err"
rc=$?
check "diff: a run not in the database is exit 3 with a Chinese message, nothing listed" \
    '[ "$rc" = 3 ] && grep -q "没有编号为 99 的运行" "$T/d99.err" && [ ! -s "$T/d99.out" ]' "rc=$rc $(head -c 200 "$T/d99.err")"
"$FC" diff --db "$T/fix.db" 0 1 >"$T/d0.out" 2>"$T/d0.err"
rc=$?
check "diff 0 1: run 0 does not exist (exit 3), not everything new" \
    '[ "$rc" = 3 ] && grep -q "没有编号为 0 的运行" "$T/d0.err"' "rc=$rc $(head -c 200 "$T/d0.err")"
"$FC" diff --db "$T/guide.db" 2024Q1 2026Q1 >/dev/null 2>"$T/dp.err"
rc=$?
check "diff: a period with no current filing is exit 3" \
    '[ "$rc" = 3 ] && grep -q "没有报告期 2024-03-31 的现行报送" "$T/dp.err"' "rc=$rc $(head -c 200 "$T/dp.err")"
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 --format csv --only unchanged >"$T/du.csv" 2>&1
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 --format csv --only new,resolved,unchanged >"$T/dall.csv" 2>&1
check "diff --only: default lists new and resolved; --only unchanged lists only unchanged" \
    '! grep -q "^unchanged," "$T/d.csv" && grep -q "^unchanged," "$T/du.csv" && ! grep -q "^new,\|^resolved," "$T/du.csv" &&
     [ $(($(wc -l <"$T/d.csv") + $(wc -l <"$T/du.csv") - 1)) = "$(wc -l <"$T/dall.csv")" ]' \
    "$(wc -l "$T/d.csv" "$T/du.csv" "$T/dall.csv")"
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 --only bogus >/dev/null 2>"$T/dob.err"
rc=$?
check "diff --only with an unknown kind is exit 3 in Chinese" '[ "$rc" = 3 ] && grep -q "未知的 --only" "$T/dob.err"' "rc=$rc"
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 --fail-on violation >/dev/null 2>&1
rc_v=$?
"$FC" diff --db "$T/guide.db" 2026Q1 2026Q2 --fail-on notice >/dev/null 2>&1
rc_r=$?
"$FC" diff --db "$T/guide.db" 2025Q4 2026Q1 >/dev/null 2>&1
rc_0=$?
check "diff --fail-on: exit 1 on new findings at the level (2025Q4→2026Q1), 0 with only resolved ones, 0 without" \
    '[ "$rc_v" = 1 ] && [ "$rc_r" = 0 ] && [ "$rc_0" = 0 ]' "rc $rc_v/$rc_r/$rc_0 $(grep -c "^new," "$T/d.csv") new"

# ---- a draft is never a current filing ----
sed -e 's|<reportType>quarterly</reportType>|<reportType>draft</reportType>|' \
    -e 's|<submittedAt>[^<]*</submittedAt>|<submittedAt>2026-05-01</submittedAt>|' \
    fixtures/derivatives.xml >"$T/draft.xml"
scan --db "$T/draft.db" fixtures/derivatives.xml "$T/draft.xml" >/dev/null 2>&1
check "draft: recorded and checked, never the current filing" \
    '[ "$(q "$T/draft.db" "SELECT count(*) FROM filings WHERE report_type = '"'draft'"' AND status = '"'checked'"'")" = 1 ] &&
     [ "$(q "$T/draft.db" "SELECT count(*) FROM v_current_filings WHERE report_type = '"'draft'"'")" = 0 ] &&
     [ "$(q "$T/draft.db" "SELECT count(*) FROM v_current_filings")" = 1 ]'
scan --db "$T/draft2.db" "$T/draft.xml" >/dev/null 2>&1
check "draft alone: no current filing, no findings in the views" \
    '[ "$(q "$T/draft2.db" "SELECT count(*) FROM v_current_filings")" = 0 ] && [ "$(q "$T/draft2.db" "SELECT count(*) FROM v_findings")" = 0 ]'

# ---- database errors ----
cp "$T/fix.db" "$T/new.db"
q "$T/new.db" "PRAGMA user_version = 99"
scan --db "$T/new.db" fixtures/fof-clean.xml >/dev/null 2>"$T/new.err"
rc=$?
"$FC" report --db "$T/new.db" >/dev/null 2>>"$T/new.err"
rc2=$?
check "newer schema refused with a clear message (exit 4)" \
    '[ "$rc" = 4 ] && [ "$rc2" = 4 ] && grep -q "99" "$T/new.err"' "rc=$rc/$rc2 $(cat "$T/new.err")"
# A version-2 database (written by fundcheck before schema 3 from the
# fixtures of that time, tests/scan/v2-fixtures.sql): migrated on open, the
# findings and holdings read the same through the views.
v2q_f="SELECT path, seq, rule_id, category, severity, severity_rank, holding_id, item, message_zh,
  message_en, evidence_zh, evidence_en, explanation, line, xpath, derived, chain, exempted, exempted_by
  FROM findings fi JOIN filings f ON f.filing_pk = fi.filing_pk ORDER BY path, derived, seq, chain"
v2q_h="SELECT path, seq, holding_id, category, investee_uscc, invested, line
  FROM holdings h JOIN filings f ON f.filing_pk = h.filing_pk ORDER BY path, seq"
rm -f "$T/old.db"
sqlite3 "$T/old.db" <tests/scan/v2-fixtures.sql
q "$T/old.db" "$v2q_f" >"$T/old-f.before"
q "$T/old.db" "$v2q_h" >"$T/old-h.before"
"$FC" report --db "$T/old.db" --format csv >"$T/old.csv" 2>&1
rc=$?
q "$T/old.db" "$v2q_f" >"$T/old-f.after"
q "$T/old.db" "$v2q_h" >"$T/old-h.after"
check "version 2 database migrated to 4 (through 3) on open, findings and holdings unchanged" \
    '[ "$rc" = 0 ] && [ "$(q "$T/old.db" "PRAGMA user_version")" = 4 ] && [ -s "$T/old-f.before" ] &&
     cmp -s "$T/old-f.before" "$T/old-f.after" && cmp -s "$T/old-h.before" "$T/old-h.after"' "rc=$rc"
check "migrated: money in fen equals the REAL amount" \
    '[ "$(q "$T/old.db" "SELECT count(*) FROM holdings WHERE invested_fen IS NULL AND invested <> '"''"'")" = 0 ]'
scan --db "$T/old.db" fixtures/fof-clean.xml >"$T/old.scan" 2>&1
check "migrated: a filing recorded by the old version is checked again (new evaluation key)" \
    'grep -q "已检查 1 份" "$T/old.scan" && grep -q "全库重算" "$T/old.scan"' "$(cat "$T/old.scan")"
# A version-3 database (fundcheck 9a17a82, tests/scan/v3-fixtures.sql):
# migrated to 4 on open; findings, holdings and the report read the same;
# its filings lack the version-4 rows, so the next scan checks them again
# and the new rows (metrics, holding details, transactions…) are current.
rm -f "$T/v3.db"
sqlite3 "$T/v3.db" <tests/scan/v3-fixtures.sql
q "$T/v3.db" "$v2q_f" >"$T/v3-f.before"
q "$T/v3.db" "$v2q_h" >"$T/v3-h.before"
"$FC" report --db "$T/v3.db" --format csv >"$T/v3.csv" 2>&1
rc=$?
q "$T/v3.db" "$v2q_f" >"$T/v3-f.after"
q "$T/v3.db" "$v2q_h" >"$T/v3-h.after"
"$FC" report --db "$T/v3.db" --format csv >"$T/v3b.csv" 2>&1
check "version 3 database migrated to 4 on open, findings, holdings and report unchanged" \
    '[ "$rc" = 0 ] && [ "$(q "$T/v3.db" "PRAGMA user_version")" = 4 ] && [ -s "$T/v3-f.before" ] &&
     cmp -s "$T/v3-f.before" "$T/v3-f.after" && cmp -s "$T/v3-h.before" "$T/v3-h.after" &&
     [ "$(q "$T/v3.db" "SELECT count(*) FROM filing_metrics")" = 0 ]' "rc=$rc"
scan --db "$T/v3.db" fixtures/*.xml >/dev/null 2>&1
check "migrated from 3: the next scan checks the filings again, metrics and auditor rows current" \
    '[ "$(q "$T/v3.db" "SELECT n_checked FROM runs ORDER BY run_id DESC LIMIT 1")" = "$n_fix" ] &&
     [ "$(q "$T/v3.db" "SELECT count(*) FROM v_filing_metrics")" = "$n_fix" ] &&
     [ "$(q "$T/v3.db" "SELECT count(*) FROM v_transactions")" = "$(q "$T/fix.db" "SELECT count(*) FROM transactions")" ] &&
     [ "$(q "$T/v3.db" "SELECT count(*) FROM v_holdings WHERE fair_value IS NOT NULL OR controller_type IS NOT NULL")" -gt 0 ]'
# a version-2 database reaches 4 with the same tables and views as a new one
q "$T/old.db" "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2" >"$T/old.schema"
q "$T/v3.db" "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2" >"$T/v3.schema"
q "$T/fix.db" "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2" >"$T/new.schema"
check "migrations 2 → 4 and 3 → 4 give the objects of a new version-4 database" \
    'cmp -s "$T/old.schema" "$T/new.schema" && cmp -s "$T/v3.schema" "$T/new.schema"' \
    "$(diff "$T/old.schema" "$T/new.schema" | head -c 300; diff "$T/v3.schema" "$T/new.schema" | head -c 300)"

# ---- schema 4: auditor tables, limit rules, provenance ----
check "auditor tables: transactions, guarantees, disclosures as in the filings" \
    '[ "$(q "$T/fix.db" "SELECT count(*) FROM transactions")" = "$(cat fixtures/*.xml | grep -c "<transaction ")" ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM guarantees")" = "$(cat fixtures/*.xml | grep -c "<guarantee ")" ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM disclosures")" = "$(cat fixtures/*.xml | grep -c "<disclosure[ >]")" ]'
check "auditor tables: holding fair value, ownership, controller type, investee region" \
    '[ "$(q "$T/fix.db" "SELECT count(*) FROM v_holdings WHERE investee_region IS NOT NULL")" -gt 10 ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM v_holdings WHERE controller_type IS NOT NULL")" -gt 10 ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM holding_details WHERE fair_value IS NOT NULL AND fair_value_fen IS NULL")" = 0 ]'
lbl=$(for c in $(q "$T/fix.db" "SELECT category FROM categories"); do
    printf '%s|%s\n' "$c" "$(grep -o "{\"$c\", \"[^\"]*\"}" checker/report_util.c | sed 's/.*, "\(.*\)"}/\1/')"; done)
check "label tables: categories as in the reports, levels, severities; provinces honest" \
    '[ "$(printf "%s\n" "$lbl" | sort)" = "$(q "$T/fix.db" "SELECT category || '"'|'"' || label_zh FROM categories ORDER BY 1")" ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM categories")" = 10 ] &&
     [ "$(q "$T/fix.db" "SELECT group_concat(label_zh, '"'/'"') FROM (SELECT label_zh FROM gov_levels ORDER BY rank)")" = "中央/省级/市级/县级" ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM provinces WHERE name_zh IS NULL AND note LIKE '"'%not in ../shared%'"'")" -gt 5 ]' "$lbl"
check "limit pseudo-rules in the rules table: limit findings join like the others" \
    '[ "$(q "$T/fix.db" "SELECT count(*) FROM rules WHERE rule_id LIKE '"'LIM-%'"' AND category = '"'limit'"' AND legal_basis LIKE '"'%设立方案%'"'")" = 6 ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM v_findings WHERE rule_id LIKE '"'LIM-%'"'")" -gt 0 ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM v_findings WHERE rule_id LIKE '"'LIM-%'"' AND (title_zh IS NULL OR category <> '"'limit'"')")" = 0 ]'
check "run provenance: rule, schema and catalogue files with their SHA-256" \
    '[ "$(q "$T/fix.db" "SELECT count(*) FROM run_files WHERE run_id = 1 AND kind = '"'rules'"'")" = "$(ls rules/*.xml | wc -l)" ] &&
     [ "$(q "$T/fix.db" "SELECT sha256 FROM run_files WHERE run_id = 1 AND kind = '"'rules'"' ORDER BY name LIMIT 1")" = "$(sha256sum "$(ls rules/*.xml | sort | head -n 1)" | cut -c1-64)" ] &&
     [ "$(q "$T/fix.db" "SELECT count(*) FROM run_files WHERE run_id = 1 AND kind = '"'catalog'"'")" -ge 1 ]'
v4q="SELECT f.path, t.seq, t.transaction_id, t.amount FROM transactions t JOIN filings f USING (filing_pk) UNION ALL
  SELECT f.path, m.hhi, m.invested_fen, m.null_reasons FROM filing_metrics m JOIN filings f USING (filing_pk) UNION ALL
  SELECT f.path, d.seq, d.ownership, d.fair_value FROM holding_details d JOIN filings f USING (filing_pk) ORDER BY 1, 2, 3"
q "$T/fix.db" "$v4q" >"$T/v4.rows"
scan --force --db "$T/fix.db" fixtures/*.xml >/dev/null 2>&1
q "$T/fix.db" "$v4q" >"$T/v4.rows2"
check "--force: schema-4 rows replaced, not duplicated" '[ -s "$T/v4.rows" ] && cmp -s "$T/v4.rows" "$T/v4.rows2"'

scan --db "$T/no/such/dir/x.db" fixtures/fof-clean.xml >/dev/null 2>"$T/ro.err"
rc=$?
check "unwritable database path: exit 4, clear message" \
    '[ "$rc" = 4 ] && grep -q "无法打开数据库" "$T/ro.err"' "rc=$rc $(cat "$T/ro.err")"
echo "not a database" >"$T/text.db"
scan --db "$T/text.db" fixtures/fof-clean.xml >/dev/null 2>"$T/nd.err"
rc=$?
check "not a database: exit 4" '[ "$rc" = 4 ] && [ -s "$T/nd.err" ]' "rc=$rc"
"$FC" report --db "$T/missing.db" >/dev/null 2>&1
rc=$?
check "report of a missing database: exit 4, nothing created" '[ "$rc" = 4 ] && [ ! -e "$T/missing.db" ]' "rc=$rc"
"$FC" scan --jobs 0 fixtures >/dev/null 2>&1
rc=$?
check "bad --jobs: exit 3" '[ "$rc" = 3 ]' "rc=$rc"

# ---- the walker ----
mkdir -p "$T/w/sub/deeper" "$T/w/dir.xml"
cp fixtures/fof-clean.xml "$T/w/one.xml"
cp fixtures/direct-clean.xml "$T/w/sub/deeper/two.xml"
cp fixtures/gb18030.xml "$T/w/dir.xml/three.xml"
echo "ignored" >"$T/w/notes.txt"
ln -s .. "$T/w/sub/loop"
ln -s "$T/w" "$T/w/sub/deeper/up"
scan --db "$T/w.db" "$T/w" >/dev/null 2>"$T/w.err"
rc=$?
check "walker: recursive, *.xml only, directory named x.xml walked, symlink loops cut" \
    '[ "$(q "$T/w.db" "SELECT count(*) FROM filings")" = 3 ] && grep -q "循环" "$T/w.err"' \
    "rc=$rc $(q "$T/w.db" "SELECT path FROM filings") $(cat "$T/w.err")"
printf '%s\n%s\n' fixtures/fof-clean.xml fixtures/derivatives.xml | scan --db "$T/stdin.db" - >/dev/null 2>&1
rc=$?
check "stdin list (-)" '[ "$rc" = 1 ] && [ "$(q "$T/stdin.db" "SELECT count(*) FROM filings")" = 2 ]' "rc=$rc"
scan --db "$T/miss.db" "$T/does-not-exist.xml" fixtures/fof-clean.xml >/dev/null 2>"$T/miss.err"
rc=$?
check "mistyped path on the command line: exit 3 in Chinese, no database, no error filing stored" \
    '[ "$rc" = 3 ] && [ ! -e "$T/miss.db" ] && grep -q "does-not-exist.xml：文件或目录不存在" "$T/miss.err"' "rc=$rc $(head -c 200 "$T/miss.err")"

# ---- stat cache: unchanged files are not read ----
# Files older than the settle time (1 s) are recorded with their size, times
# and inode; a re-run skips them without reading them (an unreadable file
# still counts as skipped, which shows it was not opened), a rewrite that
# changes size or times is read again, --rehash reads everything.
mkdir -p "$T/st"
for f in fixtures/fof-clean.xml fixtures/lookthrough-child-a.xml fixtures/lookthrough-parent.xml; do
    cp "$f" "$T/st/"
done
touch -d '2020-01-01 00:00:00' "$T/st"/*.xml
sleep 2 # the ctime set by cp and touch must be older than the settle time
scan --db "$T/st.db" "$T/st" >/dev/null 2>&1
check "stat cache: a signature per file hashed" '[ "$(q "$T/st.db" "SELECT count(*) FROM file_stat")" = 3 ]'
dump "$T/st.db" >"$T/st1.dump"
if [ "$(id -u)" != 0 ]; then
    chmod 000 "$T/st/fof-clean.xml"
    scan --db "$T/st.db" "$T/st" >"$T/st2.out" 2>&1
    rc=$?
    chmod 644 "$T/st/fof-clean.xml"
    check "stat cache: an unchanged file is skipped without being opened" \
        '[ "$rc" = 0 ] && grep -q "跳过 3 份" "$T/st2.out"' "rc=$rc $(head -2 "$T/st2.out")"
else
    strace_ok=0
    if command -v strace >/dev/null 2>&1; then
        strace -f -e trace=openat -o "$T/st.trace" "$FC" scan --no-progress --db "$T/st.db" "$T/st" >"$T/st2.out" 2>&1
        grep -q '跳过 3 份' "$T/st2.out" && ! grep -q 'fof-clean.xml' "$T/st.trace" && strace_ok=1
        check "stat cache: an unchanged file is skipped without being opened (strace)" '[ "$strace_ok" = 1 ]' \
            "$(head -2 "$T/st2.out")"
    else
        echo "skip stat cache open test: running as root without strace (permissions do not stop root)"
    fi
fi
# the same size, another time: read, hashed, the same content: skipped, signature renewed
touch -d '2020-01-02 00:00:00' "$T/st/fof-clean.xml"
sleep 2
scan --db "$T/st.db" "$T/st" >"$T/st3.out" 2>&1
check "stat cache: a touched file is read again, same content skipped, signature renewed" \
    'grep -q "跳过 3 份" "$T/st3.out" &&
     [ "$(q "$T/st.db" "SELECT mtime_ns FROM file_stat WHERE path LIKE '"'%fof-clean.xml'"'")" = "$(stat -c %Y "$T/st/fof-clean.xml")000000000" ]'
# a changed file with the same size and a restored mtime: ctime gives it away
# (the final newline becomes a space: the same size, new content)
sz=$(wc -c <"$T/st/fof-clean.xml")
printf ' ' | dd of="$T/st/fof-clean.xml" bs=1 seek=$((sz - 1)) conv=notrunc 2>/dev/null
touch -d '2020-01-02 00:00:00' "$T/st/fof-clean.xml"
sleep 2
scan --db "$T/st.db" "$T/st" >"$T/st4.out" 2>&1
check "stat cache: same size and mtime, new ctime: read again (new content recorded)" \
    'grep -q "已检查 1 份" "$T/st4.out" && [ "$(wc -c <"$T/st/fof-clean.xml")" = "$sz" ]' "$(head -2 "$T/st4.out")"
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=openat -o "$T/st5.trace" "$FC" scan --no-progress --db "$T/st.db" --rehash "$T/st" >"$T/st5.out" 2>&1
    check "--rehash: every file read again (all skipped by content)" \
        'grep -q "跳过 3 份" "$T/st5.out" && [ "$(grep -c "/st/[a-z-]*\.xml" "$T/st5.trace")" -ge 3 ]'
elif [ "$(id -u)" != 0 ]; then
    chmod 000 "$T/st/fof-clean.xml"
    scan --db "$T/st.db" --rehash "$T/st" >/dev/null 2>&1
    rc=$?
    chmod 644 "$T/st/fof-clean.xml"
    check "--rehash: every file read again (an unreadable one is an error)" '[ "$rc" = 2 ]' "rc=$rc"
else
    echo "skip --rehash test: running as root without strace"
fi
cp fixtures/fof-clean.xml "$T/st/fresh.xml"
scan --db "$T/st.db" "$T/st" >/dev/null 2>&1
check "stat cache: a file changed within the settle time is not recorded (racily clean)" \
    '[ "$(q "$T/st.db" "SELECT count(*) FROM file_stat WHERE path LIKE '"'%fresh.xml'"'")" = 0 ]'
rm -f "$T/st/fresh.xml"
scan --db "$T/st.db" --force "$T/st" >"$T/st6.out" 2>&1
check "--force: every file checked again despite the stat cache" 'grep -q "已检查 3 份" "$T/st6.out"'
# a dropped cache costs only a re-hash
q "$T/st.db" "DROP TABLE file_stat"
scan --db "$T/st.db" "$T/st" >"$T/st7.out" 2>&1
check "stat cache dropped: re-created, files hashed and skipped" \
    'grep -q "跳过 3 份" "$T/st7.out" && [ "$(q "$T/st.db" "SELECT count(*) FROM file_stat")" = 3 ]'

# ---- documentation ----
missing=""
for name in $(q "$T/fix.db" "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"); do
    grep -q "\`$name\`" docs/database.md || missing="$missing $name"
done
check "docs/database.md documents every table and view" '[ -z "$missing" ]' "$missing"

# ---- demo ----
if [ "$CK_ASAN" != 1 ]; then
    FUNDCHECK="$FC" sh tests/demo.sh >"$T/demo.out" 2>&1
    rc=$?
    check "make demo script: exit 0, report printed" '[ "$rc" = 0 ] && grep -q "按基金" "$T/demo.out"' "rc=$rc"
fi

echo "scan: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
