/* SPDX-License-Identifier: MIT */
#ifndef CK_FILING_H
#define CK_FILING_H
/*
 * Reading one filing: size cap, safe parse (no network, no DTD, no entity
 * expansion; a DOCTYPE stops the parse), namespace check, XSD validation,
 * then the header facts every later stage needs. A filing that fails any
 * step gets a line and a reason; nothing is printed here.
 */
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stddef.h>

/* A holding as stored for auditors (strings owned; "" when absent). */
struct ck_holding_row {
    char *id, *category, *role, *investee_uscc, *investee_name, *industry, *invested,
        *acq_method, *acq_date, *instrument_type, *instrument_code, *catalog_class;
    long line;
};

struct ck_exemption;
struct ck_filing_extra;

struct ck_filing {
    char *path;    /* owned */
    xmlDocPtr doc; /* owned; NULL after ck_filing_release_doc */
    char sha256[65];
    size_t bytes;
    /* header facts: owned strings, "" when absent */
    char *filing_id, *report_type, *period_start, *period_end, *submitted, *fund_uscc, *fund_name,
        *fund_type, *gov_level, *region, *legal_form, *paid_in, *filer_uscc;
    struct ck_holding_row *holdings; /* owned */
    size_t n_holdings;
    struct ck_exemption *exemptions; /* owned */
    size_t n_exemptions;
    struct ck_filing_extra *extra; /* owned; facts only the database keeps (filing_extra.h) */
};

/* Reading helpers over the filing's namespace (shared with filing_extra.c):
 * the first child element `name`, an attribute and trimmed text as owned
 * strings ("" when absent; n may be NULL). */
xmlNodePtr ck_filing_child(xmlNodePtr n, const char *name);
char *ck_filing_prop(xmlNodePtr n, const char *name);
char *ck_filing_text(xmlNodePtr n);

/* Loads and validates path. Returns CK_OK and *out; otherwise a ck_status,
 * *out NULL, *err_line (0 when no line applies) and *err_msg (owned by the
 * caller, free()). schema may be NULL to skip validation. */
int ck_filing_load(const char *path, xmlSchemaPtr schema, struct ck_filing **out, long *err_line,
                   char **err_msg);
/* The same; want_hash = 0 leaves sha256 empty (`check` has no use for it). */
int ck_filing_load_ex(const char *path, xmlSchemaPtr schema, int want_hash, struct ck_filing **out,
                      long *err_line, char **err_msg);

/* The same, and every problem also as a structured diagnostic in *diags
 * (diag.h; may be NULL), for people: the caller initialises and frees it. */
struct ck_diags;
int ck_filing_load_diags(const char *path, xmlSchemaPtr schema, int want_hash, struct ck_filing **out,
                         long *err_line, char **err_msg, struct ck_diags *diags);

/* The same for filing bytes in memory (borrowed; not kept): the file-size
 * cap applies as for a file, and path is only the name used in messages. */
int ck_filing_load_buffer(const char *path, const char *buf, size_t len, xmlSchemaPtr schema,
                          int want_hash, struct ck_filing **out, long *err_line, char **err_msg);
int ck_filing_load_buffer_diags(const char *path, const char *buf, size_t len, xmlSchemaPtr schema,
                                int want_hash, struct ck_filing **out, long *err_line, char **err_msg,
                                struct ck_diags *diags);

/* The same for a document already in memory (rule examples, fuzzing):
 * takes ownership of doc on every path. */
int ck_filing_from_doc(const char *path, xmlDocPtr doc, xmlSchemaPtr schema, struct ck_filing **out,
                       long *err_line, char **err_msg);

/* Frees the DOM but keeps the facts (memory stays bounded in batches). */
/*
 * libxml2 2.9 raises encoding and I/O errors without a context (so no
 * parser-context handler sees them) and has no xmlCtxtSetErrorHandler. Its
 * structured-handler global is per thread, so around one parse call the
 * library points the calling thread's handler at its own collector and puts
 * the caller's handler back exactly as it was (function and context) before
 * returning: the caller's handler is never called for the library's errors
 * and is never left replaced. Errors with a context go to the parser
 * context's own sax->serror.
 */
struct ck_xml_errsave {
    xmlStructuredErrorFunc fn;
    void *ctx;
};
void ck_xml_errors_route(struct ck_xml_errsave *save, xmlStructuredErrorFunc fn, void *data);
void ck_xml_errors_restore(const struct ck_xml_errsave *save);

/* Reads an XML document of the tool's own data (a file when mem is NULL,
 * else len bytes at mem) with a parser context whose errors go nowhere: the
 * caller reports the failure in its own words, and no libxml2 handler the
 * embedding program installed is called or replaced. */
xmlDocPtr ck_xml_read_quiet(const char *file, const char *mem, size_t len, int options);

void ck_filing_release_doc(struct ck_filing *f);
void ck_filing_free(struct ck_filing *f);

#endif
