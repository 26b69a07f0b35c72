/* SPDX-License-Identifier: MIT */
/* Unit tests of the findings database (checker/store.c). */
#include "ck_test.h"

#include "ck.h"
#include "engine.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A fresh temporary directory; path written to out. */
static void tmpdir(char out[64])
{
    snprintf(out, 64, "/tmp/ck-store-XXXXXX");
    if (mkdtemp(out) == NULL)
        out[0] = '\0';
}

static void cleanup(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", dir);
}

static long long count(struct ck_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    long long v = -1;
    if (sqlite3_prepare_v2(ck_store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) == SQLITE_OK)
        sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_close(db);
}

CK_TEST(store_create_and_reopen)
{
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/a.db", dir);
    struct ck_store *st = NULL;
    char *err = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_CREATE, CK_LANG_EN, &st, &err), CK_OK);
    CHECK(st != NULL && err == NULL);
    if (st) {
        CHECK_INT_EQ(ck_store_schema_version(st), CK_STORE_SCHEMA_VERSION);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM sqlite_master WHERE name = 'v_findings'"), 1);
        CHECK_INT_EQ(count(st, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    }
    ck_store_close(st);
    st = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_EXISTING, CK_LANG_EN, &st, &err), CK_OK);
    ck_store_close(st);
    cleanup(dir);
}

CK_TEST(store_missing_database_not_created)
{
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/missing.db", dir);
    struct ck_store *st = NULL;
    char *err = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_EXISTING, CK_LANG_ZH, &st, &err), CK_EDB);
    CHECK(st == NULL && err != NULL && strstr(err, "无法打开数据库") != NULL);
    CHECK(access(path, F_OK) != 0);
    free(err);
    snprintf(path, sizeof path, "%s/no/such/dir/x.db", dir);
    CHECK_STATUS(ck_store_open(path, CK_STORE_CREATE, CK_LANG_EN, &st, &err), CK_EDB);
    CHECK(err != NULL && strstr(err, "cannot open database") != NULL);
    free(err);
    cleanup(dir);
}

CK_TEST(store_refuses_newer_schema)
{
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/new.db", dir);
    raw_exec(path, "CREATE TABLE future (x); PRAGMA user_version = 42");
    struct ck_store *st = NULL;
    char *err = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_CREATE, CK_LANG_EN, &st, &err), CK_EDB);
    CHECK(err != NULL && strstr(err, "42") != NULL && strstr(err, "upgrade") != NULL);
    free(err);
    cleanup(dir);
}

static char *text_of(struct ck_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    char *v = NULL;
    if (sqlite3_prepare_v2(ck_store_db(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW &&
        sqlite3_column_text(s, 0))
        v = strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return v;
}

CK_TEST(store_migrates_forward)
{
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/old.db", dir);
    /* A version-2 database with one filing, a holding and two findings,
     * written with version 2's own DDL. */
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, ck_store_migration_sql(1), NULL, NULL, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(db, ck_store_migration_sql(2), NULL, NULL, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "PRAGMA user_version = 2;"
                       "INSERT INTO runs (run_id, tool_version, ruleset_hash, catalog_version, catalog_edition,"
                       " started_at, ended_at) VALUES (1, 'old', 'r', 'c', '', '2026-01-01', '2026-01-01');"
                       "INSERT INTO rules VALUES ('DRV-001', 'derivatives', 'violation', 't', 't', 'b', 0, 'r');"
                       "INSERT INTO filings (filing_pk, run_id, path, sha256, ruleset_hash, catalog_version,"
                       " status, fund_uscc, period_start, period_end, submitted_at, report_type, n_holdings)"
                       " VALUES (1, 1, 'a.xml', 'abc', 'r', 'c', 'checked', 'F1', '2026-01-01', '2026-03-31',"
                       " '2026-04-01', 'quarterly', 1);"
                       "INSERT INTO holdings (filing_pk, seq, holding_id, category, invested, invested_yuan, xpath)"
                       " VALUES (1, 1, 'H1', 'equity', '1234.5', 1234.5, '/filing/holdings/holding');"
                       "INSERT INTO findings (run_id, filing_pk, seq, rule_id, category, severity, severity_rank,"
                       " message_zh, message_en, evidence_zh, explanation) VALUES"
                       " (1, 1, 1, 'DRV-001', 'derivatives', 'violation', 2, '消息一', 'message one', '证据', 'x'),"
                       " (1, 1, 2, 'DRV-001', 'derivatives', 'violation', 2, '消息二', 'message two', '证据', NULL);",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    struct ck_store *st = NULL;
    char *err = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_EXISTING, CK_LANG_EN, &st, &err), CK_OK);
    if (st) {
        CHECK_INT_EQ(ck_store_schema_version(st), 4);
        /* 10 views of version 3, 7 of version 4 (v_holdings recreated) */
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM sqlite_master WHERE type = 'view'"), 17);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filing_metrics"), 0);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings WHERE eval_key LIKE 'v3:%'"), 1); /* checked again */
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM v_holdings WHERE fair_value IS NULL"), 1);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM findings"), 2);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM v_findings WHERE category = 'derivatives'"), 2);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM texts"), 2); /* 证据 once, x once */
        CHECK_INT_EQ(count(st, "SELECT invested_fen FROM holdings"), 123450);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM lt_pending WHERE fund_uscc = '*'"), 1);
        char *m = text_of(st, "SELECT group_concat(message_zh || '/' || message_en || '/' || evidence_zh, ';')"
                              " FROM (SELECT * FROM findings ORDER BY seq)");
        CHECK(m != NULL && strcmp(m, "消息一/message one/证据;消息二/message two/证据") == 0);
        free(m);
        m = text_of(st, "SELECT xpath FROM v_holdings");
        CHECK(m != NULL && strcmp(m, "/filing/holdings/holding") == 0);
        free(m);
        m = text_of(st, "SELECT status || ' ' || lookthrough FROM runs");
        CHECK(m != NULL && strcmp(m, "complete done") == 0);
        free(m);
    }
    ck_store_close(st);
    cleanup(dir);
}

