/* SPDX-License-Identifier: MIT */
/*
 * fundcheck: the command-line front end. main() dispatches to a command;
 * each command parses its options, opens the engine (rules, catalogue,
 * schema — compiled once), runs, and maps what happened to an exit code:
 * 0 clean, 1 findings at or above --fail-on, 2 a file could not be checked,
 * 3 bad invocation or rule set, 4 system error. The highest applicable wins.
 * Only this layer prints diagnostics.
 */
#include "cli.h"

#include "ck.h"
#include "mem.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *out, int lang)
{
    if (lang == CK_LANG_EN) {
        fputs("usage: fundcheck COMMAND [OPTIONS] [ARGS]\n"
              "\n"
              "Compliance checker for government investment fund (政府投资基金) portfolio filings.\n"
              "\n"
              "commands:\n"
              "  check FILE|DIR|-...     check filings, report findings (text, json, sarif, junit,\n"
              "                          html, csv, gcc)\n"
              "  validate FILE...        check filings against the format only\n"
              "  evaluate FILE...        preview the 1753号 evaluation of the direction metrics\n"
              "  scan PATH...            screen files/directories into a SQLite database\n"
              "  merge --db FILE SHARD...  merge shard databases\n"
              "  report --db FILE        summarise a findings database (--layout: crowding)\n"
              "  diff --db FILE A B      new, resolved and unchanged findings between two runs\n"
              "  rules list|show|test|corpus|doc   inspect and test the rule set\n"
              "  catalog import|stats|show|search|list   the industry catalogue\n"
              "  verify DIR              re-run an evidence bundle (check --evidence DIR)\n"
              "\n"
              "-V, --version prints the tool, rule-set and catalogue versions.\n"
              "`fundcheck COMMAND --help` describes a command. Exit codes: 0 clean, 1 findings at or\n"
              "above --fail-on, 2 a file could not be checked, 3 bad invocation or rule set,\n"
              "4 system error.\n",
              out);
        return;
    }
    fputs("用法：fundcheck 命令 [选项] [参数]\n"
          "\n"
          "政府投资基金投资组合报送的合规检查工具。\n"
          "\n"
          "命令：\n"
          "  check 文件|目录|-...    检查报送文件并报告发现（text、json、sarif、junit、html、csv、gcc）\n"
          "  validate 文件...        只按报送格式检查文件\n"
          "  evaluate 文件...        预览 1753号 评价中投向指标的结果\n"
          "  scan 路径...            把文件或目录筛查入 SQLite 数据库\n"
          "  merge --db 文件 分片...  合并分片数据库\n"
          "  report --db 文件        汇总发现数据库（--layout：同质化布局）\n"
          "  diff --db 文件 A B      两次运行或两个报告期之间新增、已解决与未变的发现\n"
          "  rules list|show|test|corpus|doc   查看与测试规则集\n"
          "  catalog import|stats|show|search|list   产业目录\n"
          "  verify 目录             重新运行证据包（check --evidence 目录）\n"
          "\n"
          "-V、--version 显示工具、规则集与产业目录的版本；--lang en 改用英文。\n"
          "`fundcheck 命令 --help` 说明各命令。退出码：0 无问题，1 有达到 --fail-on 的发现，\n"
          "2 有文件无法检查，3 调用或规则集有误，4 系统错误。\n",
          out);
}

/* The program's policy on exhaustion (the library itself returns CK_ENOMEM):
 * one line and exit 4, as a batch checker can do nothing useful without memory. */
CK_NORETURN static void out_of_memory(size_t n)
{
    fprintf(stderr, "fundcheck: 内存不足（申请 %zu 字节）/ out of memory (%zu bytes)\n", n, n);
    exit(CK_EXIT_SYSTEM);
}

int main(int argc, char **argv)
{
    ck_mem_on_failure(out_of_memory);
    xmlInitParser();
    int rc;
    if (argc < 2) {
        usage(stderr, CK_LANG_ZH);
        rc = CK_EXIT_USAGE;
    } else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
               strcmp(argv[1], "help") == 0) {
        usage(stdout, ck_cli_lang_from_argv(argc, argv));
        rc = CK_EXIT_CLEAN;
    } else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        rc = ck_cli_print_version(ck_cli_lang_from_argv(argc, argv));
    } else {
        rc = ck_cli_dispatch(argc - 1, argv + 1);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "fundcheck: error writing output\n");
        if (rc < CK_EXIT_SYSTEM)
            rc = CK_EXIT_SYSTEM;
    }
    xmlCleanupParser();
    return rc;
}
