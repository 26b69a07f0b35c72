/* SPDX-License-Identifier: MIT */
/*
 * The text report. For each filing: a header line (path, filing id, fund),
 * then its findings grouped by holding (or transaction/guarantee/item), then
 * filing-level ones; each finding shows what (title, message), where (line,
 * XPath), why (rule, legal basis) and the evidence. A summary ends it.
 */
#include "report.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"

#include <string.h>

struct labels {
    const char *where, *evidence, *basis, *explain, *exempted, *line, *filing_level, *holding,
        *error, *no_findings, *period, *summary, *chain, *edition;
};

static const struct labels zh = {
    "位置", "证据", "依据", "说明", "已豁免", "行", "基金整体", "持仓/事项", "无法检查",
    "未发现问题", "报告期", "汇总", "穿透链", "目录版本",
};
static const struct labels en = {
    "where", "evidence", "basis", "note", "exempted", "line", "filing level", "item",
    "could not be checked", "no findings", "period", "summary", "chain", "catalogue edition",
};

static int strcmp0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static void print_finding(FILE *out, const struct ck_finding *f, const struct labels *L, int lang)
{
    struct ck_buf b;
    ck_buf_init(&b);
    fprintf(out, "    [%s] %s %s  %s\n", ck_severity_label(f->severity, lang), f->rule->id,
            f->rule->category, f->rule->title[lang]);
    fprintf(out, "      %s\n", f->message[lang]);
    fprintf(out, "      %s: %s %ld  %s\n", L->where, L->line, f->line, f->xpath);
    if (f->chain)
        fprintf(out, "      %s: %s\n", L->chain, f->chain);
    if (f->evidence[lang] && *f->evidence[lang])
        fprintf(out, "      %s: %s\n", L->evidence, f->evidence[lang]);
    if (f->explain && *f->explain) {
        /* continuation lines stay inside the finding's block */
        fprintf(out, "      %s: ", L->explain);
        for (const char *p = f->explain; *p; p++) {
            fputc(*p, out);
            if (*p == '\n' && p[1])
                fputs("        ", out);
        }
        if (f->explain[strlen(f->explain) - 1] != '\n')
            fputc('\n', out);
    }
    if (f->catalog_edition)
        fprintf(out, "      %s: %s\n", L->edition, f->catalog_edition);
    if (f->basis) /* a finding's own basis (plan limits quote the 设立方案) */
        ck_buf_adds(&b, f->basis);
    else
        ck_rules_basis_text_lang(f->rule, lang, &b);
    fprintf(out, "      %s: %s\n", L->basis, ck_buf_str(&b));
    if (f->exempted)
        fprintf(out, "      %s: %s (%s, %s..%s)\n", L->exempted, f->exempt_document,
                f->exempt_authority, f->exempt_from, f->exempt_until);
    ck_buf_fini(&b);
}

/* The direction-metrics block of one filing (Amendment 1): every metric,
 * null ones with the reason, shares with the coverage of their datum. */
static void print_metrics(FILE *out, const struct ck_metrics *m, int lang)
{
    if (!m->computed)
        return;
    struct ck_buf b;
    ck_buf_init(&b);
    ck_metrics_decimal(&b, m->invested_fen, 2);
    fprintf(out, lang ? "  direction metrics (D = %s yuan in equity, listed equity and sub-funds)\n"
                      : "  投向指标（D = %s 元：股权、上市股权和子基金投资）\n",
            ck_buf_str(&b));
    for (int k = 0; k < CK_M_COUNT; k++) {
        const struct ck_metric *x = &m->m[k];
        ck_buf_reset(&b);
        if (!x->known) {
            ck_buf_printf(&b, lang ? "n/a (%s)" : "无法计算（%s）", ck_metric_why_text(x->why, lang));
        } else if (k == CK_M_AVG_HOLDING) {
            /* negative when an acquisition date lies after the period end */
            long long a = x->scaled < 0 ? -x->scaled : x->scaled;
            ck_buf_printf(&b, "%s%lld.%02lld%s", x->scaled < 0 ? "-" : "", a / 100, a % 100, lang ? " years" : " 年");
        } else if (k == CK_M_HHI) {
            ck_buf_printf(&b, "%lld.%04lld", x->scaled / 10000, x->scaled % 10000);
        } else {
            ck_metrics_decimal(&b, x->scaled / 100, 0);
            ck_buf_printf(&b, ".%02lld%%", x->scaled % 100);
        }
        if (x->has_coverage && x->coverage_known && x->coverage < 10000)
            ck_buf_printf(&b, lang ? " [data for %lld.%02lld%% of D]" : "［数据覆盖 D 的 %lld.%02lld%%］",
                          x->coverage / 100, x->coverage % 100);
        fprintf(out, "    %s%s%s\n", ck_metric_label(k, lang), lang ? ": " : "：", ck_buf_str(&b));
    }
    ck_buf_fini(&b);
}

