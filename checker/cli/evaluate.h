/* SPDX-License-Identifier: MIT */
#ifndef CK_EVALUATE_H
#define CK_EVALUATE_H
/*
 * `fundcheck evaluate FILE...`: the evaluation preview (1753号 bonus items)
 * from each filing's direction metrics and an editable threshold file. argv[0]
 * is "evaluate"; returns the exit code.
 */

int ck_evaluate_main(int argc, char **argv);

/* `fundcheck report --db X --evaluate`: the same preview per fund (the
 * latest period of each, v_fund_metrics) from the metrics stored by scan.
 * thresholds_path NULL: rules/evaluation-1753.tsv of the data root. Returns
 * the exit code (0; 3 bad threshold file; 4 database error). */
struct sqlite3;
int ck_evaluate_db(struct sqlite3 *db, const char *db_path, int lang, const char *thresholds_path);

#endif
