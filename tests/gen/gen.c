/* SPDX-License-Identifier: MIT */
/*
 * fcgen - deterministic generator of portfolio filings (urn:gif:filing:1)
 * for benchmarks and robustness tests of fundcheck.
 *
 * Usage:
 *   fcgen --out DIR [--count N] [--seed S] [--holdings MEAN]
 *         [--max-holdings MAX] [--violations FRACTION] [--fof FRACTION]
 *         [--clause-chars C] [--start-index I]
 *   fcgen --hostile KIND [--out FILE] [--seed S] [--clause-chars C]
 *
 *   --out DIR           corpus directory (created if missing); files are
 *                       DIR/f000000.xml, DIR/f000001.xml, ... named by index
 *   --count N           number of filings (default 1000)
 *   --seed S            seed (default 1)
 *   --holdings MEAN     typical holdings per filing (default 40); the count is
 *                       heavy-tailed: 98% within 0.4-1.6 x MEAN, 2% Pareto
 *                       from 2 x MEAN up to --max-holdings
 *   --max-holdings MAX  cap of the tail (default 2000)
 *   --violations F      fraction of filings with 1-3 prohibited arrangements
 *                       (default 0.1)
 *   --fof F             fraction of fund-of-funds filings (default 0.1); a
 *                       further 0.8 x F are `mixed` funds. Their `fund`
 *                       holdings point at funds of filings index+1..index+64
 *                       of the same seed; ~1% of FoFs close a cycle back to a
 *                       lower index. --fof 0 gives no look-through links.
 *   --clause-chars C    typical clause length in characters (default 200;
 *                       clauses vary from 0.5 C to 1.5 C)
 *   --start-index I     first index (default 0): generates I .. I+N-1
 *   --hostile KIND      one hostile filing to stdout or --out FILE, KIND one of
 *                       holdings100k  100,000 holdings, lean (valid, ~56 MB,
 *                                     under the 64 MiB filing cap)
 *                       bigtext       one 10 MiB clause of ordinary prose
 *                       regexbomb     one clause of just under 1 MB (10^6 bytes)
 *                                     of 固定固定…/回购回购…/无论… runs, no 。
 *                       deep          100,000 nested elements inside <ext>
 *                       huge          ~200 MB (2*10^8 bytes) of holdings
 *
 * Determinism: a filing's bytes depend only on (seed, index) and the content
 * options (--holdings, --max-holdings, --violations, --fof, --clause-chars),
 * never on --count or --start-index, so any subset can be regenerated.
 *
 * Exit: 0 done, 2 usage error, 1 I/O error, 4 out of memory.
 */
#include "gen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Random-stream tags: one independent stream per purpose and filing. */
enum {
    TAG_IDENT = 1, /* fund identity: name, USCC, region, manager */
    TAG_KIND,      /* fund type (direct / fund-of-funds / mixed) */
    TAG_CHILD,     /* sub-funds in the corpus */
    TAG_CYCLE,     /* whether a FoF closes a cycle */
    TAG_BODY,      /* everything else */
    TAG_CONST,     /* seed-independent fixed parties (财政部) */
};

enum fund_type { FT_DIRECT, FT_FOF, FT_MIXED };

#define MAX_CHILDREN 8
#define CHILD_SPAN 64

/* ------------------------------------------------------------------ */
/* small string helpers                                                */
/* ------------------------------------------------------------------ */

/* Concatenates the NULL-terminated list of strings into dst (truncating). */
static void scat(char *dst, size_t cap, ...)
{
    va_list ap;
    size_t n = 0;
    va_start(ap, cap);
    for (const char *s; (s = va_arg(ap, const char *)) != NULL;) {
        size_t l = strlen(s);
        if (n + l >= cap)
            l = cap - 1 - n;
        memcpy(dst + n, s, l);
        n += l;
    }
    va_end(ap);
    dst[n] = '\0';
}

static void utoa(char *dst, uint64_t v)
{
    char tmp[24];
    int i = (int)sizeof tmp;
    tmp[--i] = '\0';
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    memcpy(dst, tmp + i, sizeof tmp - (size_t)i);
}

static const char *const cn_digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

/* Chinese numeral 1..99 as printed in catalogue headings (二十八). */
static void cn_numeral(char *dst, size_t cap, unsigned v)
{
    unsigned t = v / 10, u = v % 10;
    scat(dst, cap, t > 1 ? cn_digits[t] : "", t ? "十" : "", cn_digits[u], (const char *)NULL);
}

/* ------------------------------------------------------------------ */
/* fund identities (shared between a filing and its parents)          */
/* ------------------------------------------------------------------ */

struct fund_ident {
    char uscc[19];
    char name[192];
    const struct gen_region *region;
    int central;          /* a central-government fund */
    enum fund_type type;
    int legal_form;       /* 0 limited-partnership, 1 company, 2 contractual */
    char mgr_uscc[19];
    char mgr_name[160];
};

static enum fund_type fund_type_of(const struct gen_opts *opt, uint64_t index)
{
    struct gen_rng r;
    gen_rng_init(&r, opt->seed, index, TAG_KIND);
    double u = gen_rng_unit(&r);
    if (u < opt->fof)
        return FT_FOF;
    if (u < opt->fof * 1.8)
        return FT_MIXED;
    return FT_DIRECT;
}

static const struct gen_region *pick_region(struct gen_rng *r)
{
    return &gen_regions[gen_rng_below(r, (uint32_t)gen_n_regions)];
}

static void fund_identity(const struct gen_opts *opt, uint64_t index, struct fund_ident *id)
{
    static const char *const fof_kinds[] = {"母基金", "引导基金", "产业发展母基金", "引导母基金"};
    static const char *const direct_kinds[] = {"创业投资", "产业投资", "股权投资", "天使投资", "创新投资"};
    static const char *const phases[] = {"", "", "一期", "二期", "三期"};
    static const char *const mgr_kinds[] = {"私募股权投资基金管理有限公司", "创业投资管理有限公司",
                                            "股权投资管理有限公司", "产业投资基金管理有限公司"};
    struct gen_rng r;
    char brand[16], mbrand[16];
    gen_rng_init(&r, opt->seed, index, TAG_IDENT);
    memset(id, 0, sizeof *id);
    id->type = fund_type_of(opt, index);
    id->central = gen_rng_chance(&r, 0.03);
    id->region = id->central ? &gen_regions[0] : pick_region(&r);
    uint32_t lf = gen_rng_below(&r, 100);
    id->legal_form = lf < 85 ? 0 : lf < 97 ? 1 : 2;
    gen_pick_brand(&r, brand);
    const char *place = id->central ? "国家" : id->region->full;
    const char *theme = gen_pick_theme(&r);
    const char *phase = GEN_PICK(&r, phases);
    int with_brand = gen_rng_chance(&r, 0.5) && !id->central;
    const char *kind = id->type == FT_FOF ? GEN_PICK(&r, fof_kinds) : GEN_PICK(&r, direct_kinds);
    const char *tail = id->legal_form == 0   ? "合伙企业（有限合伙）"
                       : id->legal_form == 1 ? "有限公司"
                                             : "私募股权投资基金";
    if (id->type == FT_FOF)
        scat(id->name, sizeof id->name, place, with_brand ? brand : "", theme, kind, phase,
             id->legal_form == 2 ? "" : tail, (const char *)NULL);
    else
        scat(id->name, sizeof id->name, place, with_brand ? brand : "", theme, kind, "基金", phase,
             tail, (const char *)NULL);
    gen_uscc(&r, "91", id->region->code, id->uscc);
    gen_pick_brand(&r, mbrand);
    scat(id->mgr_name, sizeof id->mgr_name, id->central ? "国投" : id->region->city, mbrand,
         GEN_PICK(&r, mgr_kinds), (const char *)NULL);
    gen_uscc(&r, "91", id->region->code, id->mgr_uscc);
}

/* Sub-funds of filing `index` that are filings of the corpus: indices in
 * index+1 .. index+CHILD_SPAN. Returns the count written to out. */
static int corpus_children(const struct gen_opts *opt, uint64_t index, uint64_t out[MAX_CHILDREN])
{
    enum fund_type t = fund_type_of(opt, index);
    if (t == FT_DIRECT)
        return 0;
    struct gen_rng r;
    gen_rng_init(&r, opt->seed, index, TAG_CHILD);
    int n = t == FT_FOF ? (int)gen_rng_range(&r, 2, MAX_CHILDREN) : (int)gen_rng_range(&r, 1, 2);
    for (int i = 0; i < n; i++) {
        uint64_t c;
        int dup;
        do {
            c = index + gen_rng_range(&r, 1, CHILD_SPAN);
            dup = 0;
            for (int j = 0; j < i; j++)
                dup |= out[j] == c;
        } while (dup);
        out[i] = c;
    }
    return n;
}

/* For a FoF chosen to close a cycle: a lower-index FoF that lists `index`
 * among its children (so parent -> index -> parent). Returns 1 if found. */
