#!/bin/sh
# Builds docs/coverage.md (on stdout): for each provision of
# tests/law/provisions.tsv, the rules that implement it; for each rule, the
# tests that exercise it: its own examples (<trigger>, <pass>), the labelled
# corpus cases (tests/corpus/*.xml) and red-team cases (tests/redteam/*.xml,
# when present) on which it fires, and the goldens (tests/golden/) whose
# expected output names it.
#   tests/law/coverage.sh            the page
#   tests/law/coverage.sh --problems  the problems only, one a line; exit 1 if any:
#     a provision with no rule, a rule with no trigger (example, corpus case
#     or golden) or with no pass case (pass example, or a corpus trap of its
#     category on which it stays quiet, or a golden that loads it and in
#     which it does not fire).
# Env: ROOT, FUNDCHECK. Paths in the page are relative to the repository.
set -u
: "${ROOT:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${FUNDCHECK:=$ROOT/build/fundcheck}"
export LC_ALL=C.UTF-8
cd "$ROOT" || exit 4
mode=${1:-page}
w=$(mktemp -d) || exit 4
trap 'rm -rf "$w"' EXIT

# 1. rules: "R id category file triggers passes" and "B id summary<TAB>document<TAB>article<TAB>text"
awk '
    /<rule id="/ { match($0, /id="[^"]*"/); id = substr($0, RSTART + 4, RLENGTH - 5)
        match($0, /category="[^"]*"/); cat = substr($0, RSTART + 10, RLENGTH - 11)
        f = FILENAME; t[id] = 0; p[id] = 0; c[id] = cat; fl[id] = f; order[++n] = id }
    /<trigger[ >]/ { t[id]++ }
    /<pass[ >]/ { p[id]++ }
    /<basis / { d = $0; sub(/.*document="/, "", d); sub(/".*/, "", d)
        a = $0; sub(/.*article="/, "", a); sub(/".*/, "", a)
        x = $0; sub(/.*<basis [^>]*>/, "", x); sub(/<\/basis>.*/, "", x)
        s = ($0 ~ /summary="(true|1)"/) ? 1 : 0
        printf "B\t%s\t%d\t%s\t%s\t%s\n", id, s, d, a, x > "/dev/stderr" }
    END { for (i = 1; i <= n; i++) printf "R\t%s\t%s\t%s\t%d\t%d\n", order[i], c[order[i]], fl[order[i]], t[order[i]], p[order[i]] }
' rules/*.xml >"$w/rules" 2>"$w/basis"

# 2. corpus and red-team cases: "id file:line expect trap fired"
cases() { # KIND FILES...
    kind=$1; shift
    [ $# -gt 0 ] || return 0
    "$FUNDCHECK" rules corpus --cases "$@" 2>/dev/null | sed -n 's/^CASE //p' |
        while IFS= read -r l; do printf '%s\t%s\n' "$kind" "$l"; done
}
# traps per case id, from the corpus files (a quiet rule on a trap of its category is a pass case)
awk '/<case / { id = $0; sub(/.*id="/, "", id); sub(/".*/, "", id)
        tr = ""; if ($0 ~ /trap="/) { tr = $0; sub(/.*trap="/, "", tr); sub(/".*/, "", tr) }
        printf "%s\t%s\n", id, tr }' tests/corpus/*.xml $(ls tests/redteam/*.xml tests/redteam/round2/*.xml tests/redteam/round3/*.xml 2>/dev/null) >"$w/traps"
{ cases corpus tests/corpus/*.xml
  # shellcheck disable=SC2046
  cases redteam $(ls tests/redteam/*.xml tests/redteam/round2/*.xml tests/redteam/round3/*.xml 2>/dev/null); } >"$w/cases"
n_redteam=$(ls tests/redteam/*.xml tests/redteam/round2/*.xml tests/redteam/round3/*.xml 2>/dev/null | wc -l)

# 3. goldens of `check`: "G name loaded-rule-files(or *) rules-named"
for d in tests/golden/*/; do
    [ -f "$d/args" ] && [ -f "$d/expect.rc" ] || continue
    [ "$(cat "$d/expect.rc")" -le 2 ] || continue
    # only goldens of `check`: `rules list` names every rule without running it
    case $(cat "$d/args") in check*) ;; *) continue ;; esac
    loaded='*'
    [ -f "$d/rules" ] && loaded=$(tr '\n' ' ' <"$d/rules")
    named=$(grep -o -E '\b[A-Z]{2,3}-[0-9]{3}\b' "$d/expect.out" 2>/dev/null | sort -u | tr '\n' ' ')
    printf 'G\t%s\t%s\t%s\n' "$(basename "$d")" "$loaded" "$named"
