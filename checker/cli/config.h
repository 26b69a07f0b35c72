/* SPDX-License-Identifier: MIT */
#ifndef CK_CONFIG_H
#define CK_CONFIG_H
/*
 * The user's defaults file, an INI file read with libinih:
 *
 *   [fundcheck]            ; every command
 *   lang = zh
 *   db = /srv/fundcheck/archive.db
 *   [check]                ; one command; overrides [fundcheck]
 *   fail-on = warning
 *   min-severity = notice
 *   exclude-rule = IC-006, data-quality
 *
 * Looked for at --config FILE, else $FUNDCHECK_CONFIG (set but empty: no
 * file), else $XDG_CONFIG_HOME/fundcheck/config.ini (~/.config/…). Command-
 * line options override it. A ck_config owns its strings.
 */

enum ck_config_key {
    CK_CFG_LANG = 0,
    CK_CFG_FAIL_ON,
    CK_CFG_MIN_SEVERITY,
    CK_CFG_RULE,
    CK_CFG_EXCLUDE_RULE,
    CK_CFG_DB,
    CK_CFG_COLOR,
    CK_CFG_FORMAT,
    CK_CFG_COUNT
};

struct ck_cli_config {
    char *v[CK_CFG_COUNT]; /* owned; NULL when not set */
    char *path;            /* owned; the file read, or NULL */
};

/* Loads the defaults of command (section) from explicit (may be NULL: the
 * usual places). A missing default file is not an error; a missing explicit
 * file, an unknown key or a syntax error is: returns -1 and prints
 * "fundcheck: FILE:LINE: …" to stderr (exit 3). Returns 0 otherwise. */
int ck_config_load(const char *explicit_path, const char *command, int lang, struct ck_cli_config *c);
void ck_config_fini(struct ck_cli_config *c);
/* --config FILE or --config=FILE in argv, or NULL. */
const char *ck_config_arg(int argc, char **argv);

#endif
