/* SPDX-License-Identifier: MIT */
/*
 * The findings database. The schema is a list of migrations applied in
 * order; PRAGMA user_version records how many have been applied. Each
 * migration runs in its own BEGIN IMMEDIATE transaction and re-reads
 * user_version inside it, so two processes opening an old database at the
 * same time do not migrate it twice. docs/database.md is the documentation
 * of the same DDL (a test compares the table lists).
 *
 * Writes: ck_store_put wraps one filing (filings row, holdings, exemptions,
 * findings, run_filings) in one savepoint of a transaction holding up to the
 * batch size of filings; the look-through pass replaces every derived
 * finding in one transaction, from a compact graph (memory flat in the size
 * of the database). With WAL and synchronous=NORMAL a committed filing
 * survives the process being killed at any moment.
 */
#include "store.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "lookthrough.h"
#include "mem.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- schema ---- */

static const char migration_1[] =
    "CREATE TABLE runs (\n"
    "  run_id          INTEGER PRIMARY KEY,\n"
    "  tool_version    TEXT NOT NULL,\n"
    "  ruleset_hash    TEXT NOT NULL,\n"
    "  catalog_version TEXT NOT NULL,\n"
    "  catalog_edition TEXT NOT NULL,\n"
    "  started_at      TEXT NOT NULL,\n"
    "  ended_at        TEXT,\n"
    "  options         TEXT NOT NULL DEFAULT '{}',\n"
    "  n_checked       INTEGER,\n"
    "  n_skipped       INTEGER,\n"
    "  n_errors        INTEGER,\n"
    "  n_findings      INTEGER\n"
    ");\n"
    "CREATE TABLE rules (\n"
    "  rule_id      TEXT PRIMARY KEY,\n"
    "  category     TEXT NOT NULL,\n"
    "  severity     TEXT NOT NULL,\n"
    "  title_zh     TEXT NOT NULL,\n"
    "  title_en     TEXT NOT NULL,\n"
    "  legal_basis  TEXT NOT NULL,\n"
    "  lookthrough  INTEGER NOT NULL DEFAULT 0,\n"
    "  ruleset_hash TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE filings (\n"
    "  filing_pk       INTEGER PRIMARY KEY,\n"
    "  run_id          INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  path            TEXT NOT NULL,\n"
    "  sha256          TEXT NOT NULL,\n"
    "  bytes           INTEGER,\n"
    "  ruleset_hash    TEXT NOT NULL,\n"
    "  catalog_version TEXT NOT NULL,\n"
    "  status          TEXT NOT NULL CHECK (status IN ('checked', 'error')),\n"
    "  error_line      INTEGER,\n"
    "  error_message   TEXT,\n"
    "  filing_id       TEXT,\n"
    "  report_type     TEXT,\n"
    "  period_start    TEXT,\n"
    "  period_end      TEXT,\n"
    "  submitted_at    TEXT,\n"
    "  fund_uscc       TEXT,\n"
    "  fund_name       TEXT,\n"
    "  fund_type       TEXT,\n"
    "  legal_form      TEXT,\n"
    "  gov_level       TEXT,\n"
    "  region          TEXT,\n"
    "  paid_in         TEXT,\n"
    "  filer_uscc      TEXT,\n"
    "  n_holdings      INTEGER NOT NULL DEFAULT 0,\n"
    "  rule_errors     TEXT\n"
    ");\n"
    "CREATE UNIQUE INDEX filings_key ON filings(sha256, ruleset_hash, catalog_version)\n"
    "  WHERE sha256 <> '';\n"
    "CREATE INDEX filings_path ON filings(path);\n"
    "CREATE INDEX filings_fund ON filings(fund_uscc, period_end, period_start);\n"
    "CREATE INDEX filings_region ON filings(region, gov_level);\n"
    "CREATE TABLE run_filings (\n"
    "  run_id    INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  filing_pk INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  outcome   TEXT NOT NULL CHECK (outcome IN ('checked', 'error', 'skipped')),\n"
    "  PRIMARY KEY (run_id, filing_pk)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX run_filings_filing ON run_filings(filing_pk);\n"
    "CREATE TABLE holdings (\n"
    "  filing_pk       INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq             INTEGER NOT NULL,\n"
    "  holding_id      TEXT NOT NULL,\n"
    "  category        TEXT NOT NULL,\n"
    "  role            TEXT,\n"
    "  investee_uscc   TEXT,\n"
    "  investee_name   TEXT,\n"
    "  industry        TEXT,\n"
    "  invested        TEXT,\n"
    "  invested_yuan   REAL,\n"
    "  acq_method      TEXT,\n"
    "  acq_date        TEXT,\n"
    "  instrument_type TEXT,\n"
    "  instrument_code TEXT,\n"
    "  catalog_class   TEXT,\n"
    "  line            INTEGER,\n"
    "  xpath           TEXT,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ");\n"
    "CREATE INDEX holdings_investee ON holdings(investee_uscc) WHERE investee_uscc <> '';\n"
    "CREATE INDEX holdings_category ON holdings(category, catalog_class);\n"
    "CREATE TABLE exemptions (\n"
    "  filing_pk   INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq         INTEGER NOT NULL,\n"
    "  rule        TEXT NOT NULL,\n"
    "  holding_id  TEXT,\n"
    "  authority   TEXT,\n"
    "  document    TEXT,\n"
    "  valid_from  TEXT,\n"
    "  valid_until TEXT,\n"
    "  line        INTEGER,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ");\n"
    "CREATE TABLE findings (\n"
    "  finding_pk       INTEGER PRIMARY KEY,\n"
    "  run_id           INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  filing_pk        INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq              INTEGER NOT NULL,\n"
    "  holding_id       TEXT,\n"
    "  item             TEXT,\n"
    "  rule_id          TEXT NOT NULL,\n"
    "  category         TEXT NOT NULL,\n"
    "  severity         TEXT NOT NULL CHECK (severity IN ('notice', 'warning', 'violation')),\n"
    "  severity_rank    INTEGER NOT NULL,\n"
    "  message_zh       TEXT NOT NULL,\n"
    "  message_en       TEXT NOT NULL,\n"
    "  evidence_zh      TEXT,\n"
    "  evidence_en      TEXT,\n"
    "  explanation      TEXT,\n"
    "  catalog_edition  TEXT,\n"
    "  line             INTEGER,\n"
    "  xpath            TEXT,\n"
    "  derived          INTEGER NOT NULL DEFAULT 0,\n"
    "  chain            TEXT,\n"
    "  exempted         INTEGER NOT NULL DEFAULT 0,\n"
    "  exempted_by      TEXT,\n"
    "  exempt_authority TEXT,\n"
    "  exempt_from      TEXT,\n"
    "  exempt_until     TEXT\n"
    ");\n"
    "CREATE INDEX findings_filing ON findings(filing_pk, seq);\n"
    "CREATE INDEX findings_category ON findings(category, severity_rank);\n"
    "CREATE INDEX findings_rule ON findings(rule_id);\n"
    "CREATE INDEX findings_derived ON findings(derived) WHERE derived = 1;\n";

