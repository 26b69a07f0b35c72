/* SPDX-License-Identifier: MIT */
#include "regex.h"

#include "buf.h"
#include "ck.h"
#include "mem.h"
#include "prefilter.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* PCRE2 allocates through the library's allocator (mem.h), so its
 * exhaustion is on the thread's record like the library's own, except while
 * the JIT compiles: PCRE2 10.42's JIT compiler crashes when an allocation
 * fails (found by build/allocfault load), so its memory comes from malloc
 * directly and is not part of the fault injection. */
static _Thread_local int in_jit;

static void *pcre2_alloc(PCRE2_SIZE n, void *data)
{
    (void)data;
    return in_jit ? malloc(n ? n : 1) : ck_malloc(n);
}

static void pcre2_release(void *p, void *data)
{
    (void)data;
    free(p);
}

static pcre2_general_context *general_context(void)
{
    return pcre2_general_context_create(pcre2_alloc, pcre2_release, NULL);
}

int ck_regex_compile(const char *pattern, pcre2_code **out, char **err)
{
    int code;
    PCRE2_SIZE offset;
    *out = NULL;
    *err = NULL;
    pcre2_general_context *gc = general_context();
    pcre2_compile_context *cc = gc ? pcre2_compile_context_create(gc) : NULL;
    pcre2_code *re = cc ? pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code,
                                        &offset, cc)
                        : NULL;
    pcre2_compile_context_free(cc);
    pcre2_general_context_free(gc);
    if (cc == NULL || (re == NULL && code == PCRE2_ERROR_HEAP_FAILED) || ck_mem_failed()) {
        pcre2_code_free(re);
        return CK_ENOMEM;
    }
    if (re == NULL) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, "offset %zu: %s", (size_t)offset, (const char *)msg);
        *err = ck_buf_take(&b);
        return CK_EREGEX;
    }
    *out = re;
    return CK_OK;
}

static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

void ck_regex_enable_jit(struct ck_regex *rx)
{
    if (rx->jit)
        return;
    /* without the record the pattern never gets JIT (and the thread's
     * out-of-memory record fails the load) */
    struct ck_regex_jit *j = ck_calloc(1, sizeof *j);
    if (j == NULL)
        return;
    j->codes = ck_calloc(1 + rx->n_unless, sizeof *j->codes);
    if (j->codes == NULL) {
        free(j);
        return;
    }
    rx->jit = j;
    atomic_init(&rx->jit->uses, 0);
    for (size_t k = 0; k <= rx->n_unless; k++)
        atomic_init(&rx->jit->codes[k], NULL);
}

void ck_regex_jit(const struct ck_regex *rx)
{
    struct ck_regex_jit *j = rx->jit;
    if (j == NULL)
        return;
    int n = atomic_load_explicit(&j->uses, memory_order_relaxed);
    if (n >= CK_REGEX_JITTED)
        return;
    if (n < CK_REGEX_JIT_AFTER - 1) {
        /* a lost update only delays the JIT a little */
        atomic_fetch_add_explicit(&j->uses, 1, memory_order_relaxed);
        return;
    }
    pthread_mutex_lock(&jit_lock);
    if (atomic_load_explicit(&j->uses, memory_order_relaxed) < CK_REGEX_JITTED) {
        /* the copy and the JIT allocate from malloc, outside the fault
         * injection: PCRE2 10.42's JIT compiler crashes when an allocation
         * fails (see pcre2_alloc) */
        in_jit = 1;
        for (size_t k = 0; k <= rx->n_unless; k++) {
            pcre2_code *orig = k == 0 ? rx->re : rx->unless[k - 1];
            pcre2_code *c = orig ? pcre2_code_copy(orig) : NULL;
            /* JIT is an optimisation: where it is unavailable (or memory
             * runs out) the interpreter runs on the original */
            if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
                pcre2_code_free(c);
                c = NULL;
            }
            if (c)
                atomic_store_explicit(&j->codes[k], c, memory_order_release);
        }
        in_jit = 0;
        atomic_store_explicit(&j->uses, CK_REGEX_JITTED, memory_order_relaxed);
    }
    pthread_mutex_unlock(&jit_lock);
}

void ck_regex_fini(struct ck_regex *rx)
{
    if (rx == NULL)
        return;
    free(rx->id);
    free(rx->source);
    free(rx->file);
    pcre2_code_free(rx->re);
    for (size_t i = 0; i < rx->n_unless; i++)
        pcre2_code_free(rx->unless[i]);
    free(rx->unless);
    free(rx->pf_unless);
    if (rx->jit) {
        for (size_t k = 0; k <= rx->n_unless; k++)
            pcre2_code_free(atomic_load(&rx->jit->codes[k]));
        free(rx->jit->codes);
        free(rx->jit);
    }
    memset(rx, 0, sizeof *rx);
}

