/* SPDX-License-Identifier: MIT */
/*
 * Filing loading. The hostile-input defences live here:
 *  - the file is read whole under CK_MAX_FILING_BYTES (after checking it is
 *    a regular file), so a huge or endless input is refused up front;
 *  - the parser runs with XML_PARSE_NONET and without NOENT/DTDLOAD/HUGE, so
 *    nothing external is fetched, entities are not expanded and libxml2's
 *    own depth and text-size limits stay on;
 *  - a DOCTYPE is refused outright through the SAX internalSubset hook: a
 *    filing has no use for one, and this ends entity-bomb documents before
 *    their declarations are processed;
 *  - the root must be {urn:gif:filing:1}filing, and the XSD must accept it.
 * Errors arrive through libxml2's per-thread structured error handler.
 */
#include "filing.h"

#include "buf.h"
#include "ck.h"
#include "diag.h"
#include "filing_extra.h"
#include "finding.h"
#include "mem.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct parse_errors {
    long line;
    struct ck_buf msg;
    int count;
    int doctype;
    struct ck_diags *diags; /* borrowed; every error, structured; may be NULL */
};

static void collect_error(void *data, xmlErrorPtr err)
{
    struct parse_errors *pe = data;
    if (err == NULL || err->level == XML_ERR_WARNING)
        return;
    if (pe->diags)
        ck_diags_add_xml(pe->diags, err);
    pe->count++;
    if (pe->count > 3) /* the first few say enough */
        return;
    if (pe->msg.len == 0)
        pe->line = err->line;
    else
        ck_buf_adds(&pe->msg, "; ");
    const char *m = err->message ? err->message : "error";
    size_t n = strlen(m);
    while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
        n--;
    if (pe->msg.len > 0 && err->line > 0)
        ck_buf_printf(&pe->msg, "line %d: ", err->line);
    /* One diagnostic is one line: libxml2's encoding errors carry "\nBytes: …". */
    for (size_t i = 0; i < n; i++)
        ck_buf_addc(&pe->msg, m[i] == '\n' || m[i] == '\r' ? ' ' : m[i]);
}

/* The parser context's own structured handler (libxml2 passes the context,
 * whose _private is our collector): no global handler is touched. */
static void collect_parse_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr pctx = ctx;
    collect_error(pctx->_private, err);
}

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id,
                           const xmlChar *sys_id)
{
    (void)name;
    (void)ext_id;
    (void)sys_id;
    xmlParserCtxtPtr pctx = ctx;
    struct parse_errors *pe = pctx->_private;
    pe->doctype = 1;
    if (pe->msg.len == 0) {
        pe->line = xmlSAX2GetLineNumber(ctx);
        ck_buf_adds(&pe->msg, "DOCTYPE declarations are not allowed in a filing (no DTD, no entities)");
        if (pe->diags)
            ck_diags_add(pe->diags, "FC-X004", pe->line, ck_buf_str(&pe->msg));
    }
    xmlStopParser(pctx);
}

static char *dup_or_empty(const xmlChar *s)
{
    return ck_strdup(s ? (const char *)s : "");
}

static int is_filing_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, CK_NS_FILING) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr ck_filing_child(xmlNodePtr n, const char *name)
{
    if (n == NULL)
        return NULL;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (is_filing_el(c, name))
            return c;
    return NULL;
}

char *ck_filing_prop(xmlNodePtr n, const char *name)
{
    if (n == NULL)
        return ck_strdup("");
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = dup_or_empty(v);
    xmlFree(v);
    return s;
}

char *ck_filing_text(xmlNodePtr n)
{
    if (n == NULL)
        return ck_strdup("");
    xmlChar *v = xmlNodeGetContent(n);
    char *s = dup_or_empty(v);
    xmlFree(v);
    if (s == NULL)
        return NULL;
    /* trim */
    char *b = s;
    while (*b == ' ' || *b == '\n' || *b == '\t' || *b == '\r')
        b++;
    size_t len = strlen(b);
    while (len > 0 && (b[len - 1] == ' ' || b[len - 1] == '\n' || b[len - 1] == '\t' || b[len - 1] == '\r'))
        len--;
    char *out = ck_strndup(b, len);
    free(s);
    return out;
}

