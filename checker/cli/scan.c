/* SPDX-License-Identifier: MIT */
/*
 * `fundcheck scan`: walker → workers → in-order writer (see scan.h for the
 * threading design). This file is part of the CLI layer: it prints the
 * progress line (only when stderr is a terminal), walk warnings and the
 * summary. User-facing text is Chinese by default, English with --lang en.
 */
#include "scan.h"

#include "buf.h"
#include "ck.h"
#include "cli.h"
#include "engine.h"
#include "mem.h"
#include "sha256.h"
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef CK_SCAN_MAX_DEPTH
#define CK_SCAN_MAX_DEPTH 128 /* directory nesting followed by the walker */
#endif
#ifndef CK_SCAN_MAX_JOBS
#define CK_SCAN_MAX_JOBS 256
#endif
/* Memory is bounded by bytes of filings, not by their number. Checking a
 * filing (DOM, evaluation) costs memory in proportion to its size, and so,
 * less, does its result until written. A worker waits before taking a
 * filing that would bring the bytes being checked above CK_SCAN_CHECK_BYTES
 * or the bytes taken and not yet written above CK_SCAN_HELD_BYTES; a filing
 * larger than that is taken when nothing else is. Two large filings are
 * thus never checked at once, whatever --jobs, while small filings keep
 * flowing past a slow one (the window of slots is wide for that). */
#ifndef CK_SCAN_CHECK_BYTES
#define CK_SCAN_CHECK_BYTES (3ULL << 20)
#endif
#ifndef CK_SCAN_HELD_BYTES
#define CK_SCAN_HELD_BYTES (6ULL << 20)
#endif
#ifndef CK_SCAN_WINDOW_PER_JOB
#define CK_SCAN_WINDOW_PER_JOB 16
#endif
/* The writer commits up to this many filings per transaction, and holds a
 * transaction open at most this long while waiting for results: fewer
 * commits keep the single writer from limiting --jobs. Each filing stays
 * atomic (store.h); a kill -9 loses at most the filings of the open batch,
 * which a re-run checks again. */
#ifndef CK_SCAN_BATCH
#define CK_SCAN_BATCH 32
#endif
/* Files found unchanged by the stat cache are handed to the writer in
 * chunks of this many (one slot, one transaction), not one by one. */
#ifndef CK_SCAN_SKIP_CHUNK
#define CK_SCAN_SKIP_CHUNK 8192
#endif
#ifndef CK_SCAN_BATCH_SEC
#define CK_SCAN_BATCH_SEC 0.25
#endif

enum slot_state { SLOT_EMPTY = 0, SLOT_PENDING, SLOT_RUNNING, SLOT_DONE };

struct slot {
    int state;
    char *path; /* owned */
    unsigned long long bytes; /* size when walked (0: unknown) */
    char sha[65];
    struct ck_file_sig read;   /* the stat of the bytes hashed: recorded with their hash */
    int pre_skipped; /* 1: unchanged files (skip_pks), 2: content recorded */
    long long *skip_pks; /* owned; pre_skipped 1: the filings of n_skip unchanged files */
    size_t n_skip;
    struct ck_result res; /* valid when state == SLOT_DONE and !pre_skipped */
};

struct scan {
    /* settings (read-only once threads start) */
    const struct ck_engine *eng;
    const char *db_path;
    long long run_id;
    int force, rehash, lang, progress;
    char **args; /* borrowed argv */
    int n_args;

    pthread_mutex_t mu;
    pthread_cond_t cv_space, cv_work, cv_result;
    struct slot *slots; /* owned; window entries */
    size_t window;
    unsigned long long produced, next_take, next_write;
    unsigned long long checking_bytes; /* bytes of the filings being checked */
    unsigned long long held_bytes;     /* bytes of the filings taken and not yet written */
    int producer_done, abort;
    int failed; /* the writer failed: nothing more is written */
    unsigned long long total; /* from the counting walk; 0 = unknown */
    int total_known;
    unsigned long long walk_errors; /* inputs the walker could not use */
    int progress_shown;             /* a progress line is on the terminal */
};

/* Set by the SIGINT/SIGTERM handler: stop taking filings, write what is
 * checked, record the run as interrupted. */
static volatile sig_atomic_t ck_scan_interrupted;

static void on_signal(int sig)
{
    (void)sig;
    ck_scan_interrupted = 1;
}

/* SIGINT/SIGTERM set the flag once; a second one has the default effect
 * (SA_RESETHAND), so a user who presses Ctrl-C twice is not kept waiting. */
static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int en(const struct scan *s)
{
    return s->lang == CK_LANG_EN;
}

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- walker ---- */

struct walker {
    struct scan *s;
    struct ck_stat_cache *sc; /* the stat cache, or NULL */
    long long *skip;          /* owned; filings of unchanged files not yet handed over */
    size_t n_skip;
    int count_only;
    unsigned long long count;
    dev_t dev[CK_SCAN_MAX_DEPTH];
    ino_t ino[CK_SCAN_MAX_DEPTH];
    int depth;
};

