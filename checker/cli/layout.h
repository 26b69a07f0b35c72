/* SPDX-License-Identifier: MIT */
#ifndef CK_LAYOUT_H
#define CK_LAYOUT_H
/*
 * `fundcheck report --db X --layout`: crowding across funds (同质化布局).
 * A read-only query over the holdings of the database (v_holdings of
 * docs/database.md); nothing is written. docs/metrics.md explains it.
 *
 * ck_layout_compute builds the three tables once; the text and CSV report
 * (ck_layout_report) and the HTML report of the database (dbreport_html.c)
 * both print from them, so they cannot disagree.
 */
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>

struct ck_layout_opts {
    int csv;          /* 0 text, 1 CSV */
    int lang;         /* CK_LANG_* */
    long min_funds;   /* a concentration needs at least this many funds of one province … */
    double min_share; /* … each with at least this share of its own invested amount in the division */
};

/* One (province, division) group: table 1. */
struct ck_layout_div {
    const char *province, *division; /* borrowed from the layout; division "" = no division code */
    const char *name;                /* division name from the shipped catalogue, or "" */
    size_t funds;                    /* funds with any investment in it */
    const char *levels;              /* "市级×2 省级×1" (owned by the layout) */
    double invested;                 /* yuan */
    double share;                    /* of the province's invested amount; < 0 when that is 0 */
};

/* A division where at least min_funds funds of one province each put at
 * least min_share of their own invested amount: table 2. */
struct ck_layout_conc {
    const char *province, *division, *name; /* borrowed */
    size_t funds;                           /* the heavy funds */
    double invested;                        /* their amount in the division, yuan */
    const char *detail;                     /* "name（USCC）42.00%；…" (owned by the layout) */
};

/* Homogeneity of one province: table 3. */
struct ck_layout_homog {
    const char *province; /* borrowed */
    size_t funds;         /* funds with any division-coded investment */
    double similarity;    /* mean pairwise cosine similarity; meaningful only when funds >= 2 */
};

struct ck_layout {
    size_t n_funds; /* funds with a latest filing that has any invested amount row */
    struct ck_layout_div *div;
    size_t n_div;
    struct ck_layout_conc *conc;
    size_t n_conc;
    struct ck_layout_homog *homog;
    size_t n_homog;
    void *priv; /* the rows and catalogue the tables borrow from */
};

/* Computes the tables (lang: for the levels and detail texts). Returns 0, or
 * CK_EXIT_SYSTEM after printing the database error to stderr; *out is owned
 * by the caller (ck_layout_free) on success. */
int ck_layout_compute(sqlite3 *db, const struct ck_layout_opts *o, struct ck_layout **out);
void ck_layout_free(struct ck_layout *l);

/* Prints the report (text or CSV) to out. Returns an exit code (0, or 4 on a database error). */
int ck_layout_report(FILE *out, sqlite3 *db, const char *db_path, const struct ck_layout_opts *o);

#endif
