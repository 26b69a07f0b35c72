/* SPDX-License-Identifier: MIT */
/*
 * Limit findings (Amendment 1). Comparison rules, from the spec: a `max` is
 * exceeded when the measure is greater, a `min` when it is smaller; equal
 * passes. Computed shares are compared as reported (rounded to 4
 * decimals); values the filing states (govShare, ownership) as written.
 * Where part of D lacks the datum a share needs, the share counts that part
 * as not qualifying; if counting it as qualifying would change the outcome,
 * the finding is a warning ("cannot be determined"), not a pass or a breach.
 */
#include "plan_limits.h"

#include "buf.h"
#include "ck.h"
#include "engine.h"
#include "filing.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* ---- the static rules (one per kind) ---- */

static char cat_limit[] = "limit";
static char rule_file[] = "checker/limits.c";
static char id0[] = "LIM-001", id1[] = "LIM-002", id2[] = "LIM-003", id3[] = "LIM-004",
            id4[] = "LIM-005", id5[] = "LIM-006";
static char tz0[] = "单一被投企业投资占比限额", te0[] = "Single-investee share limit";
static char tz1[] = "单一持股比例限额", te1[] = "Investee ownership limit";
static char tz2[] = "主投领域投资占比限额", te2[] = "Main-field share limit";
static char tz3[] = "政府出资比例限额", te3[] = "Government share limit";
static char tz4[] = "本地投资（返投）占比限额", te4[] = "Home-region share limit";
static char tz5[] = "基金嵌套层级限额", te5[] = "Nesting depth limit";

#define LIMIT_RULE(ID, TZ, TE)                                                                   \
    {                                                                                            \
        .id = ID, .category = cat_limit, .severity = CK_SEV_VIOLATION, .title = {TZ, TE},        \
        .context_expr = -1, .condition_expr = -1, .file = rule_file,                             \
    }

static struct ck_rule limit_rules[CK_LIMIT_KIND_COUNT] = {
    LIMIT_RULE(id0, tz0, te0), LIMIT_RULE(id1, tz1, te1), LIMIT_RULE(id2, tz2, te2),
    LIMIT_RULE(id3, tz3, te3), LIMIT_RULE(id4, tz4, te4), LIMIT_RULE(id5, tz5, te5),
};

const struct ck_rule *ck_limits_rule(int kind)
{
    return kind >= 0 && kind < CK_LIMIT_KIND_COUNT ? &limit_rules[kind] : NULL;
}

const struct ck_rule *ck_limits_rule_find(const char *id)
{
    for (int k = 0; k < CK_LIMIT_KIND_COUNT; k++)
        if (id && strcmp(limit_rules[k].id, id) == 0)
            return &limit_rules[k];
    return NULL;
}

/* ---- formatting ---- */

/* A fraction scaled by 10^scale as a percentage with 2 decimals. */
static void pct(struct ck_buf *b, long long v, int scale)
{
    long long h = v; /* hundredths of a percent */
    if (scale == 8)
        h = (v + 5000) / 10000;
    ck_buf_printf(b, "%lld.%02lld%%", h / 100, h % 100);
}

/* The bound as written, e.g. "max 0.20 (20.00%)", or "max 2" for a count. */
static void bound_text(struct ck_buf *b, const struct ck_limit_spec *s, int is_max, int lang)
{
    const char *word = is_max ? (lang ? "maximum" : "上限") : (lang ? "minimum" : "下限");
    ck_buf_printf(b, "%s %s", word, is_max ? s->max_text : s->min_text);
    if (s->kind != CK_LIMIT_NESTING) {
        ck_buf_adds(b, "（");
        pct(b, is_max ? s->max : s->min, 8);
        ck_buf_adds(b, "）");
    }
}

static void set_basis(struct ck_finding *f, const struct ck_metrics *m, const struct ck_limit_spec *s)
{
    struct ck_buf b;
    ck_buf_init(&b);
    const char *doc = *s->document ? s->document : m->plan_document;
    if (*doc)
        ck_buf_printf(&b, "《%s》", doc);
    else
        ck_buf_adds(&b, "设立方案（未注明文号）");
    if (!*s->document)
        ck_buf_adds(&b, *doc ? "（设立方案）" : "");
    ck_buf_printf(&b, "：limit kind=\"%s\"", ck_limit_kind_name(s->kind));
    if (s->has_min)
        ck_buf_printf(&b, " min=\"%s\"", s->min_text);
    if (s->has_max)
        ck_buf_printf(&b, " max=\"%s\"", s->max_text);
    f->basis = ck_buf_take(&b);
}