static int cycle_parent(const struct gen_opts *opt, uint64_t index, uint64_t *parent)
{
    if (fund_type_of(opt, index) != FT_FOF)
        return 0;
    struct gen_rng r;
    gen_rng_init(&r, opt->seed, index, TAG_CYCLE);
    if (!gen_rng_chance(&r, 0.03))
        return 0;
    for (uint64_t k = index; k-- > 0 && index - k <= CHILD_SPAN;) {
        uint64_t ch[MAX_CHILDREN];
        if (fund_type_of(opt, k) != FT_FOF)
            continue;
        int n = corpus_children(opt, k, ch);
        for (int i = 0; i < n; i++)
            if (ch[i] == index) {
                *parent = k;
                return 1;
            }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* the filing under construction                                       */
/* ------------------------------------------------------------------ */

enum viol {
    V_DEBT,      /* 名股实债 */
    V_STOCK,     /* secondary-market stock trading */
    V_FUTURES,   /* futures holdings and trades */
    V_GUARANTEE, /* guarantees given */
    V_GP,        /* the fund as general partner */
    V_LOAN,      /* entrusted loan */
    V_USCC,      /* bad USCC check character */
    V_CATALOG,   /* restricted-class catalogue entry */
    V_SUM,       /* paid-in above subscribed */
    V_EXEMPT,    /* expired or unknown exemption */
    V_PRODUCT,   /* trust plan, asset-management plan, NAV wealth product (210号) */
    V_COUNT
};
static const int viol_weight[V_COUNT] = {25, 14, 14, 10, 7, 9, 8, 6, 3, 4, 6};

/* What each holding slot becomes. */
enum hk {
    HK_EQUITY,
    HK_LISTED,     /* listed equity acquired in a permitted way */
    HK_BOND,
    HK_DEPOSIT,
    HK_WM,         /* bank wealth-management product (only as V_PRODUCT) */
    HK_TRUST,      /* trust plan (only as V_PRODUCT) */
    HK_AM,         /* asset-management plan (only as V_PRODUCT) */
    HK_FUND_EXT,   /* sub-fund outside the corpus */
    HK_FUND_CHILD, /* sub-fund that is a filing of the corpus */
    HK_OTHER,      /* a dividend receivable */
    HK_V_DEBT,
    HK_V_STOCK,
    HK_V_FUTURES,
    HK_V_GP,
    HK_V_LOAN,
    HK_V_USCC,
    HK_V_CATALOG,
    HK_V_GUARANTEE, /* equity whose terms carry a guarantee clause */
};

struct filing {
    const struct gen_opts *opt;
    const struct gen_override *ov;
    struct gen_out *o;
    struct gen_rng r;
    struct fund_ident id;
    int year, quarter;
    int32_t period_start, period_end, established;
    int permits[3]; /* merger-restructuring, private-placement, strategic-placement */
    char gov[96];   /* first sponsor */
    char gov_uscc[19];
    char lgfv[128];
    unsigned viol; /* bit set of enum viol */
    uint32_t n;    /* holdings */
    uint8_t *plan;
    uint32_t *weight;
    uint64_t sum_weight;
    uint64_t paid_yuan, sub_yuan;
    uint64_t children[MAX_CHILDREN + 1];
    int n_children;
    int debt_variant; /* 0 structured, 1 clause only, 2 side letter */
    uint32_t futures_slot; /* holding index of the futures position, or UINT32_MAX */
    char first_investee[128];
};

static void put_attr(struct gen_out *o, const char *name, const char *v)
{
    gen_putc(o, ' ');
    gen_puts(o, name);
    gen_puts(o, "=\"");
    gen_put_esc(o, v);
    gen_putc(o, '"');
}

static void put_elem(struct gen_out *o, const char *indent, const char *name, const char *text)
{
    gen_puts(o, indent);
    gen_putc(o, '<');
    gen_puts(o, name);
    gen_putc(o, '>');
    gen_put_esc(o, text);
    gen_puts(o, "</");
    gen_puts(o, name);
    gen_puts(o, ">\n");
}

static void put_day(struct gen_out *o, int32_t days)
{
    struct gen_date d = gen_days_to_date(days);
    gen_put_date(o, d.y, d.m, d.d);
}

static int32_t day_of(int y, int m, int d)
{
    struct gen_date g = {y, m, d};
    return gen_date_to_days(g);
}

static int32_t rand_day(struct gen_rng *r, int32_t lo, int32_t hi)
{
    if (hi <= lo)
        return lo;
    return lo + (int32_t)gen_rng_below(r, (uint32_t)(hi - lo + 1));
}

/* Money in whole yuan with ".00". */
static void put_yuan(struct gen_out *o, uint64_t yuan)
{
    gen_put_u64(o, yuan);
    gen_puts(o, ".00");
}

static uint32_t draw_holdings(struct gen_rng *r, double mean, uint32_t max)
{
    double x;
    if (gen_rng_chance(r, 0.98)) {
        double s = (gen_rng_unit(r) + gen_rng_unit(r) + gen_rng_unit(r) + gen_rng_unit(r)) / 4;
        x = mean * (0.4 + 1.2 * s);
    } else {
        x = 2 * mean / (1.0 - gen_rng_unit(r)); /* Pareto, alpha 1 */
    }
    if (x > (double)max)
        x = (double)max;
    uint32_t n = (uint32_t)(x + 0.5);
    return n ? n : 1;
}

/* A company; region near the fund's most of the time. */
struct company {
    char name[160];
    char short_name[48];
    char uscc[19];
    char person[16];
    const struct gen_region *region;
    const struct gen_industry *ind;
    int joint_stock;
};

static void make_company(struct filing *f, struct company *c)
{
    struct gen_rng *r = &f->r;
    const struct gen_division *div;
    char brand[16];
    c->region = gen_rng_chance(r, 0.6) && !f->id.central ? f->id.region : pick_region(r);
    c->ind = gen_pick_industry(r, &div);
    c->joint_stock = gen_rng_chance(r, 0.25);
    gen_pick_brand(r, brand);
    int nw = 0;
    while (nw < 5 && div->words[nw])
        nw++;
    const char *word = div->words[gen_rng_below(r, (uint32_t)nw)];
    scat(c->name, sizeof c->name, c->region->city, brand, word,
         c->joint_stock ? "股份有限公司" : "有限公司", (const char *)NULL);
    scat(c->short_name, sizeof c->short_name, brand, word, (const char *)NULL);
    gen_uscc(r, "91", c->region->code, c->uscc);
    scat(c->person, sizeof c->person, gen_pick_surname(r), gen_rng_chance(r, 0.5) ? "某某" : "某",
         (const char *)NULL);
}

static void put_investee_open(struct gen_out *o, const char *uscc, const char *legal_form,
                              const char *region)
{
    gen_puts(o, "      <investee");
    if (uscc)
        put_attr(o, "uscc", uscc);
    if (legal_form)
        put_attr(o, "legalForm", legal_form);
    if (region)
        put_attr(o, "region", region);
    gen_puts(o, ">\n");
}

static void put_industry(struct gen_out *o, const char *code)
{
    gen_puts(o, "        <industry code=\"");
    gen_puts(o, code);
    gen_puts(o, "\"/>\n");
}

static void put_controller(struct gen_out *o, const char *type, const char *text)
{
    gen_puts(o, "        <controller type=\"");
    gen_puts(o, type);
    gen_puts(o, "\">");
    gen_put_esc(o, text);
    gen_puts(o, "</controller>\n");
}

static void put_company_investee(struct filing *f, const struct company *c, const char *uscc_override)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    put_investee_open(o, uscc_override ? uscc_override : c->uscc,
                      c->joint_stock ? "joint-stock" : "limited-company", c->region->code);
    put_elem(o, "        ", "name", c->name);
    put_industry(o, c->ind->code);
    if (!(f->ov && f->ov->lean)) {
        gen_puts(o, "        <business>主营：");
        gen_put_esc(o, c->ind->name);
        gen_puts(o, c->ind->code[0] == 'C' ? "相关产品的研发、生产与销售" : "相关技术开发、技术服务与技术转让");
        if (gen_rng_chance(r, 0.02))
            gen_put_esc(o, "，并提供研发（R&D）外包服务");
        gen_puts(o, "</business>\n");
    }
    uint32_t ct = gen_rng_below(r, 100);
    if (ct < 84)
        put_controller(o, "private", c->person);
    else if (ct < 90) {
        char soe[128];
        scat(soe, sizeof soe, c->region->city, "市国有资本投资运营有限公司", (const char *)NULL);
        put_controller(o, "local-soe", soe);
    } else if (ct < 93)
        put_controller(o, "foreign", "境外投资人");
    else if (ct < 97)
        put_controller(o, "none", "无实际控制人");
    /* else: no controller element */
}

static void put_amount(struct filing *f, uint64_t invested, int with_fv, uint32_t own_lo, uint32_t own_hi)
{
    struct gen_out *o = f->o;
    gen_puts(o, "      <amount invested=\"");
    put_yuan(o, invested);
    gen_putc(o, '"');
    if (with_fv) {
        uint64_t fv = invested * gen_rng_range(&f->r, 50, 400) / 100;
        gen_puts(o, " fairValue=\"");
        put_yuan(o, fv);
        gen_putc(o, '"');
    }
    if (own_hi) {
        gen_puts(o, " ownership=\"");
        gen_put_fixed(o, gen_rng_range(&f->r, own_lo, own_hi), 4);
        gen_putc(o, '"');
    }
    gen_puts(o, "/>\n");
}

static void put_acquisition(struct filing *f, const char *method, int32_t lo, int32_t hi)
{
    struct gen_out *o = f->o;
    gen_puts(o, "      <acquisition method=\"");
    gen_puts(o, method);
    gen_puts(o, "\" date=\"");
    put_day(o, rand_day(&f->r, lo, hi));
    gen_puts(o, "\"/>\n");
}

static uint32_t clause_len(struct filing *f, uint32_t pct_lo, uint32_t pct_hi)
{
    uint32_t c = f->opt->clause_chars;
    return c * gen_rng_range(&f->r, pct_lo, pct_hi) / 100;
}

static void put_clause(struct filing *f, const char *type, enum gen_prose_kind kind,
                       const struct gen_prose_ctx *ctx)
{
    struct gen_out *o = f->o;
    gen_puts(o, "        <clause");
    if (type)
        put_attr(o, "type", type);
    gen_putc(o, '>');
    gen_prose(o, &f->r, kind, ctx, clause_len(f, 50, 150));
    gen_puts(o, "</clause>\n");
}

static void put_note(struct filing *f, enum gen_prose_kind kind, const struct gen_prose_ctx *ctx)
{
    struct gen_out *o = f->o;
    if (f->ov && f->ov->lean && kind == GEN_P_NOTE)
        return;
    gen_puts(o, "      <note>");
    gen_prose(o, &f->r, kind, ctx, clause_len(f, 20, 70));
    gen_puts(o, "</note>\n");
}

static void put_bool(struct gen_out *o, const char *name, int v)
{
    gen_puts(o, "        <");
    gen_puts(o, name);
    gen_puts(o, v ? ">true</" : ">false</");
    gen_puts(o, name);
    gen_puts(o, ">\n");
}

static void put_catalog(struct filing *f, const char *cls, unsigned sector, unsigned item)
{
    struct gen_out *o = f->o;
    char sec[32], it[24];
    cn_numeral(sec, sizeof sec, sector);
    utoa(it, item);
    gen_puts(o, "      <catalogEntry edition=\"2024\" class=\"");
    gen_puts(o, cls);
    gen_puts(o, "\" sector=\"");
    gen_puts(o, sec);
    gen_puts(o, "\" item=\"");
    gen_puts(o, it);
    gen_puts(o, "\"/>\n");
}

static void put_stage_size(struct filing *f)
{
    static const char *const stages[] = {"seed", "early", "early", "growth", "growth", "growth", "mature"};
    static const char *const sizes[] = {"micro", "small", "small", "medium", "medium", "large"};
    struct gen_out *o = f->o;
    if (gen_rng_chance(&f->r, 0.8))
        put_elem(o, "      ", "stage", GEN_PICK(&f->r, stages));
    if (gen_rng_chance(&f->r, 0.7))
        put_elem(o, "      ", "enterpriseSize", GEN_PICK(&f->r, sizes));
}

static void prose_ctx(struct filing *f, struct gen_prose_ctx *ctx, const char *investee, const char *person)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->investee = investee;
    ctx->person = person;
    ctx->gov = f->gov;
    ctx->obligor = f->lgfv;
    ctx->fund = f->id.name;
    ctx->bank = NULL;
    ctx->year = f->year;
}

