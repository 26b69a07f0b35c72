/* SPDX-License-Identifier: MIT */
/*
 * The HTML page of a findings database (`report --db X --format html`) or
 * of one fund (`--fund USCC --format html`): one self-contained file, the
 * page head, style and bar charts of report_html.c (inline CSS and SVG, no
 * script, nothing fetched; the Content-Security-Policy says so).
 *
 * Sections, each with a stable id (docs/formats.md), in this order:
 *   summary  counts and the database's warnings (interrupted runs, missing
 *            look-through);
 *   charts   not-exempted findings by category, severity, province (one bar
 *            per province of the current filings, 0 included), government
 *            level, fund (the CHART_FUNDS with most violations) and period;
 *   funds    one section fund-USCC per fund: its data, findings by
 *            severity, direction metrics by period (v_filing_metrics), its
 *            limit findings and look-through chains; for one fund also its
 *            filings by period;
 *   layout   the crowding tables of layout.c and two charts (whole database
 *            only);
 *   findings every finding: what, where (file, line, XPath, holding), why
 *            (rule, title, the legal basis as the rules table stores it),
 *            evidence, note, exemption;
 *   exempted exempted findings with the exempting document, and the
 *            exemptions declared (v_exemptions);
 *   errors   files that could not be checked (whole database only);
 *   runs     every run with its status (whole database only).
 * All text from the database is escaped (ck_report_xml): filings are
 * hostile input. Output is deterministic for a given database.
 */
#include "dbreport.h"

#include "ck.h"
#include "layout.h"
#include "mem.h"
#include "metrics.h"
#include "report.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#define col ck_dbreport_col
#define CHART_FUNDS 20
#define CHART_LAYOUT_ROWS 20

struct labels {
    const char *title, *fund_title, *summary, *database, *current, *errors, *runs, *funds, *exempted, *charts,
        *by_category, *by_severity, *by_province, *by_level, *by_fund, *by_period, *fund_list, *uscc, *level,
        *province, *region, *periods, *metrics, *period, *invested, *limits, *lookthrough, *filings, *findings,
        *what, *where, *why, *evidence, *note, *edition, *chain, *holding, *rule, *exempted_list,
        *declared, *document, *authority, *valid, *waived, *error_files, *line, *message, *run_list,
        *started, *ended, *status, *checked, *skipped, *n_findings, *lt, *lt_missing, *layout, *layout_div,
        *layout_conc, *layout_homog, *division, *name, *n_funds, *levels, *share, *similarity, *detail,
        *chart_layout, *chart_homog, *none, *state, *submitted, *filing_id, *path, *prov_note, *fund;
};

static const struct labels zh = {
    "政府投资基金合规检查数据库报告", "基金检查报告", "汇总", "数据库", "现行申报", "无法检查的文件", "运行",
    "基金", "已豁免", "图表", "按类别（未豁免的发现）", "按严重程度（未豁免的发现）", "按省份（未豁免的发现）",
    "按政府层级（未豁免的发现）", "按基金（未豁免的发现，违规最多的前 20 只）", "按报告期（未豁免的发现）",
    "各基金", "统一社会信用代码", "政府层级", "省份", "地区", "报告期", "投向指标（现行申报）", "报告期末",
    "投资额 D（元）", "限额（设立方案所定）", "穿透链", "各报告期的申报", "全部发现", "问题", "位置", "依据",
    "证据", "说明", "目录版本", "穿透链", "持仓/事项", "规则", "已豁免的发现", "申报中声明的豁免", "豁免文件",
    "批准机关", "有效期", "豁免的发现", "无法检查的文件", "行", "原因", "运行记录", "开始", "结束", "状态", "检查",
    "跳过", "发现", "穿透检查", "穿透检查结果缺失", "同质化布局", "按省份和国民经济行业大类", "集中",
    "同质化程度（各基金大类投资向量两两余弦相似度的平均值）", "大类", "名称", "基金数", "层级", "占本省投资",
    "相似度", "明细", "同一省份与大类中的基金数（前 20）", "各省同质化程度", "无", "状态", "报送时间", "报送编号",
    "文件", "省份名称不可用：共享数据中没有 GB/T 2260 区划名称表，仅列代码", "基金",
};
static const struct labels en = {
    "Government investment fund findings database report", "Fund report", "Summary", "database",
    "current filings", "files that could not be checked", "runs", "funds", "exempted", "Charts",
    "By category (findings not exempted)", "By severity (findings not exempted)",
    "By province (findings not exempted)", "By government level (findings not exempted)",
    "By fund (findings not exempted; the 20 with most violations)", "By period (findings not exempted)",
    "Funds", "USCC", "government level", "province", "region", "periods", "Direction metrics (current filings)",
    "period end", "invested D (yuan)", "Limits (set by the establishment plan)", "Look-through chains",
    "Filings by period", "All findings", "what", "where", "why", "evidence", "note", "catalogue edition", "chain",
    "item", "rule", "Exempted findings", "Exemptions declared in the filings", "exempting document", "authority",
    "valid", "findings waived", "Files that could not be checked", "line", "reason", "Runs", "started", "ended",
    "status", "checked", "skipped", "findings", "look-through", "look-through findings missing",
    "Crowding across funds", "By province and GB/T 4754 division", "Concentrations",
    "Homogeneity (mean pairwise cosine similarity of the funds' division-investment vectors)", "division", "name",
    "funds", "levels", "share of province", "similarity", "detail",
    "Funds per province and division (top 20)", "Homogeneity per province", "none", "state", "submitted",
    "filing id", "file", "province names are not available: the shared data has no GB/T 2260 table; codes only",
    "fund",
};

