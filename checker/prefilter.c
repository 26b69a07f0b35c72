/* SPDX-License-Identifier: MIT */
#include "prefilter.h"

#include "mem.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/*
 * Atom extraction. The pattern is parsed into the facts the prefilter needs
 * about each sub-pattern (after RE2's and Google Code Search's prefilters):
 *
 *   exact    the complete, small set of strings the sub-pattern can match;
 *   required a set of strings at least one of which occurs in any string
 *            it matches;
 *   any      nothing is known.
 *
 * A literal is exact; concatenation multiplies exact sets while they stay
 * small and otherwise keeps the better of the two sides' required sets;
 * alternation unites them (and knows nothing if one side knows nothing); a
 * quantifier with minimum 0 knows nothing (`?` on an exact set adds the
 * empty string); classes, `.`, escapes such as \d and back-references
 * know nothing; assertions and lookarounds match the empty string. Anything
 * not understood stops the analysis: the pattern then has no prefilter.
 * Every step only forgets, so the result is a necessary condition.
 */

#define EXACT_MAX 32   /* largest exact set kept */
#define EXACT_LEN 256  /* longest string kept in an exact set */
#define ATOM_MAX 15    /* atoms are cut to this many bytes (a prefix still must occur) */
#define DEPTH_MAX 64   /* group nesting the analyser follows */

struct str {
    char *p;
    size_t n;
};

struct sset {
    size_t n, cap;
    struct str *v;
};

enum kind { K_EXACT, K_REQ, K_ANY };

/* K_REQ: every match contains an atom of each of the sets c[0..nc) (a
 * conjunction of "one of these" sets, at most CONJ_MAX, the best kept). */
#define CONJ_MAX 3

struct info {
    enum kind k;
    struct sset s; /* K_EXACT: the strings */
    size_t nc;
    struct sset c[CONJ_MAX]; /* K_REQ */
};

struct px {
    const char *p, *end;
    int fail;
    int depth;
};

/* The strings of one extraction live in a bump arena of the thread (one
 * extraction runs at a time per thread), freed when the extraction ends:
 * the analysis makes many short strings, and malloc/free of each cost more
 * than the analysis itself. */
struct arena_chunk {
    struct arena_chunk *next;
    size_t used, cap;
    _Alignas(8) char data[];
};
static _Thread_local struct arena_chunk *arena;
/* where an extraction resumes when the arena cannot grow: the analysis only
 * holds arena memory, so leaving it from any depth loses nothing once the
 * arena is freed (the pattern then simply has no atoms) */
static _Thread_local jmp_buf *arena_oom;

static char *arena_alloc(size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (arena == NULL || arena->cap - arena->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        struct arena_chunk *c = ck_malloc(sizeof *c + cap);
        if (c == NULL)
            longjmp(*arena_oom, 1);
        c->next = arena;
        c->used = 0;
        c->cap = cap;
        arena = c;
    }
    char *p = arena->data + arena->used;
    arena->used += n;
    return p;
}

static void arena_free(void)
{
    while (arena) {
        struct arena_chunk *next = arena->next;
        free(arena);
        arena = next;
    }
}

static void sset_reserve(struct sset *s)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 2;
        struct str *v = (struct str *)(void *)arena_alloc(cap * sizeof *v);
        if (s->n)
            memcpy(v, s->v, s->n * sizeof *v);
        s->v = v;
        s->cap = cap;
    }
}

/* Adds a string already in the arena. */
static void sset_put(struct sset *s, char *p, size_t n)
{
    sset_reserve(s);
    s->v[s->n].p = p;
    s->v[s->n].n = n;
    s->n++;
}

static void sset_push(struct sset *s, const char *p, size_t n)
{
    char *c = arena_alloc(n + 1);
    memcpy(c, p, n);
    c[n] = '\0';
    sset_put(s, c, n);
}

static void sset_fini(struct sset *s)
{
    memset(s, 0, sizeof *s); /* the arena holds the memory */
}

static void info_fini(struct info *a)
{
    memset(a, 0, sizeof *a); /* the arena holds the memory */
    a->k = K_ANY;
}

static struct info info_lit(const char *p, size_t n)
{
    struct info r;
    memset(&r, 0, sizeof r);
    r.k = K_EXACT;
    sset_push(&r.s, p, n);
    return r;
}

static struct info info_empty(void)
{
    return info_lit("", 0);
}

