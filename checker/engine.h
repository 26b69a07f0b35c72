/* SPDX-License-Identifier: MIT */
#ifndef CK_ENGINE_H
#define CK_ENGINE_H
/*
 * The frozen, shared part of a run: where the data lives, the filing XSD
 * (compiled once), the rule set, the catalogue and the example skeleton.
 * Opened once by main, then read by every worker; freed last.
 *
 * Also the per-file pipeline step every command uses: ck_check_path reads,
 * validates and evaluates one filing into a self-contained ck_result (the
 * DOM is released before it returns, so memory stays bounded per filing).
 */
#include "diag.h"
#include "eval.h"
#include "filing.h"
#include "finding.h"
#include "metrics.h"
#include "rules.h"

#include <libxml/xmlschemas.h>

struct ck_catalog;

struct ck_engine_opts {
    const char *rules_dir;   /* NULL: <data>/rules */
    const char *catalog_dir; /* user catalogue dir; NULL: default */
    int lang;                /* CK_LANG_* */
    int no_catalog;          /* skip loading the catalogue (rules that need it see none) */
    const char *data_root;   /* NULL: ck_engine_data_root() */
};

struct ck_engine {
    char *data_root;    /* owned */
    char *rules_dir;    /* owned */
    char *schema_dir;   /* owned */
    char *catalogs_dir; /* owned: shipped catalogues */
    xmlSchemaPtr schema;        /* owned */
    struct ck_ruleset *rules;   /* owned */
    struct ck_catalog *catalog; /* owned; may be NULL */
    xmlDocPtr skeleton;         /* owned; example skeleton */
    int lang;
    int want_hash; /* compute each filing's SHA-256 (default 1; `check` turns it off) */
    ck_diag_fn *diag; /* the public API's diagnostic callback, or NULL */
    void *diag_user;
};

/* Locates the data root: the source tree containing the executable
 * (build/fundcheck → .), else the installed data dir. The library reads no
 * environment: the CLI's $FUNDCHECK_DATA arrives as ck_engine_opts.data_root. */
char *ck_engine_data_root(void);

/* Opens the engine. On failure returns a ck_status and *err holds
 * "file:line: message" lines (caller frees); exit code 3 territory. */
int ck_engine_open(const struct ck_engine_opts *o, struct ck_engine **out, char **err);
void ck_engine_free(struct ck_engine *eng);

struct ck_result {
    char *path;            /* owned */
    int status;            /* CK_OK, or why the filing could not be checked */
    long err_line;
    char *err_msg;         /* owned; NULL when checked */
    struct ck_filing *filing; /* owned; facts only (doc released); NULL on error */
    struct ck_findings findings;
    char *rule_errors;     /* owned; runtime rule errors, or NULL */
    struct ck_metrics metrics; /* direction metrics (Amendment 1); metrics.computed 0 on error */
    struct ck_diags diags; /* why it could not be checked, one entry per problem (diag.h) */
};

/* Checks one file: load, validate, evaluate, compute the direction metrics
 * and the plan's limits, apply exemptions, sort. Never
 * fails as a whole: problems with the file end up in out->status. */
void ck_check_path(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                   struct ck_result *out);
/* The same for filing bytes in memory (borrowed for the call). */
void ck_check_bytes(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                    const char *bytes, size_t len, struct ck_result *out);
/* The same for bytes whose SHA-256 the caller already computed (sha, 64 hex
 * digits): the filing record carries it and the bytes are not hashed again. */
void ck_check_bytes_hashed(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                           const char *bytes, size_t len, const char sha[65], struct ck_result *out);
/* The same for a document in memory (takes ownership of doc). */
void ck_check_doc(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                  xmlDocPtr doc, const struct ck_rule *only, struct ck_result *out);
void ck_result_fini(struct ck_result *r);

#endif
