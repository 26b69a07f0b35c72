/* SPDX-License-Identifier: MIT */
#include "eval.h"

#include "buf.h"
#include "ck.h"
#include "mem.h"
#include "regex.h"
#include "xenv.h"
#include "xfunc.h"
#include "xpc.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct ck_evaluator {
    const struct ck_ruleset *rs;
    xmlXPathContextPtr ctx;      /* owned */
    xmlXPathCompExprPtr *comp;   /* owned; one per rs->exprs */
    struct ck_xpc **xpc;         /* owned; one per rs->exprs, NULL outside the subset */
    struct ck_xpc_vm *vm;        /* owned; runs xpc */
    int *canon;                  /* owned; per expr: first expr with the same source */
    /* Context node-sets of the current document, per canonical expression:
     * rules that share a context (seven share the clause/note/disclosure
     * one) evaluate it once per filing. */
    struct ctx_memo {
        unsigned long generation;
        xmlNodePtr *nodes; /* owned */
        size_t n, cap;
    } *ctx_memo;                 /* owned; one per rs->exprs */
    unsigned long generation;    /* bumped per document */
    unsigned long xpc_runs, xpc_fallbacks;
    struct ck_regex_scratch *scratch; /* owned */
    struct ck_buf explain;       /* owned */
    struct ck_xenv env;
    struct ck_buf errors;        /* owned; runtime errors of the current doc */
    struct ck_profile *prof;     /* owned; NULL unless profiling */
    unsigned langs;              /* bit per CK_LANG_*: messages interpolated */
    /* Sibling positions for node paths, per depth, valid for the current doc
     * only (reset by ck_eval_doc): findings arrive in document order, so the
     * position of holding[k+1] is found from holding[k] instead of counting
     * 100,000 siblings again for every finding. */
    struct pos_cache {
        xmlNodePtr parent, last; /* borrowed from the current doc */
        int last_pos, total;
    } pos[8];
};

/* The string variables rules may use, held by the xpc vm as well. */
static const char *const vm_vars[] = {"period-start", "period-end", "signals", "lang"};

struct ck_evaluator *ck_eval_new(const struct ck_ruleset *rs, const struct ck_catalog *cat, int lang)
{
    struct ck_evaluator *ev = ck_calloc(1, sizeof *ev);
    if (ev == NULL)
        return NULL;
    ev->rs = rs;
    ev->langs = (1u << CK_LANG_COUNT) - 1;
    ev->scratch = ck_regex_scratch_new(rs->prefilter);
    ck_buf_init(&ev->explain);
    ck_buf_init(&ev->errors);
    ev->env.rules = rs;
    ev->env.catalog = cat;
    ev->env.scratch = ev->scratch;
    ev->env.explain = &ev->explain;
    ev->env.lang = lang == CK_LANG_EN ? "en" : "zh";
    ev->env.period_start = "";
    ev->env.period_end = "";
    ev->ctx = xmlXPathNewContext(NULL);
    ev->comp = ck_calloc(rs->n_exprs + 1, sizeof *ev->comp);
    ev->xpc = ck_calloc(rs->n_exprs + 1, sizeof *ev->xpc);
    ev->canon = ck_calloc(rs->n_exprs + 1, sizeof *ev->canon);
    ev->ctx_memo = ck_calloc(rs->n_exprs + 1, sizeof *ev->ctx_memo);
    if (ev->scratch == NULL || ev->ctx == NULL || ev->comp == NULL || ev->xpc == NULL ||
        ev->canon == NULL || ev->ctx_memo == NULL) {
        ck_eval_free(ev);
        return NULL;
    }
    ev->ctx->userData = &ev->env;
    /* Reuse XPath objects instead of a malloc/free pair for every
     * intermediate node-set, string and number (libxml2 2.9 has the cache
     * off by default). */
    xmlXPathContextSetCache(ev->ctx, 1, 100, 0);
    ck_xfunc_register(ev->ctx);
    /* The rule set compiled every expression once when it loaded, so these
     * cannot fail except for lack of memory. */
    for (size_t i = 0; i < rs->n_exprs; i++)
        ev->comp[i] = xmlXPathCtxtCompile(ev->ctx, (const xmlChar *)rs->exprs[i].source);
    ev->vm = ck_xpc_vm_new(ev->ctx, CK_ARRAY_LEN(vm_vars));
    for (size_t i = 0; i < rs->n_exprs; i++) {
        ev->xpc[i] = ck_xpc_compile(rs->exprs[i].source, ev->ctx, vm_vars, CK_ARRAY_LEN(vm_vars));
        ev->canon[i] = (int)i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(rs->exprs[j].source, rs->exprs[i].source) == 0) {
                ev->canon[i] = (int)j;
                break;
            }
    }
    if (ev->vm == NULL) {
        ck_eval_free(ev);
        return NULL;
    }
    return ev;
}

