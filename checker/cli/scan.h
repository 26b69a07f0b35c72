/* SPDX-License-Identifier: MIT */
#ifndef CK_SCAN_H
#define CK_SCAN_H
/*
 * `fundcheck scan`: batch screening of files and directories into the
 * findings database (store.h).
 *
 * Threads: one walker (expands PATH arguments: directories recursively,
 * *.xml only, entries sorted by name, symbolic-link loops cut by tracking
 * the dev/ino of the directories being walked; `-` reads a list of paths
 * from stdin), N workers (each with its own evaluator and read-only database
 * connection, sharing the frozen engine), and the calling thread as the only
 * database writer. Work flows through a window of 16(N+1) slots: the
 * walker fills slot (seq mod W) only when it is free, workers take the
 * lowest pending seq, and the writer stores results strictly in input
 * order. A file that the stat cache (store.h, ck_file_sig) shows unchanged
 * is settled by the walker itself (its slot is done when produced; no worker
 * reads it); every other file is read once by a worker, which hashes and
 * checks the same bytes. The walker and the writer wake each other per half
 * window, not per filing. The database content is therefore the same for
 * every N. Memory is
 * bounded by bytes, not by the number of filings: a worker takes the next
 * filing only while the bytes of the filings being checked stay within
 * 3 MiB and those taken but not yet written within 6 MiB (or when nothing
 * else is taken), so two large filings are never checked at once. No lock
 * is held while a filing is checked or written. The writer commits up to 32
 * filings per transaction (each in its own savepoint), and never holds a
 * transaction open longer than 0.25 s while waiting.
 *
 * After the workers finish, the look-through findings are brought up to
 * date (ck_store_lookthrough: only the funds whose filings changed and the
 * funds above them) from a compact graph: memory does not grow with the
 * database either. SIGINT/SIGTERM stop the walker and the workers taking
 * filings; what is checked is written, the run is recorded as interrupted
 * (look-through pending), a one-line summary goes to stderr, exit 4.
 */

/* The `scan` command; argv[0] is "scan". Returns an exit code (enum ck_exit). */
int ck_scan_main(int argc, char **argv);
/* The `merge` command (merge.c); argv[0] is "merge". */
int ck_merge_main(int argc, char **argv);

#endif