/* Version 2: the auditor views. */
static const char migration_2[] =
    "CREATE VIEW v_current_filings AS\n"
    "  SELECT f.* FROM filings f\n"
    "  WHERE f.status = 'checked'\n"
    "    AND NOT EXISTS (SELECT 1 FROM filings g\n"
    "                    WHERE g.status = 'checked' AND g.fund_uscc = f.fund_uscc\n"
    "                      AND g.period_end = f.period_end AND g.period_start = f.period_start\n"
    "                      AND (g.submitted_at > f.submitted_at\n"
    "                           OR (g.submitted_at = f.submitted_at AND g.filing_pk > f.filing_pk)));\n"
    "CREATE VIEW v_findings AS\n"
    "  SELECT fi.finding_pk, fi.run_id, f.filing_pk, f.path, f.filing_id, f.fund_uscc, f.fund_name,\n"
    "         f.fund_type, f.region, substr(f.region, 1, 2) || '0000' AS province, f.gov_level,\n"
    "         f.period_start, f.period_end, fi.holding_id, fi.item, fi.rule_id, fi.category,\n"
    "         fi.severity, fi.severity_rank, fi.message_zh, fi.message_en, fi.evidence_zh,\n"
    "         fi.evidence_en, fi.line, fi.xpath, fi.derived, fi.chain, fi.exempted,\n"
    "         fi.exempted_by, fi.exempt_authority, fi.exempt_from, fi.exempt_until\n"
    "  FROM findings fi JOIN v_current_filings f ON f.filing_pk = fi.filing_pk;\n"
    "CREATE VIEW v_open_findings AS\n"
    "  SELECT * FROM v_findings WHERE exempted = 0 AND severity_rank >= 1;\n"
    "CREATE VIEW v_holdings AS\n"
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,\n"
    "         f.gov_level, f.period_start, f.period_end, h.seq, h.holding_id, h.category, h.role,\n"
    "         h.investee_uscc, h.investee_name, h.industry, h.invested, h.invested_yuan,\n"
    "         h.acq_method, h.acq_date, h.instrument_type, h.instrument_code, h.catalog_class,\n"
    "         h.line, h.xpath\n"
    "  FROM holdings h JOIN v_current_filings f ON f.filing_pk = h.filing_pk;\n"
    "CREATE VIEW v_lookthrough AS\n"
    "  SELECT fund_uscc, fund_name, period_end, holding_id, rule_id, category, severity, chain,\n"
    "         exempted, message_zh, message_en\n"
    "  FROM v_findings WHERE derived = 1;\n"
    "CREATE VIEW v_finding_keys AS\n"
    "  SELECT fund_uscc, fund_name, region, gov_level, period_end, rule_id, category, severity,\n"
    "         coalesce(item, '') AS item, coalesce(chain, '') AS chain,\n"
    "         fund_uscc || '|' || rule_id || '|' || coalesce(item, '') || '|' || coalesce(chain, '') AS finding_key,\n"
    "         message_zh, message_en\n"
    "  FROM v_findings WHERE exempted = 0;\n"
    "CREATE VIEW v_run_findings AS\n"
    "  SELECT rf.run_id, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_end, fi.rule_id,\n"
    "         fi.category, fi.severity, coalesce(fi.item, '') AS item, coalesce(fi.chain, '') AS chain,\n"
    "         f.fund_uscc || '|' || f.period_end || '|' || fi.rule_id || '|' || coalesce(fi.item, '') || '|'\n"
    "           || coalesce(fi.chain, '') AS finding_key,\n"
    "         fi.message_zh, fi.message_en\n"
    "  FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk\n"
    "       JOIN findings fi ON fi.filing_pk = rf.filing_pk\n"
    "  WHERE fi.exempted = 0;\n";

static const char *const migrations[CK_STORE_SCHEMA_VERSION] = {migration_1, migration_2};

/* ---- handle ---- */

enum stmt_id {
    S_BEGIN,
    S_COMMIT,
    S_ROLLBACK,
    S_FIND_KEY,
    S_DEL_PATH_ERR,
    S_INS_FILING,
    S_UPD_FILING,
    S_INS_HOLDING,
    S_INS_EXEMPTION,
    S_INS_FINDING,
    S_INS_RUN_FILING,
    S_SAVEPOINT,
    S_RELEASE,
    S_ROLLBACK_TO,
    S_COUNT,
};

static const char *const stmt_sql[S_COUNT] = {
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
    [S_FIND_KEY] = "SELECT filing_pk, run_id FROM filings WHERE sha256 = ?1 AND ruleset_hash = ?2 "
                   "AND catalog_version = ?3",
    [S_DEL_PATH_ERR] = "DELETE FROM filings WHERE path = ?1 AND sha256 = ''",
    [S_INS_FILING] =
        "INSERT INTO filings (run_id, path, sha256, bytes, ruleset_hash, catalog_version, status,"
        " error_line, error_message, filing_id, report_type, period_start, period_end, submitted_at,"
        " fund_uscc, fund_name, fund_type, legal_form, gov_level, region, paid_in, filer_uscc,"
        " n_holdings, rule_errors) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    [S_UPD_FILING] =
        "UPDATE filings SET run_id = ?1, path = ?2, sha256 = ?3, bytes = ?4, ruleset_hash = ?5,"
        " catalog_version = ?6, status = ?7, error_line = ?8, error_message = ?9, filing_id = ?10,"
        " report_type = ?11, period_start = ?12, period_end = ?13, submitted_at = ?14, fund_uscc = ?15,"
        " fund_name = ?16, fund_type = ?17, legal_form = ?18, gov_level = ?19, region = ?20,"
        " paid_in = ?21, filer_uscc = ?22, n_holdings = ?23, rule_errors = ?24 WHERE filing_pk = ?25",
    [S_INS_HOLDING] =
        "INSERT INTO holdings (filing_pk, seq, holding_id, category, role, investee_uscc,"
        " investee_name, industry, invested, invested_yuan, acq_method, acq_date, instrument_type,"
        " instrument_code, catalog_class, line, xpath) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    [S_INS_EXEMPTION] =
        "INSERT INTO exemptions (filing_pk, seq, rule, holding_id, authority, document, valid_from,"
        " valid_until, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_INS_FINDING] =
        "INSERT INTO findings (run_id, filing_pk, seq, holding_id, item, rule_id, category, severity,"
        " severity_rank, message_zh, message_en, evidence_zh, evidence_en, explanation,"
        " catalog_edition, line, xpath, derived, chain, exempted, exempted_by, exempt_authority,"
        " exempt_from, exempt_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    [S_INS_RUN_FILING] = "INSERT OR IGNORE INTO run_filings (run_id, filing_pk, outcome) VALUES (?1, ?2, ?3)",
    [S_SAVEPOINT] = "SAVEPOINT ck_filing",
    [S_RELEASE] = "RELEASE ck_filing",
    [S_ROLLBACK_TO] = "ROLLBACK TO ck_filing",
};

struct ck_store {
    sqlite3 *db;
    char *path;       /* owned */
    int lang;
    int readonly;
    sqlite3_stmt *stmt[S_COUNT]; /* owned; prepared on first use */
    long long run_id;
    int force;
    char ruleset[64];
    char *catalog_version; /* owned */
    char *err;             /* owned; last error */
    int batch_max;         /* filings per transaction (ck_store_set_batch) */
    int batch_n;           /* filings in the open transaction */
    int in_batch;          /* a ck_store_put transaction is open */
};

static int en(const struct ck_store *st)
{
    return st->lang == CK_LANG_EN;
}

static void set_err(struct ck_store *st, const char *zh, const char *english)
{
    free(st->err);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_printf(&b, "%s%s%s", en(st) ? english : zh,
                  st->db ? (en(st) ? ": " : "：") : "", st->db ? sqlite3_errmsg(st->db) : "");
    st->err = ck_buf_take(&b);
}

const char *ck_store_errmsg(const struct ck_store *st)
{
    return st && st->err ? st->err : "";
}

struct sqlite3 *ck_store_db(struct ck_store *st)
{
    return st->db;
}

const char *ck_store_catalog_version(const struct ck_engine *eng)
{
    return eng->catalog ? ck_catalog_version(eng->catalog) : "none";
}

static sqlite3_stmt *stmt(struct ck_store *st, enum stmt_id id)
{
    if (st->stmt[id] == NULL &&
        sqlite3_prepare_v3(st->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL) != SQLITE_OK) {
        set_err(st, "数据库语句准备失败", "cannot prepare a database statement");
        return NULL;
    }
    return st->stmt[id];
}