static char *limit_xpath(const struct ck_metrics *m, const struct ck_limit_spec *s)
{
    size_t k = (size_t)(s - m->limits);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_adds(&b, "/filing/fund/establishmentPlan/limits/limit");
    if (m->n_limits > 1)
        ck_buf_printf(&b, "[%zu]", k + 1);
    return ck_buf_take(&b);
}

/* One finding; msg and ev (both languages) are taken over. holding may be
 * NULL (fund level). */
static void emit(struct ck_findings *out, const struct ck_metrics *m, const struct ck_limit_spec *s,
                 int sev, const struct ck_filing *f, const struct ck_metrics_holding *h,
                 struct ck_buf msg[CK_LANG_COUNT], struct ck_buf ev[CK_LANG_COUNT])
{
    struct ck_finding *x = ck_findings_add(out);
    if (x == NULL) {
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            ck_buf_fini(&msg[l]);
            ck_buf_fini(&ev[l]);
        }
        return;
    }
    x->rule = &limit_rules[s->kind];
    x->severity = sev;
    if (h) {
        x->holding = ck_strdup(h->id);
        x->item = ck_strdup(h->id);
        x->line = h->line;
        x->xpath = ck_lookthrough_holding_xpath(h->index, f->n_holdings);
    } else {
        x->line = s->line;
        x->xpath = limit_xpath(m, s);
    }
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        const char *doc = *s->document ? s->document : m->plan_document;
        ck_buf_printf(&ev[l], "%s%s: %s", ev[l].len ? "; " : "", l ? "set by" : "设定文件",
                      *doc ? doc : (l ? "establishment plan (no document number)" : "设立方案（未注明文号）"));
        x->message[l] = ck_buf_take(&msg[l]);
        x->evidence[l] = ck_buf_take(&ev[l]);
    }
    set_basis(x, m, s);
}

static void bufs_init(struct ck_buf *a, struct ck_buf *b)
{
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        ck_buf_init(&a[l]);
        ck_buf_init(&b[l]);
    }
}

/* A limit whose bound does not fit its kind (e.g. main-field-share max). */
static int bound_fits(const struct ck_limit_spec *s)
{
    switch (s->kind) {
    case CK_LIMIT_MAIN_FIELD: return s->has_min && !s->has_max;
    case CK_LIMIT_HOME_REGION: return s->has_min != s->has_max;
    default: return s->has_max && !s->has_min;
    }
}

static void unmeasurable(struct ck_findings *out, const struct ck_metrics *m,
                         const struct ck_limit_spec *s, const struct ck_filing *f,
                         const struct ck_metrics_holding *h, const char *zh, const char *en)
{
    struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
    bufs_init(msg, ev);
    ck_buf_printf(&msg[0], "%s（%s）无法核验：%s；未核验的限额不视为合规。", limit_rules[s->kind].title[0],
                  ck_limit_kind_name(s->kind), zh);
    ck_buf_printf(&msg[1], "%s (%s) cannot be assessed: %s; an unassessed limit is not a pass.",
                  limit_rules[s->kind].title[1], ck_limit_kind_name(s->kind), en);
    ck_buf_adds(&ev[0], "缺少数据: ");
    ck_buf_adds(&ev[0], zh);
    ck_buf_adds(&ev[1], "missing: ");
    ck_buf_adds(&ev[1], en);
    emit(out, m, s, CK_SEV_WARNING, f, h, msg, ev);
}

/* Compares a measured share v (× 1e4) whose datum covers cov (× 1e4) of D
 * against the bound. what_zh/en names the measure; datum names what is
 * missing from the uncovered part. */
