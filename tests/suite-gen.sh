#!/bin/sh
# The filing generator (build/fcgen): determinism, seeds, subset
# regeneration, XSD validity of what it writes, valid USCC check characters,
# fund-of-funds links, hostile kinds, and -- once the engine exists -- that
# `fundcheck check` gets through a generated corpus with exit 0 or 1.
#
# Environment (set by tests/check.sh): ROOT repo root, BUILD build dir
# (build, build/asan; relative to ROOT or absolute), FUNDCHECK the fundcheck
# binary, CK_ASAN=1 under sanitizers (the big hostile filing is skipped).
# Prints one line per case and finally "gen: N passed, M failed".
set -u
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
FUNDCHECK=${FUNDCHECK:-$BUILD/fundcheck}
case $FUNDCHECK in /*) ;; *) FUNDCHECK=$ROOT/$FUNDCHECK ;; esac
CK_ASAN=${CK_ASAN:-0}
export LC_ALL=C
GEN=$BUILD/fcgen
XSD=$ROOT/checker/schema/filing-1.xsd

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
nok() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
skip() { echo "skip $1${2:+: $2}"; }
check() { # check NAME COMMAND...: ok if the command succeeds
    name=$1; shift
    if "$@"; then ok "$name"; else nok "$name"; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/suite-gen.XXXXXX") || exit 4
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

finish() {
    echo "gen: $pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit $?
}

if [ ! -x "$GEN" ]; then
    nok "fcgen built" "$GEN missing"
    finish
fi
check "fcgen --help exits 0" sh -c '"$0" --help >/dev/null' "$GEN"

# ---- determinism -------------------------------------------------------
gen() { "$GEN" "$@" 2>"$tmp/gen.err"; }
if gen --out "$tmp/a" --count 20 --seed 7 && gen --out "$tmp/b" --count 20 --seed 7; then
    ok "fcgen writes a corpus (20 filings, seed 7)"
else
    nok "fcgen writes a corpus (20 filings, seed 7)" "$(cat "$tmp/gen.err")"
    finish
fi
check "same seed, same bytes" diff -r "$tmp/a" "$tmp/b"

expected=$(i=0; while [ $i -lt 20 ]; do printf 'f%06d.xml\n' $i; i=$((i + 1)); done)
check "file names f000000.xml .. f000019.xml" \
    test "$(cd "$tmp/a" && ls)" = "$expected"

gen --out "$tmp/c" --count 20 --seed 8
same=0
for f in "$tmp"/a/*.xml; do
    cmp -s "$f" "$tmp/c/${f##*/}" && same=$((same + 1))
done
check "another seed, other bytes (every file differs)" test "$same" -eq 0

gen --out "$tmp/d" --count 5 --seed 7 --start-index 12
sub_ok=1
for i in 12 13 14 15 16; do
    cmp -s "$tmp/d/f0000$i.xml" "$tmp/a/f0000$i.xml" || sub_ok=0
done
check "a subset regenerates identically (--start-index 12 --count 5)" test "$sub_ok" -eq 1

# ---- validity ----------------------------------------------------------
if ! command -v xmllint >/dev/null 2>&1; then
    nok "xmllint available" "install libxml2-utils (make deps)"
elif [ ! -f "$XSD" ]; then
    nok "XSD present" "$XSD missing"