#define child(n, name) ck_filing_child(n, name)
#define prop(n, name) ck_filing_prop(n, name)
#define text(n) ck_filing_text(n)

/* CK_OK, or CK_ENOMEM (then f is incomplete and only fit for ck_filing_free). */
static int extract_facts(struct ck_filing *f)
{
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    xmlNodePtr header = child(root, "header"), fund = child(root, "fund");
    f->filing_id = text(child(header, "filingId"));
    f->report_type = text(child(header, "reportType"));
    xmlNodePtr period = child(header, "period");
    f->period_start = prop(period, "start");
    f->period_end = prop(period, "end");
    f->submitted = text(child(header, "submittedAt"));
    f->filer_uscc = prop(child(header, "filer"), "uscc");
    f->fund_uscc = text(child(fund, "uscc"));
    f->fund_name = text(child(fund, "name"));
    f->fund_type = text(child(fund, "fundType"));
    f->gov_level = text(child(fund, "govLevel"));
    f->region = text(child(fund, "region"));
    f->legal_form = text(child(fund, "legalForm"));
    f->paid_in = prop(child(fund, "size"), "paidIn");

    xmlNodePtr exemptions = child(fund, "exemptions");
    for (xmlNodePtr e = exemptions ? exemptions->children : NULL; e; e = e->next) {
        if (!is_filing_el(e, "exemption"))
            continue;
        if (ck_grow(&f->exemptions, f->n_exemptions + 1, sizeof *f->exemptions))
            return CK_ENOMEM;
        struct ck_exemption *x = &f->exemptions[f->n_exemptions++];
        x->rule = prop(e, "rule");
        x->holding = prop(e, "holding");
        x->authority = prop(e, "authority");
        x->document = prop(e, "document");
        x->from = prop(e, "from");
        x->until = prop(e, "until");
        x->line = xmlGetLineNo(e);
    }

    xmlNodePtr holdings = child(root, "holdings");
    size_t cap = 0;
    for (xmlNodePtr h = holdings ? holdings->children : NULL; h; h = h->next) {
        if (!is_filing_el(h, "holding"))
            continue;
        if (f->n_holdings == cap && ck_grow(&f->holdings, cap = cap ? 2 * cap : 16, sizeof *f->holdings))
            return CK_ENOMEM;
        struct ck_holding_row *r = &f->holdings[f->n_holdings++];
        xmlNodePtr inv = child(h, "investee"), acq = child(h, "acquisition"),
                   ins = child(h, "instrument");
        r->id = prop(h, "id");
        r->category = prop(h, "category");
        r->role = text(child(h, "role"));
        r->investee_uscc = prop(inv, "uscc");
        r->investee_name = text(child(inv, "name"));
        r->industry = prop(child(inv, "industry"), "code");
        r->invested = prop(child(h, "amount"), "invested");
        r->acq_method = prop(acq, "method");
        r->acq_date = prop(acq, "date");
        r->instrument_type = prop(ins, "type");
        r->instrument_code = prop(ins, "code");
        r->catalog_class = prop(child(h, "catalogEntry"), "class");
        r->line = xmlGetLineNo(h);
    }
    f->extra = ck_filing_extra_read(root, f->n_holdings); /* store-only facts (filing_extra.h) */
    /* any string above that could not be copied is on the thread's record */
    return f->extra && !ck_mem_failed() ? CK_OK : CK_ENOMEM;
}

