#!/bin/sh
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined)
# into build/fuzz/ and runs each for SECONDS (default 60) on a working copy of
# its corpus (tests/fuzz/corpus/TARGET/ is only read; new inputs go to
# build/fuzz/corpus-TARGET/). Crashes are written to build/fuzz/ as
# crash-*, timeout-*, oom-*; copy each into the corpus once it is fixed.
#   tests/fuzz/run.sh [SECONDS]     (make fuzz FUZZ_SECONDS=N)
# Env: CLANG (default clang), BUILD_ONLY=1 to only build, FUZZ_JOBS.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
SECONDS_EACH=${1:-60}
CLANG=${CLANG:-clang}
OUT=$ROOT/build/fuzz
TARGETS=${FUZZ_TARGETS:-"fuzz_filing fuzz_rules fuzz_catalog_text fuzz_catalog_tsv fuzz_config"}
if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-dev)" >&2
    exit 3
fi
mkdir -p "$OUT/obj"
# the same packages as the GNUmakefile
PKGS="$(sed -n "s/^LIB_PKGS *:= *//p" GNUmakefile) inih"
DEF="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DPCRE2_CODE_UNIT_WIDTH=8 -DCK_VERSION=\"0.1.0\" -DCK_DATADIR=\"$ROOT\" -DFUZZ_ROOT=\"$ROOT\""
# shellcheck disable=SC2046
CFLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wall -Wextra -Wno-unused-parameter $(pkg-config --cflags $PKGS)"
LIBS="$(pkg-config --libs $PKGS) -lpthread -lm"

# Compile what changed (objects depend on their source and every header).
newest_h=$(ls -t checker/*.h checker/cli/*.h tests/fuzz/*.h | head -n 1)
objs=""
for src in checker/*.c checker/cli/catalog_import.c checker/cli/config.c checker/cli/noise.c; do
    obj=$OUT/obj/$(basename "$src" .c).o
    objs="$objs $obj"
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_h" -nt "$obj" ]; then
        echo "  CC      $obj"
        # shellcheck disable=SC2086
        "$CLANG" $CFLAGS $DEF -Ichecker -Ichecker/cli -c "$src" -o "$obj" || exit 1
    fi
done
for t in $TARGETS; do
    echo "  LD      $OUT/$t"
    # shellcheck disable=SC2086
    "$CLANG" $CFLAGS $DEF -fsanitize=fuzzer -Ichecker -Ichecker/cli -Itests/fuzz "tests/fuzz/$t.c" $objs $LIBS \
        -o "$OUT/$t" || exit 1
done
[ -n "${BUILD_ONLY:-}" ] && exit 0

status=0
for t in $TARGETS; do
    work=$OUT/corpus-$t
    mkdir -p "$work"
    dict=""
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=$ROOT/tests/fuzz/$t.dict"
    echo "fuzz: $t for ${SECONDS_EACH}s"
    # shellcheck disable=SC2086
    (cd "$OUT" && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "./$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 ${FUZZ_JOBS:+-fork=$FUZZ_JOBS} $dict \
        "$work" "$ROOT/tests/fuzz/corpus/$t") >"$OUT/$t.log" 2>&1
    rc=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|Done [0-9]+ runs|ERROR: libFuzzer|SUMMARY' \
        "$OUT/$t.log" | sed "s/^/  $t: /"
    if [ "$rc" -ne 0 ]; then
        echo "  $t: exit $rc; see $OUT/$t.log and $OUT/crash-* / timeout-* / oom-*"
        status=1
    fi
done
exit $status
