/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the catalogue importer on TSV input. The input follows a
 * fixed header line naming the columns, so every input takes the TSV path.
 */
#include "fuzz_catalog_common.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char header[] = "class\tsector_no\tsector_name\tsub_no\tsub_name\titem_no\ttext\tsource\n";
    static char path[320];
    if (path[0] == '\0')
        snprintf(path, sizeof path, "%s/catalog.tsv", fuzz_tmpdir());
    size_t hl = sizeof header - 1;
    unsigned char *buf = malloc(hl + size + 1);
    if (buf == NULL)
        return 0;
    memcpy(buf, header, hl);
    if (size)
        memcpy(buf + hl, data, size);
    fuzz_write(path, buf, hl + size);
    free(buf);
    fuzz_catalog_import_file(path);
    return 0;
}
