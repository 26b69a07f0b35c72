/* SPDX-License-Identifier: MIT */
/*
 * Explainable, deterministic matching of business descriptions against
 * catalogue entries.
 *
 * Chinese has no spaces, so a text is cut into character bigrams: the text is
 * normalised (full-width ASCII to half-width, upper to lower case), split into
 * runs of word characters (CJK ideographs, letters, digits) at everything else,
 * and every two neighbouring characters of a run form a term (a run of one
 * character is a term by itself). A term is the two code points packed into
 * one uint64_t, so sets of terms are sorted arrays and every operation is a
 * merge: no hashing, no floating order effects, identical results on every run.
 *
 * Each edition has its own vocabulary with document frequencies and postings
 * (built once at load; read-only afterwards); idf is the
 * BM25 one, ln(1 + (N - df + 0.5) / (df + 0.5)). For a text and an entry:
 *   bm25  = Σ over shared terms idf·tf·(k1+1) / (tf + k1·(1 - b + b·len/avglen))
 *   score = max(min(1, bm25 / (4 × the edition's largest idf)),
 *               Σ idf of the shared terms / Σ idf of the entry's terms)
 * so that 1 means "four of the rarest bigrams matched" (a distinctive
 * five-character phrase such as 饲料加工厂) or "the text mentions all the entry
 * says". Entries are ranked by bm25, then score, then file order. Ranking
 * accumulates bm25 through the postings of the text's terms, so only entries
 * sharing a term are looked at, and the full score and exclusion test are run
 * in bm25 order only until nothing further can enter the top k. Bigrams
 * containing a function character (的 与 和 及 或 等 其) are not terms. A 除外/不含 clause of
 * the entry is not part of its terms; when one of its alternatives (split at
 * 或/和/及/、/，) is mentioned by the text (70% of its terms), the entry is
 * excluded and scores 0, and the explanation says which clause matched.
 */
#include "catalog.h"

#include "mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BM25_K1 1.2
#define BM25_B 0.75
#define EXCL_COVER 0.7
#define STRONG_TERMS 4.0

/* ---- normalisation ---- */

static uint32_t decode(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p;
    size_t n = 1;
    if (c >= 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
        c = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
        n = 4;
    } else if (c >= 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        c = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        n = 3;
    } else if (c >= 0xC0 && (p[1] & 0xC0) == 0x80) {
        c = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        n = 2;
    } else if (c >= 0x80) {
        c = 0xFFFD;
    }
    *pp = p + n;
    return c;
}

static size_t encode(uint32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* The normalised code point, or 0 for a separator. */
static uint32_t norm_cp(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return c;
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0x20000 && c <= 0x2FFFF))
        return c;
    return 0;
}

/* Decodes text into normalised code points (0 = separator); *n set. Caller frees. */
static uint32_t *norm_text(const char *text, size_t *n)
{
    size_t cap = strlen(text) + 1;
    uint32_t *cps = ck_calloc(cap, sizeof *cps);
    size_t k = 0;
    *n = 0;
    if (cps == NULL) /* out of memory (on the thread's record): no terms */
        return NULL;
    const unsigned char *p = (const unsigned char *)text;
    while (*p)
        cps[k++] = norm_cp(decode(&p));
    *n = k;
    return cps;
}

static uint64_t make_term(uint32_t a, uint32_t b)
{
    return ((uint64_t)a << 21) | b;
}

void ck_catalog_term_str(uint64_t term, char *out)
{
    uint32_t a = (uint32_t)(term >> 21), b = (uint32_t)(term & 0x1FFFFF);
    size_t n = encode(a, out);
    if (b)
        n += encode(b, out + n);
    out[n] = '\0';
}

/* ---- term sets ---- */

static void terms_push(struct ck_catalog_terms *t, uint64_t term)
{
    if (((t->n & (t->n + 1)) == 0 || t->n == 0) && /* grow at 0,1,3,7,... */
        ck_grow(&t->t, (t->n + 1) * 2, sizeof *t->t))
        return; /* out of memory: dropped (on the thread's record) */
    t->t[t->n++] = term;
    t->len++;
}

