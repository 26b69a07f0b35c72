#!/bin/sh
# Schema suite: the filing XSD (checker/schema/filing-1.xsd) against
#  - every fixture (fixtures/*.xml and subdirectories, except fixtures/hostile/)
#    and the example skeleton: must validate;
#  - tests/schema/valid/*.xml: edge cases that must validate (ext blocks,
#    wrong USCC check character, declared GBK, omitted optional parts);
#  - tests/schema/invalid/*.xml: must be rejected, and the error output must
#    contain the text given in the file's "expect:" comment, so that a file
#    rejected for an unrelated reason does not pass.
# Uses xmllint (libxml2-utils) only; needs no build. Env: ROOT = repo root.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
cd "$ROOT" || exit 1
LC_ALL=C.UTF-8
export LC_ALL
XSD=checker/schema/filing-1.xsd
pass=0 fail=0

ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

if ! command -v xmllint >/dev/null 2>&1; then
    echo "xmllint not found (apt-get install libxml2-utils)"
    echo "schema: 0 passed, 1 failed"
    exit 1
fi

# The schema itself must compile.
if out=$(xmllint --noout --schema "$XSD" checker/schema/example-skeleton.xml 2>&1); then
    ok "compile $XSD"
else
    bad "compile $XSD" "$(printf '%s\n' "$out" | head -n 3)"
fi

must_validate() { # $1 = file
    if out=$(xmllint --noout --nonet --schema "$XSD" "$1" 2>&1); then
        ok "valid   $1"
    else
        bad "valid   $1" "$(printf '%s\n' "$out" | head -n 3)"
    fi
}

must_validate checker/schema/example-skeleton.xml
for f in $(find fixtures -path fixtures/hostile -prune -o -type f -name '*.xml' -print | sort); do
    must_validate "$f"
done
for f in tests/schema/valid/*.xml; do
    [ -e "$f" ] || continue
    must_validate "$f"
done

for f in tests/schema/invalid/*.xml; do
    [ -e "$f" ] || continue
    expect=$(sed -n 's/.*expect: \(.*\) -->.*/\1/p' "$f" | head -n 1)
    out=$(xmllint --noout --nonet --schema "$XSD" "$f" 2>&1)
    rc=$?
    if [ "$rc" -eq 0 ]; then
        bad "invalid $f" "accepted"
    elif [ -n "$expect" ] && ! printf '%s\n' "$out" | grep -q -F -- "$expect"; then
        bad "invalid $f" "rejected, but not for '$expect': $(printf '%s\n' "$out" | head -n 1)"
    else
        ok "invalid $f"
    fi
done

echo "schema: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