static int validate(xmlDocPtr doc, xmlSchemaPtr schema, long *err_line, char **err_msg, struct ck_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root == NULL || !is_filing_el(root, "filing")) {
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, "not a urn:gif:filing:1 filing (root element is %s%s%s%s)",
                      root && root->ns ? "{" : "", root && root->ns ? (const char *)root->ns->href : "",
                      root && root->ns ? "}" : "", root ? (const char *)root->name : "missing");
        *err_line = root ? xmlGetLineNo(root) : 1;
        *err_msg = ck_buf_take(&b);
        if (diags)
            ck_diags_add(diags, "FC-X006", *err_line, *err_msg);
        return CK_ESYNTAX;
    }
    if (schema == NULL)
        return CK_OK;
    struct parse_errors pe;
    memset(&pe, 0, sizeof pe);
    ck_buf_init(&pe.msg);
    pe.diags = diags;
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
    if (vctx == NULL) {
        *err_line = 0;
        *err_msg = ck_strdup("cannot create a schema validation context");
        return CK_ENOMEM;
    }
    xmlSchemaSetValidStructuredErrors(vctx, collect_error, &pe);
    int rc = xmlSchemaValidateDoc(vctx, doc);
    xmlSchemaFreeValidCtxt(vctx);
    if (rc != 0) {
        *err_line = pe.line;
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_adds(&b, "schema violation: ");
        ck_buf_adds(&b, pe.msg.len ? ck_buf_str(&pe.msg) : "document is not valid");
        if (pe.count > 3)
            ck_buf_printf(&b, " (%d errors in all)", pe.count);
        *err_msg = ck_buf_take(&b);
        ck_buf_fini(&pe.msg);
        return CK_ESYNTAX;
    }
    ck_buf_fini(&pe.msg);
    return CK_OK;
}

static int from_doc(const char *path, xmlDocPtr doc, xmlSchemaPtr schema, struct ck_filing **out,
                    long *err_line, char **err_msg, struct ck_diags *diags)
{
    *out = NULL;
    *err_line = 0;
    *err_msg = NULL;
    int rc = validate(doc, schema, err_line, err_msg, diags);
    if (rc != CK_OK) {
        xmlFreeDoc(doc);
        return rc;
    }
    struct ck_filing *f = ck_calloc(1, sizeof *f);
    if (f == NULL) {
        xmlFreeDoc(doc);
        return CK_ENOMEM;
    }
    f->path = ck_strdup(path);
    f->doc = doc;
    /* Number the elements so XPath can sort node-sets in document order in
     * O(1) per comparison; without it a union over 100,000 sibling holdings
     * compares by walking sibling lists (minutes instead of a second). */
    xmlXPathOrderDocElems(doc);
    if (f->path == NULL || extract_facts(f) != CK_OK) {
        ck_filing_free(f);
        return CK_ENOMEM;
    }
    *out = f;
    return CK_OK;
}

int ck_filing_from_doc(const char *path, xmlDocPtr doc, xmlSchemaPtr schema, struct ck_filing **out,
                       long *err_line, char **err_msg)
{
    return from_doc(path, doc, schema, out, err_line, err_msg, NULL);
}

