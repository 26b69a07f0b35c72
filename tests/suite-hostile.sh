#!/bin/sh
# Hostile inputs (docs/robustness.md). Each case feeds one hostile filing to
# `fundcheck check` together with a good fixture and asserts:
#  - the exit code;
#  - the diagnostic "fundcheck: FILE:LINE: reason" (reason matched by an ERE),
#    or, for inputs that are merely unusual, that the file was checked;
#  - a bounded time (timeout) and, outside ASan, bounded memory (ulimit -v);
#  - that the good fixture of the same batch was still checked.
# The time limits catch hangs, not slowness (speed is make bench): on a
# loaded shared machine the 100,000-holding case alone may take minutes.
# Small inputs are committed in tests/hostile/; big ones are generated into a
# temporary directory with $BUILD/fcgen --hostile KIND or awk. Hostile rule
# sets (tests/hostile/rules/*/) must fail to load with "FILE:LINE: reason".
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN (1: skip the 200 MB and 100k-holding
# cases, allow more time).
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
: "${CK_ASAN:=0}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
pass=0 fail=0 skip=0
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
# An empty user catalogue: results must not depend on what the user imported.
mkdir -p "$work/catalogs"
FUNDCHECK_CATALOG_DIR=$work/catalogs
export FUNDCHECK_CATALOG_DIR

GOOD=fixtures/direct-clean.xml
GOOD_ID=GIF-2026Q1-LJ-ANGEL-0001
H=tests/hostile
if [ "$CK_ASAN" = 1 ]; then SLOW=3; else SLOW=1; fi

ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
skip() { skip=$((skip + 1)); echo "skip $1${2:+: $2}"; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fs", b - a }'; }

# run_check SECONDS FILE... : fundcheck check --format json, output in $work/out, $work/err, $rc, $took
run_check() {
    limit=$(($1 * SLOW))
    shift
    t0=$(now)
    if [ "$CK_ASAN" = 1 ]; then
        timeout "$limit" "$FUNDCHECK" check --lang en --format json "$@" >"$work/out" 2>"$work/err"
    else
        # 3 GiB of address space: enough for a 64 MiB filing's DOM, not for a bomb.
        (ulimit -v 3145728; exec timeout "$limit" "$FUNDCHECK" check --lang en --format json "$@") \
            >"$work/out" 2>"$work/err"
    fi
    rc=$?
    took=$(elapsed "$t0" "$(now)")
}

good_checked() { # the good fixture's entry in the JSON report says "checked"
    grep -F "\"path\":\"$GOOD\"" "$work/out" | grep -q -F "\"filingId\":\"$GOOD_ID\",\"fundUscc\":\"91440300MA5J6P2Q8G\",\"status\":\"checked\""
}

# must_refuse NAME FILE SECONDS REASON-ERE : exit 2, one "fundcheck: FILE:LINE: reason" line
must_refuse() {
    name=$1 file=$2 secs=$3 reason=$4
    run_check "$secs" "$file" "$GOOD"
    if [ "$rc" -eq 124 ] || [ "$rc" -ge 125 ]; then
        bad "$name" "rc $rc after $took (timeout, crash or out of memory): $(head -c 300 "$work/err")"
        return
    fi
    if [ "$rc" -ne 2 ]; then
        bad "$name" "exit $rc, expected 2: $(head -c 300 "$work/err")"
        return
    fi
    # diagnostics: FILE[:LINE[:COL]]: error[FC-…]: reason (English: run_check passes --lang en)
    if ! grep -q -E "^$(printf '%s' "$file" | sed 's/[.[\*^$]/\\&/g'):([0-9]+:)*( error\[FC-[A-Z][0-9]+\]:)? ($reason)" "$work/err"; then
        bad "$name" "message: $(head -c 300 "$work/err")"
        return
    fi
    if grep -q -F 'root:x:0:0' "$work/out" "$work/err"; then
        bad "$name" "contents of /etc/passwd leaked into the output"
        return
    fi
    if ! good_checked; then
        bad "$name" "the good fixture of the batch was not checked"
        return
    fi
    ok "$name ($took): $(grep -m1 -F "fundcheck: $file:" "$work/err" | cut -c1-110)"
}

# must_check NAME FILE SECONDS : the hostile-looking file is a filing and is checked
must_check() {
    name=$1 file=$2 secs=$3
    run_check "$secs" "$file" "$GOOD"
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
        bad "$name" "exit $rc after $took: $(head -c 300 "$work/err")"
        return
    fi
    if ! grep -F "\"path\":\"$file\"" "$work/out" | grep -q -F '"status":"checked"'; then
        bad "$name" "not checked: $(head -c 300 "$work/err")"
        return
    fi
    if ! good_checked; then
        bad "$name" "the good fixture of the batch was not checked"
        return
    fi
    ok "$name ($took): checked, exit $rc"
}

if [ ! -x "$FUNDCHECK" ]; then
    echo "no $FUNDCHECK (run make)"
    echo "hostile: 0 passed, 1 failed"
    exit 1
fi

# ---- committed small inputs ----
must_refuse "xxe to a local file"     $H/xxe-file.xml 10 'DOCTYPE declarations are not allowed'
must_refuse "xxe and DTD over http"   $H/xxe-url.xml 10 'DOCTYPE declarations are not allowed'
must_refuse "billion laughs"          $H/billion-laughs.xml 10 'DOCTYPE declarations are not allowed'
must_refuse "invalid UTF-8"           $H/invalid-utf8.xml 10 'not well-formed XML: Input is not proper UTF-8'
must_refuse "GBK declared as UTF-8"   $H/gbk-declared-utf8.xml 10 'not well-formed XML: Input is not proper UTF-8'
must_refuse "UTF-8 declared as GBK"   $H/utf8-declared-gbk.xml 10 'not well-formed XML: input conversion failed'
must_refuse "NUL bytes"               $H/nul-bytes.xml 10 'not well-formed XML: Char 0x0 out of allowed range'
must_refuse "truncated file"          $H/truncated.xml 10 'not well-formed XML'
must_refuse "empty file"              $H/empty.xml 10 'empty file'
must_refuse "binary (gzip) as .xml"   $H/binary.xml 10 'not well-formed XML'
must_refuse "duplicate holding ids"   $H/duplicate-holding-id.xml 10 "schema violation: .*Duplicate key-sequence \\['H001'\\]"
must_check  "UTF-8 BOM"               $H/bom.xml 10

# ---- generated at test time ----
mkdir "$work/x.xml"
# check searches a directory for *.xml; an empty one named on the command line is exit 2
run_check 10 "$work/x.xml" "$GOOD"
if [ "$rc" -eq 2 ] && grep -q "x.xml: error\[FC-F005\]: a directory with no \*.xml filing in it" "$work/err" && good_checked; then
    ok "directory named x.xml: searched, none found, exit 2"
else
    bad "directory named x.xml" "exit $rc: $(head -c 300 "$work/err")"
fi
mkfifo "$work/fifo.xml"
must_refuse "FIFO named fifo.xml (no hang)" "$work/fifo.xml" 10 'not a regular file'
ln -s /dev/zero "$work/zero.xml"
must_refuse "symlink to /dev/zero"    "$work/zero.xml" 10 'not a regular file'
ln -s /nonexistent/filing.xml "$work/dangling.xml"
must_refuse "dangling symlink"        "$work/dangling.xml" 10 'cannot open: No such file or directory'
ln -s self.xml "$work/self.xml"
must_refuse "symlink to itself"       "$work/self.xml" 10 'cannot open: Too many levels of symbolic links'

cp "$GOOD" "$work/secret.xml"
chmod 000 "$work/secret.xml"
if [ "$(id -u)" != 0 ]; then
    must_refuse "unreadable file" "$work/secret.xml" 10 'cannot open: Permission denied'
elif ! command -v setpriv >/dev/null 2>&1; then
    skip "unreadable file" "running as root without setpriv (cannot drop to nobody)"
else
    # Root reads anything: drop to nobody for this case. nobody may not be
    # able to reach the checkout (a clone in a 0700 directory), so it runs a
    # copy of the binary and its data from a directory it can reach.
    nb=$work/nobody
    mkdir -p "$nb/root/build" "$nb/root/checker"
    cp "$FUNDCHECK" "$nb/root/build/fundcheck"
    cp -R rules catalogs "$nb/root/"
    cp -R checker/schema "$nb/root/checker/"
    cp "$GOOD" "$nb/good.xml"
    chmod -R a+rX "$nb"
    chmod 755 "$work/catalogs"
    as_nobody() { HOME=$nb FUNDCHECK_DATA=$nb/root setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
    if ! as_nobody test -x "$nb/root/build/fundcheck" 2>/dev/null; then
        skip "unreadable file" "nobody cannot reach $work (TMPDIR=${TMPDIR:-/tmp} is private)"
    else
        t0=$(now)
        as_nobody timeout $((10 * SLOW)) "$nb/root/build/fundcheck" check --lang en --format json "$work/secret.xml" "$nb/good.xml" \
            >"$work/out" 2>"$work/err"
        rc=$?
        took=$(elapsed "$t0" "$(now)")
        if [ "$rc" -eq 2 ] && grep -q -F "$work/secret.xml: error[FC-F001]: cannot open: Permission denied" "$work/err" &&
            grep -q -F "\"filingId\":\"$GOOD_ID\"" "$work/out"; then
            ok "unreadable file ($took, as nobody): cannot open: Permission denied"
        else
            bad "unreadable file" "exit $rc: $(head -c 300 "$work/err")"
        fi
    fi
fi

# Quadratic blowup: one 100 KB entity referenced 10,000 times (1 GB expanded).
awk 'BEGIN {
    printf "<?xml version=\"1.0\"?>\n<!DOCTYPE filing [<!ENTITY a \"";
    for (i = 0; i < 100000; i++) printf "a";
    printf "\">]>\n<filing xmlns=\"urn:gif:filing:1\" version=\"1\"><header><filingId>";
    for (i = 0; i < 10000; i++) printf "&a;";
    printf "</filingId></header></filing>\n" }' >"$work/quadratic.xml"
must_refuse "quadratic blowup"        "$work/quadratic.xml" 10 'DOCTYPE declarations are not allowed'

# 100,000-deep nesting written by awk (the fcgen variant below hides it in <ext>).
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<filing xmlns=\"urn:gif:filing:1\" version=\"1\">";
    for (i = 0; i < 100000; i++) printf "<e>"; for (i = 0; i < 100000; i++) printf "</e>";
    printf "</filing>\n" }' >"$work/deep-awk.xml"
must_refuse "100,000-deep nesting (awk)" "$work/deep-awk.xml" 10 'not well-formed XML: Excessive depth'

# Files above the 64 MiB cap are refused before they are read: a sparse file
# costs nothing, so this one runs under ASan too.
truncate -s 200M "$work/sparse-200mb.xml" 2>/dev/null || dd if=/dev/zero of="$work/sparse-200mb.xml" bs=1 count=0 seek=200M 2>/dev/null
must_refuse "200 MB (sparse) filing"  "$work/sparse-200mb.xml" 10 'file too large: 209715200 bytes'

FCGEN=$BUILD/fcgen
if [ -x "$FCGEN" ] && "$FCGEN" --hostile deep --out "$work/deep.xml" 2>/dev/null; then
    must_refuse "100,000-deep nesting (fcgen)" "$work/deep.xml" 10 'not well-formed XML: Excessive depth'
    "$FCGEN" --hostile bigtext --out "$work/bigtext.xml" &&
        must_refuse "10 MB text node" "$work/bigtext.xml" 20 'not well-formed XML: xmlSAX2Characters: huge text node'
    "$FCGEN" --hostile regexbomb --out "$work/regexbomb.xml" &&
        must_check "1 MB regex-bomb clause" "$work/regexbomb.xml" 20
    if [ "$CK_ASAN" = 1 ]; then
        skip "200 MB filing (fcgen huge)" "under ASan"
        skip "100,000 holdings" "under ASan (covered by the normal build)"
    else
        if "$FCGEN" --hostile huge --out "$work/huge.xml"; then
            must_refuse "200 MB filing (fcgen huge)" "$work/huge.xml" 20 'file too large: [0-9]+ bytes \(limit 67108864\)'
        else
            bad "200 MB filing" "fcgen --hostile huge failed (disk full?)"
        fi
        rm -f "$work/huge.xml"
        "$FCGEN" --hostile holdings100k --out "$work/holdings100k.xml" &&
            must_check "100,000 holdings" "$work/holdings100k.xml" 600
        rm -f "$work/holdings100k.xml"
    fi
else
    skip "fcgen cases" "no $FCGEN --hostile"
fi

# ---- a batch of all of them at once: one exit code, every good file checked ----
run_check 60 $H/*.xml "$work/x.xml" "$work/fifo.xml" "$work/quadratic.xml" "$GOOD"
n_err=$(grep -c '"status":"error"' "$work/out")
n_ok=$(grep -c '"status":"checked"' "$work/out")
# (x.xml is an empty directory: searched, so not an error entry of its own)
if [ "$rc" -eq 2 ] && [ "$n_ok" -eq 2 ] && [ "$n_err" -eq $(($(ls $H/*.xml | wc -l) - 1 + 2)) ] && good_checked; then
    ok "whole hostile batch ($took): $n_err refused, $n_ok checked"
else
    bad "whole hostile batch" "exit $rc, $n_err errors, $n_ok checked"
fi

# ---- scan over a hostile tree: symlink loops, a directory named x.xml ----
tree=$work/tree
mkdir -p "$tree/a/b" "$tree/x.xml" "$tree/c"
cp "$GOOD" "$tree/a/b/good.xml"
cp $H/truncated.xml $H/empty.xml "$tree/c/"
ln -s ../.. "$tree/a/b/up"        # loop back to the tree
ln -s loop2 "$tree/c/loop1.xml"   # symlink cycle named like a filing
ln -s loop1.xml "$tree/c/loop2"
ln -s "$tree" "$tree/c/root"      # absolute loop
if "$FUNDCHECK" scan --help >/dev/null 2>&1; then
    t0=$(now)
    timeout $((30 * SLOW)) "$FUNDCHECK" scan --db "$work/scan.db" --jobs 2 --no-progress "$tree" \
        >"$work/out" 2>"$work/err"
    rc=$?
    took=$(elapsed "$t0" "$(now)")
    checked=$(sqlite3 "$work/scan.db" "SELECT count(*) FROM filings WHERE status='checked' AND path LIKE '%/a/b/good.xml'" 2>/dev/null)
    rows=$(sqlite3 "$work/scan.db" "SELECT count(*) FROM filings" 2>/dev/null)
    if [ "$rc" -eq 2 ] && [ "$checked" = 1 ] && [ "$rows" -le 4 ]; then
        ok "scan of a tree with symlink loops ($took): good filing checked once, $rows rows"
    else
        bad "scan of a tree with symlink loops" "exit $rc after $took, checked=$checked rows=$rows: $(head -c 300 "$work/err")"
    fi
else
    skip "scan of a tree with symlink loops" "fundcheck scan not available"
fi

# ---- hostile rule sets: load-time errors naming file and line ----
# rcase NAME EXPECTED-ERE (matched against "DIR/FILE:LINE: reason")
rcase() {
    name=$1 ere=$2 dir=$H/rules/$1
    t0=$(now)
    timeout $((10 * SLOW)) "$FUNDCHECK" check --rules "$dir" "$GOOD" >"$work/out" 2>"$work/err"
    rc=$?
    took=$(elapsed "$t0" "$(now)")
    if [ "$rc" -ne 3 ]; then
        bad "rules: $name" "exit $rc, expected 3: $(head -c 300 "$work/err")"
    elif ! grep -q -E "^$dir/[a-z]+\\.xml:[0-9]+: ($ere)" "$work/err"; then
        bad "rules: $name" "message: $(head -c 300 "$work/err")"
    elif grep -q -F 'root:x:0:0' "$work/out" "$work/err"; then
        bad "rules: $name" "contents of /etc/passwd leaked"
    else
        ok "rules: $name ($took): $(grep -m1 -E "^$dir/" "$work/err" | cut -c1-110)"
    fi
}
rcase invalid-xpath         "invalid XPath expression"
rcase unknown-function      "unknown function 'fc:system'"
rcase unknown-prefix        "unknown function 'evil:run'"
rcase unknown-regex         "unknown regex id 'hx-nope'"
rcase bad-regex             "regex 'hx-fixed': offset [0-9]+: missing closing parenthesis"
rcase regex-too-large       "regex 'hx-fixed': offset [0-9]+: regular expression is too large"
rcase duplicate-rule-id     "duplicate rule id HX-001 \\(also $H/rules/duplicate-rule-id/a.xml:[0-9]+\\)"
rcase duplicate-regex-id    "duplicate regex id hx-fixed \\(also $H/rules/duplicate-regex-id/a.xml:[0-9]+\\)"
rcase unterminated-template "unterminated '\\{' in message"
rcase malformed             "Couldn't find end of Start Tag|Premature end of data"
rcase not-rules             "Element '\\{urn:other\\}rules': No matching global declaration"
rcase xxe                   "rule files must not contain a DTD"
rcase missing-id            "Element '\\{urn:fundcheck:rules:1\\}rule': The attribute 'id' is required but missing"
rcase billion-laughs        "Detected an entity reference loop|rule files must not contain a DTD"
mkdir "$work/empty-rules"
timeout 10 "$FUNDCHECK" check --rules "$work/empty-rules" "$GOOD" >"$work/out" 2>"$work/err"
rc=$?
if [ "$rc" -eq 3 ] && grep -q -F "$work/empty-rules:0: no rule files (*.xml) in the rules directory" "$work/err"; then
    ok "rules: empty directory"
else
    bad "rules: empty directory" "exit $rc: $(head -c 200 "$work/err")"
fi

# A catastrophic regex (nested quantifier) loads; at run time PCRE2's match
# limit stops it, the run says so, and the batch is still checked.
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "a"; printf "X" }' >"$work/aaa"
sed "s|<disclosure topic=\"重大事项\">[^<]*</disclosure>|<disclosure topic=\"重大事项\">$(cat "$work/aaa")</disclosure>|" \
    fixtures/guarantee.xml >"$work/backtrack.xml"
t0=$(now)
timeout $((10 * SLOW)) "$FUNDCHECK" check --format json --rules $H/rules/catastrophic-regex \
    "$work/backtrack.xml" "$GOOD" >"$work/out" 2>"$work/err"
rc=$?
took=$(elapsed "$t0" "$(now)")
if [ "$rc" -eq 0 ] && grep -q -E '^fundcheck: (warning: [0-9]+ regular-expression match\(es\) stopped at the match limit|警告：[0-9]+ 次正则表达式匹配在匹配上限处停止)' "$work/err" &&
    [ "$(grep -c '"status":"checked"' "$work/out")" -eq 2 ]; then
    ok "rules: catastrophic regex ($took): stopped at the match limit, batch checked"
else
    bad "rules: catastrophic regex" "exit $rc after $took: $(head -c 300 "$work/err")"
fi

[ "$skip" -gt 0 ] && echo "($skip skipped)"
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
