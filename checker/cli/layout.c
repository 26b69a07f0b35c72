/* SPDX-License-Identifier: MIT */
/*
 * The layout (crowding) report. One query reads, for the latest current
 * filing of every fund, the invested amount per GB/T 4754 division (the
 * first three characters of the industry code) over the holdings that make
 * up D (equity, listed-equity, fund); everything else is arithmetic here:
 *   - per province (first two digits of the fund's region) and division:
 *     funds, their government levels, invested amount, share of the province;
 *   - concentrations: divisions into which at least min_funds funds of one
 *     province each put at least min_share of their own D;
 *   - homogeneity per province: the mean pairwise cosine similarity of the
 *     funds' division-investment vectors, computed as
 *     (|Σ u_i|² − F) / (F(F − 1)) over the unit vectors u_i (exactly the mean
 *     of u_i·u_j over i ≠ j, in O(F·K) instead of O(F²·K)).
 * Holdings whose industry code is missing or only a section letter count in
 * a fund's D but in no division ("-" in the tables).
 */
#include "layout.h"

#include "dbreport.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "engine.h"
#include "mem.h"
#include "rules.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct row {
    char *province, *fund, *name, *level, *division; /* owned */
    double amount;
};

static const char rows_sql[] =
    "WITH pick AS (\n"
    "  SELECT f.filing_pk FROM v_current_filings f\n"
    "  WHERE NOT EXISTS (SELECT 1 FROM v_current_filings g WHERE g.fund_uscc = f.fund_uscc\n"
    "                    AND (g.period_end > f.period_end\n"
    "                         OR (g.period_end = f.period_end AND g.filing_pk > f.filing_pk))))\n"
    "SELECT substr(h.region, 1, 2) || '0000', h.fund_uscc, max(h.fund_name), max(h.gov_level),\n"
    "       CASE WHEN length(h.industry) >= 3 THEN substr(h.industry, 1, 3) ELSE '' END,\n"
    "       total(h.invested_yuan)\n"
    "FROM v_holdings h JOIN pick p ON p.filing_pk = h.filing_pk\n"
    "WHERE h.category IN ('equity', 'listed-equity', 'fund')\n"
    "GROUP BY 1, 2, 5 ORDER BY 1, 2, 5";

static void rows_free(struct row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].province);
        free(rows[i].fund);
        free(rows[i].name);
        free(rows[i].level);
        free(rows[i].division);
    }
    free(rows);
}

static char *dup_col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return ck_strdup(t ? (const char *)t : "");
}

static const char *level_label(const char *level, int en)
{
    static const char *const ids[] = {"central", "provincial", "municipal", "county"};
    static const char *const zh[] = {"中央", "省级", "市级", "县级"};
    for (size_t i = 0; i < CK_ARRAY_LEN(ids); i++)
        if (strcmp(level, ids[i]) == 0)
            return en ? ids[i] : zh[i];
    return level;
}

/* "市级×2 省级×1": the government levels of the n funds of one (province,
 * division) group, in a fixed order. */
static void levels_text(struct ck_buf *b, const struct row *const *g, size_t n, int en)
{
    static const char *const order[] = {"central", "provincial", "municipal", "county"};
    for (size_t k = 0; k < CK_ARRAY_LEN(order); k++) {
        size_t c = 0;
        for (size_t i = 0; i < n; i++)
            c += strcmp(g[i]->level, order[k]) == 0;
        if (c)
            ck_buf_printf(b, "%s%s×%zu", b->len ? " " : "", level_label(order[k], en), c);
    }
}

static int cmp_div(const void *a, const void *b)
{
    const struct row *const *x = a, *const *y = b;
    int c = strcmp((*x)->province, (*y)->province);
    if (c == 0)
        c = strcmp((*x)->division, (*y)->division);
    if (c == 0)
        c = strcmp((*x)->fund, (*y)->fund);
    return c;
}

/* Each fund's D, sorted by (province, fund) like the query's rows. */
struct fund_total {
    const char *province, *fund;
    double d;
};

static double fund_d(const struct fund_total *ft, size_t n, const char *province, const char *fund)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ft[mid].province, province);
        if (c == 0)
            c = strcmp(ft[mid].fund, fund);
        if (c == 0)
            return ft[mid].d;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