static void esc(struct ck_buf *b, const char *s)
{
    ck_report_xml(b, s);
}

/* Text between tags: <tag>escaped</tag>. */
static void tag(struct ck_buf *b, const char *t, const char *s)
{
    ck_buf_printf(b, "<%s>", t);
    esc(b, s);
    ck_buf_printf(b, "</%s>", t);
}

static void dt_dd(struct ck_buf *b, const char *dt, const char *dd)
{
    if (dd == NULL || *dd == '\0')
        return;
    tag(b, "dt", dt);
    tag(b, "dd", dd);
    ck_buf_addc(b, '\n');
}

static const char *sev_label(const char *sev, int lang)
{
    int s = ck_severity_parse(sev);
    return s >= 0 ? ck_severity_label(s, lang) : sev;
}

static void flush(FILE *out, struct ck_buf *b)
{
    fwrite(b->p ? b->p : "", 1, b->len, out);
    ck_buf_reset(b);
}

/* Rough rendered width of a label in pixels (12px text: CJK ≈ 12, other ≈ 7). */
static int label_px(const char *s)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80)
            w += 7;
        else if (*p >= 0xC0)
            w += 12;
    }
    return w;
}

struct chart {
    char **labels; /* owned */
    double *values;
    size_t n, cap;
};

static void chart_add(struct chart *c, const char *label, double v)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 16;
        c->labels = ck_reallocarray(c->labels, c->cap, sizeof *c->labels);
        c->values = ck_reallocarray(c->values, c->cap, sizeof *c->values);
    }
    c->labels[c->n] = ck_strdup(label);
    c->values[c->n++] = v;
}

static void chart_emit(struct ck_buf *b, struct chart *c, const char *id, const char *title)
{
    int w = 120;
    for (size_t i = 0; i < c->n; i++)
        if (label_px(c->labels[i]) + 12 > w)
            w = label_px(c->labels[i]) + 12;
    if (w > 480)
        w = 480;
    ck_html_bar_chart_w(b, id, title, (const char *const *)c->labels, c->values, c->n, w);
    for (size_t i = 0; i < c->n; i++)
        free(c->labels[i]);
    free(c->labels);
    free(c->values);
    memset(c, 0, sizeof *c);
}

struct page {
    FILE *out;
    sqlite3 *db;
    const char *db_path, *fund; /* fund: NULL for the whole database */
    int lang;
    const struct labels *L;
    struct ck_buf b;
};

/* Prepares sql, binding ?1 to the page's fund when there is one. */
static sqlite3_stmt *prep(struct page *pg, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(pg->db, sql, -1, &s, NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return NULL;
    }
    if (pg->fund && sqlite3_bind_parameter_count(s) >= 1)
        sqlite3_bind_text(s, 1, pg->fund, -1, SQLITE_STATIC);
    return s;
}

/* " AND fund_uscc = ?1" on a fund's page, "" on the database's. */
static const char *and_fund(const struct page *pg)
{
    return pg->fund ? " AND fund_uscc = ?1" : "";
}

/* A chart from sql's rows (key, value): labels from dim (ck_dbreport_label),
 * "-" for an empty key. Returns 0, -1 on a database error. */
static int chart_sql(struct page *pg, const char *id, const char *title, const char *sql, const char *dim)
{
    sqlite3_stmt *s = prep(pg, sql);
    if (s == NULL)
        return -1;
    struct chart c = {0};
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = col(s, 0);
        const char *label = dim ? ck_dbreport_label(dim, key, pg->lang) : NULL;
        chart_add(&c, label ? label : *key ? key : "-", sqlite3_column_double(s, 1));
    }
    sqlite3_finalize(s);
    chart_emit(&pg->b, &c, id, title);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int summary(struct page *pg)
{
    const struct labels *L = pg->L;
    struct ck_buf sql;
    ck_buf_init(&sql);
    ck_buf_printf(&sql,
                  "SELECT (SELECT count(*) FROM v_current_filings WHERE 1%s),"
                  " (SELECT count(*) FROM v_error_filings), (SELECT count(*) FROM runs),"
                  " (SELECT count(DISTINCT fund_uscc) FROM v_current_filings WHERE 1%s),"
                  " total(exempted = 0 AND severity_rank = 2), total(exempted = 0 AND severity_rank = 1),"
                  " total(exempted = 0 AND severity_rank = 0), total(exempted) FROM v_findings WHERE 1%s",
                  and_fund(pg), and_fund(pg), and_fund(pg));
    sqlite3_stmt *s = prep(pg, ck_buf_str(&sql));
    ck_buf_fini(&sql);
    if (s == NULL || sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_finalize(s);
        return -1;
    }
    struct ck_buf *b = &pg->b;
    ck_buf_printf(b, "<section id=\"summary\">\n<h2>%s</h2>\n<table>\n<tr><th>%s</th><td><code>", L->summary,
                  L->database);
    esc(b, pg->db_path);
    ck_buf_adds(b, "</code></td></tr>\n");
    if (pg->fund) {
        ck_buf_printf(b, "<tr><th>%s</th><td data-fund=\"", L->uscc);
        esc(b, pg->fund);
        ck_buf_adds(b, "\"><code>");
        esc(b, pg->fund);
        ck_buf_adds(b, "</code></td></tr>\n");
    }
    ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"current\">%lld</td></tr>\n", L->current,
                  sqlite3_column_int64(s, 0));
    if (!pg->fund) {
        ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"funds\">%lld</td></tr>\n", L->funds,
                      sqlite3_column_int64(s, 3));
        ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"errors\">%lld</td></tr>\n", L->errors,
                      sqlite3_column_int64(s, 1));
        ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"runs\">%lld</td></tr>\n", L->runs,
                      sqlite3_column_int64(s, 2));
    }
    static const char *const sevs[] = {"violation", "warning", "notice"};
    for (int i = 0; i < 3; i++)
        ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"%s\">%lld</td></tr>\n", sev_label(sevs[i], pg->lang),
                      sevs[i], sqlite3_column_int64(s, 4 + i));
    ck_buf_printf(b, "<tr><th>%s</th><td data-count=\"exempted\">%lld</td></tr>\n</table>\n", L->exempted,
                  sqlite3_column_int64(s, 7));
    sqlite3_finalize(s);
    if (!pg->fund) {
        struct ck_buf w;
        ck_buf_init(&w);
        ck_dbreport_warnings(pg->db, pg->lang, &w);
        ck_buf_printf(b, "<div id=\"warnings\" data-warnings=\"%s\">\n", w.len ? "yes" : "no");
        for (const char *p = ck_buf_str(&w); *p;) {
            size_t n = strcspn(p, "\n");
            char *line = ck_strndup(p, n);
            ck_buf_adds(b, "<p class=\"warning\" style=\"color:#b71c1c;font-weight:bold\">");
            esc(b, line);
            ck_buf_adds(b, "</p>\n");
            free(line);
            p += n + (p[n] == '\n');
        }
        ck_buf_adds(b, "</div>\n");
        ck_buf_fini(&w);
    }
    ck_buf_adds(b, "</section>\n");
    return 0;
}

