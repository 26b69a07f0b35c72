/* SPDX-License-Identifier: MIT */
/*
 * Reading the defaults file (config.h) with libinih. The handler keeps the
 * global section's values unless the command's own section sets them; the
 * last value in a section wins, as in every INI reader.
 */
#include "config.h"

#include "buf.h"
#include "mem.h"
#include "rules.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const keys[CK_CFG_COUNT] = {
    [CK_CFG_LANG] = "lang",
    [CK_CFG_FAIL_ON] = "fail-on",
    [CK_CFG_MIN_SEVERITY] = "min-severity",
    [CK_CFG_RULE] = "rule",
    [CK_CFG_EXCLUDE_RULE] = "exclude-rule",
    [CK_CFG_DB] = "db",
    [CK_CFG_COLOR] = "color",
    [CK_CFG_FORMAT] = "format",
};

struct load_state {
    struct ck_cli_config *c;
    const char *command;
    unsigned char from_command[CK_CFG_COUNT];
    const char *bad_key; /* for the message */
    char bad_buf[64];
};

static int handler(void *user, const char *section, const char *name, const char *value)
{
    struct load_state *ls = user;
    int global = strcmp(section, "fundcheck") == 0 || *section == '\0';
    int mine = strcmp(section, ls->command) == 0;
    int known_section = global || mine || strcmp(section, "check") == 0 || strcmp(section, "scan") == 0 ||
                        strcmp(section, "report") == 0 || strcmp(section, "diff") == 0 ||
                        strcmp(section, "validate") == 0 || strcmp(section, "rules") == 0;
    int k = -1;
    for (int i = 0; i < CK_CFG_COUNT; i++)
        if (strcmp(keys[i], name) == 0)
            k = i;
    if (k < 0 || !known_section) {
        snprintf(ls->bad_buf, sizeof ls->bad_buf, "%s", k < 0 ? name : section);
        ls->bad_key = ls->bad_buf;
        return 0;
    }
    if (!global && !mine)
        return 1;
    if (global && ls->from_command[k])
        return 1;
    free(ls->c->v[k]);
    ls->c->v[k] = ck_strdup(value);
    if (mine)
        ls->from_command[k] = 1;
    return 1;
}

const char *ck_config_arg(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            return argv[i + 1];
        if (strncmp(argv[i], "--config=", 9) == 0)
            return argv[i] + 9;
        if (strcmp(argv[i], "--") == 0)
            break;
    }
    return NULL;
}

int ck_config_load(const char *explicit_path, const char *command, int lang, struct ck_cli_config *c)
{
    memset(c, 0, sizeof *c);
    int en = lang == CK_LANG_EN;
    struct ck_buf path;
    ck_buf_init(&path);
    if (explicit_path) {
        ck_buf_adds(&path, explicit_path);
    } else {
        const char *env = getenv("FUNDCHECK_CONFIG");
        if (env) {
            if (*env == '\0') {
                ck_buf_fini(&path);
                return 0;
            }
            ck_buf_adds(&path, env);
            explicit_path = env;
        } else {
            const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
            if (xdg && *xdg)
                ck_buf_printf(&path, "%s/fundcheck/config.ini", xdg);
            else if (home && *home)
                ck_buf_printf(&path, "%s/.config/fundcheck/config.ini", home);
            else {
                ck_buf_fini(&path);
                return 0;
            }
            if (access(ck_buf_str(&path), F_OK) != 0) {
                ck_buf_fini(&path);
                return 0;
            }
        }
    }
    FILE *fp = fopen(ck_buf_str(&path), "r");
    if (fp == NULL) {
        fprintf(stderr, en ? "fundcheck: %s: cannot read the configuration file\n"
                           : "fundcheck: %s: 无法读取配置文件\n",
                ck_buf_str(&path));
        ck_buf_fini(&path);
        return -1;
    }
    struct load_state ls;
    memset(&ls, 0, sizeof ls);
    ls.c = c;
    ls.command = command;
    int line = ini_parse_file(fp, handler, &ls);
    fclose(fp);
    if (line != 0) {
        if (ls.bad_key)
            fprintf(stderr, en ? "fundcheck: %s:%d: unknown key or section '%s' (keys: lang, fail-on, min-severity, rule, exclude-rule, db, color, format)\n"
                               : "fundcheck: %s:%d: 未知的键或节“%s”（可用的键：lang、fail-on、min-severity、rule、exclude-rule、db、color、format）\n",
                    ck_buf_str(&path), line, ls.bad_key);
        else
            fprintf(stderr, en ? "fundcheck: %s:%d: not an INI line (key = value, or [section])\n"
                               : "fundcheck: %s:%d: 不是 INI 格式的行（应为 键 = 值，或 [节]）\n",
                    ck_buf_str(&path), line);
        ck_buf_fini(&path);
        ck_config_fini(c);
        return -1;
    }
    c->path = ck_buf_take(&path);
    return 0;
}

void ck_config_fini(struct ck_cli_config *c)
{
    for (int i = 0; i < CK_CFG_COUNT; i++)
        free(c->v[i]);
    free(c->path);
    memset(c, 0, sizeof *c);
}
