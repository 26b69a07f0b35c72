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
#include "sha256.h"
#include "store_v4.h" /* schema 4: metrics, auditor tables, provenance */

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* CK_EVAL_ID: a hash of the evaluation code (the library's sources less the
 * writer and the reporters, and the filing XSD), written by the build into
 * ck_eval_id.h (GNUmakefile, EVAL_ID); part of the evaluation key, so that a
 * build whose evaluation code changed checks every filing again. A build
 * without it (the fuzz targets) uses "". */
#ifndef CK_EVAL_ID
#if defined(__has_include)
#if __has_include("ck_eval_id.h")
#include "ck_eval_id.h"
#endif
#endif
#endif
#ifndef CK_EVAL_ID
#define CK_EVAL_ID ""
#endif

#ifndef CK_STORE_CACHE_KIB
#define CK_STORE_CACHE_KIB 16384
#endif
#ifndef CK_STORE_CHECKPOINT_PAGES
#define CK_STORE_CHECKPOINT_PAGES 4000
#endif

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

/* Version 3 (docs/database.md, "Version 3"): a writer whose cost per filing
 * does not grow with the archive, and smaller rows.
 * - findings become a view over finding_rows: a message is stored as its
 *   rule's template (messages, once per rule, language and wording) and the
 *   values put into it (a JSON array), expanded by the view with built-in
 *   functions only, so plain sqlite3 reads the same text as before; evidence
 *   and explanations are stored once per distinct text (texts); category and
 *   severity come from the rule and the rank.
 * - holdings: WITHOUT ROWID (the primary key is the table), money as integer
 *   fen (invested_fen) beside the text as filed; xpath is derived in the
 *   views. Only the indexes the writer, look-through and documented queries
 *   need: no index on every investee (a random key that grows with the
 *   archive), a partial one on fund holdings (look-through parents).
 * - filings: eval_key (rule set, catalogue and tool version hashed) in the
 *   idempotency key, so an upgrade rechecks; tool_version. A draft is never
 *   a current filing.
 * - runs: status (running, complete, interrupted) and lookthrough (done,
 *   pending); lt_pending: funds whose look-through is to be recomputed
 *   (written with the filings, so a killed run leaves them pending); meta.
 * Existing rows are converted; their messages are kept as literal text. */
#define CK_X1(X, c, i, A) "replace(" X ", char(" c "), coalesce(json_extract(" A ", '$[" i "]'), ''))"
#define CK_EXPAND(T, A)                                                                                   \
    CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(CK_X1(T, "1", "0", A), "2", "1", A), \
                                                                   "3", "2", A),                          \
                                                             "4", "3", A),                                \
                                                       "5", "4", A),                                      \
                                                 "6", "5", A),                                            \
                                           "7", "6", A),                                                  \
                                     "8", "7", A),                                                        \
                               "11", "8", A),                                                             \
                         "12", "9", A),                                                                   \
                   "14", "10", A),                                                                        \
             "15", "11", A)

#define CK_V3_VIEWS                                                                                       \
    "CREATE VIEW findings AS\n"                                                                           \
    "  SELECT fr.finding_pk, fr.run_id, fr.filing_pk, fr.seq, fr.holding_id, fr.item, fr.rule_id,\n"    \
    "         coalesce(r.category, '') AS category,\n"                                                  \
    "         CASE fr.severity_rank WHEN 2 THEN 'violation' WHEN 1 THEN 'warning' ELSE 'notice' END\n"  \
    "           AS severity,\n"                                                                         \
    "         fr.severity_rank,\n"                                                                      \
    "         CASE WHEN fr.msg_zh IS NULL THEN fr.args_zh ELSE " CK_EXPAND("mz.template", "fr.args_zh")  \
    " END AS message_zh,\n"                                                                             \
    "         CASE WHEN fr.msg_en IS NULL THEN fr.args_en ELSE " CK_EXPAND("me.template", "fr.args_en")  \
    " END AS message_en,\n"                                                                             \
    "         tz.body AS evidence_zh, te.body AS evidence_en, tx.body AS explanation,\n"                \
    "         fr.catalog_edition, fr.line, fr.xpath, fr.derived, fr.chain, fr.exempted,\n"              \
    "         fr.exempted_by, fr.exempt_authority, fr.exempt_from, fr.exempt_until\n"                   \
    "  FROM finding_rows fr\n"                                                                          \
    "       LEFT JOIN rules r ON r.rule_id = fr.rule_id\n"                                              \
    "       LEFT JOIN messages mz ON mz.msg_id = fr.msg_zh\n"                                           \
    "       LEFT JOIN messages me ON me.msg_id = fr.msg_en\n"                                           \
    "       LEFT JOIN texts tz ON tz.text_id = fr.evidence_zh\n"                                        \
    "       LEFT JOIN texts te ON te.text_id = fr.evidence_en\n"                                        \
    "       LEFT JOIN texts tx ON tx.text_id = fr.explanation;\n"                                       \
    "CREATE VIEW v_current_filings AS\n"                                                                  \
    "  SELECT f.* FROM filings f\n"                                                                       \
    "  WHERE f.status = 'checked' AND coalesce(f.report_type, '') <> 'draft'\n"                           \
    "    AND NOT EXISTS (SELECT 1 FROM filings g\n"                                                       \
    "                    WHERE g.status = 'checked' AND coalesce(g.report_type, '') <> 'draft'\n"         \
    "                      AND g.fund_uscc = f.fund_uscc\n"                                               \
    "                      AND g.period_end = f.period_end AND g.period_start = f.period_start\n"         \
    "                      AND (g.submitted_at > f.submitted_at\n"                                        \
    "                           OR (g.submitted_at = f.submitted_at AND g.filing_pk > f.filing_pk)));\n"  \
    "CREATE VIEW v_findings AS\n"                                                                         \
    "  SELECT fi.finding_pk, fi.run_id, f.filing_pk, f.path, f.filing_id, f.fund_uscc, f.fund_name,\n"    \
    "         f.fund_type, f.region, substr(f.region, 1, 2) || '0000' AS province, f.gov_level,\n"       \
    "         f.period_start, f.period_end, fi.holding_id, fi.item, fi.rule_id, fi.category,\n"          \
    "         fi.severity, fi.severity_rank, fi.message_zh, fi.message_en, fi.evidence_zh,\n"            \
    "         fi.evidence_en, fi.line, fi.xpath, fi.derived, fi.chain, fi.exempted,\n"                   \
    "         fi.exempted_by, fi.exempt_authority, fi.exempt_from, fi.exempt_until,\n"                   \
    "         r.title_zh, r.title_en, r.legal_basis\n"                                                   \
    "  FROM findings fi JOIN v_current_filings f ON f.filing_pk = fi.filing_pk\n"                        \
    "       LEFT JOIN rules r ON r.rule_id = fi.rule_id;\n"                                              \
    "CREATE VIEW v_error_filings AS\n"                                                                   \
    "  SELECT e.filing_pk, e.run_id, e.path, e.sha256, e.error_line, e.error_message FROM filings e\n"  \
    "  WHERE e.status = 'error'\n"                                                                      \
    "    AND NOT EXISTS (SELECT 1 FROM filings g WHERE g.path = e.path AND g.filing_pk > e.filing_pk);\n" \
    "CREATE VIEW v_exemptions AS\n"                                                                      \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.period_start, f.period_end, x.seq, x.rule,\n"     \
    "         x.holding_id, x.authority, x.document, x.valid_from, x.valid_until, x.line,\n"             \
    "         (SELECT count(*) FROM findings w WHERE w.filing_pk = x.filing_pk AND w.exempted = 1\n"     \
    "            AND w.exempted_by IS x.document AND (w.rule_id = x.rule OR w.category = x.rule)\n"      \
    "            AND (x.holding_id IS NULL OR w.holding_id = x.holding_id)) AS n_waived,\n"              \
    "         (SELECT group_concat(w.rule_id || coalesce(' ' || w.holding_id, ''), '; ') FROM findings w\n" \
    "          WHERE w.filing_pk = x.filing_pk AND w.exempted = 1 AND w.exempted_by IS x.document\n"     \
    "            AND (w.rule_id = x.rule OR w.category = x.rule)\n"                                      \
    "            AND (x.holding_id IS NULL OR w.holding_id = x.holding_id)) AS waived\n"                 \
    "  FROM exemptions x JOIN v_current_filings f ON f.filing_pk = x.filing_pk;\n"                       \
    "CREATE VIEW v_open_findings AS\n"                                                                    \
    "  SELECT * FROM v_findings WHERE exempted = 0 AND severity_rank >= 1;\n"                             \
    "CREATE VIEW v_holdings AS\n"                                                                         \
    "  SELECT f.filing_pk, f.fund_uscc, f.fund_name, f.region, substr(f.region, 1, 2) || '0000' AS province,\n" \
    "         f.gov_level, f.period_start, f.period_end, h.seq, h.holding_id, h.category, h.role,\n"     \
    "         h.investee_uscc, h.investee_name, h.industry, h.invested, h.invested_fen,\n"               \
    "         h.invested_fen / 100.0 AS invested_yuan,\n"                                                \
    "         h.acq_method, h.acq_date, h.instrument_type, h.instrument_code, h.catalog_class,\n"        \
    "         h.line, CASE WHEN f.n_holdings > 1 THEN '/filing/holdings/holding[' || h.seq || ']'\n"     \
    "                      ELSE '/filing/holdings/holding' END AS xpath\n"                               \
    "  FROM holdings h JOIN v_current_filings f ON f.filing_pk = h.filing_pk;\n"                          \
    "CREATE VIEW v_lookthrough AS\n"                                                                      \
    "  SELECT fund_uscc, fund_name, period_end, holding_id, rule_id, category, severity, chain,\n"       \
    "         exempted, message_zh, message_en\n"                                                        \
    "  FROM v_findings WHERE derived = 1;\n"                                                              \
    "CREATE VIEW v_finding_keys AS\n"                                                                     \
    "  SELECT fund_uscc, fund_name, region, gov_level, period_end, rule_id, category, severity,\n"       \
    "         coalesce(item, '') AS item, coalesce(chain, '') AS chain,\n"                               \
    "         fund_uscc || '|' || rule_id || '|' || coalesce(item, '') || '|' || coalesce(chain, '') AS finding_key,\n" \
    "         message_zh, message_en\n"                                                                  \
    "  FROM v_findings WHERE exempted = 0;\n"                                                             \
    "CREATE VIEW v_run_findings AS\n"                                                                     \
    "  SELECT rf.run_id, f.fund_uscc, f.fund_name, f.region, f.gov_level, f.period_end, fi.rule_id,\n"   \
    "         fi.category, fi.severity, coalesce(fi.item, '') AS item, coalesce(fi.chain, '') AS chain,\n" \
    "         f.fund_uscc || '|' || f.period_end || '|' || fi.rule_id || '|' || coalesce(fi.item, '') || '|'\n" \
    "           || coalesce(fi.chain, '') AS finding_key,\n"                                             \
    "         fi.message_zh, fi.message_en\n"                                                            \
    "  FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk\n"                                \
    "       JOIN findings fi ON fi.filing_pk = rf.filing_pk\n"                                           \
    "  WHERE fi.exempted = 0;\n"

