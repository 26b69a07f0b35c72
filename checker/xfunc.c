/* SPDX-License-Identifier: MIT */
/*
 * fc: extension functions. Each pops its arguments, computes, and pushes one
 * result; none keeps state between calls except through the per-worker
 * scratch in struct ck_xenv, so the functions are safe on several threads.
 */
#include "xfunc.h"

#include "buf.h"
#include "catalog.h"
#include "ck.h"
#include "codes.h"
#include "mem.h"
#include "regex.h"
#include "rules.h"
#include "textnorm.h"
#include "xenv.h"

#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char last_error[512];

const char *ck_xfunc_last_error(void)
{
    return last_error;
}

void ck_xfunc_error_reset(void)
{
    last_error[0] = '\0';
}

static void xpath_error(void *data, xmlErrorPtr err)
{
    (void)data;
    if (err && err->message && last_error[0] == '\0') {
        snprintf(last_error, sizeof last_error, "%s", err->message);
        size_t n = strlen(last_error);
        while (n > 0 && last_error[n - 1] == '\n')
            last_error[--n] = '\0';
    }
}

static struct ck_xenv *env_of(xmlXPathParserContextPtr ctxt)
{
    return ctxt->context->userData;
}

static char *pop_string(xmlXPathParserContextPtr ctxt)
{
    xmlChar *s = xmlXPathPopString(ctxt);
    char *out = ck_strdup(s ? (const char *)s : "");
    xmlFree(s);
    if (out == NULL) /* out of memory (on the thread's record): the expression fails */
        xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
    return out;
}

enum regex_mode { RX_MATCH, RX_FIND, RX_MATCHED };

/* The text of a node without copying when it is a single text child (the
 * common case for clauses); otherwise a copy in *owned. */
static const char *node_text(xmlNodePtr n, xmlChar **owned)
{
    *owned = NULL;
    if (n->type == XML_ELEMENT_NODE) {
        xmlNodePtr c = n->children;
        if (c == NULL)
            return "";
        if (c->next == NULL && c->type == XML_TEXT_NODE && c->content)
            return (const char *)c->content;
    } else if (n->type == XML_TEXT_NODE && n->content) {
        return (const char *)n->content;
    }
    *owned = xmlNodeGetContent(n);
    return *owned ? (const char *)*owned : "";
}

static void append_evidence(struct ck_buf *out, enum regex_mode mode, const char *text,
                            const struct ck_regex_hit *hit)
{
    if (mode == RX_MATCHED) {
        ck_buf_add(out, text + hit->match_start, hit->match_end - hit->match_start);
        return;
    }
    /* the sentence, cut around the match when long */
    ck_buf_add_sentence(out, text, hit->sent_start, hit->sent_end, hit->match_start, CK_EVIDENCE_CHARS);
}

static void regex_common(xmlXPathParserContextPtr ctxt, int nargs, enum regex_mode mode)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    struct ck_xenv *env = env_of(ctxt);
    char *id = pop_string(ctxt);
    if (id == NULL)
        return;
    xmlXPathObjectPtr obj = valuePop(ctxt);
    const struct ck_regex *rx = env->rules ? ck_rules_regex(env->rules, id) : NULL;
    int found = 0;
    struct ck_buf out;
    ck_buf_init(&out);
    if (rx == NULL) {
        snprintf(last_error, sizeof last_error, "unknown regex id '%s'", id);
    } else if (rx->re != NULL && env->scratch != NULL && obj != NULL) {
        struct ck_regex_hit hit;
        if (obj->type == XPATH_NODESET || obj->type == XPATH_XSLT_TREE) {
            int count = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
            for (int i = 0; i < count && !found; i++) {
                xmlNodePtr n = obj->nodesetval->nodeTab[i];
                xmlChar *owned;
                const char *text = node_text(n, &owned);
                if (ck_regex_match_memo(rx, env->scratch, n, text, strlen(text), &hit)) {
                    found = 1;
                    if (mode != RX_MATCH)
                        append_evidence(&out, mode, text, &hit);
                }
                xmlFree(owned);
            }
        } else {
            xmlChar *text = xmlXPathCastToString(obj);
            const char *t = text ? (const char *)text : "";
            if (ck_regex_match(rx, env->scratch, t, strlen(t), &hit)) {
                found = 1;
                if (mode != RX_MATCH)
                    append_evidence(&out, mode, t, &hit);
            }
            xmlFree(text);
        }
    }
    xmlXPathFreeObject(obj);
    free(id);
    if (mode == RX_MATCH)
        valuePush(ctxt, xmlXPathNewBoolean(found));
    else
        valuePush(ctxt, xmlXPathNewString((const xmlChar *)ck_buf_str(&out)));
    ck_buf_fini(&out);
}

