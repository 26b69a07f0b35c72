/* SPDX-License-Identifier: MIT */
/*
 * Schema 4 of the findings database: DDL, the per-filing rows the writer
 * adds (metrics, holding details, transactions, guarantees, disclosures),
 * the limit pseudo-rules and run provenance. See store_v4.h; the columns
 * are documented in docs/database.md.
 *
 * Cost: one metrics row per filing, one holding_details row per holding
 * that has any detail, one row per transaction, guarantee and disclosure;
 * every table is keyed by (filing_pk, seq), so each insert appends to the
 * tail of its B-tree and the writer's cost stays flat in the size of the
 * database. Statements are prepared once per connection (struct ck_store4).
 */
#include "store_v4.h"

#include "buf.h"
#include "ck.h"
#include "filing_extra.h"
#include "mem.h"
#include "metrics_store.h"
#include "plan_limits.h"
#include "sha256.h"
#include "store.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Category labels: the same wording as the reports (report_util.c);
 * tests/suite-scan.sh compares the two. Level labels as in the layout
 * report. Province names are not in ../shared (no GB/T 2260 table), so
 * province_names starts empty and `provinces` says so; a regulator may
 * fill province_names from the official table. */
#define CK_V4_VIEWS                                                                                         \
    "CREATE VIEW v_holdings AS\n"                                                                           \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,\n" \
    "         f.gov_level, f.period_start, f.period_end, h.seq, h.holding_id, h.category, h.role,\n"       \
    "         h.investee_uscc, h.investee_name, h.industry, h.invested, h.invested_fen,\n"                 \
    "         h.invested_fen / 100.0 AS invested_yuan,\n"                                                  \
    "         h.acq_method, h.acq_date, h.instrument_type, h.instrument_code, h.catalog_class,\n"          \
    "         h.line, CASE WHEN f.n_holdings > 1 THEN '/filing/holdings/holding[' || h.seq || ']'\n"       \
    "                      ELSE '/filing/holdings/holding' END AS xpath,\n"                                \
    "         d.fair_value, d.fair_value_fen, d.ownership, d.controller_type, d.controller_name,\n"         \
    "         d.investee_region, d.investee_legal_form, d.stage, d.enterprise_size\n"                      \
    "  FROM holdings h JOIN v_current_filings f ON f.filing_pk = h.filing_pk\n"                            \
    "       LEFT JOIN holding_details d ON d.filing_pk = h.filing_pk AND d.seq = h.seq;\n"                 \
    "CREATE VIEW v_transactions AS\n"                                                                      \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_start, f.period_end,\n" \
    "         t.seq, t.transaction_id, t.date, t.side, t.method, t.instrument_type, t.instrument_code,\n"  \
    "         t.exchange, t.instrument_name, t.quantity, t.amount, t.amount_fen, t.line\n"                 \
    "  FROM transactions t JOIN v_current_filings f ON f.filing_pk = t.filing_pk;\n"                       \
    "CREATE VIEW v_guarantees AS\n"                                                                        \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_start, f.period_end,\n" \
    "         g.seq, g.guarantee_id, g.type, g.amount, g.amount_fen, g.date, g.beneficiary_uscc,\n"        \
    "         g.beneficiary_name, g.text, g.line\n"                                                        \
    "  FROM guarantees g JOIN v_current_filings f ON f.filing_pk = g.filing_pk;\n"                         \
    "CREATE VIEW v_disclosures AS\n"                                                                       \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_start, f.period_end,\n" \
    "         d.seq, d.topic, d.text, d.line\n"                                                            \
    "  FROM disclosures d JOIN v_current_filings f ON f.filing_pk = d.filing_pk;\n"                        \
    "CREATE VIEW provinces AS\n"                                                                           \
    "  SELECT p.province, n.name_zh,\n"                                                                    \
    "         CASE WHEN n.name_zh IS NULL THEN 'GB/T 2260 name not loaded (not in ../shared): code only'\n" \
    "              ELSE n.source END AS note\n"                                                            \
    "  FROM (SELECT DISTINCT substr(region, 1, 2) || '0000' AS province FROM filings\n"                    \
    "        WHERE status = 'checked' AND length(region) = 6) p\n"                                         \
    "       LEFT JOIN province_names n ON n.province = p.province;\n"