static uint64_t invested_of(struct filing *f, uint32_t k)
{
    uint64_t v;
    if (f->weight && k < f->n)
        v = f->paid_yuan * 9 / 10 * f->weight[k] / f->sum_weight;
    else
        v = (uint64_t)gen_rng_range(&f->r, 50, 5000) * 10000;
    v -= v % 10000;
    return v < 10000 ? 10000 : v;
}

static void holding_open(struct gen_out *o, uint32_t k, const char *category)
{
    gen_puts(o, "    <holding id=\"H");
    gen_put_u64w(o, k + 1, 4);
    gen_puts(o, "\" category=\"");
    gen_puts(o, category);
    gen_puts(o, "\">\n");
}

static void holding_close(struct filing *f)
{
    struct gen_out *o = f->o;
    if (gen_rng_chance(&f->r, 0.01)) {
        gen_puts(o, "      <ext><v:ref xmlns:v=\"urn:example:vendor:1\" system=\"PMS\">P-");
        gen_put_u64w(o, gen_rng_below(&f->r, 100000), 5);
        gen_puts(o, "</v:ref></ext>\n");
    }
    gen_puts(o, "    </holding>\n");
}

/* Ordinary terms of an unlisted equity stake. */
static void put_vc_terms(struct filing *f, const struct company *c, uint32_t k)
{
    struct gen_out *o = f->o;
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, c->name, c->person);
    if (k == 0 && f->ov && f->ov->clause) {
        gen_puts(o, "      <terms>\n        <clause>");
        f->ov->clause(o, &f->r, f->ov->arg);
        gen_puts(o, "</clause>\n      </terms>\n");
        return;
    }
    if (!gen_rng_chance(&f->r, 0.45) || (f->ov && f->ov->lean))
        return;
    gen_puts(o, "      <terms>\n");
    if (gen_rng_chance(&f->r, 0.6))
        put_bool(o, "boardSeat", gen_rng_chance(&f->r, 0.7));
    if (gen_rng_chance(&f->r, 0.4))
        put_bool(o, "votingRights", 1);
    uint32_t nc = gen_rng_range(&f->r, 1, 2);
    static const char *const types[] = {"governance", "governance", "other", NULL, NULL, NULL};
    for (uint32_t i = 0; i < nc; i++)
        put_clause(f, GEN_PICK(&f->r, types), GEN_P_VC, &ctx);
    gen_puts(o, "      </terms>\n");
}

static void emit_equity(struct filing *f, uint32_t k, enum hk kind)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    struct company c;
    make_company(f, &c);
    if (k == 0)
        scat(f->first_investee, sizeof f->first_investee, c.name, (const char *)NULL);
    char bad[19];
    const char *uscc = NULL;
    if (kind == HK_V_USCC) {
        memcpy(bad, c.uscc, sizeof bad);
        char good = bad[17];
        do
            bad[17] = gen_uscc_alphabet[gen_rng_below(r, 31)];
        while (bad[17] == good);
        uscc = bad;
    }
    holding_open(o, k, "equity");
    put_company_investee(f, &c, uscc);
    gen_puts(o, "      </investee>\n      <role>shareholder</role>\n");
    put_amount(f, invested_of(f, k), gen_rng_chance(r, 0.8), 50, 3500);
    static const char *const methods[] = {"capital-increase", "capital-increase", "capital-increase",
                                          "share-transfer", "agreement-transfer"};
    put_acquisition(f, GEN_PICK(r, methods), f->established, f->period_end);
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, c.name, c.person);
    if (kind == HK_V_GUARANTEE) {
        ctx.bank = gen_pick_bank(r);
        gen_puts(o, "      <terms>\n");
        put_clause(f, gen_rng_chance(r, 0.5) ? "guarantee" : NULL, GEN_P_GUARANTEE, &ctx);
        gen_puts(o, "      </terms>\n");
    } else {
        put_vc_terms(f, &c, k);
    }
    if (kind == HK_V_CATALOG) {
        put_catalog(f, gen_rng_chance(r, 0.8) ? "restricted" : "eliminated", 1, gen_rng_range(r, 1, 6));
    } else if (gen_rng_chance(r, 0.5)) {
        put_catalog(f, "encouraged", gen_rng_range(r, 1, 47), gen_rng_range(r, 1, 60));
    }
    put_stage_size(f);
    if (gen_rng_chance(r, 0.35))
        put_note(f, GEN_P_NOTE, &ctx);
    holding_close(f);
}

/* 名股实债: a stake in a platform's project company, bought back at a premium. */
static void emit_debt(struct filing *f, uint32_t k)
{
    static const char *const projects[] = {"基础设施建设有限公司", "城市更新建设有限公司", "片区开发有限公司",
                                           "产业园建设发展有限公司", "安置房建设有限公司"};
    static const char *const codes[] = {"E4813", "E4812", "E4899", "L7212", "L7221", "K7010"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char name[160], brand[16], uscc[19];
    gen_pick_brand(r, brand);
    const char *city = f->id.central ? "北京" : f->id.region->city;
    scat(name, sizeof name, city, brand, GEN_PICK(r, projects), (const char *)NULL);
    gen_uscc(r, "91", f->id.region->code, uscc);
    holding_open(o, k, "equity");
    put_investee_open(o, uscc, "limited-company", f->id.region->code);
    put_elem(o, "        ", "name", name);
    put_industry(o, GEN_PICK(r, codes));
    put_elem(o, "        ", "business", "主营：城市基础设施建设、土地整理、保障性住房建设及运营管理");
    put_controller(o, "lgfv", f->lgfv);
    gen_puts(o, "      </investee>\n      <role>shareholder</role>\n");
    put_amount(f, invested_of(f, k), 0, 500, 4900);
    put_acquisition(f, "capital-increase", f->established, f->period_end);

    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, name, NULL);
    int gov_obligor = gen_rng_chance(r, 0.3);
    if (gov_obligor)
        ctx.obligor = f->gov;
    gen_puts(o, "      <terms>\n");
    if (f->debt_variant == 0) {
        static const char *const rates[] = {"0.05", "0.055", "0.06", "0.065", "0.07", "0.08"};
        const char *rate = GEN_PICK(r, rates);
        if (gen_rng_chance(r, 0.8)) {
            gen_puts(o, "        <fixedReturn rate=\"");
            gen_puts(o, rate);
            gen_puts(o, "\" basis=\"annual\"/>\n");
        }
        if (gen_rng_chance(r, 0.8)) {
            gen_puts(o, "        <repurchase");
            put_attr(o, "obligor", ctx.obligor);
            put_attr(o, "obligorType", gov_obligor ? "local-government" : "lgfv");
            gen_puts(o, " year=\"");
            gen_put_u64(o, (uint64_t)(f->year + (int)gen_rng_range(r, 1, 5)));
            gen_puts(o, "\" premium=\"");
            gen_puts(o, rate);
            gen_puts(o, "\"/>\n");
        }
        if (gen_rng_chance(r, 0.4))
            put_bool(o, "principalGuaranteed", 1);
        put_bool(o, "boardSeat", 0);
        if (gen_rng_chance(r, 0.5))
            put_bool(o, "votingRights", 0);
        put_clause(f, "repurchase", GEN_P_DEBT, &ctx);
        if (gen_rng_chance(r, 0.5))
            put_clause(f, gen_rng_chance(r, 0.5) ? "shortfall" : "fixed-return", GEN_P_DEBT, &ctx);
    } else if (f->debt_variant == 1) {
        /* Nothing structured: only untyped clause text gives it away. */
        put_clause(f, NULL, GEN_P_VC, &ctx);
        put_clause(f, NULL, GEN_P_DEBT, &ctx);
    } else {
        /* Ordinary-looking terms; the arrangement is in a side letter. */
        put_bool(o, "boardSeat", 1);
        put_clause(f, "governance", GEN_P_VC, &ctx);
    }
    gen_puts(o, "      </terms>\n");
    put_catalog(f, "encouraged", gen_rng_range(r, 1, 47), gen_rng_range(r, 1, 60));
    if (gen_rng_chance(r, 0.5))
        put_note(f, GEN_P_NOTE, &ctx);
    holding_close(f);
}

