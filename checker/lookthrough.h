/* SPDX-License-Identifier: MIT */
#ifndef CK_LOOKTHROUGH_H
#define CK_LOOKTHROUGH_H
/*
 * Look-through (直接或间接): a `fund` holding whose investee USCC is the fund
 * of another filing in the same batch exposes the parent to what that child
 * holds, and to what the child's own sub-funds hold, at any depth. Each
 * prohibited exposure (the categories named by the rule set's look-through
 * rules) found in a descendant yields a finding on the parent's holding with
 * the chain parent → child → … → holding. The child used is the latest
 * filing of that fund whose period ends at or before the parent's. Cycles
 * are cut (a fund never appears twice on one path); diamonds give one
 * finding per distinct path.
 *
 * The graph is given as plain arrays, so both `check` (results in memory)
 * and `scan` (rows from the database) use the same walk.
 */
#include "engine.h"

#include <stddef.h>

struct ck_lt_exposure {
    const struct ck_rule *rule; /* the child's finding's rule (borrowed) */
    int severity;
    const char *item;           /* holding/item id in the child, may be NULL */
    const char *message[CK_LANG_COUNT];
    int holding;                /* 1: item is a holding id; 0: a transaction,
                                 * guarantee or other item, or the filing itself */
};

struct ck_lt_edge {
    const char *holding;    /* the parent's holding id */
    long line;
    const char *xpath;
    const char *child_uscc; /* investee USCC */
};

struct ck_lt_node {
    const char *uscc, *name, *period_end;
    const struct ck_lt_edge *edges;
    size_t n_edges;
    const struct ck_lt_exposure *exposures;
    size_t n_exposures;
};

/* Called once per derived finding. lt_rule is the look-through rule that
 * covers the exposure's category; chain is borrowed for the call only. */
typedef void (*ck_lt_emit_fn)(void *ud, size_t parent, size_t edge, size_t source_node,
                              const struct ck_lt_exposure *exposure, const struct ck_rule *lt_rule,
                              const char *chain);

/* One derived finding per path, item and category: returns 0 when exposure
 * k repeats an earlier one of xs (same category and item); otherwise 1 and
 * *out = xs[k] at the highest severity among its repeats. */
int ck_lookthrough_pick(const struct ck_lt_exposure *xs, size_t n, size_t k,
                        struct ck_lt_exposure *out);

/* Resolves every edge of the graph to its child node (the rule above):
 * *child (owned by the caller) holds, for edge e of node i, the child's
 * node index at (*first_edge)[i] + e, or (size_t)-1 when the sub-fund's
 * filing is not in the graph. */
void ck_lookthrough_resolve(const struct ck_lt_node *nodes, size_t n, size_t **first_edge,
                            size_t **child);

/* "/filing/holdings/holding[i+1]" (without the index when count is 1); owned by the caller. */
char *ck_lookthrough_holding_xpath(size_t index, size_t count);

/* The look-through rule covering category, or NULL. */
const struct ck_rule *ck_lookthrough_rule_for(const struct ck_ruleset *rs, const char *category);

/* Walks the graph and calls emit for every derived finding. lang picks the
 * language of fund labels in the chain. */
void ck_lookthrough_run(const struct ck_ruleset *rs, const struct ck_lt_node *nodes, size_t n,
                        int lang, ck_lt_emit_fn emit, void *ud);

/* Builds the derived finding's message (both languages) from the
 * look-through rule's templates. */
void ck_lookthrough_fill(struct ck_evaluator *ev, struct ck_finding *f, const struct ck_lt_edge *e,
                         const struct ck_lt_node *source, const struct ck_lt_exposure *x,
                         const struct ck_rule *lt_rule, const char *chain);

/* `check`: derives findings among the results of one batch and adds them
 * to the parents' findings (exemptions applied, re-sorted). */
void ck_lookthrough_results(const struct ck_engine *eng, struct ck_evaluator *ev,
                            struct ck_result *res, size_t n);

#endif
