/* SPDX-License-Identifier: MIT */
/*
 * The fc: functions over normalised text (textnorm.h):
 *   fc:norm(s)              normalised string
 *   fc:rate(s), fc:amount(s) first percentage as a fraction / amount in yuan, NaN if none
 *   fc:nmatch(nodes, 'rx')  like fc:match on the normalised text of each node,
 *                           and a match inside a denial scope does not count
 *   fc:nfind(nodes, 'rx')   the evidence of the first such match, with its location
 *   fc:obligors(nodes, 'rx') space-separated party kinds owing the matched obligations
 *   fc:naming(holding)      the disclosures that name the holding (id, USCC, name)
 *   fc:names-holding(disclosure) true if the disclosure names some holding
 * Results of fc:nmatch are remembered per (node, regex, document) in a
 * fixed per-thread table holding no pointers to owned memory; normalised
 * text is rebuilt on a miss (it costs one linear pass).
 */
#include "textnorm.h"

#include "buf.h"
#include "ck.h"
#include "mem.h"
#include "regex.h"
#include "rules.h"
#include "xenv.h"

#include <libxml/xpathInternals.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static struct ck_xenv *env_of(xmlXPathParserContextPtr ctxt)
{
    return ctxt->context->userData;
}

static char *pop_string(xmlXPathParserContextPtr ctxt)
{
    xmlChar *s = xmlXPathPopString(ctxt);
    char *out = ck_strdup(s ? (const char *)s : "");
    xmlFree(s);
    return out;
}

static void fn_norm(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    struct ck_buf b;
    ck_buf_init(&b);
    ck_textnorm(s, strlen(s), &b);
    valuePush(ctxt, xmlXPathNewString((const xmlChar *)ck_buf_str(&b)));
    ck_buf_fini(&b);
    free(s);
}

static void fn_rate(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    valuePush(ctxt, xmlXPathNewFloat(ck_textnorm_rate(s)));
    free(s);
}

static void fn_amount(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    valuePush(ctxt, xmlXPathNewFloat(ck_textnorm_amount(s)));
    free(s);
}

/* ---- matching on normalised text ---- */

static size_t terminator_len(const char *p, const char *end)
{
    if (*p == ';' || *p == '!' || *p == '?' || *p == '\n')
        return 1;
    if (end - p >= 3 && (memcmp(p, "。", 3) == 0 || memcmp(p, "；", 3) == 0 ||
                         memcmp(p, "！", 3) == 0 || memcmp(p, "？", 3) == 0))
        return 3;
    return 0;
}

struct nhit {
    size_t sent_start, sent_end, match_start, match_end;
};

/* Calls each(hit, arg) for every counted match (one per sentence: the
 * first one outside a denial scope) until it returns nonzero; returns the
 * number of calls. */
static int each_match(const struct ck_regex *rx, struct ck_regex_scratch *s, const char *text,
                      size_t len, int (*each)(const struct nhit *, void *), void *arg)
{
    int calls = 0;
    if (!ck_regex_search(rx->re, s, text, len, NULL, NULL))
        return 0;
    const char *end = text + len;
    for (const char *start = text; start < end;) {
        const char *p = start;
        size_t t = 0;
        while (p < end && (t = terminator_len(p, end)) == 0)
            p++;
        size_t sent_len = (size_t)(p - start);
        size_t off = 0, ms, me;
        int vetoed = -1, tries = 0;
        /* a few denied matches per sentence are looked past; more means a
         * hostile or degenerate sentence, which then does not count */
        while (off < sent_len && tries++ < 6 &&
               ck_regex_search(rx->re, s, start + off, sent_len - off, &ms, &me)) {
            if (vetoed < 0) {
                vetoed = 0;
                for (size_t i = 0; i < rx->n_unless && !vetoed; i++)
                    vetoed = ck_regex_search(rx->unless[i], s, start, sent_len, NULL, NULL);
                if (vetoed)
                    break;
            }
            size_t abs_ms = (size_t)(start - text) + off + ms;
            size_t abs_me = (size_t)(start - text) + off + me;
            size_t last = abs_me > abs_ms ? abs_me - 1 : abs_ms;
            if (!ck_textnorm_negated_span(text, len, abs_ms, last)) {
                struct nhit h = {(size_t)(start - text), (size_t)(p - text), abs_ms,
                                 (size_t)(start - text) + off + me};
                calls++;
                if (each(&h, arg))
                    return calls;
                break;
            }
            /* next match after this one (at least one byte further, on a
             * code point boundary) */
            size_t next = off + (me > ms ? me : ms + 1);
            while (next < sent_len && ((unsigned char)start[next] & 0xC0) == 0x80)
                next++;
            off = next;
        }
        if (t == 0)
            break;
        start = p + t;
    }
    return calls;
}

