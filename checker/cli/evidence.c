/* SPDX-License-Identifier: MIT */
/*
 * Evidence bundles: what a `check` verdict rests on, kept next to it so that
 * anyone can reproduce it later (`fundcheck check --evidence DIR FILE...`,
 * `fundcheck verify DIR`).
 *
 * A bundle is a directory:
 *   MANIFEST          tab-separated lines, see below
 *   findings.json     the JSON report of the run (output contract)
 *   filings/NNN/NAME  a copy of each filing's bytes
 *   data/rules/       the rule files of the run (*.xml)
 *   data/schema/      the filing and rule schemas and the example skeleton
 *   data/catalogs/    the shipped catalogue data (*.tsv)
 *   usercat/          the user catalogue data (*.tsv) of the run
 * MANIFEST lines: "fundcheck-evidence 1", "tool fundcheck VERSION",
 * "rulesVersion H", "catalogVersion V", "lang zh|en", "failOn SEV",
 * "exit N", then one "file SHA256 BYTES BUNDLE-PATH ORIGINAL-PATH" per filing
 * (SHA256 "-" when it could not be read) and one "data SHA256 BYTES
 * BUNDLE-PATH" per copied data file, findings.json included. The hashes
 * make an altered bundle detectable (verify refuses it); they are not a
 * signature: whoever can rewrite the bundle can rewrite MANIFEST too.
 *
 * verify re-runs the filings of the bundle with the bundle's rule set,
 * schemas and catalogues (FUNDCHECK_DATA is pointed at DIR/data), writes the
 * JSON report with the original paths and compares it with findings.json.
 *
 * Memory: everything here is owned by the function that allocates it.
 */
#include "evidence.h"

#include "buf.h"
#include "cli.h"
#include "catalog.h"
#include "ck.h"
#include "engine.h"
#include "eval.h"
#include "lookthrough.h"
#include "mem.h"
#include "report.h"
#include "rules.h"
#include "sha256.h"
#include "store.h"
#include "store_v4.h"

#include <dirent.h>
#include <sqlite3.h>
#include <errno.h>
#include <getopt.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Reads a whole regular file (at most 256 MiB). 0 on success. */
static int slurp(const char *path, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    struct ck_buf b;
    ck_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > (size_t)256 << 20) {
            fclose(f);
            ck_buf_fini(&b);
            errno = EFBIG;
            return -1;
        }
        ck_buf_add(&b, chunk, n);
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        ck_buf_fini(&b);
        errno = EIO;
        return -1;
    }
    *len = b.len;
    *data = b.len ? ck_buf_take(&b) : ck_strdup("");
    ck_buf_fini(&b);
    return 0;
}

static int write_all(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t w = len ? fwrite(data, 1, len, f) : 0;
    int bad = w != len;
    if (fclose(f) != 0)
        bad = 1;
    return bad ? -1 : 0;
}

