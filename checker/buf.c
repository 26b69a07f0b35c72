/* SPDX-License-Identifier: MIT */
#include "buf.h"

#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ck_buf_init(struct ck_buf *b)
{
    b->p = NULL;
    b->len = 0;
    b->cap = 0;
}

void ck_buf_fini(struct ck_buf *b)
{
    if (b == NULL)
        return;
    free(b->p);
    ck_buf_init(b);
}

void ck_buf_reset(struct ck_buf *b)
{
    b->len = 0;
    if (b->p)
        b->p[0] = '\0';
}

/* 0, or -1 when out of memory: then b is unchanged, the append is dropped and
 * the failure is on the thread's record (mem.h), which fails the API call. */
static int grow(struct ck_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = ck_realloc(b->p, cap);
    if (p == NULL)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

char *ck_buf_take(struct ck_buf *b)
{
    char *p = b->p ? b->p : ck_strdup("");
    ck_buf_init(b);
    return p;
}

const char *ck_buf_str(const struct ck_buf *b)
{
    return b->p ? b->p : "";
}

void ck_buf_add(struct ck_buf *b, const char *s, size_t n)
{
    if (grow(b, n) < 0)
        return;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void ck_buf_adds(struct ck_buf *b, const char *s)
{
    ck_buf_add(b, s, strlen(s));
}

int ck_buf_add_stream(struct ck_buf *b, FILE *f)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ck_buf_add(b, chunk, n);
    return ferror(f) ? -1 : 0;
}

void ck_buf_addc(struct ck_buf *b, char c)
{
    ck_buf_add(b, &c, 1);
}

void ck_buf_vprintf(struct ck_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if (grow(b, (size_t)n) < 0)
        return;
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void ck_buf_printf(struct ck_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ck_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void ck_buf_json_str(struct ck_buf *b, const char *s)
{
    if (s == NULL) {
        ck_buf_adds(b, "null");
        return;
    }
    ck_buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        /* copy the run of characters that need no escape in one go */
        const unsigned char *run = p;
        while (*p >= 0x20 && *p != '"' && *p != '\\')
            p++;
        if (p > run)
            ck_buf_add(b, (const char *)run, (size_t)(p - run));
        if (*p == '\0')
            break;
        switch (*p) {
        case '"': ck_buf_adds(b, "\\\""); break;
        case '\\': ck_buf_adds(b, "\\\\"); break;
        case '\n': ck_buf_adds(b, "\\n"); break;
        case '\r': ck_buf_adds(b, "\\r"); break;
        case '\t': ck_buf_adds(b, "\\t"); break;
        default: ck_buf_printf(b, "\\u%04x", *p);
        }
        p++;
    }
    ck_buf_addc(b, '"');
}

void ck_buf_csv_field(struct ck_buf *b, const char *s)
{
    if (s == NULL)
        return;
    if (strpbrk(s, ",\"\n\r") == NULL) {
        ck_buf_adds(b, s);
        return;
    }
    ck_buf_addc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            ck_buf_addc(b, '"');
        ck_buf_addc(b, *p);
    }
    ck_buf_addc(b, '"');
}

static size_t utf8_char_len(const unsigned char *p)
{
    if (*p < 0x80)
        return 1;
    size_t n = (*p >= 0xF0) ? 4 : (*p >= 0xE0) ? 3 : (*p >= 0xC0) ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

size_t ck_utf8_len(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += utf8_char_len(p))
        n++;
    return n;
}

size_t ck_utf8_prefix(const char *s, size_t max_chars)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < max_chars && *p; i++)
        p += utf8_char_len(p);
    return (size_t)(p - (const unsigned char *)s);
}

void ck_buf_add_cut(struct ck_buf *b, const char *s, size_t max_chars)
{
    size_t chars = 0;
    int space = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = 1;
            p++;
            continue;
        }
        if (chars >= max_chars) {
            ck_buf_adds(b, "…");
            return;
        }
        if (space) {
            ck_buf_addc(b, ' ');
            space = 0;
            chars++;
        }
        size_t n = utf8_char_len(p);
        ck_buf_add(b, (const char *)p, n);
        p += n;
        chars++;
    }
}

static size_t utf8_chars(const char *p, const char *end)
{
    size_t n = 0;
    for (; p < end; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            n++;
    return n;
}

void ck_buf_add_sentence(struct ck_buf *b, const char *text, size_t sent_start, size_t sent_end,
                         size_t match_start, size_t max_chars)
{
    const char *s = text + sent_start, *end = text + sent_end;
    size_t off = 0;
    if (utf8_chars(s, end) > max_chars) {
        size_t before = utf8_chars(s, text + match_start);
        size_t skip = before > 30 ? before - 30 : 0;
        off = ck_utf8_prefix(s, skip);
        if (skip)
            ck_buf_adds(b, "…");
    }
    char *sent = ck_strndup(s + off, (size_t)(end - (s + off)));
    if (sent == NULL)
        return;
    ck_buf_add_cut(b, sent, max_chars);
    free(sent);
}