static struct info info_any(void)
{
    struct info r;
    memset(&r, 0, sizeof r);
    r.k = K_ANY;
    return r;
}

static int sset_has(const struct sset *s, const char *p, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].n == n && memcmp(s->v[i].p, p, n) == 0)
            return 1;
    return 0;
}

static int contains(const struct str *hay, const struct str *needle)
{
    if (needle->n > hay->n)
        return 0;
    if (needle->n == 0)
        return 1;
    for (size_t i = 0; i + needle->n <= hay->n; i++)
        if (memcmp(hay->p + i, needle->p, needle->n) == 0)
            return 1;
    return 0;
}

/* Removes duplicates and atoms that contain another atom (the shorter one
 * occurs wherever the longer one does). */
static void req_simplify(struct sset *s)
{
    size_t out = 0;
    for (size_t i = 0; i < s->n; i++) {
        int drop = 0;
        for (size_t j = 0; j < s->n && !drop; j++) {
            if (i == j || s->v[j].p == NULL)
                continue;
            if (contains(&s->v[i], &s->v[j]) && (s->v[i].n > s->v[j].n || j < i))
                drop = 1;
        }
        if (drop)
            s->v[i].p = NULL;
    }
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].p)
            s->v[out++] = s->v[i];
    s->n = out;
}

/* An exact set as a required set (nothing known if it holds ""). */
static void to_req(struct info *a)
{
    if (a->k != K_EXACT)
        return;
    for (size_t i = 0; i < a->s.n; i++)
        if (a->s.v[i].n == 0) {
            info_fini(a);
            return;
        }
    a->k = K_REQ;
    a->nc = 1;
    a->c[0] = a->s;
    sset_fini(&a->s);
}

static size_t min_len(const struct sset *s)
{
    size_t m = (size_t)-1;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].n < m)
            m = s->v[i].n;
    return m;
}

/* 1 if atom set a is the more selective one: longer shortest atom (up to
 * ATOM_MAX), then fewer atoms. */
static int set_better(const struct sset *a, const struct sset *b)
{
    size_t la = min_len(a), lb = min_len(b);
    if (la > ATOM_MAX)
        la = ATOM_MAX;
    if (lb > ATOM_MAX)
        lb = ATOM_MAX;
    if (la != lb)
        return la > lb;
    return a->n <= b->n;
}

static int sset_equal(const struct sset *a, const struct sset *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!sset_has(b, a->v[i].p, a->v[i].n))
            return 0;
    return 1;
}

/* out := the conjunction of the best CONJ_MAX distinct sets of cand[0..n)
 * (dropping a set of a conjunction only weakens it). */
static void keep_best(struct sset *cand, size_t n, struct info *out)
{
    info_fini(out);
    out->k = K_REQ;
    unsigned char used[CONJ_MAX * CONJ_MAX + 2 * CONJ_MAX] = {0};
    while (out->nc < CONJ_MAX) {
        size_t best = n;
        for (size_t i = 0; i < n; i++)
            if (!used[i] && (best == n || (set_better(&cand[i], &cand[best]) &&
                                           !set_better(&cand[best], &cand[i]))))
                best = i;
        if (best == n)
            break;
        used[best] = 1;
        int dup = 0;
        for (size_t k = 0; k < out->nc && !dup; k++)
            dup = sset_equal(&out->c[k], &cand[best]);
        if (!dup)
            out->c[out->nc++] = cand[best];
    }
}

static int exact_fits(const struct sset *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].n > EXACT_LEN)
            return 0;
    return 1;
}

/* a := a b */
static void concat(struct info *a, struct info *b)
{
    if (a->k == K_EXACT && b->k == K_EXACT && a->s.n * b->s.n <= EXACT_MAX) {
        struct sset r = {0, 0, NULL};
        for (size_t i = 0; i < a->s.n; i++)
            for (size_t j = 0; j < b->s.n; j++) {
                size_t n = a->s.v[i].n + b->s.v[j].n;
                char *t = arena_alloc(n + 1);
                memcpy(t, a->s.v[i].p, a->s.v[i].n);
                memcpy(t + a->s.v[i].n, b->s.v[j].p, b->s.v[j].n);
                t[n] = '\0';
                if (!sset_has(&r, t, n))
                    sset_put(&r, t, n);
            }
        info_fini(a);
        info_fini(b);
        a->k = K_EXACT;
        a->s = r;
        if (!exact_fits(&a->s))
            to_req(a);
        return;
    }
    to_req(a);
    to_req(b);
    if (b->k == K_ANY)
        return;
    if (a->k == K_ANY) {
        *a = *b;
        info_fini(b);
        return;
    }
    /* both parts occur: both conjunctions hold */
    struct sset cand[2 * CONJ_MAX];
    size_t n = 0;
    for (size_t i = 0; i < a->nc; i++)
        cand[n++] = a->c[i];
    for (size_t i = 0; i < b->nc; i++)
        cand[n++] = b->c[i];
    keep_best(cand, n, a);
    info_fini(b);
}

