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
#include "finding.h"
#include "lookthrough.h"
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
    "  x.null_reasons, x.nesting_max, x.nesting_line, x.nesting_document, x.nesting_xpath, x.plan_document"
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

/* SHA-256 and size of a file. CK_OK or CK_EIO. */
static int hash_file(const char *path, char hex[65], long long *bytes)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return CK_EIO;
    struct ck_buf b;
    ck_buf_init(&b);
    int err = ck_buf_add_stream(&b, f);
    fclose(f);
    if (!err) {
        ck_sha256_hex(b.len ? ck_buf_str(&b) : "", b.len, hex);
        *bytes = (long long)b.len;
    }
    ck_buf_fini(&b);
    return err ? CK_EIO : CK_OK;
}

struct file_ent {
    char *name; /* owned */
    char sha[65];
    long long bytes;
};

static void files_free(struct file_ent *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i].name);
    free(f);
}

static int cmp_ent(const void *a, const void *b)
{
    return strcmp(((const struct file_ent *)a)->name, ((const struct file_ent *)b)->name);
}

/* Every file of dir whose name ends with suffix ("" any; dot files left
 * out), sorted by name, with its SHA-256 and size. A missing dir is empty. */
static void list_dir(const char *dir, const char *suffix, struct file_ent **out, size_t *n_out)
{
    struct file_ent *f = NULL;
    size_t n = 0;
    DIR *d = dir ? opendir(dir) : NULL;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name), sl = strlen(suffix);
        if (de->d_name[0] == '.' || len < sl || strcmp(de->d_name + len - sl, suffix) != 0)
            continue;
        struct ck_buf path;
        ck_buf_init(&path);
        ck_buf_printf(&path, "%s/%s", dir, de->d_name);
        struct file_ent e = {NULL, "", -1};
        if (hash_file(ck_buf_str(&path), e.sha, &e.bytes) == CK_OK) {
            e.name = ck_strdup(de->d_name);
            f = ck_reallocarray(f, n + 1, sizeof *f);
            f[n++] = e;
        }
        ck_buf_fini(&path);
    }
    if (d)
        closedir(d);
    if (n > 1)
        qsort(f, n, sizeof *f, cmp_ent);
    *out = f;
    *n_out = n;
}

/* The directories a run's verdicts rest on, as run_files kinds. */
static void provenance_dirs(const struct ck_engine *eng, const char *dirs[3])
{
    dirs[0] = eng->rules_dir;
    dirs[1] = eng->schema_dir;
    dirs[2] = eng->catalogs_dir;
}
static const char *const prov_kind[3] = {"rules", "schema", "catalog"};
static const char *const prov_suffix[3] = {".xml", "", ".tsv"};

/* Records the files of dir (one run_files kind). */
static int record_dir(sqlite3_stmt *s, const char *dir, const char *kind, const char *suffix)
{
    struct file_ent *f;
    size_t n;
    list_dir(dir, suffix, &f, &n);
    int rc = CK_OK;
    for (size_t i = 0; i < n && rc == CK_OK; i++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, f[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, f[i].sha, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 5, f[i].bytes);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = CK_EDB;
    }
    files_free(f, n);
    return rc;
}

long ck_store4_files_diff(sqlite3 *db, long long run_id, const struct ck_engine *eng, FILE *out, int en)
{
    const char *dirs[3];
    provenance_dirs(eng, dirs);
    long diffs = 0;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name, sha256 FROM run_files WHERE run_id = ?1 AND kind = ?2 ORDER BY name",
                           -1, &s, NULL) != SQLITE_OK)
        return -1;
    for (int k = 0; k < 3; k++) {
        struct file_ent *f;
        size_t n;
        list_dir(dirs[k], prov_suffix[k], &f, &n);
        unsigned char *matched = ck_calloc(n + 1, 1);
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, run_id);
        sqlite3_bind_text(s, 2, prov_kind[k], -1, SQLITE_STATIC);
        while (sqlite3_step(s) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(s, 0), *sha = (const char *)sqlite3_column_text(s, 1);
            size_t i = 0;
            while (i < n && strcmp(f[i].name, name) != 0)
                i++;
            if (i == n) {
                fprintf(out, en ? "%s/%s: recorded (SHA-256 %s), missing now\n"
                                : "%s/%s：运行时记录的文件（SHA-256 %s）现已不存在\n", dirs[k], name, sha);
                diffs++;
                continue;
            }
            matched[i] = 1;
            if (strcmp(f[i].sha, sha) != 0) {
                fprintf(out, en ? "%s/%s: SHA-256 %s, recorded %s\n" : "%s/%s：SHA-256 %s，运行时为 %s\n",
                        dirs[k], name, f[i].sha, sha);
                diffs++;
            }
        }
        for (size_t i = 0; i < n; i++)
            if (!matched[i]) {
                fprintf(out, en ? "%s/%s: not part of the run's %s files\n" : "%s/%s：不在该次运行的 %s 文件中\n",
                        dirs[k], f[i].name, prov_kind[k]);
                diffs++;
            }
        free(matched);
        files_free(f, n);
    }
    sqlite3_finalize(s);
    return diffs;
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
    const char *dirs[3];
    provenance_dirs(eng, dirs);
    for (int k = 0; k < 3; k++)
        if (record_dir(s, dirs[k], prov_kind[k], prov_suffix[k]) != CK_OK)
            goto out;
    rc = CK_OK;
