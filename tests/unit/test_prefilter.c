/* SPDX-License-Identifier: MIT */
/* Unit tests of the literal prefilter (checker/prefilter.c): atom
 * extraction, including the patterns where it must give up, the
 * Aho-Corasick pass, and a differential test of every regex of the shipped
 * rule set over every text of the repository's filings, rule examples and
 * red-team cases (raw, normalised and sentence by sentence): wherever PCRE2
 * finds a match the prefilter must have let the pattern through. */
#include "ck_test.h"
#include "mem.h"
#include "prefilter.h"
#include "regex.h"
#include "rules.h"
#include "textnorm.h"
#include "buf.h"

#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>

/* "a|b & c" style: the atoms of pattern, '|' within a group, " & "
 * between groups, or "-" when extraction gives up. Caller frees. */
static char *atoms_of(const char *pattern)
{
    struct ck_atoms a;
    struct ck_buf b;
    ck_buf_init(&b);
    if (!ck_atoms_extract(pattern, &a)) {
        CHECK_INT_EQ(a.n, 0);
        ck_buf_adds(&b, "-");
        return ck_buf_take(&b);
    }
    CHECK(a.n_groups > 0);
    for (size_t i = 0; i < a.n; i++) {
        CHECK(a.len[i] > 0);
        CHECK(a.group[i] < a.n_groups && (i == 0 || a.group[i] >= a.group[i - 1]));
        if (i)
            ck_buf_adds(&b, a.group[i] != a.group[i - 1] ? " & " : "|");
        ck_buf_add(&b, a.s[i], a.len[i]);
    }
    ck_atoms_fini(&a);
    if (b.p == NULL)
        ck_buf_adds(&b, "");
    return ck_buf_take(&b);
}

#define ATOMS(pattern, want)                                                                     \
    do {                                                                                         \
        char *got_ = atoms_of(pattern);                                                          \
        CHECK_STR_EQ(got_, want);                                                                \
        free(got_);                                                                              \
    } while (0)

CK_TEST(prefilter_atoms_literals)
{
    ATOMS("保底收益", "保底收益");
    ATOMS("结构性存款|结构化存款", "结构性存款|结构化存款");
    /* exact sets multiply through ? */
    ATOMS("(?:固定|保底)的?收益", "固定的收益|固定收益|保底的收益|保底收益");
    /* a concatenation needs every part: groups, the better first */
    ATOMS("按[^，。；]{0,4}(?:回购|收购)", "回购|收购 & 按");
    ATOMS("(?:甲方|乙方)[^，]{0,5}(?:回购|收购)", "甲方|乙方 & 回购|收购");
    ATOMS("a+bcd", "bcd & a");
    /* an alternative of conjunctions: pairwise unions */
    ATOMS("甲方.*回购|乙方.*收购", "甲方|乙方 & 甲方|收购 & 回购|乙方");
    ATOMS("x{2,5}", "x");
    ATOMS("a{0,3}bc", "bc");
    /* lookarounds and assertions consume nothing */
    ATOMS("(?<!子)基金(?!管理人)", "基金");
    ATOMS("\\b合同\\b", "合同");
    /* escapes that are literals */
    ATOMS("\\x{4fdd}底", "保底");
    ATOMS("IPO\\.", "IPO.");
    /* extended mode: white space and comments are not literals */
    ATOMS("(?x) 委托 贷款 # a comment\n | 资金拆借", "委托贷款|资金拆借");
    ATOMS("(?x: a b )c", "abc");
    /* atoms that contain another atom of the set are dropped */
    ATOMS("兜底|差额补足兜底", "兜底");
    /* long literals are cut to a 15-byte prefix (5 CJK characters) */
    ATOMS("一二三四五六七八九十", "一二三四五");
    /* named groups are groups */
    ATOMS("(?<who>甲方|乙方)承诺", "甲方承诺|乙方承诺");
}

