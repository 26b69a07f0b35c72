/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck check`: gathers the files (arguments, directories searched for
 * *.xml, --files-from lists, "-" for standard input), checks them as one
 * batch (--jobs workers, each with its own evaluator), looks through
 * fund-of-funds holdings, applies noise control (noise.h), decides the exit
 * code, then writes each requested report: one on standard output
 * (--format, default text) and any number of files (--output FORMAT=PATH).
 * Diagnostics of files that could not be checked go to standard error only,
 * once each.
 */
#include "check.h"

#include "buf.h"
#include "ck.h"
#include "cli.h"
#include "config.h"
#include "engine.h"
#include "eval.h"
#include "evidence.h"
#include "lookthrough.h"
#include "mem.h"
#include "noise.h"
#include "report.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    OPT_RULES = 1000, OPT_CATALOG_DIR, OPT_LANG, OPT_FORMAT, OPT_OUTPUT, OPT_FAIL_ON, OPT_MIN_SEV,
    OPT_RULE, OPT_EXCLUDE, OPT_QUIET, OPT_ALL_NOTICES, OPT_FILES_FROM, OPT_JOBS, OPT_COLOR, OPT_CONFIG,
    OPT_PROFILE, OPT_EVIDENCE, OPT_HELP
};

enum { MAX_OUTPUTS = 16, MAX_JOBS = 64 };

static const char help_zh[] =
    "用法：fundcheck check [选项] 文件|目录|- ...\n"
    "\n"
    "按规则集和产业目录检查每份报送文件，报告每一项发现：问题是什么、在哪里（文件、行、\n"
    "XPath、持仓）、为什么（规则及法律依据）以及证据。同时给出的文件为一批：母基金持有的\n"
    "子基金在本批中有报送文件的，穿透检查。目录中查找 *.xml；“-”从标准输入读取一份文件。\n"
    "\n"
    "输出：\n"
    "  --format 格式            标准输出的格式：text（默认）、json、sarif、junit、html、csv、gcc\n"
    "  -o, --output 格式=路径   另写一份报告到文件（可重复；路径为“-”即标准输出）\n"
    "  --lang zh|en             语言（默认 zh）\n"
    "  --color auto|always|never  终端颜色（默认 auto；设置 NO_COLOR 时不着色）\n"
    "  -q, --quiet              标准输出不打印报告（只用退出码和 --output 文件）\n"
    "\n"
    "降噪：\n"
    "  --min-severity 级别      只显示该级别及以上的发现：notice（默认）、warning、violation\n"
    "  --fail-on 级别           未豁免的发现达到该级别时退出码为 1（默认 violation）；\n"
    "                           与 --min-severity 相互独立\n"
    "  --rule 编号|类别         只报告这些规则（可重复，或以逗号分隔）\n"
    "  --exclude-rule 编号|类别 不报告这些规则（可重复，或以逗号分隔）\n"
    "  --all-notices            不合并重复的提示（默认把同一规则对多项持仓的提示合并为一条，\n"
    "                           列出所涉持仓；仍是“无法判断”，不视为合规）\n"
    "\n"
    "输入：\n"
    "  --files-from 文件        从文件（“-”为标准输入）读取路径，每行一个\n"
    "  -j, --jobs N             并行检查的线程数（默认 1）\n"
    "  --rules 目录             规则目录（默认：安装的规则）\n"
    "  --catalog-dir 目录       用户目录数据（导入的版本、省级目录）\n"
    "  --config 文件            配置文件（默认 ~/.config/fundcheck/config.ini）\n"
    "  --profile                把各阶段和每条规则的耗时（微秒）、调用和正则次数打印到标准错误\n"
    "  --evidence 目录          另把证据包写入该目录（新建或为空）：报送文件、规则文件、格式定义和\n"
    "                           目录数据及其 SHA-256、工具版本和检查结果；`fundcheck verify 目录` 可复核\n"
    "\n"
    "退出码：0 无问题，1 有达到 --fail-on 的发现，2 有文件无法检查，3 调用或规则集有误，\n"
    "4 系统错误。\n";

static const char help_en[] =
    "usage: fundcheck check [OPTIONS] FILE|DIR|- ...\n"
    "\n"
    "Checks each filing against the rule set and the industry catalogue and reports every\n"
    "finding: what, where (file, line, XPath, holding), why (rule and legal basis) and the\n"
    "evidence. Files given together are one batch: fund-of-funds holdings are looked through\n"
    "to the sub-funds' filings in the batch. Directories are searched for *.xml; '-' reads\n"
    "one filing from standard input.\n"
    "\n"
    "output:\n"
    "  --format FORMAT          format on standard output: text (default), json, sarif, junit,\n"
    "                           html, csv, gcc\n"
    "  -o, --output FORMAT=PATH also write a report to a file (repeatable; PATH '-' is stdout)\n"
    "  --lang zh|en             language (default zh)\n"
    "  --color auto|always|never  terminal colours (default auto; none when NO_COLOR is set)\n"
    "  -q, --quiet              no report on standard output (exit code and --output files only)\n"
    "\n"
    "noise control:\n"
    "  --min-severity LEVEL     show findings at or above: notice (default), warning, violation\n"
    "  --fail-on LEVEL          exit 1 when a finding that is not exempted is at or above it\n"
    "                           (default violation); independent of --min-severity\n"
    "  --rule ID|CATEGORY       report only these rules (repeatable or comma-separated)\n"
    "  --exclude-rule ID|CATEGORY  do not report these rules\n"
    "  --all-notices            keep repeated notices (by default a notice a rule repeats for\n"
    "                           several holdings becomes one naming them; it still says\n"
    "                           \"cannot determine\", never a pass)\n"
    "\n"
    "input:\n"
    "  --files-from FILE        read paths from FILE ('-' for stdin), one per line\n"
    "  -j, --jobs N             worker threads (default 1)\n"
    "  --rules DIR              rule directory (default: the installed rules)\n"
    "  --catalog-dir DIR        user catalogue directory (imported editions, provincial lists)\n"
    "  --config FILE            defaults file (default ~/.config/fundcheck/config.ini)\n"
    "  --profile                print microseconds, calls and regex searches per stage and rule to stderr\n"
    "  --evidence DIR           also write an evidence bundle into DIR (new or empty): the filings,\n"
    "                           rule files, schemas and catalogues with their SHA-256, the tool\n"
    "                           version and the findings; `fundcheck verify DIR` re-runs it\n"
    "\n"
    "exit: 0 clean, 1 findings, 2 a file could not be checked, 3 bad invocation or rule set,\n"
    "4 system error.\n";

/* ---- gathering the files ---- */

struct paths {
    char **v; /* owned */
    size_t n;
    char *stdin_tmp; /* owned; the temporary copy of standard input, or NULL */
};

static void paths_add(struct paths *p, const char *s)
{
    p->v = ck_reallocarray(p->v, p->n + 1, sizeof *p->v);
    p->v[p->n++] = ck_strdup(s);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_xml_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

/* Adds the *.xml files under dir, sorted, depth first; hidden entries are
 * skipped. Returns 0, or -1 when dir cannot be read (message printed). */
static int add_dir(struct paths *p, const char *dir, int depth, int en)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, en ? "fundcheck check: %s: cannot read the directory: %s\n"
                           : "fundcheck check: %s: 无法读取目录：%s\n",
                dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = ck_reallocarray(names, n + 1, sizeof *names);
        names[n++] = ck_strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        struct ck_buf full;
        ck_buf_init(&full);
        ck_buf_printf(&full, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names[i]);
        struct stat st;
        if (stat(ck_buf_str(&full), &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 32 && add_dir(p, ck_buf_str(&full), depth + 1, en) != 0)
                rc = -1;
        } else if (has_xml_suffix(names[i])) {
            paths_add(p, ck_buf_str(&full));
        }
        ck_buf_fini(&full);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* Standard input is copied to a private temporary file so that it goes
 * through the same size cap and parser as any other filing. */
static int add_stdin(struct paths *p, int en)
{
    if (p->stdin_tmp) {
        fprintf(stderr, en ? "fundcheck check: '-' given more than once\n" : "fundcheck check: “-”只能给出一次\n");
        return -1;
    }
    const char *tmpdir = getenv("TMPDIR");
    struct ck_buf t;
    ck_buf_init(&t);
    ck_buf_printf(&t, "%s/fundcheck-stdin-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    char *name = ck_buf_take(&t);
    int fd = mkstemp(name);
    if (fd < 0) {
        fprintf(stderr, "fundcheck check: %s: %s\n", name, strerror(errno));
        free(name);
        return -1;
    }
    FILE *w = fdopen(fd, "wb");
    char buf[65536];
    size_t got, total = 0;
    int rc = 0;
    while ((got = fread(buf, 1, sizeof buf, stdin)) > 0) {
        total += got;
        if (total > CK_MAX_FILING_BYTES + 1u) /* the loader reports "too large" from here */
            break;
        if (fwrite(buf, 1, got, w) != got) {
            rc = -1;
            break;
        }
    }
    if (fclose(w) != 0)
        rc = -1;
    if (rc != 0) {
        fprintf(stderr, "fundcheck check: %s: %s\n", name, strerror(errno));
        unlink(name);
        free(name);
        return -1;
    }
    p->stdin_tmp = name;
    paths_add(p, name);
    return 0;
}

static int add_arg(struct paths *p, const char *a, int en)
{
    if (strcmp(a, "-") == 0)
        return add_stdin(p, en);
    struct stat st;
    if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t before = p->n;
        if (add_dir(p, a, 0, en) != 0)
            return -1;
        if (p->n == before) { /* named explicitly, so an empty one is a mistake worth an exit 2 */
            fprintf(stderr, en ? "%s: error[FC-F005]: a directory with no *.xml filing in it\n"
                               : "%s: 错误[FC-F005]: 目录中没有 *.xml 报送文件\n",
                    a);
            return 1;
        }
        return 0;
    }
    paths_add(p, a); /* a missing file is reported as a file that could not be checked */
    return 0;
}

static int add_files_from(struct paths *p, const char *list, int en)
{
    FILE *fp = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (fp == NULL) {
        fprintf(stderr, en ? "fundcheck check: %s: cannot read the list: %s\n" : "fundcheck check: %s: 无法读取文件列表：%s\n",
                list, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, fp)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        if (strcmp(line, "-") == 0 || add_arg(p, line, en) != 0)
            rc = -1;
    }
    free(line);
    if (fp != stdin)
        fclose(fp);
    return rc;
}

static void paths_fini(struct paths *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    if (p->stdin_tmp) {
        unlink(p->stdin_tmp);
        free(p->stdin_tmp);
    }
}

/* ---- checking in parallel ---- */

struct pool {
    const struct ck_engine *eng;
    const struct paths *paths;
    struct ck_result *res;
    int lang;
    struct ck_profile *profile; /* sum over the workers; NULL unless --profile */
    size_t next;
    unsigned long limit_hits;
    pthread_mutex_t mu;
};

static void *worker(void *arg)
{
    struct pool *pl = arg;
    struct ck_evaluator *ev = ck_eval_new(pl->eng->rules, pl->eng->catalog, pl->lang);
    ck_eval_set_langs(ev, 1u << pl->lang); /* messages only in the language reported */
    if (pl->profile)
        ck_eval_profile_enable(ev);
    for (;;) {
        pthread_mutex_lock(&pl->mu);
        size_t i = pl->next++;
        pthread_mutex_unlock(&pl->mu);
        if (i >= pl->paths->n)
            break;
        ck_check_path(pl->eng, ev, pl->paths->v[i], &pl->res[i]);
    }
    pthread_mutex_lock(&pl->mu);
    ck_profile_add(pl->profile, ck_eval_profile(ev));
    pl->limit_hits += ck_eval_regex_limit_hits(ev);
    pthread_mutex_unlock(&pl->mu);
    ck_eval_free(ev);
    return NULL;
}

/* ---- options ---- */

struct output {
    int fmt;
    const char *path; /* "-": standard output */
};

static int pre_lang(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return strcmp(argv[i + 1], "en") == 0 ? CK_LANG_EN : CK_LANG_ZH;
        if (strcmp(argv[i], "--lang=en") == 0)
            return CK_LANG_EN;
    }
    return -1;
}

static int use_color(const char *mode, FILE *out)
{
    if (mode == NULL || strcmp(mode, "auto") == 0) {
        const char *nc = getenv("NO_COLOR");
        return (nc == NULL || *nc == '\0') && isatty(fileno(out));
    }
    return strcmp(mode, "always") == 0;
}

static int usage_error(int en, const char *zh, const char *english, const char *arg)
{
    /* the one "%s" of the message is replaced by arg (no format string from a variable) */
    const char *m = en ? english : zh, *at = strstr(m, "%s");
    fputs("fundcheck check: ", stderr);
    if (at) {
        fwrite(m, 1, (size_t)(at - m), stderr);
        fputs(arg, stderr);
        fputs(at + 2, stderr);
    } else {
        fputs(m, stderr);
    }
    fprintf(stderr, en ? "\n(see fundcheck check --help)\n" : "\n（见 fundcheck check --help）\n");
    return CK_EXIT_USAGE;
}

static int write_report(int fmt, const char *path, const struct ck_engine *eng, const struct ck_result *res,
                        size_t n, const struct ck_report_opts *ro, int en)
{
    if (strcmp(path, "-") == 0) {
        ck_report_get(fmt)(stdout, eng, res, n, ro);
        return 0;
    }
    FILE *fp = fopen(path, "wb");
    if (fp == NULL) {
        fprintf(stderr, en ? "fundcheck check: %s: cannot write: %s\n" : "fundcheck check: %s: 无法写入：%s\n", path,
                strerror(errno));
        return -1;
    }
    struct ck_report_opts fo = *ro;
    fo.color = 0;
    ck_report_get(fmt)(fp, eng, res, n, &fo);
    if (ferror(fp) | (fclose(fp) != 0)) {
        fprintf(stderr, en ? "fundcheck check: %s: write error\n" : "fundcheck check: %s: 写入出错\n", path);
        return -1;
    }
    return 0;
}

int ck_check_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"output", required_argument, NULL, OPT_OUTPUT},
        {"lang", required_argument, NULL, OPT_LANG},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"min-severity", required_argument, NULL, OPT_MIN_SEV},
        {"rule", required_argument, NULL, OPT_RULE},
        {"exclude-rule", required_argument, NULL, OPT_EXCLUDE},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"all-notices", no_argument, NULL, OPT_ALL_NOTICES},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"jobs", required_argument, NULL, OPT_JOBS},
        {"color", required_argument, NULL, OPT_COLOR},
        {"colour", required_argument, NULL, OPT_COLOR},
        {"config", required_argument, NULL, OPT_CONFIG},
        {"rules", required_argument, NULL, OPT_RULES},
        {"catalog-dir", required_argument, NULL, OPT_CATALOG_DIR},
        {"profile", no_argument, NULL, OPT_PROFILE},
        {"evidence", required_argument, NULL, OPT_EVIDENCE},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    int lang0 = pre_lang(argc, argv);
    struct ck_cli_config cfg;
    if (ck_config_load(ck_config_arg(argc, argv), "check", lang0 < 0 ? CK_LANG_ZH : lang0, &cfg) != 0)
        return CK_EXIT_USAGE;
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    struct ck_noise nz;
    ck_noise_init(&nz);
    struct output outs[MAX_OUTPUTS];
    size_t n_out = 0;
    int stdout_fmt = CK_FMT_TEXT, fail_on = CK_SEV_VIOLATION, profile = 0, quiet = 0, jobs = 1, c;
    const char *evidence = NULL;
    const char *color = NULL, *files_from = NULL;
    int cli_lists[2] = {0, 0};
    int rc = CK_EXIT_CLEAN;
    /* defaults file first, then the command line over it */
    if (cfg.v[CK_CFG_LANG] && (co.lang = ck_cli_parse_lang(cfg.v[CK_CFG_LANG])) < 0)
        co.lang = CK_LANG_ZH;
    if (lang0 >= 0)
        co.lang = lang0;
    int en = co.lang == CK_LANG_EN;
    const char *bad = NULL;
    if (cfg.v[CK_CFG_FAIL_ON] && (fail_on = ck_severity_parse(cfg.v[CK_CFG_FAIL_ON])) < 0)
        bad = "fail-on";
    if (cfg.v[CK_CFG_MIN_SEVERITY] && (nz.min_severity = ck_severity_parse(cfg.v[CK_CFG_MIN_SEVERITY])) < 0)
        bad = "min-severity";
    if (cfg.v[CK_CFG_FORMAT] && (stdout_fmt = ck_report_format_parse(cfg.v[CK_CFG_FORMAT])) < 0)
        bad = "format";
    if (cfg.v[CK_CFG_RULE])
        ck_noise_add(&nz, 0, cfg.v[CK_CFG_RULE]);
    if (cfg.v[CK_CFG_EXCLUDE_RULE])
        ck_noise_add(&nz, 1, cfg.v[CK_CFG_EXCLUDE_RULE]);
    color = cfg.v[CK_CFG_COLOR];
    if (bad) {
        fprintf(stderr, en ? "fundcheck: %s: invalid value of %s\n" : "fundcheck: %s: %s 的取值无效\n", cfg.path, bad);
        rc = CK_EXIT_USAGE;
        goto done;
    }
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:qj:", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT:
            if ((stdout_fmt = ck_report_format_parse(optarg)) < 0) {
                rc = usage_error(en, "未知的格式“%s”（text、json、sarif、junit、html、csv、gcc）",
                                 "unknown format '%s' (text, json, sarif, junit, html, csv, gcc)", optarg);
                goto done;
            }
            break;
        case 'o':
        case OPT_OUTPUT: {
            int fmt = -1;
            const char *opath = NULL;
            if (ck_cli_output_arg(optarg, ck_report_format_parse, &fmt, &opath) != 0) {
                rc = usage_error(en, "--output 须为 格式=路径（如 sarif=out.sarif），而不是“%s”",
                                 "--output takes FORMAT=PATH (e.g. sarif=out.sarif), not '%s'", optarg);
                goto done;
            }
            if (n_out == MAX_OUTPUTS) {
                rc = usage_error(en, "--output 最多 16 个（%s）", "at most 16 --output (%s)", optarg);
                goto done;
            }
            outs[n_out].fmt = fmt;
            outs[n_out++].path = opath;
            break;
        }
        case OPT_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                rc = usage_error(en, "未知的语言“%s”（zh 或 en）", "unknown language '%s' (zh or en)", optarg);
                goto done;
            }
            break;
        case OPT_FAIL_ON:
        case OPT_MIN_SEV: {
            int s = ck_severity_parse(optarg);
            if (s < 0) {
                rc = usage_error(en, "未知的级别“%s”（violation、warning、notice）",
                                 "unknown severity '%s' (violation, warning, notice)", optarg);
                goto done;
            }
            if (c == OPT_FAIL_ON)
                fail_on = s;
            else
                nz.min_severity = s;
            break;
        }
        case OPT_RULE:
        case OPT_EXCLUDE: {
            int ex = c == OPT_EXCLUDE;
            if (!cli_lists[ex]) /* the command line replaces the defaults file's list */
                ck_noise_clear(&nz, ex);
            cli_lists[ex] = 1;
            ck_noise_add(&nz, ex, optarg);
            break;
        }
        case 'q':
        case OPT_QUIET: quiet = 1; break;
        case OPT_ALL_NOTICES: nz.collapse = 0; break;
        case OPT_FILES_FROM: files_from = optarg; break;
        case 'j':
        case OPT_JOBS: {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > MAX_JOBS) {
                rc = usage_error(en, "--jobs 取 1 到 64 的整数，而不是“%s”", "--jobs takes 1 to 64, not '%s'", optarg);
                goto done;
            }
            jobs = (int)j;
            break;
        }
        case OPT_COLOR:
            if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "always") != 0 && strcmp(optarg, "never") != 0) {
                rc = usage_error(en, "--color 取 auto、always 或 never，而不是“%s”",
                                 "--color takes auto, always or never, not '%s'", optarg);
                goto done;
            }
            color = optarg;
            break;
        case OPT_CONFIG: break; /* read before the loop */
        case OPT_RULES: co.rules_dir = optarg; break;
        case OPT_CATALOG_DIR: co.catalog_dir = optarg; break;
        case OPT_PROFILE: profile = 1; break;
        case OPT_EVIDENCE: evidence = optarg; break;
        case OPT_HELP: fputs(en ? help_en : help_zh, stdout); goto done;
        default:
            fputs(en ? "(see fundcheck check --help)\n" : "（见 fundcheck check --help）\n", stderr);
            rc = CK_EXIT_USAGE;
            goto done;
        }
        en = co.lang == CK_LANG_EN;
    }
    struct paths paths = {NULL, 0, NULL};
    int empty_dirs = 0;
    for (int i = optind; i < argc; i++) {
        int a = add_arg(&paths, argv[i], en);
        if (a < 0)
            rc = CK_EXIT_USAGE;
        else if (a > 0)
            empty_dirs = 1;
    }
    if (files_from && add_files_from(&paths, files_from, en) != 0)
        rc = CK_EXIT_USAGE;
    if (rc == CK_EXIT_CLEAN && paths.n == 0 && !empty_dirs) {
        fprintf(stderr, en ? "fundcheck check: no files given\n%s" : "fundcheck check: 没有给出文件\n%s",
                en ? help_en : help_zh);
        rc = CK_EXIT_USAGE;
    }
    struct ck_engine *eng = NULL;
    double t_open = ck_now();
    if (rc == CK_EXIT_CLEAN && (eng = ck_cli_open_engine(&co)) == NULL)
        rc = CK_EXIT_USAGE;
    if (eng && (bad = ck_noise_check_names(&nz, eng->rules)) != NULL) {
        fprintf(stderr, en ? "fundcheck check: '%s' is neither a rule id nor a category (see fundcheck rules list)\n"
                           : "fundcheck check: “%s”既不是规则编号也不是类别（见 fundcheck rules list）\n",
                bad);
        rc = CK_EXIT_USAGE;
    }
    if (rc != CK_EXIT_CLEAN) {
        if (eng)
            ck_engine_free(eng);
        paths_fini(&paths);
        goto done;
    }
    eng->want_hash = 0;
    if (empty_dirs)
        rc = CK_EXIT_FILE_ERROR;
    size_t n = paths.n;
    struct ck_result *res = ck_calloc(n, sizeof *res);
    struct ck_profile *prof = profile ? ck_profile_new(eng->rules->n_rules) : NULL;
    if (prof)
        prof->stage_seconds[CK_STAGE_OPEN] = ck_now() - t_open;
    struct pool pl = {eng, &paths, res, co.lang, prof, 0, 0, PTHREAD_MUTEX_INITIALIZER};
    if ((size_t)jobs > n)
        jobs = (int)n;
    if (jobs <= 1) {
        worker(&pl);
    } else {
        pthread_t th[MAX_JOBS];
        int started = 0;
        for (int i = 0; i < jobs; i++)
            if (pthread_create(&th[started], NULL, worker, &pl) == 0)
                started++;
        if (started == 0)
            worker(&pl);
        for (int i = 0; i < started; i++)
            pthread_join(th[i], NULL);
    }
    pthread_mutex_destroy(&pl.mu);
    double t_out = ck_now();
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
    ck_lookthrough_results(eng, ev, res, n);
    ck_eval_free(ev);
    if (evidence) {
        /* The bundle records the whole verdict, before --rule/--min-severity
         * and notice folding change what is shown: `verify` re-runs that. */
        int raw_rc = rc;
        for (size_t i = 0; i < n; i++) {
            int e = res[i].status == CK_OK ? (ck_findings_count_at_least(&res[i].findings, fail_on) > 0
                                                  ? CK_EXIT_FINDINGS : CK_EXIT_CLEAN)
                    : res[i].status == CK_ENOMEM ? CK_EXIT_SYSTEM : CK_EXIT_FILE_ERROR;
            if (e > raw_rc)
                raw_rc = e;
        }
        struct ck_report_opts raw = {co.lang, fail_on, CK_SEV_NOTICE, 0, NULL};
        int erc = ck_evidence_write(evidence, eng, co.catalog_dir, paths.v, res, n, &raw, raw_rc);
        if (erc > rc)
            rc = erc;
    }
    for (size_t i = 0; i < n; i++) {
        if (paths.stdin_tmp && strcmp(res[i].path, paths.stdin_tmp) == 0) {
            free(res[i].path);
            res[i].path = ck_strdup("-");
        }
        if (res[i].status != CK_OK) {
            ck_cli_print_file_error(stderr, &res[i], co.lang);
            int file_rc = (res[i].status == CK_ENOMEM) ? CK_EXIT_SYSTEM : CK_EXIT_FILE_ERROR;
            if (file_rc > rc)
                rc = file_rc;
            continue;
        }
        if (res[i].rule_errors)
            fprintf(stderr, "fundcheck: %s: %s", res[i].path, res[i].rule_errors);
        ck_noise_select(&nz, &res[i].findings);
        if (ck_findings_count_at_least(&res[i].findings, fail_on) > 0 && rc < CK_EXIT_FINDINGS)
            rc = CK_EXIT_FINDINGS;
        ck_noise_min_severity(&nz, &res[i].findings);
    }
    if (pl.limit_hits)
        fprintf(stderr,
                en ? "fundcheck: warning: %lu regular-expression match(es) stopped at the match limit\n"
                   : "fundcheck: 警告：%lu 次正则表达式匹配在匹配上限处停止\n",
                pl.limit_hits);
    struct ck_report_opts ro = {co.lang, fail_on, nz.min_severity, use_color(color, stdout), NULL};
    int to_stdout = !quiet;
    for (size_t i = 0; i < n_out; i++)
        if (strcmp(outs[i].path, "-") == 0)
            to_stdout = 0;
    if (to_stdout)
        ck_report_get(stdout_fmt)(stdout, eng, res, n, &ro);
    for (size_t i = 0; i < n_out; i++)
        if (write_report(outs[i].fmt, outs[i].path, eng, res, n, &ro, en) != 0)
            rc = CK_EXIT_SYSTEM;
    if (prof) {
        fflush(stdout);
        prof->stage_seconds[CK_STAGE_OUTPUT] = ck_now() - t_out;
        ck_profile_print(prof, eng->rules, stderr);
        ck_profile_free(prof);
    }
    for (size_t i = 0; i < n; i++)
        ck_result_fini(&res[i]);
    free(res);
    ck_engine_free(eng);
    paths_fini(&paths);
done:
    ck_noise_fini(&nz);
    ck_config_fini(&cfg);
    return rc;
}
