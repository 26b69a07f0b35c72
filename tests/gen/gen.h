/* SPDX-License-Identifier: MIT */
#ifndef GEN_GEN_H
#define GEN_GEN_H
/*
 * fcgen internals shared by the tests/gen sources: a seeded random generator whose
 * output depends only on (seed, index, tag), a buffered output sink with
 * fast number formatting, the test-data tables (industries, regions, name
 * parts) and the Chinese prose builder.
 *
 * Determinism: nothing here reads the clock, the locale or libm; every
 * random decision goes through struct gen_rng (integer arithmetic and
 * IEEE double + - * / only), so the same seed gives the same bytes on every
 * x86-64/aarch64 host.
 *
 * Note: the GNUmakefile rebuilds build/fcgen when one of the tests/gen .c files changes;
 * after editing only this header, touch a .c file.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- random numbers (xoshiro256** seeded through splitmix64) ---- */

struct gen_rng {
    uint64_t s[4];
};

/* Seeds r from (seed, index, tag): independent streams per filing and per
 * purpose, so that e.g. a fund's identity can be recomputed by the filing of
 * its parent fund without generating the whole child filing. */
void gen_rng_init(struct gen_rng *r, uint64_t seed, uint64_t index, uint64_t tag);
uint64_t gen_rng_next(struct gen_rng *r);
/* Uniform in [0, n); n > 0. */
uint32_t gen_rng_below(struct gen_rng *r, uint32_t n);
/* Uniform in [lo, hi] (inclusive). */
uint32_t gen_rng_range(struct gen_rng *r, uint32_t lo, uint32_t hi);
/* Uniform in [0, 1). */
double gen_rng_unit(struct gen_rng *r);
/* 1 with probability p. */
int gen_rng_chance(struct gen_rng *r, double p);

#define GEN_PICK(r, arr) ((arr)[gen_rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])

/* ---- output buffer ---- */

/*
 * Bytes are appended to p; when n passes `flush_at`, and on gen_out_flush(),
 * they are written to fd with write(2). fd < 0 keeps everything in memory.
 * A write error sets `failed` (with errno in `err`) and drops further data.
 */
struct gen_out {
    char *p;
    size_t n, cap, flush_at;
    uint64_t written; /* bytes already written to fd */
    int fd;
    int failed, err;
};

void gen_out_init(struct gen_out *o, int fd, size_t flush_at);
void gen_out_free(struct gen_out *o);
/* Makes room for `extra` more bytes (flushing first if over flush_at). */
void gen_out_reserve(struct gen_out *o, size_t extra);
void gen_out_flush(struct gen_out *o);
/* Total bytes produced so far (written + buffered). */
static inline uint64_t gen_out_total(const struct gen_out *o) { return o->written + o->n; }

static inline void gen_putn(struct gen_out *o, const char *s, size_t n)
{
    if (o->cap - o->n < n || o->n >= o->flush_at)
        gen_out_reserve(o, n);
    memcpy(o->p + o->n, s, n);
    o->n += n;
}
static inline void gen_puts(struct gen_out *o, const char *s) { gen_putn(o, s, strlen(s)); }
static inline void gen_putc(struct gen_out *o, char c) { gen_putn(o, &c, 1); }

/* Text content / attribute value with &, <, > and " escaped. */
void gen_put_esc(struct gen_out *o, const char *s);
void gen_put_u64(struct gen_out *o, uint64_t v);
/* v zero-padded to `width` digits. */
void gen_put_u64w(struct gen_out *o, uint64_t v, int width);
/* Fixed point: v / 10^decimals, e.g. (65, 3) -> "0.065", (1250000000, 2) ->
 * "12500000.00". */
void gen_put_fixed(struct gen_out *o, uint64_t v, int decimals);
/* YYYY-MM-DD. */
void gen_put_date(struct gen_out *o, int y, int m, int d);

/* ---- dates ---- */

struct gen_date {
    int y, m, d;
};
int gen_days_in_month(int y, int m);
/* Days since 1970-01-01 and back. */
int32_t gen_date_to_days(struct gen_date d);
struct gen_date gen_days_to_date(int32_t days);

/* ---- codes ---- */

/* The GB 32100-2015 alphabet (31 characters) and check digit. */
extern const char gen_uscc_alphabet[];
char gen_uscc_check(const char *first17);
/*
 * Writes a USCC into out[19]: authority+type prefix (e.g. "91", "11", "52"),
 * the 6-digit region code, a 9-character organisation code (GB 11714 check
 * digit included) whose body is new-style ("MA…") or old-style digits, and
 * the GB 32100 check digit.
 */
void gen_uscc(struct gen_rng *r, const char *prefix2, const char *region6, char out[19]);

/* ---- tables (gen_data.c) ---- */

