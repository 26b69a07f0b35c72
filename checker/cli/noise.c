/* SPDX-License-Identifier: MIT */
/*
 * Rule selection, collapsing of repeated notices and the display severity
 * threshold (see noise.h). Findings are compacted in place; dropped ones are
 * released with ck_finding_fini.
 */
#include "noise.h"

#include "buf.h"
#include "ck.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

/* How many holding ids a collapsed notice names before "…". */
enum { COLLAPSE_NAMES = 50 };

void ck_noise_init(struct ck_noise *nz)
{
    memset(nz, 0, sizeof *nz);
    nz->min_severity = CK_SEV_NOTICE;
    nz->collapse = 1;
}

void ck_noise_fini(struct ck_noise *nz)
{
    for (size_t i = 0; i < nz->n_include; i++)
        free(nz->include[i]);
    for (size_t i = 0; i < nz->n_exclude; i++)
        free(nz->exclude[i]);
    free(nz->include);
    free(nz->exclude);
    memset(nz, 0, sizeof *nz);
}

void ck_noise_clear(struct ck_noise *nz, int exclude)
{
    char **v = exclude ? nz->exclude : nz->include;
    size_t n = exclude ? nz->n_exclude : nz->n_include;
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
    if (exclude) {
        nz->exclude = NULL;
        nz->n_exclude = 0;
    } else {
        nz->include = NULL;
        nz->n_include = 0;
    }
}

void ck_noise_add(struct ck_noise *nz, int exclude, const char *list)
{
    char ***v = exclude ? &nz->exclude : &nz->include;
    size_t *n = exclude ? &nz->n_exclude : &nz->n_include;
    const char *p = list;
    while (*p) {
        while (*p == ',' || *p == ' ')
            p++;
        const char *e = p;
        while (*e && *e != ',' && *e != ' ')
            e++;
        if (e > p) {
            *v = ck_reallocarray(*v, *n + 1, sizeof **v);
            (*v)[(*n)++] = ck_strndup(p, (size_t)(e - p));
        }
        p = e;
    }
}

static int name_matches(const char *name, const struct ck_rule *r)
{
    return strcmp(name, r->id) == 0 || strcmp(name, r->category) == 0;
}

static int selected(const struct ck_noise *nz, const struct ck_rule *r)
{
    int in = nz->n_include == 0;
    for (size_t i = 0; i < nz->n_include && !in; i++)
        in = name_matches(nz->include[i], r);
    for (size_t i = 0; i < nz->n_exclude && in; i++)
        if (name_matches(nz->exclude[i], r))
            in = 0;
    return in;
}

const char *ck_noise_check_names(const struct ck_noise *nz, const struct ck_ruleset *rs)
{
    for (int pass = 0; pass < 2; pass++) {
        char **v = pass ? nz->exclude : nz->include;
        size_t n = pass ? nz->n_exclude : nz->n_include;
        for (size_t i = 0; i < n; i++) {
            int known = ck_category_valid(v[i]);
            for (size_t k = 0; k < rs->n_rules && !known; k++)
                known = name_matches(v[i], &rs->rules[k]);
            if (!known)
                return v[i];
        }
    }
    return NULL;
}

static int collapsible(const struct ck_finding *f)
{
    return f->severity == CK_SEV_NOTICE && !f->exempted && f->holding != NULL && f->chain == NULL;
}

/* Replaces x (the first of its group) by one notice for all n holdings of
 * the group; the others are released by the caller. */
