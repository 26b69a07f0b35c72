/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck diff --format sarif|junit` and `--output FORMAT=PATH`
 * (diff_formats.h). The rows of the diff become check results again — one
 * ck_result per filing, one ck_finding per finding, each pointing at its
 * rule in the loaded rule set — so SARIF is written by report_sarif.c with
 * exactly check's rule metadata, locations and fingerprints, plus the
 * baselineState of each result. JUnit is written here: a diff has no rule
 * per filing to pass, so each finding listed is one test case.
 */
#include "diff_formats.h"

#include "ck.h"
#include "cli.h"
#include "engine.h"
#include "filing.h"
#include "mem.h"
#include "plan_limits.h"
#include "report.h"
#include "rules.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns of one side; the order is the one ck_diff_sides_sql documents. */
#define SIDE_COLS(F, FI, KEY)                                                                                   \
    F "filing_pk, " F "path, " F "filing_id, " F "fund_uscc, " F "fund_name, " F "period_end, " FI "rule_id, " \
    FI "category, " FI "severity, coalesce(" FI "item, '') AS item, coalesce(" FI "chain, '') AS chain, " KEY  \
    " AS finding_key, " FI "message_zh, " FI "message_en, " FI "holding_id, " FI "line, " FI "xpath, "          \
    FI "evidence_zh, " FI "evidence_en"

void ck_diff_sides_sql(struct ck_buf *sql, int runs)
{
    if (runs) {
#define RUN_SIDE(P)                                                                                                 \
    "SELECT " SIDE_COLS("f.", "fi.",                                                                                \
                        "f.fund_uscc || '|' || f.period_end || '|' || fi.rule_id || '|' || coalesce(fi.item, '')" \
                        " || '|' || coalesce(fi.chain, '')")                                                        \
    " FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk"                                             \
    " JOIN findings fi ON fi.filing_pk = rf.filing_pk WHERE fi.exempted = 0 AND rf.run_id = " P
        ck_buf_adds(sql, "WITH a AS (" RUN_SIDE("?1") "), b AS (" RUN_SIDE("?2") ")");
#undef RUN_SIDE
    } else {
#define PERIOD_SIDE(P)                                                                                              \
    "SELECT " SIDE_COLS("", "", "fund_uscc || '|' || rule_id || '|' || coalesce(item, '') || '|' || coalesce(chain, '')") \
    " FROM v_findings WHERE exempted = 0 AND period_end = " P " AND fund_uscc IN both_periods"
        ck_buf_adds(sql, "WITH both_periods AS (SELECT fund_uscc FROM v_current_filings WHERE period_end = ?1"
                         " INTERSECT SELECT fund_uscc FROM v_current_filings WHERE period_end = ?2),"
                         " a AS (" PERIOD_SIDE("?1") "), b AS (" PERIOD_SIDE("?2") ")");
#undef PERIOD_SIDE
    }
}

int ck_diff_format_parse(const char *name)
{
    return strcmp(name, "sarif") == 0 ? CK_FMT_SARIF : strcmp(name, "junit") == 0 ? CK_FMT_JUNIT : -1;
}

int ck_diff_add_output(struct ck_diff_outputs *o, const char *arg, int lang)
{
    const char *eq = strchr(arg, '=');
    char name[8];
    int fmt = -1;
    if (eq && (size_t)(eq - arg) < sizeof name) {
        memcpy(name, arg, (size_t)(eq - arg));
        name[eq - arg] = '\0';
        fmt = ck_diff_format_parse(name);
    }
    if (fmt < 0 || eq[1] == '\0') {
        fprintf(stderr, lang == CK_LANG_EN ? "fundcheck diff: --output takes sarif=PATH or junit=PATH, not '%s'\n"
                                           : "fundcheck diff：--output 须为 sarif=路径 或 junit=路径，而不是“%s”\n",
                arg);
        return -1;
    }
    if (o->n == CK_DIFF_MAX_OUTPUTS) {
        fprintf(stderr, lang == CK_LANG_EN ? "fundcheck diff: at most %d --output\n" : "fundcheck diff：--output 最多 %d 个\n",
                CK_DIFF_MAX_OUTPUTS);
        return -1;
    }
    o->fmt[o->n] = fmt;
    o->path[o->n++] = eq + 1;
    return 0;
}

/* The diff as results: res[] by path, findings in row order, and per finding
 * (in report order) its baseline state. */
struct diff_set {
    struct ck_result *res;
    size_t n, cap;
    unsigned char *state; /* enum ck_baseline, one per finding */
    size_t n_state, cap_state;
    size_t failing; /* new findings at or above fail_on (all kinds counted, listed or not) */
    size_t unknown; /* rows whose rule the rule set does not have (left out) */
};

static void set_fini(struct diff_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        ck_result_fini(&s->res[i]);
    free(s->res);
    free(s->state);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t && *t ? ck_strdup((const char *)t) : NULL;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? (const char *)t : "";
}

enum { C_KIND, C_PATH, C_FILING_ID, C_USCC, C_FUND_NAME, C_RULE, C_SEV, C_HOLDING, C_ITEM, C_CHAIN, C_LINE,
       C_XPATH, C_MSG_ZH, C_MSG_EN, C_EV_ZH, C_EV_EN };

/* Reads the diff into s. CK_EXIT_CLEAN or CK_EXIT_SYSTEM (said). */
static int load(const struct ck_diff_req *q, const struct ck_engine *eng, struct diff_set *s)
{
    struct ck_buf sql;
    ck_buf_init(&sql);
    ck_diff_sides_sql(&sql, q->runs);
    /* grouped as dbreport.c's DISTINCT rows, so the counts agree; the bare
     * columns come from the row of the first filing (SQLite's min() rule) */
    ck_buf_adds(&sql, " SELECT k, path, filing_id, fund_uscc, fund_name, rule_id, severity, holding_id, item, chain,"
                      " line, xpath, message_zh, message_en, evidence_zh, evidence_en, min(filing_pk) FROM ("
                      "SELECT 'new' AS k, * FROM b WHERE finding_key NOT IN (SELECT finding_key FROM a)"
                      " UNION ALL SELECT 'resolved', * FROM a WHERE finding_key NOT IN (SELECT finding_key FROM b)"
                      " UNION ALL SELECT 'unchanged', * FROM b WHERE finding_key IN (SELECT finding_key FROM a))"
                      " GROUP BY k, fund_uscc, fund_name, period_end, rule_id, category, severity, item, chain, ");
    ck_buf_adds(&sql, q->lang == CK_LANG_EN ? "message_en" : "message_zh");
    ck_buf_adds(&sql, " ORDER BY path, k, line, rule_id, item, chain");
    sqlite3_stmt *st = NULL;
    int rc = CK_EXIT_CLEAN, r;
    if (sqlite3_prepare_v2(q->db, ck_buf_str(&sql), -1, &st, NULL) != SQLITE_OK) {
        ck_buf_fini(&sql);
        fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(q->db));
        return CK_EXIT_SYSTEM;
    }
    ck_buf_fini(&sql);
    if (q->runs) {
        sqlite3_bind_int64(st, 1, strtoll(q->va, NULL, 10));
        sqlite3_bind_int64(st, 2, strtoll(q->vb, NULL, 10));
    } else {
        sqlite3_bind_text(st, 1, q->va, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, q->vb, -1, SQLITE_STATIC);
    }
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = col(st, C_KIND);
        int state = strcmp(k, "new") == 0 ? CK_BASELINE_NEW : strcmp(k, "resolved") == 0 ? CK_BASELINE_ABSENT
                                                                                            : CK_BASELINE_UNCHANGED;
        int sev = ck_severity_parse(col(st, C_SEV));
        if (state == CK_BASELINE_NEW && q->fail_on >= 0 && sev >= q->fail_on)
            s->failing++;
        int bit = state == CK_BASELINE_NEW ? 1 : state == CK_BASELINE_ABSENT ? 2 : 4;
        if (!(q->only & bit))
            continue;
        const struct ck_rule *rule = ck_rules_find(eng->rules, col(st, C_RULE));
        if (rule == NULL)
            rule = ck_limits_rule_find(col(st, C_RULE));
        if (rule == NULL || sev < 0) {
            s->unknown++;
            continue;
        }
        if (s->n == 0 || strcmp(s->res[s->n - 1].path, col(st, C_PATH)) != 0) {
            if (s->n == s->cap) {
                s->cap = s->cap ? 2 * s->cap : 16;
                s->res = ck_reallocarray(s->res, s->cap, sizeof *s->res);
            }
            struct ck_result *res = &s->res[s->n++];
            memset(res, 0, sizeof *res);
            res->path = ck_strdup(col(st, C_PATH));
            res->status = CK_OK;
            res->filing = ck_calloc(1, sizeof *res->filing);
            res->filing->filing_id = ck_strdup(col(st, C_FILING_ID));
            res->filing->fund_uscc = ck_strdup(col(st, C_USCC));
            res->filing->fund_name = ck_strdup(col(st, C_FUND_NAME));
            ck_findings_init(&res->findings);
        }
        struct ck_finding *f = ck_findings_add(&s->res[s->n - 1].findings);
        if (f == NULL) /* the per-filing cap: counted as dropped, as in check */
            continue;
        f->rule = rule;
        f->severity = sev;
        f->holding = col_dup(st, C_HOLDING);
        f->item = col_dup(st, C_ITEM);
        f->chain = col_dup(st, C_CHAIN);
        f->line = (long)sqlite3_column_int64(st, C_LINE);
        f->xpath = col_dup(st, C_XPATH);
        f->message[CK_LANG_ZH] = col_dup(st, C_MSG_ZH);
        f->message[CK_LANG_EN] = col_dup(st, C_MSG_EN);
        f->evidence[CK_LANG_ZH] = col_dup(st, C_EV_ZH);
        f->evidence[CK_LANG_EN] = col_dup(st, C_EV_EN);
        if (s->n_state == s->cap_state) {
            s->cap_state = s->cap_state ? 2 * s->cap_state : 64;
            s->state = ck_reallocarray(s->state, s->cap_state, 1);
        }
        s->state[s->n_state++] = (unsigned char)state;
    }
    if (r != SQLITE_DONE) {
        fprintf(stderr, "fundcheck: %s\n", sqlite3_errmsg(q->db));
        rc = CK_EXIT_SYSTEM;
    }
    sqlite3_finalize(st);
    return rc;
}

/* JUnit: one suite per change listed (new, resolved, unchanged), one case per
 * finding; a new finding at or above the fail level is a failure. */
static void write_junit(FILE *out, const struct ck_diff_req *q, const struct diff_set *s, int level)
{
    static const struct {
        int state, bit;
        const char *name, *zh;
    } kinds[] = {{CK_BASELINE_NEW, 1, "new", "新增"},
                 {CK_BASELINE_ABSENT, 2, "resolved", "已解决"},
                 {CK_BASELINE_UNCHANGED, 4, "unchanged", "未变"}};
    int lang = q->lang, en = lang == CK_LANG_EN;
    size_t tests = 0, failures = 0;
    for (size_t i = 0, seq = 0; i < s->n; i++)
        for (size_t k = 0; k < s->res[i].findings.n; k++, seq++) {
            tests++;
            failures += s->state[seq] == CK_BASELINE_NEW && s->res[i].findings.v[k].severity >= level;
        }
    struct ck_buf b, name, body;
    ck_buf_init(&b);
    ck_buf_init(&name);
    ck_buf_init(&body);
    ck_buf_printf(&name, "fundcheck diff %s %s", q->a, q->b);
    ck_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    ck_junit_attr(&b, "name", ck_buf_str(&name));
    ck_buf_printf(&b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", tests, failures);
    for (size_t t = 0; t < CK_ARRAY_LEN(kinds); t++) {
        if (!(q->only & kinds[t].bit))
            continue;
        size_t n = 0, fails = 0;
        for (size_t i = 0, seq = 0; i < s->n; i++)
            for (size_t k = 0; k < s->res[i].findings.n; k++, seq++)
                if (s->state[seq] == kinds[t].state) {
                    n++;
                    fails += kinds[t].state == CK_BASELINE_NEW && s->res[i].findings.v[k].severity >= level;
                }
        ck_buf_reset(&name);
        ck_buf_printf(&name, "%s %s", kinds[t].name, en ? "" : kinds[t].zh);
        ck_buf_adds(&b, "  <testsuite");
        ck_junit_attr(&b, "name", ck_buf_str(&name));
        ck_buf_printf(&b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n    <properties>\n", n, fails);
        ck_buf_adds(&b, "      <property name=\"a\"");
        ck_junit_attr(&b, "value", q->a);
        ck_buf_adds(&b, "/>\n      <property name=\"b\"");
        ck_junit_attr(&b, "value", q->b);
        ck_buf_printf(&b, "/>\n      <property name=\"mode\" value=\"%s\"/>\n      <property name=\"failOn\" value=\"%s\"/>\n"
                          "    </properties>\n",
                      q->runs ? "runs" : "periods", ck_severity_name(level));
        for (size_t i = 0, seq = 0; i < s->n; i++) {
            const struct ck_result *r = &s->res[i];
            for (size_t k = 0; k < r->findings.n; k++, seq++) {
                const struct ck_finding *f = &r->findings.v[k];
                if (s->state[seq] != kinds[t].state)
                    continue;
                ck_buf_reset(&name);
                ck_buf_printf(&name, "%s %s: %s %s", f->rule->id, f->rule->title[lang], r->filing->fund_name,
                              f->holding ? f->holding : f->item ? f->item : "");
                ck_buf_adds(&b, "    <testcase");
                ck_junit_attr(&b, "name", ck_buf_str(&name));
                ck_buf_printf(&b, " classname=\"fundcheck.%s\">\n", f->rule->category);
                ck_buf_reset(&body);
                ck_buf_printf(&body, "%s: %s\n", en ? "file" : "文件", r->path);
                ck_junit_finding_lines(&body, f, lang);
                if (kinds[t].state == CK_BASELINE_NEW && f->severity >= level) {
                    ck_junit_failure(&b, f, ck_buf_str(&body), lang);
                } else {
                    ck_buf_adds(&b, "      <system-out>");
                    ck_report_xml(&b, ck_buf_str(&body));
                    ck_buf_adds(&b, "</system-out>\n");
                }
                ck_buf_adds(&b, "    </testcase>\n");
            }
            fwrite(b.p, 1, b.len, out);
            ck_buf_reset(&b);
        }
        ck_buf_adds(&b, "  </testsuite>\n");
    }
    ck_buf_adds(&b, "</testsuites>\n");
    fwrite(b.p, 1, b.len, out);
    ck_buf_fini(&b);
    ck_buf_fini(&name);
    ck_buf_fini(&body);
}

static void write_one(FILE *out, int fmt, const struct ck_diff_req *q, const struct ck_engine *eng,
                      const struct diff_set *s, int level)
{
    if (fmt == CK_FMT_JUNIT) {
        write_junit(out, q, s, level);
        return;
    }
    struct ck_report_opts ro = {q->lang, level, CK_SEV_NOTICE, 0, s->state};
    ck_report_sarif(out, eng, s->res, s->n, &ro);
}

int ck_diff_reports(const struct ck_diff_req *q, int stdout_fmt, const struct ck_diff_outputs *o)
{
    int en = q->lang == CK_LANG_EN;
    struct ck_common_opts co = {NULL, NULL, q->lang};
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    struct diff_set s;
    memset(&s, 0, sizeof s);
    int rc = load(q, eng, &s);
    /* JUnit's fail level: --fail-on, else check's default (violation) */
    int level = q->fail_on >= 0 ? q->fail_on : CK_SEV_VIOLATION;
    if (rc == CK_EXIT_CLEAN && s.unknown)
        fprintf(stderr,
                en ? "fundcheck diff: %zu findings of rules that are not in the rule set are left out of the report\n"
                   : "fundcheck diff：%zu 项发现所属的规则不在当前规则集中，未写入报告\n",
                s.unknown);
    if (rc == CK_EXIT_CLEAN && stdout_fmt >= 0)
        write_one(stdout, stdout_fmt, q, eng, &s, level);
    for (int i = 0; rc == CK_EXIT_CLEAN && i < o->n; i++) {
        FILE *fp = strcmp(o->path[i], "-") == 0 ? stdout : fopen(o->path[i], "wb");
        if (fp == NULL) {
            fprintf(stderr, en ? "fundcheck diff: %s: cannot write: %s\n" : "fundcheck diff：%s：无法写入：%s\n",
                    o->path[i], strerror(errno));
            rc = CK_EXIT_SYSTEM;
            break;
        }
        write_one(fp, o->fmt[i], q, eng, &s, level);
        if (fp != stdout && (ferror(fp) | (fclose(fp) != 0))) {
            fprintf(stderr, en ? "fundcheck diff: %s: write error\n" : "fundcheck diff：%s：写入出错\n", o->path[i]);
            rc = CK_EXIT_SYSTEM;
        }
    }
    if (rc == CK_EXIT_CLEAN && s.failing)
        rc = CK_EXIT_FINDINGS;
    set_fini(&s);
    ck_engine_free(eng);
    return rc;
}
