/* SPDX-License-Identifier: MIT */
#ifndef FUNDCHECK_H
#define FUNDCHECK_H
/*
 * libfundcheck — the one public header.
 *
 * Checks portfolio filings of government investment funds (format
 * urn:gif:filing:1) against a rule set and an industry catalogue, and hands
 * back the findings as data.
 *
 *   struct ck_engine     the compiled rule set, catalogue and filing schema.
 *                        Opened once, then frozen: any number of threads may
 *                        use one engine at the same time.
 *   struct ck_worker     per-thread scratch (compiled XPath, regex match
 *                        data). One per thread; never shared.
 *   struct ck_result     the outcome of checking one filing: its status and
 *                        its findings. Self-contained: it outlives the
 *                        filing's bytes and DOM, and may be read by any thread.
 *
 * Conventions:
 *  - Every function that can fail returns an enum ck_status (CK_OK is 0) and
 *    writes its product through an out-parameter, which is NULL on failure.
 *  - A filing that cannot be checked (not XML, wrong namespace, schema
 *    violation, too large) is not a failure of the call: ck_check_* return
 *    CK_OK with a result whose ck_result_status() says why.
 *  - The library never exits the process, never reads the environment,
 *    never prints, and never replaces an error handler the caller installed
 *    in libxml2, PCRE2 or SQLite. Everything it has to say about loading or
 *    checking goes through the diagnostic callback given at open (optional).
 *  - Strings handed out are UTF-8 and borrowed from the object they came
 *    from; they live as long as that object. Free objects with their own
 *    *_free function; each accepts NULL.
 *  - Call ck_init() once from the main thread before any other function and
 *    before starting threads that use the library (it initialises libxml2,
 *    which requires this of multi-threaded programs).
 */
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FUNDCHECK_API_VERSION 1

enum ck_status {
    CK_OK = 0,
    CK_ENOMEM,    /* out of memory */
    CK_EIO,       /* reading or writing a file failed */
    CK_EINVAL,    /* invalid argument or invocation */
    CK_ESYNTAX,   /* malformed rule, catalogue or filing text */
    CK_ELIMIT,    /* an input limit was hit */
    CK_EXML,      /* libxml2 reported an error */
    CK_EREGEX,    /* PCRE2 reported an error */
    CK_EDB,       /* SQLite reported an error */
    CK_EINTERNAL, /* a bug */
    CK_STATUS_COUNT
};

enum ck_severity {
    CK_SEV_NOTICE = 0,
    CK_SEV_WARNING,
    CK_SEV_VIOLATION,
    CK_SEV_COUNT,
};

/* Languages of messages: Chinese is the default everywhere. */
enum ck_lang { CK_LANG_ZH = 0, CK_LANG_EN, CK_LANG_COUNT };

/* Initialises the libraries underneath (libxml2's parser). Idempotent. */
int ck_init(void);

/* A static English description of a status code. */
const char *ck_strerror(int status);
/* The library version, "MAJOR.MINOR.PATCH". */
const char *ck_version(void);

/* ---- diagnostics ---- */

enum ck_diag_level { CK_DIAG_NOTE = 0, CK_DIAG_WARNING, CK_DIAG_ERROR };

/* One diagnostic. Every pointer is valid only during the callback; file,
 * holding and xpath may be NULL; line and column are 0 when unknown. */
struct ck_diag {
    int level;          /* enum ck_diag_level */
    const char *id;     /* stable message id, e.g. "FC-E-RULESET" (docs/library.md) */
    const char *file;
    long line, column;
    const char *holding; /* holding id when the problem lies inside one */
    const char *text[CK_LANG_COUNT]; /* the message in Chinese and in English */
};

/* Called from the thread that made the call that produced the diagnostic. */
typedef void ck_diag_fn(void *user, const struct ck_diag *d);

/* ---- the engine ---- */

struct ck_config {
    const char *data_dir;    /* holds rules/, catalogs/ and schema/ (or checker/schema/);
                                NULL: next to the running program, else the installed one */
    const char *rules_dir;   /* NULL: <data_dir>/rules */
    const char *catalog_dir; /* the user's imported catalogue editions; NULL: none */
    int no_catalog;          /* 1: load no catalogue (catalogue rules see none) */
    int lang;                /* enum ck_lang of explanations written during evaluation */
    ck_diag_fn *diag;        /* may be NULL */
    void *diag_user;
};

struct ck_engine;

/* Loads and compiles schema, catalogue and rule set. On failure every
 * problem has been reported through cfg->diag (id FC-E-RULESET, with file
 * and line) and *out is NULL. */
int ck_engine_new(const struct ck_config *cfg, struct ck_engine **out);
void ck_engine_free(struct ck_engine *eng);

/* Number of rules, and a version string of the rule set and of the loaded
 * catalogue (both change whenever the data does). */
size_t ck_engine_rule_count(const struct ck_engine *eng);
const char *ck_engine_rules_version(const struct ck_engine *eng);
const char *ck_engine_catalog_version(const struct ck_engine *eng);

/* ---- checking ---- */

struct ck_worker;
struct ck_result;

/* One worker per thread; it borrows eng, which must outlive it. */
int ck_worker_new(const struct ck_engine *eng, struct ck_worker **out);
void ck_worker_free(struct ck_worker *w);

/* Checks the filing in file `path`, or in the `len` bytes at `data` (borrowed
 * for the call only; `name` is used in messages and results). The filing's
 * own problems are reported through the diagnostic callback (id
 * FC-E-FILING) and in the result; the call fails only for a system error
 * (CK_ENOMEM) or an invalid argument (CK_EINVAL). */
int ck_check_file(struct ck_worker *w, const char *path, struct ck_result **out);
int ck_check_buffer(struct ck_worker *w, const char *name, const void *data, size_t len,
                    struct ck_result **out);
void ck_result_free(struct ck_result *res);

/* CK_OK when the filing was checked; otherwise why it could not be (then
 * ck_result_error gives the line and the reason in English). */
int ck_result_status(const struct ck_result *res);
const char *ck_result_error(const struct ck_result *res, long *line);
/* Header facts of a checked filing ("" when absent). */
const char *ck_result_filing_id(const struct ck_result *res);
const char *ck_result_fund_uscc(const struct ck_result *res);

/* A finding as data. Strings are borrowed from the result; holding,
 * evidence, explain and the exempt_* fields may be NULL. */
struct ck_finding_info {
    const char *rule;     /* rule id, e.g. "DRV-001" */
    const char *category; /* the output contract's category */
    int severity;         /* enum ck_severity */
    const char *holding;  /* holding id, or NULL */
    long line;
    const char *xpath;
    const char *title;    /* rule title in the language asked for */
    const char *message;  /* in the language asked for */
    const char *evidence; /* "field: value; …" */
    const char *explain;  /* extra explanation (catalogue scores, exemptions seen) */
    const char *basis_document, *basis_article, *basis_text; /* first legal basis */
    int exempted;
    const char *exempt_document, *exempt_authority;
};

size_t ck_result_finding_count(const struct ck_result *res);
/* Fills *out with finding i (0-based, in the stable report order) in
 * language lang; CK_EINVAL when i or lang is out of range. */
int ck_result_finding(const struct ck_result *res, size_t i, int lang, struct ck_finding_info *out);
/* Findings at or above severity sev that no exemption waived. */
size_t ck_result_count_at_least(const struct ck_result *res, int sev);

#ifdef __cplusplus
}
#endif
#endif