void ck_eval_set_langs(struct ck_evaluator *ev, unsigned mask)
{
    ev->langs = mask ? mask : (1u << CK_LANG_COUNT) - 1;
}

double ck_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

struct ck_profile *ck_profile_new(size_t n_rules)
{
    struct ck_profile *p = ck_calloc(1, sizeof *p);
    p->n_rules = n_rules;
    p->rule_seconds = ck_calloc(n_rules + 1, sizeof *p->rule_seconds);
    p->rule_calls = ck_calloc(n_rules + 1, sizeof *p->rule_calls);
    p->rule_regex = ck_calloc(n_rules + 1, sizeof *p->rule_regex);
    p->rule_skipped = ck_calloc(n_rules + 1, sizeof *p->rule_skipped);
    return p;
}

void ck_profile_free(struct ck_profile *p)
{
    if (p == NULL)
        return;
    free(p->rule_seconds);
    free(p->rule_calls);
    free(p->rule_regex);
    free(p->rule_skipped);
    free(p);
}

void ck_profile_add(struct ck_profile *into, const struct ck_profile *from)
{
    if (into == NULL || from == NULL)
        return;
    for (size_t i = 0; i < into->n_rules && i < from->n_rules; i++) {
        into->rule_seconds[i] += from->rule_seconds[i];
        into->rule_calls[i] += from->rule_calls[i];
        into->rule_regex[i] += from->rule_regex[i];
        into->rule_skipped[i] += from->rule_skipped[i];
    }
    for (int k = 0; k < CK_STAGE_COUNT; k++)
        into->stage_seconds[k] += from->stage_seconds[k];
    into->filings += from->filings;
}

void ck_eval_profile_enable(struct ck_evaluator *ev)
{
    if (ev->prof == NULL)
        ev->prof = ck_profile_new(ev->rs->n_rules);
}

struct ck_profile *ck_eval_profile(struct ck_evaluator *ev)
{
    return ev ? ev->prof : NULL;
}

/* Stages first (their share of the whole run), then the rules by
 * descending time (their share of rule evaluation). Times in microseconds;
 * "us/filing" divides by the filings that reached evaluation. */
