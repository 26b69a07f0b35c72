/* SPDX-License-Identifier: MIT */
/*
 * Commands: check, validate, rules list|show|test|corpus|doc, and dispatch
 * to the commands other modules provide. Diagnostics go to stderr in one
 * format: "fundcheck: FILE:LINE: message".
 */
#include "cli.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "dbreport.h"
#include "engine.h"
#include "example.h"
#include "lookthrough.h"
#include "mem.h"
#include "report.h"
#include "scan.h"

#include <getopt.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ck_cli_parse_lang(const char *s)
{
    if (strcmp(s, "zh") == 0)
        return CK_LANG_ZH;
    if (strcmp(s, "en") == 0)
        return CK_LANG_EN;
    return -1;
}

struct ck_engine *ck_cli_open_engine(const struct ck_common_opts *o)
{
    struct ck_engine_opts eo = {o->rules_dir, o->catalog_dir, o->lang, 0};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (ck_engine_open(&eo, &eng, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: cannot load the rule set or catalogue:\n%s", err ? err : "");
        free(err);
        return NULL;
    }
    return eng;
}

enum { OPT_RULES = 1000, OPT_CATALOG_DIR, OPT_LANG, OPT_FORMAT, OPT_FAIL_ON, OPT_MIN, OPT_HELP, OPT_PROFILE };

static const char check_help[] =
    "usage: fundcheck check [--format text|json] [--lang zh|en] [--fail-on SEVERITY]\n"
    "                       [--rules DIR] [--catalog-dir DIR] FILE...\n"
    "\n"
    "Checks each filing against the rule set and the industry catalogue and reports every\n"
    "finding: what, where (file, line, XPath, holding), why (rule and legal basis) and the\n"
    "evidence. Files given together are one batch: fund-of-funds holdings are looked through\n"
    "to the sub-funds' filings in the batch.\n"
    "\n"
    "  --format text|json   report format (default text; JSON follows the output contract)\n"
    "  --lang zh|en         language of messages (default zh)\n"
    "  --fail-on SEVERITY   violation (default), warning or notice: exit 1 when a finding that\n"
    "                       is not exempted is at or above it\n"
    "  --rules DIR          rule directory (default: the installed rules)\n"
    "  --catalog-dir DIR    user catalogue directory (imported editions, provincial lists)\n"
    "  --profile            print the time spent in each rule to stderr\n"
    "\n"
    "exit: 0 clean, 1 findings, 2 a file could not be checked, 3 bad invocation or rule set,\n"
    "4 system error.\n";

static int cmd_check(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"rules", required_argument, NULL, OPT_RULES},
        {"catalog-dir", required_argument, NULL, OPT_CATALOG_DIR},
        {"profile", no_argument, NULL, OPT_PROFILE},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    int json = 0, fail_on = CK_SEV_VIOLATION, profile = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if (strcmp(optarg, "json") == 0)
                json = 1;
            else if (strcmp(optarg, "text") == 0)
                json = 0;
            else {
                fprintf(stderr, "fundcheck check: unknown format '%s' (text or json)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case OPT_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck check: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case OPT_FAIL_ON:
            if ((fail_on = ck_severity_parse(optarg)) < 0) {
                fprintf(stderr, "fundcheck check: unknown severity '%s' (violation, warning, notice)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case OPT_RULES: co.rules_dir = optarg; break;
        case OPT_CATALOG_DIR: co.catalog_dir = optarg; break;
        case OPT_PROFILE: profile = 1; break;
        case OPT_HELP: fputs(check_help, stdout); return CK_EXIT_CLEAN;
        default: fputs(check_help, stderr); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "fundcheck check: no files given\n%s", check_help);
        return CK_EXIT_USAGE;
    }
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    eng->want_hash = 0;
    size_t n = (size_t)(argc - optind);
    struct ck_result *res = ck_calloc(n, sizeof *res);
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
    if (profile)
        ck_eval_profile_enable(ev);
    for (size_t i = 0; i < n; i++)
        ck_check_path(eng, ev, argv[optind + (int)i], &res[i]);
    if (profile)
        ck_eval_profile_print(ev, stderr);
    ck_lookthrough_results(eng, ev, res, n);
    int rc = CK_EXIT_CLEAN;
    for (size_t i = 0; i < n; i++) {
        if (res[i].status != CK_OK) {
            fprintf(stderr, "fundcheck: %s:%ld: %s\n", res[i].path, res[i].err_line, res[i].err_msg);
            int file_rc = (res[i].status == CK_ENOMEM) ? CK_EXIT_SYSTEM : CK_EXIT_FILE_ERROR;
            if (file_rc > rc)
                rc = file_rc;
            continue;
        }
        if (res[i].rule_errors)
            fprintf(stderr, "fundcheck: %s: %s", res[i].path, res[i].rule_errors);
        if (ck_findings_count_at_least(&res[i].findings, fail_on) > 0 && rc < CK_EXIT_FINDINGS)
            rc = CK_EXIT_FINDINGS;
    }
    unsigned long limit_hits = ck_eval_regex_limit_hits(ev);
    if (limit_hits)
        fprintf(stderr, "fundcheck: warning: %lu regular-expression match(es) stopped at the match limit\n",
                limit_hits);
    struct ck_report_opts ro = {co.lang, fail_on};
    if (json)
        ck_report_json(stdout, eng, res, n, &ro);
    else
        ck_report_text(stdout, eng, res, n, &ro);
    for (size_t i = 0; i < n; i++)
        ck_result_fini(&res[i]);
    free(res);
    ck_eval_free(ev);
    ck_engine_free(eng);
    return rc;
}

static const char validate_help[] =
    "usage: fundcheck validate FILE...\n"
    "\n"
    "Checks that each file is a well-formed, schema-valid urn:gif:filing:1 filing (no rules\n"
    "are run). Prints FILE: ok, or FILE:LINE: reason. Exit 0 when all are valid, 2 otherwise.\n";

static int cmd_validate(int argc, char **argv)
{
    if (argc < 2) {
        fputs(validate_help, stderr);
        return CK_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0) {
        fputs(validate_help, stdout);
        return CK_EXIT_CLEAN;
    }
    struct ck_engine_opts eo = {NULL, NULL, CK_LANG_ZH, 1};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (ck_engine_open(&eo, &eng, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: %s", err ? err : "cannot load the schema\n");
        free(err);
        return CK_EXIT_USAGE;
    }
    int rc = CK_EXIT_CLEAN;
    for (int i = 1; i < argc; i++) {
        struct ck_filing *f = NULL;
        long line = 0;
        char *msg = NULL;
        int st = ck_filing_load(argv[i], eng->schema, &f, &line, &msg);
        if (st == CK_OK) {
            printf("%s: ok\n", argv[i]);
        } else {
            printf("%s:%ld: %s\n", argv[i], line, msg);
            rc = CK_EXIT_FILE_ERROR;
        }
        free(msg);
        ck_filing_free(f);
    }
    ck_engine_free(eng);
    return rc;
}

/* ---- rules ---- */

static const char rules_help[] =
    "usage: fundcheck rules list [--lang zh|en] [--rules DIR]\n"
    "       fundcheck rules show ID [--lang zh|en]\n"
    "       fundcheck rules test [--rules DIR]          run every rule's examples\n"
    "       fundcheck rules corpus [--min R] FILE...    precision/recall on a labelled corpus\n"
    "       fundcheck rules doc                         docs/rules.md (Markdown) on stdout\n";

static int rules_test(struct ck_engine *eng)
{
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, eng->lang);
    int passed = 0, failed = 0;
    for (size_t i = 0; i < eng->rules->n_rules; i++) {
        const struct ck_rule *r = &eng->rules->rules[i];
        for (size_t k = 0; k < r->n_examples; k++) {
            const struct ck_example *ex = &r->examples[k];
            xmlDocPtr doc = ck_example_build(eng->skeleton, ex->node);
            struct ck_result res;
            char where[64];
            snprintf(where, sizeof where, "example:%ld", ex->line);
            ck_check_doc(eng, ev, where, doc, r, &res);
            size_t fired = 0;
            for (size_t j = 0; j < res.findings.n; j++)
                if (res.findings.v[j].rule == r && !res.findings.v[j].exempted)
                    fired++;
            const char *problem = NULL;
            if (res.status != CK_OK)
                problem = "example is not a valid filing";
            else if (res.rule_errors)
                problem = "XPath error";
            else if (ex->must_fire && fired == 0)
                problem = "trigger example did not fire";
            else if (!ex->must_fire && fired > 0)
                problem = "pass example fired";
            if (problem) {
                failed++;
                printf("FAIL %s %s:%ld: %s%s%s%s%s\n", r->id, r->file, ex->line, problem,
                       *ex->name ? " (" : "", ex->name, *ex->name ? ")" : "",
                       res.err_msg || res.rule_errors ? "" : "");
                if (res.err_msg)
                    printf("     line %ld: %s\n", res.err_line, res.err_msg);
                if (res.rule_errors)
                    printf("     %s", res.rule_errors);
            } else {
                passed++;
            }
            ck_result_fini(&res);
        }
    }
    ck_eval_free(ev);
    printf("rules: %d passed, %d failed\n", passed, failed);
    return failed ? CK_EXIT_FINDINGS : CK_EXIT_CLEAN;
}

static int has_category(const char *list, const char *cat)
{
    size_t n = strlen(cat);
    for (const char *p = list; (p = strstr(p, cat)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    return 0;
}

static int rules_corpus(struct ck_engine *eng, int argc, char **argv, double min)
{
    enum { NCAT = 16 };
    size_t tp[NCAT] = {0}, fp[NCAT] = {0}, fn[NCAT] = {0}, cases_with[NCAT] = {0};
    size_t n_cat = 0;
    while (ck_categories[n_cat])
        n_cat++;
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, eng->lang);
    int rc = CK_EXIT_CLEAN;
    size_t n_cases = 0, n_bad = 0;
    for (int a = 0; a < argc; a++) {
        xmlDocPtr corpus = xmlReadFile(argv[a], NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
        xmlNodePtr root = corpus ? xmlDocGetRootElement(corpus) : NULL;
        if (root == NULL || root->ns == NULL || strcmp((const char *)root->ns->href, CK_NS_CORPUS) != 0) {
            fprintf(stderr, "fundcheck: %s: not a urn:fundcheck:corpus:1 corpus\n", argv[a]);
            xmlFreeDoc(corpus);
            rc = CK_EXIT_USAGE;
            continue;
        }
        for (xmlNodePtr c = root->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "case") != 0)
                continue;
            n_cases++;
            xmlChar *id = xmlGetProp(c, (const xmlChar *)"id");
            xmlChar *expect = xmlGetProp(c, (const xmlChar *)"expect");
            xmlChar *maxsev = xmlGetProp(c, (const xmlChar *)"max-severity");
            xmlChar *minsev = xmlGetProp(c, (const xmlChar *)"min-severity");
            int min_sev = minsev ? ck_severity_parse((const char *)minsev) : CK_SEV_WARNING;
            int too_mild = 0;
            const char *exp = expect ? (const char *)expect : "";
            int max_sev = maxsev ? ck_severity_parse((const char *)maxsev) : CK_SEV_VIOLATION;
            xmlDocPtr doc = ck_example_build(eng->skeleton, c);
            struct ck_result res;
            ck_check_doc(eng, ev, argv[a], doc, NULL, &res);
            if (res.status != CK_OK) {
                printf("INVALID %s (%s:%ld): %s\n", id ? (const char *)id : "?", argv[a],
                       xmlGetLineNo(c), res.err_msg);
                n_bad++;
            }
            struct ck_buf fired;
            ck_buf_init(&fired);
            int too_severe = 0;
            for (size_t k = 0; k < n_cat; k++) {
                int hit = 0, top = -1;
                for (size_t j = 0; j < res.findings.n; j++) {
                    const struct ck_finding *f = &res.findings.v[j];
                    if (f->exempted || f->severity < CK_SEV_WARNING ||
                        strcmp(f->rule->category, ck_categories[k]) != 0)
                        continue;
                    hit = 1;
                    if ((int)f->severity > top)
                        top = (int)f->severity;
                    if (f->severity > max_sev)
                        too_severe = 1;
                    if (!has_category(fired.p ? fired.p : "", f->rule->id)) {
                        ck_buf_printf(&fired, "%s%s", fired.len ? " " : "", f->rule->id);
                    }
                }
                int want = has_category(exp, ck_categories[k]);
                if (want && hit && top < min_sev)
                    too_mild = 1;
                if (want)
                    cases_with[k]++;
                if (want && hit)
                    tp[k]++;
                else if (want && !hit)
                    fn[k]++;
                else if (!want && hit)
                    fp[k]++;
                if (want != hit)
                    printf("%s %s (%s:%ld): expected [%s], fired [%s]\n", want ? "MISS" : "FALSE",
                           id ? (const char *)id : "?", argv[a], xmlGetLineNo(c), exp,
                           ck_buf_str(&fired));
            }
            if (too_severe)
                printf("SEVERITY %s (%s:%ld): fired above max-severity %s\n", id ? (const char *)id : "?",
                       argv[a], xmlGetLineNo(c), maxsev ? (const char *)maxsev : "");
            if (too_severe)
                n_bad++;
            if (too_mild) {
                printf("SEVERITY %s (%s:%ld): fired below min-severity %s\n", id ? (const char *)id : "?",
                       argv[a], xmlGetLineNo(c), minsev ? (const char *)minsev : "");
                n_bad++;
            }
            xmlFree(minsev);
            ck_buf_fini(&fired);
            ck_result_fini(&res);
            xmlFree(id);
            xmlFree(expect);
            xmlFree(maxsev);
        }
        xmlFreeDoc(corpus);
    }
    ck_eval_free(ev);
    printf("\n%-20s %6s %6s %6s %6s %9s %9s\n", "category", "cases", "TP", "FP", "FN", "precision", "recall");
    int ok = 0, bad = 0;
    for (size_t k = 0; k < n_cat; k++) {
        if (cases_with[k] == 0 && fp[k] == 0)
            continue;
        double p = tp[k] + fp[k] ? (double)tp[k] / (double)(tp[k] + fp[k]) : 1.0;
        double r = tp[k] + fn[k] ? (double)tp[k] / (double)(tp[k] + fn[k]) : 1.0;
        int good = p >= min && r >= min;
        good ? ok++ : bad++;
        printf("%-20s %6zu %6zu %6zu %6zu %9.3f %9.3f%s\n", ck_categories[k], cases_with[k], tp[k],
               fp[k], fn[k], p, r, good ? "" : "  BELOW THRESHOLD");
    }
    printf("%zu cases, %zu invalid or too severe\n", n_cases, n_bad);
    printf("corpus: %d passed, %d failed\n", ok, bad + (int)n_bad);
    if (rc == CK_EXIT_CLEAN && (bad || n_bad))
        rc = CK_EXIT_FINDINGS;
    return rc;
}

static void print_basis(const struct ck_rule *r, FILE *out)
{
    for (size_t i = 0; i < r->n_basis; i++)
        fprintf(out, "  《%s》%s：「%s」\n", r->basis[i].document, r->basis[i].article, r->basis[i].text);
}

static int rules_show(struct ck_engine *eng, const char *id, int lang)
{
    const struct ck_rule *r = ck_rules_find(eng->rules, id);
    if (r == NULL) {
        fprintf(stderr, "fundcheck rules show: no rule '%s'\n", id);
        return CK_EXIT_USAGE;
    }
    int en = lang == CK_LANG_EN;
    printf("%s  %s  %s  %s\n", r->id, r->category, ck_severity_name(r->severity), r->title[lang]);
    printf("%s: %s:%ld\n", en ? "defined in" : "定义于", r->file, r->line);
    if (r->explanation[lang])
        printf("\n%s\n", r->explanation[lang]);
    printf("\n%s:\n", en ? "legal basis" : "法律依据");
    print_basis(r, stdout);
    if (r->lookthrough) {
        printf("\n%s: %s\n", en ? "look-through of categories" : "穿透类别", r->lookthrough_categories);
        return CK_EXIT_CLEAN;
    }
    printf("\n%s: %s\n", en ? "context" : "检查对象", eng->rules->exprs[r->context_expr].source);
    if (r->condition_expr >= 0)
        printf("%s: %s\n", en ? "condition" : "条件", eng->rules->exprs[r->condition_expr].source);
    for (size_t i = 0; i < r->n_signals; i++)
        printf("%s %s (%g, %s): %s\n", en ? "signal" : "信号", r->signals[i].id, r->signals[i].weight,
               r->signals[i].label[lang], eng->rules->exprs[r->signals[i].expr].source);
    for (size_t i = 0; i < r->n_grades; i++)
        printf("%s ≥ %g → %s\n", en ? "grade" : "分级", r->grades[i].min, ck_severity_name(r->grades[i].severity));
    printf("%s: %zu\n", en ? "examples" : "示例", r->n_examples);
    return CK_EXIT_CLEAN;
}

static void md_cell(const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", stdout);
        else if (*s == '\n')
            fputc(' ', stdout);
        else
            fputc(*s, stdout);
    }
}

static int rules_doc(struct ck_engine *eng)
{
    printf("# Rules checked by fundcheck\n\n"
           "Generated by `fundcheck rules doc` from the rule files in `rules/`; a test keeps this\n"
           "page in sync. Each rule lists its category, default severity, what it looks for and\n"
           "the legal text it rests on. `fundcheck rules show ID` prints the full definition.\n\n");
    for (size_t k = 0; ck_categories[k]; k++) {
        int any = 0;
        for (size_t i = 0; i < eng->rules->n_rules; i++) {
            const struct ck_rule *r = &eng->rules->rules[i];
            if (strcmp(r->category, ck_categories[k]) != 0)
                continue;
            if (!any)
                printf("## %s\n\n", ck_categories[k]);
            any = 1;
            printf("### %s — %s\n\n", r->id, r->title[CK_LANG_ZH]);
            printf("*%s* · severity `%s`%s%s\n\n", r->title[CK_LANG_EN], ck_severity_name(r->severity),
                   r->n_signals ? " (graded by signals)" : "",
                   r->lookthrough ? " · derived by look-through from sub-fund filings" : "");
            if (r->explanation[CK_LANG_ZH]) {
                md_cell(r->explanation[CK_LANG_ZH]);
                printf("\n\n");
            }
            if (r->explanation[CK_LANG_EN]) {
                md_cell(r->explanation[CK_LANG_EN]);
                printf("\n\n");
            }
            for (size_t b = 0; b < r->n_basis; b++)
                printf("> 《%s》%s：「%s」\n>\n", r->basis[b].document, r->basis[b].article, r->basis[b].text);
            if (r->n_signals) {
                printf("\n| signal | weight | 说明 |\n|---|---|---|\n");
                for (size_t s = 0; s < r->n_signals; s++)
                    printf("| %s | %g | %s |\n", r->signals[s].id, r->signals[s].weight, r->signals[s].label[CK_LANG_ZH]);
            }
            printf("\n");
        }
    }
    return CK_EXIT_CLEAN;
}

static int cmd_rules(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"rules", required_argument, NULL, OPT_RULES},
        {"catalog-dir", required_argument, NULL, OPT_CATALOG_DIR},
        {"lang", required_argument, NULL, OPT_LANG},
        {"min", required_argument, NULL, OPT_MIN},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    double min = 0.0;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_RULES: co.rules_dir = optarg; break;
        case OPT_CATALOG_DIR: co.catalog_dir = optarg; break;
        case OPT_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck rules: unknown language '%s'\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case OPT_MIN: {
            char *end;
            min = strtod(optarg, &end);
            if (*end || min < 0 || min > 1 || isnan(min)) {
                fprintf(stderr, "fundcheck rules: --min takes a number from 0 to 1\n");
                return CK_EXIT_USAGE;
            }
            break;
        }
        case OPT_HELP: fputs(rules_help, stdout); return CK_EXIT_CLEAN;
        default: fputs(rules_help, stderr); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs(rules_help, stderr);
        return CK_EXIT_USAGE;
    }
    const char *sub = argv[optind++];
    if (strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0 && strcmp(sub, "test") != 0 &&
        strcmp(sub, "corpus") != 0 && strcmp(sub, "doc") != 0) {
        fprintf(stderr, "fundcheck rules: unknown subcommand '%s'\n%s", sub, rules_help);
        return CK_EXIT_USAGE;
    }
    if ((strcmp(sub, "show") == 0 && optind >= argc) || (strcmp(sub, "corpus") == 0 && optind >= argc)) {
        fputs(rules_help, stderr);
        return CK_EXIT_USAGE;
    }
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    int rc = CK_EXIT_CLEAN;
    if (strcmp(sub, "list") == 0) {
        for (size_t i = 0; i < eng->rules->n_rules; i++) {
            const struct ck_rule *r = &eng->rules->rules[i];
            printf("%-8s %-20s %-9s %s\n", r->id, r->category, ck_severity_name(r->severity), r->title[co.lang]);
        }
    } else if (strcmp(sub, "show") == 0) {
        rc = rules_show(eng, argv[optind], co.lang);
    } else if (strcmp(sub, "test") == 0) {
        rc = rules_test(eng);
    } else if (strcmp(sub, "corpus") == 0) {
        rc = rules_corpus(eng, argc - optind, argv + optind, min);
    } else {
        rc = rules_doc(eng);
    }
    ck_engine_free(eng);
    return rc;
}

