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

/* Per-rule timing (for `check --profile` and the benchmarks). */
void ck_eval_profile_enable(struct ck_evaluator *ev);
void ck_eval_profile_print(const struct ck_evaluator *ev, FILE *out);

/* PCRE2 match-limit hits seen by this evaluator so far. */
unsigned long ck_eval_regex_limit_hits(const struct ck_evaluator *ev);

/* The XPath of a node: /filing/holdings/holding[3]/terms/clause[2]. Caller frees. */
char *ck_eval_node_path(xmlNodePtr node);

#endif