void ck_profile_print(const struct ck_profile *p, const struct ck_ruleset *rs, FILE *out)
{
    static const char *const stage_name[CK_STAGE_COUNT] = {
        "open (schema, catalogue, rules)", "load (read, parse, validate, facts)",
        "evaluate (rules)", "after (metrics, limits, exemptions)", "output (look-through, reports)"};
    if (p == NULL)
        return;
    double all = 0, rules_total = 0;
    for (int k = 0; k < CK_STAGE_COUNT; k++)
        all += p->stage_seconds[k];
    unsigned long calls = 0, regex = 0, skipped = 0;
    for (size_t i = 0; i < p->n_rules; i++) {
        rules_total += p->rule_seconds[i];
        calls += p->rule_calls[i];
        regex += p->rule_regex[i];
        skipped += p->rule_skipped[i];
    }
    double nf = p->filings ? (double)p->filings : 1.0;
    fprintf(out, "profile: %lu filing(s) evaluated\n", p->filings);
    fprintf(out, "%-38s %12s %10s %7s\n", "stage", "us", "us/filing", "share");
    for (int k = 0; k < CK_STAGE_COUNT; k++)
        fprintf(out, "%-38s %12.0f %10.1f %6.1f%%\n", stage_name[k], p->stage_seconds[k] * 1e6,
                k == CK_STAGE_OPEN ? 0.0 : p->stage_seconds[k] * 1e6 / nf,
                all > 0 ? 100.0 * p->stage_seconds[k] / all : 0.0);
    fprintf(out, "%-38s %12.0f\n", "total", all * 1e6);
    fprintf(out, "\n%-8s %12s %10s %7s %10s %10s %10s\n", "rule", "us", "us/filing", "share", "calls", "regex",
            "skipped");
    unsigned char *done = ck_calloc(p->n_rules + 1, 1);
    for (size_t k = 0; k < p->n_rules; k++) {
        size_t best = (size_t)-1;
        for (size_t i = 0; i < p->n_rules; i++)
            if (!done[i] && (best == (size_t)-1 || p->rule_seconds[i] > p->rule_seconds[best]))
                best = i;
        done[best] = 1;
        if (rs->rules[best].lookthrough)
            continue;
        fprintf(out, "%-8s %12.0f %10.1f %6.1f%% %10lu %10lu %10lu\n", rs->rules[best].id,
                p->rule_seconds[best] * 1e6, p->rule_seconds[best] * 1e6 / nf,
                rules_total > 0 ? 100.0 * p->rule_seconds[best] / rules_total : 0.0, p->rule_calls[best],
                p->rule_regex[best], p->rule_skipped[best]);
    }
    fprintf(out, "%-8s %12.0f %10.1f %6.1f%% %10lu %10lu %10lu\n", "rules", rules_total * 1e6,
            rules_total * 1e6 / nf, 100.0, calls, regex, skipped);
    fprintf(out, "regex calls skipped by the prefilter: %lu of %lu (%.1f%%); %zu of %zu patterns have atoms\n",
            skipped, skipped + regex, skipped + regex ? 100.0 * (double)skipped / (double)(skipped + regex) : 0.0,
            rs->n_prefiltered, rs->n_patterns);
    fprintf(out, "(calls: candidate context nodes evaluated; regex: PCRE2 searches made; skipped:\n"
                 " searches the literal prefilter proved unnecessary; load, evaluate and after are summed\n"
                 " over the workers, so with --jobs N they may exceed the wall time)\n");
    free(done);
}

void ck_eval_free(struct ck_evaluator *ev)
{
    if (ev == NULL)
        return;
    ck_profile_free(ev->prof);
    for (size_t i = 0; i < ev->rs->n_exprs; i++) {
        if (ev->comp)
            xmlXPathFreeCompExpr(ev->comp[i]);
        if (ev->xpc)
            ck_xpc_free(ev->xpc[i]);
        if (ev->ctx_memo)
            free(ev->ctx_memo[i].nodes);
    }
    free(ev->comp);
    free(ev->xpc);
    free(ev->canon);
    free(ev->ctx_memo);
    ck_xpc_vm_free(ev->vm);
    xmlXPathFreeContext(ev->ctx);
    ck_regex_scratch_free(ev->scratch);
    ck_buf_fini(&ev->explain);
    ck_buf_fini(&ev->errors);
    free(ev);
}

unsigned long ck_eval_regex_limit_hits(const struct ck_evaluator *ev)
{
    return ev->scratch->limit_hits;
}

