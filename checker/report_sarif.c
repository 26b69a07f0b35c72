/* SPDX-License-Identifier: MIT */
/*
 * SARIF 2.1.0 (OASIS), valid against sarif-2.1.0-rtm.5.json: one run; every
 * rule of the rule set in tool.driver.rules (title, explanation, legal basis
 * as help text and in properties); one result per finding with a physical
 * location (file, line) and a logical one (holding or item, XPath); a
 * partialFingerprint hashed from the finding's business key (the database's
 * finding_key), so viewers and baselines match findings across periods;
 * exempted findings carry a suppression whose justification names the
 * exempting document. Files that could not be checked are tool execution
 * notifications (and executionSuccessful is false). With a baseline
 * (ck_report_opts.baseline, `diff`) every result has its baselineState.
 */
#include "report.h"

#include "catalog.h"
#include "plan_limits.h"
#include "ck.h"
#include "sha256.h"

#include <string.h>

static const char *sarif_level(int sev)
{
    return sev == CK_SEV_VIOLATION ? "error" : sev == CK_SEV_WARNING ? "warning" : "note";
}

/* A relative path becomes a relative URI reference, an absolute one a
 * file:// URI; everything outside RFC 3986's unreserved set and '/' is
 * percent-encoded (Chinese file names included). */
static void uri(struct ck_buf *b, const char *path)
{
    struct ck_buf u;
    ck_buf_init(&u);
    if (path[0] == '/')
        ck_buf_adds(&u, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            ck_buf_addc(&u, (char)*p);
        else
            ck_buf_printf(&u, "%%%02X", *p);
    }
    ck_buf_json_str(b, ck_buf_str(&u));
    ck_buf_fini(&u);
}

static void text_obj(struct ck_buf *b, const char *key, const char *text)
{
    ck_buf_printf(b, "\"%s\":{\"text\":", key);
    ck_buf_json_str(b, text && *text ? text : "-");
    ck_buf_addc(b, '}');
}

static void rule_json(struct ck_buf *b, const struct ck_rule *r, int lang)
{
    struct ck_buf basis, help;
    ck_buf_init(&basis);
    ck_buf_init(&help);
    ck_rules_basis_text(r, &basis);
    if (r->explanation[lang])
        ck_buf_printf(&help, "%s\n\n", r->explanation[lang]);
    ck_buf_printf(&help, "%s%s", lang == CK_LANG_EN ? "Legal basis: " : "法律依据：", ck_buf_str(&basis));
    ck_buf_adds(b, "{\"id\":");
    ck_buf_json_str(b, r->id);
    ck_buf_addc(b, ',');
    text_obj(b, "shortDescription", r->title[lang]);
    ck_buf_addc(b, ',');
    text_obj(b, "fullDescription", r->explanation[lang] ? r->explanation[lang] : r->title[lang]);
    ck_buf_addc(b, ',');
    text_obj(b, "help", ck_buf_str(&help));
    ck_buf_printf(b, ",\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{\"category\":",
                  sarif_level(r->severity));
    ck_buf_json_str(b, r->category);
    ck_buf_adds(b, ",\"tags\":[");
    ck_buf_json_str(b, r->category);
    ck_buf_adds(b, "],\"legalBasis\":[");
    for (size_t i = 0; i < r->n_basis; i++) {
        ck_buf_adds(b, i ? ",{\"document\":" : "{\"document\":");
        ck_buf_json_str(b, r->basis[i].document);
        ck_buf_adds(b, ",\"article\":");
        ck_buf_json_str(b, r->basis[i].article);
        ck_buf_adds(b, ",\"text\":");
        ck_buf_json_str(b, r->basis[i].text);
        ck_buf_addc(b, '}');
    }
    ck_buf_adds(b, "]}}");
    ck_buf_fini(&basis);
    ck_buf_fini(&help);
}

/* tool.driver.rules lists the rule set, then the plan-limit pseudo-rules
 * (plan_limits.c); a result's ruleIndex points into that list. */
static size_t rule_index(const struct ck_engine *eng, const struct ck_rule *r)
{
    const struct ck_ruleset *rs = eng->rules;
    if (r >= rs->rules && r < rs->rules + rs->n_rules)
        return (size_t)(r - rs->rules);
    for (int k = 0; k < CK_LIMIT_KIND_COUNT; k++)
        if (ck_limits_rule(k) == r)
            return rs->n_rules + (size_t)k;
    return 0; /* not reached: every finding's rule is one of these */
}

static void prop_str(struct ck_buf *b, const char *key, const char *v)
{
    if (v == NULL || *v == '\0')
        return;
    ck_buf_printf(b, ",\"%s\":", key);
    ck_buf_json_str(b, v);
}

const char *ck_baseline_name(int b)
{
    return b == CK_BASELINE_NEW ? "new" : b == CK_BASELINE_UNCHANGED ? "unchanged" : b == CK_BASELINE_ABSENT ? "absent" : NULL;
}