static void walk_warn(struct walker *w, const char *path, const char *zh, const char *english,
                      const char *detail)
{
    if (w->count_only)
        return;
    struct scan *s = w->s;
    pthread_mutex_lock(&s->mu);
    if (s->progress_shown)
        fputs("\r\033[K", stderr);
    s->progress_shown = 0;
    fprintf(stderr, "fundcheck: %s: %s%s%s\n", path, en(s) ? english : zh, detail ? ": " : "",
            detail ? detail : "");
    s->walk_errors++;
    pthread_mutex_unlock(&s->mu);
}

/* Hands one file to the workers (blocks while the window is full). */
static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Waits for a free slot of the window (NULL after an abort). */
static struct slot *take_slot(struct scan *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->produced - s->next_write >= s->window && !s->abort)
        pthread_cond_wait(&s->cv_space, &s->mu);
    struct slot *sl = s->abort ? NULL : &s->slots[s->produced % s->window];
    pthread_mutex_unlock(&s->mu);
    if (sl)
        memset(sl, 0, sizeof *sl); /* the walker's until produced is advanced: nobody reads it */
    return sl;
}

/* Hands the unchanged files collected so far to the writer, as one slot. */
static void push_skips(struct walker *w)
{
    if (w->n_skip == 0)
        return;
    struct scan *s = w->s;
    struct slot *sl = take_slot(s);
    if (sl == NULL) {
        w->n_skip = 0; /* aborted: not recorded as seen by this run */
        return;
    }
    sl->pre_skipped = 1;
    sl->skip_pks = w->skip;
    sl->n_skip = w->n_skip;
    sl->state = SLOT_DONE;
    w->skip = NULL;
    w->n_skip = 0;
    pthread_mutex_lock(&s->mu);
    s->produced++;
    pthread_cond_signal(&s->cv_result);
    pthread_mutex_unlock(&s->mu);
}

/* Hands one file to the workers (blocks while the window is full); a file
 * the stat cache knows as unchanged only joins the next chunk of skips. */
static void push(struct walker *w, const char *path, const struct stat *sb)
{
    if (w->count_only) {
        w->count++;
        return;
    }
    struct scan *s = w->s;
    struct ck_file_sig sig;
    long long pk;
    if (sb) {
        ck_file_sig_from_stat(sb, now_ns(), &sig);
        if (ck_stat_cache_find(w->sc, path, &sig, &pk)) {
            if (w->skip == NULL)
                w->skip = ck_malloc(CK_SCAN_SKIP_CHUNK * sizeof *w->skip);
            w->skip[w->n_skip++] = pk;
            if (w->n_skip == CK_SCAN_SKIP_CHUNK)
                push_skips(w);
            return;
        }
    }
    struct slot *sl = take_slot(s);
    if (sl == NULL)
        return;
    sl->state = SLOT_PENDING;
    sl->path = ck_strdup(path);
    if (sb)
        sl->bytes = (unsigned long long)sb->st_size;
    pthread_mutex_lock(&s->mu);
    s->produced++;
    pthread_cond_signal(&s->cv_work);
    pthread_mutex_unlock(&s->mu);
}

static int has_xml_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(struct walker *w, const char *path, const struct stat *sb);

static void walk_entry(struct walker *w, const char *path, const char *name)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (has_xml_suffix(name))
            push(w, path, NULL); /* e.g. a dangling link: recorded as a filing in error */
        return;
    }
    if (S_ISDIR(sb.st_mode))
        walk_dir(w, path, &sb); /* a directory named x.xml is walked, not read */
    else if (!has_xml_suffix(name))
        return;
    else if (S_ISREG(sb.st_mode))
        push(w, path, &sb);
    else
        walk_warn(w, path, "不是普通文件，已跳过", "not a regular file; skipped", NULL);
}

static void walk_dir(struct walker *w, const char *path, const struct stat *sb)
{
    for (int i = 0; i < w->depth; i++)
        if (w->dev[i] == sb->st_dev && w->ino[i] == sb->st_ino) {
            walk_warn(w, path, "符号链接形成循环，已跳过", "symbolic link loop; skipped", NULL);
            return;
        }
    if (w->depth == CK_SCAN_MAX_DEPTH) {
        walk_warn(w, path, "目录层级过深，已跳过", "directories nested too deep; skipped", NULL);
        return;
    }
    DIR *d = opendir(path);
    if (d == NULL) {
        walk_warn(w, path, "无法读取目录", "cannot read directory", strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            names = ck_reallocarray(names, cap, sizeof *names);
        }
        names[n++] = ck_strdup(de->d_name);
    }
    closedir(d);
    if (n > 1) /* qsort with a NULL array is undefined even for n = 0 */
        qsort(names, n, sizeof *names, cmp_str);
    w->dev[w->depth] = sb->st_dev;
    w->ino[w->depth] = sb->st_ino;
    w->depth++;
    struct ck_buf full;
    ck_buf_init(&full);
    for (size_t i = 0; i < n; i++) {
        ck_buf_reset(&full);
        size_t len = strlen(path);
        ck_buf_add(&full, path, len > 1 && path[len - 1] == '/' ? len - 1 : len);
        ck_buf_addc(&full, '/');
        ck_buf_adds(&full, names[i]);
        if (!w->s->abort)
            walk_entry(w, ck_buf_str(&full), names[i]);
        free(names[i]);
    }
    ck_buf_fini(&full);
    free(names);
    w->depth--;
}

