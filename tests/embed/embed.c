/* SPDX-License-Identifier: MIT */
/* Embedding libfundcheck: check filings given on the command line, each
 * read into memory, and print one line per finding. Usage: embed DATA_DIR FILE... */
#include <fundcheck.h>
#include <stdio.h>
#include <stdlib.h>

static void on_diag(void *user, const struct ck_diag *d)
{
    (void)user;
    fprintf(stderr, "%s:%ld: [%s] %s\n", d->file ? d->file : "-", d->line, d->id, d->text[CK_LANG_EN]);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0 && (*len = (size_t)ftell(f), fseek(f, 0, SEEK_SET) == 0) &&
        (buf = malloc(*len + 1)) && fread(buf, 1, *len, f) != *len) {
        free(buf);
        buf = NULL;
    }
    if (f)
        fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    ck_init();
    struct ck_config cfg = {.data_dir = argc > 1 ? argv[1] : NULL, .diag = on_diag};
    struct ck_engine *eng;
    struct ck_worker *w;
    if (argc < 3 || ck_engine_new(&cfg, &eng) != CK_OK)
        return 3;
    if (ck_worker_new(eng, &w) != CK_OK)
        return 4;
    int rc = 0;
    for (int i = 2; i < argc; i++) {
        size_t len = 0;
        char *bytes = slurp(argv[i], &len);
        struct ck_result *res;
        if (bytes == NULL || ck_check_buffer(w, argv[i], bytes, len, &res) != CK_OK)
            return 4;
        for (size_t k = 0; k < ck_result_finding_count(res); k++) {
            struct ck_finding_info f;
            ck_result_finding(res, k, CK_LANG_ZH, &f);
            printf("%s\t%s\t%s\t%ld\t%s\n", argv[i], f.rule, f.holding ? f.holding : "-", f.line, f.message);
        }
        rc = ck_result_status(res) != CK_OK ? 2 : rc ? rc : ck_result_count_at_least(res, CK_SEV_VIOLATION) > 0;
        ck_result_free(res);
        free(bytes);
    }
    ck_worker_free(w);
    ck_engine_free(eng);
    return rc;
}
