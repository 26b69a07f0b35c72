/* SPDX-License-Identifier: MIT */
/*
 * Rule loading. Each rule file is parsed with the same hostile-input options
 * as filings (no network, no DTD, no entity expansion), validated against
 * rules-1.xsd, then walked element by element. Problems are collected as
 * "file:line: message" lines up to CK_MAX_DIAGS and loading goes on, so an
 * author sees every mistake at once; any problem fails the load.
 */
#include "rules.h"

#include "buf.h"
#include "ck.h"
#include "filing.h"
#include "mem.h"
#include "plan_limits.h"
#include "prefilter.h"
#include "xenv.h"
#include "xfunc.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

const char *const ck_categories[] = {
    "disguised-debt",   "public-stock",  "derivatives", "guarantee",    "unlimited-liability",
    "industry-catalog", "negative-list", "limit",       "exemption",    "data-quality", NULL,
};

int ck_category_valid(const char *s)
{
    for (size_t i = 0; ck_categories[i]; i++)
        if (strcmp(ck_categories[i], s) == 0)
            return 1;
    return 0;
}

static const char *const severity_names[CK_SEV_COUNT] = {"notice", "warning", "violation"};

int ck_severity_parse(const char *s)
{
    for (int i = 0; i < CK_SEV_COUNT; i++)
        if (s && strcmp(s, severity_names[i]) == 0)
            return i;
    return -1;
}

const char *ck_severity_name(int sev)
{
    return (sev >= 0 && sev < CK_SEV_COUNT) ? severity_names[sev] : "?";
}

const char *ck_severity_label(int sev, int lang)
{
    static const char *const zh[CK_SEV_COUNT] = {"提示", "警告", "违规"};
    if (sev < 0 || sev >= CK_SEV_COUNT)
        return "?";
    return lang == CK_LANG_EN ? severity_names[sev] : zh[sev];
}

/* ---- loading state ---- */

struct loader {
    struct ck_ruleset *rs;
    struct ck_buf errors;
    size_t n_errors;
    const char *file; /* current file (borrowed from rule or regex record) */
    char *file_owned; /* the current file name, owned until handed over */
    size_t cap_rules, cap_regexes, cap_exprs;
    xmlXPathContextPtr check_ctx; /* for compile checks */
};

CK_PRINTF(3, 4) static void load_error(struct loader *ld, long line, const char *fmt, ...)
{
    ld->n_errors++;
    if (ld->n_errors > CK_MAX_DIAGS)
        return;
    ck_buf_printf(&ld->errors, "%s:%ld: ", ld->file, line);
    va_list ap;
    va_start(ap, fmt);
    ck_buf_vprintf(&ld->errors, fmt, ap);
    va_end(ap);
    ck_buf_addc(&ld->errors, '\n');
}

static int is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, CK_NS_RULES) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *s = ck_strdup((const char *)v);
    xmlFree(v);
    return s;
}

/* Text content with leading/trailing whitespace removed. */
static char *text_of(xmlNodePtr n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const char *s = v ? (const char *)v : "";
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t' ||
                       s[len - 1] == '\r'))
        len--;
    char *out = ck_strndup(s, len);
    xmlFree(v);
    return out;
}

/* The index of the new expression; -1 when out of memory (then source is
 * freed, the failure is on the thread's record and ck_rules_load fails). */
static int add_expr(struct loader *ld, char *source, const char *file, long line)
{
    struct ck_ruleset *rs = ld->rs;
    if (source == NULL)
        return -1;
    ck_xfunc_error_reset();
    xmlXPathCompExprPtr comp = xmlXPathCtxtCompile(ld->check_ctx, (const xmlChar *)source);
    if (comp == NULL) {
        load_error(ld, line, "invalid XPath expression '%s': %s", source,
                   *ck_xfunc_last_error() ? ck_xfunc_last_error() : "syntax error");
    } else {
        xmlXPathFreeCompExpr(comp);
        char *unknown = ck_xfunc_unknown_call(ld->check_ctx, source);
        if (unknown) {
            load_error(ld, line, "unknown function '%s' in XPath expression '%s'", unknown, source);
            free(unknown);
        }
    }
    if (rs->n_exprs == ld->cap_exprs) {
        size_t cap = ld->cap_exprs ? 2 * ld->cap_exprs : 256;
        if (ck_grow(&rs->exprs, cap, sizeof *rs->exprs)) {
            free(source);
            return -1;
        }
        ld->cap_exprs = cap;
    }
    rs->exprs[rs->n_exprs].source = source;
    rs->exprs[rs->n_exprs].file = file;
    rs->exprs[rs->n_exprs].line = line;
    return (int)rs->n_exprs++;
}