/* The stat cache (store.h, ck_file_sig): outside the versioned schema, made
 * by every writer that opens the database; dropping it only costs a re-hash. */
static const char file_stat_sql[] =
    "CREATE TABLE IF NOT EXISTS file_stat (\n"
    "  path     TEXT PRIMARY KEY,\n"
    "  size     INTEGER NOT NULL,\n"
    "  mtime_ns INTEGER NOT NULL,\n"
    "  ctime_ns INTEGER NOT NULL,\n"
    "  ino      INTEGER NOT NULL,\n"
    "  dev      INTEGER NOT NULL,\n"
    "  sha256   TEXT NOT NULL,\n"
    "  eval_key TEXT NOT NULL\n"
    ") WITHOUT ROWID";

static const char migration_3[] =
    "DROP VIEW v_run_findings; DROP VIEW v_finding_keys; DROP VIEW v_lookthrough; DROP VIEW v_holdings;\n"
    "DROP VIEW v_open_findings; DROP VIEW v_findings; DROP VIEW v_current_filings;\n"
    "ALTER TABLE runs ADD COLUMN status TEXT;\n"
    "ALTER TABLE runs ADD COLUMN lookthrough TEXT;\n"
    "ALTER TABLE runs ADD COLUMN eval_key TEXT;\n"
    "UPDATE runs SET status = CASE WHEN ended_at IS NULL THEN 'interrupted' ELSE 'complete' END,\n"
    "  lookthrough = CASE WHEN ended_at IS NULL THEN 'pending' ELSE 'done' END;\n"
    "ALTER TABLE filings ADD COLUMN tool_version TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE filings ADD COLUMN eval_key TEXT NOT NULL DEFAULT '';\n"
    "DROP INDEX filings_key;\n"
    "DROP INDEX filings_region;\n"
    "CREATE UNIQUE INDEX filings_key ON filings(sha256, eval_key) WHERE sha256 <> '';\n"
    "CREATE TABLE messages (\n"
    "  msg_id   INTEGER PRIMARY KEY,\n"
    "  rule_id  TEXT NOT NULL,\n"
    "  lang     TEXT NOT NULL,\n"
    "  template TEXT NOT NULL,\n"
    "  UNIQUE (rule_id, lang, template)\n"
    ");\n"
    "CREATE TABLE texts (\n"
    "  text_id INTEGER PRIMARY KEY,\n"
    "  body    TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE finding_rows (\n"
    "  finding_pk       INTEGER PRIMARY KEY,\n"
    "  run_id           INTEGER NOT NULL REFERENCES runs(run_id),\n"
    "  filing_pk        INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq              INTEGER NOT NULL,\n"
    "  holding_id       TEXT,\n"
    "  item             TEXT,\n"
    "  rule_id          TEXT NOT NULL,\n"
    "  severity_rank    INTEGER NOT NULL CHECK (severity_rank IN (0, 1, 2)),\n"
    "  msg_zh           INTEGER REFERENCES messages(msg_id),\n"
    "  args_zh          TEXT NOT NULL,\n"
    "  msg_en           INTEGER REFERENCES messages(msg_id),\n"
    "  args_en          TEXT NOT NULL,\n"
    "  evidence_zh      INTEGER REFERENCES texts(text_id),\n"
    "  evidence_en      INTEGER REFERENCES texts(text_id),\n"
    "  explanation      INTEGER REFERENCES texts(text_id),\n"
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
    "INSERT INTO texts (body) SELECT DISTINCT t FROM (SELECT evidence_zh AS t FROM findings\n"
    "  UNION SELECT evidence_en FROM findings UNION SELECT explanation FROM findings) WHERE t IS NOT NULL;\n"
    "CREATE INDEX texts_migration ON texts(body);\n"
    "INSERT INTO finding_rows (finding_pk, run_id, filing_pk, seq, holding_id, item, rule_id,\n"
    "  severity_rank, msg_zh, args_zh, msg_en, args_en, evidence_zh, evidence_en, explanation,\n"
    "  catalog_edition, line, xpath, derived, chain, exempted, exempted_by, exempt_authority,\n"
    "  exempt_from, exempt_until)\n"
    "  SELECT finding_pk, run_id, filing_pk, seq, holding_id, item, rule_id, severity_rank,\n"
    "    NULL, message_zh, NULL, message_en,\n"
    "    (SELECT text_id FROM texts WHERE body = evidence_zh),\n"
    "    (SELECT text_id FROM texts WHERE body = evidence_en),\n"
    "    (SELECT text_id FROM texts WHERE body = explanation),\n"
    "    catalog_edition, line, xpath, derived, chain, exempted, exempted_by, exempt_authority,\n"
    "    exempt_from, exempt_until FROM findings ORDER BY finding_pk;\n"
    "DROP INDEX texts_migration;\n"
    "INSERT OR IGNORE INTO rules (rule_id, category, severity, title_zh, title_en, legal_basis,\n"
    "  ruleset_hash) SELECT DISTINCT rule_id, category, severity, '', '', '', '' FROM findings;\n"
    "DROP TABLE findings;\n"
    "CREATE INDEX finding_rows_filing ON finding_rows(filing_pk);\n"
    "CREATE INDEX finding_rows_derived ON finding_rows(filing_pk) WHERE derived = 1;\n"
    "CREATE TABLE holdings_v3 (\n"
    "  filing_pk       INTEGER NOT NULL REFERENCES filings(filing_pk) ON DELETE CASCADE,\n"
    "  seq             INTEGER NOT NULL,\n"
    "  holding_id      TEXT NOT NULL,\n"
    "  category        TEXT NOT NULL,\n"
    "  role            TEXT,\n"
    "  investee_uscc   TEXT,\n"
    "  investee_name   TEXT,\n"
    "  industry        TEXT,\n"
    "  invested        TEXT,\n"
    "  invested_fen    INTEGER,\n"
    "  acq_method      TEXT,\n"
    "  acq_date        TEXT,\n"
    "  instrument_type TEXT,\n"
    "  instrument_code TEXT,\n"
    "  catalog_class   TEXT,\n"
    "  line            INTEGER,\n"
    "  PRIMARY KEY (filing_pk, seq)\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO holdings_v3 SELECT filing_pk, seq, holding_id, category, role, investee_uscc,\n"
    "  investee_name, industry, invested, CAST(round(invested_yuan * 100) AS INTEGER), acq_method,\n"
    "  acq_date, instrument_type, instrument_code, catalog_class, line FROM holdings;\n"
    "DROP TABLE holdings;\n"
    "ALTER TABLE holdings_v3 RENAME TO holdings;\n"
    "CREATE INDEX holdings_fund ON holdings(investee_uscc) WHERE category = 'fund';\n"
    "CREATE TABLE lt_pending (\n"
    "  fund_uscc TEXT PRIMARY KEY\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO lt_pending VALUES ('*');\n"
    "CREATE TABLE severities (\n"
    "  severity TEXT PRIMARY KEY,\n"
    "  rank     INTEGER NOT NULL,\n"
    "  label_zh TEXT NOT NULL,\n"
    "  label_en TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO severities VALUES ('notice', 0, '提示', 'notice'), ('warning', 1, '警告', 'warning'),\n"
    "  ('violation', 2, '违规', 'violation');\n"
    "CREATE TABLE meta (\n"
    "  key   TEXT PRIMARY KEY,\n"
    "  value TEXT\n"
    ") WITHOUT ROWID;\n" CK_V3_VIEWS;

static const char *const migrations[CK_STORE_SCHEMA_VERSION] = {migration_1, migration_2, migration_3,
                                                                  ck_store_migration_4};

const char *ck_store_migration_sql(int step)
{
    return step >= 1 && step <= CK_STORE_SCHEMA_VERSION ? migrations[step - 1] : NULL;
}

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
    S_PUT_STAT,
    S_INS_TEXT,
    S_FIND_MSG,
    S_INS_MSG,
    S_INS_PENDING,
    S_SAVEPOINT,
    S_RELEASE,
    S_ROLLBACK_TO,
    S_COUNT,
};

