/* SPDX-License-Identifier: MIT */
#ifndef CK_MEM_H
#define CK_MEM_H
/*
 * Allocation wrappers. On exhaustion they print one line to stderr and exit
 * with CK_EXIT_SYSTEM (4): a batch checker cannot do anything useful without
 * memory, and this removes an error path from every caller. Memory from these
 * functions is released with free().
 */
#include <stddef.h>

void *ck_malloc(size_t n);
void *ck_calloc(size_t count, size_t size);
void *ck_realloc(void *p, size_t n);
/* realloc of count*size with overflow check */
void *ck_reallocarray(void *p, size_t count, size_t size);
char *ck_strdup(const char *s);
/* copies n bytes of s and terminates them */
char *ck_strndup(const char *s, size_t n);

#endif