/* a := a | b */
static void alternate(struct info *a, struct info *b)
{
    if (!(a->k == K_EXACT && b->k == K_EXACT && a->s.n + b->s.n <= EXACT_MAX)) {
        to_req(a);
        to_req(b);
        if (a->k == K_ANY || b->k == K_ANY) {
            info_fini(a);
            info_fini(b);
            return;
        }
        /* (A1 and A2) or (B1 and B2) implies (Ai or Bj) for every i, j */
        struct sset cand[CONJ_MAX * CONJ_MAX];
        size_t n = 0;
        for (size_t i = 0; i < a->nc; i++)
            for (size_t j = 0; j < b->nc; j++) {
                struct sset u = {0, 0, NULL};
                for (size_t k = 0; k < a->c[i].n; k++)
                    sset_put(&u, a->c[i].v[k].p, a->c[i].v[k].n);
                for (size_t k = 0; k < b->c[j].n; k++)
                    if (!sset_has(&u, b->c[j].v[k].p, b->c[j].v[k].n))
                        sset_put(&u, b->c[j].v[k].p, b->c[j].v[k].n);
                cand[n++] = u;
            }
        keep_best(cand, n, a);
        info_fini(b);
        return;
    }
    for (size_t i = 0; i < b->s.n; i++)
        if (!sset_has(&a->s, b->s.v[i].p, b->s.v[i].n))
            sset_put(&a->s, b->s.v[i].p, b->s.v[i].n);
    info_fini(b);
}

/* a := a{min,max}; max < 0 is unbounded. */
static void quantify(struct info *a, long min, long max)
{
    if (min == 1 && max == 1)
        return;
    if (min == 0) {
        if (max == 1 && a->k == K_EXACT && a->s.n + 1 <= EXACT_MAX) {
            if (!sset_has(&a->s, "", 0))
                sset_push(&a->s, "", 0);
            return;
        }
        info_fini(a);
        return;
    }
    /* at least one copy of a occurs */
    to_req(a);
}

static int at(const struct px *P, size_t k)
{
    return P->p + k < P->end ? (unsigned char)P->p[k] : -1;
}

static int is_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* In extended mode: white space and # comments. */
static void skip_ws(struct px *P, int x)
{
    if (!x)
        return;
    for (;;) {
        while (P->p < P->end && is_ws((unsigned char)*P->p))
            P->p++;
        if (P->p < P->end && *P->p == '#') {
            while (P->p < P->end && *P->p != '\n')
                P->p++;
            continue;
        }
        return;
    }
}

static int is_quant_start(int c)
{
    return c == '?' || c == '*' || c == '+' || c == '{';
}

static int utf8_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 0;
}

