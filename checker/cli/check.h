/* SPDX-License-Identifier: MIT */
#ifndef CK_CHECK_H
#define CK_CHECK_H
/*
 * `fundcheck check` (check.c): argv with argv[0] = "check"; returns an exit
 * code (enum ck_exit).
 */

int ck_check_main(int argc, char **argv);

#endif
