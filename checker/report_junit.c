/* SPDX-License-Identifier: MIT */
/*
 * JUnit XML as CI servers read it (Jenkins, GitLab, GitHub test reporters):
 * <testsuites> with one <testsuite> per filing and one <testcase> per rule
 * of the rule set. A rule with a finding at or above --fail-on that is not
 * exempted is a <failure> (one per finding, in the finding's own words);
 * findings below the fail level and exempted ones are listed in the case's
 * <system-out>, so nothing is hidden yet only the fail level fails the
 * build. A filing that could not be checked is one case with an <error>.
 * No timestamps or durations: the output is deterministic.
 */
#include "report.h"

#include "ck.h"

#include <string.h>

void ck_junit_attr(struct ck_buf *b, const char *name, const char *v)
{
    ck_buf_printf(b, " %s=\"", name);
    ck_report_xml(b, v);
    ck_buf_addc(b, '"');
}

void ck_junit_finding_lines(struct ck_buf *b, const struct ck_finding *f, int lang)
{
    int en = lang == CK_LANG_EN;
    ck_buf_printf(b, "[%s] %s\n", ck_severity_label(f->severity, lang), f->message[lang]);
    ck_buf_printf(b, "%s %ld  %s\n", en ? "line" : "行", f->line, f->xpath ? f->xpath : "");
    if (f->evidence[lang] && *f->evidence[lang])
        ck_buf_printf(b, "%s: %s\n", en ? "evidence" : "证据", f->evidence[lang]);
    if (f->chain)
        ck_buf_printf(b, "%s: %s\n", en ? "chain" : "穿透链", f->chain);
    if (f->exempted)
        ck_buf_printf(b, "%s: %s (%s, %s..%s)\n", en ? "exempted" : "已豁免", f->exempt_document,
                      f->exempt_authority, f->exempt_from, f->exempt_until);
}

void ck_junit_failure(struct ck_buf *b, const struct ck_finding *f, const char *body, int lang)
{
    ck_buf_adds(b, "      <failure");
    ck_junit_attr(b, "type", ck_severity_name(f->severity));
    ck_junit_attr(b, "message", f->message[lang]);
    ck_buf_addc(b, '>');
    ck_report_xml(b, body);
    ck_buf_adds(b, "</failure>\n");
}

void ck_report_junit(FILE *out, const struct ck_engine *eng, const struct ck_result *res, size_t n,
                     const struct ck_report_opts *o)
{
    int lang = o->lang, en = lang == CK_LANG_EN;
    const struct ck_ruleset *rs = eng->rules;
    size_t tests = 0, failures = 0, errors = 0;
    /* totals first: the root element carries them */
    for (size_t i = 0; i < n; i++) {
        if (res[i].status != CK_OK) {
            tests++;
            errors++;
            continue;
        }
        tests += rs->n_rules;
        for (size_t r = 0; r < rs->n_rules; r++)
            for (size_t k = 0; k < res[i].findings.n; k++) {
                const struct ck_finding *f = &res[i].findings.v[k];
                if (f->rule == &rs->rules[r] && !f->exempted && f->severity >= o->fail_on) {
                    failures++;
                    break;
                }
            }
    }
    struct ck_buf b, sysout;
    ck_buf_init(&b);
    ck_buf_init(&sysout);
    ck_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"fundcheck\" tests=\"%zu\""
                      " failures=\"%zu\" errors=\"%zu\">\n",
                  tests, failures, errors);
    for (size_t i = 0; i < n; i++) {
        const struct ck_result *r = &res[i];
        if (r->status != CK_OK) {
            ck_buf_adds(&b, "  <testsuite");
            ck_junit_attr(&b, "name", r->path);
            ck_buf_adds(&b, " tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    <testcase");
            ck_junit_attr(&b, "name", en ? "filing can be read and validated" : "报送文件可读取并通过格式校验");
            ck_junit_attr(&b, "classname", "fundcheck.filing");
            ck_buf_adds(&b, ">\n      <error");
            ck_junit_attr(&b, "type", "filing-error");
            ck_junit_attr(&b, "message", r->err_msg);
            ck_buf_addc(&b, '>');
            ck_report_xml(&b, r->path);
            ck_buf_printf(&b, ":%ld: ", r->err_line);
            ck_report_xml(&b, r->err_msg);
            ck_buf_adds(&b, "</error>\n    </testcase>\n  </testsuite>\n");
        } else {
            size_t fails = 0;
            for (size_t q = 0; q < rs->n_rules; q++)
                for (size_t k = 0; k < r->findings.n; k++) {
                    const struct ck_finding *f = &r->findings.v[k];
                    if (f->rule == &rs->rules[q] && !f->exempted && f->severity >= o->fail_on) {
                        fails++;
                        break;
                    }
                }
            ck_buf_adds(&b, "  <testsuite");
            ck_junit_attr(&b, "name", r->path);
            ck_buf_printf(&b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n", rs->n_rules, fails);
            ck_buf_adds(&b, "    <properties>\n      <property name=\"filingId\"");
            ck_junit_attr(&b, "value", r->filing->filing_id);
            ck_buf_adds(&b, "/>\n      <property name=\"fundUscc\"");
            ck_junit_attr(&b, "value", r->filing->fund_uscc);
            ck_buf_adds(&b, "/>\n      <property name=\"fundName\"");
            ck_junit_attr(&b, "value", r->filing->fund_name);
            ck_buf_adds(&b, "/>\n      <property name=\"rulesVersion\"");
            ck_junit_attr(&b, "value", rs->version);
            ck_buf_adds(&b, "/>\n    </properties>\n");
            for (size_t q = 0; q < rs->n_rules; q++) {
                const struct ck_rule *rule = &rs->rules[q];
                struct ck_buf name;
                ck_buf_init(&name);
                ck_buf_printf(&name, "%s %s", rule->id, rule->title[lang]);
                ck_buf_adds(&b, "    <testcase");
                ck_junit_attr(&b, "name", ck_buf_str(&name));
                ck_buf_fini(&name);
                ck_buf_printf(&b, " classname=\"fundcheck.%s\"", rule->category);
                ck_buf_reset(&sysout);
                int open = 0;
                for (size_t k = 0; k < r->findings.n; k++) {
                    const struct ck_finding *f = &r->findings.v[k];
                    if (f->rule != rule)
                        continue;
                    if (!open)
                        ck_buf_adds(&b, ">\n");
                    open = 1;
                    if (!f->exempted && f->severity >= o->fail_on) {
                        struct ck_buf body;
                        ck_buf_init(&body);
                        ck_junit_finding_lines(&body, f, lang);
                        ck_junit_failure(&b, f, ck_buf_str(&body), lang);
                        ck_buf_fini(&body);
                    } else {
                        ck_junit_finding_lines(&sysout, f, lang);
                    }
                }
                if (sysout.len) {
                    ck_buf_adds(&b, "      <system-out>");
                    ck_report_xml(&b, ck_buf_str(&sysout));
                    ck_buf_adds(&b, "</system-out>\n");
                }
                ck_buf_adds(&b, open ? "    </testcase>\n" : "/>\n");
            }
            ck_buf_adds(&b, "  </testsuite>\n");
        }
        fwrite(b.p, 1, b.len, out);
        ck_buf_reset(&b);
    }
    ck_buf_adds(&b, "</testsuites>\n");
    fwrite(b.p, 1, b.len, out);
    ck_buf_fini(&b);
    ck_buf_fini(&sysout);
}