static void note_error(struct ck_evaluator *ev, const char *rule_id, int expr)
{
    const char *msg = ck_xfunc_last_error();
    /* one line per rule and expression is enough */
    struct ck_buf line;
    ck_buf_init(&line);
    ck_buf_printf(&line, "rule %s: XPath error in '%s': %s\n", rule_id,
                  expr >= 0 ? ev->rs->exprs[expr].source : "?", *msg ? msg : "evaluation failed");
    if (strstr(ck_buf_str(&ev->errors), ck_buf_str(&line)) == NULL)
        ck_buf_adds(&ev->errors, ck_buf_str(&line));
    ck_buf_fini(&line);
}

static xmlXPathObjectPtr run(struct ck_evaluator *ev, int expr, xmlNodePtr node, const char *rule_id)
{
    if (expr < 0 || ev->comp[expr] == NULL)
        return NULL;
    ev->ctx->node = node;
    ck_xfunc_error_reset();
    xmlXPathObjectPtr r = xmlXPathCompiledEval(ev->comp[expr], ev->ctx);
    if (r == NULL)
        note_error(ev, rule_id, expr);
    return r;
}

static int run_bool(struct ck_evaluator *ev, int expr, xmlNodePtr node, const char *rule_id)
{
    if (expr >= 0 && ev->xpc[expr]) {
        int b;
        ev->ctx->node = node;
        ev->xpc_runs++;
        if (ck_xpc_eval_bool(ev->vm, ev->xpc[expr], node, &b) == CK_XPC_OK)
            return b;
        ev->xpc_fallbacks++;
    }
    xmlXPathObjectPtr r = run(ev, expr, node, rule_id);
    if (r == NULL)
        return 0;
    int b = xmlXPathCastToBoolean(r);
    xmlXPathFreeObject(r);
    return b;
}

static char *run_string(struct ck_evaluator *ev, int expr, xmlNodePtr node, const char *rule_id)
{
    if (expr >= 0 && ev->xpc[expr]) {
        const char *s;
        ev->ctx->node = node;
        ev->xpc_runs++;
        if (ck_xpc_eval_string(ev->vm, ev->xpc[expr], node, &s) == CK_XPC_OK)
            return ck_strdup(s);
        ev->xpc_fallbacks++;
    }
    xmlXPathObjectPtr r = run(ev, expr, node, rule_id);
    if (r == NULL)
        return ck_strdup("");
    xmlChar *s = xmlXPathCastToString(r);
    xmlXPathFreeObject(r);
    char *out = ck_strdup(s ? (const char *)s : "");
    xmlFree(s);
    return out;
}

static void set_var(struct ck_evaluator *ev, const char *name, const char *value)
{
    for (size_t i = 0; i < CK_ARRAY_LEN(vm_vars); i++)
        if (strcmp(vm_vars[i], name) == 0)
            ck_xpc_vm_set_var(ev->vm, i, value);
    xmlXPathRegisterVariable(ev->ctx, (const xmlChar *)name,
                             xmlXPathNewString((const xmlChar *)value));
}

static char *interpolate(struct ck_evaluator *ev, const struct ck_template *t, xmlNodePtr node,
                         const char *rule_id)
{
    struct ck_buf b;
    ck_buf_init(&b);
    for (size_t i = 0; i < t->n_parts; i++) {
        if (t->parts[i].text) {
            ck_buf_adds(&b, t->parts[i].text);
        } else {
            char *s = run_string(ev, t->parts[i].expr, node, rule_id);
            if (s == NULL) /* out of memory (on the thread's record) */
                continue;
            /* ck_buf_add_cut trims; keep one space where the value has one at
             * either end, since templates use them as separators */
            size_t n = strlen(s);
            if (n && (s[0] == ' ' || s[0] == '\n'))
                ck_buf_addc(&b, ' ');
            ck_buf_add_cut(&b, s, CK_MESSAGE_VALUE_CHARS);
            if (n > 1 && (s[n - 1] == ' ' || s[n - 1] == '\n'))
                ck_buf_addc(&b, ' ');
            free(s);
        }
    }
    return ck_buf_take(&b);
}

