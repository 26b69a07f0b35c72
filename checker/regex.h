/* SPDX-License-Identifier: MIT */
#ifndef CK_REGEX_H
#define CK_REGEX_H
/*
 * Named regular expressions of the rule set. Each has one PCRE2 pattern and
 * any number of "unless" patterns; text is matched sentence by sentence
 * (sentences end at 。；！？!?; and newlines) and a sentence counts only when
 * the pattern matches and no unless-pattern matches the same sentence. This
 * is how rules stay quiet on negations such as 不设置保底收益.
 *
 * Patterns are compiled once (UTF mode) when the rule set loads and are
 * then read-only, shared by all threads, except that each regex is
 * JIT-compiled on its first use (under a lock): most patterns of a run are
 * never searched (the literal prefilter skips them), and JIT-compiling all
 * of them was a fifth of the start-up. Matching needs a per-thread
 * struct ck_regex_scratch (match data, match limits, JIT stack).
 */
#include <pcre2.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdint.h>

struct ck_regex {
    char *id;              /* owned */
    char *source;          /* owned; the pattern text, for `rules show` */
    pcre2_code *re;        /* owned */
    pcre2_code **unless;   /* owned array of owned codes */
    size_t n_unless;
    char *file;            /* owned; rule file that defined it */
    long line;             /* line of the definition */
    /* Prefilter ids + 1 (0: no prefilter) of re and of each unless. */
    int pf;
    int *pf_unless;        /* owned; n_unless entries, or NULL */
    /* JIT-compiled copies, made on first use (ck_regex_jit); NULL: never
     * (the interpreter runs). */
    struct ck_regex_jit *jit; /* owned */
};

/* A memo of (text node, regex) → result for the document being evaluated:
 * several rules and signals test the same clause with the same pattern. */
struct ck_regex_memo {
    const void *key;           /* the node whose text was matched */
    const struct ck_regex *rx;
    unsigned long generation;  /* valid only for the current document */
    int found;
    size_t sent_start, sent_end, match_start, match_end;
};

#define CK_REGEX_MEMO_SLOTS 8192
#define CK_REGEX_PF_SLOTS 1024
#define CK_REGEX_PF_INLINE 8 /* words: texts without a key are prefiltered up to 512 atom groups */

struct ck_prefilter;

/* A cached prefilter pass: which patterns' atoms occur in the text of key. */
struct ck_regex_pf_slot {
    const void *key;
    int tag;
    size_t len;
    unsigned long generation;
};

struct ck_regex_scratch {
    pcre2_match_data *md;       /* owned */
    pcre2_match_context *mctx;  /* owned; carries the match limits */
    pcre2_jit_stack *jit_stack; /* owned */
    unsigned long limit_hits;   /* matches abandoned at the match limit */
    unsigned long searches;     /* ck_regex_search calls (for --profile) */
    unsigned long generation;   /* bumped per document */
    struct ck_regex_memo *memo; /* owned; CK_REGEX_MEMO_SLOTS entries */
    const struct ck_prefilter *pf; /* borrowed; NULL: every pattern runs */
    size_t pf_words;            /* 64-bit words of a prefilter result */
    unsigned long skipped;      /* searches the prefilter made unnecessary (--profile) */
    struct ck_regex_pf_slot *pf_slots; /* owned; CK_REGEX_PF_SLOTS */
    uint64_t *pf_bits;          /* owned; CK_REGEX_PF_SLOTS * pf_words */
};

/* The text a regex is tried on, with its prefilter result computed on first
 * use. key (with tag: which text of the key) names the text for the cache
 * within one document; NULL key: not cached. */
struct ck_regex_text {
    const char *text;
    size_t len;
    const void *key;
    int tag;
    const uint64_t *bits; /* NULL until computed */
    uint64_t own[CK_REGEX_PF_INLINE]; /* the result when key is NULL */
};

/* Counts a use of rx and JIT-compiles its patterns on the
 * CK_REGEX_JIT_AFTER-th (thread-safe; a no-op when rx->jit is NULL). The
 * matching functions below call it before searching, after the prefilter:
 * a pattern the prefilter always rules out is never JIT-compiled.
 * (Waiting for a few uses was measured and is slower: the interpreter on
 * these patterns costs more in 32 searches than the JIT compilation.) */
#define CK_REGEX_JIT_AFTER 1
#define CK_REGEX_JITTED 0x40000000

/* The JIT state of a regex. The compiled codes are never changed once
 * shared: JIT compilation works on copies, published when complete. */
struct ck_regex_jit {
    atomic_int uses;                /* searches so far, CK_REGEX_JITTED when done */
    pcre2_code *_Atomic *codes;     /* owned; 1 + n_unless: re, then each unless */
};

/* Gives rx (after its patterns are compiled) a JIT state. */
void ck_regex_enable_jit(struct ck_regex *rx);

/* Pattern k of rx (0: re, 1 + i: unless[i]), the JIT-compiled copy when there is one. */
static inline pcre2_code *ck_regex_code(const struct ck_regex *rx, size_t k)
{
    if (rx->jit) {
        pcre2_code *c = atomic_load_explicit(&rx->jit->codes[k], memory_order_acquire);
        if (c)
            return c;
    }
    return k == 0 ? rx->re : rx->unless[k - 1];
}
void ck_regex_jit(const struct ck_regex *rx);

/* Compiles pattern into *out (UTF; not JIT: see ck_regex_jit). On a syntax error
 * returns CK_EREGEX and writes "offset N: message" into *err (owned by the
 * caller, free()). */
int ck_regex_compile(const char *pattern, pcre2_code **out, char **err);

/* Frees a regex's members (not the struct itself). NULL is fine. */
void ck_regex_fini(struct ck_regex *rx);

/* Creates or frees a per-thread scratch area; pf (may be NULL) is the rule
 * set's prefilter, which the regexes' pf ids index. */
struct ck_regex_scratch *ck_regex_scratch_new(const struct ck_prefilter *pf);
void ck_regex_scratch_free(struct ck_regex_scratch *s);

struct ck_regex_hit {
    size_t sent_start, sent_end;   /* byte range of the matching sentence */
    size_t match_start, match_end; /* byte range of the match itself */
};

/* Returns 1 and fills *hit (may be NULL) when some sentence of text[0..len)
 * matches rx as described above, 0 otherwise (also when the match limit is
 * hit: that is counted in s->limit_hits, and for text that is not valid
 * UTF-8, which never comes from libxml2). */
int ck_regex_match(const struct ck_regex *rx, struct ck_regex_scratch *s, const char *text,
                   size_t len, struct ck_regex_hit *hit);

/* Starts a new document: forgets the memo. */
void ck_regex_scratch_new_doc(struct ck_regex_scratch *s);

/* ck_regex_match remembered under key (a node of the current document).
 * text must be valid UTF-8 (as every libxml2 string is): it is not checked. */
int ck_regex_match_memo(const struct ck_regex *rx, struct ck_regex_scratch *s, const void *key,
                        const char *text, size_t len, struct ck_regex_hit *hit);

/* 0 when the prefilter proves that pattern pf_id (a ck_regex pf field: id
 * + 1, 0 for none) cannot match anywhere in t (counted in s->skipped), 1
 * otherwise. */
int ck_regex_may_match(struct ck_regex_scratch *s, struct ck_regex_text *t, int pf_id);

/* Plain search of one compiled pattern in text; returns 1 on a match.
 * text must be valid UTF-8 (ck_regex_match checks; callers of this one must). */
int ck_regex_search(const pcre2_code *re, struct ck_regex_scratch *s, const char *text,
                    size_t len, size_t *out_start, size_t *out_end);

#endif
