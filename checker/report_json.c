/* SPDX-License-Identifier: MIT */
/*
 * The JSON document of the output contract (filing-format.md, "Output
 * contract"): {"tool":{…},"files":[{"path","filingId","fundUscc","status",
 * "error","findings":[{"rule","category","severity","holding","line",
 * "xpath","message","evidence","basis","exempted"}]}]}, plus further keys
 * the contract allows (title, item, explain, chain, catalogEdition, summary),
 * and per checked file Amendment 1's "metrics" and "metricsCoverage".
 */
#include "report.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"

static void key(struct ck_buf *b, const char *k)
{
    ck_buf_json_str(b, k);
    ck_buf_addc(b, ':');
}

static void finding_json(struct ck_buf *b, const struct ck_finding *f, int lang)
{
    ck_buf_addc(b, '{');
    key(b, "rule");
    ck_buf_json_str(b, f->rule->id);
    ck_buf_addc(b, ',');
    key(b, "category");
    ck_buf_json_str(b, f->rule->category);
    ck_buf_addc(b, ',');
    key(b, "severity");
    ck_buf_json_str(b, ck_severity_name(f->severity));
    ck_buf_addc(b, ',');
    key(b, "holding");
    ck_buf_json_str(b, f->holding);
    ck_buf_addc(b, ',');
    key(b, "line");
    ck_buf_printf(b, "%ld,", f->line);
    key(b, "xpath");
    ck_buf_json_str(b, f->xpath);
    ck_buf_addc(b, ',');
    key(b, "message");
    ck_buf_json_str(b, f->message[lang]);
    ck_buf_addc(b, ',');
    key(b, "evidence");
    ck_buf_json_str(b, f->evidence[lang]);
    ck_buf_addc(b, ',');
    struct ck_buf basis;
    ck_buf_init(&basis);
    ck_finding_basis_text(f, &basis);
    key(b, "basis");
    ck_buf_json_str(b, ck_buf_str(&basis));
    ck_buf_fini(&basis);
    ck_buf_addc(b, ',');
    key(b, "exempted");
    if (f->exempted) {
        ck_buf_addc(b, '{');
        key(b, "document");
        ck_buf_json_str(b, f->exempt_document);
        ck_buf_addc(b, ',');
        key(b, "authority");
        ck_buf_json_str(b, f->exempt_authority);
        ck_buf_addc(b, ',');
        key(b, "from");
        ck_buf_json_str(b, f->exempt_from);
        ck_buf_addc(b, ',');
        key(b, "until");
        ck_buf_json_str(b, f->exempt_until);
        ck_buf_addc(b, '}');
    } else {
        ck_buf_adds(b, "false");
    }
    ck_buf_addc(b, ',');
    key(b, "title");
    ck_buf_json_str(b, f->rule->title[lang]);
    ck_buf_addc(b, ',');
    key(b, "item");
    ck_buf_json_str(b, f->item);
    ck_buf_addc(b, ',');
    key(b, "explain");
    ck_buf_json_str(b, f->explain);
    ck_buf_addc(b, ',');
    key(b, "chain");
    ck_buf_json_str(b, f->chain);
    ck_buf_addc(b, ',');
    key(b, "catalogEdition");
    ck_buf_json_str(b, f->catalog_edition);
    ck_buf_addc(b, '}');
}

void ck_report_json(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                    const struct ck_report_opts *o)
{
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_adds(&b, "{\"tool\":{\"name\":\"fundcheck\",\"version\":");
    ck_buf_json_str(&b, CK_VERSION);
    ck_buf_adds(&b, ",\"rulesVersion\":");
    ck_buf_json_str(&b, eng->rules->version);
    ck_buf_adds(&b, ",\"catalogVersion\":");
    ck_buf_json_str(&b, eng->catalog ? ck_catalog_version(eng->catalog) : NULL);
    ck_buf_adds(&b, ",\"lang\":");
    ck_buf_json_str(&b, o->lang == CK_LANG_EN ? "en" : "zh");
    ck_buf_adds(&b, ",\"failOn\":");
    ck_buf_json_str(&b, ck_severity_name(o->fail_on));
    ck_buf_adds(&b, "},\"files\":[");
    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        if (i)
            ck_buf_addc(&b, ',');
        ck_buf_adds(&b, "\n{");
        key(&b, "path");
        ck_buf_json_str(&b, r->path);
        ck_buf_addc(&b, ',');
        key(&b, "filingId");
        ck_buf_json_str(&b, r->filing ? r->filing->filing_id : NULL);
        ck_buf_addc(&b, ',');
        key(&b, "fundUscc");
        ck_buf_json_str(&b, r->filing ? r->filing->fund_uscc : NULL);
        ck_buf_addc(&b, ',');
        key(&b, "status");
        ck_buf_json_str(&b, r->status == 0 ? "checked" : "error");
        ck_buf_addc(&b, ',');
        key(&b, "error");
        if (r->status == 0) {
            ck_buf_adds(&b, "null");
        } else {
            ck_buf_printf(&b, "{\"line\":%ld,\"message\":", r->err_line);
            ck_buf_json_str(&b, r->err_msg);
            ck_buf_adds(&b, ",\"diagnostics\":[");
            for (size_t k = 0; k < r->diags.n; k++) {
                const struct ck_fdiag *x = &r->diags.v[k];
                struct ck_buf m, h;
                ck_buf_init(&m);
                ck_buf_init(&h);
                ck_diag_format(x, o->lang, &m, &h);
                ck_buf_printf(&b, "%s{\"id\":\"%s\",\"line\":%ld,\"column\":%d,\"holding\":", k ? "," : "", x->id,
                              x->line, x->column);
                ck_buf_json_str(&b, x->holding);
                ck_buf_adds(&b, ",\"xpath\":");
                ck_buf_json_str(&b, x->xpath);
                ck_buf_adds(&b, ",\"message\":");
                ck_buf_json_str(&b, ck_buf_str(&m));
                ck_buf_adds(&b, ",\"hint\":");
                ck_buf_json_str(&b, h.len ? ck_buf_str(&h) : NULL);
                ck_buf_addc(&b, '}');
                ck_buf_fini(&m);
                ck_buf_fini(&h);
            }
            ck_buf_adds(&b, "]}");
        }
        ck_buf_addc(&b, ',');
        key(&b, "findings");
        ck_buf_addc(&b, '[');
        for (size_t k = 0; k < r->findings.n; k++) {
            if (k)
                ck_buf_addc(&b, ',');
            ck_buf_adds(&b, "\n ");
            finding_json(&b, &r->findings.v[k], o->lang);
        }
        ck_buf_adds(&b, "]");
        if (r->status == 0)
            ck_metrics_json(&b, &r->metrics);
        if (r->rule_errors) {
            ck_buf_addc(&b, ',');
            key(&b, "ruleErrors");
            ck_buf_json_str(&b, r->rule_errors);
        }
        ck_buf_addc(&b, '}');
        fwrite(b.p, 1, b.len, out); /* one file at a time keeps the buffer small */
        ck_buf_reset(&b);
    }
    ck_buf_adds(&b, "\n]}\n");
    fwrite(b.p, 1, b.len, out);
    ck_buf_fini(&b);
}