/* A path given by the user: a directory is walked, anything else is a filing. */
static void walk_arg(struct walker *w, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        push(w, path, NULL); /* missing files are recorded as filings in error */
    } else if (S_ISDIR(sb.st_mode)) {
        walk_dir(w, path, &sb);
    } else if (!S_ISREG(sb.st_mode)) {
        walk_warn(w, path, "不是普通文件，已跳过", "not a regular file; skipped", NULL);
    } else {
        push(w, path, &sb);
    }
}

static void walk_all(struct walker *w)
{
    struct scan *s = w->s;
    for (int i = 0; i < s->n_args && !s->abort; i++) {
        if (strcmp(s->args[i], "-") != 0) {
            walk_arg(w, s->args[i]);
            continue;
        }
        if (w->count_only)
            continue;
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        while (!s->abort && (len = getline(&line, &cap, stdin)) > 0) {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            if (len > 0)
                walk_arg(w, line);
        }
        free(line);
    }
}

static void *walker_main(void *arg)
{
    struct scan *s = arg;
    int has_stdin = 0;
    for (int i = 0; i < s->n_args; i++)
        has_stdin |= strcmp(s->args[i], "-") == 0;
    if (s->progress && !has_stdin) {
        struct walker cw = {.s = s, .count_only = 1};
        walk_all(&cw);
        pthread_mutex_lock(&s->mu);
        s->total = cw.count;
        s->total_known = 1;
        pthread_mutex_unlock(&s->mu);
    }
    struct walker *w = ck_calloc(1, sizeof *w);
    w->s = s;
    /* Loaded before anything is handed over, so before this run writes. */
    if (!s->force && !s->rehash && ck_stat_cache_load(s->db_path, s->eng, &w->sc) != CK_OK)
        w->sc = NULL; /* every file is then read and hashed */
    walk_all(w);
    push_skips(w);
    free(w->skip);
    ck_stat_cache_free(w->sc);
    free(w);
    pthread_mutex_lock(&s->mu);
    s->producer_done = 1;
    pthread_cond_broadcast(&s->cv_work);
    pthread_cond_broadcast(&s->cv_result);
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---- workers ---- */

/* The file's bytes and their SHA-256, read once: the same bytes are hashed
 * and checked. Returns NULL (sha "") when the file cannot be read whole;
 * the checker then reads it itself and reports why. */
static char *read_hash_file(const char *path, size_t *out_len, char sha[65], struct ck_file_sig *sig)
{
    memset(sig, 0, sizeof *sig);
    sha[0] = '\0';
    *out_len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (unsigned long long)sb.st_size > CK_MAX_FILING_BYTES) {
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)sb.st_size + 1, len = 0;
    char *buf = ck_malloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > CK_MAX_FILING_BYTES) {
                free(buf);
                close(fd);
                return NULL;
            }
            cap *= 2;
            buf = ck_realloc(buf, cap);
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    if (len > CK_MAX_FILING_BYTES) {
        free(buf);
        return NULL;
    }
    if ((unsigned long long)len == (unsigned long long)sb.st_size)
        ck_file_sig_from_stat(&sb, now_ns(), sig); /* else it changed while read: no signature */
    ck_sha256_hex(buf, len, sha);
    *out_len = len;
    return buf;
}