static int charts(struct page *pg)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b, sql;
    ck_buf_printf(b, "<section id=\"charts\">\n<h2>%s</h2>\n", L->charts);
    /* categories in the contract's order, 0 included */
    struct chart c = {0};
    ck_buf_init(&sql);
    ck_buf_printf(&sql, "SELECT count(*) FROM v_findings WHERE exempted = 0 AND category = ?2%s", and_fund(pg));
    sqlite3_stmt *s = prep(pg, ck_buf_str(&sql));
    ck_buf_fini(&sql);
    if (s == NULL)
        return -1;
    for (size_t k = 0; ck_categories[k]; k++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 2, ck_categories[k], -1, SQLITE_STATIC);
        chart_add(&c, ck_report_category_label(ck_categories[k], pg->lang),
                  sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_double(s, 0) : 0);
    }
    sqlite3_finalize(s);
    chart_emit(b, &c, "chart-category", L->by_category);
    /* severities high to low, 0 included */
    ck_buf_init(&sql);
    ck_buf_printf(&sql,
                  "SELECT s.severity, (SELECT count(*) FROM v_findings v WHERE v.exempted = 0"
                  " AND v.severity = s.severity%s) FROM (SELECT 'violation' AS severity, 2 AS r"
                  " UNION ALL SELECT 'warning', 1 UNION ALL SELECT 'notice', 0) s ORDER BY s.r DESC",
                  pg->fund ? " AND v.fund_uscc = ?1" : "");
    int rc = chart_sql(pg, "chart-severity", L->by_severity, ck_buf_str(&sql), "severity");
    ck_buf_reset(&sql);
    if (rc == 0 && !pg->fund) {
        /* one bar per province (level) of the current filings, 0 included */
        rc = chart_sql(pg, "chart-province", L->by_province,
                       "SELECT k, sum(n) FROM (SELECT coalesce(substr(region, 1, 2) || '0000', '') AS k, 0 AS n"
                       " FROM v_current_filings UNION ALL SELECT coalesce(province, ''), 1 FROM v_findings"
                       " WHERE exempted = 0) GROUP BY k ORDER BY k",
                       NULL);
        if (rc == 0)
            rc = chart_sql(pg, "chart-level", L->by_level,
                           "SELECT k, sum(n) FROM (SELECT coalesce(gov_level, '') AS k, 0 AS n FROM v_current_filings"
                           " UNION ALL SELECT coalesce(gov_level, ''), 1 FROM v_findings WHERE exempted = 0)"
                           " GROUP BY k ORDER BY CASE k WHEN 'central' THEN 0 WHEN 'provincial' THEN 1"
                           " WHEN 'municipal' THEN 2 WHEN 'county' THEN 3 ELSE 4 END, k",
                           "govLevel");
        if (rc == 0) {
            ck_buf_printf(&sql,
                          "SELECT max(fund_name) || '（' || fund_uscc || '）', count(*) FROM v_findings"
                          " WHERE exempted = 0 GROUP BY fund_uscc"
                          " ORDER BY sum(severity_rank = 2) DESC, count(*) DESC, fund_uscc LIMIT %d",
                          CHART_FUNDS);
            rc = chart_sql(pg, "chart-fund", L->by_fund, ck_buf_str(&sql), NULL);
            ck_buf_reset(&sql);
        }
    }
    if (rc == 0) {
        ck_buf_printf(&sql,
                      "SELECT k, sum(n) FROM (SELECT coalesce(period_end, '') AS k, 0 AS n FROM v_current_filings"
                      " WHERE 1%s UNION ALL SELECT coalesce(period_end, ''), 1 FROM v_findings WHERE exempted = 0%s)"
                      " GROUP BY k ORDER BY k",
                      and_fund(pg), and_fund(pg));
        rc = chart_sql(pg, "chart-period", L->by_period, ck_buf_str(&sql), NULL);
    }
    ck_buf_fini(&sql);
    ck_buf_adds(b, "</section>\n");
    flush(pg->out, b);
    return rc;
}

/* A short list of findings (a fund's limits or chains): severity, rule,
 * message, a link to the finding in the findings section. */