/* Function characters (的 与 和 及 或 等 其): bigrams containing one say nothing about an
 * activity ("研发与生产" must not match on "发与"/"与生"), so they are not terms. */
static int particle(uint32_t c)
{
    return c == 0x7684 || c == 0x4E0E || c == 0x548C || c == 0x53CA || c == 0x6216 ||
           c == 0x7B49 || c == 0x5176;
}

static void terms_add_cps(struct ck_catalog_terms *t, const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (cps[i] == 0)
            continue;
        int prev = i > 0 && cps[i - 1] != 0;
        int next = i + 1 < n && cps[i + 1] != 0;
        if (next) {
            if (!particle(cps[i]) && !particle(cps[i + 1]))
                terms_push(t, make_term(cps[i], cps[i + 1]));
        } else if (!prev && !particle(cps[i])) {
            terms_push(t, make_term(cps[i], 0));
        }
    }
}

void ck_catalog_terms_add(struct ck_catalog_terms *terms, const char *text)
{
    size_t n;
    uint32_t *cps = norm_text(text, &n);
    terms_add_cps(terms, cps, n);
    free(cps);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

void ck_catalog_terms_finish(struct ck_catalog_terms *terms)
{
    if (terms->n == 0)
        return;
    qsort(terms->t, terms->n, sizeof *terms->t, cmp_u64);
    free(terms->tf);
    terms->tf = ck_calloc(terms->n, sizeof *terms->tf);
    if (terms->tf == NULL) {
        terms->n = 0;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < terms->n; i++) {
        if (k && terms->t[k - 1] == terms->t[i]) {
            terms->tf[k - 1]++;
            continue;
        }
        terms->t[k] = terms->t[i];
        terms->tf[k] = 1;
        k++;
    }
    terms->n = k;
}

void ck_catalog_terms_fini(struct ck_catalog_terms *terms)
{
    if (terms == NULL)
        return;
    free(terms->t);
    free(terms->tf);
    memset(terms, 0, sizeof *terms);
}

static int terms_has(const struct ck_catalog_terms *t, uint64_t term)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->t[mid] == term)
            return 1;
        if (t->t[mid] < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Index of term in the vocabulary, or n_vocab when absent. */
static size_t vocab_index(const struct ck_catalog_edition *ed, uint64_t term)
{
    size_t lo = 0, hi = ed->n_vocab;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ed->vocab[mid] == term)
            return mid;
        if (ed->vocab[mid] < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return ed->n_vocab;
}

static double idf_of(const struct ck_catalog_edition *ed, uint64_t term)
{
    size_t lo = 0, hi = ed->n_vocab;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ed->vocab[mid] == term)
            return ed->idf[mid];
        if (ed->vocab[mid] < term)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0.0;
}

/* ---- entries: positive text, parts and exclusions ---- */

static int has_at(const uint32_t *cps, size_t n, size_t i, const char *word)
{
    const unsigned char *p = (const unsigned char *)word;
    while (*p) {
        if (i >= n)
            return 0;
        uint32_t c = decode(&p);
        if (cps[i] != c)
            return 0;
        i++;
    }
    return 1;
}

static int is_open(uint32_t c)
{
    return c == '(' || c == 0xFF08;
}

static int is_close(uint32_t c)
{
    return c == ')' || c == 0xFF09;
}

static int is_clause_sep(uint32_t c)
{
    return c == ',' || c == ';' || c == 0xFF0C || c == 0xFF1B || c == 0x3002 || c == ':' ||
           c == 0xFF1A;
}

static int excl_marker(const uint32_t *raw, size_t lo, size_t hi)
{
    for (size_t i = lo; i < hi; i++)
        if (has_at(raw, hi, i, "除外") || has_at(raw, hi, i, "不含") ||
            has_at(raw, hi, i, "不包括") || has_at(raw, hi, i, "不包含"))
            return 1;
    return 0;
}

static void cps_to_utf8(struct ck_buf *b, const uint32_t *cps, size_t lo, size_t hi)
{
    char tmp[4];
    for (size_t i = lo; i < hi; i++)
        if (cps[i])
            ck_buf_add(b, tmp, encode(cps[i], tmp));
}