static int cmd_catalog(int argc, char **argv)
{
    char *root = ck_engine_data_root();
    struct ck_buf dir;
    ck_buf_init(&dir);
    ck_buf_printf(&dir, "%s/catalogs", root);
    int rc = ck_catalog_main(argc, argv, ck_buf_str(&dir));
    ck_buf_fini(&dir);
    free(root);
    return rc;
}

static const struct {
    const char *name;
    int (*fn)(int argc, char **argv);
} commands[] = {
    {"check", cmd_check},
    {"validate", cmd_validate},
    {"rules", cmd_rules},
    {"catalog", cmd_catalog},
    {"scan", ck_scan_main},
    {"report", ck_dbreport_main},
    {"diff", ck_dbdiff_main},
};

int ck_cli_dispatch(int argc, char **argv)
{
    /* every command answers --version the same way */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--version") == 0) {
            printf("fundcheck %s\n", CK_VERSION);
            return CK_EXIT_CLEAN;
        }
    for (size_t i = 0; i < CK_ARRAY_LEN(commands); i++)
        if (strcmp(argv[0], commands[i].name) == 0)
            return commands[i].fn(argc, argv);
    fprintf(stderr, "fundcheck: unknown command '%s' (see fundcheck --help)\n", argv[0]);
    return CK_EXIT_USAGE;
}
