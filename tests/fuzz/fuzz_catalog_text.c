/* SPDX-License-Identifier: MIT */
/*
 * Fuzz target: the catalogue importer on the official text layout (a
 * 《产业结构调整指导目录》 as published: class headings, numbered sectors and
 * items). Tabs are replaced by spaces so the input is never taken for TSV.
 */
#include "fuzz_catalog_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[320];
    if (path[0] == '\0')
        snprintf(path, sizeof path, "%s/catalog.txt", fuzz_tmpdir());
    unsigned char *copy = malloc(size ? size : 1);
    if (copy == NULL)
        return 0;
    for (size_t i = 0; i < size; i++)
        copy[i] = data[i] == '\t' ? ' ' : data[i];
    fuzz_write(path, copy, size);
    free(copy);
    fuzz_catalog_import_file(path);
    return 0;
}
