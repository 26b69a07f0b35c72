/* SPDX-License-Identifier: MIT */
/* The public API (fundcheck.h): one engine shared by several threads gives
 * each filing exactly the findings a single thread gives; buffers and paths
 * agree; diagnostics arrive through the callback; bad arguments are values. */
#include "ck_test.h"

#include "fundcheck.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const fixtures[] = {
    "fixtures/derivatives.xml", "fixtures/disguised-debt.xml", "fixtures/guarantee.xml",
    "fixtures/public-stock.xml", "fixtures/negative-list.xml", "fixtures/data-quality.xml",
    "fixtures/exemption.xml",    "fixtures/industry-restricted.xml",
};
#define N_FIX (sizeof fixtures / sizeof fixtures[0])
#define N_THREADS 4
#define ROUNDS 3

/* One line per finding: rule, holding, line, message (zh), exempted. */
static char *digest(const struct ck_result *res)
{
    size_t cap = 4096, len = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < ck_result_finding_count(res); i++) {
        struct ck_finding_info f;
        if (ck_result_finding(res, i, CK_LANG_ZH, &f) != CK_OK)
            break;
        size_t need = (size_t)snprintf(NULL, 0, "%s|%s|%ld|%s|%d\n", f.rule, f.holding ? f.holding : "-",
                                       f.line, f.message, f.exempted);
        while (len + need + 1 > cap)
            out = realloc(out, cap *= 2);
        len += (size_t)snprintf(out + len, cap - len, "%s|%s|%ld|%s|%d\n", f.rule,
                                f.holding ? f.holding : "-", f.line, f.message, f.exempted);
    }
    return out;
}

struct job {
    const struct ck_engine *eng;
    char *const *want;
    int mismatches, errors;
    int handler_changed, handler_calls; /* the thread's own libxml2 handlers */
};

/* A caller's own libxml2 handlers (per thread in libxml2): the library must
 * neither replace nor call them. */
static _Thread_local int caller_handler_calls;
static void caller_serror(void *data, xmlErrorPtr err)
{
    (void)data;
    (void)err;
    caller_handler_calls++;
}
static void caller_generic(void *data, const char *fmt, ...)
{
    (void)data;
    (void)fmt;
    caller_handler_calls++;
}

/* Filings whose errors come from the parser, the DOCTYPE guard and the
 * schema validator. */
static const char *const bad_filings[] = {
    "not xml <",
    "<?xml version=\"1.0\"?><!DOCTYPE f [<!ENTITY a \"b\">]><f>&a;</f>",
    "<?xml version=\"1.0\"?><filing xmlns=\"urn:gif:filing:1\"><bogus/></filing>",
};

/* Checks the bad filings; returns how many did not give a clean "not
 * checked" result. */
static int check_bad_filings(struct ck_worker *w)
{
    int wrong = 0;
    for (size_t i = 0; i < sizeof bad_filings / sizeof bad_filings[0]; i++) {
        struct ck_result *res = NULL;
        if (ck_check_buffer(w, "bad.xml", bad_filings[i], strlen(bad_filings[i]), &res) != CK_OK ||
            ck_result_status(res) == CK_OK)
            wrong++;
        ck_result_free(res);
    }
    /* encoding errors, which libxml2 2.9 raises without a parser context */
    struct ck_result *res = NULL;
    if (ck_check_file(w, "tests/hostile/utf8-declared-gbk.xml", &res) != CK_OK ||
        ck_result_status(res) == CK_OK)
        wrong++;
    ck_result_free(res);
    return wrong;
}

static void *run(void *arg)
{
    struct job *j = arg;
    int marker = 0;
    xmlSetStructuredErrorFunc(&marker, caller_serror);
    xmlSetGenericErrorFunc(&marker, caller_generic);
    struct ck_worker *w = NULL;
    if (ck_worker_new(j->eng, &w) != CK_OK) {
        j->errors++;
        return NULL;
    }
    for (int r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < N_FIX; i++) {
            struct ck_result *res = NULL;
            if (ck_check_file(w, fixtures[i], &res) != CK_OK || ck_result_status(res) != CK_OK) {
                j->errors++;
            } else {
                char *got = digest(res);
                j->mismatches += strcmp(got, j->want[i]) != 0;
                free(got);
            }
            ck_result_free(res);
            j->errors += check_bad_filings(w);
        }
    ck_worker_free(w);
    if (xmlStructuredError != caller_serror || xmlStructuredErrorContext != &marker ||
        xmlGenericError != caller_generic || xmlGenericErrorContext != &marker)
        j->handler_changed++;
    j->handler_calls = caller_handler_calls;
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    return NULL;
}

static int n_diags;
static char last_id[64];
static void count_diag(void *user, const struct ck_diag *d)
{
    (void)user;
    n_diags++;
    snprintf(last_id, sizeof last_id, "%s", d->id);
}

