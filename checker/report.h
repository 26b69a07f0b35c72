/* SPDX-License-Identifier: MIT */
#ifndef CK_REPORT_H
#define CK_REPORT_H
/*
 * Reporters for `check`: text for people (grouped by filing, then by holding
 * or item), the JSON document of the output contract, SARIF 2.1.0 for code
 * scanning tools, JUnit XML for CI servers, one self-contained HTML page,
 * CSV of findings (UTF-8 with BOM) and gcc-style lines for editors. Each is
 * deterministic to the byte for the same input and reads results only; none
 * allocates anything the caller must free.
 *
 * Findings below min_severity are expected to have been dropped by the
 * caller (the CLI filters before reporting); the reporters show what they
 * are given. Exempted findings are always shown, marked as exempted.
 */
#include "buf.h"
#include "engine.h"

#include <stdio.h>

/* SARIF baselineState: how a finding compares with a baseline (diff). */
enum ck_baseline { CK_BASELINE_NONE = 0, CK_BASELINE_NEW, CK_BASELINE_UNCHANGED, CK_BASELINE_ABSENT };

struct ck_report_opts {
    int lang;         /* CK_LANG_* */
    int fail_on;      /* ck_severity: the exit-1 threshold, for the summary */
    int min_severity; /* ck_severity: what the caller kept (shown in headers) */
    int color;        /* text and gcc: ANSI colours (a terminal) */
    /* SARIF: NULL, or one enum ck_baseline per finding in report order (the
     * files in turn, each file's findings in turn), borrowed; a result then
     * carries baselineState (`diff`, checker/cli/diff_formats.c). */
    const unsigned char *baseline;
};

enum ck_report_format {
    CK_FMT_TEXT = 0,
    CK_FMT_JSON,
    CK_FMT_SARIF,
    CK_FMT_JUNIT,
    CK_FMT_HTML,
    CK_FMT_CSV,
    CK_FMT_GCC,
    CK_FMT_COUNT
};

typedef void (*ck_report_fn)(FILE *out, const struct ck_engine *eng, const struct ck_result *res,
                             size_t n, const struct ck_report_opts *o);

/* "new", "unchanged", "absent" (SARIF's names); NULL for CK_BASELINE_NONE. */
const char *ck_baseline_name(int b);

/* "text", "json", … → CK_FMT_*; -1 when unknown. */
int ck_report_format_parse(const char *name);
const char *ck_report_format_name(int fmt);
/* The names, comma-separated, for usage messages ("text, json, …"). */
const char *ck_report_format_list(void);
ck_report_fn ck_report_get(int fmt);

void ck_report_text(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o);
void ck_report_json(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o);
void ck_report_sarif(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                     const struct ck_report_opts *o);
void ck_report_junit(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                     const struct ck_report_opts *o);
void ck_report_html(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o);
void ck_report_csv(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                   const struct ck_report_opts *o);
void ck_report_gcc(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                   const struct ck_report_opts *o);

/* ---- helpers shared by the reporters ---- */

/* Counts over a batch: not-exempted findings by severity, exempted, files
 * checked and files that could not be checked. */
struct ck_report_counts {
    size_t sev[3]; /* indexed by ck_severity */
    size_t exempted, checked, errors, files;
};
void ck_report_count(const struct ck_result *res, size_t n, struct ck_report_counts *c);

/* The stable business key of a finding: fund USCC, rule id, item and
 * look-through chain, "|"-joined — the database's finding_key
 * (v_finding_keys), so a SARIF fingerprint and `diff` agree on what is the
 * same finding from one period to the next. Appends to out. */
void ck_report_finding_key(const struct ck_result *r, const struct ck_finding *f, struct ck_buf *out);

/* JUnit building blocks shared by check's report and diff's
 * (checker/cli/diff_formats.c): an escaped attribute ` name="v"`; the lines
 * describing a finding (severity, message, line, XPath, evidence, chain,
 * exemption); a <failure> of the finding whose text is body. */
void ck_junit_attr(struct ck_buf *b, const char *name, const char *v);
void ck_junit_finding_lines(struct ck_buf *b, const struct ck_finding *f, int lang);
void ck_junit_failure(struct ck_buf *b, const struct ck_finding *f, const char *body, int lang);

/* Escapes s for XML/HTML text and attribute values (& < > " '); NULL → "". */
void ck_report_xml(struct ck_buf *b, const char *s);

/* "违规" / "violation" … as ck_severity_label, or the category's label
 * (Chinese or the slug) — labels shown to people. */
const char *ck_report_category_label(const char *category, int lang);

/* HTML building blocks shared by the check report and the database
 * report (dbreport.c): the page head with its inline style (no external
 * resources at all), a horizontal bar chart as inline SVG, the page end. */
void ck_html_begin(struct ck_buf *b, const char *title, int lang);
void ck_html_bar_chart(struct ck_buf *b, const char *id, const char *title, const char *const *labels,
                       const double *values, size_t n);
/* The same with the width of the label column given (pixels; the chart
 * above uses 220), for long labels such as fund names. */
void ck_html_bar_chart_w(struct ck_buf *b, const char *id, const char *title, const char *const *labels,
                         const double *values, size_t n, int label_w);
void ck_html_end(struct ck_buf *b);

#endif