static int first_only(const struct nhit *h, void *arg)
{
    *(struct nhit *)arg = *h;
    return 1;
}

struct memo_slot {
    const void *node;
    const void *rx;
    unsigned long gen;
    int found;
};

#define NMEMO_SLOTS 2048
static _Thread_local struct memo_slot nmemo[NMEMO_SLOTS];

static xmlChar *node_content(xmlNodePtr n)
{
    return xmlNodeGetContent(n);
}

/* The normalised text of a node (into b). */
static void norm_node(xmlNodePtr n, struct ck_buf *b)
{
    xmlChar *c = node_content(n);
    const char *t = c ? (const char *)c : "";
    ck_buf_reset(b);
    ck_textnorm(t, strlen(t), b);
    xmlFree(c);
}

/* A per-thread cache of the last few normalised node texts: the rules test
 * one clause with many regexes. Owned by the thread (pthread key with a
 * destructor, so worker threads free theirs); entries are valid for one
 * document (scratch generation). */
#define NORM_CACHE 8
struct norm_cache {
    struct {
        const void *node, *scratch;
        unsigned long gen;
        struct ck_buf b;
    } e[NORM_CACHE];
    unsigned next;
};
static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;

static void cache_free(void *p)
{
    struct norm_cache *c = p;
    for (int i = 0; i < NORM_CACHE; i++)
        ck_buf_fini(&c->e[i].b);
    free(c);
}

static void cache_init(void)
{
    (void)pthread_key_create(&cache_key, cache_free);
}

/* The normalised text of n (borrowed: valid until NORM_CACHE further misses). */
static const struct ck_buf *norm_cached(xmlNodePtr n, const struct ck_regex_scratch *s)
{
    pthread_once(&cache_once, cache_init);
    struct norm_cache *c = pthread_getspecific(cache_key);
    if (c == NULL) {
        c = ck_calloc(1, sizeof *c);
        if (pthread_setspecific(cache_key, c) != 0) {
            cache_free(c);
            return NULL;
        }
    }
    for (int i = 0; i < NORM_CACHE; i++)
        if (c->e[i].node == n && c->e[i].scratch == s && c->e[i].gen == s->generation)
            return &c->e[i].b;
    unsigned k = c->next++ % NORM_CACHE;
    norm_node(n, &c->e[k].b);
    c->e[k].node = n;
    c->e[k].scratch = s;
    c->e[k].gen = s->generation;
    return &c->e[k].b;
}

/* The normalised text of n into b, through the cache when it is available. */
static void norm_node_cached(xmlNodePtr n, const struct ck_regex_scratch *s, struct ck_buf *b)
{
    const struct ck_buf *c = norm_cached(n, s);
    if (c == NULL) {
        norm_node(n, b);
        return;
    }
    ck_buf_reset(b);
    ck_buf_add(b, c->p ? c->p : "", c->len);
}

static int nmatch_node(const struct ck_regex *rx, struct ck_regex_scratch *s, xmlNodePtr n,
                       struct ck_buf *b, struct nhit *hit, int want_hit)
{
    uintptr_t h = ((uintptr_t)n >> 4) * 31u + ((uintptr_t)rx >> 3);
    h ^= h >> 13;
    struct memo_slot *m = &nmemo[h % NMEMO_SLOTS];
    if (!want_hit && m->gen == s->generation && m->node == n && m->rx == rx)
        return m->found;
    norm_node_cached(n, s, b);
    struct nhit local;
    int found = each_match(rx, s, ck_buf_str(b), b->len, first_only, &local) > 0;
    m->node = n;
    m->rx = rx;
    m->gen = s->generation;
    m->found = found;
    if (found && hit)
        *hit = local;
    return found;
}

/* A short location of node n: its path below the nearest holding (or below
 * the filing), with the line when known. */
