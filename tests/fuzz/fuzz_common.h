/* SPDX-License-Identifier: MIT */
#ifndef CK_FUZZ_COMMON_H
#define CK_FUZZ_COMMON_H
/*
 * Shared set-up of the fuzz targets: where the data (schemas, rules,
 * catalogues) lives, an empty user catalogue, and a private temporary
 * directory that inputs are written into (the checker reads filings and
 * rule sets from files, so that is the surface under test). Nothing here
 * touches the network; everything written stays in the temporary directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef FUZZ_ROOT
#define FUZZ_ROOT "."
#endif

static char fuzz_dir[256];

/* Removes what the targets write (the names are fixed). */
static void fuzz_cleanup(void)
{
    static const char *const names[] = {"filing.xml", "rules/r.xml", "rules", "catalog.txt", "catalog.tsv",
                                         "catalogs/imported.tsv", "catalogs", "config.ini", ""};
    char p[400];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", fuzz_dir, names[i]);
        (void)remove(p); /* "" is the directory itself, removed last */
    }
}

/* Returns the private temporary directory (created on first call, removed
 * at exit). */
static const char *fuzz_tmpdir(void)
{
    char *dir = fuzz_dir;
    if (dir[0] == '\0') {
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof fuzz_dir, "%s/ckfuzz.XXXXXX", t && *t ? t : "/tmp");
        if (mkdtemp(dir) == NULL) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_cleanup);
    }
    return dir;
}

static void fuzz_env(void)
{
    if (getenv("FUNDCHECK_DATA") == NULL)
        setenv("FUNDCHECK_DATA", FUZZ_ROOT, 1);
    if (getenv("FUNDCHECK_CATALOG_DIR") == NULL) {
        static char cat[300];
        snprintf(cat, sizeof cat, "%s/catalogs", fuzz_tmpdir());
        (void)mkdir(cat, 0700);
        setenv("FUNDCHECK_CATALOG_DIR", cat, 1);
    }
}

/* Writes data to path (truncating); aborts on failure, which is a harness
 * problem, not a finding. */
static void fuzz_write(const char *path, const unsigned char *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

#endif