static const char *const stmt_sql[S_COUNT] = {
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
    [S_FIND_KEY] = "SELECT filing_pk, run_id FROM filings WHERE sha256 = ?1 AND eval_key = ?2"
                   " AND sha256 <> ''", /* the condition of the partial index filings_key: without it the
                                         * index cannot be used and every look-up scans the table */
    [S_DEL_PATH_ERR] = "DELETE FROM filings WHERE path = ?1 AND sha256 = ''",
    [S_INS_FILING] =
        "INSERT INTO filings (run_id, path, sha256, bytes, ruleset_hash, catalog_version, status,"
        " error_line, error_message, filing_id, report_type, period_start, period_end, submitted_at,"
        " fund_uscc, fund_name, fund_type, legal_form, gov_level, region, paid_in, filer_uscc,"
        " n_holdings, rule_errors, tool_version, eval_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?26, ?27)",
    [S_UPD_FILING] =
        "UPDATE filings SET run_id = ?1, path = ?2, sha256 = ?3, bytes = ?4, ruleset_hash = ?5,"
        " catalog_version = ?6, status = ?7, error_line = ?8, error_message = ?9, filing_id = ?10,"
        " report_type = ?11, period_start = ?12, period_end = ?13, submitted_at = ?14, fund_uscc = ?15,"
        " fund_name = ?16, fund_type = ?17, legal_form = ?18, gov_level = ?19, region = ?20,"
        " paid_in = ?21, filer_uscc = ?22, n_holdings = ?23, rule_errors = ?24, tool_version = ?26,"
        " eval_key = ?27 WHERE filing_pk = ?25",
    [S_INS_HOLDING] =
        "INSERT INTO holdings (filing_pk, seq, holding_id, category, role, investee_uscc,"
        " investee_name, industry, invested, invested_fen, acq_method, acq_date, instrument_type,"
        " instrument_code, catalog_class, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
        " ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    [S_INS_EXEMPTION] =
        "INSERT INTO exemptions (filing_pk, seq, rule, holding_id, authority, document, valid_from,"
        " valid_until, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [S_INS_FINDING] =
        "INSERT INTO finding_rows (run_id, filing_pk, seq, holding_id, item, rule_id, severity_rank,"
        " msg_zh, args_zh, msg_en, args_en, evidence_zh, evidence_en, explanation,"
        " catalog_edition, line, xpath, derived, chain, exempted, exempted_by, exempt_authority,"
        " exempt_from, exempt_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
        " ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
    [S_INS_TEXT] = "INSERT INTO texts (body) VALUES (?1)",
    [S_FIND_MSG] = "SELECT msg_id FROM messages WHERE rule_id = ?1 AND lang = ?2 AND template = ?3",
    [S_INS_MSG] = "INSERT INTO messages (rule_id, lang, template) VALUES (?1, ?2, ?3)",
    [S_INS_PENDING] = "INSERT OR IGNORE INTO lt_pending (fund_uscc) VALUES (?1)",
    [S_INS_RUN_FILING] = "INSERT OR IGNORE INTO run_filings (run_id, filing_pk, outcome) VALUES (?1, ?2, ?3)",
    [S_PUT_STAT] = "INSERT OR REPLACE INTO file_stat (path, size, mtime_ns, ctime_ns, ino, dev, sha256, eval_key)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
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
    int own_rows;          /* CHECK constraints off for ck_store_put's rows (ck_store_put_sig) */
    char eval_key[17];     /* the run's evaluation key (ck_store_eval_key) */
    int lt_lang;           /* language of the run (look-through chains) */
    const struct ck_ruleset *rs;  /* borrowed from the run's engine */
    struct msg_tmpl *mt;          /* owned; per rule and language */
    struct text_ent *tc;          /* owned; CK_TEXT_CACHE entries */
    size_t tc_n, tc_bytes;
    struct ck_store4 *x4; /* owned; schema-4 statements (store_v4.c) */
};

/* ---- text stored once ----
 *
 * A message is stored as its rule's template and the values put into it.
 * The values are recovered from the finished message by matching the
 * template's literal parts in order (leftmost), so the expansion
 * (literal, value, literal, …) gives back exactly the message whatever the
 * values contain; a message that does not fit its template (or a template
 * with more than CK_MSG_SLOTS parts, or control characters) is stored as
 * literal text. Slots are marked in the template with control characters
 * that XML 1.0 text cannot contain; the findings view expands them with
 * replace() and json_extract(). Evidence and explanation texts go to texts,
 * de-duplicated through a bounded in-memory cache (best effort: a text seen
 * long ago may be stored twice, which changes no content). Both caches are
 * forgotten on every rollback, since ids they hold may have been undone. */
#define CK_MSG_SLOTS 12
static const unsigned char slot_byte[CK_MSG_SLOTS] = {1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15};

struct msg_item {
    char *lit; /* owned literal, or NULL for a slot */
    size_t len;
};

struct msg_tmpl {
    int state;          /* 0 not built, 1 usable, -1 store messages as literal text */
    long long id;       /* messages.msg_id, 0 until looked up in this transaction's view */
    char *text;         /* owned; the template with slot bytes */
    struct msg_item *items; /* owned */
    size_t n_items;
};

#define CK_TEXT_CACHE 8192 /* entries (a power of 2); at most 3/4 used */
#define CK_TEXT_CACHE_BYTES (2u << 20)

struct text_ent {
    unsigned long long h;
    long long id; /* 0: empty */
    char *body;   /* owned */
};

static void rollback(struct ck_store *st);
static void cache_reset(struct ck_store *st);
static void text_cache_clear(struct ck_store *st);
static void mt_free(struct ck_store *st);

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
    rollback(st);
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
    /* The writer's working set is the tail of each table and the pages of
     * the few indexes with random keys (filings_key, filings_fund: one
     * entry per filing, about 100 bytes); a page cache of CK_STORE_CACHE_KIB
     * holds them for archives of a few hundred thousand filings, so a
     * filing costs the same number of page reads and writes whatever the
     * size of the database. Checkpoints every CK_STORE_CHECKPOINT_PAGES
     * pages: fewer, larger writes. Temporary storage in memory: each
     * filing's savepoint keeps a statement journal of the pages it changes
     * (a few dozen), which would otherwise be written to a temporary file
     * (tens of write calls per filing); the look-through's temporary graph
     * tables are a few dozen bytes per filing. */
    if (!readonly && mode == CK_STORE_CREATE) {
        char pragma[160];
        snprintf(pragma, sizeof pragma,
                 "PRAGMA cache_size = -%d; PRAGMA wal_autocheckpoint = %d; PRAGMA temp_store = MEMORY",
                 CK_STORE_CACHE_KIB, CK_STORE_CHECKPOINT_PAGES);
        if (exec(st, pragma) != CK_OK)
            goto fail;
    }
    if (migrate(st) != CK_OK)
        goto fail;
    if (!readonly && exec(st, file_stat_sql) != CK_OK)
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
    /* every statement on the connection first: sqlite3_close refuses (and
     * the connection leaks) while one is still prepared */
    mt_free(st);
    ck_store4_free(st->x4);
    st->x4 = NULL;
    sqlite3_close(st->db);
    free(st->path);
    free(st->catalog_version);
    free(st->err);
    text_cache_clear(st);
    free(st->tc);
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

void ck_store_eval_key(const struct ck_engine *eng, char out[17])
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_printf(&b, "%s\n%s\n%s\n%s", eng->rules->version, ck_store_catalog_version(eng), CK_VERSION,
                  CK_EVAL_ID);
    char hex[65];
    ck_sha256_hex(ck_buf_str(&b), b.len, hex);
    ck_buf_fini(&b);
    memcpy(out, hex, 16);
    out[16] = '\0';
}

int ck_store_begin_run(struct ck_store *st, const struct ck_engine *eng, const char *options_json,
                       int force, long long *out_run_id)
{
    snprintf(st->ruleset, sizeof st->ruleset, "%s", eng->rules->version);
    ck_store_eval_key(eng, st->eval_key);
    st->lt_lang = eng->lang;
    if (st->rs != eng->rules) {
        mt_free(st);
        st->rs = eng->rules;
        st->mt = ck_calloc(eng->rules->n_rules * CK_LANG_COUNT + 1, sizeof *st->mt);
    }
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
                           " started_at, options, status, lookthrough, eval_key)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', 'pending', ?7)",
                           -1, &s, NULL) != SQLITE_OK)
        goto db_fail;
    bind_s(s, 1, CK_VERSION);
    bind_s(s, 2, st->ruleset);
    bind_s(s, 3, st->catalog_version);
    bind_s(s, 4, ck_buf_str(&editions));
    bind_s(s, 5, now);
    bind_s(s, 6, options_json);
    bind_s(s, 7, st->eval_key);
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
    if (ck_store4_begin_run(st->db, st->run_id, eng, st->ruleset) != CK_OK) /* LIM-*, run_files */
        goto db_fail;
    if (exec(st, "COMMIT") != CK_OK)
        goto out;
    *out_run_id = st->run_id;
    rc = CK_OK;
    goto out;
db_fail:
    set_err(st, "无法记录本次运行", "cannot record the run");
    rollback(st);
out:
    sqlite3_finalize(s);
    ck_buf_fini(&editions);
    return rc;
}

