/* SPDX-License-Identifier: MIT */
#ifndef CK_FINDING_H
#define CK_FINDING_H
/*
 * Findings of one filing: what rule fired where, with the interpolated
 * message (both languages), evidence and explanation. A finding owns all its
 * strings; the rule is borrowed from the frozen rule set. Findings outlive
 * the filing's DOM, so reporters and the store never touch the document.
 */
#include "rules.h"

#include <stddef.h>

struct ck_finding {
    const struct ck_rule *rule; /* borrowed from the rule set */
    int severity;               /* enum ck_severity */
    char *holding;              /* owned; holding id, or NULL */
    char *item;                 /* owned; id of the enclosing holding/transaction/guarantee/exemption, or NULL */
    long line;
    char *xpath;                          /* owned */
    char *message[CK_LANG_COUNT];         /* owned */
    char *evidence[CK_LANG_COUNT];        /* owned; "field: value; …" */
    char *explain;                        /* owned; may be NULL: extra explanation (catalogue scores, exemptions seen) */
    char *catalog_edition;                /* owned; may be NULL */
    char *chain;                          /* owned; look-through chain, or NULL */
    char *basis;                          /* owned; NULL: the rule's basis. Limit findings
                                             name the filing's own 设立方案 document here */
    /* exemption that waived it (all NULL when not exempted) */
    int exempted;
    char *exempt_document, *exempt_authority, *exempt_from, *exempt_until; /* owned */
};

struct ck_findings {
    struct ck_finding *v; /* owned */
    size_t n, cap;
    size_t dropped; /* findings beyond CK_MAX_FINDINGS_PER_FILING */
};

void ck_findings_init(struct ck_findings *f);
void ck_findings_fini(struct ck_findings *f);
/* Returns a zeroed finding appended to f (owned by f), or NULL when the cap
 * is reached (counted in f->dropped) or out of memory (on the thread's record, mem.h). */
struct ck_finding *ck_findings_add(struct ck_findings *f);
void ck_finding_fini(struct ck_finding *x);
/* Appends the finding's legal basis: f->basis when set, else the rule's. */
void ck_finding_basis_text(const struct ck_finding *f, struct ck_buf *out);
/* Stable, deterministic order: line, rule id, xpath, chain. */
void ck_findings_sort(struct ck_findings *f);

/* An exemption declared in a filing (fund/exemptions/exemption). */
struct ck_exemption {
    char *rule, *holding, *authority, *document, *from, *until; /* owned; holding may be NULL */
    long line;
};

/* Waives every finding that an in-force exemption covers (rule id or
 * category, optional holding, dates covering the whole period). Findings of
 * category "exemption" are never waived. An exemption that names the
 * finding's rule but is not in force adds a note to the finding's explain. */
void ck_findings_apply_exemptions(struct ck_findings *f, const struct ck_exemption *ex, size_t n_ex,
                                  const char *period_start, const char *period_end, int lang);

/* Counts of not-exempted findings at or above sev. */
size_t ck_findings_count_at_least(const struct ck_findings *f, int sev);

#endif