static void add_location(struct ck_buf *out, xmlNodePtr n, const char *lang)
{
    const char *steps[8];
    int idx[8];
    int depth = 0;
    for (xmlNodePtr c = n; c && c->type == XML_ELEMENT_NODE && depth < 8; c = c->parent) {
        if (strcmp((const char *)c->name, "holding") == 0 ||
            strcmp((const char *)c->name, "filing") == 0 ||
            strcmp((const char *)c->name, "disclosures") == 0)
            break;
        int i = 1;
        for (xmlNodePtr sib = c->prev; sib; sib = sib->prev)
            if (sib->type == XML_ELEMENT_NODE && xmlStrEqual(sib->name, c->name))
                i++;
        steps[depth] = (const char *)c->name;
        idx[depth] = i;
        depth++;
    }
    int en = lang && strcmp(lang, "en") == 0;
    ck_buf_adds(out, en ? "[" : "〔");
    for (int k = depth - 1; k >= 0; k--) {
        ck_buf_printf(out, "%s", steps[k]);
        if (idx[k] > 1 || strcmp(steps[k], "clause") == 0 || strcmp(steps[k], "disclosure") == 0)
            ck_buf_printf(out, "[%d]", idx[k]);
        if (k > 0)
            ck_buf_addc(out, '/');
    }
    long line = xmlGetLineNo(n);
    if (line > 0)
        ck_buf_printf(out, en ? ", line %ld" : "，第%ld行", line);
    ck_buf_adds(out, en ? "] " : "〕");
}

static void add_sentence(struct ck_buf *out, const char *text, const struct nhit *hit)
{
    const char *s = text + hit->sent_start;
    size_t sent_chars = 0;
    for (const char *p = s; p < text + hit->sent_end; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            sent_chars++;
    size_t off = 0;
    if (sent_chars > CK_EVIDENCE_CHARS) {
        size_t before = 0;
        for (const char *p = s; p < text + hit->match_start; p++)
            if (((unsigned char)*p & 0xC0) != 0x80)
                before++;
        size_t skip = before > 30 ? before - 30 : 0;
        off = ck_utf8_prefix(s, skip);
        if (skip)
            ck_buf_adds(out, "…");
    }
    char *sent = ck_strndup(s + off, (size_t)(text + hit->sent_end - (s + off)));
    ck_buf_add_cut(out, sent, CK_EVIDENCE_CHARS);
    free(sent);
}

enum nmode { N_MATCH, N_FIND, N_OBLIGORS };

struct obligor_acc {
    const char *text;
    size_t len;
    struct ck_buf *out;
};

static int collect_obligor(const struct nhit *h, void *arg)
{
    struct obligor_acc *a = arg;
    /* the sentence around the match, cut to CK_TEXTNORM_SCOPE_BYTES on each
     * side (on code point boundaries) */
    size_t lo = h->sent_start, hi = h->sent_end;
    if (h->match_start - lo > CK_TEXTNORM_SCOPE_BYTES)
        lo = h->match_start - CK_TEXTNORM_SCOPE_BYTES;
    if (hi - h->match_end > CK_TEXTNORM_SCOPE_BYTES)
        hi = h->match_end + CK_TEXTNORM_SCOPE_BYTES;
    while (lo < h->match_start && ((unsigned char)a->text[lo] & 0xC0) == 0x80)
        lo++;
    while (hi > h->match_end && hi < a->len && ((unsigned char)a->text[hi] & 0xC0) == 0x80)
        hi--;
    const char *kind = ck_textnorm_obligor(a->text + lo, hi - lo, h->match_start - lo,
                                           h->match_end - lo);
    if (kind[0] == '\0')
        kind = "unknown";
    /* unique tokens */
    const char *have = ck_buf_str(a->out);
    size_t kl = strlen(kind);
    for (const char *p = have; (p = strstr(p, kind)) != NULL; p += kl)
        if ((p == have || p[-1] == ' ') && (p[kl] == '\0' || p[kl] == ' '))
            return 0;
    if (a->out->len)
        ck_buf_addc(a->out, ' ');
    ck_buf_adds(a->out, kind);
    return 0;
}

static void nregex_common(xmlXPathParserContextPtr ctxt, int nargs, enum nmode mode)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    struct ck_xenv *env = env_of(ctxt);
    char *id = pop_string(ctxt);
    xmlXPathObjectPtr obj = valuePop(ctxt);
    const struct ck_regex *rx = env->rules ? ck_rules_regex(env->rules, id) : NULL;
    int found = 0;
    struct ck_buf out, b;
    ck_buf_init(&out);
    ck_buf_init(&b);
    if (rx == NULL) {
        xmlXPathErr(ctxt, XPATH_UNKNOWN_FUNC_ERROR);
    } else if (rx->re != NULL && env->scratch != NULL && obj != NULL) {
        int count = 0;
        xmlNodePtr single = NULL;
        if (obj->type == XPATH_NODESET || obj->type == XPATH_XSLT_TREE)
            count = obj->nodesetval ? obj->nodesetval->nodeNr : 0;
        if (mode == N_OBLIGORS || obj->type == XPATH_NODESET || obj->type == XPATH_XSLT_TREE) {
            for (int i = 0; i < count && (mode == N_OBLIGORS || !found); i++) {
                xmlNodePtr n = obj->nodesetval->nodeTab[i];
                struct nhit hit;
                if (mode == N_OBLIGORS) {
                    norm_node_cached(n, env->scratch, &b);
                    struct obligor_acc a = {ck_buf_str(&b), b.len, &out};
                    if (each_match(rx, env->scratch, a.text, a.len, collect_obligor, &a) > 0)
                        found = 1;
                } else if (nmatch_node(rx, env->scratch, n, &b, &hit, mode == N_FIND)) {
                    found = 1;
                    if (mode == N_FIND) {
                        add_location(&out, n, env->lang);
                        add_sentence(&out, ck_buf_str(&b), &hit);
                    }
                }
            }
        } else {
            (void)single;
            xmlChar *text = xmlXPathCastToString(obj);
            const char *t = text ? (const char *)text : "";
            ck_textnorm(t, strlen(t), &b);
            struct nhit hit;
            if (each_match(rx, env->scratch, ck_buf_str(&b), b.len, first_only, &hit) > 0) {
                found = 1;
                if (mode == N_FIND)
                    add_sentence(&out, ck_buf_str(&b), &hit);
            }
            xmlFree(text);
        }
    }
    xmlXPathFreeObject(obj);
    free(id);
    if (mode == N_MATCH)
        valuePush(ctxt, xmlXPathNewBoolean(found));
    else
        valuePush(ctxt, xmlXPathNewString((const xmlChar *)ck_buf_str(&out)));
    ck_buf_fini(&out);
    ck_buf_fini(&b);
}