struct ck_regex_scratch *ck_regex_scratch_new(const struct ck_prefilter *pf)
{
    struct ck_regex_scratch *s = ck_calloc(1, sizeof *s);
    pcre2_general_context *gc = general_context();
    if (s == NULL || gc == NULL) {
        free(s);
        pcre2_general_context_free(gc);
        return NULL;
    }
    s->md = pcre2_match_data_create(16, gc);
    s->mctx = pcre2_match_context_create(gc);
    s->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, gc);
    pcre2_general_context_free(gc);
    s->memo = ck_calloc(CK_REGEX_MEMO_SLOTS, sizeof *s->memo);
    if (pf != NULL && ck_prefilter_patterns(pf) > 0) {
        s->pf = pf;
        s->pf_words = ck_prefilter_words(pf);
        s->pf_slots = ck_calloc(CK_REGEX_PF_SLOTS, sizeof *s->pf_slots);
        s->pf_bits = ck_calloc(CK_REGEX_PF_SLOTS * s->pf_words, sizeof *s->pf_bits);
    }
    if (s->md == NULL || s->mctx == NULL || s->jit_stack == NULL || s->memo == NULL ||
        (s->pf != NULL && (s->pf_slots == NULL || s->pf_bits == NULL))) {
        ck_regex_scratch_free(s);
        return NULL;
    }
    ck_regex_scratch_new_doc(s);
    pcre2_set_match_limit(s->mctx, CK_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(s->mctx, CK_REGEX_DEPTH_LIMIT);
    pcre2_jit_stack_assign(s->mctx, NULL, s->jit_stack);
    return s;
}

void ck_regex_scratch_free(struct ck_regex_scratch *s)
{
    if (s == NULL)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
    pcre2_jit_stack_free(s->jit_stack);
    free(s->memo);
    free(s->pf_slots);
    free(s->pf_bits);
    free(s);
}

int ck_regex_may_match(struct ck_regex_scratch *s, struct ck_regex_text *t, int pf_id)
{
    if (pf_id == 0 || s->pf == NULL)
        return 1;
    if (t->bits == NULL) {
        uint64_t *bits;
        if (t->key != NULL) {
            uintptr_t h = ((uintptr_t)t->key >> 4) * 2654435761u + (uintptr_t)t->tag;
            size_t i = (size_t)((h >> 7) % CK_REGEX_PF_SLOTS);
            struct ck_regex_pf_slot *e = &s->pf_slots[i];
            bits = &s->pf_bits[i * s->pf_words];
            if (!(e->key == t->key && e->tag == t->tag && e->len == t->len &&
                  e->generation == s->generation)) {
                ck_prefilter_scan(s->pf, t->text, t->len, bits);
                e->key = t->key;
                e->tag = t->tag;
                e->len = t->len;
                e->generation = s->generation;
            }
        } else if (s->pf_words <= CK_REGEX_PF_INLINE) {
            bits = t->own;
            ck_prefilter_scan(s->pf, t->text, t->len, bits);
        } else {
            return 1;
        }
        t->bits = bits;
    }
    if (ck_prefilter_pass(s->pf, t->bits, pf_id - 1))
        return 1;
    s->skipped++;
    return 0;
}

int ck_regex_search(const pcre2_code *re, struct ck_regex_scratch *s, const char *text,
                    size_t len, size_t *out_start, size_t *out_end)
{
    s->searches++;
    int rc = pcre2_match(re, (PCRE2_SPTR)text, len, 0, PCRE2_NO_UTF_CHECK, s->md, s->mctx);
    if (rc < 0) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_HEAPLIMIT)
            s->limit_hits++;
        return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    if (out_start)
        *out_start = ov[0];
    if (out_end)
        *out_end = ov[1];
    return 1;
}

/* Length of a sentence terminator at p (0 if none). The terminators are
 * 。；！？ (3 bytes each in UTF-8) and ASCII ; ! ? and newline. */
static size_t terminator_len(const unsigned char *p, const unsigned char *end)
{
    if (*p == ';' || *p == '!' || *p == '?' || *p == '\n')
        return 1;
    if (*p == 0xE3 && end - p >= 3 && p[1] == 0x80 && p[2] == 0x82) /* 。 */
        return 3;
    if (*p == 0xEF && end - p >= 3 && p[1] == 0xBC &&
        (p[2] == 0x9B || p[2] == 0x81 || p[2] == 0x9F)) /* ；！？ */
        return 3;
    return 0;
}

/* Strict UTF-8 check. Matching runs with PCRE2_NO_UTF_CHECK (several
 * times faster for these patterns), which is only safe on valid UTF-8;
 * libxml2 always hands us valid UTF-8, but this keeps it true for any
 * caller at the cost of one cheap pass per text. */
