/* SPDX-License-Identifier: MIT */
#include "mem.h"

#include "ck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

CK_NORETURN static void out_of_memory(size_t n)
{
    fprintf(stderr, "fundcheck: out of memory (%zu bytes)\n", n);
    exit(CK_EXIT_SYSTEM);
}

void *ck_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
        out_of_memory(n);
    return p;
}

void *ck_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (p == NULL)
        out_of_memory(count * size);
    return p;
}

void *ck_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        out_of_memory(n);
    return q;
}

void *ck_reallocarray(void *p, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    return ck_realloc(p, count * size);
}

char *ck_strdup(const char *s)
{
    return ck_strndup(s, strlen(s));
}

char *ck_strndup(const char *s, size_t n)
{
    char *p = ck_malloc(n + 1);
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