static void fn_nmatch(xmlXPathParserContextPtr ctxt, int nargs)
{
    nregex_common(ctxt, nargs, N_MATCH);
}

static void fn_nfind(xmlXPathParserContextPtr ctxt, int nargs)
{
    nregex_common(ctxt, nargs, N_FIND);
}

static void fn_obligors(xmlXPathParserContextPtr ctxt, int nargs)
{
    nregex_common(ctxt, nargs, N_OBLIGORS);
}

/* ---- disclosures that name a holding ---- */

static xmlNodePtr child_el(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
            return c;
    return NULL;
}

/* The name without a 某市/某某 prefix or a company-form suffix, for
 * "is it named" tests; NULL when too short to be telling (< 4 characters). */
static char *short_name(const char *name)
{
    static const char *const suffixes[] = {"股份有限公司", "有限责任公司", "有限公司", "（有限合伙）",
                                           "(有限合伙)", "合伙企业", "集团", "公司"};
    static const char *const prefixes[] = {"某某", "某市", "某区", "某县", "某省", "某"};
    size_t n = strlen(name);
    const char *p = name;
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
            size_t l = strlen(suffixes[i]);
            if (n - (size_t)(p - name) > l && memcmp(name + n - l, suffixes[i], l) == 0) {
                n -= l;
                again = 1;
            }
        }
    }
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t l = strlen(prefixes[i]);
        if ((size_t)(name + n - p) > l && memcmp(p, prefixes[i], l) == 0) {
            p += l;
            break;
        }
    }
    char *s = ck_strndup(p, (size_t)(name + n - p));
    if (ck_utf8_len(s) < 4) {
        free(s);
        return NULL;
    }
    return s;
}

