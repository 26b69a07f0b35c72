/* SPDX-License-Identifier: MIT */
/*
 * One self-contained HTML page: no script, no external style sheet, font or
 * image, nothing fetched — it opens offline from a mail attachment. Charts
 * are inline SVG. Sections: summary (counts, a chart by category and one by
 * severity), files that could not be checked, one section per filing with
 * every finding (what, where, why with the legal text, evidence, note,
 * exemption), and the exempted findings listed together at the end.
 * Stable element ids (summary, chart-category, chart-severity, errors,
 * filing-N, exempted) and data-* attributes are what the browser test reads.
 */
#include "report.h"

#include "catalog.h"
#include "ck.h"

#include <string.h>

static const char style[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif;margin:2em;color:#222;"
    "max-width:70em}"
    "h1{font-size:1.6em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}"
    "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;"
    "text-align:left;vertical-align:top}"
    ".finding{border-left:6px solid #999;margin:1em 0;padding:.4em 1em;background:#fafafa}"
    ".sev-violation{border-color:#c62828}.sev-warning{border-color:#ef6c00}.sev-notice{border-color:#1565c0}"
    ".exempted{opacity:.75;border-style:dashed}"
    ".badge{display:inline-block;padding:0 .5em;border-radius:.3em;color:#fff;font-size:.9em}"
    ".b-violation{background:#c62828}.b-warning{background:#ef6c00}.b-notice{background:#1565c0}"
    ".b-exempted{background:#757575}.b-error{background:#6a1b9a}"
    "dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:.4em 0}dt{color:#555}"
    "dd{margin:0}blockquote{margin:.2em 0;padding-left:.8em;border-left:3px solid #ddd;color:#333}"
    "code{font-size:.9em}svg text{font-size:12px}";

void ck_html_begin(struct ck_buf *b, const char *title, int lang)
{
    ck_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                  lang == CK_LANG_EN ? "en" : "zh-CN");
    ck_buf_adds(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">\n<title>");
    ck_report_xml(b, title);
    ck_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    ck_report_xml(b, title);
    ck_buf_adds(b, "</h1>\n");
}

void ck_html_end(struct ck_buf *b)
{
    ck_buf_adds(b, "</body>\n</html>\n");
}

void ck_html_bar_chart(struct ck_buf *b, const char *id, const char *title, const char *const *labels,
                       const double *values, size_t n)
{
    ck_html_bar_chart_w(b, id, title, labels, values, n, 220);
}

