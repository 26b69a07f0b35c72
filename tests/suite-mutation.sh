#!/bin/sh
# Mutation check: is every rule tested? For each rule of rules/*.xml a mutant
# rule set is made in a temporary copy of rules/ where that rule can no
# longer fire:
#   - a rule with a <condition>: the condition becomes false();
#   - a scored rule (<signals>, no condition): its <context> selects nothing;
#   - a look-through rule (neither): the rule is removed.
# The mutant must be "killed": its own examples (`rules test`) fail, or the
# labelled corpora (`rules corpus --cases` on tests/corpus and tests/redteam)
# give a different result than the unmutated rules (per case: rules fired), or a golden output
# of `check` (tests/golden/) changes. A rule whose mutant survives is a rule no test
# would notice losing: the case fails and names it.
# Runs in the normal pass only (under ASan it adds time and no information).
# Env: ROOT, FUNDCHECK, CK_ASAN, MUTATION_JOBS (default 2).
# Internal: suite-mutation.sh --one RULE-ID WORKDIR (one mutant).
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
: "${CK_ASAN:=0}"
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 1

# mutate ID SRC-DIR DST-DIR: copies SRC-DIR/*.xml to DST-DIR with rule ID disabled
mutate() {
    id=$1 src=$2 dst=$3
    mkdir -p "$dst"
    for f in "$src"/*.xml; do
        awk -v id="$id" '
            function flush() { if (n) { for (i = 1; i <= n; i++) {
                    l = buf[i]
                    if (mode == "condition" && l ~ /<condition>/) sub(/<condition>.*<\/condition>/, "<condition>false()</condition>", l)
                    else if (mode == "context" && l ~ /<context>/) sub(/<context>.*<\/context>/, "<context>/f:filing[false()]</context>", l)
                    if (mode != "remove") print l } }
                n = 0 }
            index($0, "<rule id=\"" id "\"") { inr = 1; n = 0; mode = "remove" }
            inr { buf[++n] = $0
                  if ($0 ~ /<condition>/) mode = "condition"
                  else if ($0 ~ /<context>/ && mode == "remove") mode = "context"
                  if ($0 ~ /<\/rule>/) { inr = 0; flush() }
                  next }
            { print }
            END { flush() }' "$f" >"$dst/$(basename "$f")"
    done
}

corpora() { ls tests/corpus/*.xml tests/redteam/*.xml tests/redteam/round2/*.xml tests/redteam/round3/*.xml 2>/dev/null; }

# run_all DATA-ROOT OUT-PREFIX: rules test and rules corpus with that data root
run_all() {
    # shellcheck disable=SC2046
    FUNDCHECK_DATA=$1 "$FUNDCHECK" rules test --rules "$1/rules" >"$2.test" 2>&1
    echo "rc=$?" >>"$2.test"
    # shellcheck disable=SC2046
    FUNDCHECK_DATA=$1 "$FUNDCHECK" rules corpus --cases $(corpora) >"$2.corpus" 2>&1
    echo "rc=$?" >>"$2.corpus"
}

# a data root: mutated rules/ next to the real schema and catalogues
make_root() {
    mkdir -p "$1/checker"
    ln -s "$ROOT/checker/schema" "$1/checker/schema"
    ln -s "$ROOT/catalogs" "$1/catalogs"
}

if [ "${1:-}" = "--one" ]; then
    id=$2 w=$3
    d=$w/m-$id
    make_root "$d"
    mutate "$id" "$ROOT/rules" "$d/rules"
    if diff -r -q "$ROOT/rules" "$d/rules" >/dev/null 2>&1; then
        echo "FAIL $id: the mutant is identical to the rule set (mutation not applied)"
        exit 0
    fi
    run_all "$d" "$d/out"
    if ! grep -q '^rc=0$' "$d/out.test"; then
        echo "ok   $id killed by its examples ($(grep -c '^FAIL' "$d/out.test") failing)"
    elif ! cmp -s "$d/out.corpus" "$w/base.corpus"; then
        echo "ok   $id killed by the corpus"
    else
        # goldens: the mutant's data root for every golden command
        if GOLDEN_CHECK_ONLY=1 FUNDCHECK_DATA=$d FUNDCHECK_RULES_SRC=$d/rules ROOT="$ROOT" FUNDCHECK="$FUNDCHECK" \
            sh "$ROOT/tests/suite-golden.sh" >"$d/out.golden" 2>&1; then
            echo "FAIL $id survives: no example, corpus case or golden fails without it"
        else
            echo "ok   $id killed by a golden ($(grep -m 1 '^FAIL' "$d/out.golden" | cut -c6-))"
        fi
    fi
    rm -rf "$d"
    exit 0
fi

if [ "$CK_ASAN" = 1 ]; then
    echo "skip mutation check under ASan (run once, in the normal pass)"
    echo "mutation: 0 passed, 0 failed"
    exit 0
fi
pass=0 fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_root "$work/base"
cp -R rules "$work/base/rules"
run_all "$work/base" "$work/base"
# the corpus may exit 1 (red-team cases the rules still miss): mutants are
# compared with this baseline case by case, so only a crash (rc > 1) is fatal
if ! grep -q '^rc=0$' "$work/base.test" || ! grep -q '^rc=[01]$' "$work/base.corpus"; then
    echo "FAIL the unmutated rule set does not pass its own tests"
    tail -n 5 "$work/base.test" "$work/base.corpus"
    echo "mutation: 0 passed, 1 failed"
    exit 1
fi
# a golden that already fails would "kill" every mutant
if ! FUNDCHECK_DATA=$work/base FUNDCHECK_RULES_SRC=$work/base/rules ROOT="$ROOT" FUNDCHECK="$FUNDCHECK" \
    sh tests/suite-golden.sh >"$work/base.golden" 2>&1; then
    echo "FAIL the goldens fail on the unmutated rule set:"
    grep '^FAIL' "$work/base.golden"
    echo "mutation: 0 passed, 1 failed"
    exit 1
fi
ids=$(sed -n 's/.*<rule id="\([^"]*\)".*/\1/p' rules/*.xml)
echo "$ids" | xargs -P "${MUTATION_JOBS:-2}" -I{} sh "$0" --one {} "$work" >"$work/results" 2>&1
cat "$work/results"
pass=$(grep -c '^ok ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
n=$(echo "$ids" | grep -c .)
if [ $((pass + fail)) -ne "$n" ]; then
    echo "FAIL $((n - pass - fail)) of $n mutants gave no result"
    fail=$((fail + n - pass - fail))
fi
echo "mutation: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
