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

/* Literal byte strings in groups: a match contains an atom of every group
 * (a conjunction of "one of these" sets). */
struct ck_atoms {
    size_t n;
    char **s;      /* owned; each owned (NUL-terminated, len bytes count) */
    size_t *len;   /* owned */
    size_t *group; /* owned; the group of each atom, 0 .. n_groups - 1 */
    size_t n_groups;
};

/* Analyses a PCRE2 pattern (as compiled by ck_regex_compile: UTF mode, no
 * other option). Returns 1 and fills *out (at least one group, no atom
 * empty) when every match must contain an atom of each group; returns 0
 * with *out empty when that cannot be proven. Groups come best first. */
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

/* Number of patterns added, of 64-bit words in a scan result, of automaton
 * states (for the tests). */
size_t ck_prefilter_patterns(const struct ck_prefilter *pf);
size_t ck_prefilter_words(const struct ck_prefilter *pf);
size_t ck_prefilter_states(const struct ck_prefilter *pf);

/* One pass over text: fills bits[] (ck_prefilter_words words) with the
 * atom groups that have an atom occurring in text. */
void ck_prefilter_scan(const struct ck_prefilter *pf, const char *text, size_t len, uint64_t *bits);

/* 1 when pattern id may match a text whose scan gave bits: every group of
 * its atoms occurs. */
int ck_prefilter_pass(const struct ck_prefilter *pf, const uint64_t *bits, int id);

#endif
