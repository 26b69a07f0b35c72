#!/bin/sh
# Source hygiene: no banned libc functions in checker/, and every global
# symbol of the checker's objects carries the ck_ prefix (main excepted).
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
if grep -nE '\b(strcpy|strcat|sprintf|vsprintf|strtok|gets|atoi|atol|strncpy)\(' checker/*.c checker/cli/*.c; then
    fail=$((fail + 1)); echo "FAIL banned functions"
else
    pass=$((pass + 1)); echo "ok   no banned functions"
fi
bad=$(nm "$BUILD"/obj/*.o "$BUILD"/obj/cli/*.o 2>/dev/null | awk '$2 ~ /^[TDBRC]$/ {print $3}' | grep -v '^ck_' | grep -v '^main$' | grep -v '^__odr_asan\.' | grep -v '^__asan_\|^__ubsan_')
if [ -z "$bad" ] && ls "$BUILD"/obj/*.o >/dev/null 2>&1; then
    pass=$((pass + 1)); echo "ok   exported symbols are ck_*"
else
    fail=$((fail + 1)); echo "FAIL exported symbols without ck_ prefix: $bad"
fi
echo "lint: $pass passed, $fail failed"
[ $fail -eq 0 ]