static size_t utf8_put(unsigned long cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int is_alnum(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character class [...]: skipped, nothing known. */
static struct info parse_class(struct px *P)
{
    P->p++; /* [ */
    if (at(P, 0) == '^')
        P->p++;
    if (at(P, 0) == ']')
        P->p++;
    while (P->p < P->end) {
        int c = at(P, 0);
        if (c == ']') {
            P->p++;
            return info_any();
        }
        if (c == '\\') {
            if (at(P, 1) == 'Q' || at(P, 1) < 0) {
                P->fail = 1;
                return info_any();
            }
            P->p += 2;
            continue;
        }
        if (c == '[' && at(P, 1) == ':') {
            const char *e = P->p + 2;
            while (e + 1 < P->end && !(e[0] == ':' && e[1] == ']'))
                e++;
            if (e + 1 >= P->end) {
                P->fail = 1;
                return info_any();
            }
            P->p = e + 2;
            continue;
        }
        P->p++;
    }
    P->fail = 1;
    return info_any();
}

/* An escape outside a class; P->p at the backslash. */
static struct info parse_escape(struct px *P)
{
    int c = at(P, 1);
    if (c < 0) {
        P->fail = 1;
        return info_any();
    }
    P->p += 2;
    switch (c) {
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H':
    case 'v': case 'V': case 'R': case 'X': case 'C':
        return info_any();
    case 'N':
        if (at(P, 0) == '{')
            P->fail = 1;
        return info_any();
    case 'p': case 'P':
        if (at(P, 0) == '{') {
            while (P->p < P->end && *P->p != '}')
                P->p++;
            if (P->p >= P->end) {
                P->fail = 1;
                return info_any();
            }
        }
        P->p++;
        return info_any();
    case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
        return info_empty();
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
    case 'g': case 'k':
        /* a back-reference or subroutine call: not analysed */
        P->fail = 1;
        return info_any();
    case 'n': return info_lit("\n", 1);
    case 't': return info_lit("\t", 1);
    case 'r': return info_lit("\r", 1);
    case 'f': return info_lit("\f", 1);
    case 'e': return info_lit("\x1b", 1);
    case 'a': return info_lit("\a", 1);
    case 'x': {
        unsigned long cp = 0;
        if (at(P, 0) == '{') {
            P->p++;
            int digits = 0;
            while (P->p < P->end && *P->p != '}') {
                int h = hexval((unsigned char)*P->p);
                if (h < 0 || ++digits > 6) {
                    P->fail = 1;
                    return info_any();
                }
                cp = cp * 16 + (unsigned long)h;
                P->p++;
            }
            if (P->p >= P->end || digits == 0) {
                P->fail = 1;
                return info_any();
            }
            P->p++;
        } else {
            for (int k = 0; k < 2 && hexval(at(P, 0)) >= 0; k++) {
                cp = cp * 16 + (unsigned long)hexval(at(P, 0));
                P->p++;
            }
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            P->fail = 1;
            return info_any();
        }
        char buf[4];
        size_t n = utf8_put(cp, buf);
        return info_lit(buf, n);
    }
    default:
        if (c < 0x80 && !is_alnum(c)) {
            char ch = (char)c;
            return info_lit(&ch, 1);
        }
        /* \Q, \E, \0, \o, \c, \u, other letters, non-ASCII: not analysed */
        P->fail = 1;
        return info_any();
    }
}

static struct info parse_alt(struct px *P, int *x);

/* Inline flags after "(?": letters up to ')' or ':'. Returns ')' or ':'
 * (P->p past it) and updates *x; fails on anything but x, s, m, n, U, J or
 * on a flag 'i' being set. */
static int parse_flags(struct px *P, int *x)
{
    int on = 1;
    while (P->p < P->end) {
        int c = at(P, 0);
        P->p++;
        switch (c) {
        case ')':
        case ':':
            return c;
        case '-':
            on = 0;
            break;
        case 'x':
            *x = on;
            break;
        case 's': case 'm': case 'n': case 'U': case 'J':
            break;
        case 'i':
            if (on) {
                P->fail = 1;
                return 0;
            }
            break;
        default:
            P->fail = 1;
            return 0;
        }
    }
    P->fail = 1;
    return 0;
}

/* A group; P->p at '('. *item is 0 when it was an inline flag setting or
 * a comment (not an item a quantifier could follow). */
static struct info parse_group(struct px *P, int *x, int *item)
{
    *item = 1;
    int gx = *x;
    int look = 0;
    if (++P->depth > DEPTH_MAX) {
        P->fail = 1;
        return info_any();
    }
    P->p++;
    if (at(P, 0) == '*') {
        P->fail = 1;
        return info_any();
    }
    if (at(P, 0) == '?') {
        int c = at(P, 1);
        if (c == '#') {
            while (P->p < P->end && *P->p != ')')
                P->p++;
            if (P->p >= P->end) {
                P->fail = 1;
                return info_any();
            }
            P->p++;
            P->depth--;
            *item = 0;
            return info_empty();
        } else if (c == ':' || c == '|' || c == '>') {
            P->p += 2;
        } else if (c == '=' || c == '!') {
            P->p += 2;
            look = 1;
        } else if (c == '<' && (at(P, 2) == '=' || at(P, 2) == '!')) {
            P->p += 3;
            look = 1;
        } else if (c == '<' || c == '\'' || (c == 'P' && at(P, 2) == '<')) {
            int close = c == '\'' ? '\'' : '>';
            P->p += c == 'P' ? 3 : 2;
            while (P->p < P->end && *P->p != close) {
                if (!is_alnum((unsigned char)*P->p) && *P->p != '_') {
                    P->fail = 1;
                    return info_any();
                }
                P->p++;
            }
            if (P->p >= P->end) {
                P->fail = 1;
                return info_any();
            }
            P->p++;
        } else if (c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            P->p++;
            int end = parse_flags(P, &gx);
            if (P->fail)
                return info_any();
            if (end == ')') {
                /* (?x) applies to the rest of the enclosing group */
                *x = gx;
                P->depth--;
                *item = 0;
                return info_empty();
            }
        } else {
            /* (?R), (?1), (?&name), (?(cond)...), (?C...), (?P=name), ... */
            P->fail = 1;
            return info_any();
        }
    }
    struct info r = parse_alt(P, &gx);
    if (P->fail)
        return r;
    if (at(P, 0) != ')') {
        P->fail = 1;
        return r;
    }
    P->p++;
    P->depth--;
    if (look) {
        info_fini(&r);
        return info_empty();
    }
    return r;
}

/* A quantifier at P->p, if any: 1 and *min, *max (-1: unbounded). */
static int parse_quant(struct px *P, long *min, long *max)
{
    int c = at(P, 0);
    if (c == '?') { *min = 0; *max = 1; P->p++; return 1; }
    if (c == '*') { *min = 0; *max = -1; P->p++; return 1; }
    if (c == '+') { *min = 1; *max = -1; P->p++; return 1; }
    if (c != '{')
        return 0;
    const char *q = P->p + 1;
    long a = 0, b;
    int da = 0, db = 0;
    while (q < P->end && *q >= '0' && *q <= '9' && da < 7) {
        a = a * 10 + (*q++ - '0');
        da++;
    }
    if (da == 0) {
        P->fail = 1; /* "{" as a literal, or {,n}: not analysed */
        return 0;
    }
    b = a;
    if (q < P->end && *q == ',') {
        q++;
        b = 0;
        while (q < P->end && *q >= '0' && *q <= '9' && db < 7) {
            b = b * 10 + (*q++ - '0');
            db++;
        }
        if (db == 0)
            b = -1;
    }
    if (q >= P->end || *q != '}') {
        P->fail = 1;
        return 0;
    }
    P->p = q + 1;
    *min = a;
    *max = b;
    return 1;
}

/* A sequence: the best required set of its parts so far (best) and the
 * exact set of the run of exact items since the last inexact one (run). */
static struct info parse_seq(struct px *P, int *x)
{
    struct info run = info_empty();
    struct info best = info_any();
    int inexact = 0;
    for (;;) {
        skip_ws(P, *x);
        int c = at(P, 0);
        if (c < 0 || c == '|' || c == ')' || P->fail)
            break;
        struct info it;
        int item = 1;
        if (c == '(') {
            it = parse_group(P, x, &item);
        } else if (c == '[') {
            it = parse_class(P);
        } else if (c == '\\') {
            it = parse_escape(P);
        } else if (c == '.') {
            P->p++;
            it = info_any();
        } else if (c == '^' || c == '$') {
            P->p++;
            it = info_empty();
        } else if (is_quant_start(c)) {
            P->fail = 1;
            break;
        } else {
            int n = utf8_len((unsigned char)c);
            if (n == 0 || P->p + n > P->end) {
                P->fail = 1;
                break;
            }
            it = info_lit(P->p, (size_t)n);
            P->p += n;
        }
        if (P->fail) {
            info_fini(&it);
            break;
        }
        /* quantifiers, also stacked ones (a lazy or possessive mark is
         * read as one more quantifier: that only forgets) */
        long min, max;
        for (;;) {
            skip_ws(P, *x);
            if (!is_quant_start(at(P, 0)))
                break;
            if (!item || !parse_quant(P, &min, &max)) {
                P->fail = 1;
                break;
            }
            quantify(&it, min, max);
        }
        if (it.k == K_EXACT && run.s.n * it.s.n > EXACT_MAX) {
            /* the run ends here: its atoms compete with the best so far */
            inexact = 1;
            concat(&best, &run);
            run = it;
        } else if (it.k == K_EXACT) {
            concat(&run, &it);
            if (run.k != K_EXACT) { /* strings too long to keep exact */
                inexact = 1;
                concat(&best, &run);
                run = info_empty();
            }
        } else {
            inexact = 1;
            concat(&best, &run);
            concat(&best, &it);
            run = info_empty();
        }
    }
    if (!inexact) {
        info_fini(&best);
        return run;
    }
    concat(&best, &run);
    return best;
}

static struct info parse_alt(struct px *P, int *x)
{
    struct info r = parse_seq(P, x);
    while (!P->fail && at(P, 0) == '|') {
        P->p++;
        struct info b = parse_seq(P, x);
        alternate(&r, &b);
    }
    return r;
}

/* Pattern_White_Space characters beyond ASCII, which PCRE2's extended mode
 * also ignores: U+0085, U+200E, U+200F, U+2028, U+2029. */
static int has_exotic_space(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] == 0xC2 && p[1] == 0x85)
            return 1;
        if (p[0] == 0xE2 && p[1] == 0x80 &&
            (p[2] == 0x8E || p[2] == 0x8F || p[2] == 0xA8 || p[2] == 0xA9))
            return 1;
    }
    return 0;
}

