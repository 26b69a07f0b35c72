#!/bin/sh
# The industry catalogue: import equivalence (TSV vs official text layout, the real
# excerpt), anomaly reports with line numbers, the GB/T 4754 cross-check against the
# shared table, search accuracy on the labelled descriptions (fails below 0.80 top-3),
# editions in force, stats/show/list/search output, and the industry fixtures.
# Env: ROOT, BUILD, FUNDCHECK, SHARED (path of ../shared, or empty: shared cross-checks
# are skipped with a message), CK_ASAN.
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { # $1 = name, rest = command; passes when the command succeeds
    name=$1; shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
FC=$FUNDCHECK
SYN=tests/catalog/synthetic-catalog
# an empty user dir, so that the developer's own imported editions do not interfere
EMPTY=$tmp/empty
imp() { # $1 = dir, rest = import args
    d=$1; shift
    "$FC" catalog import --catalog-dir "$d" "$@"
}

# ---- import: synthetic TSV and its official-layout text give the same catalogue ----
imp "$tmp/syn-tsv" --edition 2024 --effective 2024-02-01 --status synthetic --source synthetic \
    "$SYN.tsv" >"$tmp/imp-tsv.out" 2>&1
rc1=$?
imp "$tmp/syn-txt" --edition 2024 --effective 2024-02-01 --status synthetic --source synthetic \
    "$SYN.txt" >"$tmp/imp-txt.out" 2>&1
rc2=$?
check "import synthetic TSV and text (exit 0)" [ "$rc1" -eq 0 ] && [ "$rc2" -eq 0 ]
check "synthetic TSV and text layout give identical catalogues" \
    cmp -s "$tmp/syn-tsv/isac-2024.tsv" "$tmp/syn-txt/isac-2024.tsv"
n=$(grep -c '^[a-z]' "$tmp/syn-txt/isac-2024.tsv")
check "synthetic catalogue has >= 80 entries ($((n - 1)))" [ "$n" -gt 80 ]
not_synthetic=$(awk -F'\t' '/^[a-z]/ && $1 != "class" && $9 != "synthetic"' "$tmp/syn-txt/isac-2024.tsv" | wc -l)
check "every synthetic entry is marked synthetic" [ "$not_synthetic" -eq 0 ]
check "text import reports counts per class" grep -q '条目 106：鼓励类 53，限制类 25，淘汰类 28' "$tmp/imp-txt.out"
check "text import skips page furniture" grep -q '页眉页脚及页码 16 行' "$tmp/imp-txt.out"
check "text import finds no anomaly" grep -q '^异常 0 处' "$tmp/imp-txt.out"

# ---- import: anomalies with line numbers ----
"$FC" catalog import --lang en --dry-run --edition 2099 --effective 2099-01-01 \
    tests/catalog/anomalies.txt >"$tmp/anom.out" 2>&1
cat >"$tmp/anom.want" <<'EOF'
anomalies: 5:
  tests/catalog/anomalies.txt:7: numbering gap: item 4 follows item 2
  tests/catalog/anomalies.txt:8: item number 4 repeated (first at line 7)
  tests/catalog/anomalies.txt:11: unparsed line (belongs to no item): 这一行不属于任何条目
  tests/catalog/anomalies.txt:13: same text as the item at line 12
  tests/catalog/anomalies.txt:16: first item of the section is numbered 2
EOF
tail -n 6 "$tmp/anom.out" >"$tmp/anom.got"
if cmp -s "$tmp/anom.want" "$tmp/anom.got"; then ok "anomalies reported with line numbers"; else
    bad "anomalies reported with line numbers"; diff -u "$tmp/anom.want" "$tmp/anom.got"; fi
"$FC" catalog import --strict --dry-run --edition 2099 --effective 2099-01-01 \
    tests/catalog/anomalies.txt >/dev/null 2>&1
check "--strict refuses a catalogue with anomalies (exit 3)" [ $? -eq 3 ]
"$FC" catalog import --edition 2099 tests/catalog/anomalies.txt >/dev/null 2>&1
check "import without --effective is bad usage (exit 3)" [ $? -eq 3 ]

# ---- the real excerpt: shared TSV, re-import of the shipped file, shipped data agree ----
"$FC" catalog list --catalog-dir "$EMPTY" --edition 2024 --format tsv >"$tmp/shipped.tsv" 2>&1
imp "$tmp/ship-re" --edition 2024 --effective 2024-02-01 --status excerpt \
    catalogs/isac-2024-excerpt.tsv >/dev/null 2>&1
"$FC" catalog list --catalog-dir "$tmp/ship-re" --edition 2024 --format tsv >"$tmp/ship-re.tsv" 2>&1
check "re-importing the shipped excerpt gives the same entries" cmp -s "$tmp/shipped.tsv" "$tmp/ship-re.tsv"
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/catalog-sources/isac-2024-excerpt.tsv" ]; then
    imp "$tmp/excerpt" --edition 2024 --effective 2024-02-01 --status excerpt \
        "$SHARED/catalog-sources/isac-2024-excerpt.tsv" >"$tmp/exc.out" 2>&1
    "$FC" catalog list --catalog-dir "$tmp/excerpt" --edition 2024 --format tsv >"$tmp/exc.tsv" 2>&1
    if cmp -s "$tmp/shipped.tsv" "$tmp/exc.tsv"; then ok "shared excerpt imports to the shipped entries"; else
        bad "shared excerpt imports to the shipped entries"; diff -u "$tmp/shipped.tsv" "$tmp/exc.tsv" | head; fi
    check "excerpt import: 8 entries, no anomaly" grep -q '条目 8：鼓励类 2，限制类 6，淘汰类 0' "$tmp/exc.out"
else
    echo "skip shared excerpt import (SHARED not set)"
fi

# ---- GB/T 4754-2017: shipped sections and divisions against the shared table ----
if [ -n "${SHARED:-}" ] && [ -f "$SHARED/catalog-sources/gbt4754-2017.tsv" ]; then
    awk -F'\t' 'NR > 1 && ($2 == "section" || $2 == "division") {
        code = $1; if ($2 == "division") code = $4 code; print code "\t" $3 }' \
        "$SHARED/catalog-sources/gbt4754-2017.tsv" | sort >"$tmp/gbt.ref"
    grep -v '^#' catalogs/gbt4754-2017.tsv | sed 1d | sort >"$tmp/gbt.ours"
    if cmp -s "$tmp/gbt.ref" "$tmp/gbt.ours"; then ok "GB/T 4754 sections and divisions match the shared table (117)"; else
        bad "GB/T 4754 sections and divisions match the shared table"; diff -u "$tmp/gbt.ref" "$tmp/gbt.ours" | head -20; fi
    imp "$tmp/gbt" --gbt4754 "$SHARED/catalog-sources/gbt4754-2017.tsv" >"$tmp/gbt.out" 2>&1
    check "full GB/T table imports (1972 codes)" grep -q '代码 1972 个（门类 20，大类 97，中类 473，小类 1382）' "$tmp/gbt.out"
    "$FC" catalog stats --catalog-dir "$tmp/gbt" >"$tmp/gbt.stats" 2>&1
    check "stats: full code table loaded" grep -q '门类 20，大类 97，中类 473，小类 1382（完整代码表' "$tmp/gbt.stats"