static void collapse_into(struct ck_finding *x, const struct ck_findings *fs, size_t first, size_t n)
{
    struct ck_buf ids, zh, en;
    ck_buf_init(&ids);
    ck_buf_init(&zh);
    ck_buf_init(&en);
    ck_buf_adds(&ids, x->holding);
    size_t named = 1;
    for (size_t j = first; j < fs->n; j++) {
        const struct ck_finding *g = &fs->v[j];
        if (g->rule != x->rule || !collapsible(g))
            continue;
        if (named == COLLAPSE_NAMES) {
            ck_buf_adds(&ids, ", …");
            break;
        }
        ck_buf_printf(&ids, "%s%s", named ? ", " : "", g->holding);
        named++;
    }
    struct ck_buf ids_zh;
    ck_buf_init(&ids_zh);
    for (const char *p = ck_buf_str(&ids); *p; p++) {
        if (p[0] == ',' && p[1] == ' ') {
            ck_buf_adds(&ids_zh, "、");
            p++;
        } else {
            ck_buf_addc(&ids_zh, *p);
        }
    }
    ck_buf_printf(&zh, "%zu 项持仓均为同一情况（无法判断，不视为合规）：%s。首项：%s", n, ck_buf_str(&ids_zh),
                  x->message[CK_LANG_ZH] ? x->message[CK_LANG_ZH] : "");
    ck_buf_printf(&en, "%zu holdings are in the same position (cannot be determined, not a pass): %s. First: %s", n,
                  ck_buf_str(&ids), x->message[CK_LANG_EN] ? x->message[CK_LANG_EN] : "");
    free(x->message[CK_LANG_ZH]);
    free(x->message[CK_LANG_EN]);
    x->message[CK_LANG_ZH] = ck_buf_take(&zh);
    x->message[CK_LANG_EN] = ck_buf_take(&en);
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        struct ck_buf ev;
        ck_buf_init(&ev);
        ck_buf_printf(&ev, "%s: %s", l == CK_LANG_EN ? "holdings" : "持仓", ck_buf_str(&ids));
        free(x->evidence[l]);
        x->evidence[l] = ck_buf_take(&ev);
    }
    if (x->explain) { /* it explains the first holding only: say so */
        struct ck_buf ex;
        ck_buf_init(&ex);
        ck_buf_printf(&ex, "%s: %s", x->holding, x->explain);
        free(x->explain);
        x->explain = ck_buf_take(&ex);
    }
    ck_buf_fini(&ids_zh);
    free(x->holding);
    free(x->item);
    x->holding = x->item = NULL;
    free(x->xpath);
    x->xpath = ck_strdup("/filing/holdings");
    ck_buf_fini(&ids);
}

void ck_noise_select(const struct ck_noise *nz, struct ck_findings *f)
{
    size_t w = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (!selected(nz, f->v[i].rule)) {
            ck_finding_fini(&f->v[i]);
            continue;
        }
        f->v[w++] = f->v[i];
    }
    f->n = w;
    if (!nz->collapse)
        return;
    /* group by rule: the first member of each group of 2 or more absorbs the rest */
    unsigned char *gone = ck_calloc(f->n ? f->n : 1, 1);
    for (size_t i = 0; i < f->n; i++) {
        if (gone[i] || !collapsible(&f->v[i]))
            continue;
        size_t n = 1;
        for (size_t j = i + 1; j < f->n; j++)
            if (!gone[j] && f->v[j].rule == f->v[i].rule && collapsible(&f->v[j]))
                n++;
        if (n < 2)
            continue;
        /* the group's later members are all after i: earlier groups were other rules */
        for (size_t j = i + 1; j < f->n; j++)
            if (!gone[j] && f->v[j].rule == f->v[i].rule && collapsible(&f->v[j]))
                gone[j] = 1;
        collapse_into(&f->v[i], f, i + 1, n);
    }
    w = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (gone[i]) {
            ck_finding_fini(&f->v[i]);
            continue;
        }
        f->v[w++] = f->v[i];
    }
    f->n = w;
    free(gone);
}

void ck_noise_min_severity(const struct ck_noise *nz, struct ck_findings *f)
{
    size_t w = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->v[i].severity < nz->min_severity) {
            ck_finding_fini(&f->v[i]);
            continue;
        }
        f->v[w++] = f->v[i];
    }
    f->n = w;
}
