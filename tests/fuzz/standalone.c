/* SPDX-License-Identifier: MIT */
/*
 * A main() for the fuzz targets without libFuzzer: replays every file given
 * (directories are read in sorted order, one level) through
 * LLVMFuzzerTestOneInput, so the corpora are checked by any compiler and
 * under ASan/valgrind. Prints one line per input and a total; a crash ends
 * the run with the signal, which the test suite reports.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int n_inputs;

static int replay(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    size_t cap = 4096, len = 0;
    unsigned char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (nb == NULL)
                free(buf);
            buf = nb;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (buf == NULL || err) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return 1;
    }
    printf("replay %s (%zu bytes)\n", path, len);
    fflush(stdout);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    n_inputs++;
    return 0;
}

static int visible(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            rc |= replay(argv[i]);
            continue;
        }
        struct dirent **names;
        int n = scandir(argv[i], &names, visible, alphasort);
        if (n < 0) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        for (int k = 0; k < n; k++) {
            size_t len = strlen(argv[i]) + strlen(names[k]->d_name) + 2;
            char *p = malloc(len);
            if (p) {
                snprintf(p, len, "%s/%s", argv[i], names[k]->d_name);
                if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
                    rc |= replay(p);
            }
            free(p);
            free(names[k]);
        }
        free(names);
    }
    printf("replayed %d inputs\n", n_inputs);
    return rc;
}