/* Filings recorded before version 4 have no metrics or auditor rows: their
 * evaluation key is marked, so the next scan checks them again and the new
 * row (complete) becomes the current filing. */
const char ck_store_migration_4[] =
    "DROP VIEW v_holdings;\n"
    "UPDATE filings SET eval_key = 'v3:' || eval_key WHERE sha256 <> '';\n"
    "CREATE TABLE run_files (\n"
    "  run_id INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  kind   TEXT NOT NULL CHECK (kind IN ('rules', 'schema', 'catalog')),\n"
    "  name   TEXT NOT NULL,\n"
    "  sha256 TEXT NOT NULL,\n"
    "  bytes  INTEGER NOT NULL,\n"
    "  PRIMARY KEY (run_id, kind, name)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE holding_details (\n"
    "  filing_pk           INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq                 INTEGER NOT NULL,\n"
    "  fair_value          TEXT,\n"
    "  fair_value_fen      INTEGER,\n"
    "  ownership           TEXT,\n"
    "  controller_type     TEXT,\n"
    "  controller_name     TEXT,\n"
    "  investee_region     TEXT,\n"
    "  investee_legal_form TEXT,\n"
    "  stage               TEXT,\n"
    "  enterprise_size     TEXT,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE transactions (\n"
    "  filing_pk       INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq             INTEGER NOT NULL,\n"
    "  transaction_id  TEXT,\n"
    "  date            TEXT,\n"
    "  side            TEXT,\n"
    "  method          TEXT,\n"
    "  instrument_type TEXT,\n"
    "  instrument_code TEXT,\n"
    "  exchange        TEXT,\n"
    "  instrument_name TEXT,\n"
    "  quantity        TEXT,\n"
    "  amount          TEXT,\n"
    "  amount_fen      INTEGER,\n"
    "  line            INTEGER,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE guarantees (\n"
    "  filing_pk        INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq              INTEGER NOT NULL,\n"
    "  guarantee_id     TEXT,\n"
    "  type             TEXT,\n"
    "  amount           TEXT,\n"
    "  amount_fen       INTEGER,\n"
    "  date             TEXT,\n"
    "  beneficiary_uscc TEXT,\n"
    "  beneficiary_name TEXT,\n"
    "  text             TEXT,\n"
    "  line             INTEGER,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE disclosures (\n"
    "  filing_pk INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq       INTEGER NOT NULL,\n"
    "  topic     TEXT,\n"
    "  text      TEXT,\n"
    "  line      INTEGER,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE categories (\n"
    "  category TEXT PRIMARY KEY,\n"
    "  label_zh TEXT NOT NULL,\n"
    "  label_en TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO categories VALUES ('disguised-debt', '名股实债与隐性债务', 'disguised-debt'),\n"
    "  ('public-stock', '公开交易股票', 'public-stock'), ('derivatives', '衍生品', 'derivatives'),\n"
    "  ('guarantee', '担保', 'guarantee'), ('unlimited-liability', '无限责任', 'unlimited-liability'),\n"
    "  ('industry-catalog', '产业目录', 'industry-catalog'), ('negative-list', '负面清单', 'negative-list'),\n"
    "  ('limit', '限额', 'limit'), ('exemption', '豁免', 'exemption'),\n"
    "  ('data-quality', '数据质量', 'data-quality');\n"
    "CREATE TABLE gov_levels (\n"
    "  gov_level TEXT PRIMARY KEY,\n"
    "  rank      INTEGER NOT NULL,\n"
    "  label_zh  TEXT NOT NULL,\n"
    "  label_en  TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO gov_levels VALUES ('central', 0, '中央', 'central'), ('provincial', 1, '省级', 'provincial'),\n"
    "  ('municipal', 2, '市级', 'municipal'), ('county', 3, '县级', 'county');\n"
    "CREATE TABLE province_names (\n"
    "  province TEXT PRIMARY KEY,\n"
    "  name_zh  TEXT NOT NULL,\n"
    "  source   TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n" CK_METRICS_STORE_DDL CK_V4_VIEWS;