/* Splits "text {xpath} text" into parts; "{{" and "}}" are literal braces. */
static void parse_template(struct loader *ld, const char *src, const char *file, long line,
                           struct ck_template *t)
{
    struct ck_buf lit;
    ck_buf_init(&lit);
    size_t cap = 0;
    t->parts = NULL;
    t->n_parts = 0;
    const char *p = src;
    for (;;) {
        int flush = (*p == '\0') || (*p == '{' && p[1] != '{');
        if (flush && lit.len > 0) {
            if (t->n_parts == cap && ck_grow(&t->parts, cap = cap ? 2 * cap : 4, sizeof *t->parts))
                break;
            t->parts[t->n_parts].text = ck_buf_take(&lit);
            t->parts[t->n_parts].expr = -1;
            t->n_parts++;
        }
        if (*p == '\0')
            break;
        if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
            ck_buf_addc(&lit, *p);
            p += 2;
            continue;
        }
        if (*p == '{') {
            const char *end = strchr(p + 1, '}');
            if (end == NULL) {
                load_error(ld, line, "unterminated '{' in message '%s'", src);
                break;
            }
            if (t->n_parts == cap && ck_grow(&t->parts, cap = cap ? 2 * cap : 4, sizeof *t->parts))
                break;
            t->parts[t->n_parts].text = NULL;
            t->parts[t->n_parts].expr = add_expr(ld, ck_strndup(p + 1, (size_t)(end - p - 1)), file, line);
            t->n_parts++;
            p = end + 1;
            continue;
        }
        ck_buf_addc(&lit, *p++);
    }
    ck_buf_fini(&lit);
}

static void template_fini(struct ck_template *t);

static int lang_index(xmlNodePtr n)
{
    xmlChar *l = xmlGetProp(n, (const xmlChar *)"lang");
    int idx = (l && strcmp((const char *)l, "en") == 0) ? CK_LANG_EN : CK_LANG_ZH;
    xmlFree(l);
    return idx;
}

static void load_regex(struct loader *ld, xmlNodePtr el)
{
    struct ck_ruleset *rs = ld->rs;
    if (rs->n_regexes == ld->cap_regexes) {
        size_t cap = ld->cap_regexes ? 2 * ld->cap_regexes : 32;
        if (ck_grow(&rs->regexes, cap, sizeof *rs->regexes))
            return; /* out of memory (on the thread's record): the load fails */
        ld->cap_regexes = cap;
    }
    struct ck_regex *rx = &rs->regexes[rs->n_regexes++];
    memset(rx, 0, sizeof *rx);
    rx->id = attr(el, "id");
    rx->file = ck_strdup(ld->file);
    rx->line = xmlGetLineNo(el);
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if (!is_el(c, "pattern") && !is_el(c, "unless"))
            continue;
        char *src = text_of(c);
        pcre2_code *re = NULL;
        char *err = NULL;
        int rc = src ? ck_regex_compile(src, &re, &err) : CK_ENOMEM;
        if (rc == CK_ENOMEM) {
            free(err);
        } else if (rc != CK_OK) {
            load_error(ld, xmlGetLineNo(c), "regex '%s': %s", rx->id ? rx->id : "?", err);
            free(err);
        } else {
            /* the literal atoms every match needs, for the prefilter (an
             * optimisation: without atoms, or without memory for them, the
             * pattern always runs; the thread's record still fails the load) */
            struct ck_atoms atoms;
            int pf = 0;
            rs->n_patterns++;
#ifndef CK_NO_PREFILTER /* build/fundcheck-noprefilter: every pattern always runs */
            if (ck_atoms_extract(src, &atoms)) {
                if (rs->prefilter == NULL)
                    rs->prefilter = ck_prefilter_new();
                if (rs->prefilter != NULL) {
                    pf = ck_prefilter_add(rs->prefilter, &atoms) + 1;
                    if (pf > 0)
                        rs->n_prefiltered++;
                }
                ck_atoms_fini(&atoms);
            }
#else
            (void)atoms;
#endif
            if (is_el(c, "pattern")) {
                pcre2_code_free(rx->re);
                rx->re = re;
                free(rx->source);
                rx->source = src;
                rx->pf = pf;
                src = NULL;
            } else if (ck_grow(&rx->unless, rx->n_unless + 1, sizeof *rx->unless) ||
                       ck_grow(&rx->pf_unless, rx->n_unless + 1, sizeof *rx->pf_unless)) {
                pcre2_code_free(re);
            } else {
                rx->pf_unless[rx->n_unless] = pf;
                rx->unless[rx->n_unless++] = re;
            }
        }
        free(src);
    }
    ck_regex_enable_jit(rx);
}

