/* SPDX-License-Identifier: MIT */
#ifndef CK_EVAL_H
#define CK_EVAL_H
/*
 * The evaluator: one per worker thread. It owns an XPath context with the fc:
 * functions, its own compiled copy of every rule-set expression (libxml2's
 * compiled expressions cache state while they run, so they are not shared
 * across threads), PCRE2 scratch, and the explanation buffer. It borrows
 * the frozen rule set and catalogue.
 *
 * For each rule: evaluate the context expression → candidate nodes; for each
 * candidate evaluate the condition (or the weighted signals and grade); when
 * the rule fires, build a finding: message in both languages, evidence,
 * holding, line, XPath of the candidate.
 */
#include "finding.h"
#include "rules.h"

#include <libxml/tree.h>
#include <stdio.h>

struct ck_catalog;
struct ck_evaluator;

/* Creates an evaluator; lang (CK_LANG_*) chooses the language of
 * explanations the catalogue functions write. */
struct ck_evaluator *ck_eval_new(const struct ck_ruleset *rs, const struct ck_catalog *cat, int lang);
void ck_eval_free(struct ck_evaluator *ev);

/* Evaluates every rule (or only `only`, when not NULL) on doc and appends
 * the findings to out (not sorted, exemptions not applied). Look-through
 * rules are skipped. Runtime XPath errors do not stop evaluation: each is
 * appended to *errors as "rule ID: message\n" (caller frees; may stay NULL). */
int ck_eval_doc(struct ck_evaluator *ev, xmlDocPtr doc, const char *period_start,
                const char *period_end, const struct ck_rule *only, struct ck_findings *out,
                char **errors);

/* Interpolates a template with node as context (NULL: the variables alone)
 * after setting the string variables names[i] = values[i]. Caller frees. */
char *ck_eval_template(struct ck_evaluator *ev, const struct ck_template *t, xmlNodePtr node,
                       const char *const *names, const char *const *values, size_t n_vars);

/* Languages whose messages are interpolated for findings: a bit per
 * CK_LANG_* (default both; 0 restores both). A finding's message in a
 * language not asked for stays NULL. `check` asks for its --lang only; the
 * store keeps both. */
void ck_eval_set_langs(struct ck_evaluator *ev, unsigned mask);

/*
 * Profile (for `check --profile` and the benchmarks): per rule the time,
 * the candidate context nodes evaluated, the PCRE2 searches made and those
 * the literal prefilter skipped; per
 * stage the time. Summed over every filing an evaluator checked; the
 * profiles of several workers are added with ck_profile_add.
 */
enum ck_stage {
    CK_STAGE_OPEN,   /* loading schema, catalogue and rules */
    CK_STAGE_LOAD,   /* reading, parsing, schema validation, fact record */
    CK_STAGE_EVAL,   /* rule evaluation (all rules, ck_eval_doc) */
    CK_STAGE_AFTER,  /* metrics, plan limits, exemptions, sorting, freeing the DOM */
    CK_STAGE_OUTPUT, /* look-through across filings and writing the reports */
    CK_STAGE_COUNT
};
struct ck_profile {
    size_t n_rules;
    double *rule_seconds;      /* owned; n_rules */
    unsigned long *rule_calls; /* owned; candidate context nodes evaluated */
    unsigned long *rule_regex; /* owned; PCRE2 searches made */
    unsigned long *rule_skipped; /* owned; searches the literal prefilter skipped */
    double stage_seconds[CK_STAGE_COUNT];
    unsigned long filings;     /* filings that reached evaluation */
};
void ck_eval_profile_enable(struct ck_evaluator *ev);
/* The evaluator's profile, NULL when profiling is off. */
struct ck_profile *ck_eval_profile(struct ck_evaluator *ev);
struct ck_profile *ck_profile_new(size_t n_rules);
void ck_profile_add(struct ck_profile *into, const struct ck_profile *from);
void ck_profile_print(const struct ck_profile *p, const struct ck_ruleset *rs, FILE *out);
void ck_profile_free(struct ck_profile *p);
/* Monotonic seconds, for stage timing. */
double ck_now(void);

/* PCRE2 match-limit hits seen by this evaluator so far. */
unsigned long ck_eval_regex_limit_hits(const struct ck_evaluator *ev);

/* The XPath of a node: /filing/holdings/holding[3]/terms/clause[2]. Caller frees. */
char *ck_eval_node_path(xmlNodePtr node);

#endif
