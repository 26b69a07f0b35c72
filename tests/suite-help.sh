#!/bin/sh
# --help of every command of the dispatch table (checker/cli/cli.c): Chinese
# by default (first line "用法：fundcheck CMD"), English with --lang en
# (before or after --help), on standard output with exit 0; an unknown
# option prints the usage in the same language on standard error, exit 3.
set -u
cd "$ROOT" || exit 1
FUNDCHECK_CONFIG=; export FUNDCHECK_CONFIG
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmds=$(sed -n '/^} commands\[\] = {/,/^};/s/^ *{"\([a-z]*\)",.*/\1/p' checker/cli/cli.c)
[ "$(echo "$cmds" | wc -w)" -ge 10 ] && ok "dispatch table read: $(echo $cmds)" || bad "dispatch table: '$cmds'"
for c in $cmds; do
    "$FUNDCHECK" "$c" --help >"$work/zh" 2>"$work/zh.err"; rz=$?
    "$FUNDCHECK" "$c" --help --lang en >"$work/en" 2>"$work/en.err"; re=$?
    "$FUNDCHECK" "$c" --lang en --help >"$work/en2" 2>&1; re2=$?
    if [ $rz -eq 0 ] && [ ! -s "$work/zh.err" ] && head -n 1 "$work/zh" | grep -q "^用法：fundcheck $c" &&
        ! grep -qi '^usage' "$work/zh"; then
        ok "$c --help: Chinese usage on stdout, exit 0"
    else
        bad "$c --help: exit $rz: $(head -n 1 "$work/zh") $(head -c 100 "$work/zh.err")"
    fi
    if [ $re -eq 0 ] && [ $re2 -eq 0 ] && head -n 1 "$work/en" | grep -q "^usage: fundcheck $c" &&
        head -n 1 "$work/en2" | grep -q "^usage: fundcheck $c" && ! grep -q '用法' "$work/en"; then
        ok "$c --help --lang en (either order): English usage"
    else
        bad "$c --help --lang en: exit $re/$re2: $(head -n 1 "$work/en")"
    fi
done
# a usage error shows the usage in the language of the command line
for c in scan merge evaluate rules; do
    "$FUNDCHECK" "$c" --no-such-option >/dev/null 2>"$work/u"; rc=$?
    "$FUNDCHECK" "$c" --lang en --no-such-option >/dev/null 2>"$work/ue"; rce=$?
    if [ $rc -eq 3 ] && grep -q "^用法：fundcheck $c" "$work/u" && [ $rce -eq 3 ] && grep -q "^usage: fundcheck $c" "$work/ue"; then
        ok "$c with an unknown option: usage on stderr in the language asked for, exit 3"
    else
        bad "$c unknown option: rc $rc/$rce $(grep -m1 -i 'usage\|用法' "$work/u")"
    fi
done
echo "help: $pass passed, $fail failed"
[ $fail -eq 0 ]
