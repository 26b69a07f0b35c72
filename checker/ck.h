/* SPDX-License-Identifier: MIT */
#ifndef CK_CK_H
#define CK_CK_H
/*
 * Project-wide definitions: the public header's status codes (returned by
 * every function that can fail), process exit codes, attributes, and the input limits. Every limit is
 * wrapped in #ifndef so a build can override it with -D.
 */
#include <stddef.h>

/* enum ck_status, ck_strerror: the public header's. */
#include "fundcheck.h"

/* Process exit codes (the spec's output contract); the highest applicable wins. */
enum ck_exit {
    CK_EXIT_CLEAN = 0,
    CK_EXIT_FINDINGS = 1,
    CK_EXIT_FILE_ERROR = 2,
    CK_EXIT_USAGE = 3,
    CK_EXIT_SYSTEM = 4,
};

#if defined(__GNUC__)
#define CK_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define CK_NORETURN __attribute__((noreturn))
#else
#define CK_PRINTF(fmt, args)
#define CK_NORETURN
#endif

#define CK_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Namespaces. */
#define CK_NS_FILING "urn:gif:filing:1"
#define CK_NS_RULES "urn:fundcheck:rules:1"
#define CK_NS_FN "urn:fundcheck:fn"
#define CK_NS_CORPUS "urn:fundcheck:corpus:1"

/* ---- limits ---- */
#ifndef CK_MAX_FILING_BYTES
#define CK_MAX_FILING_BYTES (64u * 1024u * 1024u) /* larger filings are refused */
#endif
#ifndef CK_MAX_XML_DEPTH
#define CK_MAX_XML_DEPTH 256 /* element nesting: libxml2's own limit without XML_PARSE_HUGE */
#endif
#ifndef CK_MAX_FINDINGS_PER_FILING
#define CK_MAX_FINDINGS_PER_FILING 10000
#endif
#ifndef CK_MAX_DIAGS
#define CK_MAX_DIAGS 100 /* diagnostics kept per file */
#endif
#ifndef CK_REGEX_MATCH_LIMIT
#define CK_REGEX_MATCH_LIMIT 1000000u
#endif
#ifndef CK_REGEX_DEPTH_LIMIT
#define CK_REGEX_DEPTH_LIMIT 10000u
#endif
#ifndef CK_EVIDENCE_CHARS
#define CK_EVIDENCE_CHARS 120 /* evidence values are cut to this many characters */
#endif
#ifndef CK_MESSAGE_VALUE_CHARS
#define CK_MESSAGE_VALUE_CHARS 400 /* one interpolated value in a message */
#endif

#endif