void ck_atoms_fini(struct ck_atoms *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; a->s && i < a->n; i++)
        free(a->s[i]);
    free(a->s);
    free(a->len);
    free(a->group);
    memset(a, 0, sizeof *a);
}

int ck_atoms_extract(const char *pattern, struct ck_atoms *out)
{
    memset(out, 0, sizeof *out);
    if (pattern == NULL || has_exotic_space(pattern))
        return 0;
    jmp_buf oom;
    if (setjmp(oom)) {
        arena_oom = NULL;
        arena_free();
        return 0;
    }
    arena_oom = &oom;
    struct px P = {pattern, pattern + strlen(pattern), 0, 0};
    int x = 0;
    struct info r = parse_alt(&P, &x);
    if (P.fail || P.p != P.end) {
        info_fini(&r);
        arena_oom = NULL;
        arena_free();
        return 0;
    }
    to_req(&r);
    if (r.k != K_REQ || r.nc == 0) {
        info_fini(&r);
        arena_oom = NULL;
        arena_free();
        return 0;
    }
    /* atoms cut to ATOM_MAX bytes (any prefix of an atom occurs wherever the
     * atom does), simplified before and after */
    size_t total = 0;
    for (size_t g = 0; g < r.nc; g++) {
        req_simplify(&r.c[g]);
        for (size_t i = 0; i < r.c[g].n; i++)
            if (r.c[g].v[i].n > ATOM_MAX)
                r.c[g].v[i].n = ATOM_MAX;
        req_simplify(&r.c[g]);
        total += r.c[g].n;
    }
    out->n = total;
    out->n_groups = r.nc;
    arena_oom = NULL; /* no arena allocation from here on */
    out->s = ck_calloc(total, sizeof *out->s);
    out->len = ck_calloc(total, sizeof *out->len);
    out->group = ck_calloc(total, sizeof *out->group);
    int ok = out->s && out->len && out->group;
    size_t k = 0;
    for (size_t g = 0; ok && g < r.nc; g++)
        for (size_t i = 0; ok && i < r.c[g].n; i++, k++) {
            out->s[k] = ck_strndup(r.c[g].v[i].p, r.c[g].v[i].n);
            out->len[k] = r.c[g].v[i].n;
            out->group[k] = g;
            ok = out->s[k] != NULL;
        }
    info_fini(&r);
    arena_free();
    if (!ok)
        ck_atoms_fini(out);
    return ok;
}