else
    echo "skip GB/T cross-check (SHARED not set)"
fi

# ---- matching: accuracy on the labelled descriptions ----
"$FC" catalog eval --catalog-dir "$tmp/syn-txt" --min 0.80 tests/catalog/labels.tsv >"$tmp/eval.out" 2>&1
rc=$?
grep -v '^top3\|^MISS\|^EXCL' "$tmp/eval.out"
acc=$(sed -n 's/.*top-1 准确率 \([0-9.]*\)，top-3 准确率 \([0-9.]*\)/top-1 \1, top-3 \2/p' "$tmp/eval.out")
echo "catalog search accuracy: $acc"
check "search accuracy top-3 >= 0.80 ($acc)" [ "$rc" -eq 0 ]
nl=$(grep -vc '^#' tests/catalog/labels.tsv)
check "at least 120 labelled descriptions ($nl)" [ "$nl" -ge 120 ]
"$FC" catalog search --catalog-dir "$tmp/syn-txt" --top 3 --format tsv 溶剂型涂料生产线建设 >"$tmp/s1" 2>&1
check "search tsv: top-1 with score and terms" grep -q '^1	2024/restricted/三/5	[01]\.[0-9]*	[0-9.]*	restricted	.*溶剂型涂料' "$tmp/s1"
"$FC" catalog search --catalog-dir "$tmp/syn-txt" 水性涂料、粉末涂料研发生产 >"$tmp/s2" 2>&1
check "search shows the 除外 exclusion" grep -q '排除：2024/restricted/三/5 的除外条款' "$tmp/s2"
"$FC" catalog search --catalog-dir "$tmp/syn-txt" --top 3 --format tsv 溶剂型涂料生产线建设 >"$tmp/s3" 2>&1
check "search is deterministic" cmp -s "$tmp/s1" "$tmp/s3"