void ck_report_text(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o)
{
    (void)eng;
    int lang = o->lang;
    const struct labels *L = lang == CK_LANG_EN ? &en : &zh;
    size_t sev_count[CK_SEV_COUNT] = {0}, exempted = 0, errors = 0, checked = 0;
    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        if (r->status != 0) {
            errors++;
            /* the diagnostics themselves went to standard error, once */
            fprintf(out, lang == CK_LANG_EN ? "%s: %s (%zu problem(s); the diagnostics are on standard error)\n\n"
                                            : "%s: %s（%zu 处问题，诊断信息见标准错误输出）\n\n",
                    r->path, L->error, r->diags.total ? r->diags.total : 1);
            continue;
        }
        checked++;
        const struct ck_filing *fl = r->filing;
        fprintf(out, "%s  %s  %s（%s）  %s %s..%s\n", r->path, fl->filing_id, fl->fund_name,
                fl->fund_uscc, L->period, fl->period_start, fl->period_end);
        if (r->rule_errors)
            fprintf(out, "  ! %s", r->rule_errors);
        if (r->findings.n == 0) {
            fprintf(out, "  %s\n", L->no_findings);
            print_metrics(out, &r->metrics, lang);
            fputc('\n', out);
            continue;
        }
        /* Group: items in order of first appearance, filing level last. */
        const struct ck_findings *fs = &r->findings;
        for (int pass = 0; pass < 2; pass++) {
            for (size_t k = 0; k < fs->n; k++) {
                const struct ck_finding *f = &fs->v[k];
                int item_level = f->item != NULL;
                if ((pass == 0) != item_level)
                    continue;
                /* print the group once, at its first finding */
                size_t first = k;
                for (size_t j = 0; j < k; j++)
                    if ((fs->v[j].item != NULL) == item_level && strcmp0(fs->v[j].item, f->item) == 0) {
                        first = j;
                        break;
                    }
                if (first != k)
                    continue;
                if (item_level)
                    fprintf(out, "  %s %s\n", L->holding, f->item);
                else
                    fprintf(out, "  %s\n", L->filing_level);
                for (size_t j = k; j < fs->n; j++) {
                    const struct ck_finding *g = &fs->v[j];
                    if ((g->item != NULL) != item_level || strcmp0(g->item, f->item) != 0)
                        continue;
                    print_finding(out, g, L, lang);
                    if (g->exempted)
                        exempted++;
                    else
                        sev_count[g->severity]++;
                }
            }
        }
        if (fs->dropped)
            fprintf(out, "  … %zu\n", fs->dropped);
        print_metrics(out, &r->metrics, lang);
        fputc('\n', out);
    }
    if (lang == CK_LANG_EN)
        fprintf(out, "%s: %zu file(s), %zu checked, %zu could not be checked; %zu violation(s), %zu warning(s), %zu notice(s), %zu exempted\n",
                L->summary, n, checked, errors, sev_count[CK_SEV_VIOLATION], sev_count[CK_SEV_WARNING],
                sev_count[CK_SEV_NOTICE], exempted);
    else
        fprintf(out, "%s：%zu 个文件，已检查 %zu 个，无法检查 %zu 个；违规 %zu 项，警告 %zu 项，提示 %zu 项，已豁免 %zu 项\n",
                L->summary, n, checked, errors, sev_count[CK_SEV_VIOLATION], sev_count[CK_SEV_WARNING],
                sev_count[CK_SEV_NOTICE], exempted);
}