/* Runs a prepared statement that returns no rows; resets it. */
static int run(struct ck_store *st, sqlite3_stmt *s)
{
    if (s == NULL)
        return CK_EDB;
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) {
        set_err(st, "数据库写入失败", "database write failed");
        return CK_EDB;
    }
    return CK_OK;
}

static int exec(struct ck_store *st, const char *sql)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        set_err(st, "数据库操作失败", "database operation failed");
        return CK_EDB;
    }
    return CK_OK;
}

static void bind_s(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static int user_version(struct ck_store *st, int *out)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK ||
        sqlite3_step(s) != SQLITE_ROW) {
        set_err(st, "无法读取数据库（不是 fundcheck 数据库或文件已损坏）",
                "cannot read the database (not a fundcheck database, or damaged)");
        sqlite3_finalize(s);
        return CK_EDB;
    }
    *out = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return CK_OK;
}

int ck_store_schema_version(struct ck_store *st)
{
    int v = -1;
    user_version(st, &v);
    return v;
}

static int migrate(struct ck_store *st)
{
    int v;
    if (user_version(st, &v) != CK_OK)
        return CK_EDB;
    if (v > CK_STORE_SCHEMA_VERSION) {
        free(st->err);
        struct ck_buf b;
        ck_buf_init(&b);
        if (en(st))
            ck_buf_printf(&b, "database %s has schema version %d, newer than the %d this fundcheck "
                          "supports; upgrade fundcheck", st->path, v, CK_STORE_SCHEMA_VERSION);
        else
            ck_buf_printf(&b, "数据库 %s 的结构版本为 %d，高于本程序支持的 %d；请升级 fundcheck",
                          st->path, v, CK_STORE_SCHEMA_VERSION);
        st->err = ck_buf_take(&b);
        return CK_EDB;
    }
    if (v == CK_STORE_SCHEMA_VERSION)
        return CK_OK;
    if (st->readonly) {
        free(st->err);
        struct ck_buf b;
        ck_buf_init(&b);
        if (en(st))
            ck_buf_printf(&b, "database %s (schema version %d) must be upgraded to version %d but "
                          "is read-only", st->path, v, CK_STORE_SCHEMA_VERSION);
        else
            ck_buf_printf(&b, "数据库 %s（结构版本 %d）需要升级到版本 %d，但它是只读的", st->path, v,
                          CK_STORE_SCHEMA_VERSION);
        st->err = ck_buf_take(&b);
        return CK_EDB;
    }
    for (;;) {
        if (exec(st, "BEGIN IMMEDIATE") != CK_OK)
            return CK_EDB;
        if (user_version(st, &v) != CK_OK)
            goto fail;
        if (v >= CK_STORE_SCHEMA_VERSION) {
            exec(st, "COMMIT");
            return CK_OK;
        }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (exec(st, migrations[v]) != CK_OK || exec(st, pragma) != CK_OK)
            goto fail;
        if (exec(st, "COMMIT") != CK_OK)
            goto fail;
    }
fail:
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return CK_EDB;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return ck_strdup(".");
    if (slash == path)
        return ck_strdup("/");
    return ck_strndup(path, (size_t)(slash - path));
}

static int open_error(int lang, char **errmsg, const char *path, const char *zh, const char *english,
                      const char *detail)
{
    struct ck_buf b;
    ck_buf_init(&b);
    if (lang == CK_LANG_EN)
        ck_buf_printf(&b, "cannot open database %s: %s%s%s", path, english, detail ? ": " : "",
                      detail ? detail : "");
    else
        ck_buf_printf(&b, "无法打开数据库 %s：%s%s%s", path, zh, detail ? "：" : "", detail ? detail : "");
    *errmsg = ck_buf_take(&b);
    return CK_EDB;
}

int ck_store_open(const char *path, int mode, int lang, struct ck_store **out, char **errmsg)
{
    *out = NULL;
    *errmsg = NULL;
    struct stat sb;
    int exists = stat(path, &sb) == 0;
    int readonly = 0;
    if (exists && S_ISDIR(sb.st_mode))
        return open_error(lang, errmsg, path, "这是一个目录", "it is a directory", NULL);
    if (!exists && mode == CK_STORE_EXISTING)
        return open_error(lang, errmsg, path, "文件不存在", "no such file", strerror(errno));
    if (!exists) {
        char *dir = dir_of(path);
        int ok = access(dir, W_OK) == 0;
        int e = errno;
        free(dir);
        if (!ok)
            return open_error(lang, errmsg, path, "所在目录不可写或不存在",
                              "its directory does not exist or is not writable", strerror(e));
    } else if (access(path, W_OK) != 0) {
        if (mode == CK_STORE_CREATE)
            return open_error(lang, errmsg, path, "文件只读", "the file is read-only", strerror(errno));
        readonly = 1;
    }
    sqlite3 *db = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY
                         : SQLITE_OPEN_READWRITE | (mode == CK_STORE_CREATE ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        int rc = open_error(lang, errmsg, path, "SQLite 错误", "SQLite error", db ? sqlite3_errmsg(db) : NULL);
        sqlite3_close(db);
        return rc;
    }
    struct ck_store *st = ck_calloc(1, sizeof *st);
    st->db = db;
    st->batch_max = 1;
    st->path = ck_strdup(path);
    st->lang = lang;
    st->readonly = readonly;
    sqlite3_busy_timeout(db, 30000);
    sqlite3_extended_result_codes(db, 1);
    int v;
    if (user_version(st, &v) != CK_OK)
        goto fail;
    if (!readonly) {
        if (exec(st, "PRAGMA journal_mode = WAL") != CK_OK)
            goto fail;
    }
    if (exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL") != CK_OK)
        goto fail;
    if (migrate(st) != CK_OK)
        goto fail;
    *out = st;
    return CK_OK;
fail:
    *errmsg = ck_strdup(ck_store_errmsg(st));
    ck_store_close(st);
    return CK_EDB;
}

void ck_store_close(struct ck_store *st)
{
    if (st == NULL)
        return;
    ck_store_flush(st); /* the filings of an open batch are complete */
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    free(st->path);
    free(st->catalog_version);
    free(st->err);
    free(st);
}

/* ---- runs ---- */

static void now_iso(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int ck_store_begin_run(struct ck_store *st, const struct ck_engine *eng, const char *options_json,
                       int force, long long *out_run_id)
{
    snprintf(st->ruleset, sizeof st->ruleset, "%s", eng->rules->version);
    free(st->catalog_version);
    st->catalog_version = ck_strdup(ck_store_catalog_version(eng));
    st->force = force;
    struct ck_buf editions;
    ck_buf_init(&editions);
    for (size_t i = 0; eng->catalog && i < eng->catalog->n_editions; i++)
        ck_buf_printf(&editions, "%s%s", i ? " " : "", eng->catalog->editions[i].id);
    char now[32];
    now_iso(now);
    int rc = CK_EDB;
    sqlite3_stmt *s = NULL;
    if (exec(st, "BEGIN IMMEDIATE") != CK_OK)
        goto out;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO runs (tool_version, ruleset_hash, catalog_version, catalog_edition,"
                           " started_at, options) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &s, NULL) != SQLITE_OK)
        goto db_fail;
    bind_s(s, 1, CK_VERSION);
    bind_s(s, 2, st->ruleset);
    bind_s(s, 3, st->catalog_version);
    bind_s(s, 4, ck_buf_str(&editions));
    bind_s(s, 5, now);
    bind_s(s, 6, options_json);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto db_fail;
    st->run_id = sqlite3_last_insert_rowid(st->db);
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO rules (rule_id, category, severity, title_zh, title_en, legal_basis,"
                           " lookthrough, ruleset_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                           " ON CONFLICT (rule_id) DO UPDATE SET category = excluded.category,"
                           " severity = excluded.severity, title_zh = excluded.title_zh,"
                           " title_en = excluded.title_en, legal_basis = excluded.legal_basis,"
                           " lookthrough = excluded.lookthrough, ruleset_hash = excluded.ruleset_hash",
                           -1, &s, NULL) != SQLITE_OK)
        goto db_fail;
    for (size_t i = 0; i < eng->rules->n_rules; i++) {
        const struct ck_rule *r = &eng->rules->rules[i];
        struct ck_buf basis;
        ck_buf_init(&basis);
        ck_rules_basis_text(r, &basis);
        bind_s(s, 1, r->id);
        bind_s(s, 2, r->category);
        bind_s(s, 3, ck_severity_name(r->severity));
        bind_s(s, 4, r->title[CK_LANG_ZH]);
        bind_s(s, 5, r->title[CK_LANG_EN]);
        bind_s(s, 6, ck_buf_str(&basis));
        sqlite3_bind_int(s, 7, r->lookthrough);
        bind_s(s, 8, st->ruleset);
        int step = sqlite3_step(s);
        sqlite3_reset(s);
        ck_buf_fini(&basis);
        if (step != SQLITE_DONE)
            goto db_fail;
    }
    if (exec(st, "COMMIT") != CK_OK)
        goto out;
    *out_run_id = st->run_id;
    rc = CK_OK;
    goto out;
db_fail:
    set_err(st, "无法记录本次运行", "cannot record the run");
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
out:
    sqlite3_finalize(s);
    ck_buf_fini(&editions);
    return rc;
}

int ck_store_end_run(struct ck_store *st, long long n_checked, long long n_skipped,
                     long long n_errors, long long n_findings)
{
    if (ck_store_flush(st) != CK_OK)
        return CK_EDB;
    sqlite3_stmt *s = NULL;
    char now[32];
    now_iso(now);
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE runs SET ended_at = ?1, n_checked = ?2, n_skipped = ?3, n_errors = ?4,"
                           " n_findings = ?5 WHERE run_id = ?6",
                           -1, &s, NULL) != SQLITE_OK) {
        set_err(st, "无法记录运行结束", "cannot record the end of the run");
        return CK_EDB;
    }
    bind_s(s, 1, now);
    sqlite3_bind_int64(s, 2, n_checked);
    sqlite3_bind_int64(s, 3, n_skipped);
    sqlite3_bind_int64(s, 4, n_errors);
    sqlite3_bind_int64(s, 5, n_findings);
    sqlite3_bind_int64(s, 6, st->run_id);
    int rc = sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    if (rc != CK_OK)
        set_err(st, "无法记录运行结束", "cannot record the end of the run");
    sqlite3_finalize(s);
    return rc;
}