static void stock_code(struct gen_rng *r, char code[8], const char **exchange)
{
    static const char *const sse[] = {"600", "601", "603", "605", "688"};
    static const char *const szse[] = {"000", "001", "002", "300", "301"};
    uint32_t e = gen_rng_below(r, 10);
    const char *pre;
    if (e < 5) {
        pre = GEN_PICK(r, sse);
        *exchange = "SSE";
    } else if (e < 9) {
        pre = GEN_PICK(r, szse);
        *exchange = "SZSE";
    } else {
        pre = "920";
        *exchange = "BSE";
    }
    memcpy(code, pre, 3);
    for (int i = 3; i < 6; i++)
        code[i] = (char)('0' + gen_rng_below(r, 10));
    code[6] = '\0';
}

/* Listed equity: permitted (private placement etc., or a pre-IPO stake) or,
 * for V_STOCK, bought on the secondary market. */
static void emit_listed(struct filing *f, uint32_t k, int violating)
{
    static const char *const permit_names[] = {"merger-restructuring", "private-placement",
                                               "strategic-placement"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    struct company c;
    make_company(f, &c);
    c.joint_stock = 1;
    scat(c.name, sizeof c.name, c.region->city, c.short_name, "股份有限公司", (const char *)NULL);
    char code[8];
    const char *exchange;
    stock_code(r, code, &exchange);
    holding_open(o, k, "listed-equity");
    put_company_investee(f, &c, NULL);
    gen_puts(o, "        <listing exchange=\"");
    gen_puts(o, exchange);
    gen_puts(o, "\" code=\"");
    gen_puts(o, code);
    gen_puts(o, "\"/>\n      </investee>\n      <role>shareholder</role>\n");
    put_amount(f, invested_of(f, k), 1, 10, 500);
    const char *method = "capital-increase";
    if (violating) {
        method = gen_rng_chance(r, 0.8) ? "secondary-market" : "block-trade";
    } else {
        int allowed[3], na = 0;
        for (int i = 0; i < 3; i++)
            if (f->permits[i])
                allowed[na++] = i;
        if (na && gen_rng_chance(r, 0.7))
            method = permit_names[allowed[gen_rng_below(r, (uint32_t)na)]];
    }
    put_acquisition(f, method, f->period_start - 700, f->period_end);
    gen_puts(o, "      <instrument type=\"stock\" code=\"");
    gen_puts(o, code);
    gen_puts(o, "\" exchange=\"");
    gen_puts(o, exchange);
    gen_puts(o, "\">");
    gen_put_esc(o, c.short_name);
    gen_puts(o, "</instrument>\n");
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, c.name, c.person);
    if (violating)
        put_note(f, GEN_P_STOCK, &ctx);
    else if (gen_rng_chance(r, 0.3))
        put_note(f, GEN_P_NOTE, &ctx);
    holding_close(f);
}

struct future {
    const char *product, *exchange, *name;
    int czce; /* 3-digit YMM month code */
};
static const struct future futures[] = {
    {"IF", "CFFEX", "沪深300股指期货", 0}, {"IH", "CFFEX", "上证50股指期货", 0},
    {"IC", "CFFEX", "中证500股指期货", 0}, {"IM", "CFFEX", "中证1000股指期货", 0},
    {"T", "CFFEX", "10年期国债期货", 0},   {"rb", "SHFE", "螺纹钢期货", 0},
    {"cu", "SHFE", "铜期货", 0},           {"au", "SHFE", "黄金期货", 0},
    {"ag", "SHFE", "白银期货", 0},         {"m", "DCE", "豆粕期货", 0},
    {"i", "DCE", "铁矿石期货", 0},         {"sc", "INE", "原油期货", 0},
    {"si", "GFEX", "工业硅期货", 0},       {"lc", "GFEX", "碳酸锂期货", 0},
    {"SR", "CZCE", "白糖期货", 1},         {"MA", "CZCE", "甲醇期货", 1},
    {"TA", "CZCE", "PTA期货", 1},          {"CF", "CZCE", "棉花期货", 1},
};

static const struct future *future_code(struct filing *f, char code[12])
{
    const struct future *fu = &GEN_PICK(&f->r, futures);
    int y = (f->year + (int)gen_rng_below(&f->r, 2)) % 100;
    int m = (int)gen_rng_range(&f->r, 1, 12);
    char num[8];
    if (fu->czce) {
        num[0] = (char)('0' + y % 10);
        num[1] = (char)('0' + m / 10);
        num[2] = (char)('0' + m % 10);
        num[3] = '\0';
    } else {
        num[0] = (char)('0' + y / 10);
        num[1] = (char)('0' + y % 10);
        num[2] = (char)('0' + m / 10);
        num[3] = (char)('0' + m % 10);
        num[4] = '\0';
    }
    scat(code, 12, fu->product, num, (const char *)NULL);
    return fu;
}

static void emit_futures(struct filing *f, uint32_t k)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char name[128], brand[16], uscc[19], code[12];
    gen_pick_brand(r, brand);
    scat(name, sizeof name, brand, "期货有限公司", (const char *)NULL);
    gen_uscc(r, "91", f->id.region->code, uscc);
    const struct future *fu = future_code(f, code);
    holding_open(o, k, "derivative");
    put_investee_open(o, uscc, "limited-company", f->id.region->code);
    put_elem(o, "        ", "name", name);
    put_industry(o, "J6749");
    gen_puts(o, "      </investee>\n      <role>");
    gen_puts(o, gen_rng_chance(r, 0.5) ? "holder" : "counterparty");
    gen_puts(o, "</role>\n      <amount invested=\"");
    uint64_t margin = (uint64_t)gen_rng_range(r, 20, 2000) * 10000;
    put_yuan(o, margin);
    gen_puts(o, "\" fairValue=\"");
    if (gen_rng_chance(r, 0.4))
        gen_putc(o, '-');
    put_yuan(o, margin * gen_rng_range(r, 1, 30) / 100);
    gen_puts(o, "\"/>\n");
    put_acquisition(f, "other", f->period_start, f->period_end);
    gen_puts(o, "      <instrument type=\"future\" code=\"");
    gen_puts(o, code);
    gen_puts(o, "\" exchange=\"");
    gen_puts(o, fu->exchange);
    gen_puts(o, "\" purpose=\"");
    gen_puts(o, gen_rng_chance(r, 0.7) ? "speculative" : "hedging");
    gen_puts(o, "\">");
    gen_puts(o, fu->name);
    gen_puts(o, code);
    gen_puts(o, "合约</instrument>\n");
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, NULL, NULL);
    put_note(f, GEN_P_FUTURES, &ctx);
    holding_close(f);
}

static void emit_gp(struct filing *f, uint32_t k)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char name[160], brand[16], uscc[19];
    gen_pick_brand(r, brand);
    int general = gen_rng_chance(r, 0.4);
    const char *city = f->id.central ? "北京" : f->id.region->city;
    if (general)
        scat(name, sizeof name, city, brand, "企业管理咨询中心（普通合伙）", (const char *)NULL);
    else
        scat(name, sizeof name, city, brand, "创业投资合伙企业（有限合伙）", (const char *)NULL);
    gen_uscc(r, "91", f->id.region->code, uscc);
    holding_open(o, k, gen_rng_chance(r, 0.5) ? "fund" : "equity");
    put_investee_open(o, uscc, general ? "general-partnership" : "limited-partnership", f->id.region->code);
    put_elem(o, "        ", "name", name);
    put_industry(o, general ? "L7243" : "J6731");
    gen_puts(o, "      </investee>\n      <role>general-partner</role>\n");
    put_amount(f, invested_of(f, k), 0, 100, 2000);
    put_acquisition(f, "subscription", f->established, f->period_end);
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, name, NULL);
    gen_puts(o, "      <terms>\n");
    put_clause(f, gen_rng_chance(r, 0.5) ? "governance" : NULL, GEN_P_GP, &ctx);
    gen_puts(o, "      </terms>\n");
    holding_close(f);
}

static void emit_loan(struct filing *f, uint32_t k)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    struct company c;
    make_company(f, &c);
    holding_open(o, k, "loan");
    put_company_investee(f, &c, NULL);
    gen_puts(o, "      </investee>\n      <role>creditor</role>\n");
    put_amount(f, invested_of(f, k), 0, 0, 0);
    put_acquisition(f, "other", f->period_start - 365, f->period_end);
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, c.name, c.person);
    ctx.bank = gen_pick_bank(r);
    if (gen_rng_chance(r, 0.6)) {
        gen_puts(o, "      <terms>\n");
        put_clause(f, gen_rng_chance(r, 0.5) ? "other" : NULL, GEN_P_LOAN, &ctx);
        gen_puts(o, "      </terms>\n");
        if (gen_rng_chance(r, 0.5))
            put_note(f, GEN_P_NOTE, &ctx);
    } else {
        put_note(f, GEN_P_LOAN, &ctx);
    }
    holding_close(f);
}

