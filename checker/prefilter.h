/* SPDX-License-Identifier: MIT */
#ifndef CK_PREFILTER_H
#define CK_PREFILTER_H
/*
 * A literal prefilter for the rule set's regexes, as YARA and Suricata do
 * it. At load time every pattern's source is analysed for its "atoms": a set
 * of literal byte strings at least one of which occurs in every string the
 * pattern can match. Patterns for which no such set can be proven (a
 * top-level alternative with no literal, a case-insensitive flag, a
 * construct the analyser does not know) get no atoms and are always run.
 *
 * All atoms of all patterns go into one Aho-Corasick automaton over UTF-8
 * bytes; one pass over a text gives the set of patterns whose atoms occur
 * in it, and PCRE2 runs only for those. The prefilter never decides that a
 * pattern matches, only that it cannot.
 */
#include <stddef.h>
#include <stdint.h>

/* A set of literal byte strings (an "OR" set). */
struct ck_atoms {
    size_t n;
    char **s;     /* owned; each owned, not NUL-terminated in meaning */
    size_t *len;  /* owned */
};

/* Analyses a PCRE2 pattern (as compiled by ck_regex_compile: UTF mode, no
 * other option). Returns 1 and fills *out (at least one atom, none empty)
 * when every match must contain one of the atoms; returns 0 with *out empty
 * when that cannot be proven. */
int ck_atoms_extract(const char *pattern, struct ck_atoms *out);
void ck_atoms_fini(struct ck_atoms *a);

struct ck_prefilter;

struct ck_prefilter *ck_prefilter_new(void);
/* Adds one pattern's atoms (copied); returns its id (0, 1, ...). Only before
 * ck_prefilter_compile. */
int ck_prefilter_add(struct ck_prefilter *pf, const struct ck_atoms *a);
/* Builds the automaton. Read-only afterwards, shared by all threads. */
void ck_prefilter_compile(struct ck_prefilter *pf);
void ck_prefilter_free(struct ck_prefilter *pf);

/* Number of patterns added, of 64-bit words in a result set, of automaton
 * states (for the tests and `rules` diagnostics). */
size_t ck_prefilter_patterns(const struct ck_prefilter *pf);
size_t ck_prefilter_words(const struct ck_prefilter *pf);
size_t ck_prefilter_states(const struct ck_prefilter *pf);

/* One pass over text: sets bit id of bits[] (ck_prefilter_words words,
 * cleared first) for every pattern one of whose atoms occurs in text. */
void ck_prefilter_scan(const struct ck_prefilter *pf, const char *text, size_t len, uint64_t *bits);

static inline int ck_prefilter_bit(const uint64_t *bits, int id)
{
    return (int)((bits[(unsigned)id >> 6] >> ((unsigned)id & 63)) & 1u);
}

#endif