/* ---- one filing ---- */

static char *holding_xpath(size_t index, size_t count)
{
    struct ck_buf b;
    ck_buf_init(&b);
    if (count > 1)
        ck_buf_printf(&b, "/filing/holdings/holding[%zu]", index + 1);
    else
        ck_buf_adds(&b, "/filing/holdings/holding");
    return ck_buf_take(&b);
}

static int insert_finding(struct ck_store *st, long long filing_pk, long long seq,
                          const struct ck_finding *f, int derived)
{
    sqlite3_stmt *s = stmt(st, S_INS_FINDING);
    if (s == NULL)
        return CK_EDB;
    sqlite3_bind_int64(s, 1, st->run_id);
    sqlite3_bind_int64(s, 2, filing_pk);
    sqlite3_bind_int64(s, 3, seq);
    bind_s(s, 4, f->holding);
    bind_s(s, 5, f->item);
    bind_s(s, 6, f->rule->id);
    bind_s(s, 7, f->rule->category);
    bind_s(s, 8, ck_severity_name(f->severity));
    sqlite3_bind_int(s, 9, f->severity);
    bind_s(s, 10, f->message[CK_LANG_ZH] ? f->message[CK_LANG_ZH] : "");
    bind_s(s, 11, f->message[CK_LANG_EN] ? f->message[CK_LANG_EN] : "");
    bind_s(s, 12, f->evidence[CK_LANG_ZH]);
    bind_s(s, 13, f->evidence[CK_LANG_EN]);
    bind_s(s, 14, f->explain);
    bind_s(s, 15, f->catalog_edition);
    sqlite3_bind_int64(s, 16, f->line);
    bind_s(s, 17, f->xpath);
    sqlite3_bind_int(s, 18, derived);
    bind_s(s, 19, f->chain);
    sqlite3_bind_int(s, 20, f->exempted);
    bind_s(s, 21, f->exempt_document);
    bind_s(s, 22, f->exempt_authority);
    bind_s(s, 23, f->exempt_from);
    bind_s(s, 24, f->exempt_until);
    return run(st, s);
}

/* Writes the filing's rows: a new filings row, or (replace_pk >= 0, --force)
 * the same row updated in place so the runs that saw it keep it. */
static int insert_rows(struct ck_store *st, const char *path, const char *sha256,
                       const struct ck_result *res, long long replace_pk, long long *out_pk)
{
    sqlite3_stmt *s = stmt(st, replace_pk >= 0 ? S_UPD_FILING : S_INS_FILING);
    if (s == NULL)
        return CK_EDB;
    if (replace_pk >= 0)
        sqlite3_bind_int64(s, 25, replace_pk);
    const struct ck_filing *f = res->status == CK_OK ? res->filing : NULL;
    sqlite3_bind_int64(s, 1, st->run_id);
    bind_s(s, 2, path);
    bind_s(s, 3, sha256);
    if (f)
        sqlite3_bind_int64(s, 4, (long long)f->bytes);
    bind_s(s, 5, st->ruleset);
    bind_s(s, 6, st->catalog_version);
    bind_s(s, 7, f ? "checked" : "error");
    sqlite3_bind_int64(s, 23, f ? (long long)f->n_holdings : 0);
    if (!f) {
        sqlite3_bind_int64(s, 8, res->err_line);
        bind_s(s, 9, res->err_msg ? res->err_msg : ck_strerror(res->status));
    } else {
        bind_s(s, 10, f->filing_id);
        bind_s(s, 11, f->report_type);
        bind_s(s, 12, f->period_start);
        bind_s(s, 13, f->period_end);
        bind_s(s, 14, f->submitted);
        bind_s(s, 15, f->fund_uscc);
        bind_s(s, 16, f->fund_name);
        bind_s(s, 17, f->fund_type);
        bind_s(s, 18, f->legal_form);
        bind_s(s, 19, f->gov_level);
        bind_s(s, 20, f->region);
        bind_s(s, 21, f->paid_in);
        bind_s(s, 22, f->filer_uscc);
        bind_s(s, 24, res->rule_errors);
    }
    if (run(st, s) != CK_OK)
        return CK_EDB;
    long long pk = replace_pk >= 0 ? replace_pk : sqlite3_last_insert_rowid(st->db);
    *out_pk = pk;
    if (f == NULL)
        return CK_OK;
    for (size_t i = 0; i < f->n_holdings; i++) {
        const struct ck_holding_row *h = &f->holdings[i];
        if ((s = stmt(st, S_INS_HOLDING)) == NULL)
            return CK_EDB;
        char *xp = holding_xpath(i, f->n_holdings);
        sqlite3_bind_int64(s, 1, pk);
        sqlite3_bind_int64(s, 2, (long long)i + 1);
        bind_s(s, 3, h->id);
        bind_s(s, 4, h->category);
        bind_s(s, 5, h->role);
        bind_s(s, 6, h->investee_uscc);
        bind_s(s, 7, h->investee_name);
        bind_s(s, 8, h->industry);
        bind_s(s, 9, h->invested);
        char *end = NULL;
        double v = strtod(h->invested, &end);
        if (*h->invested && end && *end == '\0')
            sqlite3_bind_double(s, 10, v);
        bind_s(s, 11, h->acq_method);
        bind_s(s, 12, h->acq_date);
        bind_s(s, 13, h->instrument_type);
        bind_s(s, 14, h->instrument_code);
        bind_s(s, 15, h->catalog_class);
        sqlite3_bind_int64(s, 16, h->line);
        bind_s(s, 17, xp);
        int rc = run(st, s);
        free(xp);
        if (rc != CK_OK)
            return rc;
    }
    for (size_t i = 0; i < f->n_exemptions; i++) {
        const struct ck_exemption *x = &f->exemptions[i];
        if ((s = stmt(st, S_INS_EXEMPTION)) == NULL)
            return CK_EDB;
        sqlite3_bind_int64(s, 1, pk);
        sqlite3_bind_int64(s, 2, (long long)i + 1);
        bind_s(s, 3, x->rule ? x->rule : "");
        bind_s(s, 4, x->holding);
        bind_s(s, 5, x->authority);
        bind_s(s, 6, x->document);
        bind_s(s, 7, x->from);
        bind_s(s, 8, x->until);
        sqlite3_bind_int64(s, 9, x->line);
        if (run(st, s) != CK_OK)
            return CK_EDB;
    }
    for (size_t i = 0; i < res->findings.n; i++)
        if (insert_finding(st, pk, (long long)i + 1, &res->findings.v[i], 0) != CK_OK)
            return CK_EDB;
    return CK_OK;
}