/*
 * The automaton: a complete DFA (Aho-Corasick goto + failure folded into
 * one table) over byte classes (bytes that occur in no atom share class 0).
 * Each state has the set of patterns an atom of which ends there, its own
 * and its failure chain's, as an index into a table of distinct sets.
 */
struct ck_prefilter {
    size_t n_patterns;
    struct ck_atoms *pending; /* owned; the atoms added, until compile */
    uint32_t *first, *n_sub;  /* owned; per pattern: its first group's bit, its groups */
    size_t n_subs;            /* groups (bits) of all patterns */
    int compiled;
    unsigned char cls[256];
    size_t n_cls;
    size_t n_states;
    uint32_t *delta;   /* owned; n_states * n_cls */
    uint32_t *out;     /* owned; n_states: 0 none, else index+1 into sets */
    uint64_t *sets;    /* owned; n_sets * words */
    size_t n_sets, words;
};

struct ck_prefilter *ck_prefilter_new(void)
{
    return ck_calloc(1, sizeof(struct ck_prefilter));
}

int ck_prefilter_add(struct ck_prefilter *pf, const struct ck_atoms *a)
{
    size_t p = pf->n_patterns;
    if (ck_grow(&pf->pending, p + 1, sizeof *pf->pending) || ck_grow(&pf->first, p + 1, sizeof *pf->first) ||
        ck_grow(&pf->n_sub, p + 1, sizeof *pf->n_sub))
        return -1;
    struct ck_atoms *c = &pf->pending[p];
    memset(c, 0, sizeof *c);
    c->n_groups = a->n_groups ? a->n_groups : 1;
    c->s = ck_calloc(a->n ? a->n : 1, sizeof *c->s);
    c->len = ck_calloc(a->n ? a->n : 1, sizeof *c->len);
    c->group = ck_calloc(a->n ? a->n : 1, sizeof *c->group);
    if (c->s == NULL || c->len == NULL || c->group == NULL) {
        ck_atoms_fini(c);
        return -1;
    }
    for (size_t i = 0; i < a->n; i++) {
        c->s[i] = ck_malloc(a->len[i] ? a->len[i] : 1);
        if (c->s[i] == NULL) {
            c->n = i;
            ck_atoms_fini(c);
            return -1;
        }
        c->n = i + 1;
        memcpy(c->s[i], a->s[i], a->len[i]);
        c->len[i] = a->len[i];
        c->group[i] = a->group && a->group[i] < c->n_groups ? a->group[i] : 0;
    }
    pf->first[p] = (uint32_t)pf->n_subs;
    pf->n_sub[p] = (uint32_t)c->n_groups;
    pf->n_subs += c->n_groups;
    return (int)pf->n_patterns++;
}

