/* SPDX-License-Identifier: MIT */
/*
 * One line per finding in the form editors and compilation buffers parse:
 * FILE:LINE: error|warning|note: MESSAGE [RULE]. The keywords stay English
 * whatever --lang is (that is what Emacs, Vim's errorformat and VS Code's
 * problem matchers look for); the message is in the chosen language.
 * Findings carry a line but no column (libxml2 keeps no column per node),
 * so the column is left out rather than made up. Exempted findings are
 * notes marked as exempted. Files that could not be checked print their
 * diagnostics (which do have columns) in the same form.
 */
#include "report.h"

#include "ck.h"

static const char *gcc_level(int sev)
{
    return sev == CK_SEV_VIOLATION ? "error" : sev == CK_SEV_WARNING ? "warning" : "note";
}

static const char *paint(int color, int sev)
{
    if (!color)
        return "";
    return sev == CK_SEV_VIOLATION ? "\033[1;31m" : sev == CK_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
}

void ck_report_gcc(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                   const struct ck_report_opts *o)
{
    (void)eng;
    int lang = o->lang;
    const char *reset = o->color ? "\033[0m" : "";
    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        if (r->status != CK_OK) {
            for (size_t k = 0; k < r->diags.n; k++) {
                const struct ck_fdiag *x = &r->diags.v[k];
                struct ck_buf m, h;
                ck_buf_init(&m);
                ck_buf_init(&h);
                ck_diag_format(x, lang, &m, &h);
                fprintf(out, "%s:%ld:", r->path, x->line);
                if (x->column > 0)
                    fprintf(out, "%d:", x->column);
                fprintf(out, " %serror%s: %s [%s]\n", paint(o->color, CK_SEV_VIOLATION), reset, ck_buf_str(&m), x->id);
                if (h.len)
                    fprintf(out, "%s:%ld: note: %s [%s]\n", r->path, x->line, ck_buf_str(&h), x->id);
                ck_buf_fini(&m);
                ck_buf_fini(&h);
            }
            if (r->diags.n == 0)
                fprintf(out, "%s:%ld: %serror%s: %s\n", r->path, r->err_line, paint(o->color, CK_SEV_VIOLATION),
                        reset, r->err_msg ? r->err_msg : "");
            continue;
        }
        for (size_t k = 0; k < r->findings.n; k++) {
            const struct ck_finding *f = &r->findings.v[k];
            int sev = f->exempted ? CK_SEV_NOTICE : f->severity;
            fprintf(out, "%s:%ld: %s%s%s: %s%s [%s]\n", r->path, f->line, paint(o->color, sev), gcc_level(sev),
                    reset, f->exempted ? (lang == CK_LANG_EN ? "(exempted) " : "（已豁免）") : "",
                    f->message[lang], f->rule->id);
        }
    }
}
