/* SPDX-License-Identifier: MIT */
/*
 * The public API of fundcheck.h over the internal modules: engine (load),
 * eval (per-thread evaluator), filing (read and validate) and finding.
 * Nothing here prints; problems go to the caller's diagnostic callback.
 */
#include "fundcheck.h"

#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "ck.h"
#include "engine.h"
#include "eval.h"
#include "lookthrough.h"
#include "mem.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

struct ck_worker {
    const struct ck_engine *eng; /* borrowed */
    struct ck_evaluator *ev;     /* owned */
};

int ck_init(void)
{
    xmlInitParser();
    return CK_OK;
}

const char *ck_version(void)
{
    return CK_VERSION;
}

static void emit(ck_diag_fn *fn, void *user, int level, const char *id, const char *file, long line,
                 const char *zh, const char *en)
{
    if (fn == NULL)
        return;
    struct ck_diag d = {level, id, file, line, 0, NULL, {zh, en}};
    fn(user, &d);
}

/* The loader reports "file:line: message" lines; each becomes one diagnostic
 * with its file and line split out again. */
static void emit_load_errors(const struct ck_config *cfg, const char *err)
{
    const char *p = err ? err : "";
    if (*p == '\0') {
        emit(cfg->diag, cfg->diag_user, CK_DIAG_ERROR, "FC-E-RULESET", NULL, 0,
             "无法加载规则集、目录或文件格式定义", "cannot load the rule set, catalogue or filing schema");
        return;
    }
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *text = ck_strndup(p, n);
        char *file = NULL, *msg = text;
        long line = 0;
        /* file:line: message — the file itself may contain ':' */
        for (char *c = text; (c = strchr(c, ':')) != NULL; c++) {
            char *end;
            long v = strtol(c + 1, &end, 10);
            if (end != c + 1 && end[0] == ':' && end[1] == ' ') {
                *c = '\0';
                file = text;
                line = v;
                msg = end + 2;
                break;
            }
        }
        if (*msg) {
            struct ck_buf zh;
            ck_buf_init(&zh);
            ck_buf_printf(&zh, "无法加载规则集或目录：%s", msg);
            emit(cfg->diag, cfg->diag_user, CK_DIAG_ERROR, "FC-E-RULESET", file, line, ck_buf_str(&zh),
                 msg);
            ck_buf_fini(&zh);
        }
        free(text);
        p += n;
        if (*p == '\n')
            p++;
    }
}

int ck_engine_new(const struct ck_config *cfg, struct ck_engine **out)
{
    if (out == NULL)
        return CK_EINVAL;
    *out = NULL;
    if (cfg == NULL || cfg->lang < 0 || cfg->lang >= CK_LANG_COUNT)
        return CK_EINVAL;
    struct ck_engine_opts eo = {cfg->rules_dir, cfg->catalog_dir, cfg->lang, cfg->no_catalog, cfg->data_dir};
    char *err = NULL;
    ck_mem_clear();
    int rc = ck_engine_open(&eo, out, &err);
    if (rc == CK_ENOMEM || ck_mem_failed()) { /* not the rule set's fault: no FC-E-RULESET */
        ck_engine_free(*out);
        *out = NULL;
        free(err);
        return CK_ENOMEM;
    }
    if (rc != CK_OK) {
        emit_load_errors(cfg, err);
        free(err);
        return rc;
    }
    (*out)->diag = cfg->diag;
    (*out)->diag_user = cfg->diag_user;
    return CK_OK;
}

size_t ck_engine_rule_count(const struct ck_engine *eng)
{
    return eng && eng->rules ? eng->rules->n_rules : 0;
}

const char *ck_engine_rules_version(const struct ck_engine *eng)
{
    return eng && eng->rules ? eng->rules->version : NULL;
}

const char *ck_engine_catalog_version(const struct ck_engine *eng)
{
    return eng && eng->catalog ? ck_catalog_version(eng->catalog) : NULL;
}

int ck_worker_new(const struct ck_engine *eng, struct ck_worker **out)
{
    if (out == NULL)
        return CK_EINVAL;
    *out = NULL;
    if (eng == NULL)
        return CK_EINVAL;
    ck_mem_clear();
    struct ck_worker *w = ck_calloc(1, sizeof *w);
    if (w == NULL)
        return CK_ENOMEM;
    w->eng = eng;
    w->ev = ck_eval_new(eng->rules, eng->catalog, eng->lang);
    if (w->ev == NULL || ck_mem_failed()) {
        ck_worker_free(w);
        return CK_ENOMEM;
    }
    *out = w;
    return CK_OK;
}

void ck_worker_free(struct ck_worker *w)
{
    if (w == NULL)
        return;
    ck_eval_free(w->ev);
    free(w);
}

/* A filing that could not be checked: each problem once, through the
 * callback, worded by diag.c in both languages (with its fix hint). */