static void compare_share(struct ck_findings *out, const struct ck_metrics *m,
                          const struct ck_limit_spec *s, const struct ck_filing *f, long long v,
                          long long cov, const char *datum_zh, const char *datum_en)
{
    int is_max = s->has_max;
    long long bound = is_max ? s->max : s->min; /* × 1e8 */
    long long missing = 10000 - cov;
    /* v counts the uncovered part as not qualifying: the lowest possible
     * value; v + missing the highest. Compared in units of 1e-8. */
    long long lo = v * 10000, hi = (v + missing) * 10000;
    int breach = is_max ? lo > bound : hi < bound;
    int uncertain = !breach && (is_max ? hi > bound : lo < bound);
    if (!breach && !uncertain)
        return;
    struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
    bufs_init(msg, ev);
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        ck_buf_printf(&msg[l], "%s%s", limit_rules[s->kind].title[l], l ? ": measured " : "：实测 ");
        pct(&msg[l], v, 4);
        if (breach)
            ck_buf_adds(&msg[l], is_max ? (l ? ", above the " : "，超过") : (l ? ", below the " : "，低于"));
        else
            ck_buf_adds(&msg[l], l ? "; whether it meets the " : "；是否符合");
        bound_text(&msg[l], s, is_max, l);
        if (!breach) {
            ck_buf_adds(&msg[l], l ? " cannot be determined: " : "无法确定：");
            pct(&msg[l], missing, 4);
            ck_buf_printf(&msg[l], l ? " of the invested amount lacks %s" : " 的投资额缺少%s", l ? datum_en : datum_zh);
        } else if (missing > 0) {
            ck_buf_adds(&msg[l], l ? " even if all " : "（即使缺少数据的 ");
            pct(&msg[l], missing, 4);
            ck_buf_adds(&msg[l], l ? " without data qualified" : " 全部计入也是如此）");
        }
        ck_buf_adds(&msg[l], l ? "." : "。");
        ck_buf_adds(&ev[l], l ? "measured: " : "实测: ");
        ck_metrics_decimal(&ev[l], v, 4);
        ck_buf_printf(&ev[l], "; %s: %s %s; %s: ", l ? "bound" : "限额", is_max ? "max" : "min",
                      is_max ? s->max_text : s->min_text, l ? "data coverage" : "数据覆盖");
        ck_metrics_decimal(&ev[l], cov, 4);
    }
    emit(out, m, s, breach ? CK_SEV_VIOLATION : CK_SEV_WARNING, f, NULL, msg, ev);
}

static void check_single_investee(struct ck_findings *out, const struct ck_metrics *m,
                                  const struct ck_limit_spec *s, const struct ck_filing *f,
                                  const struct ck_metrics_scratch *sc)
{
    if (m->subscribed_fen <= 0) {
        unmeasurable(out, m, s, f, NULL, "认缴规模 size/@subscribed 为 0", "size/@subscribed is 0");
        return;
    }
    /* each investee's holdings in D as a chain (next[k]: the next holding of
     * the same investee), so listing them costs O(n) in all */
    size_t *next = ck_calloc(sc->n_h + 1, sizeof *next), *last = ck_calloc(sc->n_inv + 1, sizeof *last);
    if (next == NULL || last == NULL) { /* out of memory (on the thread's record) */
        free(next);
        free(last);
        return;
    }
    for (size_t q = 0; q < sc->n_inv; q++)
        last[q] = (size_t)-1;
    for (size_t k = sc->n_h; k-- > 0;) {
        if (!sc->h[k].in_d)
            continue;
        next[k] = last[sc->h[k].investee];
        last[sc->h[k].investee] = k;
    }
    for (size_t q = 0; q < sc->n_inv; q++) {
        const struct ck_metrics_investee *iv = &sc->inv[q];
        long long v = 0;
        /* the share as reported: rounded to 4 decimals */
        __int128 num = (__int128)iv->sum * 10000 * 2 + m->subscribed_fen;
        v = (long long)(num / (2 * (__int128)m->subscribed_fen));
        if (!(v * 10000 > s->max))
            continue;
        const struct ck_holding_row *row = &f->holdings[iv->first];
        struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
        bufs_init(msg, ev);
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            ck_buf_printf(&msg[l], l ? "%s: investments in %s total " : "%s：对「%s」的投资合计 ",
                          limit_rules[s->kind].title[l], row->investee_name);
            ck_metrics_decimal(&msg[l], iv->sum, 2);
            ck_buf_adds(&msg[l], l ? " yuan, " : " 元，占认缴规模 ");
            pct(&msg[l], v, 4);
            ck_buf_adds(&msg[l], l ? " of the subscribed size, above the " : "，超过");
            bound_text(&msg[l], s, 1, l);
            ck_buf_adds(&msg[l], l ? "." : "。");
            ck_buf_printf(&ev[l], "%s: %s%s%s%s; ", l ? "investee" : "被投企业", row->investee_name,
                          *row->investee_uscc ? "（" : "", row->investee_uscc,
                          *row->investee_uscc ? "）" : "");
            ck_buf_adds(&ev[l], l ? "holdings: " : "持仓: ");
            size_t shown = 0, all = 0;
            for (size_t k = iv->first; k != (size_t)-1; k = next[k], all++)
                if (shown < 20) /* an investee with thousands of holdings: the first 20 */
                    ck_buf_printf(&ev[l], "%s%s", shown++ ? " " : "", sc->h[k].id);
            if (all > shown)
                ck_buf_printf(&ev[l], l ? " … (%zu in all)" : " …（共 %zu 笔）", all);
            ck_buf_adds(&ev[l], l ? "; measured: " : "; 实测: ");
            ck_metrics_decimal(&ev[l], v, 4);
            ck_buf_printf(&ev[l], "; %s: max %s", l ? "bound" : "限额", s->max_text);
        }
        emit(out, m, s, CK_SEV_VIOLATION, f, &sc->h[iv->first], msg, ev);
    }
    free(next);
    free(last);
}

