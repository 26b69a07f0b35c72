/* SPDX-License-Identifier: MIT */
/*
 * Allocation-failure test of libfundcheck through its public API
 * (tests/suite-allocfault.sh). Linked with a build of checker/mem.c made
 * with -DCK_ALLOC_FAULTS, whose counter makes the Nth allocation of the
 * library (its own, and PCRE2's through the library's general context)
 * fail once; libxml2's allocator is not routed through it (docs/library.md).
 *
 * One pass ("load" or "check"):
 *   load   counts the K allocations of ck_engine_new (rules and catalogue of
 *          DATA_DIR), then for each N in the range fails the Nth: the call
 *          must return CK_ENOMEM with a NULL engine, or CK_OK with an engine
 *          that checks FILE exactly as the reference engine does.
 *   worker loads the engine once, counts the K allocations of ck_worker_new,
 *          ck_check_buffer(FILE) and ck_result_free, then for each N fails
 *          the Nth: every call must return CK_ENOMEM (and hand out NULL) or
 *          CK_OK, and a result handed out must have the reference's status
 *          and findings (every field, both languages).
 *   check  the same with one worker made before the loop: only
 *          ck_check_buffer and ck_result_free are counted and failed, and
 *          after each CK_ENOMEM the same worker must check FILE again
 *          exactly as the reference did (a failed call leaves it usable).
 * Under ASan/LeakSanitizer a crash or a leak in any iteration fails the
 * program; --from/--to narrow the range to find the N.
 *
* Usage: allocfault load|worker|check [--from A] [--to B] [--step S] [-v] DATA_DIR FILE
 * Prints "PASS: K allocations, N tried, E CK_ENOMEM, O succeeded" and exits
 * 0, or "FAIL ..." lines and exits 1.
 */
#include "fundcheck.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int verbose;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    return buf;
}

static void append(char **s, size_t *len, const char *field)
{
    size_t n = strlen(field ? field : "(null)");
    char *t = realloc(*s, *len + n + 2);
    if (t == NULL) {
        fputs("allocfault: out of memory in the test itself\n", stderr);
        exit(2);
    }
    memcpy(t + *len, field ? field : "(null)", n);
    t[*len + n] = '\t';
    t[*len + n + 1] = '\0';
    *s = t;
    *len += n + 1;
}

/* Everything a caller can read of a result, as text. */
static char *describe(const struct ck_result *res)
{
    char *s = NULL, num[64];
    size_t len = 0;
    long line;
    snprintf(num, sizeof num, "status=%d", ck_result_status(res));
    append(&s, &len, num);
    const char *err = ck_result_error(res, &line);
    append(&s, &len, err ? err : "-");
    append(&s, &len, ck_result_filing_id(res));
    append(&s, &len, ck_result_fund_uscc(res));
    for (size_t i = 0; i < ck_result_finding_count(res); i++)
        for (int lang = 0; lang < CK_LANG_COUNT; lang++) {
            struct ck_finding_info f;
            if (ck_result_finding(res, i, lang, &f) != CK_OK) {
                append(&s, &len, "finding-error");
                continue;
            }
            snprintf(num, sizeof num, "\n%d/%ld/%d", f.severity, f.line, f.exempted);
            append(&s, &len, num);
            const char *fields[] = {f.rule, f.category, f.holding, f.xpath, f.title, f.message,
                                    f.evidence, f.explain, f.basis_document, f.basis_article,
                                    f.basis_text, f.exempt_document, f.exempt_authority};
            for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
                append(&s, &len, fields[k]);
        }
    return s;
}

/* Worker (unless shared), check, free: the result's description, or NULL
 * with *rc the status of the call that failed (-1: it failed but left its
 * out-parameter set). */
static char *check_once(const struct ck_engine *eng, struct ck_worker *shared, const char *name,
                        const char *bytes, size_t len, int *rc)
{
    struct ck_worker *w = shared ? shared : (struct ck_worker *)1;
    struct ck_result *res = (struct ck_result *)1;
    char *text = NULL;
    *rc = shared ? CK_OK : ck_worker_new(eng, &w);
    if (*rc != CK_OK) {
        if (w != NULL)
            *rc = -1; /* failed without clearing the out-parameter */
        return NULL;
    }
    *rc = ck_check_buffer(w, name, bytes, len, &res);
    if (*rc == CK_OK)
        text = describe(res);
    else if (res != NULL)
        *rc = -1;
    if (*rc == CK_OK)
        ck_result_free(res);
    if (!shared)
        ck_worker_free(w);
    return text;
}

static int parse_ul(const char *s, unsigned long *out)
{
    char *end;
    *out = strtoul(s, &end, 10);
    return *s != '\0' && *end == '\0';
}

