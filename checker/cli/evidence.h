/* SPDX-License-Identifier: MIT */
#ifndef CK_EVIDENCE_H
#define CK_EVIDENCE_H
/*
 * Evidence bundles (evidence.c): `check --evidence DIR` writes what a verdict
 * rests on; `verify DIR` re-runs it and says whether the verdict is the same.
 */
#include "engine.h"
#include "report.h"

#include <stddef.h>

/* Writes the bundle of a finished `check` run into dir (new or empty):
 * copies of the filings paths[0..n), the engine's rule files, schemas and
 * catalogues, user_catalog_dir's data (NULL: the default user dir), the JSON
 * report of res and exit_code. Returns an exit code: 0, 3 (dir not empty)
 * or 4 (cannot write). */
int ck_evidence_write(const char *dir, const struct ck_engine *eng, const char *user_catalog_dir,
                      char **paths, const struct ck_result *res, size_t n,
                      const struct ck_report_opts *ro, int exit_code);

/* `fundcheck verify DIR`. */
int ck_verify_main(int argc, char **argv);

#endif
