/* SPDX-License-Identifier: MIT */
/*
 * Direction metrics (Amendment 1). One pass over the holdings in the DOM
 * collects, per holding in D, the amount and the data each share needs;
 * then every share is an exact integer ratio rounded once. Definitions and
 * null rules: ../shared/spec/filing-format.md, "Direction metrics"; for
 * users: docs/metrics.md.
 */
#include "metrics.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "filing.h"
#include "mem.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers ---- */

int ck_metrics_parse_decimal(const char *s, int scale, long long *out)
{
    const char *p = s ? s : "";
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p < '0' || *p > '9')
        return 0;
    long long v = 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > (LLONG_MAX - 9) / 10)
            return 0;
        v = v * 10 + (*p - '0');
    }
    int frac = 0, round_up = 0;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return 0;
        for (; *p >= '0' && *p <= '9'; p++) {
            if (frac < scale) {
                if (v > (LLONG_MAX - 9) / 10)
                    return 0;
                v = v * 10 + (*p - '0');
                frac++;
            } else if (frac == scale) {
                round_up = *p >= '5'; /* the first dropped digit decides */
                frac++;
            }
        }
    }
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    if (*p != '\0')
        return 0;
    for (int i = frac; i < scale; i++) {
        if (v > LLONG_MAX / 10)
            return 0;
        v *= 10;
    }
    *out = v + round_up;
    return 1;
}

