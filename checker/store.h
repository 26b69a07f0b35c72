/* SPDX-License-Identifier: MIT */
#ifndef CK_STORE_H
#define CK_STORE_H
/*
 * The findings database (SQLite): the last stage of `scan`, and what
 * `report` and `diff` read. docs/database.md documents the schema.
 *
 * - Schema: tables runs, rules, filings, run_filings, holdings, exemptions,
 *   finding_rows, messages, texts, lt_pending, meta, severities, plus views
 *   for auditors (findings among them). Versioned with PRAGMA user_version;
 *   ck_store_open migrates an older database forward (each step in its own
 *   transaction) and refuses a newer one.
 * - WAL journal, synchronous=NORMAL, foreign keys on, a busy timeout: an
 *   auditor's sqlite3 session can read while a scan writes, and a killed
 *   process loses at most the filings of the transaction being written
 *   (ck_store_set_batch). Connections are opened without SQLite's mutex
 *   (SQLITE_OPEN_NOMUTEX): each is used by one thread at a time.
 * - One writer connection per process (the scan's writer thread). Each
 *   filing is written by ck_store_put in its own savepoint of a BEGIN
 *   IMMEDIATE … COMMIT holding one or a few filings, so it is either wholly
 *   present or absent after kill -9. Prepared statements are kept on the
 *   handle and reused.
 * - Idempotency key: (sha256, eval_key), eval_key hashing the rule set,
 *   catalogue, tool version and evaluation-code id (ck_store_eval_key). A
 *   filing whose key is recorded is skipped unless forced; files that could
 *   not be read have sha256 '' and are keyed by path instead.
 * - Schema 3 stores a message as its rule's template plus the values, and
 *   evidence/explanations once per distinct text; the `findings` view gives
 *   the full text back. The handle caches template and text ids; both
 *   caches are dropped on every rollback.
 *
 * Errors: every function that can fail returns a ck_status (CK_EDB for
 * SQLite errors) and leaves a message (Chinese or English per the handle's
 * language) in ck_store_errmsg. Nothing here prints.
 */
#include "engine.h"

#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#define CK_STORE_SCHEMA_VERSION 4

struct ck_store;
struct sqlite3;

enum ck_store_mode {
    CK_STORE_CREATE = 0, /* read-write, created when missing (scan) */
    CK_STORE_EXISTING,   /* read-write when possible, read-only otherwise; must exist (report, diff) */
};

/* Opens (creating/migrating as the mode allows) the database at path. On
 * failure returns CK_EDB/CK_EIO and *errmsg (caller frees) says why; *out is
 * NULL. lang (CK_LANG_*) picks the language of error messages. */
int ck_store_open(const char *path, int mode, int lang, struct ck_store **out, char **errmsg);
void ck_store_close(struct ck_store *st);
/* The last error message (borrowed; valid until the next call on st). */
const char *ck_store_errmsg(const struct ck_store *st);
/* The underlying connection (borrowed), for read-only queries of report/diff. */
struct sqlite3 *ck_store_db(struct ck_store *st);
/* The DDL of migration step (1 … CK_STORE_SCHEMA_VERSION), for tests that
 * build an old database; NULL out of range. */
const char *ck_store_migration_sql(int step);
/* The schema version of the open database (after migration). */
int ck_store_schema_version(struct ck_store *st);

/* Starts a run: records tool version, rule-set hash, catalogue version and
 * editions, start time and options (a JSON text), and refreshes the rules
 * table from the rule set. force: re-check filings already recorded. */
int ck_store_begin_run(struct ck_store *st, const struct ck_engine *eng, const char *options_json,
                       int force, long long *out_run_id);
/* Ends the run: stores end time, the counts, whether it was interrupted
 * (status 'interrupted', else 'complete') and whether the look-through was
 * brought up to date ('done', else 'pending'). */
