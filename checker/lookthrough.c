/* SPDX-License-Identifier: MIT */
#include "lookthrough.h"

#include "buf.h"
#include "ck.h"
#include "plan_limits.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

static int has_token(const char *list, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = list; p && (p = strstr(p, tok)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    return 0;
}

int ck_lookthrough_pick(const struct ck_lt_exposure *xs, size_t n, size_t k,
                        struct ck_lt_exposure *out)
{
    /* several rules that see the same thing in the same child holding are
     * reported once, at the highest severity among them, naming the first */
    *out = xs[k];
    for (size_t j = 0; j < n; j++) {
        const struct ck_lt_exposure *y = &xs[j];
        if (j == k || strcmp(y->rule->category, out->rule->category) != 0 ||
            strcmp(y->item ? y->item : "", out->item ? out->item : "") != 0)
            continue;
        if (j < k)
            return 0;
        if (y->severity > out->severity)
            out->severity = y->severity;
    }
    return 1;
}

const struct ck_rule *ck_lookthrough_rule_for(const struct ck_ruleset *rs, const char *category)
{
    for (size_t i = 0; i < rs->n_rules; i++)
        if (rs->rules[i].lookthrough && has_token(rs->rules[i].lookthrough_categories, category))
            return &rs->rules[i];
    return NULL;
}

/* Nodes sorted by (uscc, period_end), so a child is found by binary search. */
struct index {
    const struct ck_lt_node *nodes;
    const struct ck_lt_node **order; /* owned array of borrowed pointers */
    size_t n;
};

static int cmp_node(const void *a, const void *b)
{
    const struct ck_lt_node *x = *(const struct ck_lt_node *const *)a;
    const struct ck_lt_node *y = *(const struct ck_lt_node *const *)b;
    int c = strcmp(x->uscc, y->uscc);
    if (c == 0)
        c = strcmp(x->period_end, y->period_end);
    if (c == 0)
        c = x < y ? -1 : 1; /* input order breaks ties: deterministic */
    return c;
}

/* The latest node of uscc whose period ends at or before limit. */
static size_t pick_child(const struct index *ix, const char *uscc, const char *limit)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) { /* first position with uscc >= the key */
        size_t mid = (lo + hi) / 2;
        if (strcmp(ix->order[mid]->uscc, uscc) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t best = (size_t)-1;
    for (size_t i = lo; i < ix->n && strcmp(ix->order[i]->uscc, uscc) == 0; i++)
        if (strcmp(ix->order[i]->period_end, limit) <= 0)
            best = (size_t)(ix->order[i] - ix->nodes);
    return best;
}

struct walk {
    const struct ck_ruleset *rs;
    const struct ck_lt_node *nodes;
    size_t n;
    unsigned char *reach;  /* owned; 1 if some exposure is reachable from the node */
    size_t *child;         /* owned; resolved child node of each edge, flattened */
    size_t *first_edge;    /* owned; offset of a node's edges in child[] */
    int lang;
    ck_lt_emit_fn emit;
    void *ud;
    size_t *path; /* node indices from the parent down */
    size_t depth;
    size_t parent, edge;
};

static void label(struct ck_buf *b, const struct ck_lt_node *node)
{
    ck_buf_printf(b, "%s（%s）", *node->name ? node->name : "?", node->uscc);
}

static void chain_end(struct ck_buf *b, const struct ck_lt_exposure *x, int lang)
{
    int en = lang == CK_LANG_EN;
    if (x->item == NULL || *x->item == '\0')
        ck_buf_adds(b, en ? "the filing as a whole" : "报送整体");
    else if (x->holding)
        ck_buf_printf(b, "%s %s", en ? "holding" : "持仓", x->item);
    else
        ck_buf_printf(b, "%s %s", en ? "item" : "事项", x->item);
}

static void visit(struct walk *w, size_t node)
{
    for (size_t i = 0; i < w->depth; i++)
        if (w->path[i] == node)
            return; /* a cycle: this fund is already on the path */
    w->path[w->depth++] = node;
    const struct ck_lt_node *c = &w->nodes[node];
    for (size_t k = 0; k < c->n_exposures; k++) {
        struct ck_lt_exposure x_best;
        if (!ck_lookthrough_pick(c->exposures, c->n_exposures, k, &x_best))
            continue;
        const struct ck_lt_exposure *x = &x_best;
        const struct ck_rule *lt = ck_lookthrough_rule_for(w->rs, x->rule->category);
        if (lt == NULL)
            continue;
        struct ck_buf chain;
        ck_buf_init(&chain);
        for (size_t i = 0; i < w->depth; i++) {
            label(&chain, &w->nodes[w->path[i]]);
            ck_buf_adds(&chain, " → ");
        }
        chain_end(&chain, x, w->lang);
        w->emit(w->ud, w->parent, w->edge, node, x, lt, ck_buf_str(&chain));
        ck_buf_fini(&chain);
    }
    for (size_t e = 0; e < c->n_edges; e++) {
        size_t d = w->child[w->first_edge[node] + e];
        if (d != (size_t)-1 && w->reach[d])
            visit(w, d);
    }
    w->depth--;
}

void ck_lookthrough_resolve(const struct ck_lt_node *nodes, size_t n, size_t **first_edge,
                            size_t **child)
{
    struct index ix;
    ix.nodes = nodes;
    ix.n = n;
    ix.order = ck_calloc(n + 1, sizeof *ix.order);
    size_t *fe = ck_calloc(n + 1, sizeof(size_t));
    *first_edge = *child = NULL;
    if (ix.order == NULL || fe == NULL) { /* out of memory (on the thread's record) */
        free((void *)ix.order);
        free(fe);
        return;
    }
    for (size_t i = 0; i < n; i++)
        ix.order[i] = &nodes[i];
    if (n > 1)
        qsort(ix.order, n, sizeof *ix.order, cmp_node);
    size_t n_edges = 0;
    for (size_t i = 0; i < n; i++) {
        fe[i] = n_edges;
        n_edges += nodes[i].n_edges;
    }
    size_t *ch = ck_calloc(n_edges + 1, sizeof(size_t));
    for (size_t i = 0; ch && i < n; i++)
        for (size_t e = 0; e < nodes[i].n_edges; e++)
            ch[fe[i] + e] = pick_child(&ix, nodes[i].edges[e].child_uscc, nodes[i].period_end);
    free((void *)ix.order);
    *first_edge = fe;
    *child = ch;
}

void ck_lookthrough_run(const struct ck_ruleset *rs, const struct ck_lt_node *nodes, size_t n,
                        int lang, ck_lt_emit_fn emit, void *ud)
{
    struct walk w;
    memset(&w, 0, sizeof w);
    w.rs = rs;
    w.nodes = nodes;
    w.n = n;
    w.lang = lang;
    w.emit = emit;
    w.ud = ud;
    w.path = ck_calloc(n + 2, sizeof(size_t));
    ck_lookthrough_resolve(nodes, n, &w.first_edge, &w.child);
    /* Which nodes can reach an exposure at all: the walk never enters a
     * sub-graph with nothing to report, which keeps wide clean fund-of-funds
     * trees (and their many paths) cheap. A fixed point over the edges. */
    w.reach = ck_calloc(n + 1, 1);
    if (w.path == NULL || w.first_edge == NULL || w.child == NULL || w.reach == NULL)
        n = 0; /* out of memory (on the thread's record): no walk */
    for (size_t i = 0; i < n; i++)
        w.reach[i] = nodes[i].n_exposures > 0;
    for (int changed = n > 0; changed;) {
        changed = 0;
        for (size_t i = 0; i < n; i++) {
            if (w.reach[i])
                continue;
            for (size_t e = 0; e < nodes[i].n_edges && !w.reach[i]; e++) {
                size_t d = w.child[w.first_edge[i] + e];
                if (d != (size_t)-1 && w.reach[d]) {
                    w.reach[i] = 1;
                    changed = 1;
                }
            }
        }
    }
    for (size_t p = 0; p < n; p++) {
        for (size_t e = 0; e < nodes[p].n_edges; e++) {
            size_t c = w.child[w.first_edge[p] + e];
            if (c == (size_t)-1 || c == p || !w.reach[c])
                continue;
            w.parent = p;
            w.edge = e;
            w.depth = 0;
            w.path[w.depth++] = p;
            visit(&w, c);
        }
    }
    free(w.path);
    free(w.first_edge);
    free(w.child);
    free(w.reach);
}

void ck_lookthrough_fill(struct ck_evaluator *ev, struct ck_finding *f, const struct ck_lt_edge *e,
                         const struct ck_lt_node *source, const struct ck_lt_exposure *x,
                         const struct ck_rule *lt_rule, const char *chain)
{
    f->rule = lt_rule;
    f->severity = x->severity;
    f->holding = ck_strdup(e->holding);
    f->item = ck_strdup(e->holding);
    f->line = e->line;
    f->xpath = ck_strdup(e->xpath);
    f->chain = ck_strdup(chain);
    static const char *const names[] = {"chain", "child-rule", "child-message", "child-fund"};
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        const char *values[] = {chain, x->rule->id, x->message[l] ? x->message[l] : "", source->name};
        f->message[l] = ck_eval_template(ev, &lt_rule->message[l], NULL, names, values, 4);
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, "%s: %s (%s); %s: %s", l == CK_LANG_EN ? "sub-fund finding" : "子基金发现",
                      x->rule->id, x->rule->title[l], l == CK_LANG_EN ? "chain" : "穿透链", chain);
        f->evidence[l] = ck_buf_take(&b);
    }
}