else
    if xmllint --noout --schema "$XSD" "$tmp"/a/*.xml "$tmp"/c/*.xml >"$tmp/xl.out" 2>&1; then
        ok "all 40 files validate against filing-1.xsd"
    else
        nok "all 40 files validate against filing-1.xsd" "$(grep -v ' validates$' "$tmp/xl.out" | head -n 5)"
    fi
    # A denser corpus: many violations and fund-of-funds, long clauses.
    gen --out "$tmp/e" --count 30 --seed 11 --violations 1 --fof 0.5 --clause-chars 600 --holdings 15
    if xmllint --noout --schema "$XSD" "$tmp"/e/*.xml >"$tmp/xl.out" 2>&1; then
        ok "violating / FoF / long-clause corpus validates"
    else
        nok "violating / FoF / long-clause corpus validates" "$(grep -v ' validates$' "$tmp/xl.out" | head -n 5)"
    fi
fi

# ---- content -----------------------------------------------------------
# GB 32100-2015 check character of every fund and filer USCC (the investee
# USCCs of violating filings may be wrong on purpose).
uscc_bad=$(sed -n -e 's|.*<uscc>\([0-9A-Z]\{18\}\)</uscc>.*|\1|p' \
                  -e 's|.*<filer uscc="\([0-9A-Z]\{18\}\)".*|\1|p' "$tmp"/a/*.xml "$tmp"/e/*.xml |
    awk 'BEGIN { A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
                 split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ") }
         { s = 0
           for (i = 1; i <= 17; i++) s += (index(A, substr($0, i, 1)) - 1) * w[i]
           c = 31 - s % 31; if (c == 31) c = 0
           if (substr(A, c + 1, 1) != substr($0, 18, 1)) bad++ ; n++ }
         END { print (n > 0 ? bad + 0 : -1) }')
check "fund and filer USCCs carry valid check characters" test "$uscc_bad" = 0

# Some `fund` holding of the FoF corpus points at a fund filed in it.
sed -n 's|.*<uscc>\([0-9A-Z]\{18\}\)</uscc>.*|\1|p' "$tmp"/e/*.xml | sort -u >"$tmp/funds"
grep -h -A1 'category="fund"' "$tmp"/e/*.xml |
    sed -n 's|.*<investee uscc="\([0-9A-Z]\{18\}\)".*|\1|p' | sort -u >"$tmp/subfunds"
links=$(comm -12 "$tmp/funds" "$tmp/subfunds" | wc -l)
check "fund-of-funds holdings point at funds of the corpus ($links links)" test "$links" -gt 0

check "violating corpus has 名股实债, futures and secondary-market cases" \
    sh -c 'grep -lq 回购 "$0"/*.xml && grep -lq "type=\"future\"" "$0"/*.xml &&
           grep -lq "secondary-market" "$0"/*.xml' "$tmp/e"

# ---- hostile kinds -------------------------------------------------------
"$GEN" --hostile regexbomb >"$tmp/bomb.xml" 2>/dev/null
size=$(wc -c <"$tmp/bomb.xml")
check "hostile regexbomb: ~1 MB clause ($size bytes)" test "$size" -gt 1000000
if command -v xmllint >/dev/null 2>&1 && [ -f "$XSD" ]; then
    check "hostile regexbomb validates" \
        sh -c 'xmllint --noout --schema "$0" "$1" >/dev/null 2>&1' "$XSD" "$tmp/bomb.xml"
fi
"$GEN" --hostile deep --out "$tmp/deep.xml" 2>/dev/null
depth=$(grep -o '<x:d>' "$tmp/deep.xml" | wc -l)
check "hostile deep: 100,000 nested elements" test "$depth" -eq 99999
if [ "$CK_ASAN" = 1 ]; then
    skip "hostile holdings100k" "CK_ASAN=1"
else
    "$GEN" --hostile holdings100k --out "$tmp/h100k.xml" 2>/dev/null
    n=$(grep -c '<holding ' "$tmp/h100k.xml")
    size=$(wc -c <"$tmp/h100k.xml")
    check "hostile holdings100k: 100000 holdings, under 64 MiB ($size bytes)" \
        test "$n" -eq 100000 -a "$size" -lt 67108864
    rm -f "$tmp/h100k.xml"
fi
"$GEN" --hostile nonsense >/dev/null 2>&1
check "unknown hostile kind exits 2" test $? -eq 2
"$GEN" --count 3 >/dev/null 2>&1
check "missing --out exits 2" test $? -eq 2
"$GEN" --out "$tmp/x" --violations 2 >/dev/null 2>&1
check "--violations 2 is refused (exit 2)" test $? -eq 2

# ---- the engine on a generated corpus ------------------------------------
if [ -x "$FUNDCHECK" ] && "$FUNDCHECK" check --help >/dev/null 2>&1; then
    "$FUNDCHECK" check --format json "$tmp"/a/*.xml >"$tmp/out.json" 2>"$tmp/out.err"
    rc=$?
    if [ "$rc" -le 1 ]; then
        ok "fundcheck check --format json on the corpus exits $rc"
    else
        nok "fundcheck check --format json on the corpus exits 0 or 1" "exit $rc: $(head -n 5 "$tmp/out.err")"
    fi
    "$FUNDCHECK" check --format json "$tmp"/e/*.xml >"$tmp/out.json" 2>"$tmp/out.err"
    rc=$?
    if [ "$rc" -le 1 ]; then
        ok "fundcheck check on the violating corpus exits $rc"
    else
        nok "fundcheck check on the violating corpus exits 0 or 1" "exit $rc: $(head -n 5 "$tmp/out.err")"
    fi
else
    skip "fundcheck check on a generated corpus" "fundcheck check not available yet"
fi

finish