done >"$w/goldens"

awk -F '\t' -v mode="$mode" -v n_redteam="$n_redteam" -v provfile="${PROVISIONS:-tests/law/provisions.tsv}" \
    -v basisfile="$w/basis" -v casefile="$w/cases" -v goldfile="$w/goldens" -v trapfile="$w/traps" '
function has(list, x,    n, a, i) { n = split(list, a, " "); for (i = 1; i <= n; i++) if (a[i] == x) return 1; return 0 }
function add(s, x) { return s == "" ? x : s ", " x }
BEGIN {
    while ((getline l < basisfile) > 0) { split(l, b, "\t"); nb++; bid[nb] = b[2]; bsum[nb] = b[3]; bdoc[nb] = b[4]; bart[nb] = b[5]; btxt[nb] = b[6] }
    while ((getline l < trapfile) > 0) { split(l, b, "\t"); trap[b[1]] = b[2] }
    while ((getline l < goldfile) > 0) { split(l, b, "\t"); ng++; gname[ng] = b[2]; gload[ng] = b[3]; gnamed[ng] = b[4] }
    while ((getline l < casefile) > 0) {
        split(l, b, "\t"); kind = b[1]; split(b[2], c, " ")
        cid = c[1]; fired = b[2]; sub(/.*fired=\[/, "", fired); sub(/\].*/, "", fired)
        ex = b[2]; sub(/.*expect=\[/, "", ex); sub(/\].*/, "", ex)
        nc++; ckind[nc] = kind; cname[nc] = cid; cfired[nc] = fired; cexp[nc] = ex
    }
    while ((getline l < provfile) > 0) {
        if (l ~ /^#/ || l == "") continue
        split(l, b, "\t"); np++
        pkey[np] = b[1]; pdoc[np] = b[2]; part[np] = b[3]; pmdoc[np] = b[4]; pmart[np] = b[5]; pmtxt[np] = b[6]; pword[np] = b[7]; pextra[np] = b[8]
    }
}
$1 == "R" { nr++; rid[nr] = $2; rcat[nr] = $3; rfile[nr] = $4; rtrig[nr] = $5; rpass[nr] = $6 }
END {
    # provisions -> rules
    for (i = 1; i <= np; i++) {
        prules[i] = ""
        for (j = 1; j <= nb; j++)
            if (pmdoc[i] != "-" && index(bdoc[j], pmdoc[i]) && bart[j] == pmart[i] &&
                (pmtxt[i] == "-" || index(btxt[j], pmtxt[i])) && !has(prules[i], bid[j]))
                prules[i] = prules[i] (prules[i] == "" ? "" : " ") bid[j]
        if (pextra[i] != "-") { n = split(pextra[i], a, " "); for (k = 1; k <= n; k++) if (!has(prules[i], a[k])) prules[i] = prules[i] (prules[i] == "" ? "" : " ") a[k] }
        if (prules[i] == "") problems[++nprob] = "provision " pkey[i] " (" pdoc[i] " " part[i] ") has no rule"
        n = split(prules[i], a, " "); for (k = 1; k <= n; k++) rprov[a[k]] = add(rprov[a[k]], pkey[i])
    }
    # rules -> tests
    for (i = 1; i <= nr; i++) {
        id = rid[i]; ccorp = ""; cred = ""; ncorp = 0; nred = 0; npassc = 0; gf = ""; ngf = 0; ngp = 0
        for (j = 1; j <= nc; j++) {
            if (has(cfired[j], id)) {
                if (ckind[j] == "corpus") { ncorp++; ccorp = add(ccorp, cname[j]) } else { nred++; cred = add(cred, cname[j]) }
            } else if (has(trap[cname[j]], rcat[i]) && !has(cexp[j], rcat[i]))
                npassc++
        }
        f = rfile[i]; sub(/.*\//, "", f)
        for (j = 1; j <= ng; j++) {
            if (gload[j] != "*" && !has(gload[j], f)) continue
            if (has(gnamed[j], id)) { ngf++; gf = add(gf, gname[j]) } else ngp++
        }
        ctrig[i] = ncorp; ctxt[i] = ccorp; rtn[i] = nred; rtxt[i] = cred; pc[i] = npassc; gfn[i] = ngf; gtxt[i] = gf; gpn[i] = ngp
        if (rtrig[i] + ncorp + nred + ngf == 0) problems[++nprob] = "rule " id " has no trigger: no <trigger> example, corpus case or golden in which it fires"
        if (rpass[i] + npassc + ngp == 0) problems[++nprob] = "rule " id " has no pass case: no <pass> example, quiet corpus trap or golden in which it stays quiet"
    }
    if (mode == "--problems") { for (k = 1; k <= nprob; k++) print problems[k]; exit nprob > 0 }

    print "# Coverage of the law"
    print ""
    print "Generated by `make docs` (tests/law/coverage.sh) from `tests/law/provisions.tsv`, the rule"
    print "files in `rules/`, the labelled corpus `tests/corpus/`, the red-team corpus `tests/redteam/` (rounds 1 and 2)"
    print "and the goldens `tests/golden/`; `make check` fails when this page is stale, when a"
    print "provision has no rule, or when a rule has no trigger or no pass case."
    print ""
    print "Wording is quoted verbatim from `../shared/spec/legal-basis.md` (a test checks it);"
    print "wording marked *summary* is not the document'"'"'s text. Counts: **examples** are the rule'"'"'s own"
    print "`<trigger>`/`<pass>` examples (`fundcheck rules test`); **corpus** and **red team** count the"
    print "labelled cases on which the rule fires (`fundcheck rules corpus --cases`); **quiet traps**"
    print "count corpus traps of the rule'"'"'s category on which it stays quiet; **goldens** count the"
    print "golden outputs of `fundcheck check` that name the rule."
    print ""
    if (n_redteam == 0) { print "The red-team corpus (`tests/redteam/*.xml`) is absent in this tree: its column is empty."; print "" }
    nprovok = 0; for (i = 1; i <= np; i++) if (prules[i] != "") nprovok++
    printf "%d provisions, %d with a rule; %d rules.\n\n", np, nprovok, nr
    print "## Provisions → rules"
    print ""
    print "| provision | document | article | original wording | rules |"
    print "|---|---|---|---|---|"
    for (i = 1; i <= np; i++) {
        wd = pword[i]
        if (wd ~ /^summary: /) { sub(/^summary: /, "", wd); wd = "*summary:* " wd } else wd = "「" wd "」"
        r = prules[i]; gsub(/ /, ", ", r)
        printf "| %s | %s | %s | %s | %s |\n", pkey[i], pdoc[i], part[i], wd, r == "" ? "**none**" : r
    }
    print ""
    print "## Rules → tests"
    print ""
    print "| rule | category | provisions | trigger examples | pass examples | corpus | red team | quiet traps | goldens |"
    print "|---|---|---|---|---|---:|---:|---:|---:|"
    for (i = 1; i <= nr; i++)
        printf "| %s | %s | %s | %d | %d | %d | %d | %d | %d |\n", rid[i], rcat[i], rprov[rid[i]] == "" ? "—" : rprov[rid[i]],
            rtrig[i], rpass[i], ctrig[i], rtn[i], pc[i], gfn[i]
    print ""
    print "## Cases per rule"
    print ""
    for (i = 1; i <= nr; i++) {
        printf "- **%s**: corpus (%d): %s", rid[i], ctrig[i], ctxt[i] == "" ? "—" : ctxt[i]
        if (n_redteam > 0) printf "; red team (%d): %s", rtn[i], rtxt[i] == "" ? "—" : rtxt[i]
        printf "; goldens (%d): %s\n", gfn[i], gtxt[i] == "" ? "—" : gtxt[i]
    }
    if (nprob) { print ""; print "## Problems"; print ""; for (k = 1; k <= nprob; k++) print "- " problems[k] }
}' "$w/rules"
