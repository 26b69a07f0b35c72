/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck evaluate FILE...`: a preview of how the annual evaluation under
 * 1753号 would read each fund's direction metrics. The indicators, the
 * thresholds, their source and confidence come from a data file
 * (rules/evaluation-1753.tsv, or --thresholds FILE); nothing is hard-coded.
 * Also `report --db X --evaluate` (ck_evaluate_db), from the metrics scan
 * stored. Rows of one group are alternatives: the group is reached when one row is.
 * A metric that is null is "cannot be determined", never "not reached".
 */
#include "evaluate.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "cli.h"
#include "engine.h"
#include "mem.h"
#include "metrics.h"

#include <getopt.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { E_LANG = 1300, E_THRESHOLDS, E_RULES, E_CATALOG_DIR, E_HELP };

struct threshold {
    char *group, *group_zh, *group_en, *source, *confidence, *note; /* owned */
    int metric;     /* enum ck_metric_id */
    int at_least;   /* 1 for >=, 0 for <= */
    long long value; /* × 10^(metric decimals) */
    int line;
};

static const char evaluate_help_zh[] =
    "用法：fundcheck evaluate [--lang zh|en] [--thresholds 文件] [--rules 目录] [--catalog-dir 目录] 文件...\n"
    "\n"
    "预览每份报送在发改财金规〔2025〕1753号年度评价中的加分项（概述，非原文）：计分所用的投向指标、\n"
    "各项是否达到阈值，以及阈值的来源与可信度。阈值读自 rules/evaluation-1753.tsv（或 --thresholds\n"
    "给出的文件）；这些阈值来自二手来源，并已如此标注。退出码：0，2 有文件无法检查，3 调用有误或\n"
    "阈值文件有误。\n";

static const char evaluate_help_en[] =
    "usage: fundcheck evaluate [--lang zh|en] [--thresholds FILE] [--rules DIR] [--catalog-dir DIR] FILE...\n"
    "\n"
    "Previews the bonus items of the annual evaluation under 1753号 for each filing: the\n"
    "direction metrics it scores, whether each reaches its threshold, and the threshold's\n"
    "source and confidence. Thresholds are read from rules/evaluation-1753.tsv (or FILE);\n"
    "they come from secondary sources and are marked so. exit: 0, 2 a file could not be\n"
    "checked, 3 bad invocation or threshold file.\n";

static void thresholds_free(struct threshold *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].group);
        free(t[i].group_zh);
        free(t[i].group_en);
        free(t[i].source);
        free(t[i].confidence);
        free(t[i].note);
    }
    free(t);
}

static int metric_by_key(const char *k)
{
    for (int i = 0; i < CK_M_COUNT; i++)
        if (strcmp(ck_metric_key(i), k) == 0)
            return i;
    return -1;
}

/* Reads the threshold file; on error prints "file:line: reason" and returns -1. */
static long load_thresholds(const char *path, struct threshold **out)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "fundcheck: %s:0: cannot read the threshold file\n", path);
        return -1;
    }
    struct ck_buf all;
    ck_buf_init(&all);
    int bad = ck_buf_add_stream(&all, fp);
    fclose(fp);
    if (bad) {
        fprintf(stderr, "fundcheck: %s:0: cannot read the threshold file\n", path);
        ck_buf_fini(&all);
        return -1;
    }
    static const char *const cols[] = {"group", "group_zh", "group_en", "indicator", "op",
                                       "value", "source", "confidence", "note"};
    int idx[CK_ARRAY_LEN(cols)];
    int have_header = 0, lineno = 0;
    size_t n = 0;
    struct threshold *t = NULL;
    char *cursor = all.p ? all.p : NULL, *line;
    long rc = 0;
    while ((line = ck_catalog_next_line(&cursor)) != NULL) {
        lineno++;
        if (*line == '\0' || *line == '#')
            continue;
        char *f[16];
        size_t nf = 0;
        for (char *p = line; nf < CK_ARRAY_LEN(f);) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (tab == NULL)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (!have_header) {
            for (size_t c = 0; c < CK_ARRAY_LEN(cols); c++) {
                idx[c] = -1;
                for (size_t k = 0; k < nf; k++)
                    if (strcmp(f[k], cols[c]) == 0)
                        idx[c] = (int)k;
                if (idx[c] < 0) {
                    fprintf(stderr, "fundcheck: %s:%d: the header lacks the column '%s'\n", path, lineno, cols[c]);
                    rc = -1;
                    goto out;
                }
            }
            have_header = 1;
            continue;
        }
        const char *v[CK_ARRAY_LEN(cols)];
        for (size_t c = 0; c < CK_ARRAY_LEN(cols); c++)
            v[c] = (size_t)idx[c] < nf ? f[idx[c]] : "";
        int metric = metric_by_key(v[3]);
        int at_least = strcmp(v[4], ">=") == 0 ? 1 : strcmp(v[4], "<=") == 0 ? 0 : -1;
        long long value = 0;
        int dec = metric == CK_M_AVG_HOLDING ? 2 : 4;
        if (metric < 0 || at_least < 0 || !ck_metrics_parse_decimal(v[5], dec, &value) || !*v[0]) {
            fprintf(stderr, "fundcheck: %s:%d: bad threshold (indicator a metrics key, op >= or <=, "
                            "value a decimal, group not empty)\n", path, lineno);
            rc = -1;
            goto out;
        }
        t = ck_reallocarray(t, n + 1, sizeof *t);
        struct threshold *x = &t[n++];
        x->group = ck_strdup(v[0]);
        x->group_zh = ck_strdup(v[1]);
        x->group_en = ck_strdup(v[2]);
        x->source = ck_strdup(v[6]);
        x->confidence = ck_strdup(v[7]);
        x->note = ck_strdup(v[8]);
        x->metric = metric;
        x->at_least = at_least;
        x->value = value;
        x->line = lineno;
    }
    if (n == 0) {
        fprintf(stderr, "fundcheck: %s:%d: no thresholds\n", path, lineno);
        rc = -1;
    }
out:
    ck_buf_fini(&all);
    if (rc < 0) {
        thresholds_free(t, n);
        return -1;
    }
    *out = t;
    return (long)n;
}

static const char *confidence_label(const char *c, int en)
{
    if (strcmp(c, "V") == 0)
        return en ? "V (verified)" : "V（已核实）";
    if (strcmp(c, "M") == 0)
        return en ? "M (medium)" : "M（中等）";
    if (strcmp(c, "S") == 0)
        return en ? "S (secondary source, unverified)" : "S（二手来源，未核实）";
    return c;
}

static void value_text(struct ck_buf *b, int metric, long long scaled, int en)
{
    long long a = scaled < 0 ? -scaled : scaled; /* avgHoldingYears may be negative */
    if (metric == CK_M_AVG_HOLDING)
        ck_buf_printf(b, "%s%lld.%02lld%s", scaled < 0 ? "-" : "", a / 100, a % 100, en ? " years" : " 年");
    else if (metric == CK_M_HHI)
        ck_buf_printf(b, "%lld.%04lld", scaled / 10000, scaled % 10000);
    else
        ck_buf_printf(b, "%lld.%02lld%%", scaled / 100, scaled % 100);
}

/* 1 reached, 0 not reached, -1 cannot be determined. Where part of D lacks
 * the datum, a share lies between its value (the missing part not
 * qualifying) and value + missing part; the outcome counts only when both
 * ends agree. A weighted mean (avgHoldingYears) has no such bound: partial
 * data cannot decide it. */
static int outcome(const struct threshold *t, const struct ck_metrics *m)
{
    const struct ck_metric *x = &m->m[t->metric];
    if (!x->known)
        return -1;
    long long lo = x->scaled, hi = x->scaled;
    if (x->has_coverage && x->coverage_known && x->coverage < 10000) {
        if (t->metric == CK_M_AVG_HOLDING)
            return -1;
        hi += 10000 - x->coverage;
    }
    int a = t->at_least ? lo >= t->value : hi <= t->value; /* reached even in the worst case */
    int b = t->at_least ? hi >= t->value : lo <= t->value; /* reached in the best case */
    return a ? 1 : b ? -1 : 0;
}

static const char *outcome_label(int o, int en)
{
    if (o > 0)
        return en ? "reached" : "达到";
    if (o == 0)
        return en ? "not reached" : "未达到";
    return en ? "cannot be determined" : "无法判断";
}

/* One fund: where its metrics come from (a file path, or the database's
 * filing), the fund and period, then every threshold group. */
static void print_fund(const char *where, const char *fund_name, const char *fund_uscc, const char *period_start,
                       const char *period_end, const struct ck_metrics *metrics, const struct threshold *t, size_t n,
                       const char *path, int en)
{
    printf("%s  %s（%s）  %s %s..%s\n", where, fund_name, fund_uscc, en ? "period" : "报告期", period_start,
           period_end);
    printf(en ? "  evaluation preview (1753号 bonus items; thresholds from %s)\n"
              : "  评价预览（1753号加分项；门槛取自 %s）\n",
           path);
    struct ck_buf b;
    ck_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        size_t first = i;
        for (size_t j = 0; j < i; j++)
            if (strcmp(t[j].group, t[i].group) == 0) {
                first = j;
                break;
            }
        if (first != i)
            continue; /* the group was printed at its first row */
        /* alternatives: reached when one is; otherwise undetermined when one is */
        int group = 0;
        for (size_t j = i; j < n; j++) {
            if (strcmp(t[j].group, t[i].group) != 0)
                continue;
            int o = outcome(&t[j], metrics);
            if (o > 0)
                group = 1;
            else if (o < 0 && group == 0)
                group = -1;
        }
        printf("  [%s] %s\n", en ? t[i].group_en : t[i].group_zh, outcome_label(group, en));
        for (size_t j = i; j < n; j++) {
            if (strcmp(t[j].group, t[i].group) != 0)
                continue;
            const struct ck_metric *x = &metrics->m[t[j].metric];
            ck_buf_reset(&b);
            if (x->known)
                value_text(&b, t[j].metric, x->scaled, en);
            else
                ck_buf_printf(&b, en ? "n/a (%s)" : "无法计算（%s）", ck_metric_why_text(x->why, en));
            if (x->known && x->has_coverage && x->coverage_known && x->coverage < 10000)
                ck_buf_printf(&b, en ? " [data for %lld.%02lld%% of D]" : "［数据覆盖 D 的 %lld.%02lld%%］",
                              x->coverage / 100, x->coverage % 100);
            ck_buf_adds(&b, en ? "; threshold " : "；门槛 ");
            ck_buf_adds(&b, t[j].at_least ? "≥ " : "≤ ");
            value_text(&b, t[j].metric, t[j].value, en);
            printf("    %s%s%s%s%s\n", ck_metric_label(t[j].metric, en), en ? ": " : "：", ck_buf_str(&b),
                   en ? " → " : " → ", outcome_label(outcome(&t[j], metrics), en));
            printf(en ? "      source: %s; confidence: %s\n" : "      来源：%s；可信度：%s\n", t[j].source,
                   confidence_label(t[j].confidence, en));
            if (*t[j].note)
                printf(en ? "      note: %s\n" : "      说明：%s\n", t[j].note);
        }
    }
    ck_buf_fini(&b);
    fputc('\n', stdout);
}

int ck_evaluate_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, E_LANG},
        {"thresholds", required_argument, NULL, E_THRESHOLDS},
        {"rules", required_argument, NULL, E_RULES},
        {"catalog-dir", required_argument, NULL, E_CATALOG_DIR},
        {"help", no_argument, NULL, E_HELP},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    const char *th_path = NULL;
    int c, hl = ck_cli_lang_from_argv(argc, argv); /* help and usage errors */
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case E_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck evaluate: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case E_THRESHOLDS: th_path = optarg; break;
        case E_RULES: co.rules_dir = optarg; break;
        case E_CATALOG_DIR: co.catalog_dir = optarg; break;
        case E_HELP: ck_cli_help(stdout, evaluate_help_zh, evaluate_help_en, hl); return CK_EXIT_CLEAN;
        default: ck_cli_help(stderr, evaluate_help_zh, evaluate_help_en, hl); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(hl == CK_LANG_EN ? "fundcheck evaluate: no files given\n" : "fundcheck evaluate：未指定文件\n", stderr);
        ck_cli_help(stderr, evaluate_help_zh, evaluate_help_en, hl);
        return CK_EXIT_USAGE;
    }
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    struct ck_buf def;
    ck_buf_init(&def);
    ck_buf_printf(&def, "%s/evaluation-1753.tsv", eng->rules_dir);
    const char *path = th_path ? th_path : ck_buf_str(&def);
    struct threshold *t = NULL;
    long nt = load_thresholds(path, &t);
    if (nt < 0) {
        ck_buf_fini(&def);
        ck_engine_free(eng);
        return CK_EXIT_USAGE;
    }
    /* thresholds print their path relative to the data root when they are the shipped file */
    const char *shown = path;
    size_t rl = strlen(eng->data_root);
    if (th_path == NULL && strncmp(path, eng->data_root, rl) == 0 && path[rl] == '/')
        shown = path + rl + 1;
    eng->want_hash = 0;
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
    int rc = CK_EXIT_CLEAN, en = co.lang == CK_LANG_EN;
    for (int i = optind; i < argc; i++) {
        struct ck_result r;
        ck_check_path(eng, ev, argv[i], &r);
        if (r.status != CK_OK) {
            fprintf(stderr, "fundcheck: %s:%ld: %s\n", r.path, r.err_line, r.err_msg);
            rc = CK_EXIT_FILE_ERROR;
        } else {
            const struct ck_filing *f = r.filing;
            print_fund(r.path, f->fund_name, f->fund_uscc, f->period_start, f->period_end, &r.metrics, t,
                       (size_t)nt, shown, en);
        }
        ck_result_fini(&r);
    }
    ck_eval_free(ev);
    thresholds_free(t, (size_t)nt);
    ck_buf_fini(&def);
    ck_engine_free(eng);
    return rc;
}

/* ---- report --db X --evaluate ---- */

/* The metrics of a filing_metrics row (columns from col: value, coverage
 * per metric as in metrics_store.c), with the reasons of its nulls. */
static void metrics_of_row(sqlite3_stmt *s, int col, const char *null_reasons, struct ck_metrics *m)
{
    memset(m, 0, sizeof *m);
    m->computed = 1;
    static const int has_cov[CK_M_COUNT] = {1, 1, 1, 1, 0, 1, 1, 0, 0};
    for (int k = 0; k < CK_M_COUNT; k++) {
        struct ck_metric *x = &m->m[k];
        x->decimals = k == CK_M_AVG_HOLDING ? 2 : 4;
        x->has_coverage = has_cov[k];
        if (sqlite3_column_type(s, col) != SQLITE_NULL) {
            x->known = 1;
            x->scaled = llround(sqlite3_column_double(s, col) * (x->decimals == 2 ? 100.0 : 10000.0));
        } else {
            /* "key: reason; …" — the reason's English text names its code */
            char pat[64];
            snprintf(pat, sizeof pat, "%s: ", ck_metric_key(k));
            const char *at = strstr(null_reasons, pat);
            for (int w = 1; at && w < CK_MW_COUNT; w++) {
                const char *why = ck_metric_why_text(w, 1);
                if (strncmp(at + strlen(pat), why, strlen(why)) == 0)
                    x->why = w;
            }
        }
        col++;
        if (has_cov[k]) {
            if (sqlite3_column_type(s, col) != SQLITE_NULL) {
                x->coverage_known = 1;
                x->coverage = llround(sqlite3_column_double(s, col) * 10000.0);
            }
            col++;
        }
    }
}

int ck_evaluate_db(sqlite3 *db, const char *db_path, int lang, const char *thresholds_path)
{
    char *root = NULL;
    struct ck_buf def;
    ck_buf_init(&def);
    if (thresholds_path == NULL) {
        root = ck_engine_data_root();
        ck_buf_printf(&def, "%s/rules/evaluation-1753.tsv", root ? root : ".");
    }
    const char *path = thresholds_path ? thresholds_path : ck_buf_str(&def);
    struct threshold *t = NULL;
    long nt = load_thresholds(path, &t);
    if (nt < 0) {
        free(root);
        ck_buf_fini(&def);
        return CK_EXIT_USAGE;
    }
    const char *shown = path;
    size_t rl = root ? strlen(root) : 0;
    if (root && strncmp(path, root, rl) == 0 && path[rl] == '/')
        shown = path + rl + 1;
    int en = lang == CK_LANG_EN, rc = CK_EXIT_CLEAN;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT path FROM filings f WHERE f.filing_pk = m.filing_pk), fund_name,"
                           " fund_uscc, period_start, period_end, null_reasons,"
                           " early_small_share, early_small_coverage, avg_holding_years, avg_holding_coverage,"
                           " hard_tech_share, hard_tech_coverage, private_share, private_coverage,"
                           " social_capital_share, main_field_share, main_field_coverage, home_region_share,"
                           " home_region_coverage, top_investee_share, hhi"
                           " FROM v_fund_metrics m ORDER BY fund_uscc, period_end",
                           -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "fundcheck: %s:0: %s\n", db_path, sqlite3_errmsg(db));
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    printf(en ? "evaluation preview per fund (latest period of each fund; database %s)\n\n"
              : "各基金评价预览（每只基金的最新报告期；数据库 %s）\n\n",
           db_path);
    int step, n = 0;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        struct ck_metrics m;
        const char *reasons = (const char *)sqlite3_column_text(s, 5);
        metrics_of_row(s, 6, reasons ? reasons : "", &m);
        const char *where = (const char *)sqlite3_column_text(s, 0), *v[4];
        for (int i = 0; i < 4; i++) {
            v[i] = (const char *)sqlite3_column_text(s, 1 + i);
            if (v[i] == NULL)
                v[i] = "";
        }
        print_fund(where ? where : "", v[0], v[1], v[2], v[3], &m, t, (size_t)nt, shown, en);
        n++;
    }
    if (step != SQLITE_DONE) {
        fprintf(stderr, "fundcheck: %s:0: %s\n", db_path, sqlite3_errmsg(db));
        rc = CK_EXIT_SYSTEM;
    } else if (n == 0) {
        printf(en ? "no fund has metrics in this database (filings recorded before schema 4 are checked "
                    "again by the next scan)\n"
                  : "数据库中没有基金的方向指标（架构版本 4 之前记录的申报将在下次扫描时重新检查）\n");
    }
out:
    sqlite3_finalize(s);
    thresholds_free(t, (size_t)nt);
    free(root);
    ck_buf_fini(&def);
    return rc;
}
