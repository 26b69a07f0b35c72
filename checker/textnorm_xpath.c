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
    if (out == NULL) /* out of memory (on the thread's record): the expression fails */
        xmlXPathErr(ctxt, XPATH_MEMORY_ERROR);
    return out;
}

static void fn_norm(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 1) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *s = pop_string(ctxt);
    if (s == NULL)
        return;
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
    if (s == NULL)
        return;
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
    if (s == NULL)
        return;
    valuePush(ctxt, xmlXPathNewFloat(ck_textnorm_amount(s)));
    free(s);
}

/* ---- matching on normalised text ---- */

static size_t terminator_len(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    if (*u == ';' || *u == '!' || *u == '?' || *u == '\n')
        return 1;
    if (*u == 0xE3 && end - p >= 3 && u[1] == 0x80 && u[2] == 0x82) /* 。 */
        return 3;
    if (*u == 0xEF && end - p >= 3 && u[1] == 0xBC &&
        (u[2] == 0x9B || u[2] == 0x81 || u[2] == 0x9F)) /* ；！？ */
        return 3;
    return 0;
}

struct nhit {
    size_t sent_start, sent_end, match_start, match_end;
};

/* Calls each(hit, arg) for every counted match (one per sentence: the
 * first one outside a denial scope) until it returns nonzero; returns the
 * number of calls. */
