/* SPDX-License-Identifier: MIT */
/*
 * Fault injection into SQLite under a real `fundcheck scan` or `merge`
 * (tests/suite-sqlfaults.sh). Not part of the library:
 *
 *   sqlfault malloc N COMMAND ARGS...   from SQLite's Nth allocation on,
 *                                       every allocation fails (a failing
 *                                       allocator set with SQLITE_CONFIG_MALLOC)
 *   sqlfault io N COMMAND ARGS...       from the Nth write, sync or truncate
 *                                       on, the file operation fails with
 *                                       SQLITE_IOERR (a VFS shim registered
 *                                       as the default VFS)
 *   sqlfault read N COMMAND ARGS...     the same shim, but from the Nth read
 *                                       on, reads fail (SQLITE_IOERR_READ)
 *
 * COMMAND ARGS are those of fundcheck (e.g. scan --db X --jobs 1 DIR). On
 * exit it prints "sqlfault: N faults injected" to stderr, so the test knows
 * whether the fault was reached.
 */
#include "cli.h"

#include <libxml/parser.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long countdown = -1; /* operations left before the failures start */
static unsigned long injected;
static int fail_reads; /* "read": the shim fails reads, not writes */

static int fire(void)
{
    if (countdown < 0)
        return 0;
    if (countdown == 0) {
        injected++;
        return 1;
    }
    countdown--;
    return 0;
}

/* ---- the failing allocator ---- */
static sqlite3_mem_methods real_mem;

static void *f_malloc(int n)
{
    return fire() ? NULL : real_mem.xMalloc(n);
}
static void f_free(void *p)
{
    real_mem.xFree(p);
}
static void *f_realloc(void *p, int n)
{
    return fire() ? NULL : real_mem.xRealloc(p, n);
}
static int f_size(void *p)
{
    return real_mem.xSize(p);
}
static int f_roundup(int n)
{
    return real_mem.xRoundup(n);
}
static int f_init(void *a)
{
    return real_mem.xInit(a);
}
static void f_shutdown(void *a)
{
    real_mem.xShutdown(a);
}

/* ---- the failing VFS: every file wraps a real one ---- */
struct shim_file {
    sqlite3_file base;
    sqlite3_file *real; /* points just after this struct */
};
static sqlite3_vfs *real_vfs;

static int s_close(sqlite3_file *f)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods ? s->real->pMethods->xClose(s->real) : SQLITE_OK;
}
static int s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    struct shim_file *s = (struct shim_file *)f;
    return fail_reads && fire() ? SQLITE_IOERR_READ : s->real->pMethods->xRead(s->real, b, n, o);
}
static int s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    struct shim_file *s = (struct shim_file *)f;
    return !fail_reads && fire() ? SQLITE_IOERR_WRITE : s->real->pMethods->xWrite(s->real, b, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    struct shim_file *s = (struct shim_file *)f;
    return !fail_reads && fire() ? SQLITE_IOERR_TRUNCATE : s->real->pMethods->xTruncate(s->real, size);
}
static int s_sync(sqlite3_file *f, int flags)
{
    struct shim_file *s = (struct shim_file *)f;
    return !fail_reads && fire() ? SQLITE_IOERR_FSYNC : s->real->pMethods->xSync(s->real, flags);
}
static int s_size(sqlite3_file *f, sqlite3_int64 *p)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xFileSize(s->real, p);
}
static int s_lock(sqlite3_file *f, int l)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xLock(s->real, l);
}
static int s_unlock(sqlite3_file *f, int l)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xUnlock(s->real, l);
}
static int s_check(sqlite3_file *f, int *r)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xCheckReservedLock(s->real, r);
}
static int s_fcntl(sqlite3_file *f, int op, void *a)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xFileControl(s->real, op, a);
}
static int s_sector(sqlite3_file *f)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xSectorSize(s->real);
}
static int s_dev(sqlite3_file *f)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xDeviceCharacteristics(s->real);
}
static int s_shmmap(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xShmMap(s->real, pg, sz, ext, pp);
}
static int s_shmlock(sqlite3_file *f, int off, int n, int flags)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xShmLock(s->real, off, n, flags);
}
static void s_shmbarrier(sqlite3_file *f)
{
    struct shim_file *s = (struct shim_file *)f;
    s->real->pMethods->xShmBarrier(s->real);
}
static int s_shmunmap(sqlite3_file *f, int del)
{
    struct shim_file *s = (struct shim_file *)f;
    return s->real->pMethods->xShmUnmap(s->real, del);
}