static int finding_list(struct page *pg, sqlite3_stmt *s, const char *cls, const char *title)
{
    struct ck_buf *b = &pg->b;
    int rc, n = 0;
    ck_buf_printf(b, "<h4>%s</h4>\n<ul class=\"%s\">\n", title, cls);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct ck_dbfinding f;
        ck_dbfinding_read(s, pg->lang, &f);
        ck_buf_printf(b, "<li data-rule=\"");
        esc(b, f.rule);
        ck_buf_printf(b, "\" data-severity=\"%s\"><span class=\"badge b-%s\">%s</span> <a href=\"#finding-%lld\">",
                      f.severity, f.severity, sev_label(f.severity, pg->lang), f.pk);
        esc(b, f.rule);
        ck_buf_adds(b, "</a> ");
        if (*f.chain) {
            ck_buf_adds(b, "<code>");
            esc(b, f.chain);
            ck_buf_adds(b, "</code> ");
        }
        esc(b, f.message);
        ck_buf_adds(b, "</li>\n");
        n++;
    }
    if (n == 0)
        ck_buf_printf(b, "<li>%s</li>\n", pg->L->none);
    ck_buf_adds(b, "</ul>\n");
    return rc == SQLITE_DONE ? 0 : -1;
}

static int fund_filings(struct page *pg, const char *uscc)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(pg->db, ck_dbreport_fund_filings_sql, -1, &s, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
    ck_buf_printf(b, "<h4>%s</h4>\n<table class=\"filings\">\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th></tr>\n",
                  L->filings, L->period, L->state, L->filing_id, L->path, L->submitted, L->n_findings);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ck_buf_printf(b, "<tr class=\"filing\" data-state=\"%s\"><td>", col(s, 7));
        esc(b, col(s, 1));
        ck_buf_adds(b, "..");
        esc(b, col(s, 2));
        ck_buf_printf(b, "</td><td>%s</td><td>", ck_dbreport_filing_state(col(s, 7), pg->lang));
        esc(b, col(s, 5));
        ck_buf_adds(b, "</td><td><code>");
        esc(b, col(s, 6));
        ck_buf_adds(b, "</code></td><td>");
        esc(b, col(s, 3));
        ck_buf_printf(b, "</td><td>%lld</td></tr>\n", sqlite3_column_int64(s, 8));
    }
    sqlite3_finalize(s);
    ck_buf_adds(b, "</table>\n");
    return rc == SQLITE_DONE ? 0 : -1;
}