static void fn_match(xmlXPathParserContextPtr ctxt, int nargs)
{
    regex_common(ctxt, nargs, RX_MATCH);
}

static void fn_find(xmlXPathParserContextPtr ctxt, int nargs)
{
    regex_common(ctxt, nargs, RX_FIND);
}

static void fn_matched(xmlXPathParserContextPtr ctxt, int nargs)
{
    regex_common(ctxt, nargs, RX_MATCHED);
}

static void fn_has_token(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *token = pop_string(ctxt);
    char *list = pop_string(ctxt);
    if (token == NULL || list == NULL) {
        free(token);
        free(list);
        return;
    }
    int found = 0;
    size_t tl = strlen(token);
    for (char *p = list; *p && tl > 0;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
            e++;
        if ((size_t)(e - p) == tl && memcmp(p, token, tl) == 0)
            found = 1;
        p = e;
    }
    free(token);
    free(list);
    valuePush(ctxt, xmlXPathNewBoolean(found));
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), or NaN when s is not a valid YYYY-MM-DD. */
static double days_of(const char *s)
{
    int y, m, d;
    char tail;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
        s[7] != '-')
        return NAN;
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap))
        return NAN;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

static void fn_date(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    if (s == NULL)
        return;
    double d = days_of(s);
    free(s);
    valuePush(ctxt, xmlXPathNewFloat(d));
}

static void fn_uscc_valid(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    if (s == NULL)
        return;
    int ok = ck_uscc_valid(s);
    free(s);
    valuePush(ctxt, xmlXPathNewBoolean(ok));
}

static void fn_uscc_expected(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    if (s == NULL)
        return;
    char c[2] = {ck_uscc_expected(s), '\0'};
    free(s);
    valuePush(ctxt, xmlXPathNewString((const xmlChar *)c));
}

static void fn_stock_board(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *ex = pop_string(ctxt);
    char *code = pop_string(ctxt);
    if (ex == NULL || code == NULL) {
        free(ex);
        free(code);
        return;
    }
    const char *board = ck_stock_board(code, ex);
    valuePush(ctxt, xmlXPathNewString((const xmlChar *)(board ? board : "")));
    free(ex);
    free(code);
}

static void fn_is_listed_stock(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *ex = pop_string(ctxt);
    char *code = pop_string(ctxt);
    if (ex == NULL || code == NULL) {
        free(ex);
        free(code);
        return;
    }
    int r = ck_is_listed_stock(code, ex);
    free(ex);
    free(code);
    valuePush(ctxt, xmlXPathNewBoolean(r));
}

static void fn_is_future_code(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *code = pop_string(ctxt);
    if (code == NULL)
        return;
    int r = ck_is_future_code(code);
    free(code);
    valuePush(ctxt, xmlXPathNewBoolean(r));
}

static void fn_is_option_code(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *code = pop_string(ctxt);
    if (code == NULL)
        return;
    int r = ck_is_option_code(code);
    free(code);
    valuePush(ctxt, xmlXPathNewBoolean(r));
}

