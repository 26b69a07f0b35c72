/* SPDX-License-Identifier: MIT */
#include "mem.h"

#include "ck.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local int failed;
static ck_mem_fail_fn *on_failure;

void ck_mem_clear(void)
{
    failed = 0;
}

int ck_mem_failed(void)
{
    return failed;
}

void ck_mem_on_failure(ck_mem_fail_fn *fn)
{
    on_failure = fn;
}

static void *fail(size_t n)
{
    failed = 1;
    if (on_failure)
        on_failure(n);
    return NULL;
}

#ifdef CK_ALLOC_FAULTS
/* Single-threaded test program only: plain counters. */
static unsigned long n_allocs, fail_at;

unsigned long ck_alloc_faults_count(void)
{
    return n_allocs;
}

void ck_alloc_faults_fail_at(unsigned long n)
{
    fail_at = n ? n_allocs + n : 0;
}

/* 1 when this allocation is the one to fail */
static int injected(void)
{
    return ++n_allocs == fail_at;
}
#else
static int injected(void)
{
    return 0;
}
#endif

void *ck_malloc(size_t n)
{
    void *p = injected() ? NULL : malloc(n ? n : 1);
    return p ? p : fail(n);
}

void *ck_calloc(size_t count, size_t size)
{
    void *p = injected() ? NULL : calloc(count ? count : 1, size ? size : 1);
    return p ? p : fail(count * size);
}

void *ck_realloc(void *p, size_t n)
{
    void *q = injected() ? NULL : realloc(p, n ? n : 1);
    return q ? q : fail(n);
}

void *ck_reallocarray(void *p, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return fail(SIZE_MAX);
    return ck_realloc(p, count * size);
}

int ck_grow(void *pp, size_t count, size_t size)
{
    void *old;
    memcpy(&old, pp, sizeof old);
    void *q = ck_reallocarray(old, count, size);
    if (q == NULL)
        return CK_ENOMEM;
    memcpy(pp, &q, sizeof q);
    return CK_OK;
}

char *ck_strdup(const char *s)
{
    return ck_strndup(s, strlen(s));
}

char *ck_strndup(const char *s, size_t n)
{
    char *p = ck_malloc(n + 1);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

const char *ck_strerror(int status)
{
    static const char *const text[CK_STATUS_COUNT] = {
        [CK_OK] = "success",
        [CK_ENOMEM] = "out of memory",
        [CK_EIO] = "input/output error",
        [CK_EINVAL] = "invalid argument",
        [CK_ESYNTAX] = "syntax error",
        [CK_ELIMIT] = "limit exceeded",
        [CK_EXML] = "XML error",
        [CK_EREGEX] = "regular expression error",
        [CK_EDB] = "database error",
        [CK_EINTERNAL] = "internal error",
    };
    if (status < 0 || status >= CK_STATUS_COUNT)
        return "unknown status";
    return text[status];
}