int ck_store_end_run(struct ck_store *st, long long n_checked, long long n_skipped,
                     long long n_errors, long long n_findings, int interrupted, int lookthrough_done);

/* What became of one input. */
enum ck_store_outcome {
    CK_STORE_CHECKED = 0, /* rows written */
    CK_STORE_ERROR,       /* written as a filing in error */
    CK_STORE_SKIPPED,     /* already recorded (same content, rule set and catalogue) */
    CK_STORE_OUTCOME_COUNT,
};

/* Writes one filing atomically. res is the checked result (or NULL when the
 * worker already knows the filing is recorded: pre_skipped); sha256 is the
 * hash of the file's bytes ("" when unreadable). *out_outcome says what
 * happened; when the filing was skipped, its recorded status decides
 * whether it counts as an error.
 *
 * Each filing is written in a savepoint of a transaction that may hold up
 * to the batch size of filings (ck_store_set_batch; 1 by default: one
 * transaction per filing). A filing that fails is rolled back alone and
 * the earlier filings of the batch are committed. The transaction is
 * committed when the batch is full, by ck_store_flush, and before the
 * look-through pass, the end of the run and closing; a process killed with
 * a batch open loses those filings whole (a re-run checks them again). */
int ck_store_put(struct ck_store *st, const char *path, const char *sha256,
                 const struct ck_result *res, int pre_skipped, int *out_outcome);
/* Filings per write transaction (default 1). */
void ck_store_set_batch(struct ck_store *st, int max_filings);
/* Number of filings written but not yet committed. */
int ck_store_pending(const struct ck_store *st);
/* Commits the open batch, if any. */
int ck_store_flush(struct ck_store *st);

/* Brings the look-through findings (findings.derived = 1) up to date, in
 * one transaction. Incremental (CK_STORE_LT_AUTO): only the funds recorded
 * in lt_pending since the last look-through (their filings changed) and
 * the funds that hold them at any depth are walked again, and nothing is
 * walked when nothing changed; everything is recomputed when asked
 * (CK_STORE_LT_FULL), after a migration, or when the evaluation key or the
 * language of the chains differs from the last look-through's. The result
 * is the same as a full recomputation. ev: an evaluator owned by the
 * calling thread. */
enum { CK_STORE_LT_AUTO = 0, CK_STORE_LT_FULL };
struct ck_store_lt_stats {
    int full;         /* everything was recomputed */
    size_t parents;   /* current filings walked */
    size_t n_derived; /* derived findings written */
};
int ck_store_lookthrough(struct ck_store *st, const struct ck_engine *eng, struct ck_evaluator *ev,
                         int mode, struct ck_store_lt_stats *out);

/* The evaluation key of filings checked by eng: the first 16 hex digits of
 * SHA-256 over the rule-set hash, catalogue version, tool version and
 * evaluation-code id. Part of the idempotency key. */
void ck_store_eval_key(const struct ck_engine *eng, char out[17]);
/* Parses an amount in CNY as filed (xs:decimal) into integer fen; 0 when it
 * is not a whole number of fen or out of range. */
int ck_store_parse_fen(const char *s, long long *out);

/* Exit-code inputs over the inputs the current run saw: filings in error,
 * and not-exempted findings at or above fail_on. */
int ck_store_run_status(struct ck_store *st, int fail_on, long long *out_errors,
                        long long *out_failing);

/* Read-only handle for a worker thread: answers "is this key recorded by an
 * earlier run?" without touching the writer. */
struct ck_store_reader;
int ck_store_reader_open(const char *path, const struct ck_engine *eng, long long run_id,
                         struct ck_store_reader **out);
/* 1 when (sha256, current rule set, catalogue) was recorded by another run. */
int ck_store_reader_seen(struct ck_store_reader *rd, const char *sha256);
/* Page cache of the handle in KiB (default 512). */
void ck_store_reader_set_cache(struct ck_store_reader *rd, int kib);
void ck_store_reader_close(struct ck_store_reader *rd);

