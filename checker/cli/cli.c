/* SPDX-License-Identifier: MIT */
/*
 * Commands: check, validate, rules list|show|test|corpus|doc, and dispatch
 * to the commands other modules provide. Diagnostics go to stderr in one
 * format: "fundcheck: FILE:LINE: message".
 */
#include "cli.h"

#include "buf.h"
#include "check.h"
#include "catalog.h"
#include "ck.h"
#include "dbreport.h"
#include "engine.h"
#include "evaluate.h"
#include "evidence.h"
#include "example.h"
#include "lookthrough.h"
#include "mem.h"
#include "report.h"
#include "scan.h"
#include "store.h"

#include "evidence.h"

#include <ctype.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ck_cli_parse_lang(const char *s)
{
    if (strcmp(s, "zh") == 0)
        return CK_LANG_ZH;
    if (strcmp(s, "en") == 0)
        return CK_LANG_EN;
    return -1;
}

int ck_cli_output_arg(const char *arg, int (*parse)(const char *name), int *out_fmt, const char **out_path)
{
    const char *eq = strchr(arg, '=');
    char name[16];
    size_t len = eq ? (size_t)(eq - arg) : 0;
    if (eq == NULL || len >= sizeof name || eq[1] == '\0')
        return -1;
    memcpy(name, arg, len);
    name[len] = '\0';
    if ((*out_fmt = parse(name)) < 0)
        return -1;
    *out_path = eq + 1;
    return 0;
}

int ck_cli_lang_from_argv(int argc, char **argv)
{
    int lang = CK_LANG_ZH;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--") == 0)
            break;
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            v = argv[++i];
        else if (strncmp(argv[i], "--lang=", 7) == 0)
            v = argv[i] + 7;
        if (v && ck_cli_parse_lang(v) >= 0)
            lang = ck_cli_parse_lang(v);
    }
    return lang;
}

/* The environment is the CLI's business: the library reads none. */
char *ck_cli_data_root(void)
{
    const char *env = getenv("FUNDCHECK_DATA");
    return env && *env ? ck_strdup(env) : ck_engine_data_root();
}

#ifndef CK_DOCDIR
#define CK_DOCDIR "/usr/local/share/doc/fundcheck"
#endif

int ck_cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

const char *ck_cli_docs_prefix(void)
{
    static const char *prefix;
    if (prefix == NULL) {
        /* a source tree has docs/ beside rules/ under its data root */
        char *root = ck_cli_data_root();
        size_t n = strlen(root) + sizeof "/docs/formats.md";
        char *p = ck_malloc(n);
        snprintf(p, n, "%s/docs/formats.md", root);
        prefix = access(p, R_OK) == 0 ? "docs/" : CK_DOCDIR "/docs/";
        free(p);
        free(root);
    }
    return prefix;
}

void ck_cli_help(FILE *out, const char *zh, const char *en, int lang)
{
    const char *s = lang == CK_LANG_EN ? en : zh, *p = s;
    const char *docs = ck_cli_docs_prefix();
    while ((p = strstr(p, "docs/")) != NULL) {
        /* only a path that starts here ("rules/docs/x" is not one) */
        if (p > s && (isalnum((unsigned char)p[-1]) || strchr("_-./", p[-1]))) {
            p += 5;
            continue;
        }
        fwrite(s, 1, (size_t)(p - s), out);
        fputs(docs, out);
        s = p = p + 5;
    }
    fputs(s, out);
}

char *ck_cli_user_catalog_dir(const char *given)
{
    if (given && *given)
        return ck_strdup(given);
    const char *env = getenv("FUNDCHECK_CATALOG_DIR");
    if (env && *env)
        return ck_strdup(env);
    struct ck_buf b;
    ck_buf_init(&b);
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        ck_buf_printf(&b, "%s/fundcheck/catalogs", xdg);
    else if (home && *home)
        ck_buf_printf(&b, "%s/.local/share/fundcheck/catalogs", home);
    return ck_buf_take(&b);
}

