#!/bin/sh
# The HTML reports in a real browser: headless Chromium (Debian `chromium`,
# installed by `make deps`) renders `check --format html` of the fixtures
# and `report --db FILE --format html` of the demo database; the assertions
# are on the rendered DOM (--dump-dom, tests/browser/check_page.py): as many
# finding elements as the JSON report has findings, Chinese headings, no
# script and nothing loaded from outside the page (every host name resolves
# to nothing as well), a filing's hostile text shown as text. Chinese glyphs
# are proved drawn, not boxes: two screenshots of the same characters in
# another order must differ (and do not with only a Latin font, the control).
# Screenshots are kept in $BUILD/browser/. The pages are opened from a 0700
# directory whose path has spaces and Chinese in it; Chromium runs as root
# with --no-sandbox and its own HOME and profile in a temporary directory.
# Without Chromium the suite says why it skips (make check installs it).
set -u
cd "$ROOT" || exit 1
FUNDCHECK_CATALOG_DIR=$(mktemp -d); export FUNDCHECK_CATALOG_DIR
FUNDCHECK_CONFIG=; export FUNDCHECK_CONFIG
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
skip() { echo "skip $1: $2"; }
finish() { echo "browser: $pass passed, $fail failed"; [ $fail -eq 0 ]; exit $?; }

# `report --format html` came from another branch: with 0 its absence from
# a build (exit 3, unknown format) is a skip; 1 (now that it is merged)
# makes it a failure.
REPORT_HTML_REQUIRED=1

CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ]; then
    skip "browser tests" "no chromium on PATH (Debian package chromium; 'make deps' installs it)"
    finish
fi
if [ "${CK_ASAN:-0}" = 1 ]; then
    # the pages are the same bytes as in the normal pass (suite-formats.sh runs
    # the HTML writers under ASan); Chromium adds minutes and nothing new
    skip "browser tests" "run in the normal pass only"
    finish
fi
work=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$work" "$profile" "$FUNDCHECK_CATALOG_DIR"' EXIT
dir="$work/报告 目录 (0700)"
mkdir -p "$dir" "$BUILD/browser"
chmod 700 "$work" "$dir"
shots="$BUILD/browser"
PAGE="python3 tests/browser/check_page.py"

# browse OUTPUT_OPTION FILE [CHROMIUM_OPTION...]: renders FILE; --dump-dom
# prints the DOM on stdout. Chromium's own chatter goes to $work/chromium.log.
browse() {
    _mode=$1 _file=$2
    shift 2
    _url=$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).resolve().as_uri())' "$_file")
    HOME="$profile" XDG_CONFIG_HOME="$profile/config" XDG_CACHE_HOME="$profile/cache" \
        timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
        --user-data-dir="$profile/chromium" --host-resolver-rules='MAP * ~NOTFOUND' "$@" "$_mode" "$_url" \
        2>>"$work/chromium.log"
}
chromium_failed() { # $1 = exit status
    bad "chromium exited $1: $(grep -v 'dbus\|unexpected operator' "$work/chromium.log" | tail -n 3 | head -c 400)"
}