static int read_file(const char *path, char **out_buf, size_t *out_len, char **err_msg)
{
    *out_buf = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct ck_buf b;
    ck_buf_init(&b);
    if (fd < 0) {
        ck_buf_printf(&b, "cannot open: %s", strerror(errno));
        *err_msg = ck_buf_take(&b);
        return CK_EIO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ck_buf_adds(&b, S_ISDIR(st.st_mode) ? "is a directory, not a filing" : "not a regular file");
        close(fd);
        *err_msg = ck_buf_take(&b);
        return CK_EIO;
    }
    if ((unsigned long long)st.st_size > CK_MAX_FILING_BYTES) {
        ck_buf_printf(&b, "file too large: %lld bytes (limit %u)", (long long)st.st_size,
                      (unsigned)CK_MAX_FILING_BYTES);
        close(fd);
        *err_msg = ck_buf_take(&b);
        return CK_ELIMIT;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = ck_malloc(cap);
    if (buf == NULL) {
        close(fd);
        return CK_ENOMEM;
    }
    for (;;) {
        if (len == cap - 1) {
            if (cap > CK_MAX_FILING_BYTES) { /* grew while we read it */
                free(buf);
                close(fd);
                ck_buf_printf(&b, "file too large (limit %u bytes)", (unsigned)CK_MAX_FILING_BYTES);
                *err_msg = ck_buf_take(&b);
                return CK_ELIMIT;
            }
            char *nb = ck_realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                close(fd);
                return CK_ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - 1 - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            free(buf);
            ck_buf_printf(&b, "read error: %s", strerror(errno));
            close(fd);
            *err_msg = ck_buf_take(&b);
            return CK_EIO;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    buf[len] = '\0';
    *out_buf = buf;
    *out_len = len;
    return CK_OK;
}

int ck_filing_load(const char *path, xmlSchemaPtr schema, struct ck_filing **out, long *err_line,
                   char **err_msg)
{
    return ck_filing_load_ex(path, schema, 1, out, err_line, err_msg);
}

int ck_filing_load_ex(const char *path, xmlSchemaPtr schema, int want_hash, struct ck_filing **out,
                      long *err_line, char **err_msg)
{
    return ck_filing_load_diags(path, schema, want_hash, out, err_line, err_msg, NULL);
}

int ck_filing_load_diags(const char *path, xmlSchemaPtr schema, int want_hash, struct ck_filing **out,
                         long *err_line, char **err_msg, struct ck_diags *diags)
{
    *out = NULL;
    *err_line = 0;
    *err_msg = NULL;
    char *buf = NULL;
    size_t len = 0;
    int rc = read_file(path, &buf, &len, err_msg);
    if (rc == CK_ENOMEM || (rc != CK_OK && *err_msg == NULL)) {
        free(*err_msg);
        *err_msg = NULL;
        return CK_ENOMEM;
    }
    if (rc != CK_OK) {
        if (diags) /* F003: too large; F002: not a regular file; F001: cannot open or read */
            ck_diags_add(diags,
                         rc == CK_ELIMIT                                                   ? "FC-F003"
                         : strncmp(*err_msg, "cannot open", 11) == 0 || strncmp(*err_msg, "read", 4) == 0 ? "FC-F001"
                                                                                           : "FC-F002",
                         0, *err_msg);
        return rc;
    }
    rc = ck_filing_load_buffer_diags(path, buf, len, schema, want_hash, out, err_line, err_msg, diags);
    free(buf);
    return rc;
}

int ck_filing_load_buffer(const char *path, const char *buf, size_t len, xmlSchemaPtr schema,
                          int want_hash, struct ck_filing **out, long *err_line, char **err_msg)
{
    return ck_filing_load_buffer_diags(path, buf, len, schema, want_hash, out, err_line, err_msg, NULL);
}

int ck_filing_load_buffer_diags(const char *path, const char *buf, size_t len, xmlSchemaPtr schema,
                                int want_hash, struct ck_filing **out, long *err_line, char **err_msg,
                                struct ck_diags *diags)
{
    *out = NULL;
    *err_line = 0;
    *err_msg = NULL;
    int rc;
    if (len == 0) {
        *err_msg = ck_strdup("empty file");
        if (diags)
            ck_diags_add(diags, "FC-F004", 0, *err_msg);
        return CK_ESYNTAX;
    }
    if (len > CK_MAX_FILING_BYTES || len > (size_t)INT_MAX) {
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_printf(&b, "file too large (limit %u bytes)", (unsigned)CK_MAX_FILING_BYTES);
        *err_msg = ck_buf_take(&b);
        if (diags)
            ck_diags_add(diags, "FC-F003", 0, *err_msg);
        return CK_ELIMIT;
    }
    char sha[65] = "";
    if (want_hash)
        ck_sha256_hex(buf, len, sha);
    /* Extracted EDGAR-style documents often carry whitespace before the XML
     * declaration; skip it rather than fail on a technicality. */
    size_t skip = 0;
    while (skip < len && (buf[skip] == ' ' || buf[skip] == '\n' || buf[skip] == '\r' || buf[skip] == '\t'))
        skip++;
    if (skip > 0 && (len - skip < 5 || memcmp(buf + skip, "<?xml", 5) != 0))
        skip = 0;

    struct parse_errors pe;
    memset(&pe, 0, sizeof pe);
    ck_buf_init(&pe.msg);
    xmlParserCtxtPtr pctx = xmlNewParserCtxt();
    if (pctx == NULL) {
        *err_msg = ck_strdup("out of memory creating the XML parser");
        return CK_ENOMEM;
    }
    pe.diags = diags;
    pctx->_private = &pe;
    pctx->sax->internalSubset = refuse_doctype;
    pctx->sax->serror = collect_parse_error;
    struct ck_xml_errsave save;
    ck_xml_errors_route(&save, collect_error, &pe);
    xmlDocPtr doc = xmlCtxtReadMemory(pctx, buf + skip, (int)(len - skip), path, NULL,
                                      XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    ck_xml_errors_restore(&save);
    int well_formed = pctx->wellFormed;
    xmlFreeParserCtxt(pctx);
    if (doc == NULL || !well_formed || pe.doctype) {
        xmlFreeDoc(doc);
        *err_line = pe.line;
        struct ck_buf b;
        ck_buf_init(&b);
        ck_buf_adds(&b, pe.doctype ? "" : "not well-formed XML: ");
        ck_buf_adds(&b, pe.msg.len ? ck_buf_str(&pe.msg) : "cannot parse");
        *err_msg = ck_buf_take(&b);
        ck_buf_fini(&pe.msg);
        return CK_EXML;
    }
    ck_buf_fini(&pe.msg);
    rc = from_doc(path, doc, schema, out, err_line, err_msg, diags);
    if (rc == CK_OK) {
        memcpy((*out)->sha256, sha, sizeof sha);
        (*out)->bytes = len;
    }
    return rc;
}

static void ignore_error(void *ctx, xmlErrorPtr err)
{
    (void)ctx;
    (void)err;
}

void ck_xml_errors_route(struct ck_xml_errsave *save, xmlStructuredErrorFunc fn, void *data)
{
    save->fn = xmlStructuredError;
    save->ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(data, fn);
}

void ck_xml_errors_restore(const struct ck_xml_errsave *save)
{
    xmlSetStructuredErrorFunc(save->ctx, save->fn);
}

xmlDocPtr ck_xml_read_quiet(const char *file, const char *mem, size_t len, int options)
{
    if (mem != NULL && len > INT_MAX)
        return NULL;
    xmlParserCtxtPtr pctx = xmlNewParserCtxt();
    if (pctx == NULL)
        return NULL;
    pctx->sax->serror = ignore_error;
    struct ck_xml_errsave save;
    ck_xml_errors_route(&save, ignore_error, NULL);
    xmlDocPtr doc = mem ? xmlCtxtReadMemory(pctx, mem, (int)len, file, NULL, options)
                        : xmlCtxtReadFile(pctx, file, NULL, options);
    ck_xml_errors_restore(&save);
    xmlFreeParserCtxt(pctx);
    return doc;
}

void ck_filing_release_doc(struct ck_filing *f)
{
    if (f && f->doc) {
        xmlFreeDoc(f->doc);
        f->doc = NULL;
    }
}

void ck_filing_free(struct ck_filing *f)
{
    if (f == NULL)
        return;
    ck_filing_release_doc(f);
    free(f->path);
    free(f->filing_id);
    free(f->report_type);
    free(f->period_start);
    free(f->period_end);
    free(f->submitted);
    free(f->fund_uscc);
    free(f->fund_name);
    free(f->fund_type);
    free(f->gov_level);
    free(f->region);
    free(f->legal_form);
    free(f->paid_in);
    free(f->filer_uscc);
    for (size_t i = 0; i < f->n_holdings; i++) {
        struct ck_holding_row *r = &f->holdings[i];
        free(r->id);
        free(r->category);
        free(r->role);
        free(r->investee_uscc);
        free(r->investee_name);
        free(r->industry);
        free(r->invested);
        free(r->acq_method);
        free(r->acq_date);
        free(r->instrument_type);
        free(r->instrument_code);
        free(r->catalog_class);
    }
    free(f->holdings);
    for (size_t i = 0; i < f->n_exemptions; i++) {
        struct ck_exemption *x = &f->exemptions[i];
        free(x->rule);
        free(x->holding);
        free(x->authority);
        free(x->document);
        free(x->from);
        free(x->until);
    }
    free(f->exemptions);
    ck_filing_extra_free(f->extra);
    free(f);
}