CK_TEST(prefilter_atoms_give_up)
{
    ATOMS(".*", "-");
    ATOMS("[abc]", "-");
    ATOMS("\\d+", "-");
    ATOMS("x?", "-");
    ATOMS("x*", "-");
    /* a top-level alternative without a literal */
    ATOMS("保底|\\d{3}", "-");
    ATOMS("保底|", "-");
    ATOMS("保底|[^，]+", "-");
    /* case-insensitive anywhere */
    ATOMS("(?i)ipo", "-");
    ATOMS("上市|(?i:ipo)", "-");
    ATOMS("(?i-x)ipo", "-");
    /* back-references, recursion, conditionals, verbs, callouts */
    ATOMS("(a)\\1", "-");
    ATOMS("(?R)?x", "-");
    ATOMS("(?(1)a|b)", "-");
    ATOMS("(*UTF)abc", "-");
    ATOMS("(?C1)abc", "-");
    ATOMS("(?P=n)abc", "-");
    ATOMS("\\Qa+b\\E", "-");
    ATOMS("\\0abc", "-");
    /* a literal "{" is not analysed */
    ATOMS("a{x}", "-");
    /* a lookaround alone matches the empty string */
    ATOMS("(?=保底)", "-");
    /* a quantified comment, an unbalanced group */
    ATOMS("ab(?#c)+", "-");
    ATOMS("ab)", "-");
    /* exotic white space in extended mode */
    ATOMS("(?x)a\xe2\x80\xa8" "b", "-");
}

static struct ck_prefilter *build(const char *const *patterns, size_t n, int *ids)
{
    struct ck_prefilter *pf = ck_prefilter_new();
    for (size_t i = 0; i < n; i++) {
        struct ck_atoms a;
        ids[i] = -1;
        if (ck_atoms_extract(patterns[i], &a)) {
            ids[i] = ck_prefilter_add(pf, &a);
            ck_atoms_fini(&a);
        }
    }
    ck_prefilter_compile(pf);
    return pf;
}

CK_TEST(prefilter_automaton)
{
    /* the classic Aho-Corasick case: overlapping atoms, one inside another */
    const char *const pats[] = {"he", "she", "hers", "his", "保底收益|刚性兑付", "(?x)兑 付"};
    int ids[7];
    const char *const all[] = {pats[0], pats[1], pats[2], pats[3], pats[4], pats[5], "甲方.*回购"};
    struct ck_prefilter *pf = build(all, 7, ids);
    CHECK_INT_EQ(ck_prefilter_patterns(pf), 7);
    CHECK_INT_EQ(ck_prefilter_words(pf), 1);
    uint64_t bits[1];
    ck_prefilter_scan(pf, "ushers", 6, bits);
    CHECK(ck_prefilter_pass(pf, bits, ids[0]) && ck_prefilter_pass(pf, bits, ids[1]) && ck_prefilter_pass(pf, bits, ids[2]));
    CHECK(!ck_prefilter_pass(pf, bits, ids[3]) && !ck_prefilter_pass(pf, bits, ids[4]));
    ck_prefilter_scan(pf, "this", 4, bits);
    CHECK(ck_prefilter_pass(pf, bits, ids[3]) && !ck_prefilter_pass(pf, bits, ids[0]));
    const char *t = "本协议约定刚性兑付。";
    ck_prefilter_scan(pf, t, strlen(t), bits);
    CHECK(ck_prefilter_pass(pf, bits, ids[4]) && ck_prefilter_pass(pf, bits, ids[5]));
    /* a prefix of an atom is not enough; a UTF-8 byte cut is no match */
    t = "刚性兑";
    ck_prefilter_scan(pf, t, strlen(t), bits);
    CHECK(!ck_prefilter_pass(pf, bits, ids[4]) && !ck_prefilter_pass(pf, bits, ids[5]));
    ck_prefilter_scan(pf, "", 0, bits);
    CHECK_INT_EQ(bits[0], 0);
    /* a conjunction: both groups must occur */
    t = "甲方承诺";
    ck_prefilter_scan(pf, t, strlen(t), bits);
    CHECK(!ck_prefilter_pass(pf, bits, ids[6]));
    t = "回购由甲方承担";
    ck_prefilter_scan(pf, t, strlen(t), bits);
    CHECK(ck_prefilter_pass(pf, bits, ids[6]));
    ck_prefilter_free(pf);

    /* more than 64 patterns: several words */
    struct ck_prefilter *big = ck_prefilter_new();
    char lit[8];
    int last = -1;
    for (int i = 0; i < 130; i++) {
        snprintf(lit, sizeof lit, "k%03d", i);
        struct ck_atoms a;
        CHECK(ck_atoms_extract(lit, &a));
        last = ck_prefilter_add(big, &a);
        ck_atoms_fini(&a);
    }
    ck_prefilter_compile(big);
    CHECK_INT_EQ(ck_prefilter_words(big), 3);
    uint64_t b3[3];
    ck_prefilter_scan(big, "xx k129 k064 k000", 17, b3);
    CHECK(ck_prefilter_pass(big, b3, last) && ck_prefilter_pass(big, b3, 64) && ck_prefilter_pass(big, b3, 0));
    CHECK(!ck_prefilter_pass(big, b3, 1) && !ck_prefilter_pass(big, b3, 128));
    ck_prefilter_free(big);
}

