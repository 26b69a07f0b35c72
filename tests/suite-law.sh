#!/bin/sh
# The law and the rules:
#  - every <basis> quotation of rules/*.xml appears verbatim in
#    ../shared/spec/legal-basis.md (lines joined: Markdown wraps long
#    quotations), and so does every quoted wording of tests/law/provisions.tsv;
#    a basis marked summary="true" is exempt but must not look like a
#    quotation (no 「」). Skipped, with a message, when ../shared is absent;
#  - docs/coverage.md is what tests/law/coverage.sh builds now (make docs);
#  - no provision without a rule, no rule without a trigger or a pass case.
# Env: ROOT, FUNDCHECK, SHARED (../shared when set by tests/check.sh), CK_ASAN.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
export LC_ALL=C.UTF-8
cd "$ROOT" || exit 1
pass=0 fail=0 skip=0
ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
unxml() { sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'"'"'/g; s/&amp;/\&/g'; }

if [ -z "${SHARED:-}" ] && [ -d ../shared/spec ]; then SHARED=$(cd ../shared && pwd); fi
lb=${SHARED:+$SHARED/spec/legal-basis.md}
if [ -z "$lb" ] || [ ! -f "$lb" ]; then
    echo "skip quotation check: ../shared/spec/legal-basis.md is absent (quotations not verified)"
    skip=1
else
    tr -d '\n' <"$lb" >"$w/law"
    n=0 missing=0
    grep -h '<basis ' rules/*.xml >"$w/basis"
    while IFS= read -r l; do
        text=$(printf '%s\n' "$l" | sed 's/.*<basis [^>]*>//; s/<\/basis>.*//' | unxml)
        where=$(printf '%s\n' "$l" | sed 's/.*document="\([^"]*\)" article="\([^"]*\)".*/《\1》\2/')
        n=$((n + 1))
        case $l in
        *'summary="true"'*|*'summary="1"'*)
            case $text in *「*|*」*) missing=$((missing + 1)); echo "  summary written as a quotation: $where: $text" ;; esac ;;
        *)
            if ! grep -q -F -- "$text" "$w/law"; then
                missing=$((missing + 1)); echo "  not in legal-basis.md: $where: 「$text」"
            fi ;;
        esac
    done <"$w/basis"
    if [ "$missing" -eq 0 ] && [ "$n" -gt 0 ]; then
        ok "every <basis> quotation ($n) is verbatim in legal-basis.md, summaries are marked"
    else
        bad "basis quotations" "$missing of $n are not verbatim (mark a summary with summary=\"true\")"
    fi
    n=0 missing=0
    grep -v '^#' tests/law/provisions.tsv | cut -f 7 >"$w/wording"
    while IFS= read -r text; do
        [ -n "$text" ] || continue
        n=$((n + 1))
        case $text in summary:*) continue ;; esac
        grep -q -F -- "$text" "$w/law" || { missing=$((missing + 1)); echo "  not in legal-basis.md: 「$text」"; }
    done <"$w/wording"
    if [ "$missing" -eq 0 ]; then ok "provision wordings ($n) are verbatim in legal-basis.md"; else bad "provision wordings" "$missing of $n not verbatim"; fi
fi

# The checker itself must tell: a quotation that is not in legal-basis.md fails.
if [ -n "$lb" ] && [ -f "$lb" ]; then
    if grep -q -F '省级清单（三级分类，一、二级为《国民经济行业分类》门类、大类）' "$w/law"; then
        bad "self-test" "the old 第九条 paraphrase is in legal-basis.md; pick another self-test string"
    else
        ok "self-test: the old 第九条 paraphrase is not in legal-basis.md (it would be reported)"
    fi
fi

if sh tests/law/coverage.sh >"$w/coverage.md" 2>"$w/cov.err"; then
    if cmp -s "$w/coverage.md" docs/coverage.md; then ok "docs/coverage.md is up to date"; else
        bad "docs/coverage.md is stale (run: make docs)"; diff -u docs/coverage.md "$w/coverage.md" | head -20; fi
else
    bad "tests/law/coverage.sh" "$(head -c 300 "$w/cov.err")"
fi
if sh tests/law/coverage.sh --problems >"$w/problems" 2>&1; then
    ok "every provision has a rule; every rule a trigger and a pass case"
else
    bad "law coverage" "$(cat "$w/problems")"
fi
# and the coverage check can fail: a provision nobody implements is reported
if printf 'self-test\tx\tx\t不存在的文件\t第一条\t-\t-\t-\n' | cat tests/law/provisions.tsv - >"$w/prov" &&
    ! PROVISIONS=$w/prov sh tests/law/coverage.sh --problems >/dev/null 2>&1; then
    ok "self-test: a provision without a rule is reported"
else
    bad "self-test: a provision without a rule is not reported"
fi
[ "$skip" -gt 0 ] && echo "($skip skipped)"
echo "law: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