/* Adds the alternatives of the exclusion clause raw[lo, hi) to e. */
static void add_exclusion(struct ck_catalog_entry *e, const uint32_t *raw, size_t lo, size_t hi)
{
    static const char *const drop[] = {"除外", "不含", "不包括", "不包含", "以及", "或者"};
    static const char *const split_words[] = {"或", "和", "及", "与"};
    uint32_t *c = ck_malloc((hi - lo + 1) * sizeof *c);
    if (c == NULL)
        return;
    size_t n = hi - lo;
    memcpy(c, raw + lo, n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        for (size_t d = 0; d < CK_ARRAY_LEN(drop); d++)
            if (has_at(c, n, i, drop[d])) {
                size_t l = strlen(drop[d]) / 3;
                for (size_t j = 0; j < l; j++)
                    c[i + j] = 0;
            }
        for (size_t d = 0; d < CK_ARRAY_LEN(split_words); d++)
            if (has_at(c, n, i, split_words[d]))
                c[i] = 0;
        if (c[i] == 0x3001 || is_clause_sep(c[i]) || is_open(c[i]) || is_close(c[i]))
            c[i] = 0;
    }
    size_t i = 0;
    while (i < n) {
        while (i < n && c[i] == 0)
            i++;
        size_t s = i;
        while (i < n && c[i] != 0)
            i++;
        if (i - s < 3)
            continue; /* too short to recognise reliably */
        uint32_t *norm = ck_malloc((i - s) * sizeof *norm);
        if (norm == NULL)
            break;
        for (size_t j = s; j < i; j++)
            norm[j - s] = norm_cp(c[j]);
        struct ck_catalog_terms t;
        memset(&t, 0, sizeof t);
        terms_add_cps(&t, norm, i - s);
        ck_catalog_terms_finish(&t);
        struct ck_buf b;
        ck_buf_init(&b);
        cps_to_utf8(&b, c, s, i);
        free(norm);
        if (ck_grow(&e->excl, e->n_excl + 1, sizeof *e->excl) ||
            ck_grow(&e->excl_text, e->n_excl + 1, sizeof *e->excl_text)) {
            ck_catalog_terms_fini(&t);
            ck_buf_fini(&b);
            break;
        }
        e->excl[e->n_excl] = t;
        e->excl_text[e->n_excl] = ck_buf_take(&b);
        e->n_excl++;
    }
    free(c);
}

void ck_catalog_entry_index(struct ck_catalog_entry *e)
{
    const char *text = *e->reading ? e->reading : e->text;
    /* raw code points (not normalised) to find brackets and markers */
    size_t cap = strlen(text) + 1, n = 0;
    uint32_t *raw = ck_calloc(cap, sizeof *raw);
    unsigned char *keep = ck_malloc(cap);
    if (raw == NULL || keep == NULL) { /* out of memory (on the thread's record) */
        free(raw);
        free(keep);
        return;
    }
    const unsigned char *p = (const unsigned char *)text;
    while (*p)
        raw[n++] = decode(&p);
    memset(keep, 1, n + 1);
    /* bracketed exclusions: （…除外）, （不含…） */
    for (size_t i = 0; i < n; i++) {
        if (!is_open(raw[i]))
            continue;
        size_t j = i + 1;
        int depth = 1;
        while (j < n && depth) {
            if (is_open(raw[j]))
                depth++;
            else if (is_close(raw[j]))
                depth--;
            j++;
        }
        size_t end = depth ? n : j - 1;
        if (excl_marker(raw, i + 1, end)) {
            add_exclusion(e, raw, i + 1, end);
            for (size_t k = i; k < j && k < n; k++)
                keep[k] = 0;
        }
        i = j - 1;
    }
    /* unbracketed: "，…除外" up to the previous clause separator */
    for (size_t i = 0; i < n; i++) {
        if (!keep[i] || !has_at(raw, n, i, "除外"))
            continue;
        size_t s = i;
        while (s > 0 && keep[s - 1] && !is_clause_sep(raw[s - 1]))
            s--;
        add_exclusion(e, raw, s, i + 2);
        for (size_t k = s; k < i + 2; k++)
            keep[k] = 0;
    }
    uint32_t *pos = ck_calloc(n + 1, sizeof *pos);
    for (size_t i = 0; pos && i < n; i++)
        pos[i] = keep[i] ? norm_cp(raw[i]) : 0;
    terms_add_cps(&e->pos, pos, pos ? n : 0);
    ck_catalog_terms_finish(&e->pos);
    free(pos);
    free(keep);
    free(raw);
}

