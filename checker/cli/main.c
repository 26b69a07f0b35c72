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

#include <libxml/parser.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: fundcheck COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Compliance checker for government investment fund (政府投资基金) portfolio filings.\n"
          "\n"
          "commands:\n"
          "  check FILE...           check filings, report findings (text or JSON)\n"
          "  validate FILE...        check filings against the format only\n"
          "  evaluate FILE...        preview the 1753号 evaluation of the direction metrics\n"
          "  scan PATH...            screen files/directories into a SQLite database\n"
          "  report --db FILE        summarise a findings database (--layout: crowding)\n"
          "  diff --db FILE A B      new, resolved and unchanged findings between two runs\n"
          "  rules list|show|test|corpus|doc   inspect and test the rule set\n"
          "  catalog import|stats|show|search|list   the industry catalogue\n"
          "  verify DIR              re-run an evidence bundle (check --evidence DIR)\n"
          "\n"
          "`fundcheck COMMAND --help` describes a command. Exit codes: 0 clean, 1 findings at or\n"
          "above --fail-on, 2 a file could not be checked, 3 bad invocation or rule set,\n"
          "4 system error.\n",
          out);
}

int main(int argc, char **argv)
{
    xmlInitParser();
    int rc;
    if (argc < 2) {
        usage(stderr);
        rc = CK_EXIT_USAGE;
    } else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
               strcmp(argv[1], "help") == 0) {
        usage(stdout);
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