const char ck_store4_merge_sql[] =
    "INSERT INTO main.filing_metrics SELECT m.new, x.invested, x.invested_fen, x.early_small_share,"
    "  x.early_small_coverage, x.avg_holding_years, x.avg_holding_coverage, x.hard_tech_share,"
    "  x.hard_tech_coverage, x.private_share, x.private_coverage, x.social_capital_share, x.main_field_share,"
    "  x.main_field_coverage, x.home_region_share, x.home_region_coverage, x.top_investee_share, x.hhi,"
    "  x.null_reasons, x.nesting_max, x.nesting_line, x.nesting_document"
    "  FROM shard.filing_metrics x JOIN temp.m_fil m ON m.old = x.filing_pk WHERE m.fresh;"
    "INSERT INTO main.holding_details SELECT m.new, x.seq, x.fair_value, x.fair_value_fen, x.ownership,"
    "  x.controller_type, x.controller_name, x.investee_region, x.investee_legal_form, x.stage,"
    "  x.enterprise_size FROM shard.holding_details x JOIN temp.m_fil m ON m.old = x.filing_pk WHERE m.fresh;"
    "INSERT INTO main.transactions SELECT m.new, x.seq, x.transaction_id, x.date, x.side, x.method,"
    "  x.instrument_type, x.instrument_code, x.exchange, x.instrument_name, x.quantity, x.amount, x.amount_fen,"
    "  x.line FROM shard.transactions x JOIN temp.m_fil m ON m.old = x.filing_pk WHERE m.fresh;"
    "INSERT INTO main.guarantees SELECT m.new, x.seq, x.guarantee_id, x.type, x.amount, x.amount_fen, x.date,"
    "  x.beneficiary_uscc, x.beneficiary_name, x.text, x.line"
    "  FROM shard.guarantees x JOIN temp.m_fil m ON m.old = x.filing_pk WHERE m.fresh;"
    "INSERT INTO main.disclosures SELECT m.new, x.seq, x.topic, x.text, x.line"
    "  FROM shard.disclosures x JOIN temp.m_fil m ON m.old = x.filing_pk WHERE m.fresh;"
    "INSERT OR IGNORE INTO main.run_files SELECT r.new, x.kind, x.name, x.sha256, x.bytes"
    "  FROM shard.run_files x JOIN temp.m_run r ON r.old = x.run_id;"
    "INSERT OR IGNORE INTO main.province_names SELECT * FROM shard.province_names;";

/* ---- per filing ---- */

enum { X_METRICS, X_DEL, X_DETAIL = X_DEL + 5, X_TRANS, X_GUAR, X_DISC, X_COUNT };

