/* SPDX-License-Identifier: MIT */
#ifndef CK_EVALUATE_H
#define CK_EVALUATE_H
/*
 * `fundcheck evaluate FILE...`: the evaluation preview (1753号 bonus items)
 * from each filing's direction metrics and an editable threshold file. argv[0]
 * is "evaluate"; returns the exit code.
 */

int ck_evaluate_main(int argc, char **argv);

#endif
