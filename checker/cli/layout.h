/* SPDX-License-Identifier: MIT */
#ifndef CK_LAYOUT_H
#define CK_LAYOUT_H
/*
 * `fundcheck report --db X --layout`: crowding across funds (同质化布局).
 * A read-only query over the holdings of the database (v_holdings of
 * docs/database.md); nothing is written. docs/metrics.md explains it.
 */
#include <sqlite3.h>

struct ck_layout_opts {
    int csv;          /* 0 text, 1 CSV */
    int lang;         /* CK_LANG_* */
    long min_funds;   /* a concentration needs at least this many funds of one province … */
    double min_share; /* … each with at least this share of its own invested amount in the division */
};

/* Prints the report to stdout. Returns an exit code (0, or 4 on a database error). */
int ck_layout_report(sqlite3 *db, const char *db_path, const struct ck_layout_opts *o);

#endif