static int insert_run_filing(struct ck_store *st, long long pk, const char *outcome)
{
    sqlite3_stmt *s = stmt(st, S_INS_RUN_FILING);
    if (s == NULL)
        return CK_EDB;
    sqlite3_bind_int64(s, 1, st->run_id);
    sqlite3_bind_int64(s, 2, pk);
    bind_s(s, 3, outcome);
    return run(st, s);
}

void ck_store_set_batch(struct ck_store *st, int max_filings)
{
    st->batch_max = max_filings > 1 ? max_filings : 1;
}

int ck_store_pending(const struct ck_store *st)
{
    return st->in_batch ? st->batch_n : 0;
}

int ck_store_flush(struct ck_store *st)
{
    if (!st->in_batch)
        return CK_OK;
    st->in_batch = 0;
    st->batch_n = 0;
    if (sqlite3_get_autocommit(st->db))
        return CK_OK; /* SQLite rolled the transaction back itself (e.g. disk full) */
    if (run(st, stmt(st, S_COMMIT)) != CK_OK) {
        char *keep = ck_strdup(ck_store_errmsg(st));
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        free(st->err);
        st->err = keep;
        return CK_EDB;
    }
    return CK_OK;
}

/* One filing's rows: put_rows inside a savepoint of the batch transaction. */
static int put_rows(struct ck_store *st, const char *path, const char *sha256,
                    const struct ck_result *res, int pre_skipped, int *out_outcome);

int ck_store_put(struct ck_store *st, const char *path, const char *sha256,
                 const struct ck_result *res, int pre_skipped, int *out_outcome)
{
    *out_outcome = CK_STORE_SKIPPED;
    if (!st->in_batch) {
        if (run(st, stmt(st, S_BEGIN)) != CK_OK)
            return CK_EDB;
        st->in_batch = 1;
        st->batch_n = 0;
    }
    if (run(st, stmt(st, S_SAVEPOINT)) != CK_OK)
        goto fail;
    if (put_rows(st, path, sha256, res, pre_skipped, out_outcome) != CK_OK) {
        /* Undo this filing only; the earlier filings of the batch are whole
         * and are committed. */
        char *keep = ck_strdup(ck_store_errmsg(st));
        if (!sqlite3_get_autocommit(st->db)) {
            sqlite3_exec(st->db, "ROLLBACK TO ck_filing; RELEASE ck_filing", NULL, NULL, NULL);
            ck_store_flush(st);
        }
        st->in_batch = 0;
        st->batch_n = 0;
        free(st->err);
        st->err = keep;
        *out_outcome = CK_STORE_SKIPPED;
        return CK_EDB;
    }
    if (run(st, stmt(st, S_RELEASE)) != CK_OK)
        goto fail;
    if (++st->batch_n >= st->batch_max)
        return ck_store_flush(st);
    return CK_OK;
fail:
    if (!sqlite3_get_autocommit(st->db)) {
        char *keep = ck_strdup(ck_store_errmsg(st));
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        free(st->err);
        st->err = keep;
    }
    st->in_batch = 0;
    st->batch_n = 0;
    return CK_EDB;
}

static int put_rows(struct ck_store *st, const char *path, const char *sha256,
                    const struct ck_result *res, int pre_skipped, int *out_outcome)
{
    long long pk = -1, pk_run = -1;
    if (*sha256) {
        sqlite3_stmt *s = stmt(st, S_FIND_KEY);
        if (s == NULL)
            return CK_EDB;
        bind_s(s, 1, sha256);
        bind_s(s, 2, st->ruleset);
        bind_s(s, 3, st->catalog_version);
        int step = sqlite3_step(s);
        if (step == SQLITE_ROW) {
            pk = sqlite3_column_int64(s, 0);
            pk_run = sqlite3_column_int64(s, 1);
        }
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (step != SQLITE_ROW && step != SQLITE_DONE) {
            set_err(st, "数据库查询失败", "database query failed");
            return CK_EDB;
        }
    }
    if (pre_skipped || res == NULL || (pk >= 0 && (!st->force || pk_run == st->run_id))) {
        /* Recorded already (by an earlier run, or earlier in this one under another path). */
        if (pk >= 0 && insert_run_filing(st, pk, "skipped") != CK_OK)
            return CK_EDB;
        *out_outcome = CK_STORE_SKIPPED;
        return CK_OK;
    }
    if (pk >= 0) {
        /* --force: the row stays (runs that saw it keep it); its content is replaced. */
        static const char *const children[] = {"DELETE FROM holdings WHERE filing_pk = ?1",
                                               "DELETE FROM exemptions WHERE filing_pk = ?1",
                                               "DELETE FROM findings WHERE filing_pk = ?1"};
        for (size_t i = 0; i < CK_ARRAY_LEN(children); i++) {
            sqlite3_stmt *d = NULL;
            if (sqlite3_prepare_v2(st->db, children[i], -1, &d, NULL) != SQLITE_OK) {
                set_err(st, "数据库语句准备失败", "cannot prepare a database statement");
                return CK_EDB;
            }
            sqlite3_bind_int64(d, 1, pk);
            int step = sqlite3_step(d);
            sqlite3_finalize(d);
            if (step != SQLITE_DONE) {
                set_err(st, "数据库写入失败", "database write failed");
                return CK_EDB;
            }
        }
    }
    if (*sha256 == '\0') {
        sqlite3_stmt *s = stmt(st, S_DEL_PATH_ERR);
        if (s == NULL)
            return CK_EDB;
        bind_s(s, 1, path);
        if (run(st, s) != CK_OK)
            return CK_EDB;
    }
    long long new_pk;
    if (insert_rows(st, path, sha256, res, pk, &new_pk) != CK_OK)
        return CK_EDB;
    int outcome = res->status == CK_OK ? CK_STORE_CHECKED : CK_STORE_ERROR;
    if (insert_run_filing(st, new_pk, outcome == CK_STORE_CHECKED ? "checked" : "error") != CK_OK)
        return CK_EDB;
    *out_outcome = outcome;
    return CK_OK;
}