static const char *const x_sql[X_COUNT] = {
    [X_METRICS] = NULL, /* metrics_store.c */
    [X_DEL + 0] = "DELETE FROM filing_metrics WHERE filing_pk = ?1",
    [X_DEL + 1] = "DELETE FROM holding_details WHERE filing_pk = ?1",
    [X_DEL + 2] = "DELETE FROM transactions WHERE filing_pk = ?1",
    [X_DEL + 3] = "DELETE FROM guarantees WHERE filing_pk = ?1",
    [X_DEL + 4] = "DELETE FROM disclosures WHERE filing_pk = ?1",
    [X_DETAIL] = "INSERT INTO holding_details (filing_pk, seq, fair_value, fair_value_fen, ownership,"
                 " controller_type, controller_name, investee_region, investee_legal_form, stage,"
                 " enterprise_size) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [X_TRANS] = "INSERT INTO transactions (filing_pk, seq, transaction_id, date, side, method, instrument_type,"
                " instrument_code, exchange, instrument_name, quantity, amount, amount_fen, line)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    [X_GUAR] = "INSERT INTO guarantees (filing_pk, seq, guarantee_id, type, amount, amount_fen, date,"
               " beneficiary_uscc, beneficiary_name, text, line)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    [X_DISC] = "INSERT INTO disclosures (filing_pk, seq, topic, text, line) VALUES (?1, ?2, ?3, ?4, ?5)",
};

struct ck_store4 {
    sqlite3_stmt *s[X_COUNT];
};

void ck_store4_free(struct ck_store4 *x)
{
    if (x == NULL)
        return;
    for (int i = 0; i < X_COUNT; i++)
        sqlite3_finalize(x->s[i]);
    free(x);
}

/* The statement i, reset and ready for binding, with ?1 = pk and ?2 = seq. */
static sqlite3_stmt *prep(sqlite3 *db, struct ck_store4 *x, int i, long long pk, long long seq)
{
    if (x->s[i] == NULL &&
        sqlite3_prepare_v3(db, x_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &x->s[i], NULL) != SQLITE_OK)
        return NULL;
    sqlite3_stmt *s = x->s[i];
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    sqlite3_bind_int64(s, 1, pk);
    if (seq > 0)
        sqlite3_bind_int64(s, 2, seq);
    return s;
}

/* Binds a string, NULL when empty. */
static void bind_t(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

static void bind_fen(sqlite3_stmt *s, int i, const char *v)
{
    long long fen;
    if (v && *v && ck_store_parse_fen(v, &fen))
        sqlite3_bind_int64(s, i, fen);
}

static int step_done(sqlite3_stmt *s)
{
    int rc = s && sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    if (s)
        sqlite3_reset(s);
    return rc;
}

static int put_extra(sqlite3 *db, struct ck_store4 *x, long long pk, const struct ck_filing_extra *e)
{
    for (size_t i = 0; i < e->n_holdings; i++) {
        const struct ck_fx_holding *h = &e->holdings[i];
        const char *any[] = {h->fair_value, h->ownership, h->controller_type, h->controller_name,
                             h->investee_region, h->investee_legal_form, h->stage, h->enterprise_size};
        int some = 0;
        for (size_t k = 0; k < CK_ARRAY_LEN(any); k++)
            some |= any[k] && *any[k];
        if (!some)
            continue;
        sqlite3_stmt *s = prep(db, x, X_DETAIL, pk, (long long)i + 1);
        if (s == NULL)
            return CK_EDB;
        bind_t(s, 3, h->fair_value);
        bind_fen(s, 4, h->fair_value);
        for (int k = 1; k < (int)CK_ARRAY_LEN(any); k++)
            bind_t(s, 4 + k, any[k]);
        if (step_done(s) != CK_OK)
            return CK_EDB;
    }
    for (size_t i = 0; i < e->n_transactions; i++) {
        const struct ck_fx_transaction *t = &e->transactions[i];
        sqlite3_stmt *s = prep(db, x, X_TRANS, pk, (long long)i + 1);
        if (s == NULL)
            return CK_EDB;
        const char *v[] = {t->id, t->date, t->side, t->method, t->instrument_type, t->instrument_code,
                           t->exchange, t->instrument_name, t->quantity, t->amount};
        for (int k = 0; k < (int)CK_ARRAY_LEN(v); k++)
            bind_t(s, 3 + k, v[k]);
        bind_fen(s, 13, t->amount);
        sqlite3_bind_int64(s, 14, t->line);
        if (step_done(s) != CK_OK)
            return CK_EDB;
    }
    for (size_t i = 0; i < e->n_guarantees; i++) {
        const struct ck_fx_guarantee *g = &e->guarantees[i];
        sqlite3_stmt *s = prep(db, x, X_GUAR, pk, (long long)i + 1);
        if (s == NULL)
            return CK_EDB;
        bind_t(s, 3, g->id);
        bind_t(s, 4, g->type);
        bind_t(s, 5, g->amount);
        bind_fen(s, 6, g->amount);
        bind_t(s, 7, g->date);
        bind_t(s, 8, g->beneficiary_uscc);
        bind_t(s, 9, g->beneficiary_name);
        bind_t(s, 10, g->text);
        sqlite3_bind_int64(s, 11, g->line);
        if (step_done(s) != CK_OK)
            return CK_EDB;
    }
    for (size_t i = 0; i < e->n_disclosures; i++) {
        const struct ck_fx_disclosure *d = &e->disclosures[i];
        sqlite3_stmt *s = prep(db, x, X_DISC, pk, (long long)i + 1);
        if (s == NULL)
            return CK_EDB;
        bind_t(s, 3, d->topic);
        bind_t(s, 4, d->text);
        sqlite3_bind_int64(s, 5, d->line);
        if (step_done(s) != CK_OK)
            return CK_EDB;
    }
    return CK_OK;
}

int ck_store4_put(sqlite3 *db, struct ck_store4 **xp, long long pk, const struct ck_result *res,
                  int replacing)
{
    if (*xp == NULL)
        *xp = ck_calloc(1, sizeof **xp);
    struct ck_store4 *x = *xp;
    if (replacing)
        for (int i = 0; i < 5; i++)
            if (step_done(prep(db, x, X_DEL + i, pk, 0)) != CK_OK)
                return CK_EDB;
    if (res == NULL || res->status != CK_OK || res->filing == NULL)
        return CK_OK;
    if (ck_metrics_store_insert(db, &x->s[X_METRICS], pk, &res->metrics) != CK_OK)
        return CK_EDB;
    return res->filing->extra ? put_extra(db, x, pk, res->filing->extra) : CK_OK;
}

/* ---- per run ---- */

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* SHA-256 and size of a file. CK_OK or CK_EIO. */
static int hash_file(const char *path, char hex[65], long long *bytes)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return CK_EIO;
    struct ck_buf b;
    ck_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ck_buf_add(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (!err) {
        ck_sha256_hex(b.len ? ck_buf_str(&b) : "", b.len, hex);
        *bytes = (long long)b.len;
    }
    ck_buf_fini(&b);
    return err ? CK_EIO : CK_OK;
}

/* Records every regular file of dir whose name ends with suffix ("" any). */
static int record_dir(sqlite3_stmt *s, const char *dir, const char *kind, const char *suffix)
{
    DIR *d = dir ? opendir(dir) : NULL;
    if (d == NULL)
        return CK_OK;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name), sl = strlen(suffix);
        if (de->d_name[0] == '.' || len < sl || strcmp(de->d_name + len - sl, suffix) != 0)
            continue;
        names = ck_reallocarray(names, n + 1, sizeof *names);
        names[n++] = ck_strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    int rc = CK_OK;
    for (size_t i = 0; i < n; i++) {
        struct ck_buf path;
        ck_buf_init(&path);
        ck_buf_printf(&path, "%s/%s", dir, names[i]);
        char hex[65];
        long long bytes = -1;
        if (hash_file(ck_buf_str(&path), hex, &bytes) == CK_OK) {
            sqlite3_reset(s);
            sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 3, names[i], -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 4, hex, -1, SQLITE_STATIC);
            sqlite3_bind_int64(s, 5, bytes);
            if (sqlite3_step(s) != SQLITE_DONE)
                rc = CK_EDB;
        }
        ck_buf_fini(&path);
        free(names[i]);
    }
    free(names);
    return rc;
}

int ck_store4_begin_run(sqlite3 *db, long long run_id, const struct ck_engine *eng, const char *ruleset_hash)
{
    sqlite3_stmt *s = NULL;
    int rc = CK_EDB;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO rules (rule_id, category, severity, title_zh, title_en, legal_basis,"
                           " lookthrough, ruleset_hash) VALUES (?1, 'limit', ?2, ?3, ?4, ?5, ?6, ?7)"
                           " ON CONFLICT (rule_id) DO UPDATE SET category = excluded.category,"
                           " severity = excluded.severity, title_zh = excluded.title_zh,"
                           " title_en = excluded.title_en, legal_basis = excluded.legal_basis,"
                           " lookthrough = excluded.lookthrough, ruleset_hash = excluded.ruleset_hash",
                           -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    /* The basis of a limit finding is the fund's own 设立方案 (named in each
     * finding); the rules table can only say so, as a summary. */
    static const char basis[] = "设立方案（要点）：基金经批准的设立方案（establishmentPlan）所定限额"
                                "（limits）；每项发现的依据为该基金设立方案的文件（establishmentPlan/@document）"
                                "或该限额的 document 属性所指文件";
    for (int k = 0; k < CK_LIMIT_KIND_COUNT; k++) {
        const struct ck_rule *r = ck_limits_rule(k);
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, r->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, ck_severity_name(r->severity), -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, r->title[CK_LANG_ZH], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, r->title[CK_LANG_EN], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, basis, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 6, 0); /* not a look-through rule of the rule set */
        sqlite3_bind_text(s, 7, ruleset_hash, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO run_files (run_id, kind, name, sha256, bytes)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &s, NULL) != SQLITE_OK)
        goto out;
    sqlite3_bind_int64(s, 1, run_id);
    if (record_dir(s, eng->rules_dir, "rules", ".xml") != CK_OK ||
        record_dir(s, eng->schema_dir, "schema", "") != CK_OK ||
        record_dir(s, eng->catalogs_dir, "catalog", ".tsv") != CK_OK)
        goto out;
    rc = CK_OK;
out:
    sqlite3_finalize(s);
    return rc;
}