static int funds(struct page *pg)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b, sql;
    int lang = pg->lang, rc = -1;
    sqlite3_stmt *fs = NULL, *ms = NULL, *ls = NULL, *cs = NULL;
    ck_buf_init(&sql);
    /* the funds of the current filings, most violations first; a fund with
     * only error, draft or superseded rows still has its page (--fund) */
    ck_buf_printf(&sql,
                  "WITH f AS (SELECT fund_uscc, max(fund_name) AS name, max(gov_level) AS lvl, max(region) AS reg,"
                  "  group_concat(DISTINCT period_end) AS periods FROM %s WHERE fund_uscc IS NOT NULL%s"
                  "  GROUP BY fund_uscc),"
                  " c AS (SELECT fund_uscc, total(exempted = 0 AND severity_rank = 2) AS v,"
                  "  total(exempted = 0 AND severity_rank = 1) AS w, total(exempted = 0 AND severity_rank = 0) AS n,"
                  "  total(exempted) AS e FROM v_findings WHERE 1%s GROUP BY fund_uscc)"
                  " SELECT f.fund_uscc, coalesce(f.name, ''), coalesce(f.lvl, ''), coalesce(f.reg, ''),"
                  " coalesce(substr(f.reg, 1, 2) || '0000', ''), coalesce(f.periods, ''), coalesce(c.v, 0),"
                  " coalesce(c.w, 0), coalesce(c.n, 0), coalesce(c.e, 0)"
                  " FROM f LEFT JOIN c USING (fund_uscc) ORDER BY 7 DESC, 8 DESC, 9 DESC, 1",
                  pg->fund ? "filings" : "v_current_filings", and_fund(pg), and_fund(pg));
    fs = prep(pg, ck_buf_str(&sql));
    ck_buf_reset(&sql);
    ck_dbfinding_select(&sql, "fund_uscc = ?1 AND category = 'limit'");
    if (sqlite3_prepare_v2(pg->db, ck_dbreport_fund_metrics_sql, -1, &ms, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(pg->db, ck_buf_str(&sql), -1, &ls, NULL) != SQLITE_OK)
        goto out;
    ck_buf_reset(&sql);
    ck_dbfinding_select(&sql, "fund_uscc = ?1 AND derived = 1");
    if (fs == NULL || sqlite3_prepare_v2(pg->db, ck_buf_str(&sql), -1, &cs, NULL) != SQLITE_OK)
        goto out;
    ck_buf_printf(b, "<section id=\"funds\">\n<h2>%s</h2>\n", L->fund_list);
    int r;
    while ((r = sqlite3_step(fs)) == SQLITE_ROW) {
        const char *uscc = col(fs, 0);
        const char *level = col(fs, 2), *ll = ck_dbreport_label("govLevel", level, lang);
        ck_buf_adds(b, "<section class=\"fund\" id=\"fund-");
        esc(b, uscc);
        ck_buf_adds(b, "\" data-uscc=\"");
        esc(b, uscc);
        ck_buf_printf(b, "\" data-violation=\"%lld\" data-warning=\"%lld\" data-notice=\"%lld\" data-exempted=\"%lld\">\n",
                      sqlite3_column_int64(fs, 6), sqlite3_column_int64(fs, 7), sqlite3_column_int64(fs, 8),
                      sqlite3_column_int64(fs, 9));
        tag(b, "h3", col(fs, 1));
        ck_buf_adds(b, "\n<dl>\n");
        dt_dd(b, L->uscc, uscc);
        dt_dd(b, L->level, ll ? ll : level);
        dt_dd(b, L->province, col(fs, 4));
        dt_dd(b, L->region, col(fs, 3));
        dt_dd(b, L->periods, col(fs, 5));
        ck_buf_adds(b, "</dl>\n<table class=\"counts\"><tr>");
        static const char *const sevs[] = {"violation", "warning", "notice"};
        for (int i = 0; i < 3; i++)
            ck_buf_printf(b, "<th>%s</th>", sev_label(sevs[i], lang));
        ck_buf_printf(b, "<th>%s</th></tr>\n<tr>", L->exempted);
        for (int i = 0; i < 4; i++)
            ck_buf_printf(b, "<td data-count=\"%s\">%lld</td>", i < 3 ? sevs[i] : "exempted",
                          sqlite3_column_int64(fs, 6 + i));
        ck_buf_adds(b, "</tr></table>\n");
        if (pg->fund && fund_filings(pg, uscc) != 0)
            goto out;
        /* metrics by period */
        sqlite3_reset(ms);
        sqlite3_bind_text(ms, 1, uscc, -1, SQLITE_TRANSIENT);
        ck_buf_printf(b, "<h4>%s</h4>\n<table class=\"metrics\">\n<tr><th>%s</th><th>%s</th>", L->metrics, L->period,
                      L->invested);
        for (int k = 0; k < CK_M_COUNT; k++)
            ck_buf_printf(b, "<th data-metric=\"%s\">%s</th>", ck_metric_key(k), ck_metric_label(k, lang));
        ck_buf_adds(b, "</tr>\n");
        int mr, nm = 0;
        while ((mr = sqlite3_step(ms)) == SQLITE_ROW) {
            const char *reasons = col(ms, 11);
            ck_buf_adds(b, "<tr class=\"metrics-row\"><td>");
            esc(b, col(ms, 0));
            ck_buf_adds(b, "</td><td>");
            esc(b, col(ms, 1));
            ck_buf_adds(b, "</td>");
            for (int k = 0; k < CK_M_COUNT; k++) {
                struct ck_buf t;
                ck_buf_init(&t);
                ck_dbreport_metric_text(&t, ms, 2 + k, k, reasons, lang);
                ck_buf_printf(b, "<td data-metric=\"%s\"%s>", ck_metric_key(k),
                              sqlite3_column_type(ms, 2 + k) == SQLITE_NULL ? " class=\"null\"" : "");
                esc(b, ck_buf_str(&t));
                ck_buf_adds(b, "</td>");
                ck_buf_fini(&t);
            }
            ck_buf_adds(b, "</tr>\n");
            nm++;
        }
        if (mr != SQLITE_DONE)
            goto out;
        if (nm == 0)
            ck_buf_printf(b, "<tr><td colspan=\"%d\">%s</td></tr>\n", CK_M_COUNT + 2, L->none);
        ck_buf_adds(b, "</table>\n");
        sqlite3_reset(ls);
        sqlite3_bind_text(ls, 1, uscc, -1, SQLITE_TRANSIENT);
        if (finding_list(pg, ls, "limits", L->limits) != 0)
            goto out;
        sqlite3_reset(cs);
        sqlite3_bind_text(cs, 1, uscc, -1, SQLITE_TRANSIENT);
        if (finding_list(pg, cs, "lookthrough", L->lookthrough) != 0)
            goto out;
        ck_buf_adds(b, "</section>\n");
        flush(pg->out, b);
    }
    if (r != SQLITE_DONE)
        goto out;
    ck_buf_adds(b, "</section>\n");
    rc = 0;
out:
    ck_buf_fini(&sql);
    sqlite3_finalize(fs);
    sqlite3_finalize(ms);
    sqlite3_finalize(ls);
    sqlite3_finalize(cs);
    return rc;
}

/* A number cell: decimals places, as a percentage of 1 when pct. */
static void num_cell(struct ck_buf *b, int decimals, double v, int pct)
{
    ck_buf_printf(b, "<td>%.*f%s</td>", decimals, pct ? v * 100 : v, pct ? "%" : "");
}