static void result_json(struct ck_buf *b, const struct ck_engine *eng, const struct ck_result *r,
                        const struct ck_finding *f, int lang, int baseline)
{
    size_t idx = rule_index(eng, f->rule);
    ck_buf_adds(b, "{\"ruleId\":");
    ck_buf_json_str(b, f->rule->id);
    ck_buf_printf(b, ",\"ruleIndex\":%zu,\"level\":\"%s\",", idx, sarif_level(f->severity));
    text_obj(b, "message", f->message[lang]);
    ck_buf_adds(b, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
    uri(b, r->path);
    ck_buf_addc(b, '}');
    if (f->line > 0)
        ck_buf_printf(b, ",\"region\":{\"startLine\":%ld}", f->line);
    ck_buf_adds(b, "},\"logicalLocations\":[{");
    const char *name = f->holding ? f->holding : f->item;
    if (name) {
        ck_buf_adds(b, "\"name\":");
        ck_buf_json_str(b, name);
        ck_buf_addc(b, ',');
    }
    ck_buf_adds(b, "\"fullyQualifiedName\":");
    ck_buf_json_str(b, f->xpath && *f->xpath ? f->xpath : "/filing");
    ck_buf_adds(b, ",\"kind\":\"element\"}]}]");
    struct ck_buf key;
    ck_buf_init(&key);
    ck_report_finding_key(r, f, &key);
    char hex[65];
    ck_sha256_hex(key.p ? key.p : "", key.len, hex);
    ck_buf_printf(b, ",\"partialFingerprints\":{\"fundcheckFindingKey/v1\":\"%.32s\"}", hex);
    if (ck_baseline_name(baseline))
        ck_buf_printf(b, ",\"baselineState\":\"%s\"", ck_baseline_name(baseline));
    if (f->exempted) {
        ck_buf_adds(b, ",\"suppressions\":[{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":");
        struct ck_buf j;
        ck_buf_init(&j);
        ck_buf_printf(&j, "%s（%s，%s..%s）", f->exempt_document ? f->exempt_document : "",
                      f->exempt_authority ? f->exempt_authority : "", f->exempt_from ? f->exempt_from : "",
                      f->exempt_until ? f->exempt_until : "");
        ck_buf_json_str(b, ck_buf_str(&j));
        ck_buf_fini(&j);
        ck_buf_adds(b, "}]");
    }
    ck_buf_adds(b, ",\"properties\":{\"category\":");
    ck_buf_json_str(b, f->rule->category);
    ck_buf_adds(b, ",\"severity\":");
    ck_buf_json_str(b, ck_severity_name(f->severity));
    ck_buf_adds(b, ",\"title\":");
    ck_buf_json_str(b, f->rule->title[lang]);
    prop_str(b, "filingId", r->filing ? r->filing->filing_id : NULL);
    prop_str(b, "fundUscc", r->filing ? r->filing->fund_uscc : NULL);
    prop_str(b, "holding", f->holding);
    prop_str(b, "item", f->item);
    prop_str(b, "evidence", f->evidence[lang]);
    prop_str(b, "explain", f->explain);
    prop_str(b, "chain", f->chain);
    prop_str(b, "catalogEdition", f->catalog_edition);
    ck_buf_adds(b, "}}");
    ck_buf_fini(&key);
}

void ck_report_sarif(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                     const struct ck_report_opts *o)
{
    int lang = o->lang;
    struct ck_buf b;
    ck_buf_init(&b);
    ck_buf_adds(&b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                    "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"fundcheck\",\"version\":");
    ck_buf_json_str(&b, CK_VERSION);
    ck_buf_adds(&b, ",\"semanticVersion\":");
    ck_buf_json_str(&b, CK_VERSION);
    ck_buf_printf(&b, ",\"language\":\"%s\",\"properties\":{\"rulesVersion\":", lang == CK_LANG_EN ? "en" : "zh-CN");
    ck_buf_json_str(&b, eng->rules->version);
    ck_buf_adds(&b, ",\"catalogVersion\":");
    ck_buf_json_str(&b, eng->catalog ? ck_catalog_version(eng->catalog) : NULL);
    ck_buf_adds(&b, "},\"rules\":[");
    for (size_t i = 0; i < eng->rules->n_rules; i++) {
        ck_buf_adds(&b, i ? ",\n" : "\n");
        rule_json(&b, &eng->rules->rules[i], lang);
    }
    for (int k = 0; k < CK_LIMIT_KIND_COUNT; k++) {
        ck_buf_adds(&b, eng->rules->n_rules || k ? ",\n" : "\n");
        rule_json(&b, ck_limits_rule(k), lang);
    }
    ck_buf_adds(&b, "]}},\n\"invocations\":[{\"executionSuccessful\":");
    struct ck_report_counts c;
    ck_report_count(res, n, &c);
    ck_buf_adds(&b, c.errors ? "false" : "true");
    ck_buf_adds(&b, ",\"toolExecutionNotifications\":[");
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (res[i].status == CK_OK)
            continue;
        ck_buf_adds(&b, first ? "\n{\"level\":\"error\"," : ",\n{\"level\":\"error\",");
        first = 0;
        text_obj(&b, "message", res[i].err_msg);
        ck_buf_adds(&b, ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
        uri(&b, res[i].path);
        ck_buf_addc(&b, '}');
        if (res[i].err_line > 0)
            ck_buf_printf(&b, ",\"region\":{\"startLine\":%ld}", res[i].err_line);
        ck_buf_adds(&b, "}}]}");
    }
    ck_buf_adds(&b, "]}],\n\"columnKind\":\"unicodeCodePoints\",\"results\":[");
    fwrite(b.p, 1, b.len, out);
    ck_buf_reset(&b);
    first = 1;
    size_t seq = 0; /* the finding's place in report order: its baseline entry */
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < res[i].findings.n; k++, seq++) {
            ck_buf_adds(&b, first ? "\n" : ",\n");
            first = 0;
            result_json(&b, eng, &res[i], &res[i].findings.v[k], lang, o->baseline ? o->baseline[seq] : CK_BASELINE_NONE);
        }
        fwrite(b.p, 1, b.len, out); /* one file at a time keeps the buffer small */
        ck_buf_reset(&b);
    }
    ck_buf_adds(&b, "\n]}]}\n");
    fwrite(b.p, 1, b.len, out);
    ck_buf_fini(&b);
}