static void *worker_main(void *arg)
{
    struct scan *s = arg;
    struct ck_evaluator *ev = ck_eval_new(s->eng->rules, s->eng->catalog, s->lang);
    struct ck_store_reader *rd = NULL;
    if (!s->force && ck_store_reader_open(s->db_path, s->eng, s->run_id, &rd) != CK_OK)
        rd = NULL; /* the writer still de-duplicates */
    for (;;) {
        pthread_mutex_lock(&s->mu);
        struct slot *sl = NULL;
        while (!s->abort) {
            /* Settled by the walker (stat cache), perhaps written already. */
            while (s->next_take < s->produced &&
                   (s->next_take < s->next_write || s->slots[s->next_take % s->window].state == SLOT_DONE))
                s->next_take++;
            if (s->next_take < s->produced) {
                sl = &s->slots[s->next_take % s->window];
                if (s->held_bytes == 0 ||
                    (s->checking_bytes + sl->bytes <= CK_SCAN_CHECK_BYTES &&
                     s->held_bytes + sl->bytes <= CK_SCAN_HELD_BYTES))
                    break; /* within the memory budget */
                sl = NULL;
            } else if (s->producer_done) {
                break;
            }
            pthread_cond_wait(&s->cv_work, &s->mu);
        }
        if (sl == NULL || s->abort) {
            pthread_mutex_unlock(&s->mu);
            break;
        }
        s->next_take++;
        s->checking_bytes += sl->bytes;
        s->held_bytes += sl->bytes;
        sl->state = SLOT_RUNNING;
        const char *path = sl->path;
        pthread_mutex_unlock(&s->mu);

        /* The slot is ours until marked done: nobody else touches it. */
        size_t len = 0;
        char *bytes = read_hash_file(path, &len, sl->sha, &sl->read);
        if (bytes && ck_store_reader_seen(rd, sl->sha))
            sl->pre_skipped = 2;
        else if (bytes)
            ck_check_bytes_hashed(s->eng, ev, path, bytes, len, sl->sha, &sl->res);
        else
            ck_check_path(s->eng, ev, path, &sl->res);
        free(bytes);
#ifdef __GLIBC__
        /* A large filing's DOM leaves this thread's malloc arena holding
         * its pages; give them back so that the next large filing, on
         * another thread, does not add to the peak. */
        if (sl->bytes >= CK_SCAN_CHECK_BYTES / 4)
            malloc_trim(0);
#endif

        pthread_mutex_lock(&s->mu);
        sl->state = SLOT_DONE;
        s->checking_bytes -= sl->bytes;
        pthread_cond_broadcast(&s->cv_work); /* budget freed */
        pthread_cond_broadcast(&s->cv_result);
        pthread_mutex_unlock(&s->mu);
    }
    ck_store_reader_close(rd);
    ck_eval_free(ev);
    return NULL;
}

/* ---- writer, progress, summary ---- */

struct tally {
    unsigned long long done, checked, skipped, errors, findings;
    int system_error;
};

static void fmt_eta(char *out, size_t n, double sec)
{
    if (sec < 0 || sec > 359999)
        snprintf(out, n, "?");
    else
        snprintf(out, n, "%d:%02d:%02d", (int)sec / 3600, (int)sec / 60 % 60, (int)sec % 60);
}

/* Called with s->mu held. */
static void draw_progress(struct scan *s, const struct tally *t, double start)
{
    double el = now_sec() - start;
    double rate = el > 0 ? (double)t->done / el : 0;
    char total[32], eta[32];
    if (s->total_known)
        snprintf(total, sizeof total, "%llu", s->total);
    else
        snprintf(total, sizeof total, "?");
    if (s->total_known && rate > 0)
        fmt_eta(eta, sizeof eta, (double)(s->total - t->done) / rate);
    else
        snprintf(eta, sizeof eta, "?");
    if (en(s))
        fprintf(stderr, "\r\033[Kscan %llu/%s  %.1f filings/s  findings %llu  errors %llu  ETA %s",
                t->done, total, rate, t->findings, t->errors + s->walk_errors, eta);
    else
        fprintf(stderr, "\r\033[K扫描 %llu/%s  %.1f 份/秒  发现 %llu  错误 %llu  预计剩余 %s", t->done,
                total, rate, t->findings, t->errors + s->walk_errors, eta);
    fflush(stderr);
    s->progress_shown = 1;
}

static void print_error_line(struct scan *s, const char *path, const struct ck_result *r)
{
    pthread_mutex_lock(&s->mu);
    if (s->progress_shown)
        fputs("\r\033[K", stderr);
    s->progress_shown = 0;
    fprintf(stderr, "fundcheck: %s:%ld: %s\n", path, r->err_line, r->err_msg ? r->err_msg : ck_strerror(r->status));
    pthread_mutex_unlock(&s->mu);
}

/* Called without s->mu. A failure stops the scan. */
static void writer_fail(struct scan *s, struct ck_store *st, struct tally *t)
{
    fprintf(stderr, "\nfundcheck: %s\n", ck_store_errmsg(st));
    t->system_error = 1;
    pthread_mutex_lock(&s->mu);
    s->abort = 1;
    s->failed = 1;
    pthread_cond_broadcast(&s->cv_work);
    pthread_cond_broadcast(&s->cv_space);
    pthread_mutex_unlock(&s->mu);
}