int ck_metrics_days(const char *d, long *out)
{
    if (d == NULL || strlen(d) != 10 || d[4] != '-' || d[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
            return 0;
    long y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    long m = (d[5] - '0') * 10 + (d[6] - '0');
    long day = (d[8] - '0') * 10 + (d[9] - '0');
    if (m < 1 || m > 12 || day < 1 || day > 31)
        return 0;
    /* days from civil (H. Hinnant): exact for the proleptic Gregorian calendar */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return 1;
}

/* round(num / den × 10^dec), half away from zero; den > 0. */
static long long ratio(__int128 num, __int128 den, int dec)
{
    for (int i = 0; i < dec; i++)
        num *= 10;
    int neg = num < 0;
    if (neg)
        num = -num;
    __int128 q = (2 * num + den) / (2 * den);
    return (long long)(neg ? -q : q);
}

void ck_metrics_decimal(struct ck_buf *b, long long scaled, int decimals)
{
    unsigned long long a = scaled < 0 ? 0ULL - (unsigned long long)scaled : (unsigned long long)scaled;
    unsigned long long p = 1;
    for (int i = 0; i < decimals; i++)
        p *= 10;
    unsigned long long whole = a / p, frac = a % p;
    ck_buf_printf(b, "%s%llu", scaled < 0 ? "-" : "", whole);
    if (frac == 0)
        return;
    char digits[24];
    size_t n = decimals < 20 ? (size_t)decimals : 20;
    for (size_t i = n; i-- > 0; frac /= 10)
        digits[i] = (char)('0' + frac % 10);
    while (n > 0 && digits[n - 1] == '0')
        n--;
    ck_buf_addc(b, '.');
    ck_buf_add(b, digits, n);
}

/* ---- names ---- */

static const char *const keys[CK_M_COUNT] = {
    "earlySmallShare", "avgHoldingYears", "hardTechShare", "privateShare", "socialCapitalShare",
    "mainFieldShare", "homeRegionShare", "topInvesteeShare", "hhi",
};
static const char *const labels_zh[CK_M_COUNT] = {
    "投早投小占比", "平均持有期", "硬科技占比", "民营企业占比", "社会资本占比",
    "主投领域占比", "本地投资占比", "最大单一投资占比", "HHI",
};
static const char *const labels_en[CK_M_COUNT] = {
    "early & small share", "average holding period", "hard-tech share", "private-enterprise share",
    "social-capital share", "main-field share", "home-region share", "largest single investee share",
    "HHI",
};

const char *ck_metric_key(int id)
{
    return id >= 0 && id < CK_M_COUNT ? keys[id] : "";
}

const char *ck_metric_label(int id, int lang)
{
    if (id < 0 || id >= CK_M_COUNT)
        return "";
    return lang ? labels_en[id] : labels_zh[id];
}

const char *ck_metric_why_text(int why, int lang)
{
    static const char *const zh[CK_MW_COUNT] = {
        "",
        "无股权、上市股权或子基金投资（投资额 D 为 0）",
        "D 中所有持仓均缺少所需数据",
        "未申报 govShare（政府出资比例）",
        "设立方案未列 focusIndustries（主投领域代码）",
        "未加载战略性新兴产业分类表",
        "认缴规模 size/@subscribed 为 0",
        "中央级基金无本地区域",
    };
    static const char *const en[CK_MW_COUNT] = {
        "",
        "no equity, listed-equity or fund holding (invested amount D is 0)",
        "no holding in D carries the datum",
        "fund/govShare is not filed",
        "the establishment plan lists no focusIndustries",
        "no strategic-emerging-industries table is loaded",
        "size/@subscribed is 0",
        "a central fund has no home region",
    };
    if (why < 0 || why >= CK_MW_COUNT)
        return "";
    return lang ? en[why] : zh[why];
}

static const char *const kind_names[CK_LIMIT_KIND_COUNT] = {
    "single-investee-share", "investee-ownership", "main-field-share",
    "gov-share",             "home-region-share",  "nesting-depth",
};

const char *ck_limit_kind_name(int kind)
{
    return kind >= 0 && kind < CK_LIMIT_KIND_COUNT ? kind_names[kind] : NULL;
}

int ck_limit_kind_parse(const char *s)
{
    for (int i = 0; i < CK_LIMIT_KIND_COUNT; i++)
        if (s && strcmp(s, kind_names[i]) == 0)
            return i;
    return -1;
}

/* ---- DOM access (the filing namespace only) ---- */

static int is_el(xmlNodePtr n, const char *name)
{
    /* the name first: it fails fast on siblings */
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0 && n->ns &&
           strcmp((const char *)n->ns->href, CK_NS_FILING) == 0;
}

static xmlNodePtr kid(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

/* Attribute value borrowed from the DOM (no copy), or NULL. */
static const char *attr(xmlNodePtr n, const char *name)
{
    if (n == NULL)
        return NULL;
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->ns == NULL && strcmp((const char *)a->name, name) == 0 && a->children &&
            a->children->type == XML_TEXT_NODE)
            return (const char *)a->children->content;
    return NULL;
}

/* Text of a simple element (one text child), borrowed, or NULL. */
static const char *stext(xmlNodePtr n)
{
    if (n == NULL)
        return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE)
            return (const char *)c->content;
    return NULL;
}

static int tok_eq(const char *s, const char *word)
{
    if (s == NULL)
        return 0;
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    size_t n = strlen(word);
    if (strncmp(s, word, n) != 0)
        return 0;
    for (s += n; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
            return 0;
    return 1;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap)
        n = cap - 1;
    if (n)
        memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Space-separated codes of focusIndustries, as one "C39 C34 I65" string. */
static int in_focus(const char *focus, const char *code)
{
    if (focus == NULL || code == NULL || *code == '\0')
        return 0;
    const char *p = focus;
    for (;;) {
        while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0')
            return 0;
        size_t n = 0;
        while (p[n] && p[n] != ' ' && p[n] != '\n' && p[n] != '\t' && p[n] != '\r')
            n++;
        if (strncmp(code, p, n) == 0)
            return 1;
        p += n;
    }
}

static int focus_nonempty(const char *focus)
{
    for (const char *p = focus; p && *p; p++)
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
            return 1;
    return 0;
}

static void read_limits(xmlNodePtr plan, struct ck_metrics *m)
{
    xmlNodePtr lims = kid(plan, "limits");
    for (xmlNodePtr l = lims ? lims->children : NULL; l; l = l->next) {
        if (!is_el(l, "limit"))
            continue;
        int kind = ck_limit_kind_parse(attr(l, "kind"));
        if (kind < 0)
            continue; /* the schema refuses it; nothing to check without validation */
        if (ck_grow(&m->limits, m->n_limits + 1, sizeof *m->limits))
            return; /* out of memory (on the thread's record): the check fails */
        struct ck_limit_spec *s = &m->limits[m->n_limits++];
        memset(s, 0, sizeof *s);
        s->kind = kind;
        s->line = xmlGetLineNo(l);
        const char *mn = attr(l, "min"), *mx = attr(l, "max");
        s->has_min = mn && ck_metrics_parse_decimal(mn, 8, &s->min);
        s->has_max = mx && ck_metrics_parse_decimal(mx, 8, &s->max);
        copy_str(s->min_text, sizeof s->min_text, mn);
        copy_str(s->max_text, sizeof s->max_text, mx);
        copy_str(s->document, sizeof s->document, attr(l, "document"));
    }
}

/* Chars of the fund's region an investee's region must share: the spec's
 * 2/4/6 digits; 0 for a central fund (no home region). */
static size_t home_prefix(const char *gov_level)
{
    if (strcmp(gov_level, "provincial") == 0)
        return 2;
    if (strcmp(gov_level, "municipal") == 0)
        return 4;
    if (strcmp(gov_level, "county") == 0)
        return 6;
    return 0;
}

static int cmp_key(const void *a, const void *b)
{
    const struct ck_metrics_investee *const *x = a, *const *y = b;
    int c = strcmp((*x)->key, (*y)->key);
    return c ? c : (*x < *y ? -1 : *x > *y);
}

/* Share metric: numerator over D with its datum's coverage. */
static void share(struct ck_metric *mt, long long num, long long with_datum, long long d)
{
    mt->decimals = 4;
    mt->has_coverage = 1;
    if (d <= 0) {
        mt->why = CK_MW_NO_INVESTED;
        return;
    }
    mt->coverage_known = 1;
    mt->coverage = ratio(with_datum, d, 4);
    if (with_datum == 0) {
        mt->why = CK_MW_NO_DATUM;
        return;
    }
    mt->known = 1;
    mt->scaled = ratio(num, d, 4);
}

void ck_metrics_compute(const struct ck_filing *f, const struct ck_catalog *cat,
                        struct ck_metrics *out, struct ck_metrics_scratch *scratch)
{
    memset(out, 0, sizeof *out);
    if (scratch)
        memset(scratch, 0, sizeof *scratch);
    if (f == NULL || f->doc == NULL)
        return;
    out->computed = 1;
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    xmlNodePtr fund = kid(root, "fund"), plan = kid(fund, "establishmentPlan");
    if (!ck_metrics_parse_decimal(attr(kid(fund, "size"), "subscribed"), 2, &out->subscribed_fen))
        out->subscribed_fen = 0;
    out->has_govshare = ck_metrics_parse_decimal(stext(kid(fund, "govShare")), 8, &out->govshare);
    copy_str(out->plan_document, sizeof out->plan_document, attr(plan, "document"));
    out->plan_line = plan ? xmlGetLineNo(plan) : 0;
    const char *focus = stext(kid(plan, "focusIndustries"));
    out->has_focus = focus_nonempty(focus);
    read_limits(plan, out);
    size_t home = home_prefix(f->gov_level);
    int home_ok = home > 0 && strlen(f->region) >= home;
    long end_day = 0;
    int have_end = ck_metrics_days(f->period_end, &end_day);

    struct ck_metrics_holding *hv = ck_calloc(f->n_holdings + 1, sizeof *hv);
    if (hv == NULL) /* out of memory (on the thread's record): the check fails */
        return;
    long long d = 0;
    long long es_num = 0, es_dat = 0, ht_num = 0, ind_dat = 0, pr_num = 0, pr_dat = 0;
    long long mf_num = 0, hr_num = 0, rg_dat = 0, dated = 0;
    __int128 day_sum = 0;
    size_t i = 0;
    xmlNodePtr holdings = kid(root, "holdings");
    for (xmlNodePtr h = holdings ? holdings->children : NULL; h && i < f->n_holdings; h = h->next) {
        if (!is_el(h, "holding"))
            continue;
        const struct ck_holding_row *row = &f->holdings[i];
        struct ck_metrics_holding *x = &hv[i];
        x->id = row->id;
        x->line = row->line;
        x->index = i;
        i++;
        const char *cat_s = row->category;
        x->in_d = strcmp(cat_s, "equity") == 0 || strcmp(cat_s, "listed-equity") == 0 ||
                  strcmp(cat_s, "fund") == 0;
        x->is_equity_or_fund = strcmp(cat_s, "equity") == 0 || strcmp(cat_s, "fund") == 0;
        /* one pass over the holding's children (a kid() per element would
         * rescan them five times: measurable at 100,000 holdings) */
        xmlNodePtr amount = NULL, inv = NULL, acqn = NULL, stage_n = NULL, size_n = NULL;
        for (xmlNodePtr c = h->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            const char *nm = (const char *)c->name;
            xmlNodePtr *slot = NULL;
            switch (nm[0]) {
            case 'a': slot = strcmp(nm, "amount") == 0 ? &amount : strcmp(nm, "acquisition") == 0 ? &acqn : NULL; break;
            case 'i': slot = strcmp(nm, "investee") == 0 ? &inv : NULL; break;
            case 's': slot = strcmp(nm, "stage") == 0 ? &stage_n : NULL; break;
            case 'e': slot = strcmp(nm, "enterpriseSize") == 0 ? &size_n : NULL; break;
            default: break;
            }
            if (slot && *slot == NULL && is_el(c, nm))
                *slot = c;
        }
        if (!ck_metrics_parse_decimal(attr(amount, "invested"), 2, &x->invested))
            x->invested = 0;
        const char *own = attr(amount, "ownership");
        x->has_ownership = own && ck_metrics_parse_decimal(own, 8, &x->ownership);
        if (!x->in_d)
            continue;
        out->n_in_d++;
        long long a = x->invested;
        d += a;
        const char *stage = stext(stage_n), *size = stext(size_n);
        if (stage || size) {
            es_dat += a;
            if (tok_eq(stage, "seed") || tok_eq(stage, "early") || tok_eq(size, "micro") ||
                tok_eq(size, "small"))
                es_num += a;
        }
        const char *code = row->industry;
        if (*code) {
            ind_dat += a;
            if (ck_catalog_sei_class(cat, code))
                ht_num += a;
            if (in_focus(focus, code))
                mf_num += a;
        }
        const char *ctl = attr(kid(inv, "controller"), "type");
        /* "unknown" is a controller type that carries no datum */
        if (ctl && !tok_eq(ctl, "unknown")) {
            pr_dat += a;
            if (tok_eq(ctl, "private"))
                pr_num += a;
        }
        const char *reg = attr(inv, "region");
        if (reg && *reg) {
            rg_dat += a;
            if (home_ok && strncmp(reg, f->region, home) == 0)
                hr_num += a;
        }
        long acq = 0;
        if (have_end && ck_metrics_days(attr(acqn, "date"), &acq)) {
            dated += a;
            day_sum += (__int128)a * (end_day - acq);
        }
    }
    size_t n_h = i;
    out->invested_fen = d;

    /* Per-investee sums over holdings in D: by USCC, else by name. Sorting
     * the holdings by key finds the groups in O(n log n); groups are then
     * numbered in order of their first holding. */
    struct ck_metrics_investee *iv = ck_calloc(out->n_in_d + 1, sizeof *iv);
    struct ck_metrics_investee **order = ck_calloc(out->n_in_d + 1, sizeof *order);
    size_t *rep = ck_calloc(out->n_in_d + 1, sizeof *rep), *gid = ck_calloc(out->n_in_d + 1, sizeof *gid);
    if (iv == NULL || order == NULL || rep == NULL || gid == NULL) {
        free(iv);
        free(order);
        free(rep);
        free(gid);
        free(hv);
        return;
    }
    size_t n_iv = 0;
    for (size_t k = 0; k < n_h; k++) {
        if (!hv[k].in_d)
            continue;
        const struct ck_holding_row *row = &f->holdings[k];
        iv[n_iv].key = *row->investee_uscc ? row->investee_uscc : row->investee_name;
        iv[n_iv].sum = hv[k].invested;
        iv[n_iv].first = k;
        order[n_iv] = &iv[n_iv];
        n_iv++;
    }
    if (n_iv > 1)
        qsort(order, n_iv, sizeof *order, cmp_key); /* ties keep holding order */
    for (size_t k = 0; k < n_iv;) {
        size_t j = k, r = (size_t)(order[k] - iv); /* the earliest holding of the run */
        for (; j < n_iv && strcmp(order[j]->key, order[k]->key) == 0; j++)
            rep[order[j] - iv] = r;
        k = j;
    }
    size_t g = 0;
    for (size_t k = 0; k < n_iv; k++)
        if (rep[k] == k)
            gid[k] = g++;
    struct ck_metrics_investee *groups = ck_calloc(g + 1, sizeof *groups);
    if (groups == NULL)
        g = 0; /* out of memory (on the thread's record): nothing grouped, the check fails */
    for (size_t k = 0; groups && k < n_iv; k++) {
        size_t q = gid[rep[k]];
        if (rep[k] == k) {
            groups[q].key = iv[k].key;
            groups[q].first = iv[k].first;
        }
        groups[q].sum += iv[k].sum;
        hv[iv[k].first].investee = q;
    }
    long long top = 0;
    __int128 sq = 0;
    for (size_t q = 0; q < g; q++) {
        if (groups[q].sum > top)
            top = groups[q].sum;
        sq += (__int128)groups[q].sum * groups[q].sum;
    }
    free(rep);
    free(gid);
    free(order);
    free(iv);

    struct ck_metric *M = out->m;
    share(&M[CK_M_EARLY_SMALL], es_num, es_dat, d);
    share(&M[CK_M_HARD_TECH], ht_num, ind_dat, d);
    if (M[CK_M_HARD_TECH].known && (cat == NULL || cat->sei.n_classes == 0)) {
        M[CK_M_HARD_TECH].known = 0;
        M[CK_M_HARD_TECH].why = CK_MW_NO_SEI_TABLE;
    }
    share(&M[CK_M_PRIVATE], pr_num, pr_dat, d);
    share(&M[CK_M_MAIN_FIELD], mf_num, ind_dat, d);
    if (M[CK_M_MAIN_FIELD].known && !out->has_focus) {
        M[CK_M_MAIN_FIELD].known = 0;
        M[CK_M_MAIN_FIELD].why = CK_MW_NO_FOCUS;
    }
    share(&M[CK_M_HOME_REGION], hr_num, rg_dat, d);
    if (M[CK_M_HOME_REGION].known && !home_ok) {
        M[CK_M_HOME_REGION].known = 0;
        M[CK_M_HOME_REGION].why = CK_MW_NO_HOME;
    }
    /* avgHoldingYears: Σ(a·days)/Σa/365.25 = Σ(a·days)·4 / (Σa·1461) */
    struct ck_metric *ah = &M[CK_M_AVG_HOLDING];
    share(ah, 0, dated, d);
    ah->decimals = 2;
    if (ah->known)
        ah->scaled = ratio(day_sum * 4, (__int128)dated * 1461, 2);
    struct ck_metric *sc = &M[CK_M_SOCIAL];
    sc->decimals = 4;
    if (out->has_govshare) {
        sc->known = 1;
        sc->scaled = ratio(100000000LL - out->govshare, 100000000LL, 4);
    } else {
        sc->why = CK_MW_NO_GOVSHARE;
    }
    struct ck_metric *ti = &M[CK_M_TOP_INVESTEE], *hh = &M[CK_M_HHI];
    ti->decimals = hh->decimals = 4;
    if (d <= 0) {
        ti->why = hh->why = CK_MW_NO_INVESTED;
    } else {
        if (out->subscribed_fen > 0) {
            ti->known = 1;
            ti->scaled = ratio(top, out->subscribed_fen, 4);
        } else {
            ti->why = CK_MW_NO_SUBSCRIBED;
        }
        hh->known = 1;
        /* Σ s² / D²: exact while D² × 10^4 fits; beyond ~10^14 yuan, long double */
        if (d < 1000000000000000LL) {
            hh->scaled = ratio(sq, (__int128)d * d, 4);
        } else {
            long double r = (long double)sq / ((long double)d * (long double)d);
            hh->scaled = (long long)(r * 10000.0L + 0.5L);
        }
    }

    if (scratch) {
        scratch->h = hv;
        scratch->n_h = n_h;
        scratch->inv = groups;
        scratch->n_inv = g;
    } else {
        free(hv);
        free(groups);
    }
}

void ck_metrics_fini(struct ck_metrics *m)
{
    if (m == NULL)
        return;
    free(m->limits);
    memset(m, 0, sizeof *m);
}

void ck_metrics_scratch_fini(struct ck_metrics_scratch *s)
{
    if (s == NULL)
        return;
    free(s->h);
    free(s->inv);
    memset(s, 0, sizeof *s);
}

void ck_metrics_json(struct ck_buf *b, const struct ck_metrics *m)
{
    ck_buf_adds(b, ",\"metrics\":{\"invested\":");
    ck_metrics_decimal(b, m->invested_fen, 2);
    for (int k = 0; k < CK_M_COUNT; k++) {
        ck_buf_printf(b, ",\"%s\":", keys[k]);
        if (m->m[k].known)
            ck_metrics_decimal(b, m->m[k].scaled, m->m[k].decimals);
        else
            ck_buf_adds(b, "null");
    }
    ck_buf_adds(b, "},\"metricsCoverage\":{");
    int first = 1;
    for (int k = 0; k < CK_M_COUNT; k++) {
        if (!m->m[k].has_coverage)
            continue;
        ck_buf_printf(b, "%s\"%s\":", first ? "" : ",", keys[k]);
        first = 0;
        if (m->m[k].coverage_known)
            ck_metrics_decimal(b, m->m[k].coverage, 4);
        else
            ck_buf_adds(b, "null");
    }
    ck_buf_addc(b, '}');
}