static void check_ownership(struct ck_findings *out, const struct ck_metrics *m,
                            const struct ck_limit_spec *s, const struct ck_filing *f,
                            const struct ck_metrics_scratch *sc)
{
    for (size_t k = 0; k < sc->n_h; k++) {
        const struct ck_metrics_holding *h = &sc->h[k];
        if (!h->is_equity_or_fund)
            continue;
        if (!h->has_ownership) {
            unmeasurable(out, m, s, f, h, "该持仓未申报 amount/@ownership（持股比例）",
                         "the holding files no amount/@ownership");
            continue;
        }
        if (!(h->ownership > s->max))
            continue;
        const struct ck_holding_row *row = &f->holdings[k];
        struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
        bufs_init(msg, ev);
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            if (l)
                ck_buf_printf(&msg[l], "%s: holding %s owns ", limit_rules[s->kind].title[l], h->id);
            else
                ck_buf_printf(&msg[l], "%s：持仓 %s 持有「%s」", limit_rules[s->kind].title[l], h->id,
                              row->investee_name);
            pct(&msg[l], h->ownership, 8);
            if (l)
                ck_buf_printf(&msg[l], " of %s, above the ", row->investee_name);
            else
                ck_buf_adds(&msg[l], " 的股权/份额，超过");
            bound_text(&msg[l], s, 1, l);
            ck_buf_adds(&msg[l], l ? "." : "。");
            ck_buf_adds(&ev[l], l ? "ownership: " : "持股比例: ");
            ck_metrics_decimal(&ev[l], h->ownership, 8);
            ck_buf_printf(&ev[l], "; %s: max %s", l ? "bound" : "限额", s->max_text);
        }
        emit(out, m, s, CK_SEV_VIOLATION, f, h, msg, ev);
    }
}

static void check_gov_share(struct ck_findings *out, const struct ck_metrics *m,
                            const struct ck_limit_spec *s, const struct ck_filing *f)
{
    if (!m->has_govshare) {
        unmeasurable(out, m, s, f, NULL, "未申报 fund/govShare（政府出资比例）", "fund/govShare is not filed");
        return;
    }
    if (!(m->govshare > s->max))
        return;
    struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
    bufs_init(msg, ev);
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        ck_buf_printf(&msg[l], "%s%s", limit_rules[s->kind].title[l], l ? ": govShare " : "：政府出资比例 ");
        pct(&msg[l], m->govshare, 8);
        ck_buf_adds(&msg[l], l ? ", above the " : "，超过");
        bound_text(&msg[l], s, 1, l);
        ck_buf_adds(&msg[l], l ? "." : "。");
        ck_buf_adds(&ev[l], "govShare: ");
        ck_metrics_decimal(&ev[l], m->govshare, 8);
        ck_buf_printf(&ev[l], "; %s: max %s", l ? "bound" : "限额", s->max_text);
    }
    emit(out, m, s, CK_SEV_VIOLATION, f, NULL, msg, ev);
}

