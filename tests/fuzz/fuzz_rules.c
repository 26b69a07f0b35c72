/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: one rule file. The bytes become DIR/r.xml and the directory
 * is loaded as a rule set (parse, rule schema, regex and XPath compilation,
 * unknown functions and regex ids, duplicates). When it loads, its own
 * examples are built into filings and every rule is evaluated on them and
 * on a fixture filing, as `fundcheck rules test` and `check` would.
 */
#include "ck.h"
#include "engine.h"
#include "eval.h"
#include "example.h"
#include "rules.h"

#include "fuzz_common.h"

#include <libxml/parser.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct ck_engine *eng; /* the shipped engine: schema, skeleton, catalogue */
    static char dir[300], file[320], xsd[600], fixture[600];
    if (eng == NULL) {
        fuzz_env();
        xmlInitParser();
        struct ck_engine_opts o = {NULL, getenv("FUNDCHECK_CATALOG_DIR"), CK_LANG_ZH, 0, getenv("FUNDCHECK_DATA")};
        char *err = NULL;
        if (ck_engine_open(&o, &eng, &err) != CK_OK) {
            fprintf(stderr, "fuzz_rules: cannot open the engine:\n%s", err ? err : "");
            abort();
        }
        snprintf(dir, sizeof dir, "%s/rules", fuzz_tmpdir());
        (void)mkdir(dir, 0700);
        snprintf(file, sizeof file, "%s/r.xml", dir);
        snprintf(xsd, sizeof xsd, "%s/rules-1.xsd", eng->schema_dir);
        snprintf(fixture, sizeof fixture, "%s/fixtures/guarantee.xml", eng->data_root);
    }
    fuzz_write(file, data, size);
    struct ck_ruleset *rs = NULL;
    char *errors = NULL;
    int rc = ck_rules_load(dir, xsd, &rs, &errors);
    free(errors);
    if (rc != CK_OK)
        return 0;
    struct ck_engine e = *eng; /* the same engine with the fuzzed rule set */
    e.rules = rs;
    struct ck_evaluator *ev = ck_eval_new(rs, eng->catalog, CK_LANG_EN);
    for (size_t i = 0; i < rs->n_rules; i++) {
        const struct ck_rule *r = &rs->rules[i];
        for (size_t k = 0; k < r->n_examples; k++) {
            struct ck_result res;
            xmlDocPtr doc = ck_example_build(eng->skeleton, r->examples[k].node);
            ck_check_doc(&e, ev, "example", doc, r, &res);
            ck_result_fini(&res);
        }
    }
    struct ck_result res;
    ck_check_path(&e, ev, fixture, &res);
    ck_result_fini(&res);
    ck_eval_free(ev);
    ck_rules_free(rs);
    return 0;
}
