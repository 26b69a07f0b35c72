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
 * database writer. Work flows through a window of 2N+2 slots: the walker
 * fills slot (seq mod W) only when it is free, workers take the lowest
 * pending seq, and the writer stores results strictly in input order. The
 * database content is therefore the same for every N, and memory is bounded
 * by W results, i.e. by the largest filings, not by their number.
 *
 * After the workers finish, the look-through findings of the whole database
 * are recomputed (ck_store_lookthrough).
 */

/* The `scan` command; argv[0] is "scan". Returns an exit code (enum ck_exit). */
int ck_scan_main(int argc, char **argv);

#endif
