#!/bin/sh
# `make install` into a temporary prefix (with its own build directory, so
# the compiled-in data path is that prefix), then the installed program must
# find its rules, catalogues and schemas and check a fixture.
set -u
cd "$ROOT" || exit 1
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
if [ "${CK_ASAN:-0}" = 1 ]; then
    echo "skipped under the sanitizer pass (the normal pass covers it)"
    echo "install: 0 passed, 0 failed"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if make --no-print-directory -s B="$tmp/build" PREFIX="$tmp/prefix" install >"$tmp/log" 2>&1; then
    ok "make install"
else
    bad "make install"; tail -20 "$tmp/log"
fi
bin="$tmp/prefix/bin/fundcheck"
[ -x "$bin" ] && ok "binary installed" || bad "binary installed"
[ -f "$tmp/prefix/share/man/man1/fundcheck.1" ] && ok "man page installed" || bad "man page installed"
[ -f "$tmp/prefix/share/doc/fundcheck/docs/formats.md" ] && [ -f "$tmp/prefix/share/doc/fundcheck/docs/database.md" ] &&
    ok "docs installed under share/doc/fundcheck" || bad "docs installed"
# the installed program's help points at the installed docs, not at docs/
doc="$tmp/prefix/share/doc/fundcheck/docs/database.md"
h1=$(cd / && "$bin" scan --help 2>&1)
h2=$(cd / && "$bin" merge --help --lang en 2>&1)
if echo "$h1" | grep -qF "（$doc）" && echo "$h2" | grep -qF " $doc describes"; then
    [ -f "$doc" ] && ok "installed help names the installed docs ($doc)" || bad "installed help names $doc, which is missing"
else
    bad "installed help does not name the installed docs: $(echo "$h1" | grep -m1 database.md)"
fi
echo "$("$FUNDCHECK" scan --help 2>&1)" | grep -q '（docs/database.md）' &&
    ok "help of the program in the source tree names docs/database.md" || bad "source-tree help: docs path"
comp="$tmp/prefix/share/bash-completion/completions/fundcheck"
if [ -f "$comp" ] && command -v bash >/dev/null 2>&1; then
    got=$(bash -c '. "$1"; COMP_WORDS=(fundcheck check --format s); COMP_CWORD=3; _fundcheck; echo "${COMPREPLY[*]}"' _ "$comp" 2>&1)
    got2=$(bash -c '. "$1"; COMP_WORDS=(fundcheck di); COMP_CWORD=1; _fundcheck; echo "${COMPREPLY[*]}"' _ "$comp" 2>&1)
    [ "$got" = sarif ] && [ "$got2" = diff ] && ok "bash completion installed and completes formats and commands" ||
        bad "bash completion: '$got' '$got2'"
else
    bad "bash completion installed"
fi
[ -f "$tmp/prefix/share/fundcheck/schema/filing-1.xsd" ] && ok "schema installed" || bad "schema installed"
# The library: header, archive, shared object and pkg-config file; the
# embedding example builds from them alone and runs against the .so.
inc="$tmp/prefix/include/fundcheck.h" pc="$tmp/prefix/lib/pkgconfig/fundcheck.pc"
if [ -f "$inc" ] && [ -f "$tmp/prefix/lib/libfundcheck.a" ] && [ -e "$tmp/prefix/lib/libfundcheck.so" ] && [ -f "$pc" ]; then
    ok "library installed (fundcheck.h, libfundcheck.a, libfundcheck.so, fundcheck.pc)"
else
    bad "library installed"
fi
flags=$(PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig" pkg-config --cflags --libs fundcheck 2>&1)
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Werror tests/embed/embed.c $flags -o "$tmp/embed" 2>"$tmp/cc" &&
    (cd / && LD_LIBRARY_PATH="$tmp/prefix/lib" "$tmp/embed" "$tmp/prefix/share/fundcheck" "$ROOT/fixtures/derivatives.xml" >"$tmp/eo" 2>&1); then
    bad "embedded check of a violating fixture exits 0"
elif [ $? -eq 1 ] && grep -q 'DRV-001' "$tmp/eo" && LD_LIBRARY_PATH="$tmp/prefix/lib" ldd "$tmp/embed" | grep -q "$tmp/prefix/lib/libfundcheck.so"; then
    ok "pkg-config fundcheck builds the example, linked to the installed .so; it finds DRV-001"
else
    bad "example via pkg-config: $flags $(cat "$tmp/cc") $(head -3 "$tmp/eo")"
fi
# Run from elsewhere so nothing can be found relative to the source tree.
cp fixtures/derivatives.xml "$tmp/d.xml"
(cd / && FUNDCHECK_CATALOG_DIR="$tmp/none" "$bin" check "$tmp/d.xml" >"$tmp/out" 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q 'DRV-001' "$tmp/out"; then ok "installed check finds violations"; else bad "installed check (rc=$rc)"; head -5 "$tmp/out"; fi
(cd / && "$bin" rules test >"$tmp/rt" 2>&1); rc=$?
[ $rc -eq 0 ] && ok "installed rules test" || { bad "installed rules test"; tail -3 "$tmp/rt"; }
make --no-print-directory -s B="$tmp/build" PREFIX="$tmp/prefix" uninstall >/dev/null 2>&1
[ ! -e "$bin" ] && ok "uninstall" || bad "uninstall"
echo "install: $pass passed, $fail failed"
[ $fail -eq 0 ]
