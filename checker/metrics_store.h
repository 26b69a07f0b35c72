/* SPDX-License-Identifier: MIT */
#ifndef CK_METRICS_STORE_H
#define CK_METRICS_STORE_H
/*
 * The direction metrics in the findings database: one row per checked
 * filing (filing_metrics) and views per fund (latest period) and per period
 * and province. Part of the store's schema v4: the migration (store_v4.c) applies
 * CK_METRICS_STORE_DDL and calls ck_metrics_store_insert
 * inside each filing's savepoint. Nothing here opens or owns the database.
 */
#include "metrics.h"

struct sqlite3;
struct sqlite3_stmt;

/* The DDL (table, index and views), part of the store's migration to
 * schema 4 (store_v4.c); it needs the table filings and the view
 * v_current_filings. Money in integer fen like holdings.invested_fen. */
#define CK_METRICS_STORE_DDL \
    "CREATE TABLE IF NOT EXISTS filing_metrics (\n" \
    "  filing_pk            INTEGER PRIMARY KEY REFERENCES filings(filing_pk) ON DELETE CASCADE,\n" \
    "  invested             TEXT NOT NULL,\n" \
    "  invested_fen         INTEGER NOT NULL,\n" \
    "  early_small_share    REAL, early_small_coverage REAL,\n" \
    "  avg_holding_years    REAL, avg_holding_coverage REAL,\n" \
    "  hard_tech_share      REAL, hard_tech_coverage   REAL,\n" \
    "  private_share        REAL, private_coverage     REAL,\n" \
    "  social_capital_share REAL,\n" \
    "  main_field_share     REAL, main_field_coverage  REAL,\n" \
    "  home_region_share    REAL, home_region_coverage REAL,\n" \
    "  top_investee_share   REAL,\n" \
    "  hhi                  REAL,\n" \
    "  null_reasons         TEXT NOT NULL DEFAULT '',\n" \
    /* the plan's nesting-depth limit, for the look-through over the database */ \
    "  nesting_max          TEXT,\n" \
    "  nesting_line         INTEGER,\n" \
    "  nesting_document     TEXT,\n" \
    "  nesting_xpath        TEXT,\n" \
    "  plan_document        TEXT\n" \
    ");\n" \
    "CREATE INDEX IF NOT EXISTS filing_metrics_nesting ON filing_metrics(filing_pk) WHERE nesting_max IS NOT NULL;\n" \
    "CREATE VIEW IF NOT EXISTS v_filing_metrics AS\n" \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,\n" \
    "         f.gov_level, f.period_start, f.period_end, m.invested, m.invested_fen,\n" \
    "         m.invested_fen / 100.0 AS invested_yuan,\n" \
    "         m.early_small_share, m.early_small_coverage, m.avg_holding_years, m.avg_holding_coverage,\n" \
    "         m.hard_tech_share, m.hard_tech_coverage, m.private_share, m.private_coverage,\n" \
    "         m.social_capital_share, m.main_field_share, m.main_field_coverage, m.home_region_share,\n" \
    "         m.home_region_coverage, m.top_investee_share, m.hhi, m.null_reasons\n" \
    "  FROM filing_metrics m JOIN v_current_filings f ON f.filing_pk = m.filing_pk;\n" \
    /* per fund: its latest period */ \
    "CREATE VIEW IF NOT EXISTS v_fund_metrics AS\n" \
    "  SELECT * FROM v_filing_metrics a\n" \
    "  WHERE NOT EXISTS (SELECT 1 FROM v_filing_metrics b WHERE b.fund_uscc = a.fund_uscc\n" \
    "                    AND (b.period_end > a.period_end\n" \
    "                         OR (b.period_end = a.period_end AND b.filing_pk > a.filing_pk)));\n" \
    /* per period and province: D-weighted means over the funds whose share is known */ \
    "CREATE VIEW IF NOT EXISTS v_period_metrics AS\n" \
    "  SELECT period_end, province, count(*) AS funds, total(invested_fen) / 100.0 AS invested_yuan,\n" \
    "         total(early_small_share * invested_yuan) / nullif(total(CASE WHEN early_small_share IS NOT NULL THEN invested_yuan END), 0) AS early_small_share,\n" \
    "         total(avg_holding_years * invested_yuan) / nullif(total(CASE WHEN avg_holding_years IS NOT NULL THEN invested_yuan END), 0) AS avg_holding_years,\n" \
    "         total(hard_tech_share * invested_yuan) / nullif(total(CASE WHEN hard_tech_share IS NOT NULL THEN invested_yuan END), 0) AS hard_tech_share,\n" \
    "         total(private_share * invested_yuan) / nullif(total(CASE WHEN private_share IS NOT NULL THEN invested_yuan END), 0) AS private_share,\n" \
    "         total(home_region_share * invested_yuan) / nullif(total(CASE WHEN home_region_share IS NOT NULL THEN invested_yuan END), 0) AS home_region_share,\n" \
    "         avg(social_capital_share) AS social_capital_share, avg(hhi) AS hhi\n" \
    "  FROM v_filing_metrics GROUP BY period_end, province;\n"

extern const char ck_metrics_store_sql[];

/* Runs ck_metrics_store_sql on db. Returns CK_OK or CK_EDB. */
int ck_metrics_store_ddl(struct sqlite3 *db);
/* Inserts (or replaces) the metrics of filing filing_pk. Returns CK_OK or
 * CK_EDB; a metrics struct that was not computed inserts nothing. cache:
 * where the prepared statement is kept between calls (the caller finalizes
 * it), or NULL to prepare it for this call only. */
int ck_metrics_store_insert(struct sqlite3 *db, struct sqlite3_stmt **cache, long long filing_pk,
                            const struct ck_metrics *m);

#endif
