/* SPDX-License-Identifier: MIT */
#ifndef CK_BUF_H
#define CK_BUF_H
/*
 * A growable, always NUL-terminated byte buffer, and helpers that append
 * escaped text (JSON strings) or cut UTF-8 text to a number of characters.
 * The buffer owns its bytes; ck_buf_fini releases them, ck_buf_take hands
 * them to the caller (who frees them with free()).
 */
#include "ck.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct ck_buf {
    char *p;    /* owned; always NUL-terminated once anything was appended */
    size_t len; /* bytes used, excluding the NUL */
    size_t cap; /* bytes allocated */
};

void ck_buf_init(struct ck_buf *b);
void ck_buf_fini(struct ck_buf *b);
void ck_buf_reset(struct ck_buf *b); /* len = 0, keeps the allocation */
/* Returns the bytes (owned by the caller) and re-initialises b; NULL only
 * when out of memory. An append that cannot allocate is dropped and recorded
 * as a failed allocation (mem.h), so a caller may append several times and
 * look once: the thread's record or a NULL from ck_buf_take. */
char *ck_buf_take(struct ck_buf *b);
/* Returns the bytes ("" when empty), borrowed until the next change of b. */
const char *ck_buf_str(const struct ck_buf *b);

void ck_buf_add(struct ck_buf *b, const char *s, size_t n);
void ck_buf_adds(struct ck_buf *b, const char *s);
void ck_buf_addc(struct ck_buf *b, char c);
/* Appends everything left in f (the caller opens and closes it).
 * 0, or -1 when the stream reported a read error (b keeps what was read). */
int ck_buf_add_stream(struct ck_buf *b, FILE *f);
void ck_buf_printf(struct ck_buf *b, const char *fmt, ...) CK_PRINTF(2, 3);
void ck_buf_vprintf(struct ck_buf *b, const char *fmt, va_list ap);
/* Appends s as a JSON string literal with quotes; s may be NULL → null. */
void ck_buf_json_str(struct ck_buf *b, const char *s);
/* Appends s as a CSV field (quoted when needed). */
void ck_buf_csv_field(struct ck_buf *b, const char *s);

/* Number of UTF-8 characters in s (invalid bytes count one each). */
size_t ck_utf8_len(const char *s);
/* Byte length of the first max_chars characters of s. */
size_t ck_utf8_prefix(const char *s, size_t max_chars);
/* Appends s cut to max_chars characters, with "…" when cut; whitespace runs
 * are folded to one space. */
void ck_buf_add_cut(struct ck_buf *b, const char *s, size_t max_chars);
/* Appends the sentence text[sent_start, sent_end) cut to max_chars
 * characters; a long sentence starts 30 characters before the match at
 * match_start, marked with "…". (Evidence of a regex match.) */
void ck_buf_add_sentence(struct ck_buf *b, const char *text, size_t sent_start, size_t sent_end,
                         size_t match_start, size_t max_chars);

#endif