int ck_prefilter_pass(const struct ck_prefilter *pf, const uint64_t *bits, int id)
{
    uint32_t b = pf->first[id], e = b + pf->n_sub[id];
    for (; b < e; b++)
        if (!((bits[b >> 6] >> (b & 63)) & 1u))
            return 0;
    return 1;
}

void ck_prefilter_compile(struct ck_prefilter *pf)
{
    pf->words = (pf->n_subs + 63) / 64;
    if (pf->words == 0)
        pf->words = 1;
    /* byte classes */
    unsigned char used[256] = {0};
    size_t total = 1;
    for (size_t p = 0; p < pf->n_patterns; p++)
        for (size_t i = 0; i < pf->pending[p].n; i++) {
            total += pf->pending[p].len[i];
            for (size_t k = 0; k < pf->pending[p].len[i]; k++)
                used[(unsigned char)pf->pending[p].s[i][k]] = 1;
        }
    pf->n_cls = 1;
    for (int b = 0; b < 256; b++)
        pf->cls[b] = used[b] ? (unsigned char)pf->n_cls++ : 0;
    /* the trie (at most total states) */
    size_t nc = pf->n_cls, w = pf->words;
    uint32_t *delta = ck_calloc(total * nc, sizeof *delta); /* 0: no edge yet (root never a target) */
    uint64_t *own = ck_calloc(total * w, sizeof *own);
    uint32_t *fail = NULL, *queue = NULL;
    if (delta == NULL || own == NULL)
        goto nomem;
    size_t n = 1;
    for (size_t p = 0; p < pf->n_patterns; p++)
        for (size_t i = 0; i < pf->pending[p].n; i++) {
            uint32_t s = 0;
            for (size_t k = 0; k < pf->pending[p].len[i]; k++) {
                unsigned c = pf->cls[(unsigned char)pf->pending[p].s[i][k]];
                if (delta[s * nc + c] == 0)
                    delta[s * nc + c] = (uint32_t)n++;
                s = delta[s * nc + c];
            }
            size_t bit = pf->first[p] + pf->pending[p].group[i];
            own[s * w + bit / 64] |= (uint64_t)1 << (bit % 64);
        }
    /* breadth first: failure links, missing edges, inherited outputs */
    fail = ck_calloc(n, sizeof *fail);
    queue = ck_calloc(n, sizeof *queue);
    if (fail == NULL || queue == NULL)
        goto nomem;
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < nc; c++)
        if (delta[c] != 0) {
            fail[delta[c]] = 0;
            queue[qt++] = delta[c];
        }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (size_t k = 0; k < w; k++)
            own[s * w + k] |= own[fail[s] * w + k];
        for (size_t c = 0; c < nc; c++) {
            uint32_t t = delta[s * nc + c];
            if (t != 0) { /* a trie edge: fail[s] is shallower, already complete */
                fail[t] = delta[fail[s] * nc + c];
                queue[qt++] = t;
            } else {
                delta[s * nc + c] = delta[fail[s] * nc + c];
            }
        }
    }
    free(queue);
    free(fail);
    fail = queue = NULL;
    /* distinct output sets */
    pf->out = ck_calloc(n, sizeof *pf->out);
    if (pf->out == NULL)
        goto nomem;
    pf->sets = NULL;
    pf->n_sets = 0;
    for (size_t s = 0; s < n; s++) {
        int empty = 1;
        for (size_t k = 0; k < w; k++)
            if (own[s * w + k])
                empty = 0;
        if (empty)
            continue;
        size_t j;
        for (j = 0; j < pf->n_sets; j++)
            if (memcmp(&pf->sets[j * w], &own[s * w], w * sizeof *own) == 0)
                break;
        if (j == pf->n_sets) {
            if (ck_grow(&pf->sets, (pf->n_sets + 1) * w, sizeof *pf->sets))
                goto nomem;
            memcpy(&pf->sets[j * w], &own[s * w], w * sizeof *own);
            pf->n_sets++;
        }
        pf->out[s] = (uint32_t)j + 1;
    }
    free(own);
    own = NULL;
    /* shrinking cannot fail in practice; if it does the full table serves */
    pf->delta = ck_reallocarray(delta, n * nc, sizeof *delta);
    if (pf->delta == NULL)
        pf->delta = delta;
    pf->n_states = n;
    for (size_t p = 0; p < pf->n_patterns; p++)
        ck_atoms_fini(&pf->pending[p]);
    free(pf->pending);
    pf->pending = NULL;
    pf->compiled = 1;
    return;