out:
    sqlite3_finalize(s);
    return rc;
}

/* ---- nesting-depth limits over the database ----
 *
 * The graph is small: the filings that carry a nesting-depth limit (found
 * through the partial index filing_metrics_nesting) and, breadth first, the
 * current filings of every fund they reach through `fund` holdings. Depths
 * come from ck_limits_nesting_depths, the same walk as `check` uses over a
 * batch (child = the latest filing of the sub-fund whose period ends at or
 * before the parent's; cycles cut), and the findings from
 * ck_limits_nesting_emit, so a scan and a check of the same filings say
 * the same. */

struct nest_graph {
    struct ck_lt_node *nodes; /* strings and edges owned through the arrays below */
    long long *pk;
    size_t n, cap;
    char **seen; /* fund USCCs whose current filings are loaded */
    size_t n_seen;
};

static char *col_text(sqlite3_stmt *s, int i)
{
    const unsigned char *v = sqlite3_column_text(s, i);
    return ck_strdup(v ? (const char *)v : "");
}

static size_t graph_add(struct nest_graph *g, long long pk, const char *uscc, const char *name, const char *pe)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->pk[i] == pk)
            return i;
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 16;
        g->nodes = ck_reallocarray(g->nodes, g->cap, sizeof *g->nodes);
        g->pk = ck_reallocarray(g->pk, g->cap, sizeof *g->pk);
    }
    struct ck_lt_node *nd = &g->nodes[g->n];
    memset(nd, 0, sizeof *nd);
    nd->uscc = ck_strdup(uscc);
    nd->name = ck_strdup(name);
    nd->period_end = ck_strdup(pe);
    g->pk[g->n] = pk;
    return g->n++;
}

static void graph_free(struct nest_graph *g)
{
    for (size_t i = 0; i < g->n; i++) {
        struct ck_lt_node *nd = &g->nodes[i];
        for (size_t e = 0; e < nd->n_edges; e++) {
            free((void *)nd->edges[e].holding);
            free((void *)nd->edges[e].child_uscc);
        }
        free((void *)nd->edges);
        free((void *)nd->uscc);
        free((void *)nd->name);
        free((void *)nd->period_end);
    }
    for (size_t i = 0; i < g->n_seen; i++)
        free(g->seen[i]);
    free(g->seen);
    free(g->nodes);
    free(g->pk);
}

/* Loads the current filings of fund uscc once. */
static int graph_fund(sqlite3 *db, struct nest_graph *g, const char *uscc)
{
    for (size_t i = 0; i < g->n_seen; i++)
        if (strcmp(g->seen[i], uscc) == 0)
            return CK_OK;
    g->seen = ck_reallocarray(g->seen, g->n_seen + 1, sizeof *g->seen);
    g->seen[g->n_seen++] = ck_strdup(uscc);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT filing_pk, fund_name, period_end FROM v_current_filings WHERE fund_uscc = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    sqlite3_bind_text(s, 1, uscc, -1, SQLITE_STATIC);
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        char *name = col_text(s, 1), *pe = col_text(s, 2);
        graph_add(g, sqlite3_column_int64(s, 0), uscc, name, pe);
        free(name);
        free(pe);
    }
    sqlite3_finalize(s);
    return step == SQLITE_DONE ? CK_OK : CK_EDB;
}