int ck_store_run_status(struct ck_store *st, int fail_on, long long *out_errors,
                        long long *out_failing)
{
    static const char q_err[] =
        "SELECT count(*) FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk"
        " WHERE rf.run_id = ?1 AND f.status = 'error'";
    static const char q_fail[] =
        "SELECT count(*) FROM run_filings rf JOIN findings fi ON fi.filing_pk = rf.filing_pk"
        " WHERE rf.run_id = ?1 AND fi.exempted = 0 AND fi.severity_rank >= ?2";
    long long *outs[2] = {out_errors, out_failing};
    const char *qs[2] = {q_err, q_fail};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(st->db, qs[i], -1, &s, NULL) != SQLITE_OK) {
            set_err(st, "数据库查询失败", "database query failed");
            return CK_EDB;
        }
        sqlite3_bind_int64(s, 1, st->run_id);
        sqlite3_bind_int(s, 2, fail_on);
        int rc = sqlite3_step(s);
        *outs[i] = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
        sqlite3_finalize(s);
        if (rc != SQLITE_ROW) {
            set_err(st, "数据库查询失败", "database query failed");
            return CK_EDB;
        }
    }
    return CK_OK;
}

/* ---- look-through over the database ----
 *
 * The graph is held compactly, whatever the size of the database: per
 * current filing its row id, a reachability flag and its resolved edges
 * (holding seq, child node), i.e. a few dozen bytes per filing. The child
 * of each edge is resolved in SQL over a temporary table of the current
 * filings (temp storage, bounded page cache). Strings are fetched only for
 * what is being written: the exposures of a node when the walk visits it,
 * the fund labels on the current path, the parent's holding; and the derived
 * findings of one parent at a time are exempted, sorted, written and freed.
 * The walk is the same as ck_lookthrough_run's (lookthrough.c), node order
 * and tie-breaks included, so the derived findings are the same.
 */

struct lt_cedge {
    int seq;   /* the parent's holding (holdings.seq) */
    int child; /* resolved child node */
};

struct lt_cnode {
    long long pk;
    size_t first_edge, n_edges;
    unsigned char has_x, reach;
};

struct lt_label {
    char *name, *uscc; /* owned; "" for NULL */
};

struct lt_walk {
    struct ck_store *st;
    const struct ck_engine *eng;
    struct ck_evaluator *ev;
    struct lt_cnode *nodes; /* owned */
    size_t n;
    struct lt_cedge *edges; /* owned */
    size_t n_edges;
    size_t *path;            /* owned; node indices from the parent down */
    struct lt_label *labels; /* owned; parallel to path */
    size_t depth;
    struct ck_lt_edge edge;  /* the parent's holding of the current top-level edge (strings owned) */
    struct ck_findings derived; /* of the current parent */
    sqlite3_stmt *q_label, *q_xs;
    int failed;
};

static char *col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return ck_strdup(t ? (const char *)t : "");
}

static char *col_dup_null(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? ck_strdup((const char *)t) : NULL;
}

static int load_exemptions(struct ck_store *st, long long pk, struct ck_exemption **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT rule, holding_id, authority, document, valid_from, valid_until, line"
                           " FROM exemptions WHERE filing_pk = ?1 ORDER BY seq",
                           -1, &s, NULL) != SQLITE_OK) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    sqlite3_bind_int64(s, 1, pk);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = ck_reallocarray(*out, *n + 1, sizeof **out);
        struct ck_exemption *x = &(*out)[(*n)++];
        x->rule = col_dup(s, 0);
        x->holding = col_dup_null(s, 1);
        x->authority = col_dup_null(s, 2);
        x->document = col_dup_null(s, 3);
        x->from = col_dup_null(s, 4);
        x->until = col_dup_null(s, 5);
        x->line = sqlite3_column_int64(s, 6);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    return CK_OK;
}

static void free_exemptions(struct ck_exemption *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(x[i].rule);
        free(x[i].holding);
        free(x[i].authority);
        free(x[i].document);
        free(x[i].from);
        free(x[i].until);
    }
    free(x);
}

static void lt_edge_clear(struct ck_lt_edge *e)
{
    free((char *)e->holding);
    free((char *)e->xpath);
    memset(e, 0, sizeof *e);
}

static void lt_walk_free(struct lt_walk *w)
{
    free(w->nodes);
    free(w->edges);
    free(w->path);
    if (w->labels)
        for (size_t i = 0; i < w->depth; i++) {
            free(w->labels[i].name);
            free(w->labels[i].uscc);
        }
    free(w->labels);
    lt_edge_clear(&w->edge);
    ck_findings_fini(&w->derived);
    sqlite3_finalize(w->q_label);
    sqlite3_finalize(w->q_xs);
}

/* Runs SQL that returns no rows. */
static int lt_exec(struct lt_walk *w, const char *sql)
{
    if (sqlite3_exec(w->st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
        w->failed = 1;
        return CK_EDB;
    }
    return CK_OK;
}

/* The compact graph: nodes in the order (fund, period end, period start,
 * sha256) of lookthrough.c's index, edges resolved to the latest current
 * filing of the investee whose period ends at or before the parent's. */
static int lt_load(struct lt_walk *w)
{
    struct ck_store *st = w->st;
    const struct ck_ruleset *rs = w->eng->rules;
    sqlite3_stmt *s = NULL;
    int rc;
    if (lt_exec(w, "DROP TABLE IF EXISTS temp.lt_node; DROP TABLE IF EXISTS temp.lt_rule;"
                   " CREATE TEMP TABLE lt_node (idx INTEGER PRIMARY KEY, pk INTEGER NOT NULL,"
                   " uscc TEXT NOT NULL, period_end TEXT NOT NULL);"
                   " CREATE TEMP TABLE lt_rule (rule_id TEXT PRIMARY KEY) WITHOUT ROWID;"
                   " INSERT INTO lt_node (pk, uscc, period_end)"
                   " SELECT filing_pk, coalesce(fund_uscc, ''), coalesce(period_end, '')"
                   " FROM v_current_filings ORDER BY fund_uscc, period_end, period_start, sha256, filing_pk;"
                   " CREATE INDEX temp.lt_node_fund ON lt_node (uscc, period_end);") != CK_OK)
        goto fail;
    /* The rules whose findings a look-through rule covers. */
    if (sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO lt_rule (rule_id) VALUES (?1)", -1, &s, NULL) != SQLITE_OK)
        goto fail;
    for (size_t i = 0; i < rs->n_rules; i++) {
        const struct ck_rule *r = &rs->rules[i];
        if (r->lookthrough || ck_lookthrough_rule_for(rs, r->category) == NULL ||
            ck_rules_find(rs, r->id) != r)
            continue;
        bind_s(s, 1, r->id);
        rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(s);
    s = NULL;

    size_t cap = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT n.idx, n.pk, EXISTS (SELECT 1 FROM findings f WHERE f.filing_pk = n.pk"
                           " AND f.derived = 0 AND f.exempted = 0 AND f.severity_rank >= 1"
                           " AND f.rule_id IN (SELECT rule_id FROM lt_rule)) FROM lt_node n ORDER BY n.idx",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (sqlite3_column_int64(s, 0) != (long long)w->n + 1)
            goto fail; /* idx is 1, 2, … in order */
        if (w->n == cap) {
            cap = cap ? 2 * cap : 256;
            w->nodes = ck_reallocarray(w->nodes, cap, sizeof *w->nodes);
        }
        struct lt_cnode *nd = &w->nodes[w->n++];
        memset(nd, 0, sizeof *nd);
        nd->pk = sqlite3_column_int64(s, 1);
        nd->has_x = sqlite3_column_int(s, 2) != 0;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE)
        goto fail;

    cap = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT p.idx, h.seq, (SELECT c.idx FROM lt_node c WHERE c.uscc = h.investee_uscc"
                           " AND c.period_end <= p.period_end ORDER BY c.period_end DESC, c.idx DESC LIMIT 1)"
                           " FROM lt_node p JOIN holdings h ON h.filing_pk = p.pk"
                           " WHERE h.category = 'fund' AND h.investee_uscc <> '' ORDER BY p.idx, h.seq",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (sqlite3_column_type(s, 2) == SQLITE_NULL)
            continue; /* no filing of that fund: nothing to look through */
        long long p = sqlite3_column_int64(s, 0) - 1, c = sqlite3_column_int64(s, 2) - 1;
        if (p < 0 || (size_t)p >= w->n || c < 0 || (size_t)c >= w->n)
            goto fail;
        if (w->n_edges == cap) {
            cap = cap ? 2 * cap : 256;
            w->edges = ck_reallocarray(w->edges, cap, sizeof *w->edges);
        }
        struct lt_cnode *nd = &w->nodes[p];
        if (nd->n_edges == 0)
            nd->first_edge = w->n_edges;
        nd->n_edges++;
        struct lt_cedge *e = &w->edges[w->n_edges++];
        e->seq = sqlite3_column_int(s, 1);
        e->child = (int)c;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE)
        goto fail;
    if (lt_exec(w, "DROP TABLE temp.lt_node; DROP TABLE temp.lt_rule") != CK_OK)
        goto fail;

    /* Which nodes can reach an exposure at all (a fixed point over the edges). */
    for (size_t i = 0; i < w->n; i++)
        w->nodes[i].reach = w->nodes[i].has_x;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < w->n; i++) {
            struct lt_cnode *nd = &w->nodes[i];
            for (size_t e = 0; e < nd->n_edges && !nd->reach; e++)
                if (w->nodes[w->edges[nd->first_edge + e].child].reach) {
                    nd->reach = 1;
                    changed = 1;
                }
        }
    }
    if (sqlite3_prepare_v2(st->db, "SELECT fund_name, fund_uscc FROM filings WHERE filing_pk = ?1", -1,
                           &w->q_label, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "SELECT rule_id, severity_rank, item, message_zh, message_en FROM findings"
                           " WHERE filing_pk = ?1 AND derived = 0 AND exempted = 0 AND severity_rank >= 1"
                           " ORDER BY seq",
                           -1, &w->q_xs, NULL) != SQLITE_OK)
        goto fail;
    w->path = ck_calloc(w->n + 2, sizeof *w->path);
    w->labels = ck_calloc(w->n + 2, sizeof *w->labels);
    return CK_OK;
fail:
    sqlite3_finalize(s);
    set_err(st, "读取穿透关系失败", "cannot read the look-through graph");
    w->failed = 1;
    return CK_EDB;
}

/* Pushes node onto the path with its label. */
static int lt_push(struct lt_walk *w, size_t node)
{
    struct lt_label *l = &w->labels[w->depth];
    sqlite3_stmt *s = w->q_label;
    sqlite3_bind_int64(s, 1, w->nodes[node].pk);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        l->name = col_dup(s, 0);
        l->uscc = col_dup(s, 1);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW) {
        set_err(w->st, "读取穿透关系失败", "cannot read the look-through graph");
        w->failed = 1;
        return CK_EDB;
    }
    w->path[w->depth++] = node;
    return CK_OK;
}