int main(int argc, char **argv)
{
    unsigned long from = 1, to = 0, step = 1;
    int i = 1;
    const char *mode = argc > 1 ? argv[i++] : "";
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (i + 1 < argc && strcmp(argv[i], "--from") == 0 && parse_ul(argv[i + 1], &from))
            i++;
        else if (i + 1 < argc && strcmp(argv[i], "--to") == 0 && parse_ul(argv[i + 1], &to))
            i++;
        else if (i + 1 < argc && strcmp(argv[i], "--step") == 0 && parse_ul(argv[i + 1], &step) && step)
            i++;
        else
            break;
    }
    if (argc - i != 2 ||
        (strcmp(mode, "load") != 0 && strcmp(mode, "worker") != 0 && strcmp(mode, "check") != 0)) {
        fputs("usage: allocfault load|worker|check [--from A] [--to B] [--step S] [-v] DATA_DIR FILE\n", stderr);
        return 2;
    }
    const char *data = argv[i], *file = argv[i + 1];
    size_t len;
    char *bytes = slurp(file, &len);
    if (bytes == NULL) {
        perror(file);
        return 2;
    }
    ck_init();
    struct ck_config cfg = {.data_dir = data};
    struct ck_engine *eng;
    int load = strcmp(mode, "load") == 0, shared = strcmp(mode, "check") == 0, rc;

    /* the reference run, counting allocations */
    unsigned long c0 = ck_alloc_faults_count();
    if (ck_engine_new(&cfg, &eng) != CK_OK) {
        fprintf(stderr, "FAIL: the engine does not load from %s without faults\n", data);
        return 1;
    }
    struct ck_worker *sw = NULL;
    if (shared && ck_worker_new(eng, &sw) != CK_OK) {
        fputs("FAIL: no worker without faults\n", stderr);
        return 1;
    }
    unsigned long c1 = ck_alloc_faults_count();
    char *ref = check_once(eng, sw, file, bytes, len, &rc);
    unsigned long c2 = ck_alloc_faults_count();
    if (ref == NULL) {
        fprintf(stderr, "FAIL: the reference check of %s failed: %s\n", file, ck_strerror(rc));
        return 1;
    }
    unsigned long k = load ? c1 - c0 : c2 - c1;
    if (to == 0 || to > k)
        to = k;
    if (verbose)
        fprintf(stderr, "%s: %lu allocations\n", mode, k);

    unsigned long tried = 0, enomem = 0, okays = 0, failures = 0;
    for (unsigned long n = from; n <= to; n += step) {
        tried++;
        if (verbose)
            fprintf(stderr, "N=%lu\n", n);
        char *got = NULL;
        unsigned long before = ck_alloc_faults_count();
        if (load) {
            struct ck_engine *e2 = (struct ck_engine *)1;
            ck_alloc_faults_fail_at(n);
            rc = ck_engine_new(&cfg, &e2);
            ck_alloc_faults_fail_at(0);
            if (rc == CK_OK && e2 != NULL) {
                int rc2;
                got = check_once(e2, NULL, file, bytes, len, &rc2);
                if (got == NULL) {
                    fprintf(stderr, "FAIL N=%lu: the engine loaded but checking failed: %s\n", n,
                            ck_strerror(rc2));
                    failures++;
                }
            } else if (rc != CK_ENOMEM || e2 != NULL) {
                fprintf(stderr, "FAIL N=%lu: ck_engine_new returned %s, engine %s\n", n, ck_strerror(rc),
                        e2 ? "not NULL" : "NULL");
                failures++;
            }
            ck_engine_free(rc == CK_OK ? e2 : NULL);
        } else {
            ck_alloc_faults_fail_at(n);
            got = check_once(eng, sw, file, bytes, len, &rc);
            ck_alloc_faults_fail_at(0);
            if (got == NULL && rc != CK_ENOMEM) {
                fprintf(stderr, "FAIL N=%lu: a call returned %s%s\n", n,
                        rc < 0 ? "an error" : ck_strerror(rc),
                        rc < 0 ? " but its out-parameter is not NULL" : " instead of CK_ENOMEM");
                failures++;
            }
            if (got == NULL && sw != NULL) { /* the worker after a failed call */
                int rc2;
                char *again = check_once(eng, sw, file, bytes, len, &rc2);
                if (again == NULL || strcmp(again, ref) != 0) {
                    fprintf(stderr, "FAIL N=%lu: after CK_ENOMEM the worker checks differently (%s)\n", n,
                            again ? "other findings" : ck_strerror(rc2));
                    failures++;
                }
                free(again);
            }
        }
        if (got != NULL) {
            okays++;
            if (strcmp(got, ref) != 0) {
                fprintf(stderr, "FAIL N=%lu: CK_OK but the result differs from the reference\n", n);
                failures++;
            }
            if (ck_alloc_faults_count() - before < n) /* the fault never came: the counts are unstable */
                fprintf(stderr, "note N=%lu: fewer than N allocations this time\n", n);
        } else if (rc == CK_ENOMEM) {
            enomem++;
        }
        free(got);
    }
    free(ref);
    ck_worker_free(sw);
    ck_engine_free(eng);
    free(bytes);
    if (failures) {
        fprintf(stderr, "FAIL: %lu of %lu values of N failed\n", failures, tried);
        return 1;
    }
    printf("PASS: %s: %lu allocations, %lu tried (N %lu..%lu step %lu), %lu CK_ENOMEM, %lu succeeded\n",
           mode, k, tried, from, to, step, enomem, okays);
    return 0;
}
