/* SPDX-License-Identifier: MIT */
#ifndef CK_DBREPORT_H
#define CK_DBREPORT_H
/*
 * `fundcheck report` and `fundcheck diff` over a findings database (see
 * store.h and docs/database.md). Each takes argv with argv[0] = the command
 * name and returns an exit code: 0, 3 bad invocation, 4 database error.
 */

#include <stddef.h>

int ck_dbreport_main(int argc, char **argv);
/* Prints one CSV row (RFC 4180 quoting) to stdout. */
void ck_dbreport_csv_row(const char *const *v, size_t n);
int ck_dbdiff_main(int argc, char **argv);

#endif