void ck_html_bar_chart_w(struct ck_buf *b, const char *id, const char *title, const char *const *labels,
                         const double *values, size_t n, int label_w)
{
    double max = 0;
    for (size_t i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    const int bar_w = 360, row_h = 22;
    ck_buf_printf(b, "<figure id=\"%s\">\n<figcaption>", id);
    ck_report_xml(b, title);
    ck_buf_printf(b, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" "
                     "height=\"%zu\" viewBox=\"0 0 %d %zu\">\n",
                  label_w + bar_w + 60, n * (size_t)row_h + 4, label_w + bar_w + 60, n * (size_t)row_h + 4);
    for (size_t i = 0; i < n; i++) {
        int w = max > 0 ? (int)(values[i] / max * bar_w + 0.5) : 0;
        size_t y = i * (size_t)row_h + 2;
        ck_buf_printf(b, "<g class=\"bar\" data-label=\"");
        ck_report_xml(b, labels[i]);
        ck_buf_printf(b, "\" data-value=\"%g\"><text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", values[i],
                      label_w - 6, y + 15);
        ck_report_xml(b, labels[i]);
        ck_buf_printf(b, "</text><rect x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\" fill=\"#5c6bc0\"/>"
                         "<text x=\"%d\" y=\"%zu\">%g</text></g>\n",
                      label_w, y + 2, w, row_h - 6, label_w + w + 6, y + 15, values[i]);
    }
    ck_buf_adds(b, "</svg>\n</figure>\n");
}

struct labels {
    const char *title, *summary, *files, *checked, *errors, *by_category, *by_severity, *error_files,
        *filing_level, *no_findings, *what, *where, *why, *evidence, *note, *exempted, *exempted_list,
        *line, *holding, *chain, *edition, *period, *fund, *none, *rules_version, *catalog_version,
        *fail_on, *rule;
};

static const struct labels zh = {
    "政府投资基金合规检查报告", "汇总", "文件", "已检查", "无法检查", "按类别（未豁免）", "按严重程度（未豁免）",
    "无法检查的文件", "基金整体", "未发现问题", "问题", "位置", "依据", "证据", "说明", "已豁免",
    "已豁免的发现", "行", "持仓/事项", "穿透链", "目录版本", "报告期", "基金", "无", "规则集版本",
    "目录版本", "失败阈值", "规则",
};
static const struct labels en = {
    "Government investment fund compliance report", "Summary", "files", "checked", "could not be checked",
    "By category (not exempted)", "By severity (not exempted)", "Files that could not be checked",
    "filing level", "no findings", "what", "where", "why", "evidence", "note", "exempted",
    "Exempted findings", "line", "item", "chain", "catalogue edition", "period", "fund", "none",
    "rule set version", "catalogue version", "fail level", "rule",
};

static void dt_dd(struct ck_buf *b, const char *dt, const char *dd)
{
    if (dd == NULL || *dd == '\0')
        return;
    ck_buf_adds(b, "<dt>");
    ck_report_xml(b, dt);
    ck_buf_adds(b, "</dt><dd>");
    ck_report_xml(b, dd);
    ck_buf_adds(b, "</dd>\n");
}

static void finding_html(struct ck_buf *b, const struct ck_result *r, const struct ck_finding *f,
                         const struct labels *L, int lang)
{
    const char *sev = ck_severity_name(f->severity);
    ck_buf_printf(b, "<div class=\"finding sev-%s%s\" data-rule=\"%s\" data-severity=\"%s\" data-exempted=\"%s\">\n",
                  sev, f->exempted ? " exempted" : "", f->rule->id, sev, f->exempted ? "yes" : "no");
    ck_buf_printf(b, "<p><span class=\"badge b-%s\">%s</span> <strong>%s</strong> ", sev,
                  ck_severity_label(f->severity, lang), f->rule->id);
    ck_report_xml(b, f->rule->title[lang]);
    ck_buf_adds(b, " <small>");
    ck_report_xml(b, ck_report_category_label(f->rule->category, lang));
    ck_buf_adds(b, "</small>");
    if (f->exempted)
        ck_buf_printf(b, " <span class=\"badge b-exempted\">%s</span>", L->exempted);
    ck_buf_adds(b, "</p>\n<dl>\n");
    dt_dd(b, L->what, f->message[lang]);
    struct ck_buf where;
    ck_buf_init(&where);
    ck_buf_printf(&where, "%s:%ld  %s", r->path, f->line, f->xpath ? f->xpath : "");
    if (f->holding || f->item)
        ck_buf_printf(&where, "  (%s %s)", L->holding, f->holding ? f->holding : f->item);
    dt_dd(b, L->where, ck_buf_str(&where));
    ck_buf_fini(&where);
    dt_dd(b, L->chain, f->chain);
    dt_dd(b, L->evidence, f->evidence[lang]);
    dt_dd(b, L->note, f->explain);
    dt_dd(b, L->edition, f->catalog_edition);
    ck_buf_printf(b, "<dt>%s</dt><dd>", L->why);
    for (size_t i = 0; i < f->rule->n_basis; i++) {
        const struct ck_basis *bs = &f->rule->basis[i];
        ck_buf_adds(b, "<blockquote>《");
        ck_report_xml(b, bs->document);
        ck_buf_adds(b, "》");
        ck_report_xml(b, bs->article);
        ck_buf_adds(b, "：「");
        ck_report_xml(b, bs->text);
        ck_buf_adds(b, "」</blockquote>");
    }
    ck_buf_adds(b, "</dd>\n");
    if (f->exempted) {
        struct ck_buf ex;
        ck_buf_init(&ex);
        ck_buf_printf(&ex, "%s（%s，%s..%s）", f->exempt_document ? f->exempt_document : "",
                      f->exempt_authority ? f->exempt_authority : "", f->exempt_from ? f->exempt_from : "",
                      f->exempt_until ? f->exempt_until : "");
        dt_dd(b, L->exempted, ck_buf_str(&ex));
        ck_buf_fini(&ex);
    }
    ck_buf_adds(b, "</dl>\n</div>\n");
}

void ck_report_html(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o)
{
    int lang = o->lang;
    const struct labels *L = lang == CK_LANG_EN ? &en : &zh;
    struct ck_report_counts c;
    ck_report_count(res, n, &c);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_html_begin(&b, L->title, lang);

    ck_buf_printf(&b, "<section id=\"summary\">\n<h2>%s</h2>\n<table>\n", L->summary);
    ck_buf_printf(&b, "<tr><th>%s</th><td data-count=\"files\">%zu</td></tr>\n", L->files, c.files);
    ck_buf_printf(&b, "<tr><th>%s</th><td data-count=\"checked\">%zu</td></tr>\n", L->checked, c.checked);
    ck_buf_printf(&b, "<tr><th>%s</th><td data-count=\"errors\">%zu</td></tr>\n", L->errors, c.errors);
    for (int s = CK_SEV_COUNT - 1; s >= 0; s--)
        ck_buf_printf(&b, "<tr><th>%s</th><td data-count=\"%s\">%zu</td></tr>\n", ck_severity_label(s, lang),
                      ck_severity_name(s), c.sev[s]);
    ck_buf_printf(&b, "<tr><th>%s</th><td data-count=\"exempted\">%zu</td></tr>\n", L->exempted, c.exempted);
    ck_buf_printf(&b, "<tr><th>%s</th><td>%s</td></tr>\n", L->fail_on, ck_severity_label(o->fail_on, lang));
    ck_buf_printf(&b, "<tr><th>%s</th><td><code>%s</code></td></tr>\n", L->rules_version, eng->rules->version);
    ck_buf_printf(&b, "<tr><th>%s</th><td><code>", L->catalog_version);
    ck_report_xml(&b, eng->catalog ? ck_catalog_version(eng->catalog) : L->none);
    ck_buf_adds(&b, "</code></td></tr>\n</table>\n");

    /* charts: categories in the contract's order, severities high to low */
    size_t n_cat = 0;
    while (ck_categories[n_cat])
        n_cat++;
    const char *cat_labels[16];
    double cat_values[16];
    size_t shown = 0;
    for (size_t k = 0; k < n_cat && shown < CK_ARRAY_LEN(cat_labels); k++) {
        double v = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < res[i].findings.n; j++)
                if (!res[i].findings.v[j].exempted &&
                    strcmp(res[i].findings.v[j].rule->category, ck_categories[k]) == 0)
                    v++;
        cat_labels[shown] = ck_report_category_label(ck_categories[k], lang);
        cat_values[shown++] = v;
    }
    ck_html_bar_chart(&b, "chart-category", L->by_category, cat_labels, cat_values, shown);
    const char *sev_labels[CK_SEV_COUNT];
    double sev_values[CK_SEV_COUNT];
    for (int s = 0; s < CK_SEV_COUNT; s++) {
        sev_labels[s] = ck_severity_label(CK_SEV_COUNT - 1 - s, lang);
        sev_values[s] = (double)c.sev[CK_SEV_COUNT - 1 - s];
    }
    ck_html_bar_chart(&b, "chart-severity", L->by_severity, sev_labels, sev_values, CK_SEV_COUNT);
    ck_buf_adds(&b, "</section>\n");

    ck_buf_printf(&b, "<section id=\"errors\">\n<h2>%s</h2>\n", L->error_files);
    if (c.errors == 0)
        ck_buf_printf(&b, "<p>%s</p>\n", L->none);
    else {
        ck_buf_adds(&b, "<ul>\n");
        for (size_t i = 0; i < n; i++) {
            if (res[i].status == CK_OK)
                continue;
            ck_buf_adds(&b, "<li class=\"error-file\"><code>");
            ck_report_xml(&b, res[i].path);
            ck_buf_printf(&b, "</code> <span class=\"badge b-error\">%s</span>\n<ul>\n", L->errors);
            for (size_t k = 0; k < res[i].diags.n; k++) {
                const struct ck_fdiag *x = &res[i].diags.v[k];
                struct ck_buf m, h;
                ck_buf_init(&m);
                ck_buf_init(&h);
                ck_diag_format(x, lang, &m, &h);
                ck_buf_printf(&b, "<li class=\"diag\" data-id=\"%s\">%s %ld", x->id, L->line, x->line);
                if (x->column > 0)
                    ck_buf_printf(&b, ":%d", x->column);
                ck_buf_printf(&b, " <code>%s</code> ", x->id);
                ck_report_xml(&b, ck_buf_str(&m));
                if (x->xpath) {
                    ck_buf_adds(&b, " <code>");
                    ck_report_xml(&b, x->xpath);
                    ck_buf_adds(&b, "</code>");
                }
                if (h.len) {
                    ck_buf_printf(&b, "<br><small>%s", lang == CK_LANG_EN ? "hint: " : "提示：");
                    ck_report_xml(&b, ck_buf_str(&h));
                    ck_buf_adds(&b, "</small>");
                }
                ck_buf_adds(&b, "</li>\n");
                ck_buf_fini(&m);
                ck_buf_fini(&h);
            }
            if (res[i].diags.n == 0) {
                ck_buf_adds(&b, "<li>");
                ck_report_xml(&b, res[i].err_msg);
                ck_buf_adds(&b, "</li>\n");
            }
            ck_buf_adds(&b, "</ul></li>\n");
        }
        ck_buf_adds(&b, "</ul>\n");
    }
    ck_buf_adds(&b, "</section>\n");
    fwrite(b.p, 1, b.len, out);
    ck_buf_reset(&b);

    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        if (r->status != CK_OK)
            continue;
        const struct ck_filing *fl = r->filing;
        ck_buf_printf(&b, "<section class=\"filing\" id=\"filing-%zu\" data-path=\"", i + 1);
        ck_report_xml(&b, r->path);
        ck_buf_printf(&b, "\" data-findings=\"%zu\">\n<h2>", r->findings.n);
        ck_report_xml(&b, fl->fund_name);
        ck_buf_adds(&b, "</h2>\n<p><code>");
        ck_report_xml(&b, r->path);
        ck_buf_adds(&b, "</code> · ");
        ck_report_xml(&b, fl->filing_id);
        ck_buf_printf(&b, " · %s ", L->fund);
        ck_report_xml(&b, fl->fund_uscc);
        ck_buf_printf(&b, " · %s ", L->period);
        ck_report_xml(&b, fl->period_start);
        ck_buf_adds(&b, "..");
        ck_report_xml(&b, fl->period_end);
        ck_buf_adds(&b, "</p>\n");
        if (r->findings.n == 0)
            ck_buf_printf(&b, "<p class=\"clean\">%s</p>\n", L->no_findings);
        for (size_t k = 0; k < r->findings.n; k++)
            finding_html(&b, r, &r->findings.v[k], L, lang);
        ck_buf_adds(&b, "</section>\n");
        fwrite(b.p, 1, b.len, out);
        ck_buf_reset(&b);
    }

    ck_buf_printf(&b, "<section id=\"exempted\">\n<h2>%s</h2>\n", L->exempted_list);
    if (c.exempted == 0)
        ck_buf_printf(&b, "<p>%s</p>\n", L->none);
    else {
        ck_buf_printf(&b, "<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n", L->files, L->rule,
                      L->what, L->exempted);
        for (size_t i = 0; i < n; i++)
            for (size_t k = 0; k < res[i].findings.n; k++) {
                const struct ck_finding *f = &res[i].findings.v[k];
                if (!f->exempted)
                    continue;
                ck_buf_adds(&b, "<tr class=\"exempted-row\"><td><code>");
                ck_report_xml(&b, res[i].path);
                ck_buf_printf(&b, "</code></td><td>%s</td><td>", f->rule->id);
                ck_report_xml(&b, f->message[lang]);
                ck_buf_adds(&b, "</td><td>");
                ck_report_xml(&b, f->exempt_document);
                ck_buf_adds(&b, "（");
                ck_report_xml(&b, f->exempt_authority);
                ck_buf_adds(&b, "）</td></tr>\n");
            }
        ck_buf_adds(&b, "</table>\n");
    }
    ck_buf_adds(&b, "</section>\n");
    ck_html_end(&b);
    fwrite(b.p, 1, b.len, out);
    ck_buf_fini(&b);
}