int ck_store_end_run(struct ck_store *st, long long n_checked, long long n_skipped,
                     long long n_errors, long long n_findings, int interrupted, int lookthrough_done)
{
    if (ck_store_flush(st) != CK_OK)
        return CK_EDB;
    sqlite3_stmt *s = NULL;
    char now[32];
    now_iso(now);
    if (sqlite3_prepare_v2(st->db,
                           "UPDATE runs SET ended_at = ?1, n_checked = ?2, n_skipped = ?3, n_errors = ?4,"
                           " n_findings = ?5, status = ?7, lookthrough = ?8 WHERE run_id = ?6",
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
    bind_s(s, 7, interrupted ? "interrupted" : "complete");
    bind_s(s, 8, lookthrough_done ? "done" : "pending");
    int rc = sqlite3_step(s) == SQLITE_DONE ? CK_OK : CK_EDB;
    if (rc != CK_OK)
        set_err(st, "无法记录运行结束", "cannot record the end of the run");
    sqlite3_finalize(s);
    /* Copy the WAL into the database now, where an I/O error can still be
     * reported (the checkpoint SQLite runs when the connection closes
     * ignores errors). PASSIVE: never waits for an auditor's open read.
     * BUSY or LOCKED only says another connection (a second scan) is at
     * work: its own checkpoint copies the pages later, nothing is lost. */
    if (rc == CK_OK) {
        int cp = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        if (cp != SQLITE_OK && (cp & 0xff) != SQLITE_BUSY && (cp & 0xff) != SQLITE_LOCKED) {
            set_err(st, "数据库检查点失败", "database checkpoint failed");
            rc = CK_EDB;
        }
    }
    return rc;
}

/* ---- one filing ---- */

int ck_store_parse_fen(const char *s, long long *out)
{
    const char *p = s ? s : "";
    int neg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    unsigned long long v = 0;
    int digits = 0, frac = -1;
    for (; *p; p++) {
        if (*p == '.' && frac < 0) {
            frac = 0;
            continue;
        }
        if (*p < '0' || *p > '9')
            return 0;
        if (frac >= 2) {
            if (*p != '0')
                return 0; /* not a whole number of fen: only the text is exact */
            continue;
        }
        if (++digits > 17)
            return 0;
        v = v * 10 + (unsigned)(*p - '0');
        if (frac >= 0)
            frac++;
    }
    if (digits == 0)
        return 0;
    for (int k = frac < 0 ? 0 : frac; k < 2; k++)
        v *= 10;
    *out = neg ? -(long long)v : (long long)v;
    return 1;
}

static void text_cache_clear(struct ck_store *st)
{
    if (st->tc) {
        for (size_t i = 0; i < CK_TEXT_CACHE; i++)
            free(st->tc[i].body);
        memset(st->tc, 0, CK_TEXT_CACHE * sizeof *st->tc);
    }
    st->tc_n = st->tc_bytes = 0;
}

/* Forgets every id the caches hold (after a rollback). */
static void cache_reset(struct ck_store *st)
{
    text_cache_clear(st);
    if (st->mt && st->rs)
        for (size_t i = 0; i < st->rs->n_rules * CK_LANG_COUNT; i++)
            st->mt[i].id = 0;
}

static void mt_free(struct ck_store *st)
{
    if (st->mt && st->rs)
        for (size_t i = 0; i < st->rs->n_rules * CK_LANG_COUNT; i++) {
            free(st->mt[i].text);
            for (size_t k = 0; k < st->mt[i].n_items; k++)
                free(st->mt[i].items[k].lit);
            free(st->mt[i].items);
        }
    free(st->mt);
    st->mt = NULL;
}

/* Rolls the open transaction back (if any) and forgets cached ids. */
static void rollback(struct ck_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    cache_reset(st);
}

static int has_ctl(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return 1;
    }
    return 0;
}

/* The template of rule r in language lang, built on first use. */
static struct msg_tmpl *msg_tmpl(struct ck_store *st, const struct ck_rule *r, int lang)
{
    if (st->mt == NULL || st->rs == NULL || r < st->rs->rules || r >= st->rs->rules + st->rs->n_rules)
        return NULL;
    struct msg_tmpl *m = &st->mt[(size_t)(r - st->rs->rules) * CK_LANG_COUNT + (size_t)lang];
    if (m->state != 0)
        return m->state > 0 ? m : NULL;
    const struct ck_template *t = &r->message[lang];
    struct ck_buf text;
    ck_buf_init(&text);
    size_t slots = 0;
    int ok = 1;
    for (size_t i = 0; i < t->n_parts; i++) {
        const struct ck_tpart *p = &t->parts[i];
        int prev_lit = m->n_items > 0 && m->items[m->n_items - 1].lit != NULL;
        int prev_slot = m->n_items > 0 && !prev_lit;
        if (p->text && *p->text == '\0')
            continue;
        if (p->text) {
            size_t n = strlen(p->text);
            ok &= !has_ctl(p->text, n);
            ck_buf_adds(&text, p->text);
            if (prev_lit) {
                struct msg_item *last = &m->items[m->n_items - 1];
                last->lit = ck_realloc(last->lit, last->len + n + 1);
                memcpy(last->lit + last->len, p->text, n + 1);
                last->len += n;
                continue;
            }
        } else if (prev_slot) {
            continue; /* adjacent expressions fill one slot */
        } else if (++slots <= CK_MSG_SLOTS) {
            ck_buf_addc(&text, (char)slot_byte[slots - 1]);
        }
        m->items = ck_reallocarray(m->items, m->n_items + 1, sizeof *m->items);
        struct msg_item *it = &m->items[m->n_items++];
        it->lit = p->text ? ck_strdup(p->text) : NULL;
        it->len = p->text ? strlen(p->text) : 0;
    }
    m->text = ck_buf_take(&text);
    m->state = ok && slots <= CK_MSG_SLOTS ? 1 : -1;
    return m->state > 0 ? m : NULL;
}

/* Splits msg by m's literals; appends the values as a JSON array to args.
 * Returns 0 when msg does not fit. */
static int msg_split(const struct msg_tmpl *m, const char *msg, struct ck_buf *args)
{
    size_t len = strlen(msg), pos = 0;
    ck_buf_addc(args, '[');
    int first = 1;
    for (size_t k = 0; k < m->n_items; k++) {
        const struct msg_item *it = &m->items[k];
        if (it->lit) {
            if (len - pos < it->len || memcmp(msg + pos, it->lit, it->len) != 0)
                return 0;
            pos += it->len;
            continue;
        }
        size_t end;
        if (k + 1 == m->n_items) {
            end = len;
        } else {
            const struct msg_item *nx = &m->items[k + 1];
            if (k + 2 == m->n_items) {
                if (len - pos < nx->len || memcmp(msg + len - nx->len, nx->lit, nx->len) != 0)
                    return 0;
                end = len - nx->len;
            } else {
                const char *hit = strstr(msg + pos, nx->lit);
                if (hit == NULL)
                    return 0;
                end = (size_t)(hit - msg);
            }
        }
        if (has_ctl(msg + pos, end - pos))
            return 0;
        char *v = ck_strndup(msg + pos, end - pos);
        if (!first)
            ck_buf_addc(args, ',');
        first = 0;
        ck_buf_json_str(args, v);
        free(v);
        pos = end;
    }
    ck_buf_addc(args, ']');
    return pos == len;
}

/* The message of f in lang: *out_id > 0 and args the values, or *out_id 0
 * and args the message itself. */
static int msg_encode(struct ck_store *st, const struct ck_finding *f, int lang, long long *out_id,
                      struct ck_buf *args)
{
    const char *msg = f->message[lang] ? f->message[lang] : "";
    *out_id = 0;
    ck_buf_reset(args);
    struct msg_tmpl *m = f->rule ? msg_tmpl(st, f->rule, lang) : NULL;
    if (m == NULL || !msg_split(m, msg, args)) {
        ck_buf_reset(args);
        ck_buf_adds(args, msg);
        return CK_OK;
    }
    if (m->id == 0) {
        const char *lang_name = lang == CK_LANG_EN ? "en" : "zh";
        sqlite3_stmt *s = stmt(st, S_FIND_MSG);
        if (s == NULL)
            return CK_EDB;
        bind_s(s, 1, f->rule->id);
        bind_s(s, 2, lang_name);
        bind_s(s, 3, m->text);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            m->id = sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            set_err(st, "数据库查询失败", "database query failed");
            return CK_EDB;
        }
        if (m->id == 0) {
            if ((s = stmt(st, S_INS_MSG)) == NULL)
                return CK_EDB;
            bind_s(s, 1, f->rule->id);
            bind_s(s, 2, lang_name);
            bind_s(s, 3, m->text);
            if (run(st, s) != CK_OK)
                return CK_EDB;
            m->id = sqlite3_last_insert_rowid(st->db);
        }
    }
    *out_id = m->id;
    return CK_OK;
}

