/* SPDX-License-Identifier: MIT */
#ifndef CK_FUZZ_CATALOG_COMMON_H
#define CK_FUZZ_CATALOG_COMMON_H
/*
 * Shared body of the catalogue-importer targets: the input file goes through
 * `fundcheck catalog import` (ck_catalog_import: layout detection, parsing,
 * anomaly report in both languages) and, when an edition comes out, the
 * written edition is loaded back as a user catalogue (ck_catalog_load, the
 * loader every check uses) and freed.
 */
#include "buf.h"
#include "catalog.h"
#include "ck.h"

#include "fuzz_common.h"

#include <stdint.h>
#include <stdlib.h>

static void fuzz_catalog_import_file(const char *path)
{
    static int ready;
    if (!ready) {
        fuzz_env();
        ready = 1;
    }
    struct ck_catalog_import_opts o = {"2024", "2024-02-01", "excerpt", NULL, NULL};
    for (int lang = 0; lang < 2; lang++) {
        struct ck_buf out, report;
        ck_buf_init(&out);
        ck_buf_init(&report);
        size_t n_anom = 0;
        int rc = ck_catalog_import(path, &o, lang ? "en" : "zh", &out, &report, &n_anom);
        if (rc == CK_OK && lang == 0) {
            static char cdir[320], cfile[400];
            snprintf(cdir, sizeof cdir, "%s/catalogs", fuzz_tmpdir());
            (void)mkdir(cdir, 0700);
            snprintf(cfile, sizeof cfile, "%s/imported.tsv", cdir);
            fuzz_write(cfile, (const unsigned char *)ck_buf_str(&out), out.len);
            struct ck_catalog *cat = NULL;
            char *err = NULL;
            if (ck_catalog_load(NULL, cdir, &cat, &err) == CK_OK)
                ck_catalog_free(cat);
            free(err);
            (void)remove(cfile);
        }
        ck_buf_fini(&out);
        ck_buf_fini(&report);
    }
}

#endif