static void emit_filing_error(const struct ck_engine *eng, const struct ck_result *r)
{
    if (r->status == CK_OK || eng->diag == NULL)
        return;
    if (r->diags.n == 0) { /* no structured diagnostic (out of memory, …) */
        const char *why = r->err_msg ? r->err_msg : ck_strerror(r->status);
        struct ck_buf zh;
        ck_buf_init(&zh);
        ck_buf_printf(&zh, "无法检查该报送文件：%s", why);
        emit(eng->diag, eng->diag_user, CK_DIAG_ERROR, "FC-E-FILING", r->path, r->err_line,
             ck_buf_str(&zh), why);
        ck_buf_fini(&zh);
        return;
    }
    for (size_t i = 0; i < r->diags.n; i++) {
        const struct ck_fdiag *x = &r->diags.v[i];
        struct ck_buf text[CK_LANG_COUNT];
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            struct ck_buf hint;
            ck_buf_init(&text[l]);
            ck_buf_init(&hint);
            ck_diag_format(x, l, &text[l], &hint);
            if (hint.len)
                ck_buf_printf(&text[l], l == CK_LANG_EN ? " (hint: %s)" : "（提示：%s）", ck_buf_str(&hint));
            ck_buf_fini(&hint);
        }
        struct ck_diag d = {CK_DIAG_ERROR, x->id, r->path, x->line, x->column, x->holding,
                            {ck_buf_str(&text[CK_LANG_ZH]), ck_buf_str(&text[CK_LANG_EN])}};
        eng->diag(eng->diag_user, &d);
        for (int l = 0; l < CK_LANG_COUNT; l++)
            ck_buf_fini(&text[l]);
    }
}

/* An allocation that failed anywhere in the call (mem.h) makes it fail with
 * CK_ENOMEM: a result missing a finding it could not allocate is never handed out. */
static int out_of_memory(struct ck_result *r)
{
    if (r->status != CK_ENOMEM && !ck_mem_failed())
        return 0;
    ck_result_free(r);
    return 1;
}

static int finish(struct ck_worker *w, struct ck_result *r, struct ck_result **out)
{
    if (out_of_memory(r))
        return CK_ENOMEM;
    /* The filing as a batch of one: what look-through derives within it
     * (the plan's nesting depth) is found as `fundcheck check FILE` finds it. */
    if (r->status == CK_OK)
        ck_lookthrough_results(w->eng, w->ev, r, 1);
    if (out_of_memory(r))
        return CK_ENOMEM;
    emit_filing_error(w->eng, r);
    if (r->rule_errors && w->eng->diag) /* runtime rule errors: the rule set's problem, not the filing's */
        emit(w->eng->diag, w->eng->diag_user, CK_DIAG_WARNING, "FC-W-RULE-RUNTIME", r->path, 0,
             r->rule_errors, r->rule_errors);
    if (out_of_memory(r))
        return CK_ENOMEM;
    *out = r;
    return CK_OK;
}

int ck_check_file(struct ck_worker *w, const char *path, struct ck_result **out)
{
    if (out == NULL)
        return CK_EINVAL;
    *out = NULL;
    if (w == NULL || path == NULL)
        return CK_EINVAL;
    ck_mem_clear();
    struct ck_result *r = ck_calloc(1, sizeof *r);
    if (r == NULL)
        return CK_ENOMEM;
    ck_check_path(w->eng, w->ev, path, r);
    return finish(w, r, out);
}

int ck_check_buffer(struct ck_worker *w, const char *name, const void *data, size_t len,
                    struct ck_result **out)
{
    if (out == NULL)
        return CK_EINVAL;
    *out = NULL;
    if (w == NULL || (data == NULL && len > 0))
        return CK_EINVAL;
    ck_mem_clear();
    struct ck_result *r = ck_calloc(1, sizeof *r);
    if (r == NULL)
        return CK_ENOMEM;
    ck_check_bytes(w->eng, w->ev, name ? name : "<buffer>", data ? data : "", len, r);
    return finish(w, r, out);
}

void ck_result_free(struct ck_result *res)
{
    if (res == NULL)
        return;
    ck_result_fini(res);
    free(res);
}

int ck_result_status(const struct ck_result *res)
{
    return res ? res->status : CK_EINVAL;
}

const char *ck_result_error(const struct ck_result *res, long *line)
{
    if (line)
        *line = res ? res->err_line : 0;
    if (res == NULL || res->status == CK_OK)
        return NULL;
    return res->err_msg ? res->err_msg : ck_strerror(res->status);
}

const char *ck_result_filing_id(const struct ck_result *res)
{
    return res && res->filing ? res->filing->filing_id : "";
}

const char *ck_result_fund_uscc(const struct ck_result *res)
{
    return res && res->filing ? res->filing->fund_uscc : "";
}

size_t ck_result_finding_count(const struct ck_result *res)
{
    return res ? res->findings.n : 0;
}

int ck_result_finding(const struct ck_result *res, size_t i, int lang, struct ck_finding_info *out)
{
    if (res == NULL || out == NULL || i >= res->findings.n || lang < 0 || lang >= CK_LANG_COUNT)
        return CK_EINVAL;
    const struct ck_finding *f = &res->findings.v[i];
    const struct ck_rule *r = f->rule;
    memset(out, 0, sizeof *out);
    out->rule = r->id;
    out->category = r->category;
    out->severity = f->severity;
    out->holding = f->holding;
    out->line = f->line;
    out->xpath = f->xpath;
    out->title = r->title[lang];
    out->message = f->message[lang];
    out->evidence = f->evidence[lang];
    out->explain = f->explain;
    if (r->n_basis > 0) {
        out->basis_document = r->basis[0].document;
        out->basis_article = r->basis[0].article;
        out->basis_text = r->basis[0].text;
    }
    out->exempted = f->exempted;
    out->exempt_document = f->exempt_document;
    out->exempt_authority = f->exempt_authority;
    return CK_OK;
}

size_t ck_result_count_at_least(const struct ck_result *res, int sev)
{
    return res ? ck_findings_count_at_least(&res->findings, sev) : 0;
}