void ck_catalog_edition_index(struct ck_catalog_edition *ed)
{
    size_t total = 0, len_sum = 0;
    for (size_t i = 0; i < ed->n_entries; i++) {
        total += ed->entries[i].pos.n;
        len_sum += ed->entries[i].pos.len;
    }
    uint64_t *all = ck_malloc((total + 1) * sizeof *all);
    if (all == NULL)
        return; /* out of memory (on the thread's record): no index */
    size_t k = 0;
    for (size_t i = 0; i < ed->n_entries; i++) {
        if (ed->entries[i].pos.n) /* an entry without terms has pos.t == NULL */
            memcpy(all + k, ed->entries[i].pos.t, ed->entries[i].pos.n * sizeof *all);
        k += ed->entries[i].pos.n;
    }
    if (k > 1)
        qsort(all, k, sizeof *all, cmp_u64);
    free(ed->vocab);
    free(ed->df);
    free(ed->idf);
    ed->vocab = ck_malloc((k + 1) * sizeof *ed->vocab);
    ed->df = ck_malloc((k + 1) * sizeof *ed->df);
    ed->idf = ck_malloc((k + 1) * sizeof *ed->idf);
    if (ed->vocab == NULL || ed->df == NULL || ed->idf == NULL) {
        free(all);
        return;
    }
    size_t v = 0;
    for (size_t i = 0; i < k; i++) {
        if (v && ed->vocab[v - 1] == all[i]) {
            ed->df[v - 1]++;
            continue;
        }
        ed->vocab[v] = all[i];
        ed->df[v] = 1;
        v++;
    }
    ed->n_vocab = v;
    double N = (double)ed->n_entries;
    ed->idf_max = 0;
    for (size_t i = 0; i < v; i++) {
        ed->idf[i] = log(1.0 + (N - ed->df[i] + 0.5) / (ed->df[i] + 0.5));
        if (ed->idf[i] > ed->idf_max)
            ed->idf_max = ed->idf[i];
    }
    ed->avgdl = ed->n_entries ? (double)len_sum / (double)ed->n_entries : 1.0;
    if (ed->avgdl <= 0)
        ed->avgdl = 1.0;
    free(all);
    for (size_t i = 0; i < ed->n_entries; i++) {
        struct ck_catalog_entry *e = &ed->entries[i];
        e->norm = 0;
        for (size_t j = 0; j < e->pos.n; j++)
            e->norm += idf_of(ed, e->pos.t[j]);
    }
    /* postings by counting: df is the length of each list */
    free(ed->post_off);
    free(ed->post);
    free(ed->post_tf);
    ed->post_off = ck_calloc(v + 1, sizeof *ed->post_off);
    if (ed->post_off == NULL)
        return;
    for (size_t i = 0; i < v; i++)
        ed->post_off[i + 1] = ed->post_off[i] + ed->df[i];
    ed->post = ck_malloc((ed->post_off[v] + 1) * sizeof *ed->post);
    ed->post_tf = ck_malloc((ed->post_off[v] + 1) * sizeof *ed->post_tf);
    size_t *fill = ck_calloc(v + 1, sizeof *fill);
    if (ed->post == NULL || ed->post_tf == NULL || fill == NULL) {
        free(fill);
        return;
    }
    for (size_t i = 0; i < ed->n_entries; i++) {
        struct ck_catalog_entry *e = &ed->entries[i];
        e->lnorm = BM25_K1 * (1.0 - BM25_B + BM25_B * (double)e->pos.len / ed->avgdl);
        for (size_t j = 0; j < e->pos.n; j++) {
            size_t x = vocab_index(ed, e->pos.t[j]);
            size_t at = ed->post_off[x] + fill[x]++;
            ed->post[at] = (uint32_t)i;
            ed->post_tf[at] = e->pos.tf ? e->pos.tf[j] : 1;
        }
    }
    free(fill);
}