static int layout(struct page *pg, const struct ck_layout_opts *lo)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b;
    struct ck_layout *ly = NULL;
    struct ck_layout_opts o = *lo;
    o.lang = pg->lang;
    if (ck_layout_compute(pg->db, &o, &ly) != CK_EXIT_CLEAN)
        return -1;
    ck_buf_printf(b, "<section id=\"layout\" data-funds=\"%zu\">\n<h2>%s</h2>\n<p><small>%s</small></p>\n",
                  ly->n_funds, L->layout, L->prov_note);
    /* chart: funds per (province, division), most first */
    size_t *idx = ck_calloc(ly->n_div + 1, sizeof *idx), m = 0;
    for (size_t i = 0; i < ly->n_div; i++)
        if (*ly->div[i].division)
            idx[m++] = i;
    for (size_t i = 1; i < m; i++) /* stable insertion sort: funds desc, invested desc */
        for (size_t j = i; j > 0; j--) {
            const struct ck_layout_div *x = &ly->div[idx[j - 1]], *y = &ly->div[idx[j]];
            if (y->funds > x->funds || (y->funds == x->funds && y->invested > x->invested)) {
                size_t t = idx[j - 1];
                idx[j - 1] = idx[j];
                idx[j] = t;
            } else {
                break;
            }
        }
    struct chart c = {0};
    struct ck_buf lab;
    ck_buf_init(&lab);
    for (size_t i = 0; i < m && i < CHART_LAYOUT_ROWS; i++) {
        const struct ck_layout_div *d = &ly->div[idx[i]];
        ck_buf_reset(&lab);
        ck_buf_printf(&lab, "%s %s %s", d->province, d->division, d->name);
        chart_add(&c, ck_buf_str(&lab), (double)d->funds);
    }
    free(idx);
    chart_emit(b, &c, "chart-layout", L->chart_layout);
    for (size_t i = 0; i < ly->n_homog; i++)
        if (ly->homog[i].funds >= 2)
            chart_add(&c, ly->homog[i].province, ly->homog[i].similarity < 0 ? 0 : ly->homog[i].similarity);
    chart_emit(b, &c, "chart-homogeneity", L->chart_homog);
    ck_buf_fini(&lab);
    /* table 1 */
    ck_buf_printf(b, "<h3>%s</h3>\n<table id=\"layout-divisions\">\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->layout_div, L->province, L->division, L->name, L->n_funds, L->levels, L->invested, L->share);
    for (size_t i = 0; i < ly->n_div; i++) {
        const struct ck_layout_div *d = &ly->div[i];
        ck_buf_adds(b, "<tr class=\"division\">");
        tag(b, "td", d->province);
        tag(b, "td", *d->division ? d->division : "-");
        tag(b, "td", d->name);
        ck_buf_printf(b, "<td>%zu</td>", d->funds);
        tag(b, "td", d->levels);
        num_cell(b, 2, d->invested, 0);
        if (d->share >= 0)
            num_cell(b, 2, d->share, 1);
        else
            ck_buf_adds(b, "<td>-</td>");
        ck_buf_adds(b, "</tr>\n");
    }
    ck_buf_adds(b, "</table>\n");
    /* table 2 */
    ck_buf_printf(b, "<h3>%s</h3>\n<p>", L->layout_conc);
    ck_buf_printf(b,
                  pg->lang == CK_LANG_EN
                      ? "divisions where at least %ld funds of one province each put at least %.2f%% of their invested amount"
                      : "同一省份至少 %ld 只基金各以其投资额的至少 %.2f%% 投向的大类",
                  o.min_funds, o.min_share * 100);
    ck_buf_printf(b, "</p>\n<table id=\"layout-concentrations\">\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th></tr>\n",
                  L->province, L->division, L->name, L->n_funds, L->invested, L->detail);
    for (size_t i = 0; i < ly->n_conc; i++) {
        const struct ck_layout_conc *k = &ly->conc[i];
        ck_buf_adds(b, "<tr class=\"concentration\">");
        tag(b, "td", k->province);
        tag(b, "td", k->division);
        tag(b, "td", k->name);
        ck_buf_printf(b, "<td>%zu</td>", k->funds);
        num_cell(b, 2, k->invested, 0);
        tag(b, "td", k->detail);
        ck_buf_adds(b, "</tr>\n");
    }
    if (ly->n_conc == 0)
        ck_buf_printf(b, "<tr><td colspan=\"6\">%s</td></tr>\n", L->none);
    ck_buf_adds(b, "</table>\n");
    /* table 3 */
    ck_buf_printf(b, "<h3>%s</h3>\n<table id=\"layout-homogeneity\">\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->layout_homog, L->province, L->n_funds, L->similarity);
    for (size_t i = 0; i < ly->n_homog; i++) {
        const struct ck_layout_homog *h = &ly->homog[i];
        ck_buf_adds(b, "<tr class=\"homogeneity\">");
        tag(b, "td", h->province);
        ck_buf_printf(b, "<td>%zu</td>", h->funds);
        if (h->funds >= 2)
            num_cell(b, 4, h->similarity, 0);
        else
            tag(b, "td", pg->lang == CK_LANG_EN ? "n/a (fewer than 2 funds)" : "无法计算（不足 2 只基金）");
        ck_buf_adds(b, "</tr>\n");
    }
    ck_buf_adds(b, "</table>\n</section>\n");
    ck_layout_free(ly);
    flush(pg->out, b);
    return 0;
}

/* <td>FROM..UNTIL</td> */
static void range_cell(struct ck_buf *b, const char *from, const char *until)
{
    ck_buf_adds(b, "<td>");
    esc(b, from);
    ck_buf_adds(b, "..");
    esc(b, until);
    ck_buf_adds(b, "</td>");
}

static void finding_html(struct page *pg, const struct ck_dbfinding *f)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b;
    int lang = pg->lang;
    ck_buf_printf(b, "<div class=\"finding sev-%s%s\" id=\"finding-%lld\" data-rule=\"", f->severity,
                  f->exempted ? " exempted" : "", f->pk);
    esc(b, f->rule);
    ck_buf_printf(b, "\" data-severity=\"%s\" data-exempted=\"%s\" data-fund=\"", f->severity,
                  f->exempted ? "yes" : "no");
    esc(b, f->fund_uscc);
    ck_buf_adds(b, "\" data-category=\"");
    esc(b, f->category);
    ck_buf_printf(b, "\">\n<p><span class=\"badge b-%s\">%s</span> <strong>", f->severity,
                  sev_label(f->severity, lang));
    esc(b, f->rule);
    ck_buf_adds(b, "</strong> ");
    esc(b, f->title);
    ck_buf_adds(b, " <small>");
    esc(b, ck_report_category_label(f->category, lang));
    ck_buf_adds(b, "</small>");
    if (f->exempted)
        ck_buf_printf(b, " <span class=\"badge b-exempted\">%s</span>", L->exempted);
    ck_buf_adds(b, "</p>\n<dl>\n");
    dt_dd(b, L->what, f->message);
    struct ck_buf t;
    ck_buf_init(&t);
    ck_buf_printf(&t, "%s（%s）· %s %s", f->fund_name, f->fund_uscc, L->period, f->period_end);
    dt_dd(b, L->fund, ck_buf_str(&t));
    ck_buf_reset(&t);
    ck_buf_printf(&t, "%s:%lld  %s", f->path, f->line, f->xpath);
    if (*f->holding || *f->item)
        ck_buf_printf(&t, "  (%s %s)", L->holding, *f->holding ? f->holding : f->item);
    dt_dd(b, L->where, ck_buf_str(&t));
    dt_dd(b, L->chain, f->chain);
    dt_dd(b, L->evidence, f->evidence);
    dt_dd(b, L->note, f->explanation);
    dt_dd(b, L->edition, f->catalog_edition);
    ck_buf_printf(b, "<dt>%s</dt><dd><code>", L->why);
    esc(b, f->rule);
    ck_buf_adds(b, "</code> ");
    esc(b, f->title);
    if (*f->basis) {
        /* as the rules table stores it: the original wording, or for the
         * limit rules the summary that says it is one */
        ck_buf_adds(b, "<blockquote class=\"basis\">");
        esc(b, f->basis);
        ck_buf_adds(b, "</blockquote>");
    }
    ck_buf_adds(b, "</dd>\n");
    if (f->exempted) {
        ck_buf_reset(&t);
        ck_buf_printf(&t, "%s（%s，%s..%s）", f->exempted_by, f->exempt_authority, f->exempt_from, f->exempt_until);
        dt_dd(b, L->exempted, ck_buf_str(&t));
    }
    ck_buf_fini(&t);
    ck_buf_adds(b, "</dl>\n</div>\n");
}