char *ck_eval_template(struct ck_evaluator *ev, const struct ck_template *t, xmlNodePtr node,
                       const char *const *names, const char *const *values, size_t n_vars)
{
    for (size_t i = 0; i < n_vars; i++)
        set_var(ev, names[i], values[i]);
    return interpolate(ev, t, node, "look-through");
}

static int same_name(xmlNodePtr a, xmlNodePtr b)
{
    return a->type == XML_ELEMENT_NODE && strcmp((const char *)a->name, (const char *)b->name) == 0;
}

/* Position of e among its same-named siblings and their number. */
static void sibling_pos(xmlNodePtr e, struct pos_cache *c, int *out_pos, int *out_total)
{
    if (c && c->parent == e->parent && c->last && same_name(c->last, e)) {
        int pos = c->last_pos;
        for (xmlNodePtr s = c->last; s; s = s->next) {
            if (s != c->last && same_name(s, e))
                pos++;
            if (s == e) {
                c->last = e;
                c->last_pos = pos;
                *out_pos = pos;
                *out_total = c->total;
                return;
            }
        }
    }
    int pos = 1, total = 0;
    for (xmlNodePtr s = e->parent ? e->parent->children : e; s; s = s->next) {
        if (!same_name(s, e))
            continue;
        total++;
        if (s == e)
            pos = total;
    }
    if (c && e->parent) {
        c->parent = e->parent;
        c->last = e;
        c->last_pos = pos;
        c->total = total;
    }
    *out_pos = pos;
    *out_total = total;
}

static char *node_path(xmlNodePtr node, struct pos_cache *cache, size_t n_cache);

char *ck_eval_node_path(xmlNodePtr node)
{
    return node_path(node, NULL, 0);
}

static char *node_path(xmlNodePtr node, struct pos_cache *cache, size_t n_cache)
{
    const char *attr_name = NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE) {
        attr_name = (const char *)node->name;
        node = node->parent;
    } else if (node && node->type != XML_ELEMENT_NODE) {
        node = node->parent;
    }
    /* collect ancestors root-first */
    xmlNodePtr chain[CK_MAX_XML_DEPTH + 8];
    size_t n = 0;
    for (xmlNodePtr p = node; p && p->type == XML_ELEMENT_NODE && n < CK_ARRAY_LEN(chain); p = p->parent)
        chain[n++] = p;
    struct ck_buf b;
    ck_buf_init(&b);
    size_t depth = 0;
    while (n > 0) {
        xmlNodePtr e = chain[--n];
        ck_buf_addc(&b, '/');
        ck_buf_adds(&b, (const char *)e->name);
        int pos, total;
        sibling_pos(e, depth < n_cache ? &cache[depth] : NULL, &pos, &total);
        depth++;
        if (total > 1)
            ck_buf_printf(&b, "[%d]", pos);
    }
    if (attr_name)
        ck_buf_printf(&b, "/@%s", attr_name);
    if (b.len == 0)
        ck_buf_addc(&b, '/');
    return ck_buf_take(&b);
}

static int is_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 && n->ns &&
           strcmp((const char *)n->ns->href, CK_NS_FILING) == 0;
}

static char *id_of(xmlNodePtr n)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
    if (v == NULL)
        v = xmlGetProp(n, (const xmlChar *)"rule");
    char *s = v ? ck_strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static void locate(struct ck_evaluator *ev, struct ck_finding *f, xmlNodePtr node)
{
    xmlNodePtr el = node;
    if (el && el->type != XML_ELEMENT_NODE)
        el = el->parent;
    f->line = el ? xmlGetLineNo(el) : 0;
    f->xpath = node_path(node, ev->pos, CK_ARRAY_LEN(ev->pos));
    for (xmlNodePtr p = el; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (is_named(p, "holding")) {
            f->holding = id_of(p);
            if (f->item == NULL)
                f->item = ck_strdup(f->holding ? f->holding : "");
            break;
        }
        if (f->item == NULL && (is_named(p, "transaction") || is_named(p, "guarantee")))
            f->item = id_of(p);
    }
}