/* ---- differential test over the repository's texts --------------------- */

struct texts {
    char **v;
    size_t n, cap;
};

static void add_text(struct texts *t, const char *s, size_t len)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 1024;
        t->v = ck_reallocarray(t->v, t->cap, sizeof *t->v);
    }
    t->v[t->n++] = ck_strndup(s, len);
}

static void collect_node(struct texts *t, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
            if (v && *v)
                add_text(t, (const char *)v, strlen((const char *)v));
            xmlFree(v);
        }
        int has_el = 0;
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                has_el = 1;
        if (!has_el) {
            xmlChar *v = xmlNodeGetContent(n);
            if (v && *v)
                add_text(t, (const char *)v, strlen((const char *)v));
            xmlFree(v);
        }
        collect_node(t, n->children);
    }
}

static void collect_dir(struct texts *t, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t l = strlen(e->d_name);
        if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0) {
            xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                                        XML_PARSE_HUGE);
            if (doc) {
                collect_node(t, xmlDocGetRootElement(doc));
                xmlFreeDoc(doc);
            }
        } else if (depth < 3) {
            collect_dir(t, path, depth + 1);
        }
    }
    closedir(d);
}

struct pat {
    const pcre2_code *re;
    int pf; /* id + 1, 0: none */
};

/* Patterns PCRE2 matches in some text although the prefilter skips them. */
static unsigned long misses(const struct ck_prefilter *pf, const struct pat *pats, size_t np,
                            const struct texts *t, unsigned long *matched, unsigned long *skipped,
                            int quiet)
{
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(mc, 200000);
    uint64_t *bits = ck_calloc(ck_prefilter_words(pf), sizeof *bits);
    unsigned long miss = 0;
    struct ck_buf norm;
    ck_buf_init(&norm);
    for (size_t i = 0; i < t->n; i++) {
        /* the raw text, its normalised form and each normalised sentence */
        const char *views[64];
        size_t lens[64], nv = 0;
        views[nv] = t->v[i];
        lens[nv++] = strlen(t->v[i]);
        ck_buf_reset(&norm);
        ck_textnorm(t->v[i], strlen(t->v[i]), &norm);
        const char *ns = ck_buf_str(&norm);
        views[nv] = ns;
        lens[nv++] = norm.len;
        for (size_t s = 0, k = 0; k <= norm.len && nv < 64; k++) {
            if (k == norm.len || ns[k] == '\n' || ns[k] == ';' ||
                (k + 3 <= norm.len && memcmp(ns + k, "\xe3\x80\x82", 3) == 0)) {
                if (k > s) {
                    views[nv] = ns + s;
                    lens[nv++] = k - s;
                }
                s = k + 1;
            }
        }
        for (size_t v = 0; v < nv; v++) {
            ck_prefilter_scan(pf, views[v], lens[v], bits);
            for (size_t p = 0; p < np; p++) {
                if (pats[p].pf == 0)
                    continue;
                int rc = pcre2_match(pats[p].re, (PCRE2_SPTR)views[v], lens[v], 0, 0, md, mc);
                int pass = ck_prefilter_pass(pf, bits, pats[p].pf - 1);
                if (!pass)
                    (*skipped)++;
                if (rc >= 0) {
                    (*matched)++;
                    if (!pass) {
                        miss++;
                        if (miss < 5 && !quiet)
                            fprintf(stderr, "prefilter skipped a matching pattern on: %.*s\n",
                                    (int)(lens[v] < 200 ? lens[v] : 200), views[v]);
                    }
                }
            }
        }
    }
    ck_buf_fini(&norm);
    free(bits);
    pcre2_match_context_free(mc);
    pcre2_match_data_free(md);
    return miss;
}

