#!/bin/sh
# Golden tests of the CLI: each tests/golden/NAME/ has `args` (one line of
# arguments, paths relative to the repo root) and the expected `expect.out`
# (stdout), `expect.err` (stderr, with the repo path removed) and
# `expect.rc`; the repository's own path is removed from both outputs.
# UPDATE=1 rewrites the expected files (review the diff).
set -u
cd "$ROOT" || exit 1
# an empty user catalogue dir: outputs must not depend on what the user imported
FUNDCHECK_CATALOG_DIR=$(mktemp -d); export FUNDCHECK_CATALOG_DIR
# no user defaults file either
FUNDCHECK_CONFIG=; export FUNDCHECK_CONFIG
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work" "$FUNDCHECK_CATALOG_DIR"' EXIT
for dir in tests/golden/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    # shellcheck disable=SC2086
    "$FUNDCHECK" $args >"$work/out.raw" 2>"$work/err.raw"
    echo $? >"$work/rc"
    # outputs must not depend on where the tree is checked out
    sed "s|$ROOT/||g" "$work/out.raw" >"$work/out"
    sed "s|$ROOT/||g" "$work/err.raw" >"$work/err"
    if [ -n "${UPDATE:-}" ]; then
        cp "$work/out" "$dir/expect.out"
        cp "$work/err" "$dir/expect.err"
        cp "$work/rc" "$dir/expect.rc"
    fi
    ok=1
    for f in out err rc; do
        if ! cmp -s "$work/$f" "$dir/expect.$f"; then
            ok=0
            echo "--- $name: $f differs"
            diff -u "$dir/expect.$f" "$work/$f" | head -40
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