static int each_match(const struct ck_regex *rx, struct ck_regex_scratch *s, const void *key,
                      const char *text, size_t len, int (*each)(const struct nhit *, void *),
                      void *arg)
{
    int calls = 0;
    size_t first;
    /* key: the node whose normalised text this is (tag 1 in the prefilter
     * cache), or NULL */
    struct ck_regex_text tv = {text, len, key, 1, NULL, {0}};
    if (!ck_regex_may_match(s, &tv, rx->pf))
        return 0;
    ck_regex_jit(rx);
    if (!ck_regex_search(ck_regex_code(rx, 0), s, text, len, &first, NULL))
        return 0;
    const char *end = text + len;
    for (const char *start = text; start < end;) {
        /* skip the sentences that end before the first match of the rest of
         * the text: they cannot match on their own */
        if (text + first > start) {
            const char *q = start, *last = start;
            size_t tl;
            while (q < text + first) {
                if ((tl = terminator_len(q, end)) != 0) {
                    q += tl;
                    last = q;
                } else {
                    q++;
                }
            }
            start = last;
        }
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
               ck_regex_search(ck_regex_code(rx, 0), s, start + off, sent_len - off, &ms, &me)) {
            if (vetoed < 0) {
                vetoed = 0;
                for (size_t i = 0; i < rx->n_unless && !vetoed; i++)
                    vetoed = ck_regex_may_match(s, &tv, rx->pf_unless ? rx->pf_unless[i] : 0) &&
                             ck_regex_search(ck_regex_code(rx, 1 + i), s, start, sent_len, NULL, NULL);
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
        if (start >= end ||
            !ck_regex_search(ck_regex_code(rx, 0), s, start, (size_t)(end - start), &first, NULL))
            break;
        first += (size_t)(start - text);
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

struct norm_slot {
    const void *node, *scratch;
    unsigned long gen;
    struct ck_buf b;
};

/* Per-thread state: the fc:nmatch result memo and a cache of normalised node
 * texts (each node is normalised once per document, whatever the number of
 * rules and regexes testing it). Direct-mapped by node address; a collision
 * replaces the older entry. Owned by the thread through a pthread key whose
 * destructor frees it when a worker thread ends. */
#define NMEMO_SLOTS 8192
#define NORM_SLOTS 2048
#define NAMING_MAX 32
struct tstate {
    struct memo_slot memo[NMEMO_SLOTS];
    struct norm_slot norm[NORM_SLOTS];
    /* the last fc:naming answer: rules ask it several times per holding */
    const void *nm_holding;
    const void *nm_doc;
    int nm_n;
    xmlNodePtr nm_nodes[NAMING_MAX];
};
static pthread_key_t tstate_key;
static pthread_once_t tstate_once = PTHREAD_ONCE_INIT;

static void tstate_free(void *p)
{
    struct tstate *t = p;
    for (int i = 0; i < NORM_SLOTS; i++)
        ck_buf_fini(&t->norm[i].b);
    free(t);
}

static void tstate_init(void)
{
    (void)pthread_key_create(&tstate_key, tstate_free);
}

static struct tstate *tstate(void)
{
    pthread_once(&tstate_once, tstate_init);
    struct tstate *t = pthread_getspecific(tstate_key);
    if (t == NULL) {
        t = ck_calloc(1, sizeof *t);
        if (pthread_setspecific(tstate_key, t) != 0) {
            tstate_free(t);
            return NULL;
        }
    }
    return t;
}

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

/* The normalised text of a node (into b). */
static void norm_node(xmlNodePtr n, struct ck_buf *b)
{
    xmlChar *owned;
    const char *t = node_text(n, &owned);
    ck_buf_reset(b);
    ck_textnorm(t, strlen(t), b);
    if (b->p == NULL)
        ck_buf_add(b, "", 0);
    xmlFree(owned);
}

/* The normalised text of n: borrowed from the thread's cache (valid until
 * the next call), or normalised into *spare when there is no cache. */
static const struct ck_buf *norm_text(xmlNodePtr n, const struct ck_regex_scratch *s,
                                      struct ck_buf *spare)
{
    struct tstate *t = tstate();
    if (t == NULL) {
        norm_node(n, spare);
        return spare;
    }
    uintptr_t h = ((uintptr_t)n >> 4) * 2654435761u;
    struct norm_slot *e = &t->norm[(h >> 7) % NORM_SLOTS];
    if (e->node == n && e->scratch == s && e->gen == s->generation)
        return &e->b;
    norm_node(n, &e->b);
    e->node = n;
    e->scratch = s;
    e->gen = s->generation;
    return &e->b;
}

static int nmatch_node(const struct ck_regex *rx, struct ck_regex_scratch *s, xmlNodePtr n,
                       struct ck_buf *spare, const struct ck_buf **text, struct nhit *hit,
                       int want_hit)
{
    struct tstate *t = tstate();
    uintptr_t h = ((uintptr_t)n >> 4) * 31u + ((uintptr_t)rx >> 3);
    h ^= h >> 13;
    struct memo_slot tmp, *m = t ? &t->memo[h % NMEMO_SLOTS] : &tmp;
    if (t && !want_hit && m->gen == s->generation && m->node == n && m->rx == rx)
        return m->found;
    const struct ck_buf *b = norm_text(n, s, spare);
    *text = b;
    struct nhit local;
    int found = each_match(rx, s, n, ck_buf_str(b), b->len, first_only, &local) > 0;
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
    ck_buf_add_sentence(out, text, hit->sent_start, hit->sent_end, hit->match_start, CK_EVIDENCE_CHARS);
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
    if (id == NULL)
        return;
    xmlXPathObjectPtr obj = valuePop(ctxt);
    /* fc:obligors takes a space-separated list of regex ids: its result is
     * the union over them */
    char *more = NULL;
    if (mode == N_OBLIGORS && (more = strchr(id, ' ')) != NULL)
        *more++ = '\0';
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
                const struct ck_buf *t = NULL;
                if (mode == N_OBLIGORS) {
                    t = norm_text(n, env->scratch, &b);
                    struct obligor_acc a = {ck_buf_str(t), t->len, &out};
                    if (each_match(rx, env->scratch, n, a.text, a.len, collect_obligor, &a) > 0)
                        found = 1;
                    for (char *q = more; q && *q;) {
                        char *e = strchr(q, ' ');
                        if (e)
                            *e = '\0';
                        const struct ck_regex *r2 = ck_rules_regex(env->rules, q);
                        if (r2 == NULL)
                            xmlXPathErr(ctxt, XPATH_UNKNOWN_FUNC_ERROR);
                        else if (r2->re && each_match(r2, env->scratch, n, a.text, a.len, collect_obligor, &a) > 0)
                            found = 1;
                        if (e)
                            *e = ' ';
                        q = e ? e + 1 : NULL;
                    }
                } else if (nmatch_node(rx, env->scratch, n, &b, &t, &hit, mode == N_FIND)) {
                    found = 1;
                    if (mode == N_FIND) {
                        add_location(&out, n, env->lang);
                        add_sentence(&out, ck_buf_str(t), &hit);
                    }
                }
            }
        } else {
            (void)single;
            xmlChar *text = xmlXPathCastToString(obj);
            const char *t = text ? (const char *)text : "";
            ck_textnorm(t, strlen(t), &b);
            struct nhit hit;
            if (each_match(rx, env->scratch, NULL, ck_buf_str(&b), b.len, first_only, &hit) > 0) {
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

/* fc:has-any-token(list, tokens): true if some space-separated token of
 * tokens is a token of list */
static void fn_has_any_token(xmlXPathParserContextPtr ctxt, int nargs)
{
    if (nargs != 2) {
        xmlXPathSetArityError(ctxt);
        return;
    }
    char *tokens = pop_string(ctxt);
    char *list = pop_string(ctxt);
    if (tokens == NULL || list == NULL) {
        free(tokens);
        free(list);
        return;
    }
    int found = 0;
    for (char *t = tokens; *t && !found;) {
        while (*t == ' ')
            t++;
        char *te = t;
        while (*te && *te != ' ')
            te++;
        size_t tl = (size_t)(te - t);
        for (char *p = list; tl && *p && !found;) {
            while (*p == ' ')
                p++;
            char *e = p;
            while (*e && *e != ' ')
                e++;
            found = (size_t)(e - p) == tl && memcmp(p, t, tl) == 0;
            p = e;
        }
        t = te;
    }
    free(tokens);
    free(list);
    valuePush(ctxt, xmlXPathNewBoolean(found));
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
    if (s == NULL || ck_utf8_len(s) < 4) {
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

/* What identifies a holding in prose: its id, its investee's USCC, name and
 * short name. Owned strings (free with holding_ids_fini). */
struct holding_ids {
    xmlChar *id, *uscc, *name;
    char *short_name;
};

static void holding_ids_init(struct holding_ids *h, xmlNodePtr holding)
{
    h->id = xmlGetProp(holding, (const xmlChar *)"id");
    xmlNodePtr inv = child_el(holding, "investee");
    h->uscc = inv ? xmlGetProp(inv, (const xmlChar *)"uscc") : NULL;
    xmlNodePtr nm = child_el(inv, "name");
    h->name = nm ? xmlNodeGetContent(nm) : NULL;
    h->short_name = h->name && h->name[0] ? short_name((const char *)h->name) : NULL;
}

static void holding_ids_fini(struct holding_ids *h)
{
    xmlFree(h->id);
    xmlFree(h->uscc);
    xmlFree(h->name);
    free(h->short_name);
}

/* 1 if the disclosure text names the holding. */
static int names(const char *text, const struct holding_ids *h)
{
    if (h->id && has_token_word(text, (const char *)h->id))
        return 1;
    if (h->uscc && strlen((const char *)h->uscc) == 18 && strstr(text, (const char *)h->uscc))
        return 1;
    if (h->name && h->name[0] && strstr(text, (const char *)h->name))
        return 1;
    return h->short_name && strstr(text, h->short_name);
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
    struct tstate *ts = tstate();
    xmlNodePtr ds = h ? section(h->doc, "disclosures") : NULL;
    /* the answer for the same holding of the same document is remembered
     * (the document stays alive and unchanged while its rules run) */
    const struct ck_regex_scratch *sc = env_of(ctxt)->scratch;
    const void *doc_key = sc ? (const void *)sc->generation : NULL;
    if (ts && h && ts->nm_holding == h && ts->nm_doc == doc_key && sc) {
        for (int i = 0; i < ts->nm_n; i++)
            xmlXPathNodeSetAdd(set, ts->nm_nodes[i]);
        valuePush(ctxt, xmlXPathWrapNodeSet(set));
        return;
    }
    struct holding_ids ids;
    if (h)
        holding_ids_init(&ids, h);
    for (xmlNodePtr d = ds ? ds->children : NULL; d; d = d->next) {
        if (d->type != XML_ELEMENT_NODE || strcmp((const char *)d->name, "disclosure") != 0)
            continue;
        xmlChar *t = xmlNodeGetContent(d);
        if (t && names((const char *)t, &ids))
            xmlXPathNodeSetAdd(set, d);
        xmlFree(t);
    }
    if (h)
        holding_ids_fini(&ids);
    if (ts && h && sc && set->nodeNr <= NAMING_MAX) {
        ts->nm_holding = h;
        ts->nm_doc = doc_key;
        ts->nm_n = set->nodeNr;
        for (int i = 0; i < set->nodeNr; i++)
            ts->nm_nodes[i] = set->nodeTab[i];
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
    for (xmlNodePtr h = hs ? hs->children : NULL; h && t && !hit; h = h->next) {
        if (h->type != XML_ELEMENT_NODE || strcmp((const char *)h->name, "holding") != 0)
            continue;
        struct holding_ids ids;
        holding_ids_init(&ids, h);
        hit = names((const char *)t, &ids);
        holding_ids_fini(&ids);
    }
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
        {"has-any-token", fn_has_any_token},
    };
    xmlXPathContextPtr ctx = xpath_context;
    if (ctx == NULL)
        return CK_EINVAL;
    for (size_t i = 0; i < CK_ARRAY_LEN(fns); i++)
        if (xmlXPathRegisterFuncNS(ctx, BAD_CAST fns[i].name, BAD_CAST CK_NS_FN, fns[i].fn) != 0)
            return CK_ENOMEM;
    return CK_OK;
}
