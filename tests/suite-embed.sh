#!/bin/sh
# The library seen from outside: tests/embed/embed.c (a complete embedding
# program under 60 lines, using only fundcheck.h) is compiled against the
# archive of this build and must report exactly the findings `fundcheck
# check` reports; diagnostics arrive through the callback with their ids;
# the shared library exports the public API and nothing else.
# Environment: ROOT, BUILD (build directory), FUNDCHECK.
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PKGS="libxml-2.0 libpcre2-8 sqlite3 libcrypto"
san=""
[ "${CK_ASAN:-0}" = 1 ] && san="-fsanitize=address,undefined -fno-omit-frame-pointer"
lines=$(wc -l < tests/embed/embed.c)
[ "$lines" -lt 60 ] && ok "embed.c has $lines lines (< 60)" || bad "embed.c has $lines lines"
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Wextra -Werror $san -Ichecker tests/embed/embed.c \
    "$BUILD/libfundcheck.a" $(pkg-config --libs $PKGS) -lpthread -lm -o "$tmp/embed" 2>"$tmp/cc"; then
    ok "embed.c compiles against libfundcheck.a with fundcheck.h alone"
else
    bad "embed.c compiles"; cat "$tmp/cc"
fi
# Same findings as the CLI (rule, holding, line), for each fixture.
export FUNDCHECK_CATALOG_DIR="$tmp/no-user-catalogue"
same=0 differ=""
for f in fixtures/*.xml; do
    case $f in fixtures/lookthrough-*) continue ;; esac # look-through needs the batch: CLI only
    "$tmp/embed" "$ROOT" "$f" 2>/dev/null | awk -F'\t' '{print $2, $3, $4}' | sort > "$tmp/lib.txt"
    "$FUNDCHECK" check --all-notices --format json "$f" 2>/dev/null | python3 -c '
import json, sys
for file in json.load(sys.stdin)["files"]:
    for x in file["findings"]:
        print(x["rule"], x["holding"] or "-", x["line"])' | sort > "$tmp/cli.txt"
    cat "$tmp/cli.txt" >> "$tmp/all.txt"
    if cmp -s "$tmp/lib.txt" "$tmp/cli.txt"; then same=$((same + 1)); else differ="$differ $f"; fi
done
[ -z "$differ" ] && [ "$same" -gt 10 ] && [ "$(wc -l < "$tmp/all.txt")" -gt 30 ] && ok "library and CLI agree on $same fixtures ($(wc -l < "$tmp/all.txt") findings)" || bad "library and CLI differ on:$differ"
"$tmp/embed" "$ROOT" fixtures/derivatives.xml >/dev/null 2>&1; rc=$?
[ $rc -eq 1 ] && ok "violations: embed exits 1" || bad "violations: embed exits $rc"
# A filing that cannot be checked: its diagnostics (ids FC-X…, FC-S…) with file and line.
printf '<?xml version="1.0"?>\n<filing xmlns="urn:gif:filing:1">\n<header>\n</filing>\n' > "$tmp/broken.xml"
"$tmp/embed" "$ROOT" "$tmp/broken.xml" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 2 ] && grep -q "broken.xml:[1-9][0-9]*: \[FC-X[0-9]*\]" "$tmp/err" && ! grep -qv "broken.xml:[1-9][0-9]*: \[FC-" "$tmp/err"; then
    ok "broken filing: FC-X diagnostics with file and line, exit 2"
else
    bad "broken filing (rc=$rc): $(cat "$tmp/err")"
fi
# A broken rule set: FC-E-RULESET naming the rule file and its line; nothing checked.
mkdir -p "$tmp/data" && cp -R rules catalogs "$tmp/data/" && mkdir -p "$tmp/data/checker" && cp -R checker/schema "$tmp/data/checker/"
printf '<?xml version="1.0"?>\n<rules xmlns="urn:fundcheck:rules:1">\n<rule/>\n</rules>\n' > "$tmp/data/rules/zz-broken.xml"
"$tmp/embed" "$tmp/data" fixtures/derivatives.xml >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -eq 3 ] && grep -q 'zz-broken.xml:[1-9][0-9]*: \[FC-E-RULESET\]' "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "broken rule set: FC-E-RULESET with file and line, exit 3"
else
    bad "broken rule set (rc=$rc): $(head -3 "$tmp/err")"
fi
# The shared library exports exactly the functions the public header declares.
if [ -f "$BUILD/libfundcheck.so" ]; then
    nm -D --defined-only "$BUILD/libfundcheck.so" | awk '$2 == "T" {sub(/@.*/, "", $3); print $3}' | sort > "$tmp/exported"
    grep -v '^ \*\|^/\*' checker/fundcheck.h | grep -oE '\bck_[a-z_]+\(' | tr -d '(' | grep -v '^ck_diag_fn$' | sort -u > "$tmp/declared"
    if cmp -s "$tmp/exported" "$tmp/declared"; then
        ok "libfundcheck.so exports the $(wc -l < "$tmp/declared") functions of fundcheck.h and nothing else"
    else
        bad "exports differ from fundcheck.h: $(diff "$tmp/exported" "$tmp/declared" | grep '^[<>]' | tr '\n' ' ')"
    fi
else
    bad "no $BUILD/libfundcheck.so"
fi
# The library reads no environment (the CLI passes what it found there).
users=$(for o in "$BUILD"/obj/*.o; do nm "$o" | awk -v o="${o##*/}" '$1 == "U" && $2 ~ /^(secure_)?getenv$/ {print o}'; done | tr '\n' ' ')
[ -z "$users" ] && ok "library objects do not call getenv" || bad "library objects call getenv: $users"
echo "embed: $pass passed, $fail failed"
[ $fail -eq 0 ]