CK_TEST(store_fen_is_exact)
{
    long long v = 0;
    CHECK(ck_store_parse_fen("1234.5", &v) && v == 123450);
    CHECK(ck_store_parse_fen("0.01", &v) && v == 1);
    CHECK(ck_store_parse_fen("-7", &v) && v == -700);
    CHECK(ck_store_parse_fen("99999999999999.99", &v) && v == 9999999999999999LL);
    CHECK(ck_store_parse_fen("1.230", &v) && v == 123);
    CHECK(!ck_store_parse_fen("1.235", &v));
    CHECK(!ck_store_parse_fen("", &v));
    CHECK(!ck_store_parse_fen("1e5", &v));
    CHECK(!ck_store_parse_fen("123456789012345678", &v));
}

CK_TEST(store_put_is_atomic_and_idempotent)
{
    struct ck_engine_opts eo = {NULL, NULL, CK_LANG_ZH, 0, NULL};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (ck_engine_open(&eo, &eng, &err) != CK_OK) {
        fprintf(stderr, "cannot open the engine: %s\n", err ? err : "");
        free(err);
        CHECK(0);
        return;
    }
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/p.db", dir);
    struct ck_store *st = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_CREATE, CK_LANG_ZH, &st, &err), CK_OK);
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, CK_LANG_ZH);
    struct ck_result res, bad;
    ck_check_path(eng, ev, "fixtures/derivatives.xml", &res);
    ck_check_path(eng, ev, "fixtures/no-such-file.xml", &bad);
    CHECK_INT_EQ(res.status, CK_OK);
    CHECK(bad.status != CK_OK);
    long long run = 0;
    int outcome = -1;
    if (st && res.status == CK_OK) {
        CHECK_STATUS(ck_store_begin_run(st, eng, "{}", 0, &run), CK_OK);
        CHECK_STATUS(ck_store_put(st, res.path, res.filing->sha256, &res, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_CHECKED);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM findings"), (long long)res.findings.n);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM holdings"), (long long)res.filing->n_holdings);
        /* The same content again: skipped, nothing duplicated. */
        CHECK_STATUS(ck_store_put(st, "copy.xml", res.filing->sha256, &res, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_SKIPPED);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings"), 1);
        /* A file that cannot be read: recorded in error, keyed by path. */
        CHECK_STATUS(ck_store_put(st, bad.path, "", &bad, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_ERROR);
        CHECK_STATUS(ck_store_put(st, bad.path, "", &bad, 0, &outcome), CK_OK);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings WHERE status = 'error'"), 1);
        CHECK_STATUS(ck_store_end_run(st, 1, 1, 1, (long long)res.findings.n, 0, 1), CK_OK);
        /* --force in a new run: re-checked in place, the first run keeps it. */
        CHECK_STATUS(ck_store_begin_run(st, eng, "{}", 1, &run), CK_OK);
        CHECK_STATUS(ck_store_put(st, res.path, res.filing->sha256, &res, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_CHECKED);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings WHERE status = 'checked'"), 1);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM run_filings WHERE outcome <> 'error'"), 2);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM findings"), (long long)res.findings.n);
        struct ck_store_tally ta;
        CHECK_STATUS(ck_store_run_tally(st, &ta), CK_OK);
        CHECK_INT_EQ(ta.errors, 0);
        long long n_fail = ck_store_tally_failing(&ta, CK_SEV_VIOLATION);
        CHECK(n_fail > 0);
        CHECK_INT_EQ(n_fail, count(st, "SELECT count(*) FROM findings WHERE exempted = 0 AND severity_rank = 2"));
        CHECK_INT_EQ(ck_store_tally_failing(&ta, CK_SEV_NOTICE),
                     count(st, "SELECT count(*) FROM findings WHERE exempted = 0"));
        ck_store_tally_fini(&ta);
        /* Without the cached tallies: counted from the rows, the same, and cached again. */
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filing_tally"), 2);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filing_tally WHERE error = 1"), 1);
        sqlite3_exec(ck_store_db(st), "DELETE FROM filing_tally", NULL, NULL, NULL);
        CHECK_STATUS(ck_store_run_tally(st, &ta), CK_OK);
        CHECK_INT_EQ(ck_store_tally_failing(&ta, CK_SEV_VIOLATION), n_fail);
        ck_store_tally_fini(&ta);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filing_tally"), 1);
    }
    ck_result_fini(&res);
    ck_result_fini(&bad);
    ck_eval_free(ev);
    ck_store_close(st);
    ck_engine_free(eng);
    cleanup(dir);
}

