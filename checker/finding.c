/* SPDX-License-Identifier: MIT */
#include "finding.h"

#include "buf.h"
#include "ck.h"
#include "mem.h"

#include <stdlib.h>
#include <string.h>

void ck_findings_init(struct ck_findings *f)
{
    memset(f, 0, sizeof *f);
}

void ck_finding_fini(struct ck_finding *x)
{
    free(x->holding);
    free(x->item);
    free(x->xpath);
    for (int l = 0; l < CK_LANG_COUNT; l++) {
        free(x->message[l]);
        free(x->evidence[l]);
    }
    free(x->explain);
    free(x->catalog_edition);
    free(x->chain);
    free(x->basis);
    free(x->exempt_document);
    free(x->exempt_authority);
    free(x->exempt_from);
    free(x->exempt_until);
    memset(x, 0, sizeof *x);
}

void ck_finding_basis_text(const struct ck_finding *f, struct ck_buf *out)
{
    if (f->basis)
        ck_buf_adds(out, f->basis);
    else
        ck_rules_basis_text(f->rule, out);
}

void ck_findings_fini(struct ck_findings *f)
{
    if (f == NULL)
        return;
    for (size_t i = 0; i < f->n; i++)
        ck_finding_fini(&f->v[i]);
    free(f->v);
    ck_findings_init(f);
}

struct ck_finding *ck_findings_add(struct ck_findings *f)
{
    if (f->n >= CK_MAX_FINDINGS_PER_FILING) {
        f->dropped++;
        return NULL;
    }
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 16;
        if (ck_grow(&f->v, cap, sizeof *f->v))
            return NULL; /* out of memory (on the thread's record) */
        f->cap = cap;
    }
    struct ck_finding *x = &f->v[f->n++];
    memset(x, 0, sizeof *x);
    return x;
}

static int strcmp0(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_finding(const void *pa, const void *pb)
{
    const struct ck_finding *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    int c = strcmp(a->rule->id, b->rule->id);
    if (c == 0)
        c = strcmp0(a->xpath, b->xpath);
    if (c == 0)
        c = strcmp0(a->chain, b->chain);
    return c;
}

void ck_findings_sort(struct ck_findings *f)
{
    if (f->n > 1)
        qsort(f->v, f->n, sizeof *f->v, cmp_finding);
}

void ck_findings_apply_exemptions(struct ck_findings *f, const struct ck_exemption *ex, size_t n_ex,
                                  const char *period_start, const char *period_end, int lang)
{
    for (size_t i = 0; i < f->n; i++) {
        struct ck_finding *x = &f->v[i];
        if (strcmp(x->rule->category, "exemption") == 0)
            continue;
        for (size_t j = 0; j < n_ex && !x->exempted; j++) {
            const struct ck_exemption *e = &ex[j];
            if (strcmp(e->rule, x->rule->id) != 0 && strcmp(e->rule, x->rule->category) != 0)
                continue;
            if (e->holding && *e->holding && strcmp0(e->holding, x->holding) != 0)
                continue;
            /* ISO dates compare correctly as strings. */
            int in_force = e->from && e->until && strcmp(e->from, period_start) <= 0 &&
                           strcmp(e->until, period_end) >= 0 && strcmp(e->from, e->until) <= 0;
            if (in_force) {
                x->exempted = 1;
                x->exempt_document = ck_strdup(e->document ? e->document : "");
                x->exempt_authority = ck_strdup(e->authority ? e->authority : "");
                x->exempt_from = ck_strdup(e->from);
                x->exempt_until = ck_strdup(e->until);
            } else {
                struct ck_buf b;
                ck_buf_init(&b);
                if (x->explain) {
                    ck_buf_adds(&b, x->explain);
                    ck_buf_adds(&b, "; ");
                }
                ck_buf_printf(&b,
                              lang == CK_LANG_EN
                                  ? "exemption %s (%s, %s..%s, line %ld) not applied: it does not cover the period %s..%s"
                                  : "豁免 %s（%s，%s 至 %s，第 %ld 行）未适用：其有效期未覆盖报告期 %s 至 %s",
                              e->document ? e->document : "?", e->authority ? e->authority : "?",
                              e->from ? e->from : "?", e->until ? e->until : "?", e->line,
                              period_start, period_end);
                free(x->explain);
                x->explain = ck_buf_take(&b);
            }
        }
    }
}

size_t ck_findings_count_at_least(const struct ck_findings *f, int sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (!f->v[i].exempted && f->v[i].severity >= sev)
            n++;
    return n;
}