static void add_evidence(struct ck_buf *b, const char *field, const char *value)
{
    if (value == NULL || *value == '\0')
        return;
    if (b->len)
        ck_buf_adds(b, "; ");
    ck_buf_adds(b, field);
    ck_buf_adds(b, ": ");
    ck_buf_add_cut(b, value, CK_EVIDENCE_CHARS);
}

static void eval_rule_on(struct ck_evaluator *ev, const struct ck_rule *r, xmlNodePtr node,
                         struct ck_findings *out)
{
    int severity = r->severity;
    struct ck_buf sig[CK_LANG_COUNT], evid[CK_LANG_COUNT];
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        ck_buf_init(&sig[l]);
        ck_buf_init(&evid[l]);
    }
    ck_buf_reset(&ev->explain);
    ev->env.catalog_edition = NULL;
    if (r->n_signals > 0) {
        double score = 0;
        for (size_t i = 0; i < r->n_signals; i++) {
            const struct ck_signal *s = &r->signals[i];
            if (!run_bool(ev, s->expr, node, r->id))
                continue;
            score += s->weight;
            char *sev_text = s->evidence_expr >= 0 ? run_string(ev, s->evidence_expr, node, r->id) : NULL;
            for (int l = 0; l < CK_LANG_COUNT; l++) {
                if (sig[l].len)
                    ck_buf_adds(&sig[l], l == CK_LANG_ZH ? "、" : ", ");
                ck_buf_adds(&sig[l], s->label[l]);
                struct ck_buf field;
                ck_buf_init(&field);
                ck_buf_printf(&field, "%s %s(%g)", l == CK_LANG_ZH ? "信号" : "signal", s->label[l], s->weight);
                add_evidence(&evid[l], ck_buf_str(&field), sev_text && *sev_text ? sev_text : "✓");
                ck_buf_fini(&field);
            }
            free(sev_text);
        }
        severity = -1;
        for (size_t g = 0; g < r->n_grades; g++)
            if (score >= r->grades[g].min) {
                severity = r->grades[g].severity;
                break;
            }
        if (severity < 0)
            goto out;
    } else if (!run_bool(ev, r->condition_expr, node, r->id)) {
        goto out;
    }
    struct ck_finding *f = ck_findings_add(out);
    if (f == NULL)
        goto out;
    f->rule = r;
    f->severity = severity;
    locate(ev, f, node);
    for (size_t i = 0; i < r->n_evidence; i++) {
        char *v = run_string(ev, r->evidence[i].expr, node, r->id);
        for (int l = 0; l < CK_LANG_COUNT; l++)
            add_evidence(&evid[l], r->evidence[i].field, v);
        free(v);
    }
    if (ev->explain.len)
        f->explain = ck_strdup(ck_buf_str(&ev->explain));
    if (ev->env.catalog_edition)
        f->catalog_edition = ck_strdup(ev->env.catalog_edition);
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        f->evidence[l] = ck_buf_take(&evid[l]);
        if (!(ev->langs & (1u << l)))
            continue; /* message[l] stays NULL: nobody asked for it */
        set_var(ev, "signals", ck_buf_str(&sig[l]));
        set_var(ev, "lang", l == CK_LANG_ZH ? "zh" : "en");
        f->message[l] = interpolate(ev, &r->message[l], node, r->id);
    }
out:
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        ck_buf_fini(&sig[l]);
        ck_buf_fini(&evid[l]);
    }
}

/* The context node-set of expr on the current document, evaluated once per
 * document for every rule with the same context. NULL after an error
 * (noted for the rule). */