# ---- stats, show, list ----
"$FC" catalog stats --catalog-dir "$EMPTY" >"$tmp/stats" 2>&1
check "stats: the excerpt is labelled incomplete" grep -q '2024  生效 2024-02-01  节选（不完整）  8 条（鼓励类 2，限制类 6，淘汰类 0）' "$tmp/stats"
check "stats: excerpt is not the catalogue" grep -q '不在已加载的节选中”不等于“不在目录中' "$tmp/stats"
check "stats: GB/T divisions only" grep -q '门类 20，大类 97，中类 0，小类 0' "$tmp/stats"
check "stats: sample provincial list labelled" grep -q '99  示例省重点产业领域清单（示例数据，非官方）  2026-01-01  示例（非官方）' "$tmp/stats"
"$FC" catalog stats --catalog-dir "$tmp/syn-txt" --lang en >"$tmp/stats-en" 2>&1
check "stats --lang en: synthetic edition replaces the excerpt" grep -q 'SYNTHETIC test data (not official)  106 entries' "$tmp/stats-en"
"$FC" catalog show --catalog-dir "$EMPTY" 2024/restricted/一/2 >"$tmp/show" 2>&1
check "show: official wording and source" grep -q '^原文：单线5万立方米/年以下的普通刨花板、高中密度纤维板生产装置$' "$tmp/show"
check "show: source address" grep -q '^来源：http://m.jianbiaoku.com/webarbs/book/26482/4859777.shtml' "$tmp/show"
check "show: class consequence quoted" grep -q '对属于限制类的新建项目,禁止投资' "$tmp/show"
"$FC" catalog show --catalog-dir "$EMPTY" 2024/restricted/一/99 >/dev/null 2>&1
check "show: unknown key is exit 3" [ $? -eq 3 ]
"$FC" catalog list --catalog-dir "$tmp/syn-txt" --class eliminated --format tsv >"$tmp/list" 2>&1
check "list --class eliminated --format tsv (28 rows + header)" [ "$(wc -l <"$tmp/list")" -eq 29 ]
check "list: sub-sections in keys" grep -q '^2024/eliminated/一/四/2	eliminated	一	落后生产工艺装备	四	钢铁	2	400立方米及以下的炼铁高炉	synthetic$' "$tmp/list"
"$FC" catalog list --catalog-dir "$EMPTY" --class restricted --format text >"$tmp/list2" 2>&1
check "list --format text" grep -q '^共 6 条$' "$tmp/list2"
"$FC" catalog nosuch >/dev/null 2>&1
check "unknown subcommand is exit 3" [ $? -eq 3 ]

