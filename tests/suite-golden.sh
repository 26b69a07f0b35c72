#!/bin/sh
# Golden tests of the CLI: each tests/golden/NAME/ has `args` (one line of
# arguments, paths relative to the repo root) and the expected `expect.out`
# (stdout), `expect.err` (stderr) and `expect.rc`.
#
# What a golden must not depend on is removed from both outputs before they
# are compared: the checkout's path and the rule-set hash
# ("rulesVersion", which changes with every edit of any rule). A golden may
# also have `rules`, a line of rule file names (e.g. "derivatives.xml"): the
# command then runs with only those files of rules/ (copied to a temporary
# rules/ directory), so an edit of an unrelated rule file cannot change it.
#
# FUNDCHECK_DATA (another data root) and FUNDCHECK_RULES_SRC (where the
# `rules` files are copied from) let the mutation check run the goldens on a
# mutated rule set.
#
# `make goldens` (UPDATE=1) rewrites the expected files and prints the diff:
# review it before committing.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
cd "$ROOT" || exit 1
# an empty user catalogue dir: outputs must not depend on what the user imported
FUNDCHECK_CATALOG_DIR=$(mktemp -d); export FUNDCHECK_CATALOG_DIR
# no user defaults file either
FUNDCHECK_CONFIG=; export FUNDCHECK_CONFIG
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work" "$FUNDCHECK_CATALOG_DIR"' EXIT
# the path in sed's pattern syntax
sedq() { printf '%s' "$1" | sed 's/[][\.*^$|]/\\&/g'; }
root_q=$(sedq "$ROOT/")
normalise() { # FILE-IN FILE-OUT [EXTRA-PREFIX-TO-REMOVE]
    if [ -n "${3:-}" ]; then extra=$(sedq "$3/"); else extra='^(none)$'; fi
    if [ -n "${FUNDCHECK_DATA:-}" ]; then data=$(sedq "$FUNDCHECK_DATA/"); else data='^(none)$'; fi
    sed -e "s|$root_q||g" -e "s|$extra||g" -e "s|$data||g" \
        -e 's|"rulesVersion":"[0-9a-f]*"|"rulesVersion":"(rule-set hash)"|g' \
        -e 's|<property name="rulesVersion" value="[0-9a-f]*"/>|<property name="rulesVersion" value="(rule-set hash)"/>|g' \
        -e 's#<th>\(规则集版本\|[Rr]ule set version\)</th><td><code>[0-9a-f]*</code>#<th>\1</th><td><code>(rule-set hash)</code>#g' "$1" >"$2"
}
for dir in tests/golden/*/; do
    name=$(basename "$dir")
    [ -f "$dir/args" ] || continue
    args=$(cat "$dir/args")
    # GOLDEN_CHECK_ONLY=1 (the mutation check): only goldens of `check`, not
    # listings such as `rules list` that change with any rule's removal
    if [ -n "${GOLDEN_CHECK_ONLY:-}" ]; then case $args in check*) ;; *) continue ;; esac; fi
    sub=
    if [ -f "$dir/rules" ]; then
        sub=$work/sub
        rm -rf "$sub"
        mkdir -p "$sub/rules"
        for f in $(cat "$dir/rules"); do cp "${FUNDCHECK_RULES_SRC:-rules}/$f" "$sub/rules/"; done
        # the option goes after the command name: "check --rules DIR ..."
        args="${args%% *} --rules $sub/rules ${args#* }"
    fi
    # shellcheck disable=SC2086
    "$FUNDCHECK" $args >"$work/out.raw" 2>"$work/err.raw"
    echo $? >"$work/rc"
    normalise "$work/out.raw" "$work/out" "$sub"
    normalise "$work/err.raw" "$work/err" "$sub"
    if [ -n "${UPDATE:-}" ]; then
        for f in out err rc; do
            [ -f "$dir/expect.$f" ] || : >"$dir/expect.$f"
            diff -u "$dir/expect.$f" "$work/$f" | sed "1,2s|$work/$f|$dir/expect.$f (new)|"
            cp "$work/$f" "$dir/expect.$f"
        done
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