/* The stat cache (table file_stat, not part of the versioned schema: a
 * cache that may be dropped at any time). A file whose path, size, mtime,
 * ctime, inode and device equal those recorded when its bytes were last
 * hashed, under the same evaluation key, is taken as unchanged without
 * reading it. Signatures are recorded only when the file's mtime and ctime
 * are at least CK_FILE_SIG_SETTLE_NS older than the moment of the stat
 * ("racily clean", as git says): a file rewritten within the timestamp
 * granularity of the previous scan is hashed again. A rewrite that keeps
 * size, mtime, ctime and inode is not detected; `scan --rehash` hashes
 * every file whatever the cache says. */
#define CK_FILE_SIG_SETTLE_NS 1000000000LL
struct ck_file_sig {
    int valid; /* 0: unknown, never matched or recorded */
    long long size, mtime_ns, ctime_ns, ino, dev;
};
/* Fills sig from sb taken at now_ns (CLOCK_REALTIME); not valid when racy. */
void ck_file_sig_from_stat(const struct stat *sb, long long now_ns, struct ck_file_sig *sig);
/* The stat cache in memory, for the walker of a re-run: one read of
 * file_stat (joined with the filings' key index) into a hash table of
 * (path, signature) -> filing, so that an unchanged file costs its stat and
 * a look-up in memory. Only signatures recorded under the current
 * evaluation key for a filing still recorded are loaded. Load it before
 * the run writes anything (its filings would otherwise be found too). */
struct ck_stat_cache;
int ck_stat_cache_load(const char *db_path, const struct ck_engine *eng, struct ck_stat_cache **out);
/* 1 when path's signature sig is in the cache; *out_pk is its filing. */
int ck_stat_cache_find(const struct ck_stat_cache *c, const char *path, const struct ck_file_sig *sig,
                       long long *out_pk);
size_t ck_stat_cache_size(const struct ck_stat_cache *c);
void ck_stat_cache_free(struct ck_stat_cache *c);
/* Records that the current run saw the recorded filings pks[0..n)
 * (ck_stat_cache_find), unchanged: one transaction for all of them,
 * committed before it returns (pks is sorted in place). */
int ck_store_put_unchanged(struct ck_store *st, long long *pks, size_t n);
/* ck_store_put that also records path's signature (when sig is valid and
 * the filing has a hash) in the filing's savepoint: never without it. */
int ck_store_put_sig(struct ck_store *st, const char *path, const char *sha256,
                     const struct ck_result *res, int pre_skipped, const struct ck_file_sig *sig,
                     int *out_outcome);

/* The catalogue version string the store keys on ("none" without catalogue). */
const char *ck_store_catalog_version(const struct ck_engine *eng);

/* Merging databases scanned elsewhere (`fundcheck merge`).
 * ck_store_check_shard: 0 (CK_OK) when path is a fundcheck database of the
 * current schema version; otherwise CK_EDB and *errmsg (caller frees) says
 * why (missing, not a fundcheck database, older or newer schema). It only
 * reads the shard.
 * ck_store_merge: copies into st, in one transaction, the filings of the
 * shard whose key st lacks (with their rows and the runs that saw them);
 * a filing already present is not copied again (merging twice changes
 * nothing). The funds of new filings are marked for look-through: call
 * ck_store_lookthrough afterwards. *out_new / *out_present: filings copied
 * / already present. Open the shard with ck_store_check_shard first. */
int ck_store_check_shard(const char *path, int lang, char **errmsg);
int ck_store_merge(struct ck_store *st, const char *shard, long long *out_new, long long *out_present);

/* Writes a deterministic text dump of the database content (filings,
 * holdings, exemptions, findings; no run ids, timestamps or row ids) to out,
 * sorted, for byte-for-byte comparison in tests. */
int ck_store_dump(struct ck_store *st, FILE *out);

#endif