void ck_limits_check(const struct ck_filing *f, const struct ck_metrics *m,
                     const struct ck_metrics_scratch *sc, struct ck_findings *out)
{
    for (size_t k = 0; k < m->n_limits; k++) {
        const struct ck_limit_spec *s = &m->limits[k];
        if (!bound_fits(s)) {
            unmeasurable(out, m, s, f, NULL,
                         s->kind == CK_LIMIT_MAIN_FIELD ? "该类限额只能设下限 min"
                         : s->kind == CK_LIMIT_HOME_REGION ? "该类限额设 min 或 max 之一"
                                                           : "该类限额只能设上限 max",
                         s->kind == CK_LIMIT_MAIN_FIELD ? "this kind takes a min bound only"
                         : s->kind == CK_LIMIT_HOME_REGION ? "this kind takes one of min or max"
                                                           : "this kind takes a max bound only");
            continue;
        }
        const struct ck_metric *mf = &m->m[CK_M_MAIN_FIELD], *hr = &m->m[CK_M_HOME_REGION];
        switch (s->kind) {
        case CK_LIMIT_SINGLE_INVESTEE: check_single_investee(out, m, s, f, sc); break;
        case CK_LIMIT_OWNERSHIP: check_ownership(out, m, s, f, sc); break;
        case CK_LIMIT_GOV_SHARE: check_gov_share(out, m, s, f); break;
        case CK_LIMIT_MAIN_FIELD:
            if (mf->known)
                compare_share(out, m, s, f, mf->scaled, mf->coverage, "行业代码", "an industry code");
            else
                unmeasurable(out, m, s, f, NULL, ck_metric_why_text(mf->why, 0),
                             ck_metric_why_text(mf->why, 1));
            break;
        case CK_LIMIT_HOME_REGION:
            if (hr->known)
                compare_share(out, m, s, f, hr->scaled, hr->coverage, "被投企业注册地 region",
                              "an investee region");
            else
                unmeasurable(out, m, s, f, NULL, ck_metric_why_text(hr->why, 0),
                             ck_metric_why_text(hr->why, 1));
            break;
        default: break; /* nesting-depth: ck_limits_nesting_results */
        }
    }
}

/* ---- nesting depth ---- */

struct depth_walk {
    const struct ck_lt_node *nodes;
    const size_t *first_edge, *child;
    long *depth;
    int *known;
    const char **missing;
    unsigned char *state; /* 0 new, 1 on the path, 2 done */
};

static void depth_of(struct depth_walk *w, size_t v)
{
    if (w->state[v] == 2)
        return;
    w->state[v] = 1;
    long best = 0;
    int known = 1;
    const char *missing = NULL;
    const struct ck_lt_node *node = &w->nodes[v];
    for (size_t e = 0; e < node->n_edges; e++) {
        size_t c = *node->edges[e].child_uscc ? w->child[w->first_edge[v] + e] : (size_t)-1;
        long d = 1;
        if (c == (size_t)-1) {
            if (known)
                missing = node->edges[e].child_uscc;
            known = 0;
        } else if (w->state[c] != 1) { /* a fund already on the path is a cycle: cut */
            depth_of(w, c);
            d = 1 + w->depth[c];
            if (!w->known[c]) {
                if (known)
                    missing = w->missing[c];
                known = 0;
            }
        }
        if (d > best)
            best = d;
    }
    w->depth[v] = best;
    w->known[v] = known;
    w->missing[v] = missing;
    w->state[v] = 2;
}

void ck_limits_nesting_depths(const struct ck_lt_node *nodes, size_t n, long *depth, int *known,
                              const char **missing)
{
    size_t *first_edge = NULL, *child = NULL;
    ck_lookthrough_resolve(nodes, n, &first_edge, &child);
    struct depth_walk w = {nodes, first_edge, child, depth, known, missing, ck_calloc(n + 1, 1)};
    for (size_t i = 0; w.state && first_edge && child && i < n; i++) /* else out of memory */
        depth_of(&w, i);
    free(w.state);
    free(first_edge);
    free(child);
}