static void writer_loop(struct scan *s, struct ck_store *st, struct tally *t, double start)
{
    double last_draw = 0, batch_start = 0;
    ck_store_set_batch(st, CK_SCAN_BATCH);
    pthread_mutex_lock(&s->mu);
    for (;;) {
        struct slot *sl = &s->slots[s->next_write % s->window];
        if (ck_scan_interrupted && !s->abort) {
            /* Ctrl-C or SIGTERM: take nothing more; what is being checked
             * is still written (the abort branch below waits for it). */
            s->abort = 1;
            pthread_cond_broadcast(&s->cv_work);
            pthread_cond_broadcast(&s->cv_space);
        }
        if (s->next_write < s->produced && sl->state == SLOT_DONE) {
            pthread_mutex_unlock(&s->mu);
            int outcome = CK_STORE_SKIPPED;
            const struct ck_result *res = sl->pre_skipped ? NULL : &sl->res;
            /* Signatures are recorded for the bytes hashed in this run. */
            int wrc = CK_OK;
            if (!s->failed)
                wrc = sl->pre_skipped == 1
                          ? ck_store_put_unchanged(st, sl->skip_pks, sl->n_skip)
                          : ck_store_put_sig(st, sl->path, sl->sha, res, sl->pre_skipped, &sl->read, &outcome);
            if (wrc != CK_OK)
                writer_fail(s, st, t);
            else if (ck_store_pending(st) == 1)
                batch_start = now_sec();
            if (sl->pre_skipped == 1) {
                if (wrc == CK_OK && !s->failed) {
                    t->done += sl->n_skip;
                    t->skipped += sl->n_skip;
                }
            } else {
                t->done++;
                if (outcome == CK_STORE_CHECKED) {
                    t->checked++;
                    t->findings += res->findings.n;
                } else if (outcome == CK_STORE_ERROR) {
                    t->errors++;
                    if (res->status == CK_ENOMEM)
                        t->system_error = 1;
                    print_error_line(s, sl->path, res);
                } else {
                    t->skipped++;
                }
            }
            free(sl->skip_pks);
            sl->skip_pks = NULL;
            if (!sl->pre_skipped)
                ck_result_fini(&sl->res);
            free(sl->path);
            pthread_mutex_lock(&s->mu);
            sl->path = NULL;
            sl->state = SLOT_EMPTY;
            s->held_bytes -= sl->bytes;
            s->next_write++;
            /* The walker refills the window in bursts: woken when half of
             * it is free, not for every filing written. */
            if (s->produced - s->next_write <= s->window / 2)
                pthread_cond_signal(&s->cv_space);
            pthread_cond_broadcast(&s->cv_work); /* budget freed */
        } else if (s->producer_done && s->next_write == s->produced) {
            break;
        } else if (s->abort && s->next_write >= s->next_take) {
            break;
        } else if (ck_store_pending(st) > 0 &&
                   (s->abort || now_sec() - batch_start >= CK_SCAN_BATCH_SEC)) {
            /* Nothing to write now: commit rather than hold the batch open. */
            pthread_mutex_unlock(&s->mu);
            if (ck_store_flush(st) != CK_OK)
                writer_fail(s, st, t);
            pthread_mutex_lock(&s->mu);
        } else {
            double wait = 0.2;
            if (ck_store_pending(st) > 0 && batch_start + CK_SCAN_BATCH_SEC - now_sec() < wait)
                wait = batch_start + CK_SCAN_BATCH_SEC - now_sec();
            if (wait < 0.001)
                wait = 0.001;
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            ts.tv_nsec += (long)(wait * 1e9);
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            pthread_cond_timedwait(&s->cv_result, &s->mu, &ts);
        }
        double now = now_sec();
        if (s->progress && now - last_draw >= 0.2) {
            draw_progress(s, t, start);
            last_draw = now;
        }
    }
    if (s->progress_shown)
        fputs("\r\033[K", stderr);
    s->progress_shown = 0;
    pthread_mutex_unlock(&s->mu);
    if (ck_store_flush(st) != CK_OK)
        writer_fail(s, st, t);
}

