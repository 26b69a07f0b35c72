/* SPDX-License-Identifier: MIT */
#ifndef CK_DBREPORT_H
#define CK_DBREPORT_H
/*
 * `fundcheck report` and `fundcheck diff` over a findings database (see
 * store.h and docs/database.md). Each takes argv with argv[0] = the command
 * name and returns an exit code: 0, 3 bad invocation, 4 database error.
 */

int ck_dbreport_main(int argc, char **argv);
int ck_dbdiff_main(int argc, char **argv);

#endif