static int mkdir_p(const char *dir)
{
    char *p = ck_strdup(dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0755) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

struct bundle {
    const char *dir;
    struct ck_buf manifest;
    int failed; /* a write failed: errno-style message printed */
};

/* Copies src to DIR/rel and records "data SHA BYTES rel". */
static void add_data(struct bundle *b, const char *src, const char *rel)
{
    char *data;
    size_t len;
    if (slurp(src, &data, &len) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot read for the evidence bundle: %s\n", src, strerror(errno));
        b->failed = 1;
        return;
    }
    struct ck_buf dst;
    ck_buf_init(&dst);
    ck_buf_printf(&dst, "%s/%s", b->dir, rel);
    char hex[65];
    ck_sha256_hex(data, len, hex);
    if (write_all(ck_buf_str(&dst), data, len) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot write: %s\n", ck_buf_str(&dst), strerror(errno));
        b->failed = 1;
    }
    ck_buf_printf(&b->manifest, "data\t%s\t%zu\t%s\n", hex, len, rel);
    ck_buf_fini(&dst);
    free(data);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Copies the regular files of src whose names end in suffix ("" = all)
 * into DIR/rel/, in name order. A missing directory copies nothing. */
static void add_dir(struct bundle *b, const char *src, const char *rel, const char *suffix)
{
    struct ck_buf d;
    ck_buf_init(&d);
    ck_buf_printf(&d, "%s/%s", b->dir, rel);
    if (mkdir_p(ck_buf_str(&d)) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot create: %s\n", ck_buf_str(&d), strerror(errno));
        b->failed = 1;
    }
    ck_buf_fini(&d);
    DIR *dir = src && *src ? opendir(src) : NULL;
    if (dir == NULL)
        return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    size_t sl = strlen(suffix);
    while ((de = readdir(dir)) != NULL) {
        size_t len = strlen(de->d_name);
        if (de->d_name[0] == '.' || len < sl || strcmp(de->d_name + len - sl, suffix) != 0)
            continue;
        names = ck_reallocarray(names, n + 1, sizeof *names);
        names[n++] = ck_strdup(de->d_name);
    }
    closedir(dir);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct ck_buf s, r;
        ck_buf_init(&s);
        ck_buf_init(&r);
        ck_buf_printf(&s, "%s/%s", src, names[i]);
        ck_buf_printf(&r, "%s/%s", rel, names[i]);
        struct stat st;
        if (stat(ck_buf_str(&s), &st) == 0 && S_ISREG(st.st_mode))
            add_data(b, ck_buf_str(&s), ck_buf_str(&r));
        ck_buf_fini(&s);
        ck_buf_fini(&r);
        free(names[i]);
    }
    free(names);
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int ck_evidence_write(const char *dir, const struct ck_engine *eng, const char *user_catalog_dir,
                      char **paths, const struct ck_result *res, size_t n,
                      const struct ck_report_opts *ro, int exit_code)
{
    struct bundle b = {dir, {0}, 0};
    ck_buf_init(&b.manifest);
    struct stat st;
    if (stat(dir, &st) == 0) {
        DIR *d = opendir(dir);
        int empty = 1;
        struct dirent *de;
        while (d && (de = readdir(d)) != NULL)
            if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
                empty = 0;
        if (d)
            closedir(d);
        if (!S_ISDIR(st.st_mode) || !empty) {
            fprintf(stderr, "fundcheck: %s:0: the evidence directory must be new or empty\n", dir);
            ck_buf_fini(&b.manifest);
            return CK_EXIT_USAGE;
        }
    }
    if (mkdir_p(dir) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot create the evidence directory: %s\n", dir, strerror(errno));
        ck_buf_fini(&b.manifest);
        return CK_EXIT_SYSTEM;
    }
    ck_buf_printf(&b.manifest, "fundcheck-evidence\t1\ntool\tfundcheck %s\nrulesVersion\t%s\n", CK_VERSION,
                  eng->rules->version);
    ck_buf_printf(&b.manifest, "catalogVersion\t%s\nlang\t%s\nfailOn\t%s\nexit\t%d\n",
                  eng->catalog ? ck_catalog_version(eng->catalog) : "-",
                  ro->lang == CK_LANG_EN ? "en" : "zh", ck_severity_name(ro->fail_on), exit_code);
    for (size_t i = 0; i < n; i++) {
        char *data;
        size_t len;
        if (strchr(paths[i], '\t') || strchr(paths[i], '\n') || slurp(paths[i], &data, &len) != 0) {
            ck_buf_printf(&b.manifest, "file\t-\t-\t-\t%s\n", paths[i]);
            continue;
        }
        struct ck_buf rel, dst;
        ck_buf_init(&rel);
        ck_buf_init(&dst);
        ck_buf_printf(&rel, "filings/%03zu", i + 1);
        ck_buf_printf(&dst, "%s/%s", dir, ck_buf_str(&rel));
        mkdir_p(ck_buf_str(&dst));
        ck_buf_printf(&rel, "/%s", base_name(paths[i]));
        ck_buf_printf(&dst, "/%s", base_name(paths[i]));
        char hex[65];
        ck_sha256_hex(data, len, hex);
        if (write_all(ck_buf_str(&dst), data, len) != 0) {
            fprintf(stderr, "fundcheck: %s:0: cannot write: %s\n", ck_buf_str(&dst), strerror(errno));
            b.failed = 1;
        }
        ck_buf_printf(&b.manifest, "file\t%s\t%zu\t%s\t%s\n", hex, len, ck_buf_str(&rel), paths[i]);
        ck_buf_fini(&rel);
        ck_buf_fini(&dst);
        free(data);
    }
    add_dir(&b, eng->rules_dir, "data/rules", ".xml");
    add_dir(&b, eng->schema_dir, "data/schema", "");
    add_dir(&b, eng->catalogs_dir, "data/catalogs", ".tsv");
    char *ucat = ck_cli_user_catalog_dir(user_catalog_dir);
    if (ucat && *ucat && strcmp(ucat, eng->catalogs_dir) != 0)
        add_dir(&b, ucat, "usercat", ".tsv");
    else
        add_dir(&b, NULL, "usercat", ".tsv");
    free(ucat);

    /* the findings, as `check --format json` prints them */
    char *json = NULL;
    size_t jlen = 0;
    FILE *mem = open_memstream(&json, &jlen);
    if (mem == NULL) {
        ck_buf_fini(&b.manifest);
        return CK_EXIT_SYSTEM;
    }
    ck_report_json(mem, eng, res, n, ro);
    fclose(mem);
    struct ck_buf fj;
    ck_buf_init(&fj);
    ck_buf_printf(&fj, "%s/findings.json", dir);
    char hex[65];
    ck_sha256_hex(json, jlen, hex);
    if (write_all(ck_buf_str(&fj), json, jlen) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot write: %s\n", ck_buf_str(&fj), strerror(errno));
        b.failed = 1;
    }
    ck_buf_printf(&b.manifest, "data\t%s\t%zu\tfindings.json\n", hex, jlen);
    free(json);
    ck_buf_fini(&fj);

    struct ck_buf mp;
    ck_buf_init(&mp);
    ck_buf_printf(&mp, "%s/MANIFEST", dir);
    if (write_all(ck_buf_str(&mp), ck_buf_str(&b.manifest), b.manifest.len) != 0) {
        fprintf(stderr, "fundcheck: %s:0: cannot write: %s\n", ck_buf_str(&mp), strerror(errno));
        b.failed = 1;
    }
    ck_buf_fini(&mp);
    ck_buf_fini(&b.manifest);
    return b.failed ? CK_EXIT_SYSTEM : CK_EXIT_CLEAN;
}

/* ---- verify ---- */

struct mfile {
    char *sha, *rel, *orig; /* owned; sha "-" for a filing that could not be read */
};

static char *field(char **p)
{
    char *s = *p;
    if (s == NULL)
        return NULL;
    char *t = strchr(s, '\t');
    if (t) {
        *t = '\0';
        *p = t + 1;
    } else {
        *p = NULL;
    }
    return s;
}

/* A bundle path must stay inside the bundle. */
static int safe_rel(const char *rel)
{
    if (rel[0] == '/' || rel[0] == '\0')
        return 0;
    for (const char *p = rel; *p; p++)
        if (p[0] == '.' && p[1] == '.' && (p == rel || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return 0;
    return 1;
}

static const char verify_help_zh[] =
    "用法：fundcheck verify 目录\n"
    "      fundcheck verify --db 文件 [--rules 目录] [--catalog-dir 目录] 运行编号\n"
    "\n"
    "用证据包（由 fundcheck check --evidence 目录 写出）自带的报送文件、规则集、模式与产业目录重新\n"
    "运行其中记录的检查，并与记录的发现比较。文件与记录的 SHA-256 不符的证据包会被拒绝。\n"
    "\n"
    "--db 文件 运行编号：用当前的规则集与产业目录重新检查数据库中该次扫描运行记录的报送（按当时\n"
    "给出的路径，相对于当前目录），此前先确认它们正是该运行记录的文件（run_files：每个规则、模式\n"
    "与产业目录文件的 SHA-256）；逐份比较报送的发现（不比较穿透，它取决于整个数据库）。\n"
    "\n"
    "退出码：0 结论相同，1 结论不同（打印差异），3 证据包被改动或不可读，或该运行的规则集或产业\n"
    "目录不是当前的，4 系统错误。\n";

static const char verify_help_en[] =
    "usage: fundcheck verify DIR\n"
    "       fundcheck verify --db FILE [--rules DIR] [--catalog-dir DIR] RUN\n"
    "\n"
    "Re-runs the check recorded in an evidence bundle (written by fundcheck check --evidence DIR)\n"
    "with the bundle's own filings, rule set, schemas and catalogues, and compares the result\n"
    "with the recorded findings. A bundle whose files do not match their recorded SHA-256 is\n"
    "refused.\n"
    "\n"
    "--db FILE RUN: re-checks the filings that scan run RUN of the database recorded (as\n"
    "their paths were given, relative to the current directory) with the current rule set and\n"
    "catalogue, after checking that these are the files the run recorded (run_files: SHA-256\n"
    "of every rule, schema and catalogue file); compares the findings of each filing (not the\n"
    "look-through, which depends on the whole database).\n"
    "\n"
    "exit: 0 the verdict is identical, 1 it differs (the differences are printed), 3 the bundle\n"
    "is altered or unreadable, or the run's rule set or catalogue is not the current one, 4\n"
    "system error.\n";

/* ---- verify --db FILE RUN ---- */

/* One canonical line per finding, as the database shows it and as a fresh
 * check computes it; the two sets are compared. */
static void finding_line(struct ck_buf *b, const char *path, const char *v[11])
{
    ck_buf_printf(b, "%s", path);
    for (int i = 0; i < 11; i++)
        ck_buf_printf(b, "\t%s", v[i] ? v[i] : "");
    ck_buf_addc(b, '\n');
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of text, sorted (the text is modified; the array borrows it). */
static char **sorted_lines(char *text, size_t *n_out)
{
    char **v = NULL;
    size_t n = 0;
    for (char *l = text, *e; l && *l; l = e) {
        e = strchr(l, '\n');
        if (e)
            *e++ = '\0';
        v = ck_reallocarray(v, n + 1, sizeof *v);
        v[n++] = l;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_line);
    *n_out = n;
    return v;
}

/* Prints the lines only in one side; returns how many. */
static long diff_lines(char *recorded, char *now)
{
    size_t na, nb;
    char **a = sorted_lines(recorded, &na), **b = sorted_lines(now, &nb);
    size_t i = 0, j = 0;
    long d = 0;
    while (i < na || j < nb) {
        int c = i == na ? 1 : j == nb ? -1 : strcmp(a[i], b[j]);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            printf("recorded: %s\n", a[i++]);
            d++;
        } else {
            printf("now:      %s\n", b[j++]);
            d++;
        }
    }
    free(a);
    free(b);
    return d;
}

static char *col_s(sqlite3_stmt *s, int i)
{
    const unsigned char *v = sqlite3_column_text(s, i);
    return ck_strdup(v ? (const char *)v : "");
}

static int verify_db(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'd'},
        {"rules", required_argument, NULL, 'r'},
        {"catalog-dir", required_argument, NULL, 'c'},
        {"lang", required_argument, NULL, 'l'},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    const char *db_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'r': co.rules_dir = optarg; break;
        case 'c': co.catalog_dir = optarg; break;
        case 'l':
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck verify: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        default: ck_cli_help(stderr, verify_help_zh, verify_help_en, ck_cli_lang_from_argv(argc, argv)); return CK_EXIT_USAGE;
        }
    }
    char *end = NULL;
    long long run_id = optind + 1 == argc ? strtoll(argv[optind], &end, 10) : 0;
    if (db_path == NULL || run_id <= 0 || *end) {
        ck_cli_help(stderr, verify_help_zh, verify_help_en, ck_cli_lang_from_argv(argc, argv));
        return CK_EXIT_USAGE;
    }
    int en = co.lang == CK_LANG_EN;
    struct ck_store *st = NULL;
    char *err = NULL;
    if (ck_store_open(db_path, CK_STORE_EXISTING, co.lang, &st, &err) != CK_OK) {
        fprintf(stderr, "fundcheck verify: %s\n", err ? err : db_path);
        free(err);
        return CK_EXIT_SYSTEM;
    }
    sqlite3 *db = ck_store_db(st);
    int rc = CK_EXIT_USAGE;
    struct ck_engine *eng = NULL;
    struct ck_evaluator *ev = NULL;
    char *tool = NULL, *ruleset = NULL, *catalog = NULL, *run_lang = NULL;
    struct ck_buf rec, now;
    ck_buf_init(&rec);
    ck_buf_init(&now);
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, "SELECT tool_version, ruleset_hash, catalog_version,"
                               " coalesce(json_extract(options, '$.lang'), 'zh'),"
                               " (SELECT count(*) FROM run_files f WHERE f.run_id = r.run_id),"
                               " json_extract(options, '$.merge') IS NOT NULL"
                               " FROM runs r WHERE run_id = ?1", -1, &s, NULL) != SQLITE_OK) {
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    sqlite3_bind_int64(s, 1, run_id);
    if (sqlite3_step(s) != SQLITE_ROW) {
        fprintf(stderr, en ? "fundcheck verify: %s: no run %lld\n" : "fundcheck verify: %s：没有运行 %lld\n",
                db_path, run_id);
        goto out;
    }
    tool = col_s(s, 0);
    ruleset = col_s(s, 1);
    catalog = col_s(s, 2);
    run_lang = col_s(s, 3);
    long long n_prov = sqlite3_column_int64(s, 4);
    int is_merge = sqlite3_column_int(s, 5);
    sqlite3_finalize(s);
    s = NULL;
    if (is_merge) {
        fprintf(stderr, en ? "fundcheck verify: %s: run %lld is a merge, which checked nothing; verify the runs it"
                             " copied from the shards\n"
                           : "fundcheck verify: %s：运行 %lld 是一次合并，未检查任何申报；请核验它从分片复制的运行\n",
                db_path, run_id);
        goto out;
    }
    if (n_prov == 0) {
        fprintf(stderr, en ? "fundcheck verify: %s: run %lld recorded no rule or catalogue files (run before schema 4"
                             " or a merge); it cannot be verified\n"
                           : "fundcheck verify: %s：运行 %lld 未记录规则与目录文件（架构版本 4 之前的运行或合并），无法核验\n",
                db_path, run_id);
        goto out;
    }
    /* evidence and explanations are worded in the run's language: check in it
     * (--lang only chooses the language of verify's own messages) */
    co.lang = strcmp(run_lang, "en") == 0 ? CK_LANG_EN : CK_LANG_ZH;
    if ((eng = ck_cli_open_engine(&co)) == NULL)
        goto out;
    /* the rule set and catalogue must be the run's */
    long diffs = ck_store4_files_diff(db, run_id, eng, stderr, en);
    int refuse = diffs != 0;
    if (strcmp(ruleset, eng->rules->version) != 0) {
        fprintf(stderr, en ? "rule-set hash %s, the run's %s\n" : "规则集哈希 %s，该次运行为 %s\n",
                eng->rules->version, ruleset);
        refuse = 1;
    }
    if (strcmp(catalog, ck_store_catalog_version(eng)) != 0) {
        fprintf(stderr, en ? "catalogue version %s, the run's %s\n" : "目录版本 %s，该次运行为 %s\n",
                ck_store_catalog_version(eng), catalog);
        refuse = 1;
    }
    if (refuse) {
        fprintf(stderr, en ? "fundcheck verify: the rule set or catalogue is not the one run %lld used; refusing"
                             " to verify (check out the run's rule files and catalogue first)\n"
                           : "fundcheck verify：当前规则集或目录不是运行 %lld 所用的版本，拒绝核验"
                             "（请先取回该次运行的规则文件和目录）\n",
                run_id);
        rc = diffs < 0 ? CK_EXIT_SYSTEM : CK_EXIT_USAGE;
        goto out;
    }
    if (strcmp(tool, CK_VERSION) != 0)
        printf(en ? "note: recorded with fundcheck %s, verified with %s\n" : "注意：该次运行使用 fundcheck %s，核验使用 %s\n",
               tool, CK_VERSION);
    /* the run's filings, and what the database says of each */
    static const char q_filings[] =
        "SELECT f.filing_pk, f.path, f.sha256, f.status, coalesce(f.error_message, ''), f.run_id,"
        " (SELECT coalesce(json_extract(w.options, '$.lang'), 'zh') FROM runs w WHERE w.run_id = f.run_id)"
        " FROM run_filings rf JOIN filings f ON f.filing_pk = rf.filing_pk WHERE rf.run_id = ?1 ORDER BY f.path";
    static const char q_findings[] =
        "SELECT severity, rule_id, holding_id, item, line, xpath, exempted, exempted_by, message_zh, message_en,"
        " evidence_zh || '|' || coalesce(evidence_en, '') FROM findings WHERE filing_pk = ?1 AND derived = 0"
        " AND rule_id <> 'LIM-006'";
    sqlite3_stmt *qf = NULL;
    if (sqlite3_prepare_v2(db, q_filings, -1, &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, q_findings, -1, &qf, NULL) != SQLITE_OK) {
        sqlite3_finalize(qf);
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    sqlite3_bind_int64(s, 1, run_id);
    eng->want_hash = 1;
    ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
    size_t n_filings = 0;
    long changed = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        n_filings++;
        long long pk = sqlite3_column_int64(s, 0);
        const char *path = (const char *)sqlite3_column_text(s, 1), *sha = (const char *)sqlite3_column_text(s, 2);
        const char *status = (const char *)sqlite3_column_text(s, 3);
        long long by = sqlite3_column_int64(s, 5);
        const char *by_lang = (const char *)sqlite3_column_text(s, 6);
        if (by > run_id || strcmp(by_lang ? by_lang : "zh", run_lang) != 0) {
            /* the rows are another run's: replaced later (--force), or written
             * in another language (a skipped filing) */
            printf(en ? "%s: its rows were written by run %lld%s; run %lld's verdict for it is not in the database\n"
                      : "%s：其记录由运行 %lld 写入%s；数据库中没有运行 %lld 对它的结论\n",
                   path, by, by > run_id ? (en ? " (--force)" : "（--force）") : (en ? " in another language" : "（另一种语言）"),
                   run_id);
            changed++;
            continue;
        }
        ck_buf_printf(&rec, "%s\tstatus\t%s\t%s\n", path, status,
                      strcmp(status, "error") == 0 ? (const char *)sqlite3_column_text(s, 4) : "");
        sqlite3_reset(qf);
        sqlite3_bind_int64(qf, 1, pk);
        while (sqlite3_step(qf) == SQLITE_ROW) {
            const char *v[11];
            for (int i = 0; i < 11; i++)
                v[i] = (const char *)sqlite3_column_text(qf, i);
            finding_line(&rec, path, v);
        }
        char *data = NULL;
        size_t len = 0;
        char hex[65] = "";
        if (slurp(path, &data, &len) == 0)
            ck_sha256_hex(data, len, hex);
        if (*sha && strcmp(hex, sha) != 0) {
            printf(en ? "%s: %s (SHA-256 %s, recorded %s): cannot be checked again\n"
                      : "%s：%s（SHA-256 %s，运行时为 %s），无法重新检查\n",
                   path, *hex ? (en ? "changed" : "文件已改变") : (en ? "missing" : "文件不存在"), *hex ? hex : "-", sha);
            changed++;
            free(data);
            continue;
        }
        struct ck_result r;
        if (data)
            ck_check_bytes(eng, ev, path, data, len, &r);
        else
            ck_check_path(eng, ev, path, &r);
        free(data);
        if (r.status != CK_OK) {
            ck_buf_printf(&now, "%s\tstatus\terror\t%s\n", path, r.err_msg ? r.err_msg : ck_strerror(r.status));
        } else {
            ck_buf_printf(&now, "%s\tstatus\tchecked\t\n", path);
            for (size_t i = 0; i < r.findings.n; i++) {
                const struct ck_finding *x = &r.findings.v[i];
                char line[32], exm[4];
                snprintf(line, sizeof line, "%ld", x->line);
                snprintf(exm, sizeof exm, "%d", x->exempted);
                struct ck_buf evi;
                ck_buf_init(&evi);
                ck_buf_printf(&evi, "%s|%s", x->evidence[CK_LANG_ZH] ? x->evidence[CK_LANG_ZH] : "",
                              x->evidence[CK_LANG_EN] ? x->evidence[CK_LANG_EN] : "");
                const char *v[11] = {ck_severity_name(x->severity), x->rule->id, x->holding, x->item, line, x->xpath,
                                     exm, x->exempt_document, x->message[CK_LANG_ZH], x->message[CK_LANG_EN],
                                     x->evidence[CK_LANG_ZH] ? ck_buf_str(&evi) : NULL};
                finding_line(&now, path, v);
                ck_buf_fini(&evi);
            }
        }
        ck_result_fini(&r);
    }
    sqlite3_finalize(qf);
    long d = diff_lines(rec.len ? rec.p : (char *)"", now.len ? now.p : (char *)"");
    if (d == 0 && changed == 0) {
        printf(en ? "verdict identical: run %lld, %zu filing(s)\n" : "结论一致：运行 %lld，%zu 份申报\n", run_id, n_filings);
        rc = CK_EXIT_CLEAN;
    } else {
        printf(en ? "verdict differs: run %lld, %ld difference(s), %ld filing(s) that cannot be checked again\n"
                  : "结论不一致：运行 %lld，%ld 处不同，%ld 份申报无法重新检查\n",
               run_id, d, changed);
        rc = CK_EXIT_FINDINGS;
    }
out:
    sqlite3_finalize(s);
    ck_eval_free(ev);
    ck_engine_free(eng);
    ck_store_close(st);
    ck_buf_fini(&rec);
    ck_buf_fini(&now);
    free(tool);
    free(ruleset);
    free(catalog);
    free(run_lang);
    return rc;
}