# ---- the check report of the fixtures ----
ALL=$(ls fixtures/*.xml)
"$FUNDCHECK" check --format html $ALL >"$dir/check.html" 2>/dev/null
"$FUNDCHECK" check --format json $ALL >"$work/check.json" 2>/dev/null
n_json=$(python3 -c 'import json, sys; print(sum(len(f.get("findings", [])) for f in json.load(open(sys.argv[1]))["files"]))' "$work/check.json")
if browse --dump-dom "$dir/check.html" >"$work/check.dom"; then
    if out=$($PAGE check "$work/check.dom" "$n_json"); then
        ok "check report rendered: ${out#ok }, as many as the JSON report; Chinese title and headings; offline, no script"
    else
        bad "check report DOM: $out"
    fi
else
    chromium_failed $?
fi
rm -f "$shots/check.png"
if browse "--screenshot=$shots/check.png" "$dir/check.html" --window-size=1280,2000 >/dev/null; then
    if out=$($PAGE png "$shots/check.png" 1280 2000) && [ "$(wc -c <"$shots/check.png")" -gt 20000 ]; then
        ok "screenshot $shots/check.png: 1280x2000, not blank ($(wc -c <"$shots/check.png") bytes)"
    else
        bad "screenshot of the check report: $out"
    fi
else
    chromium_failed $?
fi

# ---- Chinese is drawn with a font, not as boxes ----
# The same eight characters in two orders: with a CJK font the pictures
# differ; drawn as boxes ("tofu") they are the same to the byte.
zh_shots() { # $1 = label; env assignments follow
    _label=$1
    shift
    ( for a in "$@"; do export "$a"; done
      browse "--screenshot=$work/$_label-a.png" "$dir/zh-a.html" --window-size=800,300 >/dev/null
      browse "--screenshot=$work/$_label-b.png" "$dir/zh-b.html" --window-size=800,300 >/dev/null )
}
printf '<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;background:#fff"><h1 style="font-size:40px">%s</h1>' \
    '政府投资基金合规检查报告' >"$dir/zh-a.html"
printf '<!DOCTYPE html><meta charset="utf-8"><body style="margin:0;background:#fff"><h1 style="font-size:40px">%s</h1>' \
    '告报查检规合金基资投府政' >"$dir/zh-b.html"
zh_shots fonts
if [ -s "$work/fonts-a.png" ] && [ -s "$work/fonts-b.png" ] && ! cmp -s "$work/fonts-a.png" "$work/fonts-b.png"; then
    ok "Chinese characters are drawn with a font (two orders of the title render differently)"
else
    bad "Chinese renders as boxes: no CJK font ($(fc-list :lang=zh 2>/dev/null | wc -l) fonts for zh; 'make deps' installs fonts-wqy-microhei)"
fi
# the control: with only DejaVu (no CJK glyphs) the two pictures are the same
if [ -d /usr/share/fonts/truetype/dejavu ]; then
    printf '<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>%s/fc</cachedir></fontconfig>\n' \
        "$profile" >"$work/latin.conf"
    zh_shots latin "FONTCONFIG_FILE=$work/latin.conf"
    if [ -s "$work/latin-a.png" ] && cmp -s "$work/latin-a.png" "$work/latin-b.png"; then
        ok "control: with a Latin font only, the two orders give the same picture (the check above can fail)"
    else
        bad "control: the glyph check cannot tell boxes from characters"
    fi
else
    skip "glyph control" "no /usr/share/fonts/truetype/dejavu"
fi

# ---- a filing's hostile text is text ----
hostile='<script>document.body.setAttribute("data-pwned","1")</script><img src=x onerror="document.body.setAttribute(\"data-pwned2\",\"1\")">'
esc=$(printf '%s' "$hostile" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
python3 - "$esc" fixtures/derivatives.xml >"$dir/hostile.xml" <<'PY'
import re, sys
src = open(sys.argv[2], encoding="utf-8").read()
print(re.sub(r"(<fund>\s*<uscc>[^<]*</uscc>\s*<name>)[^<]*", lambda m: m.group(1) + sys.argv[1], src, count=1), end="")
PY
"$FUNDCHECK" check --format html "$dir/hostile.xml" >"$dir/hostile.html" 2>/dev/null
rc=$?
if [ $rc -ne 1 ]; then
    bad "the hostile filing was not checked (exit $rc)"
elif browse --dump-dom "$dir/hostile.html" >"$work/hostile.dom"; then
    out=$($PAGE hostile "$work/hostile.dom" "$hostile") &&
        ok "hostile fund name: shown as text, no script or image from it in the DOM, nothing ran" ||
        bad "hostile filing: $out"
else
    chromium_failed $?
fi

# ---- the checks can fail: pages that break each rule ----
printf '<!DOCTYPE html><body><p>x</p><img src="https://example.invalid/x.png"></body>' >"$dir/remote.html"
printf '<!DOCTYPE html><body><script>document.body.setAttribute("data-pwned","1")</script></body>' >"$dir/script.html"
if browse --dump-dom "$dir/remote.html" >"$work/remote.dom" && browse --dump-dom "$dir/script.html" >"$work/script.dom"; then
    r1=$($PAGE offline "$work/remote.dom")
    s1=$($PAGE offline "$work/script.dom")
    s2=$($PAGE hostile "$work/script.dom" x)
    case "$r1|$s1|$s2" in
    *"loads a resource"*"|"*"<script> element"*"|"*"a script from the filing ran"*)
        ok "controls: a remote image, a script element and a script that ran are each caught" ;;
    *) bad "controls not caught: $r1 / $s1 / $s2" ;;
    esac
else
    chromium_failed $?
fi

# ---- the database report ----
db="$work/demo.db"
DEMO_DB="$db" DEMO_DIR="$work/demo-filings" FUNDCHECK="$FUNDCHECK" sh tests/demo.sh >"$work/demo.out" 2>&1 ||
    bad "tests/demo.sh could not build the demo database: $(tail -n 2 "$work/demo.out")"
"$FUNDCHECK" report --db "$db" --format html >"$dir/report.html" 2>"$work/report.err"
rc=$?
if [ $rc -eq 3 ] && grep -q "unknown format 'html'" "$work/report.err"; then
    if [ "$REPORT_HTML_REQUIRED" = 1 ]; then
        bad "report --format html is not available in this build"
    else
        echo "SKIP: report --format html not available in this build"
    fi
elif [ $rc -ne 0 ] && [ $rc -ne 1 ]; then
    bad "report --format html: exit $rc: $(head -c 300 "$work/report.err")"
else
    usccs=$(sqlite3 "$db" 'SELECT DISTINCT fund_uscc FROM v_current_filings ORDER BY 1' 2>/dev/null)
    n_db=$(sqlite3 "$db" 'SELECT count(*) FROM v_findings' 2>/dev/null)
    if [ -z "$usccs" ]; then
        bad "no funds in the demo database"
    elif browse --dump-dom "$dir/report.html" >"$work/report.dom"; then
        # shellcheck disable=SC2086
        out=$($PAGE report "$work/report.dom" "${n_db:-0}" $usccs) &&
            ok "database report rendered: sections summary, charts (SVG), funds, findings, exempted, errors, runs, layout; ${out#ok }; offline, no script" ||
            bad "database report DOM: $out"
    else
        chromium_failed $?
    fi
    rm -f "$shots/report.png"
    if browse "--screenshot=$shots/report.png" "$dir/report.html" --window-size=1280,2000 >/dev/null &&
        out=$($PAGE png "$shots/report.png" 1280 2000); then
        ok "screenshot $shots/report.png: 1280x2000, not blank"
    else
        bad "screenshot of the database report: ${out:-chromium failed}"
    fi
fi
finish