static void lt_pop(struct lt_walk *w)
{
    struct lt_label *l = &w->labels[--w->depth];
    free(l->name);
    free(l->uscc);
    l->name = l->uscc = NULL;
}

static void free_exposures(struct ck_lt_exposure *xs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)xs[i].item);
        free((char *)xs[i].message[CK_LANG_ZH]);
        free((char *)xs[i].message[CK_LANG_EN]);
    }
    free(xs);
}

/* The exposures of a node, in finding order (as lookthrough.c sees them). */
static int lt_exposures(struct lt_walk *w, size_t node, struct ck_lt_exposure **out, size_t *n_out)
{
    const struct ck_ruleset *rs = w->eng->rules;
    struct ck_lt_exposure *xs = NULL;
    size_t n = 0, cap = 0;
    sqlite3_stmt *s = w->q_xs;
    sqlite3_bind_int64(s, 1, w->nodes[node].pk);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const struct ck_rule *r = ck_rules_find(rs, (const char *)sqlite3_column_text(s, 0));
        if (r == NULL || r->lookthrough || ck_lookthrough_rule_for(rs, r->category) == NULL)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            xs = ck_reallocarray(xs, cap, sizeof *xs);
        }
        struct ck_lt_exposure *x = &xs[n++];
        x->rule = r;
        x->severity = sqlite3_column_int(s, 1);
        x->item = col_dup_null(s, 2);
        x->message[CK_LANG_ZH] = col_dup(s, 3);
        x->message[CK_LANG_EN] = col_dup(s, 4);
    }
    sqlite3_reset(s);
    *out = xs;
    *n_out = n;
    if (rc != SQLITE_DONE) {
        set_err(w->st, "读取穿透关系失败", "cannot read the look-through graph");
        w->failed = 1;
        return CK_EDB;
    }
    return CK_OK;
}

static void lt_visit(struct lt_walk *w, size_t node)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->path[i] == node)
            return; /* a cycle: this fund is already on the path */
    if (lt_push(w, node) != CK_OK)
        return;
    const struct lt_cnode *c = &w->nodes[node];
    struct ck_lt_exposure *xs = NULL;
    size_t n_xs = 0;
    if (c->has_x && lt_exposures(w, node, &xs, &n_xs) != CK_OK) {
        free_exposures(xs, n_xs);
        lt_pop(w);
        return;
    }
    const struct lt_label *self = &w->labels[w->depth - 1];
    struct ck_lt_node source;
    memset(&source, 0, sizeof source);
    source.uscc = self->uscc;
    source.name = self->name;
    for (size_t k = 0; k < n_xs; k++) {
        struct ck_lt_exposure x_best;
        if (!ck_lookthrough_pick(xs, n_xs, k, &x_best))
            continue;
        const struct ck_rule *lt = ck_lookthrough_rule_for(w->eng->rules, x_best.rule->category);
        if (lt == NULL)
            continue;
        struct ck_buf chain;
        ck_buf_init(&chain);
        for (size_t i = 0; i < w->depth; i++) {
            const struct lt_label *l = &w->labels[i];
            ck_buf_printf(&chain, "%s（%s）", *l->name ? l->name : "?", l->uscc);
            ck_buf_adds(&chain, " → ");
        }
        ck_buf_printf(&chain, "%s %s", w->eng->lang == CK_LANG_EN ? "holding" : "持仓",
                      x_best.item ? x_best.item : "-");
        struct ck_finding *f = ck_findings_add(&w->derived);
        if (f != NULL)
            ck_lookthrough_fill(w->ev, f, &w->edge, &source, &x_best, lt, ck_buf_str(&chain));
        ck_buf_fini(&chain);
    }
    free_exposures(xs, n_xs);
    for (size_t e = 0; e < c->n_edges && !w->failed; e++) {
        size_t d = (size_t)w->edges[c->first_edge + e].child;
        if (w->nodes[d].reach)
            lt_visit(w, d);
    }
    lt_pop(w);
}

/* The parent's holding an edge starts from. */
static int lt_fetch_edge(struct lt_walk *w, long long pk, int seq)
{
    lt_edge_clear(&w->edge);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(w->st->db, "SELECT holding_id, line, xpath FROM holdings WHERE filing_pk = ?1 AND seq = ?2",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, pk);
    sqlite3_bind_int(s, 2, seq);
    if (sqlite3_step(s) != SQLITE_ROW)
        goto fail;
    w->edge.holding = col_dup(s, 0);
    w->edge.line = sqlite3_column_int64(s, 1);
    w->edge.xpath = col_dup(s, 2);
    sqlite3_finalize(s);
    return CK_OK;
fail:
    sqlite3_finalize(s);
    set_err(w->st, "读取穿透关系失败", "cannot read the look-through graph");
    w->failed = 1;
    return CK_EDB;
}

