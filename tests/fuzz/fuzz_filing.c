/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: one filing, end to end. The bytes are written to a file and
 * go through what `fundcheck check` does with it: size cap, safe parse,
 * DOCTYPE refusal, schema validation, fact extraction, every rule of the
 * shipped rule set (XPath, fc: functions, PCRE2, catalogue matching),
 * exemptions, look-through within the batch, and both reporters (written
 * to /dev/null). The engine is opened once, as in the CLI.
 */
#include "ck.h"
#include "engine.h"
#include "eval.h"
#include "lookthrough.h"
#include "report.h"

#include "fuzz_common.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ck_engine *eng;
    static struct ck_evaluator *ev;
    static FILE *devnull;
    static char path[320];
    if (eng == NULL) {
        fuzz_env();
        xmlInitParser();
        struct ck_engine_opts o = {NULL, getenv("FUNDCHECK_CATALOG_DIR"), CK_LANG_ZH, 0, getenv("FUNDCHECK_DATA")};
        char *err = NULL;
        if (ck_engine_open(&o, &eng, &err) != CK_OK) {
            fprintf(stderr, "fuzz_filing: cannot open the engine:\n%s", err ? err : "");
            abort();
        }
        ev = ck_eval_new(eng->rules, eng->catalog, CK_LANG_ZH);
        devnull = fopen("/dev/null", "w");
        snprintf(path, sizeof path, "%s/filing.xml", fuzz_tmpdir());
    }
    fuzz_write(path, data, size);
    struct ck_result res;
    ck_check_path(eng, ev, path, &res);
    ck_lookthrough_results(eng, ev, &res, 1);
    struct ck_report_opts ro = {.lang = CK_LANG_ZH, .fail_on = CK_SEV_VIOLATION};
    ck_report_json(devnull, eng, &res, 1, &ro);
    ro.lang = CK_LANG_EN;
    ck_report_text(devnull, eng, &res, 1, &ro);
    ck_result_fini(&res);
    return 0;
}