static int valid_utf8(const unsigned char *p, size_t len)
{
    const unsigned char *end = p + len;
    while (p < end) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        size_t n;
        unsigned min;
        if ((*p & 0xE0) == 0xC0) { n = 2; min = 0x80; }
        else if ((*p & 0xF0) == 0xE0) { n = 3; min = 0x800; }
        else if ((*p & 0xF8) == 0xF0) { n = 4; min = 0x10000; }
        else return 0;
        if ((size_t)(end - p) < n)
            return 0;
        unsigned cp = *p & (0x7F >> n);
        for (size_t i = 1; i < n; i++) {
            if ((p[i] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        p += n;
    }
    return 1;
}

static int match_sentences(const struct ck_regex *rx, struct ck_regex_scratch *s,
                           struct ck_regex_text *t, struct ck_regex_hit *hit);

int ck_regex_match(const struct ck_regex *rx, struct ck_regex_scratch *s, const char *text,
                   size_t len, struct ck_regex_hit *hit)
{
    if (!valid_utf8((const unsigned char *)text, len))
        return 0;
    struct ck_regex_text t = {text, len, NULL, 0, NULL, {0}};
    return match_sentences(rx, s, &t, hit);
}

static int match_sentences(const struct ck_regex *rx, struct ck_regex_scratch *s,
                           struct ck_regex_text *tv, struct ck_regex_hit *hit)
{
    const char *text = tv->text;
    size_t len = tv->len;
    const unsigned char *base = (const unsigned char *)text;
    const unsigned char *end = base + len;
    const unsigned char *start = base;
    /* A quick whole-text test first: most texts match nothing at all, and
     * the prefilter usually proves it without PCRE2. */
    if (!ck_regex_may_match(s, tv, rx->pf))
        return 0;
    ck_regex_jit(rx);
    if (!ck_regex_search(ck_regex_code(rx, 0), s, text, len, NULL, NULL))
        return 0;
    while (start < end) {
        const unsigned char *p = start;
        size_t t = 0;
        while (p < end && (t = terminator_len(p, end)) == 0)
            p++;
        size_t sent_len = (size_t)(p - start);
        size_t ms, me;
        if (sent_len > 0 && ck_regex_search(ck_regex_code(rx, 0), s, (const char *)start, sent_len, &ms, &me)) {
            int vetoed = 0;
            for (size_t i = 0; i < rx->n_unless && !vetoed; i++)
                vetoed = ck_regex_may_match(s, tv, rx->pf_unless ? rx->pf_unless[i] : 0) &&
                         ck_regex_search(ck_regex_code(rx, 1 + i), s, (const char *)start, sent_len, NULL,
                                         NULL);
            if (!vetoed) {
                if (hit) {
                    hit->sent_start = (size_t)(start - base);
                    hit->sent_end = (size_t)(p - base);
                    hit->match_start = hit->sent_start + ms;
                    hit->match_end = hit->sent_start + me;
                }
                return 1;
            }
        }
        start = p + t;
        if (t == 0)
            break;
    }
    return 0;
}

/* Generations are unique in the process: the per-thread caches of
 * textnorm_xpath.c key on (scratch, generation) or on the generation alone,
 * and a new worker's scratch may sit at a freed one's address and its nodes
 * at a freed document's (seen under allocation-failure injection: the next
 * worker read the previous one's cached text). */
static atomic_ulong generations;

void ck_regex_scratch_new_doc(struct ck_regex_scratch *s)
{
    s->generation = atomic_fetch_add(&generations, 1) + 1;
}

int ck_regex_match_memo(const struct ck_regex *rx, struct ck_regex_scratch *s, const void *key,
                        const char *text, size_t len, struct ck_regex_hit *hit)
{
    uintptr_t h = ((uintptr_t)key >> 4) * 31u + ((uintptr_t)rx >> 3);
    h ^= h >> 13;
    struct ck_regex_memo *m = &s->memo[h % CK_REGEX_MEMO_SLOTS];
    if (m->generation == s->generation && m->key == key && m->rx == rx) {
        if (m->found && hit) {
            hit->sent_start = m->sent_start;
            hit->sent_end = m->sent_end;
            hit->match_start = m->match_start;
            hit->match_end = m->match_end;
        }
        return m->found;
    }
    struct ck_regex_hit local;
    /* text comes from a libxml2 document, which is valid UTF-8 by
     * construction (the parser rejects anything else) */
    struct ck_regex_text t = {text, len, key, 0, NULL, {0}};
    int found = match_sentences(rx, s, &t, &local);
    /* a collision simply replaces the older entry */
    m->key = key;
    m->rx = rx;
    m->generation = s->generation;
    m->found = found;
    if (found) {
        m->sent_start = local.sent_start;
        m->sent_end = local.sent_end;
        m->match_start = local.match_start;
        m->match_end = local.match_end;
        if (hit)
            *hit = local;
    }
    return found;
}