static void load_examples(struct ck_rule *r, xmlNodePtr el)
{
    for (xmlNodePtr c = el->children; c; c = c->next) {
        int trig = is_el(c, "trigger");
        if (!trig && !is_el(c, "pass"))
            continue;
        if (ck_grow(&r->examples, r->n_examples + 1, sizeof *r->examples))
            return;
        struct ck_example *ex = &r->examples[r->n_examples++];
        ex->must_fire = trig;
        ex->name = attr(c, "name");
        if (ex->name == NULL)
            ex->name = ck_strdup("");
        ex->node = c;
        ex->line = xmlGetLineNo(c);
    }
}

static void load_rule(struct loader *ld, xmlNodePtr el)
{
    struct ck_ruleset *rs = ld->rs;
    if (rs->n_rules == ld->cap_rules) {
        size_t cap = ld->cap_rules ? 2 * ld->cap_rules : 64;
        if (ck_grow(&rs->rules, cap, sizeof *rs->rules))
            return; /* out of memory (on the thread's record): the load fails */
        ld->cap_rules = cap;
    }
    struct ck_rule *r = &rs->rules[rs->n_rules++];
    memset(r, 0, sizeof *r);
    r->id = attr(el, "id");
    r->category = attr(el, "category");
    char *sev = attr(el, "severity");
    r->severity = ck_severity_parse(sev);
    free(sev);
    r->file = ck_strdup(ld->file);
    r->line = xmlGetLineNo(el);
    r->context_expr = -1;
    r->condition_expr = -1;
    const char *file = r->file;
    for (xmlNodePtr c = el->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        long line = xmlGetLineNo(c);
        if (is_el(c, "title")) {
            int l = lang_index(c);
            free(r->title[l]);
            r->title[l] = text_of(c);
        } else if (is_el(c, "message")) {
            int l = lang_index(c);
            char *src = text_of(c);
            template_fini(&r->message[l]); /* a repeated <message lang> replaces the earlier one */
            if (src)
                parse_template(ld, src, file, line, &r->message[l]);
            free(src);
        } else if (is_el(c, "explanation")) {
            int l = lang_index(c);
            free(r->explanation[l]);
            r->explanation[l] = text_of(c);
        } else if (is_el(c, "basis")) {
            if (ck_grow(&r->basis, r->n_basis + 1, sizeof *r->basis))
                return;
            struct ck_basis *b = &r->basis[r->n_basis++];
            b->document = attr(c, "document");
            b->article = attr(c, "article");
            b->text = text_of(c);
            char *sum = attr(c, "summary");
            b->summary = sum != NULL && (strcmp(sum, "true") == 0 || strcmp(sum, "1") == 0);
            free(sum);
        } else if (is_el(c, "context")) {
            r->context_expr = add_expr(ld, text_of(c), file, line);
        } else if (is_el(c, "condition")) {
            r->condition_expr = add_expr(ld, text_of(c), file, line);
        } else if (is_el(c, "evidence")) {
            if (ck_grow(&r->evidence, r->n_evidence + 1, sizeof *r->evidence))
                return;
            struct ck_evidence_spec *e = &r->evidence[r->n_evidence++];
            e->field = attr(c, "field");
            e->expr = add_expr(ld, text_of(c), file, line);
        } else if (is_el(c, "signals")) {
            for (xmlNodePtr s = c->children; s; s = s->next) {
                if (!is_el(s, "signal"))
                    continue;
                if (ck_grow(&r->signals, r->n_signals + 1, sizeof *r->signals))
                    return;
                struct ck_signal *sg = &r->signals[r->n_signals++];
                sg->id = attr(s, "id");
                char *w = attr(s, "weight");
                sg->weight = w ? strtod(w, NULL) : 0;
                free(w);
                sg->label[CK_LANG_ZH] = attr(s, "zh");
                sg->label[CK_LANG_EN] = attr(s, "en");
                sg->expr = add_expr(ld, text_of(s), file, xmlGetLineNo(s));
                char *ev = attr(s, "evidence");
                sg->evidence_expr = ev ? add_expr(ld, ev, file, xmlGetLineNo(s)) : -1;
            }
        } else if (is_el(c, "grade")) {
            for (xmlNodePtr w = c->children; w; w = w->next) {
                if (!is_el(w, "when"))
                    continue;
                if (ck_grow(&r->grades, r->n_grades + 1, sizeof *r->grades))
                    return;
                char *min = attr(w, "min"), *gs = attr(w, "severity");
                r->grades[r->n_grades].min = min ? strtod(min, NULL) : 0;
                r->grades[r->n_grades].severity = ck_severity_parse(gs);
                r->n_grades++;
                free(min);
                free(gs);
            }
        } else if (is_el(c, "examples")) {
            load_examples(r, c);
        } else if (is_el(c, "lookthrough")) {
            r->lookthrough = 1;
            free(r->lookthrough_categories);
            r->lookthrough_categories = attr(c, "categories");
        }
    }
    /* Highest threshold first, so the first reached grade is the severity. */
    for (size_t i = 1; i < r->n_grades; i++)
        for (size_t j = i; j > 0 && r->grades[j].min > r->grades[j - 1].min; j--) {
            struct ck_grade t = r->grades[j];
            r->grades[j] = r->grades[j - 1];
            r->grades[j - 1] = t;
        }
    if (!r->lookthrough) {
        int has_trigger = 0, has_pass = 0;
        for (size_t i = 0; i < r->n_examples; i++)
            r->examples[i].must_fire ? has_trigger++ : has_pass++;
        if (!has_trigger || !has_pass)
            load_error(ld, r->line, "rule %s needs at least one <trigger> and one <pass> example",
                       r->id);
    } else {
        char *cats = ck_strdup(r->lookthrough_categories ? r->lookthrough_categories : "");
        for (char *save = NULL, *tok = cats ? strtok_r(cats, " \t\n", &save) : NULL; tok;
             tok = strtok_r(NULL, " \t\n", &save))
            if (!ck_category_valid(tok))
                load_error(ld, r->line, "rule %s: unknown category '%s' in lookthrough", r->id, tok);
        free(cats);
    }
}