static unsigned long long fnv1a(const char *s)
{
    unsigned long long h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

/* The texts row holding body (0 for NULL). */
static int text_id(struct ck_store *st, const char *body, long long *out)
{
    *out = 0;
    if (body == NULL)
        return CK_OK;
    if (st->tc == NULL)
        st->tc = ck_calloc(CK_TEXT_CACHE, sizeof *st->tc);
    unsigned long long h = fnv1a(body);
    size_t i = (size_t)h & (CK_TEXT_CACHE - 1);
    for (; st->tc[i].id; i = (i + 1) & (CK_TEXT_CACHE - 1))
        if (st->tc[i].h == h && strcmp(st->tc[i].body, body) == 0) {
            *out = st->tc[i].id;
            return CK_OK;
        }
    sqlite3_stmt *s = stmt(st, S_INS_TEXT);
    if (s == NULL)
        return CK_EDB;
    bind_s(s, 1, body);
    if (run(st, s) != CK_OK)
        return CK_EDB;
    *out = sqlite3_last_insert_rowid(st->db);
    size_t n = strlen(body);
    if (st->tc_n + 1 > CK_TEXT_CACHE / 4 * 3 || st->tc_bytes + n > CK_TEXT_CACHE_BYTES) {
        text_cache_clear(st); /* full: start again (the ids stored stay valid) */
        i = (size_t)h & (CK_TEXT_CACHE - 1);
    }
    for (; st->tc[i].id; i = (i + 1) & (CK_TEXT_CACHE - 1))
        ;
    st->tc[i].h = h;
    st->tc[i].id = *out;
    st->tc[i].body = ck_strdup(body);
    st->tc_n++;
    st->tc_bytes += n;
    return CK_OK;
}

static int insert_finding(struct ck_store *st, long long filing_pk, long long seq,
                          const struct ck_finding *f, int derived)
{
    sqlite3_stmt *s = stmt(st, S_INS_FINDING);
    if (s == NULL)
        return CK_EDB;
    struct ck_buf args[CK_LANG_COUNT];
    long long msg[CK_LANG_COUNT], ev_zh, ev_en, expl;
    int rc = CK_OK;
    for (int l = 0; l < CK_LANG_COUNT; l++)
        ck_buf_init(&args[l]);
    for (int l = 0; l < CK_LANG_COUNT && rc == CK_OK; l++)
        rc = msg_encode(st, f, l, &msg[l], &args[l]);
    if (rc == CK_OK)
        rc = text_id(st, f->evidence[CK_LANG_ZH], &ev_zh);
    if (rc == CK_OK)
        rc = text_id(st, f->evidence[CK_LANG_EN], &ev_en);
    if (rc == CK_OK)
        rc = text_id(st, f->explain, &expl);
    if (rc != CK_OK)
        goto out;
    sqlite3_bind_int64(s, 1, st->run_id);
    sqlite3_bind_int64(s, 2, filing_pk);
    sqlite3_bind_int64(s, 3, seq);
    bind_s(s, 4, f->holding);
    bind_s(s, 5, f->item);
    bind_s(s, 6, f->rule->id);
    sqlite3_bind_int(s, 7, f->severity);
    if (msg[CK_LANG_ZH])
        sqlite3_bind_int64(s, 8, msg[CK_LANG_ZH]);
    bind_s(s, 9, ck_buf_str(&args[CK_LANG_ZH]));
    if (msg[CK_LANG_EN])
        sqlite3_bind_int64(s, 10, msg[CK_LANG_EN]);
    bind_s(s, 11, ck_buf_str(&args[CK_LANG_EN]));
    if (ev_zh)
        sqlite3_bind_int64(s, 12, ev_zh);
    if (ev_en)
        sqlite3_bind_int64(s, 13, ev_en);
    if (expl)
        sqlite3_bind_int64(s, 14, expl);
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
    rc = run(st, s);
out:
    for (int l = 0; l < CK_LANG_COUNT; l++)
        ck_buf_fini(&args[l]);
    return rc;
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
    bind_s(s, 26, CK_VERSION);
    bind_s(s, 27, st->eval_key);
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
    if (ck_store4_put(st->db, &st->x4, pk, res, replace_pk >= 0) != CK_OK) { /* schema 4 (store_v4.c) */
        set_err(st, "数据库写入失败", "database write failed");
        return CK_EDB;
    }
    if (f == NULL)
        return CK_OK;
    for (size_t i = 0; i < f->n_holdings; i++) {
        const struct ck_holding_row *h = &f->holdings[i];
        if ((s = stmt(st, S_INS_HOLDING)) == NULL)
            return CK_EDB;
        sqlite3_bind_int64(s, 1, pk);
        sqlite3_bind_int64(s, 2, (long long)i + 1);
        bind_s(s, 3, h->id);
        bind_s(s, 4, h->category);
        bind_s(s, 5, h->role);
        bind_s(s, 6, h->investee_uscc);
        bind_s(s, 7, h->investee_name);
        bind_s(s, 8, h->industry);
        bind_s(s, 9, h->invested);
        long long fen;
        if (ck_store_parse_fen(h->invested, &fen))
            sqlite3_bind_int64(s, 10, fen);
        bind_s(s, 11, h->acq_method);
        bind_s(s, 12, h->acq_date);
        bind_s(s, 13, h->instrument_type);
        bind_s(s, 14, h->instrument_code);
        bind_s(s, 15, h->catalog_class);
        sqlite3_bind_int64(s, 16, h->line);
        int rc = run(st, s);
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
    if (sqlite3_get_autocommit(st->db)) {
        cache_reset(st);
        return CK_OK; /* SQLite rolled the transaction back itself (e.g. disk full) */
    }
    if (run(st, stmt(st, S_COMMIT)) != CK_OK) {
        char *keep = ck_strdup(ck_store_errmsg(st));
        rollback(st);
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
    return ck_store_put_sig(st, path, sha256, res, pre_skipped, NULL, out_outcome);
}

/* Opens the batch transaction of ck_store_put_sig and ck_store_put_unchanged. */
static int begin_batch(struct ck_store *st)
{
    if (!st->own_rows) {
        /* The rows written from here on are built by this code from a
         * checker result (severity ranks and outcomes from enumerations),
         * so the tables' CHECK (x IN (…)) constraints are not evaluated:
         * SQLite builds an ephemeral table for each such check of each row
         * (about 4 per filing, a tenth of the writer's cost). They still
         * hold for every other writer (merge, an auditor's sqlite3). */
        if (exec(st, "PRAGMA ignore_check_constraints = ON") != CK_OK)
            return CK_EDB;
        st->own_rows = 1;
    }
    if (!st->in_batch) {
        if (run(st, stmt(st, S_BEGIN)) != CK_OK)
            return CK_EDB;
        st->in_batch = 1;
        st->batch_n = 0;
    }
    return CK_OK;
}

/* The batch transaction failed: rolled back whole (or by SQLite itself),
 * the caches forgotten, the error kept. */
static int batch_failed(struct ck_store *st)
{
    char *keep = ck_strdup(ck_store_errmsg(st));
    rollback(st);
    free(st->err);
    st->err = keep;
    st->in_batch = 0;
    st->batch_n = 0;
    return CK_EDB;
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int ck_store_put_unchanged(struct ck_store *st, long long *pks, size_t n)
{
    if (n == 0)
        return CK_OK;
    /* In key order: run_filings and its filing index are then written
     * front to back, each page once. */
    qsort(pks, n, sizeof *pks, cmp_ll);
    if (begin_batch(st) != CK_OK)
        return CK_EDB;
    /* One statement per filing, each atomic: no savepoint. */
    for (size_t i = 0; i < n; i++)
        if (insert_run_filing(st, pks[i], "skipped") != CK_OK)
            return batch_failed(st);
    st->batch_n += (int)(n < 1000000 ? n : 1000000);
    return ck_store_flush(st);
}

static int put_sig_row(struct ck_store *st, const char *path, const struct ck_file_sig *sig,
                       const char *sha256)
{
    sqlite3_stmt *s = stmt(st, S_PUT_STAT);
    if (s == NULL)
        return CK_EDB;
    bind_s(s, 1, path);
    sqlite3_bind_int64(s, 2, sig->size);
    sqlite3_bind_int64(s, 3, sig->mtime_ns);
    sqlite3_bind_int64(s, 4, sig->ctime_ns);
    sqlite3_bind_int64(s, 5, sig->ino);
    sqlite3_bind_int64(s, 6, sig->dev);
    bind_s(s, 7, sha256);
    bind_s(s, 8, st->eval_key);
    return run(st, s);
}

int ck_store_put_sig(struct ck_store *st, const char *path, const char *sha256,
                     const struct ck_result *res, int pre_skipped, const struct ck_file_sig *sig,
                     int *out_outcome)
{
    *out_outcome = CK_STORE_SKIPPED;
    if (begin_batch(st) != CK_OK)
        return CK_EDB;
    if (run(st, stmt(st, S_SAVEPOINT)) != CK_OK)
        goto fail;
    if (put_rows(st, path, sha256, res, pre_skipped, out_outcome) != CK_OK ||
        (sig && sig->valid && *sha256 && put_sig_row(st, path, sig, sha256) != CK_OK)) {
        /* Undo this filing only; the earlier filings of the batch are whole
         * and are committed. */
        char *keep = ck_strdup(ck_store_errmsg(st));
        if (!sqlite3_get_autocommit(st->db)) {
            sqlite3_exec(st->db, "ROLLBACK TO ck_filing; RELEASE ck_filing", NULL, NULL, NULL);
            cache_reset(st);
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
    return batch_failed(st);
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
        bind_s(s, 2, st->eval_key);
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
                                               "DELETE FROM finding_rows WHERE filing_pk = ?1"};
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
    if (outcome == CK_STORE_CHECKED) {
        /* Its fund's look-through (and its parents') is now out of date. */
        sqlite3_stmt *s = stmt(st, S_INS_PENDING);
        if (s == NULL)
            return CK_EDB;
        bind_s(s, 1, res->filing->fund_uscc ? res->filing->fund_uscc : "");
        if (run(st, s) != CK_OK)
            return CK_EDB;
    }
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
        "SELECT count(*) FROM run_filings rf JOIN finding_rows fi ON fi.filing_pk = rf.filing_pk"
        " WHERE rf.run_id = ?1 AND fi.exempted = 0 AND fi.severity_rank >= ?2"; /* the table, not the
                                                                                 * view: no text joins */
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
    unsigned char has_x, reach, affected;
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
    int full; /* every parent is walked (else only those of temp.lt_aff) */
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

/* Also used by store_v4.c (nesting-depth findings need the exemptions). */
int ck_store_exemptions_load(sqlite3 *db, long long pk, struct ck_exemption **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT rule, holding_id, authority, document, valid_from, valid_until, line"
                           " FROM exemptions WHERE filing_pk = ?1 ORDER BY seq",
                           -1, &s, NULL) != SQLITE_OK)
        return CK_EDB;
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
    return rc == SQLITE_DONE ? CK_OK : CK_EDB;
}

static int load_exemptions(struct ck_store *st, long long pk, struct ck_exemption **out, size_t *n)
{
    if (ck_store_exemptions_load(st->db, pk, out, n) == CK_OK)
        return CK_OK;
    set_err(st, "数据库查询失败", "database query failed");
    return CK_EDB;
}

void ck_store_exemptions_free(struct ck_exemption *x, size_t n)
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
                   " CREATE INDEX temp.lt_node_fund ON lt_node (uscc, period_end);"
                   " CREATE INDEX temp.lt_node_pk ON lt_node (pk);") != CK_OK)
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
                           "SELECT n.idx, n.pk, EXISTS (SELECT 1 FROM finding_rows f WHERE f.filing_pk = n.pk"
                           " AND f.derived = 0 AND f.exempted = 0 AND f.severity_rank >= 1"
                           " AND f.rule_id IN (SELECT rule_id FROM lt_rule)),"
                           " ?1 OR n.uscc IN (SELECT u FROM temp.lt_aff) FROM lt_node n ORDER BY n.idx",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int(s, 1, w->full);
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
        nd->affected = sqlite3_column_int(s, 3) != 0;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE)
        goto fail;

    cap = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT p.idx, h.seq, (SELECT c.idx FROM lt_node c WHERE c.uscc = h.investee_uscc"
                           " AND c.period_end <= p.period_end ORDER BY c.period_end DESC, c.idx DESC LIMIT 1)"
                           " FROM holdings h INDEXED BY holdings_fund JOIN lt_node p ON p.pk = h.filing_pk"
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
                           "SELECT rule_id, severity_rank, item, message_zh, message_en, holding_id IS NOT NULL FROM findings"
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
        x->holding = sqlite3_column_int(s, 5);
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
    if (sqlite3_prepare_v2(w->st->db,
                           "SELECT h.holding_id, h.line, CASE WHEN f.n_holdings > 1 THEN"
                           " '/filing/holdings/holding[' || h.seq || ']' ELSE '/filing/holdings/holding' END"
                           " FROM holdings h JOIN filings f ON f.filing_pk = h.filing_pk"
                           " WHERE h.filing_pk = ?1 AND h.seq = ?2",
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
        ck_store_exemptions_free(xs, n_xs);
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

/* One value of meta (NULL when absent; caller frees). */
static char *meta_get(struct ck_store *st, const char *key)
{
    sqlite3_stmt *s = NULL;
    char *v = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = ?1", -1, &s, NULL) == SQLITE_OK) {
        bind_s(s, 1, key);
        if (sqlite3_step(s) == SQLITE_ROW)
            v = col_dup(s, 0);
    }
    sqlite3_finalize(s);
    return v;
}

static int meta_set(struct ck_store *st, const char *key, const char *value)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", -1, &s, NULL) !=
        SQLITE_OK) {
        set_err(st, "数据库写入失败", "database write failed");
        return CK_EDB;
    }
    bind_s(s, 1, key);
    bind_s(s, 2, value);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        set_err(st, "数据库写入失败", "database write failed");
        return CK_EDB;
    }
    return CK_OK;
}

