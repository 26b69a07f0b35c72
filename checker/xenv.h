/* SPDX-License-Identifier: MIT */
#ifndef CK_XENV_H
#define CK_XENV_H
/*
 * The environment every fc: XPath extension function sees. The evaluator
 * stores a pointer to it in xmlXPathContext->userData; functions reach it as
 *   struct ck_xenv *env = ctxt->context->userData;
 * Everything here is borrowed: the rule set and catalogue are frozen and
 * shared by all workers; scratch belongs to one worker's evaluator.
 */
#include "buf.h"

struct ck_ruleset;
struct ck_catalog;
struct ck_regex_scratch;

struct ck_xenv {
    const struct ck_ruleset *rules;   /* borrowed; frozen */
    const struct ck_catalog *catalog; /* borrowed; frozen; NULL when none loaded */
    struct ck_regex_scratch *scratch; /* borrowed from the evaluator (per worker) */
    const char *period_start;         /* borrowed from the filing: "YYYY-MM-DD" or "" */
    const char *period_end;           /* borrowed from the filing */
    const char *lang;                 /* "zh" or "en" */
    /* Per-finding side channel: functions may append explanation text (e.g.
     * the catalogue edition used and the terms behind a score); the evaluator
     * resets it before each candidate and copies it into the finding's
     * "explain" field when the rule fires. Owned by the evaluator. */
    struct ck_buf *explain;
    /* Set by catalogue functions: the edition a finding relied on (static or
     * catalogue-owned string), recorded with the finding. */
    const char *catalog_edition;
};

#endif
