/* SPDX-License-Identifier: MIT */
#ifndef CK_DIAG_H
#define CK_DIAG_H
/*
 * Diagnostics of a filing that cannot be checked: one per problem, built
 * from libxml2's structured error (domain, code, node, str1/str2, line,
 * column) rather than from its English message, each with a stable id
 * (docs/diagnostics.md lists them), the holding or item it is inside and
 * an XPath. ck_diag_format words one in Chinese or English with a fix hint
 * where one is known. A ck_diags owns every string of its entries.
 */
#include "buf.h"

#include <libxml/xmlerror.h>
#include <stddef.h>

struct ck_fdiag {
    const char *id;   /* static: "FC-X001", … */
    long line;
    int column;       /* 0 when unknown (schema errors have none) */
    char *holding;    /* owned; id of the enclosing holding/transaction/guarantee/exemption, or NULL */
    char *xpath;      /* owned; of the element or attribute, or NULL */
    char *element;    /* owned; local name, or NULL */
    char *attribute;  /* owned; or NULL */
    char *value;      /* owned; the offending value, or NULL */
    char *expected;   /* owned; expected elements or allowed values, or NULL */
    char *detail;     /* owned; libxml2's own text, for the rare error without a wording of ours */
};

struct ck_diags {
    struct ck_fdiag *v; /* owned */
    size_t n;
    size_t total; /* problems seen, including those beyond CK_MAX_DIAGS */
};

void ck_diags_init(struct ck_diags *d);
void ck_diags_fini(struct ck_diags *d);
/* Adds a diagnostic of a libxml2 error (parser or schema validation). */
void ck_diags_add_xml(struct ck_diags *d, const xmlError *err);
/* Adds one of our own (id from the table: I/O, size, DOCTYPE, root). */
struct ck_fdiag *ck_diags_add(struct ck_diags *d, const char *id, long line, const char *detail);
/* Appends the one-line message and, when known, the fix hint (without a
 * trailing newline) in lang (CK_LANG_*). */
void ck_diag_format(const struct ck_fdiag *x, int lang, struct ck_buf *msg, struct ck_buf *hint);

#endif