CK_TEST(api_threads_share_one_engine)
{
    struct ck_config cfg = {0};
    struct ck_engine *eng = NULL;
    CHECK_STATUS(ck_engine_new(&cfg, &eng), CK_OK);
    if (eng == NULL)
        return;
    CHECK(ck_engine_rule_count(eng) > 40);
    struct ck_worker *w = NULL;
    CHECK_STATUS(ck_worker_new(eng, &w), CK_OK);
    char *want[N_FIX];
    size_t total = 0;
    for (size_t i = 0; i < N_FIX; i++) {
        struct ck_result *res = NULL;
        CHECK_STATUS(ck_check_file(w, fixtures[i], &res), CK_OK);
        want[i] = digest(res);
        total += ck_result_finding_count(res);
        ck_result_free(res);
    }
    CHECK(total > 20);
    ck_worker_free(w);
    pthread_t t[N_THREADS];
    struct job jobs[N_THREADS];
    for (int k = 0; k < N_THREADS; k++) {
        jobs[k] = (struct job){eng, want, 0, 0, 0, 0};
        CHECK_INT_EQ(pthread_create(&t[k], NULL, run, &jobs[k]), 0);
    }
    for (int k = 0; k < N_THREADS; k++) {
        pthread_join(t[k], NULL);
        CHECK_INT_EQ(jobs[k].mismatches, 0);
        CHECK_INT_EQ(jobs[k].errors, 0);
        CHECK_INT_EQ(jobs[k].handler_changed, 0);
        CHECK_INT_EQ(jobs[k].handler_calls, 0);
    }
    for (size_t i = 0; i < N_FIX; i++)
        free(want[i]);
    ck_engine_free(eng);
}

CK_TEST(api_buffer_equals_file_and_errors_are_values)
{
    n_diags = 0;
    struct ck_config cfg = {.diag = count_diag};
    struct ck_engine *eng = NULL;
    CHECK_STATUS(ck_engine_new(&cfg, &eng), CK_OK);
    if (eng == NULL)
        return;
    struct ck_worker *w = NULL;
    CHECK_STATUS(ck_worker_new(eng, &w), CK_OK);
    FILE *fp = fopen("fixtures/guarantee.xml", "rb");
    CHECK(fp != NULL);
    if (fp == NULL)
        return;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    struct ck_result *a = NULL, *b = NULL, *bad = NULL;
    CHECK_STATUS(ck_check_file(w, "fixtures/guarantee.xml", &a), CK_OK);
    CHECK_STATUS(ck_check_buffer(w, "fixtures/guarantee.xml", buf, len, &b), CK_OK);
    char *da = digest(a), *db = digest(b);
    CHECK_STR_EQ(da, db);
    CHECK(ck_result_finding_count(a) > 0);
    CHECK_INT_EQ(n_diags, 0);
    /* a filing that is not XML: checked "not", one diagnostic, the call succeeds */
    CHECK_STATUS(ck_check_buffer(w, "junk.xml", "not xml", 7, &bad), CK_OK);
    CHECK(ck_result_status(bad) != CK_OK);
    long line = -1;
    CHECK(ck_result_error(bad, &line) != NULL);
    CHECK(n_diags >= 1);
    CHECK(strncmp(last_id, "FC-X", 4) == 0); /* a well-formedness diagnostic (diag.c's table) */
    /* invalid arguments */
    struct ck_finding_info fi;
    CHECK_STATUS(ck_result_finding(a, ck_result_finding_count(a), CK_LANG_ZH, &fi), CK_EINVAL);
    CHECK_STATUS(ck_result_finding(a, 0, 7, &fi), CK_EINVAL);
    struct ck_result *none = (struct ck_result *)1;
    CHECK_STATUS(ck_check_file(NULL, "x", &none), CK_EINVAL);
    CHECK(none == NULL);
    free(da);
    free(db);
    ck_result_free(a);
    ck_result_free(b);
    ck_result_free(bad);
    ck_worker_free(w);
    ck_engine_free(eng);
}

/* An embedding program's own global libxml2 handlers survive engine
 * creation (rule files, schemas, the example skeleton) and checks of
 * filings that fail in the parser, the DOCTYPE guard and the schema, and
 * are never called: the library reports through its own contexts. */
CK_TEST(api_leaves_callers_libxml2_handlers_alone)
{
    int marker = 0;
    caller_handler_calls = 0;
    xmlSetStructuredErrorFunc(&marker, caller_serror);
    xmlSetGenericErrorFunc(&marker, caller_generic);
    n_diags = 0;
    struct ck_config cfg = {.diag = count_diag};
    struct ck_engine *eng = NULL;
    CHECK_STATUS(ck_engine_new(&cfg, &eng), CK_OK);
    struct ck_worker *w = NULL;
    if (eng != NULL)
        CHECK_STATUS(ck_worker_new(eng, &w), CK_OK);
    if (w != NULL) {
        CHECK_INT_EQ(check_bad_filings(w), 0);
        CHECK(n_diags >= 4); /* the errors went to the library's own callback */
    }
    /* a rule set that fails to load reports through the callback too */
    struct ck_config bad = {.rules_dir = "tests/unit", .diag = count_diag};
    struct ck_engine *none = NULL;
    CHECK(ck_engine_new(&bad, &none) != CK_OK);
    CHECK(none == NULL);
    CHECK(xmlStructuredError == caller_serror);
    CHECK(xmlStructuredErrorContext == &marker);
    CHECK(xmlGenericError == caller_generic);
    CHECK(xmlGenericErrorContext == &marker);
    CHECK_INT_EQ(caller_handler_calls, 0);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, NULL);
    ck_worker_free(w);
    ck_engine_free(eng);
}
