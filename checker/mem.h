/* SPDX-License-Identifier: MIT */
#ifndef CK_MEM_H
#define CK_MEM_H
/*
 * Allocation wrappers. On exhaustion they return NULL (never exit) and
 * record the failure for the calling thread; every caller checks for NULL
 * and unwinds, freeing what it allocated. Memory from these functions is
 * released with free().
 *
 * The per-thread record is the safety net under the error values: a helper
 * that returns nothing (a buffer append, a list growing) drops its work when
 * it cannot allocate, and the public API functions (api.c), which clear the
 * record on entry, return CK_ENOMEM when it is set on return. So a failed
 * allocation anywhere in a call is always that call's CK_ENOMEM, never a
 * quietly wrong result.
 */
#include <stddef.h>

void *ck_malloc(size_t n);
void *ck_calloc(size_t count, size_t size);
void *ck_realloc(void *p, size_t n);
/* realloc of count*size with overflow check (overflow: NULL, p untouched) */
void *ck_reallocarray(void *p, size_t count, size_t size);
char *ck_strdup(const char *s);
/* copies n bytes of s and terminates them */
char *ck_strndup(const char *s, size_t n);

/* Grows the array *pp (a T** passed as void*) to count elements of size
 * bytes: CK_OK, or CK_ENOMEM with *pp untouched. */
int ck_grow(void *pp, size_t count, size_t size);

/* The calling thread's record of a failed allocation. */
void ck_mem_clear(void);
int ck_mem_failed(void);

/* A process's policy on exhaustion, called with the size asked for before
 * NULL is returned. Internal (not in fundcheck.h): the fundcheck program
 * installs one that prints 内存不足 and exits 4; the library never does. */
typedef void ck_mem_fail_fn(size_t n);
void ck_mem_on_failure(ck_mem_fail_fn *fn);

/* Fault injection, only in a build of mem.c with -DCK_ALLOC_FAULTS
 * (build/allocfault, tests/faults/allocfault.c): the number of allocations
 * so far, and making the nth from now on fail once (0: none). */
unsigned long ck_alloc_faults_count(void);
void ck_alloc_faults_fail_at(unsigned long n);

#endif
