#!/bin/sh
# Third-party XML: the real portfolio filings of other regimes in
# $SHARED/real-filings (SEC N-PORT, 13F, N-MFP, AIFMD, and their XSDs) are
# read in place, never copied into the project. `check` must refuse each
# with exactly one "fundcheck: FILE:LINE: not a urn:gif:filing:1 filing
# (root element is …)" line and still check a good fixture in the same batch;
# `scan` of the whole tree must record every *.xml as an error with that
# reason, without a crash. Bounded time per file (timeout).
# Env: ROOT, BUILD, FUNDCHECK, CK_ASAN, SHARED (empty: skip with a message).
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${FUNDCHECK:=$BUILD/fundcheck}"
: "${CK_ASAN:=0}"
: "${SHARED:=}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

REAL=${SHARED:+$SHARED/real-filings}
if [ -z "$REAL" ] || [ ! -d "$REAL" ]; then
    echo "skip: no ../shared/real-filings here (SHARED is empty); third-party filings not tested"
    echo "realfilings: 0 passed, 0 failed"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/catalogs"
FUNDCHECK_CATALOG_DIR=$work/catalogs
export FUNDCHECK_CATALOG_DIR
GOOD=fixtures/direct-clean.xml
if [ "$CK_ASAN" = 1 ]; then LIMIT=60; else LIMIT=20; fi

find "$REAL" -type f -name '*.xml' | sort >"$work/list"
n=$(wc -l <"$work/list")
if [ "$n" -eq 0 ]; then
    bad "real filings" "no *.xml under $REAL"
fi
while IFS= read -r f; do
    name=${f#"$REAL"/}
    timeout "$LIMIT" "$FUNDCHECK" check --lang en --format json "$f" "$GOOD" >"$work/out" 2>"$work/err"
    rc=$?
    # one diagnostic (FILE:LINE: error[FC-X006]: …), then its hint line
    lines=$(grep -c "^$f:" "$work/err")
    if [ "$rc" -ne 2 ]; then
        bad "$name" "exit $rc: $(head -c 300 "$work/err")"
    elif [ "$lines" -ne 1 ] || ! grep -q -E "^$f:[0-9]+: error\\[FC-X006\\]: not a urn:gif:filing:1 filing \\(root element is [^)]+\\)\$" "$work/err"; then
        bad "$name" "message: $(head -c 300 "$work/err")"
    elif ! grep -F "\"path\":\"$GOOD\"" "$work/out" | grep -q '"status":"checked"'; then
        bad "$name" "the good fixture of the batch was not checked"
    else
        ok "$name: $(sed -n "s|^$f:\\([0-9]*\\): error\\[FC-X006\\]: not a urn:gif:filing:1 filing (root element is \\(.*\\))|line \\1, root \\2|p" "$work/err")"
    fi
done <"$work/list"

# The XSDs that come with them are XML too: refused the same way.
find "$REAL" -type f -name '*.xsd' | sort | head -n 3 >"$work/xsd"
while IFS= read -r f; do
    timeout "$LIMIT" "$FUNDCHECK" check --lang en "$f" >/dev/null 2>"$work/err"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q -E "^$f:[0-9]+: error\\[FC-X006\\]: not a urn:gif:filing:1 filing \\(root element is \\{http://www.w3.org/2001/XMLSchema\\}schema\\)" "$work/err"; then
        ok "${f#"$REAL"/} (an XSD): not a filing"
    else
        bad "${f#"$REAL"/}" "exit $rc: $(head -c 300 "$work/err")"
    fi
done <"$work/xsd"

# scan of the whole tree, in place
if "$FUNDCHECK" scan --help >/dev/null 2>&1; then
    timeout $((LIMIT * 6)) "$FUNDCHECK" scan --lang en --no-progress --db "$work/real.db" "$REAL" "$GOOD" \
        >"$work/out" 2>"$work/err"
    rc=$?
    errs=$(sqlite3 -batch "$work/real.db" "SELECT count(*) FROM filings WHERE status = 'error' AND error_message LIKE 'not a urn:gif:filing:1 filing (root element is %'" 2>&1)
    good=$(sqlite3 -batch "$work/real.db" "SELECT count(*) FROM filings WHERE status = 'checked'" 2>&1)
    msgs=$(grep -c -E '^fundcheck: .*: not a urn:gif:filing:1 filing' "$work/err")
    if [ "$rc" -eq 2 ] && [ "$errs" = "$n" ] && [ "$good" = 1 ] && [ "$msgs" -eq "$n" ]; then
        ok "scan of $REAL: $n files recorded as 'not a urn:gif:filing:1 filing', the fixture checked"
    else
        bad "scan of $REAL" "exit $rc, $errs/$n errors recorded, $good checked, $msgs messages: $(head -c 300 "$work/err")"
    fi
else
    echo "skip: scan of the real filings (\`fundcheck scan\` not available)"
fi
echo "realfilings: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
