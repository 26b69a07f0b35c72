#!/bin/sh
# Writes into DIR (created) the filings that the auditor guide's database
# adds to fixtures/*.xml: two other quarters of two funds (2025 Q4 and
# 2026 Q2, for the queries across periods) and one malformed filing (for
# the error-filings query). Used by `make demo` (tests/demo.sh) and
# tests/suite-scan.sh. Run from the source root.
set -u
dir=${1:?usage: guide-filings.sh DIR}
mkdir -p "$dir" || exit 4
q4='s/start="2026-01-01" end="2026-03-31"/start="2025-10-01" end="2025-12-31"/;s/<submittedAt>2026-04-\([0-9]*\)</<submittedAt>2026-01-\1</;s/GIF-2026Q1-/GIF-2025Q4-/'
q2='s/start="2026-01-01" end="2026-03-31"/start="2026-04-01" end="2026-06-30"/;s/<submittedAt>2026-04-\([0-9]*\)</<submittedAt>2026-07-\1</;s/GIF-2026Q1-/GIF-2026Q2-/'
sed -e "$q4" -e '/<transactions>/,/<\/transactions>/d' fixtures/public-stock.xml >"$dir/public-stock-2025q4.xml" &&
sed -e "$q2" -e '/<transactions>/,/<\/transactions>/d' fixtures/public-stock.xml >"$dir/public-stock-2026q2.xml" &&
sed -e "$q4" fixtures/derivatives.xml >"$dir/derivatives-2025q4.xml" &&
head -c 900 fixtures/negative-list.xml >"$dir/truncated.xml"
