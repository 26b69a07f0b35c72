/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck report --db X --fund USCC`: one fund's drill-down in text,
 * JSON or CSV (the HTML page is dbreport_html.c). It reads:
 *   - every filing of the fund (filings), by period, each marked current
 *     (v_current_filings), superseded (an amended or re-checked row of the
 *     same period), draft or error;
 *   - the direction metrics of its current filings (v_filing_metrics), null
 *     ones with their reason (filing_metrics.null_reasons, translated);
 *   - the findings of its current filings (v_findings), with the limit
 *     findings (category limit) and the look-through chains (derived
 *     findings) listed again on their own, as a regulator asks for them.
 * Deterministic: sorted, no timestamps beyond those the filings carry.
 */
#include "dbreport.h"

#include "ck.h"
#include "mem.h"
#include "metrics.h"
#include "report.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#define col ck_dbreport_col

int ck_dbreport_fund_exists(sqlite3 *db, const char *uscc)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM filings WHERE fund_uscc = ?1 LIMIT 1", -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
    int r = sqlite3_step(s);
    sqlite3_finalize(s);
    return r == SQLITE_ROW ? 1 : r == SQLITE_DONE ? 0 : -1;
}

const char ck_dbreport_fund_filings_sql[] =
    "SELECT f.filing_pk, coalesce(f.period_start, ''), coalesce(f.period_end, ''), coalesce(f.submitted_at, ''),"
    " coalesce(f.report_type, ''), coalesce(f.filing_id, ''), f.path,"
    " CASE WHEN f.status = 'error' THEN 'error'"
    "      WHEN EXISTS (SELECT 1 FROM v_current_filings c WHERE c.filing_pk = f.filing_pk) THEN 'current'"
    "      WHEN coalesce(f.report_type, '') = 'draft' THEN 'draft' ELSE 'superseded' END,"
    " (SELECT count(*) FROM findings x WHERE x.filing_pk = f.filing_pk), f.run_id, f.n_holdings"
    " FROM filings f WHERE f.fund_uscc = ?1"
    " ORDER BY f.period_end, f.period_start, f.submitted_at, f.filing_pk";

const char ck_dbreport_fund_metrics_sql[] =
    "SELECT period_end, invested, early_small_share, avg_holding_years, hard_tech_share, private_share,"
    " social_capital_share, main_field_share, home_region_share, top_investee_share, hhi, null_reasons,"
    " period_start FROM v_filing_metrics WHERE fund_uscc = ?1 ORDER BY period_end, period_start, filing_pk";

const char *ck_dbreport_filing_state(const char *state, int lang)
{
    static const char *const t[][3] = {
        {"current", "现行", "current"},
        {"superseded", "已被取代", "superseded"},
        {"draft", "草稿（不计为现行）", "draft (never current)"},
        {"error", "无法检查", "could not be checked"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(t); i++)
        if (strcmp(state, t[i][0]) == 0)
            return t[i][lang == CK_LANG_EN ? 2 : 1];
    return state;
}

/* The reason null_reasons gives for metric key, in lang (the stored text is
 * English: ck_metric_why_text's); "" when none is given. */
static void null_reason(struct ck_buf *b, const char *reasons, const char *key, int lang)
{
    size_t kn = strlen(key);
    for (const char *p = reasons; *p;) {
        size_t n = strcspn(p, ";");
        if (n > kn + 1 && strncmp(p, key, kn) == 0 && p[kn] == ':') {
            const char *r = p + kn + 1;
            while (*r == ' ')
                r++;
            size_t rn = (size_t)(p + n - r);
            for (int w = 1; w < CK_MW_COUNT; w++) {
                const char *en = ck_metric_why_text(w, CK_LANG_EN);
                if (strlen(en) == rn && strncmp(en, r, rn) == 0) {
                    ck_buf_adds(b, ck_metric_why_text(w, lang));
                    return;
                }
            }
            ck_buf_add(b, r, rn); /* a reason this build does not know: as stored */
            return;
        }
        p += n;
        while (*p == ';' || *p == ' ')
            p++;
    }
}

void ck_dbreport_metric_text(struct ck_buf *b, sqlite3_stmt *s, int c, int k, const char *reasons, int lang)
{
    int E = lang == CK_LANG_EN;
    if (sqlite3_column_type(s, c) == SQLITE_NULL) {
        struct ck_buf r;
        ck_buf_init(&r);
        null_reason(&r, reasons, ck_metric_key(k), lang);
        if (r.len)
            ck_buf_printf(b, E ? "n/a (%s)" : "无法计算（%s）", ck_buf_str(&r));
        else
            ck_buf_adds(b, E ? "n/a" : "无法计算");
        ck_buf_fini(&r);
        return;
    }
    double v = sqlite3_column_double(s, c);
    if (k == CK_M_AVG_HOLDING)
        ck_buf_printf(b, "%.2f%s", v, E ? " years" : " 年");
    else if (k == CK_M_HHI)
        ck_buf_printf(b, "%.4f", v);
    else
        ck_buf_printf(b, "%.2f%%", v * 100);
}

static void finding_json(struct ck_buf *b, const struct ck_dbfinding *f)
{
    ck_buf_adds(b, "{\"fundUscc\":");
    ck_buf_json_str(b, f->fund_uscc);
    ck_buf_adds(b, ",\"rule\":");
    ck_buf_json_str(b, f->rule);
    static const char *const keys[] = {"category", "severity", "periodEnd", "path", "holding", "item",
                                       "xpath", "title", "message", "evidence", "explanation", "basis",
                                       "chain", "exemptDocument", "exemptAuthority"};
    const char *v[] = {f->category, f->severity, f->period_end, f->path, f->holding, f->item, f->xpath, f->title,
                       f->message, f->evidence, f->explanation, f->basis, f->chain, f->exempted_by,
                       f->exempt_authority};
    for (size_t i = 0; i < CK_ARRAY_LEN(keys); i++) {
        ck_buf_printf(b, ",\"%s\":", keys[i]);
        ck_buf_json_str(b, *v[i] || i < 4 ? v[i] : NULL);
    }
    ck_buf_printf(b, ",\"line\":%lld,\"exempted\":%s,\"derived\":%s}", f->line, f->exempted ? "true" : "false",
                  f->derived ? "true" : "false");
}

static void finding_text(struct ck_buf *b, const struct ck_dbfinding *f, int lang)
{
    int E = lang == CK_LANG_EN;
    int sev = ck_severity_parse(f->severity);
    ck_buf_printf(b, "  [%s] %s %s%s\n", sev >= 0 ? ck_severity_label(sev, lang) : f->severity, f->rule, f->title,
                  f->exempted ? (E ? " (exempted)" : "（已豁免）") : "");
    ck_buf_printf(b, "    %s\n", f->message);
    ck_buf_printf(b, E ? "    where: %s:%lld  %s" : "    位置：%s:%lld  %s", f->path, f->line, f->xpath);
    if (*f->holding || *f->item)
        ck_buf_printf(b, E ? "  (item %s)" : "（持仓/事项 %s）", *f->holding ? f->holding : f->item);
    ck_buf_addc(b, '\n');
    if (*f->chain)
        ck_buf_printf(b, E ? "    chain: %s\n" : "    穿透链：%s\n", f->chain);
    if (*f->evidence)
        ck_buf_printf(b, E ? "    evidence: %s\n" : "    证据：%s\n", f->evidence);
    if (*f->basis)
        ck_buf_printf(b, E ? "    basis: %s\n" : "    依据：%s\n", f->basis);
    if (f->exempted)
        ck_buf_printf(b, E ? "    exempted by: %s (%s, %s..%s)\n" : "    豁免文件：%s（%s，%s..%s）\n", f->exempted_by,
                      f->exempt_authority, f->exempt_from, f->exempt_until);
}

static int fail(sqlite3 *db, sqlite3_stmt *s, struct ck_buf *b)
{
    fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(s);
    ck_buf_fini(b);
    return CK_EXIT_SYSTEM;
}

int ck_dbreport_fund(FILE *out, sqlite3 *db, const char *db_path, int fmt, int lang, const char *uscc)
{
    int E = lang == CK_LANG_EN, rc;
    struct ck_buf b, sql;
    ck_buf_init(&b);
    sqlite3_stmt *s = NULL;
    /* the fund: from its latest filing */
    if (sqlite3_prepare_v2(db,
                           "SELECT coalesce(fund_name, ''), coalesce(gov_level, ''), coalesce(region, ''),"
                           " coalesce(substr(region, 1, 2) || '0000', ''), coalesce(fund_type, '')"
                           " FROM filings WHERE fund_uscc = ?1 ORDER BY period_end DESC, filing_pk DESC LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return fail(db, s, &b);
    sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_ROW)
        return fail(db, s, &b);
    const char *level_label = ck_dbreport_label("govLevel", col(s, 1), lang);
    if (fmt == CK_DBFMT_TEXT) {
        ck_buf_printf(&b, E ? "fundcheck fund report: %s %s (database %s)\n" : "fundcheck 基金报告：%s %s（数据库 %s）\n",
                      uscc, col(s, 0), db_path);
        ck_buf_printf(&b, E ? "level: %s  province: %s  region: %s\n" : "层级：%s  省份：%s  地区：%s\n",
                      level_label ? level_label : col(s, 1), col(s, 3), col(s, 2));
    } else if (fmt == CK_DBFMT_JSON) {
        ck_buf_adds(&b, "{\"database\":");
        ck_buf_json_str(&b, db_path);
        ck_buf_adds(&b, ",\"fund\":{\"uscc\":");
        ck_buf_json_str(&b, uscc);
        static const char *const keys[] = {"name", "govLevel", "region", "province", "fundType"};
        for (int i = 0; i < 5; i++) {
            ck_buf_printf(&b, ",\"%s\":", keys[i]);
            ck_buf_json_str(&b, col(s, i));
        }
        ck_buf_addc(&b, '}');
    } else {
        static const char *const head[] = {"fund_uscc", "fund_name", "period_end", "path", "line", "rule",
                                           "category", "severity", "holding", "item", "xpath", "title",
                                           "message", "evidence", "basis", "exempted", "exempt_document",
                                           "chain"};
        fputs("\xEF\xBB\xBF", out); /* UTF-8 BOM, as the other CSV reports */
        ck_dbreport_csv_row(out, head, CK_ARRAY_LEN(head));
    }
    sqlite3_finalize(s);
    s = NULL;

    if (fmt != CK_DBFMT_CSV) {
        /* filings by period */
        if (sqlite3_prepare_v2(db, ck_dbreport_fund_filings_sql, -1, &s, NULL) != SQLITE_OK)
            return fail(db, s, &b);
        sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
        ck_buf_adds(&b, fmt == CK_DBFMT_TEXT ? (E ? "\nfilings by period\n" : "\n各报告期的申报\n") : ",\"filings\":[");
        for (int n = 0; (rc = sqlite3_step(s)) == SQLITE_ROW; n++) {
            if (fmt == CK_DBFMT_TEXT) {
                ck_buf_printf(&b, E ? "  %s..%s  %s  %s  %s  submitted %s  %lld finding(s)\n"
                                    : "  %s..%s  %s  %s  %s  报送于 %s  发现 %lld 项\n",
                              col(s, 1), col(s, 2), ck_dbreport_filing_state(col(s, 7), lang), col(s, 5), col(s, 6),
                              *col(s, 3) ? col(s, 3) : "-", sqlite3_column_int64(s, 8));
            } else {
                static const char *const keys[] = {"periodStart", "periodEnd", "submittedAt", "reportType",
                                                   "filingId", "path", "state"};
                ck_buf_adds(&b, n ? ",{" : "{");
                for (int i = 0; i < 7; i++) {
                    ck_buf_printf(&b, "%s\"%s\":", i ? "," : "", keys[i]);
                    ck_buf_json_str(&b, col(s, i + 1));
                }
                ck_buf_printf(&b, ",\"findings\":%lld,\"run\":%lld,\"holdings\":%lld}", sqlite3_column_int64(s, 8),
                              sqlite3_column_int64(s, 9), sqlite3_column_int64(s, 10));
            }
        }
        if (rc != SQLITE_DONE)
            return fail(db, s, &b);
        sqlite3_finalize(s);
        s = NULL;
        if (fmt == CK_DBFMT_JSON)
            ck_buf_addc(&b, ']');

        /* counts over the current filings */
        if (sqlite3_prepare_v2(db,
                               "SELECT total(exempted = 0 AND severity_rank = 2), total(exempted = 0 AND severity_rank = 1),"
                               " total(exempted = 0 AND severity_rank = 0), total(exempted) FROM v_findings"
                               " WHERE fund_uscc = ?1",
                               -1, &s, NULL) != SQLITE_OK)
            return fail(db, s, &b);
        sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_ROW)
            return fail(db, s, &b);
        long long t[4];
        for (int i = 0; i < 4; i++)
            t[i] = sqlite3_column_int64(s, i);
        sqlite3_finalize(s);
        s = NULL;
        if (fmt == CK_DBFMT_TEXT)
            ck_buf_printf(&b,
                          E ? "\nfindings of the current filings: %lld violation(s), %lld warning(s), %lld notice(s);"
                              " %lld exempted\n"
                            : "\n现行申报的发现：违规 %lld 项，警告 %lld 项，提示 %lld 项；已豁免 %lld 项\n",
                          t[0], t[1], t[2], t[3]);
        else
            ck_buf_printf(&b, ",\"totals\":{\"violation\":%lld,\"warning\":%lld,\"notice\":%lld,\"exempted\":%lld}",
                          t[0], t[1], t[2], t[3]);

        /* metrics by period */
        if (sqlite3_prepare_v2(db, ck_dbreport_fund_metrics_sql, -1, &s, NULL) != SQLITE_OK)
            return fail(db, s, &b);
        sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
        ck_buf_adds(&b, fmt == CK_DBFMT_TEXT ? (E ? "\ndirection metrics by period\n" : "\n各报告期的投向指标\n")
                                             : ",\"metrics\":[");
        int n = 0;
        for (; (rc = sqlite3_step(s)) == SQLITE_ROW; n++) {
            const char *reasons = col(s, 11);
            if (fmt == CK_DBFMT_TEXT) {
                ck_buf_printf(&b, E ? "  %s..%s (D = %s yuan)\n" : "  %s..%s（D = %s 元）\n", col(s, 12), col(s, 0),
                              col(s, 1));
                for (int k = 0; k < CK_M_COUNT; k++) {
                    ck_buf_printf(&b, "    %s%s", ck_metric_label(k, lang), E ? ": " : "：");
                    ck_dbreport_metric_text(&b, s, 2 + k, k, reasons, lang);
                    ck_buf_addc(&b, '\n');
                }
            } else {
                ck_buf_adds(&b, n ? ",{\"periodEnd\":" : "{\"periodEnd\":");
                ck_buf_json_str(&b, col(s, 0));
                ck_buf_adds(&b, ",\"invested\":");
                ck_buf_json_str(&b, col(s, 1));
                for (int k = 0; k < CK_M_COUNT; k++) {
                    ck_buf_printf(&b, ",\"%s\":", ck_metric_key(k));
                    if (sqlite3_column_type(s, 2 + k) == SQLITE_NULL)
                        ck_buf_adds(&b, "null");
                    else
                        ck_buf_printf(&b, k == CK_M_AVG_HOLDING ? "%.2f" : "%.4f", sqlite3_column_double(s, 2 + k));
                }
                ck_buf_adds(&b, ",\"nullReasons\":");
                ck_buf_json_str(&b, reasons);
                ck_buf_addc(&b, '}');
            }
        }
        if (rc != SQLITE_DONE)
            return fail(db, s, &b);
        sqlite3_finalize(s);
        s = NULL;
        if (fmt == CK_DBFMT_TEXT && n == 0)
            ck_buf_adds(&b, E ? "  (no metrics: no current checked filing)\n" : "  （无：没有现行的已检查申报）\n");
        if (fmt == CK_DBFMT_JSON)
            ck_buf_addc(&b, ']');
    }
    fputs(ck_buf_str(&b), out);
    ck_buf_reset(&b);

    /* findings: limits, look-through chains, then all of them */
    static const char *const parts[][4] = {
        {"category = 'limit'", "limits", "\n限额（设立方案所定）\n", "\nlimits (set by the establishment plan)\n"},
        {"derived = 1", "lookthrough", "\n穿透链\n", "\nlook-through chains\n"},
        {"1", "findings", "\n全部发现（现行申报）\n", "\nall findings (current filings)\n"},
    };
    for (size_t p = 0; p < CK_ARRAY_LEN(parts); p++) {
        if (fmt == CK_DBFMT_CSV && p < 2)
            continue; /* the CSV is one row per finding */
        ck_buf_init(&sql);
        struct ck_buf where;
        ck_buf_init(&where);
        ck_buf_printf(&where, "fund_uscc = ?1 AND %s", parts[p][0]);
        ck_dbfinding_select(&sql, ck_buf_str(&where));
        ck_buf_fini(&where);
        int prc = sqlite3_prepare_v2(db, ck_buf_str(&sql), -1, &s, NULL);
        ck_buf_fini(&sql);
        if (prc != SQLITE_OK)
            return fail(db, s, &b);
        sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
        if (fmt == CK_DBFMT_TEXT)
            ck_buf_adds(&b, parts[p][E ? 3 : 2]);
        else if (fmt == CK_DBFMT_JSON)
            ck_buf_printf(&b, ",\"%s\":[", parts[p][1]);
        int n = 0;
        char *last_period = NULL;
        for (; (rc = sqlite3_step(s)) == SQLITE_ROW; n++) {
            struct ck_dbfinding f;
            ck_dbfinding_read(s, lang, &f);
            if (fmt == CK_DBFMT_TEXT) {
                if (p == 2 && (last_period == NULL || strcmp(last_period, f.period_end) != 0)) {
                    free(last_period);
                    last_period = ck_strdup(f.period_end);
                    ck_buf_printf(&b, E ? " period ending %s\n" : " 报告期末 %s\n", f.period_end);
                }
                finding_text(&b, &f, lang);
            } else if (fmt == CK_DBFMT_JSON) {
                if (n)
                    ck_buf_addc(&b, ',');
                finding_json(&b, &f);
            } else {
                char line[32];
                snprintf(line, sizeof line, "%lld", f.line);
                const char *row[] = {f.fund_uscc, f.fund_name, f.period_end, f.path, line, f.rule,
                                     f.category, f.severity, f.holding, f.item, f.xpath, f.title,
                                     f.message, f.evidence, f.basis, f.exempted ? "yes" : "no",
                                     f.exempted_by, f.chain};
                ck_dbreport_csv_row(out, row, CK_ARRAY_LEN(row));
            }
            fputs(ck_buf_str(&b), out);
            ck_buf_reset(&b);
        }
        free(last_period);
        if (rc != SQLITE_DONE)
            return fail(db, s, &b);
        sqlite3_finalize(s);
        s = NULL;
        if (fmt == CK_DBFMT_TEXT && n == 0)
            ck_buf_adds(&b, E ? "  (none)\n" : "  （无）\n");
        else if (fmt == CK_DBFMT_JSON)
            ck_buf_addc(&b, ']');
    }
    if (fmt == CK_DBFMT_JSON)
        ck_buf_adds(&b, "}\n");
    fputs(ck_buf_str(&b), out);
    ck_buf_fini(&b);
    return CK_EXIT_CLEAN;
}