/* ---- scoring ---- */

static double coverage(const struct ck_catalog_edition *ed, const struct ck_catalog_terms *part,
                       const struct ck_catalog_terms *q)
{
    double have = 0, all = 0;
    size_t i = 0, j = 0;
    while (i < part->n) {
        double w = idf_of(ed, part->t[i]);
        all += w;
        while (j < q->n && q->t[j] < part->t[i])
            j++;
        if (j < q->n && q->t[j] == part->t[i])
            have += w;
        i++;
    }
    return all > 0 ? have / all : 0.0;
}

void ck_catalog_score(const struct ck_catalog_edition *ed, const struct ck_catalog_entry *e,
                      const struct ck_catalog_terms *query, struct ck_catalog_match *out)
{
    memset(out, 0, sizeof *out);
    out->entry = e;
    for (size_t x = 0; x < e->n_excl; x++) {
        const struct ck_catalog_terms *t = &e->excl[x];
        size_t hit = 0;
        for (size_t i = 0; i < t->n; i++)
            hit += terms_has(query, t->t[i]);
        if (t->n && (double)hit >= EXCL_COVER * (double)t->n) {
            out->excluded = 1;
            out->excl_index = x;
            return;
        }
    }
    double bm = 0;
    size_t i = 0, j = 0;
    while (i < e->pos.n && j < query->n) {
        if (e->pos.t[i] < query->t[j]) {
            i++;
        } else if (e->pos.t[i] > query->t[j]) {
            j++;
        } else {
            double tf = e->pos.tf ? e->pos.tf[i] : 1;
            bm += idf_of(ed, e->pos.t[i]) * tf * (BM25_K1 + 1.0) / (tf + e->lnorm);
            i++;
            j++;
        }
    }
    out->bm25 = bm;
    /* four matched bigrams of the rarest kind (a distinctive five-character phrase) are
     * a full match; a text mentioning everything the entry says is one too */
    double s = ed->idf_max > 0 ? bm / (STRONG_TERMS * ed->idf_max) : 0;
    if (s > 1)
        s = 1;
    double c = coverage(ed, &e->pos, query);
    if (c > s)
        s = c;
    out->score = s;
}

static int better(const struct ck_catalog_match *a, const struct ck_catalog_match *b)
{
    if (a->bm25 != b->bm25)
        return a->bm25 > b->bm25;
    if (a->score != b->score)
        return a->score > b->score;
    return a->entry < b->entry; /* file order */
}

struct cand {
    double acc;  /* accumulated BM25 */
    uint32_t i;  /* entry index */
};

