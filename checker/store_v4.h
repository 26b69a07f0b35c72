/* SPDX-License-Identifier: MIT */
#ifndef CK_STORE_V4_H
#define CK_STORE_V4_H
/*
 * Schema 4 of the findings database (docs/database.md): the direction
 * metrics per filing (metrics_store.h), the auditor tables (labels of
 * categories, levels and provinces; holding details; transactions,
 * guarantees, disclosures), the limit pseudo-rules (LIM-*) in `rules`, and
 * the provenance of every run (run_files: rule, schema and catalogue files
 * with their SHA-256). store.c calls these hooks; nothing here opens,
 * commits or owns the connection.
 */
#include "engine.h"

struct sqlite3;

/* The DDL of migration 3 → 4 (one step of store.c's list). */
extern const char ck_store_migration_4[];
/* SQL run by ck_store_merge inside its transaction after the filings are
 * copied: the schema-4 rows of the freshly copied filings (temp.m_fil maps
 * shard filing_pk → target filing_pk, fresh = 1 for copied ones). */
extern const char ck_store4_merge_sql[];

/* Prepared statements kept for the writer connection. */
struct ck_store4;
void ck_store4_free(struct ck_store4 *x);

/* Inside the filing's savepoint, after its filings row pk is written:
 * metrics, holding details, transactions, guarantees, disclosures.
 * replacing: the filing row is reused (--force), its old rows go first.
 * *x is created on first use. CK_OK or CK_EDB. */
int ck_store4_put(struct sqlite3 *db, struct ck_store4 **x, long long pk, const struct ck_result *res,
                  int replacing);

/* Inside ck_store_begin_run's transaction, after its rules are written: the
 * limit pseudo-rules and the run's provenance (run_files). */
int ck_store4_begin_run(struct sqlite3 *db, long long run_id, const struct ck_engine *eng,
                        const char *ruleset_hash);

/* Inside the look-through's transaction: the nesting-depth limits
 * (LIM-006) of every checked filing that has one, measured over the fund
 * graph of the database, replacing the LIM-006 findings of those filings;
 * affected_only: only the filings of the funds in temp.lt_aff (the funds
 * whose filings changed and those above them: ck_store_lookthrough's
 * incremental pass). *out_n: findings written. */
int ck_store4_nesting(struct sqlite3 *db, const struct ck_engine *eng, long long run_id, int affected_only,
                      size_t *out_n);

/* Compares the files run_files recorded for run_id with the files of eng's
 * rules, schema and shipped catalogue directories now; prints one line per
 * difference (missing, changed, added) to out in Chinese or English (en).
 * Returns the number of differences, or -1 on a database error. */
#include <stdio.h>
long ck_store4_files_diff(struct sqlite3 *db, long long run_id, const struct ck_engine *eng, FILE *out, int en);

/* The exemptions of filing pk as `check` reads them (store.c). */
struct ck_exemption;
int ck_store_exemptions_load(struct sqlite3 *db, long long pk, struct ck_exemption **out, size_t *n);
void ck_store_exemptions_free(struct ck_exemption *x, size_t n);

#endif
