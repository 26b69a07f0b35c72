/* SPDX-License-Identifier: MIT */
#ifndef CK_DIFF_FORMATS_H
#define CK_DIFF_FORMATS_H
/*
 * `fundcheck diff` for CI: the two sides of a diff as SQL (shared with the
 * text, JSON and CSV of dbreport.c, so every format counts the same
 * findings), and the SARIF and JUnit reports of a diff. SARIF is the one of
 * `check` (report_sarif.c: the same rules, locations and partialFingerprints)
 * with a baselineState on every result: new, unchanged, or absent for a
 * resolved finding. JUnit has one test case per finding listed, a failure
 * for each new one at or above the fail level. --output FORMAT=PATH writes
 * them to files. Nothing here prints to stdout unless asked to (path "-").
 */
#include "buf.h"

#include <sqlite3.h>

/* The getopt value of diff's --output (outside dbreport.c's R_* range). */
enum { CK_DIFF_OPT_OUTPUT = 1290 };

/* Appends "WITH a AS (…), b AS (…)": the findings (not exempted) of side A
 * (parameter ?1) and side B (?2), each with the columns of v_finding_keys
 * (finding_key, fund_uscc, fund_name, period_end, rule_id, category,
 * severity, item, chain, message_zh, message_en) and where each is
 * (filing_pk, path, filing_id, holding_id, line, xpath, evidence_zh,
 * evidence_en). runs: A and B are run ids (the filings each run checked or
 * skipped; the key includes the period, as v_run_findings'); otherwise
 * period ends, over the current filings of the funds that filed for both. */
void ck_diff_sides_sql(struct ck_buf *sql, int runs);

/* "sarif" → CK_FMT_SARIF, "junit" → CK_FMT_JUNIT; -1 for any other. */
int ck_diff_format_parse(const char *name);

#define CK_DIFF_MAX_OUTPUTS 8
struct ck_diff_outputs {
    int fmt[CK_DIFF_MAX_OUTPUTS];
    const char *path[CK_DIFF_MAX_OUTPUTS]; /* borrowed from argv */
    int n;
};
/* Adds "FORMAT=PATH" (sarif or junit); prints why not and returns -1. */
int ck_diff_add_output(struct ck_diff_outputs *o, const char *arg, int lang);

struct ck_diff_req {
    sqlite3 *db;          /* borrowed, open */
    int runs;             /* 1: run ids, 0: periods */
    const char *a, *b;    /* as given, for the report */
    const char *va, *vb;  /* bound to ?1 and ?2: run id or period end */
    int lang;             /* CK_LANG_* */
    int only;             /* bit mask: 1 new, 2 resolved, 4 unchanged */
    int fail_on;          /* ck_severity, or -1 when not given */
};
/* Writes the SARIF or JUnit report of the diff to stdout (stdout_fmt, or -1
 * for none) and to every output. Exit code: CK_EXIT_FINDINGS when fail_on is
 * given and a new finding is at or above it, CK_EXIT_CLEAN, CK_EXIT_USAGE
 * when the rule set cannot be loaded, CK_EXIT_SYSTEM on a database or write
 * error (said on stderr). */
int ck_diff_reports(const struct ck_diff_req *q, int stdout_fmt, const struct ck_diff_outputs *o);

#endif
