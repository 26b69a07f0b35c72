/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck merge --db TARGET SHARD.db...`: databases scanned on several
 * machines (each `scan` over a slice of the paths) merged into one. Every
 * shard is checked before the target is opened, so a shard that is not a
 * fundcheck database, or has another schema version, leaves the target
 * untouched. Each shard is then copied in its own transaction
 * (ck_store_merge: filings already present are not copied again) and the
 * look-through is brought up to date over the result. User-facing text is
 * Chinese by default, English with --lang en.
 */
#include "scan.h"

#include "buf.h"
#include "ck.h"
#include "cli.h"
#include "engine.h"
#include "store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char merge_help_zh[] =
    "用法：fundcheck merge --db 目标 [--lang zh|en] [--rules 目录] [--catalog-dir 目录] 分片.db...\n"
    "\n"
    "把在别处由 `fundcheck scan` 写出的发现数据库（例如每台机器一个，各扫描档案的一部分）合并进\n"
    "目标数据库（不存在时创建），再对合并结果更新穿透发现。目标中已有的报送不会再复制：同一分片\n"
    "合并两次不改变任何内容。每个分片都先检查；不是 fundcheck 数据库或模式版本不同的分片是错误，\n"
    "目标保持不变。分片工作流见 docs/database.md。\n"
    "\n"
    "退出码：0 已合并，3 调用或规则集有误，4 分片或数据库不可用。\n";

static const char merge_help_en[] =
    "usage: fundcheck merge --db TARGET [--lang zh|en] [--rules DIR] [--catalog-dir DIR] SHARD.db...\n"
    "\n"
    "Merges findings databases written by `fundcheck scan` elsewhere (e.g. one per machine,\n"
    "each over a slice of the archive) into TARGET (created when missing), then brings the\n"
    "look-through findings up to date over the result. A filing already in TARGET is not\n"
    "copied again: merging the same shard twice changes nothing. Every shard is checked\n"
    "first; one that is not a fundcheck database or has another schema version is an error\n"
    "and TARGET is not touched. docs/database.md describes a sharded workflow.\n"
    "\n"
    "exit: 0 merged, 3 bad invocation or rule set, 4 a shard or the database is unusable.\n";

enum { M_DB = 1200, M_LANG, M_RULES, M_CATDIR, M_HELP };

int ck_merge_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, M_DB},
        {"lang", required_argument, NULL, M_LANG},
        {"rules", required_argument, NULL, M_RULES},
        {"catalog-dir", required_argument, NULL, M_CATDIR},
        {"help", no_argument, NULL, M_HELP},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    const char *db_path = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case M_DB: db_path = optarg; break;
        case M_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck merge: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case M_RULES: co.rules_dir = optarg; break;
        case M_CATDIR: co.catalog_dir = optarg; break;
        case M_HELP: ck_cli_help(stdout, merge_help_zh, merge_help_en, ck_cli_lang_from_argv(argc, argv)); return CK_EXIT_CLEAN;
        default: ck_cli_help(stderr, merge_help_zh, merge_help_en, ck_cli_lang_from_argv(argc, argv)); return CK_EXIT_USAGE;
        }
    }
    int E = co.lang == CK_LANG_EN;
    if (db_path == NULL || optind >= argc) {
        fprintf(stderr, "fundcheck merge: %s\n",
                E ? "--db TARGET and at least one shard are required" : "需要 --db 目标数据库和至少一个分片");
        ck_cli_help(stderr, merge_help_zh, merge_help_en, co.lang);
        return CK_EXIT_USAGE;
    }
    for (int i = optind; i < argc; i++) {
        char *err = NULL;
        if (strcmp(argv[i], db_path) == 0) {
            fprintf(stderr, "fundcheck: %s: %s\n", argv[i],
                    E ? "a shard cannot be the target itself" : "分片不能是目标数据库本身");
            return CK_EXIT_SYSTEM;
        }
        if (ck_store_check_shard(argv[i], co.lang, &err) != CK_OK) {
            fprintf(stderr, "fundcheck: %s\n", err);
            free(err);
            return CK_EXIT_SYSTEM;
        }
    }
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    struct ck_store *st = NULL;
    char *err = NULL;
    if (ck_store_open(db_path, CK_STORE_CREATE, co.lang, &st, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", err);
        free(err);
        ck_engine_free(eng);
        return CK_EXIT_SYSTEM;
    }
    /* The merge is recorded as a run: the look-through findings it writes
     * belong to it. */
    struct ck_buf opts;
    ck_buf_init(&opts);
    ck_buf_adds(&opts, "{\"merge\":[");
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            ck_buf_addc(&opts, ',');
        ck_buf_json_str(&opts, argv[i]);
    }
    ck_buf_adds(&opts, "]}");
    long long run_id = 0;
    int brc = ck_store_begin_run(st, eng, ck_buf_str(&opts), 0, &run_id);
    ck_buf_fini(&opts);
    if (brc != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", ck_store_errmsg(st));
        ck_store_close(st);
        ck_engine_free(eng);
        return CK_EXIT_SYSTEM;
    }
    int rc = CK_EXIT_CLEAN;
    long long tot_new = 0, tot_present = 0;
    for (int i = optind; i < argc && rc == CK_EXIT_CLEAN; i++) {
        long long n_new = 0, n_present = 0;
        if (ck_store_merge(st, argv[i], &n_new, &n_present) != CK_OK) {
            fprintf(stderr, "fundcheck: %s: %s\n", argv[i], ck_store_errmsg(st));
            rc = CK_EXIT_SYSTEM;
            break;
        }
        printf(E ? "%s: %lld filing(s) merged, %lld already present\n" : "%s：合并 %lld 份申报，%lld 份已存在\n",
               argv[i], n_new, n_present);
        tot_new += n_new;
        tot_present += n_present;
    }
    /* Also after a failed shard: the shards merged before it are whole. */
    struct ck_store_lt_stats lt = {0};
    struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
    if (ck_store_lookthrough(st, eng, ev, CK_STORE_LT_AUTO, &lt) != CK_OK ||
        ck_store_end_run(st, tot_new, tot_present, 0, (long long)lt.n_derived, 0, 1) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", ck_store_errmsg(st));
        rc = CK_EXIT_SYSTEM;
    } else {
        printf(E ? "merge: %lld filing(s) merged, %lld already present; look-through%s: %zu filing(s) walked, %zu finding(s)\n"
                 : "合并完成：合并 %lld 份申报，%lld 份已存在；穿透检查%s：遍历 %zu 份申报，%zu 项\n",
               tot_new, tot_present, lt.full ? (E ? " (whole database)" : "（全库重算）") : (E ? " (incremental)" : "（增量）"),
               lt.parents, lt.n_derived);
    }
    ck_eval_free(ev);
    ck_store_close(st);
    ck_engine_free(eng);
    return rc;
}
