/* SPDX-License-Identifier: MIT */
#ifndef CK_DBREPORT_H
#define CK_DBREPORT_H
/*
 * `fundcheck report` and `fundcheck diff` over a findings database (see
 * store.h and docs/database.md). Each takes argv with argv[0] = the command
 * name and returns an exit code: 0, 3 bad invocation, 4 database error.
 *
 * The rest of this header is what the report's modules share: dbreport.c
 * (the summary in text, JSON and CSV, the command line), dbreport_fund.c
 * (`--fund USCC`, one fund's drill-down) and dbreport_html.c (the HTML page
 * of a database or of one fund). All of them only read the database.
 */

#include "buf.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

struct ck_layout_opts;

int ck_dbreport_main(int argc, char **argv);
/* Prints one CSV row (RFC 4180 quoting) to out. */
void ck_dbreport_csv_row(FILE *out, const char *const *v, size_t n);
int ck_dbdiff_main(int argc, char **argv);

/* Output formats of `report` (the summary and --fund). */
enum { CK_DBFMT_TEXT = 0, CK_DBFMT_CSV, CK_DBFMT_JSON, CK_DBFMT_HTML };

/* A column's text, "" for NULL (borrowed from the statement's row). */
const char *ck_dbreport_col(sqlite3_stmt *s, int i);

/* What a person reads for a report dimension's key ("category", "severity",
 * "govLevel"): the Chinese label (NULL in English and for other
 * dimensions). */
const char *ck_dbreport_label(const char *dim, const char *key, int lang);

/* Appends the database's warnings to out, one line each ending in '\n':
 * runs that did not end normally since the last complete run, and
 * look-through findings that are missing (lt_pending not empty). Nothing
 * when all is well. */
void ck_dbreport_warnings(sqlite3 *db, int lang, struct ck_buf *out);

/* ---- runs ---- */

/* Every run, oldest first: run_id, started_at, ended_at, status,
 * lookthrough, n_checked, n_skipped, n_errors, n_findings (NULL → '' or 0),
 * unfinished (1: status interrupted, or running without an end — killed or
 * still going), lt_missing (1: this run did not bring the look-through up
 * to date, no later run did, and lt_pending is not empty). */
extern const char ck_dbreport_runs_sql[];
/* The run status as people read it ("已中断" / "interrupted"; "running" →
 * "未结束（已中断或仍在进行）"). */
const char *ck_dbreport_run_status(const char *status, int lang);

/* ---- error filings ---- */

/* Files that could not be checked (v_error_filings): path, error_line,
 * error_message, run_id; by path. */
extern const char ck_dbreport_errors_sql[];

/* ---- findings ---- */

/* One finding of v_findings as read by ck_dbfinding_read; strings are
 * borrowed from the statement's current row ("" for NULL), in the
 * language asked for (legal basis: as stored, the original wording). */
struct ck_dbfinding {
    long long pk, line;
    int severity_rank, exempted, derived;
    const char *fund_uscc, *fund_name, *period_end, *path, *holding, *item, *xpath, *rule, *category,
        *severity, *title, *message, *evidence, *explanation, *basis, *chain, *catalog_edition, *exempted_by,
        *exempt_authority, *exempt_from, *exempt_until;
};
/* Appends to sql the SELECT of the columns ck_dbfinding_read reads, over
 * v_findings, where: "" for every finding, or a condition ("fund_uscc =
 * ?1"); in a fixed order (fund, period, file, line, rule, finding). */
void ck_dbfinding_select(struct ck_buf *sql, const char *where);
void ck_dbfinding_read(sqlite3_stmt *s, int lang, struct ck_dbfinding *f);

/* ---- one fund (dbreport_fund.c) ---- */

/* The fund's filings (?1 = USCC), by period: filing_pk, period_start,
 * period_end, submitted_at, report_type, filing_id, path, state ('current',
 * 'superseded', 'draft', 'error'), number of findings, run_id, n_holdings. */
extern const char ck_dbreport_fund_filings_sql[];
/* The direction metrics of the fund's current filings (?1 = USCC), by
 * period: period_end, invested, the CK_M_COUNT metrics in enum order,
 * null_reasons, period_start. */
extern const char ck_dbreport_fund_metrics_sql[];
/* A filing state of ck_dbreport_fund_filings_sql as people read it. */
const char *ck_dbreport_filing_state(const char *state, int lang);
/* Appends metric k (enum ck_metric_id) of column c of s as people read it
 * ("12.62%", "1.34 年", "0.7693"), or "无法计算（reason）" when NULL, the
 * reason from reasons (filing_metrics.null_reasons) in lang. */
void ck_dbreport_metric_text(struct ck_buf *b, sqlite3_stmt *s, int c, int k, const char *reasons, int lang);

/* ---- the renderers ---- */

/* One fund's drill-down (--fund): text, JSON or CSV to out. The fund must
 * exist (ck_dbreport_fund_exists). Returns an exit code (0 or 4). */
int ck_dbreport_fund(FILE *out, sqlite3 *db, const char *db_path, int fmt, int lang, const char *uscc);
/* 1 when the database has any filing of uscc, 0 when not, -1 on error. */
int ck_dbreport_fund_exists(sqlite3 *db, const char *uscc);

/* The HTML page: of the whole database (uscc NULL; lo: the layout
 * parameters) or of one fund. Returns an exit code (0 or 4). */
int ck_dbreport_html(FILE *out, sqlite3 *db, const char *db_path, int lang, const char *uscc,
                     const struct ck_layout_opts *lo);

#endif