/* A sub-fund: ident != NULL for a fund of the corpus, else an outside fund. */
static void emit_fund(struct filing *f, uint32_t k, const struct fund_ident *ident)
{
    static const char *const codes[] = {"J6731", "J6731", "J6739", "J6760"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char name[192], mgr[160], uscc[19];
    const char *region;
    if (ident) {
        scat(name, sizeof name, ident->name, (const char *)NULL);
        scat(mgr, sizeof mgr, ident->mgr_name, (const char *)NULL);
        memcpy(uscc, ident->uscc, sizeof uscc);
        region = ident->region->code;
    } else {
        char brand[16], mbrand[16];
        const struct gen_region *reg = pick_region(r);
        gen_pick_brand(r, brand);
        gen_pick_brand(r, mbrand);
        scat(name, sizeof name, reg->city, brand, gen_pick_theme(r), "创业投资基金合伙企业（有限合伙）",
             (const char *)NULL);
        scat(mgr, sizeof mgr, reg->city, mbrand, "创业投资管理有限公司", (const char *)NULL);
        gen_uscc(r, "91", reg->code, uscc);
        region = reg->code;
    }
    holding_open(o, k, "fund");
    put_investee_open(o, uscc, ident && ident->legal_form == 1 ? "limited-company" : "limited-partnership",
                      region);
    put_elem(o, "        ", "name", name);
    put_industry(o, GEN_PICK(r, codes));
    put_elem(o, "        ", "business",
             "主营：以私募基金从事股权投资、投资管理、资产管理等活动（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）");
    put_controller(o, gen_rng_chance(r, 0.6) ? "private" : "local-soe", mgr);
    /* a company-form sub-fund is held as a shareholder, a partnership as LP */
    gen_puts(o, ident && ident->legal_form == 1 ? "      </investee>\n      <role>shareholder</role>\n"
                                                 : "      </investee>\n      <role>limited-partner</role>\n");
    put_amount(f, invested_of(f, k), gen_rng_chance(r, 0.7), 500, 4000);
    put_acquisition(f, "subscription", f->established, f->period_end);
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, name, NULL);
    if (gen_rng_chance(r, 0.5)) {
        gen_puts(o, "      <terms>\n");
        put_clause(f, gen_rng_chance(r, 0.5) ? "governance" : NULL, GEN_P_FOF, &ctx);
        gen_puts(o, "      </terms>\n");
    }
    if (gen_rng_chance(r, 0.2))
        put_note(f, GEN_P_NOTE, &ctx);
    holding_close(f);
}

/* The central treasury, with a USCC that is the same in every filing. */
static const char *mof_uscc(void)
{
    static char uscc[19];
    if (!uscc[0]) {
        struct gen_rng r;
        gen_rng_init(&r, 0, 0, TAG_CONST);
        gen_uscc(&r, "11", "100000", uscc);
    }
    return uscc;
}

static void emit_bond(struct filing *f, uint32_t k)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char code[8], bname[64], yy[8];
    int y = f->year - (int)gen_rng_below(r, 3);
    utoa(yy, (uint64_t)(y % 100));
    unsigned no = gen_rng_range(r, 1, 30);
    char nos[8];
    utoa(nos, no);
    holding_open(o, k, "bond");
    put_investee_open(o, mof_uscc(), "government", "100000");
    put_elem(o, "        ", "name", "中华人民共和国财政部");
    put_industry(o, "S9221");
    gen_puts(o, "      </investee>\n      <role>holder</role>\n");
    put_amount(f, invested_of(f, k), 1, 0, 0);
    put_acquisition(f, gen_rng_chance(r, 0.5) ? "subscription" : "other", f->period_start - 365,
                    f->period_end);
    code[0] = '0';
    code[1] = '1';
    code[2] = '9';
    for (int i = 3; i < 6; i++)
        code[i] = (char)('0' + gen_rng_below(r, 10));
    code[6] = '\0';
    scat(bname, sizeof bname, yy, "国债", nos, (const char *)NULL);
    gen_puts(o, "      <instrument type=\"bond\" code=\"");
    gen_puts(o, code);
    gen_puts(o, "\" exchange=\"SSE\">");
    gen_puts(o, bname);
    gen_puts(o, "</instrument>\n");
    holding_close(f);
}

static void bank_branch(struct filing *f, char *name, size_t cap, const char **bank_out)
{
    const char *bank = gen_pick_bank(&f->r);
    const char *city = f->id.central ? "北京" : f->id.region->city;
    scat(name, cap, bank, city, "分行", (const char *)NULL);
    if (bank_out)
        *bank_out = bank;
}

