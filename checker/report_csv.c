/* SPDX-License-Identifier: MIT */
/*
 * CSV of findings: UTF-8 with a byte-order mark (so Excel on Chinese Windows
 * reads it as UTF-8, not GBK), CRLF line ends (RFC 4180), one row per
 * finding and one per file that could not be checked. The column set is
 * fixed and documented in docs/formats.md; new columns are only appended.
 */
#include "report.h"

#include "ck.h"

static const char *const columns[] = {
    "path",     "status", "filing_id", "fund_uscc", "fund_name", "period_end", "rule",
    "category", "severity", "holding", "item",      "line",      "xpath",      "title",
    "message",  "evidence", "basis",  "exempted",  "exempt_document", "chain",
};
enum { NCOL = sizeof columns / sizeof columns[0] };

static void row(struct ck_buf *b, const char *const *v)
{
    for (size_t i = 0; i < NCOL; i++) {
        if (i)
            ck_buf_addc(b, ',');
        ck_buf_csv_field(b, v[i] ? v[i] : "");
    }
    ck_buf_adds(b, "\r\n");
}

void ck_report_csv(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                   const struct ck_report_opts *o)
{
    (void)eng;
    int lang = o->lang;
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_adds(&b, "\xEF\xBB\xBF");
    row(&b, columns);
    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        const struct ck_filing *fl = r->filing;
        char line[24];
        if (r->status != CK_OK) {
            snprintf(line, sizeof line, "%ld", r->err_line);
            const char *v[NCOL] = {r->path, "error", NULL, NULL, NULL, NULL, NULL, NULL, "error", NULL,
                                   NULL,    line,    NULL, NULL, r->err_msg};
            row(&b, v);
        }
        for (size_t k = 0; fl && k < r->findings.n; k++) {
            const struct ck_finding *f = &r->findings.v[k];
            struct ck_buf basis;
            ck_buf_init(&basis);
            ck_rules_basis_text(f->rule, &basis);
            snprintf(line, sizeof line, "%ld", f->line);
            const char *v[NCOL] = {
                r->path,         "checked",        fl->filing_id,  fl->fund_uscc,
                fl->fund_name,   fl->period_end,   f->rule->id,    f->rule->category,
                ck_severity_name(f->severity),     f->holding,     f->item,
                line,            f->xpath,         f->rule->title[lang],
                f->message[lang], f->evidence[lang], ck_buf_str(&basis),
                f->exempted ? "yes" : "no",        f->exempt_document, f->chain,
            };
            row(&b, v);
            ck_buf_fini(&basis);
        }
        fwrite(b.p, 1, b.len, out);
        ck_buf_reset(&b);
    }
    ck_buf_fini(&b);
}