static void summary(struct scan *s, const struct tally *t, const struct ck_store_lt_stats *lt,
                    const struct ck_store_tally *tally, double elapsed)
{
    int E = en(s);
    printf(E ? "scan: %llu input(s): %llu checked, %llu skipped (already recorded), %llu in error; %.1f s\n"
             : "扫描完成：共 %llu 份；已检查 %llu 份，跳过 %llu 份（已记录），出错 %llu 份；用时 %.1f 秒\n",
           t->done + s->walk_errors, t->checked, t->skipped, t->errors + s->walk_errors, elapsed);
    if (ck_scan_interrupted)
        printf(E ? "look-through: not brought up to date (interrupted); the next scan or merge does it\n"
                 : "穿透检查：未更新（已中断），下次 scan 或 merge 时补做\n");
    else if (lt->full)
        printf(E ? "look-through recomputed over the whole database: %zu filing(s) walked, %zu finding(s)\n"
                 : "穿透检查（全库重算）：遍历 %zu 份申报，%zu 项\n",
               lt->parents, lt->n_derived);
    else
        printf(E ? "look-through updated for the funds that changed and their parents: %zu filing(s) walked, %zu finding(s)\n"
                 : "穿透检查（增量：有变化的基金及其上层基金）：遍历 %zu 份申报，%zu 项\n",
               lt->parents, lt->n_derived);
    long long tot[4] = {0};
    /* The Chinese labels are two display columns per character. */
    fputs(E ? "findings of these filings by category:\n  violation   warning    notice  exempted  category\n"
            : "本批申报的发现（按类别）：\n       违规      警告      提示    已豁免  类别\n",
          stdout);
    for (size_t i = 0; i < tally->n_cats; i++) {
        const struct ck_store_cat_count *c = &tally->cats[i];
        long long v[4] = {c->open[2], c->open[1], c->open[0], c->exempted};
        for (int k = 0; k < 4; k++)
            tot[k] += v[k];
        printf("  %9lld %9lld %9lld %9lld  %s\n", v[0], v[1], v[2], v[3], c->category);
    }
    printf("  %9lld %9lld %9lld %9lld  %s\n", tot[0], tot[1], tot[2], tot[3], E ? "total" : "合计");
    printf(E ? "database: %s (run %lld)\n" : "数据库：%s（运行编号 %lld）\n", s->db_path, s->run_id);
}

static const char scan_help_zh[] =
    "用法：fundcheck scan [--db 文件] [--jobs N] [--force] [--rehash] [--lang zh|en] [--fail-on 级别]\n"
    "                     [--no-progress] [--rules 目录] [--catalog-dir 目录] 路径...\n"
    "\n"
    "把报送文件筛查进 SQLite 发现数据库（docs/database.md）。路径可以是文件、目录（递归查找 *.xml）\n"
    "或 -（从标准输入读路径列表，每行一个）。内容、规则集与产业目录都已记录的报送会跳过（路径、大小、\n"
    "时间与 inode 都与哈希时记录的相同的文件甚至不再读取；--rehash 则重新读取），所以中断的扫描再运行\n"
    "一次即可完成（Ctrl-C 或 SIGTERM：已检查的会保存，本次运行记为中断，退出码 4）。最后，对报送有\n"
    "变化的基金及其上层基金更新穿透发现。\n"
    "\n"
    "  --db 文件            数据库（默认 fundcheck.db；不存在时创建）\n"
    "  --jobs N             工作线程数（默认：CPU 核数）\n"
    "  --force              重新检查已记录的报送\n"
    "  --rehash             读取并哈希每个文件，不论其大小与时间\n"
    "  --lang zh|en         消息语言（默认 zh）\n"
    "  --fail-on 级别       violation（默认）、warning 或 notice\n"
    "  --no-progress        即使在终端上也不显示进度行\n"
    "  --recompute-lookthrough  对整个数据库重新计算穿透\n"
    "\n"
    "退出码：0 无问题，1 有发现，2 有文件无法检查，3 调用或规则集有误，4 系统或数据库错误。\n";

static const char scan_help_en[] =
    "usage: fundcheck scan [--db FILE] [--jobs N] [--force] [--rehash] [--lang zh|en] [--fail-on SEVERITY]\n"
    "                      [--no-progress] [--rules DIR] [--catalog-dir DIR] PATH...\n"
    "\n"
    "Screens filings into a SQLite findings database (docs/database.md). PATH is a file, a\n"
    "directory (walked recursively for *.xml) or - (a list of paths on stdin, one a line).\n"
    "A filing whose content, rule set and catalogue are already recorded is skipped (a file\n"
    "whose path, size, times and inode are those recorded when it was hashed is not even\n"
    "read; --rehash reads it), so an interrupted scan is finished by running it again\n"
    "(Ctrl-C or SIGTERM: what is checked is\n"
    "saved, the run is recorded as interrupted, exit 4). At the end, look-through findings\n"
    "are brought up to date for the funds whose filings changed and the funds above them.\n"
    "\n"
    "  --db FILE            database (default fundcheck.db; created when missing)\n"
    "  --jobs N             worker threads (default: number of cores)\n"
    "  --force              re-check filings that are already recorded\n"
    "  --rehash             read and hash every file, whatever its size and times say\n"
    "  --lang zh|en         language of messages (default zh)\n"
    "  --fail-on SEVERITY   violation (default), warning or notice\n"
    "  --no-progress        no progress line even on a terminal\n"
    "  --recompute-lookthrough  recompute the look-through of the whole database\n"
    "\n"
    "exit: 0 clean, 1 findings, 2 some file could not be checked, 3 bad invocation or rule\n"
    "set, 4 system or database error.\n";

enum { O_DB = 1100, O_JOBS, O_FORCE, O_LANG, O_FAIL_ON, O_RULES, O_CATDIR, O_NOPROG, O_HELP, O_LTFULL, O_REHASH };