static void emit_deposit_like(struct filing *f, uint32_t k, enum hk kind)
{
    /* All of these are prohibited (V_PRODUCT): non-principal-protected wealth
     * products and trust plans (210号 Art. 12), a CTA plan (indirect futures). */
    static const char *const wm[] = {"稳健增利净值型理财产品", "季季盈非保本浮动收益型理财产品",
                                     "天天利现金管理类净值型理财产品"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    char name[160], uscc[19], brand[16];
    const char *category, *industry, *role = "holder", *legal = "joint-stock";
    const char *product = NULL, *instrument_type = "product";
    if (kind == HK_DEPOSIT || kind == HK_WM) {
        bank_branch(f, name, sizeof name, NULL);
        industry = "J6621";
        legal = "other";
        category = kind == HK_DEPOSIT ? "deposit" : "wealth-management";
        if (kind == HK_DEPOSIT)
            role = "creditor";
        else
            product = GEN_PICK(r, wm);
    } else if (kind == HK_TRUST) {
        gen_pick_brand(r, brand);
        scat(name, sizeof name, brand, "信托有限责任公司", (const char *)NULL);
        industry = "J6911";
        legal = "limited-company";
        category = "trust";
        product = "集合资金信托计划";
    } else if (kind == HK_AM) {
        gen_pick_brand(r, brand);
        scat(name, sizeof name, brand, "证券资产管理有限公司", (const char *)NULL);
        industry = "J6739";
        legal = "limited-company";
        category = "asset-management";
        product = "CTA管理期货单一资产管理计划";
    } else {
        gen_pick_brand(r, brand);
        scat(name, sizeof name, f->id.central ? "北京" : f->id.region->city, brand, "文化传媒有限公司",
             (const char *)NULL);
        industry = "R8710";
        legal = "limited-company";
        category = "other";
        instrument_type = NULL;
    }
    gen_uscc(r, "91", f->id.region->code, uscc);
    holding_open(o, k, category);
    put_investee_open(o, uscc, legal, f->id.region->code);
    put_elem(o, "        ", "name", name);
    put_industry(o, industry);
    gen_puts(o, "      </investee>\n      <role>");
    gen_puts(o, role);
    gen_puts(o, "</role>\n");
    put_amount(f, invested_of(f, k), kind != HK_DEPOSIT, 0, 0);
    if (product && instrument_type) {
        gen_puts(o, "      <instrument type=\"");
        gen_puts(o, instrument_type);
        gen_puts(o, "\" code=\"");
        gen_puts(o, kind == HK_WM ? "WM" : kind == HK_TRUST ? "XT" : "ZG");
        gen_put_u64w(o, gen_rng_below(r, 1000000), 6);
        gen_puts(o, "\" exchange=\"OTC\">");
        gen_put_esc(o, product);
        gen_puts(o, "</instrument>\n");
    }
    if (kind == HK_DEPOSIT && gen_rng_chance(r, 0.5))
        put_elem(o, "      ", "note", "协议存款，期限一年，到期一次还本付息。");
    if (kind == HK_OTHER)
        put_elem(o, "      ", "note", "被投企业已宣告尚未发放的现金股利，已于报告期后收讫。");
    holding_close(f);
}

/* ------------------------------------------------------------------ */
/* filing sections                                                     */
/* ------------------------------------------------------------------ */

static void put_header(struct filing *f)
{
    static const char *const types[] = {"quarterly", "quarterly", "quarterly", "quarterly", "quarterly",
                                        "quarterly", "quarterly", "quarterly", "annual", "annual",
                                        "ad-hoc", "draft"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    const char *type = GEN_PICK(r, types);
    char qs[4] = {'Q', '1', '\0', '\0'};
    if (type[0] == 'a' && type[1] == 'n') {
        f->year = 2025;
        f->period_start = day_of(2025, 1, 1);
        f->period_end = day_of(2025, 12, 31);
        qs[0] = 'A';
        qs[1] = '\0';
    } else if (type[0] == 'a') {
        f->year = 2026;
        int m = (int)gen_rng_range(r, 1, 5);
        f->period_start = day_of(2026, m, 1);
        f->period_end = day_of(2026, m, gen_days_in_month(2026, m));
        qs[0] = 'M';
        qs[1] = (char)('0' + m);
    } else {
        f->year = 2025 + (int)gen_rng_below(r, 2);
        f->quarter = (int)gen_rng_range(r, 1, f->year == 2026 ? 2 : 4);
        int m0 = 3 * f->quarter - 2;
        f->period_start = day_of(f->year, m0, 1);
        f->period_end = day_of(f->year, m0 + 2, gen_days_in_month(f->year, m0 + 2));
        qs[1] = (char)('0' + f->quarter);
    }
    char year[8];
    utoa(year, (uint64_t)f->year);
    gen_puts(o, "  <header>\n    <filingId>GIF-");
    gen_puts(o, year);
    gen_puts(o, qs);
    gen_putc(o, '-');
    gen_puts(o, f->id.uscc);
    if (type[0] == 'd')
        gen_puts(o, "-DRAFT");
    gen_puts(o, "</filingId>\n");
    put_elem(o, "    ", "reportType", type);
    gen_puts(o, "    <period start=\"");
    put_day(o, f->period_start);
    gen_puts(o, "\" end=\"");
    put_day(o, f->period_end);
    gen_puts(o, "\"/>\n    <submittedAt>");
    put_day(o, f->period_end + (int32_t)gen_rng_range(r, 5, 40));
    gen_puts(o, "</submittedAt>\n    <filer");
    put_attr(o, "uscc", f->id.mgr_uscc);
    gen_putc(o, '>');
    gen_put_esc(o, f->id.mgr_name);
    gen_puts(o, "</filer>\n  </header>\n");
}

static void put_exemptions(struct filing *f)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    int valid = f->futures_slot != UINT32_MAX && gen_rng_chance(r, 0.3);
    int bad = (f->viol >> V_EXEMPT) & 1;
    if (!valid && !bad)
        return;
    char doc[96], num[12];
    utoa(num, gen_rng_range(r, 1, 60));
    gen_puts(o, "    <exemptions>\n");
    if (valid) {
        scat(doc, sizeof doc, f->id.central ? "财金" : f->id.region->abbr, "财金〔", "2026", "〕", num, "号",
             (const char *)NULL);
        gen_puts(o, "      <exemption rule=\"derivatives\"");
        put_attr(o, "authority", f->gov);
        put_attr(o, "document", doc);
        gen_puts(o, " from=\"");
        put_day(o, f->period_start - 90);
        gen_puts(o, "\" until=\"");
        put_day(o, f->period_end + 365);
        gen_puts(o, "\" holding=\"H");
        gen_put_u64w(o, f->futures_slot + 1, 4);
        gen_puts(o, "\">经批准，本基金可就所持上市公司股票开展套期保值交易，期货持仓不得超过现货市值。</exemption>\n");
    }
    if (bad) {
        scat(doc, sizeof doc, f->id.central ? "财金" : f->id.region->abbr, "财金〔", "2023", "〕", num, "号",
             (const char *)NULL);
        if (gen_rng_chance(r, 0.5)) {
            gen_puts(o, "      <exemption rule=\"public-stock\"");
            put_attr(o, "authority", f->gov);
            put_attr(o, "document", doc);
            gen_puts(o, " from=\"2023-01-01\" until=\"2024-12-31\">准予本基金在过渡期内处置所持上市公司股票。</exemption>\n");
        } else {
            gen_puts(o, "      <exemption rule=\"ZZZ-999\"");
            put_attr(o, "authority", f->gov);
            gen_puts(o, ">其他特别规定。</exemption>\n");
        }
    }
    gen_puts(o, "    </exemptions>\n");
}

static void put_fund(struct filing *f)
{
    static const char *const legal[] = {"limited-partnership", "company", "contractual"};
    static const char *const types[] = {"direct", "fund-of-funds", "mixed"};
    static const char *const focus[] = {"新一代信息技术", "高端装备", "生物医药", "新材料", "新能源",
                                        "人工智能", "集成电路", "低空经济", "商业航天", "量子信息",
                                        "生物制造", "节能环保", "智能网联汽车"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    const struct gen_region *reg = f->id.region;

    gen_puts(o, "  <fund>\n");
    put_elem(o, "    ", "uscc", f->id.uscc);
    put_elem(o, "    ", "name", f->id.name);
    if (gen_rng_chance(r, 0.9)) {
        char amac[8] = "S";
        for (int i = 1; i < 3; i++)
            amac[i] = (char)('A' + gen_rng_below(r, 26));
        for (int i = 3; i < 6; i++)
            amac[i] = (char)('0' + gen_rng_below(r, 10));
        amac[6] = '\0';
        put_elem(o, "    ", "amacCode", amac);
    }
    put_elem(o, "    ", "legalForm", legal[f->id.legal_form]);
    put_elem(o, "    ", "fundType", types[f->id.type]);
    put_elem(o, "    ", "govLevel",
             f->id.central ? "central" : reg->level == 0 ? "provincial" : reg->level == 1 ? "municipal" : "county");
    gen_puts(o, "    <sponsor");
    put_attr(o, "uscc", f->gov_uscc);
    gen_putc(o, '>');
    gen_put_esc(o, f->gov);
    gen_puts(o, "</sponsor>\n");
    if (gen_rng_chance(r, 0.4)) {
        char plat[160], uscc[19];
        scat(plat, sizeof plat, f->id.central ? "国家" : reg->city, "国有资本投资运营集团有限公司",
             (const char *)NULL);
        gen_uscc(r, "91", reg->code, uscc);
        gen_puts(o, "    <sponsor");
        put_attr(o, "uscc", uscc);
        gen_putc(o, '>');
        gen_put_esc(o, plat);
        gen_puts(o, "</sponsor>\n");
    }
    put_elem(o, "    ", "region", reg->code);
    gen_puts(o, "    <size subscribed=\"");
    put_yuan(o, f->sub_yuan);
    gen_puts(o, "\" paidIn=\"");
    put_yuan(o, (f->viol >> V_SUM) & 1 ? f->sub_yuan / 100 * gen_rng_range(r, 105, 140) : f->paid_yuan);
    gen_puts(o, "\"/>\n");
    if (gen_rng_chance(r, 0.85)) {
        gen_puts(o, "    <govShare>");
        gen_put_fixed(o, gen_rng_range(r, 10, 40), 2);
        gen_puts(o, "</govShare>\n");
    }
    gen_puts(o, "    <established>");
    put_day(o, f->established);
    gen_puts(o, "</established>\n");
    if (gen_rng_chance(r, 0.9)) {
        uint32_t inv = gen_rng_range(r, 4, 6);
        gen_puts(o, "    <term investmentYears=\"");
        gen_put_u64(o, inv);
        gen_puts(o, "\" totalYears=\"");
        gen_put_u64(o, inv + gen_rng_range(r, 4, f->id.type == FT_FOF ? 9 : 6));
        gen_puts(o, "\"/>\n");
    }
    /* 设立方案 */
    struct gen_date ed = gen_days_to_date(f->established);
    char doc[96], num[12], yr[8], approver[96];
    utoa(num, gen_rng_range(r, 1, 150));
    utoa(yr, (uint64_t)ed.y);
    scat(doc, sizeof doc, f->id.central ? "财" : reg->abbr, "财金〔", yr, "〕", num, "号", (const char *)NULL);
    scat(approver, sizeof approver, f->id.central ? "国务院" : reg->level == 2 ? reg->full : reg->name,
         f->id.central ? "" : "人民政府", (const char *)NULL);
    gen_puts(o, "    <establishmentPlan");
    put_attr(o, "document", doc);
    put_attr(o, "approvedBy", approver);
    gen_puts(o, " date=\"");
    put_day(o, f->established - (int32_t)gen_rng_range(r, 30, 200));
    gen_puts(o, "\">\n      <permits>");
    static const char *const permit_names[] = {"merger-restructuring", "private-placement",
                                               "strategic-placement"};
    int first = 1;
    for (int i = 0; i < 3; i++)
        if (f->permits[i]) {
            if (!first)
                gen_putc(o, ' ');
            gen_puts(o, permit_names[i]);
            first = 0;
        }
    gen_puts(o, "</permits>\n");
    if (gen_rng_chance(r, 0.8)) {
        gen_puts(o, "      <focus>");
        uint32_t nf = gen_rng_range(r, 2, 4), start = gen_rng_below(r, (uint32_t)(sizeof focus / sizeof focus[0]));
        for (uint32_t i = 0; i < nf; i++) {
            if (i)
                gen_putc(o, ' ');
            gen_puts(o, focus[(start + i * 3) % (sizeof focus / sizeof focus[0])]);
        }
        gen_puts(o, "</focus>\n");
    }
    gen_puts(o, "    </establishmentPlan>\n");
    put_exemptions(f);
    gen_puts(o, "  </fund>\n");
}

static void put_transactions(struct filing *f)
{
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    int stock = (f->viol >> V_STOCK) & 1, fut = (f->viol >> V_FUTURES) & 1;
    int bonds = gen_rng_chance(r, 0.15);
    int placement = f->permits[1] && gen_rng_chance(r, 0.2);
    if (!stock && !fut && !bonds && !placement)
        return;
    uint32_t tid = 0;
    gen_puts(o, "  <transactions>\n");
#define TX_OPEN(side, method)                                                                          \
    do {                                                                                               \
        gen_puts(o, "    <transaction id=\"T");                                                        \
        gen_put_u64w(o, ++tid, 3);                                                                     \
        gen_puts(o, "\" date=\"");                                                                     \
        put_day(o, rand_day(r, f->period_start, f->period_end));                                       \
        gen_puts(o, "\" side=\"" side "\" method=\"" method "\">\n");                                 \
    } while (0)
    if (bonds) {
        for (uint32_t i = gen_rng_range(r, 1, 3); i; i--) {
            TX_OPEN("buy", "other");
            uint64_t q = (uint64_t)gen_rng_range(r, 1, 50) * 10000;
            gen_puts(o, "      <instrument type=\"bond\" code=\"019");
            gen_put_u64w(o, gen_rng_below(r, 1000), 3);
            gen_puts(o, "\" exchange=\"SSE\">记账式附息国债</instrument>\n      <quantity>");
            gen_put_u64(o, q);
            gen_puts(o, "</quantity><amount>");
            put_yuan(o, q * 100);
            gen_puts(o, "</amount>\n    </transaction>\n");
        }
    }
    if (placement) {
        char code[8];
        const char *ex;
        stock_code(r, code, &ex);
        TX_OPEN("buy", "private-placement");
        gen_puts(o, "      <instrument type=\"stock\" code=\"");
        gen_puts(o, code);
        gen_puts(o, "\" exchange=\"");
        gen_puts(o, ex);
        gen_puts(o, "\">非公开发行A股</instrument>\n      <quantity>");
        uint64_t q = (uint64_t)gen_rng_range(r, 10, 500) * 10000;
        gen_put_u64(o, q);
        gen_puts(o, "</quantity><amount>");
        put_yuan(o, q * gen_rng_range(r, 5, 60));
        gen_puts(o, "</amount>\n    </transaction>\n");
    }
    if (stock) {
        for (uint32_t i = gen_rng_range(r, 1, 5); i; i--) {
            char code[8];
            const char *ex;
            stock_code(r, code, &ex);
            if (gen_rng_chance(r, 0.7))
                TX_OPEN("buy", "secondary-market");
            else
                TX_OPEN("sell", "secondary-market");
            gen_puts(o, "      <instrument type=\"stock\" code=\"");
            gen_puts(o, code);
            gen_puts(o, "\" exchange=\"");
            gen_puts(o, ex);
            gen_puts(o, "\">A股股票</instrument>\n      <quantity>");
            uint64_t q = (uint64_t)gen_rng_range(r, 1, 200) * 100;
            gen_put_u64(o, q);
            gen_puts(o, "</quantity><amount>");
            put_yuan(o, q * gen_rng_range(r, 5, 300));
            gen_puts(o, "</amount>\n    </transaction>\n");
        }
    }
    if (fut) {
        for (uint32_t i = gen_rng_range(r, 1, 4); i; i--) {
            char code[12];
            const struct future *fu = future_code(f, code);
            if (gen_rng_chance(r, 0.6))
                TX_OPEN("open", "other");
            else
                TX_OPEN("close", "other");
            gen_puts(o, "      <instrument type=\"future\" code=\"");
            gen_puts(o, code);
            gen_puts(o, "\" exchange=\"");
            gen_puts(o, fu->exchange);
            gen_puts(o, "\" purpose=\"speculative\">");
            gen_puts(o, fu->name);
            gen_puts(o, "</instrument>\n      <quantity>");
            gen_put_u64(o, gen_rng_range(r, 1, 50));
            gen_puts(o, "</quantity><amount>");
            put_yuan(o, (uint64_t)gen_rng_range(r, 10, 500) * 10000);
            gen_puts(o, "</amount>\n    </transaction>\n");
        }
    }
#undef TX_OPEN
    gen_puts(o, "  </transactions>\n");
}

static void put_guarantees(struct filing *f)
{
    static const char *const types[] = {"guarantee", "guarantee", "pledge", "shortfall", "liquidity-support",
                                        "mortgage"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    if (!((f->viol >> V_GUARANTEE) & 1))
        return;
    gen_puts(o, "  <guarantees>\n");
    for (uint32_t i = 1, n = gen_rng_range(r, 1, 2); i <= n; i++) {
        struct company c;
        make_company(f, &c);
        int lgfv = gen_rng_chance(r, 0.3);
        gen_puts(o, "    <guarantee id=\"G");
        gen_put_u64w(o, i, 3);
        gen_puts(o, "\" type=\"");
        gen_puts(o, GEN_PICK(r, types));
        gen_puts(o, "\" amount=\"");
        put_yuan(o, (uint64_t)gen_rng_range(r, 100, 20000) * 10000);
        gen_puts(o, "\" date=\"");
        put_day(o, rand_day(r, f->period_start - 200, f->period_end));
        gen_puts(o, "\">\n      <beneficiary");
        put_attr(o, "uscc", c.uscc);
        gen_putc(o, '>');
        gen_put_esc(o, lgfv ? f->lgfv : c.name);
        gen_puts(o, "</beneficiary>\n      <text>");
        struct gen_prose_ctx ctx;
        prose_ctx(f, &ctx, lgfv ? f->lgfv : c.name, NULL);
        ctx.bank = gen_pick_bank(r);
        gen_prose(o, r, GEN_P_GUARANTEE, &ctx, clause_len(f, 20, 60));
        gen_puts(o, "</text>\n    </guarantee>\n");
    }
    gen_puts(o, "  </guarantees>\n");
}

static void put_disclosures(struct filing *f)
{
    static const char *const topics[] = {"基金运作", "关联交易", "托管", "出资情况", "投资进展", "管理费",
                                         "收益分配", "闲置资金管理", "valuation", "key-person"};
    struct gen_out *o = f->o;
    struct gen_rng *r = &f->r;
    int side_letter = (f->viol >> V_DEBT) & 1 && f->debt_variant == 2;
    uint32_t n = gen_rng_chance(r, 0.4) ? gen_rng_range(r, 1, 3) : 0;
    if (!n && !side_letter)
        return;
    struct gen_prose_ctx ctx;
    prose_ctx(f, &ctx, NULL, NULL);
    ctx.bank = gen_pick_bank(r);
    gen_puts(o, "  <disclosures>\n");
    for (uint32_t i = 0; i < n; i++) {
        gen_puts(o, "    <disclosure");
        put_attr(o, "topic", GEN_PICK(r, topics));
        gen_putc(o, '>');
        gen_prose(o, r, GEN_P_DISCLOSURE, &ctx, clause_len(f, 50, 150));
        gen_puts(o, "</disclosure>\n");
    }
    if (side_letter) {
        ctx.investee = f->first_investee[0] ? f->first_investee : NULL;
        gen_puts(o, "    <disclosure");
        put_attr(o, "topic", gen_rng_chance(r, 0.5) ? "side-letter" : "补充协议");
        gen_putc(o, '>');
        gen_prose(o, r, GEN_P_DEBT, &ctx, clause_len(f, 80, 150));
        gen_puts(o, "</disclosure>\n");
    }
    gen_puts(o, "  </disclosures>\n");
}

/* ------------------------------------------------------------------ */
/* the plan: which holding slot becomes what                           */
/* ------------------------------------------------------------------ */

static enum hk ordinary_kind(struct filing *f)
{
    uint32_t x = gen_rng_below(&f->r, 1000);
    if (f->id.type == FT_FOF) {
        if (x < 700)
            return HK_FUND_EXT;
        if (x < 800)
            return HK_EQUITY;
        if (x < 920)
            return HK_DEPOSIT;
        return HK_BOND;
    }
    /* Idle cash only in deposits and treasuries (the usual whitelist); trust,
     * asset-management and wealth products appear only as V_PRODUCT. */
    if (x < 810)
        return HK_EQUITY;
    if (x < 850)
        return HK_LISTED;
    if (x < 890)
        return HK_BOND;
    if (x < 950)
        return HK_DEPOSIT;
    if (x < 985)
        return HK_FUND_EXT;
    return HK_OTHER;
}

static void choose_violations(struct filing *f)
{
    struct gen_rng *r = &f->r;
    f->viol = 0;
    if (!gen_rng_chance(r, f->opt->violations))
        return;
    int total = 0;
    for (int i = 0; i < V_COUNT; i++)
        total += viol_weight[i];
    uint32_t nv = 1 + gen_rng_chance(r, 0.3) + gen_rng_chance(r, 0.1);
    for (uint32_t i = 0; i < nv; i++) {
        int x = (int)gen_rng_below(r, (uint32_t)total), v = 0;
        while (x >= viol_weight[v]) {
            x -= viol_weight[v];
            v++;
        }
        f->viol |= 1u << v;
    }
    f->debt_variant = (int)gen_rng_below(r, 10);
    f->debt_variant = f->debt_variant < 5 ? 0 : f->debt_variant < 8 ? 1 : 2;
}

static void make_plan(struct filing *f)
{
    struct gen_rng *r = &f->r;
    const struct gen_override *ov = f->ov;
    uint32_t n = ov && ov->n_holdings ? ov->n_holdings
                                      : draw_holdings(r, f->opt->holdings_mean, f->opt->max_holdings);
    /* Violating holdings take slots of their own. */
    static const struct {
        int v;
        enum hk k;
    } vh[] = {{V_DEBT, HK_V_DEBT},       {V_STOCK, HK_V_STOCK}, {V_FUTURES, HK_V_FUTURES},
              {V_GP, HK_V_GP},           {V_LOAN, HK_V_LOAN},   {V_USCC, HK_V_USCC},
              {V_CATALOG, HK_V_CATALOG}, {V_GUARANTEE, HK_V_GUARANTEE}, {V_PRODUCT, HK_TRUST}};
    uint32_t need = (uint32_t)f->n_children;
    for (size_t i = 0; i < sizeof vh / sizeof vh[0]; i++)
        need += (f->viol >> vh[i].v) & 1;
    if (n < need + 1)
        n = need + 1;
    f->n = n;
    f->plan = malloc(n);
    f->weight = malloc((size_t)n * sizeof *f->weight);
    if (!f->plan || !f->weight) {
        fputs("fcgen: out of memory\n", stderr);
        exit(4);
    }
    f->sum_weight = 0;
    for (uint32_t k = 0; k < n; k++) {
        f->plan[k] = (uint8_t)ordinary_kind(f);
        uint32_t w = 1 + gen_rng_below(r, 100);
        if (gen_rng_chance(r, 0.1))
            w += gen_rng_below(r, 1000);
        f->weight[k] = w;
        f->sum_weight += w;
    }
    /* Corpus sub-funds first (FoFs list them first), then violations at
     * random free slots. */
    uint32_t slot = 0;
    for (int i = 0; i < f->n_children; i++)
        f->plan[slot++] = HK_FUND_CHILD;
    f->futures_slot = UINT32_MAX;
    for (size_t i = 0; i < sizeof vh / sizeof vh[0]; i++) {
        if (!((f->viol >> vh[i].v) & 1))
            continue;
        uint32_t k;
        do
            k = gen_rng_below(r, n);
        while (k < (uint32_t)f->n_children || f->plan[k] >= HK_V_DEBT || f->plan[k] == HK_TRUST ||
               f->plan[k] == HK_AM || f->plan[k] == HK_WM);
        f->plan[k] = (uint8_t)vh[i].k;
        if (vh[i].v == V_PRODUCT) {
            static const uint8_t products[] = {HK_TRUST, HK_AM, HK_WM};
            f->plan[k] = GEN_PICK(r, products);
        }
        if (vh[i].k == HK_V_FUTURES)
            f->futures_slot = k;
    }
    if (ov && ov->clause)
        f->plan[0] = HK_EQUITY;
}

void gen_filing(const struct gen_opts *opt, uint64_t index, const struct gen_override *ov, struct gen_out *o)
{
    struct filing fs, *f = &fs;
    memset(f, 0, sizeof *f);
    f->opt = opt;
    f->ov = ov;
    f->o = o;
    fund_identity(opt, index, &f->id);
    gen_rng_init(&f->r, opt->seed, index, TAG_BODY);
    struct gen_rng *r = &f->r;

    uint64_t ch[MAX_CHILDREN];
    f->n_children = corpus_children(opt, index, ch);
    memcpy(f->children, ch, (size_t)f->n_children * sizeof ch[0]);
    uint64_t parent;
    if (cycle_parent(opt, index, &parent))
        f->children[f->n_children++] = parent;

    /* Sponsor and the platform company that 名股实债 clauses name. */
    const struct gen_region *reg = f->id.region;
    if (f->id.central)
        scat(f->gov, sizeof f->gov, "中华人民共和国财政部", (const char *)NULL);
    else if (reg->level == 2)
        scat(f->gov, sizeof f->gov, reg->full, "财政局", (const char *)NULL);
    else
        scat(f->gov, sizeof f->gov, reg->name,
             strstr(reg->name, "省") ? "财政厅" : "财政局", (const char *)NULL);
    if (f->id.central)
        memcpy(f->gov_uscc, mof_uscc(), sizeof f->gov_uscc);
    else
        gen_uscc(r, "11", reg->code, f->gov_uscc);
    scat(f->lgfv, sizeof f->lgfv, f->id.central ? "某" : reg->city, gen_pick_lgfv_suffix(r), (const char *)NULL);

    for (int i = 0; i < 3; i++)
        f->permits[i] = gen_rng_chance(r, 0.3);
    choose_violations(f);
    make_plan(f);

    /* Size and dates. */
    uint64_t sub_yi = f->id.type == FT_FOF ? gen_rng_range(r, 10, 500) : gen_rng_range(r, 2, 100);
    f->sub_yuan = sub_yi * 100000000u;
    f->paid_yuan = f->sub_yuan / 100 * gen_rng_range(r, 30, 100);

    gen_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<filing xmlns=\"urn:gif:filing:1\" version=\"1\">\n");
    put_header(f);
    f->established = rand_day(r, day_of(2015, 1, 1), f->period_start - 180);
    put_fund(f);

    gen_puts(o, "  <holdings>\n");
    for (uint32_t k = 0, child = 0;; k++) {
        if (k >= f->n) {
            if (!ov || !ov->min_bytes || gen_out_total(o) >= ov->min_bytes)
                break;
        }
        enum hk kind = k < f->n ? (enum hk)f->plan[k] : HK_EQUITY;
        switch (kind) {
        case HK_EQUITY:
        case HK_V_USCC:
        case HK_V_CATALOG:
        case HK_V_GUARANTEE: emit_equity(f, k, kind); break;
        case HK_LISTED: emit_listed(f, k, 0); break;
        case HK_V_STOCK: emit_listed(f, k, 1); break;
        case HK_BOND: emit_bond(f, k); break;
        case HK_DEPOSIT:
        case HK_WM:
        case HK_TRUST:
        case HK_AM:
        case HK_OTHER: emit_deposit_like(f, k, kind); break;
        case HK_FUND_EXT: emit_fund(f, k, NULL); break;
        case HK_FUND_CHILD: {
            struct fund_ident cid;
            fund_identity(opt, f->children[child++], &cid);
            emit_fund(f, k, &cid);
            break;
        }
        case HK_V_DEBT: emit_debt(f, k); break;
        case HK_V_FUTURES: emit_futures(f, k); break;
        case HK_V_GP: emit_gp(f, k); break;
        case HK_V_LOAN: emit_loan(f, k); break;
        }
    }
    gen_puts(o, "  </holdings>\n");
    put_transactions(f);
    put_guarantees(f);
    put_disclosures(f);
    if (ov && ov->ext) {
        gen_puts(o, "  <ext>");
        ov->ext(o, ov->arg);
        gen_puts(o, "</ext>\n");
    } else if (gen_rng_chance(r, 0.05)) {
        gen_puts(o, "  <ext>\n    <v:system xmlns:v=\"urn:example:vendor:1\" name=\"基金管理系统\" build=\"3.");
        gen_put_u64(o, gen_rng_below(r, 20));
        gen_puts(o, "\"><v:exportedBy>batch</v:exportedBy></v:system>\n  </ext>\n");
    }
    gen_puts(o, "</filing>\n");
    free(f->plan);
    free(f->weight);
}

/* ------------------------------------------------------------------ */
/* command line                                                        */
/* ------------------------------------------------------------------ */

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: fcgen --out DIR [--count N=1000] [--seed S=1] [--holdings MEAN=40]\n"
            "             [--max-holdings MAX=2000] [--violations FRACTION=0.1] [--fof FRACTION=0.1]\n"
            "             [--clause-chars C=200] [--start-index I=0]\n"
            "       fcgen --hostile KIND [--out FILE] [--seed S]   KIND: %s\n"
            "Writes DIR/f000000.xml ...; a file's bytes depend only on the seed, its index\n"
            "and the content options.\n",
            gen_hostile_kinds);
}

