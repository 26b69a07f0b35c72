/* SPDX-License-Identifier: MIT */
#ifndef CK_CLI_H
#define CK_CLI_H
/*
 * Command dispatch and the commands of the checker proper (check, validate,
 * rules). Each command takes argv with argv[0] = the command name and
 * returns a process exit code (enum ck_exit). Other modules contribute
 * commands through the table in cli.c (catalog, scan, report, diff).
 */

int ck_cli_dispatch(int argc, char **argv);

/* Shared option handling for commands that open the engine. */
struct ck_engine;
struct ck_common_opts {
    const char *rules_dir;
    const char *catalog_dir;
    int lang;
};
/* Parses --lang zh|en; returns -1 when invalid. */
int ck_cli_parse_lang(const char *s);
/* Splits an --output argument "FORMAT=PATH": the format through parse
 * (name → format number, -1 when unknown), the path borrowed from arg.
 * Returns 0, or -1 when arg is not FORMAT=PATH with a known format and a
 * path (the caller prints its usage error). */
int ck_cli_output_arg(const char *arg, int (*parse)(const char *name), int *out_fmt, const char **out_path);
/* The last valid --lang of argv (before "--"), Chinese when none: lets help
 * and usage errors printed before or during option parsing follow it. */
int ck_cli_lang_from_argv(int argc, char **argv);
/* The data root: $FUNDCHECK_DATA, else ck_engine_data_root(). Caller frees. */
char *ck_cli_data_root(void);
/* The user's catalogue directory: given, else $FUNDCHECK_CATALOG_DIR, else
 * $XDG_DATA_HOME/fundcheck/catalogs or ~/.local/share/fundcheck/catalogs;
 * "" when none applies. Caller frees. */
char *ck_cli_user_catalog_dir(const char *given);
/* -V/--version: the tool's, the rule set's (hash, rule count) and the
 * catalogue's version; exit 0, or 3 when the rule set cannot be loaded. */
int ck_cli_print_version(int lang);
#include <stdio.h>
/* Prints text for people, zh or en by lang: a command's help, or a note
 * that points at the documentation. A "docs/…" path in it names
 * the source tree's docs/ when the program runs from one, else the
 * installed documentation (CK_DOCDIR/docs/, where `make install` puts it). */
void ck_cli_help(FILE *out, const char *zh, const char *en, int lang);
/* 1 when --help (or -h) is among the arguments (before "--"). */
int ck_cli_wants_help(int argc, char **argv);
/* Where docs/… is for this program: "docs/" or CK_DOCDIR "/docs/". */
const char *ck_cli_docs_prefix(void);

/* Opens the engine or prints the errors; returns NULL on failure (exit 3). */
struct ck_engine *ck_cli_open_engine(const struct ck_common_opts *o);

/* Prints why a file could not be checked: its diagnostics, each once,
 * "FILE:LINE:COL: 错误[ID]: …" with the holding, XPath and a fix hint. */
struct ck_result;
#include <stdio.h>
void ck_cli_print_file_error(FILE *out, const struct ck_result *r, int lang);
struct ck_fdiag;
void ck_cli_print_diag(FILE *out, const char *path, const struct ck_fdiag *x, int lang);

#endif