void ck_limits_nesting_emit(const struct ck_metrics *m, const struct ck_filing *f, long depth, int known,
                            const char *missing, int in_db, struct ck_findings *out)
{
    for (size_t k = 0; k < m->n_limits; k++) {
        const struct ck_limit_spec *s = &m->limits[k];
        if (s->kind != CK_LIMIT_NESTING || !bound_fits(s))
            continue;
        int breach = (long long)depth * 100000000LL > s->max;
        if (!breach && known)
            continue;
        struct ck_buf msg[CK_LANG_COUNT], ev[CK_LANG_COUNT];
        bufs_init(msg, ev);
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            ck_buf_printf(&msg[l], l ? "%s: %s%ld fund layer(s) below this fund" : "%s：本基金之下%s %ld 层基金",
                          limit_rules[s->kind].title[l], known ? "" : (l ? "at least " : "至少"), depth);
            if (breach) {
                ck_buf_adds(&msg[l], l ? ", above the " : "，超过");
                bound_text(&msg[l], s, 1, l);
                ck_buf_adds(&msg[l], l ? "." : "。");
            } else {
                ck_buf_printf(&msg[l], l ? "; whether it meets the maximum %s cannot be determined: "
                                            "the filing of sub-fund %s is not in the %s."
                                         : "；是否符合上限 %s 无法确定：子基金 %s 的报送文件不在%s中。",
                              s->max_text, missing, in_db ? (l ? "database" : "数据库") : (l ? "batch" : "本批次"));
            }
            ck_buf_printf(&ev[l], "%s: %ld%s; %s: max %s", l ? "depth" : "嵌套层级", depth,
                          known ? "" : "+", l ? "bound" : "限额", s->max_text);
        }
        emit(out, m, s, breach ? CK_SEV_VIOLATION : CK_SEV_WARNING, f, NULL, msg, ev);
    }
}

void ck_limits_nesting_results(const struct ck_engine *eng, struct ck_result *res, size_t n)
{
    int any = 0;
    for (size_t i = 0; i < n && !any; i++)
        for (size_t k = 0; res[i].status == CK_OK && k < res[i].metrics.n_limits; k++)
            any |= res[i].metrics.limits[k].kind == CK_LIMIT_NESTING;
    if (!any)
        return;
    struct ck_lt_node *nodes = ck_calloc(n + 1, sizeof *nodes);
    size_t *node_result = ck_calloc(n + 1, sizeof *node_result);
    size_t nn = 0;
    for (size_t i = 0; nodes && node_result && i < n; i++) { /* else out of memory */
        const struct ck_filing *f = res[i].filing;
        if (res[i].status != CK_OK || f == NULL)
            continue;
        struct ck_lt_node *node = &nodes[nn];
        node_result[nn++] = i;
        node->uscc = f->fund_uscc;
        node->name = f->fund_name;
        node->period_end = f->period_end;
        struct ck_lt_edge *edges = ck_calloc(f->n_holdings + 1, sizeof *edges);
        for (size_t h = 0; edges && h < f->n_holdings; h++) { /* else out of memory */
            const struct ck_holding_row *row = &f->holdings[h];
            if (strcmp(row->category, "fund") != 0)
                continue;
            struct ck_lt_edge *e = &edges[node->n_edges++];
            e->holding = row->id;
            e->line = row->line;
            e->child_uscc = row->investee_uscc;
        }
        node->edges = edges;
    }
    long *depth = ck_calloc(nn + 1, sizeof *depth);
    int *known = ck_calloc(nn + 1, sizeof *known);
    const char **missing = ck_calloc(nn + 1, sizeof *missing);
    if (depth && known && missing)
        ck_limits_nesting_depths(nodes, nn, depth, known, missing);
    for (size_t v = 0; depth && known && missing && !ck_mem_failed() && v < nn; v++) {
        struct ck_result *r = &res[node_result[v]];
        struct ck_metrics *m = &r->metrics;
        m->nesting_depth = depth[v];
        m->nesting_known = known[v];
        if (!known[v] && missing[v])
            snprintf(m->nesting_missing, sizeof m->nesting_missing, "%s",
                     *missing[v] ? missing[v] : "?");
        struct ck_findings add;
        ck_findings_init(&add);
        ck_limits_nesting_emit(m, r->filing, depth[v], known[v], m->nesting_missing, 0, &add);
        if (add.n) {
            const struct ck_filing *f = r->filing;
            ck_findings_apply_exemptions(&add, f->exemptions, f->n_exemptions, f->period_start,
                                         f->period_end, eng->lang);
            for (size_t k = 0; k < add.n; k++) {
                struct ck_finding *dst = ck_findings_add(&r->findings);
                if (dst == NULL) {
                    ck_finding_fini(&add.v[k]);
                    continue;
                }
                *dst = add.v[k]; /* moves the strings */
            }
            add.n = 0;
            ck_findings_sort(&r->findings);
        }
        ck_findings_fini(&add);
    }
    for (size_t v = 0; v < nn; v++)
        free((void *)nodes[v].edges);
    free(nodes);
    free(node_result);
    free(depth);
    free(known);
    free((void *)missing);
}