static int parse_u64(const char *s, uint64_t *v)
{
    char *end;
    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *v = x;
    return 0;
}

static int parse_frac(const char *s, double *v, double max)
{
    char *end;
    if (!s || !*s)
        return -1;
    errno = 0;
    double x = strtod(s, &end);
    if (errno || *end || !(x >= 0) || x > max)
        return -1;
    *v = x;
    return 0;
}

static int make_dir(const char *path)
{
    char tmp[4096];
    size_t n = strlen(path);
    if (n >= sizeof tmp)
        return -1;
    memcpy(tmp, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (tmp[i] == '/' || tmp[i] == '\0') {
            char c = tmp[i];
            tmp[i] = '\0';
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
                return -1;
            tmp[i] = c;
        }
    }
    return 0;
}

static int write_corpus(const struct gen_opts *opt)
{
    if (make_dir(opt->out) != 0) {
        fprintf(stderr, "fcgen: cannot create %s: %s\n", opt->out, strerror(errno));
        return 1;
    }
    size_t dl = strlen(opt->out);
    char *path = malloc(dl + 32);
    if (!path) {
        fputs("fcgen: out of memory\n", stderr);
        return 4;
    }
    memcpy(path, opt->out, dl);
    struct gen_out o;
    gen_out_init(&o, -1, 0);
    o.flush_at = 4u << 20;
    uint64_t bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = 0;
    for (uint64_t i = opt->start; i < opt->start + opt->count; i++) {
        char name[40], num[24];
        /* f + index zero-padded to 6 digits */
        uint64_t v = i;
        int len = 0;
        char rev[24];
        do {
            rev[len++] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        while (len < 6)
            rev[len++] = '0';
        for (int j = 0; j < len; j++)
            num[j] = rev[len - 1 - j];
        num[len] = '\0';
        scat(name, sizeof name, "/f", num, ".xml", (const char *)NULL);
        memcpy(path + dl, name, strlen(name) + 1);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (fd < 0) {
            fprintf(stderr, "fcgen: %s: %s\n", path, strerror(errno));
            rc = 1;
            break;
        }
        o.fd = fd;
        o.written = 0;
        o.failed = 0;
        gen_filing(opt, i, NULL, &o);
        gen_out_flush(&o);
        bytes += o.written;
        if (o.failed || close(fd) != 0) {
            fprintf(stderr, "fcgen: %s: %s\n", path, strerror(o.failed ? o.err : errno));
            rc = 1;
            break;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (rc == 0)
        fprintf(stderr, "fcgen: %llu filings, %.1f MB in %.2f s\n", (unsigned long long)opt->count,
                (double)bytes / 1e6, secs);
    gen_out_free(&o);
    free(path);
    return rc;
}

int main(int argc, char **argv)
{
    struct gen_opts opt = {
        .out = NULL,
        .count = 1000,
        .seed = 1,
        .start = 0,
        .holdings_mean = 40,
        .max_holdings = 2000,
        .violations = 0.1,
        .fof = 0.1,
        .clause_chars = 200,
        .hostile = NULL,
    };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *val = NULL;
        char key[32];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        }
        if (strncmp(a, "--", 2) != 0)
            goto bad;
        const char *eq = strchr(a, '=');
        size_t kl = eq ? (size_t)(eq - a) : strlen(a);
        if (kl >= sizeof key)
            goto bad;
        memcpy(key, a, kl);
        key[kl] = '\0';
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else
            goto bad;
        uint64_t u;
        if (strcmp(key, "--out") == 0)
            opt.out = val;
        else if (strcmp(key, "--hostile") == 0)
            opt.hostile = val;
        else if (strcmp(key, "--count") == 0) {
            if (parse_u64(val, &opt.count))
                goto bad_value;
        } else if (strcmp(key, "--seed") == 0) {
            if (parse_u64(val, &opt.seed))
                goto bad_value;
        } else if (strcmp(key, "--start-index") == 0) {
            if (parse_u64(val, &opt.start))
                goto bad_value;
        } else if (strcmp(key, "--holdings") == 0) {
            if (parse_frac(val, &opt.holdings_mean, 1e6) || opt.holdings_mean < 1)
                goto bad_value;
        } else if (strcmp(key, "--max-holdings") == 0) {
            if (parse_u64(val, &u) || u < 1 || u > 10000000)
                goto bad_value;
            opt.max_holdings = (uint32_t)u;
        } else if (strcmp(key, "--violations") == 0) {
            if (parse_frac(val, &opt.violations, 1))
                goto bad_value;
        } else if (strcmp(key, "--fof") == 0) {
            if (parse_frac(val, &opt.fof, 1))
                goto bad_value;
        } else if (strcmp(key, "--clause-chars") == 0) {
            if (parse_u64(val, &u) || u < 1 || u > 100000000)
                goto bad_value;
            opt.clause_chars = (uint32_t)u;
        } else
            goto bad;
        continue;
    bad_value:
        fprintf(stderr, "fcgen: bad value for %s: %s\n", key, val);
        return 2;
    bad:
        fprintf(stderr, "fcgen: unknown or incomplete option: %s\n", a);
        usage(stderr);
        return 2;
    }
    if (opt.hostile) {
        int fd = 1;
        if (opt.out) {
            fd = open(opt.out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
            if (fd < 0) {
                fprintf(stderr, "fcgen: %s: %s\n", opt.out, strerror(errno));
                return 1;
            }
        }
        struct gen_out o;
        gen_out_init(&o, fd, 1u << 20);
        if (gen_hostile(&opt, &o) != 0) {
            fprintf(stderr, "fcgen: unknown hostile kind '%s' (one of: %s)\n", opt.hostile, gen_hostile_kinds);
            gen_out_free(&o);
            return 2;
        }
        gen_out_flush(&o);
        int failed = o.failed, err = o.err;
        gen_out_free(&o);
        if (failed || (opt.out && close(fd) != 0)) {
            fprintf(stderr, "fcgen: write failed: %s\n", strerror(failed ? err : errno));
            return 1;
        }
        return 0;
    }
    if (!opt.out) {
        fputs("fcgen: --out DIR is required\n", stderr);
        usage(stderr);
        return 2;
    }
    return write_corpus(&opt);
}