static int open_engine(const char *rules_dir, const char *catalog_dir, int lang, int no_catalog,
                       struct ck_engine **eng, char **err)
{
    char *root = ck_cli_data_root();
    char *user_cat = ck_cli_user_catalog_dir(catalog_dir);
    struct ck_engine_opts eo = {rules_dir, user_cat, lang, no_catalog, root};
    int rc = ck_engine_open(&eo, eng, err);
    free(root);
    free(user_cat);
    return rc;
}

struct ck_engine *ck_cli_open_engine(const struct ck_common_opts *o)
{
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (open_engine(o->rules_dir, o->catalog_dir, o->lang, 0, &eng, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: cannot load the rule set or catalogue:\n%s", err ? err : "");
        free(err);
        return NULL;
    }
    return eng;
}

int ck_cli_print_version(int lang)
{
    int en = lang == CK_LANG_EN;
    printf("fundcheck %s\n", CK_VERSION);
    struct ck_common_opts o = {NULL, NULL, lang};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (open_engine(o.rules_dir, o.catalog_dir, o.lang, 0, &eng, &err) != CK_OK) {
        /* the tool's version is still known; say why the rest is not */
        printf(en ? "rule set: cannot be loaded\n" : "规则集：无法加载\n");
        fprintf(stderr, "%s", err ? err : "");
        free(err);
        return CK_EXIT_USAGE;
    }
    printf(en ? "rule set: %s (%zu rules)\n" : "规则集：%s（%zu 条规则）\n", eng->rules->version,
           eng->rules->n_rules);
    printf(en ? "catalogue: %s\n" : "产业目录：%s\n", ck_store_catalog_version(eng));
    ck_engine_free(eng);
    return CK_EXIT_CLEAN;
}

enum { OPT_RULES = 1000, OPT_CATALOG_DIR, OPT_LANG, OPT_MIN, OPT_HELP, OPT_CASES };

void ck_cli_print_diag(FILE *out, const char *path, const struct ck_fdiag *x, int lang)
{
    int en = lang == CK_LANG_EN;
    struct ck_buf m, h, where;
    ck_buf_init(&m);
    ck_buf_init(&h);
    ck_buf_init(&where);
    ck_diag_format(x, lang, &m, &h);
    ck_buf_printf(&where, "%s:", path);
    if (x->line > 0)
        ck_buf_printf(&where, "%ld:", x->line);
    if (x->column > 0)
        ck_buf_printf(&where, "%d:", x->column);
    fprintf(out, "%s %s[%s]: %s", ck_buf_str(&where), en ? "error" : "错误", x->id, ck_buf_str(&m));
    if (x->holding || x->xpath) {
        fputs(en ? " (" : "（", out);
        if (x->holding)
            fprintf(out, "%s %s%s", en ? "item" : "持仓/事项", x->holding, x->xpath ? (en ? ", " : "，") : "");
        if (x->xpath)
            fputs(x->xpath, out);
        fputs(en ? ")" : "）", out);
    }
    fputc('\n', out);
    if (h.len)
        fprintf(out, "  %s%s\n", en ? "hint: " : "提示：", ck_buf_str(&h));
    ck_buf_fini(&m);
    ck_buf_fini(&h);
    ck_buf_fini(&where);
}

void ck_cli_print_file_error(FILE *out, const struct ck_result *r, int lang)
{
    if (r->diags.n == 0) { /* a failure without diagnostics (out of memory, …) */
        fprintf(out, "%s:%ld: %s: %s\n", r->path, r->err_line, lang == CK_LANG_EN ? "error" : "错误",
                r->err_msg ? r->err_msg : ck_strerror(r->status));
        /* (no id: this is not a problem of the file) */
        return;
    }
    for (size_t i = 0; i < r->diags.n; i++)
        ck_cli_print_diag(out, r->path, &r->diags.v[i], lang);
    if (r->diags.total > r->diags.n)
        fprintf(out, lang == CK_LANG_EN ? "%s: … %zu more problem(s) not shown\n" : "%s: … 另有 %zu 处问题未列出\n",
                r->path, r->diags.total - r->diags.n);
}

static const char validate_help_zh[] =
    "用法：fundcheck validate [--lang zh|en] 文件...\n"
    "\n"
    "只检查格式：每个文件是否为格式良好、符合 XSD 的 urn:gif:filing:1 报送文件（不运行规则）。\n"
    "合格的文件在标准输出打印“文件: ok”；每处问题在标准错误打印一行\n"
    "“文件:行:列: 错误[编号]: 说明（持仓，XPath）”，已知改法时另起一行给出提示。\n"
    "退出码：全部合格为 0，否则为 2。\n";
static const char validate_help_en[] =
    "usage: fundcheck validate [--lang zh|en] FILE...\n"
    "\n"
    "Checks that each file is a well-formed, schema-valid urn:gif:filing:1 filing (no rules\n"
    "are run). Prints FILE: ok on standard output; every problem goes to standard error as\n"
    "FILE:LINE:COL: error[ID]: what (holding, XPath), with a hint line where a fix is known.\n"
    "Exit 0 when all are valid, 2 otherwise.\n";

static int cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"lang", required_argument, NULL, OPT_LANG},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    int lang = CK_LANG_ZH, c;
    for (int i = 1; i + 1 < argc; i++) /* --help in the language asked for, wherever --lang is */
        if (strcmp(argv[i], "--lang") == 0 && strcmp(argv[i + 1], "en") == 0)
            lang = CK_LANG_EN;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_LANG:
            if ((lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck validate: 未知的语言“%s”（zh 或 en） / unknown language\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case OPT_HELP: ck_cli_help(stdout, validate_help_zh, validate_help_en, lang); return CK_EXIT_CLEAN;
        default: ck_cli_help(stderr, validate_help_zh, validate_help_en, lang); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        ck_cli_help(stderr, validate_help_zh, validate_help_en, lang);
        return CK_EXIT_USAGE;
    }
    struct ck_engine *eng = NULL;
    char *err = NULL;
    if (open_engine(NULL, NULL, lang, 1, &eng, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: %s", err ? err : "cannot load the schema\n");
        free(err);
        return CK_EXIT_USAGE;
    }
    int rc = CK_EXIT_CLEAN;
    for (int i = optind; i < argc; i++) {
        struct ck_result r;
        memset(&r, 0, sizeof r);
        r.path = argv[i];
        r.status = ck_filing_load_diags(argv[i], eng->schema, 0, &r.filing, &r.err_line, &r.err_msg, &r.diags);
        if (r.status == CK_OK) {
            printf("%s: ok\n", argv[i]);
        } else {
            fflush(stdout); /* keep the two streams in file order on a terminal */
            ck_cli_print_file_error(stderr, &r, lang);
            rc = CK_EXIT_FILE_ERROR;
        }
        free(r.err_msg);
        ck_filing_free(r.filing);
        ck_diags_fini(&r.diags);
    }
    ck_engine_free(eng);
    return rc;
}

/* ---- rules ---- */

static const char rules_help_zh[] =
    "用法：fundcheck rules list [--lang zh|en] [--rules 目录]\n"
    "      fundcheck rules show 编号 [--lang zh|en]\n"
    "      fundcheck rules test [--rules 目录]          运行每条规则的示例\n"
    "      fundcheck rules corpus [--min R] [--cases] 文件...\n"
    "                                                   在标注语料上计算精确率和召回率\n"
    "                                                   （--cases：每个案例一行，列出触发的规则）\n"
    "      fundcheck rules doc                         在标准输出打印 docs/rules.md（Markdown）\n";
static const char rules_help_en[] =
    "usage: fundcheck rules list [--lang zh|en] [--rules DIR]\n"
    "       fundcheck rules show ID [--lang zh|en]\n"
    "       fundcheck rules test [--rules DIR]          run every rule's examples\n"
    "       fundcheck rules corpus [--min R] [--cases] FILE...\n"
    "                                                   precision/recall on a labelled corpus\n"
    "                                                   (--cases: one line per case, rules fired)\n"
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

static int rules_corpus(struct ck_engine *eng, int argc, char **argv, double min, int list_cases)
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
            if (list_cases) {
                /* every rule that fired, any severity: docs/coverage.md is built from these */
                struct ck_buf all;
                ck_buf_init(&all);
                for (size_t j = 0; j < res.findings.n; j++) {
                    const struct ck_finding *f = &res.findings.v[j];
                    if (!f->exempted && !has_category(all.p ? all.p : "", f->rule->id))
                        ck_buf_printf(&all, "%s%s", all.len ? " " : "", f->rule->id);
                }
                printf("CASE %s %s:%ld expect=[%s] fired=[%s]\n", id ? (const char *)id : "?", argv[a],
                       xmlGetLineNo(c), exp, ck_buf_str(&all));
                ck_buf_fini(&all);
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

/* One line per basis, "> " first in Markdown; a summary is not quoted. */
static void print_basis(const struct ck_rule *r, int lang, const char *pre, const char *post, FILE *out)
{
    for (size_t i = 0; i < r->n_basis; i++) {
        struct ck_buf b;
        ck_buf_init(&b);
        ck_basis_format(&r->basis[i], lang, &b);
        fprintf(out, "%s%s%s", pre, ck_buf_str(&b), post);
        ck_buf_fini(&b);
    }
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
    print_basis(r, lang, "  ", "\n", stdout);
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
            print_basis(r, CK_LANG_ZH, "> ", "\n>\n", stdout);
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
        {"cases", no_argument, NULL, OPT_CASES},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    double min = 0.0;
    int c, list_cases = 0;
    int hl = ck_cli_lang_from_argv(argc, argv); /* help and usage errors */
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_RULES: co.rules_dir = optarg; break;
        case OPT_CATALOG_DIR: co.catalog_dir = optarg; break;
        case OPT_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, hl == CK_LANG_EN ? "fundcheck rules: unknown language '%s' (zh or en)\n"
                                                 : "fundcheck rules：未知的语言“%s”（zh 或 en）\n", optarg);
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
        case OPT_CASES: list_cases = 1; break;
        case OPT_HELP: ck_cli_help(stdout, rules_help_zh, rules_help_en, hl); return CK_EXIT_CLEAN;
        default: ck_cli_help(stderr, rules_help_zh, rules_help_en, hl); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        ck_cli_help(stderr, rules_help_zh, rules_help_en, hl);
        return CK_EXIT_USAGE;
    }
    const char *sub = argv[optind++];
    if (strcmp(sub, "list") != 0 && strcmp(sub, "show") != 0 && strcmp(sub, "test") != 0 &&
        strcmp(sub, "corpus") != 0 && strcmp(sub, "doc") != 0) {
        fprintf(stderr, hl == CK_LANG_EN ? "fundcheck rules: unknown subcommand '%s'\n" : "fundcheck rules：未知的子命令“%s”\n",
                sub);
        ck_cli_help(stderr, rules_help_zh, rules_help_en, hl);
        return CK_EXIT_USAGE;
    }
    if ((strcmp(sub, "show") == 0 && optind >= argc) || (strcmp(sub, "corpus") == 0 && optind >= argc)) {
        ck_cli_help(stderr, rules_help_zh, rules_help_en, hl);
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
        rc = rules_corpus(eng, argc - optind, argv + optind, min, list_cases);
    } else {
        rc = rules_doc(eng);
    }
    ck_engine_free(eng);
    return rc;
}

static int cmd_catalog(int argc, char **argv)
{
    char *root = ck_cli_data_root();
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
    {"check", ck_check_main},
    {"validate", cmd_validate},
    {"rules", cmd_rules},
    {"catalog", cmd_catalog},
    {"evaluate", ck_evaluate_main},
    {"scan", ck_scan_main},
    {"merge", ck_merge_main},
    {"report", ck_dbreport_main},
    {"diff", ck_dbdiff_main},
    {"verify", ck_verify_main},
};

int ck_cli_dispatch(int argc, char **argv)
{
    /* every command answers --version the same way */
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "-V") == 0)
            return ck_cli_print_version(ck_cli_lang_from_argv(argc, argv));
    for (size_t i = 0; i < CK_ARRAY_LEN(commands); i++)
        if (strcmp(argv[0], commands[i].name) == 0)
            return commands[i].fn(argc, argv);
    fprintf(stderr,
            ck_cli_lang_from_argv(argc, argv) == CK_LANG_EN ? "fundcheck: unknown command '%s' (see fundcheck --help)\n"
                                                            : "fundcheck：未知命令“%s”（见 fundcheck --help）\n",
            argv[0]);
    return CK_EXIT_USAGE;
}
