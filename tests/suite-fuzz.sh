#!/bin/sh
# Fuzz corpora replay: builds each fuzz target (tests/fuzz/fuzz_*.c) with the
# normal compiler against $BUILD/libfundcheck.a and tests/fuzz/standalone.c's
# main(), then replays
# tests/fuzz/corpus/<target>/ through it. Under the ASan build (CK_ASAN=1)
# the same replay runs with AddressSanitizer, UBSan and LeakSanitizer.
# libFuzzer itself (clang) is `make fuzz` / tests/fuzz/run.sh.
# Env: ROOT, BUILD, CC (default cc), CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${BUILD:=$ROOT/build}"
: "${CK_ASAN:=0}"
CC=${CC:-cc}
cd "$ROOT" || exit 1
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }

PKGS=$(sed -n "s/^LIB_PKGS *:= *//p" GNUmakefile)
SAN=""
[ "$CK_ASAN" = 1 ] && SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# a coverage build's archive (make coverage) needs the gcov runtime
grep -q -e '--coverage' "$BUILD/.flags" 2>/dev/null && SAN="$SAN --coverage"
OUT=$BUILD/fuzz-replay
mkdir -p "$OUT"
# the library archive, not a list of objects: the path may contain spaces
lib=$BUILD/libfundcheck.a
if [ ! -f "$lib" ]; then
    echo "no $lib (run make)"
    echo "fuzz: 0 passed, 1 failed"
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for src in tests/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    bin=$OUT/$t
    # the catalogue importer lives with the commands (checker/cli/catalog_import.c)
    # and so does the defaults-file reader (config.c, noise.c; libinih).
    # The objects are positional parameters: the path may contain spaces.
    set -- "$lib"
    extra_libs=""
    case $t in
    fuzz_catalog_*) set -- "$BUILD/obj/cli/catalog_import.o" ;;
    fuzz_config) set -- "$BUILD/obj/cli/config.o" "$BUILD/obj/cli/noise.o"; extra_libs=$(pkg-config --libs inih) ;;
    esac
    # shellcheck disable=SC2086
    if $CC -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 \
        -DFUZZ_ROOT="\"$ROOT\"" -Wall -Wextra -Werror $SAN $(pkg-config --cflags $PKGS) \
        -Ichecker -Ichecker/cli -Itests/fuzz "$src" tests/fuzz/standalone.c "$@" "$lib" \
        $(pkg-config --libs $PKGS) $extra_libs -lpthread -lm -o "$bin" 2>"$work/cc.err"; then
        ok "build $t"
    else
        bad "build $t" "$(head -n 5 "$work/cc.err")"
        continue
    fi
    corpus=tests/fuzz/corpus/$t
    n=$(ls "$corpus" | wc -l)
    t0=$(date +%s)
    TMPDIR=$work timeout 600 "$bin" "$corpus" >"$work/out" 2>"$work/err"
    rc=$?
    t1=$(date +%s)
    if [ "$rc" -eq 0 ] && grep -q "^replayed $n inputs" "$work/out"; then
        ok "replay $t: $n inputs in $((t1 - t0))s"
    else
        last=$(grep '^replay ' "$work/out" | tail -n 1)
        bad "replay $t" "exit $rc at ${last#replay }: $(grep -m 3 -E 'ERROR|SUMMARY|runtime error' "$work/err")"
    fi
done
if ls "$work"/ckfuzz.* >/dev/null 2>&1; then
    bad "temporary files" "the targets left $(ls -d "$work"/ckfuzz.*)"
else
    ok "targets remove their temporary files"
fi
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