static int findings(struct page *pg)
{
    struct ck_buf *b = &pg->b, sql;
    ck_buf_init(&sql);
    ck_dbfinding_select(&sql, pg->fund ? "fund_uscc = ?1" : "");
    sqlite3_stmt *s = prep(pg, ck_buf_str(&sql));
    ck_buf_fini(&sql);
    if (s == NULL)
        return -1;
    ck_buf_printf(b, "<section id=\"findings\">\n<h2>%s</h2>\n", pg->L->findings);
    int rc, n = 0;
    char *last = NULL;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct ck_dbfinding f;
        ck_dbfinding_read(s, pg->lang, &f);
        if (last == NULL || strcmp(last, f.fund_uscc) != 0) {
            free(last);
            last = ck_strdup(f.fund_uscc);
            ck_buf_adds(b, "<h3>");
            esc(b, f.fund_name);
            ck_buf_adds(b, " <small><a href=\"#fund-");
            esc(b, f.fund_uscc);
            ck_buf_adds(b, "\">");
            esc(b, f.fund_uscc);
            ck_buf_adds(b, "</a></small></h3>\n");
        }
        finding_html(pg, &f);
        if (b->len > 1 << 16)
            flush(pg->out, b);
        n++;
    }
    free(last);
    sqlite3_finalize(s);
    if (n == 0)
        ck_buf_printf(b, "<p>%s</p>\n", pg->L->none);
    ck_buf_adds(b, "</section>\n");
    flush(pg->out, b);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int exempted(struct page *pg)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b, sql;
    ck_buf_init(&sql);
    ck_dbfinding_select(&sql, pg->fund ? "exempted = 1 AND fund_uscc = ?1" : "exempted = 1");
    sqlite3_stmt *s = prep(pg, ck_buf_str(&sql));
    ck_buf_reset(&sql);
    if (s == NULL) {
        ck_buf_fini(&sql);
        return -1;
    }
    ck_buf_printf(b, "<section id=\"exempted\">\n<h2>%s</h2>\n<table id=\"exempted-findings\">\n<tr><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->exempted_list, L->fund, L->path, L->rule, L->what, L->document, L->authority, L->valid);
    int rc, n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct ck_dbfinding f;
        ck_dbfinding_read(s, pg->lang, &f);
        ck_buf_printf(b, "<tr class=\"exempted-row\" data-rule=\"");
        esc(b, f.rule);
        ck_buf_adds(b, "\">");
        tag(b, "td", f.fund_uscc);
        ck_buf_adds(b, "<td><code>");
        esc(b, f.path);
        ck_buf_printf(b, "</code></td><td><a href=\"#finding-%lld\">", f.pk);
        esc(b, f.rule);
        ck_buf_adds(b, "</a></td>");
        tag(b, "td", f.message);
        ck_buf_adds(b, "<td class=\"document\">");
        esc(b, f.exempted_by);
        ck_buf_adds(b, "</td>");
        tag(b, "td", f.exempt_authority);
        range_cell(b, f.exempt_from, f.exempt_until);
        ck_buf_adds(b, "</tr>\n");
        n++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        ck_buf_fini(&sql);
        return -1;
    }
    if (n == 0)
        ck_buf_printf(b, "<tr><td colspan=\"7\">%s</td></tr>\n", L->none);
    ck_buf_adds(b, "</table>\n");
    /* the exemptions the filings declare, with what each waived */
    ck_buf_printf(&sql,
                  "SELECT fund_uscc, period_end, rule, coalesce(holding_id, ''), coalesce(document, ''),"
                  " coalesce(authority, ''), coalesce(valid_from, ''), coalesce(valid_until, ''), n_waived,"
                  " coalesce(waived, '') FROM v_exemptions WHERE 1%s ORDER BY fund_uscc, period_end, seq",
                  and_fund(pg));
    s = prep(pg, ck_buf_str(&sql));
    ck_buf_fini(&sql);
    if (s == NULL)
        return -1;
    ck_buf_printf(b, "<h3>%s</h3>\n<table id=\"exemptions-declared\">\n<tr><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->declared, L->fund, L->period, L->rule, L->holding, L->document, L->authority, L->valid,
                  L->waived);
    n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ck_buf_printf(b, "<tr class=\"exemption\" data-waived=\"%lld\">", sqlite3_column_int64(s, 8));
        for (int i = 0; i < 6; i++)
            tag(b, "td", col(s, i));
        range_cell(b, col(s, 6), col(s, 7));
        ck_buf_printf(b, "<td>%lld ", sqlite3_column_int64(s, 8));
        esc(b, col(s, 9));
        ck_buf_adds(b, "</td></tr>\n");
        n++;
    }
    sqlite3_finalize(s);
    if (n == 0)
        ck_buf_printf(b, "<tr><td colspan=\"8\">%s</td></tr>\n", L->none);
    ck_buf_adds(b, "</table>\n</section>\n");
    flush(pg->out, b);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int errors_and_runs(struct page *pg)
{
    const struct labels *L = pg->L;
    struct ck_buf *b = &pg->b;
    sqlite3_stmt *s = prep(pg, ck_dbreport_errors_sql);
    if (s == NULL)
        return -1;
    ck_buf_printf(b, "<section id=\"errors\">\n<h2>%s</h2>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->error_files, L->path, L->line, L->message);
    int rc, n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ck_buf_adds(b, "<tr class=\"error-file\"><td><code>");
        esc(b, col(s, 0));
        ck_buf_printf(b, "</code></td><td>%lld</td>", sqlite3_column_int64(s, 1));
        tag(b, "td", col(s, 2));
        ck_buf_adds(b, "</tr>\n");
        n++;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return -1;
    if (n == 0)
        ck_buf_printf(b, "<tr><td colspan=\"3\">%s</td></tr>\n", L->none);
    ck_buf_adds(b, "</table>\n</section>\n");
    if ((s = prep(pg, ck_dbreport_runs_sql)) == NULL)
        return -1;
    ck_buf_printf(b, "<section id=\"runs\">\n<h2>%s</h2>\n<table>\n<tr><th>#</th><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                  L->run_list, L->started, L->ended, L->status, L->checked, L->skipped, L->errors, L->n_findings,
                  L->lt);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int unfinished = sqlite3_column_int(s, 9), lt_missing = sqlite3_column_int(s, 10);
        ck_buf_printf(b, "<tr class=\"run\" id=\"run-%lld\" data-status=\"", sqlite3_column_int64(s, 0));
        esc(b, col(s, 3));
        ck_buf_printf(b, "\" data-interrupted=\"%s\" data-lookthrough-missing=\"%s\"><td>%lld</td>",
                      unfinished ? "yes" : "no", lt_missing ? "yes" : "no", sqlite3_column_int64(s, 0));
        tag(b, "td", col(s, 1));
        tag(b, "td", *col(s, 2) ? col(s, 2) : "-");
        ck_buf_adds(b, "<td>");
        if (unfinished)
            ck_buf_adds(b, "<span class=\"badge b-violation\">");
        esc(b, ck_dbreport_run_status(col(s, 3), pg->lang));
        if (unfinished)
            ck_buf_adds(b, "</span>");
        ck_buf_printf(b, "</td><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td><td>", sqlite3_column_int64(s, 5),
                      sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7), sqlite3_column_int64(s, 8));
        esc(b, strcmp(col(s, 4), "done") == 0      ? (pg->lang == CK_LANG_EN ? "done" : "已完成")
               : strcmp(col(s, 4), "pending") == 0 ? (pg->lang == CK_LANG_EN ? "pending" : "未完成")
                                                   : col(s, 4));
        if (lt_missing)
            ck_buf_printf(b, " <span class=\"badge b-warning\">%s</span>", L->lt_missing);
        ck_buf_adds(b, "</td></tr>\n");
    }
    sqlite3_finalize(s);
    ck_buf_adds(b, "</table>\n</section>\n");
    flush(pg->out, b);
    return rc == SQLITE_DONE ? 0 : -1;
}