# ---- a broken catalogue file stops the load with file:line (exit 3) ----
mkdir -p "$tmp/broken"
printf '#kind\tisac-edition\n#edition\t2030\n#effective\t2030-01-01\nclass\tsector_no\titem_no\ttext\nfoo\t一\t1\tx\n' \
    >"$tmp/broken/isac-2030.tsv"
"$FC" catalog stats --catalog-dir "$tmp/broken" >"$tmp/broken.out" 2>&1
rc=$?
check "broken catalogue: exit 3 with file:line" sh -c "[ $rc -eq 3 ] && grep -q 'isac-2030.tsv:5: unknown class' '$tmp/broken.out'"

# ---- fixtures: the five situations ----
jf() { # $1 = fixture, $2 = catalog dir; prints "rule severity holding" per finding
    "$FC" check --format json --catalog-dir "$2" "$1" 2>/dev/null >"$tmp/f.json"
    sqlite3 -batch -noheader :memory: "select json_extract(x.value,'\$.rule') || ' ' ||
        json_extract(x.value,'\$.severity') || ' ' || ifnull(json_extract(x.value,'\$.holding'),'-')
        from json_each(readfile('$tmp/f.json'), '\$.files[0].findings') x
        where json_extract(x.value,'\$.category') = 'industry-catalog';"
}
jf fixtures/industry-restricted.xml "$EMPTY" >"$tmp/fx"
check "fixture: declared restricted entry is a violation" grep -q '^IC-001 violation H001$' "$tmp/fx"
check "fixture: declared encouraged entry that fits is accepted" sh -c "! grep -q 'H002' '$tmp/fx'"
jf fixtures/industry-missing.xml "$EMPTY" >"$tmp/fx"
check "fixture: entry missing from the loaded excerpt is a notice" grep -q '^IC-003 notice H001$' "$tmp/fx"
jf fixtures/industry-undeclared-restricted.xml "$EMPTY" >"$tmp/fx"
check "fixture: undeclared business matching a restricted entry" grep -q '^IC-005 warning H001$' "$tmp/fx"
check "fixture: 除外 clause keeps H002 clear" sh -c "! grep -q '^IC-005 .* H002' '$tmp/fx'"
jf fixtures/industry-provincial.xml "$EMPTY" >"$tmp/fx"
check "fixture: investee outside the provincial list" grep -q '^IC-008 notice H002$' "$tmp/fx"
check "fixture: investee inside the provincial list" sh -c "! grep -q '^IC-008 .* H001' '$tmp/fx'"
jf fixtures/industry-encouraged.xml "$EMPTY" >"$tmp/fx"
check "fixture: encouraged investments that match raise nothing" sh -c "! grep -q . '$tmp/fx'"

# ---- editions in force: a 2023 filing needs the 2019 edition ----
sed 's/start="2026-01-01" end="2026-03-31"/start="2023-10-01" end="2023-12-31"/' \
    fixtures/industry-undeclared-restricted.xml >"$tmp/f2023.xml"
jf "$tmp/f2023.xml" "$EMPTY" >"$tmp/fx"
check "2023 filing without the 2019 edition: says so (IC-007)" grep -q '^IC-007 notice -$' "$tmp/fx"
check "2023 filing is not judged by the 2024 edition" sh -c "! grep -q '^IC-005' '$tmp/fx'"
imp "$tmp/e2019" --edition 2019 --effective 2020-01-01 --status synthetic --source synthetic \
    "$SYN.tsv" >/dev/null 2>&1
"$FC" check --format json --catalog-dir "$tmp/e2019" "$tmp/f2023.xml" >"$tmp/f.json" 2>/dev/null
check "2023 filing judged by the imported 2019 edition" grep -q '2019' "$tmp/f.json"
check "2023 filing: no 'edition not loaded' notice once 2019 is imported" sh -c "! grep -q 'IC-007' '$tmp/f.json'"

echo "catalog: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