nomem:
    /* no automaton: the prefilter reports no patterns, so every pattern
     * runs (and the thread's out-of-memory record fails the load) */
    free(queue);
    free(fail);
    free(own);
    free(delta);
    free(pf->out);
    pf->out = NULL;
    free(pf->sets);
    pf->sets = NULL;
    pf->n_sets = 0;
    for (size_t p = 0; p < pf->n_patterns; p++)
        ck_atoms_fini(&pf->pending[p]);
    free(pf->pending);
    pf->pending = NULL;
    pf->n_patterns = 0;
}

void ck_prefilter_free(struct ck_prefilter *pf)
{
    if (pf == NULL)
        return;
    if (pf->pending) {
        for (size_t p = 0; p < pf->n_patterns; p++)
            ck_atoms_fini(&pf->pending[p]);
        free(pf->pending);
    }
    free(pf->delta);
    free(pf->out);
    free(pf->sets);
    free(pf->first);
    free(pf->n_sub);
    free(pf);
}

size_t ck_prefilter_patterns(const struct ck_prefilter *pf)
{
    return pf->n_patterns;
}

size_t ck_prefilter_words(const struct ck_prefilter *pf)
{
    return pf->words ? pf->words : 1;
}

size_t ck_prefilter_states(const struct ck_prefilter *pf)
{
    return pf->n_states;
}

void ck_prefilter_scan(const struct ck_prefilter *pf, const char *text, size_t len, uint64_t *bits)
{
    size_t w = pf->words;
    memset(bits, 0, w * sizeof *bits);
    if (!pf->compiled || pf->n_states == 0)
        return;
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    const uint32_t *delta = pf->delta;
    const unsigned char *cls = pf->cls;
    size_t nc = pf->n_cls;
    uint32_t s = 0;
    for (; p < end; p++) {
        s = delta[(size_t)s * nc + cls[*p]];
        uint32_t o = pf->out[s];
        if (o) {
            const uint64_t *set = &pf->sets[(size_t)(o - 1) * w];
            for (size_t k = 0; k < w; k++)
                bits[k] |= set[k];
        }
    }
}
