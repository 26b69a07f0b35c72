/* SPDX-License-Identifier: MIT */
#ifndef CK_PLAN_LIMITS_H
#define CK_PLAN_LIMITS_H
/*
 * The 设立方案's own limits (establishmentPlan/limits, Amendment 1) checked
 * against the filing's measures: findings of category `limit`. A breach is
 * a `violation`; a limit that cannot be measured, or whose outcome the
 * missing data could change, is a `warning` that says what is missing —
 * never a pass. The basis named is the plan's document (or the limit's own
 * `document`), never rule-set wording.
 *
 * The findings borrow static rule records (LIM-001 … LIM-006, one per kind)
 * that live as long as the program; they are not part of the rule set.
 */
#include "finding.h"
#include "lookthrough.h"
#include "metrics.h"

struct ck_result;
struct ck_engine;
struct ck_filing;

/* The static rule of a limit kind, or NULL. */
const struct ck_rule *ck_limits_rule(int kind);
/* The static rule with that id ("LIM-003"), or NULL. */
const struct ck_rule *ck_limits_rule_find(const char *id);

/* Adds the findings of every limit except nesting-depth (which needs the
 * batch: ck_limits_nesting). m and s come from ck_metrics_compute of the
 * same filing; lang is unused for storage (both languages are filled). */
void ck_limits_check(const struct ck_filing *f, const struct ck_metrics *m,
                     const struct ck_metrics_scratch *s, struct ck_findings *out);

/* Nesting depth over a look-through graph (check: the batch; scan: the
 * database graph). For every node: depth[i] = fund layers below it (a lower
 * bound when known[i] is 0), missing[i] = USCC (borrowed from the edges) of
 * the first sub-fund below it whose filing is not in the graph, NULL when
 * none ("" for a fund holding without a USCC). Cycles are cut. */
void ck_limits_nesting_depths(const struct ck_lt_node *nodes, size_t n, long *depth, int *known,
                              const char **missing);

/* The nesting-depth findings of one filing, given its depth (a lower bound
 * when !known; missing: the first sub-fund without a filing), before
 * exemptions: a breach is a violation, an outcome the missing layer could
 * change a warning. in_db: the sub-fund's filing is missing from the
 * database (scan), not from the batch (check). */
void ck_limits_nesting_emit(const struct ck_metrics *m, const struct ck_filing *f, long depth, int known,
                            const char *missing, int in_db, struct ck_findings *out);

/* `check`: measures nesting-depth limits within the batch and adds the
 * findings (exemptions applied, re-sorted). Called from the look-through
 * pass for every batch, including a batch of one. */
void ck_limits_nesting_results(const struct ck_engine *eng, struct ck_result *res, size_t n);

#endif