static void fn_rule_known(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    struct ck_xenv *env = env_of(ctxt);
    char *id = pop_string(ctxt);
    if (id == NULL)
        return;
    int r = env->rules ? ck_rules_known(env->rules, id) : 0;
    free(id);
    valuePush(ctxt, xmlXPathNewBoolean(r));
}

static const struct {
    const char *name;
    xmlXPathFunction fn;
} functions[] = {
    {"match", fn_match},
    {"find", fn_find},
    {"matched", fn_matched},
    {"has-token", fn_has_token},
    {"date", fn_date},
    {"uscc-valid", fn_uscc_valid},
    {"uscc-expected", fn_uscc_expected},
    {"stock-board", fn_stock_board},
    {"is-listed-stock", fn_is_listed_stock},
    {"is-future-code", fn_is_future_code},
    {"is-option-code", fn_is_option_code},
    {"rule-known", fn_rule_known},
};

int ck_xfunc_register(xmlXPathContextPtr ctx)
{
    xmlXPathRegisterNs(ctx, (const xmlChar *)"f", (const xmlChar *)CK_NS_FILING);
    xmlXPathRegisterNs(ctx, (const xmlChar *)"fc", (const xmlChar *)CK_NS_FN);
    for (size_t i = 0; i < CK_ARRAY_LEN(functions); i++)
        xmlXPathRegisterFuncNS(ctx, (const xmlChar *)functions[i].name, (const xmlChar *)CK_NS_FN,
                               functions[i].fn);
    ck_catalog_register_xpath(ctx);
    ck_textnorm_register_xpath(ctx);
    ctx->error = xpath_error;
    return CK_OK;
}

static int name_char(char c, int first)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.')) ||
           ((unsigned char)c >= 0x80);
}

char *ck_xfunc_unknown_call(xmlXPathContextPtr ctx, const char *s)
{
    /* node tests and operators that may stand before "(" */
    static const char *const node_tests[] = {"node", "text", "comment", "processing-instruction",
                                             "and", "or", "div", "mod"};
    for (const char *p = s; *p;) {
        if (*p == '\'' || *p == '"') {
            const char *e = strchr(p + 1, *p);
            if (e == NULL)
                return NULL;
            p = e + 1;
            continue;
        }
        if (*p == '$' || *p == '@') { /* variable or attribute name: skip it */
            p++;
            while (*p && (name_char(*p, 0) || *p == ':'))
                p++;
            continue;
        }
        if (!name_char(*p, 1) || (p > s && name_char(p[-1], 0))) {
            p++;
            continue;
        }
        const char *start = p;
        const char *colon = NULL;
        while (*p && (name_char(*p, 0) || (*p == ':' && p[1] != ':' && !colon))) {
            if (*p == ':')
                colon = p;
            p++;
        }
        const char *after = p;
        while (*after == ' ' || *after == '\t' || *after == '\n')
            after++;
        if (*after != '(' || (after[0] == ':' && after[1] == ':'))
            continue;
        char *name = ck_strndup(start, (size_t)(p - start));
        char *prefix = name && colon ? ck_strndup(start, (size_t)(colon - start)) : NULL;
        if (name == NULL || (colon && prefix == NULL)) { /* out of memory: the load fails */
            free(name);
            return NULL;
        }
        int known = 0;
        if (colon) {
            const xmlChar *uri = xmlXPathNsLookup(ctx, (const xmlChar *)prefix);
            known = uri && xmlXPathFunctionLookupNS(ctx, (const xmlChar *)(colon + 1 - start + name), uri) != NULL;
            free(prefix);
        } else {
            known = xmlXPathFunctionLookup(ctx, (const xmlChar *)name) != NULL;
            for (size_t i = 0; i < CK_ARRAY_LEN(node_tests) && !known; i++)
                known = strcmp(name, node_tests[i]) == 0;
        }
        if (!known)
            return name;
        free(name);
    }
    return NULL;
}