static int cmp_rule(const void *a, const void *b)
{
    return strcmp(((const struct ck_rule *)a)->id, ((const struct ck_rule *)b)->id);
}

static int cmp_regex(const void *a, const void *b)
{
    return strcmp(((const struct ck_regex *)a)->id, ((const struct ck_regex *)b)->id);
}

struct schema_errors {
    struct loader *ld;
};

static void schema_error(void *data, xmlErrorPtr err)
{
    struct loader *ld = data;
    char *msg = ck_strdup(err->message ? err->message : "error");
    if (msg == NULL)
        return;
    size_t n = strlen(msg);
    while (n > 0 && msg[n - 1] == '\n')
        msg[--n] = '\0';
    load_error(ld, err->line, "%s", msg);
    free(msg);
}

/* The parser context's own structured handler: _private is the loader. */
static void parse_error(void *ctx, xmlErrorPtr err)
{
    xmlParserCtxtPtr pctx = ctx;
    schema_error(pctx->_private, err);
}

static int filter_xml(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".xml") == 0;
}

/* FNV-1a over the bytes of all files: the rule-set version recorded in scans. */
static void hash_bytes(unsigned long long *h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= c[i];
        *h *= 1099511628211ULL;
    }
}

int ck_rules_load(const char *rules_dir, const char *schema_path, struct ck_ruleset **out,
                  char **errors)
{
    *out = NULL;
    *errors = NULL;
    struct loader ld;
    memset(&ld, 0, sizeof ld);
    ck_buf_init(&ld.errors);
    ld.rs = ck_calloc(1, sizeof *ld.rs);
    if (ld.rs == NULL)
        return CK_ENOMEM;
    ld.file = rules_dir;
    struct ck_xenv env;
    memset(&env, 0, sizeof env);
    env.rules = ld.rs;
    ld.check_ctx = xmlXPathNewContext(NULL);
    ld.check_ctx->userData = &env;
    ck_xfunc_register(ld.check_ctx);

    xmlSchemaParserCtxtPtr spc = xmlSchemaNewParserCtxt(schema_path);
    if (spc != NULL)
        xmlSchemaSetParserStructuredErrors(spc, schema_error, &ld);
    struct ck_xml_errsave save;
    ck_xml_errors_route(&save, schema_error, &ld); /* the XSD file's own parse */
    xmlSchemaPtr schema = spc ? xmlSchemaParse(spc) : NULL;
    ck_xml_errors_restore(&save);
    xmlSchemaFreeParserCtxt(spc);
    if (schema == NULL) {
        ld.file = schema_path;
        load_error(&ld, 0, "cannot load the rule schema");
        goto out;
    }

    struct dirent **names = NULL;
    int n = scandir(rules_dir, &names, filter_xml, alphasort);
    if (n < 0) {
        load_error(&ld, 0, "cannot read the rules directory");
        goto out_schema;
    }
    if (n == 0)
        load_error(&ld, 0, "no rule files (*.xml) in the rules directory");
    unsigned long long h = 1469598103934665603ULL;
    for (int i = 0; i < n; i++) {
        struct ck_buf path;
        ck_buf_init(&path);
        ck_buf_printf(&path, "%s/%s", rules_dir, names[i]->d_name);
        free(names[i]);
        if (path.len == 0) /* out of memory (on the thread's record): the load fails */
            continue;
        ld.file = ck_buf_str(&path);
        hash_bytes(&h, ld.file + strlen(rules_dir), strlen(ld.file + strlen(rules_dir)));
        xmlParserCtxtPtr pctx = xmlNewParserCtxt();
        xmlDocPtr doc = NULL;
        if (pctx != NULL) {
            pctx->_private = &ld;
            pctx->sax->serror = parse_error;
            struct ck_xml_errsave psave;
            ck_xml_errors_route(&psave, schema_error, &ld);
            doc = xmlCtxtReadFile(pctx, ld.file, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
            ck_xml_errors_restore(&save);
            xmlFreeParserCtxt(pctx);
        }
        if (doc == NULL) {
            if (ld.n_errors == 0)
                load_error(&ld, 0, "cannot read the rule file");
            ck_buf_fini(&path);
            continue;
        }
        /* libxml2 stores the URL %-escaped ("my%20rules"); messages name
         * the file as the user wrote it. */
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup((const xmlChar *)ld.file);
        if (doc->intSubset != NULL)
            load_error(&ld, 1, "rule files must not contain a DTD");
        xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
        xmlSchemaSetValidStructuredErrors(vctx, schema_error, &ld);
        int valid = xmlSchemaValidateDoc(vctx, doc);
        xmlSchemaFreeValidCtxt(vctx);
        xmlChar *dump = NULL;
        int dump_len = 0;
        xmlDocDumpMemory(doc, &dump, &dump_len);
        hash_bytes(&h, dump, (size_t)dump_len);
        xmlFree(dump);
        if (valid != 0) {
            /* Its errors are reported; its rules are not walked (they may
             * lack the ids and attributes the schema requires). */
            xmlFreeDoc(doc);
            ck_buf_fini(&path);
            continue;
        }
        if (ck_mem_failed() || ck_grow(&ld.rs->docs, ld.rs->n_docs + 1, sizeof *ld.rs->docs)) {
            xmlFreeDoc(doc); /* out of memory: the load fails (below) */
            ck_buf_fini(&path);
            continue;
        }
        ld.rs->docs[ld.rs->n_docs++] = doc;
        /* Regexes first, for all files, so rules may use any file's regexes. */
        for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next)
            if (is_el(c, "regex"))
                load_regex(&ld, c);
        ck_buf_fini(&path);
    }
    free(names);
    /* Second pass: the rules (their file name is their doc's URL). */
    for (size_t d = 0; d < ld.rs->n_docs; d++) {
        xmlDocPtr doc = ld.rs->docs[d];
        ld.file = (const char *)doc->URL;
        for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next)
            if (is_el(c, "rule"))
                load_rule(&ld, c);
    }
    snprintf(ld.rs->version, sizeof ld.rs->version, "%016llx", h);

    struct ck_ruleset *rs = ld.rs;
    if (ck_mem_failed()) /* records may lack their ids: not sorted, not checked */
        goto out_schema;
    if (rs->n_rules)
        qsort(rs->rules, rs->n_rules, sizeof *rs->rules, cmp_rule);
    for (size_t i = 0; i < rs->n_rules; i++) {
        struct ck_buf bt;
        ck_buf_init(&bt);
        ck_rules_basis_text_lang(&rs->rules[i], CK_LANG_ZH, &bt);
        rs->rules[i].basis_text = ck_buf_take(&bt);
    }
    if (ck_mem_failed())
        goto out_schema;
    if (rs->n_regexes)
        qsort(rs->regexes, rs->n_regexes, sizeof *rs->regexes, cmp_regex);
    if (rs->prefilter)
        ck_prefilter_compile(rs->prefilter);
    if (ck_mem_failed())
        goto out_schema;
    for (size_t i = 1; i < rs->n_rules; i++)
        if (strcmp(rs->rules[i].id, rs->rules[i - 1].id) == 0) {
            ld.file = rs->rules[i].file;
            load_error(&ld, rs->rules[i].line, "duplicate rule id %s (also %s:%ld)",
                       rs->rules[i].id, rs->rules[i - 1].file, rs->rules[i - 1].line);
        }
    for (size_t i = 1; i < rs->n_regexes; i++)
        if (strcmp(rs->regexes[i].id, rs->regexes[i - 1].id) == 0) {
            ld.file = rs->regexes[i].file;
            load_error(&ld, rs->regexes[i].line, "duplicate regex id %s (also %s:%ld)",
                       rs->regexes[i].id, rs->regexes[i - 1].file, rs->regexes[i - 1].line);
        }
    /* Every fc:match/find/matched/nmatch/nfind with a literal regex id must name a defined regex. */
    for (size_t i = 0; i < rs->n_exprs; i++) {
        const char *s = rs->exprs[i].source;
        const char *fns[] = {"fc:match(", "fc:find(", "fc:matched(", "fc:nmatch(", "fc:nfind("};
        for (size_t f = 0; f < CK_ARRAY_LEN(fns); f++) {
            for (const char *p = strstr(s, fns[f]); p; p = strstr(p + 1, fns[f])) {
                /* the regex id is the last quoted literal before the closing ')' */
                int depth = 0;
                const char *q = p + strlen(fns[f]), *lit = NULL, *lit_end = NULL;
                for (; *q; q++) {
                    if (*q == '\'' || *q == '"') {
                        const char *e = strchr(q + 1, *q);
                        if (!e)
                            break;
                        if (depth == 0) {
                            lit = q + 1;
                            lit_end = e;
                        }
                        q = e;
                    } else if (*q == '(') {
                        depth++;
                    } else if (*q == ')') {
                        if (depth-- == 0)
                            break;
                    } else if (*q == ',' && depth == 0) {
                        lit = NULL;
                    }
                }
                if (lit) {
                    char *id = ck_strndup(lit, (size_t)(lit_end - lit));
                    if (id && ck_rules_regex(rs, id) == NULL) {
                        ld.file = rs->exprs[i].file;
                        load_error(&ld, rs->exprs[i].line, "unknown regex id '%s'", id);
                    }
                    free(id);
                }
            }
        }
    }
