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

const char ck_metrics_store_sql[] = CK_METRICS_STORE_DDL;

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

int ck_metrics_store_insert(struct sqlite3 *db, struct sqlite3_stmt **cache, long long filing_pk,
                            const struct ck_metrics *m)
{
    if (!m->computed)
        return CK_OK;
    static const char sql[] =
        "INSERT OR REPLACE INTO filing_metrics (filing_pk, invested, invested_fen, early_small_share,"
        " early_small_coverage, avg_holding_years, avg_holding_coverage, hard_tech_share, hard_tech_coverage,"
        " private_share, private_coverage, social_capital_share, main_field_share, main_field_coverage,"
        " home_region_share, home_region_coverage, top_investee_share, hhi, null_reasons, nesting_max,"
        " nesting_line, nesting_document, nesting_xpath, plan_document)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
        " ?20, ?21, ?22, ?23, ?24)";
    sqlite3_stmt *s = cache ? *cache : NULL;
    if (s == NULL && sqlite3_prepare_v3(db, sql, -1, cache ? SQLITE_PREPARE_PERSISTENT : 0, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    if (cache)
        *cache = s;
    struct ck_buf inv, why;
    ck_buf_init(&inv);
    ck_buf_init(&why);
    ck_metrics_decimal(&inv, m->invested_fen, 2);
    sqlite3_bind_int64(s, 1, filing_pk);
    sqlite3_bind_text(s, 2, ck_buf_str(&inv), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, m->invested_fen);
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
        sqlite3_bind_text(s, 22, nest->document, -1, SQLITE_TRANSIENT);
        struct ck_buf xp;
        ck_buf_init(&xp);
        ck_buf_adds(&xp, "/filing/fund/establishmentPlan/limits/limit");
        if (m->n_limits > 1)
            ck_buf_printf(&xp, "[%zu]", (size_t)(nest - m->limits) + 1);
        sqlite3_bind_text(s, 23, ck_buf_str(&xp), -1, SQLITE_TRANSIENT);
        ck_buf_fini(&xp);
        sqlite3_bind_text(s, 24, m->plan_document, -1, SQLITE_TRANSIENT);
    }
    int rc = sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    if (cache) {
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
    } else {
        sqlite3_finalize(s);
    }
    ck_buf_fini(&inv);
    ck_buf_fini(&why);
    return rc;
}
