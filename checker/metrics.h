/* SPDX-License-Identifier: MIT */
#ifndef CK_METRICS_H
#define CK_METRICS_H
/*
 * Direction metrics of one filing (filing-format.md, Amendment 1: the
 * `metrics` object): 投早投小、投长期、投硬科技、民营、社会资本、主投领域、
 * 本地投资 (返投)、concentration. Read from the filing's DOM once per filing,
 * while the DOM is alive; the result is a flat, self-contained struct (no
 * pointers into the DOM) that reporters, the store and an HTML reporter can
 * print without the document.
 *
 * Exactness: amounts are parsed from their decimal text into whole fen
 * (0.01 yuan, sub-fen digits rounded half up), fractions into units of
 * 1e-8; every share is rounded from the exact integer ratio, half away from
 * zero, so two implementations that follow the spec get the same digits.
 *
 * The plan's limits (establishmentPlan/limits) are read here too, because
 * they are checked against these measures (limits.h).
 */
#include <libxml/tree.h>
#include <stddef.h>

struct ck_catalog;
struct ck_filing;

/* The metrics in output order (the JSON keys of ck_metric_key). */
enum ck_metric_id {
    CK_M_EARLY_SMALL = 0, /* earlySmallShare */
    CK_M_AVG_HOLDING,     /* avgHoldingYears (2 decimals) */
    CK_M_HARD_TECH,       /* hardTechShare */
    CK_M_PRIVATE,         /* privateShare */
    CK_M_SOCIAL,          /* socialCapitalShare */
    CK_M_MAIN_FIELD,      /* mainFieldShare */
    CK_M_HOME_REGION,     /* homeRegionShare */
    CK_M_TOP_INVESTEE,    /* topInvesteeShare */
    CK_M_HHI,             /* hhi */
    CK_M_COUNT
};

/* Why a metric is null. */
enum ck_metric_why {
    CK_MW_NONE = 0,
    CK_MW_NO_INVESTED,   /* D = 0: no equity, listed-equity or fund holding with an amount */
    CK_MW_NO_DATUM,      /* no holding in D carries the datum the metric needs */
    CK_MW_NO_GOVSHARE,   /* fund/govShare is absent */
    CK_MW_NO_FOCUS,      /* establishmentPlan/focusIndustries is absent or empty */
    CK_MW_NO_SEI_TABLE,  /* no strategic-emerging-industries table is loaded */
    CK_MW_NO_SUBSCRIBED, /* size/@subscribed is 0 */
    CK_MW_NO_HOME,       /* a central fund has no home region */
    CK_MW_COUNT
};

struct ck_metric {
    int known;          /* 0: null */
    long long scaled;   /* value × 10^decimals, exactly rounded (valid when known) */
    int decimals;       /* 4, or 2 for avgHoldingYears */
    int why;            /* enum ck_metric_why when !known */
    int has_coverage;   /* the metric needs a per-holding datum */
    int coverage_known; /* 0 when D = 0 */
    long long coverage; /* fraction of D whose datum is present, × 10^4 */
};

/* Limit kinds of Amendment 1, in the order of the spec's table. */
enum ck_limit_kind {
    CK_LIMIT_SINGLE_INVESTEE = 0,
    CK_LIMIT_OWNERSHIP,
    CK_LIMIT_MAIN_FIELD,
    CK_LIMIT_GOV_SHARE,
    CK_LIMIT_HOME_REGION,
    CK_LIMIT_NESTING,
    CK_LIMIT_KIND_COUNT
};

struct ck_limit_spec {
    int kind;               /* enum ck_limit_kind */
    int has_min, has_max;
    long long min, max;     /* fractions × 1e8; nesting-depth: layers × 1e8 */
    char min_text[32], max_text[32]; /* the bound as written */
    char document[256];     /* limit/@document, "" when absent (then the plan's) */
    long line;
};

struct ck_metrics {
    int computed;            /* 0 when the filing could not be read */
    long long invested_fen;  /* D in fen */
    long long subscribed_fen;
    size_t n_in_d;           /* holdings in D */
    struct ck_metric m[CK_M_COUNT];
    /* What the limits need beyond the metrics (fund level, no DOM). */
    char plan_document[256]; /* establishmentPlan/@document, "" when absent */
    long plan_line;
    int has_govshare;
    long long govshare;      /* × 1e8 */
    int has_focus;
    struct ck_limit_spec *limits; /* owned */
    size_t n_limits;
    /* The nesting depth found by look-through (check: within the batch). */
    int nesting_known;       /* 1 when every fund layer below was found */
    long nesting_depth;      /* layers found (a lower bound when !nesting_known) */
    char nesting_missing[64]; /* USCC of the first sub-fund whose filing was missing */
};

/* A per-holding view, read once from the DOM, that limits.c also uses. */
struct ck_metrics_holding {
    const char *id;       /* borrowed from the filing's facts */
    long line;
    size_t index;         /* position among the filing's holdings */
    int in_d;             /* category equity, listed-equity or fund */
    int is_equity_or_fund; /* category equity or fund (investee-ownership) */
    long long invested;   /* fen */
    int has_ownership;
    long long ownership;  /* × 1e8 */
    size_t investee;      /* index of its investee group */
};

struct ck_metrics_investee {
    const char *key;      /* USCC, else name; borrowed from the filing's facts */
    long long sum;        /* fen, over holdings in D */
    size_t first;         /* index of the first holding in D of this investee */
};

/* Scratch data for limits.c: owned by ck_metrics_compute's caller through
 * ck_metrics_scratch_fini. */
struct ck_metrics_scratch {
    struct ck_metrics_holding *h; /* owned */
    size_t n_h;
    struct ck_metrics_investee *inv; /* owned; in order of first appearance */
    size_t n_inv;
};

/* Computes the metrics of f from f->doc (which must still be loaded).
 * cat may be NULL (hardTechShare is then null). scratch may be NULL; when
 * given it receives the per-holding view (free with ck_metrics_scratch_fini). */
void ck_metrics_compute(const struct ck_filing *f, const struct ck_catalog *cat,
                        struct ck_metrics *out, struct ck_metrics_scratch *scratch);
void ck_metrics_fini(struct ck_metrics *m);
void ck_metrics_scratch_fini(struct ck_metrics_scratch *s);

/* The JSON key of a metric ("earlySmallShare"). */
const char *ck_metric_key(int id);
/* The Chinese or English label (投早投小占比 / early & small share). */
const char *ck_metric_label(int id, int lang);
/* Why a metric is null, in lang. */
const char *ck_metric_why_text(int why, int lang);
/* The limit kind's name ("single-investee-share"), or NULL; and its parse (-1). */
const char *ck_limit_kind_name(int kind);
int ck_limit_kind_parse(const char *s);

/* Appends a scaled decimal (value × 10^decimals) as a JSON number without
 * trailing zeros ("0.25", "3", "-1.5"). */
struct ck_buf;
void ck_metrics_decimal(struct ck_buf *b, long long scaled, int decimals);
/* Appends the "metrics" and "metricsCoverage" members (each preceded by a
 * comma) for one file's JSON object. */
void ck_metrics_json(struct ck_buf *b, const struct ck_metrics *m);

/* Parses a non-negative decimal ("125000000.55") into value × 10^scale,
 * rounding digits beyond scale half up. Returns 0 on bad syntax/overflow. */
int ck_metrics_parse_decimal(const char *s, int scale, long long *out);
/* Days from civil date "YYYY-MM-DD" (proleptic Gregorian); 0 on bad syntax. */
int ck_metrics_days(const char *date, long *out);

#endif