/* ---- check: results in memory ---- */

struct batch {
    struct ck_evaluator *ev;
    struct ck_result *res;
    size_t *node_result; /* node → result index */
    struct ck_lt_node *nodes;
    struct ck_findings *derived; /* per result */
};

static void emit_into_results(void *ud, size_t parent, size_t edge, size_t source_node,
                              const struct ck_lt_exposure *x, const struct ck_rule *lt, const char *chain)
{
    struct batch *b = ud;
    size_t r = b->node_result[parent];
    struct ck_finding *f = ck_findings_add(&b->derived[r]);
    if (f == NULL)
        return;
    ck_lookthrough_fill(b->ev, f, &b->nodes[parent].edges[edge], &b->nodes[source_node], x, lt, chain);
}

char *ck_lookthrough_holding_xpath(size_t index, size_t count)
{
    struct ck_buf b;
    ck_buf_init(&b);
    if (count > 1)
        ck_buf_printf(&b, "/filing/holdings/holding[%zu]", index + 1);
    else
        ck_buf_adds(&b, "/filing/holdings/holding");
    return ck_buf_take(&b);
}

void ck_lookthrough_results(const struct ck_engine *eng, struct ck_evaluator *ev,
                            struct ck_result *res, size_t n)
{
    /* nesting-depth limits need the batch's fund graph too (any batch size) */
    ck_limits_nesting_results(eng, res, n);
    int any_lt = 0;
    for (size_t i = 0; i < eng->rules->n_rules; i++)
        any_lt |= eng->rules->rules[i].lookthrough;
    if (!any_lt || n < 2)
        return;
    struct batch b = {ev, res, ck_calloc(n, sizeof(size_t)), ck_calloc(n, sizeof(struct ck_lt_node)),
                      ck_calloc(n, sizeof(struct ck_findings))};
    size_t nn = 0;
    if (b.node_result == NULL || b.nodes == NULL || b.derived == NULL)
        n = 0; /* out of memory (on the thread's record) */
    for (size_t i = 0; i < n; i++) {
        const struct ck_filing *f = res[i].filing;
        if (res[i].status != CK_OK || f == NULL)
            continue;
        struct ck_lt_node *node = &b.nodes[nn];
        b.node_result[nn++] = i;
        node->uscc = f->fund_uscc;
        node->name = f->fund_name;
        node->period_end = f->period_end;
        struct ck_lt_edge *edges = ck_calloc(f->n_holdings + 1, sizeof *edges);
        for (size_t h = 0; edges && h < f->n_holdings; h++) { /* else out of memory */
            const struct ck_holding_row *row = &f->holdings[h];
            if (strcmp(row->category, "fund") != 0 || *row->investee_uscc == '\0')
                continue;
            struct ck_lt_edge *e = &edges[node->n_edges++];
            e->holding = row->id;
            e->line = row->line;
            e->xpath = ck_lookthrough_holding_xpath(h, f->n_holdings);
            e->child_uscc = row->investee_uscc;
        }
        node->edges = edges;
        struct ck_lt_exposure *xs = ck_calloc(res[i].findings.n + 1, sizeof *xs);
        for (size_t k = 0; xs && k < res[i].findings.n; k++) { /* else out of memory */
            const struct ck_finding *fd = &res[i].findings.v[k];
            if (fd->exempted || fd->severity < CK_SEV_WARNING || fd->rule->lookthrough ||
                ck_lookthrough_rule_for(eng->rules, fd->rule->category) == NULL)
                continue;
            struct ck_lt_exposure *x = &xs[node->n_exposures++];
            x->rule = fd->rule;
            x->severity = fd->severity;
            x->item = fd->item;
            x->holding = fd->holding != NULL;
            x->message[CK_LANG_ZH] = fd->message[CK_LANG_ZH];
            x->message[CK_LANG_EN] = fd->message[CK_LANG_EN];
        }
        node->exposures = xs;
    }
    ck_lookthrough_run(eng->rules, b.nodes, nn, eng->lang, emit_into_results, &b);
    for (size_t i = 0; i < n; i++) {
        struct ck_findings *d = &b.derived[i];
        if (d->n == 0)
            continue;
        const struct ck_filing *f = res[i].filing;
        ck_findings_apply_exemptions(d, f->exemptions, f->n_exemptions, f->period_start,
                                     f->period_end, eng->lang);
        for (size_t k = 0; k < d->n; k++) {
            struct ck_finding *dst = ck_findings_add(&res[i].findings);
            if (dst == NULL) {
                ck_finding_fini(&d->v[k]);
                continue;
            }
            *dst = d->v[k]; /* moves the strings */
        }
        d->n = 0;
        ck_findings_fini(d);
        ck_findings_sort(&res[i].findings);
    }
    for (size_t i = 0; i < nn; i++) {
        for (size_t e = 0; e < b.nodes[i].n_edges; e++)
            free((char *)b.nodes[i].edges[e].xpath);
        free((void *)b.nodes[i].edges);
        free((void *)b.nodes[i].exposures);
    }
    free(b.derived);
    free(b.nodes);
    free(b.node_result);
}
