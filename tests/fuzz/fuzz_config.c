/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the defaults file (checker/cli/config.c on libinih). The
 * input is written as a config.ini and loaded for `check` and `scan` in both
 * languages, as the commands do; the values that come out are then read the
 * way `check` reads them (severity and format names, the rule lists through
 * ck_noise_add), so a value libinih hands over (empty, huge, with quotes,
 * NULs cut short, a section repeated) reaches the code that uses it.
 */
#include "config.h"
#include "noise.h"
#include "report.h"
#include "rules.h"

#include "fuzz_common.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[320];
    if (path[0] == '\0') {
        fuzz_env();
        snprintf(path, sizeof path, "%s/config.ini", fuzz_tmpdir());
    }
    fuzz_write(path, data, size);
    static const char *const commands[] = {"check", "scan"};
    for (int i = 0; i < 4; i++) {
        struct ck_cli_config c;
        if (ck_config_load(path, commands[i / 2], i % 2 ? CK_LANG_EN : CK_LANG_ZH, &c) != 0) {
            /* a refused file leaves nothing behind */
            for (int k = 0; k < CK_CFG_COUNT; k++)
                if (c.v[k] != NULL)
                    abort();
            if (c.path != NULL)
                abort();
            continue;
        }
        if (c.path == NULL || strcmp(c.path, path) != 0)
            abort();
        if (c.v[CK_CFG_FAIL_ON])
            (void)ck_severity_parse(c.v[CK_CFG_FAIL_ON]);
        if (c.v[CK_CFG_MIN_SEVERITY])
            (void)ck_severity_parse(c.v[CK_CFG_MIN_SEVERITY]);
        if (c.v[CK_CFG_FORMAT])
            (void)ck_report_format_parse(c.v[CK_CFG_FORMAT]);
        struct ck_noise nz;
        ck_noise_init(&nz);
        if (c.v[CK_CFG_RULE])
            ck_noise_add(&nz, 0, c.v[CK_CFG_RULE]);
        if (c.v[CK_CFG_EXCLUDE_RULE])
            ck_noise_add(&nz, 1, c.v[CK_CFG_EXCLUDE_RULE]);
        ck_noise_fini(&nz);
        ck_config_fini(&c);
    }
    return 0;
}