static void json_options(struct ck_buf *b, int jobs, int force, int lang, int fail_on, int argc,
                         char **argv)
{
    ck_buf_printf(b, "{\"jobs\":%d,\"force\":%s,\"lang\":\"%s\",\"failOn\":\"%s\",\"paths\":[", jobs,
                  force ? "true" : "false", lang == CK_LANG_EN ? "en" : "zh", ck_severity_name(fail_on));
    for (int i = 0; i < argc; i++) {
        if (i)
            ck_buf_addc(b, ',');
        ck_buf_json_str(b, argv[i]);
    }
    ck_buf_adds(b, "]}");
}

int ck_scan_main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, O_DB},
        {"jobs", required_argument, NULL, O_JOBS},
        {"force", no_argument, NULL, O_FORCE},
        {"rehash", no_argument, NULL, O_REHASH},
        {"lang", required_argument, NULL, O_LANG},
        {"fail-on", required_argument, NULL, O_FAIL_ON},
        {"rules", required_argument, NULL, O_RULES},
        {"catalog-dir", required_argument, NULL, O_CATDIR},
        {"no-progress", no_argument, NULL, O_NOPROG},
        {"help", no_argument, NULL, O_HELP},
        {"recompute-lookthrough", no_argument, NULL, O_LTFULL},
        {NULL, 0, NULL, 0},
    };
    struct ck_common_opts co = {NULL, NULL, CK_LANG_ZH};
    const char *db_path = "fundcheck.db";
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cores > 0 ? (int)(cores < CK_SCAN_MAX_JOBS ? cores : CK_SCAN_MAX_JOBS) : 1;
    int force = 0, rehash = 0, fail_on = CK_SEV_VIOLATION, no_progress = 0, lt_full = 0, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case O_DB: db_path = optarg; break;
        case O_JOBS: {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end || errno || v < 1 || v > CK_SCAN_MAX_JOBS) {
                fprintf(stderr, "fundcheck scan: --jobs takes a number from 1 to %d\n", CK_SCAN_MAX_JOBS);
                return CK_EXIT_USAGE;
            }
            jobs = (int)v;
            break;
        }
        case O_FORCE: force = 1; break;
        case O_REHASH: rehash = 1; break;
        case O_LANG:
            if ((co.lang = ck_cli_parse_lang(optarg)) < 0) {
                fprintf(stderr, "fundcheck scan: unknown language '%s' (zh or en)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case O_FAIL_ON:
            if ((fail_on = ck_severity_parse(optarg)) < 0) {
                fprintf(stderr, "fundcheck scan: unknown severity '%s' (violation, warning, notice)\n", optarg);
                return CK_EXIT_USAGE;
            }
            break;
        case O_RULES: co.rules_dir = optarg; break;
        case O_CATDIR: co.catalog_dir = optarg; break;
        case O_NOPROG: no_progress = 1; break;
        case O_LTFULL: lt_full = 1; break;
        case O_HELP: ck_cli_help(stdout, scan_help_zh, scan_help_en, ck_cli_lang_from_argv(argc, argv)); return CK_EXIT_CLEAN;
        default: ck_cli_help(stderr, scan_help_zh, scan_help_en, ck_cli_lang_from_argv(argc, argv)); return CK_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "fundcheck scan: %s\n", co.lang == CK_LANG_EN ? "no paths given" : "未指定要扫描的文件或目录");
        ck_cli_help(stderr, scan_help_zh, scan_help_en, co.lang);
        return CK_EXIT_USAGE;
    }
    /* a path typed on the command line that does not exist is a usage error
     * (exit 3, nothing recorded), not a filing in error */
    int bad_path = 0;
    for (int i = optind; i < argc; i++) {
        struct stat sb;
        if (strcmp(argv[i], "-") != 0 && stat(argv[i], &sb) != 0) {
            int e = errno;
            if (co.lang == CK_LANG_EN)
                fprintf(stderr, "fundcheck scan: %s: %s\n", argv[i], strerror(e));
            else
                fprintf(stderr, "fundcheck scan：%s：%s\n", argv[i],
                        e == ENOENT || e == ENOTDIR ? "文件或目录不存在" : "无法访问");
            bad_path = 1;
        }
    }
    if (bad_path)
        return CK_EXIT_USAGE;
    struct ck_engine *eng = ck_cli_open_engine(&co);
    if (eng == NULL)
        return CK_EXIT_USAGE;
    struct ck_store *st = NULL;
    char *err = NULL;
    int rc = CK_EXIT_CLEAN;
    if (ck_store_open(db_path, CK_STORE_CREATE, co.lang, &st, &err) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", err);
        free(err);
        ck_engine_free(eng);
        return CK_EXIT_SYSTEM;
    }
    struct ck_buf opts;
    ck_buf_init(&opts);
    json_options(&opts, jobs, force, co.lang, fail_on, argc - optind, argv + optind);
    long long run_id = 0;
    if (ck_store_begin_run(st, eng, ck_buf_str(&opts), force, &run_id) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", ck_store_errmsg(st));
        ck_buf_fini(&opts);
        ck_store_close(st);
        ck_engine_free(eng);
        return CK_EXIT_SYSTEM;
    }
    ck_buf_fini(&opts);

    struct scan s;
    memset(&s, 0, sizeof s);
    s.eng = eng;
    s.db_path = db_path;
    s.run_id = run_id;
    s.force = force;
    s.rehash = rehash;
    s.lang = co.lang;
    s.progress = !no_progress && isatty(STDERR_FILENO);
    s.args = argv + optind;
    s.n_args = argc - optind;
    s.window = CK_SCAN_WINDOW_PER_JOB * ((size_t)jobs + 1);
    s.slots = ck_calloc(s.window, sizeof *s.slots);
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv_space, NULL);
    pthread_cond_init(&s.cv_work, NULL);
    pthread_cond_init(&s.cv_result, NULL);

    ck_scan_interrupted = 0;
    catch_signals();
    double start = now_sec();
    pthread_t walker_tid, *tids = ck_calloc((size_t)jobs, sizeof *tids);
    int n_started = 0;
    struct tally t = {0};
    if (pthread_create(&walker_tid, NULL, walker_main, &s) != 0) {
        fprintf(stderr, "fundcheck: cannot start a thread\n");
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    for (int i = 0; i < jobs; i++) {
        if (pthread_create(&tids[i], NULL, worker_main, &s) != 0)
            break;
        n_started++;
    }
    if (n_started == 0) {
        fprintf(stderr, "fundcheck: cannot start a thread\n");
        pthread_mutex_lock(&s.mu);
        s.abort = 1;
        pthread_cond_broadcast(&s.cv_space);
        pthread_mutex_unlock(&s.mu);
        pthread_join(walker_tid, NULL);
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    writer_loop(&s, st, &t, start);
    pthread_join(walker_tid, NULL);
    for (int i = 0; i < n_started; i++)
        pthread_join(tids[i], NULL);
    /* Anything left in the window after an abort. */
    for (size_t i = 0; i < s.window; i++) {
        if (s.slots[i].state == SLOT_DONE && !s.slots[i].pre_skipped)
            ck_result_fini(&s.slots[i].res);
        free(s.slots[i].skip_pks);
        free(s.slots[i].path);
    }
    if (t.system_error) {
        rc = CK_EXIT_SYSTEM;
        goto out;
    }

    struct ck_store_lt_stats lt = {0};
    int lt_rc = CK_OK;
    if (!ck_scan_interrupted) {
        struct ck_evaluator *ev = ck_eval_new(eng->rules, eng->catalog, co.lang);
        lt_rc = ck_store_lookthrough(st, eng, ev, lt_full ? CK_STORE_LT_FULL : CK_STORE_LT_AUTO, &lt);
        ck_eval_free(ev);
    }
    struct ck_store_tally tally = {0};
    if (lt_rc != CK_OK || ck_store_run_tally(st, &tally) != CK_OK ||
        ck_store_end_run(st, (long long)t.checked, (long long)t.skipped,
                         (long long)(t.errors + s.walk_errors), (long long)t.findings + (long long)lt.n_derived,
                         ck_scan_interrupted != 0, !ck_scan_interrupted) != CK_OK) {
        fprintf(stderr, "fundcheck: %s\n", ck_store_errmsg(st));
        ck_store_tally_fini(&tally);
        rc = CK_EXIT_SYSTEM;
        goto out;
    }
    summary(&s, &t, &lt, &tally, now_sec() - start);
    if (ck_store_tally_failing(&tally, fail_on) > 0)
        rc = CK_EXIT_FINDINGS;
    if (tally.errors > 0 || s.walk_errors > 0)
        rc = CK_EXIT_FILE_ERROR;
    ck_store_tally_fini(&tally);
    if (ck_scan_interrupted) {
        fprintf(stderr,
                co.lang == CK_LANG_EN
                    ? "fundcheck: interrupted: %llu filing(s) saved (%llu checked, %llu skipped, %llu in error) in %s,"
                      " run %lld recorded as interrupted; run the same command again to finish\n"
                    : "fundcheck：已中断：已保存 %llu 份申报（检查 %llu，跳过 %llu，出错 %llu）到 %s，"
                      "运行 %lld 记为已中断；再次运行同一命令即可继续\n",
                t.checked + t.skipped + t.errors, t.checked, t.skipped, t.errors, db_path, run_id);
        rc = CK_EXIT_SYSTEM;
    }
out:
    free(tids);
    free(s.slots);
    pthread_mutex_destroy(&s.mu);
    pthread_cond_destroy(&s.cv_space);
    pthread_cond_destroy(&s.cv_work);
    pthread_cond_destroy(&s.cv_result);
    ck_store_close(st);
    ck_engine_free(eng);
    return rc;
}