struct gen_industry {
    const char *code; /* section letter + class, e.g. "C3973" */
    const char *name; /* GB/T 4754-2017 class name */
};
struct gen_division {
    int weight;
    int first, count;         /* slice of gen_industries */
    const char *words[5];     /* company-name words, NULL-terminated */
};
struct gen_region {
    const char *code;     /* GB/T 2260 */
    const char *name;     /* 深圳市, 南山区, 广东省 */
    const char *full;     /* 广东省深圳市南山区 style prefix for company names */
    const char *abbr;     /* 文号 prefix: 深 */
    const char *city;     /* short city name used in company names: 深圳 */
    int level;            /* 0 province-level, 1 city, 2 county */
};

extern const struct gen_industry gen_industries[];
extern const size_t gen_n_industries;
extern const struct gen_division gen_divisions[];
extern const size_t gen_n_divisions;
extern const struct gen_region gen_regions[];
extern const size_t gen_n_regions;

/* Picks an industry (weighted by division); *div_out gets its division. */
const struct gen_industry *gen_pick_industry(struct gen_rng *r, const struct gen_division **div_out);

/* Name parts. */
void gen_pick_brand(struct gen_rng *r, char out[16]); /* two-character 字号 */
const char *gen_pick_surname(struct gen_rng *r);
const char *gen_pick_bank(struct gen_rng *r);    /* 中国工商银行股份有限公司 */
const char *gen_pick_theme(struct gen_rng *r);   /* 科技创新 */
const char *gen_pick_lgfv_suffix(struct gen_rng *r); /* 城市建设投资集团有限公司 */

/* ---- prose (gen_text.c) ---- */

enum gen_prose_kind {
    GEN_P_VC,          /* ordinary venture-capital deal terms */
    GEN_P_NOTE,        /* holding note */
    GEN_P_DISCLOSURE,  /* ordinary disclosure */
    GEN_P_FOF,         /* sub-fund partnership terms */
    GEN_P_DEBT,        /* 名股实债: premium buy-back, fixed return, shortfall */
    GEN_P_GUARANTEE,   /* guarantee given by the fund */
    GEN_P_GP,          /* the fund as general partner */
    GEN_P_LOAN,        /* entrusted loan */
    GEN_P_STOCK,       /* secondary-market stock trading */
    GEN_P_FUTURES,     /* futures trading */
    GEN_P_KIND_COUNT
};

/* Names the prose may mention; any may be NULL (a generic word is used). */
struct gen_prose_ctx {
    const char *investee; /* 目标公司 name */
    const char *obligor;  /* LGFV / 财政局 name for 名股实债 */
    const char *gov;      /* 财政局 name */
    const char *bank;
    const char *fund;     /* this fund's name */
    const char *person;   /* founder */
    int year;             /* the filing's year */
};

/*
 * Appends prose of about `target_chars` characters (Unicode code points):
 * sentences of `kind`, padded with ordinary sentences of the same register,
 * always ending at a sentence end. Returns the characters written.
 */
size_t gen_prose(struct gen_out *o, struct gen_rng *r, enum gen_prose_kind kind,
                 const struct gen_prose_ctx *ctx, size_t target_chars);
/* Appends exactly one sentence of `kind`; returns its characters. */
size_t gen_sentence(struct gen_out *o, struct gen_rng *r, enum gen_prose_kind kind,
                    const struct gen_prose_ctx *ctx);

/* ---- filings (gen.c) and hostile inputs (gen_hostile.c) ---- */

struct gen_opts {
    const char *out;        /* corpus directory, or hostile output file */
    uint64_t count, seed, start;
    double holdings_mean;
    uint32_t max_holdings;
    double violations, fof;
    uint32_t clause_chars;
    const char *hostile;    /* NULL, or the hostile kind */
};

/* Variations of one filing used by the hostile kinds. */
struct gen_override {
    uint32_t n_holdings; /* 0: drawn from the heavy-tailed distribution */
    uint64_t min_bytes;  /* > 0: add holdings until this many bytes are out */
    int lean;            /* ordinary holdings without prose (notes, terms, business) */
    /* If set, holding H0001 gets one clause whose text this writes. */
    void (*clause)(struct gen_out *o, struct gen_rng *r, void *arg);
    /* If set, the filing ends with an <ext> block whose content this writes. */
    void (*ext)(struct gen_out *o, void *arg);
    void *arg;
};

/* Appends filing `index` to o. Its bytes depend only on the content options
 * of opt (seed, holdings, max-holdings, violations, fof, clause-chars), on
 * index and on ov (NULL for a normal filing). */
void gen_filing(const struct gen_opts *opt, uint64_t index, const struct gen_override *ov,
                struct gen_out *o);

/* Writes the hostile filing opt->hostile to o. Returns 0, or -1 if the kind
 * is unknown. */
int gen_hostile(const struct gen_opts *opt, struct gen_out *o);
/* The hostile kinds, space-separated, for --help. */
extern const char gen_hostile_kinds[];

#endif