/* Exempts, sorts and writes the derived findings of one parent. */
static int lt_flush(struct lt_walk *w, size_t p, size_t *out_n)
{
    struct ck_store *st = w->st;
    if (w->derived.n == 0)
        return CK_OK;
    long long pk = w->nodes[p].pk;
    sqlite3_stmt *s = NULL;
    char *ps = NULL, *pe = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT period_start, period_end FROM filings WHERE filing_pk = ?1", -1,
                           &s, NULL) != SQLITE_OK) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    sqlite3_bind_int64(s, 1, pk);
    if (sqlite3_step(s) == SQLITE_ROW) {
        ps = col_dup(s, 0);
        pe = col_dup(s, 1);
    }
    sqlite3_finalize(s);
    if (ps == NULL) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    struct ck_exemption *xs;
    size_t n_xs;
    int rc = load_exemptions(st, pk, &xs, &n_xs);
    if (rc == CK_OK) {
        ck_findings_apply_exemptions(&w->derived, xs, n_xs, ps, pe, w->eng->lang);
        free_exemptions(xs, n_xs);
        ck_findings_sort(&w->derived);
        for (size_t k = 0; k < w->derived.n && rc == CK_OK; k++) {
            rc = insert_finding(st, pk, 1000000 + (long long)k, &w->derived.v[k], 1);
            if (rc == CK_OK)
                (*out_n)++;
        }
    }
    free(ps);
    free(pe);
    ck_findings_fini(&w->derived);
    ck_findings_init(&w->derived);
    return rc;
}

int ck_store_lookthrough(struct ck_store *st, const struct ck_engine *eng, struct ck_evaluator *ev,
                         size_t *out_n)
{
    *out_n = 0;
    struct lt_walk w;
    memset(&w, 0, sizeof w);
    w.st = st;
    w.eng = eng;
    w.ev = ev;
    ck_findings_init(&w.derived);
    if (ck_store_flush(st) != CK_OK || run(st, stmt(st, S_BEGIN)) != CK_OK)
        return CK_EDB;
    if (exec(st, "DELETE FROM findings WHERE derived = 1") != CK_OK)
        goto fail;
    if (lt_load(&w) != CK_OK)
        goto fail;
    for (size_t p = 0; p < w.n; p++) {
        const struct lt_cnode *nd = &w.nodes[p];
        int pushed = 0;
        for (size_t e = 0; e < nd->n_edges; e++) {
            const struct lt_cedge *ed = &w.edges[nd->first_edge + e];
            size_t c = (size_t)ed->child;
            if (c == p || !w.nodes[c].reach)
                continue;
            if (!pushed) {
                if (lt_push(&w, p) != CK_OK)
                    goto fail;
                pushed = 1;
            }
            if (lt_fetch_edge(&w, nd->pk, ed->seq) != CK_OK)
                goto fail;
            lt_visit(&w, c);
            if (w.failed)
                goto fail;
        }
        if (pushed)
            lt_pop(&w);
        if (lt_flush(&w, p, out_n) != CK_OK)
            goto fail;
    }
    if (run(st, stmt(st, S_COMMIT)) != CK_OK)
        goto fail;
    lt_walk_free(&w);
    return CK_OK;
fail:
    if (w.failed && (st->err == NULL || *st->err == '\0'))
        set_err(st, "读取穿透关系失败", "cannot read the look-through graph");
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    lt_walk_free(&w);
    return CK_EDB;
}

/* ---- worker-side reader ---- */

struct ck_store_reader {
    sqlite3 *db;
    sqlite3_stmt *seen;
};

int ck_store_reader_open(const char *path, const struct ck_engine *eng, long long run_id,
                         struct ck_store_reader **out)
{
    *out = NULL;
    struct ck_store_reader *rd = ck_calloc(1, sizeof *rd);
    if (sqlite3_open_v2(path, &rd->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_busy_timeout(rd->db, 30000);
    /* Key look-ups only: a small page cache (one per worker). */
    sqlite3_exec(rd->db, "PRAGMA cache_size = -512", NULL, NULL, NULL);
    if (sqlite3_prepare_v2(rd->db,
                           "SELECT 1 FROM filings WHERE sha256 = ?1 AND ruleset_hash = ?2"
                           " AND catalog_version = ?3 AND run_id <> ?4 LIMIT 1",
                           -1, &rd->seen, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_text(rd->seen, 2, eng->rules->version, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(rd->seen, 3, ck_store_catalog_version(eng), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(rd->seen, 4, run_id);
    *out = rd;
    return CK_OK;
fail:
    ck_store_reader_close(rd);
    return CK_EDB;
}

int ck_store_reader_seen(struct ck_store_reader *rd, const char *sha256)
{
    if (rd == NULL || *sha256 == '\0')
        return 0;
    sqlite3_bind_text(rd->seen, 1, sha256, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(rd->seen);
    sqlite3_reset(rd->seen);
    return rc == SQLITE_ROW;
}

void ck_store_reader_close(struct ck_store_reader *rd)
{
    if (rd == NULL)
        return;
    sqlite3_finalize(rd->seen);
    sqlite3_close(rd->db);
    free(rd);
}

/* ---- deterministic dump ---- */

static void dump_value(FILE *out, const unsigned char *v)
{
    if (v == NULL) {
        fputs("\\N", out);
        return;
    }
    for (; *v; v++) {
        if (*v == '\t')
            fputs("\\t", out);
        else if (*v == '\n')
            fputs("\\n", out);
        else if (*v == '\\')
            fputs("\\\\", out);
        else
            fputc(*v, out);
    }
}

static int dump_query(struct ck_store *st, FILE *out, const char *title, const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    fprintf(out, "# %s\n", title);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int nc = sqlite3_column_count(s);
        for (int i = 0; i < nc; i++) {
            if (i)
                fputc('\t', out);
            dump_value(out, sqlite3_column_text(s, i));
        }
        fputc('\n', out);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        set_err(st, "数据库查询失败", "database query failed");
        return CK_EDB;
    }
    return CK_OK;
}

int ck_store_dump(struct ck_store *st, FILE *out)
{
    static const char *const q[][2] = {
        {"filings",
         "SELECT path, sha256, status, error_line, error_message, filing_id, report_type, period_start,"
         " period_end, fund_uscc, fund_name, fund_type, gov_level, region, n_holdings FROM filings"
         " ORDER BY path, sha256, ruleset_hash, catalog_version"},
        {"holdings",
         "SELECT f.path, h.seq, h.holding_id, h.category, h.role, h.investee_uscc, h.investee_name,"
         " h.industry, h.invested, h.acq_method, h.acq_date, h.instrument_type, h.instrument_code,"
         " h.catalog_class, h.line, h.xpath FROM holdings h JOIN filings f ON f.filing_pk = h.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, h.seq"},
        {"exemptions",
         "SELECT f.path, x.seq, x.rule, x.holding_id, x.authority, x.document, x.valid_from,"
         " x.valid_until, x.line FROM exemptions x JOIN filings f ON f.filing_pk = x.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, x.seq"},
        {"findings",
         "SELECT f.path, fi.line, fi.rule_id, fi.category, fi.severity, fi.holding_id, fi.item,"
         " fi.xpath, fi.derived, fi.chain, fi.exempted, fi.exempted_by, fi.message_zh, fi.message_en,"
         " fi.evidence_zh FROM findings fi JOIN filings f ON f.filing_pk = fi.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, fi.derived, fi.line,"
         " fi.rule_id, fi.xpath, fi.chain, fi.message_zh, fi.evidence_zh"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(q); i++)
        if (dump_query(st, out, q[i][0], q[i][1]) != CK_OK)
            return CK_EDB;
    return CK_OK;
}