static int has_token_word(const char *text, const char *tok)
{
    size_t n = strlen(tok);
    if (n == 0)
        return 0;
    for (const char *p = text; (p = strstr(p, tok)) != NULL; p += n) {
        char before = p > text ? p[-1] : ' ', after = p[n];
        int alnum_b = (before >= '0' && before <= '9') || (before >= 'A' && before <= 'Z') ||
                      (before >= 'a' && before <= 'z');
        int alnum_a = (after >= '0' && after <= '9') || (after >= 'A' && after <= 'Z') ||
                      (after >= 'a' && after <= 'z');
        if (!alnum_b && !alnum_a)
            return 1;
    }
    return 0;
}

/* 1 if the disclosure text names holding h. */
static int names(const char *text, xmlNodePtr h)
{
    int hit = 0;
    xmlChar *id = xmlGetProp(h, (const xmlChar *)"id");
    xmlNodePtr inv = child_el(h, "investee");
    xmlChar *uscc = inv ? xmlGetProp(inv, (const xmlChar *)"uscc") : NULL;
    xmlNodePtr nm = child_el(inv, "name");
    xmlChar *name = nm ? xmlNodeGetContent(nm) : NULL;
    if (id && has_token_word(text, (const char *)id))
        hit = 1;
    if (!hit && uscc && strlen((const char *)uscc) == 18 && strstr(text, (const char *)uscc))
        hit = 1;
    if (!hit && name && name[0]) {
        if (strstr(text, (const char *)name)) {
            hit = 1;
        } else {
            char *s = short_name((const char *)name);
            hit = s && strstr(text, s);
            free(s);
        }
    }
    xmlFree(id);
    xmlFree(uscc);
    xmlFree(name);
    return hit;
}

static xmlNodePtr section(xmlDocPtr doc, const char *name)
{
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    return child_el(root, name);
}

static xmlNodePtr arg_node(xmlXPathParserContextPtr ctxt)
{
    xmlXPathObjectPtr o = valuePop(ctxt);
    xmlNodePtr n = NULL;
    if (o && (o->type == XPATH_NODESET) && o->nodesetval && o->nodesetval->nodeNr > 0)
        n = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    return n;
}

static void fn_naming(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlNodePtr h = arg_node(ctxt);
    xmlNodeSetPtr set = xmlXPathNodeSetCreate(NULL);
    xmlNodePtr ds = h ? section(h->doc, "disclosures") : NULL;
    for (xmlNodePtr d = ds ? ds->children : NULL; d; d = d->next) {
        if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "disclosure") != 0)
            continue;
        xmlChar *t = xmlNodeGetContent(d);
        if (t && names((const char *)t, h))
            xmlXPathNodeSetAdd(set, d);
        xmlFree(t);
    }
    valuePush(ctxt, xmlXPathWrapNodeSet(set));
}

static void fn_names_holding(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    xmlNodePtr d = arg_node(ctxt);
    int hit = 0;
    xmlNodePtr hs = d ? section(d->doc, "holdings") : NULL;
    xmlChar *t = d ? xmlNodeGetContent(d) : NULL;
    for (xmlNodePtr h = hs ? hs->children : NULL; h && t && !hit; h = h->next)
        if (h->type == XML_ELEMENT_NODE && strcmp((const char *)h->name, "holding") == 0)
            hit = names((const char *)t, h);
    xmlFree(t);
    valuePush(ctxt, xmlXPathNewBoolean(hit));
}

int ck_textnorm_register_xpath(void *xpath_context)
{
    static const struct {
        const char *name;
        xmlXPathFunction fn;
    } fns[] = {
        {"norm", fn_norm},       {"rate", fn_rate},         {"amount", fn_amount},
        {"nmatch", fn_nmatch},   {"nfind", fn_nfind},       {"obligors", fn_obligors},
        {"naming", fn_naming},   {"names-holding", fn_names_holding},
    };
    xmlXPathContextPtr ctx = xpath_context;
    if (ctx == NULL)
        return CK_EINVAL;
    for (size_t i = 0; i < CK_ARRAY_LEN(fns); i++)
        if (xmlXPathRegisterFuncNS(ctx, BAD_CAST fns[i].name, BAD_CAST CK_NS_FN, fns[i].fn) != 0)
            return CK_ENOMEM;
    return CK_OK;
}