out_schema:
    xmlSchemaFree(schema);
out:
    xmlXPathFreeContext(ld.check_ctx);
    if (ck_mem_failed()) {
        ck_buf_fini(&ld.errors);
        ck_rules_free(ld.rs);
        return CK_ENOMEM;
    }
    if (ld.n_errors > 0) {
        if (ld.n_errors > CK_MAX_DIAGS)
            ck_buf_printf(&ld.errors, "(%zu more errors not shown)\n", ld.n_errors - CK_MAX_DIAGS);
        *errors = ck_buf_take(&ld.errors);
        ck_rules_free(ld.rs);
        return CK_ESYNTAX;
    }
    ck_buf_fini(&ld.errors);
    *out = ld.rs;
    return CK_OK;
}

static void template_fini(struct ck_template *t)
{
    for (size_t i = 0; i < t->n_parts; i++)
        free(t->parts[i].text);
    free(t->parts);
}

void ck_rules_free(struct ck_ruleset *rs)
{
    if (rs == NULL)
        return;
    for (size_t i = 0; i < rs->n_rules; i++) {
        struct ck_rule *r = &rs->rules[i];
        free(r->id);
        free(r->category);
        for (int l = 0; l < CK_LANG_COUNT; l++) {
            free(r->title[l]);
            free(r->explanation[l]);
            template_fini(&r->message[l]);
        }
        for (size_t j = 0; j < r->n_basis; j++) {
            free(r->basis[j].document);
            free(r->basis[j].article);
            free(r->basis[j].text);
        }
        free(r->basis);
        for (size_t j = 0; j < r->n_evidence; j++)
            free(r->evidence[j].field);
        free(r->evidence);
        for (size_t j = 0; j < r->n_signals; j++) {
            free(r->signals[j].id);
            free(r->signals[j].label[0]);
            free(r->signals[j].label[1]);
        }
        free(r->signals);
        free(r->grades);
        for (size_t j = 0; j < r->n_examples; j++)
            free(r->examples[j].name);
        free(r->examples);
        free(r->lookthrough_categories);
        free(r->file);
        free(r->basis_text);
    }
    free(rs->rules);
    for (size_t i = 0; i < rs->n_regexes; i++)
        ck_regex_fini(&rs->regexes[i]);
    free(rs->regexes);
    ck_prefilter_free(rs->prefilter);
    for (size_t i = 0; i < rs->n_exprs; i++)
        free(rs->exprs[i].source);
    free(rs->exprs);
    for (size_t i = 0; i < rs->n_docs; i++)
        xmlFreeDoc(rs->docs[i]);
    free(rs->docs);
    free(rs);
}