/* decreasing BM25, then file order */
static int cmp_cand(const void *x, const void *y)
{
    const struct cand *a = x, *b = y;
    if (a->acc != b->acc)
        return a->acc > b->acc ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static int class_ok(int cls, int entry_cls)
{
    if (cls == CK_CATALOG_ADVERSE)
        return entry_cls != CK_CATALOG_ENCOURAGED;
    return cls < 0 || entry_cls == cls;
}

size_t ck_catalog_rank(const struct ck_catalog_edition *ed, int cls, const char *text,
                       struct ck_catalog_match *out, size_t k, struct ck_catalog_match *excluded,
                       size_t k_excl, size_t *n_excluded)
{
    if (n_excluded)
        *n_excluded = 0;
    if (ed == NULL || text == NULL || ed->n_entries == 0)
        return 0;
    struct ck_catalog_terms q;
    memset(&q, 0, sizeof q);
    ck_catalog_terms_add(&q, text);
    ck_catalog_terms_finish(&q);
    /* BM25 of every entry sharing a term, accumulated through the postings (query terms
     * in ascending order, like the merge in ck_catalog_score, so the sums are identical) */
    double *acc = ck_calloc(ed->n_entries, sizeof *acc);
    uint32_t *cand = ck_malloc(ed->n_entries * sizeof *cand);
    size_t n_cand = 0;
    if (acc == NULL || cand == NULL) { /* out of memory (on the thread's record) */
        free(acc);
        free(cand);
        ck_catalog_terms_fini(&q);
        return 0;
    }
    for (size_t j = 0; j < q.n; j++) {
        size_t x = vocab_index(ed, q.t[j]);
        if (x == ed->n_vocab)
            continue;
        double idf = ed->idf[x];
        for (size_t p = ed->post_off[x]; p < ed->post_off[x + 1]; p++) {
            uint32_t i = ed->post[p];
            double tf = ed->post_tf[p];
            if (acc[i] == 0 && class_ok(cls, ed->entries[i].cls))
                cand[n_cand++] = i;
            acc[i] += idf * tf * (BM25_K1 + 1.0) / (tf + ed->entries[i].lnorm);
        }
    }
    /* walk the candidates by decreasing bm25 (then file order); the full score and the
     * exclusions are computed only until nothing further can enter the top k */
    struct cand *order = ck_malloc((n_cand + 1) * sizeof *order);
    if (order == NULL)
        n_cand = 0;
    for (size_t c = 0; c < n_cand; c++) {
        order[c].acc = acc[cand[c]];
        order[c].i = cand[c];
    }
    if (n_cand > 1)
        qsort(order, n_cand, sizeof *order, cmp_cand);
    size_t n = 0;
    for (size_t c = 0; c < n_cand; c++) {
        const struct ck_catalog_entry *e = &ed->entries[order[c].i];
        if (k && n == k && order[c].acc < out[k - 1].bm25 - 1e-9)
            break;
        struct ck_catalog_match m;
        ck_catalog_score(ed, e, &q, &m);
        if (m.excluded) {
            if (excluded && n_excluded && *n_excluded < k_excl)
                excluded[(*n_excluded)++] = m;
            continue; /* an excluded entry is not a candidate */
        }
        if (m.score <= 0 || k == 0)
            continue;
        /* insertion into the top-k list */
        size_t pos = n < k ? n : k;
        while (pos > 0 && better(&m, &out[pos - 1]))
            pos--;
        if (pos >= k)
            continue;
        size_t last = n < k ? n : k - 1;
        memmove(out + pos + 1, out + pos, (last - pos) * sizeof *out);
        out[pos] = m;
        if (n < k)
            n++;
    }
    free(order);
    free(acc);
    free(cand);
    ck_catalog_terms_fini(&q);
    return n;
}

void ck_catalog_explain_terms(struct ck_buf *b, const struct ck_catalog_edition *ed,
                              const struct ck_catalog_entry *e, const char *text,
                              int with_weights)
{
    size_t n;
    uint32_t *cps = norm_text(text, &n);
    /* mark the query positions whose bigram is one of the entry's terms */
    unsigned char *hit = ck_calloc(n + 1, 1);
    if (cps == NULL || hit == NULL) {
        free(cps);
        free(hit);
        return;
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (cps[i] && cps[i + 1] && terms_has(&e->pos, make_term(cps[i], cps[i + 1])))
            hit[i] = 1;
    struct ck_buf seen;
    ck_buf_init(&seen);
    ck_buf_addc(&seen, '\n');
    int first = 1;
    size_t i = 0;
    while (i < n) {
        if (!hit[i]) {
            i++;
            continue;
        }
        size_t s = i;
        double w = 0;
        while (i < n && hit[i]) {
            w += idf_of(ed, make_term(cps[i], cps[i + 1]));
            i++;
        }
        struct ck_buf ph;
        ck_buf_init(&ph);
        ck_buf_addc(&ph, '\n');
        cps_to_utf8(&ph, cps, s, i + 1);
        ck_buf_addc(&ph, '\n');
        if (ph.len >= 2 && strstr(ck_buf_str(&seen), ck_buf_str(&ph)) == NULL) {
            ck_buf_adds(&seen, ph.p + 1);
            ph.p[ph.len - 1] = '\0';
            if (!first)
                ck_buf_adds(b, with_weights ? " " : "、");
            ck_buf_adds(b, ph.p + 1);
            if (with_weights)
                ck_buf_printf(b, "(%.1f)", w);
            first = 0;
        }
        ck_buf_fini(&ph);
    }
    ck_buf_fini(&seen);
    free(hit);
    free(cps);
}