/* Loads the fund edges of node i and the filings of the funds they name. */
static int graph_edges(sqlite3 *db, struct nest_graph *g, size_t i)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT investee_uscc, holding_id, line FROM holdings WHERE filing_pk = ?1"
                               " AND category = 'fund' ORDER BY seq", -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    sqlite3_bind_int64(s, 1, g->pk[i]);
    struct ck_lt_edge *edges = NULL;
    size_t n = 0;
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        edges = ck_reallocarray(edges, n + 1, sizeof *edges);
        memset(&edges[n], 0, sizeof edges[n]);
        edges[n].child_uscc = col_text(s, 0);
        edges[n].holding = col_text(s, 1);
        edges[n].line = sqlite3_column_int64(s, 2);
        n++;
    }
    sqlite3_finalize(s);
    g->nodes[i].edges = edges;
    g->nodes[i].n_edges = n;
    if (step != SQLITE_DONE)
        return CK_EDB;
    for (size_t e = 0; e < n; e++) {
        char *child = ck_strdup(edges[e].child_uscc); /* g->nodes may move */
        int rc = *child ? graph_fund(db, g, child) : CK_OK;
        free(child);
        if (rc != CK_OK)
            return rc;
    }
    return CK_OK;
}

struct nest_parent {
    long long pk;
    char *period_start, *period_end, *max_text, *document, *plan_document, *xpath;
    long line;
    size_t node;
};

/* A text's id in texts (a new row each time: these findings are few). */
static int text_row(sqlite3 *db, const char *body, long long *id)
{
    *id = 0;
    if (body == NULL)
        return CK_OK;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO texts (body) VALUES (?1)", -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    sqlite3_finalize(s);
    *id = sqlite3_last_insert_rowid(db);
    return rc;
}

static void bind_id(sqlite3_stmt *s, int i, long long id)
{
    if (id > 0)
        sqlite3_bind_int64(s, i, id);
}

/* Writes the findings of parent p (messages stored whole: msg_* NULL). */
static int write_findings(sqlite3 *db, long long run_id, const struct nest_parent *p,
                          const struct ck_findings *fs)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO finding_rows (run_id, filing_pk, seq, holding_id, item, rule_id,"
                           " severity_rank, msg_zh, args_zh, msg_en, args_en, evidence_zh, evidence_en,"
                           " explanation, line, xpath, derived, exempted, exempted_by, exempt_authority,"
                           " exempt_from, exempt_until) VALUES (?1, ?2,"
                           " (SELECT coalesce(max(seq), 0) + 1 FROM finding_rows WHERE filing_pk = ?2), NULL, NULL,"
                           " ?3, ?4, NULL, ?5, NULL, ?6, ?7, ?8, ?9, ?10, ?11, 0, ?12, ?13, ?14, ?15, ?16)",
                           -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    int rc = CK_OK;
    for (size_t i = 0; i < fs->n && rc == CK_OK; i++) {
        const struct ck_finding *x = &fs->v[i];
        long long ez, ee, ex;
        if (text_row(db, x->evidence[CK_LANG_ZH], &ez) != CK_OK || text_row(db, x->evidence[CK_LANG_EN], &ee) != CK_OK ||
            text_row(db, x->explain, &ex) != CK_OK) {
            rc = CK_EDB;
            break;
        }
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        sqlite3_bind_int64(s, 1, run_id);
        sqlite3_bind_int64(s, 2, p->pk);
        sqlite3_bind_text(s, 3, x->rule->id, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 4, x->severity == CK_SEV_VIOLATION ? 2 : x->severity == CK_SEV_WARNING ? 1 : 0);
        sqlite3_bind_text(s, 5, x->message[CK_LANG_ZH], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, x->message[CK_LANG_EN], -1, SQLITE_STATIC);
        bind_id(s, 7, ez);
        bind_id(s, 8, ee);
        bind_id(s, 9, ex);
        sqlite3_bind_int64(s, 10, x->line);
        bind_t(s, 11, *p->xpath ? p->xpath : x->xpath);
        sqlite3_bind_int(s, 12, x->exempted);
        bind_t(s, 13, x->exempt_document);
        bind_t(s, 14, x->exempt_authority);
        bind_t(s, 15, x->exempt_from);
        bind_t(s, 16, x->exempt_until);
        if (sqlite3_step(s) != SQLITE_DONE)
            rc = CK_EDB;
    }
    sqlite3_finalize(s);
    return rc;
}