/* Several filings per transaction: each stays whole. A filing that fails
 * half-way is rolled back alone; the earlier ones of the batch are kept. */
CK_TEST(store_batch_keeps_each_filing_atomic)
{
    struct ck_engine_opts eo = {NULL, NULL, CK_LANG_ZH, 0, NULL};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (ck_engine_open(&eo, &eng, &err) != CK_OK) {
        fprintf(stderr, "cannot open the engine: %s\n", err ? err : "");
        free(err);
        CHECK(0);
        return;
    }
    char dir[64], path[128];
    tmpdir(dir);
    snprintf(path, sizeof path, "%s/b.db", dir);
    struct ck_store *st = NULL;
    CHECK_STATUS(ck_store_open(path, CK_STORE_CREATE, CK_LANG_EN, &st, &err), CK_OK);
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, CK_LANG_ZH);
    struct ck_result a, b;
    ck_check_path(eng, ev, "fixtures/derivatives.xml", &a);
    ck_check_path(eng, ev, "fixtures/public-stock.xml", &b);
    long long run = 0;
    int outcome = -1;
    if (st && a.status == CK_OK && b.status == CK_OK) {
        /* Fails at the last row of a filing named boom.xml. */
        raw_exec(path, "CREATE TRIGGER boom BEFORE INSERT ON run_filings WHEN"
                       " (SELECT path FROM filings WHERE filing_pk = NEW.filing_pk) = 'boom.xml'"
                       " BEGIN SELECT RAISE(ABORT, 'boom'); END");
        CHECK_STATUS(ck_store_begin_run(st, eng, "{}", 0, &run), CK_OK);
        ck_store_set_batch(st, 8);
        CHECK_STATUS(ck_store_put(st, a.path, a.filing->sha256, &a, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_CHECKED);
        CHECK_INT_EQ(ck_store_pending(st), 1);
        /* Not committed yet: another connection does not see it. */
        sqlite3 *other = NULL;
        long long seen = -1;
        if (sqlite3_open_v2(path, &other, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
            sqlite3_stmt *q = NULL;
            if (sqlite3_prepare_v2(other, "SELECT count(*) FROM filings", -1, &q, NULL) == SQLITE_OK &&
                sqlite3_step(q) == SQLITE_ROW)
                seen = sqlite3_column_int64(q, 0);
            sqlite3_finalize(q);
        }
        CHECK_INT_EQ(seen, 0);
        CHECK_STATUS(ck_store_put(st, "boom.xml", b.filing->sha256, &b, 0, &outcome), CK_EDB);
        CHECK(strstr(ck_store_errmsg(st), "boom") != NULL);
        CHECK_INT_EQ(ck_store_pending(st), 0);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings"), 1);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM findings"), (long long)a.findings.n);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM holdings"), (long long)a.filing->n_holdings);
        seen = -1;
        sqlite3_stmt *q = NULL;
        if (other && sqlite3_prepare_v2(other, "SELECT count(*) FROM filings", -1, &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            seen = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
        CHECK_INT_EQ(seen, 1);
        sqlite3_close(other);
        /* The batch goes on after the failure; flush commits it. */
        CHECK_STATUS(ck_store_put(st, b.path, b.filing->sha256, &b, 0, &outcome), CK_OK);
        CHECK_INT_EQ(outcome, CK_STORE_CHECKED);
        CHECK_INT_EQ(ck_store_pending(st), 1);
        CHECK_STATUS(ck_store_flush(st), CK_OK);
        CHECK_INT_EQ(ck_store_pending(st), 0);
        CHECK_INT_EQ(count(st, "SELECT count(*) FROM filings"), 2);
        CHECK_STATUS(ck_store_end_run(st, 2, 0, 0, 0, 0, 1), CK_OK);
    }
    ck_result_fini(&a);
    ck_result_fini(&b);
    ck_eval_free(ev);
    ck_store_close(st);
    ck_engine_free(eng);
    cleanup(dir);
}
