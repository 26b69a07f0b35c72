/* SPDX-License-Identifier: MIT */
#ifndef CK_METRICS_STORE_H
#define CK_METRICS_STORE_H
/*
 * The direction metrics in the findings database: one row per checked
 * filing (filing_metrics) and views per fund (latest period) and per period
 * and province. Written for the store's schema v3: the store applies
 * ck_metrics_store_ddl in its migration and calls ck_metrics_store_insert
 * inside each filing's savepoint. Nothing here opens or owns the database.
 */
#include "metrics.h"

struct sqlite3;

/* The DDL (table and views); it needs the tables filings and the view
 * v_current_filings of schema v2. */
extern const char ck_metrics_store_sql[];

/* Runs ck_metrics_store_sql on db. Returns CK_OK or CK_EDB. */
int ck_metrics_store_ddl(struct sqlite3 *db);
/* Inserts (or replaces) the metrics of filing filing_pk. Returns CK_OK or
 * CK_EDB; a metrics struct that was not computed inserts nothing. */
int ck_metrics_store_insert(struct sqlite3 *db, long long filing_pk, const struct ck_metrics *m);

#endif