struct priv {
    struct row *rows; /* owned */
    size_t n;
    struct ck_catalog *cat; /* owned; NULL when the catalogue did not load */
};

static const char *div_name(const struct ck_catalog *cat, const char *division)
{
    const char *name = cat && *division ? ck_catalog_code_name(cat, division) : "";
    return name ? name : "";
}

int ck_layout_compute(sqlite3 *db, const struct ck_layout_opts *o, struct ck_layout **out)
{
    int en = o->lang == CK_LANG_EN;
    *out = NULL;
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, rows_sql, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(db));
        return CK_EXIT_SYSTEM;
    }
    struct row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? 2 * cap : 256;
            rows = ck_reallocarray(rows, cap, sizeof *rows);
        }
        struct row *r = &rows[n++];
        r->province = dup_col(s, 0);
        r->fund = dup_col(s, 1);
        r->name = dup_col(s, 2);
        r->level = dup_col(s, 3);
        r->division = dup_col(s, 4);
        r->amount = sqlite3_column_double(s, 5);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(db));
        rows_free(rows, n);
        return CK_EXIT_SYSTEM;
    }
    /* division names from the shipped catalogue (a missing one leaves them blank) */
    char *root = ck_engine_data_root();
    struct ck_buf dir;
    ck_buf_init(&dir);
    ck_buf_printf(&dir, "%s/catalogs", root);
    struct ck_catalog *cat = NULL;
    char *cerr = NULL;
    if (ck_catalog_load(ck_buf_str(&dir), NULL, &cat, &cerr) != CK_OK)
        cat = NULL;
    free(cerr);
    ck_buf_fini(&dir);
    free(root);

    struct ck_layout *L = ck_calloc(1, sizeof *L);
    struct priv *pv = ck_calloc(1, sizeof *pv);
    pv->rows = rows;
    pv->n = n;
    pv->cat = cat;
    L->priv = pv;
    L->div = ck_calloc(n + 1, sizeof *L->div);
    L->conc = ck_calloc(n + 1, sizeof *L->conc);
    L->homog = ck_calloc(n + 1, sizeof *L->homog);

    /* per fund: D (rows are grouped by province, fund) */
    struct fund_total *ft = ck_calloc(n + 1, sizeof *ft);
    size_t nf = 0;
    for (size_t i = 0; i < n; i++) {
        if (nf == 0 || strcmp(ft[nf - 1].fund, rows[i].fund) != 0 ||
            strcmp(ft[nf - 1].province, rows[i].province) != 0) {
            ft[nf].province = rows[i].province;
            ft[nf].fund = rows[i].fund;
            nf++;
        }
        ft[nf - 1].d += rows[i].amount;
    }
    L->n_funds = nf;
    /* the rows again, by (province, division, fund) */
    const struct row **by_div = ck_calloc(n + 1, sizeof *by_div);
    size_t nd = 0;
    for (size_t i = 0; i < n; i++)
        by_div[nd++] = &rows[i];
    if (nd > 1)
        qsort(by_div, nd, sizeof *by_div, cmp_div);

    struct ck_buf b, lv;
    ck_buf_init(&b);
    ck_buf_init(&lv);
    /* table 1: province × division */
    for (size_t i = 0; i < nd;) {
        size_t j = i;
        double sum = 0, prov = 0;
        while (j < nd && strcmp(by_div[j]->province, by_div[i]->province) == 0 &&
               strcmp(by_div[j]->division, by_div[i]->division) == 0) {
            sum += by_div[j]->amount;
            j++;
        }
        for (size_t k = 0; k < nf; k++)
            if (strcmp(ft[k].province, by_div[i]->province) == 0)
                prov += ft[k].d;
        ck_buf_reset(&lv);
        levels_text(&lv, by_div + i, j - i, en);
        struct ck_layout_div *d = &L->div[L->n_div++];
        d->province = by_div[i]->province;
        d->division = by_div[i]->division;
        d->name = div_name(cat, by_div[i]->division);
        d->funds = j - i;
        d->levels = ck_buf_take(&lv);
        d->invested = sum;
        d->share = prov > 0 ? sum / prov : -1;
        i = j;
    }
    /* table 2: concentrations */
    for (size_t i = 0; i < nd;) {
        size_t j = i;
        while (j < nd && strcmp(by_div[j]->province, by_div[i]->province) == 0 &&
               strcmp(by_div[j]->division, by_div[i]->division) == 0)
            j++;
        size_t heavy = 0;
        ck_buf_reset(&b);
        double sum = 0;
        if (*by_div[i]->division) {
            for (size_t k = i; k < j; k++) {
                double d = fund_d(ft, nf, by_div[k]->province, by_div[k]->fund);
                if (d > 0 && by_div[k]->amount / d >= o->min_share) {
                    heavy++;
                    sum += by_div[k]->amount;
                    ck_buf_printf(&b, "%s%s（%s）%.2f%%", b.len ? (en ? "; " : "；") : "", by_div[k]->name,
                                  by_div[k]->fund, by_div[k]->amount / d * 100);
                }
            }
        }
        if (*by_div[i]->division && heavy >= (size_t)o->min_funds) {
            struct ck_layout_conc *c = &L->conc[L->n_conc++];
            c->province = by_div[i]->province;
            c->division = by_div[i]->division;
            c->name = div_name(cat, by_div[i]->division);
            c->funds = heavy;
            c->invested = sum;
            c->detail = ck_buf_take(&b);
        }
        i = j;
    }
    /* table 3: homogeneity per province */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(rows[j].province, rows[i].province) == 0)
            j++;
        /* Σ u_i over the province's funds, per division: rows[i..j) are sorted by (fund, division) */
        const struct row **div_rows = ck_calloc(j - i + 1, sizeof *div_rows);
        size_t m = 0;
        for (size_t k = i; k < j; k++)
            div_rows[m++] = &rows[k];
        if (m > 1)
            qsort(div_rows, m, sizeof *div_rows, cmp_div);
        size_t funds = 0;
        double *norm = ck_calloc(j - i + 1, sizeof *norm);
        /* the norm of each fund's vector (coded divisions only), indexed by the row's fund start */
        for (size_t k = i; k < j;) {
            size_t e = k;
            double sq = 0;
            while (e < j && strcmp(rows[e].fund, rows[k].fund) == 0) {
                if (*rows[e].division)
                    sq += rows[e].amount * rows[e].amount;
                e++;
            }
            for (size_t q = k; q < e; q++)
                norm[q - i] = sqrt(sq);
            if (sq > 0)
                funds++;
            k = e;
        }
        double total_sq = 0;
        for (size_t k = 0; k < m;) {
            size_t e = k;
            double sum_u = 0;
            while (e < m && strcmp(div_rows[e]->division, div_rows[k]->division) == 0) {
                double nr = norm[div_rows[e] - &rows[i]];
                if (*div_rows[e]->division && nr > 0)
                    sum_u += div_rows[e]->amount / nr;
                e++;
            }
            total_sq += sum_u * sum_u;
            k = e;
        }
        struct ck_layout_homog *h = &L->homog[L->n_homog++];
        h->province = rows[i].province;
        h->funds = funds;
        h->similarity =
            funds >= 2 ? (total_sq - (double)funds) / ((double)funds * (double)(funds - 1)) : -1;
        free(norm);
        free(div_rows);
        i = j;
    }
    ck_buf_fini(&b);
    ck_buf_fini(&lv);
    free(by_div);
    free(ft);
    *out = L;
    return CK_EXIT_CLEAN;
}