int ck_dbreport_html(FILE *out, sqlite3 *db, const char *db_path, int lang, const char *uscc,
                     const struct ck_layout_opts *lo)
{
    struct page pg = {out, db, db_path, uscc, lang, lang == CK_LANG_EN ? &en : &zh, {0}};
    ck_buf_init(&pg.b);
    struct ck_buf title;
    ck_buf_init(&title);
    if (uscc)
        ck_buf_printf(&title, "%s %s", pg.L->fund_title, uscc);
    else
        ck_buf_adds(&title, pg.L->title);
    ck_html_begin(&pg.b, ck_buf_str(&title), lang);
    ck_buf_fini(&title);
    int rc = summary(&pg);
    if (rc == 0)
        rc = charts(&pg);
    if (rc == 0)
        rc = funds(&pg);
    if (rc == 0 && !uscc)
        rc = layout(&pg, lo);
    if (rc == 0)
        rc = findings(&pg);
    if (rc == 0)
        rc = exempted(&pg);
    if (rc == 0 && !uscc)
        rc = errors_and_runs(&pg);
    if (rc != 0) {
        fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(db));
        ck_buf_fini(&pg.b);
        return CK_EXIT_SYSTEM;
    }
    ck_html_end(&pg.b);
    flush(out, &pg.b);
    ck_buf_fini(&pg.b);
    return CK_EXIT_CLEAN;
}
