/* SPDX-License-Identifier: MIT */
/*
 * filing_metrics and its views. Shares are stored as REAL rounded exactly as
 * in the JSON output (4 decimals, avg_holding_years 2); NULL where the JSON
 * has null, with the reasons in null_reasons ("key: reason; …", English), so
 * an auditor never reads an unknown as 0. Coverage columns hold the
 * metricsCoverage values.
 */
#include "metrics_store.h"

#include "buf.h"
#include "ck.h"

#include <sqlite3.h>
#include <stdlib.h>

const char ck_metrics_store_sql[] =
    "CREATE TABLE IF NOT EXISTS filing_metrics (\n"
    "  filing_pk            INTEGER PRIMARY KEY REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  invested             TEXT NOT NULL,\n"
    "  invested_yuan        REAL NOT NULL,\n"
    "  early_small_share    REAL, early_small_coverage REAL,\n"
    "  avg_holding_years    REAL, avg_holding_coverage REAL,\n"
    "  hard_tech_share      REAL, hard_tech_coverage   REAL,\n"
    "  private_share        REAL, private_coverage     REAL,\n"
    "  social_capital_share REAL,\n"
    "  main_field_share     REAL, main_field_coverage  REAL,\n"
    "  home_region_share    REAL, home_region_coverage REAL,\n"
    "  top_investee_share   REAL,\n"
    "  hhi                  REAL,\n"
    "  null_reasons         TEXT NOT NULL DEFAULT '',\n"
    /* the plan's nesting-depth limit, for the look-through over the database */
    "  nesting_max          TEXT,\n"
    "  nesting_line         INTEGER,\n"
    "  nesting_document     TEXT\n"
    ");\n"
    "CREATE VIEW IF NOT EXISTS v_filing_metrics AS\n"
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,\n"
    "         f.gov_level, f.period_start, f.period_end, m.invested, m.invested_yuan,\n"
    "         m.early_small_share, m.early_small_coverage, m.avg_holding_years, m.avg_holding_coverage,\n"
    "         m.hard_tech_share, m.hard_tech_coverage, m.private_share, m.private_coverage,\n"
    "         m.social_capital_share, m.main_field_share, m.main_field_coverage, m.home_region_share,\n"
    "         m.home_region_coverage, m.top_investee_share, m.hhi, m.null_reasons\n"
    "  FROM filing_metrics m JOIN v_current_filings f ON f.filing_pk = m.filing_pk;\n"
    /* per fund: its latest period */
    "CREATE VIEW IF NOT EXISTS v_fund_metrics AS\n"
    "  SELECT * FROM v_filing_metrics a\n"
    "  WHERE NOT EXISTS (SELECT 1 FROM v_filing_metrics b WHERE b.fund_uscc = a.fund_uscc\n"
    "                    AND (b.period_end > a.period_end\n"
    "                         OR (b.period_end = a.period_end AND b.filing_pk > a.filing_pk)));\n"
    /* per period and province: D-weighted means over the funds whose share is known */
    "CREATE VIEW IF NOT EXISTS v_period_metrics AS\n"
    "  SELECT period_end, province, count(*) AS funds, total(invested_yuan) AS invested_yuan,\n"
    "         total(early_small_share * invested_yuan) / nullif(total(CASE WHEN early_small_share IS NOT NULL THEN invested_yuan END), 0) AS early_small_share,\n"
    "         total(avg_holding_years * invested_yuan) / nullif(total(CASE WHEN avg_holding_years IS NOT NULL THEN invested_yuan END), 0) AS avg_holding_years,\n"
    "         total(hard_tech_share * invested_yuan) / nullif(total(CASE WHEN hard_tech_share IS NOT NULL THEN invested_yuan END), 0) AS hard_tech_share,\n"
    "         total(private_share * invested_yuan) / nullif(total(CASE WHEN private_share IS NOT NULL THEN invested_yuan END), 0) AS private_share,\n"
    "         total(home_region_share * invested_yuan) / nullif(total(CASE WHEN home_region_share IS NOT NULL THEN invested_yuan END), 0) AS home_region_share,\n"
    "         avg(social_capital_share) AS social_capital_share, avg(hhi) AS hhi\n"
    "  FROM v_filing_metrics GROUP BY period_end, province;\n";

int ck_metrics_store_ddl(struct sqlite3 *db)
{
    return sqlite3_exec(db, ck_metrics_store_sql, NULL, NULL, NULL) == SQLITE_OK ? CK_OK : CK_EDB;
}

static void bind_scaled(sqlite3_stmt *s, int col, int known, long long scaled, int decimals)
{
    if (!known) {
        sqlite3_bind_null(s, col);
        return;
    }
    double p = decimals == 2 ? 100.0 : 10000.0;
    sqlite3_bind_double(s, col, (double)scaled / p);
}

int ck_metrics_store_insert(struct sqlite3 *db, long long filing_pk, const struct ck_metrics *m)
{
    if (!m->computed)
        return CK_OK;
    static const char sql[] =
        "INSERT OR REPLACE INTO filing_metrics (filing_pk, invested, invested_yuan, early_small_share,"
        " early_small_coverage, avg_holding_years, avg_holding_coverage, hard_tech_share, hard_tech_coverage,"
        " private_share, private_coverage, social_capital_share, main_field_share, main_field_coverage,"
        " home_region_share, home_region_coverage, top_investee_share, hhi, null_reasons, nesting_max,"
        " nesting_line, nesting_document)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
        " ?20, ?21, ?22)";
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    struct ck_buf inv, why;
    ck_buf_init(&inv);
    ck_buf_init(&why);
    ck_metrics_decimal(&inv, m->invested_fen, 2);
    sqlite3_bind_int64(s, 1, filing_pk);
    sqlite3_bind_text(s, 2, ck_buf_str(&inv), -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(s, 3, (double)m->invested_fen / 100.0);
    /* columns per metric: value, then coverage where the metric has one */
    static const int value_col[CK_M_COUNT] = {4, 6, 8, 10, 12, 13, 15, 17, 18};
    for (int k = 0; k < CK_M_COUNT; k++) {
        const struct ck_metric *x = &m->m[k];
        bind_scaled(s, value_col[k], x->known, x->scaled, x->decimals);
        if (x->has_coverage)
            bind_scaled(s, value_col[k] + 1, x->coverage_known, x->coverage, 4);
        if (!x->known)
            ck_buf_printf(&why, "%s%s: %s", why.len ? "; " : "", ck_metric_key(k), ck_metric_why_text(x->why, 1));
    }
    sqlite3_bind_text(s, 19, ck_buf_str(&why), -1, SQLITE_TRANSIENT);
    const struct ck_limit_spec *nest = NULL; /* the tightest nesting-depth limit */
    for (size_t k = 0; k < m->n_limits; k++)
        if (m->limits[k].kind == CK_LIMIT_NESTING && m->limits[k].has_max &&
            (nest == NULL || m->limits[k].max < nest->max))
            nest = &m->limits[k];
    if (nest) {
        sqlite3_bind_text(s, 20, nest->max_text, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 21, nest->line);
        sqlite3_bind_text(s, 22, *nest->document ? nest->document : m->plan_document, -1, SQLITE_TRANSIENT);
    }
    int rc = sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    sqlite3_finalize(s);
    ck_buf_fini(&inv);
    ck_buf_fini(&why);
    return rc;
}
