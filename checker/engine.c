/* SPDX-License-Identifier: MIT */
#include "engine.h"

#include "buf.h"
#include "catalog.h"
#include "filing.h"
#include "ck.h"
#include "plan_limits.h"
#include "mem.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void ignore_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
    struct ck_buf buf;
    ck_buf_init(&buf);
    ck_buf_printf(&buf, "%s/%s", a, b);
    return ck_buf_take(&buf);
}

/* A data root has rules/ and either checker/schema (source tree) or schema/
 * (installed). */
static int looks_like_root(const char *dir)
{
    char *rules = join(dir, "rules");
    char *src_schema = join(dir, "checker/schema");
    char *inst_schema = join(dir, "schema");
    int ok = rules && src_schema && inst_schema && is_dir(rules) &&
             (is_dir(src_schema) || is_dir(inst_schema));
    free(rules);
    free(src_schema);
    free(inst_schema);
    return ok;
}

char *ck_engine_data_root(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        /* build/fundcheck → ., build/asan/fundcheck → ., build/bench/fundcheck → . */
        for (int up = 1; up <= 3; up++) {
            char *slash = strrchr(exe, '/');
            if (slash == NULL)
                break;
            *slash = '\0';
            if (up >= 2 && looks_like_root(exe))
                return ck_strdup(exe);
        }
    }
    return ck_strdup(CK_DATADIR);
}