const struct ck_rule *ck_rules_find(const struct ck_ruleset *rs, const char *id)
{
    size_t lo = 0, hi = rs->n_rules;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(rs->rules[mid].id, id);
        if (c == 0)
            return &rs->rules[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const struct ck_regex *ck_rules_regex(const struct ck_ruleset *rs, const char *id)
{
    size_t lo = 0, hi = rs->n_regexes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(rs->regexes[mid].id, id);
        if (c == 0)
            return &rs->regexes[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int ck_rules_known(const struct ck_ruleset *rs, const char *id)
{
    /* the limit rules (LIM-*) live in plan_limits.c, outside the rule files */
    return ck_category_valid(id) || ck_rules_find(rs, id) != NULL || ck_limits_rule_find(id) != NULL;
}

void ck_basis_format(const struct ck_basis *b, int lang, struct ck_buf *out)
{
    if (b->summary)
        ck_buf_printf(out, "《%s》%s%s%s", b->document, b->article,
                      lang == CK_LANG_EN ? " (summary): " : "（要点）：", b->text);
    else
        ck_buf_printf(out, "《%s》%s：「%s」", b->document, b->article, b->text);
}

void ck_rules_basis_text_lang(const struct ck_rule *r, int lang, struct ck_buf *out)
{
    for (size_t i = 0; i < r->n_basis; i++) {
        if (i)
            ck_buf_adds(out, "；");
        ck_basis_format(&r->basis[i], lang, out);
    }
}

void ck_rules_basis_text(const struct ck_rule *r, struct ck_buf *out)
{
    /* Every report line of a finding quotes the basis: the Chinese text is
     * formatted once per rule at load. */
    if (r->basis_text) {
        ck_buf_adds(out, r->basis_text);
        return;
    }
    ck_rules_basis_text_lang(r, CK_LANG_ZH, out);
}
