/* SPDX-License-Identifier: MIT */
/*
 * What the reporters share: the table of output formats, batch counts, the
 * business key of a finding, XML escaping and the labels people read. No
 * state; every function writes into its caller's buffers.
 */
#include "report.h"

#include "ck.h"

#include <string.h>

static const struct {
    const char *name;
    ck_report_fn fn;
} formats[CK_FMT_COUNT] = {
    [CK_FMT_TEXT] = {"text", ck_report_text},   [CK_FMT_JSON] = {"json", ck_report_json},
    [CK_FMT_SARIF] = {"sarif", ck_report_sarif}, [CK_FMT_JUNIT] = {"junit", ck_report_junit},
    [CK_FMT_HTML] = {"html", ck_report_html},   [CK_FMT_CSV] = {"csv", ck_report_csv},
    [CK_FMT_GCC] = {"gcc", ck_report_gcc},
};

int ck_report_format_parse(const char *name)
{
    for (int i = 0; i < CK_FMT_COUNT; i++)
        if (strcmp(name, formats[i].name) == 0)
            return i;
    return -1;
}

const char *ck_report_format_name(int fmt)
{
    return fmt >= 0 && fmt < CK_FMT_COUNT ? formats[fmt].name : "?";
}

const char *ck_report_format_list(void)
{
    return "text, json, sarif, junit, html, csv, gcc";
}

ck_report_fn ck_report_get(int fmt)
{
    return fmt >= 0 && fmt < CK_FMT_COUNT ? formats[fmt].fn : NULL;
}

void ck_report_count(const struct ck_result *res, size_t n, struct ck_report_counts *c)
{
    memset(c, 0, sizeof *c);
    c->files = n;
    for (size_t i = 0; i < n; i++) {
        if (res[i].status != CK_OK) {
            c->errors++;
            continue;
        }
        c->checked++;
        for (size_t k = 0; k < res[i].findings.n; k++) {
            const struct ck_finding *f = &res[i].findings.v[k];
            if (f->exempted)
                c->exempted++;
            else if (f->severity >= 0 && f->severity < CK_SEV_COUNT)
                c->sev[f->severity]++;
        }
    }
}

void ck_report_finding_key(const struct ck_result *r, const struct ck_finding *f, struct ck_buf *out)
{
    const struct ck_filing *fl = r->filing;
    ck_buf_printf(out, "%s|%s|%s|%s", fl ? fl->fund_uscc : "", f->rule->id, f->item ? f->item : "",
                  f->chain ? f->chain : "");
}

void ck_report_xml(struct ck_buf *b, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '&': ck_buf_adds(b, "&amp;"); break;
        case '<': ck_buf_adds(b, "&lt;"); break;
        case '>': ck_buf_adds(b, "&gt;"); break;
        case '"': ck_buf_adds(b, "&quot;"); break;
        case '\'': ck_buf_adds(b, "&#39;"); break;
        default:
            /* XML 1.0 forbids most C0 controls even as references */
            if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t' && *s != '\r')
                ck_buf_addc(b, ' ');
            else
                ck_buf_addc(b, *s);
        }
    }
}

static const struct {
    const char *slug, *zh;
} category_labels[] = {
    {"disguised-debt", "名股实债与隐性债务"},
    {"public-stock", "公开交易股票"},
    {"derivatives", "衍生品"},
    {"guarantee", "担保"},
    {"unlimited-liability", "无限责任"},
    {"industry-catalog", "产业目录"},
    {"negative-list", "负面清单"},
    {"limit", "限额"},
    {"exemption", "豁免"},
    {"data-quality", "数据质量"},
};

const char *ck_report_category_label(const char *category, int lang)
{
    if (category == NULL)
        return "";
    if (lang == CK_LANG_EN)
        return category;
    for (size_t i = 0; i < CK_ARRAY_LEN(category_labels); i++)
        if (strcmp(category_labels[i].slug, category) == 0)
            return category_labels[i].zh;
    return category;
}