int ck_engine_open(const struct ck_engine_opts *o, struct ck_engine **out, char **err)
{
    *out = NULL;
    *err = NULL;
    struct ck_engine *eng = ck_calloc(1, sizeof *eng);
    if (eng == NULL)
        return CK_ENOMEM;
    eng->lang = o->lang;
    eng->want_hash = 1;
    eng->data_root = o->data_root && *o->data_root ? ck_strdup(o->data_root) : ck_engine_data_root();
    char *src_schema = eng->data_root ? join(eng->data_root, "checker/schema") : NULL;
    if (src_schema && is_dir(src_schema)) {
        eng->schema_dir = src_schema;
    } else {
        free(src_schema);
        eng->schema_dir = src_schema ? join(eng->data_root, "schema") : NULL;
    }
    eng->rules_dir = o->rules_dir ? ck_strdup(o->rules_dir) : eng->data_root ? join(eng->data_root, "rules") : NULL;
    eng->catalogs_dir = eng->data_root ? join(eng->data_root, "catalogs") : NULL;
    char *xsd = eng->schema_dir ? join(eng->schema_dir, "filing-1.xsd") : NULL;
    char *skel = eng->schema_dir ? join(eng->schema_dir, "example-skeleton.xml") : NULL;
    char *rxsd = eng->schema_dir ? join(eng->schema_dir, "rules-1.xsd") : NULL;
    if (eng->rules_dir == NULL || eng->catalogs_dir == NULL || xsd == NULL || skel == NULL || rxsd == NULL) {
        free(xsd);
        free(skel);
        free(rxsd);
        ck_engine_free(eng);
        return CK_ENOMEM;
    }

    struct ck_buf e;
    ck_buf_init(&e);
    xmlSchemaParserCtxtPtr spc = xmlSchemaNewParserCtxt(xsd);
    if (spc != NULL)
        xmlSchemaSetParserStructuredErrors(spc, ignore_error, NULL);
    struct ck_xml_errsave save;
    ck_xml_errors_route(&save, ignore_error, NULL); /* the XSD file's own parse */
    eng->schema = spc ? xmlSchemaParse(spc) : NULL;
    ck_xml_errors_restore(&save);
    xmlSchemaFreeParserCtxt(spc);
    if (eng->schema == NULL)
        ck_buf_printf(&e, "%s:0: cannot load the filing schema\n", xsd);
    free(xsd);

    eng->skeleton = ck_xml_read_quiet(skel, NULL, 0, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
    if (eng->skeleton == NULL)
        ck_buf_printf(&e, "%s:0: cannot load the example skeleton\n", skel);
    free(skel);

    int rc = CK_OK;
    if (!o->no_catalog) {
        char *cerr = NULL;
        rc = ck_catalog_load(eng->catalogs_dir, o->catalog_dir, &eng->catalog, &cerr);
        if (rc != CK_OK) {
            ck_buf_printf(&e, "%s\n", cerr ? cerr : "cannot load the catalogue");
            eng->catalog = NULL;
        }
        free(cerr);
    }

    char *rerr = NULL;
    int rrc = rc == CK_ENOMEM ? rc : ck_rules_load(eng->rules_dir, rxsd, &eng->rules, &rerr);
    if (rrc != CK_OK)
        ck_buf_adds(&e, rerr ? rerr : "cannot load the rule set\n");
    free(rerr);
    free(rxsd);

    if (rc == CK_ENOMEM || rrc == CK_ENOMEM || ck_mem_failed()) {
        ck_buf_fini(&e);
        ck_engine_free(eng);
        return CK_ENOMEM;
    }
    if (e.len) {
        *err = ck_buf_take(&e);
        ck_engine_free(eng);
        return CK_ESYNTAX;
    }
    ck_buf_fini(&e);
    *out = eng;
    return CK_OK;
}

void ck_engine_free(struct ck_engine *eng)
{
    if (eng == NULL)
        return;
    ck_rules_free(eng->rules);
    ck_catalog_free(eng->catalog);
    xmlSchemaFree(eng->schema);
    xmlFreeDoc(eng->skeleton);
    free(eng->data_root);
    free(eng->rules_dir);
    free(eng->schema_dir);
    free(eng->catalogs_dir);
    free(eng);
}

static void evaluate(const struct ck_engine *eng, struct ck_evaluator *ev, const struct ck_rule *only,
                     struct ck_result *out)
{
    struct ck_filing *f = out->filing;
    struct ck_profile *prof = ck_eval_profile(ev);
    double t0 = prof ? ck_now() : 0;
    ck_eval_doc(ev, f->doc, f->period_start, f->period_end, only, &out->findings, &out->rule_errors);
    double t1 = prof ? ck_now() : 0;
    /* An allocation that failed on the way (mem.h) fails the filing's check:
     * the stages after it would work on incomplete records. */
    if (!ck_mem_failed()) {
        struct ck_metrics_scratch scratch;
        ck_metrics_compute(f, eng->catalog, &out->metrics, &scratch);
        if (only == NULL && !ck_mem_failed()) /* a rule's own examples test that rule alone */
            ck_limits_check(f, &out->metrics, &scratch, &out->findings);
        ck_metrics_scratch_fini(&scratch);
    }
    if (!ck_mem_failed())
        ck_findings_apply_exemptions(&out->findings, f->exemptions, f->n_exemptions, f->period_start,
                                     f->period_end, eng->lang);
    if (!ck_mem_failed())
        ck_findings_sort(&out->findings);
    if (ck_mem_failed())
        out->status = CK_ENOMEM;
    ck_filing_release_doc(f);
    if (prof) {
        prof->stage_seconds[CK_STAGE_EVAL] += t1 - t0;
        prof->stage_seconds[CK_STAGE_AFTER] += ck_now() - t1;
        prof->filings++;
    }
}

static void add_load_time(struct ck_evaluator *ev, double t0)
{
    struct ck_profile *prof = ck_eval_profile(ev);
    if (prof)
        prof->stage_seconds[CK_STAGE_LOAD] += ck_now() - t0;
}

void ck_check_path(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                   struct ck_result *out)
{
    memset(out, 0, sizeof *out);
    out->path = ck_strdup(path);
    ck_findings_init(&out->findings);
    double t0 = ck_eval_profile(ev) ? ck_now() : 0;
    out->status = ck_filing_load_diags(path, eng->schema, eng->want_hash, &out->filing, &out->err_line,
                                       &out->err_msg, &out->diags);
    add_load_time(ev, t0);
    if (out->status == CK_OK)
        evaluate(eng, ev, NULL, out);
}

static void check_bytes(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                        const char *bytes, size_t len, const char *sha, struct ck_result *out)
{
    memset(out, 0, sizeof *out);
    out->path = ck_strdup(path);
    ck_findings_init(&out->findings);
    double t0 = ck_eval_profile(ev) ? ck_now() : 0;
    out->status = ck_filing_load_buffer_diags(path, bytes, len, eng->schema, sha ? 0 : eng->want_hash,
                                              &out->filing, &out->err_line, &out->err_msg, &out->diags);
    if (sha && out->filing)
        snprintf(out->filing->sha256, sizeof out->filing->sha256, "%s", sha);
    add_load_time(ev, t0);
    if (out->status == CK_OK)
        evaluate(eng, ev, NULL, out);
}

void ck_check_bytes(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                    const char *bytes, size_t len, struct ck_result *out)
{
    check_bytes(eng, ev, path, bytes, len, NULL, out);
}

void ck_check_bytes_hashed(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                           const char *bytes, size_t len, const char sha[65], struct ck_result *out)
{
    check_bytes(eng, ev, path, bytes, len, sha, out);
}

void ck_check_doc(const struct ck_engine *eng, struct ck_evaluator *ev, const char *path,
                  xmlDocPtr doc, const struct ck_rule *only, struct ck_result *out)
{
    memset(out, 0, sizeof *out);
    out->path = ck_strdup(path);
    ck_findings_init(&out->findings);
    double t0 = ck_eval_profile(ev) ? ck_now() : 0;
    out->status = ck_filing_from_doc(path, doc, eng->schema, &out->filing, &out->err_line, &out->err_msg);
    add_load_time(ev, t0);
    if (out->status == CK_OK)
        evaluate(eng, ev, only, out);
}

void ck_result_fini(struct ck_result *r)
{
    if (r == NULL)
        return;
    free(r->path);
    free(r->err_msg);
    ck_filing_free(r->filing);
    ck_findings_fini(&r->findings);
    free(r->rule_errors);
    ck_metrics_fini(&r->metrics);
    ck_diags_fini(&r->diags);
    memset(r, 0, sizeof *r);
}