static long long count_of(struct ck_store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

int ck_store_lookthrough(struct ck_store *st, const struct ck_engine *eng, struct ck_evaluator *ev,
                         int mode, struct ck_store_lt_stats *out)
{
    memset(out, 0, sizeof *out);
    struct lt_walk w;
    memset(&w, 0, sizeof w);
    w.st = st;
    w.eng = eng;
    w.ev = ev;
    ck_findings_init(&w.derived);
    if (ck_store_flush(st) != CK_OK || run(st, stmt(st, S_BEGIN)) != CK_OK)
        return CK_EDB;
    /* What the derived findings depend on besides the filings: the rule
     * set, the catalogue, the code and the language of the chains. A change
     * of any of these recomputes everything. */
    char key[64];
    snprintf(key, sizeof key, "%s/%s", st->eval_key, eng->lang == CK_LANG_EN ? "en" : "zh");
    char *last = meta_get(st, "lookthrough_key");
    long long star = count_of(st, "SELECT count(*) FROM lt_pending WHERE fund_uscc = '*'");
    long long pending = count_of(st, "SELECT count(*) FROM lt_pending");
    if (star < 0 || pending < 0) {
        free(last);
        set_err(st, "数据库查询失败", "database query failed");
        goto fail;
    }
    w.full = mode == CK_STORE_LT_FULL || star > 0 || last == NULL || strcmp(last, key) != 0;
    free(last);
    out->full = w.full;
    if (!w.full && pending == 0) {
        /* Nothing changed since the last look-through: nothing to walk. */
        if (run(st, stmt(st, S_COMMIT)) != CK_OK)
            goto fail;
        return CK_OK;
    }
    if (exec(st, "DROP TABLE IF EXISTS temp.lt_aff;"
                 " CREATE TEMP TABLE lt_aff (u TEXT PRIMARY KEY) WITHOUT ROWID") != CK_OK)
        goto fail;
    if (w.full) {
        if (exec(st, "DELETE FROM finding_rows WHERE derived = 1") != CK_OK)
            goto fail;
    } else {
        /* The changed funds and every fund that holds one of them, at any
         * depth (over all filings: a superset of the current graph's). */
        if (exec(st, "WITH RECURSIVE a(u) AS (SELECT fund_uscc FROM lt_pending"
                     "   UNION SELECT f.fund_uscc FROM a JOIN holdings h ON h.investee_uscc = a.u"
                     "     AND h.category = 'fund' JOIN filings f ON f.filing_pk = h.filing_pk)"
                     " INSERT INTO temp.lt_aff (u) SELECT u FROM a WHERE u IS NOT NULL;"
                     " DELETE FROM finding_rows WHERE derived = 1 AND filing_pk IN"
                     "   (SELECT filing_pk FROM filings WHERE fund_uscc IN (SELECT u FROM temp.lt_aff))") != CK_OK)
            goto fail;
    }
    if (lt_load(&w) != CK_OK)
        goto fail;
    for (size_t p = 0; p < w.n; p++) {
        const struct lt_cnode *nd = &w.nodes[p];
        if (!nd->affected)
            continue;
        out->parents++;
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
        if (lt_flush(&w, p, &out->n_derived) != CK_OK)
            goto fail;
    }
    size_t n_nest = 0; /* nesting-depth limits over the database graph (store_v4.c) */
    if (ck_store4_nesting(st->db, eng, st->run_id, &n_nest) != CK_OK) {
        set_err(st, "无法核验嵌套层级限额", "cannot measure the nesting-depth limits");
        goto fail;
    }
    if (exec(st, "DELETE FROM lt_pending; DROP TABLE temp.lt_aff") != CK_OK || meta_set(st, "lookthrough_key", key) != CK_OK)
        goto fail;
    if (run(st, stmt(st, S_COMMIT)) != CK_OK)
        goto fail;
    lt_walk_free(&w);
    return CK_OK;
fail:
    if (w.failed && (st->err == NULL || *st->err == '\0'))
        set_err(st, "读取穿透关系失败", "cannot read the look-through graph");
    rollback(st);
    lt_walk_free(&w);
    return CK_EDB;
}

/* ---- worker-side reader ---- */

struct ck_store_reader {
    sqlite3 *db;
    sqlite3_stmt *seen;
    int in_txn;              /* look-ups done in the open read transaction */
};

/* Look-ups share a read transaction, renewed every CK_READER_TXN_LOOKUPS:
 * a read transaction per look-up costs a lock call on the WAL index and,
 * after every commit of the writer, re-reading the pages of the index from
 * the file. A look-up that misses a filing committed since is harmless (the
 * writer finds it and skips it). Renewing keeps checkpoints moving. */
#define CK_READER_TXN_LOOKUPS 1024
static void reader_txn(struct ck_store_reader *rd)
{
    if (rd->in_txn >= CK_READER_TXN_LOOKUPS) {
        sqlite3_exec(rd->db, "COMMIT", NULL, NULL, NULL);
        rd->in_txn = 0;
    }
    if (rd->in_txn == 0 && sqlite3_exec(rd->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return; /* each look-up is then its own transaction */
    rd->in_txn++;
}

void ck_file_sig_from_stat(const struct stat *sb, long long now_ns, struct ck_file_sig *sig)
{
    memset(sig, 0, sizeof *sig);
    sig->size = (long long)sb->st_size;
    sig->mtime_ns = (long long)sb->st_mtim.tv_sec * 1000000000LL + sb->st_mtim.tv_nsec;
    sig->ctime_ns = (long long)sb->st_ctim.tv_sec * 1000000000LL + sb->st_ctim.tv_nsec;
    sig->ino = (long long)sb->st_ino;
    sig->dev = (long long)sb->st_dev;
    sig->valid = S_ISREG(sb->st_mode) && sig->mtime_ns < now_ns - CK_FILE_SIG_SETTLE_NS &&
                 sig->ctime_ns < now_ns - CK_FILE_SIG_SETTLE_NS;
}

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
                           "SELECT 1 FROM filings WHERE sha256 = ?1 AND eval_key = ?2 AND sha256 <> ''"
                           " AND run_id <> ?3 LIMIT 1",
                           -1, &rd->seen, NULL) != SQLITE_OK)
        goto fail;
    char key[17];
    ck_store_eval_key(eng, key);
    sqlite3_bind_text(rd->seen, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(rd->seen, 3, run_id);
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
    reader_txn(rd);
    sqlite3_bind_text(rd->seen, 1, sha256, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(rd->seen);
    sqlite3_reset(rd->seen);
    return rc == SQLITE_ROW;
}

void ck_store_reader_set_cache(struct ck_store_reader *rd, int kib)
{
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", kib);
    if (rd)
        sqlite3_exec(rd->db, pragma, NULL, NULL, NULL);
}

void ck_store_reader_close(struct ck_store_reader *rd)
{
    if (rd == NULL)
        return;
    if (rd->in_txn)
        sqlite3_exec(rd->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_finalize(rd->seen);
    sqlite3_close(rd->db);
    free(rd);
}

/* ---- the stat cache in memory ----
 *
 * Open addressing over 64-bit hashes of the path and of the signature (24
 * bytes an entry, under 8 MiB for 200,000 files): a file is taken as
 * unchanged only when both hashes match an entry loaded for the current
 * evaluation key, i.e. (bar a double 64-bit collision) when its path,
 * size, mtime, ctime, inode and device are those recorded. */

struct sc_ent {
    unsigned long long path_h, sig_h;
    long long pk; /* 0: empty (filing_pk >= 1) */
};

struct ck_stat_cache {
    struct sc_ent *v; /* owned; mask + 1 entries */
    size_t mask, n;
};

static unsigned long long mix64(unsigned long long x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static unsigned long long sc_path_hash(const char *path)
{
    unsigned long long h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        h = (h ^ *p) * 0x100000001b3ULL;
    return mix64(h);
}

static unsigned long long sc_sig_hash(long long size, long long mtime, long long ctime, long long ino,
                                      long long dev)
{
    unsigned long long h = mix64((unsigned long long)dev);
    h = mix64(h ^ (unsigned long long)ino);
    h = mix64(h ^ (unsigned long long)ctime);
    h = mix64(h ^ (unsigned long long)mtime);
    return mix64(h ^ (unsigned long long)size);
}

static void sc_put(struct ck_stat_cache *c, unsigned long long ph, unsigned long long sh, long long pk)
{
    if ((c->n + 1) * 4 > (c->mask + 1) * 3) {
        struct ck_stat_cache g = {ck_calloc((c->mask + 1) * 2, sizeof *g.v), (c->mask + 1) * 2 - 1, 0};
        for (size_t i = 0; i <= c->mask; i++)
            if (c->v[i].pk)
                sc_put(&g, c->v[i].path_h, c->v[i].sig_h, c->v[i].pk);
        free(c->v);
        *c = g;
    }
    size_t i = (size_t)ph & c->mask;
    while (c->v[i].pk)
        i = (i + 1) & c->mask;
    c->v[i].path_h = ph;
    c->v[i].sig_h = sh;
    c->v[i].pk = pk;
    c->n++;
}

int ck_stat_cache_load(const char *db_path, const struct ck_engine *eng, struct ck_stat_cache **out)
{
    *out = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *s = NULL;
    if (sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return CK_EDB;
    }
    sqlite3_busy_timeout(db, 30000);
    /* file_stat is read front to back, the filings' key index at random
     * (about 100 bytes a filing): a cache of that size reads each page once. */
    sqlite3_exec(db, "PRAGMA cache_size = -16384", NULL, NULL, NULL);
    /* The filing is found through the covering key index (sha256, eval_key):
     * no read of the filings table. No filing of the current run exists yet. */
    if (sqlite3_prepare_v2(db,
                           "SELECT s.path, s.size, s.mtime_ns, s.ctime_ns, s.ino, s.dev, f.filing_pk"
                           " FROM file_stat s JOIN filings f INDEXED BY filings_key ON f.sha256 = s.sha256"
                           " AND f.eval_key = s.eval_key AND f.sha256 <> '' WHERE s.eval_key = ?1",
                           -1, &s, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return CK_EDB; /* e.g. no stat cache in this database yet */
    }
    char key[17];
    ck_store_eval_key(eng, key);
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    struct ck_stat_cache *c = ck_calloc(1, sizeof *c);
    c->mask = 1023;
    c->v = ck_calloc(c->mask + 1, sizeof *c->v);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const unsigned char *path = sqlite3_column_text(s, 0);
        long long pk = sqlite3_column_int64(s, 6);
        if (path == NULL || pk <= 0)
            continue;
        sc_put(c, sc_path_hash((const char *)path),
               sc_sig_hash(sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3),
                           sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5)),
               pk);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    if (rc != SQLITE_DONE) {
        ck_stat_cache_free(c);
        return CK_EDB;
    }
    *out = c;
    return CK_OK;
}

int ck_stat_cache_find(const struct ck_stat_cache *c, const char *path, const struct ck_file_sig *sig,
                       long long *out_pk)
{
    if (c == NULL || !sig->valid || c->n == 0)
        return 0;
    unsigned long long ph = sc_path_hash(path);
    unsigned long long sh = sc_sig_hash(sig->size, sig->mtime_ns, sig->ctime_ns, sig->ino, sig->dev);
    for (size_t i = (size_t)ph & c->mask; c->v[i].pk; i = (i + 1) & c->mask)
        if (c->v[i].path_h == ph && c->v[i].sig_h == sh) {
            *out_pk = c->v[i].pk;
            return 1;
        }
    return 0;
}

size_t ck_stat_cache_size(const struct ck_stat_cache *c)
{
    return c ? c->n : 0;
}

void ck_stat_cache_free(struct ck_stat_cache *c)
{
    if (c == NULL)
        return;
    free(c->v);
    free(c);
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
         " h.catalog_class, h.line, CASE WHEN f.n_holdings > 1 THEN '/filing/holdings/holding[' || h.seq"
         " || ']' ELSE '/filing/holdings/holding' END FROM holdings h JOIN filings f ON f.filing_pk = h.filing_pk"
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
        /* schema 4 (store_v4.c) */
        {"filing_metrics",
         "SELECT f.path, m.invested, m.early_small_share, m.avg_holding_years, m.hard_tech_share,"
         " m.private_share, m.social_capital_share, m.main_field_share, m.home_region_share,"
         " m.top_investee_share, m.hhi, m.null_reasons, m.nesting_max FROM filing_metrics m"
         " JOIN filings f ON f.filing_pk = m.filing_pk ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version"},
        {"holding_details",
         "SELECT f.path, d.seq, d.fair_value, d.ownership, d.controller_type, d.controller_name,"
         " d.investee_region, d.investee_legal_form, d.stage, d.enterprise_size FROM holding_details d"
         " JOIN filings f ON f.filing_pk = d.filing_pk ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, d.seq"},
        {"transactions",
         "SELECT f.path, t.seq, t.transaction_id, t.date, t.side, t.method, t.instrument_code, t.amount, t.line"
         " FROM transactions t JOIN filings f ON f.filing_pk = t.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, t.seq"},
        {"guarantees",
         "SELECT f.path, g.seq, g.guarantee_id, g.type, g.amount, g.beneficiary_name, g.text, g.line"
         " FROM guarantees g JOIN filings f ON f.filing_pk = g.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, g.seq"},
        {"disclosures",
         "SELECT f.path, x.seq, x.topic, x.text, x.line FROM disclosures x JOIN filings f ON f.filing_pk = x.filing_pk"
         " ORDER BY f.path, f.sha256, f.ruleset_hash, f.catalog_version, x.seq"},
    };
    for (size_t i = 0; i < CK_ARRAY_LEN(q); i++)
        if (dump_query(st, out, q[i][0], q[i][1]) != CK_OK)
            return CK_EDB;
    return CK_OK;
}

/* ---- merging shards ----
 *
 * A shard is attached read-only and copied in one transaction: rules the
 * target lacks, its runs (a run already merged, same start time, options
 * and key, is reused), its filings whose key (sha256, eval_key; for files in
 * error, the path) the target lacks, with their holdings, exemptions and
 * direct findings (look-through findings are recomputed over the result),
 * the message templates and texts they use, and what each run saw. New rows
 * keep their shard ids shifted past the target's largest, so references
 * inside the shard stay right without a lookup per row. A filing already
 * present is not copied again, so merging twice changes nothing. */

int ck_store_check_shard(const char *path, int lang, char **errmsg)
{
    *errmsg = NULL;
    struct stat sb;
    int E = lang == CK_LANG_EN;
    struct ck_buf b;
    ck_buf_init(&b);
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        ck_buf_printf(&b, E ? "shard %s: no such database file" : "分片 %s：数据库文件不存在", path);
        *errmsg = ck_buf_take(&b);
        return CK_EDB;
    }
    sqlite3 *db = NULL;
    int v = -1, ok = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            v = sqlite3_column_int(s, 0);
        sqlite3_finalize(s);
        s = NULL;
        if (sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('runs', 'rules',"
                               " 'filings', 'run_filings', 'holdings', 'exemptions', 'finding_rows', 'messages', 'texts')",
                               -1, &s, NULL) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW)
            ok = sqlite3_column_int(s, 0) == 9;
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    if (v > CK_STORE_SCHEMA_VERSION)
        ck_buf_printf(&b, E ? "shard %s has schema version %d, newer than the %d this fundcheck supports; upgrade fundcheck"
                            : "分片 %s 的结构版本为 %d，高于本程序支持的 %d；请升级 fundcheck",
                      path, v, CK_STORE_SCHEMA_VERSION);
    else if (v >= 1 && v < CK_STORE_SCHEMA_VERSION)
        ck_buf_printf(&b, E ? "shard %s has schema version %d; upgrade it first (fundcheck report --db %s migrates it)"
                            : "分片 %s 的结构版本为 %d；请先升级（fundcheck report --db %s 会迁移它）",
                      path, v, path);
    else if (v != CK_STORE_SCHEMA_VERSION || !ok)
        ck_buf_printf(&b, E ? "shard %s is not a fundcheck database" : "分片 %s 不是 fundcheck 数据库", path);
    else {
        ck_buf_fini(&b);
        return CK_OK;
    }
    *errmsg = ck_buf_take(&b);
    return CK_EDB;
}

int ck_store_merge(struct ck_store *st, const char *shard, long long *out_new, long long *out_present)
{
    *out_new = *out_present = 0;
    if (ck_store_flush(st) != CK_OK)
        return CK_EDB;
    sqlite3_stmt *s = NULL;
    struct ck_buf uri;
    ck_buf_init(&uri);
    ck_buf_adds(&uri, "file:");
    for (const char *p = shard; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#')
            ck_buf_printf(&uri, "%%%02X", (unsigned char)*p);
        else
            ck_buf_addc(&uri, *p);
    }
    ck_buf_adds(&uri, "?mode=ro");
    int rc = CK_EDB;
    if (sqlite3_prepare_v2(st->db, "ATTACH DATABASE ?1 AS shard", -1, &s, NULL) != SQLITE_OK) {
        set_err(st, "无法打开分片", "cannot open the shard");
        ck_buf_fini(&uri);
        return CK_EDB;
    }
    bind_s(s, 1, ck_buf_str(&uri));
    int step = sqlite3_step(s);
    sqlite3_finalize(s);
    ck_buf_fini(&uri);
    if (step != SQLITE_DONE) {
        set_err(st, "无法打开分片", "cannot open the shard");
        return CK_EDB;
    }
    static const char sql[] =
        "BEGIN IMMEDIATE;"
        "INSERT OR IGNORE INTO main.rules SELECT * FROM shard.rules;"
        /* runs: reuse a run merged before, else a new run id */
        "CREATE TEMP TABLE m_run (old INTEGER PRIMARY KEY, new INTEGER);"
        "INSERT INTO m_run SELECT r.run_id, (SELECT t.run_id FROM main.runs t WHERE t.started_at = r.started_at"
        "  AND t.options = r.options AND coalesce(t.eval_key, '') = coalesce(r.eval_key, '')"
        "  AND t.ruleset_hash = r.ruleset_hash AND t.tool_version = r.tool_version"
        "  AND coalesce(t.ended_at, '') = coalesce(r.ended_at, '') AND coalesce(t.n_checked, -1) = coalesce(r.n_checked, -1)"
        "  ORDER BY t.run_id LIMIT 1)"
        "  FROM shard.runs r;"
        "CREATE TEMP TABLE m_off (runs INTEGER, filings INTEGER, texts INTEGER);"
        "INSERT INTO m_off SELECT (SELECT coalesce(max(run_id), 0) FROM main.runs),"
        "  (SELECT coalesce(max(filing_pk), 0) FROM main.filings), (SELECT coalesce(max(text_id), 0) FROM main.texts);"
        "UPDATE m_run SET new = old + (SELECT runs FROM m_off) WHERE new IS NULL;"
        "INSERT INTO main.runs (run_id, tool_version, ruleset_hash, catalog_version, catalog_edition, started_at,"
        "  ended_at, options, n_checked, n_skipped, n_errors, n_findings, status, lookthrough, eval_key)"
        "  SELECT m.new, r.tool_version, r.ruleset_hash, r.catalog_version, r.catalog_edition, r.started_at,"
        "  r.ended_at, r.options, r.n_checked, r.n_skipped, r.n_errors, r.n_findings, r.status, r.lookthrough,"
        "  r.eval_key FROM shard.runs r JOIN m_run m ON m.old = r.run_id"
        "  WHERE NOT EXISTS (SELECT 1 FROM main.runs t WHERE t.run_id = m.new);"
        /* filings: the target's row when its key is there, else a new one */
        "CREATE TEMP TABLE m_fil (old INTEGER PRIMARY KEY, new INTEGER, fresh INTEGER);"
        "INSERT INTO m_fil SELECT f.filing_pk, CASE WHEN f.sha256 <> '' THEN"
        "  (SELECT t.filing_pk FROM main.filings t WHERE t.sha256 = f.sha256 AND t.eval_key = f.eval_key"
        "   AND t.sha256 <> '') ELSE (SELECT max(t.filing_pk) FROM main.filings t WHERE t.path = f.path"
        "   AND t.sha256 = '') END, 0 FROM shard.filings f;"
        "UPDATE m_fil SET new = old + (SELECT filings FROM m_off), fresh = 1 WHERE new IS NULL;"
        "INSERT INTO main.filings (filing_pk, run_id, path, sha256, bytes, ruleset_hash, catalog_version, status,"
        "  error_line, error_message, filing_id, report_type, period_start, period_end, submitted_at, fund_uscc,"
        "  fund_name, fund_type, legal_form, gov_level, region, paid_in, filer_uscc, n_holdings, rule_errors,"
        "  tool_version, eval_key)"
        "  SELECT m.new, (SELECT new FROM m_run WHERE old = f.run_id), f.path, f.sha256, f.bytes, f.ruleset_hash,"
        "  f.catalog_version, f.status, f.error_line, f.error_message, f.filing_id, f.report_type, f.period_start,"
        "  f.period_end, f.submitted_at, f.fund_uscc, f.fund_name, f.fund_type, f.legal_form, f.gov_level,"
        "  f.region, f.paid_in, f.filer_uscc, f.n_holdings, f.rule_errors, f.tool_version, f.eval_key"
        "  FROM shard.filings f JOIN m_fil m ON m.old = f.filing_pk WHERE m.fresh ORDER BY f.filing_pk;"
        "INSERT INTO main.holdings SELECT m.new, h.seq, h.holding_id, h.category, h.role, h.investee_uscc,"
        "  h.investee_name, h.industry, h.invested, h.invested_fen, h.acq_method, h.acq_date, h.instrument_type,"
        "  h.instrument_code, h.catalog_class, h.line"
        "  FROM shard.holdings h JOIN m_fil m ON m.old = h.filing_pk WHERE m.fresh;"
        "INSERT INTO main.exemptions SELECT m.new, x.seq, x.rule, x.holding_id, x.authority, x.document,"
        "  x.valid_from, x.valid_until, x.line FROM shard.exemptions x JOIN m_fil m ON m.old = x.filing_pk"
        "  WHERE m.fresh;"
        "INSERT OR IGNORE INTO main.messages (rule_id, lang, template)"
        "  SELECT rule_id, lang, template FROM shard.messages;"
        "CREATE TEMP TABLE m_msg (old INTEGER PRIMARY KEY, new INTEGER);"
        "INSERT INTO m_msg SELECT s.msg_id, t.msg_id FROM shard.messages s JOIN main.messages t"
        "  ON t.rule_id = s.rule_id AND t.lang = s.lang AND t.template = s.template;"
        "INSERT INTO main.texts (text_id, body) SELECT x.text_id + (SELECT texts FROM m_off), x.body"
        "  FROM shard.texts x WHERE x.text_id IN (SELECT fr.evidence_zh FROM shard.finding_rows fr"
        "    JOIN m_fil m ON m.old = fr.filing_pk WHERE m.fresh AND fr.derived = 0"
        "  UNION SELECT fr.evidence_en FROM shard.finding_rows fr JOIN m_fil m ON m.old = fr.filing_pk"
        "    WHERE m.fresh AND fr.derived = 0"
        "  UNION SELECT fr.explanation FROM shard.finding_rows fr JOIN m_fil m ON m.old = fr.filing_pk"
        "    WHERE m.fresh AND fr.derived = 0);"
        "INSERT INTO main.finding_rows (run_id, filing_pk, seq, holding_id, item, rule_id, severity_rank, msg_zh,"
        "  args_zh, msg_en, args_en, evidence_zh, evidence_en, explanation, catalog_edition, line, xpath, derived,"
        "  chain, exempted, exempted_by, exempt_authority, exempt_from, exempt_until)"
        "  SELECT (SELECT new FROM m_run WHERE old = fr.run_id), m.new, fr.seq, fr.holding_id, fr.item, fr.rule_id,"
        "  fr.severity_rank, (SELECT new FROM m_msg WHERE old = fr.msg_zh), fr.args_zh,"
        "  (SELECT new FROM m_msg WHERE old = fr.msg_en), fr.args_en,"
        "  fr.evidence_zh + (SELECT texts FROM m_off), fr.evidence_en + (SELECT texts FROM m_off),"
        "  fr.explanation + (SELECT texts FROM m_off), fr.catalog_edition, fr.line, fr.xpath, 0, fr.chain,"
        "  fr.exempted, fr.exempted_by, fr.exempt_authority, fr.exempt_from, fr.exempt_until"
        "  FROM shard.finding_rows fr JOIN m_fil m ON m.old = fr.filing_pk WHERE m.fresh AND fr.derived = 0"
        "  ORDER BY fr.filing_pk, fr.finding_pk;"
        "INSERT OR IGNORE INTO main.run_filings (run_id, filing_pk, outcome)"
        "  SELECT (SELECT new FROM m_run WHERE old = rf.run_id), m.new, rf.outcome"
        "  FROM shard.run_filings rf JOIN m_fil m ON m.old = rf.filing_pk;"
        "INSERT OR IGNORE INTO main.lt_pending (fund_uscc) SELECT coalesce(f.fund_uscc, '')"
        "  FROM shard.filings f JOIN m_fil m ON m.old = f.filing_pk WHERE m.fresh AND f.status = 'checked';";
    if (exec(st, sql) != CK_OK || exec(st, ck_store4_merge_sql) != CK_OK) /* schema-4 rows: store_v4.c */
        goto out;
    sqlite3_stmt *c = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT sum(fresh), sum(NOT fresh) FROM temp.m_fil", -1, &c, NULL) == SQLITE_OK &&
        sqlite3_step(c) == SQLITE_ROW) {
        *out_new = sqlite3_column_int64(c, 0);
        *out_present = sqlite3_column_int64(c, 1);
    }
    sqlite3_finalize(c);
    if (exec(st, "DROP TABLE temp.m_run; DROP TABLE temp.m_off; DROP TABLE temp.m_fil; DROP TABLE temp.m_msg;"
                 " COMMIT") != CK_OK)
        goto out;
    rc = CK_OK;
out:
    if (rc != CK_OK) {
        char *keep = ck_strdup(ck_store_errmsg(st));
        rollback(st);
        free(st->err);
        st->err = keep;
        sqlite3_exec(st->db, "DROP TABLE IF EXISTS temp.m_run; DROP TABLE IF EXISTS temp.m_off;"
                             " DROP TABLE IF EXISTS temp.m_fil; DROP TABLE IF EXISTS temp.m_msg",
                     NULL, NULL, NULL);
    }
    sqlite3_exec(st->db, "DETACH DATABASE shard", NULL, NULL, NULL);
    return rc;
}