CK_TEST(prefilter_never_skips_a_match)
{
    struct ck_ruleset *rs = NULL;
    char *errors = NULL;
    CHECK_INT_EQ(ck_rules_load("rules", "checker/schema/rules-1.xsd", &rs, &errors), CK_OK);
    free(errors);
    if (rs == NULL)
        return;
    CHECK(rs->prefilter != NULL);
    /* most of the shipped patterns have atoms */
    CHECK(rs->n_prefiltered * 10 >= rs->n_patterns * 8);
    struct pat *pats = ck_calloc(rs->n_patterns + 1, sizeof *pats);
    size_t np = 0;
    for (size_t i = 0; i < rs->n_regexes; i++) {
        const struct ck_regex *rx = &rs->regexes[i];
        if (rx->re && np < rs->n_patterns)
            pats[np++] = (struct pat){rx->re, rx->pf};
        for (size_t u = 0; u < rx->n_unless && np < rs->n_patterns; u++)
            pats[np++] = (struct pat){rx->unless[u], rx->pf_unless ? rx->pf_unless[u] : 0};
    }
    struct texts t = {NULL, 0, 0};
    const char *dirs[] = {"fixtures", "tests/corpus", "tests/redteam", "tests/golden", "tests/law",
                          "tests/evidence", "rules"};
    for (size_t d = 0; d < sizeof dirs / sizeof *dirs; d++)
        collect_dir(&t, dirs[d], 0);
    CHECK(t.n > 1000);
    unsigned long matched = 0, skipped = 0;
    CHECK_INT_EQ(misses(rs->prefilter, pats, np, &t, &matched, &skipped, 0), 0);
    /* the test means something: many matches seen, many searches skipped */
    CHECK(matched > 500);
    CHECK(skipped > matched);

    /* and it can fail: a prefilter whose atoms are wrong for one pattern
     * (a literal the pattern does not need) is caught */
    struct ck_prefilter *bad = ck_prefilter_new();
    struct ck_atoms a;
    CHECK(ck_atoms_extract("这段文字不会出现", &a));
    int id = ck_prefilter_add(bad, &a);
    ck_atoms_fini(&a);
    ck_prefilter_compile(bad);
    pcre2_code *re = NULL;
    char *err = NULL;
    CHECK_INT_EQ(ck_regex_compile("基金", &re, &err), CK_OK);
    free(err);
    struct pat one = {re, id + 1};
    unsigned long m2 = 0, s2 = 0;
    CHECK(misses(bad, &one, 1, &t, &m2, &s2, 1) > 0);
    pcre2_code_free(re);
    ck_prefilter_free(bad);

    for (size_t i = 0; i < t.n; i++)
        free(t.v[i]);
    free(t.v);
    free(pats);
    ck_rules_free(rs);
}