static const struct ctx_memo *context_nodes(struct ck_evaluator *ev, int expr, xmlNodePtr root,
                                            const char *rule_id)
{
    if (expr < 0)
        return NULL;
    struct ctx_memo *m = &ev->ctx_memo[ev->canon[expr]];
    if (m->generation == ev->generation)
        return m;
    xmlNodePtr *nodes = NULL;
    size_t n = 0;
    xmlXPathObjectPtr set = NULL;
    int got = 0;
    if (ev->xpc[expr]) {
        ev->ctx->node = root;
        ev->xpc_runs++;
        got = ck_xpc_eval_nodes(ev->vm, ev->xpc[expr], root, &nodes, &n) == CK_XPC_OK;
        if (!got)
            ev->xpc_fallbacks++;
    }
    if (!got) {
        set = run(ev, expr, root, rule_id);
        if (set == NULL)
            return NULL;
        if (set->type != XPATH_NODESET) {
            note_error(ev, rule_id, expr);
            xmlXPathFreeObject(set);
            return NULL;
        }
        nodes = set->nodesetval ? set->nodesetval->nodeTab : NULL;
        n = set->nodesetval ? (size_t)set->nodesetval->nodeNr : 0;
    }
    if (n > m->cap) {
        free(m->nodes);
        m->nodes = ck_reallocarray(NULL, n, sizeof *m->nodes);
        m->cap = m->nodes ? n : 0;
        if (m->nodes == NULL) { /* out of memory (on the thread's record) */
            xmlXPathFreeObject(set);
            return NULL;
        }
    }
    if (n)
        memcpy(m->nodes, nodes, n * sizeof *nodes);
    m->n = n;
    m->generation = ev->generation;
    xmlXPathFreeObject(set);
    return m;
}

int ck_eval_doc(struct ck_evaluator *ev, xmlDocPtr doc, const char *period_start,
                const char *period_end, const struct ck_rule *only, struct ck_findings *out,
                char **errors)
{
    *errors = NULL;
    ck_buf_reset(&ev->errors);
    ck_regex_scratch_new_doc(ev->scratch);
    ev->generation++;
    memset(ev->pos, 0, sizeof ev->pos);
    ev->ctx->doc = doc;
    ev->env.period_start = period_start ? period_start : "";
    ev->env.period_end = period_end ? period_end : "";
    set_var(ev, "period-start", ev->env.period_start);
    set_var(ev, "period-end", ev->env.period_end);
    set_var(ev, "signals", "");
    set_var(ev, "lang", ev->env.lang);
    xmlNodePtr root = (xmlNodePtr)doc;
    for (size_t i = 0; i < ev->rs->n_rules && !ck_mem_failed(); i++) {
        const struct ck_rule *r = &ev->rs->rules[i];
        if (r->lookthrough || (only && r != only))
            continue;
        double t0 = ev->prof ? ck_now() : 0;
        unsigned long s0 = ev->scratch->searches, k0 = ev->scratch->skipped;
        const struct ctx_memo *cm = context_nodes(ev, r->context_expr, root, r->id);
        if (cm) {
            /* Candidates are evaluated after the context set is complete;
             * the memo is not touched again for this context and document. */
            for (size_t k = 0; k < cm->n; k++)
                eval_rule_on(ev, r, cm->nodes[k], out);
            if (ev->prof)
                ev->prof->rule_calls[i] += (unsigned long)cm->n;
        }
        if (ev->prof) {
            ev->prof->rule_seconds[i] += ck_now() - t0;
            ev->prof->rule_regex[i] += ev->scratch->searches - s0;
            ev->prof->rule_skipped[i] += ev->scratch->skipped - k0;
        }
    }
    ev->ctx->doc = NULL;
    ev->ctx->node = NULL;
    if (ev->errors.len)
        *errors = ck_strdup(ck_buf_str(&ev->errors));
    return ck_mem_failed() ? CK_ENOMEM : CK_OK;
}