int ck_store4_nesting(sqlite3 *db, const struct ck_engine *eng, long long run_id, int affected_only,
                      size_t *out_n)
{
    *out_n = 0;
    struct nest_parent *ps = NULL;
    size_t n_ps = 0;
    struct nest_graph g;
    memset(&g, 0, sizeof g);
    int rc = CK_EDB;
    sqlite3_stmt *s = NULL;
    /* Incremental (affected_only): the filings of the funds in temp.lt_aff,
     * i.e. those whose filings changed and every fund above them: a depth
     * can only change where something below (or the filing itself) did. */
    if (sqlite3_exec(db,
                     affected_only
                         ? "DELETE FROM finding_rows WHERE rule_id = 'LIM-006' AND filing_pk IN"
                           " (SELECT m.filing_pk FROM filing_metrics m JOIN filings f ON f.filing_pk = m.filing_pk"
                           " WHERE m.nesting_max IS NOT NULL AND coalesce(f.fund_uscc, '') IN (SELECT u FROM temp.lt_aff))"
                         : "DELETE FROM finding_rows WHERE rule_id = 'LIM-006' AND filing_pk IN"
                           " (SELECT filing_pk FROM filing_metrics WHERE nesting_max IS NOT NULL)",
                     NULL, NULL, NULL) != SQLITE_OK)
        return CK_EDB;
    if (sqlite3_prepare_v2(db,
                           "SELECT m.filing_pk, f.fund_uscc, f.fund_name, f.period_start, f.period_end, m.nesting_max,"
                           " m.nesting_line, m.nesting_document, m.plan_document, m.nesting_xpath"
                           " FROM filing_metrics m JOIN filings f ON f.filing_pk = m.filing_pk"
                           " WHERE m.nesting_max IS NOT NULL AND f.status = 'checked'"
                           " AND (?1 = 0 OR coalesce(f.fund_uscc, '') IN (SELECT u FROM temp.lt_aff)) ORDER BY m.filing_pk",
                           -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
    sqlite3_bind_int(s, 1, affected_only);
    int step;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        ps = ck_reallocarray(ps, n_ps + 1, sizeof *ps);
        struct nest_parent *p = &ps[n_ps++];
        p->pk = sqlite3_column_int64(s, 0);
        char *uscc = col_text(s, 1), *name = col_text(s, 2);
        p->period_start = col_text(s, 3);
        p->period_end = col_text(s, 4);
        p->max_text = col_text(s, 5);
        p->line = sqlite3_column_int64(s, 6);
        p->document = col_text(s, 7);
        p->plan_document = col_text(s, 8);
        p->xpath = col_text(s, 9);
        p->node = graph_add(&g, p->pk, uscc, name, p->period_end);
        free(uscc);
        free(name);
    }
    sqlite3_finalize(s);
    if (step != SQLITE_DONE)
        goto out;
    for (size_t i = 0; i < g.n; i++) /* breadth first: g.n grows as funds are reached */
        if (graph_edges(db, &g, i) != CK_OK)
            goto out;
    long *depth = ck_calloc(g.n + 1, sizeof *depth);
    int *known = ck_calloc(g.n + 1, sizeof *known);
    const char **missing = ck_calloc(g.n + 1, sizeof *missing);
    ck_limits_nesting_depths(g.nodes, g.n, depth, known, missing);
    rc = CK_OK;
    for (size_t k = 0; k < n_ps && rc == CK_OK; k++) {
        const struct nest_parent *p = &ps[k];
        struct ck_metrics m;
        memset(&m, 0, sizeof m);
        struct ck_limit_spec spec;
        memset(&spec, 0, sizeof spec);
        spec.kind = CK_LIMIT_NESTING;
        spec.has_max = 1;
        if (!ck_metrics_parse_decimal(p->max_text, 8, &spec.max))
            continue; /* not written by this version */
        snprintf(spec.max_text, sizeof spec.max_text, "%s", p->max_text);
        snprintf(spec.document, sizeof spec.document, "%s", p->document);
        snprintf(m.plan_document, sizeof m.plan_document, "%s", p->plan_document);
        spec.line = p->line;
        m.limits = &spec;
        m.n_limits = 1;
        struct ck_filing f;
        memset(&f, 0, sizeof f);
        struct ck_findings fs;
        ck_findings_init(&fs);
        size_t v = p->node;
        ck_limits_nesting_emit(&m, &f, depth[v], known[v], missing[v] && *missing[v] ? missing[v] : "?", 1, &fs);
        struct ck_exemption *ex = NULL;
        size_t n_ex = 0;
        if (fs.n && (rc = ck_store_exemptions_load(db, p->pk, &ex, &n_ex)) == CK_OK) {
            ck_findings_apply_exemptions(&fs, ex, n_ex, p->period_start, p->period_end, eng->lang);
            rc = write_findings(db, run_id, p, &fs);
            *out_n += fs.n;
        }
        ck_store_exemptions_free(ex, n_ex);
        ck_findings_fini(&fs);
    }
    free(depth);
    free(known);
    free((void *)missing);
out:
    for (size_t k = 0; k < n_ps; k++) {
        free(ps[k].period_start);
        free(ps[k].period_end);
        free(ps[k].max_text);
        free(ps[k].document);
        free(ps[k].plan_document);
        free(ps[k].xpath);
    }
    free(ps);
    graph_free(&g);
    return rc;
}
