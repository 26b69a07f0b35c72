/* SPDX-License-Identifier: MIT */
#ifndef CK_NOISE_H
#define CK_NOISE_H
/*
 * Noise control for `check`, applied to finished results before they are
 * reported (the rules themselves are not changed):
 *  - rule selection: --rule / --exclude-rule name rule ids or categories;
 *  - collapsing: a notice that a rule repeats for several holdings of one
 *    filing (IC-006 "not shown to be encouraged" on an excerpt catalogue)
 *    becomes one filing-level notice naming the holdings. It stays a notice
 *    that says "cannot determine"; nothing is turned into a pass;
 *  - --min-severity: what is shown (the exit code is decided before it).
 * A ck_noise owns its name lists.
 */
#include "engine.h"

#include <stddef.h>

struct ck_noise {
    char **include; /* owned; rule ids or categories; none = every rule */
    size_t n_include;
    char **exclude; /* owned */
    size_t n_exclude;
    int min_severity; /* ck_severity; findings below are not shown */
    int collapse;     /* 1: collapse repeated notices (default) */
};

void ck_noise_init(struct ck_noise *nz);
void ck_noise_fini(struct ck_noise *nz);
/* Adds the comma-separated names of list to include (exclude = 0) or
 * exclude (exclude = 1). */
void ck_noise_add(struct ck_noise *nz, int exclude, const char *list);
/* Forgets the include (exclude = 0) or exclude list: the command line
 * replaces the defaults file's list rather than adding to it. */
void ck_noise_clear(struct ck_noise *nz, int exclude);
/* Checks that every name is a rule id or a category of rules; on failure
 * returns the first unknown name (borrowed), else NULL. */
const char *ck_noise_check_names(const struct ck_noise *nz, const struct ck_ruleset *rs);
/* Drops the findings of rules not selected, then collapses repeated
 * notices. Run before the exit code is decided. */
void ck_noise_select(const struct ck_noise *nz, struct ck_findings *f);
/* Drops findings below min_severity (exempted ones by their severity too). */
void ck_noise_min_severity(const struct ck_noise *nz, struct ck_findings *f);

#endif
