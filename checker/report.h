/* SPDX-License-Identifier: MIT */
#ifndef CK_REPORT_H
#define CK_REPORT_H
/*
 * Reporters for `check`: a text report for people (grouped by filing, then
 * by holding or item) and the JSON document of the output contract. Both
 * are deterministic to the byte for the same input. They read results only.
 */
#include "engine.h"

#include <stdio.h>

struct ck_report_opts {
    int lang;    /* CK_LANG_* */
    int fail_on; /* ck_severity: the exit-1 threshold, for the summary */
};

void ck_report_text(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o);
void ck_report_json(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o);

#endif
