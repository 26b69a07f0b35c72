/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck catalog SUBCOMMAND`: import, stats, show, search, list, eval.
 *
 * Output is Chinese by default and English with --lang en; every listing is in
 * a fixed order (catalogue file order, or rank order with deterministic ties) so
 * it can be compared byte for byte. Exit codes: 0 ok, 1 `eval` below --min,
 * 3 bad usage or bad catalogue data, 4 system error.
 */
#include "catalog.h"
#include "cli.h"

#include "ck.h"
#include "mem.h"
#include "textnorm.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct opts {
    const char *catalog_dir;
    const char *lang;
    const char *edition;
    const char *effective;
    const char *status;
    const char *title;
    const char *source;
    const char *cls;
    const char *format;
    const char *province, *name, *date;
    const char *output;
    int top;
    double min;
    int strict, dry_run, gbt, provincial;
    const char *args[8];
    int n_args;
};

static int zh(const struct opts *o)
{
    return o->lang == NULL || strcmp(o->lang, "en") != 0;
}

static const char catalog_help_zh[] =
    "用法：fundcheck catalog import --edition 版本 --effective YYYY-MM-DD [--status complete|excerpt|synthetic]\n"
    "                               [--title 标题] [--source 来源] [--strict] [--dry-run] [--output 文件] 文件\n"
    "      fundcheck catalog import --provincial --province NN --name 名称 --date 日期 [--status official|sample] 文件\n"
    "      fundcheck catalog import --gbt4754 文件\n"
    "      fundcheck catalog stats\n"
    "      fundcheck catalog show 键            （如 2024/restricted/一/2）\n"
    "      fundcheck catalog search [--edition 版本] [--class 类别] [--top N] [--format text|tsv] 文本\n"
    "      fundcheck catalog list [--edition 版本] [--class 类别] [--format text|tsv]\n"
    "      fundcheck catalog eval [--edition 版本] [--min 0.80] 标注.tsv\n"
    "通用选项：--catalog-dir 目录（用户的产业目录目录），--lang zh|en（见 docs/catalog.md）\n";
static const char catalog_help_en[] =
    "usage: fundcheck catalog import --edition E --effective YYYY-MM-DD [--status complete|excerpt|synthetic]\n"
    "                                [--title T] [--source S] [--strict] [--dry-run] [--output FILE] FILE\n"
    "       fundcheck catalog import --provincial --province NN --name N --date D [--status official|sample] FILE\n"
    "       fundcheck catalog import --gbt4754 FILE\n"
    "       fundcheck catalog stats\n"
    "       fundcheck catalog show KEY            (e.g. 2024/restricted/一/2)\n"
    "       fundcheck catalog search [--edition E] [--class C] [--top N] [--format text|tsv] TEXT\n"
    "       fundcheck catalog list [--edition E] [--class C] [--format text|tsv]\n"
    "       fundcheck catalog eval [--edition E] [--min 0.80] LABELS.tsv\n"
    "common options: --catalog-dir DIR (user catalogue dir), --lang zh|en (see docs/catalog.md)\n";

/* z: Chinese (zh(o), or no --lang en on the command line) */
static void usage(FILE *f, int z)
{
    ck_cli_help(f, catalog_help_zh, catalog_help_en, z ? CK_LANG_ZH : CK_LANG_EN);
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
    memset(o, 0, sizeof *o);
    o->top = 5;
    o->min = -1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (strcmp(a, "--catalog-dir") == 0)
            slot = &o->catalog_dir;
        else if (strcmp(a, "--lang") == 0)
            slot = &o->lang;
        else if (strcmp(a, "--edition") == 0)
            slot = &o->edition;
        else if (strcmp(a, "--effective") == 0)
            slot = &o->effective;
        else if (strcmp(a, "--status") == 0)
            slot = &o->status;
        else if (strcmp(a, "--title") == 0)
            slot = &o->title;
        else if (strcmp(a, "--source") == 0)
            slot = &o->source;
        else if (strcmp(a, "--class") == 0)
            slot = &o->cls;
        else if (strcmp(a, "--format") == 0)
            slot = &o->format;
        else if (strcmp(a, "--province") == 0)
            slot = &o->province;
        else if (strcmp(a, "--name") == 0)
            slot = &o->name;
        else if (strcmp(a, "--date") == 0)
            slot = &o->date;
        else if (strcmp(a, "--output") == 0)
            slot = &o->output;
        if (slot) {
            if (i + 1 >= argc) {
                fprintf(stderr, "fundcheck catalog: %s needs a value\n", a);
                return -1;
            }
            *slot = argv[++i];
            continue;
        }
        if (strcmp(a, "--top") == 0 || strcmp(a, "-k") == 0 || strcmp(a, "--min") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "fundcheck catalog: %s needs a value\n", a);
                return -1;
            }
            char *end;
            double v = strtod(argv[++i], &end);
            if (*end || v < 0 || v > 1000) {
                fprintf(stderr, "fundcheck catalog: bad value for %s: %s\n", a, argv[i]);
                return -1;
            }
            if (a[1] == 'k' || strcmp(a, "--top") == 0)
                o->top = v < 1 ? 1 : (int)v;
            else
                o->min = v;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = 1;
        } else if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
        } else if (strcmp(a, "--gbt4754") == 0) {
            o->gbt = 1;
        } else if (strcmp(a, "--provincial") == 0) {
            o->provincial = 1;
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "fundcheck catalog: unknown option %s\n", a);
            return -1;
        } else if (o->n_args < (int)CK_ARRAY_LEN(o->args)) {
            o->args[o->n_args++] = a;
        } else {
            fprintf(stderr, "fundcheck catalog: too many arguments\n");
            return -1;
        }
    }
    if (o->lang && strcmp(o->lang, "zh") != 0 && strcmp(o->lang, "en") != 0) {
        fprintf(stderr, "fundcheck catalog: --lang must be zh or en\n");
        return -1;
    }
    return 0;
}

static int load(const char *shipped, const struct opts *o, struct ck_catalog **cat)
{
    char *err = NULL;
    char *user_dir = ck_cli_user_catalog_dir(o->catalog_dir);
    int rc = ck_catalog_load(shipped, user_dir, cat, &err);
    free(user_dir);
    if (rc != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", err ? err : "cannot load the catalogue");
        free(err);
        return rc == CK_EIO ? CK_EXIT_SYSTEM : CK_EXIT_USAGE;
    }
    return 0;
}

static const char *status_label(const char *status, int z)
{
    if (strcmp(status, "complete") == 0)
        return z ? "完整版" : "complete";
    if (strcmp(status, "excerpt") == 0)
        return z ? "节选（不完整）" : "excerpt (incomplete)";
    if (strcmp(status, "synthetic") == 0)
        return z ? "合成测试数据（非官方）" : "SYNTHETIC test data (not official)";
    if (strcmp(status, "sample") == 0)
        return z ? "示例（非官方）" : "sample (not official)";
    if (strcmp(status, "official") == 0)
        return z ? "官方" : "official";
    if (strcmp(status, "derived") == 0)
        return z ? "派生（不完整，非官方文本）" : "derived (partial, not the official text)";
    return status;
}

/* ---- writing files ---- */

static int mkdirs(const char *dir)
{
    char *d = ck_strdup(dir);
    for (char *p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(d, 0777) != 0 && errno != EEXIST) {
            free(d);
            return -1;
        }
        *p = '/';
    }
    int rc = (mkdir(d, 0777) != 0 && errno != EEXIST) ? -1 : 0;
    free(d);
    return rc;
}

/* Writes data to path atomically (temp file + rename). */
static int write_atomic(const char *path, const char *data, size_t len)
{
    struct ck_buf tmp;
    ck_buf_init(&tmp);
    ck_buf_printf(&tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(ck_buf_str(&tmp), "wb");
    int rc = -1;
    if (f) {
        size_t w = fwrite(data, 1, len, f);
        int bad = ferror(f) | (fclose(f) != 0);
        if (w == len && !bad && rename(ck_buf_str(&tmp), path) == 0)
            rc = 0;
        else
            remove(ck_buf_str(&tmp));
    }
    ck_buf_fini(&tmp);
    return rc;
}

static int store(const struct opts *o, const char *file_name, const struct ck_buf *content)
{
    if (o->dry_run)
        return 0;
    struct ck_buf path;
    ck_buf_init(&path);
    if (o->output) {
        ck_buf_adds(&path, o->output);
    } else {
        char *dir = ck_cli_user_catalog_dir(o->catalog_dir);
        if (*dir == '\0' || mkdirs(dir) != 0) {
            fprintf(stderr, "fundcheck: cannot create catalogue directory %s: %s\n",
                    *dir ? dir : "(no HOME)", strerror(errno));
            free(dir);
            ck_buf_fini(&path);
            return CK_EXIT_SYSTEM;
        }
        ck_buf_printf(&path, "%s/%s", dir, file_name);
        free(dir);
    }
    /* the written file must load: check it before replacing anything */
    struct ck_catalog *check = ck_calloc(1, sizeof *check);
    struct ck_buf tmpname;
    ck_buf_init(&tmpname);
    ck_buf_printf(&tmpname, "%s.check.%ld.tsv", ck_buf_str(&path), (long)getpid());
    int rc = 0;
    char *err = NULL;
    if (write_atomic(ck_buf_str(&tmpname), content->p, content->len) != 0) {
        fprintf(stderr, "fundcheck: cannot write %s: %s\n", ck_buf_str(&tmpname),
                strerror(errno));
        rc = CK_EXIT_SYSTEM;
    } else if (ck_catalog_load_file(check, ck_buf_str(&tmpname), 1, &err) != CK_OK ||
               ck_catalog_freeze(check, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: the converted catalogue does not load: %s\n",
                err ? err : "?");
        rc = CK_EXIT_USAGE;
    } else if (rename(ck_buf_str(&tmpname), ck_buf_str(&path)) != 0) {
        fprintf(stderr, "fundcheck: cannot write %s: %s\n", ck_buf_str(&path),
                strerror(errno));
        rc = CK_EXIT_SYSTEM;
    } else {
        printf(zh(o) ? "已写入 %s\n" : "written to %s\n", ck_buf_str(&path));
    }
    remove(ck_buf_str(&tmpname));
    free(err);
    ck_catalog_free(check);
    ck_buf_fini(&tmpname);
    ck_buf_fini(&path);
    return rc;
}

static int valid_date(const char *s)
{
    if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

/* Reads a code list (TSV with a code column, or one code per line) for provincial lists and
 * the GB/T table; rows go into out in the project's format. */
static int convert_codes(const char *path, int gbt, struct ck_buf *out, struct ck_buf *report,
                         int z)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "fundcheck: %s: %s\n", path, strerror(errno));
        return CK_EXIT_SYSTEM;
    }
    char line[4096];
    int lineno = 0, c_code = -1, c_name = -1, c_level = -1, header = 0;
    size_t n = 0, counts[4] = {0, 0, 0, 0}, bad = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char *fields[8];
        size_t nf = 0;
        char *p = line;
        while (nf < 8) {
            fields[nf++] = p;
            char *t = strchr(p, '\t');
            if (t == NULL)
                break;
            *t = '\0';
            p = t + 1;
        }
        if (!header) {
            header = 1;
            for (size_t i = 0; i < nf; i++) {
                if (strcmp(fields[i], "code") == 0)
                    c_code = (int)i;
                else if (strcmp(fields[i], "name") == 0)
                    c_name = (int)i;
                else if (strcmp(fields[i], "level") == 0)
                    c_level = (int)i;
            }
            if (c_code >= 0)
                continue;
            c_code = 0; /* no header: one code per line, maybe a name after a tab */
            c_name = nf > 1 ? 1 : -1;
        }
        const char *code = (size_t)c_code < nf ? fields[c_code] : "";
        const char *name = c_name >= 0 && (size_t)c_name < nf ? fields[c_name] : "";
        size_t cl = strlen(code);
        int ok = cl >= 1 && cl <= 5 &&
                 ((code[0] >= 'A' && code[0] <= 'T' && strspn(code + 1, "0123456789") == cl - 1 &&
                   cl != 2) ||
                  (gbt && strspn(code, "0123456789") == cl && cl >= 2 && cl <= 4));
        if (!ok) {
            ck_buf_printf(report, z ? "  %s:%d: 无法识别的行业代码“%s”\n"
                                    : "  %s:%d: not an industry code: '%s'\n",
                          path, lineno, code);
            bad++;
            continue;
        }
        (void)c_level;
        ck_buf_printf(out, "%s\t%s\n", code, name);
        n++;
        size_t digits = code[0] >= 'A' ? cl - 1 : cl;
        counts[digits == 0 ? 0 : digits - 1 > 3 ? 3 : digits - 1]++;
    }
    fclose(f);
    ck_buf_printf(report,
                  z ? "代码 %zu 个（门类 %zu，大类 %zu，中类 %zu，小类 %zu），无法识别 %zu 行\n"
                    : "%zu codes (sections %zu, divisions %zu, groups %zu, classes %zu), %zu "
                      "lines not understood\n",
                  n, counts[0], counts[1], counts[2], counts[3], bad);
    return n ? 0 : CK_EXIT_USAGE;
}

static int cmd_import(const struct opts *o)
{
    int z = zh(o);
    if (o->n_args != 1) {
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    struct ck_buf out, report;
    ck_buf_init(&out);
    ck_buf_init(&report);
    int rc = 0;
    if (o->gbt || o->provincial) {
        struct ck_buf rows;
        ck_buf_init(&rows);
        const char *file;
        char fname[64];
        if (o->gbt) {
            ck_buf_adds(&out, "# GB/T 4754-2017 code table imported by fundcheck\n"
                              "#kind\tindustry-codes\n#coverage\tfull\ncode\tname\n");
            file = "gbt4754-2017.tsv";
        } else {
            if (o->province == NULL || strlen(o->province) != 2 ||
                strspn(o->province, "0123456789") != 2 || o->name == NULL ||
                !valid_date(o->date)) {
                fprintf(stderr, "fundcheck catalog import --provincial needs --province NN "
                                "(2 digits), --name and --date YYYY-MM-DD\n");
                ck_buf_fini(&out);
                ck_buf_fini(&report);
                ck_buf_fini(&rows);
                return CK_EXIT_USAGE;
            }
            ck_buf_printf(&out,
                          "# provincial list imported by fundcheck\n#kind\tprovincial-list\n"
                          "#province\t%s\n#name\t%s\n#date\t%s\n#status\t%s\ncode\tname\n",
                          o->province, o->name, o->date, o->status ? o->status : "official");
            snprintf(fname, sizeof fname, "provincial-%s.tsv", o->province);
            file = fname;
        }
        rc = convert_codes(o->args[0], o->gbt, &rows, &report, z);
        fputs(ck_buf_str(&report), stdout);
        ck_buf_adds(&out, ck_buf_str(&rows));
        ck_buf_fini(&rows);
        if (rc == 0)
            rc = store(o, file, &out);
        ck_buf_fini(&out);
        ck_buf_fini(&report);
        return rc;
    }
    if (o->edition == NULL || o->edition[0] == '\0' || strchr(o->edition, '/') ||
        !valid_date(o->effective)) {
        fprintf(stderr, "fundcheck catalog import needs --edition E and --effective YYYY-MM-DD\n");
        ck_buf_fini(&out);
        ck_buf_fini(&report);
        return CK_EXIT_USAGE;
    }
    if (o->status && strcmp(o->status, "complete") && strcmp(o->status, "excerpt") &&
        strcmp(o->status, "synthetic")) {
        fprintf(stderr, "fundcheck catalog import: --status must be complete, excerpt or "
                        "synthetic\n");
        ck_buf_fini(&out);
        ck_buf_fini(&report);
        return CK_EXIT_USAGE;
    }
    struct ck_catalog_import_opts io = {o->edition, o->effective, o->status, o->title, o->source};
    size_t n_anom = 0;
    int irc = ck_catalog_import(o->args[0], &io, o->lang, &out, &report, &n_anom);
    fputs(ck_buf_str(&report), stdout);
    if (irc == CK_EIO) {
        rc = CK_EXIT_SYSTEM;
    } else if (irc != CK_OK) {
        fprintf(stderr, z ? "fundcheck: %s 中没有读到任何条目\n" : "fundcheck: no entry found in %s\n",
                o->args[0]);
        rc = CK_EXIT_USAGE;
    } else if (o->strict && n_anom) {
        fprintf(stderr, z ? "fundcheck: 有 %zu 处异常（--strict），未写入\n"
                          : "fundcheck: %zu anomalies (--strict), nothing written\n",
                n_anom);
        rc = CK_EXIT_USAGE;
    } else {
        struct ck_buf fname;
        ck_buf_init(&fname);
        ck_buf_printf(&fname, "isac-%s.tsv", o->edition);
        rc = store(o, ck_buf_str(&fname), &out);
        ck_buf_fini(&fname);
    }
    ck_buf_fini(&out);
    ck_buf_fini(&report);
    return rc;
}

static void print_entry_line(const struct ck_catalog_entry *e, int z)
{
    printf("%s\t%s\t%s%s%s", e->key, z ? ck_catalog_class_zh(e->cls) : ck_catalog_class_name(e->cls),
           e->sector_no, *e->sector_no ? "、" : "", e->sector_name);
    if (*e->sub_no)
        printf("（%s）%s", e->sub_no, e->sub_name);
    printf("\t%s\n", e->text);
}

static int cmd_stats(const struct ck_catalog *cat, const struct opts *o)
{
    int z = zh(o);
    printf(z ? "已加载的目录数据（标识 %s）\n" : "loaded catalogue data (id %s)\n",
           ck_catalog_version(cat));
    printf(z ? "《产业结构调整指导目录》版本 %zu 个：\n"
             : "editions of 《产业结构调整指导目录》: %zu\n",
           cat->n_editions);
    int partial = 0;
    for (size_t i = 0; i < cat->n_editions; i++) {
        const struct ck_catalog_edition *ed = &cat->editions[i];
        size_t pc[CK_CATALOG_CLASS_COUNT] = {0};
        for (size_t j = 0; j < ed->n_entries; j++)
            pc[ed->entries[j].cls]++;
        printf(z ? "  %s  生效 %s  %s  %zu 条（鼓励类 %zu，限制类 %zu，淘汰类 %zu）  %s%s\n"
                 : "  %s  effective %s  %s  %zu entries (encouraged %zu, restricted %zu, "
                   "eliminated %zu)  %s%s\n",
               ed->id, ed->effective, status_label(ed->status, z), ed->n_entries, pc[0], pc[1],
               pc[2], ed->file, ed->from_user ? (z ? "（用户目录）" : " (user dir)") : "");
        if (strcmp(ed->status, "complete") != 0)
            partial = 1;
    }
    if (cat->n_editions == 0)
        printf(z ? "  （无：未加载任何版本）\n" : "  (none loaded)\n");
    if (partial)
        ck_cli_help(stdout,
                    "  注意：节选或合成数据不是完整目录。“不在已加载的节选中”不等于“不在目录中”；"
                    "请用 `fundcheck catalog import` 导入完整官方文本（见 docs/catalog.md）。\n",
                    "  note: an excerpt or synthetic edition is not the catalogue. \"Not in the "
                    "loaded excerpt\" is not \"not in the catalogue\"; import the complete "
                    "official text with `fundcheck catalog import` (docs/catalog.md).\n",
                    z ? CK_LANG_ZH : CK_LANG_EN);
    size_t lv[4] = {0};
    for (size_t i = 0; i < cat->n_codes; i++) {
        size_t l = strlen(cat->codes[i].code);
        lv[l == 1 ? 0 : l == 3 ? 1 : l == 4 ? 2 : 3]++;
    }
    printf(z ? "国民经济行业分类 GB/T 4754-2017：门类 %zu，大类 %zu，中类 %zu，小类 %zu（%s）\n"
             : "GB/T 4754-2017 industry codes: sections %zu, divisions %zu, groups %zu, "
               "classes %zu (%s)\n",
           lv[0], lv[1], lv[2], lv[3],
           cat->codes_full ? (z ? "完整代码表：检查代码是否存在" : "full table: codes must exist")
                           : (z ? "中类、小类未导入：中类、小类代码只检查格式"
                                : "groups and classes not imported: checked for syntax only"));
    printf(z ? "省级清单 %zu 份：\n" : "provincial lists: %zu\n", cat->n_provinces);
    for (size_t i = 0; i < cat->n_provinces; i++) {
        const struct ck_catalog_province *p = &cat->provinces[i];
        printf("  %s  %s  %s  %s  %zu%s  %s\n", p->province, p->name, p->date,
               status_label(p->status, z), p->n_codes, z ? " 个代码" : " codes", p->file);
    }
    if (cat->sei.file)
        printf(z ? "战略性新兴产业分类表：%s  %s  %zu 行，GB/T 4754 小类 %zu 个  %s%s\n"
                 : "strategic emerging industries table: %s  %s  %zu rows, %zu GB/T 4754 classes  %s%s\n",
               cat->sei.name, status_label(cat->sei.status, z), cat->sei.n_rows, cat->sei.n_classes,
               cat->sei.file, cat->sei.from_user ? (z ? "（用户目录）" : " (user dir)") : "");
    else
        printf(z ? "战略性新兴产业分类表：未加载（硬科技占比无法计算）\n"
                 : "strategic emerging industries table: not loaded (hardTechShare cannot be computed)\n");
    struct stat st;
    printf(z ? "用户目录：%s%s\n" : "user catalogue dir: %s%s\n",
           *cat->user_dir ? cat->user_dir : "-",
           *cat->user_dir && stat(cat->user_dir, &st) != 0 ? (z ? "（不存在）" : " (absent)")
                                                           : "");
    return 0;
}

static int cmd_show(const struct ck_catalog *cat, const struct opts *o)
{
    int z = zh(o);
    if (o->n_args != 1) {
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    const struct ck_catalog_entry *e = ck_catalog_entry_by_key(cat, o->args[0]);
    if (e == NULL) {
        fprintf(stderr, z ? "fundcheck: 已加载的目录中没有条目 %s\n"
                          : "fundcheck: no entry %s in the loaded catalogue\n",
                o->args[0]);
        return CK_EXIT_USAGE;
    }
    const struct ck_catalog_edition *ed = ck_catalog_edition(cat, o->args[0]);
    char id[64];
    snprintf(id, sizeof id, "%.*s", (int)strcspn(o->args[0], "/"), o->args[0]);
    ed = ck_catalog_edition(cat, id);
    printf("%s\n", e->key);
    printf(z ? "版本：%s（生效 %s，%s）\n" : "edition: %s (effective %s, %s)\n", ed->id,
           ed->effective, status_label(ed->status, z));
    printf(z ? "类别：%s\n" : "class: %s\n",
           z ? ck_catalog_class_zh(e->cls) : ck_catalog_class_name(e->cls));
    printf(z ? "行业：%s%s%s\n" : "sector: %s%s%s\n", e->sector_no, *e->sector_no ? "、" : "",
           e->sector_name);
    if (*e->sub_no)
        printf(z ? "小节：（%s）%s\n" : "sub-section: （%s）%s\n", e->sub_no, e->sub_name);
    printf(z ? "条目：%s\n" : "item: %s\n", e->item_no);
    printf(z ? "原文：%s\n" : "text: %s\n", e->text);
    if (*e->reading)
        printf(z ? "本项目的规范化读法（用于匹配，非原文）：%s\n"
                 : "team's normalised reading (used for matching, not the source text): %s\n",
               e->reading);
    for (size_t i = 0; i < e->n_excl; i++)
        printf(z ? "除外/不含：%s\n" : "exclusion: %s\n", e->excl_text[i]);
    printf(z ? "来源：%s（%s 第 %d 行）\n" : "source: %s (%s line %d)\n", e->source, ed->file,
           e->line);
    printf(z ? "类别说明：「%s」——%s\n" : "class definition: 「%s」 — %s\n",
           ck_catalog_class_definition(e->cls), ck_catalog_class_definition_source(e->cls));
    return 0;
}

static int pick_edition(const struct ck_catalog *cat, const struct opts *o,
                        const struct ck_catalog_edition **ed)
{
    if (o->edition)
        *ed = ck_catalog_edition(cat, o->edition);
    else
        *ed = cat->n_editions ? &cat->editions[cat->n_editions - 1] : NULL;
    if (*ed == NULL) {
        fprintf(stderr, zh(o) ? "fundcheck: 未加载版本 %s\n" : "fundcheck: edition %s is not loaded\n",
                o->edition ? o->edition : "-");
        return CK_EXIT_USAGE;
    }
    return 0;
}

static int class_opt(const struct opts *o, int *cls)
{
    *cls = -1;
    if (o->cls == NULL || strcmp(o->cls, "any") == 0)
        return 0;
    if (strcmp(o->cls, "adverse") == 0) {
        *cls = CK_CATALOG_ADVERSE;
        return 0;
    }
    *cls = ck_catalog_class_parse(o->cls);
    if (*cls < 0) {
        fprintf(stderr, "fundcheck catalog: unknown class %s\n", o->cls);
        return CK_EXIT_USAGE;
    }
    return 0;
}

static int cmd_search(const struct ck_catalog *cat, const struct opts *o)
{
    int z = zh(o), cls, rc;
    const struct ck_catalog_edition *ed;
    if (o->n_args < 1) {
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    if ((rc = pick_edition(cat, o, &ed)) != 0 || (rc = class_opt(o, &cls)) != 0)
        return rc;
    struct ck_buf text;
    ck_buf_init(&text);
    for (int i = 0; i < o->n_args; i++)
        ck_buf_printf(&text, "%s%s", i ? " " : "", o->args[i]);
    size_t k = (size_t)o->top;
    struct ck_catalog_match *m = ck_calloc(k, sizeof *m);
    struct ck_catalog_match ex[16];
    size_t n_ex = 0;
    size_t n = ck_catalog_rank(ed, cls, ck_buf_str(&text), m, k, ex, CK_ARRAY_LEN(ex), &n_ex);
    int tsv = o->format && strcmp(o->format, "tsv") == 0;
    if (!tsv)
        printf(z ? "检索“%s”，版本 %s（%s）：%zu 个结果\n"
                 : "search \"%s\" in edition %s (%s): %zu results\n",
               ck_buf_str(&text), ed->id, status_label(ed->status, z), n);
    for (size_t i = 0; i < n; i++) {
        const struct ck_catalog_entry *e = m[i].entry;
        struct ck_buf terms;
        ck_buf_init(&terms);
        ck_catalog_explain_terms(&terms, ed, e, ck_buf_str(&text), 1);
        if (tsv) {
            printf("%zu\t%s\t%.3f\t%.2f\t%s\t%s\n", i + 1, e->key, m[i].score, m[i].bm25,
                   ck_catalog_class_name(e->cls), ck_buf_str(&terms));
        } else {
            printf(z ? "%2zu. %s  得分 %.3f  BM25 %.2f  %s\n    %s\n    命中：%s\n"
                     : "%2zu. %s  score %.3f  BM25 %.2f  %s\n    %s\n    matched: %s\n",
                   i + 1, e->key, m[i].score, m[i].bm25,
                   z ? ck_catalog_class_zh(e->cls) : ck_catalog_class_name(e->cls), e->text,
                   ck_buf_str(&terms));
            /* the entry's size condition against the sizes the text states */
            struct ck_buf why;
            ck_buf_init(&why);
            const char *fit = ck_textnorm_size_fit(e->text, ck_buf_str(&text), &why);
            if (strcmp(fit, "none") != 0)
                printf(z ? "    规模条件：%s（%s）\n" : "    size condition: %s (%s)\n",
                       strcmp(fit, "inside") == 0    ? (z ? "符合" : "met")
                       : strcmp(fit, "outside") == 0 ? (z ? "不符合，条目不适用" : "not met, entry does not apply")
                                                     : (z ? "描述未载明规模，无法判断" : "no size stated: cannot determine"),
                       ck_buf_str(&why));
            ck_buf_fini(&why);
        }
        ck_buf_fini(&terms);
    }
    /* entries excluded by a 除外/不含 clause are shown, so the user sees why */
    if (!tsv) {
        for (size_t i = 0; i < n_ex; i++)
            printf(z ? "    排除：%s 的除外条款“%s”与描述相符\n"
                     : "    excluded: %s, its exclusion \"%s\" matches the text\n",
                   ex[i].entry->key, ex[i].entry->excl_text[ex[i].excl_index]);
        if (strcmp(ed->status, "complete") != 0)
            printf(z ? "注意：版本 %s 为%s，结果只覆盖已加载的条目。\n"
                     : "note: edition %s is %s; results cover the loaded entries only.\n",
                   ed->id, status_label(ed->status, z));
    }
    free(m);
    ck_buf_fini(&text);
    return 0;
}

static int cmd_list(const struct ck_catalog *cat, const struct opts *o)
{
    int z = zh(o), cls, rc;
    const struct ck_catalog_edition *ed;
    if ((rc = pick_edition(cat, o, &ed)) != 0 || (rc = class_opt(o, &cls)) != 0)
        return rc;
    int tsv = o->format && strcmp(o->format, "tsv") == 0;
    if (o->format && !tsv && strcmp(o->format, "text") != 0) {
        fprintf(stderr, "fundcheck catalog list: --format must be text or tsv\n");
        return CK_EXIT_USAGE;
    }
    if (tsv)
        printf("key\tclass\tsector_no\tsector_name\tsub_no\tsub_name\titem_no\ttext\tsource\n");
    else
        printf(z ? "版本 %s（生效 %s，%s）\n" : "edition %s (effective %s, %s)\n", ed->id,
               ed->effective, status_label(ed->status, z));
    size_t n = 0;
    for (size_t i = 0; i < ed->n_entries; i++) {
        const struct ck_catalog_entry *e = &ed->entries[i];
        if (cls == CK_CATALOG_ADVERSE ? e->cls == CK_CATALOG_ENCOURAGED : (cls >= 0 && e->cls != cls))
            continue;
        n++;
        if (tsv)
            printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e->key, ck_catalog_class_name(e->cls),
                   e->sector_no, e->sector_name, e->sub_no, e->sub_name, e->item_no, e->text,
                   e->source);
        else
            print_entry_line(e, z);
    }
    if (!tsv)
        printf(z ? "共 %zu 条\n" : "%zu entries\n", n);
    return 0;
}

/* LABELS.tsv: expected key without the edition ("restricted/一/3"), a tab, the description;
 * "!KEY" means the entry must not be in the top 3. Lines starting with # are comments. */
static int cmd_eval(const struct ck_catalog *cat, const struct opts *o)
{
    int z = zh(o), rc;
    const struct ck_catalog_edition *ed;
    if (o->n_args != 1) {
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    if ((rc = pick_edition(cat, o, &ed)) != 0)
        return rc;
    FILE *f = fopen(o->args[0], "rb");
    if (f == NULL) {
        fprintf(stderr, "fundcheck: %s: %s\n", o->args[0], strerror(errno));
        return CK_EXIT_SYSTEM;
    }
    char line[8192];
    size_t n = 0, top1 = 0, top3 = 0;
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (tab == NULL) {
            fprintf(stderr, "%s:%d: expected KEY<TAB>DESCRIPTION\n", o->args[0], lineno);
            fclose(f);
            return CK_EXIT_USAGE;
        }
        *tab = '\0';
        int negative = line[0] == '!';
        struct ck_buf wb;
        ck_buf_init(&wb);
        ck_buf_printf(&wb, "%s/%s", ed->id, line + negative);
        const char *want = ck_buf_str(&wb);
        if (ck_catalog_entry_by_key(cat, want) == NULL) {
            fprintf(stderr, "%s:%d: no entry %s in edition %s\n", o->args[0], lineno, want,
                    ed->id);
            ck_buf_fini(&wb);
            fclose(f);
            return CK_EXIT_USAGE;
        }
        struct ck_catalog_match m[3];
        size_t got = ck_catalog_rank(ed, -1, tab + 1, m, 3, NULL, 0, NULL);
        int rank = 0;
        for (size_t i = 0; i < got; i++)
            if (strcmp(m[i].entry->key, want) == 0)
                rank = (int)i + 1;
        n++;
        if (negative) {
            /* the entry must not be proposed at all (a 除外 clause applies) */
            top1 += rank == 0;
            top3 += rank == 0;
            if (rank != 0)
                printf("EXCL %s:%d: %s ranked %d (%s)\n", o->args[0], lineno, want, rank,
                       z ? "应被除外条款排除" : "should be excluded");
            ck_buf_fini(&wb);
            continue;
        }
        top1 += rank == 1;
        top3 += rank >= 1;
        if (rank != 1)
            printf("%s %s:%d: %s → %s (%s %s)\n", rank ? "top3" : "MISS", o->args[0], lineno,
                   line, got ? m[0].entry->key : "-", z ? "期望" : "want", want);
        ck_buf_fini(&wb);
    }
    fclose(f);
    double a1 = n ? (double)top1 / (double)n : 0, a3 = n ? (double)top3 / (double)n : 0;
    printf(z ? "描述 %zu 条：top-1 准确率 %.3f，top-3 准确率 %.3f\n"
             : "%zu descriptions: top-1 accuracy %.3f, top-3 accuracy %.3f\n",
           n, a1, a3);
    if (o->min >= 0 && a3 < o->min) {
        printf(z ? "top-3 准确率低于 %.2f\n" : "top-3 accuracy below %.2f\n", o->min);
        return 1;
    }
    return 0;
}

int ck_catalog_main(int argc, char **argv, const char *shipped_dir)
{
    int z = ck_cli_lang_from_argv(argc, argv) != CK_LANG_EN;
    if (argc < 2 || ck_cli_wants_help(argc, argv)) {
        usage(argc < 2 ? stderr : stdout, z);
        return argc < 2 ? CK_EXIT_USAGE : 0;
    }
    struct opts o;
    if (parse_opts(argc, argv, &o) != 0) {
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "import") == 0)
        return cmd_import(&o);
    struct ck_catalog *cat = NULL;
    int rc;
    if (strcmp(cmd, "stats") && strcmp(cmd, "show") && strcmp(cmd, "search") &&
        strcmp(cmd, "list") && strcmp(cmd, "eval")) {
        fprintf(stderr, "fundcheck catalog: unknown subcommand %s\n", cmd);
        usage(stderr, z);
        return CK_EXIT_USAGE;
    }
    if ((rc = load(shipped_dir, &o, &cat)) != 0)
        return rc;
    if (strcmp(cmd, "stats") == 0)
        rc = cmd_stats(cat, &o);
    else if (strcmp(cmd, "show") == 0)
        rc = cmd_show(cat, &o);
    else if (strcmp(cmd, "search") == 0)
        rc = cmd_search(cat, &o);
    else if (strcmp(cmd, "list") == 0)
        rc = cmd_list(cat, &o);
    else
        rc = cmd_eval(cat, &o);
    ck_catalog_free(cat);
    if (fflush(stdout) != 0 && rc == 0)
        rc = CK_EXIT_SYSTEM;
    return rc;
}