/* Version 2 methods: no memory-mapped I/O through the shim, so every
 * write goes through s_write. */
static const sqlite3_io_methods shim_methods = {
    2, s_close, s_read, s_write, s_truncate, s_sync, s_size, s_lock, s_unlock, s_check,
    s_fcntl, s_sector, s_dev, s_shmmap, s_shmlock, s_shmbarrier, s_shmunmap, NULL, NULL,
};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    (void)vfs;
    struct shim_file *s = (struct shim_file *)f;
    s->real = (sqlite3_file *)(s + 1);
    memset(s->real, 0, (size_t)real_vfs->szOsFile);
    int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
    s->base.pMethods = s->real->pMethods ? &shim_methods : NULL;
    return rc;
}
static int v_delete(sqlite3_vfs *v, const char *n, int sync)
{
    (void)v;
    return real_vfs->xDelete(real_vfs, n, sync);
}
static int v_access(sqlite3_vfs *v, const char *n, int flags, int *out)
{
    (void)v;
    return real_vfs->xAccess(real_vfs, n, flags, out);
}
static int v_full(sqlite3_vfs *v, const char *n, int len, char *out)
{
    (void)v;
    return real_vfs->xFullPathname(real_vfs, n, len, out);
}
static int v_random(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int v_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return real_vfs->xSleep(real_vfs, us);
}
static int v_time(sqlite3_vfs *v, double *t)
{
    (void)v;
    return real_vfs->xCurrentTime(real_vfs, t);
}
static int v_err(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    return real_vfs->xGetLastError ? real_vfs->xGetLastError(real_vfs, n, out) : 0;
}
static int v_time64(sqlite3_vfs *v, sqlite3_int64 *t)
{
    (void)v;
    return real_vfs->xCurrentTimeInt64(real_vfs, t);
}

static sqlite3_vfs shim_vfs;

static void report(void)
{
    fprintf(stderr, "sqlfault: %lu faults injected\n", injected);
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "malloc") != 0 && strcmp(argv[1], "io") != 0 && strcmp(argv[1], "read") != 0)) {
        fprintf(stderr, "usage: sqlfault malloc|io|read N COMMAND ARGS...\n");
        return 3;
    }
    long n = strtol(argv[2], NULL, 10);
    if (strcmp(argv[1], "malloc") == 0) {
        sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem);
        static sqlite3_mem_methods m;
        m = real_mem;
        m.xMalloc = f_malloc;
        m.xFree = f_free;
        m.xRealloc = f_realloc;
        m.xSize = f_size;
        m.xRoundup = f_roundup;
        m.xInit = f_init;
        m.xShutdown = f_shutdown;
        if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK) {
            fprintf(stderr, "sqlfault: SQLITE_CONFIG_MALLOC refused\n");
            return 4;
        }
    } else {
        fail_reads = strcmp(argv[1], "read") == 0;
        sqlite3_initialize();
        real_vfs = sqlite3_vfs_find(NULL);
        shim_vfs = (sqlite3_vfs){3, (int)sizeof(struct shim_file) + real_vfs->szOsFile, real_vfs->mxPathname,
                                 NULL, "sqlfault", NULL, v_open, v_delete, v_access, v_full,
                                 NULL, NULL, NULL, NULL, v_random, v_sleep, v_time, v_err, v_time64,
                                 NULL, NULL, NULL};
        sqlite3_vfs_register(&shim_vfs, 1);
    }
    countdown = n;
    atexit(report);
    xmlInitParser();
    int rc = ck_cli_dispatch(argc - 3, argv + 3);
    fflush(stdout);
    return rc;
}