int ck_verify_main(int argc, char **argv)
{
    if (ck_cli_wants_help(argc, argv)) {
        ck_cli_help(stdout, verify_help_zh, verify_help_en, ck_cli_lang_from_argv(argc, argv));
        return CK_EXIT_CLEAN;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("fundcheck %s\n", CK_VERSION);
        return CK_EXIT_CLEAN;
    }
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--db") == 0 || strncmp(argv[i], "--db=", 5) == 0)
            return verify_db(argc, argv);
    if (argc != 2) {
        ck_cli_help(stderr, verify_help_zh, verify_help_en, ck_cli_lang_from_argv(argc, argv));
        return CK_EXIT_USAGE;
    }
    const char *dir = argv[1];
    struct ck_buf mp;
    ck_buf_init(&mp);
    ck_buf_printf(&mp, "%s/MANIFEST", dir);
    char *man;
    size_t mlen;
    if (slurp(ck_buf_str(&mp), &man, &mlen) != 0) {
        fprintf(stderr, "fundcheck verify: %s:0: cannot read: %s\n", ck_buf_str(&mp), strerror(errno));
        ck_buf_fini(&mp);
        return CK_EXIT_USAGE;
    }
    ck_buf_fini(&mp);
    struct mfile *files = NULL;
    size_t n_files = 0;
    char *tool = NULL, *lang = NULL, *fail_on = NULL, *rules_version = NULL, *cat_version = NULL;
    int rec_exit = -1, altered = 0, magic = 0;
    long lineno = 0;
    for (char *line = man, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        char *p = line;
        char *k = field(&p);
        if (strcmp(k, "fundcheck-evidence") == 0) {
            magic = p && strcmp(p, "1") == 0;
        } else if (strcmp(k, "tool") == 0 && p) {
            tool = p;
        } else if (strcmp(k, "lang") == 0 && p) {
            lang = p;
        } else if (strcmp(k, "failOn") == 0 && p) {
            fail_on = p;
        } else if (strcmp(k, "rulesVersion") == 0 && p) {
            rules_version = p;
        } else if (strcmp(k, "catalogVersion") == 0 && p) {
            cat_version = p;
        } else if (strcmp(k, "exit") == 0 && p) {
            rec_exit = (int)strtol(p, NULL, 10);
        } else if (strcmp(k, "file") == 0 || strcmp(k, "data") == 0) {
            int is_file = k[0] == 'f';
            char *sha = field(&p), *bytes = field(&p), *rel = field(&p);
            char *orig = is_file ? field(&p) : NULL;
            if (sha == NULL || bytes == NULL || rel == NULL || (is_file && orig == NULL) ||
                (strcmp(sha, "-") != 0 && !safe_rel(rel))) {
                fprintf(stderr, "fundcheck verify: %s/MANIFEST:%ld: malformed line\n", dir, lineno);
                altered = 1;
                continue;
            }
            if (strcmp(sha, "-") != 0) {
                struct ck_buf fp;
                ck_buf_init(&fp);
                ck_buf_printf(&fp, "%s/%s", dir, rel);
                char *data;
                size_t len;
                char hex[65] = "";
                if (slurp(ck_buf_str(&fp), &data, &len) == 0) {
                    ck_sha256_hex(data, len, hex);
                    free(data);
                }
                if (strcmp(hex, sha) != 0) {
                    fprintf(stderr, "fundcheck verify: %s:0: %s (SHA-256 %s, recorded %s)\n", ck_buf_str(&fp),
                            *hex ? "altered" : "missing", *hex ? hex : "-", sha);
                    altered = 1;
                }
                ck_buf_fini(&fp);
            }
            if (is_file) {
                files = ck_reallocarray(files, n_files + 1, sizeof *files);
                files[n_files++] = (struct mfile){sha, rel, orig};
            }
        }
    }
    if (!magic || lang == NULL || fail_on == NULL || rec_exit < 0) {
        fprintf(stderr, "fundcheck verify: %s/MANIFEST:0: not an evidence bundle (fundcheck-evidence 1)\n", dir);
        altered = 1;
    }
    if (altered) {
        fprintf(stderr, "fundcheck verify: %s: the bundle is altered or incomplete; refusing to verify it\n", dir);
        free(files);
        free(man);
        return CK_EXIT_USAGE;
    }

    /* the bundle's data root: rules, schemas, shipped catalogues */
    struct ck_buf root, rules, ucat;
    ck_buf_init(&root);
    ck_buf_init(&rules);
    ck_buf_init(&ucat);
    ck_buf_printf(&root, "%s/data", dir);
    ck_buf_printf(&rules, "%s/data/rules", dir);
    ck_buf_printf(&ucat, "%s/usercat", dir);
    int lg = strcmp(lang, "en") == 0 ? CK_LANG_EN : CK_LANG_ZH;
    struct ck_engine_opts eo = {ck_buf_str(&rules), ck_buf_str(&ucat), lg, 0, ck_buf_str(&root)};
    struct ck_engine *eng = NULL;
    char *err = NULL;
    int rc;
    if (ck_engine_open(&eo, &eng, &err) != CK_OK) {
        fprintf(stderr, "fundcheck verify: cannot load the bundle's rule set or catalogue:\n%s", err ? err : "");
        free(err);
        rc = CK_EXIT_USAGE;
        goto out;
    }
    eng->want_hash = 0;
    struct ck_report_opts ro = {lg, ck_severity_parse(fail_on), CK_SEV_NOTICE, 0, NULL};
    if (ro.fail_on < 0)
        ro.fail_on = CK_SEV_VIOLATION;
    struct ck_result *res = ck_calloc(n_files ? n_files : 1, sizeof *res);
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, lg);
    for (size_t i = 0; i < n_files; i++) {
        struct ck_buf fp;
        ck_buf_init(&fp);
        if (strcmp(files[i].sha, "-") == 0)
            ck_buf_adds(&fp, files[i].orig); /* could not be read then: try it where it was */
        else
            ck_buf_printf(&fp, "%s/%s", dir, files[i].rel);
        ck_check_path(eng, ev, ck_buf_str(&fp), &res[i]);
        ck_buf_fini(&fp);
    }
    ck_lookthrough_results(eng, ev, res, n_files);
    int new_exit = CK_EXIT_CLEAN;
    for (size_t i = 0; i < n_files; i++) {
        free(res[i].path);
        res[i].path = ck_strdup(files[i].orig); /* report under the recorded name */
        int e = res[i].status != CK_OK ? (res[i].status == CK_ENOMEM ? CK_EXIT_SYSTEM : CK_EXIT_FILE_ERROR)
                : ck_findings_count_at_least(&res[i].findings, ro.fail_on) > 0 ? CK_EXIT_FINDINGS
                : CK_EXIT_CLEAN;
        if (e > new_exit)
            new_exit = e;
    }
    char *json = NULL;
    size_t jlen = 0;
    FILE *mem = open_memstream(&json, &jlen);
    if (mem)
        ck_report_json(mem, eng, res, n_files, &ro);
    if (mem)
        fclose(mem);
    for (size_t i = 0; i < n_files; i++)
        ck_result_fini(&res[i]);
    free(res);
    ck_eval_free(ev);

    struct ck_buf fj;
    ck_buf_init(&fj);
    ck_buf_printf(&fj, "%s/findings.json", dir);
    char *old;
    size_t olen;
    if (json == NULL || slurp(ck_buf_str(&fj), &old, &olen) != 0) {
        fprintf(stderr, "fundcheck verify: %s:0: cannot read\n", ck_buf_str(&fj));
        free(json);
        ck_buf_fini(&fj);
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    ck_buf_fini(&fj);
    char now_tool[64];
    snprintf(now_tool, sizeof now_tool, "fundcheck %s", CK_VERSION);
    if (tool && strcmp(tool, now_tool) != 0)
        printf("note: recorded with %s, verified with %s\n", tool, now_tool);
    if (rules_version && strcmp(rules_version, eng->rules->version) != 0)
        printf("note: rule-set hash %s, recorded %s\n", eng->rules->version, rules_version);
    if (cat_version && eng->catalog && strcmp(cat_version, ck_catalog_version(eng->catalog)) != 0)
        printf("note: catalogue version %s, recorded %s\n", ck_catalog_version(eng->catalog), cat_version);
    /* The reports are compared line by line (one line per filing and per
     * finding), without the tool line: a newer version that gives the same
     * findings gives the same verdict. */
    int same = new_exit == rec_exit;
    if (!same)
        printf("exit code: recorded %d, now %d\n", rec_exit, new_exit);
    const char *a = strchr(old, '\n'), *b = strchr(json, '\n');
    a = a ? a + 1 : old + olen;
    b = b ? b + 1 : json + jlen;
    if (strcmp(a, b) != 0) {
        same = 0;
        /* lines only in one of them, in order */
        for (int side = 0; side < 2; side++) {
            const char *x = side ? b : a, *y = side ? a : b;
            for (const char *l = x; *l;) {
                const char *e = strchr(l, '\n');
                size_t len = e ? (size_t)(e - l) : strlen(l);
                int found = 0;
                for (const char *m = y; *m && !found;) {
                    const char *f = strchr(m, '\n');
                    size_t ml = f ? (size_t)(f - m) : strlen(m);
                    found = ml == len && memcmp(l, m, len) == 0;
                    m = f ? f + 1 : m + ml;
                }
                if (!found)
                    printf("%s %.*s\n", side ? "now:     " : "recorded:", (int)len, l);
                l = e ? e + 1 : l + len;
            }
        }
    }
    if (same)
        printf("verdict identical: %zu filing(s), exit %d\n", n_files, new_exit);
    else
        printf("verdict differs\n");
    rc = same ? CK_EXIT_CLEAN : CK_EXIT_FINDINGS;
    free(json);
    free(old);
out:
    ck_engine_free(eng);
    ck_buf_fini(&root);
    ck_buf_fini(&rules);
    ck_buf_fini(&ucat);
    free(files);
    free(man);
    return rc;
}
