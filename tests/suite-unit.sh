#!/bin/sh
# Unit tests of the checker modules (tests/unit/test_*.c), then the runner
# itself: a test name that does not exist must fail, not report 0/0.
set -u
cd "$ROOT" || exit 1
"$BUILD/unit-tests" >"${TMPDIR:-/tmp}/ck-unit.$$" 2>&1
rc=$?
cat "${TMPDIR:-/tmp}/ck-unit.$$"
line=$(grep -E '^unit: [0-9]+ passed, [0-9]+ failed' "${TMPDIR:-/tmp}/ck-unit.$$" | tail -n 1)
rm -f "${TMPDIR:-/tmp}/ck-unit.$$"
p=$(echo "$line" | awk '{print $2}')
f=$(echo "$line" | awk '{print $4}')
[ -n "$p" ] || p=0
[ -n "$f" ] || f=1
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
if "$BUILD/unit-tests" bogus_name >/dev/null 2>&1; then
    echo "FAIL unit-tests bogus_name exits 0"
    f=$((f + 1))
else
    echo "ok   unit-tests bogus_name fails"
    p=$((p + 1))
fi
echo "unit: $p passed, $f failed"
[ "$f" -eq 0 ]