void ck_layout_free(struct ck_layout *l)
{
    if (l == NULL)
        return;
    for (size_t i = 0; i < l->n_div; i++)
        free((char *)l->div[i].levels);
    for (size_t i = 0; i < l->n_conc; i++)
        free((char *)l->conc[i].detail);
    struct priv *pv = l->priv;
    rows_free(pv->rows, pv->n);
    ck_catalog_free(pv->cat);
    free(pv);
    free(l->div);
    free(l->conc);
    free(l->homog);
    free(l);
}

int ck_layout_report(FILE *out, sqlite3 *db, const char *db_path, const struct ck_layout_opts *o)
{
    int en = o->lang == CK_LANG_EN;
    struct ck_layout *L = NULL;
    int rc = ck_layout_compute(db, o, &L);
    if (rc != CK_EXIT_CLEAN)
        return rc;
    if (o->csv) {
        static const char *const head[] = {"table", "province", "division", "name", "funds", "levels",
                                           "invested", "share", "similarity", "detail"};
        ck_dbreport_csv_row(out, head, CK_ARRAY_LEN(head));
    } else {
        fprintf(out,
                en ? "fundcheck layout report (database %s): the latest filing of each fund; invested = "
                     "equity, listed equity and sub-funds\n"
                   : "fundcheck 同质化布局分析（数据库 %s）：每只基金取最新一期申报；投资额 = 股权、上市股权和子基金投资\n",
                db_path);
        fprintf(out, en ? "funds: %zu\n" : "基金：%zu 只\n", L->n_funds);
        fputs(en ? "\nby province and GB/T 4754 division\n  province  division  funds  levels  invested (yuan)  share of province  name\n"
                 : "\n按省份和国民经济行业大类\n  省份  大类  基金数  层级  投资额（元）  占本省投资  名称\n",
              out);
    }
    for (size_t i = 0; i < L->n_div; i++) {
        const struct ck_layout_div *d = &L->div[i];
        const char *div = *d->division ? d->division : "-";
        char funds[32], inv[64], share[32] = "";
        snprintf(funds, sizeof funds, "%zu", d->funds);
        snprintf(inv, sizeof inv, "%.2f", d->invested);
        if (d->share >= 0)
            snprintf(share, sizeof share, "%.4f", d->share);
        if (o->csv) {
            const char *v[] = {"division", d->province, div, d->name, funds, d->levels, inv, share, "", ""};
            ck_dbreport_csv_row(out, v, CK_ARRAY_LEN(v));
        } else {
            char pc[32] = "-";
            if (d->share >= 0)
                snprintf(pc, sizeof pc, "%.2f%%", d->share * 100);
            fprintf(out, "  %s  %s  %s  %s  %s  %s  %s\n", d->province, div, funds, d->levels, inv, pc, d->name);
        }
    }
    if (!o->csv)
        fprintf(out,
                en ? "\nconcentrations: divisions where at least %ld funds of one province each put at least "
                     "%.2f%% of their invested amount\n"
                   : "\n集中：同一省份至少 %ld 只基金各以其投资额的至少 %.2f%% 投向的大类\n",
                o->min_funds, o->min_share * 100);
    for (size_t i = 0; i < L->n_conc; i++) {
        const struct ck_layout_conc *c = &L->conc[i];
        char funds[32], inv[64];
        snprintf(funds, sizeof funds, "%zu", c->funds);
        snprintf(inv, sizeof inv, "%.2f", c->invested);
        if (o->csv) {
            const char *v[] = {"concentration", c->province, c->division, c->name, funds, "", inv, "", "", c->detail};
            ck_dbreport_csv_row(out, v, CK_ARRAY_LEN(v));
        } else {
            fprintf(out, "  %s  %s  %s  %s%s  %s\n", c->province, c->division, funds, en ? "funds: " : "只：",
                    c->detail, c->name);
        }
    }
    if (!o->csv && L->n_conc == 0)
        fputs(en ? "  (none)\n" : "  （无）\n", out);
    if (!o->csv)
        fputs(en ? "\nhomogeneity: mean pairwise cosine similarity of the funds' division-investment vectors "
                   "(1 = the same industry mix, 0 = no overlap; funds without any division-coded investment "
                   "are left out)\n  province  funds  similarity\n"
                 : "\n同质化程度：各基金大类投资向量两两余弦相似度的平均值（1 = 投向结构相同，0 = 没有重叠；"
                   "没有可归入大类的投资的基金不计）\n  省份  基金数  相似度\n",
              out);
    for (size_t i = 0; i < L->n_homog; i++) {
        const struct ck_layout_homog *h = &L->homog[i];
        char fs[32], sim[32] = "";
        snprintf(fs, sizeof fs, "%zu", h->funds);
        if (h->funds >= 2)
            snprintf(sim, sizeof sim, "%.4f", h->similarity);
        if (o->csv) {
            const char *v[] = {"homogeneity", h->province, "", "", fs, "", "", "", sim, ""};
            ck_dbreport_csv_row(out, v, CK_ARRAY_LEN(v));
        } else {
            fprintf(out, "  %s  %s  %s\n", h->province, fs,
                    *sim ? sim : (en ? "n/a (fewer than 2 funds)" : "无法计算（不足 2 只基金）"));
        }
    }
    ck_layout_free(L);
    return CK_EXIT_CLEAN;
}
